/**
 * run() through a fault-injecting proxy in front of the real test registry: each fault has its
 * expected verdict. Transient faults are retried (GET only, bounded backoff, Retry-After honoured
 * up to a cap, one budget for the run) and the verdict is what it would have been without them;
 * faults that do not pass end in "could not decide", never in "pass"; the check run is completed
 * either way. The backoff is made short through the store's options so the suite stays fast.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitHubClient } from '../../src/adapters/github/create-client.js';
import { openImageStore } from '../../src/adapters/oci/open-image-store.js';
import { createMemoryLogger } from '../../src/adapters/log/logger.js';
import type { RegistryOptions } from '../../src/adapters/registry/store.js';
import type { RunInputs } from '../../src/inputs.js';
import { run, type RunDeps } from '../../src/main.js';
import { startFaultProxy, type Fault, type FaultProxy } from '../support/fault-proxy.js';
import { startGitHubApi, type GitHubApiStandIn } from '../support/github-api.js';
import {
  buildImage,
  pushImage,
  requireTestbedTools,
  startRegistry,
  type TestRegistry,
} from '../support/registry.js';

const HEAD_SHA = 'fa17fa17000000000000000000000000000000aa';
const NOW = new Date('2026-11-28T12:00:00Z');
const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 2_000, budgetMs: 5_000 } as const;

describe('run() when the registry misbehaves', () => {
  let registry: TestRegistry;
  let proxy: FaultProxy;
  let github: GitHubApiStandIn;
  let workspace: string;
  const layouts: string[] = [];
  let digest: string;
  let otherDigest: string;
  let configDigest: string;

  beforeAll(async () => {
    await requireTestbedTools();
    [registry, github] = await Promise.all([startRegistry(), startGitHubApi()]);
    proxy = await startFaultProxy(registry.url);
    workspace = await mkdtemp(join(tmpdir(), 'scg-faults-'));
    await mkdir(join(workspace, '.github'));
    // Only what the registry serves decides: no scan report is asked for.
    await writeFile(
      join(workspace, '.github/supply-chain-gate.yml'),
      'version: 1\nvulnerabilities:\n  require-scan: false\n',
    );
    const app = await buildImage({ user: '1000', labels: { purpose: 'gated' } });
    const other = await buildImage({ user: '1000', labels: { purpose: 'another image' } });
    layouts.push(app.layoutDir, other.layoutDir);
    digest = await pushImage(app.layoutDir, app.tag, registry, 'acme/app', 'pr-42');
    otherDigest = await pushImage(other.layoutDir, other.tag, registry, 'acme/app', 'other');
    const manifest = (await (
      await fetch(`${registry.url}/v2/acme/app/manifests/${digest}`, {
        headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
      })
    ).json()) as { config: { digest: string } };
    configDigest = manifest.config.digest;
  });

  afterAll(async () => {
    await proxy?.stop();
    await Promise.all([registry?.stop(), github?.stop()]);
    await rm(workspace, { recursive: true, force: true });
    await Promise.all(layouts.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  afterEach(() => proxy.clear());

  const inputs = (overrides: Partial<RunInputs> = {}): RunInputs => ({
    image: `${proxy.host}/acme/app:pr-42`,
    digest,
    scanPaths: [],
    checkName: 'faults',
    workspace,
    github: { apiUrl: github.url, token: github.token, owner: 'acme', repo: 'app', headSha: HEAD_SHA },
    ...overrides,
  });

  /** The waits the registry client asked for, in order; each is slept for 1 ms only. */
  function gate(registryOptions: Partial<RegistryOptions> = {}) {
    const waits: number[] = [];
    const retries: string[] = [];
    const log = createMemoryLogger();
    const deps: RunDeps = {
      now: () => NOW,
      log,
      toolVersion: 'test',
      github: createGitHubClient({ apiUrl: github.url, token: github.token }),
      openImageStore: (reference) =>
        openImageStore(reference, {
          env: {},
          homeDir: '/nonexistent',
          retry: FAST_RETRY,
          onRetry: (message) => retries.push(message),
          sleep: async (ms) => {
            waits.push(ms);
            await new Promise((resolve) => setTimeout(resolve, 1));
          },
          ...registryOptions,
        }),
    };
    return { deps, waits, retries, log };
  }

  const lastCheckRun = () => github.checkRuns().at(-1)!;
  const manifestByTag = /^\/v2\/acme\/app\/manifests\/pr-42$/;
  const configBlob = () => new RegExp(`^/v2/acme/app/blobs/${configDigest}$`);

  it('passes through the proxy when nothing goes wrong (the baseline every fault is compared with)', async () => {
    const { deps, waits } = gate();
    const result = await run(inputs(), deps);
    expect(result.decision.errors).toEqual([]);
    expect(result.decision.verdict).toBe('pass');
    expect(waits).toEqual([]);
    expect(lastCheckRun()).toMatchObject({ status: 'completed', conclusion: 'success' });
  });

  it.each<[string, Fault]>([
    ['500', { kind: 'status', status: 500 }],
    ['502', { kind: 'status', status: 502 }],
    ['503', { kind: 'status', status: 503 }],
    ['429 without Retry-After', { kind: 'status', status: 429 }],
    ['a reset connection', { kind: 'reset' }],
    ['a dropped connection', { kind: 'drop' }],
    ['a body cut short', { kind: 'truncate' }],
  ])('retries the tag read after %s with a doubling backoff, and passes', async (_name, fault) => {
    proxy.inject({ method: 'GET', path: manifestByTag, fault, times: 2 });
    const { deps, waits, retries } = gate();

    const result = await run(inputs(), deps);

    expect(result.decision.verdict).toBe('pass');
    expect(waits).toEqual([FAST_RETRY.baseDelayMs, FAST_RETRY.baseDelayMs * 2]);
    expect(retries).toHaveLength(2);
    expect(retries[0]).toMatch(/attempt 2 of 5/);
    expect(proxy.requests.filter((request) => manifestByTag.test(request.path)).slice(-3)).toEqual([
      expect.objectContaining({ outcome: fault.kind }),
      expect.objectContaining({ outcome: fault.kind }),
      expect.objectContaining({ outcome: 'forwarded' }),
    ]);
  });

  it('waits as long as Retry-After asks, in seconds or as an HTTP date, when that is under the cap', async () => {
    proxy.inject({ path: configBlob(), fault: { kind: 'status', status: 429, retryAfter: '1' }, times: 1 });
    // The date is read against the store's clock: a fixed one, on a whole second, makes the wait exact.
    const clock = Date.UTC(2026, 10, 28, 12, 0, 0);
    proxy.inject({
      path: configBlob(),
      fault: { kind: 'status', status: 503, retryAfter: new Date(clock + 2_000).toUTCString() },
      times: 1,
    });
    const { deps, waits } = gate({ clock: () => clock });

    const result = await run(inputs(), deps);

    expect(result.decision.verdict).toBe('pass');
    expect(waits).toEqual([1_000, 2_000]);
  });

  it('does not wait when Retry-After asks for more than the cap, and cannot decide', async () => {
    proxy.inject({ path: configBlob(), fault: { kind: 'status', status: 503, retryAfter: '3600' } });
    const { deps, waits } = gate();

    const result = await run(inputs(), deps);

    expect(result.decision.verdict).toBe('error');
    expect(waits).toEqual([]);
    expect(result.decision.errors.join('\n')).toMatch(
      /answered 503 .*\(the registry asked to wait 3600 s, more than the 2 s the gate waits\); retry the job later/,
    );
  });

  it('gives up after the retry limit on a registry that keeps failing, and the check run still completes', async () => {
    proxy.inject({ path: /^\/v2\//, fault: { kind: 'status', status: 503 } });
    const { deps, waits } = gate();

    const result = await run(inputs(), deps);

    expect(result.decision.verdict).toBe('error');
    expect(result.exitCode).toBe(2);
    expect(waits.slice(0, 4)).toEqual([5, 10, 20, 40]);
    expect(result.decision.errors[0]).toMatch(
      /answered 503 .*gave up after 5 attempts\); retry the job later/,
    );
    expect(lastCheckRun()).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(lastCheckRun().output.summary).toContain('gave up after 5 attempts');
  });

  it('stops retrying when the budget for the whole run is spent, however many retries are left', async () => {
    proxy.inject({ path: /^\/v2\//, fault: { kind: 'status', status: 502 } });
    let clock = 0;
    const { deps, waits } = gate({
      retry: { maxRetries: 1000, baseDelayMs: 100, maxDelayMs: 100, budgetMs: 1_000 },
      clock: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    });

    const result = await run(inputs(), deps);

    expect(result.decision.verdict).toBe('error');
    // Parallel reads share one budget: together they stop about when it ends.
    expect(clock).toBeLessThan(2_000);
    expect(waits.length).toBeLessThan(30);
    expect(result.decision.errors[0]).toMatch(/the 1 s retry budget for 127\.0\.0\.1:\d+ is spent/);
  });

  it('ends in "could not decide" with verdict error and conclusion neutral in audit mode', async () => {
    proxy.inject({ path: /^\/v2\//, fault: { kind: 'reset' } });
    const { deps } = gate();

    const result = await run(inputs({ mode: 'audit' }), deps);

    expect(result.decision.verdict).toBe('error');
    expect(result.exitCode).toBe(0);
    expect(lastCheckRun()).toMatchObject({ status: 'completed', conclusion: 'neutral' });
  });

  it('completes the check run as a failure when the registry is not there at all', async () => {
    const gone = await startFaultProxy(registry.url);
    const host = gone.host;
    await gone.stop();
    const { deps, waits } = gate();

    const result = await run(inputs({ image: `${host}/acme/app:pr-42` }), deps);

    expect(result.decision.verdict).toBe('error');
    // Refused is not retried: the reference names a place where no registry listens.
    expect(waits).toEqual([]);
    expect(result.decision.errors[0]).toMatch(/cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    expect(lastCheckRun()).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it('retries a read that times out, and passes once the registry answers in time', async () => {
    // Stalled, not slow: the first read never gets an answer, however fast or loaded the machine,
    // and the timeout is long enough for any ordinary answer to arrive within it.
    proxy.inject({ path: configBlob(), fault: { kind: 'stall' }, times: 1 });
    const { deps, waits } = gate({ timeoutMs: 1_500 });

    const result = await run(inputs(), deps);

    expect(result.decision.verdict).toBe('pass');
    expect(waits).toEqual([FAST_RETRY.baseDelayMs]);
  });

  it('rejects a manifest whose bytes do not hash to the digest asked for, without retrying', async () => {
    proxy.inject({
      path: new RegExp(`^/v2/acme/app/manifests/${digest}$`),
      fault: { kind: 'substitute', path: `/v2/acme/app/manifests/${otherDigest}` },
    });
    const { deps, waits } = gate();

    const result = await run(inputs({ image: `${proxy.host}/acme/app@${digest}`, digest: undefined }), deps);

    expect(result.decision.verdict).toBe('error');
    expect(waits).toEqual([]);
    expect(result.decision.errors[0]).toContain(
      `was requested as ${digest} but its bytes hash to ${otherDigest}`,
    );
    expect(lastCheckRun()).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it('rejects a tag answer whose manifest is another image than the one built', async () => {
    proxy.inject({
      path: manifestByTag,
      fault: { kind: 'substitute', path: '/v2/acme/app/manifests/other' },
    });
    const { deps } = gate();

    const result = await run(inputs(), deps);

    expect(result.decision.verdict).toBe('error');
    expect(result.decision.errors[0]).toContain(`now points at ${otherDigest}, not at ${digest}`);
  });

  it('rejects a config blob served for the wrong digest', async () => {
    const { deps } = gate();
    const otherConfig = (
      (await (
        await fetch(`${registry.url}/v2/acme/app/manifests/${otherDigest}`, {
          headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
        })
      ).json()) as { config: { digest: string } }
    ).config.digest;
    proxy.inject({
      path: configBlob(),
      fault: { kind: 'substitute', path: `/v2/acme/app/blobs/${otherConfig}` },
    });

    const result = await run(inputs(), deps);

    expect(result.decision.verdict).toBe('error');
    expect(result.decision.errors[0]).toMatch(
      /its bytes hash to sha256:[a-f0-9]{64}: the content was altered/,
    );
  });

  it('retries a token service that was busy, rather than keeping its failure for the rest of the run', async () => {
    // The bearer-token flow of Docker Hub and GHCR, put in front of the test registry: a 401 with a
    // challenge, a token service that answers 503 once, then a token the front accepts.
    const realm = 'http://127.0.0.1:9/token';
    let tokenRequests = 0;
    const bearerFront: typeof fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.href.startsWith(realm)) {
        tokenRequests += 1;
        return tokenRequests === 1
          ? new Response('busy', { status: 503 })
          : Response.json({ token: 'granted' });
      }
      const headers = new Headers(init?.headers);
      if (headers.get('authorization') !== 'Bearer granted') {
        return new Response(null, {
          status: 401,
          headers: { 'www-authenticate': `Bearer realm="${realm}",service="testbed"` },
        });
      }
      headers.delete('authorization');
      return fetch(url, { ...init, headers });
    };
    const { deps, waits } = gate({ fetch: bearerFront });

    const result = await run(inputs(), deps);

    expect(result.decision.errors).toEqual([]);
    expect(result.decision.verdict).toBe('pass');
    expect(tokenRequests).toBe(2);
    expect(waits).toEqual([FAST_RETRY.baseDelayMs]);
  });

  // Every place the run reads from, each failing for good: the run never passes on what it could not read.
  const places: Array<[string, () => RegExp]> = [
    ['the tag', () => manifestByTag],
    ['the config blob', configBlob],
    ['the cosign signature tag', () => new RegExp(`/manifests/sha256-${digest.slice(7)}\\.sig$`)],
    ['the cosign attestation tag', () => new RegExp(`/manifests/sha256-${digest.slice(7)}\\.att$`)],
    ['the referrers API', () => new RegExp(`/referrers/${digest}$`)],
    ['the referrers tag', () => new RegExp(`/manifests/sha256-${digest.slice(7)}$`)],
  ];
  const persistent: Array<[string, Fault]> = [
    ['503', { kind: 'status', status: 503 }],
    ['resets', { kind: 'reset' }],
    ['drops', { kind: 'drop' }],
  ];
  it.each(
    places.flatMap(([place, path]) => persistent.map(([name, fault]) => [place, name, path, fault] as const)),
  )('cannot decide, never passes, when %s keeps failing with %s', async (_place, _name, path, fault) => {
    proxy.inject({ path: path(), fault });
    const { deps } = gate();

    const result = await run(inputs(), deps);

    expect(result.decision.verdict).toBe('error');
    expect(result.exitCode).toBe(2);
    expect(lastCheckRun()).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });
});
