/**
 * The issue watch mode keeps for a failing image, and its comments: rendered from the decision by
 * the same markdown renderer as the check run, every untrusted word escaped. Pure.
 */
import { findingKey } from '../evidence/findings.js';
import type { Finding } from '../model/evidence.js';
import {
  encodeState,
  findingHash,
  issueMarker,
  type IssueState,
  type MaterialChange,
} from '../watch/issue-state.js';
import type { WatchImageResult } from '../watch/types.js';
import { escapeCode, escapeMarkdown, stripControl, truncate } from './escape.js';
import { renderMarkdown } from './markdown.js';

/** GitHub refuses an issue or comment body over 65,536 characters; bytes is the stricter measure. */
export const ISSUE_BODY_BUDGET = 65_536;
const MAX_TITLE = 256;
const MAX_LISTED_FINDINGS = 20;

export interface IssueRenderOptions {
  checkName: string;
  /** The workflow run that judged the image, linked from the issue. */
  runUrl?: string;
}

export function renderIssueTitle(result: Pick<WatchImageResult, 'key' | 'decision'>): string {
  const what = result.decision.verdict === 'error' ? 'cannot be judged' : 'fails the supply-chain gate';
  return truncate(stripControl(`${result.key} ${what}`).replace(/\s+/g, ' '), MAX_TITLE);
}

export function renderIssueBody(
  result: WatchImageResult,
  state: IssueState,
  options: IssueRenderOptions,
): string {
  const head = [
    issueMarker(result.keyId),
    encodeState(state),
    '',
    renderFacts(result, state, options),
    ...result.notes.map((note) => `> ${escapeMarkdown(note, 1000)}`),
    '',
  ].join('\n');
  const foot =
    '\n---\n_Kept up to date by `supply-chain-gate watch`: edited in place on every run, a comment when something material changes (a new digest, a new finding, a rule newly failing), closed when the image passes again._\n';
  const bytes = (text: string) => new TextEncoder().encode(text).length;
  const body = renderMarkdown(result.decision, {
    checkName: options.checkName,
    budgetBytes: ISSUE_BODY_BUDGET - bytes(head) - bytes(foot) - 2,
  });
  return `${head}\n${body.trimEnd()}\n${foot}`;
}

function renderFacts(result: WatchImageResult, state: IssueState, options: IssueRenderOptions): string {
  const rows = [
    ['Image', escapeCode(result.key, 400)],
    ['Digest', result.digest ? escapeCode(result.digest) : 'not read'],
    ['Verdict', `${result.decision.verdict} since ${escapeMarkdown(state.since.slice(0, 10))}`],
    ...(result.previousDigest ? [['Digest before', escapeCode(result.previousDigest)]] : []),
    ...(safeUrl(options.runUrl) ? [['Last judged by', `[this workflow run](${options.runUrl})`]] : []),
  ];
  return ['| | |', '| --- | --- |', ...rows.map(([name, value]) => `| ${name} | ${value} |`)].join('\n');
}

export function renderChangeComment(
  result: WatchImageResult,
  change: MaterialChange,
  options: IssueRenderOptions,
): string {
  const lines = [`**${escapeCode(result.key, 400)} changed since the last check.**`, ''];
  if (change.newDigest) {
    lines.push(
      `- New digest under the tag: ${escapeCode(change.newDigest.from)} → ${escapeCode(change.newDigest.to)}`,
    );
  }
  if (change.verdictChanged) {
    lines.push(`- Verdict: ${change.verdictChanged.from} → ${change.verdictChanged.to}`);
  }
  const failing = result.decision.results.filter((r) => r.status === 'fail');
  for (const ruleId of change.newlyFailing) {
    const rule = failing.find((r) => r.ruleId === ruleId);
    lines.push(`- Newly failing: ${escapeCode(ruleId)}${rule ? `: ${escapeMarkdown(rule.title, 300)}` : ''}`);
  }
  if (change.newFindings.length > 0) {
    const wanted = new Set(change.newFindings);
    const seen = new Set<string>();
    const findings: Finding[] = [];
    for (const finding of failing.flatMap((r) => r.findings ?? [])) {
      const hash = findingHash(findingKey(finding));
      if (wanted.has(hash) && !seen.has(hash)) {
        seen.add(hash);
        findings.push(finding);
      }
    }
    lines.push(`- ${change.newFindings.length} new finding(s):`);
    for (const finding of findings.slice(0, MAX_LISTED_FINDINGS)) {
      lines.push(`  - ${describeFinding(finding)}`);
    }
    if (findings.length > MAX_LISTED_FINDINGS) {
      lines.push(`  - …and ${findings.length - MAX_LISTED_FINDINGS} more (see the description)`);
    }
  }
  lines.push('', `The description above is updated${runLink(options.runUrl)}.`);
  return `${lines.join('\n')}\n`;
}

export function renderReopenComment(result: WatchImageResult, options: IssueRenderOptions): string {
  const what = result.decision.verdict === 'error' ? 'cannot be judged' : 'fails';
  return `**${escapeCode(result.key, 400)} ${what} again**${result.digest ? ` (digest ${escapeCode(result.digest)})` : ''}: the description says why${runLink(options.runUrl)}.\n`;
}

export function renderCloseComment(result: WatchImageResult, options: IssueRenderOptions): string {
  return `✅ **${escapeCode(result.key, 400)} passes the gate again**${result.digest ? ` (digest ${escapeCode(result.digest)})` : ''}${runLink(options.runUrl)}, so this issue is closed. It is reopened if the image fails again.\n`;
}

export function renderDuplicateComment(kept: number): string {
  return `Duplicate of #${kept}: another watch job opened this image's issue at the same moment. That one is kept.\n`;
}

function describeFinding(finding: Finding): string {
  const version = finding.installedVersion ? ` ${finding.installedVersion}` : '';
  const fix = finding.fixedVersion ? `, fixed in ${escapeMarkdown(finding.fixedVersion, 60)}` : '';
  return `${escapeCode(finding.id, 80)} in ${escapeMarkdown(`${finding.packageName}${version}`, 160)} (${finding.severity}${fix})`;
}

function runLink(url: string | undefined): string {
  return safeUrl(url) ? ` by [this workflow run](${url})` : '';
}

/** Only a plain https URL is linked: it comes from the environment, and must not carry markdown. */
function safeUrl(url: string | undefined): url is string {
  return url !== undefined && /^https:\/\/[^\s()<>[\]"'`]+$/.test(url);
}
