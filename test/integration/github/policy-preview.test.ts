/**
 * The preview of a policy change on its own pull request, through the GitHub API stand-in: the
 * base commit's policy decides; the policy (and VEX files) at the head commit are evaluated on the
 * same evidence and shown as "Under the proposed policy" in the check run, the job summary and the
 * JSON report. A head policy that loosens the gate shows pass while the check fails; one that does
 * not parse shows every problem with its line; an organization policy is previewed with the
 * repository file that tightens it; a VEX file added by the change is part of the proposal.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitHubClient } from '../../../src/adapters/github/create-client.js';
import { createMemoryLogger } from '../../../src/adapters/log/logger.js';
import { openImageStore } from '../../../src/adapters/oci/open-image-store.js';
import type { RunInputs } from '../../../src/inputs.js';
import { run } from '../../../src/main.js';
import { runCliCaptured } from '../../support/cli.js';
import { REPO_ROOT } from '../../support/fixtures.js';
import { startGitHubApi, type GitHubApiStandIn } from '../../support/github-api.js';

const BASE = '0123456789abcdef0123456789abcdef01234567';
const NOW = new Date('2026-12-01T00:00:00Z');
const POLICY_PATH = '.github/supply-chain-gate.yml';
const STRICT = 'version: 1\nvulnerabilities:\n  fail-on: [critical]\n';
const LOOSE = 'version: 1\nvulnerabilities:\n  fail-on: []\nimage:\n  non-root: false\n';
const MALFORMED = 'version: 1\nvulnerabilities:\n  fail-onn: [critical]\nimage:\n  non-root: maybe\n';
const DEMO_DIGEST_HEX = 'b147d176511eebef0f8e759505db656520af794ebaccdc4a741974ce60e23ca2';
/** The demo's critical, CVE-2019-14697 in musl, declared not affecting the image. */
const VEX = JSON.stringify({
  '@context': 'https://openvex.dev/ns/v0.2.0',
  '@id': 'https://example.com/vex/1',
  author: 'acme',
  timestamp: '2026-11-01T00:00:00Z',
  version: 1,
  statements: [
    {
      vulnerability: { name: 'CVE-2019-14697' },
      products: [{ '@id': `pkg:oci/app@sha256%3A${DEMO_DIGEST_HEX}` }],
      status: 'not_affected',
      justification: 'vulnerable_code_not_in_execute_path',
    },
  ],
});

let sequence = 0;
const head = () => `${(++sequence).toString(16).padStart(2, '0')}${'f'.repeat(38)}`;

