/**
 * Watch mode's GitHub calls (issues, labels, comments, search, code scanning) on the project's
 * Octokit client. Writes go one at a time, `writeGapMs` apart: GitHub's secondary limits punish
 * bursts of content creation, and its advice for bulk writes is to wait a second between them.
 * A secondary limit that happens anyway is waited out by the client's throttling, not failed.
 */
import { gzipSync } from 'node:zlib';
import type { GitHubOctokit } from './octokit.js';
import type { GitHubClient } from '../../model/check-run.js';
import type { IssueTracker, SarifUploader, TrackedIssue } from '../../watch/issue-tracker.js';

/** The part of the project's Octokit client this module uses. */
export type GitHubRequester = Pick<GitHubOctokit, 'request'>;

/** Turns a failed call into the project's error that names the permission to add. */
export type CallGuard = <T>(call: { permission: string }, send: () => Promise<T>) => Promise<T>;

export interface WatchGitHubOptions {
  owner: string;
  repo: string;
  /** Between two writes; GitHub's advice for bulk content creation is a second. */
  writeGapMs?: number;
  sleep?(ms: number): Promise<void>;
  clock?(): number;
}

export const DEFAULT_WRITE_GAP_MS = 1_000;
const PAGE_SIZE = 100;
/** More labeled issues than this is not a watch set: refuse rather than read forever. */
const MAX_LISTED_ISSUES = 20_000;
const MAX_SEARCH_PAGES = 10;

export function createWatchTracker(
  octokit: GitHubRequester,
  guard: CallGuard,
  options: WatchGitHubOptions,
): IssueTracker & SarifUploader {
  const { owner, repo } = options;
  const gap = options.writeGapMs ?? DEFAULT_WRITE_GAP_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const clock = options.clock ?? Date.now;
  let writes: Promise<unknown> = Promise.resolve();
  let lastWrite = -Infinity;

  /** Writes queue behind each other, each at least `gap` after the one before. */
  function write<T>(permission: string, send: () => Promise<T>): Promise<T> {
    const turn = writes.then(async () => {
      const wait = lastWrite + gap - clock();
      if (wait > 0) await sleep(wait);
      try {
        return await guard({ permission }, send);
      } finally {
        lastWrite = clock();
      }
    });
    writes = turn.catch(() => undefined);
    return turn;
  }

  async function listPages(route: string, parameters: Record<string, unknown>): Promise<unknown[]> {
    const items: unknown[] = [];
    for (let page = 1; ; page++) {
      const { data } = await guard({ permission: 'issues: read' }, () =>
        octokit.request(route, { ...parameters, per_page: PAGE_SIZE, page }),
      );
      const list = Array.isArray(data) ? data : [];
      items.push(...list);
      if (list.length < PAGE_SIZE) return items;
      if (items.length > MAX_LISTED_ISSUES) {
        throw new Error(`more than ${MAX_LISTED_ISSUES} issues carry the watch label`);
      }
    }
  }

  return {
    async ensureLabel(name, description) {
      const exists = await guard({ permission: 'issues: read' }, async () => {
        try {
          await octokit.request('GET /repos/{owner}/{repo}/labels/{name}', { owner, repo, name });
          return true;
        } catch (error) {
          if (statusOf(error) === 404) return false;
          throw error;
        }
      });
      if (exists) return;
      await write('issues: write', async () => {
        try {
          await octokit.request('POST /repos/{owner}/{repo}/labels', {
            owner,
            repo,
            name,
            color: 'd93f0b',
            description,
          });
        } catch (error) {
          // Another job created it first: that is the label we wanted.
          if (statusOf(error) !== 422) throw error;
        }
      });
    },

    async listLabeledIssues(label, since) {
      const items = await listPages('GET /repos/{owner}/{repo}/issues', {
        owner,
        repo,
        labels: label,
        state: 'all',
        sort: 'created',
        direction: 'asc',
        ...(since === undefined ? {} : { since }),
      });
      return items.filter((item) => !isPullRequest(item)).map(toTrackedIssue);
    },

    async searchIssues(phrase, withoutLabel) {
      const q = `repo:${owner}/${repo} is:issue in:body "${phrase.replace(/"/g, '')}" -label:"${withoutLabel.replace(/"/g, '')}"`;
      const found: unknown[] = [];
      // GitHub returns at most 1,000 results of a search.
      for (let page = 1; page <= MAX_SEARCH_PAGES; page++) {
        const { data } = await guard({ permission: 'issues: read' }, () =>
          octokit.request('GET /search/issues', { q, per_page: PAGE_SIZE, page }),
        );
        const items = isRecord(data) && Array.isArray(data.items) ? data.items : [];
        found.push(...items);
        if (items.length < PAGE_SIZE) break;
      }
      return found.filter((item) => !isPullRequest(item)).map(toTrackedIssue);
    },

    createIssue({ title, body, labels }) {
      return write('issues: write', async () => {
        const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues', {
          owner,
          repo,
          title,
          body,
          labels,
        });
        return toTrackedIssue(data);
      });
    },

    async updateIssue(number, change) {
      await write('issues: write', () =>
        octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
          owner,
          repo,
          issue_number: number,
          ...(change.title === undefined ? {} : { title: change.title }),
          ...(change.body === undefined ? {} : { body: change.body }),
          ...(change.state === undefined ? {} : { state: change.state }),
          ...(change.stateReason === undefined ? {} : { state_reason: change.stateReason }),
          ...(change.labels === undefined ? {} : { labels: change.labels }),
        }),
      );
    },

    addComment(number, body) {
      return write('issues: write', async () => {
        const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
          owner,
          repo,
          issue_number: number,
          body,
        });
        return { htmlUrl: isRecord(data) && typeof data.html_url === 'string' ? data.html_url : '' };
      });
    },

    uploadSarif({ sarif, commitSha, ref }) {
      return write('security-events: write', async () => {
        const { data } = await octokit.request('POST /repos/{owner}/{repo}/code-scanning/sarifs', {
          owner,
          repo,
          commit_sha: commitSha,
          ref,
          // GitHub takes the log gzip-compressed and base64-encoded.
          sarif: gzipSync(sarif).toString('base64'),
          tool_name: 'supply-chain-gate',
        });
        return { id: isRecord(data) && typeof data.id === 'string' ? data.id : '' };
      });
    },
  };
}

