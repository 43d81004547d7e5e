/**
 * Posting the check as a dedicated GitHub App: the JWT (checked by the stand-in with the App's
 * public key, as GitHub checks it), the installation token scoped to one repository, and the check
 * run that a ruleset pinned to the App accepts while a same-named check from GitHub Actions is not
 * the App's. Real RSA keys, real signatures.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import {
  appPermissions,
  mintInstallationToken,
  readAppCredentials,
  type GitHubAppCredentials,
} from '../../../src/adapters/github/app.js';
import { createGitHubClient } from '../../../src/adapters/github/create-client.js';
import { GateError } from '../../../src/errors.js';
import { runCliCaptured } from '../../support/cli.js';
import { REPO_ROOT } from '../../support/fixtures.js';
import { startGitHubApi, type GitHubApiStandIn } from '../../support/github-api.js';

const APP_ID = 987654;
const HEAD_SHA = '3f786850e387550fdab836ed7e6dc881de23001b';
const NAMES = { appId: 'the "app-id" input', privateKey: 'the "app-private-key" input' };

function rsaKeyPair(): { privatePem: string; publicKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  // GitHub hands out PKCS#1 files: "-----BEGIN RSA PRIVATE KEY-----".
  return { privatePem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(), publicKey };
}

async function rejectionOf(promise: Promise<unknown>): Promise<GateError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof GateError)) throw new Error(`expected a GateError, got ${String(error)}`);
  return error;
}

const appKey = rsaKeyPair();
const credentials = (pem = appKey.privatePem, appId = String(APP_ID)): GitHubAppCredentials =>
  readAppCredentials(appId, pem, NAMES)!;

describe('reading the App credentials', () => {
  it('needs both or neither', () => {
    expect(readAppCredentials(undefined, undefined, NAMES)).toBeUndefined();
    expect(() => readAppCredentials('1', undefined, NAMES)).toThrow(
      'the "app-id" input and the "app-private-key" input go together',
    );
    expect(() => readAppCredentials(undefined, appKey.privatePem, NAMES)).toThrow('go together');
  });

  it('refuses an App ID that is neither a number nor a Client ID', () => {
    expect(() => readAppCredentials('my-app', appKey.privatePem, NAMES)).toThrow(
      'the "app-id" input takes the GitHub App\'s numeric App ID or its Client ID',
    );
  });

  it('accepts a PEM whose new lines arrived as \\n, and PKCS#8', () => {
    expect(readAppCredentials('1', appKey.privatePem.replace(/\n/g, '\\n'), NAMES)).toBeDefined();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(readAppCredentials('1', pkcs8, NAMES)).toBeDefined();
  });

  it('refuses what is not an RSA private key, without quoting it', () => {
    const garbled = appKey.privatePem.slice(0, 200);
    let message = '';
    try {
      readAppCredentials('1', garbled, NAMES);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('the "app-private-key" input is not a PEM private key');
    expect(message).not.toContain(garbled.split('\n')[1]!);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    expect(() => readAppCredentials('1', ec.toString(), NAMES)).toThrow(
      'is a ec key; GitHub Apps sign with RSA keys',
    );
  });
});

describe('minting an installation token against the GitHub API stand-in', () => {
  let github: GitHubApiStandIn;
  beforeEach(async () => {
    github = await startGitHubApi();
    github.installApp({
      appId: APP_ID,
      slug: 'acme-gate',
      publicKey: appKey.publicKey,
      account: 'acme',
      repositories: ['app', 'api'],
      permissions: { checks: 'write' },
    });
  });
  afterEach(() => github.stop());

  const mint = (options: { repo?: string; comment?: boolean; pem?: string } = {}) =>
    mintInstallationToken(credentials(options.pem), {
      apiUrl: github.url,
      owner: 'acme',
      repo: options.repo ?? 'app',
      permissions: appPermissions({ comment: options.comment ?? false }),
      waitUnitMs: 0,
    });

  it("mints a token for the one repository with checks: write, and its check runs are the App's", async () => {
    const token = await mint();
    expect(token).toMatchObject({ appId: APP_ID, appSlug: 'acme-gate' });
    expect(github.installationTokens()).toEqual([
      expect.objectContaining({ appId: APP_ID, permissions: { checks: 'write' }, repositories: ['app'] }),
    ]);
    const asApp = createGitHubClient({ apiUrl: github.url, token: token.token });
    await asApp.createCheckRun({
      owner: 'acme',
      repo: 'app',
      name: 'supply-chain-gate',
      headSha: HEAD_SHA,
      status: 'in_progress',
    });
    expect(github.checkRuns()[0]!.app).toMatchObject({ id: APP_ID, slug: 'acme-gate' });
    // Scoped: not another repository of the installation, and nothing but checks.
    const elsewhere = await rejectionOf(
      asApp.createCheckRun({
        owner: 'acme',
        repo: 'api',
        name: 'x',
        headSha: HEAD_SHA,
        status: 'in_progress',
      }),
    );
    expect(elsewhere.code).toBe('github-forbidden');
    const comment = await rejectionOf(
      asApp.createIssueComment({ owner: 'acme', repo: 'app', issueNumber: 7, body: 'x' }),
    );
    expect(comment.message).toContain('Resource not accessible by integration');
    expect(github.violations).toEqual([]);
  });

  it("says when the key is not the App's: GitHub cannot verify the JWT", async () => {
    const error = await rejectionOf(mint({ pem: rsaKeyPair().privatePem }));
    expect(error.code).toBe('github-app-unauthorized');
    expect(error.message).toContain('(A JSON web token could not be decoded)');
    expect(error.message).toContain('the App ID (or Client ID) and the private key belong to the same App');
    expect(github.installationTokens()).toEqual([]);
  });

  it('says when the App is not installed on the repository', async () => {
    const error = await rejectionOf(mint({ repo: 'website' }));
    expect(error.code).toBe('github-app-not-installed');
    expect(error.message).toBe(
      `GitHub App ${APP_ID} is not installed on acme/website (GET /repos/acme/website/installation returned 404): install it on the repository or its organization`,
    );
  });

  it('says which permission to grant when the installation lacks one', async () => {
    const error = await rejectionOf(mint({ comment: true }));
    expect(error.code).toBe('github-app-permissions');
    expect(error.message).toContain('with "checks: write", "pull requests: write"');
    expect(error.message).toContain('The permissions requested are not granted to this installation.');
  });

  it("the stand-in holds the JWT to GitHub's rules: RS256, iat in the past, exp within ten minutes", async () => {
    const presenting = async (jwt: string) => {
      const response = await fetch(`${github.url}/repos/acme/app/installation`, {
        headers: { authorization: `Bearer ${jwt}`, accept: 'application/vnd.github+json' },
      });
      return { status: response.status, message: ((await response.json()) as { message: string }).message };
    };
    const signed = (header: object, claims: object) => {
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const input = `${encode(header)}.${encode(claims)}`;
      return `${input}.${sign('sha256', Buffer.from(input), credentials().privateKey).toString('base64url')}`;
    };
    const now = Math.floor(Date.now() / 1000);
    const jwtAt = (seconds: number) =>
      signed({ alg: 'RS256', typ: 'JWT' }, { iat: seconds - 60, exp: seconds + 540, iss: APP_ID });
    expect((await presenting(jwtAt(now))).status).toBe(200);
    expect(await presenting(jwtAt(now + 5 * 60))).toEqual({
      status: 401,
      message:
        "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued.",
    });
    expect((await presenting(jwtAt(now - 11 * 60))).status).toBe(401);
    expect(
      await presenting(signed({ alg: 'RS256' }, { iat: now - 60, exp: now + 900, iss: APP_ID })),
    ).toEqual({
      status: 401,
      message: "'Expiration time' claim ('exp') is too far in the future.",
    });
    expect(
      (await presenting(signed({ alg: 'HS256' }, { iat: now - 60, exp: now + 500, iss: APP_ID }))).status,
    ).toBe(401);
    // An installation token is no JWT: the App's endpoints refuse it.
    const token = await mint();
    expect(await presenting(token.token)).toEqual({
      status: 401,
      message: 'A JSON web token could not be decoded',
    });
  });

  it('retries a 5xx and goes on', async () => {
    github.failNext('GET /repos/{owner}/{repo}/installation', 502);
    expect((await mint()).appId).toBe(APP_ID);
  });
});

describe('the CLI posting the check as the App', () => {
  let github: GitHubApiStandIn;
  beforeAll(async () => {
    github = await startGitHubApi();
    github.installApp({
      appId: APP_ID,
      slug: 'acme-gate',
      publicKey: appKey.publicKey,
      account: 'acme',
      permissions: { checks: 'write', pull_requests: 'write' },
    });
  });
  afterAll(() => github.stop());

  it("the ruleset pinned to the App is met by the gate's check, not by a same-named check from GitHub Actions", async () => {
    // Another workflow, with GITHUB_TOKEN, starts a check of the gate's name on the same commit.
    const asActions = createGitHubClient({ apiUrl: github.url, token: github.token });
    const spoof = await asActions.createCheckRun({
      owner: 'acme',
      repo: 'app',
      name: 'supply-chain-gate',
      headSha: HEAD_SHA,
      status: 'in_progress',
    });

    const result = await runCliCaptured(
      [
        'check',
        '--image',
        'oci:app-oci:1.0',
        '--policy',
        'policy.yml',
        '--scan',
        'trivy.json',
        '--github-api',
        github.url,
        '--repository',
        'acme/app',
        '--sha',
        HEAD_SHA,
        '--app-id',
        String(APP_ID),
        '--pull-request',
        '7',
      ],
      {
        cwd: join(REPO_ROOT, 'examples/demo'),
        env: { GITHUB_TOKEN: github.token, GITHUB_APP_PRIVATE_KEY: appKey.privatePem },
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'Posting the check run as the GitHub App acme-gate (integration_id 987654)',
    );

    // The gate left the other app's run alone (GitHub would refuse to change it) and posted its own.
    const runs = github.checkRuns();
    expect(runs.find((run) => run.id === spoof.id)).toMatchObject({
      status: 'in_progress',
      app: { id: 15368 },
    });
    const gate = runs.filter((run) => run.app.id === APP_ID);
    expect(gate).toEqual([
      expect.objectContaining({ name: 'supply-chain-gate', status: 'completed', conclusion: 'failure' }),
    ]);
    expect(github.issueComments('acme', 'app', 7)).toEqual([
      expect.objectContaining({ author: expect.objectContaining({ login: 'acme-gate[bot]' }) }),
    ]);
    // The token asked for no more than the check and the comment need.
    expect(github.installationTokens()).toEqual([
      expect.objectContaining({
        permissions: { checks: 'write', pull_requests: 'write' },
        repositories: ['app'],
      }),
    ]);

    // The ruleset an admin imports for this App requires exactly that run's app and name.
    const ruleset = await runCliCaptured(['ruleset', '--integration-id', String(APP_ID)], { cwd: REPO_ROOT });
    const required = JSON.parse(ruleset.stdout).rules[0].parameters.required_status_checks;
    expect(required).toEqual([{ context: gate[0]!.name, integration_id: gate[0]!.app.id }]);
    expect(github.violations).toEqual([]);
  });

  it('refuses --app-id without the key, or without a check to post', async () => {
    const noKey = await runCliCaptured(
      [
        'check',
        '--image',
        'oci:app-oci:1.0',
        '--github-api',
        github.url,
        '--repository',
        'acme/app',
        '--sha',
        HEAD_SHA,
        '--app-id',
        '1',
      ],
      { cwd: join(REPO_ROOT, 'examples/demo'), env: {} },
    );
    expect(noKey).toMatchObject({ code: 2 });
    expect(noKey.stderr).toContain('--app-id and GITHUB_APP_PRIVATE_KEY go together');
    const noTarget = await runCliCaptured(['check', '--image', 'oci:app-oci:1.0', '--app-id', '1'], {
      cwd: join(REPO_ROOT, 'examples/demo'),
      env: { GITHUB_APP_PRIVATE_KEY: appKey.privatePem },
    });
    expect(noTarget.stderr).toContain(
      '--app-id posts the check run as the GitHub App: it needs --github-api, --repository and --sha',
    );
  });
});
