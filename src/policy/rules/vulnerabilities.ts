/**
 * The `vulnerabilities` family. Reports must exist, be about this image and be fresh, or they are
 * not evidence; their findings are merged across scanners, VEX statements, allow entries and
 * `ignore-unfixed` take out what they cover (each listed with why), and what remains is judged by
 * `fail-on`, `max-counts` and `max-cvss`.
 */
import { bySeverityThenId, countBySeverity, findingKey, mergeFindings } from '../../evidence/findings.js';
import { SEVERITIES } from '../../model/evidence.js';
import type { Evidence, Finding, ScanReport, Severity, SuppressedFinding } from '../../model/evidence.js';
import { createVexMatcher, vexSuppression } from '../../evidence/vex-match.js';
import { formatPosition } from '../../errors.js';
import type { RuleFamily, RuleResult } from '../decision.js';
import { isExpired } from '../expiry.js';
import type { Policy, VulnerabilityAllow } from '../schema.js';
import { readImageAttestations, type AttestationReading } from './vulnerability-attestations.js';
import { judgeBinding, judgeFreshness, type Binding, type RejectedScan } from './scan-evidence.js';
import { applyRuleMode } from './rule-mode.js';
import { FAMILY_TITLES } from './titles.js';

const FAMILY = 'vulnerabilities';

export const vulnerabilityRules: RuleFamily = {
  id: FAMILY,
  title: FAMILY_TITLES.vulnerabilities,
  evaluate(policy, evidence, now) {
    const config = policy.vulnerabilities;
    const at = (key: string) => policy.positions[`${FAMILY}.${key}`] ?? policy.positions[FAMILY];
    const attestations = readImageAttestations(evidence, config['attestation-signers']);
    const scans = [...evidence.scans, ...attestations.scans];
    const binding = judgeBinding(scans, evidence.image);
    const foreign = binding.foreign;
    const stale = config['scan-max-age']
      ? judgeFreshness(
          scans.filter((scan) => !foreign.some((r) => r.scan === scan)),
          config['scan-max-age'].ms,
          now,
        )
      : [];
    const accepted = scans.filter((scan) => ![...foreign, ...stale].some((r) => r.scan === scan));
    const judged = judgeFindings(policy, evidence, accepted, attestations, now);

    const results: RuleResult[] = [
      requireScan(policy, scans, accepted),
      scanBinding(scans, binding, evidence),
      scanMaxAge(policy, accepted.length + stale.length, stale),
      summary(judged.active, judged.suppressed, accepted),
      failOn(policy, judged.active, judged.suppressed),
      maxCounts(policy, judged.active),
      maxCvss(policy, judged.active),
      ...vexResult(evidence, attestations, judged.suppressed),
      ...judged.expired.map(({ entry, index }) => expiredAllow(entry, index, at)),
    ].filter((result): result is RuleResult => result !== undefined);
    return results
      .map((result) => applyRuleMode(result, config.mode))
      .map((result) => ({
        ...result,
        position: result.position ?? at(result.ruleId.slice(FAMILY.length + 1)),
      }));
  },
};

interface Judged {
  /** What counts: merged across reports, nothing suppressed. */
  active: Finding[];
  suppressed: SuppressedFinding[];
  expired: Array<{ entry: VulnerabilityAllow; index: number }>;
}

function judgeFindings(
  policy: Policy,
  evidence: Evidence,
  scans: ScanReport[],
  attestations: AttestationReading,
  now: Date,
): Judged {
  const config = policy.vulnerabilities;
  const merged = mergeFindings(scans.flatMap((scan) => scan.findings));
  const activeKeys = new Set(merged.map(findingKey));
  // A finding one report suppresses and another reports plainly counts (fail closed).
  const suppressed: SuppressedFinding[] = dedupeSuppressed(
    scans
      .flatMap((scan) => scan.suppressed ?? [])
      .filter((entry) => !activeKeys.has(findingKey(entry.finding))),
  );
  const allows = config.allow.map((entry, index) => ({ entry, index }));
  const active = allows.filter(({ entry }) => !isExpired(entry.expires, now));
  const expired = allows.filter(({ entry }) => isExpired(entry.expires, now));
  const image = evidence.image;
  const vex = createVexMatcher([...(evidence.vex ?? []), ...attestations.trustedVex], {
    digests: [image.digest, ...image.platforms.map((platform) => platform.digest)],
    name: image.name,
  });

  const remaining: Finding[] = [];
  for (const finding of merged) {
    const byVex = vexSuppression(vex, finding);
    if (byVex) {
      suppressed.push(byVex);
      continue;
    }
    const allow = active.find(({ entry }) => allowCovers(entry, finding));
    if (allow) {
      const position = policy.positions[`${FAMILY}.allow.${allow.index}`];
      suppressed.push({
        finding,
        by: 'allow',
        reason: allow.entry.reason,
        origin: position ? formatPosition(position) : `${policy.origin} ${FAMILY}.allow[${allow.index}]`,
      });
      continue;
    }
    if (config['ignore-unfixed'] && finding.fixState === 'unfixed') {
      suppressed.push({
        finding,
        by: 'ignore-unfixed',
        reason: 'no fixed version published (ignore-unfixed)',
      });
      continue;
    }
    remaining.push(finding);
  }
  remaining.sort(bySeverityThenId);
  return { active: remaining, suppressed, expired };
}

