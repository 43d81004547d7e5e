/** The `provenance:` section: which SLSA provenance the image must carry, and who may sign it. */
import { z } from 'zod';
import { ruleMode } from './common.js';
import { signatureIdentity } from './signatures.js';

const refPattern = z
  .string()
  .min(1)
  .describe('A source ref, exactly (refs/heads/main), or with * standing for any characters (refs/tags/v*)');

export const provenanceSection = z
  .object({
    mode: ruleMode.default('enforce'),
    required: z
      .boolean()
      .default(false)
      .describe(
        'Fail unless verified SLSA provenance, signed by an allowed signer and meeting every setting below, covers the image; false: report a miss as a warning',
      ),
    'predicate-types': z
      .array(z.string().min(1))
      .min(1)
      .default(['https://slsa.dev/provenance/v1'])
      .describe('The provenance predicate types accepted'),
    builders: z
      .array(z.string().min(1))
      .default([])
      .describe(
        'Builder ids accepted, exactly (for actions/attest: https://github.com/OWNER/REPO/.github/workflows/FILE@REF); empty: any builder',
      ),
    'source-repositories': z
      .array(z.string().min(1))
      .default([])
      .describe('Source repositories accepted: OWNER/NAME or the full URL; empty: any'),
    'source-refs': z.array(refPattern).default([]).describe('Source refs accepted; empty: any'),
    'hosted-runners': z
      .boolean()
      .default(false)
      .describe(
        'true: only provenance of builds on GitHub-hosted runners counts (read from the signing certificate when it says)',
      ),
    signers: z
      .array(signatureIdentity)
      .default([])
      .describe('Keyless identities allowed to sign provenance; empty: those of signatures.identities'),
  })
  .strict();

export type ProvenancePolicy = z.output<typeof provenanceSection>;
