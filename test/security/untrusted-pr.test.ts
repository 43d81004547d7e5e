/**
 * A pull request cannot make its own check pass by editing what judges it: on pull request events
 * the policy (with its allow list and exceptions), the VEX files it names and the VEX files of the
 * `vex` input are read at the base commit through the contents API. The GitHub stand-in serves the
 * base versions; the workspace holds the pull request's edits, which would pass if they counted
 * (the control run on a push event shows they would).
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitHubClient } from '../../src/adapters/github/create-client.js';
import { openImageStore } from '../../src/adapters/oci/open-image-store.js';
import { createMemoryLogger } from '../../src/adapters/log/logger.js';
import type { RunInputs } from '../../src/inputs.js';
import { run, type RunDeps } from '../../src/main.js';
import { REPO_ROOT } from '../support/fixtures.js';
import { startGitHubApi, type GitHubApiStandIn } from '../support/github-api.js';

const HEAD_SHA = '0badc0de00000000000000000000000000000001';
const BASE_SHA = '0badc0de00000000000000000000000000000002';
const NOW = new Date('2026-11-28T12:00:00Z');
const POLICY = '.github/supply-chain-gate.yml';
const POLICY_VEX = '.github/vex/app.openvex.json';
const INPUT_VEX = 'security/extra.openvex.json';

/** The demo's scan has CVE-2019-14697 (critical) in musl and musl-utils. */
const basePolicy = (vex: string[], allow: string[] = []) =>
  [
    'version: 1',
    'image:',
    '  non-root: false',
    'vulnerabilities:',
    '  fail-on: [critical]',
    `  vex: [${vex.join(', ')}]`,
    ...allow,
    '',
  ].join('\n');

function openVex(statements: Array<{ id: string; status: string }>): string {
  return JSON.stringify({
    '@context': 'https://openvex.dev/ns/v0.2.0',
    '@id': 'https://example.com/vex/app',
    author: 'acme security',
    timestamp: '2026-11-01T00:00:00Z',
    version: 1,
    statements: statements.map(({ id, status }) => ({
      vulnerability: { name: id },
      products: ['musl', 'musl-utils'].map((name) => ({
        '@id': `pkg:apk/alpine/${name}@1.1.20-r4?arch=x86_64&distro=3.9.4`,
      })),
      status,
      ...(status === 'not_affected' ? { justification: 'vulnerable_code_not_in_execute_path' } : {}),
    })),
  });
}

