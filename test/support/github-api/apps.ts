/**
 * GitHub Apps as GitHub authenticates them: a JWT signed with the App's private key (RS256) for the
 * App's own endpoints, and installation tokens, scoped to repositories and permissions, for
 * everything else. The JWT's signature is verified with the App's public key, so a client whose
 * JWT is wrong in any way GitHub checks is refused here too.
 */
import { createPublicKey, randomBytes, verify, type KeyObject } from 'node:crypto';
import {
  errorBody,
  ownerAccount,
  repository,
  simpleUser,
  timestamp,
  WEB_URL,
  type AppIdentity,
  type Site,
} from './objects.js';
import { notFound, type Handler, type Reply } from './reply.js';

type Access = 'read' | 'write';

export interface AppInstallationSeed {
  appId: number;
  slug: string;
  /** The public half of one of the App's private keys (PEM or a KeyObject). */
  publicKey: string | KeyObject;
  /** The user or organization the App is installed on. */
  account: string;
  /** The repositories of `account` it may reach; all of them when not given. */
  repositories?: string[];
  /** What the admin granted the installation. */
  permissions: Record<string, Access>;
}

/** A token the stand-in issued, as a test may want to check it (without the token itself). */
export interface InstallationTokenRecord {
  installationId: number;
  appId: number;
  permissions: Record<string, Access>;
  /** Repository names; undefined when the token reaches every repository of the installation. */
  repositories: string[] | undefined;
  expiresAt: string;
}

interface Installation {
  id: number;
  app: AppIdentity;
  publicKey: KeyObject;
  account: string;
  repositories: string[] | undefined;
  permissions: Record<string, Access>;
  createdAt: string;
}

interface IssuedToken extends InstallationTokenRecord {
  installation: Installation;
}

/** Who a presented credential is, before the route says whether that kind of credential may call it. */
export type Credential =
  | { kind: 'token'; app: AppIdentity; scope?: IssuedToken }
  | { kind: 'jwt'; app: AppIdentity }
  | { kind: 'bad-jwt'; message: string };

const UNDECODABLE_JWT = 'A JSON web token could not be decoded';
// GitHub refuses a JWT that expires more than ten minutes after it is presented.
const MAX_JWT_LIFETIME_S = 600;
const TOKEN_LIFETIME_MS = 60 * 60 * 1000;
const APP_ENDPOINTS = new Set([
  'GET /repos/{owner}/{repo}/installation',
  'POST /app/installations/{installation_id}/access_tokens',
]);

/**
 * The permission each operation needs of an installation token; any of the names will do (a pull
 * request's comments are reachable with `issues` or `pull_requests`). `metadata` every token has.
 */
const REQUIRED_PERMISSION: Record<string, { names: string[]; access: Access }> = {
  'POST /repos/{owner}/{repo}/check-runs': { names: ['checks'], access: 'write' },
  'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': { names: ['checks'], access: 'write' },
  'GET /repos/{owner}/{repo}/check-runs/{check_run_id}': { names: ['checks'], access: 'read' },
  'GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations': { names: ['checks'], access: 'read' },
  'GET /repos/{owner}/{repo}/commits/{ref}/check-runs': { names: ['checks'], access: 'read' },
  'GET /repos/{owner}/{repo}/contents/{path}': { names: ['contents'], access: 'read' },
  'POST /repos/{owner}/{repo}/attestations': { names: ['attestations'], access: 'write' },
  'GET /repos/{owner}/{repo}/attestations/{subject_digest}': { names: ['attestations'], access: 'read' },
  'GET /orgs/{org}/attestations/{subject_digest}': { names: ['attestations'], access: 'read' },
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': {
    names: ['issues', 'pull_requests'],
    access: 'read',
  },
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': {
    names: ['issues', 'pull_requests'],
    access: 'write',
  },
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': {
    names: ['issues', 'pull_requests'],
    access: 'write',
  },
  'GET /repos/{owner}/{repo}/pulls/{pull_number}': { names: ['pull_requests'], access: 'read' },
  'POST /repos/{owner}/{repo}/statuses/{sha}': { names: ['statuses'], access: 'write' },
  'GET /repos/{owner}/{repo}/rules/branches/{branch}': { names: ['metadata'], access: 'read' },
  'GET /repos/{owner}/{repo}/rulesets': { names: ['metadata'], access: 'read' },
  'POST /repos/{owner}/{repo}/rulesets': { names: ['administration'], access: 'write' },
  'POST /orgs/{org}/rulesets': { names: ['organization_administration'], access: 'write' },
};

