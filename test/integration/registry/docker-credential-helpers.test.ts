/**
 * Docker credential helpers (`credHelpers`, `credsStore`) against the testbed registry with
 * htpasswd auth on: helper programs that speak the `docker-credential-NAME get` protocol are
 * written to a temp dir put on PATH, the way ECR's, GCR's and Docker Desktop's are installed.
 * The identity-token path runs against a bearer-token front whose token service takes OAuth2
 * refresh tokens, as Docker Hub's and ACR's do.
 */
import { readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { GateError } from '../../../src/errors.js';
import { parseImageReference } from '../../../src/model/image-reference.js';
import { openImageStore } from '../../../src/adapters/oci/open-image-store.js';
import { findRegistryCredentials, type RegistryOptions } from '../../../src/adapters/registry/store.js';
import { pushReferrer } from '../../../src/adapters/registry/referrer-push.js';
import { buildFreshBundle, runBundledAction } from '../../support/actions/action-runner.js';
import { runCliCaptured } from '../../support/cli.js';
import {
  buildImage,
  pushImage,
  requireTestbedTools,
  startRegistry,
  type TestRegistry,
} from '../../support/registry.js';

let authRegistry: TestRegistry;
let openRegistry: TestRegistry;
let appDigest: string;
let dir: string;
let helpers: string;
const cleanup: string[] = [];

beforeAll(async () => {
  await requireTestbedTools();
  [authRegistry, openRegistry] = await Promise.all([startRegistry({ auth: true }), startRegistry()]);
  const app = await buildImage({ user: '1000', tag: 'v1' });
  cleanup.push(app.layoutDir);
  [appDigest] = await Promise.all([
    pushImage(app.layoutDir, app.tag, authRegistry, 'acme/app', 'v1'),
    pushImage(app.layoutDir, app.tag, openRegistry, 'acme/app', 'v1'),
  ]);
  dir = await mkdtemp(join(tmpdir(), 'scg-cred-helpers-'));
  helpers = join(dir, 'bin');
  await mkdir(helpers);
  // The protocol: the server URL on stdin, JSON on stdout; docker-credential-helpers' own message
  // and exit status 1 for a server it holds nothing for. Each helper logs what it was asked.
  await writeHelper(
    'testbed',
    `read -r server
echo "$1 $server" >> "${join(dir, 'asked')}"
if [ "$server" = "${authRegistry.host}" ]; then
  printf '{"ServerURL":"%s","Username":"%s","Secret":"%s"}' "$server" "${authRegistry.username}" "${authRegistry.password}"
else
  echo "credentials not found in native keychain"
  exit 1
fi`,
  );
  await writeHelper(
    'broken',
    `echo 'error getting credentials - err: exit status 1, out: \`not logged in\`' >&2
echo "a second line that is not quoted" >&2
exit 3`,
  );
  await writeHelper('leaky', `read -r server\necho "password=${authRegistry.password} for $server"`);
  // Not exec'd: the sleep is the script's child, and must be stopped with it.
  await writeHelper('stalled', `sleep 60 &\necho $! > "${join(dir, 'stalled-child')}"\nwait`);
  await writeHelper(
    'identity',
    `read -r server
printf '{"ServerURL":"%s","Username":"<token>","Secret":"refresh-token-123"}' "$server"`,
  );
}, 60_000);

afterAll(async () => {
  await Promise.all([authRegistry?.stop(), openRegistry?.stop()]);
  await Promise.all([dir, ...cleanup].map((path) => path && rm(path, { recursive: true, force: true })));
});

async function writeHelper(name: string, body: string): Promise<void> {
  const path = join(helpers, `docker-credential-${name}`);
  await writeFile(path, `#!/bin/sh\n${body}\n`);
  await chmod(path, 0o755);
}

let configs = 0;
/** A DOCKER_CONFIG directory holding `config`; the environment a runner step would have. */
async function dockerConfig(config: Record<string, unknown>): Promise<Record<string, string>> {
  const configDir = join(dir, `config-${(configs += 1)}`);
  await mkdir(configDir);
  await writeFile(join(configDir, 'config.json'), JSON.stringify(config));
  return { DOCKER_CONFIG: configDir, PATH: `${helpers}${delimiter}${process.env.PATH ?? ''}` };
}

function storeFor(reference: string, options: RegistryOptions) {
  const parsed = parseImageReference(reference);
  return { parsed, store: openImageStore(parsed, { homeDir: '/nonexistent', ...options }) };
}

async function errorOf(promise: Promise<unknown>): Promise<GateError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GateError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

function expectNoSecret(text: string, secret: string): void {
  expect(text).not.toContain(secret);
  expect(text).not.toContain(Buffer.from(secret).toString('base64'));
}

describe('credential helpers named in the docker config', () => {
  it('reads the registry through its credHelpers entry, asking the helper for the host', async () => {
    const env = await dockerConfig({ credHelpers: { [authRegistry.host]: 'testbed' } });
    const masked: string[] = [];
    const { parsed, store } = storeFor(`${authRegistry.host}/acme/app:v1`, {
      env,
      maskSecret: (secret) => masked.push(secret),
    });
    expect((await store.resolve(parsed)).digest).toBe(appDigest);
    expect(masked).toEqual([authRegistry.password]);
    expect(await readFile(join(dir, 'asked'), 'utf8')).toContain(`get ${authRegistry.host}\n`);
  });

  it('reads the registry through credsStore, the default for every registry', async () => {
    // docker login with a store leaves an empty auths entry behind.
    const env = await dockerConfig({ auths: { [authRegistry.host]: {} }, credsStore: 'testbed' });
    const { parsed, store } = storeFor(`${authRegistry.host}/acme/app:v1`, { env });
    expect((await store.resolve(parsed)).digest).toBe(appDigest);
    const choice = await findRegistryCredentials(authRegistry.host, { env });
    expect(choice.description).toBe(
      `the docker credential helper docker-credential-testbed (credsStore in ${join(env.DOCKER_CONFIG!, 'config.json')})`,
    );
  });

  it('asks the helper once per registry for every client of the run, and masks for each', async () => {
    const env = await dockerConfig({ credsStore: 'testbed' });
    const asked = async () => (await readFile(join(dir, 'asked'), 'utf8')).split('\n').length;
    const before = await asked();
    const masked: string[] = [];
    for (const repository of ['acme/app', 'acme/app']) {
      const { parsed, store } = storeFor(`${authRegistry.host}/${repository}:v1`, {
        env,
        maskSecret: (secret) => masked.push(secret),
      });
      expect((await store.resolve(parsed)).digest).toBe(appDigest);
    }
    expect((await asked()) - before).toBe(1);
    expect(masked).toEqual([authRegistry.password, authRegistry.password]);
  });

  it('prefers the credHelpers entry of the registry to credsStore', async () => {
    const env = await dockerConfig({
      credsStore: 'missing-store',
      credHelpers: { [`https://${authRegistry.host}`]: 'testbed' },
    });
    const { parsed, store } = storeFor(`${authRegistry.host}/acme/app:v1`, { env });
    expect((await store.resolve(parsed)).digest).toBe(appDigest);
  });

  it('says the helper had nothing for the registry when it prints "credentials not found"', async () => {
    const env = await dockerConfig({ credsStore: 'testbed' });
    const { parsed, store } = storeFor(`${openRegistry.host}/acme/app:v1`, { env });
    // The open registry asks for nothing, so the helper is not run at all.
    expect((await store.resolve(parsed)).digest).toBe(appDigest);
    const choice = await findRegistryCredentials('other.example:5000', { env });
    expect(choice).toEqual({
      description: `none (the docker credential helper docker-credential-testbed (credsStore in ${join(env.DOCKER_CONFIG!, 'config.json')}) has none for other.example:5000)`,
    });
  });

  it('falls back to the inline auths entry when the helper holds nothing', async () => {
    const auth = Buffer.from(`${authRegistry.username}:${authRegistry.password}`).toString('base64');
    const env = await dockerConfig({ credsStore: 'testbed', auths: { 'other.example:5000': { auth } } });
    const choice = await findRegistryCredentials('other.example:5000', { env });
    expect(choice.credentials).toEqual({ username: authRegistry.username, password: authRegistry.password });
  });

  it('fails with one line naming a helper that is not on PATH', async () => {
    const env = await dockerConfig({ credHelpers: { [authRegistry.host]: 'ecr-login-not-installed' } });
    const { parsed, store } = storeFor(`${authRegistry.host}/acme/app:v1`, { env });
    const error = await errorOf(store.resolve(parsed));
    expect(error).toMatchObject({ code: 'credential-helper-not-found', kind: 'configuration' });
    expect(error.message).toContain('docker-credential-ecr-login-not-installed');
    expect(error.message).toContain('is not on PATH');
    expect(error.message).not.toContain('\n');
  });

  it('names a failing helper, its exit status and the first line of its stderr', async () => {
    const env = await dockerConfig({ credsStore: 'broken' });
    const { parsed, store } = storeFor(`${authRegistry.host}/acme/app:v1`, { env });
    const error = await errorOf(store.resolve(parsed));
    expect(error.code).toBe('credential-helper-failed');
    expect(error.message).toContain(`docker-credential-broken (credsStore in `);
    expect(error.message).toContain(
      `failed for ${authRegistry.host} with exit status 3: error getting credentials - err: exit status 1, out: \`not logged in\``,
    );
    expect(error.message).not.toContain('second line');
  });

  it('never quotes an answer outside the protocol, which may hold a secret', async () => {
    const env = await dockerConfig({ credsStore: 'leaky' });
    const { parsed, store } = storeFor(`${authRegistry.host}/acme/app:v1`, { env });
    const error = await errorOf(store.resolve(parsed));
    expect(error.code).toBe('credential-helper-failed');
    expect(error.message).toContain("not the credential helper protocol's JSON");
    expectNoSecret(`${error.message} ${String(error.stack)}`, authRegistry.password!);
  });

  it('stops a helper that gives no answer within the time limit, and what it started', async () => {
    const env = await dockerConfig({ credsStore: 'stalled' });
    const { parsed, store } = storeFor(`${authRegistry.host}/acme/app:v1`, {
      env,
      credentialHelperTimeoutMs: 1000,
    });
    const error = await errorOf(store.resolve(parsed));
    expect(error.code).toBe('credential-helper-failed');
    expect(error.message).toContain('docker-credential-stalled');
    expect(error.message).toContain('gave no answer within 1 s and was stopped');
    // Stopped with its process group: the sleep it started goes too. (Were the helper stopped
    // before it wrote the pid, its sleep, if any, was in the same group.)
    const pidFile = await readFile(join(dir, 'stalled-child'), 'utf8').catch(() => undefined);
    if (pidFile !== undefined) expect(await exitsSoon(Number(pidFile))).toBe(true);
  });

  it('refuses a helper name that is a path or an option', async () => {
    const env = await dockerConfig({ credsStore: '../../bin/sh' });
    const error = await errorOf(findRegistryCredentials(authRegistry.host, { env }));
    expect(error.code).toBe('invalid-docker-config');
    expect(error.message).toContain('credsStore');
  });
});

describe('an identity token from a helper', () => {
  let front: { host: string; url: string; close(): Promise<void> };
  let tokenRequests: Array<{ method: string; form: Record<string, string>; url: string }>;

  beforeAll(async () => {
    // A registry front with a token service on the OAuth2 spec: it swaps the refresh token for an
    // access token, then passes reads and writes through to the open registry.
    front = await listen(
      createServer((request, response) => {
        void (async () => {
          const url = new URL(request.url ?? '/', 'http://front');
          const chunks: Buffer[] = [];
          for await (const chunk of request) chunks.push(chunk as Buffer);
          const body = Buffer.concat(chunks);
          if (url.pathname === '/token') {
            const form = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
            tokenRequests.push({ method: request.method ?? '', form, url: request.url ?? '' });
            const granted =
              request.method === 'POST' &&
              form.grant_type === 'refresh_token' &&
              form.refresh_token === 'refresh-token-123';
            response.writeHead(granted ? 200 : 401, { 'content-type': 'application/json' });
            response.end(JSON.stringify(granted ? { access_token: 'access-456', expires_in: 300 } : {}));
            return;
          }
          if (request.headers.authorization !== 'Bearer access-456') {
            response.writeHead(401, {
              'www-authenticate': `Bearer realm="${front.url}/token",service="front.test"`,
            });
            response.end();
            return;
          }
          const forwarded: Record<string, string> = {};
          for (const name of ['accept', 'content-type', 'if-match', 'if-none-match']) {
            const value = request.headers[name];
            if (typeof value === 'string') forwarded[name] = value;
          }
          const method = request.method ?? 'GET';
          const answer = await fetch(`${openRegistry.url}${request.url ?? '/'}`, {
            method,
            headers: forwarded,
            ...(method === 'GET' || method === 'HEAD' ? {} : { body }),
            redirect: 'manual',
          });
          const headers: Record<string, string> = {};
          for (const name of ['content-type', 'content-length', 'docker-content-digest', 'location']) {
            const value = answer.headers.get(name);
            // Upload locations name the registry behind the front; the client goes through the front.
            if (value !== null) headers[name] = value.replace(openRegistry.url, front.url);
          }
          response.writeHead(answer.status, headers);
          response.end(Buffer.from(await answer.arrayBuffer()));
        })();
      }),
    );
  });

  beforeEach(() => {
    tokenRequests = [];
  });

  afterAll(async () => {
    await front.close();
  });

  it('swaps it for an access token with an OAuth2 refresh-token POST, not in the URL', async () => {
    const env = await dockerConfig({ credHelpers: { [front.host]: 'identity' } });
    const masked: string[] = [];
    const { parsed, store } = storeFor(`${front.host}/acme/app:v1`, {
      env,
      maskSecret: (secret) => masked.push(secret),
    });
    expect((await store.resolve(parsed)).digest).toBe(appDigest);
    expect(masked).toEqual(['refresh-token-123']);
    expect(tokenRequests).toEqual([
      {
        method: 'POST',
        url: '/token',
        form: {
          grant_type: 'refresh_token',
          refresh_token: 'refresh-token-123',
          client_id: 'supply-chain-gate',
          scope: 'repository:acme/app:pull',
          service: 'front.test',
        },
      },
    ]);
  });

  it('is swapped the same way, with the push scope, when a referrer is pushed', async () => {
    const env = await dockerConfig({ credHelpers: { [front.host]: 'identity' } });
    const mediaType = 'application/vnd.dev.sigstore.bundle.v0.3+json';
    const pushed = await pushReferrer(
      { registry: front.host, repository: 'acme/app', subjectDigest: appDigest },
      { bytes: Buffer.from(JSON.stringify({ mediaType })), mediaType, annotations: {} },
      { env, homeDir: '/nonexistent', now: () => new Date('2026-12-01T12:00:00Z') },
    );
    const stored = await fetch(`${openRegistry.url}/v2/acme/app/manifests/${pushed.manifestDigest}`, {
      headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
    });
    expect(((await stored.json()) as { subject?: { digest?: string } }).subject?.digest).toBe(appDigest);
    expect(tokenRequests).toEqual([
      {
        method: 'POST',
        url: '/token',
        form: {
          grant_type: 'refresh_token',
          refresh_token: 'refresh-token-123',
          client_id: 'supply-chain-gate',
          scope: 'repository:acme/app:pull,push',
          service: 'front.test',
        },
      },
    ]);
  });

  it('is not sent as a password to a basic-auth registry', async () => {
    const env = await dockerConfig({ credHelpers: { [authRegistry.host]: 'identity' } });
    const { parsed, store } = storeFor(`${authRegistry.host}/acme/app:v1`, { env });
    const error = await errorOf(store.resolve(parsed));
    expect(error.code).toBe('registry-unauthorized');
    expect(error.message).toContain(
      'credentials tried: the docker credential helper docker-credential-identity',
    );
    expectNoSecret(error.message, 'refresh-token-123');
  });
});

describe('end to end, with the secret in no output', () => {
  it('the CLI reads the registry through credsStore', async () => {
    const env = await dockerConfig({ credsStore: 'testbed' });
    const json = join(dir, 'cli-report.json');
    const run = await runCliCaptured(
      ['check', '--image', `${authRegistry.host}/acme/app:v1`, '--json', json],
      { cwd: dir, env },
    );
    const report = await readFile(json, 'utf8');
    expect(JSON.parse(report)).toMatchObject({ image: { digest: appDigest } });
    expect(run.code).not.toBe(2);
    expectNoSecret(`${run.stdout}\n${run.stderr}\n${report}`, authRegistry.password!);
  });

  it('the CLI exits 2 with one line naming a missing helper', async () => {
    const env = await dockerConfig({ credHelpers: { [authRegistry.host]: 'gcloud-missing' } });
    const run = await runCliCaptured(['check', '--image', `${authRegistry.host}/acme/app:v1`, '--quiet'], {
      cwd: dir,
      env,
    });
    expect(run.code).toBe(2);
    const lines = run.stderr.split('\n').filter((line) => line.includes('docker-credential-gcloud-missing'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('is not on PATH');
  });

  it('the action masks the secret before it is used and prints it nowhere else', async () => {
    const bundle = await buildFreshBundle(join(dir, 'bundle'));
    const env = await dockerConfig({ credHelpers: { [authRegistry.host]: 'testbed' } });
    const result = await runBundledAction({
      bundle,
      dir,
      name: 'helper',
      env: { ...env, GITHUB_WORKSPACE: dir, RUNNER_TEMP: dir },
      inputs: { image: `${authRegistry.host}/acme/app:v1`, 'report-path': join(dir, 'action-report.json') },
    });
    expect(result.outputs.digest).toBe(appDigest);
    const lines = `${result.stdout}\n${result.stderr}\n${result.summary}\n${result.outputFile}`.split('\n');
    expect(lines).toContain(`::add-mask::${authRegistry.password}`);
    expectNoSecret(
      lines.filter((line) => !line.startsWith('::add-mask::')).join('\n'),
      authRegistry.password!,
    );
  }, 60_000);
});

/** Whether a process is gone (or a zombie) within 5 s; a stopped helper's child never outlives it by more. */
async function exitsSoon(pid: number): Promise<boolean> {
  for (let attempt = 0; attempt < 250; attempt++) {
    try {
      process.kill(pid, 0);
      if (/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'))) return true;
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

function listen(server: Server): Promise<{ host: string; url: string; close(): Promise<void> }> {
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
