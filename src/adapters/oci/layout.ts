/**
 * An OCI image layout on disk (image-spec `image-layout.md`): the `oci-layout` marker, `index.json`
 * and content-addressed `blobs/sha256/<hex>`. The layout may come from an untrusted build, so every
 * blob is read through its real path, must stay inside the layout and must hash to its name.
 *
 * Signatures and attestations can travel in a layout three ways, and each is read as its registry
 * counterpart: under cosign's tags (`sha256-<hex>.sig`/`.att`, e.g. copied with skopeo or oras);
 * as manifests whose `subject` is the image (`oras copy --recursive`), which stand in for the
 * referrers API; and as `cosign save` writes them, untagged entries of kind
 * `dev.cosignproject.cosign/sigs`/`atts` beside the one image, read as that image's cosign tags.
 */
import { constants } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { ConfigurationError, VerificationError } from '../../errors.js';
import { OPEN_INPUT_FILE } from '../files/regular-file.js';
import type { ImageReference } from '../../model/image-reference.js';
import {
  MAX_MANIFEST_BYTES,
  assertSha256Digest,
  blobTooLarge,
  manifestTooLarge,
  parseJsonObject,
  parseManifestDocument,
  readBounded,
  verifyDigest,
  type ImageStore,
  type ManifestDocument,
  type ReferrerListing,
} from './image-store.js';

const REF_NAME_ANNOTATION = 'org.opencontainers.image.ref.name';
const LAYOUT_VERSION = '1.0.0';
/** `cosign save` marks each index.json entry with what it is. */
const COSIGN_KIND_ANNOTATION = 'kind';
const COSIGN_IMAGE_KINDS = new Set(['dev.cosignproject.cosign/image', 'dev.cosignproject.cosign/imageIndex']);
const COSIGN_ATTACHMENT_KINDS: Record<string, string> = {
  '.sig': 'dev.cosignproject.cosign/sigs',
  '.att': 'dev.cosignproject.cosign/atts',
};
/** Tags that hold signatures, attestations or referrers of a digest, never the image itself. */
const ATTACHMENT_TAG = /^sha256-[a-f0-9]{64}(?:\.[a-z]+)?$/;
const COSIGN_TAG = /^(sha256)-([a-f0-9]{64})(\.sig|\.att)$/;

interface IndexEntry {
  digest: string;
  mediaType?: string;
  tag?: string;
  kind?: string;
}

export class OciLayoutStore implements ImageStore {
  readonly kind = 'oci-layout';
  readonly location: string;
  private readonly root: string;
  private realRoot?: Promise<string>;
  private entries?: Promise<IndexEntry[]>;
  private subjects?: Promise<Array<{ digest: string; subject?: string }>>;

  constructor(path: string) {
    this.root = resolve(path);
    this.location = `oci:${this.root}`;
  }

  async resolve(reference: ImageReference): Promise<ManifestDocument> {
    const entries = await this.indexEntries();
    const { digest } = reference;
    if (digest !== undefined) {
      assertSha256Digest(digest, `the reference to ${this.location}`);
      const listed = entries.find((entry) => entry.digest === digest);
      return this.readManifest(digest, listed?.mediaType, 'named by the user');
    }
    const entry = await this.pickEntry(entries, reference.tag);
    return this.readManifest(entry.digest, entry.mediaType, 'named by the user');
  }

  async findTag(tag: string): Promise<ManifestDocument | undefined> {
    const entries = await this.indexEntries();
    const tagged = entries.filter((entry) => entry.tag === tag);
    if (tagged.length > 1) {
      throw new VerificationError(
        'ambiguous-tag',
        `tag ${JSON.stringify(tag)} names ${tagged.length} manifests in ${join(this.root, 'index.json')}; the layout is inconsistent`,
      );
    }
    const entry = tagged[0] ?? this.cosignSavedAttachment(entries, tag);
    return entry && this.readManifest(entry.digest, entry.mediaType, 'referenced by other content');
  }

  /** The manifests in index.json whose `subject` is `digest`: what a registry's referrers API would list. */
  async listReferrers(digest: string): Promise<ReferrerListing> {
    const subjects = await this.subjectsOfEntries();
    return {
      supported: true,
      uri: join(this.root, 'index.json'),
      digests: subjects.filter((entry) => entry.subject === digest).map((entry) => entry.digest),
    };
  }

  manifestUri(digestOrTag: string): string {
    return `${this.location}${digestOrTag.startsWith('sha256:') ? '@' : ':'}${digestOrTag}`;
  }

  /** `cosign save` keeps the image's signatures and attestations untagged, marked by kind. */
  private cosignSavedAttachment(entries: IndexEntry[], tag: string): IndexEntry | undefined {
    const match = COSIGN_TAG.exec(tag);
    if (!match) return undefined;
    const [, algorithm, hex, suffix = ''] = match;
    const images = entries.filter((entry) => entry.kind !== undefined && COSIGN_IMAGE_KINDS.has(entry.kind));
    if (images.length !== 1 || images[0]?.digest !== `${algorithm}:${hex}`) return undefined;
    return entries.find((entry) => entry.kind === COSIGN_ATTACHMENT_KINDS[suffix]);
  }

