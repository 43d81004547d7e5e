/**
 * The `image` family: what a security reviewer checks by hand on every image. Per-platform rules
 * run once for each platform image of an index, and their results say which platform.
 */
import { parseImageReference, formatImageName } from '../../model/image-reference.js';
import type { Evidence, ImageEvidence, PlatformImage } from '../../model/evidence.js';
import { configCarriesText } from '../../evidence/secrets/config-secrets.js';
import type { SecretFinding } from '../../model/evidence.js';
import type { RuleFamily, RuleStatus } from '../decision.js';
import { imageMatches } from '../image-patterns.js';
import type { Policy } from '../schema.js';
import { parsePurl } from '../../evidence/scans/purl.js';
import { describeSigner } from '../../sigstore/identity-policy.js';
import { indexSignature, judgeSboms, sbomSourceLabel } from '../attestation-trust.js';
import { usablePackages } from './sbom.js';
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
      if (config.secrets) checks.push(per(secretsInConfig(image, evidence)));
      if (config['base-images']) checks.push(per(baseImage(image, evidence, config['base-images'], policy)));
      if (config['max-size'] !== undefined) checks.push(per(maxSize(image, config['max-size'])));
      if (config['max-layers'] !== undefined) checks.push(per(maxLayers(image, config['max-layers'])));
      if (config['required-labels'])
        checks.push(per(requiredLabels(image, config['required-labels'], evidence.repositoryUrl)));
      if (config['no-shell']) checks.push(per(minimalTools(image, evidence, 'shell')));
      if (config['no-package-manager']) checks.push(per(minimalTools(image, evidence, 'package-manager')));
      if (config['max-packages'] !== undefined)
        checks.push(per(maxPackages(image, policy, evidence, config['max-packages'])));
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

function secretsInConfig(image: PlatformImage, evidence: Evidence): Check {
  const scan = evidence.configSecrets?.find((s) => s.manifestDigest === image.digest);
  if (!scan) {
    // The policy asked for it; a config with text in it that was not scanned proves nothing.
    return configCarriesText(image, evidence.image)
      ? result(
          'secrets',
          'fail',
          'The config was not scanned for credentials',
          'The policy asks for a credential scan of Env, labels and history, but none ran.',
          'Report this: the gate scans the config whenever `image.secrets` is on.',
        )
      : result('secrets', 'pass', 'No credentials in the config', 'Env, labels and build history are empty.');
  }
  if (scan.findings.length === 0) {
    return result(
      'secrets',
      'pass',
      'No credentials in the config',
      'Env, labels and build history hold nothing that looks like a credential.',
    );
  }
  const found = scan.findings.map(
    (f) =>
      `${f.where}${f.key && !f.where.includes(f.key) ? ` (${f.key})` : ''}${f.line ? ` line ${f.line}` : ''}: ${describeSecret(f)}`,
  );
  return result(
    'secrets',
    'fail',
    `${found.length} credential(s) in the image config`,
    `Anyone who can pull the image can read them: ${found.join('; ')}.`,
    'Rotate these credentials now, then pass secrets at build time with `RUN --mount=type=secret` (not ARG/ENV) and at run time from the environment or a secret store.',
  );
}

/** Every rule that matched, then the redacted form: never the value. */
function describeSecret(finding: SecretFinding): string {
  return `${(finding.rules ?? [finding.kind]).join(' + ')}, ${finding.redacted}`;
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
        `${f.path}${f.line ? `:${f.line}` : ''} in layer ${f.layerDigest.slice(7, 19)}${f.note ? ` (${f.note})` : ''}: ${f.key ? `${f.key}, ` : ''}${describeSecret(f)}`,
    ),
  );
  const filesRead = scans.reduce((total, scan) => total + (scan.filesRead ?? 0), 0);
  const skipped = scans.flatMap((scan) =>
    scan.skipped.map((s) => `${s.layerDigest.slice(7, 19)} (${s.reason})`),
  );
  const scanned = scans.reduce((total, scan) => total + scan.scannedLayers, 0);
  const skippedNote = skipped.length > 0 ? ` Not read: ${skipped.join('; ')}.` : '';
  if (findings.length > 0) {
    return result(
      'secret-files',
      'fail',
      `${findings.length} credential(s) in the layer files`,
      `${findings.join('; ')}.${skippedNote}`,
      'Remove the files in the layer that added them (a later `RUN rm` does not: the layer keeps them), rotate the credentials, and add them to .dockerignore.',
    );
  }
  return result(
    'secret-files',
    skipped.length > 0 ? 'warn' : 'pass',
    skipped.length > 0
      ? 'Some layers were not scanned for credential files'
      : 'No credentials in the layer files',
    `${scanned} layer(s) read, ${filesRead} text file(s) scanned; no credentials found.${skippedNote}`,
  );
}

