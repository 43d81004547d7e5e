/**
 * Decision → the markdown a reviewer reads (check run summary, job summary, terminal). Pure.
 * Sections are rendered in priority order and whole sections are dropped when the byte budget
 * runs out, so a table or a <details> block is never cut in half.
 */
import type { Decision, RuleResult, RuleStatus } from '../policy/decision.js';
import { formatPosition } from '../errors.js';
import { SEVERITIES, type Finding } from '../evidence/types.js';
import { escapeCode, escapeMarkdown } from './escape.js';
import { RULE_FAMILIES } from '../policy/rules/index.js';

/** GitHub rejects a check run summary over 65,535 characters; bytes is the stricter measure. */
export const CHECK_RUN_SUMMARY_BUDGET = 65_535;
const MAX_FINDING_ROWS = 50;

const STATUS_ICON: Record<RuleStatus, string> = { pass: '✅', fail: '❌', warn: '⚠️', skip: '⏭️' };

export interface MarkdownOptions {
  checkName: string;
  budgetBytes?: number;
  /** Where the full report is, said when sections had to be left out. */
  fullReportHint?: string;
}

export function renderMarkdown(decision: Decision, options: MarkdownOptions): string {
  const budget = options.budgetBytes ?? CHECK_RUN_SUMMARY_BUDGET;
  const sections = [
    renderHeadline(decision, options.checkName),
    renderSubject(decision),
    renderErrors(decision),
    renderFamilyTable(decision),
    ...decision.results.filter((r) => r.status === 'fail').map(renderRuleDetail),
    ...decision.results.filter((r) => r.status === 'warn').map(renderRuleDetail),
    renderEvidence(decision),
    renderPassing(decision),
  ].filter((section) => section.length > 0);
  return fitToBudget(sections, budget, options.fullReportHint);
}

export function verdictLabel(decision: Decision): string {
  const audit = decision.mode === 'audit' ? ' (audit mode: reported, not enforced)' : '';
  switch (decision.verdict) {
    case 'pass':
      return `passed${audit}`;
    case 'fail':
      return `failed${audit}`;
    case 'error':
      return `could not decide${audit}`;
  }
}

function renderHeadline(decision: Decision, checkName: string): string {
  const icon = decision.verdict === 'pass' ? '✅' : decision.verdict === 'fail' ? '❌' : '⚠️';
  const failing = decision.results.filter((r) => r.status === 'fail').length;
  const warning = decision.results.filter((r) => r.status === 'warn').length;
  const tally =
    decision.verdict === 'error'
      ? 'The evidence could not be read or verified, so the gate fails closed.'
      : `${failing} failing rule(s), ${warning} warning(s), ${decision.results.length} rule(s) evaluated.`;
  return `## ${icon} ${escapeMarkdown(checkName, 100)} ${verdictLabel(decision)}\n\n${tally}`;
}

function renderSubject(decision: Decision): string {
  const lines: string[] = [];
  const image = decision.evidence?.image;
  if (image) {
    const platform = image.platform
      ? ` · ${image.platform.os}/${image.platform.architecture}${image.platform.variant ? `/${image.platform.variant}` : ''}`
      : '';
    const tag = image.resolvedFromTag ? ` (resolved from tag ${escapeCode(image.resolvedFromTag)})` : '';
    lines.push(`**Image** ${escapeCode(`${image.name}@${image.digest}`, 400)}${tag}${platform}`);
  }
  lines.push(`**Policy** ${escapeCode(decision.policyOrigin)} · mode ${decision.mode}`);
  return lines.join('  \n');
}

function renderErrors(decision: Decision): string {
  if (decision.errors.length === 0) return '';
  return [
    '### Why the gate could not decide',
    '',
    ...decision.errors.map((e) => `- ${escapeMarkdown(e, 1000)}`),
  ].join('\n');
}

function renderFamilyTable(decision: Decision): string {
  if (decision.results.length === 0) return '';
  const families = [...new Set(decision.results.map((r) => r.family))];
  const rows = families.map((family) => {
    const inFamily = decision.results.filter((r) => r.family === family);
    const count = (status: RuleStatus) => inFamily.filter((r) => r.status === status).length;
    const title = RULE_FAMILIES.find((f) => f.id === family)?.title ?? family;
    return `| ${escapeMarkdown(title)} | ${count('pass')} | ${count('warn')} | ${count('fail')} | ${count('skip')} |`;
  });
  return ['| Rule family | Pass | Warn | Fail | Skip |', '| --- | ---: | ---: | ---: | ---: |', ...rows].join(
    '\n',
  );
}

