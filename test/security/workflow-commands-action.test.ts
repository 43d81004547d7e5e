/**
 * The job log cannot be forged. The bundled action runs the way the runner runs it (clean
 * environment, INPUT_* variables, a real pull_request payload from @octokit/webhooks-examples) over
 * scan reports whose titles, package names, versions, targets and descriptions carry workflow
 * commands in both syntaxes, and its stdout is read the way the runner reads it: the only commands
 * are the gate's own (masks for its secrets, its errors, its stop-commands fences), no line even
 * looks like another, and command processing is running again when the step ends, so the gate's
 * final error is seen.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFreshBundle, runBundledAction } from '../support/actions/action-runner.js';
import { REPO_ROOT } from '../support/fixtures.js';
import { startGitHubApi, type GitHubApiStandIn } from '../support/github-api.js';
import { readRunnerLog } from '../support/actions/runner-log.js';
import { webhookExample } from '../support/actions/webhook-examples.js';

const POLICY =
  'version: 1\nimage:\n  non-root: false\nvulnerabilities:\n  fail-on: [critical, high, medium]\n';

describe('workflow commands in untrusted text, through the bundled action', () => {
  let github: GitHubApiStandIn;
  let dir: string;
  let bundle: string;
  let event: ReturnType<typeof webhookExample>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scg-commands-'));
    bundle = await buildFreshBundle(dir);
    github = await startGitHubApi();
    event = webhookExample('pull_request', 'opened');
    const [owner, repo] = event.repository.full_name.split('/') as [string, string];
    github.setContent(owner, repo, '.github/supply-chain-gate.yml', event.pull_request.base.sha, POLICY);
    await writeFile(join(dir, 'event.json'), JSON.stringify(event));
  });
  afterAll(async () => {
    await github?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it.each(['legacy-commands.json', 'hostile-text.json'])(
    'runs none of the commands in %s, and ends with its own error seen',
    async (scan) => {
      const result = await runBundledAction({
        bundle,
        dir,
        name: scan,
        env: {
          GITHUB_WORKSPACE: join(REPO_ROOT, 'examples/demo'),
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: join(dir, 'event.json'),
          GITHUB_SHA: event.pull_request.head.sha,
          GITHUB_REPOSITORY: event.repository.full_name,
          GITHUB_API_URL: github.url,
          GITHUB_SERVER_URL: 'https://github.com',
          GITHUB_RUN_ID: '99',
        },
        inputs: {
          'github-token': github.token,
          image: 'oci:app-oci:1.0',
          'scan-results': join(REPO_ROOT, 'test/corpus/scans', scan),
          'report-path': join(dir, `${scan}.report.json`),
        },
      });
      expect(result.code).toBe(1);
      expect(result.outputs.verdict).toBe('fail');
      const log = readRunnerLog(result.stdout);
      expect(log.lookalikes).toEqual([]);
      expect(log.ignored).toEqual([]);
      expect(log.stoppedAtEnd).toBe(false);
      const names = log.commands.map((command) => command.name);
      expect(new Set(names)).toEqual(new Set(['add-mask', 'stop-commands', 'resume', 'error']));
      // The one mask is the token's; every error is the gate's; the fence is opened and closed once.
      expect(log.commands.filter((c) => c.name === 'add-mask').map((c) => c.data)).toEqual([github.token]);
      const fence = log.commands.filter((c) => c.name === 'stop-commands' || c.name === 'resume');
      expect(fence.map((c) => c.name)).toEqual(['stop-commands', 'resume']);
      expect(fence[0]!.data).toMatch(/^scg-[0-9a-f]{32}$/);
      for (const command of log.commands) {
        expect(`${command.data} ${JSON.stringify(command.properties)}`).not.toMatch(/forged|pwned|verdict/);
      }
      expect(log.commands.at(-1)).toEqual(
        expect.objectContaining({
          name: 'error',
          data: expect.stringMatching(/failed the supply-chain policy/),
        }),
      );
      // The findings are still in the log, inside the fence, defused rather than dropped.
      const inside = log.lines.slice(fence[0]!.line, fence[1]!.line - 1).join('\n');
      expect(inside).toMatch(/CVE-2019-\d+/);
      expect(JSON.parse(await readFile(join(dir, `${scan}.report.json`), 'utf8')).verdict).toBe('fail');
    },
    60_000,
  );
});