function baseImage(
  image: PlatformImage,
  evidence: Evidence,
  config: NonNullable<Policy['image']['base-images']>,
  policy: Policy,
): Check {
  const { bases, via, unused } = baseImagesOf(image, evidence, policy);
  if (bases.length === 0) {
    const status = config.unknown === 'pass' ? 'pass' : config.unknown;
    return result(
      'base-images',
      status,
      'Base image unknown',
      `Neither the org.opencontainers.image.base.name annotation nor verified provenance names the base image.${unused}`,
      'Build with `docker buildx build --annotation org.opencontainers.image.base.name=…` (BuildKit sets it with provenance on) or publish SLSA provenance.',
    );
  }
  const denied = bases.filter((base) => !imageMatches(config.allow, base));
  return denied.length > 0
    ? result(
        'base-images',
        'fail',
        'Base image not allowed',
        `Built on ${denied.join(', ')}${via}; allowed: ${config.allow.join(', ')}.`,
        'Rebuild on an allowed base image, or add it to image.base-images.allow.',
      )
    : result('base-images', 'pass', 'Base image allowed', `Built on ${bases.join(', ')}${via}.`);
}

/**
 * Base names as `registry/repository:tag`, from the annotation, verified SLSA provenance, or
 * BuildKit's provenance in the index when the index is signed by an allowed signer (or the policy
 * accepts unsigned BuildKit content): `via` says which, `unused` what was there but not trusted.
 */
function baseImagesOf(
  image: PlatformImage,
  evidence: Evidence,
  policy: Policy,
): { bases: string[]; via: string; unused: string } {
  const annotated =
    image.annotations['org.opencontainers.image.base.name'] ??
    evidence.image.annotations?.['org.opencontainers.image.base.name'];
  if (annotated) return { bases: [normalizeImage(annotated)], via: '', unused: '' };
  const fromProvenance = new Set<string>();
  for (const verification of evidence.verifications ?? []) {
    if (verification.status !== 'verified' || !verification.statement) continue;
    if (!SLSA_PROVENANCE.test(verification.statement.predicateType)) continue;
    for (const uri of dependencyUris(verification.statement.predicate)) {
      const base = imageOfDependency(uri);
      if (base) fromProvenance.add(base);
    }
  }
  if (fromProvenance.size > 0) return { bases: [...fromProvenance], via: '', unused: '' };
  const buildkit = (evidence.buildkitAttestations ?? []).filter(
    (a) => a.platformDigest === image.digest && a.statement !== undefined,
  );
  const named = new Set(
    buildkit
      .flatMap((a) => dependencyUris(a.statement!.predicate).map(imageOfDependency))
      .filter((base): base is string => base !== undefined),
  );
  if (named.size === 0) return { bases: [], via: '', unused: '' };
  const index = indexSignature(evidence, policy.signatures);
  if (index.signed) {
    return {
      bases: [...named],
      via: ` (BuildKit provenance, attested through the signed index (${describeSigner(index.signer)}))`,
      unused: '',
    };
  }
  if (policy.sbom['accept-unsigned']) {
    return {
      bases: [...named],
      via: ' (unsigned BuildKit provenance, accepted by sbom.accept-unsigned)',
      unused: '',
    };
  }
  return {
    bases: [],
    via: '',
    unused: ` BuildKit provenance names ${[...named].join(', ')}, but it is unsigned registry content (${index.reason}); sign the index or set sbom.accept-unsigned to use it.`,
  };
}

/**
 * An image a provenance dependency names: `pkg:docker/golang@1.22-alpine?platform=…` (BuildKit),
 * `docker://…`, `oci://…`. BuildKit's Dockerfile frontend (`docker/dockerfile`, the `# syntax=`
 * image) runs the build but is no base of the image.
 */
