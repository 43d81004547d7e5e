// `supply-chain-gate check` end to end, as users run it (a fresh bundle of this tree): on the demo
// (an OCI layout, its Trivy report and policy, offline) and on a testbed image (the real registry,
// a cosign signature and two referrer attestations, a Trivy report bound to the digest): wall
// time, CPU time (user + system) and peak resident memory, next to `node -e 0` and to skopeo
// reading the same image's manifest and config (a Go client, the floor of any registry reader),
// in the same run. Needs the testbed (docker-registry, skopeo, umoci, htpasswd) and GNU time.
// Usage: node bench/end-to-end.mjs [--rounds N]   (results go in docs/performance.md)
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import {
  buildDist,
  checkLimits,
  median,
  option,
  requireGnuTime,
  ROOT,
  spread,
  timeCommand,
} from './support/measure.mjs';

const ROUNDS = option('--rounds', 7);
/**
 * Regression guards (docs/performance.md): the demo's wall time over bare Node, and peak memory.
 * Set above what was measured on the 2-core machine, with room for its noise.
 */
const LIMITS = { demoOverNodeMs: 400, testbedOverNodeMs: 700, peakMb: 150 };

requireGnuTime();
mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
const helpers = mkdtempSync(join(ROOT, 'node_modules/.cache/scg-bench-'));
// Removed however the bench ends, a failed import included.
process.on('exit', () => rmSync(helpers, { recursive: true, force: true }));
await build({
  entryPoints: {
    testbed: join(ROOT, 'test/support/registry.ts'),
    push: join(ROOT, 'test/support/registry-push.ts'),
  },
  outdir: helpers,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
// test/support/registry-push.ts resolves ./sigstore-oci-attach.mjs next to itself.
writeFileSync(
  join(helpers, 'sigstore-oci-attach.mjs'),
  readFileSync(join(ROOT, 'test/support/sigstore-oci-attach.mjs')),
);
const testbed = await import(pathToFileURL(join(helpers, 'testbed.mjs')).href);
const push = await import(pathToFileURL(join(helpers, 'push.mjs')).href);
const fixture = (path) => readFileSync(join(ROOT, 'test/fixtures/third-party', path));

await testbed.requireTestbedTools();
const bundle = buildDist();
const registry = await testbed.startRegistry({ auth: true });
const cleanup = [];
try {
  const image = await testbed.buildImage({ labels: { name: 'app' }, tag: 'v1' });
  cleanup.push(image.layoutDir);
  const digest = await testbed.pushImage(image.layoutDir, image.tag, registry, 'acme/app', 'v1');
  await push.attachCosignManifest(registry, 'acme/app', digest, '.sig', [
    {
      mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
      payload: fixture('containers-image-cosign/dir-img-cosign-valid/signature-1.payload'),
      annotations: {},
    },
  ]);
  await push.attachWithSigstoreOci(
    registry,
    [
      'cosign/oci-attestation.sigstore.json',
      'automata-slsa-sigstore-verifier/actions-attest-build-provenance-attestation-13531551.sigstore.json',
    ].map((path) => ({
      imageName: `${registry.host}/acme/app`,
      imageDigest: digest,
      artifact: fixture(path),
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    })),
  );
  const workspace = mkdtempSync(join(tmpdir(), 'scg-bench-e2e-'));
  cleanup.push(workspace);
  writeFileSync(
    join(workspace, 'trivy.json'),
    readFileSync(join(ROOT, 'examples/demo/trivy.json'), 'utf8').replace(
      /"RepoDigests":\s*\[[^\]]*\]/,
      `"RepoDigests": ["app@${digest}"]`,
    ),
  );
  writeFileSync(join(workspace, 'policy.yml'), readFileSync(join(ROOT, 'examples/demo/policy.yml')));

  const cli = join(bundle.dist, 'cli.js');
  const registryEnv = {
    ...process.env,
    REGISTRY_USERNAME: registry.username,
    REGISTRY_PASSWORD: registry.password,
  };
  const commands = [
    { name: 'node -e 0 (baseline)', command: process.execPath, args: ['-e', '0'] },
    {
      name: 'check, the demo (OCI layout, offline)',
      command: process.execPath,
      args: [cli, 'check', '--image', 'oci:app-oci:1.0', '--policy', 'policy.yml', '--scan', 'trivy.json'],
      cwd: join(ROOT, 'examples/demo'),
      // The demo's policy fails the image: exit 1 is the expected verdict.
      expectStatus: 1,
    },
    {
      name: 'check, testbed image (registry, 3 signatures and attestations)',
      command: process.execPath,
      args: [cli, 'check', '--image', `${registry.host}/acme/app@${digest}`, '--policy', 'policy.yml'],
      extra: ['--scan', 'trivy.json'],
      cwd: workspace,
      env: registryEnv,
      expectStatus: 1,
    },
    {
      name: 'skopeo inspect, same image (reference)',
      command: 'skopeo',
      args: [
        'inspect',
        '--tls-verify=false',
        '--creds',
        `${registry.username}:${registry.password}`,
        `docker://${registry.host}/acme/app@${digest}`,
      ],
    },
  ];
  for (const command of commands) command.samples = [];
  for (let round = 0; round < ROUNDS + 1; round++) {
    for (const command of commands) {
      const measured = timeCommand(command.command, [...command.args, ...(command.extra ?? [])], {
        cwd: command.cwd ?? ROOT,
        env: command.env ?? process.env,
        expectStatus: command.expectStatus ?? 0,
      });
      if (round > 0) command.samples.push(measured);
    }
  }
  const [bare, demo, testbedRun] = commands;
  for (const command of commands) {
    command.wall = median(command.samples.map((sample) => sample.wallMs));
    command.cpu = median(command.samples.map((sample) => sample.cpuMs));
    command.peak = median(command.samples.map((sample) => sample.peakMb));
  }
  console.log(
    `end to end, median of ${ROUNDS} interleaved runs (spread min–max), node ${process.version}, ${process.arch}\n`,
  );
  console.log('| command | wall time | CPU time | peak RSS |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const command of commands) {
    const walls = command.samples.map((sample) => sample.wallMs);
    console.log(
      `| ${command.name} | ${command.wall.toFixed(0)} ms (${spread(walls)}) | ${command.cpu.toFixed(0)} ms | ${command.peak.toFixed(0)} MB |`,
    );
  }
  checkLimits('end to end', [
    {
      figure: 'check on the demo, wall time over bare node',
      measured: Math.round(demo.wall - bare.wall),
      limit: LIMITS.demoOverNodeMs,
      format: (ms) => `${ms} ms`,
    },
    {
      figure: 'check on the testbed image, wall time over bare node',
      measured: Math.round(testbedRun.wall - bare.wall),
      limit: LIMITS.testbedOverNodeMs,
      format: (ms) => `${ms} ms`,
    },
    ...[demo, testbedRun].map((command) => ({
      figure: `${command.name}: peak RSS`,
      measured: Math.round(command.peak),
      limit: LIMITS.peakMb,
      format: (mb) => `${mb} MB`,
    })),
  ]);
} finally {
  await registry.stop();
  bundle.remove();
  for (const path of cleanup) rmSync(path, { recursive: true, force: true });
}
