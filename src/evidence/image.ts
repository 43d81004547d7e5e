/**
 * The image's own evidence: which digest the reference means, and the manifest and config facts
 * of that digest, for each gated platform of an index. The tag is resolved once here; everything
 * after reads by digest.
 */
import { ConfigurationError, VerificationError } from '../errors.js';
import { formatImageName, type ImageReference } from '../model/image-reference.js';
import {
  DEFAULT_TAG,
  isIndexMediaType,
  parseJsonObject,
  type ImageStore,
  type ManifestDocument,
} from '../adapters/oci/image-store.js';
import type {
  ImageConfigFacts,
  ImageEvidence,
  ImageLayer,
  Platform,
  PlatformImage,
} from '../model/evidence.js';

export const MAX_IMAGE_CONFIG_BYTES = 8 * 1024 * 1024;

export interface ImageEvidenceInput {
  /** The reference as the user wrote it. */
  reference: string;
  parsed: ImageReference;
  /** The digest the workflow built, given separately from the reference (e.g. build-push-action's output). */
  digest?: string;
  /** Which platforms of an index to gate; every platform image of the index when not given. */
  platforms?: Platform[];
}

/** A digest whose signatures and attestations count for the gated image. */
export interface GatedDigest {
  digest: string;
  /** Set for a platform manifest of a gated index. */
  platform?: Platform;
}

const IMAGE_CONFIG_MEDIA_TYPES = new Set([
  'application/vnd.oci.image.config.v1+json',
  'application/vnd.docker.container.image.v1+json',
]);

interface Descriptor {
  digest: string;
  mediaType?: string;
  size?: number;
  platform?: Platform;
  annotations?: Record<string, unknown>;
}

/**
 * `onGatedDigest` hears of each digest whose signatures count (the gated digest, then each gated
 * platform manifest) as soon as it is known, so discovery runs while manifests and configs load.
 */
export async function collectImageEvidence(
  input: ImageEvidenceInput,
  store: ImageStore,
  onGatedDigest: (gated: GatedDigest) => void = () => undefined,
): Promise<ImageEvidence> {
  const { parsed } = input;
  const built = input.digest === undefined ? undefined : checkDigestInput(input.digest);
  if (parsed.digest !== undefined && built !== undefined && parsed.digest !== built) {
    throw new ConfigurationError(
      'conflicting-digests',
      `the image reference names ${parsed.digest} but the digest input is ${built}; give the digest once`,
    );
  }
  // With a tag and a separate digest we resolve the tag, so a tag that moved since the build shows.
  const byDigest = parsed.digest ?? (parsed.tag === undefined ? built : undefined);
  const resolvedFromTag =
    byDigest === undefined
      ? (parsed.tag ?? (parsed.kind === 'registry' ? DEFAULT_TAG : undefined))
      : undefined;
  // Read by digest, the gated digest is known before the registry answers: discovery need not wait.
  if (byDigest !== undefined) onGatedDigest({ digest: byDigest });
  const resolved = await store.resolve(byDigest === undefined ? parsed : { ...parsed, digest: byDigest });

  let bound = resolved;
  let boundPlatform: Platform | undefined;
  if (built !== undefined && resolved.digest !== built) {
    // The workflow may have named one platform's manifest while the tag names the index holding it.
    const child = isIndexMediaType(resolved.mediaType)
      ? indexDescriptors(resolved).find((descriptor) => descriptor.digest === built)
      : undefined;
    if (!child) {
      throw new VerificationError(
        'digest-mismatch',
        `the tag ${formatImageName(parsed)}:${resolvedFromTag} now points at ${resolved.digest}, not at ${built}, the digest the workflow built: the tag moved after the build; give the image without a tag to gate the built digest`,
      );
    }
    bound = await store.getManifest(built);
    boundPlatform = child.platform;
  }
  if (byDigest === undefined) onGatedDigest({ digest: bound.digest });

  let platforms: PlatformImage[];
  if (isIndexMediaType(bound.mediaType)) {
    const chosen = choosePlatformManifests(bound, input.platforms);
    for (const descriptor of chosen) {
      onGatedDigest({
        digest: descriptor.digest,
        ...(descriptor.platform ? { platform: descriptor.platform } : {}),
      });
    }
    platforms = await Promise.all(
      chosen.map(async (descriptor) => {
        const manifest = await store.getManifest(descriptor.digest);
        if (isIndexMediaType(manifest.mediaType)) {
          throw new VerificationError(
            'unsupported-manifest-media-type',
            `index ${bound.digest} points at another index (${manifest.digest}) for its platform; the gate reads one level of index`,
          );
        }
        return readPlatformImage(manifest, descriptor.platform, store);
      }),
    );
  } else {
    const image = await readPlatformImage(bound, boundPlatform, store);
    checkRequestedPlatform(image, input.platforms, formatImageName(parsed));
    platforms = [image];
  }

  const [primary] = platforms;
  return {
    reference: input.reference,
    name: formatImageName(parsed),
    digest: bound.digest,
    ...(resolvedFromTag === undefined ? {} : { resolvedFromTag }),
    mediaType: bound.mediaType,
    annotations: readAnnotations(bound),
    platforms,
    ...(primary?.platform === undefined ? {} : { platform: primary.platform }),
    ...(primary?.config === undefined ? {} : { config: primary.config }),
    layers: primary?.layers ?? [],
    source: { kind: store.kind, uri: store.location, digest: bound.digest },
  };
}

