/** Check runs as GitHub keeps them: created, updated in place, annotations appended. */
import {
  errorBody,
  integration,
  nodeId,
  timestamp,
  WEB_URL,
  type AppIdentity,
  type Site,
} from './objects.js';
import { notFound, pageOf, validationFailed, type ApiRequest, type Handler, type Reply } from './reply.js';

export interface CheckRunAnnotationRecord {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRunRecord {
  id: number;
  owner: string;
  repo: string;
  name: string;
  head_sha: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  started_at: string | null;
  completed_at: string | null;
  external_id: string;
  details_url: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  /** Every annotation delivered, in order, across the create call and all updates. */
  annotations: CheckRunAnnotationRecord[];
  /** The App that created the run: only it may change the run, and a ruleset may require it. */
  app: AppIdentity;
}

/** The request body fields both create and update accept (GitHub's schema has checked the types). */
interface CheckRunBody {
  name?: string;
  head_sha?: string;
  details_url?: string;
  external_id?: string;
  status?: string;
  started_at?: string;
  conclusion?: string;
  completed_at?: string;
  output?: { title?: string; summary?: string; text?: string; annotations?: CheckRunAnnotationRecord[] };
}

// Above 2^31, as GitHub's check run ids are: a client that keeps them in 32 bits breaks here too.
const FIRST_CHECK_RUN_ID = 30_000_000_001;

export function createCheckRunStore(site: Site) {
  const runs: CheckRunRecord[] = [];
  // GitHub groups a commit's runs by app into check suites.
  const suiteIds = new Map<string, number>();

  function suiteId(run: CheckRunRecord): number {
    const key = `${run.owner}/${run.repo}@${run.head_sha}/${run.app.id}`;
    let id = suiteIds.get(key);
    if (id === undefined) {
      id = 20_000_000_001 + suiteIds.size;
      suiteIds.set(key, id);
    }
    return id;
  }

  function toResponse(run: CheckRunRecord): Record<string, unknown> {
    const url = `${site.apiUrl}/repos/${run.owner}/${run.repo}/check-runs/${run.id}`;
    const htmlUrl = `${WEB_URL}/${run.owner}/${run.repo}/runs/${run.id}`;
    return {
      id: run.id,
      name: run.name,
      node_id: nodeId('CR', run.id),
      head_sha: run.head_sha,
      external_id: run.external_id,
      url,
      html_url: htmlUrl,
      details_url: run.details_url ?? htmlUrl,
      status: run.status,
      conclusion: run.conclusion,
      started_at: run.started_at,
      completed_at: run.completed_at,
      output: {
        ...run.output,
        annotations_count: run.annotations.length,
        annotations_url: `${url}/annotations`,
      },
      check_suite: { id: suiteId(run) },
      app: integration(site, run.app),
      pull_requests: [],
    };
  }

  function findRun(request: ApiRequest): CheckRunRecord | undefined {
    const { owner, repo, check_run_id: id } = request.path;
    return runs.find((run) => run.id === id && run.owner === owner && run.repo === repo);
  }

  /** Rules GitHub applies beyond its schema; undefined when the body passes them. */
  function ruleViolation(body: CheckRunBody, current: CheckRunRecord | undefined): Reply | undefined {
    const concluded = body.conclusion !== undefined || (current?.conclusion ?? null) !== null;
    if ((body.status === 'completed' || body.completed_at !== undefined) && !concluded) {
      return validationFailed('CheckRun', 'conclusion', 'missing_field');
    }
    // Only GitHub sets `stale`; only GitHub Actions' own runner sets the waiting states.
    if (body.conclusion === 'stale') return validationFailed('CheckRun', 'conclusion', 'invalid');
    if (['waiting', 'requested', 'pending'].includes(body.status ?? '')) {
      return validationFailed('CheckRun', 'status', 'invalid');
    }
    // The update schema leaves `output.title` optional, but GitHub's description marks it required.
    if (body.output && body.output.title === undefined) {
      return validationFailed('CheckRun', 'output.title', 'missing_field');
    }
    const badColumns = (body.output?.annotations ?? []).findIndex(
      (a) => (a.start_column !== undefined || a.end_column !== undefined) && a.start_line !== a.end_line,
    );
    if (badColumns >= 0) {
      return validationFailed('CheckRun', `output.annotations[${badColumns}].start_column`, 'invalid');
    }
    return undefined;
  }

  function applyOutput(run: CheckRunRecord, output: CheckRunBody['output']): void {
    if (!output) return;
    run.output = {
      title: output.title ?? run.output.title,
      summary: output.summary ?? run.output.summary,
      text: output.text ?? run.output.text,
    };
    run.annotations.push(...(output.annotations ?? []));
  }

  const create: Handler = (request) => {
    const body = request.body as CheckRunBody & { name: string; head_sha: string };
    const rejected = ruleViolation(body, undefined);
    if (rejected) return rejected;
    // GitHub rejects a head_sha that is no commit of the repository; the stand-in knows no commits,
    // so it checks the shape, which still catches a branch name or a ref passed by mistake.
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(body.head_sha))
      return validationFailed('CheckRun', 'head_sha', 'invalid');
    const now = timestamp();
    const concluded = body.conclusion !== undefined;
    const run: CheckRunRecord = {
      id: FIRST_CHECK_RUN_ID + runs.length,
      owner: String(request.path.owner),
      repo: String(request.path.repo),
      name: body.name,
      head_sha: body.head_sha,
      status: concluded ? 'completed' : ((body.status as CheckRunRecord['status'] | undefined) ?? 'queued'),
      conclusion: body.conclusion ?? null,
      started_at: body.started_at ?? now,
      completed_at: concluded ? (body.completed_at ?? now) : null,
      external_id: body.external_id ?? '',
      details_url: body.details_url ?? null,
      output: { title: null, summary: null, text: null },
      annotations: [],
      app: request.caller,
    };
    applyOutput(run, body.output);
    runs.push(run);
    return { status: 201, body: toResponse(run) };
  };

