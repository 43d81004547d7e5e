/**
 * What a reviewer and an admin see on GitHub: run() gating the demo image (an OCI layout, no
 * registry needed) against the GitHub API stand-in, which checks every request against GitHub's
 * OpenAPI schema.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createGitHubClient } from '../../../src/adapters/github/create-client.js';
import { createConsoleLogger, createMemoryLogger, type Logger } from '../../../src/adapters/log/logger.js';
import { openImageStore } from '../../../src/adapters/oci/open-image-store.js';
import { ConfigurationError } from '../../../src/errors.js';
import type { RunInputs } from '../../../src/inputs.js';
import { reportUnreadableInputs, run, type RunDeps } from '../../../src/main.js';
import { REPO_ROOT } from '../../support/fixtures.js';
import { startGitHubApi, type GitHubApiStandIn, type RecordedRequest } from '../../support/github-api.js';

const HEAD_SHA = 'c0ffee0000000000000000000000000000000042';
const NOW = new Date('2026-11-28T12:00:00Z');
const CREATE = 'POST /repos/{owner}/{repo}/check-runs';
const UPDATE = 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}';
const FIND = 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs';
const POLICY = `version: 1
mode: enforce
vulnerabilities:
  fail-on: [critical, high]
`;
const HOSTILE_TITLE =
  '</details> | <img src=x onerror=alert(1)> [x](https://evil.example) @org/team\n::set-output name=verdict::pass';

/** A Trivy filesystem-scan report of package-lock.json with `count` critical findings. */
function lockFileReport(digest: string, count: number, title = (n: number) => `prototype pollution ${n}`) {
  return JSON.stringify({
    SchemaVersion: 2,
    ArtifactName: 'demo-app',
    Metadata: { RepoDigests: [`demo-app@${digest}`] },
    Results: [
      {
        Target: 'package-lock.json',
        Vulnerabilities: Array.from({ length: count }, (_, n) => ({
          VulnerabilityID: `CVE-2026-${String(n + 1).padStart(5, '0')}`,
          PkgName: `pkg-${n}`,
          InstalledVersion: '1.0.0',
          FixedVersion: '1.0.1',
          Severity: 'CRITICAL',
          Title: title(n),
        })),
      },
    ],
  });
}

