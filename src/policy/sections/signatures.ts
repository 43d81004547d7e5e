/** The `signatures:` section: who may sign the image, and what a signature must carry. */
import { z } from 'zod';
import { ruleMode } from './common.js';

/**
 * One identity that may sign. The subject is matched whole, or by a regular expression matched
 * against the whole subject (anchored for you); the issuer and every claim are matched whole.
 */
export const signatureIdentity = z
  .object({
    issuer: z
      .string()
      .min(1)
      .describe('The OIDC issuer, exactly: https://token.actions.githubusercontent.com for GitHub Actions'),
    subject: z
      .string()
      .min(1)
      .optional()
      .describe(
        'The certificate subject (SAN), exactly: for a workflow https://github.com/OWNER/REPO/.github/workflows/FILE@REF',
      ),
    'subject-regexp': z
      .string()
      .min(1)
      .optional()
      .describe('A regular expression the whole subject must match (it is anchored: ^(?:…)$)'),
    repository: z
      .string()
      .min(1)
      .optional()
      .describe('The source repository claim: OWNER/NAME, or the full repository URL'),
    ref: z.string().min(1).optional().describe('The source ref claim, e.g. refs/heads/main'),
    workflow: z
      .string()
      .min(1)
      .optional()
      .describe('The workflow file in the source repository, e.g. .github/workflows/release.yml'),
    'runner-environment': z
      .enum(['github-hosted', 'self-hosted'])
      .optional()
      .describe('github-hosted: refuse signatures made on self-hosted runners'),
    trigger: z.string().min(1).optional().describe('The event that started the run, e.g. push'),
  })
  .strict()
  .superRefine((value, ctx) => {
    if ((value.subject === undefined) === (value['subject-regexp'] === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: 'give exactly one of "subject" and "subject-regexp"',
      });
    }
    if (value['subject-regexp'] !== undefined) {
      try {
        new RegExp(value['subject-regexp']);
      } catch (error) {
        ctx.addIssue({
          code: 'custom',
          path: ['subject-regexp'],
          message: `not a valid regular expression (${(error as Error).message})`,
        });
      }
    }
  });

const publicKey = z
  .object({
    name: z.string().min(1).optional().describe('How reports name this key'),
    pem: z.string().min(1).optional().describe('The PEM "PUBLIC KEY" block itself'),
    path: z.string().min(1).optional().describe('A PEM file, relative to the workspace'),
  })
  .strict()
  .refine((value) => (value.pem === undefined) !== (value.path === undefined), {
    message: 'give exactly one of "pem" and "path"',
  });

export const signaturesSection = z
  .object({
    mode: ruleMode.default('enforce'),
    required: z
      .boolean()
      .default(false)
      .describe('Fail unless a verified signature or attestation by an allowed signer covers the image'),
    identities: z
      .array(signatureIdentity)
      .default([])
      .describe('Keyless signers allowed (any one suffices); empty: no certificate identity is allowed'),
    keys: z.array(publicKey).default([]).describe('Public keys allowed to sign (cosign key pairs)'),
    'transparency-log': z
      .enum(['required', 'optional'])
      .default('required')
      .describe(
        "required: a signature counts only with a verified transparency-log entry (GitHub's own instance, used for private repositories, logs none); optional: a trusted timestamp suffices",
      ),
  })
  .strict();

export type SignaturesPolicy = z.output<typeof signaturesSection>;
export type SignatureIdentityPolicy = z.output<typeof signatureIdentity>;
export type PublicKeyPolicy = z.output<typeof publicKey>;
