import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GateError } from '../../../src/errors.js';
import { parseImageReference } from '../../../src/model/image-reference.js';
import { OCI_INDEX_MEDIA_TYPE, OCI_MANIFEST_MEDIA_TYPE } from '../../../src/adapters/oci/image-store.js';
import { openImageStore } from '../../../src/adapters/oci/open-image-store.js';
import {
  findRegistryCredentials,
  RegistryStore,
  type RegistryOptions,
} from '../../../src/adapters/registry/store.js';
import { collectImageEvidence } from '../../../src/evidence/image.js';
import {
  buildImage,
  buildMultiPlatformImage,
  pushImage,
  requireTestbedTools,
  startRegistry,
  type TestRegistry,
} from '../../support/registry.js';

/** No docker config of the machine running the tests may leak in. */
const isolated: RegistryOptions = { env: {}, homeDir: '/nonexistent' };

let registry: TestRegistry;
let authRegistry: TestRegistry;
let appDigest: string;
let otherDigest: string;
let multiIndexDigest: string;
const cleanup: string[] = [];

beforeAll(async () => {
  await requireTestbedTools();
  [registry, authRegistry] = await Promise.all([startRegistry(), startRegistry({ auth: true })]);
  const [app, other, multi] = await Promise.all([
    buildImage({
      user: '1000:1000',
      env: ['APP_MODE=production'],
      labels: { 'org.opencontainers.image.source': 'https://github.com/acme/app' },
      files: { 'etc/app/config': 'mode=production\n' },
      tag: 'v1',
    }),
    buildImage({ labels: { other: 'yes' } }),
    buildMultiPlatformImage([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
    ]),
  ]);
  cleanup.push(app.layoutDir, other.layoutDir, multi.layoutDir);
  [appDigest, otherDigest, multiIndexDigest] = await Promise.all([
    pushImage(app.layoutDir, app.tag, registry, 'acme/app', 'v1'),
    pushImage(other.layoutDir, other.tag, registry, 'acme/other', 'v1'),
    pushImage(multi.layoutDir, multi.tag, registry, 'acme/multi', 'v1'),
    pushImage(app.layoutDir, app.tag, authRegistry, 'acme/app', 'v1'),
  ]);
});

