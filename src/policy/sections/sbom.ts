/** The `sbom:` section: which software bill of materials the image must carry, and what it may list. */
import parseSpdx from 'spdx-expression-parse';
import { z } from 'zod';
import { parsePurl } from '../../evidence/scans/purl.js';
import { ruleMode } from './common.js';

/** An SPDX license id (`MIT`, `GPL-3.0-only`) or a `LicenseRef-…`, checked against the SPDX list. */
const licenseId = z
  .string()
  .min(1)
  .refine((text) => {
    try {
      const parsed = parseSpdx(text) as { license?: string };
      return typeof parsed.license === 'string';
    } catch {
      return false;
    }
  }, 'expected an SPDX license id such as MIT, Apache-2.0 or GPL-3.0-only (see https://spdx.org/licenses/)')
  .describe('An SPDX license id (https://spdx.org/licenses/) or LicenseRef-…');

/** `pkg:type/namespace/name[@version]`, where the version may hold `*` for any characters. */
export const packagePattern = z
  .string()
  .min(1)
  .refine(
    (text) => parsePurl(text) !== undefined,
    'expected a package URL such as pkg:npm/event-stream@3.3.6 or pkg:deb/debian/xz-utils@5.6.*',
  )
  .describe('A package URL; * in the version stands for any characters (pkg:deb/debian/xz-utils@5.6.*)');

const licenses = z
  .object({
    allow: z
      .array(licenseId)
      .min(1)
      .optional()
      .describe('Only these licenses: a package must satisfy its SPDX expression with them'),
    deny: z
      .array(licenseId)
      .min(1)
      .optional()
      .describe('Not these licenses: a package fails when its SPDX expression cannot be met without them'),
    unknown: z
      .enum(['warn', 'fail', 'ignore'])
      .default('warn')
      .describe('Packages with no license, NOASSERTION, or a license that is not an SPDX expression'),
  })
  .strict()
  .refine((value) => (value.allow === undefined) !== (value.deny === undefined), {
    message: 'give either "allow" or "deny", not both and not neither',
  });

export const sbomSection = z
  .object({
    mode: ruleMode.default('enforce'),
    required: z
      .boolean()
      .default(false)
      .describe(
        "Fail unless every gated platform has an SBOM the gate trusts (a file, a signed attestation, or BuildKit's through the signed index)",
      ),
    'accept-unsigned': z
      .boolean()
      .default(false)
      .describe(
        'Let BuildKit SBOMs of an index nobody allowed has signed count (unsigned registry content); never counts for provenance',
      ),
    licenses: licenses.optional().describe('Licenses the packages of the SBOM may have (rule sbom.licenses)'),
    'deny-packages': z
      .array(packagePattern)
      .default([])
      .describe('Packages the image must not contain, as package URLs (rule sbom.deny-packages)'),
  })
  .strict();

export type SbomPolicy = z.output<typeof sbomSection>;
