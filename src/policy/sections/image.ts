/** The `image:` section: the checks a security reviewer makes by hand on every image. */
import { z } from 'zod';
import { ruleMode } from './common.js';

const UNITS: Record<string, number> = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  KIB: 1024,
  MIB: 1024 ** 2,
  GIB: 1024 ** 3,
};

/** Bytes, as a number or with a unit: `500MB`, `1.5GiB`. */
export const byteSize = z
  .union([
    z.number().int().positive(),
    z
      .string()
      .regex(/^\s*\d+(\.\d+)?\s*(B|KB|MB|GB|KiB|MiB|GiB)\s*$/i, 'expected a size such as 500MB or 1.5GiB'),
  ])
  .transform((value) => {
    if (typeof value === 'number') return value;
    const [, amount, unit] = /^\s*([\d.]+)\s*([a-z]+)\s*$/i.exec(value)!;
    return Math.round(Number(amount) * UNITS[unit!.toUpperCase()]!);
  });

const platformName = z
  .string()
  .regex(/^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/, 'expected OS/ARCH[/VARIANT], e.g. linux/arm64/v8');

export const imageSection = z
  .object({
    mode: ruleMode.default('enforce'),
    'non-root': z.boolean().default(true).describe('The config must name a user other than root (0)'),
    secrets: z
      .boolean()
      .default(true)
      .describe('No credentials in Env, Labels or build history (values are redacted in every report)'),
    'scan-layers': z
      .union([
        z.literal(false),
        z.literal(true),
        z
          .object({
            'max-layer-size': byteSize.default(64 * 1024 * 1024),
            'max-unpacked-size': byteSize.default(1024 * 1024 * 1024),
            'max-file-size': byteSize.default(1024 * 1024),
          })
          .strict(),
      ])
      .default(false)
      .describe(
        'Read every text file in the layers for credentials (the first max-file-size bytes of each), within size limits; files deleted by a later layer count',
      ),
    'base-images': z
      .object({
        allow: z
          .array(z.string().min(1))
          .min(1)
          .describe('Allowed base images as globs, e.g. docker.io/library/alpine:*'),
        unknown: z
          .enum(['pass', 'warn', 'fail'])
          .default('warn')
          .describe('When the base image cannot be told'),
      })
      .strict()
      .optional()
      .describe('The base images allowed, read from the base.name annotation or verified SLSA provenance'),
    'max-size': byteSize.optional().describe('Largest compressed size (sum of layers)'),
    'max-layers': z.number().int().positive().optional().describe('Most layers an image may have'),
    'required-labels': z
      .record(z.string().min(1), z.string().min(1))
      .optional()
      .describe('Label → glob its value must match; {repository} stands for this repository URL'),
    'forbid-tags': z
      .array(z.string().min(1))
      .default([])
      .describe('Tags an image may not be gated by, e.g. latest'),
    platforms: z.array(platformName).optional().describe('Platforms a multi-platform index must cover'),
    'no-shell': z
      .boolean()
      .default(false)
      .describe(
        'No shell (sh, bash, ash, dash, busybox) in a bin or sbin directory of the final filesystem (layers are read)',
      ),
    'no-package-manager': z
      .boolean()
      .default(false)
      .describe(
        'No package manager (apk, apt, dpkg, rpm, dnf, yum, microdnf, pip, npm) in the final filesystem (layers are read)',
      ),
    'max-packages': z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe('Most packages the SBOM of each platform may list (see sbom: which SBOMs count)'),
  })
  .strict();

export type ImageSection = z.output<typeof imageSection>;
