/**
 * The action entry (src/index.ts), bundled fresh into a temporary directory and run the way the
 * runner runs it: inputs as INPUT_* variables, the event payload in GITHUB_EVENT_PATH, outputs and
 * the job summary in files, and its stdout as the job log.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFreshBundle, runBundledAction } from '../../support/actions/action-runner.js';
import { REPO_ROOT } from '../../support/fixtures.js';
import { startGitHubApi, type GitHubApiStandIn } from '../../support/github-api.js';

const HEAD_SHA = 'feedface00000000000000000000000000000001';
const BASE_SHA = 'beefcafe00000000000000000000000000000003';
const POLICY_PATH = '.github/supply-chain-gate.yml';
const HOSTILE_TITLE = '::set-output name=verdict::pass </details> | <img src=x> @org/team';

describe('the action reporting on a pull request', () => {
  let github: GitHubApiStandIn;
  let dir: string;
  let bundle: string;
  let run = 0;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scg-check-action-'));
    bundle = await buildFreshBundle(dir);
    github = await startGitHubApi();
    github.setContent(
      'acme',
      'app',
      POLICY_PATH,
      BASE_SHA,
      'version: 1\nvulnerabilities:\n  fail-on: [critical]\n',
    );
    await writeFile(
      join(dir, 'event.json'),
      JSON.stringify({ pull_request: { number: 7, head: { sha: HEAD_SHA }, base: { sha: BASE_SHA } } }),
    );
    const demoScan = JSON.parse(await readFile(join(REPO_ROOT, 'examples/demo/trivy.json'), 'utf8'));
    for (const vulnerability of demoScan.Results[0].Vulnerabilities) vulnerability.Title = HOSTILE_TITLE;
    await writeFile(join(dir, 'hostile.json'), JSON.stringify(demoScan));
  });
  afterAll(async () => {
    await github?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const runAction = (inputs: Record<string, string>) =>
    runBundledAction({
      bundle,
      dir,
      name: String((run += 1)),
      env: {
        GITHUB_WORKSPACE: join(REPO_ROOT, 'examples/demo'),
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: join(dir, 'event.json'),
        GITHUB_SHA: 'beefcafe00000000000000000000000000000002',
        GITHUB_REPOSITORY: 'acme/app',
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '99',
      },
      inputs: {
        'github-token': github.token,
        'report-path': join(dir, `report-${run}.json`),
        image: 'oci:app-oci:1.0',
        ...inputs,
      },
    });
  const checkRunsNamed = (name: string) => github.checkRuns().filter((r) => r.name === name);

  it('completes the check as a failure when an input is wrong, instead of leaving it pending', async () => {
    const result = await runAction({ 'check-name': 'bad-mode', mode: 'lenient' });

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error::the "mode" input takes enforce or audit, got "lenient"');
    expect(checkRunsNamed('bad-mode')).toEqual([
      expect.objectContaining({ head_sha: HEAD_SHA, status: 'completed', conclusion: 'failure' }),
    ]);
    expect(checkRunsNamed('bad-mode')[0]!.output.summary).toContain('got "lenient"');
    expect(result.summary).toContain('could not decide');
    expect(github.violations).toEqual([]);
  });

  it('posts the sticky comment, writes SARIF, and keeps hostile scan text out of the log', async () => {
    const sarifPath = join(dir, 'gate.sarif');
    const result = await runAction({
      'check-name': 'hostile',
      'scan-results': join(dir, 'hostile.json'),
      'sarif-path': sarifPath,
      comment: 'true',
    });

    expect(result.code).toBe(1);
    expect(result.outputs['sarif-path']).toBe(sarifPath);
    expect(JSON.parse(await readFile(sarifPath, 'utf8')).version).toBe('2.1.0');
    const comments = github.issueComments('acme', 'app', 7);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body.startsWith('<!-- supply-chain-gate:hostile -->')).toBe(true);
    expect(comments[0]!.body).toContain(
      '::set-output name=verdict::pass \\</details\\> \\| \\<img src=x\\> @\u2060org/team',
    );
    // The job log is stdout: only the action's own commands may start a line with `::`.
    const commands = result.stdout.split('\n').filter((line) => /^\s*::/.test(line));
    expect(
      commands.every((line) =>
        /^::(add-mask|error|warning|debug|set-output|stop-commands|scg-[0-9a-f]{32})::|^::(error|warning) /.test(
          line,
        ),
      ),
    ).toBe(true);
    expect(commands.filter((line) => line.includes('verdict::pass'))).toEqual([]);
    expect(result.stdout).toContain(
      'critical CVE-2019-14697 in musl 1.1.20-r4: ::set-output name=verdict::pass </details>',
    );
    // The only line that may carry the token is the one that tells the runner to mask it.
    const unmasked = result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(unmasked.join('\n')).not.toContain(github.token);
  });

  it('falls back to the job summary and fails the step when the token may not write checks', async () => {
    github.failNext('POST /repos/{owner}/{repo}/check-runs', 403);

    const result = await runAction({ 'check-name': 'fork', 'scan-results': 'trivy.json' });

    expect(result.code).toBe(1);
    expect(checkRunsNamed('fork')).toEqual([]);
    expect(result.summary).toMatch(/^> \[!WARNING\]\n> The check run could not be written/);
    expect(result.stdout).toContain('::error::The check run could not be written');
    expect(result.outputs.verdict).toBe('fail');
  });
});
