/**
 * A read-only OCI distribution client: manifests and blobs of one repository, with the
 * authentication users meet in practice (anonymous, basic, and the bearer-token challenge of Docker
 * Hub, GHCR and distribution's token auth). Credentials and tokens never reach an error message.
 *
 * Every read is a GET, so one that failed in a way trying again can cure (429, 5xx, a connection
 * reset or cut short, no answer in time) is tried again after `Retry-After` or a doubling backoff,
 * within one time budget for the whole store: a registry that is down ends the run in about a
 * minute, and the run fails closed. A refused connection or an unknown host is not retried: the
 * reference names the wrong place.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, GateError, VerificationError } from '../errors.js';
import { DOCKER_HUB_REGISTRY, isLoopbackHost, type ImageReference } from './image-reference.js';
import {
  DEFAULT_TAG,
  MANIFEST_MEDIA_TYPES,
  MAX_MANIFEST_BYTES,
  OCI_INDEX_MEDIA_TYPE,
  assertSha256Digest,
  blobTooLarge,
  manifestTooLarge,
  parseJsonObject,
  parseManifestDocument,
  readBounded,
  sha256Digest,
  verifyDigest,
  type ImageStore,
  type ManifestDocument,
  type ReferrerListing,
} from './image-store.js';
import { formatWait, retryAfterMs } from './retry-after.js';
import { configuredHelper, describeHelper, getHelperCredentials } from './docker-credentials.js';
import { proxyAwareFetch } from './http/proxy-fetch.js';

export interface RegistryCredentials {
  username: string;
  password: string;
}

export interface RegistryOptions {
  /** Used before anything else. */
  credentials?: RegistryCredentials;
  /** Used for ghcr.io when neither explicit credentials nor a docker config entry exist. */
  githubToken?: string;
  /** Where `DOCKER_CONFIG` is read from; defaults to `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Where `~/.docker/config.json` is looked for when `DOCKER_CONFIG` is unset; defaults to the user's home. */
  homeDir?: string;
  /** Called with each secret a docker credential helper returns, before it is used (core.setSecret). */
  maskSecret?(secret: string): void;
  /** How long a docker credential helper may take; default 30 s. */
  credentialHelperTimeoutMs?: number;
  /** Defaults to the global fetch; tests pass one that goes through a proxy. */
  fetch?: typeof fetch;
  /** Where `docker.io` references are read: `https://registry-1.docker.io` unless a test points it at a loopback stand-in. */
  dockerHubUrl?: string;
  /** Per request, body included. */
  timeoutMs?: number;
  /** Retries of failed reads; `budgetMs` counts from the store's first failure. */
  retry?: Partial<RetryPolicy>;
  /** Told before each retry, with what went wrong and how long the wait is: for the log. */
  onRetry?(message: string): void;
  /** The wait between retries and the clock; tests pass short or virtual ones. */
  sleep?(ms: number): Promise<void>;
  clock?(): number;
  /** Tags asked for per page of the tags list (default 1000); the registry may answer fewer. */
  tagsPageSize?: number;
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

