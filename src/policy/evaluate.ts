/** Policy × Evidence × now → Decision. Pure: no I/O, no clock of its own, no environment. */
import type { Evidence } from '../model/evidence.js';
import type { Decision, RuleFamily } from './decision.js';
import { applyExceptions } from './exceptions.js';
import { localImageNotes } from './local-image-notes.js';
import { tightenPolicy } from './merge.js';
import { RULE_FAMILIES } from './rules/index.js';
import { policyForImage } from './select.js';
import type { Policy } from './schema.js';

export function evaluatePolicy(
  policy: Policy,
  evidence: Evidence,
  now: Date,
  families: readonly RuleFamily[] = RULE_FAMILIES,
): Decision {
  const effective = effectivePolicy(policy, evidence.image.name);
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
    notes: [...(effective.notes ?? []), ...localImageNotes(effective, evidence, results)],
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
