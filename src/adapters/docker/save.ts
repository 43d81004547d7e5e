/**
 * Reads one image out of an unpacked `docker save` archive. Docker 25 and later write an OCI layout
 * (`oci-layout`, `index.json`, `blobs/sha256/…`) beside the older `manifest.json`; that layout is
 * read with the OCI layout store. Older engines and podman write only `manifest.json`, which lists
 * the config and uncompressed layer files but no manifest: the gate then describes them with a
 * Docker schema 2 manifest of its own, byte for byte the one podman keeps for a Docker-format
 * image. Either way the image must be the one the engine inspected: its config digest (or, with
 * containerd's image store, its manifest digest) is the image ID, and every layer file must hash
 * to the diff ID its config lists.
 */
import { readFile } from 'node:fs/promises';
import { VerificationError } from '../../errors.js';
import {
  DOCKER_MANIFEST_MEDIA_TYPE,
  MAX_MANIFEST_BYTES,
  assertSha256Digest,
  blobTooLarge,
  isIndexMediaType,
  parseJsonObject,
  parseManifestDocument,
  verifyDigest,
  type ManifestDocument,
} from '../oci/image-store.js';
import { OciLayoutStore } from '../oci/layout.js';
import { findFile, type UnpackedArchive, type UnpackedFile } from '../../archive/tar-unpack.js';

export const DOCKER_CONFIG_MEDIA_TYPE = 'application/vnd.docker.container.image.v1+json';
export const DOCKER_UNCOMPRESSED_LAYER_MEDIA_TYPE = 'application/vnd.docker.image.rootfs.diff.tar';
/** Image configs are small; one this large is not a config. */
const MAX_CONFIG_BYTES = 8 * 1024 * 1024;

export interface SavedImage {
  manifest: ManifestDocument;
  /** `engine`: the manifest the engine wrote; `described`: written here from `manifest.json`. */
  origin: 'engine' | 'described';
  getManifest(digest: string): Promise<ManifestDocument>;
  getBlob(digest: string, maxBytes: number): Promise<Uint8Array>;
}

/** The image `imageId` in the unpacked archive; `what` names the archive in errors. */
export async function openSavedImage(
  archive: UnpackedArchive,
  imageId: string,
  what: string,
): Promise<SavedImage> {
  assertSha256Digest(imageId, `the image ID of ${what}`);
  const fromLayout =
    archive.files.has('oci-layout') && archive.files.has('index.json')
      ? await readFromLayout(archive, imageId, what)
      : undefined;
  return fromLayout ?? readFromManifestJson(archive, imageId, what);
}

/** The index.json entry that is the image, or undefined when it lists none (Docker saves by ID so). */
async function readFromLayout(
  archive: UnpackedArchive,
  imageId: string,
  what: string,
): Promise<SavedImage | undefined> {
  const store = new OciLayoutStore(archive.root);
  const index = parseJsonObject(
    await readSmallFile(findFile(archive, 'index.json')!, MAX_MANIFEST_BYTES, what),
    `index.json of ${what}`,
  );
  const digests = Array.isArray(index.manifests)
    ? [...new Set(index.manifests.map((entry: unknown) => (entry as { digest?: unknown } | null)?.digest))]
    : [];
  for (const digest of digests) {
    if (typeof digest !== 'string') continue;
    const manifest = await store.getManifest(digest);
    const isImage =
      digest === imageId || (!isIndexMediaType(manifest.mediaType) && configDigest(manifest) === imageId);
    if (!isImage) continue;
    if (!isIndexMediaType(manifest.mediaType)) await checkLayerCount(manifest, store, what);
    return {
      manifest,
      origin: 'engine',
      getManifest: (wanted) => store.getManifest(wanted),
      getBlob: (wanted, maxBytes) => store.getBlob(wanted, maxBytes),
    };
  }
  return undefined;
}

