// A whole run (run() as the action calls it) on the testbed: the image in the real registry with a
// cosign signature and two referrer attestations, a Trivy report of 50 findings bound to it, the
// GitHub stand-in for the check run (50 annotations) and the attestations API. Counted: registry
// and GitHub requests, and the critical path in sequential round trips, for the registry, for
// GitHub and for the whole run, against the floor (registry: resolve, list, manifests, blobs;
// GitHub: create the check in progress, complete it). Then the same runs behind a front that
// delays every answer by --rtt ms (default 50), on a 1-platform image and a 3-platform index: the
// wall time added tracks the round trips, not the requests.
// Needs the testbed (docker-registry, skopeo, umoci, htpasswd).
// Usage: node bench/round-trips.mjs [--rounds N] [--rtt MS]   (results go in docs/performance.md)
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { checkLimits, median, option, ROOT, spread } from './support/measure.mjs';

const ROUNDS = option('--rounds', 5);
const RTT_MS = option('--rtt', 50);
const ANNOTATIONS = 50;
// One annotation more comes from the policy file (the failing rule), so the check gets exactly 50.
const FINDINGS = ANNOTATIONS - 1;
/** The floors the issue sets; the limits (docs/performance.md) allow one round trip more. */
const FLOOR = { registry: 4, githubRequests: 2, run: 5 };

// The gate and the testbed helpers are TypeScript: bundle what the bench calls, packages external
// (so the output sits under node_modules, where those packages resolve).
mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
const outdir = mkdtempSync(join(ROOT, 'node_modules/.cache/scg-bench-'));
// Removed however the bench ends, a failed import included.
process.on('exit', () => rmSync(outdir, { recursive: true, force: true }));
await build({
  entryPoints: {
    main: join(ROOT, 'src/main.ts'),
    github: join(ROOT, 'src/adapters/github/create-client.ts'),
    stores: join(ROOT, 'src/adapters/oci/open-image-store.ts'),
    log: join(ROOT, 'src/adapters/http/request-log.ts'),
    logger: join(ROOT, 'src/adapters/log/logger.ts'),
    testbed: join(ROOT, 'test/support/registry.ts'),
    push: join(ROOT, 'test/support/registry-push.ts'),
    standIn: join(ROOT, 'test/support/github-api.ts'),
    proxy: join(ROOT, 'test/support/fault-proxy.ts'),
  },
  outdir,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
  plugins: [keepModuleUrls()],
});
// The helpers in test/support/registry-push.ts resolve ./sigstore-oci-attach.mjs next to themselves.
writeFileSync(
  join(outdir, 'sigstore-oci-attach.mjs'),
  readFileSync(join(ROOT, 'test/support/sigstore-oci-attach.mjs')),
);
const load = (name) => import(pathToFileURL(join(outdir, `${name}.mjs`)).href);
const { run } = await load('main');
const { createGitHubClient } = await load('github');
const { openImageStore } = await load('stores');
const { RequestLog } = await load('log');
const { createMemoryLogger } = await load('logger');
const testbed = await load('testbed');
const push = await load('push');
const { startGitHubApi } = await load('standIn');
const { startFaultProxy } = await load('proxy');

const fixture = (path) => readFileSync(join(ROOT, 'test/fixtures/third-party', path));
const BUNDLE_V03 = 'application/vnd.dev.sigstore.bundle.v0.3+json';

