/**
 * What real registries do that the distribution spec leaves open, each against the testbed
 * registry: Docker Hub's names (`docker.io`, `library/`), its separate token service and its
 * `ratelimit-*` headers, played by the quirk proxy in front of the registry with the Hub's base
 * URL pointed at it (the real Docker Hub is never contacted); HEAD answered 405 or 404 and
 * `Docker-Content-Digest` left out; Docker schema 2 and OCI manifests in one index; an index
 * inside an index, pushed to the real registry.
 */
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseImageReference } from '../../../src/model/image-reference.js';
import {
  DOCKER_MANIFEST_LIST_MEDIA_TYPE,
  DOCKER_MANIFEST_MEDIA_TYPE,
  OCI_INDEX_MEDIA_TYPE,
  OCI_MANIFEST_MEDIA_TYPE,
} from '../../../src/adapters/oci/image-store.js';
import { createMemoryLogger } from '../../../src/adapters/log/logger.js';
import { openImageStore } from '../../../src/adapters/oci/open-image-store.js';
import { pushReferrer } from '../../../src/adapters/registry/referrer-push.js';
import type { RegistryOptions } from '../../../src/adapters/registry/store.js';
import { RequestLog } from '../../../src/adapters/http/request-log.js';
import { collectImageEvidence, type GatedDigest } from '../../../src/evidence/image.js';
import type { Platform } from '../../../src/model/evidence.js';
import { run } from '../../../src/main.js';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy.js';
import {
  buildImage,
  pushImage,
  requireTestbedTools,
  startRegistry,
  type TestRegistry,
} from '../../support/registry.js';
import { pushBlob, pushManifest, readManifest, type PushedDescriptor } from '../../support/registry-push.js';

const isolated: RegistryOptions = { env: {}, homeDir: '/nonexistent' };
let registry: TestRegistry;
let appDigest: string;
const cleanup: string[] = [];

beforeAll(async () => {
  await requireTestbedTools();
  registry = await startRegistry();
  const app = await buildImage({ user: '1000', labels: { name: 'alpine-like' }, tag: 'v1' });
  cleanup.push(app.layoutDir);
  [appDigest] = await Promise.all([
    pushImage(app.layoutDir, app.tag, registry, 'library/alpine', '3.19'),
    pushImage(app.layoutDir, app.tag, registry, 'acme/app', 'v1'),
  ]);
}, 60_000);

afterAll(async () => {
  await registry?.stop();
  await Promise.all(cleanup.map((path) => rm(path, { recursive: true, force: true })));
});

function listen(server: Server): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
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

