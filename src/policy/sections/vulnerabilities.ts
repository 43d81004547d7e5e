/** The `vulnerabilities:` section of the policy file. */
import { z } from 'zod';
import { SEVERITIES } from '../../model/evidence.js';
import { exceptionFields, ruleMode } from './common.js';

const severity = z.enum(SEVERITIES);

const vulnerabilityAllow = z
  .object({
    id: z.string().min(1).describe('Vulnerability id (CVE-…, GHSA-…) or one of its aliases'),
    package: z.string().min(1).optional().describe('Only for this package name; every package when absent'),
    ...exceptionFields,
  })
  .strict();

const DURATION_UNITS_MS: Record<string, number> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** `30m`, `24h`, `7d`, `2w`: kept as written, with its length in milliseconds. */
const duration = z
  .string()
  .regex(/^\d+[mhdw]$/, 'expected a duration such as 24h, 7d or 2w (m, h, d, w)')
  .transform((text) => ({
    text,
    ms: Number(text.slice(0, -1)) * DURATION_UNITS_MS[text.slice(-1)]!,
  }));

/** A signer whose attestations on the image count: a certificate identity, or a public key. */
const attestationSigner = z.union([
  z
    .object({
      issuer: z.string().min(1).describe('OIDC issuer, e.g. https://token.actions.githubusercontent.com'),
      subject: z.string().min(1).optional().describe('The certificate subject (SAN), compared whole'),
      'subject-regexp': z
        .string()
        .min(1)
        .optional()
        .describe('A regular expression over the whole subject (anchored at both ends)'),
      repository: z.string().min(1).optional().describe('OWNER/NAME of the workflow’s source repository'),
      ref: z.string().min(1).optional().describe('The source ref, e.g. refs/heads/main'),
      workflow: z.string().min(1).optional().describe('The workflow file, e.g. .github/workflows/scan.yml'),
    })
    .strict(),
  z.object({ 'key-id': z.string().min(1).describe('A public key named in the signatures policy') }).strict(),
]);

const maxCounts = z
  .object(
    Object.fromEntries(SEVERITIES.map((s) => [s, z.number().int().min(0).optional()])) as Record<
      (typeof SEVERITIES)[number],
      z.ZodOptional<z.ZodNumber>
    >,
  )
  .strict();

export const vulnerabilitiesSection = z
  .object({
    mode: ruleMode.default('enforce'),
    'require-scan': z.boolean().default(true).describe('Fail when no scan report covers the image'),
    'fail-on': z
      .array(severity)
      .default(['critical', 'high'])
      .describe('Severities that fail the gate on any finding not allowed or suppressed'),
    'max-counts': maxCounts
      .optional()
      .describe(
        'Per severity, how many findings may remain; a severity listed here is judged by its count, not by fail-on',
      ),
    'max-cvss': z
      .number()
      .min(0)
      .max(10)
      .optional()
      .describe('Fail on any finding whose CVSS base score is above this'),
    'ignore-unfixed': z
      .boolean()
      .default(false)
      .describe('Findings the report says have no fix do not count (they are listed as suppressed)'),
    'scan-max-age': duration
      .optional()
      .describe('Fail when a report is older than this (24h, 7d): its creation time or scanFinishedOn'),
    vex: z
      .array(z.string().min(1))
      .default([])
      .describe(
        'OpenVEX or CycloneDX VEX files in the repository whose not_affected/fixed statements suppress findings',
      ),
    'attestation-signers': z
      .array(attestationSigner)
      .default([])
      .describe(
        'Whose attestations on the image count: cosign vuln scan results and VEX signed by anyone else are ignored',
      ),
    allow: z.array(vulnerabilityAllow).default([]),
  })
  .strict();

export type VulnerabilityAllow = z.output<typeof vulnerabilityAllow>;
export type AttestationSigner = z.output<typeof attestationSigner>;
export type VulnerabilitiesSection = z.output<typeof vulnerabilitiesSection>;
