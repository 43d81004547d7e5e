/**
 * The GitHub REST calls the gate makes: check runs, pull request comments, files read from the
 * repository, attestations. Thin wrappers over the Octokit of `./octokit.ts`, which does the
 * transport (retries, rate limits, pages, proxy); these say what each call needs and check the
 * shape of what comes back. Loaded on first use through `../github.ts`, so start-up does not pay
 * for Octokit.
 */
import { ConfigurationError, VerificationError } from '../../errors.js';
import {
  createOctokit,
  githubCall,
  toGateError,
  type CallPermission,
  type GitHubOctokit,
  type OctokitOptions,
} from './octokit.js';
import {
  MAX_ANNOTATIONS_PER_REQUEST,
  MAX_ATTESTATIONS,
  type AttestationListing,
  type CheckRunAnnotation,
  type CheckRunOutput,
  type CheckRunStatus,
  type GitHubClient,
  type IssueComment,
} from '../../model/check-run.js';

const PAGE_SIZE = 100;

export interface GitHubClientOptions {
  /** `https://api.github.com`, or `https://HOST/api/v3` for GitHub Enterprise Server. */
  apiUrl?: string;
  token: string;
  fetch?: typeof fetch;
  userAgent?: string;
  /** Per attempt, body included. */
  timeoutMs?: number;
  retry?: Pick<OctokitOptions, 'retries' | 'waitUnitMs' | 'maxWaitS'>;
  /** Told before each retry, with what went wrong: for the log. */
  onRetry?(message: string): void;
  /** An Octokit made elsewhere (a GitHub App's installation); the options above are then unused. */
  octokit?: GitHubOctokit;
}

/** One call's metadata: how errors name it and what permission a refusal asks for. */
interface ApiCall extends CallPermission {
  /** `POST /repos/acme/app/check-runs`, as messages about the answer's shape name it. */
  name: string;
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const octokit =
    options.octokit ??
    createOctokit({
      apiUrl: options.apiUrl,
      auth: { token: options.token },
      fetch: options.fetch,
      userAgent: options.userAgent,
      timeoutMs: options.timeoutMs,
      ...options.retry,
      onRetry: options.onRetry,
    });
  const base = String(octokit.request.endpoint.DEFAULTS.baseUrl);

  const call = <T>(api: ApiCall, send: () => Promise<T>) => githubCall(octokit, api, send);

  function unexpected(api: ApiCall, what: string): VerificationError {
    return new VerificationError(
      'github-unexpected-response',
      `GitHub API ${api.name} returned ${what}; is the API URL ${base} a GitHub REST API?`,
    );
  }

  function commentRef(api: ApiCall, comment: unknown): { id: number; htmlUrl: string } {
    if (!isRecord(comment) || typeof comment.id !== 'number' || typeof comment.html_url !== 'string') {
      throw unexpected(api, 'a comment without an id or html_url');
    }
    return { id: comment.id, htmlUrl: comment.html_url };
  }

