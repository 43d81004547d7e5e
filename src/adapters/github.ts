/**
 * The GitHub REST calls the gate makes: check runs, pull request comments, and files read from the
 * repository. Plain fetch, so tests point it at a loopback stand-in and GitHub Enterprise Server
 * users at `https://HOST/api/v3`. The token goes in the Authorization header and nowhere else: not
 * in a URL, not in an error message.
 *
 * Every call is retried the way Octokit's plugin-retry and plugin-throttling retry: 429, 5xx,
 * network errors and rate limits (secondary ones answered with 403) are tried again after
 * `Retry-After`, `x-ratelimit-reset` or an exponential backoff, within one time budget per call;
 * any other 4xx is the caller's mistake and is not retried.
 */
import { ConfigurationError, GateError, VerificationError } from '../errors.js';
import { VERSION } from '../version.js';
import { isLoopbackHost } from './image-reference.js';
import { formatWait, retryAfterMs } from './retry-after.js';

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';
/** GitHub refuses more annotations than this in one create or update call. */
export const MAX_ANNOTATIONS_PER_REQUEST = 50;

const API_VERSION = '2022-11-28';
const PAGE_SIZE = 100;
const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_DETAIL_LENGTH = 200;
/** GitHub's advice for a secondary rate limit that names no wait: at least a minute. */
const SECONDARY_LIMIT_WAIT_MS = 60_000;

export interface RetryPolicy {
  /** Attempts after the first. */
  maxRetries: number;
  /** The first backoff for a 5xx or a network error; it doubles with each retry. */
  baseDelayMs: number;
  /** No single wait is longer than this, whatever a header asks. */
  maxDelayMs: number;
  /** Waits and attempts of one call together stop here: the step must end. */
  budgetMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 5,
  baseDelayMs: 1_000,
  maxDelayMs: SECONDARY_LIMIT_WAIT_MS,
  budgetMs: 150_000,
};

export type CheckRunStatus = 'queued' | 'in_progress' | 'completed';
export type CheckRunConclusion =
  'action_required' | 'cancelled' | 'failure' | 'neutral' | 'success' | 'skipped' | 'timed_out';

/** GitHub's field names, so the report code and GitHub's documentation read the same. */
export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
  /** Any number: they are sent MAX_ANNOTATIONS_PER_REQUEST at a time. */
  annotations?: readonly CheckRunAnnotation[];
}

export interface CreateCheckRunRequest {
  owner: string;
  repo: string;
  name: string;
  headSha: string;
  status: CheckRunStatus;
  startedAt?: string;
  externalId?: string;
  detailsUrl?: string;
  conclusion?: CheckRunConclusion;
  completedAt?: string;
  output?: CheckRunOutput;
}

export interface UpdateCheckRunRequest {
  owner: string;
  repo: string;
  checkRunId: number;
  status?: CheckRunStatus;
  startedAt?: string;
  detailsUrl?: string;
  conclusion?: CheckRunConclusion;
  completedAt?: string;
  output?: CheckRunOutput;
}

export interface GitHubClient {
  createCheckRun(request: CreateCheckRunRequest): Promise<{ id: number; htmlUrl: string }>;
  updateCheckRun(request: UpdateCheckRunRequest): Promise<void>;
  /** The newest check run named `name` on the commit `ref`; with `appId`, only that App's runs. */
  findCheckRun(request: {
    owner: string;
    repo: string;
    ref: string;
    name: string;
    appId?: number;
  }): Promise<{ id: number; status: CheckRunStatus; htmlUrl: string } | undefined>;
  /** Every comment on an issue or pull request, oldest first. */
  listIssueComments(request: { owner: string; repo: string; issueNumber: number }): Promise<IssueComment[]>;
  createIssueComment(request: {
    owner: string;
    repo: string;
    issueNumber: number;
    body: string;
  }): Promise<{ id: number; htmlUrl: string }>;
  updateIssueComment(request: {
    owner: string;
    repo: string;
    commentId: number;
    body: string;
  }): Promise<{ id: number; htmlUrl: string }>;
  /** The file's text at `ref`; undefined when there is no such file. */
  getFileContent(request: {
    owner: string;
    repo: string;
    path: string;
    ref: string;
  }): Promise<string | undefined>;
  /** Every attestation for `subjectDigest` in a repository, or without `repo` in an organization. */
  listAttestations(request: {
    owner: string;
    repo?: string;
    subjectDigest: string;
  }): Promise<AttestationListing>;
  /** Stores a sigstore bundle as an artifact attestation of the repository (what actions/attest does). */
  createAttestation(request: {
    owner: string;
    repo: string;
    bundle: unknown;
  }): Promise<{ id: number; url: string }>;
}

