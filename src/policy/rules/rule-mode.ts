import type { RuleResult } from '../decision.js';
import type { Policy, RuleMode } from '../schema.js';

/** A rule in `warn` mode reports what it found but never fails the gate. */
export function applyRuleMode(result: RuleResult, mode: RuleMode): RuleResult {
  return mode === 'warn' && result.status === 'fail' ? { ...result, status: 'warn' } : result;
}

/** A rule's result before its family and policy position are attached. */
export type FamilyCheck = Omit<RuleResult, 'family' | 'position'>;

/**
 * A family's checks as results: each points at the policy key that configures it (`settingOf`
 * names it where the rule and the key differ), else at the family's section, in the family's mode.
 */
export function familyResults(
  family: string,
  policy: Policy,
  mode: RuleMode,
  checks: FamilyCheck[],
  settingOf: (rule: string) => string = (rule) => rule,
): RuleResult[] {
  return checks.map((check) => {
    const setting = settingOf(check.ruleId.slice(family.length + 1));
    const position = policy.positions[`${family}.${setting}`] ?? policy.positions[family];
    return applyRuleMode({ ...check, family, position }, mode);
  });
}