describe('the check run on the pull request', () => {
  let github: GitHubApiStandIn;
  let workspace: string;
  let digest: string;
  let checkName: string;
  let sequence = 0;

  beforeAll(async () => {
    github = await startGitHubApi();
    const index = JSON.parse(await readFile(join(REPO_ROOT, 'examples/demo/app-oci/index.json'), 'utf8'));
    digest = index.manifests[0].digest;
  });
  afterAll(() => github.stop());

  beforeEach(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'scg-check-run-'));
    await mkdir(join(workspace, '.github'));
    await writeFile(join(workspace, '.github/supply-chain-gate.yml'), POLICY);
    await writeFile(join(workspace, 'package-lock.json'), '{"lockfileVersion": 3}\n');
    // A name per test, so each test's check runs are its own on the shared stand-in.
    sequence += 1;
    checkName = `supply-chain-gate-${sequence}`;
  });
  afterEach(() => rm(workspace, { recursive: true, force: true }));

  const inputs = (overrides: Partial<RunInputs> = {}): RunInputs => ({
    image: `oci:${join(REPO_ROOT, 'examples/demo/app-oci')}:1.0`,
    scanPaths: ['scan.json'],
    checkName,
    workspace,
    jsonReportPath: 'out/report.json',
    github: {
      apiUrl: github.url,
      token: github.token,
      owner: 'acme',
      repo: 'app',
      headSha: HEAD_SHA,
      detailsUrl: 'https://github.com/acme/app/actions/runs/99',
      pullRequestNumber: 7,
    },
    ...overrides,
  });
  const deps = (overrides: Partial<RunDeps> = {}) => {
    const summaries: string[] = [];
    const dependencies: RunDeps & { summaries: string[] } = {
      now: () => NOW,
      log: createMemoryLogger(),
      toolVersion: 'test',
      openImageStore: (reference) => openImageStore(reference, {}),
      github: createGitHubClient({ apiUrl: github.url, token: github.token, retry: { waitUnitMs: 0 } }),
      writeSummary: async (markdown) => {
        summaries.push(markdown);
      },
      summaries,
      ...overrides,
    };
    return dependencies;
  };
  const mine = () => github.checkRuns().filter((run) => run.name === checkName);
  /** This test's requests to the check run endpoints, as `OPERATION status`. */
  const checkRequests = (since: number) =>
    github.requests
      .slice(since)
      .filter((r) => r.operation !== undefined && r.operation.includes('check-runs'))
      .map((r: RecordedRequest) =>
        `${r.operation} ${(r.body as { status?: string } | undefined)?.status ?? ''}`.trim(),
      );
  const scan = (text: string) => writeFile(join(workspace, 'scan.json'), text);

  it('shows in_progress, then failure with the failing rule annotated on its policy line', async () => {
    await scan(lockFileReport(digest, 1));
    const since = github.requests.length;

    const result = await run(inputs(), deps());

    expect(result.exitCode).toBe(1);
    expect(checkRequests(since)).toEqual([`${FIND}`, `${CREATE} in_progress`, `${UPDATE} completed`]);
    const [checkRun] = mine();
    expect(checkRun).toMatchObject({ head_sha: HEAD_SHA, status: 'completed', conclusion: 'failure' });
    expect(checkRun!.annotations[0]).toMatchObject({
      path: '.github/supply-chain-gate.yml',
      start_line: 4,
      annotation_level: 'failure',
      title: 'vulnerabilities.fail-on: 1 vulnerability at a failing severity (1 critical)',
    });
    expect(checkRun!.annotations[1]).toMatchObject({
      path: 'package-lock.json',
      title: 'CVE-2026-00001 in pkg-0',
    });
    expect(checkRun!.output.summary).toContain('**How to fix:**');
    expect(github.violations).toEqual([]);
  });

  it('delivers all 500 findings as annotations, at most 50 per request', async () => {
    await scan(lockFileReport(digest, 500));
    const since = github.requests.length;

    await run(inputs(), deps());

    const sent = github.requests
      .slice(since)
      .map(
        (r) =>
          (r.body as { output?: { annotations?: unknown[] } } | undefined)?.output?.annotations?.length ?? 0,
      )
      .filter((count) => count > 0);
    expect(Math.max(...sent)).toBeLessThanOrEqual(50);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(501);
    const stored = mine()[0]!.annotations;
    expect(stored).toHaveLength(501);
    expect(new Set(stored.slice(1).map((a) => a.title)).size).toBe(500);
    expect(mine()[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(github.violations).toEqual([]);
  });

  it('renders a hostile finding title harmless in the summary, the comment and the log', async () => {
    await scan(lockFileReport(digest, 1, () => HOSTILE_TITLE));
    const stream = new PassThrough();
    let logged = '';
    stream.on('data', (chunk: Buffer) => (logged += chunk.toString()));
    const log: Logger = createConsoleLogger(stream);

    const result = await run(inputs({ comment: true }), deps({ log }));

    const summary = mine()[0]!.output.summary!;
    const comment = github.issueComments('acme', 'app', 7).at(-1)!.body;
    for (const markdown of [summary, comment, result.markdown]) {
      expect(markdown).toContain('\\</details\\> \\| \\<img src=x onerror=alert(1)\\>');
      expect(markdown).not.toMatch(/(^|[^\\])<img/);
      expect(markdown).not.toMatch(/(^|[^\\])<\/details>(?!\n)/);
      expect(markdown).not.toContain('@org');
      expect(markdown).not.toMatch(/^::/m);
    }
    expect(logged).toContain('pkg-0 1.0.0: </details> | <img src=x');
    // Nothing in the log starts a line the runner would read as a workflow command.
    expect(logged.split('\n').filter((line) => /^\s*(::|##\[)/.test(line))).toEqual([]);
    expect(logged).not.toContain(github.token);
  });

  it('takes over the check a cancelled attempt left in progress, so a rerun does not add a second', async () => {
    await scan(lockFileReport(digest, 1));
    // The first attempt dies before it can complete its check: every completion answers 500.
    for (let attempt = 0; attempt < 6; attempt += 1) github.failNext(UPDATE, 500);
    const first = await run(inputs(), deps());
    expect(first.exitCode).toBe(2);
    expect(mine()).toEqual([expect.objectContaining({ status: 'in_progress' })]);

    const rerun = await run(inputs(), deps());

    expect(rerun.checkRunId).toBe(first.checkRunId);
    expect(mine()).toEqual([
      expect.objectContaining({ id: first.checkRunId, status: 'completed', conclusion: 'failure' }),
    ]);
    expect(github.violations).toEqual([]);
  });

  it('adds the newer run after a completed one, which GitHub will not reopen, and keeps one comment', async () => {
    await scan(lockFileReport(digest, 1));
    await run(inputs({ comment: true }), deps());
    await scan(lockFileReport(digest, 0));

    const rerun = await run(inputs({ comment: true }), deps());

    expect(mine().map((r) => r.status)).toEqual(['completed', 'completed']);
    expect(rerun.checkRunId).toBe(mine()[1]!.id);
    expect(mine()[1]!.output.summary).not.toContain('CVE-2026-00001');
    const comments = github.issueComments('acme', 'app', 7).filter((c) => c.body.includes(checkName));
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(
      `${checkName} ${rerun.decision.verdict === 'pass' ? 'passed' : 'failed'}`,
    );
    expect(comments[0]!.body).not.toContain('CVE-2026-00001');
    expect(github.violations).toEqual([]);
  });

  it('falls back to the job summary and fails the step when the token may not write checks (a fork)', async () => {
    await scan(lockFileReport(digest, 0));
    github.failNext(CREATE, 403);
    const since = github.requests.length;
    const dependencies = deps();

    const result = await run(inputs(), dependencies);

    expect(result.exitCode).toBe(2);
    expect(checkRequests(since)).toEqual([FIND, `${CREATE} in_progress`]);
    expect(result.reportErrors.join('\n')).toContain('The check run could not be written');
    expect(dependencies.summaries[0]).toMatch(
      /^> \[!WARNING\]\n> The check run could not be written \(GitHub API POST/,
    );
    expect(dependencies.summaries[0]).toContain('workflow\\_run workflow');
    expect(dependencies.summaries[0]).toContain(
      `${checkName} ${result.decision.verdict === 'pass' ? 'passed' : 'failed'}`,
    );
    expect(JSON.parse(await readFile(join(workspace, 'out/report.json'), 'utf8')).verdict).toBe(
      result.decision.verdict,
    );
  });

  it('completes the check as a failure when the inputs cannot be read, naming the input', async () => {
    const error = new ConfigurationError(
      'invalid-mode',
      'the "mode" input takes enforce or audit, got "lenient"',
    );
    const dependencies = deps();

    const result = await reportUnreadableInputs(
      error,
      { checkName, workspace, github: inputs().github },
      dependencies,
    );

    expect(result.exitCode).toBe(2);
    expect(mine()).toEqual([expect.objectContaining({ status: 'completed', conclusion: 'failure' })]);
    expect(mine()[0]!.output.summary).toContain('the "mode" input takes enforce or audit, got "lenient"');
    expect(dependencies.summaries[0]).toContain('could not decide');
  });

  it('completes the check as a failure even when reporting itself breaks', async () => {
    await scan(lockFileReport(digest, 1));
    // A log that breaks on the verdict's lines, well after the check was started.
    const broken: Logger = {
      info: (message) => {
        if (message.startsWith('FAIL')) throw new Error('the log is gone');
      },
      warning: () => undefined,
      error: () => undefined,
    };

    const result = await run(inputs(), deps({ log: broken }));

    expect(result.exitCode).toBe(2);
    expect(mine()).toEqual([
      expect.objectContaining({
        status: 'completed',
        conclusion: 'failure',
        output: expect.objectContaining({ title: 'The gate crashed' }),
      }),
    ]);
    expect(mine()[0]!.output.summary).toContain('reporting failed: internal error: the log is gone');
  });

  it('writes a SARIF file of the violations next to the JSON report', async () => {
    await scan(lockFileReport(digest, 2));

    const result = await run(inputs({ sarifPath: 'out/gate.sarif' }), deps());

    const sarif = JSON.parse(await readFile(result.sarifPath!, 'utf8'));
    const ruleIds: string[] = sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId);
    expect(ruleIds.filter((id) => id.startsWith('vulnerabilities.'))).toEqual([
      'vulnerabilities.fail-on',
      'vulnerabilities.fail-on/CVE-2026-00001',
      'vulnerabilities.fail-on/CVE-2026-00002',
    ]);
    expect(sarif.runs[0].results[1].locations[0].physicalLocation.artifactLocation.uri).toBe(
      'package-lock.json',
    );
  });
});
