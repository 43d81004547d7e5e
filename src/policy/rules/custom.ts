/** The `rules:` family: each custom CEL rule is true when the image complies. */
import { buildCelContext } from '../cel-context.js';
import { compileExpression, evaluateExpression } from '../cel.js';
import type { RuleFamily, RuleResult } from '../decision.js';
import { applyRuleMode } from './rule-mode.js';
import { FAMILY_TITLES } from './titles.js';

export const customRules: RuleFamily = {
  id: 'rules',
  title: FAMILY_TITLES.rules,
  evaluate(policy, evidence) {
    if (policy.rules.length === 0) return [];
    const context = buildCelContext(evidence);
    return policy.rules.map((rule, index) => {
      const base = {
        ruleId: `rules.${rule.id}`,
        family: 'rules',
        position: policy.positions[`rules.${index}`],
      };
      const { program, error } = compileExpression(rule.expression);
      const outcome = program ? evaluateExpression(program, context) : { error: error! };
      let result: RuleResult;
      if ('error' in outcome) {
        // An expression that cannot be evaluated proves nothing: fail closed.
        result = {
          ...base,
          status: 'fail',
          title: rule.description ?? `Custom rule ${rule.id}`,
          message: `Could not evaluate \`${rule.expression}\`: ${outcome.error}.`,
          remediation:
            'Fix the expression (see the evidence fields in docs/policy.md), e.g. guard optional fields with has().',
        };
      } else if (outcome.value) {
        result = {
          ...base,
          status: 'pass',
          title: rule.description ?? `Custom rule ${rule.id}`,
          message: `\`${rule.expression}\` holds.`,
        };
      } else {
        result = {
          ...base,
          status: 'fail',
          title: rule.message,
          message: `\`${rule.expression}\` is false for this image.`,
          remediation: rule.remediation,
        };
      }
      return applyRuleMode(result, rule.mode);
    });
  },
};
