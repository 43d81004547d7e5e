/**
 * Policy × Evidence × now → Decision. Pure: no I/O, no clock of its own, no environment. The
 * effective policy for the image is chosen once, here or by the caller that already chose it for
 * collecting the evidence (`effective`), and every rule family receives that one object.
 */
import type { Evidence } from '../model/evidence.js';
import type { Decision, RuleFamily } from './decision.js';
import { applyExceptions } from './exceptions.js';
import { localImageNotes } from './local-image-notes.js';
import { rateLimitNotes } from './rate-limit-notes.js';
import { tightenPolicy } from './merge.js';
import { RULE_FAMILIES } from './rules/index.js';
import { policyForImage } from './select.js';
import type { Policy } from './schema.js';

export function evaluatePolicy(
  policy: Policy,
  evidence: Evidence,
  now: Date,
  options: { effective?: Policy; families?: readonly RuleFamily[] } = {},
): Decision {
  const effective = options.effective ?? effectivePolicy(policy, evidence.image.name);
  const families = options.families ?? RULE_FAMILIES;
  const results = applyExceptions(
    families.flatMap((family) => family.evaluate(effective, evidence, now)),
    effective,
    evidence.image.name,
    now,
  );
  return {
    verdict: results.some((result) => result.status === 'fail') ? 'fail' : 'pass',
    mode: effective.mode,
    results,
    errors: [],
    notes: [
      ...(effective.notes ?? []),
      ...localImageNotes(effective, evidence, results),
      ...rateLimitNotes(evidence),
    ],
    evaluatedAt: now.toISOString(),
    policyOrigin: policy.origin,
    evidence,
  };
}

/** Image overrides are chosen in each file first, so a repository override cannot loosen the organization's. */
export function effectivePolicy(policy: Policy, imageName: string): Policy {
  const repository = policyForImage(policy, imageName);
  return policy.organization
    ? tightenPolicy(policyForImage(policy.organization, imageName), repository)
    : repository;
}
