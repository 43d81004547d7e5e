/**
 * The sticky pull request comment: the summary under a hidden marker, so the next run finds its
 * own comment and edits it instead of adding another. Pure.
 */
import type { IssueComment } from '../adapters/github/create-client.js';
import type { Decision } from '../policy/decision.js';
import { renderMarkdown, type FullReportLink } from './markdown.js';

/** GitHub refuses a comment body over 65,536 characters; bytes is the stricter measure. */
export const COMMENT_BUDGET = 65_536;

/** The marker names the check, so two gates on one pull request keep a comment each. */
export function stickyCommentMarker(checkName: string): string {
  return `<!-- supply-chain-gate:${checkName.replace(/[^A-Za-z0-9 ._/()-]/g, '_')} -->`;
}

export function renderComment(
  decision: Decision,
  options: { checkName: string; fullReport?: FullReportLink; checkRunUrl?: string },
): string {
  const marker = stickyCommentMarker(options.checkName);
  const link = /^https:\/\/[^\s()<>[\]]+$/.test(options.checkRunUrl ?? '')
    ? `\n\n[Open the check run](${options.checkRunUrl})`
    : '';
  const frame = new TextEncoder().encode(`${marker}\n${link}`).length;
  const body = renderMarkdown(decision, {
    checkName: options.checkName,
    fullReport: options.fullReport,
    budgetBytes: COMMENT_BUDGET - frame,
  });
  return `${marker}\n${body.trimEnd()}${link}\n`;
}

/**
 * The gate's earlier comment: a bot's comment that starts with this check's marker. A person's
 * comment quoting the marker is never taken for it, so the gate cannot be steered into editing it.
 */
export function findStickyComment(
  comments: readonly IssueComment[],
  checkName: string,
): IssueComment | undefined {
  const marker = stickyCommentMarker(checkName);
  return comments.filter((c) => c.authorType === 'Bot' && c.body.startsWith(marker)).at(-1);
}