function dedupeSuppressed(entries: SuppressedFinding[]): SuppressedFinding[] {
  const seen = new Map<string, SuppressedFinding>();
  for (const entry of entries) {
    const key = findingKey(entry.finding);
    if (!seen.has(key)) seen.set(key, entry);
  }
  return [...seen.values()];
}

function allowCovers(entry: VulnerabilityAllow, finding: Finding): boolean {
  const wanted = entry.id.toUpperCase();
  if (![finding.id, ...finding.aliases].some((id) => id.toUpperCase() === wanted)) return false;
  return entry.package === undefined || entry.package === finding.packageName;
}

function requireScan(policy: Policy, scans: ScanReport[], accepted: ScanReport[]): RuleResult {
  const ruleId = `${FAMILY}.require-scan`;
  if (accepted.length > 0) {
    return {
      ruleId,
      family: FAMILY,
      status: 'pass',
      title: 'Scan results present',
      message: `Read ${accepted.map(describeScan).join(', ')}.`,
    };
  }
  if (!policy.vulnerabilities['require-scan']) {
    return {
      ruleId,
      family: FAMILY,
      status: 'skip',
      title: 'No scan results (not required)',
      message:
        scans.length > 0
          ? 'Every scan report was rejected as evidence, and the policy does not require one.'
          : 'No scan report was given and the policy does not require one.',
    };
  }
  return {
    ruleId,
    family: FAMILY,
    status: 'fail',
    title: scans.length > 0 ? 'No usable scan results for this image' : 'No scan results for this image',
    message:
      scans.length > 0
        ? `The policy requires a vulnerability scan, and every report given was rejected as evidence (${scans.map((scan) => scan.source.uri).join(', ')}): see scan-binding and scan-max-age.`
        : 'The policy requires a vulnerability scan, and none was given.',
    remediation:
      'Scan the image by digest (e.g. `trivy image --format json -o trivy.json IMAGE@DIGEST`) and pass the file as "scan-results".',
  };
}