/** Credentials chosen for a registry, and how to name them in an error without showing them. */
export interface CredentialChoice {
  credentials?: RegistryCredentials;
  /** A credential helper's identity token (its username `<token>`): an OAuth2 refresh token. */
  identityToken?: string;
  description: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 5;
const MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024;
const MAX_ERROR_BODY_BYTES = 64 * 1024;
const DOCKER_HUB_CONFIG_KEYS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
const GITHUB_CONTAINER_REGISTRY = 'ghcr.io';
/** Pages of referrers stop here: each costs a manifest read, and more is refused, not truncated. */
const MAX_REFERRERS_LISTED = 1000;
/** Tags asked for per page of the tags list; registries may answer fewer and link the rest. */
const TAGS_PAGE_SIZE = 1000;
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

/** A read that failed in a way another attempt may not: the registry was busy or the connection broke. */
class TransientRegistryError extends VerificationError<'registry-error' | 'registry-unreachable'> {
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

/** `https://host` of the registry's API; plain HTTP only where nobody can listen in: this machine. */
export function registryOrigin(registry: string, options: Pick<RegistryOptions, 'dockerHubUrl'>): string {
  if (registry === DOCKER_HUB_REGISTRY && options.dockerHubUrl !== undefined) {
    const url = new URL(options.dockerHubUrl);
    assertTransportAllowed(url, 'the Docker Hub URL');
    return url.origin;
  }
  const host = registryApiHost(registry);
  return `${isLoopbackHost(host) ? 'http' : 'https'}://${host}`;
}

export class RegistryStore implements ImageStore {
  readonly kind = 'registry';
  readonly location: string;
  private readonly origin: string;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly retryPolicy: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly clock: () => number;
  /** When retrying stops for every read of this store: set by its first failure. */
  private retryDeadline?: number;
  private credentialChoice?: Promise<CredentialChoice>;
  /**
   * One store reads one repository, so it only ever needs the pull scope for it: the header that
   * answered the last challenge is kept for the rest of the run and renewed if it stops working.
   */
  private authorization?: string;
  /** The challenge answer in progress, shared by every request that was refused with the same header. */
  private renewal?: { refused: string | undefined; answer: Promise<string> };

  constructor(
    private readonly registry: string,
    private readonly repository: string,
    private readonly options: RegistryOptions = {},
  ) {
    this.origin = registryOrigin(registry, options);
    this.location = `${this.origin}/v2/${repository}`;
    // Through HTTPS_PROXY/HTTP_PROXY unless NO_PROXY names the registry, like docker and skopeo.
    this.fetch = options.fetch ?? proxyAwareFetch(options.env ?? process.env);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retryPolicy = { ...DEFAULT_REGISTRY_RETRY_POLICY, ...options.retry };
    this.sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
    this.clock = options.clock ?? Date.now;
  }

  async resolve(reference: ImageReference): Promise<ManifestDocument> {
    const { digest, tag } = reference;
    if (digest === undefined) return this.fetchManifest(tag ?? DEFAULT_TAG, 'named by the user');
    assertSha256Digest(digest, `the reference to ${this.name()}`);
    return this.fetchManifest(digest, 'named by the user');
  }

  async getManifest(digest: string): Promise<ManifestDocument> {
    assertSha256Digest(digest, `a manifest requested from ${this.name()}`);
    return this.fetchManifest(digest, 'referenced by other content');
  }

  findTag(tag: string): Promise<ManifestDocument | undefined> {
    return this.retrying(() => this.tryFetchManifest(tag));
  }

  /**
   * Every tag of the repository, page after page (the distribution API's `n` and `Link`), stopping
   * with an error past `maxTags` so a repository with endless tags cannot hold the run.
   */
  async listTags(maxTags: number): Promise<string[]> {
    return this.retrying(() => this.listTagsOnce(maxTags));
  }

  private async listTagsOnce(maxTags: number): Promise<string[]> {
    const what = `the tags of ${this.name()}`;
    const tags: string[] = [];
    const first = new URL(`${this.location}/tags/list`);
    first.searchParams.set('n', String(this.options.tagsPageSize ?? TAGS_PAGE_SIZE));
    for (let page: URL | undefined = first; page;) {
      const response = await this.get(page, 'application/json');
      if (response.status === 404) {
        await discard(response);
        throw new ConfigurationError(
          'repository-not-found',
          `${what} could not be listed: registry ${this.registry} has no repository ${this.repository}`,
        );
      }
      await this.expectSuccess(response, what);
      const body = parseJsonObject(
        await this.readBody(response, MAX_MANIFEST_BYTES, () => manifestTooLarge(what)),
        what,
      );
      // distribution answers `"tags": null` for a repository whose tags were all deleted.
      const listed = body.tags ?? [];
      if (!Array.isArray(listed) || !listed.every((tag) => typeof tag === 'string')) {
        throw new VerificationError('registry-error', `${what}: the answer's "tags" is not a list of names`);
      }
      tags.push(...listed);
      if (tags.length > maxTags) {
        throw new VerificationError(
          'too-many-tags',
          `${what}: more than ${maxTags} tags; name the tags to watch more narrowly`,
        );
      }
      page = this.nextPage(response, page);
    }
    return tags;
  }

