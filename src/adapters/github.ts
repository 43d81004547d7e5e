/**
 * The GitHub REST calls the gate makes: check runs, and files read from the repository. Plain fetch,
 * so tests point it at a loopback stand-in and GitHub Enterprise Server users at
 * `https://HOST/api/v3`. The token goes in the Authorization header and nowhere else: not in a URL,
 * not in an error message.
 */
import { ConfigurationError, GateError, VerificationError } from '../errors.js';
import { VERSION } from '../version.js';
import { isLoopbackHost } from './image-reference.js';

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';
/** GitHub refuses more annotations than this in one create or update call. */
export const MAX_ANNOTATIONS_PER_REQUEST = 50;

const API_VERSION = '2022-11-28';
const PAGE_SIZE = 100;
const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_DETAIL_LENGTH = 200;

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
  conclusion?: CheckRunConclusion;
  completedAt?: string;
  output?: CheckRunOutput;
}

export interface GitHubClient {
  createCheckRun(request: CreateCheckRunRequest): Promise<{ id: number; htmlUrl: string }>;
  updateCheckRun(request: UpdateCheckRunRequest): Promise<void>;
  /** The newest check run named `name` on the commit `ref`. */
  findCheckRun(request: {
    owner: string;
    repo: string;
    ref: string;
    name: string;
  }): Promise<{ id: number } | undefined>;
  /** The file's text at `ref`; undefined when there is no such file. */
  getFileContent(request: {
    owner: string;
    repo: string;
    path: string;
    ref: string;
  }): Promise<string | undefined>;
}

export interface GitHubClientOptions {
  /** `https://api.github.com`, or `https://HOST/api/v3` for GitHub Enterprise Server. */
  apiUrl?: string;
  token: string;
  fetch?: typeof fetch;
  userAgent?: string;
  /** Per request, body included. */
  timeoutMs?: number;
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

  async function send(call: ApiCall, url: URL = urlFor(call)): Promise<Response> {
    try {
      return await doFetch(url, {
        method: call.method,
        headers: call.body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = isRecord(error) && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new VerificationError(
        'github-unreachable',
        `cannot reach the GitHub API at ${base} (${timedOut ? `no answer within ${timeoutMs / 1000} s` : networkReason(error)}); check the API URL and that this runner can reach it`,
        { cause: error },
      );
    }
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
    const what = `GitHub API ${call.method} ${call.path} returned ${response.status}${message ? ` (${message})` : ''}`;
    if (response.status === 401) {
      return new ConfigurationError(
        'github-unauthorized',
        `${what}: the GitHub token is missing, expired or revoked; pass a valid token`,
      );
    }
    // GitHub answers a spent rate limit with 403 too; telling the user to add a permission would mislead.
    if (response.status === 429 || (response.status === 403 && isRateLimited(response, message))) {
      return new VerificationError(
        'github-rate-limited',
        `${what}: the token's API rate limit is spent; retry later`,
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
      throw unexpected(call, 'a body that is not JSON', error);
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

  function checkRunPath(owner: string, repo: string, id?: number): string {
    return `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/check-runs${id === undefined ? '' : `/${id}`}`;
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
        conclusion: update.conclusion,
        completed_at: update.completedAt,
        output: output && outputPayload(output, last),
      });
    },

    async findCheckRun({ owner, repo, ref, name }) {
      // `filter=latest` keeps one run per check suite, and GitHub documents no order for the list:
      // reading every page of `filter=all` and taking the highest id is the newest run either way.
      const call: ApiCall = {
        method: 'GET',
        path: `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/commits/${encodeURIComponent(ref)}/check-runs`,
        query: { check_name: name, filter: 'all', per_page: String(PAGE_SIZE) },
        permission: 'checks: read',
      };
      let newest: number | undefined;
      let url: URL | undefined = urlFor(call);
      while (url) {
        const response = await send(call, url);
        if (!response.ok) throw await failure(call, response);
        const page = await readJson(call, response);
        if (!isRecord(page) || !Array.isArray(page.check_runs)) {
          throw unexpected(call, 'a page without check_runs');
        }
        for (const run of page.check_runs as unknown[]) {
          if (
            isRecord(run) &&
            run.name === name &&
            typeof run.id === 'number' &&
            (newest === undefined || run.id > newest)
          ) {
            newest = run.id;
          }
        }
        url = nextPage(call, response);
      }
      return newest === undefined ? undefined : { id: newest };
    },

    async getFileContent({ owner, repo, path, ref }) {
      const call: ApiCall = {
        method: 'GET',
        path: `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/contents/${path.split('/').map(encodeURIComponent).join('/')}`,
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

function parseApiUrl(text: string): URL {
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