describe('a pull request that edits what judges it', () => {
  let github: GitHubApiStandIn;
  let workspace: string;

  beforeAll(async () => {
    github = await startGitHubApi();
    workspace = await mkdtemp(join(tmpdir(), 'scg-untrusted-pr-'));
    await cp(join(REPO_ROOT, 'examples/demo/app-oci'), join(workspace, 'app-oci'), { recursive: true });
    await cp(join(REPO_ROOT, 'examples/demo/trivy.json'), join(workspace, 'trivy.json'));
    await mkdir(join(workspace, '.github/vex'), { recursive: true });
    await mkdir(join(workspace, 'security'));

    // The base commit: a strict policy naming a VEX file that says the CVE is being looked at.
    github.setContent('acme', 'app', POLICY, BASE_SHA, basePolicy([POLICY_VEX]));
    github.setContent(
      'acme',
      'app',
      POLICY_VEX,
      BASE_SHA,
      openVex([{ id: 'CVE-2019-14697', status: 'under_investigation' }]),
    );
    // The pull request's edits: an allow list, a VEX statement that clears the CVE, and a new VEX
    // file passed through the `vex` input.
    await writeFile(
      join(workspace, POLICY),
      basePolicy(
        [POLICY_VEX],
        ['  allow:', '    - id: CVE-2019-14697', '      reason: not reachable', '      expires: 2027-01-01'],
      ),
    );
    await writeFile(join(workspace, POLICY_VEX), openVex([{ id: 'CVE-2019-14697', status: 'not_affected' }]));
    await writeFile(join(workspace, INPUT_VEX), openVex([{ id: 'CVE-2019-14697', status: 'not_affected' }]));
  });

  afterAll(async () => {
    await github?.stop();
    await rm(workspace, { recursive: true, force: true });
  });

  const inputs = (overrides: Partial<RunInputs> = {}): RunInputs => ({
    image: 'oci:app-oci:1.0',
    scanPaths: ['trivy.json'],
    checkName: 'untrusted-pr',
    workspace,
    policyBase: { owner: 'acme', repo: 'app', ref: BASE_SHA, event: 'pull_request event' },
    github: { apiUrl: github.url, token: github.token, owner: 'acme', repo: 'app', headSha: HEAD_SHA },
    ...overrides,
  });
  const deps = (): RunDeps => ({
    now: () => NOW,
    log: createMemoryLogger(),
    toolVersion: 'test',
    github: createGitHubClient({ apiUrl: github.url, token: github.token }),
    openImageStore: (reference) => openImageStore(reference, {}),
  });
  const failing = (result: Awaited<ReturnType<typeof run>>) =>
    result.decision.results.filter((rule) => rule.status === 'fail').map((rule) => rule.ruleId);

  it('control: on a push, where the checkout is the reviewed code, the edits make it pass', async () => {
    const result = await run(inputs({ policyBase: undefined }), deps());
    expect(result.decision.errors).toEqual([]);
    expect(result.decision.verdict).toBe('pass');
  });

  it('judges the pull request by the base policy and the base VEX file, so it fails', async () => {
    const result = await run(inputs(), deps());

    expect(result.decision.verdict).toBe('fail');
    expect(failing(result)).toContain('vulnerabilities.fail-on');
    expect(result.decision.policyOrigin).toBe(`${POLICY}@${BASE_SHA.slice(0, 12)}`);
    const vexRule = result.decision.results.find((rule) => rule.ruleId === 'vulnerabilities.vex');
    expect(vexRule?.message).toContain(`${POLICY_VEX}@${BASE_SHA.slice(0, 12)}`);
    expect(github.checkRuns().at(-1)).toMatchObject({ head_sha: HEAD_SHA, conclusion: 'failure' });
  });

  it('cannot add a VEX file through the vex input: one missing at the base commit is an error, not a pass', async () => {
    const result = await run(inputs({ vexPaths: [INPUT_VEX] }), deps());

    expect(result.decision.verdict).toBe('error');
    expect(result.decision.errors[0]).toBe(
      `${INPUT_VEX}@${BASE_SHA.slice(0, 12)}: VEX document not found at the base commit (pull_request event); a VEX file added by this change applies once it is merged`,
    );
  });

  it('does use the base commit’s VEX statements: once merged, the statement clears the finding', async () => {
    const merged = '0badc0de00000000000000000000000000000003';
    github.setContent('acme', 'app', POLICY, merged, basePolicy([POLICY_VEX]));
    github.setContent(
      'acme',
      'app',
      POLICY_VEX,
      merged,
      openVex([{ id: 'CVE-2019-14697', status: 'not_affected' }]),
    );
    github.setContent('acme', 'app', INPUT_VEX, merged, openVex([]));

    const result = await run(
      inputs({
        vexPaths: [INPUT_VEX],
        policyBase: { owner: 'acme', repo: 'app', ref: merged, event: 'pull_request event' },
      }),
      deps(),
    );

    expect(result.decision.errors).toEqual([]);
    expect(result.decision.verdict).toBe('pass');
  });

  it('refuses a VEX path outside the repository on a pull request too', async () => {
    const result = await run(inputs({ vexPaths: ['../elsewhere.openvex.json'] }), deps());

    expect(result.decision.verdict).toBe('error');
    expect(result.decision.errors[0]).toMatch(
      /^\.\.\/elsewhere\.openvex\.json: VEX documents are read only from files in the repository/,
    );
  });
});
