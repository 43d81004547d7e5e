/**
 * Scans the text an image config carries for credentials: each `Env` value under its name, each
 * label and annotation under its key, and each build-history step (where `ARG`/`ENV` values and
 * `RUN` command lines are recorded). One scan per platform image.
 */
import type { SecretDetector } from './secrets.js';
import type { ConfigSecretScan, ImageEvidence, PlatformImage } from '../../model/evidence.js';

/** One scan per platform image of the gated image. */
export async function scanImageConfigs(
  image: ImageEvidence,
  detector: SecretDetector,
): Promise<ConfigSecretScan[]> {
  const scans: ConfigSecretScan[] = [];
  for (const platform of image.platforms) scans.push(await scanConfigForSecrets(platform, image, detector));
  return scans;
}

export async function scanConfigForSecrets(
  image: PlatformImage,
  index: ImageEvidence,
  detector: SecretDetector,
): Promise<ConfigSecretScan> {
  const scan: ConfigSecretScan = { manifestDigest: image.digest, findings: [] };
  const values: Array<{ where: string; text: string; key?: string }> = [];
  for (const entry of image.config?.env ?? []) {
    const at = entry.indexOf('=');
    if (at === -1) continue;
    const name = entry.slice(0, at);
    values.push({ where: `Env ${name}`, text: entry.slice(at + 1), key: name });
  }
  for (const [name, value] of Object.entries(configLabels(image, index))) {
    values.push({ where: `Label ${name}`, text: value, key: name });
  }
  for (const [position, step] of (image.config?.history ?? []).entries()) {
    if (step.createdBy) values.push({ where: `History step ${position + 1}`, text: step.createdBy });
  }
  const matches = await detector.scanEach(values);
  values.forEach(({ where }, position) => {
    for (const match of matches[position]!) scan.findings.push({ where, ...match });
  });
  return scan;
}

/** Labels, the manifest's annotations and the index's: all readable by anyone who can pull. */
export function configLabels(image: PlatformImage, index: ImageEvidence): Record<string, string> {
  return { ...index.annotations, ...image.annotations, ...image.config?.labels };
}

/** Whether the config carries any text a secret could hide in (else there is nothing to scan). */
export function configCarriesText(image: PlatformImage, index: ImageEvidence): boolean {
  return (
    (image.config?.env.length ?? 0) > 0 ||
    Object.keys(configLabels(image, index)).length > 0 ||
    (image.config?.history ?? []).some((step) => step.createdBy)
  );
}