  async function patchCheckRun(owner: string, repo: string, checkRunId: number, body: object): Promise<void> {
    const api: ApiCall = {
      name: `PATCH ${repoPath(owner, repo)}/check-runs/${checkRunId}`,
      permission: 'checks: write',
    };
    await call(api, () =>
      octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
        owner,
        repo,
        check_run_id: checkRunId,
        ...withoutUndefined(body),
      } as never),
    );
  }

  /** Every page of a list; a read that fails part-way fails the whole list. */
  async function* pages(
    api: ApiCall,
    route: string,
    params: Record<string, unknown>,
  ): AsyncGenerator<unknown> {
    const iterator = octokit.paginate.iterator(route as never, { ...params, per_page: PAGE_SIZE } as never);
    try {
      for await (const page of iterator as AsyncIterable<{ data: unknown }>) yield page.data;
    } catch (error) {
      throw toGateError(octokit, error, api);
    }
  }

  return {
    async createCheckRun(run) {
      const { output } = run;
      const [first = [], ...rest] = annotationBatches(output?.annotations);
      const api: ApiCall = {
        name: `POST ${repoPath(run.owner, run.repo)}/check-runs`,
        permission: 'checks: write',
        notFoundMeansForbidden: true,
      };
      const { data: created } = await call(api, () =>
        octokit.request('POST /repos/{owner}/{repo}/check-runs', {
          owner: run.owner,
          repo: run.repo,
          ...withoutUndefined({
            name: run.name,
            head_sha: run.headSha,
            status: run.status,
            started_at: run.startedAt,
            external_id: run.externalId,
            details_url: run.detailsUrl,
            conclusion: run.conclusion,
            completed_at: run.completedAt,
            output: output && outputPayload(output, first),
          }),
        } as never),
      );
      if (!isRecord(created) || typeof created.id !== 'number' || typeof created.html_url !== 'string') {
        throw unexpected(api, 'a check run without an id or html_url');
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
      const api: ApiCall = {
        name: `GET ${repoPath(owner, repo)}/commits/${encodeURIComponent(ref)}/check-runs`,
        permission: 'checks: read',
      };
      let newest: { id: number; status: CheckRunStatus; htmlUrl: string } | undefined;
      const params = {
        owner,
        repo,
        ref,
        check_name: name,
        filter: 'all',
        ...(appId === undefined ? {} : { app_id: appId }),
      };
      for await (const page of pages(api, 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs', params)) {
        // The paginate plugin unwraps `{ total_count, check_runs }` into the list itself.
        const runs = isRecord(page) ? page.check_runs : page;
        if (!Array.isArray(runs)) throw unexpected(api, 'a page without check_runs');
        for (const run of runs as unknown[]) {
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
      const api: ApiCall = {
        name: `GET ${repoPath(owner, repo)}/issues/${issueNumber}/comments`,
        permission: 'pull-requests: read',
      };
      const comments: IssueComment[] = [];
      const params = { owner, repo, issue_number: issueNumber };
      for await (const page of pages(
        api,
        'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
        params,
      )) {
        if (!Array.isArray(page)) throw unexpected(api, 'a page that is not a list of comments');
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
      const api: ApiCall = {
        name: `POST ${repoPath(owner, repo)}/issues/${issueNumber}/comments`,
        permission: 'pull-requests: write',
        notFoundMeansForbidden: true,
      };
      const { data } = await call(api, () =>
        octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
          owner,
          repo,
          issue_number: issueNumber,
          body,
        }),
      );
      return commentRef(api, data);
    },

    async updateIssueComment({ owner, repo, commentId, body }) {
      const api: ApiCall = {
        name: `PATCH ${repoPath(owner, repo)}/issues/comments/${commentId}`,
        permission: 'pull-requests: write',
      };
      const { data } = await call(api, () =>
        octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
          owner,
          repo,
          comment_id: commentId,
          body,
        }),
      );
      return commentRef(api, data);
    },

    async getFileContent({ owner, repo, path, ref }) {
      const api: ApiCall = {
        name: `GET ${repoPath(owner, repo)}/contents/${path.split('/').map(encodeURIComponent).join('/')}`,
        permission: 'contents: read',
      };
      let file: unknown;
      try {
        // `{+path}`: the slashes of the path stay slashes, each segment is escaped.
        ({ data: file } = await octokit.request(
          'GET /repos/{owner}/{repo}/contents/{+path}' as never,
          {
            owner,
            repo,
            path: path.split('/').map(encodeURIComponent).join('/'),
            ref,
          } as never,
        ));
      } catch (error) {
        if (isRecord(error) && error.status === 404 && isRecord(error.response)) return undefined;
        throw toGateError(octokit, error, api);
      }
      if (!isRecord(file) || file.type !== 'file') {
        if (typeof file === 'string') throw unexpected(api, 'a body that is not JSON');
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
      const api: ApiCall = {
        name: `POST ${repoPath(owner, repo)}/attestations`,
        permission: 'attestations: write',
        notFoundMeansForbidden: true,
      };
      const { data: created } = await call(api, () =>
        octokit.request('POST /repos/{owner}/{repo}/attestations', { owner, repo, bundle } as never),
      );
      if (!isRecord(created) || typeof created.id !== 'number') {
        throw unexpected(api, 'an attestation without an id');
      }
      return { id: created.id, url: `${base}${repoPath(owner, repo)}/attestations` };
    },

    async submitDependencySnapshot({ owner, repo, snapshot }) {
      const api: ApiCall = {
        name: `POST ${repoPath(owner, repo)}/dependency-graph/snapshots`,
        permission: 'contents: write',
        notFoundMeansForbidden: true,
      };
      const { data: created } = await call(api, () =>
        octokit.request('POST /repos/{owner}/{repo}/dependency-graph/snapshots', {
          owner,
          repo,
          ...(snapshot as object),
        } as never),
      );
      if (!isRecord(created) || typeof created.id !== 'number' || typeof created.result !== 'string') {
        throw unexpected(api, 'a snapshot answer without an id or result');
      }
      return {
        id: created.id,
        result: created.result,
        message: typeof created.message === 'string' ? created.message : '',
      };
    },

    async listAttestations({ owner, repo, subjectDigest }) {
      const path = `${repo === undefined ? `/orgs/${encodeURIComponent(owner)}` : repoPath(owner, repo)}/attestations/${encodeURIComponent(subjectDigest).replace('%3A', ':')}`;
      const api: ApiCall = { name: `GET ${path}`, permission: 'attestations: read' };
      const listUrl = `${base}${path}`;
      // Octokit escapes the digest's colon (`sha256%3A…`); GitHub decodes path parameters.
      const route =
        repo === undefined
          ? 'GET /orgs/{org}/attestations/{subject_digest}'
          : 'GET /repos/{owner}/{repo}/attestations/{subject_digest}';
      const params =
        repo === undefined
          ? { org: owner, subject_digest: subjectDigest }
          : { owner, repo, subject_digest: subjectDigest };
      const attestations: AttestationListing['attestations'] = [];
      try {
        const iterator = octokit.paginate.iterator(
          route as never,
          { ...params, per_page: PAGE_SIZE } as never,
        );
        for await (const page of iterator as AsyncIterable<{ data: unknown }>) {
          const list = isRecord(page.data) ? page.data.attestations : page.data;
          if (!Array.isArray(list)) throw unexpected(api, 'a page without an attestations list');
          for (const item of list as unknown[]) {
            attestations.push(isRecord(item) ? { bundle: item.bundle } : {});
          }
          if (attestations.length > MAX_ATTESTATIONS) {
            throw new VerificationError(
              'too-many-attestations',
              `GitHub lists more than ${MAX_ATTESTATIONS} attestations for ${subjectDigest} at ${listUrl}; the gate will not read that many`,
            );
          }
        }
      } catch (error) {
        if (
          isRecord(error) &&
          error.status === 404 &&
          isRecord(error.response) &&
          attestations.length === 0
        ) {
          return { url: listUrl, exists: false, attestations };
        }
        throw toGateError(octokit, error, api);
      }
      return { url: listUrl, exists: true, attestations };
    },
  };
}

function repoPath(owner: string, repo: string): string {
  return `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
}

function isCheckRunStatus(value: unknown): value is CheckRunStatus {
  return value === 'queued' || value === 'in_progress' || value === 'completed';
}

function annotationBatches(annotations: readonly CheckRunAnnotation[] = []): CheckRunAnnotation[][] {
  const batches: CheckRunAnnotation[][] = [];
  for (let start = 0; start < annotations.length; start += MAX_ANNOTATIONS_PER_REQUEST) {
    batches.push(annotations.slice(start, start + MAX_ANNOTATIONS_PER_REQUEST));
  }
  return batches;
}

function outputPayload(output: CheckRunOutput, annotations: readonly CheckRunAnnotation[]) {
  return withoutUndefined({
    title: output.title,
    summary: output.summary,
    text: output.text,
    annotations: annotations.length > 0 ? annotations : undefined,
  });
}

/** Octokit would send an `undefined` field as a URL parameter or drop it unevenly: leave it out. */
function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
