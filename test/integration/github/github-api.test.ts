import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createGitHubClient,
  type CheckRunAnnotation,
  type GitHubClient,
  type GitHubClientOptions,
} from '../../../src/adapters/github/create-client.js';
import { GateError } from '../../../src/errors.js';
import { startGitHubApi, type GitHubApiStandIn } from '../../support/github-api.js';

const OWNER = 'acme';
const REPO = 'app';
const HEAD_SHA = '3f786850e387550fdab836ed7e6dc881de23001b';
const OTHER_SHA = '89e6c98d92887913cadf06b2adb97f26cde4849b';
const CHECK_NAME = 'supply-chain-gate';
const POLICY_PATH = '.github/supply-chain-gate.yml';
const CREATE_CHECK_RUN = 'POST /repos/{owner}/{repo}/check-runs';

function annotations(count: number): CheckRunAnnotation[] {
  return Array.from({ length: count }, (_, index) => ({
    path: 'Dockerfile',
    start_line: index + 1,
    end_line: index + 1,
    annotation_level: 'warning' as const,
    message: `finding ${index}`,
  }));
}

/** What the promise rejected with, so a test can look at the error's code and message together. */
async function rejectionOf(promise: Promise<unknown>): Promise<GateError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof GateError)) throw new Error(`expected a GateError, got ${String(error)}`);
  return error;
}

/** Retries without waiting: the delays asked for are checked, not slept. */
/** Waits of a millisecond per second GitHub asks: retries without the wall time. */
const noWait = { waitUnitMs: 0 };

/** A fetch that answers every request with one canned response, for shapes the stand-in never sends. */
function answering(status: number, body: unknown, headers: Record<string, string> = {}): typeof fetch {
  return async () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
}

