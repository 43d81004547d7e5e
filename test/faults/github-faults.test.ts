/**
 * run() with a fault-injecting proxy in front of the GitHub API stand-in: the policy read at the
 * base commit, the attestations listing and the check run itself each meet 5xx answers, resets and
 * bodies cut short. What can be retried is, within the client's budget; what cannot ends in "could
 * not decide", and the check run is completed whenever GitHub lets it be written at all.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitHubClient } from '../../src/adapters/github/create-client.js';
import { openImageStore } from '../../src/adapters/oci/open-image-store.js';
import { createMemoryLogger } from '../../src/adapters/log/logger.js';
import type { RunInputs } from '../../src/inputs.js';
import { run, type RunDeps } from '../../src/main.js';
import { REPO_ROOT } from '../support/fixtures.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { startGitHubApi, type GitHubApiStandIn } from '../support/github-api.js';

const HEAD_SHA = 'fa17fa17000000000000000000000000000000bb';
const BASE_SHA = 'ba5eba5e000000000000000000000000000000bb';
const NOW = new Date('2026-11-28T12:00:00Z');
const POLICY = '.github/supply-chain-gate.yml';

describe('run() when the GitHub API misbehaves', () => {
  let github: GitHubApiStandIn;
  let proxy: FaultProxy;
  let workspace: string;

  beforeAll(async () => {
    github = await startGitHubApi();
    proxy = await startFaultProxy(github.url);
    workspace = await mkdtemp(join(tmpdir(), 'scg-github-faults-'));
    await cp(join(REPO_ROOT, 'examples/demo/app-oci'), join(workspace, 'app-oci'), { recursive: true });
    github.setContent(
      'acme',
      'app',
      POLICY,
      BASE_SHA,
      'version: 1\nvulnerabilities:\n  require-scan: false\nimage:\n  non-root: false\n',
    );
  });

  afterAll(async () => {
    await proxy?.stop();
    await github?.stop();
    await rm(workspace, { recursive: true, force: true });
  });

  afterEach(() => proxy.clear());

  const inputs = (overrides: Partial<RunInputs> = {}): RunInputs => ({
    image: 'oci:app-oci:1.0',
    scanPaths: [],
    checkName: 'github-faults',
    workspace,
    policyBase: { owner: 'acme', repo: 'app', ref: BASE_SHA, event: 'pull_request event' },
    attestationScopes: [{ owner: 'acme', repo: 'app' }],
    github: { apiUrl: proxy.url, token: github.token, owner: 'acme', repo: 'app', headSha: HEAD_SHA },
    ...overrides,
  });

  function gate() {
    const retries: string[] = [];
    const deps: RunDeps = {
      now: () => NOW,
      log: createMemoryLogger(),
      toolVersion: 'test',
      github: createGitHubClient({
        apiUrl: proxy.url,
        token: github.token,
        retry: { waitUnitMs: 1 },
        onRetry: (message) => retries.push(message),
      }),
      openImageStore: (reference) => openImageStore(reference, {}),
    };
    return { deps, retries };
  }

  const lastCheckRun = () => github.checkRuns().at(-1)!;
  const contents = /\/contents\/\.github\/supply-chain-gate\.yml/;
  const attestations = /\/repos\/acme\/app\/attestations\//;
  const checkRuns = /\/repos\/acme\/app\/check-runs/;

  it('passes when nothing goes wrong (the baseline)', async () => {
    const { deps } = gate();
    const result = await run(inputs(), deps);
    expect(result.decision.errors).toEqual([]);
    expect(result.decision.verdict).toBe('pass');
    expect(lastCheckRun()).toMatchObject({ status: 'completed', conclusion: 'success' });
  });

  it('retries the base policy read after a 502, a reset and a 503, and passes', async () => {
    proxy.inject({ path: contents, fault: { kind: 'status', status: 502 }, times: 1 });
    proxy.inject({ path: contents, fault: { kind: 'reset' }, times: 1 });
    proxy.inject({ path: contents, fault: { kind: 'status', status: 503, retryAfter: '0' }, times: 1 });
    const { deps, retries } = gate();

    const result = await run(inputs(), deps);

    expect(result.decision.verdict).toBe('pass');
    expect(retries).toEqual([
      expect.stringContaining('answered 502; trying again (attempt 2 of 4)'),
      expect.stringContaining('could not be reached (ECONNRESET); trying again (attempt 3 of 4)'),
      expect.stringContaining('answered 503; trying again (attempt 4 of 4)'),
    ]);
    expect(result.decision.policyOrigin).toContain(`@${BASE_SHA.slice(0, 12)}`);
  });

  it('cannot decide when the base policy cannot be read, and says so on the completed check run', async () => {
    proxy.inject({ path: contents, fault: { kind: 'status', status: 500 } });
    const { deps } = gate();

    const result = await run(inputs(), deps);

    expect(result.decision.verdict).toBe('error');
    expect(result.decision.errors[0]).toMatch(
      /contents\/\.github\/supply-chain-gate\.yml returned 500.* after 4 attempts/,
    );
    expect(lastCheckRun()).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it('cannot decide when the base policy arrives cut short, and names the broken connection', async () => {
    proxy.inject({ path: contents, fault: { kind: 'truncate' } });
    const { deps } = gate();

    const result = await run(inputs(), deps);

    expect(result.decision.verdict).toBe('error');
    expect(result.decision.errors[0]).toMatch(
      /contents\/\.github\/supply-chain-gate\.yml: the connection broke/,
    );
    expect(lastCheckRun()).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it('cannot decide, never passes, when the attestations listing keeps failing', async () => {
    proxy.inject({ path: attestations, fault: { kind: 'status', status: 503 } });
    const { deps } = gate();

    const result = await run(inputs(), deps);

    expect(result.decision.verdict).toBe('error');
    expect(result.decision.errors[0]).toMatch(/attestations\/sha256:[a-f0-9]{64} returned 503/);
    expect(lastCheckRun()).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it('completes the check run through a reset and a 502 on its own requests', async () => {
    proxy.inject({ method: 'POST', path: checkRuns, fault: { kind: 'status', status: 502 }, times: 1 });
    proxy.inject({ method: 'PATCH', path: checkRuns, fault: { kind: 'reset' }, times: 1 });
    const { deps } = gate();
    const before = github.checkRuns().length;

    const result = await run(inputs(), deps);

    expect(result.reportErrors).toEqual([]);
    expect(github.checkRuns().slice(before)).toEqual([
      expect.objectContaining({ status: 'completed', conclusion: 'success' }),
    ]);
  });

  it('fails the step, exit 2, when the check run cannot be written at all', async () => {
    proxy.inject({ path: checkRuns, fault: { kind: 'status', status: 503 } });
    const { deps } = gate();

    const result = await run(inputs(), deps);

    expect(result.decision.verdict).toBe('pass');
    expect(result.exitCode).toBe(2);
    expect(result.reportErrors.join('\n')).toMatch(/completing the check run failed: .*returned 503/);
  });
});
