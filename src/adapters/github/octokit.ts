/**
 * The one way the gate talks to GitHub's REST API: Octokit (`@octokit/core`) with GitHub's
 * recommended handling of failures (`@octokit/plugin-retry` for 5xx and dropped connections,
 * `@octokit/plugin-throttling` for primary and secondary rate limits), pagination, and either a
 * token or a GitHub App (`@octokit/auth-app`). New REST calls go through `createOctokit(...)`:
 *
 *   const octokit = createOctokit({ apiUrl, auth: { token } });
 *   await githubCall({ permission: 'issues: write' }, () =>
 *     octokit.request('POST /repos/{owner}/{repo}/labels', { owner, repo, name }));
 *
 * What this module adds on top, because the anchors get it wrong: the token never leaves the
 * API's origin (a `Link` header naming another host is refused), never appears in an error, and a
 * refusal names the `permissions:` entry to add (`githubCall`); every answer is read whole before
 * it is handed over, so a body cut short is a dropped connection (retried), not a half-parsed one.
 */
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import { ConfigurationError, GateError, InternalError, VerificationError } from '../../errors.js';
import { VERSION } from '../../version.js';
import { DEFAULT_GITHUB_API_URL, parseApiUrl } from './api-url.js';
import { proxyAwareFetch } from '../http/proxy-fetch.js';

const API_VERSION = '2022-11-28';
const ACCEPT = 'application/vnd.github+json';
const OCTOKIT_DEFAULT_ACCEPT = 'application/vnd.github.v3+json';
const DEFAULT_TIMEOUT_MS = 30_000;
/** Octokit's own default: four attempts in all, 1 s, 4 s and 9 s apart for a 5xx. */
const DEFAULT_RETRIES = 3;
/** A rate limit that resets later than this fails at once, naming the reset time: the step must end. */
const DEFAULT_MAX_WAIT_S = 60;
/** GitHub's answers are small JSON documents; more than this is not GitHub. */
const MAX_ANSWER_BYTES = 32 * 1024 * 1024;
const MAX_DETAIL_LENGTH = 200;

export type GitHubAuth =
  | { token: string }
  /** A GitHub App: its numeric ID or Client ID, and its private key (PEM). */
  | { app: { appId: string | number; privateKey: string } };

export interface OctokitOptions {
  /** `https://api.github.com`, or `https://HOST/api/v3` for GitHub Enterprise Server. */
  apiUrl?: string;
  auth: GitHubAuth;
  /** Defaults to fetch through the HTTPS_PROXY/HTTP_PROXY/NO_PROXY of the environment. */
  fetch?: typeof fetch;
  userAgent?: string;
  /** Per attempt, body included. */
  timeoutMs?: number;
  /** Attempts after the first, for 5xx, dropped connections and rate limits. */
  retries?: number;
  /** Milliseconds per second of any wait (backoff, `Retry-After`, rate limit): tests pass 1. */
  waitUnitMs?: number;
  /** A rate-limit wait longer than this many seconds is not started. */
  maxWaitS?: number;
  /** Told about each retry and wait, for the log (the caller escapes it). */
  onRetry?(message: string): void;
}

/** What `githubCall` needs to explain a refusal. */
export interface CallPermission {
  /** The `permissions:` entry the call needs, named when GitHub refuses the token. */
  permission: string;
  /** GitHub answers 404 rather than 403 when the token may read the repository but not do this. */
  notFoundMeansForbidden?: boolean;
}

const attemptsOf = new WeakMap<object, number>();
/** Each error, with the attempts its call took, so the message can say the gate tried again. */
const errorAttempts = new WeakMap<object, number>();
/** Per client: the API URL's own path (`/api/v3`, left out of call names) and what to redact. */
interface ClientContext {
  origin: string;
  basePath: string;
  secrets: readonly string[];
}
const contexts = new WeakMap<object, ClientContext>();

/**
 * Innermost layer (registered before the retry plugins): sees every attempt of a call, counts
 * them and tells `onRetry` about each new one. The options object is the same for every attempt.
 */