describe('GitHub client against the GitHub API stand-in', () => {
  let api: GitHubApiStandIn;
  let github: GitHubClient;

  beforeEach(async () => {
    api = await startGitHubApi();
    github = createGitHubClient({ apiUrl: api.url, token: api.token, retry: noWait });
  });
  afterEach(() => api.stop());

  it('creates an in-progress check run, then completes it with its output', async () => {
    const created = await github.createCheckRun({
      owner: OWNER,
      repo: REPO,
      name: CHECK_NAME,
      headSha: HEAD_SHA,
      status: 'in_progress',
      startedAt: '2026-11-28T12:00:00.123Z',
      detailsUrl: 'https://github.com/acme/app/actions/runs/42',
    });
    await github.updateCheckRun({
      owner: OWNER,
      repo: REPO,
      checkRunId: created.id,
      status: 'completed',
      conclusion: 'failure',
      completedAt: '2026-11-28T12:01:00Z',
      output: {
        title: '1 rule(s) failed',
        summary: '## supply-chain-gate\n\nThe image runs as root.',
        text: 'details',
      },
    });

    expect(api.violations).toEqual([]);
    expect(api.requests.map((request) => [request.operation, request.status])).toEqual([
      [CREATE_CHECK_RUN, 201],
      ['PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', 200],
    ]);
    const [stored] = api.checkRuns();
    expect(stored).toMatchObject({
      id: created.id,
      head_sha: HEAD_SHA,
      name: CHECK_NAME,
      status: 'completed',
      conclusion: 'failure',
      started_at: '2026-11-28T12:00:00.123Z',
      completed_at: '2026-11-28T12:01:00Z',
      details_url: 'https://github.com/acme/app/actions/runs/42',
      output: {
        title: '1 rule(s) failed',
        summary: '## supply-chain-gate\n\nThe image runs as root.',
        text: 'details',
      },
    });
    expect(created.htmlUrl).toBe(`https://github.com/acme/app/runs/${created.id}`);
  });

  it("sends GitHub's media type, API version, a user agent and the token as a bearer token", async () => {
    await github.createCheckRun({
      owner: OWNER,
      repo: REPO,
      name: CHECK_NAME,
      headSha: HEAD_SHA,
      status: 'queued',
    });

    const [request] = api.requests;
    expect(request?.status).toBe(201);
    expect(request?.headers).toMatchObject({
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'content-type': expect.stringMatching(/^application\/json\b/),
    });
    expect(request?.headers['user-agent']).toMatch(/^supply-chain-gate\//);
  });

  it('delivers 120 annotations in three PATCHes of at most 50 and completes the run with the last', async () => {
    const { id } = await github.createCheckRun({
      owner: OWNER,
      repo: REPO,
      name: CHECK_NAME,
      headSha: HEAD_SHA,
      status: 'in_progress',
    });
    await github.updateCheckRun({
      owner: OWNER,
      repo: REPO,
      checkRunId: id,
      conclusion: 'failure',
      output: { title: '120 findings', summary: 'see annotations', annotations: annotations(120) },
    });

    expect(api.violations).toEqual([]);
    const patches = api.requests.filter((request) => request.method === 'PATCH');
    const bodies = patches.map(
      (request) => request.body as { conclusion?: string; output: { annotations: unknown[] } },
    );
    expect(bodies.map((body) => body.output.annotations.length)).toEqual([50, 50, 20]);
    expect(bodies.map((body) => body.conclusion)).toEqual([undefined, undefined, 'failure']);
    const stored = api.checkRuns()[0]?.annotations ?? [];
    expect(stored.map((annotation) => annotation.message)).toEqual(annotations(120).map((a) => a.message));
  });

  it('creates a check run with 60 annotations as a create carrying 50 and a PATCH carrying 10', async () => {
    await github.createCheckRun({
      owner: OWNER,
      repo: REPO,
      name: CHECK_NAME,
      headSha: HEAD_SHA,
      status: 'completed',
      conclusion: 'success',
      output: { title: 'passed', summary: 'all rules passed', annotations: annotations(60) },
    });

    expect(api.violations).toEqual([]);
    expect(api.requests.map((request) => request.method)).toEqual(['POST', 'PATCH']);
    expect(api.checkRuns()[0]?.annotations).toHaveLength(60);
  });

  it('finds the newest check run of a name when it is on the second page', async () => {
    const create = (name: string, headSha = HEAD_SHA) =>
      github.createCheckRun({
        owner: OWNER,
        repo: REPO,
        name,
        headSha,
        status: 'completed',
        conclusion: 'success',
      });
    for (let run = 0; run < 104; run += 1) await create(CHECK_NAME);
    await create('lint');
    const newest = await create(CHECK_NAME);
    await create(CHECK_NAME, OTHER_SHA);

    const found = await github.findCheckRun({ owner: OWNER, repo: REPO, ref: HEAD_SHA, name: CHECK_NAME });

    expect(found).toEqual({ id: newest.id, status: 'completed', htmlUrl: newest.htmlUrl });
    const pages = api.requests.filter(
      (request) => request.operation === 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
    );
    expect(pages.map((request) => request.query.page)).toEqual([undefined, '2']);
    expect(api.violations).toEqual([]);
  });

  it('finds no check run on a commit that has none of that name', async () => {
    await github.createCheckRun({
      owner: OWNER,
      repo: REPO,
      name: 'lint',
      headSha: HEAD_SHA,
      status: 'queued',
    });

    expect(
      await github.findCheckRun({ owner: OWNER, repo: REPO, ref: HEAD_SHA, name: CHECK_NAME }),
    ).toBeUndefined();
  });

  it("reads a file's text at a ref, whatever its characters", async () => {
    const policy = `# Politique: pas de racine ✓\n${'signatures:\n  - identity: https://github.com/acme/app/.github/workflows/build.yml@refs/heads/main\n'.repeat(3)}`;
    api.setContent(OWNER, REPO, POLICY_PATH, 'main', policy);

    expect(await github.getFileContent({ owner: OWNER, repo: REPO, path: POLICY_PATH, ref: 'main' })).toBe(
      policy,
    );
    expect(api.requests[0]).toMatchObject({
      path: `/repos/acme/app/contents/${POLICY_PATH}`,
      query: { ref: 'main' },
    });
    expect(api.violations).toEqual([]);
  });

  it('answers undefined for a file that does not exist at that ref', async () => {
    api.setContent(OWNER, REPO, POLICY_PATH, 'feature', 'mode: audit\n');

    expect(
      await github.getFileContent({ owner: OWNER, repo: REPO, path: POLICY_PATH, ref: 'main' }),
    ).toBeUndefined();
    expect(api.requests[0]?.status).toBe(404);
  });

  it('reports a rejected token as github-unauthorized, and never shows the token', async () => {
    const token = 'ghs_revokedTokenThatMustNeverBeShown000000';
    const revoked = createGitHubClient({ apiUrl: api.url, token });

    const error = await rejectionOf(
      revoked.createCheckRun({
        owner: OWNER,
        repo: REPO,
        name: CHECK_NAME,
        headSha: HEAD_SHA,
        status: 'queued',
      }),
    );

    expect(error.code).toBe('github-unauthorized');
    expect(error.kind).toBe('configuration');
    expect(error.message).toContain('POST /repos/acme/app/check-runs returned 401 (Bad credentials)');
    expect(error.message).not.toContain(token);
    expect(error.message).not.toContain('\n');
  });

  it.each([403, 404])(
    'tells the user to add checks: write when creating a check run gets %i',
    async (status) => {
      api.failNext(CREATE_CHECK_RUN, status);

      const error = await rejectionOf(
        github.createCheckRun({
          owner: OWNER,
          repo: REPO,
          name: CHECK_NAME,
          headSha: HEAD_SHA,
          status: 'queued',
        }),
      );

      expect(error.code).toBe('github-forbidden');
      expect(error.kind).toBe('configuration');
      expect(error.message).toContain(`POST /repos/acme/app/check-runs returned ${status}`);
      expect(error.message).toContain('add "checks: write" to the job\'s "permissions:"');
      expect(error.message).not.toContain(api.token);
    },
  );

  it('cuts the token out of a message that echoes it', async () => {
    for (let attempt = 0; attempt < 6; attempt += 1) {
      api.failNext(CREATE_CHECK_RUN, 502, { message: `upstream rejected Bearer ${api.token}` });
    }

    const error = await rejectionOf(
      github.createCheckRun({
        owner: OWNER,
        repo: REPO,
        name: CHECK_NAME,
        headSha: HEAD_SHA,
        status: 'queued',
      }),
    );

    expect(error.code).toBe('github-request-failed');
    expect(error.message).toBe(
      'GitHub API POST /repos/acme/app/check-runs returned 502 (upstream rejected Bearer ***) after 4 attempts',
    );
  });

  it('reports a spent rate limit as github-rate-limited, not as a missing permission', async () => {
    api.failNext(CREATE_CHECK_RUN, 403, { message: 'API rate limit exceeded for installation ID 4242.' });

    const error = await rejectionOf(
      github.createCheckRun({
        owner: OWNER,
        repo: REPO,
        name: CHECK_NAME,
        headSha: HEAD_SHA,
        status: 'queued',
      }),
    );

    expect(error.code).toBe('github-rate-limited');
    expect(error.message).not.toContain('permissions');
  });

  it('reports an API it cannot connect to as github-unreachable, naming the URL', async () => {
    const gone = await startGitHubApi();
    await gone.stop();
    const unreachable = createGitHubClient({ apiUrl: gone.url, token: gone.token, retry: noWait });

    const error = await rejectionOf(
      unreachable.getFileContent({ owner: OWNER, repo: REPO, path: POLICY_PATH, ref: 'main' }),
    );

    expect(error.code).toBe('github-unreachable');
    expect(error.message).toContain(`cannot reach the GitHub API at ${gone.url} (ECONNREFUSED, 4 attempts)`);
  });

  it('gives up on an API that accepts the connection but never answers', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const client = createGitHubClient({
      apiUrl: url,
      token: 't',
      timeoutMs: 200,
      retry: { retries: 1, waitUnitMs: 0 },
    });

    try {
      const error = await rejectionOf(
        client.findCheckRun({ owner: OWNER, repo: REPO, ref: HEAD_SHA, name: CHECK_NAME }),
      );

      expect(error.code).toBe('github-unreachable');
      expect(error.message).toContain(
        `cannot reach the GitHub API at ${url} (no answer within 0.2 s, 2 attempts)`,
      );
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it('calls a GitHub Enterprise Server API under its /api/v3 path', async () => {
    const enterprise = 'https://ghe.example/api/v3';
    const viaStandIn: typeof fetch = (input, init) => fetch(String(input).replace(enterprise, api.url), init);
    const client = createGitHubClient({ apiUrl: enterprise, token: api.token, fetch: viaStandIn });

    await client.createCheckRun({
      owner: OWNER,
      repo: REPO,
      name: CHECK_NAME,
      headSha: HEAD_SHA,
      status: 'queued',
    });

    expect(api.requests[0]).toMatchObject({ path: '/repos/acme/app/check-runs', status: 201 });
  });

  it('refuses a plain-http API URL on another host, which would carry the token in clear text', () => {
    expect(() => createGitHubClient({ apiUrl: 'http://ghe.example/api/v3', token: 't' })).toThrow(
      expect.objectContaining({ code: 'invalid-github-api-url' }),
    );
  });

  it('refuses to follow a next page to another host', async () => {
    const client = createGitHubClient({
      apiUrl: 'https://api.github.com',
      token: 't',
      fetch: answering(
        200,
        { total_count: 200, check_runs: [] },
        { link: '<https://evil.example/next>; rel="next"' },
      ),
    });

    const error = await rejectionOf(
      client.findCheckRun({ owner: OWNER, repo: REPO, ref: HEAD_SHA, name: CHECK_NAME }),
    );

    expect(error.code).toBe('github-unexpected-response');
    expect(error.message).toContain('evil.example');
  });

  it('says so when the policy path names a directory', async () => {
    const listing = [{ type: 'file', name: 'ci.yml', path: '.github/ci.yml' }];
    const client = createGitHubClient({
      apiUrl: 'https://api.github.com',
      token: 't',
      fetch: answering(200, listing),
    });

    const error = await rejectionOf(
      client.getFileContent({ owner: OWNER, repo: REPO, path: '.github', ref: 'main' }),
    );

    expect(error.code).toBe('github-not-a-file');
    expect(error.message).toBe('.github at main is a directory, not a file: name a file');
  });

  it('says so when a file is too large for the contents API to return inline', async () => {
    const tooLarge = { type: 'file', encoding: 'none', content: '', size: 2_000_000, path: POLICY_PATH };
    const client = createGitHubClient({
      apiUrl: 'https://api.github.com',
      token: 't',
      fetch: answering(200, tooLarge),
    });

    const error = await rejectionOf(
      client.getFileContent({ owner: OWNER, repo: REPO, path: POLICY_PATH, ref: 'main' }),
    );

    expect(error.code).toBe('github-file-too-large');
  });
});

describe('GitHub client retries, through Octokit plugin-retry and plugin-throttling', () => {
  let api: GitHubApiStandIn;
  /** What the client said before each retry or wait: the log a run shows. */
  let notes: string[];
  // A millisecond for each second GitHub asks to wait: the waits happen, without the wall time.
  const client = (overrides: Partial<GitHubClientOptions> = {}) =>
    createGitHubClient({
      apiUrl: api.url,
      token: api.token,
      retry: { waitUnitMs: 1 },
      onRetry: (message) => notes.push(message),
      ...overrides,
    });
  const queued = (github: GitHubClient) =>
    github.createCheckRun({
      owner: OWNER,
      repo: REPO,
      name: CHECK_NAME,
      headSha: HEAD_SHA,
      status: 'queued',
    });
  /** Answers the first calls itself, then hands the rest to the stand-in. */
  const firstAnswers =
    (...answers: Array<() => Response>): typeof fetch =>
    async (input, init) => {
      const next = answers.shift();
      return next ? next() : fetch(input, init);
    };

  beforeEach(async () => {
    api = await startGitHubApi();
    notes = [];
  });
  afterEach(() => api.stop());

  it('retries 5xx answers, and the call then succeeds once', async () => {
    api.failNext(CREATE_CHECK_RUN, 502);
    api.failNext(CREATE_CHECK_RUN, 503);

    const created = await queued(client());

    expect(notes).toEqual([
      'GitHub API POST /repos/acme/app/check-runs answered 502; trying again (attempt 2 of 4)',
      'GitHub API POST /repos/acme/app/check-runs answered 503; trying again (attempt 3 of 4)',
    ]);
    expect(api.checkRuns().map((run) => run.id)).toEqual([created.id]);
    expect(api.violations).toEqual([]);
  });

  it('retries a 429', async () => {
    const github = client({
      fetch: firstAnswers(
        () =>
          new Response('{"message":"Too Many Requests"}', {
            status: 429,
            headers: { 'retry-after': '7', 'content-type': 'application/json' },
          }),
      ),
    });

    await queued(github);

    expect(notes).toEqual([expect.stringContaining('answered 429; trying again')]);
    expect(api.checkRuns()).toHaveLength(1);
  });

  it('waits a minute on a secondary rate limit that names no wait, as GitHub advises', async () => {
    api.failNext(CREATE_CHECK_RUN, 403, {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    });

    await queued(client());

    expect(notes).toEqual([
      'GitHub API POST /repos/acme/app/check-runs hit the secondary rate limit; waiting 60 s as GitHub asks (retry 1 of 3)',
    ]);
    expect(api.checkRuns()).toHaveLength(1);
  });

  it('waits for x-ratelimit-reset when the limit resets soon, and gives up at once when it resets later', async () => {
    const spent = (inSeconds: number) => () =>
      new Response('{"message":"API rate limit exceeded"}', {
        status: 403,
        headers: {
          'content-type': 'application/json',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + inSeconds),
        },
      });

    await queued(client({ fetch: firstAnswers(spent(20)) }));
    expect(notes).toHaveLength(1);
    const waited = Number(/waiting (\d+) s/.exec(notes[0]!)?.[1]);
    expect(waited).toBeGreaterThan(15);
    expect(waited).toBeLessThanOrEqual(22);

    notes = [];
    const error = await rejectionOf(queued(client({ fetch: firstAnswers(spent(3_600)) })));
    expect(notes).toEqual([]);
    expect(error.code).toBe('github-rate-limited');
    expect(error.message).toMatch(/it resets at \d{4}-\d\d-\d\dT/);
  });

  it.each([
    [403, 'github-forbidden'],
    [404, 'github-forbidden'],
    [422, 'github-request-failed'],
  ])('does not retry a %i that is not a rate limit', async (status, code) => {
    api.failNext(CREATE_CHECK_RUN, status);

    const error = await rejectionOf(queued(client()));

    expect(error.code).toBe(code);
    expect(notes).toEqual([]);
    expect(api.requests).toHaveLength(1);
  });

  it('gives up after its retries, saying how many attempts it made', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) api.failNext(CREATE_CHECK_RUN, 500);

    const error = await rejectionOf(queued(client({ retry: { retries: 2, waitUnitMs: 1 } })));

    expect(notes).toHaveLength(2);
    expect(error.message).toBe(
      'GitHub API POST /repos/acme/app/check-runs returned 500 (Internal Server Error) after 3 attempts',
    );
  });

  it('retries a connection that failed, then reaches the API', async () => {
    const github = client({
      fetch: firstAnswers(() => {
        throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
      }),
    });

    await queued(github);

    expect(notes[0]).toContain('could not be reached (ECONNRESET); trying again (attempt 2 of 4)');
    expect(api.checkRuns()).toHaveLength(1);
  });

  it('retries a read of every page, so a list is never cut short by a blip', async () => {
    for (let run = 0; run < 101; run += 1) await queued(client());
    api.failNext('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', 502);

    const found = await client().findCheckRun({ owner: OWNER, repo: REPO, ref: HEAD_SHA, name: CHECK_NAME });

    expect(found).toMatchObject({ id: api.checkRuns().at(-1)!.id, status: 'queued' });
    expect(notes).toEqual([expect.stringContaining('answered 502; trying again')]);
  });
});

