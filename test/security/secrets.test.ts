/**
 * Secrets stay secret: the GitHub token, the registry password and a GitHub App's private key, all
 * known test values, go through the bundled action and the CLI on success and failure paths, and
 * every output is searched for them: stdout and stderr (the job log; only the runner's own
 * `::add-mask::` commands may carry them), the job summary, step outputs, the JSON report, SARIF,
 * markdown, and every request the GitHub stand-in recorded (check runs, comments, bodies, headers).
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCaptured } from '../support/cli.js';
import { fakeCredentials } from '../support/images/fake-credentials.js';
import { buildFreshBundle, runBundledAction } from '../support/actions/action-runner.js';
import { startGitHubApi, type GitHubApiStandIn } from '../support/github-api.js';
import {
  buildImage,
  pushImage,
  requireTestbedTools,
  startRegistry,
  type TestRegistry,
} from '../support/registry.js';

const APP_ID = 515151;
const HEAD_SHA = '5ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7';
const GITHUB_TOKEN = 'ghs_SecretGitHubTokenForLeakTests0123456789';
const PASS_POLICY = 'version: 1\nvulnerabilities:\n  require-scan: false\n';
const FAIL_POLICY = 'version: 1\nvulnerabilities:\n  require-scan: true\n';

describe('secrets never reach a log, a report or GitHub', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const appKey = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  let registry: TestRegistry;
  let github: GitHubApiStandIn;
  let dir: string;
  let bundle: string;
  let image: string;
  let run = 0;

  beforeAll(async () => {
    await requireTestbedTools();
    dir = await mkdtemp(join(tmpdir(), 'scg-secrets-'));
    [registry, github] = await Promise.all([
      startRegistry({ auth: true }),
      startGitHubApi({ token: GITHUB_TOKEN }),
    ]);
    const built = await buildImage({ user: '1000' });
    try {
      const digest = await pushImage(built.layoutDir, built.tag, registry, 'acme/app', 'v1');
      image = `${registry.host}/acme/app@${digest}`;
    } finally {
      await rm(built.layoutDir, { recursive: true, force: true });
    }
    github.installApp({
      appId: APP_ID,
      slug: 'acme-gate',
      publicKey,
      account: 'acme',
      permissions: { checks: 'write' },
    });
    bundle = await buildFreshBundle(dir);
    await mkdir(join(dir, 'workspace'));
    await writeFile(join(dir, 'workspace/pass.yml'), PASS_POLICY);
    await writeFile(join(dir, 'workspace/fail.yml'), FAIL_POLICY);
    await writeFile(
      join(dir, 'event.json'),
      JSON.stringify({ pull_request: { number: 9, head: { sha: HEAD_SHA } } }),
    );
  }, 120_000);

  afterAll(async () => {
    await Promise.all([registry?.stop(), github?.stop()]);
    await rm(dir, { recursive: true, force: true });
  });

  /** Every secret of the test, in every form it could leak in. */
  function secrets(extra: string[] = []): string[] {
    const password = registry.password!;
    const keyLines = appKey
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('-----'));
    return [
      GITHUB_TOKEN,
      password,
      Buffer.from(`${registry.username}:${password}`).toString('base64'),
      ...keyLines,
      ...extra,
    ];
  }

  function expectNoSecret(outputs: Record<string, string>, extra: string[] = []) {
    for (const [where, text] of Object.entries(outputs)) {
      for (const secret of secrets(extra)) {
        expect({ where, leaked: text.includes(secret) }).toEqual({ where, leaked: false });
      }
    }
  }

  /** What the GitHub stand-in saw and keeps: every request (authorization excluded) and every object. */
  const recordedByGitHub = () => ({
    'GitHub requests': JSON.stringify(github.requests),
    'check runs': JSON.stringify(github.checkRuns()),
    comments: JSON.stringify(github.issueComments('acme', 'app', 9)),
  });

  async function readOptional(path: string): Promise<string> {
    return readFile(path, 'utf8').catch(() => '');
  }

  async function runAction(inputs: Record<string, string>) {
    run += 1;
    const files = { report: join(dir, `report-${run}.json`), sarif: join(dir, `report-${run}.sarif`) };
    const result = await runBundledAction({
      bundle,
      dir,
      name: String(run),
      env: {
        GITHUB_WORKSPACE: join(dir, 'workspace'),
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: join(dir, 'event.json'),
        GITHUB_SHA: HEAD_SHA,
        GITHUB_REPOSITORY: 'acme/app',
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '7',
      },
      inputs: {
        'github-token': GITHUB_TOKEN,
        'report-path': files.report,
        'sarif-path': files.sarif,
        image,
        'registry-username': registry.username,
        'registry-password': registry.password,
        policy: 'pass.yml',
        'check-name': `secrets-${run}`,
        ...inputs,
      },
    });
    const log = result.stdout.split('\n');
    return {
      code: result.code,
      masked: log
        .filter((line) => line.startsWith('::add-mask::'))
        .map((line) => line.slice('::add-mask::'.length)),
      outputs: {
        'the job log (stdout, masking commands aside)': log
          .filter((line) => !line.startsWith('::add-mask::'))
          .join('\n'),
        stderr: result.stderr,
        'step outputs': result.outputFile,
        'job summary': result.summary,
        'JSON report': await readOptional(files.report),
        SARIF: await readOptional(files.sarif),
        ...recordedByGitHub(),
      },
    };
  }

  it('the action, passing as GITHUB_TOKEN: the token and the registry password are masked first and never shown', async () => {
    const result = await runAction({});
    expect(result.code).toBe(0);
    expect(result.outputs['step outputs']).toMatch(/^verdict<<(.+)\npass\n\1$/m);
    expect(result.masked).toEqual(expect.arrayContaining([GITHUB_TOKEN, registry.password]));
    expectNoSecret(result.outputs);
  });

  it('the action, failing the policy and posting as a GitHub App: the key and the minted token are never shown', async () => {
    const result = await runAction({
      policy: 'fail.yml',
      'app-id': String(APP_ID),
      'app-private-key': appKey,
    });
    expect(result.code).toBe(1);
    const minted = result.masked.filter((value) => value.startsWith('ghs_') && value !== GITHUB_TOKEN);
    expect(minted).toHaveLength(1);
    expectNoSecret(result.outputs, minted);
    expect(github.checkRuns().at(-1)).toMatchObject({
      conclusion: 'failure',
      app: expect.objectContaining({ id: APP_ID }),
    });
  });

  it('the action, refused by the registry for a wrong password: the error names the credentials, not the password', async () => {
    const wrong = `${registry.password}-wrong`;
    const result = await runAction({ 'registry-password': wrong });
    expect(result.code).toBe(1);
    expect(result.outputs['the job log (stdout, masking commands aside)']).toContain(
      `registry ${registry.host} refused to let us pull acme/app (401 Unauthorized); credentials tried: the username/password option`,
    );
    expectNoSecret(result.outputs, [wrong]);
  });

  it('the action, with a token GitHub refuses: the error says so without the token', async () => {
    const revoked = 'ghs_RevokedTokenThatGitHubRefuses0123456789';
    const result = await runAction({ 'github-token': revoked });
    expect(result.code).toBe(1);
    expect(result.outputs['the job log (stdout, masking commands aside)']).toMatch(
      /returned 401 \(Bad credentials\)/,
    );
    expectNoSecret(result.outputs, [revoked]);
  });

  async function runCli(argv: string[], env: NodeJS.ProcessEnv) {
    run += 1;
    const files = {
      json: join(dir, `cli-${run}.json`),
      sarif: join(dir, `cli-${run}.sarif`),
      markdown: join(dir, `cli-${run}.md`),
    };
    const result = await runCliCaptured(
      [
        'check',
        '--image',
        image,
        '--json',
        files.json,
        '--sarif',
        files.sarif,
        '--markdown',
        files.markdown,
        '--github-api',
        github.url,
        '--repository',
        'acme/app',
        '--sha',
        HEAD_SHA,
        '--check-name',
        `cli-secrets-${run}`,
        ...argv,
      ],
      {
        cwd: join(dir, 'workspace'),
        env: {
          GITHUB_TOKEN,
          REGISTRY_USERNAME: registry.username,
          REGISTRY_PASSWORD: registry.password,
          ...env,
        },
      },
    );
    return {
      code: result.code,
      outputs: {
        stdout: result.stdout,
        stderr: result.stderr,
        'JSON report': await readOptional(files.json),
        SARIF: await readOptional(files.sarif),
        markdown: await readOptional(files.markdown),
        ...recordedByGitHub(),
      },
    };
  }

  it('the CLI, passing and failing, with the token and the password from the environment', async () => {
    const passed = await runCli(['--policy', 'pass.yml'], {});
    expect(passed.code).toBe(0);
    expectNoSecret(passed.outputs);
    const failed = await runCli(['--policy', 'fail.yml', '--pull-request', '9'], {});
    expect(failed.code).toBe(1);
    expectNoSecret(failed.outputs);
  });

  it('the CLI as a GitHub App, and with credentials that are refused', async () => {
    const asApp = await runCli(['--policy', 'fail.yml', '--app-id', String(APP_ID)], {
      GITHUB_APP_PRIVATE_KEY: appKey,
    });
    expect(asApp.code).toBe(1);
    expectNoSecret(asApp.outputs);

    const wrongPassword = `${registry.password}-nope`;
    const refused = await runCli(['--policy', 'pass.yml'], { REGISTRY_PASSWORD: wrongPassword });
    expect(refused.code).toBe(2);
    expect(refused.outputs.stderr).toContain('credentials tried: the username/password option');
    expectNoSecret(refused.outputs, [wrongPassword]);

    const revoked = 'ghs_AnotherRevokedToken000000000000000000';
    const unauthorized = await runCli(['--policy', 'pass.yml'], { GITHUB_TOKEN: revoked });
    expect(unauthorized.code).toBe(2);
    expectNoSecret(unauthorized.outputs, [revoked]);
  });

  it('the CLI with the password in a docker config: neither it nor its base64 form shows', async () => {
    const dockerConfig = join(dir, 'docker');
    await mkdir(dockerConfig, { recursive: true });
    const auth = Buffer.from(`${registry.username}:${registry.password}`).toString('base64');
    await writeFile(
      join(dockerConfig, 'config.json'),
      JSON.stringify({ auths: { [registry.host]: { auth } } }),
    );
    const result = await runCli(['--policy', 'fail.yml'], {
      REGISTRY_USERNAME: undefined,
      REGISTRY_PASSWORD: undefined,
      DOCKER_CONFIG: dockerConfig,
    });
    expect(result.code).toBe(1);
    expectNoSecret(result.outputs, [auth]);
  });
  it('the action on an image carrying credentials: it fails, naming them redacted, and shows none of them', async () => {
    const c = fakeCredentials();
    const built = await buildImage({
      user: '1000',
      env: [`GITHUB_TOKEN=${c['github-classic']!.secret}`, `STRIPE_KEY=${c.stripe!.secret}`],
      labels: { 'com.acme.hook': c['slack-webhook']!.secret },
      files: {
        'app/.env': `OPENAI_API_KEY=${c.openai!.secret}\nDATABASE_URL=${c['postgres-url']!.secret}\n`,
        'root/.pypirc': `[pypi]\nusername = __token__\npassword = ${c.pypi!.secret}\n`,
      },
    });
    let leaky: string;
    try {
      const digest = await pushImage(built.layoutDir, built.tag, registry, 'acme/leaky', 'v1');
      leaky = `${registry.host}/acme/leaky@${digest}`;
    } finally {
      await rm(built.layoutDir, { recursive: true, force: true });
    }
    await writeFile(join(dir, 'workspace/layers.yml'), `${PASS_POLICY}image:\n  scan-layers: true\n`);
    const result = await runAction({ image: leaky, policy: 'layers.yml' });
    expect(result.code).toBe(1);
    // Markdown escapes the underscore.
    expect(result.outputs['job summary']).toMatch(/ghp\\?_…\(40 chars, redacted\)/);
    expect(result.outputs['JSON report']).toContain('root/.pypirc:3');
    const planted = ['github-classic', 'stripe', 'slack-webhook', 'openai', 'postgres-url', 'pypi'].map(
      // The part after any public prefix: a report may show `ghp_`, never what follows.
      (format) => c[format]!.secret.slice(-20),
    );
    expectNoSecret(result.outputs, planted);
  }, 120_000);
});
