/**
 * Every way the gate can go wrong still answers, through the bundled action run as the runner runs
 * it (clean environment, INPUT_* variables, real payloads from @octokit/webhooks-examples): a
 * misconfiguration is reported as one, with every problem, where it is, and what to change; a
 * missing event payload, a workflow_run without the "sha" input and a token that may not write
 * checks each write the job summary, set the outputs and say what applies to that event.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFreshBundle, runBundledAction, type ActionRun } from '../../support/actions/action-runner.js';
import { REPO_ROOT } from '../../support/fixtures.js';
import { startGitHubApi, type GitHubApiStandIn } from '../../support/github-api.js';
import { readRunnerLog } from '../../support/actions/runner-log.js';
import { webhookExample, type WebhookPayload } from '../../support/actions/webhook-examples.js';

const POLICY_PATH = '.github/supply-chain-gate.yml';
/** Three mistakes: a misspelt family, a severity that is not one, a mode that is not one. */
const BROKEN_POLICY = [
  'version: 1',
  'vulnerabilites:',
  '  fail-on: [critical]',
  'image:',
  '  non-root: maybe',
  'mode: strict',
  '',
].join('\n');

describe('the bundled action on its failure paths', () => {
  let github: GitHubApiStandIn;
  let dir: string;
  let workspace: string;
  let bundle: string;
  let runs = 0;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scg-failure-paths-'));
    workspace = join(dir, 'workspace');
    await mkdir(join(workspace, '.github'), { recursive: true });
    await cp(join(REPO_ROOT, 'examples/demo/app-oci'), join(workspace, 'app-oci'), { recursive: true });
    await cp(join(REPO_ROOT, 'examples/demo/trivy.json'), join(workspace, 'trivy.json'));
    bundle = await buildFreshBundle(dir);
    github = await startGitHubApi();
  });
  afterAll(async () => {
    await github?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function runAction(options: {
    event: string;
    payload?: WebhookPayload;
    inputs: Record<string, string | undefined>;
    env?: NodeJS.ProcessEnv;
  }): Promise<ActionRun> {
    const name = String((runs += 1));
    const eventPath = join(dir, `event-${name}.json`);
    if (options.payload) await writeFile(eventPath, JSON.stringify(options.payload));
    const repository = options.payload?.repository.full_name ?? 'Codertocat/Hello-World';
    return runBundledAction({
      bundle,
      dir,
      name,
      env: {
        GITHUB_WORKSPACE: workspace,
        GITHUB_EVENT_NAME: options.event,
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_SHA: options.payload?.after ?? '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
        GITHUB_REPOSITORY: repository,
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '7',
        ...options.env,
      },
      inputs: {
        'github-token': github.token,
        'report-path': join(dir, `report-${name}.json`),
        ...options.inputs,
      },
    });
  }
  const checkRunsNamed = (name: string) => github.checkRuns().filter((r) => r.name === name);
  const noCrash = (result: ActionRun) => {
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/internal error|ENOENT|^\s+at .+:\d+:\d+\)?$/m);
  };

  describe('misconfiguration is reported as misconfiguration', () => {
    it('lists every mistake of a policy with its place and fix, in the check run, the summary and annotations', async () => {
      await writeFile(join(workspace, POLICY_PATH), BROKEN_POLICY);
      try {
        const result = await runAction({
          event: 'push',
          payload: webhookExample('push'),
          inputs: { 'check-name': 'broken-policy', image: 'oci:app-oci:1.0', 'scan-results': 'trivy.json' },
        });
        noCrash(result);
        expect(result.code).toBe(1);
        expect(result.outputs.verdict).toBe('error');
        const [checkRun] = checkRunsNamed('broken-policy');
        expect(checkRun).toEqual(expect.objectContaining({ status: 'completed', conclusion: 'failure' }));
        expect(checkRun!.output.title).toBe(`Misconfigured: 3 problems in ${POLICY_PATH}`);
        const places = ['2:1', '5:3', '6:1'].map((at) => `${POLICY_PATH}:${at}`);
        for (const text of [checkRun!.output.summary!, result.summary]) {
          expect(text).toContain('is misconfigured');
          expect(text).toContain('What to fix (3 problems)');
          expect(text).not.toContain('evidence could not be read');
          for (const place of places) expect(text).toContain(place);
          expect(text).toContain('did you mean "vulnerabilities"?');
        }
        const byLine = <T>(rows: T[], line: (row: T) => number) =>
          [...rows].sort((a, b) => line(a) - line(b));
        expect(
          byLine(checkRun!.annotations, (a) => a.start_line).map((a) => [
            a.path,
            a.start_line,
            a.annotation_level,
          ]),
        ).toEqual([
          [POLICY_PATH, 2, 'failure'],
          [POLICY_PATH, 5, 'failure'],
          [POLICY_PATH, 6, 'failure'],
        ]);
        // The log annotates the same lines, with @actions/core's escaping undone as the runner does.
        const log = readRunnerLog(result.stdout);
        const annotated = log.commands.filter((c) => c.name === 'error' && c.properties.file);
        expect(
          byLine(annotated, (c) => Number(c.properties.line)).map((c) => [
            c.properties.file,
            c.properties.line,
            c.properties.col,
          ]),
        ).toEqual([
          [POLICY_PATH, '2', '1'],
          [POLICY_PATH, '5', '3'],
          [POLICY_PATH, '6', '1'],
        ]);
        expect(annotated.map((c) => c.data).join('\n')).toMatch(
          /unknown key "vulnerabilites"; did you mean "vulnerabilities"\?/,
        );
        expect(annotated[0]!.properties.title).toBe('supply-chain-gate: misconfigured');
      } finally {
        await rm(join(workspace, POLICY_PATH), { force: true });
      }
    }, 60_000);

    it.each([
      [
        'a bad mode',
        { mode: 'lenient', image: 'oci:app-oci:1.0' },
        'the "mode" input takes enforce or audit, got "lenient"',
      ],
      ['a missing image', { image: undefined }, 'the "image" input is required'],
    ])(
      'says what to change for %s',
      async (_what, inputs, message) => {
        const name = `input-${runs}`;
        const result = await runAction({
          event: 'push',
          payload: webhookExample('push'),
          inputs: { 'check-name': name, ...inputs },
        });
        noCrash(result);
        expect(result.code).toBe(1);
        expect(result.outputs.verdict).toBe('error');
        const [checkRun] = checkRunsNamed(name);
        expect(checkRun!.output.title).toContain(`Misconfigured: ${message}`);
        expect(result.summary).toContain('What to fix (1 problem)');
      },
      30_000,
    );
  });

  describe('every failure path answers', () => {
    it('on workflow_run without the "sha" input: summary, outputs and what to set', async () => {
      const result = await runAction({
        event: 'workflow_run',
        payload: webhookExample('workflow_run', 'completed'),
        inputs: { 'check-name': 'workflow-run', image: 'oci:app-oci:1.0' },
      });
      noCrash(result);
      expect(result.code).toBe(1);
      expect(result.outputs.verdict).toBe('error');
      expect(result.outputs['report-path']).toMatch(/report-\d+\.json$/);
      expect(result.summary).toContain('set the "sha" input to');
      expect(checkRunsNamed('workflow-run')).toEqual([]);
    }, 30_000);

    it('annotates a policy a pull request edits where each setting is in its copy, and says what it left out', async () => {
      const payload = webhookExample('pull_request', 'opened');
      const base = payload.pull_request.base.sha;
      // Base: fail-on on line 3, non-root on line 5. The change moves fail-on to line 6 and drops non-root.
      github.setContent(
        'Codertocat',
        'Hello-World',
        POLICY_PATH,
        base,
        'version: 1\nvulnerabilities:\n  fail-on: [critical]\nimage:\n  non-root: true\n',
      );
      await writeFile(
        join(workspace, POLICY_PATH),
        '# Loosened in this change.\nversion: 1\n\n# Only critical.\nvulnerabilities:\n  fail-on: [critical]\n',
      );
      try {
        const result = await runAction({
          event: 'pull_request',
          payload,
          inputs: {
            'check-name': 'policy-edit',
            image: 'oci:app-oci:1.0',
            'scan-results': 'trivy.json',
            'sarif-path': join(dir, 'policy-edit.sarif'),
          },
        });
        noCrash(result);
        expect(result.outputs.verdict).toBe('fail');
        const [checkRun] = checkRunsNamed('policy-edit');
        const onPolicy = checkRun!.annotations.filter((a) => a.path === POLICY_PATH);
        expect(onPolicy.map((a) => [a.start_line, a.title?.split(':')[0]])).toEqual([
          [6, 'vulnerabilities.fail-on'],
        ]);
        expect(checkRun!.output.text).toContain(
          "1 failing or warning rule(s) are not annotated on the policy: the gate read the policy at the base commit, and this change's copy of the file no longer has their settings.",
        );
        expect(result.summary).toContain('This change edits .github/supply-chain-gate.yml');
        const sarif = JSON.parse(await readFile(join(dir, 'policy-edit.sarif'), 'utf8')) as {
          runs: Array<{
            results: Array<{
              ruleId: string;
              locations: Array<{
                physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
              }>;
            }>;
          }>;
        };
        const failOn = sarif.runs[0]!.results.find((r) => r.ruleId === 'vulnerabilities.fail-on');
        expect(failOn?.locations[0]?.physicalLocation.region.startLine).toBe(6);
      } finally {
        await rm(join(workspace, POLICY_PATH), { force: true });
      }
    }, 30_000);

    it('never says a pull request edits the policy when the base has none', async () => {
      const payload = webhookExample('pull_request', 'opened');
      payload.pull_request.base.sha = 'a'.repeat(40);
      await writeFile(join(workspace, POLICY_PATH), 'version: 1\nvulnerabilities:\n  fail-on: []\n');
      try {
        const result = await runAction({
          event: 'pull_request',
          payload,
          inputs: { 'check-name': 'policy-added', image: 'oci:app-oci:1.0', 'scan-results': 'trivy.json' },
        });
        noCrash(result);
        expect(result.summary).not.toContain('This change edits');
        expect(result.summary).toContain(
          'This change adds .github/supply-chain-gate.yml; it applies once it is merged.',
        );
        expect(result.summary).toContain('the built-in default policy applies');
      } finally {
        await rm(join(workspace, POLICY_PATH), { force: true });
      }
    }, 30_000);

    it('reads the 404 GitHub gives a digest without attestations as none found, and counts every request', async () => {
      const before = github.requests.length;
      const result = await runAction({
        event: 'push',
        payload: webhookExample('push'),
        inputs: { 'check-name': 'no-attestations', image: 'oci:app-oci:1.0', 'scan-results': 'trivy.json' },
      });
      noCrash(result);
      const listed = github.requests.filter((r) =>
        r.path.startsWith('/repos/Codertocat/Hello-World/attestations/'),
      );
      expect(listed.map((r) => r.status)).toContain(404);
      const report = JSON.parse(await readFile(result.outputs['report-path']!, 'utf8')) as {
        lookups: Array<{ place: string; outcome: string; skipped?: unknown[] }>;
        stats: { requests: number; roundTrips: number; byHost: Record<string, number> };
      };
      // `stats` counts the run's GitHub requests too: the check run, the policy, the attestations.
      const sent = github.requests.length - before;
      expect(sent).toBeGreaterThanOrEqual(3);
      expect(report.stats.byHost).toEqual({ [new URL(github.url).host]: sent });
      expect(report.stats.requests).toBe(sent);
      expect(report.stats.roundTrips).toBeGreaterThanOrEqual(2);
      expect(report.lookups.filter((l) => l.place === 'github-attestations')).toEqual([
        expect.objectContaining({ outcome: 'none', skipped: [] }),
      ]);
      expect(`${result.stdout}${result.summary}`).not.toMatch(/no such repository|may not read it/);
    }, 30_000);

    it.each([
      ['missing', undefined],
      ['not JSON', 'SECRET-LOOKING-BYTES {'],
    ])(
      'with a GITHUB_EVENT_PATH that is %s: summary, outputs and what to change',
      async (_what, content) => {
        const path = join(dir, `odd-event-${runs}.json`);
        if (content !== undefined) await writeFile(path, content);
        const result = await runAction({
          event: 'push',
          inputs: { 'check-name': 'no-event', image: 'oci:app-oci:1.0' },
          env: { GITHUB_EVENT_PATH: path },
        });
        noCrash(result);
        expect(result.code).toBe(1);
        expect(result.outputs.verdict).toBe('error');
        expect(result.summary).toContain('point `GITHUB_EVENT_PATH` at the event');
        expect(`${result.stdout}${result.summary}`).not.toContain('SECRET-LOOKING');
      },
      30_000,
    );

    it.each([
      ['push', 'push', () => webhookExample('push'), false],
      ['pull_request', 'pull_request', () => webhookExample('pull_request', 'opened'), false],
      [
        'pull_request from a fork',
        'pull_request',
        () => {
          const payload = webhookExample('pull_request', 'opened');
          payload.pull_request.head.repo = {
            ...payload.pull_request.head.repo,
            full_name: 'mallory/Hello-World',
            fork: true,
          };
          return payload;
        },
        true,
      ],
    ])(
      'explains a 403 on the check run for a %s event',
      async (_name, event, payload, fork) => {
        const body = payload();
        if (event === 'pull_request') {
          github.setContent(
            'Codertocat',
            'Hello-World',
            POLICY_PATH,
            body.pull_request.base.sha,
            'version: 1\n',
          );
        }
        github.failNext('POST /repos/{owner}/{repo}/check-runs', 403);
        github.failNext('POST /repos/{owner}/{repo}/check-runs', 403);
        const result = await runAction({
          event,
          payload: body,
          inputs: {
            'check-name': `forbidden-${runs}`,
            image: 'oci:app-oci:1.0',
            'scan-results': 'trivy.json',
          },
        });
        noCrash(result);
        const notice = /^> \[!WARNING\]\n> (The check run could not be written.*)$/m.exec(
          result.summary,
        )?.[1];
        if (fork) {
          expect(notice).toContain('On pull requests from forks GITHUB\\_TOKEN is read-only');
        } else {
          expect(notice).not.toMatch(/fork/i);
          expect(notice).toContain(
            `The token on this ${event.replace('_', '\\_')} event may not write checks`,
          );
          expect(notice).toContain('checks: write');
        }
      },
      30_000,
    );
  });
});
