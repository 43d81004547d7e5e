/**
 * The check run as a dedicated GitHub App rather than GitHub Actions. Any workflow that may write
 * checks can post a check run named like the gate's, so a ruleset that trusts GitHub Actions'
 * check is satisfied by any of them; a ruleset pinned to an App only by the holder of the App's
 * private key. This module turns that key into a short-lived installation token for one
 * repository: a JWT signed with the key (RS256), the repository's installation, then the token.
 *
 * The key, the JWT and the token go in Authorization headers and nowhere else: not in a URL, not
 * in an error message. The callers mask the key and the token in the Actions log.
 */
import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { ConfigurationError, VerificationError } from '../errors.js';
import { VERSION } from '../version.js';
import { DEFAULT_GITHUB_API_URL, parseApiUrl, type GitHubClient } from './github.js';

export interface GitHubAppCredentials {
  /** The App's numeric ID or its Client ID (`Iv23…`): GitHub takes either as the JWT's issuer. */
  appId: string;
  privateKey: KeyObject;
}

/** The repository permissions the gate may ask an installation token for. */
export type AppPermissions = Partial<Record<'checks' | 'pull_requests', 'read' | 'write'>>;

export interface InstallationToken {
  token: string;
  expiresAt: string;
  /** The App's numeric ID, as GitHub reports it: what a ruleset pins with `integration_id`. */
  appId: number;
  appSlug: string;
  installationId: number;
}

