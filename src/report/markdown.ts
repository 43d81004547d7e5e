/**
 * Decision → the markdown a reviewer reads (check run summary, job summary, PR comment, terminal).
 * Pure. The document is a list of sections in priority order, each with richer and leaner
 * renderings; the budget first gives every section its leanest rendering, in priority order, then
 * enriches them while bytes remain. A section is only ever kept or left out whole, so a table or a
 * <details> block is never cut in half.
 */
import type { Decision, RuleResult, RuleStatus } from '../policy/decision.js';
import { formatPosition } from '../errors.js';
import {
  SEVERITIES,
  type ArtifactVerification,
  type DiscoveredArtifact,
  type Evidence,
  type Finding,
  type Platform,
  type SignerIdentity,
} from '../model/evidence.js';
import { escapeCode, escapeMarkdown, escapeMarkdownWithCode } from './escape.js';
import { familyTitle } from '../policy/rules/titles.js';

/** GitHub rejects a check run summary over 65,535 characters; bytes is the stricter measure. */
export const CHECK_RUN_SUMMARY_BUDGET = 65_535;
/** The runner refuses a step's job summary over 1 MiB. */
export const JOB_SUMMARY_BUDGET = 1_048_576;
const DEFAULT_FINDING_ROWS = 50;
const REDUCED_FINDING_ROWS = 10;

const STATUS_ICON: Record<RuleStatus, string> = { pass: '✅', fail: '❌', warn: '⚠️', skip: '⏭️' };

export interface FullReportLink {
  /** The JSON report's path as the workflow wrote it. */
  path: string;
  /** The workflow run page, where an uploaded report artifact is listed. */
  runUrl?: string;
}

export interface MarkdownOptions {
  checkName: string;
  budgetBytes?: number;
  /** Rows of each findings table before "…and N more". */
  maxFindingRows?: number;
  /** Where the full report is, said when the budget shortened the document. */
  fullReport?: FullReportLink;
  /** Said first, before the verdict: e.g. that the check run could not be written. */
  notices?: string[];
}

/** A section's renderings, richest first; the last is the leanest. */
type Section = string[];

export function renderMarkdown(decision: Decision, options: MarkdownOptions): string {
  const budget = options.budgetBytes ?? CHECK_RUN_SUMMARY_BUDGET;
  const rows = options.maxFindingRows ?? DEFAULT_FINDING_ROWS;
  const sections: Section[] = [
    [renderNotices(options.notices ?? [])],
    [renderHeadline(decision, options.checkName)],
    [renderSubject(decision)],
    [renderNotes(decision)],
    [renderErrors(decision)],
    [renderFamilyTable(decision)],
    ...decision.results.filter((r) => r.status === 'fail').map((r) => renderRuleDetail(r, rows)),
    ...decision.results.filter((r) => r.status === 'warn').map((r) => renderRuleDetail(r, rows)),
    renderEvidence(decision.evidence),
    ...decision.results.filter((r) => r.counts || r.suppressed?.length).map(renderFindingsOverview),
    renderPassing(decision),
  ]
    .map((variants) => variants.filter((variant) => variant.length > 0))
    .filter((variants) => variants.length > 0);
  return fitToBudget(sections, budget, options.fullReport);
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

function renderNotices(notices: string[]): string {
  return notices.map((notice) => `> [!WARNING]\n> ${escapeMarkdown(notice, 1000)}`).join('\n\n');
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
    const platform = image.platform ? ` · ${formatPlatform(image.platform)}` : '';
    const tag = image.resolvedFromTag ? ` (resolved from tag ${escapeCode(image.resolvedFromTag)})` : '';
    lines.push(`**Image** ${escapeCode(`${image.name}@${image.digest}`, 400)}${tag}${platform}`);
  }
  lines.push(`**Policy** ${escapeCode(decision.policyOrigin)} · mode ${decision.mode}`);
  return lines.join('  \n');
}

function renderNotes(decision: Decision): string {
  const notes = decision.notes ?? [];
  return notes.map((note) => `- ${escapeMarkdown(note, 1000)}`).join('\n');
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
    const title = familyTitle(family);
    return `| ${escapeMarkdown(title)} | ${count('pass')} | ${count('warn')} | ${count('fail')} | ${count('skip')} |`;
  });
  return ['| Rule family | Pass | Warn | Fail | Skip |', '| --- | ---: | ---: | ---: | ---: |', ...rows].join(
    '\n',
  );
}

