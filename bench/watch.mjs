// `supply-chain-gate watch` over a fleet, as users run it (a fresh bundle of this tree): N images
// (50 repositories, tags in each) in the real registry (distribution, loopback), one Trivy report
// per image bound to its digest, one image in ten failing, and the GitHub stand-in keeping the
// issues. For N = 50, 100 and 500: wall time, CPU time, peak resident memory of the CLI, registry
// and GitHub requests per image (counted by a proxy in front of the registry and by the stand-in),
// on the first run (issues opened) and on the next (nothing changed: nothing written). Issue writes
// are spaced by --write-interval (1000 ms by default, GitHub's advice); the bench sets 0 to measure
// the engine, and the table states what the spacing adds. Needs the testbed and GNU time.
// Usage: node bench/watch.mjs [--sizes 1,50,100,500] [--concurrency 8]   (results in docs/performance.md)
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { buildDist, checkLimits, option, requireGnuTime, ROOT } from './support/measure.mjs';

const sizesAt = process.argv.indexOf('--sizes');
const SIZES = (sizesAt === -1 ? '1,50,100,500' : process.argv[sizesAt + 1]).split(',').map(Number);
const CONCURRENCY = option('--concurrency', 8);
const REPOSITORIES = 50;
/** Regression guards, above what the 2-core machine measured: per image at the largest size. */
const LIMITS = { wallMsPerImage: 120, peakMb: 300, registryRequestsPerImage: 6, githubRequestsPerImage: 1.5 };