  manifestUri(digestOrTag: string): string {
    return `${this.location}/manifests/${digestOrTag}`;
  }

  /**
   * The OCI 1.1 referrers API, every page. A 404, or an answer that is not an image index, means
   * the registry does not implement it (distribution 2.8, GHCR); oras and cosign read it that way too.
   */
  async listReferrers(digest: string): Promise<ReferrerListing> {
    assertSha256Digest(digest, `a referrers request to ${this.name()}`);
    return this.retrying(() => this.listReferrersOnce(digest));
  }

  private async listReferrersOnce(digest: string): Promise<ReferrerListing> {
    const first = new URL(`${this.location}/referrers/${digest}`);
    const what = `the referrers of ${this.name()}@${digest}`;
    const digests: string[] = [];
    for (let page: URL | undefined = first; page;) {
      const response = await this.get(page, OCI_INDEX_MEDIA_TYPE);
      const contentType = response.headers.get('content-type')?.split(';')[0]?.trim();
      if (response.status === 404 || (response.ok && contentType !== OCI_INDEX_MEDIA_TYPE)) {
        await discard(response);
        if (page !== first) {
          throw new VerificationError(
            'registry-error',
            `registry ${this.registry} stopped answering ${what} part way through its pages`,
          );
        }
        return { supported: false, uri: first.href };
      }
      await this.expectSuccess(response, what);
      const index = parseJsonObject(
        await this.readBody(response, MAX_MANIFEST_BYTES, () => manifestTooLarge(what)),
        what,
      );
      if (!Array.isArray(index.manifests)) {
        throw new VerificationError('invalid-manifest', `${what}: the answer has no "manifests" array`);
      }
      for (const [position, descriptor] of index.manifests.entries()) {
        const referrer = isRecord(descriptor) ? descriptor.digest : undefined;
        if (typeof referrer !== 'string') {
          throw new VerificationError(
            'invalid-manifest',
            `${what}: manifests[${position}] is not a descriptor with a digest`,
          );
        }
        digests.push(referrer);
      }
      if (digests.length > MAX_REFERRERS_LISTED) {
        throw new VerificationError(
          'too-many-referrers',
          `${what}: more than ${MAX_REFERRERS_LISTED} referrers; the gate will not read that many manifests`,
        );
      }
      page = this.nextPage(response, page);
    }
    return { supported: true, uri: first.href, digests };
  }

  async getBlob(digest: string, maxBytes: number): Promise<Uint8Array> {
    assertSha256Digest(digest, `a blob requested from ${this.name()}`);
    return this.retrying(() => this.getBlobOnce(digest, maxBytes));
  }

  private async getBlobOnce(digest: string, maxBytes: number): Promise<Uint8Array> {
    const what = `blob ${digest} of ${this.name()}`;
    const response = await this.get(new URL(`${this.location}/blobs/${digest}`), '*/*');
    if (response.status === 404) {
      await discard(response);
      throw new VerificationError(
        'blob-not-found',
        `${what} was not found: the registry lost content the image refers to`,
      );
    }
    await this.expectSuccess(response, what);
    const bytes = await this.readBody(response, maxBytes, () => blobTooLarge(what, maxBytes));
    verifyDigest(bytes, digest, what);
    return bytes;
  }

  /**
   * A missing manifest the user named is their mistake to fix (a wrong tag, an image not pushed);
   * one that other content points at means the registry is inconsistent.
   */
  private async fetchManifest(
    tagOrDigest: string,
    origin: 'named by the user' | 'referenced by other content',
  ): Promise<ManifestDocument> {
    const manifest = await this.retrying(() => this.tryFetchManifest(tagOrDigest));
    if (manifest) return manifest;
    const byDigest = tagOrDigest.startsWith('sha256:');
    const message = `${this.manifestName(tagOrDigest)} was not found: check the ${byDigest ? 'digest' : 'tag'} and that the image was pushed to ${this.registry}`;
    throw origin === 'named by the user'
      ? new ConfigurationError('manifest-not-found', message)
      : new VerificationError('manifest-not-found', message);
  }

