/**
 * The `image` family: what a security reviewer checks by hand on every image. Per-platform rules
 * run once for each platform image of an index, and their results say which platform.
 */
import { parseImageReference, formatImageName } from '../../model/image-reference.js';
import type { Evidence, ImageEvidence, PlatformImage } from '../../model/evidence.js';
import { findSecrets, type SecretMatch } from '../../evidence/secrets.js';
import type { RuleFamily, RuleStatus } from '../decision.js';
import { imageMatches } from '../image-patterns.js';
import type { Policy } from '../schema.js';
import { familyResults, type FamilyCheck } from './rule-mode.js';
import { FAMILY_TITLES } from './titles.js';

const FAMILY = 'image';
const SLSA_PROVENANCE = /^https:\/\/slsa\.dev\/provenance\/v(0\.2|1)$/;

type Check = FamilyCheck;

export const imageRules: RuleFamily = {
  id: FAMILY,
  title: FAMILY_TITLES.image,
  evaluate(policy, evidence) {
    const config = policy.image;
    const platforms = platformImages(evidence.image);
    const multi = platforms.length > 1;
    const checks: Check[] = [];
    for (const image of platforms) {
      const label = multi ? platformLabel(image) : undefined;
      const per = (check: Check): Check =>
        label ? { ...check, platform: label, title: `${check.title} (${label})` } : check;
      if (config['non-root']) checks.push(per(nonRoot(image)));
      if (config.secrets) checks.push(per(secretsInConfig(image, evidence.image)));
      if (config['base-images']) checks.push(per(baseImage(image, evidence, config['base-images'])));
      if (config['max-size'] !== undefined) checks.push(per(maxSize(image, config['max-size'])));
      if (config['max-layers'] !== undefined) checks.push(per(maxLayers(image, config['max-layers'])));
      if (config['required-labels'])
        checks.push(per(requiredLabels(image, config['required-labels'], evidence.repositoryUrl)));
    }
    if (config['scan-layers'] !== false) checks.push(secretFiles(evidence));
    if (config['forbid-tags'].length > 0) checks.push(forbiddenTag(evidence.image, config['forbid-tags']));
    if (config.platforms) checks.push(requiredPlatforms(platforms, config.platforms));
    return familyResults(FAMILY, policy, config.mode, checks);
  },
};

/** An image built before multi-platform support reports its facts on the image itself. */
function platformImages(image: ImageEvidence): PlatformImage[] {
  if (image.platforms && image.platforms.length > 0) return image.platforms;
  return [
    {
      digest: image.digest,
      mediaType: image.mediaType,
      platform: image.platform,
      annotations: image.annotations ?? {},
      config: image.config,
      layers: image.layers,
      compressedSize: image.layers.reduce((total, layer) => total + layer.size, 0),
      source: image.source,
    },
  ];
}

function platformLabel(image: PlatformImage): string {
  const p = image.platform;
  return p ? [p.os, p.architecture, p.variant].filter(Boolean).join('/') : image.digest.slice(0, 19);
}

function result(
  ruleId: string,
  status: RuleStatus,
  title: string,
  message: string,
  remediation?: string,
): Check {
  return {
    ruleId: `${FAMILY}.${ruleId}`,
    status,
    title,
    message,
    ...(status === 'fail' && remediation ? { remediation } : {}),
  };
}

/**
 * `root`, `0`, `0:0`, `root:wheel` and an unset user all run as root; so do `+0` and `-0`, which
 * runc and containerd read with Go's strconv.Atoi, as the number 0.
 */
export function isRootUser(user: string | undefined): boolean {
  const uid = (user ?? '').trim().split(':')[0]!;
  return uid === '' || uid === 'root' || /^[+-]?0+$/.test(uid);
}

function nonRoot(image: PlatformImage): Check {
  const user = image.config?.user;
  if (!image.config) {
    return result(
      'non-root',
      'fail',
      'Image config could not be read',
      'The user cannot be checked without the config.',
      'Re-push the image.',
    );
  }
  return isRootUser(user)
    ? result(
        'non-root',
        'fail',
        'Runs as root',
        user
          ? `The config's User is ${JSON.stringify(user)}, which is root.`
          : 'The config names no User, so the container runs as root.',
        'Add a non-root user to the Dockerfile, e.g. `USER 10001:10001` (numeric, so Kubernetes can verify runAsNonRoot).',
      )
    : result('non-root', 'pass', 'Runs as a non-root user', `User ${JSON.stringify(user)}.`);
}