/** Full table, a short table, then no table: the rule itself is never the part that is cut. */
function renderRuleDetail(result: RuleResult, maxRows: number): Section {
  const why = result.status === 'fail' ? 'Why it fails' : 'Why it warns';
  const lines = [
    `### ${STATUS_ICON[result.status]} ${escapeMarkdown(result.title)}`,
    '',
    `${escapeCode(result.ruleId)}${result.position ? ` · configured at ${escapeCode(formatPosition(result.position))}` : ''}`,
    '',
    `**${why}:** ${escapeMarkdownWithCode(result.message, 2000)}`,
  ];
  if (result.remediation)
    lines.push('', `**How to fix:** ${escapeMarkdownWithCode(result.remediation, 1000)}`);
  const head = lines.join('\n');
  const findings = result.findings ?? [];
  if (findings.length === 0) return [head];
  const variants = [maxRows, Math.min(maxRows, REDUCED_FINDING_ROWS)]
    .filter((rows, index, all) => all.indexOf(rows) === index)
    .map((rows) => `${head}\n\n**Found:**\n\n${renderFindingsTable(findings, rows)}`);
  const noun = findings.length === 1 ? 'finding' : 'findings';
  return [...variants, `${head}\n\n**Found:** ${findings.length} ${noun}, listed in the full report.`];
}

function renderFindingsTable(findings: Finding[], maxRows: number): string {
  const shown = findings.slice(0, maxRows);
  // Which scanner reported what matters once several scanners are read.
  const scanners = new Set(findings.flatMap((f) => (f.sources ?? []).map((source) => source.scanner)));
  const bySource = scanners.size > 1;
  const rows = shown.map((f) => {
    const cells = [
      `${f.severity}${f.cvssScore !== undefined ? ` (${f.cvssScore})` : ''}`,
      escapeMarkdown(f.id, 80),
      escapeMarkdown(f.packageName, 120),
      escapeMarkdown(f.installedVersion ?? '', 80),
      escapeMarkdown(f.fixedVersion ?? 'no fix yet', 80),
      escapeMarkdown(f.title ?? '', 120),
    ];
    if (bySource) {
      cells.push(
        escapeMarkdown([...new Set((f.sources ?? []).map((source) => source.scanner))].join(', '), 80),
      );
    }
    return `| ${cells.join(' | ')} |`;
  });
  const more =
    findings.length > shown.length
      ? `\n\n…and ${findings.length - shown.length} more in the full report.`
      : '';
  const header = ['Severity', 'Vulnerability', 'Package', 'Installed', 'Fixed in', 'Title'];
  if (bySource) header.push('Reported by');
  return [`| ${header.join(' | ')} |`, `|${' --- |'.repeat(header.length)}`, ...rows].join('\n') + more;
}

const OVERVIEW_ROWS = 20;

/** Every finding that counted, worst first, and everything suppressed with who suppressed it and why. */
function renderFindingsOverview(result: RuleResult): Section {
  const findings = result.findings ?? [];
  const suppressed = result.suppressed ?? [];
  const counts = result.counts
    ? SEVERITIES.filter((severity) => (result.counts![severity] ?? 0) > 0)
        .map((severity) => `${result.counts![severity]} ${severity}`)
        .join(', ')
    : '';
  const summary = `All findings: ${findings.length}${counts ? ` (${counts})` : ''}${suppressed.length > 0 ? ` · ${suppressed.length} suppressed` : ''}`;
  const parts = [`<details><summary>${escapeMarkdown(summary, 300)}</summary>`, ''];
  if (findings.length > 0) parts.push(renderFindingsTable(findings, OVERVIEW_ROWS), '');
  if (suppressed.length > 0) {
    parts.push('**Suppressed:**', '');
    for (const entry of suppressed.slice(0, OVERVIEW_ROWS)) {
      const where = entry.origin ? ` (${escapeCode(entry.origin)})` : '';
      parts.push(
        `- ${escapeMarkdown(entry.finding.id, 80)} in ${escapeMarkdown(entry.finding.packageName, 120)}: ${entry.by}${where}, ${escapeMarkdown(entry.reason, 300)}`,
      );
    }
    if (suppressed.length > OVERVIEW_ROWS)
      parts.push(`- …and ${suppressed.length - OVERVIEW_ROWS} more in the full report.`);
    parts.push('');
  }
  parts.push('</details>');
  return [parts.join('\n'), `${escapeMarkdown(summary, 300)}; listed in the full report.`];
}