function attemptCounter(octokit: Octokit, pluginOptions: object) {
  const options = pluginOptions as { onRetry?(message: string): void; retries?: number };
  octokit.hook.wrap('request', async (request, endpoint) => {
    refuseOtherOrigins(octokit, endpoint);
    // GitHub's current media type and API version, on every request (Octokit's default is v3's).
    const accept = endpoint.headers.accept === OCTOKIT_DEFAULT_ACCEPT ? ACCEPT : endpoint.headers.accept;
    endpoint.headers = { ...endpoint.headers, accept, 'x-github-api-version': API_VERSION };
    const attempt = (attemptsOf.get(endpoint) ?? 0) + 1;
    attemptsOf.set(endpoint, attempt);
    try {
      return await request(endpoint);
    } catch (error) {
      if (typeof error === 'object' && error !== null) errorAttempts.set(error, attempt);
      const retries = options.retries ?? DEFAULT_RETRIES;
      if (isRequestError(error) && willRetry(error) && attempt <= retries) {
        options.onRetry?.(
          `GitHub API ${describeCall(error.request, contexts.get(octokit)?.basePath)} ${failureReason(error)}; trying again (attempt ${attempt + 1} of ${retries + 1})`,
        );
      }
      throw error;
    }
  });
  return {};
}

/**
 * The token goes only to the API's origin: a `Link` header (or anything else) naming another host
 * is refused before a request is made, and not retried.
 */
function refuseOtherOrigins(octokit: Octokit, endpoint: { url: string }): void {
  const context = contexts.get(octokit);
  if (context === undefined || !/^[a-z][a-z0-9+.-]*:/i.test(endpoint.url)) return;
  const target = new URL(endpoint.url);
  if (target.origin === context.origin) return;
  throw new VerificationError(
    'github-unexpected-response',
    `GitHub API pointed the gate at another host (${target.host}); the token is sent only to ${new URL(context.origin).host}`,
  );
}

/** What plugin-retry retries: 5xx and dropped connections (which @octokit/request reports as 500), 429. */
function willRetry(error: RequestErrorLike): boolean {
  return error.status >= 500 || error.status === 429;
}

const GateOctokit = Octokit.plugin(attemptCounter, retry, throttling, paginateRest);
export type GitHubOctokit = InstanceType<typeof GateOctokit>;

export function createOctokit(options: OctokitOptions): GitHubOctokit {
  const apiUrl = parseApiUrl(options.apiUrl ?? DEFAULT_GITHUB_API_URL);
  const baseUrl = apiUrl.href.replace(/\/+$/, '');
  const retries = options.retries ?? DEFAULT_RETRIES;
  const waitUnitMs = options.waitUnitMs ?? 1000;
  const maxWaitS = options.maxWaitS ?? DEFAULT_MAX_WAIT_S;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const secrets = secretsOf(options.auth);

  const limitHandler =
    (kind: string) =>
    (
      retryAfter: number,
      endpoint: { method: string; url: string },
      _octokit: unknown,
      retryCount: number,
    ) => {
      // Waiting less than GitHub asks only spends another attempt on the same refusal.
      if (retryCount >= retries || retryAfter > maxWaitS) return false;
      options.onRetry?.(
        `GitHub API ${describeCall(octokit.request.endpoint.parse(endpoint as never), apiUrl.pathname)} hit the ${kind}; waiting ${retryAfter} s as GitHub asks (retry ${retryCount + 1} of ${retries})`,
      );
      return true;
    };

  const octokit = new GateOctokit({
    baseUrl,
    userAgent: options.userAgent ?? `supply-chain-gate/${VERSION}`,
    ...('token' in options.auth
      ? { auth: options.auth.token || undefined }
      : { authStrategy: createAppAuth, auth: { ...options.auth.app } }),
    request: {
      fetch: wholeAnswerFetch(options.fetch ?? proxyAwareFetch(), timeoutMs),
    },
    onRetry: options.onRetry,
    retries,
    retry: { retries, retryAfterBaseValue: waitUnitMs },
    throttle: {
      retryAfterBaseValue: waitUnitMs,
      // Groups of this client's own: the plugin's shared defaults would space every write a
      // second apart (GitHub's advice for bulk writes); the gate writes a handful per run, one at
      // a time, and waits only when GitHub says so.
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
      onRateLimit: limitHandler('rate limit'),
      onSecondaryRateLimit: limitHandler('secondary rate limit'),
    },
    // Octokit's own notes (deprecations, a failed limit handler) go where the retries go; the
    // debug and info chatter goes nowhere.
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: (message: string) => options.onRetry?.(redact(String(message), secrets)),
      error: (message: string) => options.onRetry?.(redact(String(message), secrets)),
    },
  });
  contexts.set(octokit, { origin: apiUrl.origin, basePath: apiUrl.pathname.replace(/\/+$/, ''), secrets });
  return octokit;
}