describe('previewing a policy change on its pull request', () => {
  let github: GitHubApiStandIn;
  let workspace: string;

  beforeAll(async () => {
    github = await startGitHubApi();
    workspace = await mkdtemp(join(tmpdir(), 'scg-preview-'));
    await cp(join(REPO_ROOT, 'examples/demo'), workspace, { recursive: true });
    github.setContent('acme', 'app', POLICY_PATH, BASE, STRICT);
  });
  afterAll(async () => {
    await github.stop();
    await rm(workspace, { recursive: true, force: true });
  });

  const gate = async (headSha: string, overrides: Partial<RunInputs> = {}) => {
    const summaries: string[] = [];
    const checkName = `gate-${headSha.slice(0, 2)}`;
    const result = await run(
      {
        image: 'oci:app-oci:1.0',
        scanPaths: ['trivy.json'],
        checkName,
        workspace,
        jsonReportPath: `report-${headSha.slice(0, 2)}.json`,
        policyBase: { owner: 'acme', repo: 'app', ref: BASE, event: 'pull_request event', head: headSha },
        github: { apiUrl: github.url, token: github.token, owner: 'acme', repo: 'app', headSha },
        ...overrides,
      },
      {
        now: () => NOW,
        log: createMemoryLogger(),
        toolVersion: 'test',
        openImageStore: (reference) => openImageStore(reference),
        github: createGitHubClient({ apiUrl: github.url, token: github.token }),
        writeSummary: async (markdown) => {
          summaries.push(markdown);
        },
      },
    );
    const checkRun = github.checkRuns().find((entry) => entry.name === checkName)!;
    const report = JSON.parse(await readFile(join(workspace, `report-${headSha.slice(0, 2)}.json`), 'utf8'));
    return { result, summary: summaries[0]!, checkRun, report };
  };

  it('lets the base policy decide and shows that the loosened head policy would pass', async () => {
    const sha = head();
    github.setContent('acme', 'app', POLICY_PATH, sha, LOOSE);
    const { result, summary, checkRun, report } = await gate(sha);
    expect(result.decision.verdict).toBe('fail');
    expect(result.exitCode).toBe(1);
    expect(checkRun.conclusion).toBe('failure');
    expect(checkRun.output.title).toBe('2 rule(s) failed · proposed policy: pass');
    for (const markdown of [checkRun.output.summary!, summary]) {
      expect(markdown).toContain('### ✅ Under the proposed policy: pass');
      expect(markdown).toContain(
        `\`${POLICY_PATH}@${sha.slice(0, 12)}\` would decide **pass** on the same evidence`,
      );
      expect(markdown).toContain(
        '| `vulnerabilities.fail-on` No vulnerabilities remain | ❌ fail | ✅ pass |',
      );
      expect(markdown).toMatch(/\| `image\.non-root` Runs as root \| ❌ fail \| — not run \|/);
    }
    expect(report.verdict).toBe('fail');
    expect(report.preview).toEqual({
      policy: `${POLICY_PATH}@${sha.slice(0, 12)}`,
      ref: sha,
      verdict: 'pass',
      mode: 'enforce',
      changes: ['policy'],
      changed: [
        expect.objectContaining({ ruleId: 'vulnerabilities.fail-on', base: 'fail', proposed: 'pass' }),
        expect.objectContaining({ ruleId: 'image.non-root', base: 'fail', proposed: 'absent' }),
      ],
    });
    expect(
      github.requests.filter(
        (r) => r.operation === 'GET /repos/{owner}/{repo}/contents/{path}' && r.query.ref === sha,
      ),
    ).toHaveLength(1);
    expect(github.violations).toEqual([]);
  });

  it('shows a head policy that does not parse, with every problem and its line, and still decides', async () => {
    const sha = head();
    github.setContent('acme', 'app', POLICY_PATH, sha, MALFORMED);
    // The checkout holds the change, so annotations can point into it.
    await mkdir(join(workspace, '.github'), { recursive: true });
    await writeFile(join(workspace, POLICY_PATH), MALFORMED);
    const { result, summary, checkRun, report } = await gate(sha);
    expect(result.decision.verdict).toBe('fail');
    expect(checkRun.output.title).toBe('2 rule(s) failed · proposed policy: cannot be evaluated');
    const shown = `${POLICY_PATH}@${sha.slice(0, 12)}`;
    expect(report.preview).toEqual({
      policy: shown,
      ref: sha,
      verdict: 'error',
      changes: ['policy'],
      changed: [],
      problems: [
        `${shown}:3:3: unknown key "fail-onn"; did you mean "fail-on"?`,
        `${shown}:5:3: image.non-root: expected boolean, received string`,
      ],
    });
    // On the lines of the change itself: the check run is on the head commit.
    expect(checkRun.annotations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: POLICY_PATH,
          start_line: 3,
          annotation_level: 'warning',
          title: 'The proposed policy does not load',
        }),
        expect.objectContaining({ path: POLICY_PATH, start_line: 5 }),
      ]),
    );
    for (const markdown of [checkRun.output.summary!, summary]) {
      expect(markdown).toContain('### ⚠️ Under the proposed policy: it cannot be evaluated');
      expect(markdown).toContain('unknown key "fail-onn"; did you mean "fail-on"?');
      expect(markdown).toContain(':5:3: image.non-root: expected boolean, received string');
    }
  });

  it('shows nothing when the head commit has the same policy', async () => {
    const sha = head();
    github.setContent('acme', 'app', POLICY_PATH, sha, `# reworded\n${STRICT}`);
    const { report, checkRun } = await gate(sha);
    expect(report.preview).toBeUndefined();
    expect(checkRun.output.summary).not.toContain('Under the proposed policy');
  });

  it('previews a VEX file the head policy adds, read at the head commit with the policy', async () => {
    const sha = head();
    github.setContent(
      'acme',
      'app',
      POLICY_PATH,
      sha,
      `${STRICT}  vex: [vex/app.openvex.json]\nimage:\n  non-root: false\n`,
    );
    github.setContent('acme', 'app', 'vex/app.openvex.json', sha, VEX);
    const { result, report } = await gate(sha);
    expect(result.decision.verdict).toBe('fail');
    expect(result.decision.evidence?.vex).toBeUndefined();
    expect(report.preview).toMatchObject({ verdict: 'pass', changes: ['policy', 'vex'] });
  });

  it('previews a change to a VEX file alone, the policy unchanged', async () => {
    const empty = JSON.stringify({ ...JSON.parse(VEX), statements: [] });
    github.setContent('acme', 'app', 'vex/input.openvex.json', BASE, empty);
    const sha = head();
    github.setContent('acme', 'app', POLICY_PATH, sha, STRICT);
    github.setContent('acme', 'app', 'vex/input.openvex.json', sha, VEX);
    const { result, report, summary } = await gate(sha, { vexPaths: ['vex/input.openvex.json'] });
    expect(result.decision.verdict).toBe('fail');
    expect(report.preview).toMatchObject({ changes: ['vex'], verdict: 'fail' });
    expect(report.preview.changed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ruleId: 'vulnerabilities.fail-on', base: 'fail', proposed: 'pass' }),
      ]),
    );
    expect(summary).toContain('This change edits the VEX files.');
    // Unchanged VEX at the head commit: nothing to preview.
    const same = head();
    github.setContent('acme', 'app', POLICY_PATH, same, STRICT);
    github.setContent('acme', 'app', 'vex/input.openvex.json', same, empty);
    expect((await gate(same, { vexPaths: ['vex/input.openvex.json'] })).report.preview).toBeUndefined();
  });

  it('previews the repository file that tightens an organization policy, under the same organization policy', async () => {
    github.setContent(
      'acme',
      '.github',
      'policies/gate.yml',
      'main',
      'version: 1\nvulnerabilities:\n  fail-on: [critical]\n',
    );
    github.setContent('acme', 'app', POLICY_PATH, BASE, 'version: 1\nimage:\n  non-root: false\n');
    const sha = head();
    github.setContent(
      'acme',
      'app',
      POLICY_PATH,
      sha,
      'version: 1\nimage:\n  non-root: false\n  max-layers: 0\n',
    );
    const loosening = head();
    github.setContent('acme', 'app', POLICY_PATH, loosening, 'version: 1\nvulnerabilities:\n  fail-on: []\n');
    try {
      const tighter = await gate(sha, { policyPath: 'acme/.github/policies/gate.yml@main' });
      // max-layers: 0 does not parse (positive only): shown, with its line.
      expect(tighter.report.preview.problems).toEqual([
        `${POLICY_PATH}@${sha.slice(0, 12)}:4:3: image.max-layers: Too small: expected number to be >0`,
      ]);
      const looser = await gate(loosening, { policyPath: 'acme/.github/policies/gate.yml@main' });
      expect(looser.report.preview).toMatchObject({
        policy: `acme/.github/policies/gate.yml@main (organization) + ${POLICY_PATH}@${loosening.slice(0, 12)}`,
        // The organization's fail-on stands: the repository file cannot loosen it, and says so.
        verdict: 'fail',
        changed: [expect.objectContaining({ ruleId: 'image.non-root', base: 'absent', proposed: 'fail' })],
      });
    } finally {
      github.setContent('acme', 'app', POLICY_PATH, BASE, STRICT);
    }
  });

  it('previews through the CLI with --preview-ref', async () => {
    const sha = head();
    github.setContent('acme', 'app', POLICY_PATH, sha, LOOSE);
    const cli = await runCliCaptured(
      [
        'check',
        '--image',
        'oci:app-oci:1.0',
        '--scan',
        'trivy.json',
        '--github-api',
        github.url,
        '--repository',
        'acme/app',
        '--policy-ref',
        BASE,
        '--preview-ref',
        sha,
        '--quiet',
      ],
      { cwd: workspace, env: { GITHUB_TOKEN: github.token }, now: () => NOW },
    );
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain('### ✅ Under the proposed policy: pass');
  });
});
