import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  VerificationError
} from "./chunk-QCJNFU7Y.js";

// src/adapters/oci/image-store.ts
import { createHash } from "node:crypto";
var OCI_MANIFEST_MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
var OCI_INDEX_MEDIA_TYPE = "application/vnd.oci.image.index.v1+json";
var DOCKER_MANIFEST_MEDIA_TYPE = "application/vnd.docker.distribution.manifest.v2+json";
var DOCKER_MANIFEST_LIST_MEDIA_TYPE = "application/vnd.docker.distribution.manifest.list.v2+json";
var MANIFEST_MEDIA_TYPES = [
  OCI_MANIFEST_MEDIA_TYPE,
  OCI_INDEX_MEDIA_TYPE,
  DOCKER_MANIFEST_MEDIA_TYPE,
  DOCKER_MANIFEST_LIST_MEDIA_TYPE
];
var MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
var DEFAULT_TAG = "latest";
function isIndexMediaType(mediaType) {
  return mediaType === OCI_INDEX_MEDIA_TYPE || mediaType === DOCKER_MANIFEST_LIST_MEDIA_TYPE;
}
function sha256Digest(bytes) {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}
function assertSha256Digest(digest, what) {
  if (!/^sha256:[a-f0-9]{64}$/.test(digest)) {
    throw new VerificationError(
      "invalid-digest",
      `${what} names the digest ${JSON.stringify(digest.slice(0, 100))}, which is not sha256:<64 lowercase hex>; the gate reads sha256 content only`
    );
  }
}
function verifyDigest(bytes, expected, what) {
  const actual = sha256Digest(bytes);
  if (actual !== expected) {
    throw new VerificationError(
      "digest-mismatch",
      `${what} was requested as ${expected} but its bytes hash to ${actual}: the content was altered or served for the wrong digest`
    );
  }
}
async function readBounded(chunks, maxBytes, tooLarge) {
  const parts = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.byteLength;
    if (total > maxBytes) throw tooLarge();
    parts.push(chunk);
  }
  return Buffer.concat(parts, total);
}
function manifestTooLarge(what) {
  return new VerificationError(
    "manifest-too-large",
    `${what} is larger than ${MAX_MANIFEST_BYTES} bytes, more than any registry accepts for a manifest; refusing to read it`
  );
}
function blobTooLarge(what, maxBytes) {
  return new VerificationError(
    "blob-too-large",
    `${what} is larger than the ${maxBytes}-byte limit for it; refusing to read it`
  );
}
function parseManifestDocument(bytes, source) {
  const { what } = source;
  if (source.expectedDigest !== void 0) verifyDigest(bytes, source.expectedDigest, what);
  const json = parseJsonObject(bytes, what);
  const mediaType = manifestMediaType(json, source.declaredMediaType);
  if (mediaType === void 0 || !MANIFEST_MEDIA_TYPES.includes(mediaType)) {
    throw new VerificationError(
      "unsupported-manifest-media-type",
      `${what} has media type ${JSON.stringify(mediaType ?? "(none)")}; the gate reads OCI image manifests and indexes and Docker schema 2 manifests and lists (push the image again with a current client)`
    );
  }
  return { digest: sha256Digest(bytes), mediaType, bytes, json };
}
function parseJsonObject(bytes, what) {
  let value;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new VerificationError("invalid-json", `${what} is not valid UTF-8 JSON`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new VerificationError("invalid-json", `${what} is not a JSON object`);
  }
  return value;
}
var GENERIC_MEDIA_TYPES = /* @__PURE__ */ new Set(["application/json", "application/octet-stream", "text/plain"]);
function manifestMediaType(json, declared) {
  if (typeof json.mediaType === "string") return json.mediaType;
  if (declared !== void 0 && !GENERIC_MEDIA_TYPES.has(declared)) return declared;
  if (json.schemaVersion !== 2) return void 0;
  if (Array.isArray(json.manifests)) return OCI_INDEX_MEDIA_TYPE;
  if (typeof json.config === "object" && Array.isArray(json.layers)) return OCI_MANIFEST_MEDIA_TYPE;
  return void 0;
}

export {
  OCI_MANIFEST_MEDIA_TYPE,
  OCI_INDEX_MEDIA_TYPE,
  DOCKER_MANIFEST_MEDIA_TYPE,
  MANIFEST_MEDIA_TYPES,
  MAX_MANIFEST_BYTES,
  DEFAULT_TAG,
  isIndexMediaType,
  sha256Digest,
  assertSha256Digest,
  verifyDigest,
  readBounded,
  manifestTooLarge,
  blobTooLarge,
  parseManifestDocument,
  parseJsonObject
};