function toTrackedIssue(item: unknown): TrackedIssue {
  const issue = isRecord(item) ? item : {};
  const user = isRecord(issue.user) ? issue.user : {};
  return {
    number: typeof issue.number === 'number' ? issue.number : 0,
    state: issue.state === 'closed' ? 'closed' : 'open',
    title: typeof issue.title === 'string' ? issue.title : '',
    body: typeof issue.body === 'string' ? issue.body : '',
    authorType: typeof user.type === 'string' ? user.type : '',
    htmlUrl: typeof issue.html_url === 'string' ? issue.html_url : '',
    labels: Array.isArray(issue.labels)
      ? issue.labels
          .map((label) => (typeof label === 'string' ? label : isRecord(label) ? label.name : undefined))
          .filter((name): name is string => typeof name === 'string')
      : [],
    createdAt: typeof issue.created_at === 'string' ? issue.created_at : '',
    ...(typeof issue.closed_at === 'string' ? { closedAt: issue.closed_at } : {}),
  };
}

function isPullRequest(item: unknown): boolean {
  return isRecord(item) && item.pull_request !== undefined;
}

function statusOf(error: unknown): number | undefined {
  return isRecord(error) && typeof error.status === 'number' ? error.status : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface WatchGitHub {
  /** The gate's client on the same Octokit, for the policy read through the API (contents). */
  client: GitHubClient;
  tracker: IssueTracker & SarifUploader;
}

/** The clients watch mode needs, on one Octokit (its retries, throttling and token handling). */
export async function openWatchGitHub(options: {
  apiUrl: string;
  token: string;
  owner: string;
  repo: string;
  onRetry?(message: string): void;
  writeGapMs?: number;
}): Promise<WatchGitHub> {
  // Loaded when a run writes to GitHub, not with the entry: start-up stays fast.
  const { createOctokit, githubCall } = await import('./octokit.js');
  const { createGitHubClient } = await import('./client.js');
  const octokit = createOctokit({
    apiUrl: options.apiUrl,
    auth: { token: options.token },
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
  });
  return {
    client: createGitHubClient({ token: options.token, octokit }),
    tracker: createWatchTracker(octokit, (call, send) => githubCall(octokit, call, send), {
      owner: options.owner,
      repo: options.repo,
      ...(options.writeGapMs === undefined ? {} : { writeGapMs: options.writeGapMs }),
    }),
  };
}