describe('GitHub client: pull request comments', () => {
  let api: GitHubApiStandIn;
  let github: GitHubClient;

  beforeEach(async () => {
    api = await startGitHubApi();
    github = createGitHubClient({ apiUrl: api.url, token: api.token });
  });
  afterEach(() => api.stop());

  it('creates, lists across pages, and edits comments, each request as GitHub takes it', async () => {
    for (let n = 0; n < 101; n += 1) {
      await github.createIssueComment({ owner: OWNER, repo: REPO, issueNumber: 7, body: `comment ${n}` });
    }
    const comments = await github.listIssueComments({ owner: OWNER, repo: REPO, issueNumber: 7 });
    const edited = await github.updateIssueComment({
      owner: OWNER,
      repo: REPO,
      commentId: comments[100]!.id,
      body: 'edited',
    });

    expect(comments).toHaveLength(101);
    expect(comments[100]).toMatchObject({ body: 'comment 100', authorType: 'Bot' });
    expect(edited.htmlUrl).toContain('#issuecomment-');
    expect(api.issueComments(OWNER, REPO, 7).at(-1)?.body).toBe('edited');
    expect(api.violations).toEqual([]);
  });

  it('names the permission a comment needs when the token lacks it', async () => {
    api.failNext('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', 403);

    const error = await rejectionOf(
      github.createIssueComment({ owner: OWNER, repo: REPO, issueNumber: 7, body: 'x' }),
    );

    expect(error.message).toContain('add "pull-requests: write" to the job\'s "permissions:"');
  });
});