  private subjectsOfEntries(): Promise<Array<{ digest: string; subject?: string }>> {
    this.subjects ??= this.indexEntries().then((entries) =>
      Promise.all(
        entries.map(async (entry) => {
          const manifest = await this.readManifest(
            entry.digest,
            entry.mediaType,
            'referenced by other content',
          );
          const { subject } = manifest.json;
          const subjectDigest =
            typeof subject === 'object' && subject !== null
              ? (subject as { digest?: unknown }).digest
              : undefined;
          return typeof subjectDigest === 'string'
            ? { digest: entry.digest, subject: subjectDigest }
            : { digest: entry.digest };
        }),
      ),
    );
    return this.subjects;
  }

  async getManifest(digest: string): Promise<ManifestDocument> {
    assertSha256Digest(digest, `a manifest requested from ${this.location}`);
    const listed = (await this.indexEntries()).find((entry) => entry.digest === digest);
    return this.readManifest(digest, listed?.mediaType, 'referenced by other content');
  }

  async getBlob(digest: string, maxBytes: number): Promise<Uint8Array> {
    assertSha256Digest(digest, `a blob requested from ${this.location}`);
    const path = this.blobPath(digest);
    const bytes = await this.readContained(
      path,
      maxBytes,
      () => blobTooLarge(`blob ${path}`, maxBytes),
      () => {
        throw new VerificationError(
          'blob-not-found',
          `blob ${path} is missing: the OCI layout ${this.root} is incomplete; write it again`,
        );
      },
    );
    verifyDigest(bytes, digest, `blob ${path}`);
    return bytes;
  }

  private async pickEntry(entries: IndexEntry[], tag: string | undefined): Promise<IndexEntry> {
    const tags = entries.flatMap((entry) => (entry.tag === undefined ? [] : [JSON.stringify(entry.tag)]));
    const available = tags.length > 0 ? `available tags: ${tags.join(', ')}` : 'it has no tagged manifests';
    if (tag === undefined) {
      const images = await this.imageEntries(entries);
      const [only, ...others] = images;
      if (only && others.length === 0) return only;
      throw new ConfigurationError(
        only ? 'ambiguous-image-reference' : 'manifest-not-found',
        only
          ? `the OCI layout ${this.root} holds ${images.length} images; name one as oci:PATH:TAG (${available})`
          : `the OCI layout ${this.root} holds no images`,
      );
    }
    const matches = entries.filter((entry) => entry.tag === tag);
    const [match, ...others] = matches;
    if (!match) {
      throw new ConfigurationError(
        'manifest-not-found',
        `tag ${JSON.stringify(tag)} is not in the OCI layout ${this.root} (${available})`,
      );
    }
    if (others.length > 0) {
      throw new ConfigurationError(
        'ambiguous-image-reference',
        `tag ${JSON.stringify(tag)} names ${matches.length} manifests in ${join(this.root, 'index.json')}; name one by digest as oci:PATH@sha256:…`,
      );
    }
    return match;
  }

  /** Entries that can be the image: not a signature, attestation or referrer attached to one. */
  private async imageEntries(entries: IndexEntry[]): Promise<IndexEntry[]> {
    const candidates = entries.filter(
      (entry) =>
        !Object.values(COSIGN_ATTACHMENT_KINDS).includes(entry.kind ?? '') &&
        !(entry.tag !== undefined && ATTACHMENT_TAG.test(entry.tag)),
    );
    if (candidates.length <= 1) return candidates;
    const referrers = new Set(
      (await this.subjectsOfEntries()).flatMap((entry) =>
        entry.subject === undefined ? [] : [entry.digest],
      ),
    );
    return candidates.filter((entry) => !referrers.has(entry.digest));
  }

  private async readManifest(
    digest: string,
    declaredMediaType: string | undefined,
    origin: 'named by the user' | 'referenced by other content',
  ): Promise<ManifestDocument> {
    const path = this.blobPath(digest);
    const what = `manifest ${path}`;
    const bytes = await this.readContained(
      path,
      MAX_MANIFEST_BYTES,
      () => manifestTooLarge(what),
      () => {
        const message = `${what} is missing from the OCI layout ${this.root}`;
        throw origin === 'named by the user'
          ? new ConfigurationError('manifest-not-found', `${message}: check the digest`)
          : new VerificationError(
              'manifest-not-found',
              `${message}: the layout is incomplete; write it again`,
            );
      },
    );
    return parseManifestDocument(bytes, {
      what,
      expectedDigest: digest,
      ...(declaredMediaType === undefined ? {} : { declaredMediaType }),
    });
  }

  /** index.json read once: the layout is the user's input, so its problems are configuration errors. */
  private indexEntries(): Promise<IndexEntry[]> {
    this.entries ??= this.readIndexEntries();
    return this.entries;
  }