await testbed.requireTestbedTools();
const registry = await testbed.startRegistry({ auth: true });
const github = await startGitHubApi();
const cleanup = [];
const fronts = [];
try {
  const single = await testbed.buildImage({ labels: { name: 'app' }, tag: 'v1' });
  const multi = await testbed.buildMultiPlatformImage([
    { os: 'linux', architecture: 'amd64' },
    { os: 'linux', architecture: 'arm64', variant: 'v8' },
    { os: 'linux', architecture: 's390x' },
  ]);
  cleanup.push(single.layoutDir, multi.layoutDir);
  const images = [
    {
      name: '1 platform',
      digest: await testbed.pushImage(single.layoutDir, single.tag, registry, 'acme/app', 'v1'),
    },
    {
      name: '3-platform index',
      digest: await testbed.pushImage(multi.layoutDir, multi.tag, registry, 'acme/multi', 'v1'),
    },
  ];
  for (const [image, repository] of [
    [images[0], 'acme/app'],
    [images[1], 'acme/multi'],
  ]) {
    image.repository = repository;
    // A cosign signature, and two sigstore bundles attached as referrers (as actions/attest does).
    await push.attachCosignManifest(registry, repository, image.digest, '.sig', [
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
        imageName: `${registry.host}/${repository}`,
        imageDigest: image.digest,
        artifact: fixture(path),
        mediaType: BUNDLE_V03,
      })),
    );
    image.workspace = workspaceFor(image.digest);
    cleanup.push(image.workspace);
  }

  const direct = { registry: { url: registry.url, host: registry.host }, github: { url: github.url } };
  const delayed = {
    registry: await front(registry.url),
    github: await front(github.url),
  };

  let sequence = 0;
  /** One run of the gate, as the action runs it; every request is counted by host. */
  const gate = async (image, servers) => {
    sequence += 1;
    const whole = new RequestLog();
    const registryLog = new RequestLog(whole.fetch);
    const githubLog = new RequestLog(whole.fetch);
    const before = github.requests.length;
    const headSha = sequence.toString(16).padStart(40, '0');
    const result = await run(
      {
        image: `${servers.registry.host}/${image.repository}`,
        digest: image.digest,
        platforms: [],
        attestationScopes: [{ owner: 'acme', repo: 'app' }],
        scanPaths: ['trivy.json'],
        checkName: 'supply-chain-gate',
        workspace: image.workspace,
        registryCredentials: { username: registry.username, password: registry.password },
        githubToken: github.token,
        github: { apiUrl: servers.github.url, token: github.token, owner: 'acme', repo: 'app', headSha },
      },
      {
        now: () => new Date(),
        log: createMemoryLogger(),
        toolVersion: 'bench',
        requestLog: registryLog,
        github: createGitHubClient({
          apiUrl: servers.github.url,
          token: github.token,
          fetch: githubLog.fetch,
        }),
        openImageStore: (reference) =>
          openImageStore(reference, {
            credentials: { username: registry.username, password: registry.password },
            env: {},
            homeDir: '/nonexistent',
            fetch: registryLog.fetch,
          }),
      },
    );
    if (result.decision.verdict === 'error') {
      throw new Error(`the run could not decide: ${result.decision.errors.join('; ')}`);
    }
    if (result.reportErrors.length > 0) throw new Error(result.reportErrors.join('; '));
    const annotations = github.checkRuns().find((check) => check.head_sha === headSha)?.annotations ?? [];
    if (annotations.length > ANNOTATIONS) {
      throw new Error(`the check got ${annotations.length} annotations, more than ${ANNOTATIONS}`);
    }
    return {
      stats: whole.statsSince(),
      registry: registryLog.statsSince(),
      github: githubLog.statsSince(),
      operations: github.requests.slice(before).map((request) => request.operation),
      annotations,
    };
  };

  const rows = [];
  for (const image of images) {
    await gate(image, direct);
    // Counted where every answer takes RTT_MS: on loopback a request sent just after an unrelated
    // answer would look like it waited for it.
    const counted = await gate(image, delayed);
    const times = { direct: [], delayed: [] };
    for (let round = 0; round < ROUNDS; round++) {
      times.direct.push((await gate(image, direct)).stats.elapsedMs);
      times.delayed.push((await gate(image, delayed)).stats.elapsedMs);
    }
    rows.push({ image, counted, times });
  }
  if (github.violations.length > 0) {
    throw new Error(`the gate sent requests GitHub would refuse: ${github.violations[0].message}`);
  }

  const [first] = rows;
  console.log(
    `one run of the gate (run()), ${ANNOTATIONS} annotations, median of ${ROUNDS} runs (spread min–max), RTT added ${RTT_MS} ms\n`,
  );
  console.log(
    '| image | registry requests | GitHub requests | round trips: registry / GitHub / whole run | wall time, loopback | wall time, +RTT | added / RTT |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    const { counted, times } = row;
    const added = (median(times.delayed) - median(times.direct)) / RTT_MS;
    row.added = added;
    console.log(
      `| ${row.image.name} | ${counted.registry.requests} | ${counted.github.requests} | ${counted.registry.roundTrips} / ${counted.github.roundTrips} / ${counted.stats.roundTrips} | ${median(times.direct)} ms (${spread(times.direct)}) | ${median(times.delayed)} ms (${spread(times.delayed)}) | ${added.toFixed(1)} |`,
    );
  }
  const paths = {};
  for (const { path } of first.counted.annotations) paths[path] = (paths[path] ?? 0) + 1;
  console.log(
    `\nGitHub requests of one run (${first.counted.annotations.length} annotations: ${Object.entries(paths)
      .map(([path, count]) => `${count} on ${path}`)
      .join(', ')}):`,
  );
  for (const operation of first.counted.operations) console.log(`  ${operation}`);

  checkLimits('round trips', [
    ...rows.map((row) => ({
      figure: `${row.image.name}: registry round trips (floor ${FLOOR.registry})`,
      measured: row.counted.registry.roundTrips,
      limit: FLOOR.registry + 1,
    })),
    ...rows.map((row) => ({
      figure: `${row.image.name}: whole run round trips (floor ${FLOOR.run})`,
      measured: row.counted.stats.roundTrips,
      limit: FLOOR.run + 1,
    })),
    {
      figure: `GitHub requests, ≤ ${ANNOTATIONS} annotations (floor ${FLOOR.githubRequests})`,
      measured: first.counted.github.requests,
      limit: FLOOR.githubRequests + 2,
    },
    ...rows.map((row) => ({
      figure: `${row.image.name}: wall time added by the RTT, in RTTs (floor ${FLOOR.run})`,
      measured: Number(row.added.toFixed(1)),
      limit: FLOOR.run + 1,
      format: (value) => value.toFixed(1),
    })),
  ]);
} finally {
  for (const proxy of fronts) await proxy.stop();
  await registry.stop();
  await github.stop();
  for (const path of cleanup) rmSync(path, { recursive: true, force: true });
}

