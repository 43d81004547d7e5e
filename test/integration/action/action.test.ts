/**
 * The bundled action (dist/index.js) run the way the runner runs it: inputs as INPUT_* variables,
 * the event payload in GITHUB_EVENT_PATH, outputs and the job summary written to files.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runBundledAction } from '../../support/actions/action-runner.js';
import { REPO_ROOT } from '../../support/fixtures.js';
import { startGitHubApi, type GitHubApiStandIn } from '../../support/github-api.js';

const HEAD_SHA = 'feedface00000000000000000000000000000001';
const MERGE_SHA = 'beefcafe00000000000000000000000000000002';
const BASE_SHA = 'ba5eba5e00000000000000000000000000000003';

describe('the action (dist/index.js)', () => {
  let github: GitHubApiStandIn;
  let dir: string;
  beforeAll(async () => {
    github = await startGitHubApi();
    // On pull_request events the policy is read from the base commit through the API.
    github.setContent(
      'acme',
      'app',
      'policy.yml',
      BASE_SHA,
      await readFile(join(REPO_ROOT, 'examples/demo/policy.yml'), 'utf8'),
    );
    dir = await mkdtemp(join(tmpdir(), 'scg-action-'));
    await writeFile(
      join(dir, 'event.json'),
      JSON.stringify({ pull_request: { number: 7, head: { sha: HEAD_SHA }, base: { sha: BASE_SHA } } }),
    );
  });
  afterAll(async () => {
    await github.stop();
    await rm(dir, { recursive: true, force: true });
  });

  let runs = 0;
  const runAction = (inputs: Record<string, string>) =>
    runBundledAction({
      bundle: join(REPO_ROOT, 'dist/index.js'),
      dir,
      name: String((runs += 1)),
      env: {
        GITHUB_WORKSPACE: join(REPO_ROOT, 'examples/demo'),
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: join(dir, 'event.json'),
        GITHUB_SHA: MERGE_SHA,
        GITHUB_REPOSITORY: 'acme/app',
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '99',
      },
      inputs: {
        'github-token': github.token,
        'check-name': 'supply-chain-gate',
        'report-path': join(dir, 'report.json'),
        ...inputs,
      },
    });

  it('gates the demo image on a pull_request: check run on the PR head, outputs, job summary, failed step', async () => {
    const before = github.checkRuns().length;
    const result = await runAction({
      image: 'oci:app-oci:1.0',
      policy: 'policy.yml',
      'scan-results': 'trivy.json',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error::The image failed the supply-chain policy');
    const [checkRun] = github.checkRuns().slice(before);
    expect(checkRun).toMatchObject({
      head_sha: HEAD_SHA,
      conclusion: 'failure',
      details_url: 'https://github.com/acme/app/actions/runs/99',
    });
    expect(result.outputs).toMatchObject({
      verdict: 'fail',
      'check-run-id': String(checkRun!.id),
      'report-path': join(dir, 'report.json'),
    });
    expect(result.outputs.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(result.summary).toContain('CVE-2019-14697');
    // The only line that may carry the token is the one that tells the runner to mask it.
    const unmasked = result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(unmasked.join('\n')).not.toContain(github.token);
    expect(github.violations).toEqual([]);
  });

  it('does not fail the step in audit mode, and the check concludes neutral', async () => {
    const before = github.checkRuns().length;
    const result = await runAction({
      image: 'oci:app-oci:1.0',
      policy: 'policy.yml',
      'scan-results': 'trivy.json',
      mode: 'audit',
    });
    expect(result.code).toBe(0);
    expect(github.checkRuns().slice(before)[0]).toMatchObject({ conclusion: 'neutral' });
  });

  it('writes the evidence snapshot, and previews the policy as the pull request head has it', async () => {
    github.setContent('acme', 'app', 'policy.yml', HEAD_SHA, 'version: 1\nvulnerabilities:\n  fail-on: []\n');
    const before = github.checkRuns().length;
    const result = await runAction({
      image: 'oci:app-oci:1.0',
      policy: 'policy.yml',
      'scan-results': 'trivy.json',
      'evidence-path': join(dir, 'evidence.json'),
    });
    expect(result.code).toBe(1);
    expect(result.outputs['evidence-path']).toBe(join(dir, 'evidence.json'));
    const snapshot = JSON.parse(await readFile(join(dir, 'evidence.json'), 'utf8'));
    expect(snapshot).toMatchObject({ schema: 'supply-chain-gate/evidence', version: 1 });
    expect(JSON.stringify(snapshot)).not.toContain(github.token);
    const [checkRun] = github.checkRuns().slice(before);
    expect(checkRun!.output.title).toContain('· proposed policy: fail');
    expect(result.summary).toContain('### ❌ Under the proposed policy: fail');
    expect(result.summary).toMatch(/\| `vulnerabilities\.fail-on` .* \| ❌ fail \| ✅ pass \|/);
  });

  it('fails the step with a one-line error for a bad input', async () => {
    const result = await runAction({ image: 'oci:app-oci:1.0', mode: 'lenient' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error::the "mode" input takes enforce or audit, got "lenient"');
  });
});

describe('action.yml', () => {
  it('declares node24, dist/index.js, and only inputs the action reads and the README documents', async () => {
    const action = parse(await readFile(join(REPO_ROOT, 'action.yml'), 'utf8'));
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    const source = await readFile(join(REPO_ROOT, 'src/index.ts'), 'utf8');
    const readme = await readFile(join(REPO_ROOT, 'README.md'), 'utf8');
    for (const [name, input] of Object.entries<{ description?: string }>(action.inputs)) {
      expect(input.description).toBeTruthy();
      expect(source).toContain(`'${name}'`);
      expect(readme).toContain(`\`${name}\``);
    }
    for (const name of Object.keys(action.outputs)) {
      expect(source).toMatch(new RegExp(`setOutput\\(\\s*'${name}'`));
      expect(readme).toContain(`\`${name}\``);
    }
  });
});
