import type { RuleFamily } from '../decision.js';
import { customRules } from './custom.js';
import { imageRules } from './image.js';
import { provenanceRules } from './provenance.js';
import { sbomRules } from './sbom.js';
import { signatureRules } from './signatures.js';
import { vulnerabilityRules } from './vulnerabilities.js';

/** Every rule family, in the order reports list them. */
export const RULE_FAMILIES: readonly RuleFamily[] = [
  signatureRules,
  provenanceRules,
  vulnerabilityRules,
  imageRules,
  sbomRules,
  customRules,
];
