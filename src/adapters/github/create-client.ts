/**
 * The gate's GitHub client: `createGitHubClient(...)` checks the API URL at once and loads the
 * Octokit-based implementation (`./github/client.ts`) on the first call, so a run that never
 * talks to GitHub, and every run's start-up, does without it.
 */
import type { GitHubClientOptions } from './client.js';
import { parseApiUrl } from './api-url.js';
import type { GitHubClient } from '../../model/check-run.js';

export { DEFAULT_GITHUB_API_URL, parseApiUrl } from './api-url.js';
export type { GitHubClientOptions } from './client.js';
export * from '../../model/check-run.js';

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  if (options.octokit === undefined) parseApiUrl(options.apiUrl ?? 'https://api.github.com');
  let loaded: Promise<GitHubClient> | undefined;
  const client = () =>
    (loaded ??= import('./client.js').then((module) => module.createGitHubClient(options)));
  return {
    createCheckRun: async (request) => (await client()).createCheckRun(request),
    updateCheckRun: async (request) => (await client()).updateCheckRun(request),
    findCheckRun: async (request) => (await client()).findCheckRun(request),
    listIssueComments: async (request) => (await client()).listIssueComments(request),
    createIssueComment: async (request) => (await client()).createIssueComment(request),
    updateIssueComment: async (request) => (await client()).updateIssueComment(request),
    getFileContent: async (request) => (await client()).getFileContent(request),
    listAttestations: async (request) => (await client()).listAttestations(request),
    createAttestation: async (request) => (await client()).createAttestation(request),
  };
}