requireGnuTime();
// The stand-in reads GitHub's schemas relative to its own file: its bundle sits beside the source.
const helpers = mkdtempSync(join(ROOT, 'test/support/.bench-'));
process.on('exit', () => rmSync(helpers, { recursive: true, force: true }));
await build({
  entryPoints: {
    testbed: join(ROOT, 'test/support/registry.ts'),
    push: join(ROOT, 'test/support/registry-push.ts'),
    github: join(ROOT, 'test/support/github-api.ts'),
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
writeFileSync(
  join(helpers, 'sigstore-oci-attach.mjs'),
  readFileSync(join(ROOT, 'test/support/sigstore-oci-attach.mjs')),
);
const load = (name) => import(pathToFileURL(join(helpers, `${name}.mjs`)).href);
const testbed = await load('testbed');
const push = await load('push');
const { startGitHubApi } = await load('github');

/** A reverse proxy in front of the registry that counts what it forwards. */
async function countingProxy(target) {
  let count = 0;
  const server = createServer((incoming, outgoing) => {
    count += 1;
    const forwarded = httpRequest(
      {
        host: '127.0.0.1',
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${server.address().port}`,
    take: () => {
      const taken = count;
      count = 0;
      return taken;
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** A child under GNU time, without blocking this process: the stand-in answers from here. */
function timeAsync(command, args, { cwd, env }) {
  const report = join(tmpdir(), `scg-bench-watch-time-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-o', report, '-f', '%U %S %M', command, ...args], { cwd, env });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (status) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const [user, system, peakKb] = readFileSync(report, 'utf8')
        .trim()
        .split('\n')
        .at(-1)
        .split(' ')
        .map(Number);
      rmSync(report, { force: true });
      resolve({ status, wallMs, cpuMs: (user + system) * 1000, peakMb: peakKb / 1024, stderr });
    });
  });
}

await testbed.requireTestbedTools();
const bundle = buildDist();
const registry = await testbed.startRegistry();
const github = await startGitHubApi();
const proxy = await countingProxy({ port: Number(registry.host.split(':')[1]) });
const workspace = mkdtempSync(join(tmpdir(), 'scg-bench-watch-'));
try {
  const largest = Math.max(...SIZES);
  // Pushed straight to the registry, not counted. Each image: a config blob and a manifest.
  const images = [];
  for (let start = 0; start < largest; start += 25) {
    const batch = Array.from({ length: Math.min(25, largest - start) }, (_, offset) => start + offset);
    images.push(
      ...(await Promise.all(
        batch.map(async (index) => {
          const repository = `fleet/app-${index % REPOSITORIES}`;
          const tag = `r${Math.floor(index / REPOSITORIES)}`;
          const config = Buffer.from(
            JSON.stringify({
              architecture: 'amd64',
              os: 'linux',
              config: { User: '1000', Labels: { index: String(index) } },
              rootfs: { type: 'layers', diff_ids: [] },
            }),
          );
          const configDescriptor = await push.pushBlob(
            registry,
            repository,
            config,
            'application/vnd.oci.image.config.v1+json',
          );
          const manifest = {
            schemaVersion: 2,
            mediaType: push.OCI_MANIFEST,
            config: configDescriptor,
            layers: [],
          };
          const { digest } = await push.pushManifest(registry, repository, manifest, tag);
          return { index, repository, tag, digest };
        }),
      )),
    );
  }
  mkdirSync(join(workspace, 'scans'));
  for (const image of images) {
    const failing = image.index % 10 === 0;
    writeFileSync(
      join(workspace, 'scans', `${image.index}.json`),
      JSON.stringify({
        SchemaVersion: 2,
        CreatedAt: new Date().toISOString(),
        ArtifactName: `${image.repository}:${image.tag}`,
        ArtifactType: 'container_image',
        Metadata: { RepoDigests: [`${proxy.host}/${image.repository}@${image.digest}`] },
        Results: [
          {
            Target: 'app',
            Class: 'os-pkgs',
            Type: 'alpine',
            Vulnerabilities: [
              {
                VulnerabilityID: `CVE-2026-${String(image.index).padStart(4, '0')}`,
                PkgName: 'openssl',
                InstalledVersion: '3.0.0',
                FixedVersion: '3.0.9',
                Severity: failing ? 'CRITICAL' : 'LOW',
              },
            ],
          },
        ],
      }),
    );
  }
  writeFileSync(join(workspace, 'policy.yml'), 'version: 1\nvulnerabilities:\n  fail-on: [critical, high]\n');

  const cli = join(bundle.dist, 'cli.js');
  const rows = [];
  const argsFor = (size, host, repository) => {
    const chosen = images.slice(0, size);
    const reference = (image) => `${host}/${image.repository}:${image.tag}`;
    return [
      cli,
      'watch',
      ...chosen.flatMap((image) => ['--image', reference(image)]),
      ...chosen.flatMap((image) => ['--scan', `${reference(image)}=scans/${image.index}.json`]),
      '--policy',
      'policy.yml',
      '--github-api',
      github.url,
      '--repository',
      `acme/${repository}`,
      '--concurrency',
      String(CONCURRENCY),
      '--write-interval',
      '0',
      '--json',
      `report-${repository}.json`,
      '--quiet',
    ];
  };
  const runs = [
    ...SIZES.flatMap((size) => [
      { size, round: 'first run', host: proxy.host, repository: `fleet-${size}` },
      { size, round: 'next run', host: proxy.host, repository: `fleet-${size}` },
    ]),
  ];
  for (const { size, round, host, repository } of runs) {
    const args = argsFor(size, host, repository);
    {
      proxy.take();
      const githubBefore = github.requests.length;
      const measured = await timeAsync(process.execPath, args, {
        cwd: workspace,
        env: { ...process.env, GITHUB_TOKEN: github.token },
      });
      if (measured.status !== 1)
        throw new Error(`watch exited ${measured.status}: ${measured.stderr.slice(-2000)}`);
      const githubRequests = github.requests.slice(githubBefore);
      const writes = githubRequests.filter((request) => request.method !== 'GET').length;
      rows.push({
        size,
        round,
        ...measured,
        registry: host === proxy.host ? proxy.take() : undefined,
        github: githubRequests.length,
        writes,
        issues: github.issues('acme', repository).length,
      });
    }
  }
  if (github.violations.length > 0)
    throw new Error(`GitHub stand-in violations: ${github.violations.length}`);

  console.log(
    `watch over a fleet, node ${process.version}, ${process.arch}, concurrency ${CONCURRENCY}, write interval 0\n`,
  );
  console.log(
    '| images | run | wall time | per image | CPU time | peak RSS | registry requests / image | GitHub requests / image | GitHub writes | issues |',
  );
  console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    console.log(
      `| ${row.size} | ${row.round} | ${row.wallMs.toFixed(0)} ms | ${(row.wallMs / row.size).toFixed(1)} ms | ${row.cpuMs.toFixed(0)} ms | ${row.peakMb.toFixed(0)} MB | ${row.registry === undefined ? '—' : (row.registry / row.size).toFixed(2)} | ${(row.github / row.size).toFixed(2)} | ${row.writes} | ${row.issues} |`,
    );
  }
  const big = rows.filter((row) => row.size === largest && row.registry !== undefined);
  console.log(
    `\nWith the default --write-interval 1000, the first run of ${largest} images adds about ${big[0].writes} s of spacing (one second per write); the next run adds ${big[1].writes} s.`,
  );
  checkLimits('watch', [
    ...big.map((row) => ({
      figure: `${largest} images, ${row.round}: wall time per image`,
      measured: Math.round(row.wallMs / row.size),
      limit: LIMITS.wallMsPerImage,
      format: (ms) => `${ms} ms`,
    })),
    ...big.map((row) => ({
      figure: `${largest} images, ${row.round}: peak RSS`,
      measured: Math.round(row.peakMb),
      limit: LIMITS.peakMb,
      format: (mb) => `${mb} MB`,
    })),
    ...big.map((row) => ({
      figure: `${largest} images, ${row.round}: registry requests per image`,
      measured: Number((row.registry / row.size).toFixed(2)),
      limit: LIMITS.registryRequestsPerImage,
      format: (n) => String(n),
    })),
    ...big.map((row) => ({
      figure: `${largest} images, ${row.round}: GitHub requests per image`,
      measured: Number((row.github / row.size).toFixed(2)),
      limit: LIMITS.githubRequestsPerImage,
      format: (n) => String(n),
    })),
  ]);
} finally {
  await proxy.stop();
  await github.stop();
  await registry.stop();
  bundle.remove();
  rmSync(workspace, { recursive: true, force: true });
}