  const update: Handler = (request) => {
    const run = findRun(request);
    if (!run) return notFound();
    if (run.app.id !== request.caller.id) {
      return {
        status: 403,
        body: errorBody(
          403,
          `Invalid app_id \`${request.caller.id}\` - check run can only be modified by the GitHub App that created it.`,
        ),
      };
    }
    const body = request.body as CheckRunBody;
    const rejected = ruleViolation(body, run);
    if (rejected) return rejected;
    run.name = body.name ?? run.name;
    run.details_url = body.details_url ?? run.details_url;
    run.external_id = body.external_id ?? run.external_id;
    run.started_at = body.started_at ?? run.started_at;
    if (body.conclusion !== undefined) {
      run.status = 'completed';
      run.conclusion = body.conclusion;
      run.completed_at = body.completed_at ?? run.completed_at ?? timestamp();
    } else if (body.status === 'queued' || body.status === 'in_progress') {
      run.status = body.status;
      run.conclusion = null;
      run.completed_at = null;
    }
    applyOutput(run, body.output);
    return { status: 200, body: toResponse(run) };
  };

  const get: Handler = (request) => {
    const run = findRun(request);
    return run ? { status: 200, body: toResponse(run) } : notFound();
  };

  const listAnnotations: Handler = (request) => {
    const run = findRun(request);
    if (!run) return notFound();
    const page = pageOf(run.annotations, request);
    const body = page.items.map((annotation) => ({
      path: annotation.path,
      blob_href: `${WEB_URL}/${run.owner}/${run.repo}/blob/${run.head_sha}/${annotation.path}`,
      start_line: annotation.start_line,
      end_line: annotation.end_line,
      start_column: annotation.start_column ?? null,
      end_column: annotation.end_column ?? null,
      annotation_level: annotation.annotation_level,
      title: annotation.title ?? null,
      message: annotation.message,
      raw_details: annotation.raw_details ?? null,
    }));
    return { status: 200, body, headers: page.headers };
  };

  /**
   * GitHub documents no order for this list; the stand-in returns oldest first, the order in which a
   * client that stops at the first page misses the newest run. `filter=latest` (the default) keeps
   * the newest run of each name in each check suite, one suite per app and commit.
   */
  const listForRef: Handler = (request) => {
    const { owner, repo, ref } = request.path;
    const { check_name: checkName, status, filter, app_id: appId } = request.query;
    const matching = runs.filter(
      (run) =>
        run.owner === owner &&
        run.repo === repo &&
        run.head_sha === ref &&
        (checkName === undefined || run.name === checkName) &&
        (status === undefined || run.status === status) &&
        (appId === undefined || appId === run.app.id),
    );
    const selected =
      filter === 'all'
        ? matching
        : matching.filter(
            (run) =>
              !matching.some(
                (other) => other.name === run.name && other.app.id === run.app.id && other.id > run.id,
              ),
          );
    const page = pageOf(selected, request);
    return {
      status: 200,
      body: { total_count: selected.length, check_runs: page.items.map(toResponse) },
      headers: page.headers,
    };
  };

  return {
    handlers: {
      'POST /repos/{owner}/{repo}/check-runs': create,
      'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': update,
      'GET /repos/{owner}/{repo}/check-runs/{check_run_id}': get,
      'GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations': listAnnotations,
      'GET /repos/{owner}/{repo}/commits/{ref}/check-runs': listForRef,
    } satisfies Record<string, Handler>,
    checkRuns: (): CheckRunRecord[] => structuredClone(runs),
  };
}