describe('Docker Hub', () => {
  const TOKEN = 'hub-pull-token';
  let hub: FaultProxy;
  let auth: { url: string; close(): Promise<void> };
  let tokenRequests: Array<{ scope: string | null; service: string | null; authorization?: string }>;
  let workspace: string;

  beforeAll(async () => {
    // auth.docker.io: a token service on its own host, as the Hub's challenge names it.
    auth = await listen(
      createServer((request, response) => {
        const url = new URL(request.url ?? '/', 'http://auth');
        tokenRequests.push({
          scope: url.searchParams.get('scope'),
          service: url.searchParams.get('service'),
          ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
        });
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ token: TOKEN, access_token: TOKEN, expires_in: 300 }));
      }),
    );
    // registry-1.docker.io: demands a token from auth, then serves what the testbed registry holds.
    hub = await startFaultProxy(registry.url, {
      bearer: { realm: `${auth.url}/token`, service: 'registry.docker.io', token: TOKEN },
    });
    workspace = await mkdtemp(join(tmpdir(), 'scg-hub-'));
    await mkdir(join(workspace, '.github'));
    await writeFile(
      join(workspace, '.github/supply-chain-gate.yml'),
      'version: 1\nvulnerabilities:\n  require-scan: false\nsignatures:\n  required: false\n',
    );
  });

  let seen = 0;
  beforeEach(() => {
    tokenRequests = [];
    hub.clear();
    seen = hub.requests.length;
  });

  afterAll(async () => {
    await Promise.all([hub?.stop(), auth?.close()]);
    await rm(workspace, { recursive: true, force: true });
  });

  it('reads a single-name image as docker.io/library/NAME through the token the realm hands out', async () => {
    const parsed = parseImageReference('alpine:3.19');
    expect(parsed).toMatchObject({ registry: 'docker.io', repository: 'library/alpine' });
    const store = openImageStore(parsed, { ...isolated, dockerHubUrl: hub.url });
    expect(store.location).toBe(`${hub.url}/v2/library/alpine`);
    expect((await store.resolve(parsed)).digest).toBe(appDigest);
    expect(tokenRequests).toEqual([
      { scope: 'repository:library/alpine:pull', service: 'registry.docker.io' },
    ]);
    expect(
      hub.requests.slice(seen).map(({ method, path, outcome }) => `${method} ${path} ${outcome}`),
    ).toEqual([
      'GET /v2/library/alpine/manifests/3.19 challenged',
      'GET /v2/library/alpine/manifests/3.19 forwarded',
    ]);
  });

  it("asks the docker config's credential store for Docker Hub under its legacy URL", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scg-hub-helper-'));
    try {
      const helper = join(dir, 'docker-credential-hubstore');
      await writeFile(
        helper,
        `#!/bin/sh
read -r server
if [ "$server" = "https://index.docker.io/v1/" ]; then
  printf '{"ServerURL":"%s","Username":"hubuser","Secret":"hubpass"}' "$server"
else
  echo "credentials not found in native keychain"; exit 1
fi
`,
      );
      await chmod(helper, 0o755);
      await writeFile(join(dir, 'config.json'), JSON.stringify({ credsStore: 'hubstore' }));
      const parsed = parseImageReference('docker.io/library/alpine:3.19');
      const store = openImageStore(parsed, {
        env: { DOCKER_CONFIG: dir, PATH: `${dir}${delimiter}${process.env.PATH ?? ''}` },
        dockerHubUrl: hub.url,
      });
      expect((await store.resolve(parsed)).digest).toBe(appDigest);
      expect(tokenRequests).toEqual([
        {
          scope: 'repository:library/alpine:pull',
          service: 'registry.docker.io',
          authorization: `Basic ${Buffer.from('hubuser:hubpass').toString('base64')}`,
        },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  async function gate(remaining: string) {
    hub.inject({
      method: 'GET',
      path: /\/manifests\//,
      fault: {
        kind: 'add-headers',
        headers: { 'ratelimit-limit': '100;w=21600', 'ratelimit-remaining': remaining },
      },
    });
    const requestLog = new RequestLog();
    return run(
      { image: 'alpine:3.19', scanPaths: [], checkName: 'hub', workspace },
      {
        now: () => new Date('2026-12-01T12:00:00Z'),
        log: createMemoryLogger(),
        toolVersion: 'test',
        requestLog,
        openImageStore: (reference) =>
          openImageStore(reference, { ...isolated, dockerHubUrl: hub.url, fetch: requestLog.fetch }),
      },
    );
  }

  it('says in the summary when the pull rate limit is running low', async () => {
    const result = await gate('7;w=21600');
    expect(result.decision.errors).toEqual([]);
    expect(result.decision.evidence?.stats?.rateLimits).toEqual([
      { host: new URL(hub.url).host, remaining: 7, limit: 100, windowSeconds: 21600 },
    ]);
    const note = `${new URL(hub.url).host} is close to its rate limit: 7 of 100 requests left in its 6 h window.`;
    expect(result.decision.notes?.some((line) => line.startsWith(note))).toBe(true);
    expect(result.markdown).toContain('7 of 100 requests left in its 6 h window');
  });

  it('says nothing of a rate limit that is far from spent', async () => {
    const result = await gate('76;w=21600');
    expect(result.decision.evidence?.stats?.rateLimits?.[0]?.remaining).toBe(76);
    expect(result.markdown).not.toContain('rate limit');
  });
});

describe('registries that answer HEAD badly or leave out Docker-Content-Digest', () => {
  let proxy: FaultProxy;

  beforeAll(async () => {
    proxy = await startFaultProxy(registry.url);
  });
  let seen = 0;
  beforeEach(() => {
    proxy.clear();
    seen = proxy.requests.length;
  });
  afterAll(async () => {
    await proxy?.stop();
  });

  it('resolves a tag from the bytes it was served when the digest header is missing, and never needs HEAD', async () => {
    proxy.inject({ method: 'HEAD', path: /./, fault: { kind: 'status', status: 405 } });
    proxy.inject({
      method: 'GET',
      path: /\/manifests\//,
      fault: { kind: 'strip-headers', names: ['docker-content-digest'] },
    });
    const parsed = parseImageReference(`${proxy.host}/acme/app:v1`);
    const store = openImageStore(parsed, isolated);
    const evidence = await collectImageEvidence({ reference: `${proxy.host}/acme/app:v1`, parsed }, store);
    expect(evidence.digest).toBe(appDigest);
    expect(evidence.config?.user).toBe('1000');
    expect(proxy.requests.slice(seen).filter((request) => request.method === 'HEAD')).toEqual([]);
  });

  it.each([
    ['405 Method Not Allowed', { kind: 'status', status: 405 } as const],
    ['a wrong 404', { kind: 'status', status: 404 } as const],
    [
      'no content type, length or digest',
      {
        kind: 'strip-headers',
        names: ['content-type', 'content-length', 'docker-content-digest'],
      } as const,
    ],
  ])(
    'pushes a referrer when HEAD of the subject answers %s, describing it from a GET',
    async (_name, fault) => {
      const repository = `acme/head-${seen}`;
      const { layoutDir } = await buildImage({ labels: { head: 'quirk' }, tag: 'v1' });
      cleanup.push(layoutDir);
      const digest = await pushImage(layoutDir, 'v1', registry, repository, 'v1');
      proxy.inject({ method: 'HEAD', path: /\/manifests\/sha256:/, fault });
      const bundle = Buffer.from(
        JSON.stringify({ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json' }),
      );
      const pushed = await pushReferrer(
        { registry: proxy.host, repository, subjectDigest: digest },
        { bytes: bundle, mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', annotations: {} },
        { ...isolated, now: () => new Date('2026-12-01T12:00:00Z') },
      );
      const { json: referrer } = await readManifest(registry, repository, pushed.manifestDigest);
      const { descriptor: subject } = await readManifest(registry, repository, digest);
      expect(referrer.subject).toEqual({ mediaType: OCI_MANIFEST_MEDIA_TYPE, digest, size: subject.size });
      expect(
        proxy.requests.some((request) => request.method === 'GET' && request.path.endsWith(digest)),
      ).toBe(true);
    },
  );
});

describe('index shapes', () => {
  const platforms: Record<string, Platform> = {
    amd64: { os: 'linux', architecture: 'amd64' },
    arm64: { os: 'linux', architecture: 'arm64', variant: 'v8' },
    s390x: { os: 'linux', architecture: 's390x' },
  };
  let docker: PushedDescriptor;
  let oci: PushedDescriptor;
  let s390x: PushedDescriptor;

  /** A one-layer image whose config carries `label=NAME`, as Docker's schema 2 or as OCI. */
  async function pushSmallImage(
    repository: string,
    name: string,
    platform: Platform,
    format: 'docker' | 'oci',
  ): Promise<PushedDescriptor> {
    const docker = format === 'docker';
    const config = await pushBlob(
      registry,
      repository,
      Buffer.from(
        JSON.stringify({
          architecture: platform.architecture,
          os: platform.os,
          config: { User: '1000', Labels: { image: name } },
          rootfs: { type: 'layers', diff_ids: [] },
        }),
      ),
      docker ? 'application/vnd.docker.container.image.v1+json' : 'application/vnd.oci.image.config.v1+json',
    );
    const layer = await pushBlob(
      registry,
      repository,
      gzipSync(Buffer.alloc(1024)),
      docker
        ? 'application/vnd.docker.image.rootfs.diff.tar.gzip'
        : 'application/vnd.oci.image.layer.v1.tar+gzip',
    );
    return pushManifest(registry, repository, {
      schemaVersion: 2,
      mediaType: docker ? DOCKER_MANIFEST_MEDIA_TYPE : OCI_MANIFEST_MEDIA_TYPE,
      config,
      layers: [layer],
    });
  }

  const entry = (descriptor: PushedDescriptor, platform: Platform) => ({ ...descriptor, platform });

  async function gateIndex(tag: string, options: { platforms?: Platform[] } = {}) {
    const reference = `${registry.host}/acme/shapes:${tag}`;
    const parsed = parseImageReference(reference);
    const gated: GatedDigest[] = [];
    const evidence = await collectImageEvidence(
      { reference, parsed, ...options },
      openImageStore(parsed, isolated),
      (digest) => gated.push(digest),
    );
    return { evidence, gated };
  }

  beforeAll(async () => {
    docker = await pushSmallImage('acme/shapes', 'docker-amd64', platforms.amd64!, 'docker');
    oci = await pushSmallImage('acme/shapes', 'oci-arm64', platforms.arm64!, 'oci');
    s390x = await pushSmallImage('acme/shapes', 'oci-s390x', platforms.s390x!, 'oci');
  });

  it.each([
    ['a Docker manifest list', DOCKER_MANIFEST_LIST_MEDIA_TYPE, 'docker-list'],
    ['an OCI index', OCI_INDEX_MEDIA_TYPE, 'oci-index'],
  ])('reads Docker schema 2 and OCI manifests side by side in %s', async (_name, mediaType, tag) => {
    const index = await pushManifest(
      registry,
      'acme/shapes',
      {
        schemaVersion: 2,
        mediaType,
        manifests: [entry(docker, platforms.amd64!), entry(oci, platforms.arm64!)],
      },
      tag,
    );
    const { evidence } = await gateIndex(tag);
    expect(evidence).toMatchObject({ digest: index.digest, mediaType });
    expect(
      evidence.platforms.map((image) => [
        image.mediaType,
        image.platform?.architecture,
        image.config?.labels.image,
      ]),
    ).toEqual([
      [DOCKER_MANIFEST_MEDIA_TYPE, 'amd64', 'docker-amd64'],
      [OCI_MANIFEST_MEDIA_TYPE, 'arm64', 'oci-arm64'],
    ]);
    expect(evidence.platforms.map((image) => image.layers[0]?.mediaType)).toEqual([
      'application/vnd.docker.image.rootfs.diff.tar.gzip',
      'application/vnd.oci.image.layer.v1.tar+gzip',
    ]);
  });

  it('reads the images of an index nested in the gated index, and counts the nested index as gated', async () => {
    const inner = await pushManifest(registry, 'acme/shapes', {
      schemaVersion: 2,
      mediaType: OCI_INDEX_MEDIA_TYPE,
      manifests: [entry(docker, platforms.amd64!), entry(oci, platforms.arm64!)],
    });
    const outer = await pushManifest(
      registry,
      'acme/shapes',
      {
        schemaVersion: 2,
        mediaType: OCI_INDEX_MEDIA_TYPE,
        manifests: [inner, entry(s390x, platforms.s390x!)],
      },
      'nested',
    );
    const { evidence, gated } = await gateIndex('nested');
    expect(evidence.digest).toBe(outer.digest);
    expect(evidence.platforms.map((image) => [image.digest, image.platform?.architecture])).toEqual([
      [docker.digest, 'amd64'],
      [oci.digest, 'arm64'],
      [s390x.digest, 's390x'],
    ]);
    expect(gated.map((entry) => entry.digest)).toEqual(
      expect.arrayContaining([outer.digest, inner.digest, docker.digest, oci.digest, s390x.digest]),
    );

    const arm = await gateIndex('nested', { platforms: [{ os: 'linux', architecture: 'arm64' }] });
    expect(arm.evidence.platforms.map((image) => image.config?.labels.image)).toEqual(['oci-arm64']);
  });

  it('gives a nested image without a platform the platform its index was listed with', async () => {
    const inner = await pushManifest(registry, 'acme/shapes', {
      schemaVersion: 2,
      mediaType: OCI_INDEX_MEDIA_TYPE,
      manifests: [oci],
    });
    await pushManifest(
      registry,
      'acme/shapes',
      { schemaVersion: 2, mediaType: OCI_INDEX_MEDIA_TYPE, manifests: [entry(inner, platforms.arm64!)] },
      'nested-platform',
    );
    const { evidence } = await gateIndex('nested-platform', { platforms: [platforms.arm64!] });
    expect(evidence.platforms.map((image) => image.platform)).toEqual([platforms.arm64]);
  });

  it('refuses an index whose descriptor calls an index an image', async () => {
    const inner = await pushManifest(registry, 'acme/shapes', {
      schemaVersion: 2,
      mediaType: OCI_INDEX_MEDIA_TYPE,
      manifests: [entry(oci, platforms.arm64!)],
    });
    await pushManifest(
      registry,
      'acme/shapes',
      {
        schemaVersion: 2,
        mediaType: OCI_INDEX_MEDIA_TYPE,
        manifests: [{ ...inner, mediaType: OCI_MANIFEST_MEDIA_TYPE, platform: platforms.arm64 }],
      },
      'lying',
    );
    await expect(gateIndex('lying')).rejects.toMatchObject({
      code: 'invalid-manifest',
      message: expect.stringContaining(`lists ${inner.digest} as an image`),
    });
  });
});
