/**
 * The one HTTP transport to an OCI registry, for reads (`../registry.ts`) and writes
 * (`../referrer-push.ts`): the repository's URLs, redirects followed by hand (credentials never
 * follow one to another origin, plain http only to loopback), a timeout per request, the auth
 * challenge answered once for every request that met it (basic, or a token from the realm with
 * the scope this transport is for), and ONE retry policy: 429, 5xx, a reset or dropped
 * connection, a body cut short or no answer in time are tried again (0.5 s, 1 s, 2 s, 4 s;
 * `Retry-After` honoured up to 15 s, a longer wait is not started) within a budget per
 * transport counted from its first failure, so a registry that is down ends the run in about a
 * minute whatever the number of parallel requests. A refused connection or an unknown host is
 * not retried (the reference is wrong), nor is an answer (404, 401, a digest that does not match).
 */
import { GateError, VerificationError } from '../../errors.js';
import { proxyAwareFetch } from '../http/proxy-fetch.js';
import { DOCKER_HUB_REGISTRY, isLoopbackHost } from '../../model/image-reference.js';
import { blobTooLarge, parseJsonObject, readBounded } from '../oci/image-store.js';
import { formatWait, retryAfterMs } from '../http/retry-after.js';

export interface RegistryCredentials {
  username: string;
  password: string;
}

/** Credentials chosen for a registry, and how to name them in an error without showing them. */
export interface CredentialChoice {
  credentials?: RegistryCredentials;
  description: string;
}

export interface RetryPolicy {
  /** Attempts after the first. */
  maxRetries: number;
  /** The first backoff; it doubles with each retry. */
  baseDelayMs: number;
  /** No single wait is longer than this, whatever a header asks. */
  maxDelayMs: number;
  /** Waits and attempts together stop here: the step must end. */
  budgetMs: number;
}

export const DEFAULT_REGISTRY_RETRY_POLICY: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 15_000,
  budgetMs: 60_000,
};

/** The transport's part of the registry client's options. */
export interface TransportOptions {
  /** Defaults to fetch through the proxy the environment names (`env`). */
  fetch?: typeof fetch;
  env?: Readonly<Record<string, string | undefined>>;
  /** Per request, body included. */
  timeoutMs?: number;
  /** Retries of failed requests; `budgetMs` counts from the transport's first failure. */
  retry?: Partial<RetryPolicy>;
  /** Told before each retry, with what went wrong and how long the wait is: for the log. */
  onRetry?(message: string): void;
  /** The wait between retries and the clock; tests pass short or virtual ones. */
  sleep?(ms: number): Promise<void>;
  clock?(): number;
}

export interface TransportSetup {
  registry: string;
  repository: string;
  /** The token scope's actions: `pull` for reads, `pull,push` for writes. */
  actions: 'pull' | 'pull,push';
  /** The credentials to answer a challenge with (explicit, docker config, GitHub token…). */
  credentials(): Promise<CredentialChoice>;
  /** The error for a registry that refused us (`answer` says how), naming the credentials tried. */
  refused(answer: string): Promise<GateError>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 5;
const MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024;
const MAX_ERROR_BODY_BYTES = 64 * 1024;
/** fetch's codes for a connection that broke or stalled, which a new connection may not. */
const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** A request that failed in a way another attempt may not: the registry was busy or the connection broke. */
export class TransientRegistryError extends VerificationError<'registry-error' | 'registry-unreachable'> {
  constructor(
    code: 'registry-error' | 'registry-unreachable',
    message: string,
    /** What the registry asked for in `Retry-After`. */
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}

/** Docker Hub's name in references is not the host that serves its API. */
export function registryApiHost(registry: string): string {
  return registry === DOCKER_HUB_REGISTRY ? 'registry-1.docker.io' : registry;
}

export interface Challenge {
  scheme: string;
  params: Map<string, string>;
}

/** `Bearer realm="https://…",service="…",scope="…"` → scheme and parameters. */
export function parseChallenge(header: string | null): Challenge | undefined {
  const match = header ? /^\s*([A-Za-z]+)\s*(.*)$/.exec(header) : null;
  if (!match) return undefined;
  const params = new Map<string, string>();
  for (const param of (match[2] ?? '').matchAll(/([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g)) {
    params.set((param[1] ?? '').toLowerCase(), (param[2] ?? param[3] ?? '').replace(/\\(.)/g, '$1'));
  }
  return { scheme: (match[1] ?? '').toLowerCase(), params };
}

export function basicAuthorization({ username, password }: RegistryCredentials): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/** Credentials may travel with a request, so plain HTTP is allowed only to this machine. */
export function assertTransportAllowed(url: URL, what: string): void {
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.host))) return;
  throw new VerificationError(
    'insecure-registry-transport',
    `${what} points at ${url.protocol}//${url.host}; the gate uses plain HTTP only for loopback hosts and HTTPS everywhere else`,
  );
}

export class RegistryTransport {
  readonly registry: string;
  readonly repository: string;
  /** `https://HOST` (plain http only where nobody can listen in: a registry on this machine). */
  readonly origin: string;
  /** `ORIGIN/v2/REPOSITORY` */
  readonly location: string;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly retryPolicy: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  readonly clock: () => number;
  /** When retrying stops for every request of this transport: set by its first failure. */
  private retryDeadline?: number;
  /** The header that answered the last challenge, kept for the rest of the run. */
  private authorization?: string;
  /** The challenge answer in progress, shared by every request that was refused with the same header. */
  private renewal?: { refused: string | undefined; answer: Promise<string> };