export interface MintOptions {
  apiUrl?: string;
  owner: string;
  repo: string;
  permissions: AppPermissions;
  fetch?: typeof fetch;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

/** GitHub lets a JWT live ten minutes; backdating `iat` absorbs a runner clock that runs ahead. */
const JWT_BACKDATE_S = 60;
const JWT_LIFETIME_S = 600;
const API_VERSION = '2022-11-28';
const TIMEOUT_MS = 30_000;
const ATTEMPTS = 3;
const RETRY_DELAY_MS = 1_000;
const MAX_DETAIL_LENGTH = 200;

/**
 * Both or neither: `names` are how the user set them (`app-id` and `app-private-key` inputs, or
 * `--app-id` and GITHUB_APP_PRIVATE_KEY), so the error says what to change.
 */
export function readAppCredentials(
  appId: string | undefined,
  privateKeyPem: string | undefined,
  names: { appId: string; privateKey: string },
): GitHubAppCredentials | undefined {
  if (appId === undefined && privateKeyPem === undefined) return undefined;
  if (appId === undefined || privateKeyPem === undefined) {
    throw new ConfigurationError(
      'incomplete-github-app',
      `${names.appId} and ${names.privateKey} go together: set both to post the check as your GitHub App, or neither to post it as GitHub Actions`,
    );
  }
  if (!/^(?:[1-9][0-9]{0,15}|Iv[0-9A-Za-z.]{1,40})$/.test(appId)) {
    throw new ConfigurationError(
      'invalid-app-id',
      `${names.appId} takes the GitHub App's numeric App ID or its Client ID (both on the App's settings page), got ${JSON.stringify(appId.slice(0, 50))}`,
    );
  }
  let privateKey: KeyObject;
  try {
    // A PEM pasted into a single-line secret store often arrives with literal "\n" sequences.
    privateKey = createPrivateKey(privateKeyPem.trim().replace(/\\n/g, '\n'));
  } catch {
    // The parser's message is left out: nothing derived from the key goes in a log line.
    throw new ConfigurationError(
      'invalid-app-private-key',
      `${names.privateKey} is not a PEM private key: pass the whole .pem file the App's settings generated, "-----BEGIN RSA PRIVATE KEY-----" line included`,
    );
  }
  if (privateKey.asymmetricKeyType !== 'rsa') {
    throw new ConfigurationError(
      'invalid-app-private-key',
      `${names.privateKey} is a ${privateKey.asymmetricKeyType ?? 'non-RSA'} key; GitHub Apps sign with RSA keys: pass the .pem file the App's settings generated`,
    );
  }
  return { appId, privateKey };
}

/** The JWT that authenticates as the App itself: RS256, issued 60 s ago, expiring within ten minutes. */
export function createAppJwt(credentials: GitHubAppCredentials, now: Date): string {
  const seconds = Math.floor(now.getTime() / 1000);
  const iat = seconds - JWT_BACKDATE_S;
  const claims = {
    iat,
    exp: iat + JWT_LIFETIME_S,
    iss: /^[0-9]+$/.test(credentials.appId) ? Number(credentials.appId) : credentials.appId,
  };
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signingInput = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(claims)}`;
  const signature = sign('sha256', Buffer.from(signingInput), credentials.privateKey);
  return `${signingInput}.${signature.toString('base64url')}`;
}

/**
 * An installation token for one repository with only `permissions`: the App's installation on
 * the repository (`GET /repos/{owner}/{repo}/installation`), then a token from it
 * (`POST /app/installations/{id}/access_tokens`). 5xx answers and network errors are tried again.
 */
export async function mintInstallationToken(
  credentials: GitHubAppCredentials,
  options: MintOptions,
): Promise<InstallationToken> {
  const base = parseApiUrl(options.apiUrl ?? DEFAULT_GITHUB_API_URL).href.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const now = options.now ?? (() => new Date());
  const { owner, repo } = options;
  const repository = `${owner}/${repo}`;

  async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
    for (let attempt = 1; ; attempt += 1) {
      let response: Response | undefined;
      let networkError: unknown;
      try {
        response = await doFetch(`${base}${path}`, {
          method,
          headers: {
            accept: 'application/vnd.github+json',
            'x-github-api-version': API_VERSION,
            'user-agent': `supply-chain-gate/${VERSION}`,
            // A fresh JWT per request: a retry after a wait must not present an older one.
            authorization: `Bearer ${createAppJwt(credentials, now())}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (error) {
        networkError = error;
      }
      if (response && response.status < 500) return response;
      if (attempt >= ATTEMPTS) {
        if (response) return response;
        throw new VerificationError(
          'github-unreachable',
          `cannot reach the GitHub API at ${base} to mint the GitHub App's token (${networkReason(networkError)}, ${attempt} attempts); check the API URL and that this runner can reach it`,
          { cause: networkError },
        );
      }
      await response?.body?.cancel();
      await sleep(RETRY_DELAY_MS * 2 ** (attempt - 1));
    }
  }

  const requested = Object.entries(options.permissions)
    .map(([name, access]) => `"${name.replace(/_/g, ' ')}: ${access}"`)
    .join(', ');

  async function refusal(method: string, path: string, response: Response): Promise<Error> {
    const message = await githubMessage(response);
    const what = `GitHub API ${method} ${path} returned ${response.status}${message ? ` (${message})` : ''}`;
    if (response.status === 401) {
      return new ConfigurationError(
        'github-app-unauthorized',
        `${what}: GitHub did not accept the App's JWT; check that the App ID (or Client ID) and the private key belong to the same App, that the key was not revoked, and that the runner's clock is right`,
      );
    }
    return new VerificationError('github-app-token-failed', what);
  }

  const installationPath = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/installation`;
  const found = await call('GET', installationPath);
  if (found.status === 404) {
    throw new ConfigurationError(
      'github-app-not-installed',
      `GitHub App ${credentials.appId} is not installed on ${repository} (GET ${installationPath} returned 404): install it on the repository or its organization`,
    );
  }
  if (!found.ok) throw await refusal('GET', installationPath, found);
  const installation = await jsonBody(found, `GET ${installationPath}`);
  const installationId = installation.id;
  const appId = installation.app_id;
  if (typeof installationId !== 'number' || typeof appId !== 'number') {
    throw unexpected(`GET ${installationPath}`, 'an installation without an id or app_id');
  }

  const tokenPath = `/app/installations/${installationId}/access_tokens`;
  const minted = await call('POST', tokenPath, { repositories: [repo], permissions: options.permissions });
  if (minted.status === 403 || minted.status === 422) {
    throw new ConfigurationError(
      'github-app-permissions',
      `GitHub would not mint a token for ${repository} with ${requested} (POST ${tokenPath} returned ${minted.status}: ${await githubMessage(minted)}): grant the App those repository permissions in its settings, and have an owner accept them on the installation`,
    );
  }
  if (minted.status !== 201) throw await refusal('POST', tokenPath, minted);
  const token = await jsonBody(minted, `POST ${tokenPath}`);
  if (typeof token.token !== 'string' || token.token === '' || typeof token.expires_at !== 'string') {
    throw unexpected(`POST ${tokenPath}`, 'a body without a token or expires_at');
  }
  return {
    token: token.token,
    expiresAt: token.expires_at,
    appId,
    appSlug: typeof installation.app_slug === 'string' ? installation.app_slug : String(appId),
    installationId,
  };
}

/**
 * A client that writes the verdict (check run, comment) as the App and reads evidence (policy,
 * attestations) with `reads`, the workflow's own token, so the App needs no read permissions.
 * Only the App's own check runs are taken over: GitHub lets no App change another's.
 */
export function reportAsApp(reads: GitHubClient, app: GitHubClient, appId: number): GitHubClient {
  return {
    ...reads,
    createCheckRun: app.createCheckRun,
    updateCheckRun: app.updateCheckRun,
    findCheckRun: (request) => app.findCheckRun({ ...request, appId }),
    listIssueComments: app.listIssueComments,
    createIssueComment: app.createIssueComment,
    updateIssueComment: app.updateIssueComment,
  };
}

/** What the installation token may do: write the check, and the pull request comment when it is on. */
export function appPermissions(options: { comment: boolean }): AppPermissions {
  return { checks: 'write', ...(options.comment ? { pull_requests: 'write' as const } : {}) };
}

async function jsonBody(response: Response, what: string): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    throw unexpected(what, 'a body that is not JSON', error);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw unexpected(what, 'a body that is not an object');
  }
  return body as Record<string, unknown>;
}

function unexpected(what: string, shape: string, cause?: unknown): VerificationError {
  return new VerificationError(
    'github-unexpected-response',
    `GitHub API ${what} returned ${shape}; is the API URL a GitHub REST API?`,
    cause === undefined ? undefined : { cause },
  );
}

/** GitHub's `message`, on one short line. */
async function githubMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  let message = response.statusText;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'message' in parsed) {
      message = String(parsed.message);
    }
  } catch {
    // Not JSON (a proxy's error page): the status text is all there is to say.
  }
  return message.replace(/\s+/g, ' ').trim().slice(0, MAX_DETAIL_LENGTH);
}

function networkReason(error: unknown): string {
  const record = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  if (record.name === 'TimeoutError' || record.name === 'AbortError') {
    return `no answer within ${TIMEOUT_MS / 1000} s`;
  }
  const cause = typeof record.cause === 'object' && record.cause !== null ? record.cause : error;
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') return code;
  return String((cause as { message?: unknown } | undefined)?.message ?? cause)
    .replace(/\s+/g, ' ')
    .slice(0, 120);
}
