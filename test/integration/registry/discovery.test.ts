/**
 * Discovery against the real testbed: Debian's distribution 2.8 (no referrers API, like GHCR) with
 * htpasswd auth, images pushed with skopeo, sigstore bundles attached with @sigstore/oci (what
 * actions/attest uses) and cosign-style `.sig`/`.att` manifests written as cosign writes them. The
 * payloads are real signatures and attestations from other projects' test data.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { openImageStore } from '../../../src/adapters/oci/open-image-store.js';
import type { RegistryOptions } from '../../../src/adapters/registry/store.js';
import { RequestLog } from '../../../src/adapters/http/request-log.js';
import { collectEvidence } from '../../../src/evidence/collect.js';
import type { DiscoveredArtifact, Evidence, Platform } from '../../../src/model/evidence.js';
import { GateError } from '../../../src/errors.js';
import { fixturePath } from '../../support/fixtures.js';
import {
  buildImage,
  buildMultiPlatformImage,
  pushImage,
  requireTestbedTools,
  startRegistry,
  type TestRegistry,
} from '../../support/registry.js';
import {
  OCI_INDEX,
  attachCosignManifest,
  attachWithSigstoreOci,
  deleteManifest,
  pushManifest,
  pushReferrer,
  readManifest,
  sha256,
  type AttachedLayer,
  type PushedDescriptor,
} from '../../support/registry-push.js';

const BUNDLE_V03 = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const BUNDLE_V01 = 'application/vnd.dev.sigstore.bundle+json;version=0.1';
const SIMPLESIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json';
const DSSE = 'application/vnd.dsse.envelope.v1+json';

const thirdParty = (path: string) => readFileSync(fixturePath(`third-party/${path}`));
const BUNDLES = {
  cosignAttestation: thirdParty('cosign/oci-attestation.sigstore.json'),
  kubewarden: thirdParty('sigstore-rs/kubewarden-controller-v1.34.0.cosign-sign-v1.sigstore.json'),
  sigstoreJsV01: thirdParty('gh-cli-attestation/sigstore-js-2.1.0-bundle-v0.1.json'),
  attestBuildProvenance: thirdParty(
    'automata-slsa-sigstore-verifier/actions-attest-build-provenance-attestation-13531551.sigstore.json',
  ),
  attestBuildProvenance2: thirdParty(
    'automata-slsa-sigstore-verifier/actions-attest-build-provenance-attestation-13581567.sigstore.json',
  ),
};
const SBOM = thirdParty('cosign/bom-go-mod.spdx.json');

/** A cosign `.sig` layer as containers/image keeps it: payload bytes and layer annotations. */
function cosignSignature(dir: string): AttachedLayer {
  const base = `third-party/containers-image-cosign/${dir}/signature-1`;
  return {
    mediaType: SIMPLESIGNING,
    payload: readFileSync(fixturePath(`${base}.payload`)),
    annotations: JSON.parse(readFileSync(fixturePath(`${base}.annotations.json`), 'utf8')),
  };
}

/** The DSSE layer of the `.att` manifest slsa-github-generator's cosign wrote. */
function cosignAttestation(): AttachedLayer {
  const blobs = 'third-party/slsa-verifier/container_workflow_dispatch/blobs/sha256';
  const manifest = JSON.parse(
    readFileSync(
      fixturePath(`${blobs}/21454caf3a160dfbe6359f0501aa8401c6c0f2c7a8b71380ea21f8c4b48b64fe`),
      'utf8',
    ),
  ) as { layers: Array<{ digest: string; annotations: Record<string, string> }> };
  const [layer] = manifest.layers;
  return {
    mediaType: DSSE,
    payload: readFileSync(fixturePath(`${blobs}/${layer!.digest.slice('sha256:'.length)}`)),
    annotations: layer!.annotations,
  };
}

