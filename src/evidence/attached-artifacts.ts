/**
 * What a manifest attached to a digest holds: sigstore bundles (what actions/attest and cosign v3
 * push as OCI 1.1 referrers), DSSE envelopes (cosign attestations) and simplesigning payloads
 * (cosign signatures), one artifact per layer. The kind is read from each layer's own media type,
 * never from an index's descriptor, which whoever wrote the index may have set to anything.
 */
import { VerificationError } from '../errors.js';
import { isIndexMediaType, type ImageStore, type ManifestDocument } from '../adapters/oci/image-store.js';
import type { DiscoveredArtifact, Platform } from '../model/evidence.js';

export const SIGSTORE_BUNDLE_V03_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
/** The bundle media types before v0.3 got its own: `…bundle+json;version=0.1` to `0.3`. */
const VERSIONED_SIGSTORE_BUNDLE_MEDIA_TYPE =
  /^application\/vnd\.dev\.sigstore\.bundle\+json;\s*version=0\.[1-3]$/;
export const DSSE_ENVELOPE_MEDIA_TYPE = 'application/vnd.dsse.envelope.v1+json';
export const COSIGN_SIMPLESIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';
/** Signatures and attestations are small; an SBOM predicate is the largest we expect. */
export const MAX_ATTACHED_LAYER_BYTES = 32 * 1024 * 1024;

/** A layer discovery did not take, and why. */
export interface SkippedAttachment {
  digest?: string;
  reason: string;
}

export interface AttachmentContents {
  artifacts: DiscoveredArtifact[];
  skipped: SkippedAttachment[];
}

interface Layer {
  digest: string;
  mediaType: string;
  annotations: Record<string, string>;
}

export function attachedArtifactKind(mediaType: string): DiscoveredArtifact['kind'] | undefined {
  if (mediaType === SIGSTORE_BUNDLE_V03_MEDIA_TYPE || VERSIONED_SIGSTORE_BUNDLE_MEDIA_TYPE.test(mediaType)) {
    return 'sigstore-bundle';
  }
  if (mediaType === DSSE_ENVELOPE_MEDIA_TYPE) return 'cosign-attestation';
  if (mediaType === COSIGN_SIMPLESIGNING_MEDIA_TYPE) return 'cosign-signature';
  return undefined;
}

/**
 * Reads every signature or attestation layer of `manifest`, found attached to `subject.digest`.
 * `requireSubject`: an OCI 1.1 referrer must name that digest in its own `subject` field; cosign's
 * tag scheme predates the field, so its manifests are bound by their tag alone.
 */
export async function readAttachedManifest(
  manifest: ManifestDocument,
  subject: { digest: string; platform?: Platform },
  store: ImageStore,
  requireSubject: boolean,
): Promise<AttachmentContents> {
  const artifactType = manifestArtifactType(manifest);
  if (isIndexMediaType(manifest.mediaType)) {
    return skip(
      manifest.digest,
      `an index (${artifactType ?? manifest.mediaType}), not a signature or attestation`,
    );
  }
  if (requireSubject) {
    const named = subjectDigest(manifest);
    if (named !== subject.digest) {
      return skip(
        manifest.digest,
        named === undefined ? 'it has no subject field' : `its subject is ${named}, another digest`,
      );
    }
  }
  const taken: Array<{ layer: Layer; kind: DiscoveredArtifact['kind'] }> = [];
  const skipped: SkippedAttachment[] = [];
  for (const layer of readLayers(manifest)) {
    const kind = attachedArtifactKind(layer.mediaType);
    if (kind) taken.push({ layer, kind });
    else {
      skipped.push({
        digest: manifest.digest,
        reason: `layer ${layer.digest} is ${layer.mediaType}${artifactType ? ` (artifact type ${artifactType})` : ''}, not a signature or attestation the gate reads`,
      });
    }
  }
  const artifacts = await Promise.all(
    taken.map(async ({ layer, kind }): Promise<DiscoveredArtifact> => {
      const bytes = await store.getBlob(layer.digest, MAX_ATTACHED_LAYER_BYTES);
      const source = { kind: store.kind, uri: store.manifestUri(manifest.digest), digest: layer.digest };
      const common = {
        kind,
        subjectDigest: subject.digest,
        source,
        ...(subject.platform ? { platform: subject.platform } : {}),
      };
      if (kind === 'sigstore-bundle')
        return { ...common, bundle: parseBundle(bytes, source.uri, layer.digest) };
      return {
        ...common,
        cosignLayer: { mediaType: layer.mediaType, payload: bytes, annotations: layer.annotations },
      };
    }),
  );
  return { artifacts, skipped };
}

function skip(digest: string, reason: string): AttachmentContents {
  return { artifacts: [], skipped: [{ digest, reason }] };
}

/** OCI 1.1: `artifactType`, else the config's media type. */
function manifestArtifactType(manifest: ManifestDocument): string | undefined {
  const { artifactType, config } = manifest.json;
  if (typeof artifactType === 'string') return artifactType;
  const configType = isRecord(config) ? config.mediaType : undefined;
  return typeof configType === 'string' ? configType : undefined;
}

function subjectDigest(manifest: ManifestDocument): string | undefined {
  const { subject } = manifest.json;
  return isRecord(subject) && typeof subject.digest === 'string' ? subject.digest : undefined;
}

function readLayers(manifest: ManifestDocument): Layer[] {
  const { layers } = manifest.json;
  const invalid = (reason: string) =>
    new VerificationError('invalid-manifest', `attached manifest ${manifest.digest} ${reason}`);
  if (!Array.isArray(layers)) throw invalid('has no "layers" array');
  return layers.map((value: unknown, position) => {
    if (!isRecord(value) || typeof value.digest !== 'string' || typeof value.mediaType !== 'string') {
      throw invalid(`has layers[${position}] without a digest or media type`);
    }
    const annotations = isRecord(value.annotations) ? value.annotations : {};
    return {
      digest: value.digest,
      mediaType: value.mediaType,
      // cosign's annotations are strings; anything else is not one of them.
      annotations: Object.fromEntries(
        Object.entries(annotations).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string',
        ),
      ),
    };
  });
}

function parseBundle(bytes: Uint8Array, manifestUri: string, layerDigest: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new VerificationError(
      'invalid-attached-bundle',
      `the sigstore bundle ${layerDigest} attached as ${manifestUri} is not UTF-8 JSON; remove or replace that referrer`,
    );
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