  constructor(
    private readonly setup: TransportSetup,
    private readonly options: TransportOptions = {},
  ) {
    this.registry = setup.registry;
    this.repository = setup.repository;
    const host = registryApiHost(setup.registry);
    this.origin = `${isLoopbackHost(host) ? 'http' : 'https'}://${host}`;
    this.location = `${this.origin}/v2/${setup.repository}`;
    // Through HTTPS_PROXY/HTTP_PROXY unless NO_PROXY names the registry, like docker and skopeo.
    this.fetch = options.fetch ?? proxyAwareFetch(options.env ?? process.env);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retryPolicy = { ...DEFAULT_REGISTRY_RETRY_POLICY, ...options.retry };
    this.sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
    this.clock = options.clock ?? Date.now;
  }

  /**
   * One operation, tried again while it fails transiently, the attempts allow and the budget
   * lasts. Other failures (404, 401, a digest that does not match) are answers, not accidents.
   */
  async retrying<T>(operation: () => Promise<T>): Promise<T> {
    const policy = this.retryPolicy;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await operation();
      } catch (error) {
        if (!(error instanceof TransientRegistryError)) throw error;
        const now = this.clock();
        this.retryDeadline ??= now + policy.budgetMs;
        const asked = error.retryAfterMs;
        const wait = Math.min(asked ?? policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
        const refusal =
          attempt > policy.maxRetries
            ? `gave up after ${attempt} attempts`
            : asked !== undefined && asked > policy.maxDelayMs
              ? `the registry asked to wait ${formatWait(asked)}, more than the ${formatWait(policy.maxDelayMs)} the gate waits`
              : now + wait > this.retryDeadline
                ? `gave up after ${attempt} attempt(s): the ${formatWait(policy.budgetMs)} retry budget for ${this.registry} is spent`
                : undefined;
        if (refusal !== undefined) {
          throw new VerificationError(error.code, `${error.message} (${refusal}); retry the job later`, {
            cause: error,
          });
        }
        this.options.onRetry?.(
          `${error.message}; retrying in ${formatWait(wait)} (attempt ${attempt + 1} of ${policy.maxRetries + 1})`,
        );
        await this.sleep(wait);
      }
    }
  }

  /**
   * One request under this repository, answering at most one authentication challenge; a 401 or
   * 403 after that is the registry's refusal, thrown as `setup.refused` says.
   */
  async request(
    method: string,
    url: URL,
    headers: Record<string, string>,
    body?: Uint8Array,
  ): Promise<Response> {
    const sentWith = this.authorization;
    const response = await this.send(method, url, this.withAuthorization(headers, sentWith), body);
    if (response.status !== 401) return this.refuseForbidden(response);
    const challenge = parseChallenge(response.headers.get('www-authenticate'));
    await discard(response);
    const renewed = await this.renewAuthorization(sentWith, challenge);
    return this.refuseForbidden(await this.send(method, url, this.withAuthorization(headers, renewed), body));
  }