async function readPlatformImage(
  manifest: ManifestDocument,
  indexPlatform: Platform | undefined,
  store: ImageStore,
): Promise<PlatformImage> {
  const { config: configDescriptor, layers } = readImageManifest(manifest);
  let config: ImageConfigFacts | undefined;
  if (IMAGE_CONFIG_MEDIA_TYPES.has(configDescriptor.mediaType ?? '')) {
    const what = `image config ${configDescriptor.digest}`;
    config = parseImageConfig(await store.getBlob(configDescriptor.digest, MAX_IMAGE_CONFIG_BYTES), what);
  }
  const platform = indexPlatform ?? config?.platform;
  return {
    digest: manifest.digest,
    mediaType: manifest.mediaType,
    configDigest: configDescriptor.digest,
    ...(platform === undefined ? {} : { platform }),
    annotations: readAnnotations(manifest),
    ...(config === undefined ? {} : { config }),
    layers,
    compressedSize: layers.reduce((total, layer) => total + layer.size, 0),
    source: { kind: store.kind, uri: store.manifestUri(manifest.digest), digest: manifest.digest },
  };
}

function checkDigestInput(digest: string): string {
  if (!/^sha256:[a-f0-9]{64}$/.test(digest)) {
    throw new ConfigurationError(
      'invalid-digest',
      `the digest input ${JSON.stringify(digest.slice(0, 100))} is not sha256:<64 lowercase hex>; pass the digest the build step output`,
    );
  }
  return digest;
}

/** The requested platforms (each must be there), else every image of the index. */
function choosePlatformManifests(index: ManifestDocument, requested: Platform[] | undefined): Descriptor[] {
  // buildx stores its provenance and SBOM next to the images, marked with platform unknown/unknown.
  const images = indexDescriptors(index).filter(
    (descriptor) => descriptor.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest',
  );
  const available = images.map((descriptor) => formatPlatform(descriptor.platform)).join(', ') || 'none';
  if (requested === undefined || requested.length === 0) {
    if (images.length > 0) return images;
    throw new VerificationError('empty-index', `index ${index.digest} lists no images`);
  }
  const missing = requested.filter(
    (wanted) => !images.some((descriptor) => platformMatches(descriptor.platform, wanted)),
  );
  if (missing.length > 0) {
    throw new ConfigurationError(
      'platform-not-found',
      `index ${index.digest} has no image for ${missing.map(formatPlatform).join(', ')} (it has: ${available}); choose among those platforms`,
    );
  }
  return images.filter((descriptor) =>
    requested.some((wanted) => platformMatches(descriptor.platform, wanted)),
  );
}

/** A single-platform image gated "for linux/arm64" must be a linux/arm64 image. */
function checkRequestedPlatform(image: PlatformImage, requested: Platform[] | undefined, name: string): void {
  if (requested === undefined || requested.length === 0 || image.platform === undefined) return;
  if (requested.some((wanted) => platformMatches(image.platform, wanted))) return;
  throw new ConfigurationError(
    'platform-not-found',
    `${name}@${image.digest} is a single-platform image for ${formatPlatform(image.platform)}, not ${requested.map(formatPlatform).join(' or ')}; drop the platform input or gate the multi-platform index`,
  );
}

function platformMatches(candidate: Platform | undefined, wanted: Platform): boolean {
  return (
    candidate !== undefined &&
    candidate.os === wanted.os &&
    candidate.architecture === wanted.architecture &&
    (wanted.variant === undefined || candidate.variant === wanted.variant)
  );
}

function formatPlatform(platform: Platform | undefined): string {
  if (!platform) return '(no platform)';
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}

function indexDescriptors(index: ManifestDocument): Descriptor[] {
  const { manifests } = index.json;
  if (!Array.isArray(manifests)) throw invalidManifest(index.digest, 'has no "manifests" array');
  return manifests.map((value: unknown, position) =>
    readDescriptor(value, index.digest, `manifests[${position}]`),
  );
}

