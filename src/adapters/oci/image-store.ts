/**
 * What the gate needs from wherever an image lives (a registry or an OCI layout on disk): manifests
 * and blobs by digest, each read checked against the digest it was asked for and bounded in size
 * while it streams in.
 */
import { createHash } from 'node:crypto';
import { VerificationError } from '../../errors.js';
import type { ImageReference } from '../../model/image-reference.js';

export const OCI_MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX_MEDIA_TYPE = 'application/vnd.oci.image.index.v1+json';
export const DOCKER_MANIFEST_MEDIA_TYPE = 'application/vnd.docker.distribution.manifest.v2+json';
export const DOCKER_MANIFEST_LIST_MEDIA_TYPE = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const MANIFEST_MEDIA_TYPES: readonly string[] = [
  OCI_MANIFEST_MEDIA_TYPE,
  OCI_INDEX_MEDIA_TYPE,
  DOCKER_MANIFEST_MEDIA_TYPE,
  DOCKER_MANIFEST_LIST_MEDIA_TYPE,
];

/** The limit the registry in distribution itself applies to manifests. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** The tag a registry reference without tag or digest means. */
export const DEFAULT_TAG = 'latest';

export interface ManifestDocument {
  digest: string;
  mediaType: string;
  bytes: Uint8Array;
  json: Record<string, unknown>;
}

/**
 * The manifests a store lists as referring to a digest (OCI 1.1 `subject`), or `supported: false`
 * when it cannot list them (a registry without the referrers API). The list is a claim: each
 * manifest must be read to learn what it is and what it is about.
 */
export type ReferrerListing =
  { supported: true; uri: string; digests: string[] } | { supported: false; uri: string };

export interface ImageStore {
  /** `docker`: an image saved from the local engine, which no registry may hold yet. */
  readonly kind: 'registry' | 'oci-layout' | 'docker';
  /** e.g. `http://127.0.0.1:5000/v2/acme/app` or `oci:/abs/path`; never contains credentials. */
  readonly location: string;
  /** By digest if the reference has one (even with a tag), else by tag: `latest` for a registry. */
  resolve(reference: ImageReference): Promise<ManifestDocument>;
  getManifest(digest: string): Promise<ManifestDocument>;
  getBlob(digest: string, maxBytes: number): Promise<Uint8Array>;
  /** The manifest a tag names, or undefined when there is no such tag. */
  findTag(tag: string): Promise<ManifestDocument | undefined>;
  listReferrers(digest: string): Promise<ReferrerListing>;
  /** Where a manifest (by digest or tag) of this store is, as a report names it. */
  manifestUri(digestOrTag: string): string;
  /** Removes what the store unpacked on disk (a saved image, an unpacked archive); it is not used after. */
  close?(): Promise<void>;
}

export function isIndexMediaType(mediaType: string): boolean {
  return mediaType === OCI_INDEX_MEDIA_TYPE || mediaType === DOCKER_MANIFEST_LIST_MEDIA_TYPE;
}

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/**
 * Digests we are asked to read come from manifests and index files we do not trust; they also end
 * up in URLs and file paths, so anything but `sha256:<64 hex>` is refused before it is used.
 */
export function assertSha256Digest(digest: string, what: string): void {
  if (!/^sha256:[a-f0-9]{64}$/.test(digest)) {
    throw new VerificationError(
      'invalid-digest',
      `${what} names the digest ${JSON.stringify(digest.slice(0, 100))}, which is not sha256:<64 lowercase hex>; the gate reads sha256 content only`,
    );
  }
}

export function verifyDigest(bytes: Uint8Array, expected: string, what: string): void {
  const actual = sha256Digest(bytes);
  if (actual !== expected) {
    throw new VerificationError(
      'digest-mismatch',
      `${what} was requested as ${expected} but its bytes hash to ${actual}: the content was altered or served for the wrong digest`,
    );
  }
}

/**
 * Reads a byte stream, failing as soon as it passes `maxBytes` so a huge or endless answer never
 * sits in memory. Throwing inside `for await` cancels the underlying stream.
 */
export async function readBounded(
  chunks: AsyncIterable<Uint8Array>,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.byteLength;
    if (total > maxBytes) throw tooLarge();
    parts.push(chunk);
  }
  return Buffer.concat(parts, total);
}

export function manifestTooLarge(what: string): VerificationError<'manifest-too-large'> {
  return new VerificationError(
    'manifest-too-large',
    `${what} is larger than ${MAX_MANIFEST_BYTES} bytes, more than any registry accepts for a manifest; refusing to read it`,
  );
}

export function blobTooLarge(what: string, maxBytes: number): VerificationError<'blob-too-large'> {
  return new VerificationError(
    'blob-too-large',
    `${what} is larger than the ${maxBytes}-byte limit for it; refusing to read it`,
  );
}

/**
 * Turns manifest bytes into a document: checks them against `expectedDigest` when the caller asked
 * by digest, parses the JSON and settles the media type (the body's `mediaType`, else the one the
 * registry or index declared, else the shape of an OCI manifest or index, which may omit the field).
 */
export function parseManifestDocument(
  bytes: Uint8Array,
  source: { what: string; expectedDigest?: string; declaredMediaType?: string },
): ManifestDocument {
  const { what } = source;
  if (source.expectedDigest !== undefined) verifyDigest(bytes, source.expectedDigest, what);
  const json = parseJsonObject(bytes, what);
  const mediaType = manifestMediaType(json, source.declaredMediaType);
  if (mediaType === undefined || !MANIFEST_MEDIA_TYPES.includes(mediaType)) {
    throw new VerificationError(
      'unsupported-manifest-media-type',
      `${what} has media type ${JSON.stringify(mediaType ?? '(none)')}; the gate reads OCI image manifests and indexes and Docker schema 2 manifests and lists (push the image again with a current client)`,
    );
  }
  return { digest: sha256Digest(bytes), mediaType, bytes, json };
}

export function parseJsonObject(bytes: Uint8Array, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new VerificationError('invalid-json', `${what} is not valid UTF-8 JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new VerificationError('invalid-json', `${what} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}

/** Content types some servers send for any file; they say nothing about which manifest this is. */
const GENERIC_MEDIA_TYPES = new Set(['application/json', 'application/octet-stream', 'text/plain']);

function manifestMediaType(json: Record<string, unknown>, declared: string | undefined): string | undefined {
  if (typeof json.mediaType === 'string') return json.mediaType;
  if (declared !== undefined && !GENERIC_MEDIA_TYPES.has(declared)) return declared;
  if (json.schemaVersion !== 2) return undefined;
  if (Array.isArray(json.manifests)) return OCI_INDEX_MEDIA_TYPE;
  if (typeof json.config === 'object' && Array.isArray(json.layers)) return OCI_MANIFEST_MEDIA_TYPE;
  return undefined;
}