/**
 * fetch for Octokit: stops waiting after `timeoutMs`, and reads the answer whole, so a body that breaks off
 * is a network error (retried) rather than text Octokit would hand over as if it were the answer.
 */
function wholeAnswerFetch(inner: typeof fetch, timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const signal = AbortSignal.timeout(timeoutMs);
    const noAnswer = () =>
      Object.assign(new Error(`no answer within ${timeoutMs / 1000} s`), { name: 'NoAnswer' });
    let response: Response;
    try {
      response = await inner(url, { ...init, signal: init?.signal ?? signal });
    } catch (error) {
      throw signal.aborted ? noAnswer() : error;
    }
    if (Number(response.headers.get('content-length') ?? 0) > MAX_ANSWER_BYTES) {
      await response.body?.cancel();
      throw new VerificationError(
        'github-unexpected-response',
        `GitHub API answered ${url.pathname} with more than ${MAX_ANSWER_BYTES} bytes; is ${url.origin} a GitHub REST API?`,
      );
    }
    let body: ArrayBuffer | null = null;
    if (response.body && !NULL_BODY_STATUSES.has(response.status)) {
      try {
        body = await response.arrayBuffer();
      } catch (error) {
        if (signal.aborted) throw noAnswer();
        throw Object.assign(new Error(`the answer broke off (${networkReason(error)})`), {
          name: 'ResponseCutShort',
          cause: error,
        });
      }
    }
    const whole = new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    // Pagination reads the answer's URL; a constructed Response has none of its own.
    Object.defineProperty(whole, 'url', { value: response.url || url.href });
    return whole;
  };
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * Runs one call and turns what went wrong into a GateError that says what to change: the
 * permission to add, the token to renew, the rate limit's reset; never the token itself.
 */
export async function githubCall<T>(
  octokit: GitHubOctokit,
  call: CallPermission,
  send: () => Promise<T>,
): Promise<T> {
  try {
    return await send();
  } catch (error) {
    throw toGateError(octokit, error, call);
  }
}

export function toGateError(octokit: GitHubOctokit, error: unknown, call: CallPermission): GateError {
  const context = contexts.get(octokit) ?? { basePath: '', secrets: [] };
  const gateError = describeFailure(error, call, context.basePath);
  const clean = redact(gateError.message, context.secrets);
  if (clean === gateError.message) return gateError;
  // Should GitHub ever echo the token, it is cut out before the message goes anywhere.
  // A new error of the same class (the stack of the old one holds its message); each class keeps
  // its own codes.
  if (gateError instanceof ConfigurationError) return new ConfigurationError(gateError.code, clean);
  if (gateError instanceof InternalError) return new InternalError(gateError.code, clean);
  if (gateError instanceof VerificationError) return new VerificationError(gateError.code, clean);
  // GateError has no other subclasses; should one appear, it is still a failed GitHub call, and
  // still leaves with the redacted message only.
  return new VerificationError('github-request-failed', clean);
}

