/**
 * The policy file's shape and every default the gate has: action inputs and CLI flags carry no
 * defaults of their own that could fight this file. Each family's section lives in sections/.
 */
import { z } from 'zod';
import type { FilePosition } from '../errors.js';
import { vulnerabilitiesSection } from './sections/vulnerabilities.js';

export const POLICY_VERSION = 1;
export const DEFAULT_POLICY_PATH = '.github/supply-chain-gate.yml';

export const policySchema = z
  .object({
    version: z.literal(POLICY_VERSION),
    mode: z.enum(['enforce', 'audit']).default('enforce'),
    vulnerabilities: vulnerabilitiesSection.default(() => vulnerabilitiesSection.parse({})),
  })
  .strict();

export type PolicyDocument = z.output<typeof policySchema>;
export type { RuleMode } from './sections/common.js';
export type { VulnerabilityAllow } from './sections/vulnerabilities.js';

/** A validated policy and where each of its settings was written, so results can point at lines. */
export interface Policy extends PolicyDocument {
  /** The file it came from, or a description such as `built-in defaults`. */
  origin: string;
  /** Position of each key, by dotted path (`vulnerabilities.fail-on`, `vulnerabilities.allow.0`). */
  positions: Record<string, FilePosition>;
}

export function defaultPolicy(): Policy {
  return { ...policySchema.parse({ version: POLICY_VERSION }), origin: 'built-in defaults', positions: {} };
}