function secretsInConfig(image: PlatformImage, index: ImageEvidence): Check {
  const found: string[] = [];
  const report = (where: string, matches: SecretMatch[]) => {
    for (const match of matches)
      found.push(
        `${where}${match.key && !where.includes(match.key) ? ` (${match.key})` : ''}: ${match.kind}, ${match.redacted}`,
      );
  };
  for (const entry of image.config?.env ?? []) {
    const at = entry.indexOf('=');
    const name = at === -1 ? entry : entry.slice(0, at);
    report(`Env ${name}`, findSecrets(at === -1 ? '' : entry.slice(at + 1), name));
  }
  for (const [name, value] of Object.entries({
    ...index.annotations,
    ...image.annotations,
    ...image.config?.labels,
  })) {
    report(`Label ${name}`, findSecrets(value, name));
  }
  (image.config?.history ?? []).forEach((step, position) => {
    if (step.createdBy) report(`History step ${position + 1}`, findSecrets(step.createdBy));
  });
  if (found.length === 0) {
    return result(
      'secrets',
      'pass',
      'No credentials in the config',
      'Env, labels and build history hold nothing that looks like a credential.',
    );
  }
  return result(
    'secrets',
    'fail',
    `${found.length} credential(s) in the image config`,
    `Anyone who can pull the image can read them: ${found.join('; ')}.`,
    'Rotate these credentials now, then pass secrets at build time with `RUN --mount=type=secret` (not ARG/ENV) and at run time from the environment or a secret store.',
  );
}

function secretFiles(evidence: Evidence): Check {
  const scans = evidence.layerScans;
  if (!scans) {
    // The policy asked for it; not having done it proves nothing.
    return result(
      'secret-files',
      'fail',
      'Layers were not scanned',
      'The policy asks for a layer scan, but no layer could be read.',
      'Check that the image layers are reachable.',
    );
  }
  const findings = scans.flatMap((scan) =>
    scan.findings.map(
      (f) =>
        `${f.path} in layer ${f.layerDigest.slice(7, 19)}: ${f.kind}${f.key ? ` (${f.key})` : ''}, ${f.redacted}`,
    ),
  );
  const skipped = scans.flatMap((scan) =>
    scan.skipped.map((s) => `${s.layerDigest.slice(7, 19)} (${s.reason})`),
  );
  const scanned = scans.reduce((total, scan) => total + scan.scannedLayers, 0);
  const skippedNote = skipped.length > 0 ? ` Not read: ${skipped.join('; ')}.` : '';
  if (findings.length > 0) {
    return result(
      'secret-files',
      'fail',
      `${findings.length} credential file(s) in the layers`,
      `${findings.join('; ')}.${skippedNote}`,
      'Remove the files in the layer that added them (a later `RUN rm` does not: the layer keeps them), rotate the credentials, and add them to .dockerignore.',
    );
  }
  return result(
    'secret-files',
    skipped.length > 0 ? 'warn' : 'pass',
    skipped.length > 0
      ? 'Some layers were not scanned for credential files'
      : 'No credential files in the layers',
    `${scanned} layer(s) read; no credential files found.${skippedNote}`,
  );
}

function baseImage(
  image: PlatformImage,
  evidence: Evidence,
  config: NonNullable<Policy['image']['base-images']>,
): Check {
  const bases = baseImagesOf(image, evidence);
  if (bases.length === 0) {
    const status = config.unknown === 'pass' ? 'pass' : config.unknown;
    return result(
      'base-images',
      status,
      'Base image unknown',
      'Neither the org.opencontainers.image.base.name annotation nor verified provenance names the base image.',
      'Build with `docker buildx build --annotation org.opencontainers.image.base.name=…` (BuildKit sets it with provenance on) or publish SLSA provenance.',
    );
  }
  const denied = bases.filter((base) => !imageMatches(config.allow, base));
  return denied.length > 0
    ? result(
        'base-images',
        'fail',
        'Base image not allowed',
        `Built on ${denied.join(', ')}; allowed: ${config.allow.join(', ')}.`,
        'Rebuild on an allowed base image, or add it to image.base-images.allow.',
      )
    : result('base-images', 'pass', 'Base image allowed', `Built on ${bases.join(', ')}.`);
}

/** Base names as `registry/repository:tag`, from the annotation or verified SLSA provenance. */
function baseImagesOf(image: PlatformImage, evidence: Evidence): string[] {
  const annotated =
    image.annotations['org.opencontainers.image.base.name'] ??
    evidence.image.annotations?.['org.opencontainers.image.base.name'];
  if (annotated) return [normalizeImage(annotated)];
  const fromProvenance = new Set<string>();
  for (const verification of evidence.verifications ?? []) {
    if (verification.status !== 'verified' || !verification.statement) continue;
    if (!SLSA_PROVENANCE.test(verification.statement.predicateType)) continue;
    for (const uri of dependencyUris(verification.statement.predicate)) {
      const match = /^(?:pkg:docker\/|docker:\/\/|oci:\/\/)(.+)$/.exec(uri);
      if (match) fromProvenance.add(normalizeImage(decodeURIComponent(match[1]!.split('?')[0]!)));
    }
  }
  return [...fromProvenance];
}