export interface AttestationListing {
  /** The list's URL (first page): where the attestations were found. */
  url: string;
  /** False when GitHub answered 404, which it does for a digest with no attestations. */
  exists: boolean;
  /** `bundle` as GitHub returned it inline; unchecked. */
  attestations: Array<{ bundle?: unknown }>;
}

/** More attestations than this for one digest are refused rather than read in part. */
export const MAX_ATTESTATIONS = 1000;

export interface IssueComment {
  id: number;
  body: string;
  /** `Bot` for GITHUB_TOKEN's github-actions[bot] and for apps; `User` for people. */
  authorType: string;
  htmlUrl: string;
}

export interface GitHubClientOptions {
  /** `https://api.github.com`, or `https://HOST/api/v3` for GitHub Enterprise Server. */
  apiUrl?: string;
  token: string;
  fetch?: typeof fetch;
  userAgent?: string;
  /** Per request, body included. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Told before each retry, with what went wrong and how long the wait is: for the log. */
  onRetry?(message: string): void;
  /** The clock and the wait between retries; tests pass a virtual clock. */
  sleep?(ms: number): Promise<void>;
  now?(): number;
}

interface ApiCall {
  method: 'GET' | 'POST' | 'PATCH';
  /** The path under the API URL, as errors name it: `/repos/acme/app/check-runs`. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** The `permissions:` entry the call needs, named when GitHub refuses the token. */
  permission: string;
  /** GitHub answers 404 rather than 403 when the token may read the repository but not do this. */
  notFoundMeansForbidden?: boolean;
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const apiUrl = parseApiUrl(options.apiUrl ?? DEFAULT_GITHUB_API_URL);
  const base = apiUrl.href.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headers: Record<string, string> = {
    accept: 'application/vnd.github+json',
    'x-github-api-version': API_VERSION,
    'user-agent': options.userAgent ?? `supply-chain-gate/${VERSION}`,
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
  };

  function urlFor(call: ApiCall): URL {
    const url = new URL(`${base}${call.path}`);
    for (const [name, value] of Object.entries(call.query ?? {})) url.searchParams.set(name, value);
    return url;
  }

  const retryPolicy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const clock = options.now ?? Date.now;
  /** How many attempts a response took, so its error can say the gate already tried again. */
  const attemptsOf = new WeakMap<Response, number>();

