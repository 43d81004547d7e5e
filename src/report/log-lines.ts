/**
 * Decision → the lines the log shows, for whoever reads the job log instead of the check run
 * (a fork's read-only run, a terminal). Pure; the logger escapes each line for the Actions runner.
 */
import type { Decision } from '../policy/decision.js';
import { verdictLabel } from './markdown.js';

const FINDINGS_PER_RULE = 10;

export function renderLogLines(decision: Decision, checkName: string): string[] {
  const lines: string[] = [];
  for (const result of decision.results) {
    if (result.status !== 'fail' && result.status !== 'warn') continue;
    lines.push(`${result.status === 'fail' ? 'FAIL' : 'WARN'} ${result.ruleId}: ${result.title}`);
    const findings = result.findings ?? [];
    for (const finding of findings.slice(0, FINDINGS_PER_RULE)) {
      const version = finding.installedVersion ? ` ${finding.installedVersion}` : '';
      const title = finding.title ? `: ${finding.title.replace(/\s+/g, ' ')}` : '';
      lines.push(`  ${finding.severity} ${finding.id} in ${finding.packageName}${version}${title}`);
    }
    if (findings.length > FINDINGS_PER_RULE) {
      lines.push(`  …and ${findings.length - FINDINGS_PER_RULE} more in the full report`);
    }
    const packages = result.packages ?? [];
    for (const pkg of packages.slice(0, FINDINGS_PER_RULE)) {
      const version = pkg.version ? `@${pkg.version}` : '';
      const license = pkg.license === undefined ? 'no license' : `license ${JSON.stringify(pkg.license)}`;
      lines.push(`  ${pkg.name}${version} (${license}): ${pkg.problem}, from ${pkg.sources.join(' and ')}`);
    }
    if (packages.length > FINDINGS_PER_RULE) {
      lines.push(`  …and ${packages.length - FINDINGS_PER_RULE} more packages in the full report`);
    }
  }
  lines.push(`${checkName} ${verdictLabel(decision)}`);
  return lines;
}
