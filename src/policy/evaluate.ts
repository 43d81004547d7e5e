/** Policy × Evidence × now → Decision. Pure: no I/O, no clock of its own, no environment. */
import type { Evidence } from '../evidence/types.js';
import type { Decision, RuleFamily } from './decision.js';
import { RULE_FAMILIES } from './rules/index.js';
import type { Policy } from './schema.js';

export function evaluatePolicy(
  policy: Policy,
  evidence: Evidence,
  now: Date,
  families: readonly RuleFamily[] = RULE_FAMILIES,
): Decision {
  const results = families.flatMap((family) => family.evaluate(policy, evidence, now));
  return {
    verdict: results.some((result) => result.status === 'fail') ? 'fail' : 'pass',
    mode: policy.mode,
    results,
    errors: [],
    evaluatedAt: now.toISOString(),
    policyOrigin: policy.origin,
    evidence,
  };
}

/** The gate could not decide: no rule passed or failed, and the reason is the whole story. */
export function undecided(
  reasons: string[],
  mode: Decision['mode'],
  now: Date,
  policyOrigin: string,
  evidence?: Evidence,
): Decision {
  return {
    verdict: 'error',
    mode,
    results: [],
    errors: reasons,
    evaluatedAt: now.toISOString(),
    policyOrigin,
    evidence,
  };
}
