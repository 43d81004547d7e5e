/**
 * Findings across reports: the same vulnerability in the same package version counts once, however
 * many scanners or targets reported it, with every report that did listed as its sources.
 */
import { compareSeverity } from './scans/severity.js';
import { SEVERITIES, type Finding, type FindingSource, type Severity } from '../model/evidence.js';

export type SeverityCounts = Record<Severity, number>;

const CVE = /^CVE-\d{4}-\d{4,}$/i;

/**
 * A CVE id when the finding has one (as its id or an alias), so Grype's GHSA-… and Trivy's CVE-…
 * for one advisory meet; else its own id.
 */
export function canonicalVulnerabilityId(finding: Finding): string {
  if (CVE.test(finding.id)) return finding.id.toUpperCase();
  const cve = finding.aliases.find((alias) => CVE.test(alias));
  return (cve ?? finding.id).toUpperCase();
}

/** Same id, same package name and version; a finding in code (no version) also by its location. */
export function findingKey(finding: Finding): string {
  const version = finding.installedVersion ?? `@${finding.location ?? ''}`;
  return `${canonicalVulnerabilityId(finding)}\u0000${finding.packageName}\u0000${version}`;
}

export function mergeFindings(findings: Iterable<Finding>): Finding[] {
  const merged = new Map<string, Finding>();
  for (const finding of findings) {
    const key = findingKey(finding);
    const known = merged.get(key);
    merged.set(key, known ? combine(known, finding) : finding);
  }
  return [...merged.values()];
}

/** The more severe reading wins (fail closed); details missing from one report come from the other. */
function combine(a: Finding, b: Finding): Finding {
  const worse = compareSeverity(b.severity, a.severity) < 0 ? b : a;
  const higherScore = (b.cvssScore ?? -1) > (a.cvssScore ?? -1) ? b : a;
  const id = canonicalVulnerabilityId(a);
  // Ids compare without case; each keeps the spelling its report gave it.
  const ids = new Map<string, string>();
  for (const value of [a.id, ...a.aliases, b.id, ...b.aliases]) {
    if (!ids.has(value.toUpperCase())) ids.set(value.toUpperCase(), value);
  }
  ids.delete(id);
  return {
    ...a,
    id,
    aliases: [...ids.values()],
    severity: worse.severity,
    sourceSeverity: worse.sourceSeverity,
    cvssScore: higherScore.cvssScore,
    cvssVector: higherScore.cvssVector,
    fixedVersion: a.fixedVersion ?? b.fixedVersion,
    fixState: a.fixState === 'fixed' || b.fixState === 'fixed' ? 'fixed' : (a.fixState ?? b.fixState),
    purl: a.purl ?? b.purl,
    title: a.title ?? b.title,
    url: a.url ?? b.url,
    target: a.target ?? b.target,
    location: a.location ?? b.location,
    sources: mergeSources(a.sources ?? [], b.sources ?? []),
  };
}

function mergeSources(a: FindingSource[], b: FindingSource[]): FindingSource[] {
  const missing = b.filter(
    (source) => !a.some((known) => known.uri === source.uri && known.scanner === source.scanner),
  );
  return missing.length === 0 ? a : [...a, ...missing];
}

export function countBySeverity(findings: Iterable<Finding>): SeverityCounts {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as SeverityCounts;
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** Worst first; then the higher CVSS score; then by id and package, so reports are stable. */
export function bySeverityThenId(a: Finding, b: Finding): number {
  return (
    compareSeverity(a.severity, b.severity) ||
    (b.cvssScore ?? -1) - (a.cvssScore ?? -1) ||
    compareText(a.id, b.id) ||
    compareText(a.packageName, b.packageName)
  );
}

/** By code point: the same order on every machine, and far cheaper than localeCompare on 250,000 findings. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