function renderRuleDetail(result: RuleResult): string {
  const lines = [
    `### ${STATUS_ICON[result.status]} ${escapeMarkdown(result.title)}`,
    '',
    `${escapeCode(result.ruleId)} · ${escapeMarkdown(result.message, 2000)}`,
  ];
  if (result.remediation) lines.push('', `**How to fix:** ${escapeMarkdown(result.remediation, 1000)}`);
  if (result.position) lines.push('', `Configured at ${escapeCode(formatPosition(result.position))}`);
  if (result.findings && result.findings.length > 0) lines.push('', renderFindingsTable(result.findings));
  return lines.join('\n');
}

function renderFindingsTable(findings: Finding[]): string {
  const shown = findings.slice(0, MAX_FINDING_ROWS);
  const rows = shown.map(
    (f) =>
      `| ${f.severity}${f.cvssScore !== undefined ? ` (${f.cvssScore})` : ''} | ${escapeMarkdown(f.id, 80)} | ${escapeMarkdown(f.packageName, 120)} | ${escapeMarkdown(f.installedVersion ?? '', 80)} | ${escapeMarkdown(f.fixedVersion ?? 'no fix yet', 80)} | ${escapeMarkdown(f.title ?? '', 120)} |`,
  );
  const more =
    findings.length > shown.length
      ? `\n\n…and ${findings.length - shown.length} more in the full report.`
      : '';
  return (
    [
      '| Severity | Vulnerability | Package | Installed | Fixed in | Title |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n') + more
  );
}

function renderEvidence(decision: Decision): string {
  const evidence = decision.evidence;
  if (!evidence) return '';
  const lines = ['### Evidence', ''];
  const image = evidence.image;
  lines.push(`- Image manifest ${escapeCode(image.digest)} from ${escapeCode(image.source.uri, 300)}`);
  for (const scan of evidence.scans) {
    const scanner = `${scan.scanner.name}${scan.scanner.version ? ` ${scan.scanner.version}` : ''}`;
    const counts = SEVERITIES.map((s) => [s, scan.findings.filter((f) => f.severity === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${s}`)
      .join(', ');
    const about =
      scan.artifact.digests.length > 0
        ? `, about ${scan.artifact.digests.map((d) => escapeCode(d)).join(', ')}`
        : '';
    lines.push(
      `- Scan ${escapeCode(scan.source.uri)} (${escapeMarkdown(scanner, 80)}${scan.source.digest ? `, file ${escapeCode(scan.source.digest)}` : ''}${about}): ${scan.findings.length} finding(s)${counts ? ` — ${counts}` : ''}`,
    );
  }
  return lines.join('\n');
}

function renderPassing(decision: Decision): string {
  const rest = decision.results.filter((r) => r.status === 'pass' || r.status === 'skip');
  if (rest.length === 0) return '';
  const items = rest.map(
    (r) =>
      `- ${STATUS_ICON[r.status]} ${escapeCode(r.ruleId)} ${escapeMarkdown(r.title)}: ${escapeMarkdown(r.message, 500)}`,
  );
  return [
    `<details><summary>Passing and skipped rules (${rest.length})</summary>`,
    '',
    ...items,
    '',
    '</details>',
  ].join('\n');
}

function fitToBudget(sections: string[], budget: number, hint: string | undefined): string {
  const note = `\n\n---\n_Some sections were left out to fit GitHub's size limit.${hint ? ` ${escapeMarkdown(hint, 300)}` : ''}_`;
  const kept: string[] = [];
  let used = 0;
  let dropped = false;
  for (const section of sections) {
    const size = utf8Length(section) + 2;
    if (used + size + utf8Length(note) > budget) {
      dropped = true;
      continue;
    }
    kept.push(section);
    used += size;
  }
  return kept.join('\n\n') + (dropped ? note : '') + '\n';
}

const encoder = new TextEncoder();
function utf8Length(text: string): number {
  return encoder.encode(text).length;
}
