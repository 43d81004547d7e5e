import type { RuleFamily } from '../decision.js';
import { vulnerabilityRules } from './vulnerabilities.js';

/** Every rule family, in the order reports list them. */
export const RULE_FAMILIES: readonly RuleFamily[] = [vulnerabilityRules];
