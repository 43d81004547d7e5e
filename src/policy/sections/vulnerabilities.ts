/** The `vulnerabilities:` section of the policy file. */
import { z } from 'zod';
import { SEVERITIES } from '../../evidence/types.js';
import { isoDate, ruleMode } from './common.js';

const severity = z.enum(SEVERITIES);

const vulnerabilityAllow = z
  .object({
    id: z.string().min(1).describe('Vulnerability id (CVE-…, GHSA-…) or one of its aliases'),
    package: z.string().min(1).optional().describe('Only for this package name; every package when absent'),
    reason: z.string().min(1).describe('Why this finding is accepted; shown in every report'),
    expires: isoDate.optional().describe('Last day the exception applies (YYYY-MM-DD, UTC)'),
    owner: z.string().min(1).optional().describe('Who answers for this exception'),
  })
  .strict();

export const vulnerabilitiesSection = z
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

export type VulnerabilityAllow = z.output<typeof vulnerabilityAllow>;
