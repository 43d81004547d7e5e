/**
 * Issues, labels and issue search, as watch mode uses them: issues listed (by label, state and
 * `since`, oldest first or newest first, paged), created, read and edited as the token's bot;
 * labels read and created (a second create of one name is refused, as GitHub does); search over
 * the issues' title and body by quoted phrase, `repo:`, `is:issue`, `label:` and `in:body`.
 */
import { errorBody, nodeId, simpleUser, timestamp, WEB_URL, type Account, type Site } from './objects.js';
import { notFound, pageOf, type Handler } from './reply.js';

export interface IssueRecord {
  id: number;
  number: number;
  owner: string;
  repo: string;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'reopened' | 'not_planned' | 'duplicate' | null;
  labels: string[];
  author: Account;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface LabelRecord {
  id: number;
  owner: string;
  repo: string;
  name: string;
  color: string;
  description: string | null;
}

export function createIssueStore(site: Site) {
  const issues: IssueRecord[] = [];
  const labels: LabelRecord[] = [];
  const numbers = new Map<string, number>();
  // GitHub's timestamps have whole seconds; `since` compares with them.
  const nextTime = () => timestamp();

  function labelResponse(label: LabelRecord): Record<string, unknown> {
    return {
      id: label.id,
      node_id: nodeId('LA', label.id),
      url: `${site.apiUrl}/repos/${label.owner}/${label.repo}/labels/${encodeURIComponent(label.name)}`,
      name: label.name,
      description: label.description,
      color: label.color,
      default: false,
    };
  }

  function issueResponse(issue: IssueRecord): Record<string, unknown> {
    const url = `${site.apiUrl}/repos/${issue.owner}/${issue.repo}/issues/${issue.number}`;
    return {
      id: issue.id,
      node_id: nodeId('I', issue.id),
      url,
      repository_url: `${site.apiUrl}/repos/${issue.owner}/${issue.repo}`,
      labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`,
      events_url: `${url}/events`,
      html_url: `${WEB_URL}/${issue.owner}/${issue.repo}/issues/${issue.number}`,
      number: issue.number,
      state: issue.state,
      state_reason: issue.state_reason,
      title: issue.title,
      body: issue.body,
      user: simpleUser(site, issue.author),
      labels: issue.labels.map((name) => {
        const label = labels.find((l) => l.owner === issue.owner && l.repo === issue.repo && l.name === name);
        return label ? labelResponse(label) : name;
      }),
      assignee: null,
      assignees: [],
      milestone: null,
      locked: false,
      comments: 0,
      created_at: issue.created_at,
      updated_at: issue.updated_at,
      closed_at: issue.closed_at,
      author_association: 'NONE',
    };
  }

  const inRepo = (owner: unknown, repo: unknown) => (issue: { owner: string; repo: string }) =>
    issue.owner === owner && issue.repo === repo;

  const list: Handler = (request) => {
    const { owner, repo } = request.path;
    const { state = 'open', labels: wanted, since, sort = 'created', direction = 'desc' } = request.query;
    const labelNames = typeof wanted === 'string' ? wanted.split(',').filter(Boolean) : [];
    const sinceTime = typeof since === 'string' ? Date.parse(since) : undefined;
    const matching = issues
      .filter(inRepo(owner, repo))
      .filter((issue) => state === 'all' || issue.state === state)
      .filter((issue) => labelNames.every((name) => issue.labels.includes(name)))
      .filter((issue) => sinceTime === undefined || Date.parse(issue.updated_at) >= sinceTime)
      .sort((a, b) => {
        const key = sort === 'updated' ? 'updated_at' : 'created_at';
        const order = a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : a.number - b.number;
        return direction === 'asc' ? order : -order;
      });
    const page = pageOf(matching, request);
    return { status: 200, body: page.items.map(issueResponse), headers: page.headers };
  };

  const create: Handler = (request) => {
    const owner = String(request.path.owner);
    const repo = String(request.path.repo);
    const body = request.body as {
      title: string | number;
      body?: string;
      labels?: Array<string | { name?: string }>;
    };
    const number = (numbers.get(`${owner}/${repo}`) ?? 0) + 1;
    numbers.set(`${owner}/${repo}`, number);
    const now = nextTime();
    const names = (body.labels ?? []).map((label) =>
      typeof label === 'string' ? label : (label.name ?? ''),
    );
    for (const name of names) ensureLabel(owner, repo, name);
    const issue: IssueRecord = {
      id: 3_000_000_000 + issues.length,
      number,
      owner,
      repo,
      title: String(body.title),
      body: body.body ?? '',
      state: 'open',
      state_reason: null,
      labels: names,
      author: request.caller.bot,
      created_at: now,
      updated_at: now,
      closed_at: null,
    };
    issues.push(issue);
    return { status: 201, body: issueResponse(issue) };
  };

  const find = (request: Parameters<Handler>[0]) =>
    issues.find(
      (issue) =>
        inRepo(request.path.owner, request.path.repo)(issue) && issue.number === request.path.issue_number,
    );

  const update: Handler = (request) => {
    const issue = find(request);
    if (!issue) return notFound();
    const change = request.body as {
      title?: string | number | null;
      body?: string | null;
      state?: 'open' | 'closed';
      state_reason?: IssueRecord['state_reason'];
      labels?: Array<string | { name?: string }>;
    };
    if (change.title !== undefined && change.title !== null) issue.title = String(change.title);
    if (change.body !== undefined) issue.body = change.body ?? '';
    if (change.labels !== undefined) {
      issue.labels = change.labels.map((label) => (typeof label === 'string' ? label : (label.name ?? '')));
      for (const name of issue.labels) ensureLabel(issue.owner, issue.repo, name);
    }
    const now = nextTime();
    if (change.state !== undefined && change.state !== issue.state) {
      issue.state = change.state;
      issue.closed_at = change.state === 'closed' ? now : null;
      issue.state_reason = change.state_reason ?? (change.state === 'closed' ? 'completed' : 'reopened');
    }
    issue.updated_at = now;
    return { status: 200, body: issueResponse(issue) };
  };

  /** GitHub creates a label an issue is given when the repository has none by that name. */
  function ensureLabel(owner: string, repo: string, name: string): LabelRecord {
    const known = labels.find(
      (label) => inRepo(owner, repo)(label) && label.name.toLowerCase() === name.toLowerCase(),
    );
    if (known) return known;
    const label: LabelRecord = {
      id: 4_000_000 + labels.length,
      owner,
      repo,
      name,
      color: 'ededed',
      description: null,
    };
    labels.push(label);
    return label;
  }

  const getLabel: Handler = (request) => {
    const label = labels.find(
      (l) =>
        inRepo(request.path.owner, request.path.repo)(l) &&
        l.name.toLowerCase() === String(request.path.name).toLowerCase(),
    );
    return label ? { status: 200, body: labelResponse(label) } : notFound();
  };

  const createLabel: Handler = (request) => {
    const owner = String(request.path.owner);
    const repo = String(request.path.repo);
    const body = request.body as { name: string; color?: string; description?: string };
    if (labels.some((l) => inRepo(owner, repo)(l) && l.name.toLowerCase() === body.name.toLowerCase())) {
      return {
        status: 422,
        body: errorBody(422, 'Validation Failed', [
          { resource: 'Label', code: 'already_exists', field: 'name' },
        ]),
        // GitHub's answer to a well-formed request that lost a race: the client's to handle.
        wellFormed: true,
      };
    }
    const label: LabelRecord = {
      id: 4_000_000 + labels.length,
      owner,
      repo,
      name: body.name,
      color: body.color ?? 'ededed',
      description: body.description ?? null,
    };
    labels.push(label);
    return { status: 201, body: labelResponse(label) };
  };

  /** The qualifiers watch uses; anything else in `q` is refused rather than ignored. */
  const search: Handler = (request) => {
    const q = String(request.query.q);
    const terms = [...q.matchAll(/"([^"]*)"|(\S+)/g)].map((m) =>
      m[1] !== undefined ? { phrase: m[1], word: '' } : { phrase: undefined, word: m[2]! },
    );
    let matching = [...issues];
    for (const term of terms) {
      if (term.phrase !== undefined) {
        const phrase = term.phrase;
        matching = matching.filter((issue) => `${issue.title}\n${issue.body}`.includes(phrase));
        continue;
      }
      const [qualifier, value = ''] = term.word.split(/:(.*)/s);
      if (qualifier === 'repo') {
        const [owner, repo] = value.split('/');
        matching = matching.filter(inRepo(owner, repo));
      } else if (qualifier === 'is' && value === 'issue') {
        // Every record here is an issue.
      } else if (qualifier === 'label' || qualifier === '-label') {
        const name = value.replace(/^"(.*)"$/, '$1');
        const wanted = qualifier === 'label';
        matching = matching.filter((issue) => issue.labels.includes(name) === wanted);
      } else if (qualifier === 'in' && value === 'body') {
        // Phrases are matched in the body (and the title, which watch's markers never are in).
      } else {
        return { status: 422, body: errorBody(422, `the stand-in does not search by ${term.word}`) };
      }
    }
    const page = pageOf(matching, request);
    return {
      status: 200,
      body: {
        total_count: matching.length,
        incomplete_results: false,
        search_type: 'lexical',
        items: page.items.map((issue) => ({ ...issueResponse(issue), score: 1 })),
      },
      headers: page.headers,
    };
  };

  return {
    handlers: {
      'GET /repos/{owner}/{repo}/issues': list,
      'POST /repos/{owner}/{repo}/issues': create,
      'PATCH /repos/{owner}/{repo}/issues/{issue_number}': update,
      'GET /repos/{owner}/{repo}/labels/{name}': getLabel,
      'POST /repos/{owner}/{repo}/labels': createLabel,
      'GET /search/issues': search,
    } satisfies Record<string, Handler>,
    issues: (owner: string, repo: string): IssueRecord[] =>
      structuredClone(issues.filter(inRepo(owner, repo))),
    labels: (owner: string, repo: string): LabelRecord[] =>
      structuredClone(labels.filter(inRepo(owner, repo))),
    /** What a person does in the web UI: edit an issue (take a label off, close it). */
    editIssue(
      owner: string,
      repo: string,
      number: number,
      change: Partial<Pick<IssueRecord, 'labels' | 'state' | 'body'>>,
    ) {
      const issue = issues.find((i) => inRepo(owner, repo)(i) && i.number === number);
      if (!issue) throw new Error(`no issue #${number} in ${owner}/${repo}`);
      Object.assign(issue, change, { updated_at: nextTime() });
      for (const name of issue.labels) ensureLabel(owner, repo, name);
    },
  };
}
