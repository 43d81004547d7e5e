/**
 * The verdict on GitHub: the check run's lifecycle (in progress as soon as the gate starts,
 * completed whatever happens) and the sticky pull request comment. The rendering is pure
 * (report/*); this module only sends it.
 */
import type { GitHubClient } from './adapters/github/create-client.js';
import type { Logger } from './adapters/log/logger.js';
import { describeError, GateError } from './errors.js';
import type { GitHubTarget } from './inputs.js';
import type { CheckRunCompletion } from './report/check-run.js';
import { findStickyComment } from './report/comment.js';

export interface CheckRunHandle {
  id?: number;
  htmlUrl?: string;
  /** Set when GitHub refused the token: the check cannot be written in this run at all. */
  forbidden?: string;
}

interface ReportingDeps {
  github: GitHubClient;
  log: Logger;
  now(): Date;
}

/**
 * Marks the check in progress. A run of the same name left unfinished on this commit (an earlier
 * attempt that was cancelled or died) is taken over rather than left pending beside a new one; a
 * completed run cannot be reopened (GitHub refuses to change a completed run's status), so a
 * rerun after it adds the newer run that GitHub shows and rulesets read.
 */
export async function startCheckRun(
  target: GitHubTarget,
  checkName: string,
  deps: ReportingDeps,
): Promise<CheckRunHandle> {
  const { owner, repo, headSha } = target;
  const startedAt = deps.now().toISOString();
  try {
    // Listing needs only read access; without it a new run is the best there is.
    const existing = await deps.github
      .findCheckRun({ owner, repo, ref: headSha, name: checkName })
      .catch(() => undefined);
    if (existing && existing.status !== 'completed') {
      await deps.github.updateCheckRun({
        owner,
        repo,
        checkRunId: existing.id,
        status: 'in_progress',
        startedAt,
        detailsUrl: target.detailsUrl,
      });
      deps.log.info(`Check run "${checkName}" ${existing.id} taken over on ${headSha}`);
      return { id: existing.id, htmlUrl: existing.htmlUrl || undefined };
    }
    const created = await deps.github.createCheckRun({
      owner,
      repo,
      name: checkName,
      headSha,
      status: 'in_progress',
      startedAt,
      detailsUrl: target.detailsUrl,
    });
    deps.log.info(`Check run "${checkName}" started on ${headSha}`);
    return created;
  } catch (error) {
    if (isForbidden(error)) return { forbidden: describeError(error) };
    throw error;
  }
}

/** Completes the run started earlier, or creates it completed when starting it failed. */
export async function completeCheckRun(
  target: GitHubTarget,
  checkName: string,
  handle: CheckRunHandle,
  completion: CheckRunCompletion,
  deps: ReportingDeps,
): Promise<CheckRunHandle> {
  const { owner, repo, headSha } = target;
  const completedAt = deps.now().toISOString();
  try {
    if (handle.id === undefined) {
      const created = await deps.github.createCheckRun({
        owner,
        repo,
        name: checkName,
        headSha,
        status: 'completed',
        conclusion: completion.conclusion,
        completedAt,
        detailsUrl: target.detailsUrl,
        output: completion.output,
      });
      handle = created;
    } else {
      await deps.github.updateCheckRun({
        owner,
        repo,
        checkRunId: handle.id,
        status: 'completed',
        conclusion: completion.conclusion,
        completedAt,
        output: completion.output,
      });
    }
  } catch (error) {
    if (isForbidden(error)) return { ...handle, forbidden: describeError(error) };
    throw error;
  }
  const annotations = completion.output.annotations.length;
  deps.log.info(
    `Check run "${checkName}" completed: ${completion.conclusion}${annotations > 0 ? `, ${annotations} annotation(s)` : ''}`,
  );
  return handle;
}

/** One comment per check name on the pull request, edited in place on every run. */
export async function postStickyComment(
  target: GitHubTarget & { pullRequestNumber: number },
  checkName: string,
  body: string,
  deps: ReportingDeps,
): Promise<string> {
  const { owner, repo, pullRequestNumber: issueNumber } = target;
  const comments = await deps.github.listIssueComments({ owner, repo, issueNumber });
  const previous = findStickyComment(comments, checkName);
  const posted = previous
    ? await deps.github.updateIssueComment({ owner, repo, commentId: previous.id, body })
    : await deps.github.createIssueComment({ owner, repo, issueNumber, body });
  deps.log.info(`${previous ? 'Updated' : 'Posted'} the summary comment on pull request #${issueNumber}`);
  return posted.htmlUrl;
}

/** Why the check is missing, and what to do: the job summary and the step's failure say it. */
export function forbiddenCheckMessage(reason: string): string {
  return `The check run could not be written (${reason}). On pull requests from forks GITHUB_TOKEN is read-only, so the verdict is in this job summary and the step fails instead. To post the check run on such pull requests, run the gate from a workflow_run workflow (see examples/workflows/ in supply-chain-gate).`;
}

function isForbidden(error: unknown): boolean {
  return error instanceof GateError && error.code === 'github-forbidden';
}