  private async readIndexEntries(): Promise<IndexEntry[]> {
    const markerPath = join(this.root, 'oci-layout');
    const marker = await this.readLayoutJson(markerPath, () => {
      throw new ConfigurationError(
        'oci-layout-not-found',
        `no OCI image layout at ${this.root} (${markerPath} is missing); point oci:PATH at a directory written by skopeo, umoci, buildx --output type=oci or similar`,
      );
    });
    if (marker.imageLayoutVersion !== LAYOUT_VERSION) {
      throw new ConfigurationError(
        'invalid-oci-layout',
        `${markerPath} declares imageLayoutVersion ${JSON.stringify(marker.imageLayoutVersion)}; the gate reads version ${LAYOUT_VERSION} layouts`,
      );
    }
    const indexPath = join(this.root, 'index.json');
    const index = await this.readLayoutJson(indexPath, () => {
      throw new ConfigurationError(
        'invalid-oci-layout',
        `${indexPath} is missing; the OCI layout ${this.root} is incomplete`,
      );
    });
    if (!Array.isArray(index.manifests)) {
      throw new ConfigurationError('invalid-oci-layout', `${indexPath} has no "manifests" array`);
    }
    return index.manifests.map((descriptor: unknown, position) => {
      const entry = descriptor as {
        digest?: unknown;
        mediaType?: unknown;
        annotations?: Record<string, unknown>;
      };
      if (typeof entry !== 'object' || entry === null || typeof entry.digest !== 'string') {
        throw new ConfigurationError(
          'invalid-oci-layout',
          `${indexPath}: manifests[${position}] has no digest`,
        );
      }
      assertSha256Digest(entry.digest, `${indexPath}: manifests[${position}]`);
      const tag = entry.annotations?.[REF_NAME_ANNOTATION];
      const kind = entry.annotations?.[COSIGN_KIND_ANNOTATION];
      return {
        digest: entry.digest,
        ...(typeof entry.mediaType === 'string' ? { mediaType: entry.mediaType } : {}),
        ...(typeof tag === 'string' ? { tag } : {}),
        ...(typeof kind === 'string' ? { kind } : {}),
      };
    });
  }

  private async readLayoutJson(path: string, missing: () => never): Promise<Record<string, unknown>> {
    const bytes = await this.readContained(path, MAX_MANIFEST_BYTES, () => manifestTooLarge(path), missing);
    try {
      return parseJsonObject(bytes, path);
    } catch (error) {
      throw new ConfigurationError('invalid-oci-layout', (error as Error).message);
    }
  }

  private blobPath(digest: string): string {
    // `digest` has passed assertSha256Digest, so the hex part cannot hold `/` or `..`.
    return join(this.root, 'blobs', 'sha256', digest.slice('sha256:'.length));
  }

  /**
   * Reads a regular file whose real path (symlinks resolved) is inside the layout's real root, and
   * stops once it passes `maxBytes`. `missing` throws the caller's error for an absent file.
   */
  private async readContained(
    path: string,
    maxBytes: number,
    tooLarge: () => Error,
    missing: () => never,
  ): Promise<Uint8Array> {
    const root = await this.rootRealPath();
    let real: string;
    try {
      real = await realpath(path);
    } catch (error) {
      if (isNotFound(error)) missing();
      throw unreadable(path, error);
    }
    if (!real.startsWith(root + sep)) {
      throw new VerificationError(
        'oci-layout-escape',
        `${path} resolves to ${real}, outside the OCI layout ${root}; refusing to read through a symlink that leaves the layout`,
      );
    }
    // O_NOFOLLOW: the real path has no symlink left in its last component, so one appearing there
    // now is a swap we refuse. OPEN_INPUT_FILE: a FIFO is refused below rather than waited on.
    let handle: FileHandle;
    try {
      handle = await open(real, OPEN_INPUT_FILE | constants.O_NOFOLLOW);
    } catch (error) {
      if (isNotFound(error)) missing();
      throw unreadable(path, error);
    }
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) {
        throw new VerificationError('invalid-oci-layout', `${path} is not a regular file`);
      }
      if (stats.size > maxBytes) throw tooLarge();
      return await readBounded(handle.createReadStream({ autoClose: false }), maxBytes, tooLarge);
    } finally {
      await handle.close();
    }
  }

  private rootRealPath(): Promise<string> {
    this.realRoot ??= realpath(this.root).catch((error: unknown) => {
      if (!isNotFound(error)) throw unreadable(this.root, error);
      throw new ConfigurationError(
        'oci-layout-not-found',
        `no OCI image layout at ${this.root}: the directory does not exist; check the oci:PATH reference`,
      );
    });
    return this.realRoot;
  }
}

function unreadable(path: string, error: unknown): VerificationError<'oci-layout-unreadable'> {
  return new VerificationError(
    'oci-layout-unreadable',
    `cannot read ${path} (${errorCode(error) ?? 'unknown error'})`,
    {
      cause: error,
    },
  );
}

function isNotFound(error: unknown): boolean {
  return errorCode(error) === 'ENOENT';
}

function errorCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}