  private manifestName(tagOrDigest: string): string {
    return `manifest ${this.name()}${tagOrDigest.startsWith('sha256:') ? '@' : ':'}${tagOrDigest}`;
  }

  /** The manifest, or undefined when the registry has none by that tag or digest. */
  private async tryFetchManifest(tagOrDigest: string): Promise<ManifestDocument | undefined> {
    const byDigest = tagOrDigest.startsWith('sha256:');
    const what = this.manifestName(tagOrDigest);
    const response = await this.get(new URL(this.manifestUri(tagOrDigest)), MANIFEST_MEDIA_TYPES.join(', '));
    if (response.status === 404) {
      await discard(response);
      return undefined;
    }
    await this.expectSuccess(response, what);
    const bytes = await this.readBody(response, MAX_MANIFEST_BYTES, () => manifestTooLarge(what));
    const declaredMediaType = response.headers.get('content-type')?.split(';')[0]?.trim();
    if (byDigest) {
      return parseManifestDocument(bytes, {
        what,
        expectedDigest: tagOrDigest,
        ...(declaredMediaType ? { declaredMediaType } : {}),
      });
    }
    // A tag has no digest of its own to check against; the registry's header is the claim we can
    // hold the bytes to.
    const claimed = response.headers.get('docker-content-digest');
    const actual = sha256Digest(bytes);
    if (claimed !== null && claimed !== actual) {
      throw new VerificationError(
        'digest-mismatch',
        `${what}: the registry says the tag is ${claimed.slice(0, 80)} but the manifest it served hashes to ${actual}; the content was altered in transit or by the registry`,
      );
    }
    return parseManifestDocument(bytes, { what, ...(declaredMediaType ? { declaredMediaType } : {}) });
  }

  private name(): string {
    return `${this.registry}/${this.repository}`;
  }

