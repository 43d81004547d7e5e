/**
 * The policy file's shape and every default the gate has: action inputs and CLI flags carry no
 * defaults of their own that could fight this file. Each rule family's section lives in sections/;
 * adding a family is adding it to FAMILY_SECTIONS.
 */
import { z } from 'zod';
import type { FilePosition } from '../errors.js';
import { customRule } from './sections/custom-rules.js';
import { exceptionFields } from './sections/common.js';
import { imageSection } from './sections/image.js';
import { provenanceSection } from './sections/provenance.js';
import { sbomSection } from './sections/sbom.js';
import { signaturesSection } from './sections/signatures.js';
import { vulnerabilitiesSection } from './sections/vulnerabilities.js';

export const POLICY_VERSION = 1;
export const DEFAULT_POLICY_PATH = '.github/supply-chain-gate.yml';

/** Every rule family's section, by its key in the file. */
export const FAMILY_SECTIONS = {
  vulnerabilities: vulnerabilitiesSection,
  image: imageSection,
  signatures: signaturesSection,
  provenance: provenanceSection,
  sbom: sbomSection,
} as const;

type FamilyKey = keyof typeof FAMILY_SECTIONS;
const familyKeys = Object.keys(FAMILY_SECTIONS) as FamilyKey[];

const policyMode = z
  .enum(['enforce', 'audit'])
  .describe('audit: report every failure but never block (neutral check)');

const imagePatterns = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .describe('Image names (registry/repository) as globs: * within a path segment, ** across segments');

const exception = z
  .object({
    rule: z
      .string()
      .regex(
        /^[a-z0-9-]+(\.[a-z0-9-]+|\.\*)$/,
        'expected a rule id such as "vulnerabilities.fail-on" or "image.*"',
      )
      .describe('The rule this exception is for: an id such as vulnerabilities.fail-on, or family.*'),
    images: imagePatterns.optional().describe('Only for these images; every image when absent'),
    id: z.string().min(1).optional().describe('Only findings with this id (CVE-…, GHSA-…)'),
    package: z.string().min(1).optional().describe('Only findings in this package'),
    ...exceptionFields,
  })
  .strict();

/** Per-image overrides: the first entry whose patterns match the image replaces those settings. */
const imageOverride = z
  .object({
    match: imagePatterns,
    mode: policyMode.optional(),
    ...Object.fromEntries(familyKeys.map((key) => [key, (FAMILY_SECTIONS[key] as z.ZodType).optional()])),
  })
  .strict() as z.ZodObject<
  { match: typeof imagePatterns; mode: z.ZodOptional<typeof policyMode> } & {
    [K in FamilyKey]: z.ZodOptional<(typeof FAMILY_SECTIONS)[K]>;
  }
>;

export const policySchema = z
  .object({
    version: z.literal(POLICY_VERSION).describe('The policy format version: 1'),
    mode: policyMode.default('enforce'),
    ...(Object.fromEntries(
      familyKeys.map((key) => {
        // Each family's defaults come from its own section schema.
        const section = FAMILY_SECTIONS[key] as z.ZodType;
        return [key, section.default(() => section.parse({}))];
      }),
    ) as { [K in FamilyKey]: z.ZodDefault<(typeof FAMILY_SECTIONS)[K]> }),
    rules: z.array(customRule).default([]).describe('Custom rules: CEL expressions over the evidence'),
    exceptions: z.array(exception).default([]).describe('Accepted failures of any rule, each with a reason'),
    images: z
      .array(imageOverride)
      .default([])
      .describe('Settings for some images only; the first match applies'),
  })
  .strict()
  .superRefine((policy, ctx) => {
    const seen = new Map<string, number>();
    policy.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', index, 'id'],
          message: `duplicate rule id "${rule.id}"`,
        });
      }
      seen.set(rule.id, index);
    });
  });

export type PolicyDocument = z.output<typeof policySchema>;
export type PolicyException = z.output<typeof exception>;
export type ImageOverride = z.output<typeof imageOverride>;
export type { RuleMode } from './sections/common.js';
export type { VulnerabilityAllow } from './sections/vulnerabilities.js';
export type { CustomRule } from './sections/custom-rules.js';

/** A validated policy and where each of its settings was written, so results can point at lines. */
export interface Policy extends PolicyDocument {
  /** The file it came from, or a description such as `built-in defaults`. */
  origin: string;
  /** Position of each key, by dotted path (`vulnerabilities.fail-on`, `vulnerabilities.allow.0`). */
  positions: Record<string, FilePosition>;
  /** What a reviewer should know about where the policy came from (base branch, org policy…). */
  notes?: string[];
  /** The organization's central policy this one may only tighten (see merge.ts). */
  organization?: Policy;
}

export function defaultPolicy(): Policy {
  return { ...policySchema.parse({ version: POLICY_VERSION }), origin: 'built-in defaults', positions: {} };
}

export { familyKeys as FAMILY_KEYS };