function describeFailure(error: unknown, call: CallPermission, basePath: string): GateError {
  if (error instanceof GateError) return error;
  if (!isRequestError(error)) {
    return new VerificationError('github-request-failed', `GitHub API call failed: ${networkReason(error)}`, {
      cause: error,
    });
  }
  const attempts = errorAttempts.get(error) ?? 1;
  const what = `GitHub API ${describeCall(error.request, basePath)}`;
  if (error.response === undefined) {
    // No answer: refused, reset, timed out, or cut short while the body arrived.
    const cause = isRecord(error.cause) ? error.cause : {};
    const tries = attempts > 1 ? `, ${attempts} attempts` : '';
    if (cause.name === 'ResponseCutShort') {
      return new VerificationError(
        'github-unreachable',
        `${what}: the connection broke before the whole answer arrived (${networkReason(cause.cause)}${tries}); re-run the job`,
        { cause: error },
      );
    }
    return new VerificationError(
      'github-unreachable',
      `cannot reach the GitHub API at ${apiOrigin(error.request)} (${networkReason(error)}${tries}); check the API URL and that this runner can reach it`,
      { cause: error },
    );
  }
  const status = error.status;
  const message = githubMessage(error);
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  const full = `${what} returned ${status}${message ? ` (${message})` : ''}${tries}`;
  if (status === 401) {
    return new ConfigurationError(
      'github-unauthorized',
      `${full}: the GitHub token is missing, expired or revoked; pass a valid token`,
    );
  }
  // GitHub answers a spent rate limit with 403 too; telling the user to add a permission would mislead.
  if (status === 429 || (status === 403 && isRateLimited(error, message))) {
    const reset = Number(error.response.headers['x-ratelimit-reset']);
    const when =
      Number.isFinite(reset) && reset > 0 ? ` (it resets at ${new Date(reset * 1000).toISOString()})` : '';
    return new VerificationError(
      'github-rate-limited',
      `${full}: the token's API rate limit is spent${when}; re-run the job later`,
    );
  }
  if (status === 403 || (status === 404 && call.notFoundMeansForbidden)) {
    return new ConfigurationError(
      'github-forbidden',
      `${full}: the token may not do this; add "${call.permission}" to the job's "permissions:"`,
    );
  }
  return new VerificationError('github-request-failed', full);
}

/** `status`, `response` and `request` as @octokit/request-error has them; duck-typed across realms. */
export interface RequestErrorLike {
  name: string;
  status: number;
  message: string;
  cause?: unknown;
  request: { method: string; url: string; headers?: Record<string, unknown> };
  response?: { status: number; headers: Record<string, string | undefined>; data: unknown };
}

export function isRequestError(error: unknown): error is RequestErrorLike {
  return (
    isRecord(error) &&
    error.name === 'HttpError' &&
    typeof error.status === 'number' &&
    isRecord(error.request) &&
    typeof error.request.url === 'string'
  );
}

/** `POST /repos/acme/app/check-runs`: the path under the API URL, without the query. */
function describeCall(request: { method: string; url: string }, basePath = ''): string {
  let path = request.url;
  try {
    path = new URL(request.url).pathname;
    // The API URL's own path (`/api/v3`) is not part of the call's name.
    const base = basePath.replace(/\/+$/, '');
    if (base && path.startsWith(`${base}/`)) path = path.slice(base.length);
  } catch {
    // A route template (`/repos/{owner}/…`) before it is expanded: name it as it is.
    path = request.url.replace(/\?.*$/, '');
  }
  // `sha256:…` reads as GitHub documents it, whether or not the colon was escaped.
  return `${request.method} ${path.replace(/%3A/gi, ':')}`;
}

function apiOrigin(request: { url: string }): string {
  try {
    const url = new URL(request.url);
    return url.origin;
  } catch {
    return request.url;
  }
}

function failureReason(error: RequestErrorLike): string {
  return error.response ? `answered ${error.status}` : `could not be reached (${networkReason(error)})`;
}

/** GitHub's `message`, one short line. */
function githubMessage(error: RequestErrorLike): string {
  const data = error.response?.data;
  const message =
    isRecord(data) && typeof data.message === 'string' ? data.message : (STATUS_TEXT[error.status] ?? '');
  return message.replace(/\s+/g, ' ').trim().slice(0, MAX_DETAIL_LENGTH);
}

const STATUS_TEXT: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function isRateLimited(error: RequestErrorLike, message: string): boolean {
  return error.response?.headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(message);
}

/** The code or message of what broke the connection; fetch hides it in `cause`. */
export function networkReason(error: unknown): string {
  let cause: unknown = error;
  // RequestError → fetch's TypeError → the socket's error: the innermost says most.
  while (isRecord(cause) && isRecord(cause.cause)) cause = cause.cause;
  if (isRecord(cause) && typeof cause.code === 'string') return cause.code;
  const message = isRecord(cause) && typeof cause.message === 'string' ? cause.message : String(cause);
  return message.replace(/\s+/g, ' ').slice(0, 120);
}

/** Real tokens are 40 characters and more; a test's one-letter token is no secret to cut out. */
function secretsOf(auth: GitHubAuth): string[] {
  return 'token' in auth && auth.token.length >= 8 ? [auth.token] : [];
}

function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => out.split(secret).join('***'), text);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
