/**
 * The `vulnerabilities` family: scans must exist and be about this image, and no finding of a
 * failing severity may remain unless an unexpired allow entry covers it.
 */
import type { Evidence, Finding, ScanReport } from '../../evidence/types.js';
import { SEVERITIES } from '../../evidence/types.js';
import type { RuleFamily, RuleResult } from '../decision.js';
import type { Policy, VulnerabilityAllow } from '../schema.js';
import { applyRuleMode } from './rule-mode.js';

const FAMILY = 'vulnerabilities';

export const vulnerabilityRules: RuleFamily = {
  id: FAMILY,
  title: 'Vulnerabilities',
  evaluate(policy, evidence, now) {
    const config = policy.vulnerabilities;
    const at = (key: string) => policy.positions[`${FAMILY}.${key}`] ?? policy.positions[FAMILY];
    const results: RuleResult[] = [requireScan(policy, evidence), scanBinding(evidence)];
    const { active, expired } = partitionAllows(config.allow, now);
    results.push(failOn(policy, dedupe(evidence.scans.flatMap((scan) => scan.findings)), active));
    for (const { entry, index } of expired) {
      results.push({
        ruleId: `${FAMILY}.allow-expired`,
        family: FAMILY,
        status: 'warn',
        title: `Exception for ${entry.id} expired on ${entry.expires}`,
        message: `The allow entry for ${entry.id}${entry.package ? ` in ${entry.package}` : ''} (reason: ${entry.reason}) no longer applies.`,
        remediation:
          'Fix the vulnerability, or renew the exception with a new "expires" date and a current reason.',
        position: at(`allow.${index}`),
      });
    }
    return results
      .map((result) => applyRuleMode(result, config.mode))
      .map((result) => ({
        ...result,
        position: result.position ?? at(result.ruleId.slice(FAMILY.length + 1)),
      }));
  },
};

function requireScan(policy: Policy, evidence: Evidence): RuleResult {
  const ruleId = `${FAMILY}.require-scan`;
  if (evidence.scans.length > 0) {
    const names = evidence.scans.map((scan) => scan.source.uri).join(', ');
    return {
      ruleId,
      family: FAMILY,
      status: 'pass',
      title: 'Scan results present',
      message: `Read ${names}.`,
    };
  }
  if (!policy.vulnerabilities['require-scan']) {
    return {
      ruleId,
      family: FAMILY,
      status: 'skip',
      title: 'No scan results (not required)',
      message: 'No scan report was given and the policy does not require one.',
    };
  }
  return {
    ruleId,
    family: FAMILY,
    status: 'fail',
    title: 'No scan results for this image',
    message: 'The policy requires a vulnerability scan, and none was given.',
    remediation:
      'Scan the image by digest (e.g. `trivy image --format json -o trivy.json IMAGE@DIGEST`) and pass the file as "scan-results".',
  };
}

/** A report that says it scanned another digest is evidence about another image. */
function scanBinding(evidence: Evidence): RuleResult {
  const ruleId = `${FAMILY}.scan-binding`;
  const digest = evidence.image.digest;
  const foreign = evidence.scans.filter(
    (scan) => scan.artifact.digests.length > 0 && !scan.artifact.digests.includes(digest),
  );
  const unbound = evidence.scans.filter((scan) => scan.artifact.digests.length === 0);
  if (foreign.length > 0) {
    return {
      ruleId,
      family: FAMILY,
      status: 'fail',
      title: 'A scan report is about a different image',
      message: foreign.map((scan) => describeForeign(scan, digest)).join(' '),
      remediation: 'Scan the image by the digest the workflow built (`IMAGE@DIGEST`), not by tag.',
    };
  }
  if (unbound.length > 0) {
    return {
      ruleId,
      family: FAMILY,
      status: 'warn',
      title: 'Scan report does not name the image digest',
      message: `${unbound.map((scan) => scan.source.uri).join(', ')} names no image digest, so it cannot be confirmed to be about ${digest}.`,
      remediation: 'Scan the image from the registry by digest so the report records it.',
    };
  }
  if (evidence.scans.length === 0) {
    return {
      ruleId,
      family: FAMILY,
      status: 'skip',
      title: 'No scan to bind',
      message: 'No scan report was given.',
    };
  }
  return {
    ruleId,
    family: FAMILY,
    status: 'pass',
    title: 'Scans are about this digest',
    message: `Every report names ${digest}.`,
  };
}