  /** A 429 or 5xx as a transient error (with its Retry-After), anything else not ok as final. */
  async expectSuccess(response: Response, what: string): Promise<void> {
    if (response.ok) return;
    const detail = await registryErrorDetail(response);
    const hint =
      response.status === 429
        ? '; the registry is rate limiting: log in to raise the limit or retry later'
        : '';
    const message = `registry ${this.registry} answered ${`${response.status} ${response.statusText}`.trim()} for ${what}${detail}${hint}`;
    if (response.status === 429 || response.status >= 500) {
      // An HTTP date is read against the transport's clock, the one the retry budget is counted on.
      throw new TransientRegistryError('registry-error', message, retryAfterMs(response, this.clock()));
    }
    throw new VerificationError('registry-error', message);
  }

  /** The whole body, up to `maxBytes`; a body that breaks off is transient. */
  async readBody(response: Response, maxBytes: number, tooLarge: () => Error): Promise<Uint8Array> {
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      await discard(response);
      throw tooLarge();
    }
    if (!response.body) return new Uint8Array();
    try {
      return await readBounded(response.body, maxBytes, tooLarge);
    } catch (error) {
      if (error instanceof GateError) throw error;
      const host = new URL(response.url || this.location).host;
      throw new TransientRegistryError(
        'registry-unreachable',
        `the connection to ${host} broke before the whole answer arrived (${errorCode(error)})`,
        undefined,
        { cause: error },
      );
    }
  }

  /** The Link header's next page, on the registry's own origin only: credentials go with it. */
  nextPage(response: Response, current: URL): URL | undefined {
    const target = /<([^>]+)>\s*;\s*rel="?next"?/.exec(response.headers.get('link') ?? '')?.[1];
    if (target === undefined) return undefined;
    const next = new URL(target, current);
    if (next.origin !== current.origin) {
      throw new VerificationError(
        'registry-error',
        `registry ${this.registry} pointed its next page at another host (${next.host}); refusing to follow`,
      );
    }
    return next;
  }

  /** A URL the registry gave (an upload location), held to its origin: credentials go there. */
  sameOrigin(location: string, what: string): URL {
    const url = new URL(location, this.origin);
    if (url.origin !== this.origin) {
      throw new VerificationError(
        'registry-error',
        `registry ${this.registry} sent ${what} to another host (${url.host}); refusing to follow`,
      );
    }
    return url;
  }

  private withAuthorization(headers: Record<string, string>, authorization: string | undefined) {
    return { ...headers, ...(authorization ? { authorization } : {}) };
  }

  /**
   * Requests sent in parallel are refused together; they share one answer to the challenge, so
   * discovery's burst of lookups costs one token request, not one each.
   */
  private renewAuthorization(refused: string | undefined, challenge: Challenge | undefined): Promise<string> {
    if (this.renewal === undefined || this.renewal.refused !== refused) {
      const renewal: { refused: string | undefined; answer: Promise<string> } = {
        refused,
        answer: this.answerChallenge(challenge).then(
          (authorization) => {
            this.authorization = authorization;
            return authorization;
          },
          (error: unknown) => {
            // A failed answer (a token service that was busy) is not kept: a retry asks again.
            if (this.renewal === renewal) this.renewal = undefined;
            throw error;
          },
        ),
      };
      this.renewal = renewal;
    }
    return this.renewal.answer;
  }

  private async refuseForbidden(response: Response): Promise<Response> {
    if (response.status !== 401 && response.status !== 403) return response;
    await discard(response);
    throw await this.setup.refused(`${response.status} ${response.statusText}`.trim());
  }

  private async answerChallenge(challenge: Challenge | undefined): Promise<string> {
    const choice = await this.setup.credentials();
    if (challenge?.scheme === 'basic' && choice.credentials) return basicAuthorization(choice.credentials);
    if (challenge?.scheme === 'bearer') return `Bearer ${await this.fetchToken(challenge, choice)}`;
    throw await this.setup.refused(
      challenge ? `401, ${challenge.scheme} challenge` : '401 without a challenge',
    );
  }

  /** The token flow of https://distribution.github.io/distribution/spec/auth/token/. */
  private async fetchToken(challenge: Challenge, choice: CredentialChoice): Promise<string> {
    const realm = challenge.params.get('realm');
    let url: URL;
    try {
      url = new URL(realm ?? '');
    } catch {
      throw new VerificationError(
        'registry-error',
        `registry ${this.registry} asked for a bearer token without a valid realm URL; it is misconfigured`,
      );
    }
    assertTransportAllowed(url, `token service of ${this.registry}`);
    const service = challenge.params.get('service');
    if (service !== undefined) url.searchParams.set('service', service);
    url.searchParams.set('scope', `repository:${this.repository}:${this.setup.actions}`);

    const headers: Record<string, string> = { accept: 'application/json' };
    if (choice.credentials) headers.authorization = basicAuthorization(choice.credentials);
    const response = await this.send('GET', url, headers);
    if (response.status === 401 || response.status === 403) {
      await discard(response);
      throw await this.setup.refused(`token service ${url.host} answered ${response.status}`);
    }
    const what = `the token from ${url.host}`;
    await this.expectSuccess(response, what);
    const body = parseJsonObject(
      await this.readBody(response, MAX_TOKEN_RESPONSE_BYTES, () =>
        blobTooLarge(what, MAX_TOKEN_RESPONSE_BYTES),
      ),
      what,
    );
    const token = typeof body.token === 'string' && body.token ? body.token : body.access_token;
    if (typeof token !== 'string' || token.length === 0) {
      throw new VerificationError(
        'registry-error',
        `${what} has neither a "token" nor an "access_token" field`,
      );
    }
    return token;
  }

  /** One request, following redirects ourselves so credentials never follow one to another origin. */
  private async send(
    method: string,
    start: URL,
    headers: Record<string, string>,
    body?: Uint8Array,
  ): Promise<Response> {
    let url = start;
    const current = { ...headers };
    for (let redirects = 0; ; redirects++) {
      let response: Response;
      try {
        response = await this.fetch(url, {
          method,
          headers: current,
          ...(body ? { body } : {}),
          redirect: 'manual',
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        throw this.unreachable(url, error);
      }
      if (![301, 302, 303, 307, 308].includes(response.status)) return response;
      const location = response.headers.get('location');
      await discard(response);
      if (location === null || redirects === MAX_REDIRECTS) {
        throw new VerificationError(
          'registry-error',
          `${url.host} answered ${response.status} with ${location === null ? 'no Location header' : `more than ${MAX_REDIRECTS} redirects`}`,
        );
      }
      const next = new URL(location, url);
      assertTransportAllowed(next, `a redirect from ${url.host}`);
      if (next.origin !== url.origin) delete current.authorization;
      url = next;
    }
  }

  private unreachable(url: URL, error: unknown): GateError {
    if (error instanceof GateError) return error;
    const timedOut = isRecord(error) && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const code = errorCode(error);
    const reason = timedOut ? `no answer within ${this.timeoutMs / 1000} s` : code;
    const message = `cannot reach ${url.host} (${reason}); check the registry host in the image reference and that it is up and reachable from this runner`;
    return timedOut || TRANSIENT_NETWORK_CODES.has(code)
      ? new TransientRegistryError('registry-unreachable', message, undefined, { cause: error })
      : new VerificationError('registry-unreachable', message, { cause: error });
  }
}

/** The first entry of distribution's `{"errors":[{"code","message"}]}` body, as one short line. */
async function registryErrorDetail(response: Response): Promise<string> {
  if (!response.body) return '';
  try {
    const bytes = await readBounded(response.body, MAX_ERROR_BODY_BYTES, () => new Error('too large'));
    const body = JSON.parse(new TextDecoder().decode(bytes)) as {
      errors?: Array<{ code?: unknown; message?: unknown }>;
    };
    const first = body.errors?.[0];
    if (!first) return '';
    const text = [first.code, first.message].filter((part) => typeof part === 'string').join(': ');
    return text ? ` (${text.replace(/\s+/g, ' ').slice(0, 200)})` : '';
  } catch {
    return '';
  }
}

export async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/**
 * `ECONNREFUSED`, `ENOTFOUND`, a TLS error code…: fetch hides it in `cause`. Duck-typed, because
 * errors from Node's fetch may come from another realm (a test VM), where `instanceof Error` fails.
 */
export function errorCode(error: unknown): string {
  const cause = isRecord(error) && isRecord(error.cause) ? error.cause : error;
  if (isRecord(cause) && typeof cause.code === 'string') return cause.code;
  if (isRecord(cause) && typeof cause.message === 'string')
    return cause.message.replace(/\s+/g, ' ').slice(0, 120);
  return 'unknown error';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
