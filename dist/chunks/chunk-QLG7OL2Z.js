import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  isIndexMediaType
} from "./chunk-HYJ74MIN.js";
import {
  VerificationError
} from "./chunk-QCJNFU7Y.js";

// src/evidence/attached-artifacts.ts
var SIGSTORE_BUNDLE_V03_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";
var VERSIONED_SIGSTORE_BUNDLE_MEDIA_TYPE = /^application\/vnd\.dev\.sigstore\.bundle\+json;\s*version=0\.[1-3]$/;
var DSSE_ENVELOPE_MEDIA_TYPE = "application/vnd.dsse.envelope.v1+json";
var COSIGN_SIMPLESIGNING_MEDIA_TYPE = "application/vnd.dev.cosign.simplesigning.v1+json";
var MAX_ATTACHED_LAYER_BYTES = 32 * 1024 * 1024;
function attachedArtifactKind(mediaType) {
  if (mediaType === SIGSTORE_BUNDLE_V03_MEDIA_TYPE || VERSIONED_SIGSTORE_BUNDLE_MEDIA_TYPE.test(mediaType)) {
    return "sigstore-bundle";
  }
  if (mediaType === DSSE_ENVELOPE_MEDIA_TYPE) return "cosign-attestation";
  if (mediaType === COSIGN_SIMPLESIGNING_MEDIA_TYPE) return "cosign-signature";
  return void 0;
}
async function readAttachedManifest(manifest, subject, store, requireSubject) {
  const artifactType = manifestArtifactType(manifest);
  if (isIndexMediaType(manifest.mediaType)) {
    return skip(
      manifest.digest,
      `an index (${artifactType ?? manifest.mediaType}), not a signature or attestation`
    );
  }
  if (requireSubject) {
    const named = subjectDigest(manifest);
    if (named !== subject.digest) {
      return skip(
        manifest.digest,
        named === void 0 ? "it has no subject field" : `its subject is ${named}, another digest`
      );
    }
  }
  const taken = [];
  const skipped = [];
  for (const layer of readLayers(manifest)) {
    const kind = attachedArtifactKind(layer.mediaType);
    if (kind) taken.push({ layer, kind });
    else {
      skipped.push({
        digest: manifest.digest,
        reason: `layer ${layer.digest} is ${layer.mediaType}${artifactType ? ` (artifact type ${artifactType})` : ""}, not a signature or attestation the gate reads`
      });
    }
  }
  const artifacts = await Promise.all(
    taken.map(async ({ layer, kind }) => {
      const bytes = await store.getBlob(layer.digest, MAX_ATTACHED_LAYER_BYTES);
      const source = { kind: store.kind, uri: store.manifestUri(manifest.digest), digest: layer.digest };
      const common = {
        kind,
        subjectDigest: subject.digest,
        source,
        ...subject.platform ? { platform: subject.platform } : {}
      };
      if (kind === "sigstore-bundle")
        return { ...common, bundle: parseBundle(bytes, source.uri, layer.digest) };
      return {
        ...common,
        cosignLayer: { mediaType: layer.mediaType, payload: bytes, annotations: layer.annotations }
      };
    })
  );
  return { artifacts, skipped };
}
function skip(digest, reason) {
  return { artifacts: [], skipped: [{ digest, reason }] };
}
function manifestArtifactType(manifest) {
  const { artifactType, config } = manifest.json;
  if (typeof artifactType === "string") return artifactType;
  const configType = isRecord(config) ? config.mediaType : void 0;
  return typeof configType === "string" ? configType : void 0;
}
function subjectDigest(manifest) {
  const { subject } = manifest.json;
  return isRecord(subject) && typeof subject.digest === "string" ? subject.digest : void 0;
}
function readLayers(manifest) {
  const { layers } = manifest.json;
  const invalid = (reason) => new VerificationError("invalid-manifest", `attached manifest ${manifest.digest} ${reason}`);
  if (!Array.isArray(layers)) throw invalid('has no "layers" array');
  return layers.map((value, position) => {
    if (!isRecord(value) || typeof value.digest !== "string" || typeof value.mediaType !== "string") {
      throw invalid(`has layers[${position}] without a digest or media type`);
    }
    const annotations = isRecord(value.annotations) ? value.annotations : {};
    return {
      digest: value.digest,
      mediaType: value.mediaType,
      // cosign's annotations are strings; anything else is not one of them.
      annotations: Object.fromEntries(
        Object.entries(annotations).filter(
          (entry) => typeof entry[1] === "string"
        )
      )
    };
  });
}
function parseBundle(bytes, manifestUri, layerDigest) {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new VerificationError(
      "invalid-attached-bundle",
      `the sigstore bundle ${layerDigest} attached as ${manifestUri} is not UTF-8 JSON; remove or replace that referrer`
    );
  }
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export {
  SIGSTORE_BUNDLE_V03_MEDIA_TYPE,
  MAX_ATTACHED_LAYER_BYTES,
  readAttachedManifest
};
