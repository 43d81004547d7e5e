/**
 * Top-level `exceptions:`: accepted failures of any rule, scoped to images and findings, each with a
 * reason and an expiry. An expired exception stops applying and is itself reported.
 */
import type { RuleResult } from './decision.js';
import { isExpired } from './expiry.js';
import { imageMatches } from './image-patterns.js';
import type { Policy, PolicyException } from './schema.js';

export function applyExceptions(
  results: RuleResult[],
  policy: Policy,
  imageName: string,
  now: Date,
): RuleResult[] {
  const applicable = policy.exceptions
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entry.images === undefined || imageMatches(entry.images, imageName));
  const active = applicable.filter(({ entry }) => !isExpired(entry.expires, now));
  const expired = applicable.filter(({ entry }) => isExpired(entry.expires, now));

  const excepted = results.map((result) => {
    if (result.status !== 'fail') return result;
    const matching = active.filter(({ entry }) => coversRule(entry, result.ruleId));
    return matching.length > 0
      ? except(
          result,
          matching.map(({ entry }) => entry),
        )
      : result;
  });
  const expiredResults: RuleResult[] = expired.map(({ entry, index }) => ({
    ruleId: 'exceptions.expired',
    family: 'exceptions',
    status: 'warn',
    title: `Exception for ${entry.rule}${entry.id ? ` (${entry.id})` : ''} expired on ${entry.expires}`,
    message: `The exception (reason: ${entry.reason}${entry.owner ? `; owner: ${entry.owner}` : ''}) no longer applies.`,
    remediation:
      'Fix what the rule reports, or renew the exception with a new "expires" date and a current reason.',
    position: policy.positions[`exceptions.${index}`],
  }));
  return [...excepted, ...expiredResults];
}

function coversRule(entry: PolicyException, ruleId: string): boolean {
  return entry.rule.endsWith('.*') ? ruleId.startsWith(entry.rule.slice(0, -1)) : entry.rule === ruleId;
}

/** Exceptions naming findings remove those findings; a rule with nothing left to report passes. */
function except(result: RuleResult, entries: PolicyException[]): RuleResult {
  const whole = entries.find((entry) => entry.id === undefined && entry.package === undefined);
  if (whole) {
    return {
      ...result,
      status: 'pass',
      message: `${result.message} Accepted by exception: ${describe(whole)}.`,
    };
  }
  if (result.packages) return exceptPackages(result, entries);
  if (!result.findings) return result;
  const remaining = result.findings.filter(
    (finding) =>
      !entries.some(
        (entry) =>
          (entry.id === undefined ||
            [finding.id, ...finding.aliases].some((id) => id.toUpperCase() === entry.id!.toUpperCase())) &&
          (entry.package === undefined || entry.package === finding.packageName),
      ),
  );
  const removed = result.findings.length - remaining.length;
  if (removed === 0) return result;
  const note = ` ${removed} finding(s) accepted by exception: ${entries.map(describe).join('; ')}.`;
  return remaining.length === 0
    ? { ...result, status: 'pass', findings: [], message: `${result.message}${note}` }
    : { ...result, findings: remaining, message: `${result.message}${note}` };
}

/** Exceptions naming a package (by name or package URL) remove it from an SBOM rule's result. */
function exceptPackages(result: RuleResult, entries: PolicyException[]): RuleResult {
  const packages = result.packages ?? [];
  const remaining = packages.filter(
    (pkg) =>
      !entries.some(
        (entry) => entry.package !== undefined && (entry.package === pkg.name || entry.package === pkg.purl),
      ),
  );
  const removed = packages.length - remaining.length;
  if (removed === 0) return result;
  const note = ` ${removed} package(s) accepted by exception: ${entries.map(describe).join('; ')}.`;
  return remaining.length === 0
    ? { ...result, status: 'pass', packages: [], message: `${result.message}${note}` }
    : { ...result, packages: remaining, message: `${result.message}${note}` };
}

function describe(entry: PolicyException): string {
  const scope = [entry.id, entry.package].filter(Boolean).join(' in ');
  return `${scope ? `${scope}: ` : ''}${entry.reason}${entry.owner ? ` (${entry.owner})` : ''}${entry.expires ? `, until ${entry.expires}` : ''}`;
}