let registry: TestRegistry;
let credentials: { username: string; password: string };
const cleanup: string[] = [];
/** acme/app:v1, with everything attached; acme/app:other, with one bundle of its own. */
let app: PushedDescriptor;
let other: PushedDescriptor;
let multiIndex: string;
let multiPlatforms: Array<{ digest: string; platform: Platform }>;
let sigManifest: PushedDescriptor;
let attManifest: PushedDescriptor;

function attachment(repository: string, digest: string, bundle: Buffer, mediaType = BUNDLE_V03) {
  return {
    imageName: `${registry.host}/${repository}`,
    imageDigest: digest,
    artifact: bundle,
    mediaType,
    annotations: { 'dev.sigstore.bundle.content': 'dsse-envelope' },
  };
}

beforeAll(async () => {
  await requireTestbedTools();
  registry = await startRegistry({ auth: true });
  credentials = { username: registry.username ?? '', password: registry.password ?? '' };
  const [appImage, otherImage, multi] = await Promise.all([
    buildImage({ labels: { name: 'app' }, tag: 'v1' }),
    buildImage({ labels: { name: 'other' }, tag: 'v1' }),
    buildMultiPlatformImage([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
    ]),
  ]);
  cleanup.push(appImage.layoutDir, otherImage.layoutDir, multi.layoutDir);
  await Promise.all([
    pushImage(appImage.layoutDir, appImage.tag, registry, 'acme/app', 'v1'),
    pushImage(otherImage.layoutDir, otherImage.tag, registry, 'acme/app', 'other'),
    pushImage(multi.layoutDir, multi.tag, registry, 'acme/multi', 'v1'),
  ]);
  [app, other] = await Promise.all([
    readManifest(registry, 'acme/app', 'v1').then((read) => read.descriptor),
    readManifest(registry, 'acme/app', 'other').then((read) => read.descriptor),
  ]);
  const index = await readManifest(registry, 'acme/multi', 'v1');
  multiIndex = index.descriptor.digest;
  multiPlatforms = index.json.manifests as Array<{ digest: string; platform: Platform }>;

  await attachWithSigstoreOci(registry, [
    attachment('acme/app', app.digest, BUNDLES.cosignAttestation),
    attachment('acme/app', app.digest, BUNDLES.kubewarden),
    attachment('acme/app', app.digest, BUNDLES.sigstoreJsV01, BUNDLE_V01),
    attachment('acme/app', app.digest, SBOM, 'application/spdx+json'),
    attachment('acme/app', other.digest, BUNDLES.attestBuildProvenance),
    attachment('acme/multi', multiIndex, BUNDLES.attestBuildProvenance2),
  ]);
  [sigManifest, attManifest] = await Promise.all([
    attachCosignManifest(registry, 'acme/app', app.digest, '.sig', [
      cosignSignature('dir-img-cosign-fulcio-rekor-valid'),
      cosignSignature('dir-img-cosign-key-rekor-valid'),
    ]),
    attachCosignManifest(registry, 'acme/app', app.digest, '.att', [cosignAttestation()]),
    attachCosignManifest(registry, 'acme/multi', multiPlatforms[1]!.digest, '.sig', [
      cosignSignature('dir-img-cosign-valid'),
    ]),
  ]);
}, 60_000);