function imageOfDependency(uri: string): string | undefined {
  if (uri.startsWith('pkg:docker/')) {
    const purl = parsePurl(uri);
    if (!purl) return undefined;
    const repository = purl.namespace ? `${purl.namespace}/${purl.name}` : purl.name;
    if (/^(docker\.io\/)?docker\/dockerfile(-upstream)?$/.test(repository)) return undefined;
    const version = purl.version ?? '';
    return normalizeImage(
      version.startsWith('sha256:')
        ? `${repository}@${version}`
        : version
          ? `${repository}:${version}`
          : repository,
    );
  }
  const match = /^(?:docker:\/\/|oci:\/\/)(.+)$/.exec(uri);
  return match ? normalizeImage(decodeURIComponent(match[1]!.split('?')[0]!)) : undefined;
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

/** `image.no-shell` / `image.no-package-manager`: what the final filesystem holds, and which layer put it there. */
function minimalTools(image: PlatformImage, evidence: Evidence, kind: 'shell' | 'package-manager'): Check {
  const ruleId = kind === 'shell' ? 'no-shell' : 'no-package-manager';
  const what = kind === 'shell' ? 'shell' : 'package manager';
  const inventory = evidence.filesystems?.find((entry) => entry.manifestDigest === image.digest);
  if (!inventory) {
    return result(
      ruleId,
      'fail',
      'Layers were not read',
      `The policy asks for image.${ruleId}, but the image's layers could not be read.`,
      'Check that the image layers are reachable.',
    );
  }
  const found = inventory.found.filter((entry) => entry.kind === kind);
  const unread = inventory.skipped.map((s) => `${s.layerDigest.slice(7, 19)} (${s.reason})`);
  const unreadNote = unread.length > 0 ? ` Layers not read: ${unread.join('; ')}.` : '';
  if (found.length > 0) {
    const listed = found.map(
      (entry) =>
        `${entry.path}${entry.linkTarget ? ` → ${entry.linkTarget}` : ''} (layer ${entry.layerDigest.slice(7, 19)})`,
    );
    return result(
      ruleId,
      'fail',
      `${found.length} ${what}(s) in the final filesystem`,
      `${listed.join('; ')}.${unreadNote}`,
      kind === 'shell'
        ? 'Copy only the runtime files into a distroless or scratch final stage (`FROM gcr.io/distroless/static` or `FROM scratch`), so no shell is left for an attacker to run.'
        : 'Install packages in a build stage and copy the results into a final stage without the package manager (distroless, scratch, or `apk del`/`rm` in the same layer that used it).',
    );
  }
  if (unread.length > 0) {
    // A layer not read may hold one: fail closed.
    return result(
      ruleId,
      'fail',
      `Cannot tell whether a ${what} is there`,
      `No ${what} in the layers read, but some were not read.${unreadNote}`,
      'Keep layers within the size the gate reads, as gzip or plain tar.',
    );
  }
  return result(
    ruleId,
    'pass',
    `No ${what} in the final filesystem`,
    `${inventory.paths} path(s) in the final filesystem; no ${what} in a bin or sbin directory.`,
  );
}

/** `image.max-packages`: the distinct packages of the SBOMs the policy trusts for this platform. */
function maxPackages(image: PlatformImage, policy: Policy, evidence: Evidence, limit: number): Check {
  const judged = judgeSboms(policy, evidence).filter((entry) => entry.covers.includes(image.digest));
  const usable = judged.filter((entry) => entry.usable);
  if (usable.length === 0) {
    return result(
      'max-packages',
      'fail',
      'Packages cannot be counted: no SBOM the policy trusts',
      `No SBOM the gate may use covers ${image.digest}${judged.length > 0 ? ` (not used: ${judged.map((j) => `${sbomSourceLabel(j.sbom)}: ${j.trust}`).join('; ')})` : ''}.`,
      'Attach an SBOM (docker buildx build --sbom=true with a signed index, actions/attest-sbom, or the "sbom" input).',
    );
  }
  const count = usablePackages(usable, image.digest).length;
  const from = usable.map((entry) => sbomSourceLabel(entry.sbom)).join(', ');
  return count > limit
    ? result(
        'max-packages',
        'fail',
        'Too many packages',
        `${count} packages, over the limit of ${limit}, per ${from}.`,
        'Use a smaller base image (distroless, alpine) and copy only what the application needs into the final stage.',
      )
    : result(
        'max-packages',
        'pass',
        'Package count within limit',
        `${count} packages (limit ${limit}), per ${from}.`,
      );
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