function describeForeign(scan: ScanReport, digest: string): string {
  return `${scan.source.uri} scanned ${scan.artifact.digests.join(', ')}, not ${digest}.`;
}

function failOn(
  policy: Policy,
  findings: Finding[],
  allows: Array<{ entry: VulnerabilityAllow; index: number }>,
): RuleResult {
  const ruleId = `${FAMILY}.fail-on`;
  const failing = new Set(policy.vulnerabilities['fail-on']);
  const blocking: Finding[] = [];
  const allowed: Array<{ finding: Finding; entry: VulnerabilityAllow }> = [];
  for (const finding of findings) {
    if (!failing.has(finding.severity)) continue;
    const allow = allows.find(({ entry }) => allowCovers(entry, finding));
    if (allow) allowed.push({ finding, entry: allow.entry });
    else blocking.push(finding);
  }
  const severities = [...failing].join(', ') || 'none';
  const allowedNote =
    allowed.length > 0
      ? ` ${allowed.length} allowed by exception: ${allowed.map(({ finding, entry }) => `${finding.id} in ${finding.packageName} (${entry.reason})`).join('; ')}.`
      : '';
  if (blocking.length === 0) {
    return {
      ruleId,
      family: FAMILY,
      status: 'pass',
      title: `No unallowed ${severities} vulnerabilities`,
      message: `${findings.length} finding(s) in total; none of a failing severity remains.${allowedNote}`,
    };
  }
  blocking.sort(bySeverityThenId);
  const counts = SEVERITIES.map(
    (severity) => [severity, blocking.filter((f) => f.severity === severity).length] as const,
  )
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`)
    .join(', ');
  const fixable = blocking.filter((finding) => finding.fixedVersion).length;
  return {
    ruleId,
    family: FAMILY,
    status: 'fail',
    title: `${blocking.length} vulnerabilit${blocking.length === 1 ? 'y' : 'ies'} at a failing severity (${counts})`,
    message: `The policy fails on ${severities}; ${fixable} of ${blocking.length} have a fixed version.${allowedNote}`,
    remediation:
      fixable > 0
        ? 'Upgrade the packages to the fixed versions listed (or rebuild on a patched base image); for a finding that does not affect you, add an allow entry with a reason and an expiry date.'
        : 'No fix is published yet: rebuild on another base image, or add an allow entry with a reason and an expiry date.',
    findings: blocking,
  };
}

function allowCovers(entry: VulnerabilityAllow, finding: Finding): boolean {
  const ids = [finding.id, ...finding.aliases].map((id) => id.toUpperCase());
  if (!ids.includes(entry.id.toUpperCase())) return false;
  return entry.package === undefined || entry.package === finding.packageName;
}

/** An exception applies through the whole of its `expires` day, in UTC. */
function partitionAllows(allows: VulnerabilityAllow[], now: Date) {
  const today = now.toISOString().slice(0, 10);
  const active: Array<{ entry: VulnerabilityAllow; index: number }> = [];
  const expired: Array<{ entry: VulnerabilityAllow; index: number }> = [];
  allows.forEach((entry, index) => {
    (entry.expires !== undefined && entry.expires < today ? expired : active).push({ entry, index });
  });
  return { active, expired };
}

/** The same vulnerability in the same package version, reported for two targets, counts once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Map<string, Finding>();
  for (const finding of findings) {
    const key = `${finding.id}\u0000${finding.packageName}\u0000${finding.installedVersion ?? ''}`;
    if (!seen.has(key)) seen.set(key, finding);
  }
  return [...seen.values()];
}

function bySeverityThenId(a: Finding, b: Finding): number {
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.id.localeCompare(b.id);
}