/** A front that answers every request RTT_MS after it arrives (fault-proxy's `delay`, on everything). */
async function front(upstream) {
  const proxy = await startFaultProxy(upstream);
  proxy.inject({ path: /^/, fault: { kind: 'delay', ms: RTT_MS } });
  fronts.push(proxy);
  return proxy;
}

/** A checkout: the policy, package-lock.json, and a Trivy report of ANNOTATIONS critical findings in it. */
function workspaceFor(digest) {
  const workspace = mkdtempSync(join(tmpdir(), 'scg-bench-run-'));
  mkdirSync(join(workspace, '.github'));
  writeFileSync(
    join(workspace, '.github/supply-chain-gate.yml'),
    'version: 1\nvulnerabilities:\n  fail-on: [critical]\n',
  );
  writeFileSync(join(workspace, 'package-lock.json'), '{"lockfileVersion": 3}\n');
  writeFileSync(
    join(workspace, 'trivy.json'),
    JSON.stringify({
      SchemaVersion: 2,
      ArtifactName: 'app',
      Metadata: { RepoDigests: [`app@${digest}`] },
      Results: [
        {
          Target: 'package-lock.json',
          Vulnerabilities: Array.from({ length: FINDINGS }, (_, n) => ({
            VulnerabilityID: `CVE-2026-${String(n + 1).padStart(5, '0')}`,
            PkgName: `pkg-${n}`,
            InstalledVersion: '1.0.0',
            FixedVersion: '1.0.1',
            Severity: 'CRITICAL',
            Title: `finding ${n}`,
          })),
        },
      ],
    }),
  );
  return workspace;
}

/**
 * The test helpers find their fixtures relative to their own file (`import.meta.url`): in the
 * bundle each keeps its source file's URL.
 */
function keepModuleUrls() {
  return {
    name: 'keep-module-urls',
    setup(build) {
      build.onLoad({ filter: /[/]test[/]support[/].*[.]ts$/ }, async (args) => ({
        contents: (await readFile(args.path, 'utf8')).replaceAll(
          'import.meta.url',
          JSON.stringify(pathToFileURL(args.path).href),
        ),
        loader: 'ts',
      }));
    },
  };
}
