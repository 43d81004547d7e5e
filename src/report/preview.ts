/**
 * "Under the proposed policy": what the pull request's own policy (and VEX files) would decide
 * on the same evidence, beside the decision that counts. Pure; every text from the proposed
 * policy (origins, problems, rule titles) is untrusted and escaped.
 */
import type { Decision, PolicyPreview, RuleChange, RuleStatus } from '../policy/decision.js';
import { escapeCode, escapeMarkdown } from './escape.js';

const ICON: Record<RuleStatus | 'absent', string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  warn: '⚠️ warn',
  skip: '⏭️ skip',
  absent: '— not run',
};
const CHANGE_ROWS = 30;
const PROBLEM_LINES = 30;

/** One line, for titles and logs: `proposed policy: pass`. */
export function previewVerdictLabel(preview: PolicyPreview): string {
  if (preview.verdict === 'error') return 'proposed policy: cannot be evaluated';
  const audit = preview.mode === 'audit' ? ' (audit)' : '';
  return `proposed policy: ${preview.verdict}${audit}`;
}

/** The section's renderings, richest first; none when the change proposes nothing. */
export function renderPolicyPreview(decision: Decision): string[] {
  const preview = decision.preview;
  if (!preview) return [];
  const what =
    preview.changes.length === 2
      ? 'the policy and the VEX files'
      : preview.changes[0] === 'vex'
        ? 'the VEX files'
        : 'the policy';
  const where = escapeCode(preview.policy);
  if (preview.verdict === 'error') {
    const problems = preview.problems ?? [];
    const lines = (count: number) => [
      `### ⚠️ Under the proposed policy: it cannot be evaluated`,
      '',
      `This change edits ${what}; as proposed (${where}) the gate cannot load it, so once merged every run would stop on these problems:`,
      '',
      ...problems.slice(0, count).map((problem) => `- ${escapeMarkdown(problem, 500)}`),
      ...(problems.length > count ? [`- …and ${problems.length - count} more`] : []),
    ];
    return [lines(PROBLEM_LINES).join('\n'), lines(3).join('\n')];
  }
  const icon = preview.verdict === 'pass' ? '✅' : '❌';
  const audit = preview.mode === 'audit' ? ' (audit mode: reported, not enforced)' : '';
  const head = [
    `### ${icon} Under the proposed policy: ${preview.verdict}${audit}`,
    '',
    `This change edits ${what}. The base commit's policy decides this check until it is merged; ${where} would decide **${preview.verdict}** on the same evidence.`,
    ...(preview.notes ?? []).map((note) => `\n> ${escapeMarkdown(note, 500)}`),
  ].join('\n');
  if (preview.changed.length === 0) return [`${head}\n\nNo rule's outcome changes.`];
  const table = (rows: number) =>
    [
      '| Rule | Now | Proposed |',
      '| --- | --- | --- |',
      ...preview.changed.slice(0, rows).map(renderChange),
      ...(preview.changed.length > rows ? [`| …and ${preview.changed.length - rows} more | | |`] : []),
    ].join('\n');
  return [
    `${head}\n\n${table(CHANGE_ROWS)}`,
    `${head}\n\n${preview.changed.length} rule outcome(s) change, listed in the full report.`,
  ];
}

function renderChange(change: RuleChange): string {
  const platform = change.platform ? ` (${escapeMarkdown(change.platform, 40)})` : '';
  return `| ${escapeCode(change.ruleId, 100)}${platform} ${escapeMarkdown(change.title, 120)} | ${ICON[change.base]} | ${ICON[change.proposed]} |`;
}