describe('GitHub API stand-in', () => {
  let api: GitHubApiStandIn;

  beforeEach(async () => {
    api = await startGitHubApi();
  });
  afterEach(() => api.stop());

  async function call(
    method: string,
    path: string,
    body?: unknown,
    authorization: string | null = `Bearer ${api.token}`,
  ): Promise<{ status: number; body: unknown; link: string | null }> {
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: { ...(authorization ? { authorization } : {}), 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : undefined,
      link: response.headers.get('link'),
    };
  }

  const createCheckRun = (body: Record<string, unknown>) => call('POST', '/repos/acme/app/check-runs', body);

  it('rejects a conclusion GitHub does not know with 422 and records the violation', async () => {
    const response = await createCheckRun({ name: CHECK_NAME, head_sha: HEAD_SHA, conclusion: 'bogus' });

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      message: 'Validation Failed',
      errors: [{ field: 'conclusion', code: 'invalid' }],
    });
    expect(api.violations).toHaveLength(1);
    expect(api.violations[0]?.errors).toEqual([
      expect.objectContaining({ keyword: 'enum', instancePath: '/conclusion' }),
    ]);
    expect(api.checkRuns()).toEqual([]);
  });

  it('rejects a check run without its required head_sha', async () => {
    const response = await createCheckRun({ name: CHECK_NAME });

    expect(response.status).toBe(422);
    expect(api.violations[0]?.errors).toEqual([
      expect.objectContaining({ keyword: 'required', params: { missingProperty: 'head_sha' } }),
    ]);
  });

  it('rejects a completed check run without a conclusion, a rule beyond the schema', async () => {
    const response = await createCheckRun({ name: CHECK_NAME, head_sha: HEAD_SHA, status: 'completed' });

    expect(response.status).toBe(422);
    expect(api.violations).toEqual([expect.objectContaining({ message: 'Validation Failed', errors: [] })]);
  });

  it('rejects a head_sha that is a branch name rather than a commit', async () => {
    const response = await createCheckRun({ name: CHECK_NAME, head_sha: 'main' });

    expect(response.status).toBe(422);
    expect(api.violations).toHaveLength(1);
  });

  it('rejects 51 annotations in one update, as GitHub does', async () => {
    const created = await createCheckRun({ name: CHECK_NAME, head_sha: HEAD_SHA });
    const id = (created.body as { id: number }).id;

    const response = await call('PATCH', `/repos/acme/app/check-runs/${id}`, {
      output: { title: 't', summary: 's', annotations: annotations(51) },
    });

    expect(response.status).toBe(422);
    expect(api.violations[0]?.errors).toEqual([expect.objectContaining({ keyword: 'maxItems' })]);
    expect(api.checkRuns()[0]?.annotations).toEqual([]);
  });

  it('rejects a query parameter GitHub does not define, so a misspelt filter cannot pass unnoticed', async () => {
    const response = await call(
      'GET',
      `/repos/acme/app/commits/${HEAD_SHA}/check-runs?checkName=${CHECK_NAME}`,
    );

    expect(response.status).toBe(422);
    expect(api.violations[0]?.errors).toEqual([
      expect.objectContaining({
        keyword: 'additionalProperties',
        params: { additionalProperty: 'checkName' },
      }),
    ]);
  });

  it('answers 401 without a token or with another one, and accepts the older "token" scheme', async () => {
    const path = `/repos/acme/app/contents/${POLICY_PATH}`;
    api.setContent(OWNER, REPO, POLICY_PATH, 'main', 'mode: audit\n');

    expect(await call('GET', path, undefined, null)).toMatchObject({
      status: 401,
      body: { message: 'Requires authentication' },
    });
    expect(await call('GET', path, undefined, 'Bearer ghs_someoneElse')).toMatchObject({
      status: 401,
      body: { message: 'Bad credentials' },
    });
    expect((await call('GET', path, undefined, `token ${api.token}`)).status).toBe(200);
    expect(api.requests.every((request) => !('authorization' in request.headers))).toBe(true);
    expect(api.violations).toEqual([]);
  });

  it('records a path GitHub does not have as a 404 violation', async () => {
    const response = await call('GET', '/repos/acme/app/check-suitez');

    expect(response.status).toBe(404);
    expect(api.violations).toEqual([
      expect.objectContaining({
        message: 'Not Found',
        request: expect.objectContaining({ operation: undefined }),
      }),
    ]);
  });

  it('appends annotations across updates and pages through them with a Link header', async () => {
    const created = await createCheckRun({
      name: CHECK_NAME,
      head_sha: HEAD_SHA,
      output: { title: 't', summary: 's', annotations: annotations(3) },
    });
    const id = (created.body as { id: number }).id;
    await call('PATCH', `/repos/acme/app/check-runs/${id}`, {
      output: { title: 't', summary: 's', annotations: annotations(2) },
    });

    const first = await call('GET', `/repos/acme/app/check-runs/${id}/annotations?per_page=2`);
    const last = await call('GET', `/repos/acme/app/check-runs/${id}/annotations?per_page=2&page=3`);

    expect((first.body as unknown[]).length).toBe(2);
    expect(first.link).toContain(
      `<${api.url}/repos/acme/app/check-runs/${id}/annotations?per_page=2&page=2>; rel="next"`,
    );
    expect(last.body).toEqual([expect.objectContaining({ message: 'finding 1', start_column: null })]);
    expect(last.link).not.toContain('rel="next"');
    const fetched = await call('GET', `/repos/acme/app/check-runs/${id}`);
    expect(fetched.body).toMatchObject({ output: { annotations_count: 5 } });
  });

  it('serves a file as base64 in 60-column lines with its git blob sha', async () => {
    api.setContent(OWNER, REPO, 'hello.txt', 'main', 'hello\n');
    api.setContent(OWNER, REPO, 'long.txt', 'main', 'x'.repeat(100));

    const hello = await call('GET', '/repos/acme/app/contents/hello.txt');
    const long = await call('GET', '/repos/acme/app/contents/long.txt?ref=main');

    // `git hash-object` of "hello\n".
    expect(hello.body).toMatchObject({ sha: 'ce013625030ba8dba906f756967f9e9ca394464a', encoding: 'base64' });
    expect((long.body as { content: string }).content.split('\n').map((line) => line.length)).toEqual([
      60, 60, 16, 0,
    ]);
  });

  it('stores attestations and lists them by subject digest, a page at a time with an after cursor', async () => {
    const digest = `sha256:${'ab'.repeat(32)}`;
    const bundleFor = (subjectDigest: string) => ({
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      verificationMaterial: { certificate: { rawBytes: 'MIIB' } },
      dsseEnvelope: {
        payloadType: 'application/vnd.in-toto+json',
        payload: Buffer.from(
          JSON.stringify({
            _type: 'https://in-toto.io/Statement/v1',
            subject: [
              { name: 'ghcr.io/acme/app', digest: { sha256: subjectDigest.slice('sha256:'.length) } },
            ],
            predicateType: 'https://slsa.dev/provenance/v1',
            predicate: {},
          }),
        ).toString('base64'),
        signatures: [{ sig: 'MEUC' }],
      },
    });
    for (let n = 0; n < 3; n += 1) {
      expect((await call('POST', '/repos/acme/app/attestations', { bundle: bundleFor(digest) })).status).toBe(
        201,
      );
    }
    await call('POST', '/repos/acme/app/attestations', { bundle: bundleFor(`sha256:${'cd'.repeat(32)}`) });

    const first = await call('GET', `/repos/acme/app/attestations/${digest}?per_page=2`);
    const next = /<([^>]+)>; rel="next"/.exec(first.link ?? '')?.[1];
    const second = await call('GET', new URL(next ?? '').pathname + new URL(next ?? '').search);
    const forOrg = await call('GET', `/orgs/acme/attestations/${digest}`);

    expect((first.body as { attestations: unknown[] }).attestations).toHaveLength(2);
    expect(next).toContain('after=');
    expect((second.body as { attestations: unknown[] }).attestations).toHaveLength(1);
    expect(second.link ?? '').not.toContain('rel="next"');
    expect((forOrg.body as { attestations: unknown[] }).attestations).toHaveLength(3);
    expect(api.attestations()).toHaveLength(4);
    expect(api.violations).toEqual([]);
  });

  it('rejects an attestation bundle without an in-toto statement', async () => {
    const response = await call('POST', '/repos/acme/app/attestations', { bundle: { mediaType: 'x' } });

    expect(response.status).toBe(422);
    expect(api.violations).toHaveLength(1);
  });

  it('creates, edits and lists issue comments', async () => {
    const created = await call('POST', '/repos/acme/app/issues/7/comments', { body: 'first' });
    const id = (created.body as { id: number }).id;
    await call('PATCH', `/repos/acme/app/issues/comments/${id}`, { body: 'edited' });
    const listed = await call('GET', '/repos/acme/app/issues/7/comments');

    expect(listed.body).toEqual([
      expect.objectContaining({ id, body: 'edited', user: expect.objectContaining({ type: 'Bot' }) }),
    ]);
    expect(api.issueComments(OWNER, REPO, 7).map((comment) => comment.body)).toEqual(['edited']);
    expect((await call('PATCH', '/repos/acme/app/issues/comments/1', { body: 'x' })).status).toBe(404);
  });

  it('serves a declared pull request, from a fork, and 404 for any other', async () => {
    api.setPullRequest(OWNER, REPO, {
      number: 42,
      head: { ref: 'feature', sha: HEAD_SHA, repo: 'contributor/app' },
      base: { ref: 'main', sha: OTHER_SHA },
    });

    const pull = await call('GET', '/repos/acme/app/pulls/42');

    expect(pull.body).toMatchObject({
      number: 42,
      head: { sha: HEAD_SHA, repo: { full_name: 'contributor/app' } },
      base: { ref: 'main', repo: { full_name: 'acme/app' } },
    });
    expect((await call('GET', '/repos/acme/app/pulls/43')).status).toBe(404);
  });

  it('records commit statuses', async () => {
    const response = await call('POST', `/repos/acme/app/statuses/${HEAD_SHA}`, {
      state: 'failure',
      context: CHECK_NAME,
    });

    expect(response.status).toBe(201);
    expect(api.statuses()).toEqual([
      expect.objectContaining({ sha: HEAD_SHA, state: 'failure', context: CHECK_NAME }),
    ]);
  });

  it('answers an injected failure once, then behaves as before', async () => {
    api.setContent(OWNER, REPO, POLICY_PATH, 'main', 'x');
    api.failNext('GET /repos/{owner}/{repo}/contents/{path}', 403);

    const statuses = [];
    for (let n = 0; n < 2; n += 1)
      statuses.push((await call('GET', `/repos/acme/app/contents/${POLICY_PATH}`)).status);

    expect(statuses).toEqual([403, 200]);
    expect(api.violations).toEqual([]);
  });

  it('refuses to inject a failure for an operation GitHub does not have', () => {
    expect(() => api.failNext('GET /repos/{owner}/{repo}/nothing', 500)).toThrow('no GitHub operation');
  });

  it("fails stop() when one of its own responses breaks GitHub's schema", async () => {
    const broken = await startGitHubApi();
    broken.failNext('GET /repos/{owner}/{repo}/contents/{path}', 404, { message: 404 });

    const response = await fetch(`${broken.url}/repos/acme/app/contents/x`, {
      headers: { authorization: `Bearer ${broken.token}` },
    });

    expect(response.status).toBe(500);
    await expect(broken.stop()).rejects.toThrow(
      "its 404 response to GET /repos/{owner}/{repo}/contents/{path} breaks GitHub's schema",
    );
  });
});