  async function fetchOnce(call: ApiCall, url: URL): Promise<Response> {
    return doFetch(url, {
      method: call.method,
      headers: call.body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  }

  /**
   * One call, retried while GitHub says "later" and the budget allows; the last response is
   * returned whatever its status, so each caller decides what a 404 means.
   */
  async function send(call: ApiCall, url: URL = urlFor(call)): Promise<Response> {
    const started = clock();
    for (let attempt = 1; ; attempt += 1) {
      let response: Response | undefined;
      let networkError: unknown;
      try {
        response = await fetchOnce(call, url);
      } catch (error) {
        networkError = error;
      }
      const wait = response
        ? await retryDelay(response, attempt)
        : attempt <= retryPolicy.maxRetries
          ? backoff(attempt)
          : undefined;
      const elapsed = clock() - started;
      if (wait === undefined || attempt > retryPolicy.maxRetries || elapsed + wait > retryPolicy.budgetMs) {
        if (response) {
          attemptsOf.set(response, attempt);
          return response;
        }
        throw unreachable(networkError, attempt);
      }
      const what = response
        ? `answered ${response.status}`
        : `could not be reached (${networkReason(networkError)})`;
      options.onRetry?.(
        `GitHub API ${call.method} ${call.path} ${what}; retrying in ${formatWait(wait)} (attempt ${attempt + 1} of ${retryPolicy.maxRetries + 1})`,
      );
      await sleep(wait);
    }
  }

  /** How long to wait before trying a response's call again; undefined when it must not be retried. */
  async function retryDelay(response: Response, attempt: number): Promise<number | undefined> {
    if (response.ok || attempt > retryPolicy.maxRetries) return undefined;
    const status = response.status;
    if (status !== 403 && status !== 429 && status < 500) return undefined;
    const retryAfter = retryAfterMs(response);
    if (status === 403 || status === 429) {
      // A 403 is a rate limit only when GitHub says so; otherwise the token lacks a permission.
      const message =
        status === 403
          ? await response
              .clone()
              .text()
              .catch(() => '')
          : '';
      const secondary = /secondary rate limit|abuse/i.test(message);
      const primary = response.headers.get('x-ratelimit-remaining') === '0';
      if (status === 403 && !secondary && !primary && retryAfter === undefined) return undefined;
      const untilReset = primary ? resetWaitMs(response) : undefined;
      const wait = retryAfter ?? untilReset ?? (secondary ? SECONDARY_LIMIT_WAIT_MS : backoff(attempt));
      // Waiting less than GitHub asks only spends another attempt on the same refusal.
      if (wait > retryPolicy.maxDelayMs) return undefined;
      await response.body?.cancel();
      return wait;
    }
    await response.body?.cancel();
    return Math.min(retryAfter ?? backoff(attempt), retryPolicy.maxDelayMs);
  }

  function backoff(attempt: number): number {
    return Math.min(retryPolicy.baseDelayMs * 2 ** (attempt - 1), retryPolicy.maxDelayMs);
  }

  function resetWaitMs(response: Response): number | undefined {
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    if (!Number.isFinite(reset) || reset <= 0) return undefined;
    return Math.max(reset * 1000 - Date.now(), 0) + 1_000;
  }

  function unreachable(error: unknown, attempts: number): VerificationError {
    const timedOut = isRecord(error) && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const tries = attempts > 1 ? `, ${attempts} attempts` : '';
    return new VerificationError(
      'github-unreachable',
      `cannot reach the GitHub API at ${base} (${timedOut ? `no answer within ${timeoutMs / 1000} s` : networkReason(error)}${tries}); check the API URL and that this runner can reach it`,
      { cause: error },
    );
  }

  /** GitHub's `message`, one short line, with the token cut out should anything ever echo it. */
  async function githubMessage(response: Response): Promise<string> {
    const text = await response.text().catch(() => '');
    let message = response.statusText;
    try {
      const parsed: unknown = JSON.parse(text);
      if (isRecord(parsed) && typeof parsed.message === 'string') message = parsed.message;
    } catch {
      // Not JSON (a proxy's error page): the status text is all there is to say.
    }
    const oneLine = message.replace(/\s+/g, ' ').trim().slice(0, MAX_DETAIL_LENGTH);
    return options.token ? oneLine.split(options.token).join('***') : oneLine;
  }

  async function failure(call: ApiCall, response: Response): Promise<GateError> {
    const message = await githubMessage(response);
    const attempts = attemptsOf.get(response) ?? 1;
    const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
    const what = `GitHub API ${call.method} ${call.path} returned ${response.status}${message ? ` (${message})` : ''}${tries}`;
    if (response.status === 401) {
      return new ConfigurationError(
        'github-unauthorized',
        `${what}: the GitHub token is missing, expired or revoked; pass a valid token`,
      );
    }
    // GitHub answers a spent rate limit with 403 too; telling the user to add a permission would mislead.
    if (response.status === 429 || (response.status === 403 && isRateLimited(response, message))) {
      const reset = Number(response.headers.get('x-ratelimit-reset'));
      const when =
        Number.isFinite(reset) && reset > 0 ? ` (it resets at ${new Date(reset * 1000).toISOString()})` : '';
      return new VerificationError(
        'github-rate-limited',
        `${what}: the token's API rate limit is spent${when}; re-run the job later`,
      );
    }
    if (response.status === 403 || (response.status === 404 && call.notFoundMeansForbidden)) {
      return new ConfigurationError(
        'github-forbidden',
        `${what}: the token may not do this; add "${call.permission}" to the job's "permissions:"`,
      );
    }
    return new VerificationError('github-request-failed', what);
  }

  async function readJson(call: ApiCall, response: Response): Promise<unknown> {
    try {
      return await response.json();
    } catch (error) {
      // Duck-typed like networkReason: a body that broke off is not a body that is not JSON.
      if (isRecord(error) && error.name === 'SyntaxError')
        throw unexpected(call, 'a body that is not JSON', error);
      throw new VerificationError(
        'github-unreachable',
        `GitHub API ${call.method} ${call.path}: the connection broke before the whole answer arrived (${networkReason(error)}); re-run the job`,
        { cause: error },
      );
    }
  }

  async function request(call: ApiCall): Promise<unknown> {
    const response = await send(call);
    if (!response.ok) throw await failure(call, response);
    return readJson(call, response);
  }

  function unexpected(call: ApiCall, what: string, cause?: unknown): VerificationError {
    return new VerificationError(
      'github-unexpected-response',
      `GitHub API ${call.method} ${call.path} returned ${what}; is the API URL ${base} a GitHub REST API?`,
      cause === undefined ? undefined : { cause },
    );
  }

  /** Every page of a list, following GitHub's Link header. */
  async function* pages(call: ApiCall): AsyncGenerator<unknown> {
    let url: URL | undefined = urlFor(call);
    while (url) {
      const response = await send(call, url);
      if (!response.ok) throw await failure(call, response);
      yield await readJson(call, response);
      url = nextPage(call, response);
    }
  }

  function commentRef(call: ApiCall, comment: unknown): { id: number; htmlUrl: string } {
    if (!isRecord(comment) || typeof comment.id !== 'number' || typeof comment.html_url !== 'string') {
      throw unexpected(call, 'a comment without an id or html_url');
    }
    return { id: comment.id, htmlUrl: comment.html_url };
  }

  function checkRunPath(owner: string, repo: string, id?: number): string {
    return `${repoPath(owner, repo)}/check-runs${id === undefined ? '' : `/${id}`}`;
  }

  async function patchCheckRun(
    owner: string,
    repo: string,
    checkRunId: number,
    body: unknown,
  ): Promise<void> {
    await request({
      method: 'PATCH',
      path: checkRunPath(owner, repo, checkRunId),
      body,
      permission: 'checks: write',
    });
  }

  return {
    async createCheckRun(run) {
      const { output } = run;
      const [first = [], ...rest] = annotationBatches(output?.annotations);
      const call: ApiCall = {
        method: 'POST',
        path: checkRunPath(run.owner, run.repo),
        body: {
          name: run.name,
          head_sha: run.headSha,
          status: run.status,
          started_at: run.startedAt,
          external_id: run.externalId,
          details_url: run.detailsUrl,
          conclusion: run.conclusion,
          completed_at: run.completedAt,
          output: output && outputPayload(output, first),
        },
        permission: 'checks: write',
        notFoundMeansForbidden: true,
      };
      const created = await request(call);
      if (!isRecord(created) || typeof created.id !== 'number' || typeof created.html_url !== 'string') {
        throw unexpected(call, 'a check run without an id or html_url');
      }
      if (output) {
        for (const batch of rest) {
          await patchCheckRun(run.owner, run.repo, created.id, { output: outputPayload(output, batch) });
        }
      }
      return { id: created.id, htmlUrl: created.html_url };
    },

    async updateCheckRun(update) {
      // The run is completed by the last call, after every annotation has arrived, so a failure on
      // the way never leaves a completed check that silently lacks annotations.
      const { output } = update;
      const batches = annotationBatches(output?.annotations);
      const last = batches.pop() ?? [];
      if (output) {
        for (const batch of batches) {
          await patchCheckRun(update.owner, update.repo, update.checkRunId, {
            output: outputPayload(output, batch),
          });
        }
      }
      await patchCheckRun(update.owner, update.repo, update.checkRunId, {
        status: update.status,
        started_at: update.startedAt,
        details_url: update.detailsUrl,
        conclusion: update.conclusion,
        completed_at: update.completedAt,
        output: output && outputPayload(output, last),
      });
    },

    async findCheckRun({ owner, repo, ref, name, appId }) {
      // `filter=latest` keeps one run per check suite, and GitHub documents no order for the list:
      // reading every page of `filter=all` and taking the highest id is the newest run either way.
      const call: ApiCall = {
        method: 'GET',
        path: `${repoPath(owner, repo)}/commits/${encodeURIComponent(ref)}/check-runs`,
        query: {
          check_name: name,
          filter: 'all',
          per_page: String(PAGE_SIZE),
          ...(appId === undefined ? {} : { app_id: String(appId) }),
        },
        permission: 'checks: read',
      };
      let newest: { id: number; status: CheckRunStatus; htmlUrl: string } | undefined;
      for await (const page of pages(call)) {
        if (!isRecord(page) || !Array.isArray(page.check_runs)) {
          throw unexpected(call, 'a page without check_runs');
        }
        for (const run of page.check_runs as unknown[]) {
          if (
            isRecord(run) &&
            run.name === name &&
            typeof run.id === 'number' &&
            isCheckRunStatus(run.status) &&
            (newest === undefined || run.id > newest.id)
          ) {
            newest = { id: run.id, status: run.status, htmlUrl: String(run.html_url ?? '') };
          }
        }
      }
      return newest;
    },

    async listIssueComments({ owner, repo, issueNumber }) {
      const call: ApiCall = {
        method: 'GET',
        path: `${repoPath(owner, repo)}/issues/${issueNumber}/comments`,
        query: { per_page: String(PAGE_SIZE) },
        permission: 'pull-requests: read',
      };
      const comments: IssueComment[] = [];
      for await (const page of pages(call)) {
        if (!Array.isArray(page)) throw unexpected(call, 'a page that is not a list of comments');
        for (const comment of page as unknown[]) {
          if (!isRecord(comment) || typeof comment.id !== 'number') continue;
          comments.push({
            id: comment.id,
            body: typeof comment.body === 'string' ? comment.body : '',
            authorType: isRecord(comment.user) ? String(comment.user.type) : '',
            htmlUrl: String(comment.html_url ?? ''),
          });
        }
      }
      return comments;
    },

    async createIssueComment({ owner, repo, issueNumber, body }) {
      const call: ApiCall = {
        method: 'POST',
        path: `${repoPath(owner, repo)}/issues/${issueNumber}/comments`,
        body: { body },
        permission: 'pull-requests: write',
        notFoundMeansForbidden: true,
      };
      return commentRef(call, await request(call));
    },

    async updateIssueComment({ owner, repo, commentId, body }) {
      const call: ApiCall = {
        method: 'PATCH',
        path: `${repoPath(owner, repo)}/issues/comments/${commentId}`,
        body: { body },
        permission: 'pull-requests: write',
      };
      return commentRef(call, await request(call));
    },

    async getFileContent({ owner, repo, path, ref }) {
      const call: ApiCall = {
        method: 'GET',
        path: `${repoPath(owner, repo)}/contents/${path.split('/').map(encodeURIComponent).join('/')}`,
        query: { ref },
        permission: 'contents: read',
      };
      const response = await send(call);
      if (response.status === 404) return undefined;
      if (!response.ok) throw await failure(call, response);
      const file = await readJson(call, response);
      if (!isRecord(file) || file.type !== 'file') {
        const kind = Array.isArray(file) ? 'directory' : isRecord(file) ? String(file.type) : 'value';
        throw new ConfigurationError(
          'github-not-a-file',
          `${path} at ${ref} is a ${kind}, not a file: name a file`,
        );
      }
      // Files over 1 MB come back without inline content (`encoding: "none"`).
      if (file.encoding !== 'base64' || typeof file.content !== 'string') {
        throw new ConfigurationError(
          'github-file-too-large',
          `${path} at ${ref} is too large for GitHub's contents API (over 1 MB): keep it smaller`,
        );
      }
      return Buffer.from(file.content, 'base64').toString('utf8');
    },

    async createAttestation({ owner, repo, bundle }) {
      const call: ApiCall = {
        method: 'POST',
        path: `${repoPath(owner, repo)}/attestations`,
        body: { bundle },
        permission: 'attestations: write',
        notFoundMeansForbidden: true,
      };
      const created = await request(call);
      if (!isRecord(created) || typeof created.id !== 'number') {
        throw unexpected(call, 'an attestation without an id');
      }
      return { id: created.id, url: `${base}${call.path}` };
    },

    async listAttestations({ owner, repo, subjectDigest }) {
      const call: ApiCall = {
        method: 'GET',
        path: `${repo === undefined ? `/orgs/${encodeURIComponent(owner)}` : repoPath(owner, repo)}/attestations/${encodeURIComponent(subjectDigest).replace('%3A', ':')}`,
        query: { per_page: String(PAGE_SIZE) },
        permission: 'attestations: read',
      };
      const listUrl = `${base}${call.path}`;
      const attestations: AttestationListing['attestations'] = [];
      for (let url: URL | undefined = urlFor(call); url;) {
        const response = await send(call, url);
        if (response.status === 404 && attestations.length === 0)
          return { url: listUrl, exists: false, attestations };
        if (!response.ok) throw await failure(call, response);
        const page = await readJson(call, response);
        if (!isRecord(page) || !Array.isArray(page.attestations)) {
          throw unexpected(call, 'a page without an attestations list');
        }
        for (const item of page.attestations as unknown[]) {
          attestations.push(isRecord(item) ? { bundle: item.bundle } : {});
        }
        if (attestations.length > MAX_ATTESTATIONS) {
          throw new VerificationError(
            'too-many-attestations',
            `GitHub lists more than ${MAX_ATTESTATIONS} attestations for ${subjectDigest} at ${listUrl}; the gate will not read that many`,
          );
        }
        url = nextPage(call, response);
      }
      return { url: listUrl, exists: true, attestations };
    },
  };

  /** The Link header's next page, refused if it leaves the API's origin: the token must not follow it. */
  function nextPage(call: ApiCall, response: Response): URL | undefined {
    const target = /<([^>]+)>\s*;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
    if (target === undefined) return undefined;
    const url = new URL(target, apiUrl);
    if (url.origin !== apiUrl.origin) throw unexpected(call, `a next page on another host (${url.host})`);
    return url;
  }
}

function repoPath(owner: string, repo: string): string {
  return `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
}

function isCheckRunStatus(value: unknown): value is CheckRunStatus {
  return value === 'queued' || value === 'in_progress' || value === 'completed';
}

/** The API URL, refused when it would carry a credential in clear text to another host. */
export function parseApiUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigurationError(
      'invalid-github-api-url',
      `the GitHub API URL ${JSON.stringify(text)} is not a URL`,
    );
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.host))) return url;
  throw new ConfigurationError(
    'invalid-github-api-url',
    `the GitHub API URL ${url.origin} would carry the token in clear text: use https (plain http only for loopback hosts)`,
  );
}

function annotationBatches(annotations: readonly CheckRunAnnotation[] = []): CheckRunAnnotation[][] {
  const batches: CheckRunAnnotation[][] = [];
  for (let start = 0; start < annotations.length; start += MAX_ANNOTATIONS_PER_REQUEST) {
    batches.push(annotations.slice(start, start + MAX_ANNOTATIONS_PER_REQUEST));
  }
  return batches;
}

function outputPayload(output: CheckRunOutput, annotations: readonly CheckRunAnnotation[]) {
  return {
    title: output.title,
    summary: output.summary,
    text: output.text,
    annotations: annotations.length > 0 ? annotations : undefined,
  };
}

function isRateLimited(response: Response, message: string): boolean {
  return response.headers.get('x-ratelimit-remaining') === '0' || /rate limit/i.test(message);
}

// Duck-typed rather than `instanceof Error`: fetch's errors may come from another realm (jest's vm).
function networkReason(error: unknown): string {
  const cause = isRecord(error) && isRecord(error.cause) ? error.cause : error;
  if (isRecord(cause) && typeof cause.code === 'string') return cause.code;
  const message = isRecord(cause) && typeof cause.message === 'string' ? cause.message : String(cause);
  return message.replace(/\s+/g, ' ').slice(0, 120);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
