/** Pull requests a test declares, served with every field GitHub's pull request object requires. */
import { nodeId, ownerAccount, repository, simpleUser, timestamp, WEB_URL, type Site } from './objects.js';
import { notFound, type Handler } from './reply.js';

export interface PullRequestSeed {
  number: number;
  title?: string;
  state?: 'open' | 'closed';
  draft?: boolean;
  /** `repo` is `owner/name` of the fork a PR comes from; omitted, the head is in the same repository. */
  head: { ref: string; sha: string; repo?: string };
  base: { ref: string; sha: string };
  /** The author's login. */
  author?: string;
}

export function createPullRequestStore(site: Site) {
  const pulls = new Map<string, { owner: string; repo: string; seed: PullRequestSeed; createdAt: string }>();
  const keyOf = (owner: string, repo: string, number: number) => `${owner}/${repo}#${number}`;

  function branch(label: { ref: string; sha: string }, owner: string, repo: string) {
    return {
      label: `${owner}:${label.ref}`,
      ref: label.ref,
      sha: label.sha,
      user: simpleUser(site, ownerAccount(owner)),
      repo: repository(site, owner, repo),
    };
  }

  const get: Handler = (request) => {
    const { owner, repo, pull_number: number } = request.path;
    const pull = pulls.get(keyOf(String(owner), String(repo), Number(number)));
    if (!pull) return notFound();
    const { seed, createdAt } = pull;
    const [headOwner = pull.owner, headRepo = pull.repo] = seed.head.repo?.split('/') ?? [];
    const url = `${site.apiUrl}/repos/${pull.owner}/${pull.repo}/pulls/${seed.number}`;
    const issueUrl = `${site.apiUrl}/repos/${pull.owner}/${pull.repo}/issues/${seed.number}`;
    const htmlUrl = `${WEB_URL}/${pull.owner}/${pull.repo}/pull/${seed.number}`;
    const statusesUrl = `${site.apiUrl}/repos/${headOwner}/${headRepo}/statuses/${seed.head.sha}`;
    const id = 1_800_000_000 + seed.number;
    const closed = seed.state === 'closed';
    return {
      status: 200,
      body: {
        url,
        id,
        node_id: nodeId('PR', id),
        html_url: htmlUrl,
        diff_url: `${htmlUrl}.diff`,
        patch_url: `${htmlUrl}.patch`,
        issue_url: issueUrl,
        commits_url: `${url}/commits`,
        review_comments_url: `${url}/comments`,
        review_comment_url: `${site.apiUrl}/repos/${pull.owner}/${pull.repo}/pulls/comments{/number}`,
        comments_url: `${issueUrl}/comments`,
        statuses_url: statusesUrl,
        number: seed.number,
        state: seed.state ?? 'open',
        locked: false,
        title: seed.title ?? `Pull request #${seed.number}`,
        user: simpleUser(site, { ...ownerAccount(seed.author ?? headOwner), type: 'User' }),
        body: null,
        labels: [],
        milestone: null,
        active_lock_reason: null,
        created_at: createdAt,
        updated_at: createdAt,
        closed_at: closed ? createdAt : null,
        merged_at: null,
        merge_commit_sha: null,
        assignee: null,
        assignees: [],
        requested_reviewers: [],
        requested_teams: [],
        head: branch(seed.head, headOwner, headRepo),
        base: branch(seed.base, pull.owner, pull.repo),
        _links: {
          self: { href: url },
          html: { href: htmlUrl },
          issue: { href: issueUrl },
          comments: { href: `${issueUrl}/comments` },
          review_comments: { href: `${url}/comments` },
          review_comment: { href: `${site.apiUrl}/repos/${pull.owner}/${pull.repo}/pulls/comments{/number}` },
          commits: { href: `${url}/commits` },
          statuses: { href: statusesUrl },
        },
        author_association: headOwner === pull.owner ? 'MEMBER' : 'CONTRIBUTOR',
        auto_merge: null,
        draft: seed.draft ?? false,
        merged: false,
        mergeable: true,
        rebaseable: true,
        mergeable_state: 'clean',
        merged_by: null,
        comments: 0,
        review_comments: 0,
        maintainer_can_modify: headOwner !== pull.owner,
        commits: 1,
        additions: 1,
        deletions: 0,
        changed_files: 1,
      },
    };
  };

  return {
    handlers: { 'GET /repos/{owner}/{repo}/pulls/{pull_number}': get } satisfies Record<string, Handler>,
    setPullRequest(owner: string, repo: string, seed: PullRequestSeed): void {
      pulls.set(keyOf(owner, repo, seed.number), {
        owner,
        repo,
        seed: structuredClone(seed),
        createdAt: timestamp(),
      });
    },
  };
}