  /**
   * One read, tried again while it fails transiently, the attempts allow and the store's budget
   * lasts. Other failures (404, 401, a digest that does not match) are answers, not accidents.
   */
  private async retrying<T>(read: () => Promise<T>): Promise<T> {
    const policy = this.retryPolicy;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await read();
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

  /** GET under /v2/REPOSITORY/, answering at most one authentication challenge. */
  private async get(url: URL, accept: string): Promise<Response> {
    const sentWith = this.authorization;
    const response = await this.send(url, this.headers(accept, sentWith));
    if (response.status !== 401) return this.refuseForbidden(response);
    const challenge = parseChallenge(response.headers.get('www-authenticate'));
    await discard(response);
    const renewed = await this.renewAuthorization(sentWith, challenge);
    return this.refuseForbidden(await this.send(url, this.headers(accept, renewed)));
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

  private headers(accept: string, authorization: string | undefined): Record<string, string> {
    return { accept, ...(authorization ? { authorization } : {}) };
  }

  /** The Link header's next page, on the registry's own origin only: credentials go with it. */
  private nextPage(response: Response, current: URL): URL | undefined {
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

  private async refuseForbidden(response: Response): Promise<Response> {
    if (response.status !== 401 && response.status !== 403) return response;
    await discard(response);
    throw await this.unauthorized(`${response.status} ${response.statusText}`.trim());
  }

  private async answerChallenge(challenge: Challenge | undefined): Promise<string> {
    const choice = await this.chooseCredentials();
    if (challenge?.scheme === 'basic' && choice.credentials) return basicAuthorization(choice.credentials);
    if (challenge?.scheme === 'bearer') return `Bearer ${await this.fetchToken(challenge, choice)}`;
    throw await this.unauthorized(
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
    const request = tokenRequest(
      url,
      challenge.params.get('service'),
      `repository:${this.repository}:pull`,
      choice,
    );
    const response = await this.send(url, request.headers, request.post);
    if (response.status === 401 || response.status === 403) {
      await discard(response);
      throw await this.unauthorized(`token service ${url.host} answered ${response.status}`);
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

  private chooseCredentials(): Promise<CredentialChoice> {
    this.credentialChoice ??= findRegistryCredentials(this.registry, this.options);
    return this.credentialChoice;
  }

  private async unauthorized(answer: string): Promise<ConfigurationError<'registry-unauthorized'>> {
    const { description } = await this.chooseCredentials();
    const githubHint =
      this.registry === GITHUB_CONTAINER_REGISTRY ? ', or give a GitHub token with packages: read' : '';
    return new ConfigurationError(
      'registry-unauthorized',
      `registry ${this.registry} refused to let us pull ${this.repository} (${answer}); credentials tried: ${description}. Log in with "docker login ${this.registry}", point DOCKER_CONFIG at a config that has credentials for it, or pass a username and password${githubHint}`,
    );
  }

  /** One request, following redirects ourselves so credentials never follow one to another origin. */
  private async send(
    start: URL,
    headers: Record<string, string>,
    request: { method: 'POST'; body: string } | undefined = undefined,
  ): Promise<Response> {
    let url = start;
    const current = { ...headers };
    for (let redirects = 0; ; redirects++) {
      let response: Response;
      try {
        response = await this.fetch(url, {
          ...request,
          headers: current,
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

  private async readBody(response: Response, maxBytes: number, tooLarge: () => Error): Promise<Uint8Array> {
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

  private async expectSuccess(response: Response, what: string): Promise<void> {
    if (response.ok) return;
    const detail = await registryErrorDetail(response);
    const hint =
      response.status === 429
        ? '; the registry is rate limiting: log in to raise the limit or retry later'
        : '';
    const message = `registry ${this.registry} answered ${`${response.status} ${response.statusText}`.trim()} for ${what}${detail}${hint}`;
    if (response.status === 429 || response.status >= 500) {
      // An HTTP date is read against the store's clock, the one the retry budget is counted on.
      throw new TransientRegistryError('registry-error', message, retryAfterMs(response, this.clock()));
    }
    throw new VerificationError('registry-error', message);
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

/**
 * Credentials in the order users expect: the explicit option, the docker config `docker login`
 * wrote (its credential helper for the registry, else its inline `auths` entry), and for GHCR the
 * workflow's GitHub token.
 */
export async function findRegistryCredentials(
  registry: string,
  options: RegistryOptions,
): Promise<CredentialChoice> {
  if (options.credentials)
    return { credentials: options.credentials, description: 'the username/password option' };

  const env = options.env ?? process.env;
  const configPath = env.DOCKER_CONFIG
    ? join(env.DOCKER_CONFIG, 'config.json')
    : join(options.homeDir ?? homedir(), '.docker', 'config.json');
  const fromConfig = await readDockerConfigCredentials(configPath, registry, { ...options, env });
  if (fromConfig.credentials || fromConfig.identityToken) return fromConfig;

  if (registry === GITHUB_CONTAINER_REGISTRY && options.githubToken) {
    // GHCR ignores the username when the password is a GitHub token, but it must not be empty.
    return {
      credentials: { username: 'token', password: options.githubToken },
      description: 'the GitHub token',
    };
  }
  return fromConfig;
}

async function readDockerConfigCredentials(
  path: string,
  registry: string,
  options: RegistryOptions & { env: Readonly<Record<string, string | undefined>> },
): Promise<CredentialChoice> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return { description: 'none' };
    throw new ConfigurationError(
      'invalid-docker-config',
      `cannot read the docker config ${path} (${errorCode(error)})`,
    );
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    throw new ConfigurationError(
      'invalid-docker-config',
      `the docker config ${path} is not valid JSON; fix or remove it`,
    );
  }
  if (!isRecord(config)) return { description: 'none' };
  // As the docker CLI does: the registry's helper, else the default store, else the inline entry.
  const helper = configuredHelper(config, registry, path, configKeyMatches);
  let helperHadNone: string | undefined;
  if (helper) {
    const found = await getHelperCredentials(helper, helperServerUrl(registry), {
      env: options.env,
      ...(options.credentialHelperTimeoutMs === undefined
        ? {}
        : { timeoutMs: options.credentialHelperTimeoutMs }),
      ...(options.maskSecret ? { maskSecret: options.maskSecret } : {}),
    });
    const description = describeHelper(helper);
    if (found?.kind === 'identity-token') return { identityToken: found.identityToken, description };
    if (found) return { credentials: { username: found.username, password: found.password }, description };
    helperHadNone = `${description} has none for ${registry}`;
  }
  const auths = isRecord(config.auths) ? config.auths : {};
  const entry = Object.entries(auths).find(([key]) => configKeyMatches(key, registry))?.[1];
  const credentials = isRecord(entry) ? entryCredentials(entry) : undefined;
  if (credentials) return { credentials, description: `username/password from the docker config ${path}` };
  if (helperHadNone) return { description: `none (${helperHadNone})` };
  if (!isRecord(entry)) return { description: 'none' };
  return {
    description: `none (the docker config ${path} has an entry for ${registry} without inline credentials and names no credential helper)`,
  };
}

/** The server URL `docker login` stored the credentials under: Docker Hub's legacy one, else the host. */
function helperServerUrl(registry: string): string {
  return registry === DOCKER_HUB_REGISTRY ? 'https://index.docker.io/v1/' : registry;
}

function entryCredentials(entry: Record<string, unknown>): RegistryCredentials | undefined {
  if (typeof entry.auth === 'string' && entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (typeof entry.username === 'string' && entry.username && typeof entry.password === 'string') {
    return { username: entry.username, password: entry.password };
  }
  return undefined;
}

/** Keys are written as `host`, `https://host` or, for Docker Hub, `https://index.docker.io/v1/`. */
function configKeyMatches(key: string, registry: string): boolean {
  const host =
    key
      .replace(/^[a-z]+:\/\//i, '')
      .split('/')[0]
      ?.toLowerCase() ?? '';
  if (registry === DOCKER_HUB_REGISTRY) return DOCKER_HUB_CONFIG_KEYS.has(host);
  return host === registry.toLowerCase();
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

/**
 * The token service request for `scope`: with an identity token (a refresh token) an OAuth2 POST,
 * so it never sits in a URL (https://distribution.github.io/distribution/spec/auth/oauth/); else a
 * GET with the basic credentials, if any (https://distribution.github.io/distribution/spec/auth/token/).
 * `realm` gets the query parameters.
 */
export function tokenRequest(
  realm: URL,
  service: string | undefined,
  scope: string,
  choice: CredentialChoice,
): { headers: Record<string, string>; post?: { method: 'POST'; body: string } } {
  if (choice.identityToken !== undefined) {
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: choice.identityToken,
      client_id: 'supply-chain-gate',
      scope,
      ...(service === undefined ? {} : { service }),
    });
    return {
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      post: { method: 'POST', body: form.toString() },
    };
  }
  if (service !== undefined) realm.searchParams.set('service', service);
  realm.searchParams.set('scope', scope);
  return {
    headers: {
      accept: 'application/json',
      ...(choice.credentials ? { authorization: basicAuthorization(choice.credentials) } : {}),
    },
  };
}

export function basicAuthorization({ username, password }: RegistryCredentials): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/** Credentials may travel with a request, so plain HTTP is allowed only to this machine. */
function assertTransportAllowed(url: URL, what: string): void {
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.host))) return;
  throw new VerificationError(
    'insecure-registry-transport',
    `${what} points at ${url.protocol}//${url.host}; the gate uses plain HTTP only for loopback hosts and HTTPS everywhere else`,
  );
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

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/**
 * `ECONNREFUSED`, `ENOTFOUND`, a TLS error code…: fetch hides it in `cause`. Duck-typed, because
 * errors from Node's fetch may come from another realm (a test VM), where `instanceof Error` fails.
 */
function errorCode(error: unknown): string {
  const cause = isRecord(error) && isRecord(error.cause) ? error.cause : error;
  if (isRecord(cause) && typeof cause.code === 'string') return cause.code;
  if (isRecord(cause) && typeof cause.message === 'string')
    return cause.message.replace(/\s+/g, ' ').slice(0, 120);
  return 'unknown error';
}

function isNotFound(error: unknown): boolean {
  return isRecord(error) && error.code === 'ENOENT';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