function grants(granted: Access | undefined, wanted: Access): boolean {
  return granted === 'write' || (granted === 'read' && wanted === 'read');
}

function refuse(status: number, message: string): Reply {
  return { status, body: errorBody(status, message) };
}

function decodeJson(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function createAppStore(site: Site) {
  const installations: Installation[] = [];
  const tokens = new Map<string, IssuedToken>();

  function installApp(seed: AppInstallationSeed): { installationId: number } {
    const existing = installations.find((installation) => installation.app.id === seed.appId);
    const app: AppIdentity = existing?.app ?? {
      id: seed.appId,
      slug: seed.slug,
      name: seed.slug,
      clientId: `Iv23li${seed.appId.toString(16).padStart(14, '0')}`,
      owner: ownerAccount(seed.account),
      bot: { login: `${seed.slug}[bot]`, id: 90_000_000 + seed.appId, type: 'Bot' },
      permissions: seed.permissions,
    };
    const installation: Installation = {
      id: 60_000_001 + installations.length,
      app,
      publicKey: typeof seed.publicKey === 'string' ? createPublicKey(seed.publicKey) : seed.publicKey,
      account: seed.account,
      repositories: seed.repositories,
      permissions: seed.permissions,
      createdAt: timestamp(),
    };
    installations.push(installation);
    return { installationId: installation.id };
  }

  /** What GitHub checks of an App's JWT: RS256, signed by the App's key, iat past, exp near. */
  function verifyJwt(jwt: string): Credential {
    const [header, payload, signature, ...rest] = jwt.split('.');
    const claims = payload === undefined ? undefined : decodeJson(payload);
    if (header === undefined || signature === undefined || rest.length > 0 || !claims) {
      return { kind: 'bad-jwt', message: UNDECODABLE_JWT };
    }
    if (decodeJson(header)?.alg !== 'RS256') return { kind: 'bad-jwt', message: UNDECODABLE_JWT };
    // `iss` is the App's ID (a number, or its digits as a string) or its Client ID.
    const ofApp = installations.filter(
      ({ app }) => claims.iss === app.id || claims.iss === String(app.id) || claims.iss === app.clientId,
    );
    const signed = Buffer.from(`${header}.${payload}`);
    const signedByApp = ofApp.some((installation) =>
      verify('sha256', signed, installation.publicKey, Buffer.from(signature, 'base64url')),
    );
    const app = ofApp[0]?.app;
    if (!app || !signedByApp) return { kind: 'bad-jwt', message: UNDECODABLE_JWT };
    const now = Math.floor(Date.now() / 1000);
    const { iat, exp } = claims;
    if (typeof iat !== 'number' || !Number.isInteger(iat) || iat > now) {
      return {
        kind: 'bad-jwt',
        message:
          "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued.",
      };
    }
    if (typeof exp !== 'number' || !Number.isInteger(exp) || exp <= now) {
      return {
        kind: 'bad-jwt',
        message:
          "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires.",
      };
    }
    if (exp > now + MAX_JWT_LIFETIME_S) {
      return { kind: 'bad-jwt', message: "'Expiration time' claim ('exp') is too far in the future." };
    }
    return { kind: 'jwt', app };
  }

  /** An installation token or an App's JWT; undefined for anything else (a wrong or expired token). */
  function authenticate(presented: string): Credential | undefined {
    const issued = tokens.get(presented);
    if (issued) {
      return Date.parse(issued.expiresAt) > Date.now()
        ? { kind: 'token', app: issued.installation.app, scope: issued }
        : undefined;
    }
    return presented.split('.').length === 3 ? verifyJwt(presented) : undefined;
  }

  /**
   * Whether this credential may call the operation on these path parameters: a JWT only on the
   * App's endpoints, an installation token only elsewhere, within its repositories and permissions.
   * The App it acts for is what handlers record as the author.
   */
  function authorize(
    credential: Credential,
    operationKey: string,
    pathParameters: Record<string, string>,
  ): { caller: AppIdentity } | { refused: Reply } {
    if (APP_ENDPOINTS.has(operationKey)) {
      if (credential.kind === 'jwt') return { caller: credential.app };
      return { refused: refuse(401, credential.kind === 'bad-jwt' ? credential.message : UNDECODABLE_JWT) };
    }
    if (credential.kind !== 'token') return { refused: refuse(401, 'Bad credentials') };
    const { app, scope } = credential;
    if (!scope) return { caller: app };
    const { owner, repo, org } = pathParameters;
    const account = scope.installation.account;
    // A repository outside the token's reach does not exist, as far as the token can tell.
    const outside =
      (owner !== undefined && owner !== account) ||
      (org !== undefined && org !== account) ||
      (repo !== undefined && scope.repositories !== undefined && !scope.repositories.includes(repo));
    if (outside) return { refused: notFound() };
    const required = REQUIRED_PERMISSION[operationKey];
    if (!required) throw new Error(`the stand-in knows no permission for ${operationKey}`);
    const allowed =
      required.names.includes('metadata') ||
      required.names.some((name) => grants(scope.permissions[name], required.access));
    return allowed ? { caller: app } : { refused: refuse(403, 'Resource not accessible by integration') };
  }

  function installationBody(installation: Installation): Record<string, unknown> {
    const account = ownerAccount(installation.account);
    return {
      id: installation.id,
      client_id: installation.app.clientId,
      account: simpleUser(site, account),
      repository_selection: installation.repositories === undefined ? 'all' : 'selected',
      access_tokens_url: `${site.apiUrl}/app/installations/${installation.id}/access_tokens`,
      repositories_url: `${site.apiUrl}/installation/repositories`,
      html_url: `${WEB_URL}/organizations/${installation.account}/settings/installations/${installation.id}`,
      app_id: installation.app.id,
      app_slug: installation.app.slug,
      target_id: account.id,
      target_type: account.type,
      permissions: { ...installation.permissions, metadata: 'read' },
      events: [],
      created_at: installation.createdAt,
      updated_at: installation.createdAt,
      single_file_name: null,
      has_multiple_single_files: false,
      single_file_paths: [],
      suspended_by: null,
      suspended_at: null,
    };
  }

  const getRepositoryInstallation: Handler = (request) => {
    const { owner, repo } = request.path;
    const installation = installations.find(
      (candidate) =>
        candidate.app.id === request.caller.id &&
        candidate.account === owner &&
        (candidate.repositories === undefined || candidate.repositories.includes(String(repo))),
    );
    return installation ? { status: 200, body: installationBody(installation) } : notFound();
  };

  const createAccessToken: Handler = (request) => {
    const installation = installations.find(
      (candidate) => candidate.id === request.path.installation_id && candidate.app.id === request.caller.id,
    );
    if (!installation) return notFound();
    const body = (request.body ?? {}) as {
      repositories?: string[];
      repository_ids?: number[];
      permissions?: Record<string, Access>;
    };
    if (body.repository_ids !== undefined) {
      throw new Error('the stand-in scopes tokens by repository name only');
    }
    const reachable = (name: string) =>
      installation.repositories === undefined || installation.repositories.includes(name);
    if (body.repositories && !body.repositories.every(reachable)) {
      return refuse(
        422,
        'There is at least one repository that does not exist or is not accessible to the parent installation.',
      );
    }
    const permissions = body.permissions ?? installation.permissions;
    const overreach = Object.entries(permissions).some(
      ([name, access]) => !grants(installation.permissions[name], access),
    );
    if (overreach) return refuse(422, 'The permissions requested are not granted to this installation.');

    const token = `ghs_${randomBytes(27).toString('base64url').replace(/[-_]/g, '0').slice(0, 36)}`;
    const issued: IssuedToken = {
      installationId: installation.id,
      appId: installation.app.id,
      permissions,
      repositories: body.repositories ?? installation.repositories,
      expiresAt: timestamp(new Date(Date.now() + TOKEN_LIFETIME_MS)),
      installation,
    };
    tokens.set(token, issued);
    const repositories = issued.repositories?.map((name) => repository(site, installation.account, name));
    return {
      status: 201,
      body: {
        token,
        expires_at: issued.expiresAt,
        permissions: { ...permissions, metadata: 'read' },
        repository_selection: issued.repositories === undefined ? 'all' : 'selected',
        ...(repositories ? { repositories } : {}),
      },
    };
  };

  return {
    installApp,
    authenticate,
    authorize,
    handlers: {
      'GET /repos/{owner}/{repo}/installation': getRepositoryInstallation,
      'POST /app/installations/{installation_id}/access_tokens': createAccessToken,
    } satisfies Record<string, Handler>,
    issuedTokens: (): InstallationTokenRecord[] =>
      [...tokens.values()].map(({ installation: _installation, ...record }) => structuredClone(record)),
  };
}