async function readFromManifestJson(
  archive: UnpackedArchive,
  imageId: string,
  what: string,
): Promise<SavedImage> {
  const invalid = (reason: string) => new VerificationError('invalid-docker-archive', `${what}: ${reason}`);
  const listing = findFile(archive, 'manifest.json');
  if (!listing) throw invalid('it has neither an index.json entry for the image nor a manifest.json');
  let entries: unknown;
  try {
    entries = JSON.parse((await readSmallFile(listing, MAX_MANIFEST_BYTES, what)).toString());
  } catch {
    throw invalid('manifest.json is not valid JSON');
  }
  if (!Array.isArray(entries)) throw invalid('manifest.json is not a list');
  const entry = entries.find((candidate: unknown) => {
    const config = (candidate as { Config?: unknown } | null)?.Config;
    return typeof config === 'string' && findFile(archive, config)?.digest === imageId;
  }) as { Config: string; Layers?: unknown } | undefined;
  if (!entry) {
    throw invalid(
      `manifest.json lists no image whose config is ${imageId}, the image the engine inspected (if its tag moved meanwhile, run the gate again)`,
    );
  }
  const config = findFile(archive, entry.Config)!;
  const configJson = parseJsonObject(
    await readSmallFile(config, MAX_CONFIG_BYTES, what),
    `the config of ${what}`,
  );
  const diffIds = (configJson.rootfs as { diff_ids?: unknown } | undefined)?.diff_ids;
  const layerPaths = entry.Layers;
  if (!Array.isArray(diffIds) || !Array.isArray(layerPaths) || diffIds.length !== layerPaths.length) {
    throw invalid('manifest.json and the config do not list the same number of layers');
  }
  const blobs = new Map<string, UnpackedFile>([[imageId, config]]);
  const layers = layerPaths.map((path: unknown, position) => {
    const file = typeof path === 'string' ? findFile(archive, path) : undefined;
    if (!file)
      throw invalid(`layer ${position + 1} (${JSON.stringify(String(path).slice(0, 200))}) is missing`);
    // The diff ID is the digest of the uncompressed layer, which is what docker save writes.
    if (file.digest !== diffIds[position]) {
      throw invalid(
        `layer ${position + 1} hashes to ${file.digest}, not to ${JSON.stringify(String(diffIds[position]).slice(0, 100))}, the diff ID its config lists`,
      );
    }
    blobs.set(file.digest, file);
    return { mediaType: DOCKER_UNCOMPRESSED_LAYER_MEDIA_TYPE, size: file.size, digest: file.digest };
  });
  // Field order as Go's encoding/json writes containers/image's schema 2 manifest: the same bytes.
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: DOCKER_MANIFEST_MEDIA_TYPE,
      config: { mediaType: DOCKER_CONFIG_MEDIA_TYPE, size: config.size, digest: imageId },
      layers,
    }),
  );
  const manifest = parseManifestDocument(bytes, { what: `the manifest describing ${what}` });
  return {
    manifest,
    origin: 'described',
    getManifest: async (digest) => {
      if (digest === manifest.digest) return manifest;
      throw new VerificationError('manifest-not-found', `${what} holds no manifest ${digest}`);
    },
    getBlob: async (digest, maxBytes) => {
      const file = blobs.get(digest);
      if (!file) throw new VerificationError('blob-not-found', `${what} holds no blob ${digest}`);
      return readSmallFile(file, maxBytes, what, digest);
    },
  };
}

/** A manifest that lists fewer layers than its config has diff IDs leaves layers unjudged: refused. */
async function checkLayerCount(
  manifest: ManifestDocument,
  store: OciLayoutStore,
  what: string,
): Promise<void> {
  const config = configDigest(manifest);
  if (config === undefined) return;
  const configJson = parseJsonObject(
    await store.getBlob(config, MAX_CONFIG_BYTES),
    `config ${config} of ${what}`,
  );
  const diffIds = (configJson.rootfs as { diff_ids?: unknown } | undefined)?.diff_ids;
  const layers = manifest.json.layers;
  if (Array.isArray(diffIds) && Array.isArray(layers) && diffIds.length !== layers.length) {
    throw new VerificationError(
      'invalid-docker-archive',
      `${what}: manifest ${manifest.digest} lists ${layers.length} layers but its config has ${diffIds.length}; the engine saved the image incompletely (update Docker)`,
    );
  }
}

function configDigest(manifest: ManifestDocument): string | undefined {
  const digest = (manifest.json.config as { digest?: unknown } | undefined)?.digest;
  return typeof digest === 'string' ? digest : undefined;
}

async function readSmallFile(
  file: UnpackedFile,
  maxBytes: number,
  what: string,
  expectedDigest?: string,
): Promise<Buffer> {
  if (file.size > maxBytes) throw blobTooLarge(`${file.path} in ${what}`, maxBytes);
  const bytes = await readFile(file.path);
  if (expectedDigest !== undefined) verifyDigest(bytes, expectedDigest, `${file.path} in ${what}`);
  return bytes;
}
