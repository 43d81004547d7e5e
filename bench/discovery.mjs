// Discovery's wall time and round trips against a registry 25 ms away, next to a baseline client
// that makes the same reads one after another (what a loop over cosign tags and referrers does),
// in the same run, on the same content: a 3-platform index with sigstore bundles attached by
// @sigstore/oci, a cosign `.att` on the index and a cosign `.sig` on each platform.
// Needs the testbed (docker-registry, skopeo, umoci, htpasswd).
// Usage: node bench/discovery.mjs [--rounds N] [--rtt MS]   (results go in docs/performance.md)
import { Buffer } from 'node:buffer';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { setTimeout } from 'node:timers';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { checkLimits } from './support/measure.mjs';

const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const ROUNDS = option('--rounds', 5);
const RTT_MS = option('--rtt', 25);
const root = new URL('../', import.meta.url);
const fixture = (path) => readFileSync(new URL(`test/fixtures/third-party/${path}`, root));

// The gate and the testbed are TypeScript: bundle what the bench calls, packages left external.
mkdirSync(new URL('node_modules/.cache/', root), { recursive: true });
const outdir = mkdtempSync(new URL('node_modules/.cache/scg-bench-', root).pathname);
await build({
  entryPoints: {
    image: new URL('src/evidence/image.ts', root).pathname,
    discover: new URL('src/evidence/discover.ts', root).pathname,
    stores: new URL('src/adapters/oci/open-image-store.ts', root).pathname,
    references: new URL('src/model/image-reference.ts', root).pathname,
    log: new URL('src/adapters/http/request-log.ts', root).pathname,
    testbed: new URL('test/support/registry.ts', root).pathname,
    push: new URL('test/support/registry-push.ts', root).pathname,
  },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
const load = (name) => import(pathToFileURL(join(outdir, `${name}.mjs`)).href);
const { collectImageEvidence } = await load('image');
const { startDiscovery } = await load('discover');
const { openImageStore } = await load('stores');
const { parseImageReference } = await load('references');
const { RequestLog } = await load('log');
const testbed = await load('testbed');
const push = await load('push');

await testbed.requireTestbedTools();
const registry = await testbed.startRegistry({ auth: true });
const credentials = { username: registry.username, password: registry.password };
const platforms = [
  { os: 'linux', architecture: 'amd64' },
  { os: 'linux', architecture: 'arm64', variant: 'v8' },
  { os: 'linux', architecture: 's390x' },
];
const multi = await testbed.buildMultiPlatformImage(platforms);
let front;
try {
  // The helpers in test/support/registry-push.ts resolve ./sigstore-oci-attach.mjs next to
  // themselves; the bundle sits elsewhere, so the script is copied beside it.
  writeFileSync(
    join(outdir, 'sigstore-oci-attach.mjs'),
    readFileSync(new URL('test/support/sigstore-oci-attach.mjs', root)),
  );

  const indexDigest = await testbed.pushImage(multi.layoutDir, multi.tag, registry, 'acme/app', 'v1');
  const index = await push.readManifest(registry, 'acme/app', indexDigest);
  const children = index.json.manifests;
  const bundle = (path) => ({
    imageName: `${registry.host}/acme/app`,
    imageDigest: indexDigest,
    artifact: fixture(path),
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
  });
  await push.attachWithSigstoreOci(registry, [
    bundle('cosign/oci-attestation.sigstore.json'),
    bundle('sigstore-rs/kubewarden-controller-v1.34.0.cosign-sign-v1.sigstore.json'),
    bundle(
      'automata-slsa-sigstore-verifier/actions-attest-build-provenance-attestation-13531551.sigstore.json',
    ),
  ]);
  const blobs = 'slsa-verifier/container_workflow_dispatch/blobs/sha256';
  await push.attachCosignManifest(registry, 'acme/app', indexDigest, '.att', [
    {
      mediaType: 'application/vnd.dsse.envelope.v1+json',
      payload: fixture(`${blobs}/e163b472f2e5d66e5a2a45e26e020c51a0d2da7dc8b567b31fc2ebfd33dbc33a`),
      annotations: {},
    },
  ]);
  for (const child of children) {
    await push.attachCosignManifest(registry, 'acme/app', child.digest, '.sig', [
      {
        mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
        payload: fixture('containers-image-cosign/dir-img-cosign-valid/signature-1.payload'),
        annotations: {},
      },
    ]);
  }

  // A registry RTT_MS away: every answer leaves RTT_MS after its request arrived.
  front = await listen(
    createServer((request, response) => {
      setTimeout(async () => {
        const answer = await globalThis.fetch(`${registry.url}${request.url}`, {
          headers: {
            accept: request.headers.accept ?? '*/*',
            ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
          },
        });
        const headers = {};
        for (const name of ['content-type', 'docker-content-digest', 'www-authenticate', 'link']) {
          const value = answer.headers.get(name);
          if (value !== null) headers[name] = value;
        }
        response.writeHead(answer.status, headers);
        response.end(Buffer.from(await answer.arrayBuffer()));
      }, RTT_MS);
    }),
  );

  const gate = async () => {
    const requestLog = new RequestLog();
    const reference = `${front.host}/acme/app:v1`;
    const parsed = parseImageReference(reference);
    const store = openImageStore(parsed, {
      credentials,
      env: {},
      homeDir: '/nonexistent',
      fetch: requestLog.fetch,
    });
    const discovery = startDiscovery({ store });
    const image = await collectImageEvidence({ reference, parsed }, store, discovery.add);
    const { discovered } = await discovery.finish();
    return { found: discovered.length, platforms: image.platforms.length, stats: requestLog.statsSince() };
  };

  /** The same reads, one at a time, with credentials sent up front (which spares it the challenges). */
  const baseline = async () => {
    const requestLog = new RequestLog();
    const authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
    const get = async (
      path,
      accept = 'application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json',
    ) => {
      const response = await requestLog.fetch(`${front.url}/v2/acme/app/${path}`, {
        headers: { accept, authorization },
      });
      return response.ok
        ? response.json().catch(() => undefined)
        : (await response.body?.cancel(), undefined);
    };
    let found = 0;
    const readLayers = async (manifest) => {
      for (const layer of manifest?.layers ?? []) {
        if (/sigstore|dsse|simplesigning/.test(layer.mediaType)) {
          await get(`blobs/${layer.digest}`, '*/*');
          found += 1;
        }
      }
    };
    const top = await get('manifests/v1');
    const digests = [indexDigest, ...top.manifests.map((entry) => entry.digest)];
    for (const entry of top.manifests) {
      const manifest = await get(`manifests/${entry.digest}`);
      await get(`blobs/${manifest.config.digest}`, '*/*');
    }
    for (const digest of digests) {
      const tag = digest.replace(':', '-');
      await readLayers(await get(`manifests/${tag}.sig`));
      await readLayers(await get(`manifests/${tag}.att`));
      const referrers = (await get(`referrers/${digest}`)) ?? (await get(`manifests/${tag}`));
      for (const entry of referrers?.manifests ?? [])
        await readLayers(await get(`manifests/${entry.digest}`));
    }
    return { found, platforms: top.manifests.length, stats: requestLog.statsSince() };
  };

  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const measure = async (run) => {
    const runs = [];
    for (let round = 0; round < ROUNDS; round++) runs.push(await run());
    return { ...runs[0], ms: median(runs.map((entry) => entry.stats.elapsedMs)) };
  };
  await gate();
  await baseline();
  const ours = await measure(gate);
  const theirs = await measure(baseline);
  if (ours.found !== theirs.found)
    throw new Error(`the gate found ${ours.found}, the baseline ${theirs.found}`);

  console.log(
    `discovery, ${platforms.length}-platform index, ${ours.found} signatures and attestations, RTT ${RTT_MS} ms, median of ${ROUNDS}`,
  );
  console.log('| client | wall time | requests | sequential round trips |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [name, result] of [
    ['the gate', ours],
    ['sequential baseline', theirs],
  ]) {
    console.log(`| ${name} | ${result.ms} ms | ${result.stats.requests} | ${result.stats.roundTrips} |`);
  }
  console.log(
    `baseline / gate: ${(theirs.ms / ours.ms).toFixed(1)}× the wall time, ${(theirs.stats.roundTrips / ours.stats.roundTrips).toFixed(1)}× the round trips`,
  );
  // By tag: the floor's 4 round trips (resolve, list, manifests, blobs) and the auth challenge.
  checkLimits('discovery', [
    {
      figure: 'the gate, sequential round trips by tag (floor 4)',
      measured: ours.stats.roundTrips,
      limit: 5,
    },
  ]);
} finally {
  await front?.close();
  await registry.stop();
  rmSync(multi.layoutDir, { recursive: true, force: true });
  rmSync(outdir, { recursive: true, force: true });
}

function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        host: `127.0.0.1:${port}`,
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
