import type { RuleResult } from '../decision.js';
import type { RuleMode } from '../schema.js';

/** A rule in `warn` mode reports what it found but never fails the gate. */
export function applyRuleMode(result: RuleResult, mode: RuleMode): RuleResult {
  return mode === 'warn' && result.status === 'fail' ? { ...result, status: 'warn' } : result;
}