function dependencyUris(predicate: unknown): string[] {
  const p = predicate as {
    buildDefinition?: { resolvedDependencies?: Array<{ uri?: unknown }> };
    materials?: Array<{ uri?: unknown }>;
  };
  const entries = [...(p?.buildDefinition?.resolvedDependencies ?? []), ...(p?.materials ?? [])];
  return entries.map((entry) => entry.uri).filter((uri): uri is string => typeof uri === 'string');
}

function normalizeImage(text: string): string {
  try {
    const ref = parseImageReference(text.replace(/@sha256:[a-f0-9]{64}$/, ''));
    return `${formatImageName(ref)}${ref.tag ? `:${ref.tag}` : ''}`;
  } catch {
    return text;
  }
}

function maxSize(image: PlatformImage, limit: number): Check {
  const size = image.compressedSize;
  return size > limit
    ? result(
        'max-size',
        'fail',
        'Image too large',
        `${formatBytes(size)} compressed, over the ${formatBytes(limit)} limit.`,
        'Use a smaller base image (distroless, alpine) and a multi-stage build that copies only the runtime files.',
      )
    : result(
        'max-size',
        'pass',
        'Image size within limit',
        `${formatBytes(size)} compressed (limit ${formatBytes(limit)}).`,
      );
}

function maxLayers(image: PlatformImage, limit: number): Check {
  const count = image.layers.length;
  return count > limit
    ? result(
        'max-layers',
        'fail',
        'Too many layers',
        `${count} layers, over the limit of ${limit}.`,
        'Combine RUN steps and use a multi-stage build.',
      )
    : result('max-layers', 'pass', 'Layer count within limit', `${count} layers (limit ${limit}).`);
}

function requiredLabels(
  image: PlatformImage,
  required: Record<string, string>,
  repositoryUrl: string | undefined,
): Check {
  const labels = { ...image.annotations, ...image.config?.labels };
  const problems: string[] = [];
  for (const [name, template] of Object.entries(required)) {
    if (template.includes('{repository}') && !repositoryUrl) {
      problems.push(
        `${name} must point at this repository, which is not known here (run in Actions or pass --repository)`,
      );
      continue;
    }
    const pattern = template.replaceAll('{repository}', (repositoryUrl ?? '').replace(/\*/g, ''));
    const value = labels[name];
    if (value === undefined) problems.push(`${name} is missing (expected ${pattern})`);
    else if (!imageMatches(pattern, value))
      problems.push(`${name} is ${JSON.stringify(value)}, expected ${pattern}`);
  }
  return problems.length > 0
    ? result(
        'required-labels',
        'fail',
        'Required labels missing or wrong',
        `${problems.join('; ')}.`,
        'Set the labels at build time, e.g. `--label org.opencontainers.image.source=$GITHUB_SERVER_URL/$GITHUB_REPOSITORY`.',
      )
    : result('required-labels', 'pass', 'Required labels present', Object.keys(required).join(', '));
}

function forbiddenTag(image: ImageEvidence, forbidden: string[]): Check {
  const tag = image.resolvedFromTag;
  return tag !== undefined && forbidden.includes(tag)
    ? result(
        'forbid-tags',
        'fail',
        `Gated by the forbidden tag ${tag}`,
        `The image was named by the tag ${JSON.stringify(tag)}, which the policy forbids: it moves.`,
        'Tag the build with a version or the commit SHA and gate that.',
      )
    : result('forbid-tags', 'pass', 'Tag allowed', tag ? `Tag ${JSON.stringify(tag)}.` : 'Named by digest.');
}

function requiredPlatforms(platforms: PlatformImage[], required: string[]): Check {
  const have = new Set(platforms.map(platformLabel));
  const missing = required.filter(
    (platform) =>
      !have.has(platform) &&
      !(platform.split('/').length === 2 && [...have].some((h) => h.startsWith(`${platform}/`))),
  );
  return missing.length > 0
    ? result(
        'platforms',
        'fail',
        'Platforms missing',
        `The image covers ${[...have].join(', ') || 'no platform'}; missing ${missing.join(', ')}.`,
        'Build with `docker buildx build --platform ' + required.join(',') + '`.',
      )
    : result('platforms', 'pass', 'Required platforms covered', [...have].join(', '));
}

function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${Number(value.toFixed(1))} ${units[unit]}`;
}
