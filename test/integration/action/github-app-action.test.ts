/**
 * The action (src/index.ts, bundled fresh) with the app-id and app-private-key inputs, run the way
 * the runner runs it: the check run comes from the App, and neither the key nor the minted token
 * appears in the job log except in the commands that tell the runner to mask them.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFreshBundle, runBundledAction } from '../../support/actions/action-runner.js';
import { REPO_ROOT } from '../../support/fixtures.js';
import { startGitHubApi, type GitHubApiStandIn } from '../../support/github-api.js';

const APP_ID = 424242;
const HEAD_SHA = 'feedface00000000000000000000000000000001';
const BASE_SHA = 'beefcafe00000000000000000000000000000003';

function rsaKeyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privatePem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(), publicKey };
}

describe('the action posting its check as a GitHub App', () => {
  const appKey = rsaKeyPair();
  let github: GitHubApiStandIn;
  let dir: string;
  let bundle: string;
  let run = 0;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scg-app-action-'));
    bundle = await buildFreshBundle(dir);
    github = await startGitHubApi();
    github.installApp({
      appId: APP_ID,
      slug: 'acme-gate',
      publicKey: appKey.publicKey,
      account: 'acme',
      permissions: { checks: 'write' },
    });
    github.setContent(
      'acme',
      'app',
      '.github/supply-chain-gate.yml',
      BASE_SHA,
      'version: 1\nvulnerabilities:\n  fail-on: [critical]\n',
    );
    await writeFile(
      join(dir, 'event.json'),
      JSON.stringify({ pull_request: { number: 7, head: { sha: HEAD_SHA }, base: { sha: BASE_SHA } } }),
    );
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
        'scan-results': 'trivy.json',
        ...inputs,
      },
    });

  const runsNamed = (name: string) => github.checkRuns().filter((checkRun) => checkRun.name === name);

  it('posts the check as the App, with the key and the minted token masked in the log', async () => {
    const result = await runAction({
      'check-name': 'as-app',
      'app-id': String(APP_ID),
      'app-private-key': appKey.privatePem,
    });

    // The policy failed (the demo's critical finding): the evidence was read, with github-token.
    expect(result.code).toBe(1);
    expect(result.outputFile).toMatch(/^verdict<<(.+)\nfail\n\1$/m);
    expect(runsNamed('as-app')).toEqual([
      expect.objectContaining({
        head_sha: HEAD_SHA,
        conclusion: 'failure',
        app: expect.objectContaining({ id: APP_ID }),
      }),
    ]);
    expect(result.stdout).toContain(
      'Posting the check run as the GitHub App acme-gate: a ruleset can require it with integration_id 424242.',
    );
    const lines = result.stdout.split('\n');
    const masked = lines
      .filter((line) => line.startsWith('::add-mask::'))
      .map((line) => line.slice('::add-mask::'.length));
    const minted = masked.filter((value) => /^ghs_/.test(value) && value !== github.token);
    expect(minted).toHaveLength(1);
    const keyLines = appKey.privatePem.split('\n').filter((line) => line.trim() !== '');
    for (const line of keyLines) expect(masked).toContain(line);
    // Nothing else may show the token, any line of the key, or a JWT.
    const log = lines.filter((line) => !line.startsWith('::add-mask::')).join('\n');
    expect(log).not.toContain(minted[0]!);
    for (const line of keyLines.filter((keyLine) => !keyLine.startsWith('-----')))
      expect(log).not.toContain(line);
    expect(log).not.toMatch(/eyJ[\w-]+\.eyJ/);
    expect(github.violations).toEqual([]);
  });

  it("reports a key that is not the App's as a failing check from GitHub Actions, which the App's rule does not accept", async () => {
    const result = await runAction({
      'check-name': 'wrong-key',
      'app-id': String(APP_ID),
      'app-private-key': rsaKeyPair().privatePem,
    });

    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '::error::GitHub API GET /repos/acme/app/installation returned 401 (A JSON web token could not be decoded)',
    );
    const [checkRun] = runsNamed('wrong-key');
    expect(checkRun).toMatchObject({ conclusion: 'failure', app: expect.objectContaining({ id: 15368 }) });
    expect(checkRun!.output.summary).toContain("GitHub did not accept the App's JWT");
  });

  it("leaves the App alone when no check run is posted (a fork's pull request gets no secrets)", async () => {
    const result = await runAction({
      'check-name': 'fork',
      'app-id': String(APP_ID),
      'post-check-run': 'false',
    });

    expect(result.outputFile).toMatch(/^verdict<<(.+)\nfail\n\1$/m);
    expect(result.stdout).not.toContain('app-private-key');
    expect(runsNamed('fork')).toEqual([]);
  });

  it('names both inputs when only one is set', async () => {
    const result = await runAction({ 'check-name': 'half-app', 'app-id': String(APP_ID) });

    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '::error::the "app-id" input and the "app-private-key" input go together',
    );
    expect(runsNamed('half-app')).toEqual([expect.objectContaining({ conclusion: 'failure' })]);
  });
});