function renderEvidence(evidence: Evidence | undefined): Section {
  if (!evidence) return [];
  const image = evidence.image;
  const items = [`- Image manifest ${escapeCode(image.digest)} from ${escapeCode(image.source.uri, 300)}`];
  if (image.platforms.length > 1) {
    const platforms = image.platforms.map(
      (p) =>
        `${p.platform ? escapeCode(formatPlatform(p.platform)) : 'unknown platform'} ${escapeCode(p.digest)}`,
    );
    items.push(`- Platforms gated: ${platforms.join(', ')}`);
  }
  const verifications = evidence.verifications ?? [];
  if (verifications.length > 0) {
    items.push(...verifications.map(renderVerification));
  } else {
    items.push(...evidence.discovered.map((artifact) => `- ${describeArtifact(artifact)}, not verified`));
  }
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
    const suppressed = scan.suppressed?.length
      ? `; ${scan.suppressed.length} marked not applicable by the report`
      : '';
    items.push(
      `- Scan ${escapeCode(scan.source.uri)} (${escapeMarkdown(scanner, 80)}${scan.source.digest ? `, file ${escapeCode(scan.source.digest)}` : ''}${about}): ${scan.findings.length} finding(s)${counts ? ` — ${counts}` : ''}${suppressed}`,
    );
  }
  const lookups = renderLookups(evidence);
  const full = ['### Evidence', '', ...items, ...(lookups ? ['', lookups] : [])].join('\n');
  const verified = verifications.filter((v) => v.status === 'verified').length;
  const lean = `### Evidence\n\nImage manifest ${escapeCode(image.digest)}; ${evidence.discovered.length} signature(s) or attestation(s) found, ${verified} verified; ${evidence.scans.length} scan report(s): listed in the full report.`;
  return lookups ? [full, ['### Evidence', '', ...items].join('\n'), lean] : [full, lean];
}

function renderVerification(verification: ArtifactVerification): string {
  const artifact = describeArtifact(verification.artifact);
  if (verification.status === 'invalid') {
    return `- ❌ ${artifact}: rejected by the ${escapeMarkdown(verification.check, 80)} check: ${escapeMarkdown(verification.message, 500)}`;
  }
  const what = verification.statement
    ? `Attestation ${escapeCode(verification.statement.predicateType, 200)}`
    : 'Signature';
  const log = verification.transparencyLog[0];
  const logged = log ? `, transparency log entry ${escapeCode(log.logIndex)}` : '';
  const time = verification.timestamps[0];
  const at = time ? `, signed ${escapeMarkdown(time.time, 40)}` : '';
  return `- ✅ ${what} by ${describeSigner(verification.signer)}${logged}${at} — ${artifact}`;
}

function describeSigner(signer: SignerIdentity): string {
  if (signer.kind === 'public-key') return `key ${escapeCode(signer.keyId, 120)}`;
  const parts = [signer.san ? escapeCode(signer.san, 300) : 'an unnamed certificate'];
  if (signer.issuer) parts.push(`issuer ${escapeCode(signer.issuer, 200)}`);
  const claims = signer.claims;
  if (claims.buildConfigUri && claims.buildConfigUri !== signer.san) {
    parts.push(`workflow ${escapeCode(claims.buildConfigUri, 300)}`);
  }
  if (claims.sourceRepositoryRef) parts.push(`ref ${escapeCode(claims.sourceRepositoryRef, 200)}`);
  if (claims.runnerEnvironment) parts.push(`${escapeMarkdown(claims.runnerEnvironment, 40)} runner`);
  return parts.join(', ');
}

function describeArtifact(artifact: DiscoveredArtifact): string {
  const platform = artifact.platform ? ` (${escapeCode(formatPlatform(artifact.platform))})` : '';
  const digest = artifact.source.digest ? ` ${escapeCode(artifact.source.digest)}` : '';
  return `${DISCOVERED_KIND[artifact.kind]} for ${escapeCode(artifact.subjectDigest)}${platform} from ${escapeCode(artifact.source.uri, 300)}${digest}`;
}

