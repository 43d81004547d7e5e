/**
 * The policy file's shape and every default the gate has: action inputs and CLI flags carry no
 * defaults of their own that could fight this file.
 */
import { z } from 'zod';
import { SEVERITIES } from '../evidence/types.js';
import type { FilePosition } from '../errors.js';

export const POLICY_VERSION = 1;
export const DEFAULT_POLICY_PATH = '.github/supply-chain-gate.yml';

const ruleMode = z.enum(['enforce', 'warn']);
const severity = z.enum(SEVERITIES);

/** A date written `2027-01-31` (YAML may hand it over as a Date or a string). */
const isoDate = z.union([z.date(), z.string()]).transform((value, ctx) => {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    ctx.addIssue({ code: 'custom', message: 'expected a date written YYYY-MM-DD' });
    return z.NEVER;
  }
  return text;
});

const vulnerabilityAllow = z
  .object({
    id: z.string().min(1).describe('Vulnerability id (CVE-…, GHSA-…) or one of its aliases'),
    package: z.string().min(1).optional().describe('Only for this package name; every package when absent'),
    reason: z.string().min(1).describe('Why this finding is accepted; shown in every report'),
    expires: isoDate.optional().describe('Last day the exception applies (YYYY-MM-DD, UTC)'),
    owner: z.string().min(1).optional().describe('Who answers for this exception'),
  })
  .strict();

const vulnerabilities = z
  .object({
    mode: ruleMode.default('enforce'),
    'require-scan': z.boolean().default(true).describe('Fail when no scan report covers the image'),
    'fail-on': z
      .array(severity)
      .default(['critical', 'high'])
      .describe('Severities that fail the gate unless allowed'),
    allow: z.array(vulnerabilityAllow).default([]),
  })
  .strict();

export const policySchema = z
  .object({
    version: z.literal(POLICY_VERSION),
    mode: z.enum(['enforce', 'audit']).default('enforce'),
    vulnerabilities: vulnerabilities.default(() => vulnerabilities.parse({})),
  })
  .strict();

export type PolicyDocument = z.output<typeof policySchema>;
export type RuleMode = z.output<typeof ruleMode>;
export type VulnerabilityAllow = z.output<typeof vulnerabilityAllow>;

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
