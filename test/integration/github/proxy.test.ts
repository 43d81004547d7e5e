/**
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY, through a real proxy (Debian's tinyproxy): the GitHub
 * client and the registry client send their requests through it when the environment names it,
 * and straight to the server when NO_PROXY names the host.
 */
import { rm } from 'node:fs/promises';
import { createGitHubClient } from '../../../src/adapters/github/create-client.js';
import { parseImageReference } from '../../../src/model/image-reference.js';
import { proxySettings } from '../../../src/adapters/http/proxy-fetch.js';
import { openImageStore } from '../../../src/adapters/oci/open-image-store.js';
import { startGitHubApi, type GitHubApiStandIn } from '../../support/github-api.js';
import { buildImage, pushImage, startRegistry, type TestRegistry } from '../../support/registry.js';
import { startTinyproxy, type TestProxy } from '../../support/tinyproxy.js';

const HEAD_SHA = 'b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0';
const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy'];

let proxy: TestProxy;
let github: GitHubApiStandIn;
let registry: TestRegistry;
let digest: string;
const cleanup: string[] = [];

beforeAll(async () => {
  [proxy, github, registry] = await Promise.all([startTinyproxy(), startGitHubApi(), startRegistry()]);
  const image = await buildImage({ user: '1000' });
  cleanup.push(image.layoutDir);
  digest = await pushImage(image.layoutDir, image.tag, registry, 'acme/app', 'v1');
});

afterAll(async () => {
  await Promise.all([proxy?.stop(), github?.stop(), registry?.stop()]);
  await Promise.all(cleanup.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Runs `body` with exactly these proxy variables in process.env, as a runner would set them. */
async function withProxyEnv<T>(values: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(PROXY_VARIABLES.map((name) => [name, process.env[name]]));
  for (const name of PROXY_VARIABLES) delete process.env[name];
  Object.assign(process.env, values);
  try {
    return await body();
  } finally {
    for (const name of PROXY_VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  }
}

const seen = async (fragment: string) => (await proxy.requests()).filter((line) => line.includes(fragment));

describe('the GitHub client behind a proxy', () => {
  it('sends its requests through HTTP_PROXY', async () => {
    const created = await withProxyEnv({ HTTP_PROXY: proxy.url }, () =>
      createGitHubClient({ apiUrl: github.url, token: github.token }).createCheckRun({
        owner: 'acme',
        repo: 'app',
        name: 'through-the-proxy',
        headSha: HEAD_SHA,
        status: 'queued',
      }),
    );

    expect(github.checkRuns().map((run) => run.id)).toContain(created.id);
    expect(await seen(`POST ${github.url}/repos/acme/app/check-runs`)).toHaveLength(1);
    expect(github.violations).toEqual([]);
  });

  it('goes straight to a host NO_PROXY names', async () => {
    const before = (await proxy.requests()).length;

    await withProxyEnv({ HTTP_PROXY: proxy.url, NO_PROXY: 'example.com,127.0.0.1' }, () =>
      createGitHubClient({ apiUrl: github.url, token: github.token }).createCheckRun({
        owner: 'acme',
        repo: 'app',
        name: 'around-the-proxy',
        headSha: HEAD_SHA,
        status: 'queued',
      }),
    );

    expect(github.checkRuns().map((run) => run.name)).toContain('around-the-proxy');
    expect((await proxy.requests()).length).toBe(before);
  });
});

describe('the registry client behind a proxy', () => {
  const reference = () => parseImageReference(`${registry.host}/acme/app:v1`);
  const isolated = { homeDir: '/nonexistent' };

  it('reads the image through HTTP_PROXY from the environment it is given', async () => {
    const store = openImageStore(reference(), { ...isolated, env: { HTTP_PROXY: proxy.url } });

    expect((await store.resolve(reference())).digest).toBe(digest);
    expect(await seen(`GET ${registry.url}/v2/acme/app/manifests/v1`)).not.toEqual([]);
  });

  it('goes straight to a registry NO_PROXY names, port and all', async () => {
    const before = (await proxy.requests()).length;
    const store = openImageStore(reference(), {
      ...isolated,
      env: { http_proxy: proxy.url, no_proxy: registry.host },
    });

    expect((await store.resolve(reference())).digest).toBe(digest);
    expect((await proxy.requests()).length).toBe(before);
  });
});

describe('reading the proxy variables', () => {
  it('takes the lower-case forms first, and nothing when no proxy is set', () => {
    expect(proxySettings({})).toBeUndefined();
    expect(proxySettings({ NO_PROXY: 'a' })).toBeUndefined();
    expect(proxySettings({ HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:1' })).toEqual({
      httpProxy: undefined,
      httpsProxy: 'http://lower:1',
      noProxy: '',
    });
  });
});