/** Where discovery looked, so "no signature found" can be checked by a reviewer. */
function renderLookups(evidence: Evidence): string {
  const lookups = evidence.lookups ?? [];
  if (lookups.length === 0) return '';
  const rows = lookups.map(
    (l) =>
      `| ${l.place} | ${escapeCode(l.subjectDigest)}${l.platform ? ` ${escapeCode(formatPlatform(l.platform))}` : ''} | ${escapeCode(l.uri, 300)} | ${l.outcome} | ${l.found} | ${l.skipped.length > 0 ? escapeMarkdown(l.skipped.map((s) => s.reason).join('; '), 300) : ''} |`,
  );
  const stats = evidence.stats?.requests
    ? `, ${evidence.stats.requests} request(s) in ${evidence.stats.roundTrips} round trip(s), ${evidence.stats.elapsedMs} ms`
    : '';
  return [
    `<details><summary>Where the gate looked for signatures and attestations (${lookups.length} place(s)${stats})</summary>`,
    '',
    '| Where | Subject | Location | Outcome | Found | Skipped |',
    '| --- | --- | --- | --- | ---: | --- |',
    ...rows,
    '',
    '</details>',
  ].join('\n');
}

function formatPlatform(platform: Platform): string {
  return `${platform.os}/${platform.architecture}${platform.variant ? `/${platform.variant}` : ''}`;
}

const DISCOVERED_KIND: Record<DiscoveredArtifact['kind'], string> = {
  'sigstore-bundle': 'Sigstore bundle',
  'cosign-signature': 'Cosign signature',
  'cosign-attestation': 'Cosign attestation',
};

function renderPassing(decision: Decision): Section {
  const rest = decision.results.filter((r) => r.status === 'pass' || r.status === 'skip');
  if (rest.length === 0) return [];
  const items = rest.map(
    (r) =>
      `- ${STATUS_ICON[r.status]} ${escapeCode(r.ruleId)} ${escapeMarkdown(r.title)}: ${escapeMarkdown(r.message, 500)}`,
  );
  const passed = rest.filter((r) => r.status === 'pass').length;
  return [
    [
      `<details><summary>Passing and skipped rules (${rest.length})</summary>`,
      '',
      ...items,
      '',
      '</details>',
    ].join('\n'),
    `${passed} rule(s) passed and ${rest.length - passed} were skipped: listed in the full report.`,
  ];
}

function fitToBudget(sections: Section[], budget: number, fullReport: FullReportLink | undefined): string {
  const note = `\n\n---\n_Some sections were shortened or left out to fit GitHub's size limit.${renderFullReportLink(fullReport)}_`;
  const reserve = utf8Length(note) + 1;
  const sizes = sections.map((variants) => variants.map((variant) => utf8Length(variant) + 2));
  const chosen: Array<number | undefined> = [];
  let used = 0;
  sections.forEach((variants, index) => {
    const leanest = variants.length - 1;
    if (used + sizes[index]![leanest]! + reserve <= budget) {
      chosen[index] = leanest;
      used += sizes[index]![leanest]!;
    }
  });
  sections.forEach((_, index) => {
    const current = chosen[index];
    if (current === undefined) return;
    for (let richer = 0; richer < current; richer += 1) {
      const growth = sizes[index]![richer]! - sizes[index]![current]!;
      if (used + growth + reserve <= budget) {
        chosen[index] = richer;
        used += growth;
        return;
      }
    }
  });
  const shortened = sections.some((_, index) => chosen[index] !== 0);
  const kept = sections.flatMap((variants, index) => {
    const variant = chosen[index];
    return variant === undefined ? [] : [variants[variant]!];
  });
  return kept.join('\n\n') + (shortened ? note : '') + '\n';
}

function renderFullReportLink(link: FullReportLink | undefined): string {
  if (!link) return '';
  const where = /^https:\/\/[^\s()<>[\]]+$/.test(link.runUrl ?? '')
    ? ` (download it from the [workflow run](${link.runUrl}) when it is uploaded as an artifact)`
    : '';
  return ` The full report is ${escapeCode(link.path, 300)}${where}.`;
}

const encoder = new TextEncoder();
function utf8Length(text: string): number {
  return encoder.encode(text).length;
}
