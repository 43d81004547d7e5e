/**
 * The check run as a dedicated GitHub App rather than GitHub Actions. Any workflow that may write
 * checks can post a check run named like the gate's, so a ruleset that trusts GitHub Actions'
 * check is satisfied by any of them; a ruleset pinned to an App only by the holder of the App's
 * private key. This module turns that key into a short-lived installation token for one
 * repository, through `@octokit/auth-app`: a JWT signed with the key, the repository's
 * installation, then the token.
 *
 * The key, the JWT and the token go in Authorization headers and nowhere else: not in a URL, not
 * in an error message. The callers mask the key and the token in the Actions log.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { ConfigurationError, VerificationError } from '../../errors.js';
import type { GitHubClient } from './create-client.js';
import type { OctokitOptions } from './octokit.js';

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

export interface MintOptions extends Pick<OctokitOptions, 'fetch' | 'retries' | 'waitUnitMs' | 'onRetry'> {
  apiUrl?: string;
  owner: string;
  repo: string;
  permissions: AppPermissions;
}

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

/**
 * An installation token for one repository with only `permissions`: the App's installation on
 * the repository (`GET /repos/{owner}/{repo}/installation`, as the App, with the JWT
 * `@octokit/auth-app` signs), then a token from it. Retries and rate limits as for every call.
 */
export async function mintInstallationToken(
  credentials: GitHubAppCredentials,
  options: MintOptions,
): Promise<InstallationToken> {
  // Loaded here, not at start-up: most runs have no App.
  const { createOctokit, isRequestError, toGateError } = await import('./octokit.js');
  const { owner, repo } = options;
  const repository = `${owner}/${repo}`;
  const app = createOctokit({
    apiUrl: options.apiUrl,
    auth: {
      app: {
        appId: /^[0-9]+$/.test(credentials.appId) ? Number(credentials.appId) : credentials.appId,
        privateKey: credentials.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
    },
    fetch: options.fetch,
    retries: options.retries,
    waitUnitMs: options.waitUnitMs,
    onRetry: options.onRetry,
  });
  const requested = Object.entries(options.permissions)
    .map(([name, access]) => `"${name.replace(/_/g, ' ')}: ${access}"`)
    .join(', ');

  function refusal(error: unknown): Error {
    if (isRequestError(error) && error.status === 401 && error.response) {
      return new ConfigurationError(
        'github-app-unauthorized',
        `${toGateError(app, error, { permission: '' }).message.replace(/: the GitHub token is .*$/, '')}: GitHub did not accept the App's JWT; check that the App ID (or Client ID) and the private key belong to the same App, that the key was not revoked, and that the runner's clock is right`,
      );
    }
    return toGateError(app, error, { permission: '' });
  }

  const installationPath = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/installation`;
  let installation: Record<string, unknown>;
  try {
    ({ data: installation } = (await app.request('GET /repos/{owner}/{repo}/installation', {
      owner,
      repo,
    })) as unknown as { data: Record<string, unknown> });
  } catch (error) {
    if (isRequestError(error) && error.status === 404 && error.response) {
      throw new ConfigurationError(
        'github-app-not-installed',
        `GitHub App ${credentials.appId} is not installed on ${repository} (GET ${installationPath} returned 404): install it on the repository or its organization`,
      );
    }
    throw refusal(error);
  }
  const installationId = installation?.id;
  const appId = installation?.app_id;
  if (typeof installationId !== 'number' || typeof appId !== 'number') {
    throw unexpected(`GET ${installationPath}`, 'an installation without an id or app_id');
  }

  const tokenPath = `/app/installations/${installationId}/access_tokens`;
  let token: { token?: unknown; expiresAt?: unknown };
  try {
    token = (await app.auth({
      type: 'installation',
      installationId,
      repositoryNames: [repo],
      permissions: options.permissions,
      refresh: true,
    })) as { token?: unknown; expiresAt?: unknown };
  } catch (error) {
    if (isRequestError(error) && (error.status === 403 || error.status === 422) && error.response) {
      const data = error.response.data;
      const message =
        typeof data === 'object' && data !== null && 'message' in data ? String(data.message) : error.message;
      throw new ConfigurationError(
        'github-app-permissions',
        `GitHub would not mint a token for ${repository} with ${requested} (POST ${tokenPath} returned ${error.status}: ${message.replace(/\s+/g, ' ').slice(0, 200)}): grant the App those repository permissions in its settings, and have an owner accept them on the installation`,
      );
    }
    throw refusal(error);
  }
  if (typeof token.token !== 'string' || token.token === '' || typeof token.expiresAt !== 'string') {
    throw unexpected(`POST ${tokenPath}`, 'a body without a token or expires_at');
  }
  return {
    token: token.token,
    expiresAt: token.expiresAt,
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

function unexpected(what: string, shape: string): VerificationError {
  return new VerificationError(
    'github-unexpected-response',
    `GitHub API ${what} returned ${shape}; is the API URL a GitHub REST API?`,
  );
}
