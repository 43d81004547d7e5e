/**
 * The image's own evidence: which digest the reference means, and the manifest and config facts
 * of that digest. The tag is resolved once here; everything after reads by digest.
 */
import { ConfigurationError, VerificationError } from '../errors.js';
import { formatImageName, type ImageReference } from '../adapters/image-reference.js';
import {
  DEFAULT_TAG,
  isIndexMediaType,
  parseJsonObject,
  type ImageStore,
  type ManifestDocument,
} from '../adapters/image-store.js';
import type { ImageConfigFacts, ImageEvidence, ImageLayer, Platform } from './types.js';

export const MAX_IMAGE_CONFIG_BYTES = 8 * 1024 * 1024;

export interface ImageEvidenceInput {
  /** The reference as the user wrote it. */
  reference: string;
  parsed: ImageReference;
  /** The digest the workflow built, given separately from the reference (e.g. build-push-action's output). */
  digest?: string;
  /** Which manifest of an index to judge; defaults to linux/amd64. */
  platform?: Platform;
}

const IMAGE_CONFIG_MEDIA_TYPES = new Set([
  'application/vnd.oci.image.config.v1+json',
  'application/vnd.docker.container.image.v1+json',
]);
const DEFAULT_PLATFORM: Platform = { os: 'linux', architecture: 'amd64' };

interface Descriptor {
  digest: string;
  mediaType?: string;
  size?: number;
  platform?: Platform;
  annotations?: Record<string, unknown>;
}

export async function collectImageEvidence(
  input: ImageEvidenceInput,
  store: ImageStore,
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

  let manifest = bound;
  let platform = boundPlatform;
  if (isIndexMediaType(bound.mediaType)) {
    const chosen = choosePlatformManifest(bound, input.platform);
    manifest = await store.getManifest(chosen.digest);
    platform = chosen.platform;
    if (isIndexMediaType(manifest.mediaType)) {
      throw new VerificationError(
        'unsupported-manifest-media-type',
        `index ${bound.digest} points at another index (${manifest.digest}) for its platform; the gate reads one level of index`,
      );
    }
  }

  const { config: configDescriptor, layers } = readImageManifest(manifest);
  let config: ImageConfigFacts | undefined;
  if (IMAGE_CONFIG_MEDIA_TYPES.has(configDescriptor.mediaType ?? '')) {
    const what = `image config ${configDescriptor.digest}`;
    const parsedConfig = parseImageConfig(
      await store.getBlob(configDescriptor.digest, MAX_IMAGE_CONFIG_BYTES),
      what,
    );
    config = parsedConfig.facts;
    platform ??= parsedConfig.platform;
  }

  return {
    reference: input.reference,
    name: formatImageName(parsed),
    digest: bound.digest,
    ...(resolvedFromTag === undefined ? {} : { resolvedFromTag }),
    mediaType: bound.mediaType,
    ...(platform === undefined ? {} : { platform }),
    ...(config === undefined ? {} : { config }),
    layers,
    source: { kind: store.kind, uri: store.location, digest: bound.digest },
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

/** The requested platform, else linux/amd64, else the only image in the index. */
function choosePlatformManifest(index: ManifestDocument, requested: Platform | undefined): Descriptor {
  // buildx stores its provenance and SBOM next to the images, marked with platform unknown/unknown.
  const images = indexDescriptors(index).filter(
    (descriptor) => descriptor.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest',
  );
  const available = images.map((descriptor) => formatPlatform(descriptor.platform)).join(', ') || 'none';
  const chosen =
    images.find((descriptor) => platformMatches(descriptor.platform, requested ?? DEFAULT_PLATFORM)) ??
    (requested === undefined && images.length === 1 ? images[0] : undefined);
  if (chosen) return chosen;
  throw new ConfigurationError(
    requested ? 'platform-not-found' : 'ambiguous-platform',
    requested
      ? `index ${index.digest} has no image for ${formatPlatform(requested)} (it has: ${available}); choose one of those platforms`
      : `index ${index.digest} has no linux/amd64 image and several others (${available}); choose the platform to gate`,
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
function parseImageConfig(bytes: Uint8Array, what: string): { facts: ImageConfigFacts; platform?: Platform } {
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

  const facts: ImageConfigFacts = {
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
  };
  const platform = readPlatform(json);
  return platform === undefined ? { facts } : { facts, platform };
}

function invalidManifest(digest: string, reason: string): VerificationError<'invalid-manifest'> {
  return new VerificationError('invalid-manifest', `manifest ${digest} ${reason}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