afterAll(async () => {
  await Promise.all([registry?.stop(), authRegistry?.stop()]);
  await Promise.all(cleanup.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function errorOf(promise: Promise<unknown>): Promise<GateError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GateError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

function storeFor(reference: string, options: RegistryOptions = {}) {
  const parsed = parseImageReference(reference);
  return { parsed, store: openImageStore(parsed, { ...isolated, ...options }) };
}

describe('reading a local registry', () => {
  it('resolves a tag to the digest skopeo pushed', async () => {
    const { parsed, store } = storeFor(`${registry.host}/acme/app:v1`);
    const manifest = await store.resolve(parsed);
    expect(manifest.digest).toBe(appDigest);
    expect(manifest.mediaType).toBe(OCI_MANIFEST_MEDIA_TYPE);
    expect(store.location).toBe(`http://${registry.host}/v2/acme/app`);
  });

  it('reads a manifest by digest, ignoring the tag next to it', async () => {
    const { parsed, store } = storeFor(`${registry.host}/acme/app:not-a-tag@${appDigest}`);
    expect((await store.resolve(parsed)).digest).toBe(appDigest);
    expect((await store.getManifest(appDigest)).digest).toBe(appDigest);
  });

  it('reads the config facts back: user, env, labels, history', async () => {
    const reference = `${registry.host}/acme/app:v1`;
    const { parsed, store } = storeFor(reference);
    const evidence = await collectImageEvidence({ reference, parsed }, store);
    expect(evidence).toMatchObject({
      reference,
      name: `${registry.host}/acme/app`,
      digest: appDigest,
      resolvedFromTag: 'v1',
      mediaType: OCI_MANIFEST_MEDIA_TYPE,
      platform: { os: 'linux', architecture: 'amd64' },
      source: { kind: 'registry', uri: `http://${registry.host}/v2/acme/app`, digest: appDigest },
    });
    expect(evidence.config).toMatchObject({
      user: '1000:1000',
      env: ['APP_MODE=production'],
      labels: { 'org.opencontainers.image.source': 'https://github.com/acme/app' },
    });
    expect(evidence.config?.history.map((entry) => entry.createdBy)).toEqual([
      'umoci insert',
      'umoci config',
    ]);
    expect(evidence.layers).toHaveLength(1);
    expect(evidence.layers[0]?.mediaType).toBe('application/vnd.oci.image.layer.v1.tar+gzip');
  });

  it('gates the digest the workflow built when the image is given without a tag', async () => {
    const reference = `${registry.host}/acme/app`;
    const { parsed, store } = storeFor(reference);
    const evidence = await collectImageEvidence({ reference, parsed, digest: appDigest }, store);
    expect(evidence.digest).toBe(appDigest);
    expect(evidence.resolvedFromTag).toBeUndefined();
  });

  it('fails when the tag no longer points at the digest the workflow built', async () => {
    const reference = `${registry.host}/acme/app:v1`;
    const { parsed, store } = storeFor(reference);
    const error = await errorOf(collectImageEvidence({ reference, parsed, digest: otherDigest }, store));
    expect(error.code).toBe('digest-mismatch');
    expect(error.message).toContain(`now points at ${appDigest}, not at ${otherDigest}`);
  });

  it('gates the requested platform of an index and keeps the index digest', async () => {
    const reference = `${registry.host}/acme/multi:v1`;
    const { parsed, store } = storeFor(reference);
    const evidence = await collectImageEvidence(
      { reference, parsed, platforms: [{ os: 'linux', architecture: 'arm64' }] },
      store,
    );
    expect(evidence.digest).toBe(multiIndexDigest);
    expect(evidence.mediaType).toBe(OCI_INDEX_MEDIA_TYPE);
    expect(evidence.platforms).toHaveLength(1);
    expect(evidence.platforms[0]).toMatchObject({
      platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
      config: { labels: { platform: 'linux/arm64/v8' } },
      source: {
        kind: 'registry',
        uri: `http://${registry.host}/v2/acme/multi/manifests/${evidence.platforms[0]?.digest}`,
      },
    });
  });

  it('gates every platform of an index when none is asked for', async () => {
    const reference = `${registry.host}/acme/multi:v1`;
    const { parsed, store } = storeFor(reference);
    const evidence = await collectImageEvidence({ reference, parsed }, store);
    expect(evidence.platforms.map((entry) => entry.config?.labels.platform)).toEqual([
      'linux/amd64',
      'linux/arm64/v8',
    ]);
  });

  it('reports a missing tag as manifest-not-found, naming repository and tag', async () => {
    const { parsed, store } = storeFor(`${registry.host}/acme/app:nope`);
    const error = await errorOf(store.resolve(parsed));
    expect(error).toMatchObject({ code: 'manifest-not-found', kind: 'configuration' });
    expect(error.message).toContain(`${registry.host}/acme/app:nope`);
  });

  it('reports a missing blob as blob-not-found', async () => {
    const { store } = storeFor(`${registry.host}/acme/app`);
    const error = await errorOf(store.getBlob(otherDigest, 1024));
    expect(error.code).toBe('blob-not-found');
    expect(error.message).toContain(otherDigest);
  });

  it('stops reading a blob that is larger than the limit', async () => {
    const { parsed, store } = storeFor(`${registry.host}/acme/app:v1`);
    const config = (await store.resolve(parsed)).json.config as { digest: string; size: number };
    const error = await errorOf(store.getBlob(config.digest, config.size - 1));
    expect(error.code).toBe('blob-too-large');
  });

  it('reports a port nobody listens on as registry-unreachable, naming the host', async () => {
    const closed = await listen(createServer());
    await closed.close();
    const { parsed, store } = storeFor(`${closed.host}/acme/app:v1`);
    const error = await errorOf(store.resolve(parsed));
    expect(error.code).toBe('registry-unreachable');
    expect(error.message).toContain(closed.host);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('gives up on a registry that does not answer within the timeout', async () => {
    const silent = await listen(createServer(() => undefined));
    try {
      const { parsed, store } = storeFor(`${silent.host}/acme/app:v1`, { timeoutMs: 200 });
      const error = await errorOf(store.resolve(parsed));
      expect(error.code).toBe('registry-unreachable');
      expect(error.message).toContain('no answer within 0.2 s');
    } finally {
      await silent.close();
    }
  });
});

describe('authentication', () => {
  it('pulls from a basic-auth registry with the right credentials', async () => {
    const credentials = { username: authRegistry.username ?? '', password: authRegistry.password ?? '' };
    const { parsed, store } = storeFor(`${authRegistry.host}/acme/app:v1`, { credentials });
    expect((await store.resolve(parsed)).digest).toBe(appDigest);
  });

  it('fails without credentials, saying none were tried and showing no secret', async () => {
    const { parsed, store } = storeFor(`${authRegistry.host}/acme/app:v1`);
    const error = await errorOf(store.resolve(parsed));
    expect(error).toMatchObject({ code: 'registry-unauthorized', kind: 'configuration' });
    expect(error.message).toContain('credentials tried: none');
    expect(error.message).toContain(authRegistry.host);
  });

  it('fails with a wrong password without showing it or its base64', async () => {
    const credentials = { username: authRegistry.username ?? '', password: `${authRegistry.password}-wrong` };
    const { parsed, store } = storeFor(`${authRegistry.host}/acme/app:v1`, { credentials });
    const error = await errorOf(store.resolve(parsed));
    expect(error.code).toBe('registry-unauthorized');
    expect(error.message).toContain('credentials tried: the username/password option');
    expectNoSecret(error, credentials.password, `${credentials.username}:${credentials.password}`);
  });

  it('uses the credentials in the docker config DOCKER_CONFIG points at', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scg-docker-config-'));
    try {
      const auth = Buffer.from(`${authRegistry.username}:${authRegistry.password}`).toString('base64');
      await writeFile(join(dir, 'config.json'), JSON.stringify({ auths: { [authRegistry.host]: { auth } } }));
      const { parsed, store } = storeFor(`${authRegistry.host}/acme/app:v1`, { env: { DOCKER_CONFIG: dir } });
      expect((await store.resolve(parsed)).digest).toBe(appDigest);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names the docker config it tried, not its content, when the registry refuses it', async () => {
    const home = await mkdtemp(join(tmpdir(), 'scg-home-'));
    try {
      const password = 'stale-password-123';
      const auth = Buffer.from(`${authRegistry.username}:${password}`).toString('base64');
      const configPath = join(home, '.docker', 'config.json');
      await mkdir(dirname(configPath), { recursive: true });
      await writeFile(configPath, JSON.stringify({ auths: { [`https://${authRegistry.host}`]: { auth } } }));
      const { parsed, store } = storeFor(`${authRegistry.host}/acme/app:v1`, { homeDir: home });
      const error = await errorOf(store.resolve(parsed));
      expect(error.code).toBe('registry-unauthorized');
      expect(error.message).toContain(
        `credentials tried: username/password from the docker config ${configPath}`,
      );
      expectNoSecret(error, password, auth);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });

  describe('the bearer token challenge', () => {
    const token = 'bearer-token-xyz';
    let tokenRequests: Array<{ scope: string | null; service: string | null; authorization?: string }>;
    let gate: Listening;
    let acceptToken: boolean;
    let tokenField: 'token' | 'access_token';

    beforeAll(async () => {
      // A registry front that demands a bearer token and serves the token endpoint itself, as
      // GHCR and Docker Hub do (there on another host).
      gate = await listen(
        createServer((request, response) => {
          const url = new URL(request.url ?? '/', 'http://proxy');
          if (url.pathname === '/token') {
            tokenRequests.push({
              scope: url.searchParams.get('scope'),
              service: url.searchParams.get('service'),
              ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
            });
            response.setHeader('content-type', 'application/json');
            response.end(JSON.stringify({ [tokenField]: token, expires_in: 300 }));
            return;
          }
          if (!acceptToken || request.headers.authorization !== `Bearer ${token}`) {
            response.writeHead(401, {
              'www-authenticate': `Bearer realm="${gate.url}/token",service="testbed-proxy",scope="repository:acme/app:pull,push"`,
            });
            response.end();
            return;
          }
          void forward(request, response, registry.url);
        }),
      );
    });

    beforeEach(() => {
      tokenRequests = [];
      acceptToken = true;
      tokenField = 'token';
    });

    afterAll(async () => {
      await gate.close();
    });

    it('fetches a pull token for the repository and reuses it', async () => {
      const { parsed, store } = storeFor(`${gate.host}/acme/app:v1`);
      const manifest = await store.resolve(parsed);
      const config = (manifest.json.config as { digest: string }).digest;
      await store.getBlob(config, 1024 * 1024);
      expect(manifest.digest).toBe(appDigest);
      expect(tokenRequests).toEqual([{ scope: 'repository:acme/app:pull', service: 'testbed-proxy' }]);
    });

    it('sends the credentials to the token endpoint and reads access_token', async () => {
      tokenField = 'access_token';
      const credentials = { username: 'robot', password: 'robot-secret' };
      const { parsed, store } = storeFor(`${gate.host}/acme/app:v1`, { credentials });
      expect((await store.resolve(parsed)).digest).toBe(appDigest);
      expect(tokenRequests).toEqual([
        {
          scope: 'repository:acme/app:pull',
          service: 'testbed-proxy',
          authorization: `Basic ${Buffer.from('robot:robot-secret').toString('base64')}`,
        },
      ]);
    });

    it('fails with registry-unauthorized, showing neither token nor password, when the token is refused', async () => {
      acceptToken = false;
      const credentials = { username: 'robot', password: 'robot-secret' };
      const { parsed, store } = storeFor(`${gate.host}/acme/app:v1`, { credentials });
      const error = await errorOf(store.resolve(parsed));
      expect(error.code).toBe('registry-unauthorized');
      expectNoSecret(error, token, credentials.password);
    });
  });
});

describe('tampering', () => {
  let tamper: Listening;

  beforeAll(async () => {
    // Answers every request for acme/app with what the registry holds for acme/other, keeping the
    // original Docker-Content-Digest header.
    tamper = await listen(
      createServer((request, response) => {
        void (async () => {
          const path = request.url ?? '/';
          const genuine = await fetch(`${registry.url}${path}`, {
            headers: { accept: request.headers.accept ?? '*/*' },
          });
          const swapped = path.replace('/acme/app/', '/acme/other/').replace(appDigest, otherDigest);
          const served = await fetch(`${registry.url}${swapped}`, {
            headers: { accept: request.headers.accept ?? '*/*' },
          });
          const body = Buffer.from(await served.arrayBuffer());
          await genuine.body?.cancel();
          response.writeHead(served.status, {
            'content-type': served.headers.get('content-type') ?? 'application/octet-stream',
            'docker-content-digest': genuine.headers.get('docker-content-digest') ?? '',
          });
          response.end(body);
        })();
      }),
    );
  });

  afterAll(async () => {
    await tamper.close();
  });

  it('rejects a manifest served for a tag whose bytes do not match the registry digest header', async () => {
    const { parsed, store } = storeFor(`${tamper.host}/acme/app:v1`);
    const error = await errorOf(store.resolve(parsed));
    expect(error).toMatchObject({ code: 'digest-mismatch', kind: 'verification' });
    expect(error.message).toContain(appDigest);
  });

  it('rejects a manifest served for a digest that hashes to another one', async () => {
    const { store } = storeFor(`${tamper.host}/acme/app`);
    const error = await errorOf(store.getManifest(appDigest));
    expect(error.code).toBe('digest-mismatch');
    expect(error.message).toContain(`requested as ${appDigest} but its bytes hash to ${otherDigest}`);
  });
});

describe('redirects', () => {
  it('drops the credentials when a blob redirect leaves the registry origin', async () => {
    const seen: Array<string | undefined> = [];
    const storage = await listen(
      createServer((request, response) => {
        seen.push(request.headers.authorization);
        void forward(request, response, registry.url);
      }),
    );
    const front = await listen(
      createServer((request, response) => {
        if (request.headers.authorization === undefined) {
          response.writeHead(401, { 'www-authenticate': 'Basic realm="front"' });
          response.end();
        } else if (request.url?.includes('/blobs/')) {
          response.writeHead(307, { location: `${storage.url}${request.url}` });
          response.end();
        } else {
          void forward(request, response, registry.url);
        }
      }),
    );
    try {
      const store = new RegistryStore(front.host, 'acme/app', {
        ...isolated,
        credentials: { username: 'u', password: 'p' },
      });
      const manifest = await store.getManifest(appDigest);
      const config = (manifest.json.config as { digest: string }).digest;
      expect((await store.getBlob(config, 1024 * 1024)).byteLength).toBeGreaterThan(0);
      expect(seen).toEqual([undefined]);
    } finally {
      await Promise.all([front.close(), storage.close()]);
    }
  });
});

describe('findRegistryCredentials', () => {
  let home: string;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'scg-home-'));
    await mkdir(join(home, '.docker'), { recursive: true });
    await writeFile(
      join(home, '.docker', 'config.json'),
      JSON.stringify({
        auths: {
          'https://index.docker.io/v1/': { auth: Buffer.from('hubuser:hubpass').toString('base64') },
          'registry.example.com': { username: 'plain', password: 'plainpass' },
          'helper.example.com': {},
        },
      }),
    );
  });

  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it('prefers the explicit option over the docker config', async () => {
    const choice = await findRegistryCredentials('docker.io', {
      env: {},
      homeDir: home,
      credentials: { username: 'a', password: 'b' },
    });
    expect(choice).toEqual({
      credentials: { username: 'a', password: 'b' },
      description: 'the username/password option',
    });
  });

  it("finds Docker Hub's entry under its legacy key", async () => {
    const choice = await findRegistryCredentials('docker.io', { env: {}, homeDir: home });
    expect(choice.credentials).toEqual({ username: 'hubuser', password: 'hubpass' });
  });

  it('reads username and password fields', async () => {
    const choice = await findRegistryCredentials('registry.example.com', { env: {}, homeDir: home });
    expect(choice.credentials).toEqual({ username: 'plain', password: 'plainpass' });
  });

  it('says when an entry has no inline credentials and no helper is named', async () => {
    const choice = await findRegistryCredentials('helper.example.com', { env: {}, homeDir: home });
    expect(choice.credentials).toBeUndefined();
    expect(choice.description).toContain('without inline credentials and names no credential helper');
  });

  it('falls back to the GitHub token for ghcr.io only', async () => {
    const ghcr = await findRegistryCredentials('ghcr.io', { env: {}, homeDir: home, githubToken: 'ghs_abc' });
    expect(ghcr).toEqual({
      credentials: { username: 'token', password: 'ghs_abc' },
      description: 'the GitHub token',
    });
    const other = await findRegistryCredentials('quay.io', {
      env: {},
      homeDir: home,
      githubToken: 'ghs_abc',
    });
    expect(other).toEqual({ description: 'none' });
  });

  it('rejects a docker config that is not JSON, naming it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scg-docker-config-'));
    try {
      await writeFile(join(dir, 'config.json'), '{not json');
      const error = await errorOf(findRegistryCredentials('quay.io', { env: { DOCKER_CONFIG: dir } }));
      expect(error.code).toBe('invalid-docker-config');
      expect(error.message).toContain(join(dir, 'config.json'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
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

/** Passes a GET through to the real registry, keeping the headers a client checks. */
async function forward(request: IncomingMessage, response: ServerResponse, upstream: string): Promise<void> {
  const answer = await fetch(`${upstream}${request.url ?? '/'}`, {
    headers: { accept: request.headers.accept ?? '*/*' },
  });
  const headers: Record<string, string> = {};
  for (const name of ['content-type', 'docker-content-digest']) {
    const value = answer.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  response.writeHead(answer.status, headers);
  response.end(Buffer.from(await answer.arrayBuffer()));
}

function expectNoSecret(error: GateError, ...secrets: string[]): void {
  const text = `${error.message} ${String(error.stack)} ${JSON.stringify(error)}`;
  for (const secret of secrets) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(Buffer.from(secret).toString('base64'));
  }
}
