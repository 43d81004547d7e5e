/** Issue (and pull request) comments: listed, created and edited as the token's bot. */
import { nodeId, simpleUser, timestamp, WEB_URL, type Account, type Site } from './objects.js';
import { notFound, pageOf, type Handler } from './reply.js';

export interface IssueCommentRecord {
  id: number;
  owner: string;
  repo: string;
  issue_number: number;
  body: string;
  created_at: string;
  updated_at: string;
  /** github-actions[bot] for GITHUB_TOKEN, an App's bot for its installation tokens. */
  author: Account;
}

export function createIssueCommentStore(site: Site) {
  const comments: IssueCommentRecord[] = [];

  function toResponse(comment: IssueCommentRecord): Record<string, unknown> {
    const repoUrl = `${site.apiUrl}/repos/${comment.owner}/${comment.repo}`;
    return {
      id: comment.id,
      node_id: nodeId('IC', comment.id),
      url: `${repoUrl}/issues/comments/${comment.id}`,
      html_url: `${WEB_URL}/${comment.owner}/${comment.repo}/issues/${comment.issue_number}#issuecomment-${comment.id}`,
      body: comment.body,
      user: simpleUser(site, comment.author),
      created_at: comment.created_at,
      updated_at: comment.updated_at,
      issue_url: `${repoUrl}/issues/${comment.issue_number}`,
      author_association: 'NONE',
      performed_via_github_app: null,
    };
  }

  const list: Handler = (request) => {
    const { owner, repo, issue_number: issueNumber } = request.path;
    const since = request.query.since === undefined ? undefined : Date.parse(String(request.query.since));
    const matching = comments.filter(
      (comment) =>
        comment.owner === owner &&
        comment.repo === repo &&
        comment.issue_number === issueNumber &&
        (since === undefined || Date.parse(comment.updated_at) >= since),
    );
    const page = pageOf(matching, request);
    return { status: 200, body: page.items.map(toResponse), headers: page.headers };
  };

  const create: Handler = (request) => {
    const now = timestamp();
    const comment: IssueCommentRecord = {
      id: 2_500_000_001 + comments.length,
      owner: String(request.path.owner),
      repo: String(request.path.repo),
      issue_number: Number(request.path.issue_number),
      body: (request.body as { body: string }).body,
      created_at: now,
      updated_at: now,
      author: request.caller.bot,
    };
    comments.push(comment);
    return { status: 201, body: toResponse(comment) };
  };

  const update: Handler = (request) => {
    const { owner, repo, comment_id: id } = request.path;
    const comment = comments.find((c) => c.id === id && c.owner === owner && c.repo === repo);
    if (!comment) return notFound();
    comment.body = (request.body as { body: string }).body;
    comment.updated_at = timestamp();
    return { status: 200, body: toResponse(comment) };
  };

  return {
    handlers: {
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': list,
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': create,
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': update,
    } satisfies Record<string, Handler>,
    issueComments: (owner: string, repo: string, issueNumber: number): IssueCommentRecord[] =>
      structuredClone(
        comments.filter((c) => c.owner === owner && c.repo === repo && c.issue_number === issueNumber),
      ),
  };
}
