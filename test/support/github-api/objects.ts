/**
 * The objects GitHub embeds in its responses (users, the GitHub Actions app, repositories), filled in
 * the way github.com fills them, so responses pass GitHub's own response schemas.
 */

export const WEB_URL = 'https://github.com';
const DOCUMENTATION_URL = 'https://docs.github.com/rest';

/** Where the stand-in listens; every `url` field points back at it. */
export interface Site {
  apiUrl: string;
}

/** GitHub's timestamps: ISO 8601, whole seconds, UTC. */
export function timestamp(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function nodeId(prefix: string, id: number): string {
  return `${prefix}_${Buffer.from(`stand-in:${id}`).toString('base64url')}`;
}

export interface Account {
  login: string;
  id: number;
  type: 'User' | 'Organization' | 'Bot';
}

/** The account GITHUB_TOKEN acts as: what GitHub shows as the author of comments and statuses. */
export const GITHUB_ACTIONS_BOT: Account = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

export function simpleUser(site: Site, account: Account): Record<string, unknown> {
  const url = `${site.apiUrl}/users/${encodeURIComponent(account.login)}`;
  return {
    login: account.login,
    id: account.id,
    node_id: nodeId(account.type === 'Organization' ? 'O' : 'U', account.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${account.id}?v=4`,
    gravatar_id: '',
    url,
    html_url: `${WEB_URL}/${encodeURIComponent(account.login)}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: account.type,
    site_admin: false,
    user_view_type: 'public',
  };
}

/** A GitHub App as the stand-in knows it: GitHub Actions, or an App a test installs. */
export interface AppIdentity {
  id: number;
  slug: string;
  name: string;
  clientId: string;
  /** The account that owns the App. */
  owner: Account;
  /** The App's bot account: the author of what its installation tokens post. */
  bot: Account;
  permissions: Record<string, string>;
  description?: string;
  events?: string[];
}

/** The app check runs created with GITHUB_TOKEN belong to. */
export const GITHUB_ACTIONS_APP: AppIdentity = {
  id: 15368,
  slug: 'github-actions',
  name: 'GitHub Actions',
  clientId: 'Iv1.05c79e9ad1f6bdfa',
  owner: { login: 'github', id: 9919, type: 'Organization' },
  bot: GITHUB_ACTIONS_BOT,
  permissions: { actions: 'write', checks: 'write', contents: 'write', metadata: 'read', statuses: 'write' },
  description: 'Automate your workflow from idea to production',
  events: ['check_run', 'check_suite', 'pull_request', 'push', 'workflow_dispatch'],
};

/** The `app` object of check runs (GitHub's "integration"). */
export function integration(site: Site, app: AppIdentity): Record<string, unknown> {
  return {
    id: app.id,
    slug: app.slug,
    node_id: nodeId('A', app.id),
    client_id: app.clientId,
    owner: simpleUser(site, app.owner),
    name: app.name,
    description: app.description ?? null,
    external_url: `${WEB_URL}/apps/${app.slug}`,
    html_url: `${WEB_URL}/apps/${app.slug}`,
    created_at: '2018-07-30T09:30:17Z',
    updated_at: '2024-04-10T20:33:16Z',
    permissions: app.permissions,
    events: app.events ?? [],
  };
}

// Ids are stable per name, so the same owner or repository keeps its id across calls.
const accountIds = new Map<string, number>();
function idFor(name: string): number {
  let id = accountIds.get(name);
  if (id === undefined) {
    id = 1_000_000 + accountIds.size;
    accountIds.set(name, id);
  }
  return id;
}

export function repositoryId(owner: string, repo: string): number {
  return idFor(`${owner}/${repo}`);
}

export function ownerAccount(owner: string): Account {
  return { login: owner, id: idFor(owner), type: 'Organization' };
}

/** The full repository object GitHub nests in pull requests. */
export function repository(site: Site, owner: string, repo: string): Record<string, unknown> {
  const url = `${site.apiUrl}/repos/${owner}/${repo}`;
  const htmlUrl = `${WEB_URL}/${owner}/${repo}`;
  return {
    id: repositoryId(owner, repo),
    node_id: nodeId('R', repositoryId(owner, repo)),
    name: repo,
    full_name: `${owner}/${repo}`,
    owner: simpleUser(site, ownerAccount(owner)),
    private: false,
    html_url: htmlUrl,
    description: null,
    fork: false,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_url: `git://github.com/${owner}/${repo}.git`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    ssh_url: `git@github.com:${owner}/${repo}.git`,
    stargazers_url: `${url}/stargazers`,
    statuses_url: `${url}/statuses/{sha}`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: `${url}/git/trees{/sha}`,
    clone_url: `${htmlUrl}.git`,
    mirror_url: null,
    hooks_url: `${url}/hooks`,
    svn_url: htmlUrl,
    homepage: null,
    language: 'TypeScript',
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    size: 128,
    default_branch: 'main',
    open_issues_count: 0,
    has_issues: true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    archived: false,
    disabled: false,
    visibility: 'public',
    pushed_at: '2025-01-06T10:00:00Z',
    created_at: '2024-03-01T09:00:00Z',
    updated_at: '2025-01-06T10:00:00Z',
    forks: 0,
    open_issues: 0,
    watchers: 0,
    license: null,
  };
}

/** GitHub's error body: what a client shows the user is `message`. */
export function errorBody(status: number, message: string, errors?: unknown[]): Record<string, unknown> {
  return {
    message,
    ...(errors ? { errors } : {}),
    documentation_url: DOCUMENTATION_URL,
    status: String(status),
  };
}
