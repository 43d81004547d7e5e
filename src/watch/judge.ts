/**
 * The judgment watch mode adds to the gate's: scans must be fresh (the policy's `scan-max-age`,
 * else 24 hours: the workflow scans each image just before), and exceptions that stop applying
 * within 14 days are announced while there is time to act. Pure: policy × evidence × now.
 */
import type { Evidence } from '../model/evidence.js';
import type { Decision, RuleResult } from '../policy/decision.js';
import { effectivePolicy, evaluatePolicy } from '../policy/evaluate.js';
import { isExpired } from '../policy/expiry.js';
import { imageMatches } from '../policy/image-patterns.js';
import type { Policy } from '../policy/schema.js';

export const WATCH_SCAN_MAX_AGE = { text: '24h', ms: 24 * 3_600_000 };
export const EXPIRY_WARNING_DAYS = 14;
const DAY_MS = 86_400_000;

/** `effective`: the policy's settings for this image, when collection already chose them. */
export function evaluateForWatch(
  policy: Policy,
  evidence: Evidence,
  now: Date,
  effective: Policy = effectivePolicy(policy, evidence.image.name),
): Decision {
  const watched = watchPolicy(effective);
  // Already the image's effective policy (no overrides, no organization left to merge).
  const decision = evaluatePolicy(watched, evidence, now, { effective: watched });
  const expiring = expiringExceptions(watched, evidence.image.name, now);
  return { ...decision, results: [...decision.results, ...expiring] };
}

/**
 * The image's effective policy with watch mode's freshness default. Overrides and the
 * organization's policy are already merged into it, so they are dropped rather than applied twice.
 */
export function watchPolicy(effective: Policy): Policy {
  const vulnerabilities = effective.vulnerabilities;
  const defaulted = vulnerabilities['scan-max-age'] === undefined;
  return {
    ...effective,
    images: [],
    organization: undefined,
    vulnerabilities: defaulted ? { ...vulnerabilities, 'scan-max-age': WATCH_SCAN_MAX_AGE } : vulnerabilities,
    notes: [
      ...(effective.notes ?? []),
      ...(defaulted
        ? [
            `Watch mode: scan reports older than ${WATCH_SCAN_MAX_AGE.text} do not count (the policy sets no vulnerabilities.scan-max-age).`,
          ]
        : []),
    ],
  };
}

/** Exceptions still in force that expire within EXPIRY_WARNING_DAYS days (UTC dates, inclusive). */
export function expiringExceptions(policy: Policy, imageName: string, now: Date): RuleResult[] {
  const daysLeft = (expires: string) =>
    Math.round((Date.parse(`${expires}T00:00:00Z`) - Date.parse(now.toISOString().slice(0, 10))) / DAY_MS);
  const soon = (expires: string | undefined): expires is string =>
    expires !== undefined && !isExpired(expires, now) && daysLeft(expires) <= EXPIRY_WARNING_DAYS;
  const when = (expires: string) => {
    const days = daysLeft(expires);
    return days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
  };
  const results: RuleResult[] = [];
  policy.exceptions.forEach((entry, index) => {
    if (entry.images !== undefined && !imageMatches(entry.images, imageName)) return;
    if (!soon(entry.expires)) return;
    results.push({
      ruleId: 'exceptions.expiring',
      family: 'exceptions',
      status: 'warn',
      title: `Exception for ${entry.rule}${entry.id ? ` (${entry.id})` : ''} expires ${when(entry.expires)} (${entry.expires})`,
      message: `The exception (reason: ${entry.reason}${entry.owner ? `; owner: ${entry.owner}` : ''}) stops applying after ${entry.expires}; the rule it covers then fails again.`,
      remediation: 'Fix what the rule reports before then, or renew the exception with a current reason.',
      position: policy.positions[`exceptions.${index}`],
    });
  });
  policy.vulnerabilities.allow.forEach((entry, index) => {
    if (!soon(entry.expires)) return;
    results.push({
      ruleId: 'vulnerabilities.allow-expiring',
      family: 'vulnerabilities',
      status: 'warn',
      title: `Exception for ${entry.id} expires ${when(entry.expires)} (${entry.expires})`,
      message: `The allow entry for ${entry.id}${entry.package ? ` in ${entry.package}` : ''} (reason: ${entry.reason}${entry.owner ? `; owner: ${entry.owner}` : ''}) stops applying after ${entry.expires}.`,
      remediation: 'Fix the vulnerability before then, or renew the entry with a current reason.',
      position:
        policy.positions[`vulnerabilities.allow.${index}`] ?? policy.positions['vulnerabilities.allow'],
    });
  });
  return results;
}