function readImageManifest(manifest: ManifestDocument): { config: Descriptor; layers: ImageLayer[] } {
  const config = readDescriptor(manifest.json.config, manifest.digest, 'config');
  const { layers } = manifest.json;
  if (!Array.isArray(layers)) throw invalidManifest(manifest.digest, 'has no "layers" array');
  return {
    config,
    layers: layers.map((value: unknown, position) => {
      const layer = readDescriptor(value, manifest.digest, `layers[${position}]`);
      if (layer.mediaType === undefined || layer.size === undefined) {
        throw invalidManifest(manifest.digest, `layers[${position}] lacks a mediaType or size`);
      }
      return { digest: layer.digest, size: layer.size, mediaType: layer.mediaType };
    }),
  };
}

function readDescriptor(value: unknown, manifestDigest: string, field: string): Descriptor {
  if (!isRecord(value) || typeof value.digest !== 'string') {
    throw invalidManifest(manifestDigest, `${field} is not a descriptor with a digest`);
  }
  const { mediaType, size, platform, annotations } = value;
  if (mediaType !== undefined && typeof mediaType !== 'string') {
    throw invalidManifest(manifestDigest, `${field}.mediaType is not a string`);
  }
  if (size !== undefined && !(typeof size === 'number' && Number.isSafeInteger(size) && size >= 0)) {
    throw invalidManifest(manifestDigest, `${field}.size is not a byte count`);
  }
  return {
    digest: value.digest,
    ...(mediaType === undefined ? {} : { mediaType }),
    ...(size === undefined ? {} : { size }),
    ...(isRecord(platform) ? { platform: readPlatform(platform) } : {}),
    ...(isRecord(annotations) ? { annotations } : {}),
  };
}

function readPlatform(value: Record<string, unknown>): Platform | undefined {
  const { os, architecture, variant } = value;
  if (typeof os !== 'string' || typeof architecture !== 'string') return undefined;
  return { os, architecture, ...(typeof variant === 'string' && variant ? { variant } : {}) };
}

/**
 * The config fields rules judge. A field of the wrong type fails: skipping it would hide, say, an
 * `Env` a secrets rule should have seen.
 */
function parseImageConfig(bytes: Uint8Array, what: string): ImageConfigFacts {
  const json = parseJsonObject(bytes, what);
  const invalid = (reason: string) => new VerificationError('invalid-image-config', `${what}: ${reason}`);
  const runtime = json.config ?? {};
  if (!isRecord(runtime)) throw invalid('"config" is not an object');

  const user = runtime.User ?? undefined;
  if (user !== undefined && typeof user !== 'string') throw invalid('config.User is not a string');
  const env = runtime.Env ?? [];
  if (!Array.isArray(env) || !env.every((entry) => typeof entry === 'string')) {
    throw invalid('config.Env is not a list of strings');
  }
  const labels = runtime.Labels ?? {};
  if (!isRecord(labels) || !Object.values(labels).every((value) => typeof value === 'string')) {
    throw invalid('config.Labels is not a map of strings');
  }
  const created = json.created ?? undefined;
  if (created !== undefined && typeof created !== 'string') throw invalid('"created" is not a string');
  const history = json.history ?? [];
  if (!Array.isArray(history)) throw invalid('"history" is not a list');

  const platform = readPlatform(json);
  return {
    ...(user === undefined ? {} : { user }),
    env: env as string[],
    labels: labels as Record<string, string>,
    ...(created === undefined ? {} : { created }),
    history: history.map((entry: unknown, position) => {
      if (!isRecord(entry)) throw invalid(`history[${position}] is not an object`);
      const { created_by: createdBy, empty_layer: emptyLayer } = entry;
      if (createdBy !== undefined && typeof createdBy !== 'string') {
        throw invalid(`history[${position}].created_by is not a string`);
      }
      if (emptyLayer !== undefined && typeof emptyLayer !== 'boolean') {
        throw invalid(`history[${position}].empty_layer is not a boolean`);
      }
      return {
        ...(createdBy === undefined ? {} : { createdBy }),
        ...(emptyLayer === undefined ? {} : { emptyLayer }),
      };
    }),
    ...(platform === undefined ? {} : { platform }),
  };
}

/** A manifest's `annotations`; a value that is not a string makes the manifest invalid, as the spec says. */
function readAnnotations(manifest: ManifestDocument): Record<string, string> {
  const { annotations } = manifest.json;
  if (annotations === undefined) return {};
  if (!isRecord(annotations) || !Object.values(annotations).every((value) => typeof value === 'string')) {
    throw invalidManifest(manifest.digest, 'has "annotations" that are not a map of strings');
  }
  return annotations as Record<string, string>;
}

function invalidManifest(digest: string, reason: string): VerificationError<'invalid-manifest'> {
  return new VerificationError('invalid-manifest', `manifest ${digest} ${reason}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