/** A report that says it scanned another image is evidence about another image. */
function scanBinding(scans: ScanReport[], { foreign, unbound }: Binding, evidence: Evidence): RuleResult {
  const ruleId = `${FAMILY}.scan-binding`;
  const digest = evidence.image.digest;
  if (foreign.length > 0) {
    return {
      ruleId,
      family: FAMILY,
      status: 'fail',
      title: `${foreign.length === 1 ? 'A scan report is' : `${foreign.length} scan reports are`} about a different image`,
      message: `${foreign.map((r) => `${r.scan.source.uri}: ${r.reason}`).join(' ')} Their findings were not used.`,
      remediation:
        'Scan the image by the digest the workflow built (`IMAGE@DIGEST`), not by tag, and pass that report.',
    };
  }
  if (scans.length === 0) {
    return {
      ruleId,
      family: FAMILY,
      status: 'skip',
      title: 'No scan to bind',
      message: 'No scan report was given.',
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
  return {
    ruleId,
    family: FAMILY,
    status: 'pass',
    title: 'Scans are about this digest',
    message: `Every report names ${digest} or one of its platform images.`,
  };
}

function scanMaxAge(policy: Policy, judged: number, stale: RejectedScan[]): RuleResult | undefined {
  const maxAge = policy.vulnerabilities['scan-max-age'];
  if (!maxAge || judged === 0) return undefined;
  const ruleId = `${FAMILY}.scan-max-age`;
  if (stale.length === 0) {
    return {
      ruleId,
      family: FAMILY,
      status: 'pass',
      title: `Scans are at most ${maxAge.text} old`,
      message: `Every report was created within ${maxAge.text}.`,
    };
  }
  return {
    ruleId,
    family: FAMILY,
    status: 'fail',
    title: `${stale.length === 1 ? 'A scan report is' : `${stale.length} scan reports are`} too old or undated (limit ${maxAge.text})`,
    message: `${stale.map((r) => `${r.scan.source.uri}: ${r.reason}`).join(' ')} Their findings were not used.`,
    remediation: `Scan the image again in this workflow run (a vulnerability database changes daily), or raise "scan-max-age".`,
  };
}

/** Never fails: what the summary shows, whatever the verdict (counts, top findings, suppressed). */
function summary(
  active: Finding[],
  suppressed: SuppressedFinding[],
  scans: ScanReport[],
): RuleResult | undefined {
  if (scans.length === 0) return undefined;
  const counts = countBySeverity(active);
  const suppressedNote =
    suppressed.length > 0 ? `; ${suppressed.length} suppressed (${describeSuppressed(suppressed)})` : '';
  return {
    ruleId: `${FAMILY}.findings`,
    family: FAMILY,
    status: 'pass',
    title: `${active.length} finding${active.length === 1 ? '' : 's'} after merging ${scans.length} report${scans.length === 1 ? '' : 's'}${active.length > 0 ? ` (${describeCounts(counts)})` : ''}`,
    message: `The same vulnerability in the same package version counts once across scanners${suppressedNote}.`,
    findings: active,
    counts,
    suppressed,
  };
}

function failOn(policy: Policy, active: Finding[], suppressed: SuppressedFinding[]): RuleResult {
  const ruleId = `${FAMILY}.fail-on`;
  const byCount = new Set(Object.keys(policy.vulnerabilities['max-counts'] ?? {}));
  const failing = new Set(policy.vulnerabilities['fail-on'].filter((severity) => !byCount.has(severity)));
  const blocking = active.filter((finding) => failing.has(finding.severity));
  const severities = [...failing].join(', ') || 'none';
  const wouldFail = suppressed.filter((entry) => failing.has(entry.finding.severity));
  const suppressedNote =
    wouldFail.length > 0
      ? ` ${wouldFail.length} more suppressed: ${wouldFail
          .slice(0, 5)
          .map((entry) => `${entry.finding.id} in ${entry.finding.packageName} (${entry.reason})`)
          .join('; ')}${wouldFail.length > 5 ? `; and ${wouldFail.length - 5} more` : ''}.`
      : '';
  if (blocking.length === 0) {
    return {
      ruleId,
      family: FAMILY,
      status: 'pass',
      title: `No ${severities === 'none' ? '' : `${severities} `}vulnerabilities remain`,
      message: `${active.length} finding(s) count; none of a failing severity (${severities}).${suppressedNote}`,
    };
  }
  const fixable = blocking.filter((finding) => finding.fixedVersion).length;
  return {
    ruleId,
    family: FAMILY,
    status: 'fail',
    title: `${blocking.length} vulnerabilit${blocking.length === 1 ? 'y' : 'ies'} at a failing severity (${describeCounts(countBySeverity(blocking))})`,
    message: `The policy fails on ${severities}; ${fixable} of ${blocking.length} have a fixed version.${suppressedNote}`,
    remediation: fixRemediation(fixable),
    findings: blocking,
  };
}

function maxCounts(policy: Policy, active: Finding[]): RuleResult | undefined {
  const limits = policy.vulnerabilities['max-counts'];
  if (!limits || Object.keys(limits).length === 0) return undefined;
  const ruleId = `${FAMILY}.max-counts`;
  const counts = countBySeverity(active);
  const over = SEVERITIES.filter(
    (severity) => limits[severity] !== undefined && counts[severity] > limits[severity]!,
  );
  const describeLimit = (severity: Severity) =>
    `${counts[severity]} ${severity} (at most ${limits[severity]})`;
  if (over.length === 0) {
    return {
      ruleId,
      family: FAMILY,
      status: 'pass',
      title: 'Finding counts within the limits',
      message: `${SEVERITIES.filter((s) => limits[s] !== undefined)
        .map(describeLimit)
        .join(', ')}.`,
    };
  }
  const findings = active.filter((finding) => over.includes(finding.severity));
  return {
    ruleId,
    family: FAMILY,
    status: 'fail',
    title: `Too many findings: ${over.map(describeLimit).join(', ')}`,
    message: `The policy caps the number of findings per severity; ${findings.filter((f) => f.fixedVersion).length} of these ${findings.length} have a fixed version.`,
    remediation: fixRemediation(findings.filter((f) => f.fixedVersion).length),
    findings,
  };
}

function maxCvss(policy: Policy, active: Finding[]): RuleResult | undefined {
  const limit = policy.vulnerabilities['max-cvss'];
  if (limit === undefined) return undefined;
  const ruleId = `${FAMILY}.max-cvss`;
  const above = active.filter((finding) => finding.cvssScore !== undefined && finding.cvssScore > limit);
  const unscored = active.filter((finding) => finding.cvssScore === undefined).length;
  const unscoredNote =
    unscored > 0 ? ` ${unscored} finding(s) carry no CVSS score and are judged by severity only.` : '';
  if (above.length === 0) {
    return {
      ruleId,
      family: FAMILY,
      status: 'pass',
      title: `No finding scores above CVSS ${limit}`,
      message: `Highest score: ${Math.max(-Infinity, ...active.map((f) => f.cvssScore ?? -Infinity))
        .toString()
        .replace('-Infinity', 'none')}.${unscoredNote}`,
    };
  }
  const sorted = [...above].sort((a, b) => b.cvssScore! - a.cvssScore! || bySeverityThenId(a, b));
  return {
    ruleId,
    family: FAMILY,
    status: 'fail',
    title: `${above.length} finding${above.length === 1 ? '' : 's'} above CVSS ${limit} (highest ${sorted[0]!.cvssScore})`,
    message: `The policy fails on any CVSS base score above ${limit}.${unscoredNote}`,
    remediation: fixRemediation(above.filter((f) => f.fixedVersion).length),
    findings: sorted,
  };
}

function vexResult(
  evidence: Evidence,
  attestations: AttestationReading,
  suppressed: SuppressedFinding[],
): RuleResult[] {
  const files = evidence.vex ?? [];
  const documents = [...files, ...attestations.trustedVex];
  const ignored = attestations.ignored;
  if (documents.length === 0 && ignored.length === 0) return [];
  const byVex = suppressed.filter((entry) => entry.by === 'vex');
  const statements = documents.reduce((total, document) => total + document.statements.length, 0);
  const read =
    documents.length > 0
      ? `${statements} statement(s) in ${documents.map((d) => d.source.uri).join(', ')} suppressed ${byVex.length} finding(s).`
      : 'No VEX statement was used.';
  return [
    {
      ruleId: `${FAMILY}.vex`,
      family: FAMILY,
      status: ignored.length > 0 ? 'warn' : 'pass',
      title:
        ignored.length > 0
          ? `${ignored.length} attestation(s) on the image were not used`
          : `VEX suppressed ${byVex.length} finding(s)`,
      message: `${read}${ignored.length > 0 ? ` Not used: ${ignored.join(' ')}` : ''}`,
      ...(ignored.length > 0
        ? {
            remediation:
              'Add the signer to "attestation-signers" if its scans and VEX statements should count, or stop attaching them.',
          }
        : {}),
    },
  ];
}

function expiredAllow(
  entry: VulnerabilityAllow,
  index: number,
  at: (key: string) => RuleResult['position'],
): RuleResult {
  return {
    ruleId: `${FAMILY}.allow-expired`,
    family: FAMILY,
    status: 'warn',
    title: `Exception for ${entry.id} expired on ${entry.expires}`,
    message: `The allow entry for ${entry.id}${entry.package ? ` in ${entry.package}` : ''} (reason: ${entry.reason}) no longer applies.`,
    remediation:
      'Fix the vulnerability, or renew the exception with a new "expires" date and a current reason.',
    position: at(`allow.${index}`),
  };
}

function fixRemediation(fixable: number): string {
  return fixable > 0
    ? 'Upgrade the packages to the fixed versions listed (or rebuild on a patched base image); for a finding that does not affect you, add a VEX statement or an allow entry with a reason and an expiry date.'
    : 'No fix is published yet: rebuild on another base image, or record why it does not affect you (a VEX statement, or an allow entry with a reason and an expiry date).';
}

function describeScan(scan: ScanReport): string {
  const scanner = `${scan.scanner.name}${scan.scanner.version ? ` ${scan.scanner.version}` : ''}`;
  return `${scan.source.uri} (${scanner}, ${scan.findings.length} finding${scan.findings.length === 1 ? '' : 's'})`;
}

function describeCounts(counts: Record<Severity, number>): string {
  return SEVERITIES.filter((severity) => counts[severity] > 0)
    .map((severity) => `${counts[severity]} ${severity}`)
    .join(', ');
}

function describeSuppressed(suppressed: SuppressedFinding[]): string {
  const by = new Map<string, number>();
  for (const entry of suppressed) by.set(entry.by, (by.get(entry.by) ?? 0) + 1);
  return [...by].map(([what, count]) => `${count} by ${what}`).join(', ');
}