afterAll(async () => {
  await registry?.stop();
  await Promise.all(cleanup.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The evidence of `image`, read as the gate reads it; no docker config of this machine leaks in. */
async function gate(
  image: string,
  options: { platforms?: Platform[]; registry?: Partial<RegistryOptions>; digest?: string } = {},
): Promise<Evidence> {
  const requestLog = new RequestLog();
  return collectEvidence(
    {
      image,
      ...(options.digest ? { digest: options.digest } : {}),
      ...(options.platforms ? { platforms: options.platforms } : {}),
      scanPaths: [],
      checkName: 'supply-chain-gate',
      workspace: '/nonexistent',
    },
    {
      requestLog,
      openImageStore: (reference) =>
        openImageStore(reference, {
          env: {},
          homeDir: '/nonexistent',
          credentials,
          fetch: requestLog.fetch,
          ...options.registry,
        }),
    },
  );
}

const bundleOf = (bytes: Buffer) => JSON.parse(bytes.toString('utf8')) as unknown;
const summarize = (artifact: DiscoveredArtifact) => ({
  kind: artifact.kind,
  subjectDigest: artifact.subjectDigest,
  uri: artifact.source.uri,
  platform: artifact.platform,
});

describe('discovery on a registry without the referrers API', () => {
  it('finds every signature and attestation attached to the digest, each with its source', async () => {
    const evidence = await gate(`${registry.host}/acme/app:v1`);
    const manifests = `http://${registry.host}/v2/acme/app/manifests`;

    const signatures = evidence.discovered.filter((artifact) => artifact.kind === 'cosign-signature');
    expect(signatures.map((artifact) => artifact.source)).toEqual(
      ['dir-img-cosign-fulcio-rekor-valid', 'dir-img-cosign-key-rekor-valid'].map((dir) => ({
        kind: 'registry',
        uri: `${manifests}/${sigManifest.digest}`,
        digest: sha256(cosignSignature(dir).payload),
      })),
    );
    expect(signatures[0]?.cosignLayer).toEqual({
      mediaType: SIMPLESIGNING,
      payload: new Uint8Array(cosignSignature('dir-img-cosign-fulcio-rekor-valid').payload),
      annotations: cosignSignature('dir-img-cosign-fulcio-rekor-valid').annotations,
    });

    const attestations = evidence.discovered.filter((artifact) => artifact.kind === 'cosign-attestation');
    expect(attestations).toHaveLength(1);
    expect(attestations[0]?.source.uri).toBe(`${manifests}/${attManifest.digest}`);
    expect(Buffer.from(attestations[0]!.cosignLayer!.payload)).toEqual(cosignAttestation().payload);
    expect(attestations[0]?.cosignLayer?.annotations.predicateType).toBe('https://slsa.dev/provenance/v0.2');

    // The three bundles @sigstore/oci attached, in the order of the referrers index, read from
    // their own manifests; the SBOM next to them is not a signature.
    const bundles = evidence.discovered.filter((artifact) => artifact.kind === 'sigstore-bundle');
    expect(bundles.map((artifact) => artifact.bundle)).toEqual([
      bundleOf(BUNDLES.cosignAttestation),
      bundleOf(BUNDLES.kubewarden),
      bundleOf(BUNDLES.sigstoreJsV01),
    ]);
    for (const artifact of bundles) expect(artifact.source.uri).toMatch(new RegExp(`^${manifests}/sha256:`));

    expect(evidence.discovered.every((artifact) => artifact.subjectDigest === app.digest)).toBe(true);
    expect(evidence.discovered.every((artifact) => artifact.platform === undefined)).toBe(true);
    // The bundle attached to acme/app:other is not evidence for acme/app:v1.
    expect(evidence.discovered.map((artifact) => artifact.bundle)).not.toContainEqual(
      bundleOf(BUNDLES.attestBuildProvenance),
    );

    const lookups = Object.fromEntries(evidence.lookups!.map((entry) => [entry.place, entry]));
    expect(lookups['cosign-signature-tag']).toMatchObject({
      uri: `${manifests}/${app.digest.replace(':', '-')}.sig`,
      outcome: 'found',
      found: 2,
    });
    expect(lookups['cosign-attestation-tag']).toMatchObject({ outcome: 'found', found: 1 });
    expect(lookups['referrers-api']).toMatchObject({
      uri: `http://${registry.host}/v2/acme/app/referrers/${app.digest}`,
      outcome: 'unsupported',
    });
    expect(lookups['referrers-tag']).toMatchObject({
      uri: `${manifests}/${app.digest.replace(':', '-')}`,
      outcome: 'found',
      found: 3,
    });
    expect(lookups['referrers-tag']?.skipped).toEqual([
      { digest: expect.stringMatching(/^sha256:/), reason: expect.stringContaining('application/spdx+json') },
    ]);
  });

  it('finds only what is attached to the other digest of the same repository', async () => {
    const evidence = await gate(`${registry.host}/acme/app@${other.digest}`);
    expect(evidence.discovered.map(summarize)).toEqual([
      {
        kind: 'sigstore-bundle',
        subjectDigest: other.digest,
        uri: expect.stringContaining('/v2/acme/app/manifests/sha256:'),
        platform: undefined,
      },
    ]);
    expect(evidence.discovered[0]?.bundle).toEqual(bundleOf(BUNDLES.attestBuildProvenance));
    expect(evidence.lookups?.map((entry) => [entry.place, entry.outcome])).toEqual([
      ['cosign-signature-tag', 'none'],
      ['cosign-attestation-tag', 'none'],
      ['referrers-api', 'unsupported'],
      ['referrers-tag', 'found'],
    ]);
  });

  it('reads each listed manifest itself instead of trusting the referrers index', async () => {
    // A fresh digest whose referrers tag is then written by hand: one honest entry, one entry
    // whose descriptor claims an SBOM but whose manifest is a bundle for this digest, one entry
    // that points at a referrer of another digest, and one whose manifest is gone.
    const image = await buildImage({ labels: { name: 'tampered' } });
    cleanup.push(image.layoutDir);
    await pushImage(image.layoutDir, image.tag, registry, 'acme/app', 'tampered');
    const subject = (await readManifest(registry, 'acme/app', 'tampered')).descriptor;
    await attachWithSigstoreOci(registry, [attachment('acme/app', subject.digest, BUNDLES.kubewarden)]);
    const fallbackTag = subject.digest.replace(':', '-');
    const honest = await readManifest(registry, 'acme/app', fallbackTag);
    const hidden = await pushReferrer(registry, 'acme/app', subject, {
      mediaType: BUNDLE_V03,
      payload: BUNDLES.cosignAttestation,
    });
    const foreign = await pushReferrer(registry, 'acme/app', other, {
      mediaType: BUNDLE_V03,
      payload: BUNDLES.sigstoreJsV01,
    });
    // The registry refuses an index naming a manifest it lacks, so this one is deleted afterwards,
    // as an attestation deleted without updating the referrers tag would be.
    const gone = await pushReferrer(registry, 'acme/app', subject, { mediaType: BUNDLE_V03, payload: SBOM });
    await pushManifest(
      registry,
      'acme/app',
      {
        ...honest.json,
        manifests: [
          ...(honest.json.manifests as unknown[]),
          { ...hidden, artifactType: 'application/spdx+json' },
          { ...foreign, artifactType: BUNDLE_V03 },
          { ...gone, artifactType: BUNDLE_V03 },
        ],
      },
      fallbackTag,
    );
    await deleteManifest(registry, 'acme/app', gone.digest);

    const evidence = await gate(`${registry.host}/acme/app:tampered`);
    expect(evidence.discovered.map((artifact) => artifact.bundle)).toEqual([
      bundleOf(BUNDLES.kubewarden),
      bundleOf(BUNDLES.cosignAttestation),
    ]);
    const tagLookup = evidence.lookups?.find((entry) => entry.place === 'referrers-tag');
    expect(tagLookup?.skipped).toEqual([
      { digest: foreign.digest, reason: `its subject is ${other.digest}, another digest` },
      { digest: gone.digest, reason: 'listed as a referrer, but the manifest is not there' },
    ]);
  });

  it('gates each platform of an index and says which platform each signature is about', async () => {
    const evidence = await gate(`${registry.host}/acme/multi:v1`);
    expect(evidence.image.digest).toBe(multiIndex);
    expect(evidence.image.platforms.map((entry) => [entry.digest, entry.platform])).toEqual(
      multiPlatforms.map((entry) => [entry.digest, entry.platform]),
    );
    expect(evidence.discovered.map(summarize)).toEqual([
      {
        kind: 'sigstore-bundle',
        subjectDigest: multiIndex,
        uri: expect.stringContaining('/v2/acme/multi/manifests/sha256:'),
        platform: undefined,
      },
      {
        kind: 'cosign-signature',
        subjectDigest: multiPlatforms[1]!.digest,
        uri: expect.stringContaining('/v2/acme/multi/manifests/sha256:'),
        platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
      },
    ]);
    // Every gated digest was looked up in every place: the index and both platforms.
    expect(new Set(evidence.lookups?.map((entry) => entry.subjectDigest))).toEqual(
      new Set([multiIndex, ...multiPlatforms.map((entry) => entry.digest)]),
    );
  });

  it('leaves out the signatures of platforms that are not gated', async () => {
    const evidence = await gate(`${registry.host}/acme/multi:v1`, {
      platforms: [{ os: 'linux', architecture: 'amd64' }],
    });
    expect(evidence.image.platforms).toHaveLength(1);
    expect(evidence.discovered.map((artifact) => artifact.kind)).toEqual(['sigstore-bundle']);
  });

  it('reports an unauthorized registry as a configuration error before anything is discovered', async () => {
    const error = await gate(`${registry.host}/acme/app:v1`, {
      registry: { credentials: { username: 'tester', password: 'wrong' } },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GateError);
    expect(error).toMatchObject({ code: 'registry-unauthorized', kind: 'configuration' });
  });
});

describe('request statistics', () => {
  it('reaches each lookup in the fewest sequential round trips', async () => {
    // The front holds every request until none has come for a while, then answers them all: each
    // wave of requests is exactly what the client could send without waiting, so the round trips
    // measured are the ones the code needs, not an accident of scheduling.
    let held: Array<() => void> = [];
    let quiet: NodeJS.Timeout | undefined;
    const slow = await listen(
      createServer((request, response) => {
        held.push(() => void forward(request, response, { passAuthorization: true }));
        clearTimeout(quiet);
        quiet = setTimeout(() => {
          const wave = held;
          held = [];
          for (const answer of wave) answer();
        }, 150);
      }),
    );
    try {
      const byDigest = await gate(`${slow.host}/acme/app@${app.digest}`);
      // Every lookup starts with the resolve; the registry challenges that first wave (1), which
      // is sent again with credentials (2); then the config, the cosign layers and the referrer
      // manifests (3); then the referrers' layers (4).
      expect(byDigest.stats).toMatchObject({ roundTrips: 4 });
      // 5 sent, 4 of them again (the missing referrers API answers 404 unchallenged), 1 config,
      // 3 cosign layers, 4 referrer manifests, 3 bundle layers (the SBOM's is not read).
      expect(byDigest.stats?.requests).toBe(20);
      expect(byDigest.stats?.byHost).toEqual({ [slow.host]: 20 });

      // By tag, the digest is known only once the tag is resolved: one more round trip.
      const byTag = await gate(`${slow.host}/acme/app:v1`);
      expect(byTag.stats?.roundTrips).toBe(5);
      expect(byTag.discovered).toHaveLength(byDigest.discovered.length);
    } finally {
      await slow.close();
    }
  });
});

describe('a registry with the referrers API', () => {
  let front: Listening;
  let referrerRequests: string[];

  beforeAll(async () => {
    // distribution 2.8 lacks the API, so this front answers it from the referrers tag, as a
    // registry that gained the API would, two descriptors per page; the rest goes through.
    front = await listen(
      createServer((request, response) => {
        const match = /^\/v2\/(.+)\/referrers\/(sha256:[a-f0-9]{64})(?:\?page=(\d+))?$/.exec(
          request.url ?? '',
        );
        if (!match) {
          void forward(request, response);
          return;
        }
        referrerRequests.push(request.url ?? '');
        void (async () => {
          const [, repository, digest, page = '0'] = match;
          const index = await readManifest(registry, repository!, digest!.replace(':', '-')).catch(
            () => undefined,
          );
          const all = (index?.json.manifests as unknown[] | undefined) ?? [];
          const start = Number(page) * 2;
          const headers: Record<string, string> = { 'content-type': OCI_INDEX };
          if (start + 2 < all.length) {
            headers.link = `</v2/${repository}/referrers/${digest}?page=${Number(page) + 1}>; rel="next"`;
          }
          response.writeHead(200, headers);
          response.end(
            JSON.stringify({
              schemaVersion: 2,
              mediaType: OCI_INDEX,
              manifests: all.slice(start, start + 2),
            }),
          );
        })();
      }),
    );
  });

  beforeEach(() => {
    referrerRequests = [];
  });

  afterAll(async () => {
    await front.close();
  });

  it('reads every page of the API and each referrer once, though the tag lists them too', async () => {
    const evidence = await gate(`${front.host}/acme/app:v1`);
    expect(referrerRequests).toEqual([
      `/v2/acme/app/referrers/${app.digest}`,
      `/v2/acme/app/referrers/${app.digest}?page=1`,
    ]);
    const bundles = evidence.discovered.filter((artifact) => artifact.kind === 'sigstore-bundle');
    expect(bundles).toHaveLength(3);
    const lookups = evidence.lookups?.filter((entry) => entry.place.startsWith('referrers'));
    expect(lookups?.map((entry) => [entry.place, entry.outcome, entry.found])).toEqual([
      ['referrers-api', 'found', 3],
      ['referrers-tag', 'found', 3],
    ]);
  });
});

describe('the bearer token flow', () => {
  let front: Listening;
  let tokenRequests: number;
  const token = 'discovery-token';

  beforeAll(async () => {
    // As GHCR and Docker Hub do: a Bearer challenge, a token service, then the registry.
    front = await listen(
      createServer((request, response) => {
        if (request.url?.startsWith('/token')) {
          tokenRequests += 1;
          response.setHeader('content-type', 'application/json');
          response.end(JSON.stringify({ token }));
          return;
        }
        if (request.headers.authorization !== `Bearer ${token}`) {
          response.writeHead(401, {
            'www-authenticate': `Bearer realm="${front.url}/token",service="testbed"`,
          });
          response.end();
          return;
        }
        void forward(request, response);
      }),
    );
  });

  beforeEach(() => {
    tokenRequests = 0;
  });

  afterAll(async () => {
    await front.close();
  });

  it('asks for one token for the whole burst of parallel lookups', async () => {
    const evidence = await gate(`${front.host}/acme/app@${app.digest}`);
    expect(tokenRequests).toBe(1);
    expect(evidence.discovered).toHaveLength(6);
  });
});

interface Listening {
  host: string;
  url: string;
  close(): Promise<void>;
}

function listen(server: Server): Promise<Listening> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        host: `127.0.0.1:${port}`,
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/**
 * Passes a GET through to the registry with the headers a client checks; with the test's
 * credentials, or with the client's own (so the registry's challenge reaches the client).
 */
async function forward(
  request: IncomingMessage,
  response: ServerResponse,
  options: { passAuthorization?: boolean } = {},
): Promise<void> {
  const basic = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  const authorization = options.passAuthorization ? request.headers.authorization : basic;
  const answer = await fetch(`${registry.url}${request.url ?? '/'}`, {
    headers: { accept: request.headers.accept ?? '*/*', ...(authorization ? { authorization } : {}) },
  });
  const headers: Record<string, string> = {};
  for (const name of ['content-type', 'docker-content-digest', 'www-authenticate']) {
    const value = answer.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  response.writeHead(answer.status, headers);
  response.end(Buffer.from(await answer.arrayBuffer()));
}
