/**
 * Reads an image's layers for credentials: every regular file whose bytes are text (secret-files.ts
 * says which are skipped), up to a read limit per file. Each layer is bounded twice: its
 * compressed size before it is fetched, and the bytes it unpacks to while it streams through
 * gunzip, so a huge layer or a decompression bomb is skipped with a note instead of filling memory.
 * Whiteouts are followed: a file deleted or replaced by a later layer is still in the image (any
 * puller can read the earlier layer), so its findings stay, saying so.
 */
import type { ImageStore } from '../../adapters/oci/image-store.js';
import { readLayerArchive } from '../../archive/layer-reader.js';
import { DEFAULT_MAX_FILE_SIZE, decodeText, mayHoldCredentials } from './secret-files.js';
import type { SecretDetector } from './secrets.js';
import type { LayerScan, LayerSecretFinding, PlatformImage } from '../../model/evidence.js';

export interface LayerScanLimits {
  maxLayerSize: number;
  maxUnpackedSize: number;
  /** Bytes of each file that are read (its head, when it is larger). */
  maxFileSize: number;
}

/** The defaults of `image.scan-layers: true`, the same as the schema's for the object form. */
export const DEFAULT_LAYER_SCAN_LIMITS: LayerScanLimits = {
  maxLayerSize: 64 * 1024 * 1024,
  maxUnpackedSize: 1024 * 1024 * 1024,
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
};

export const DELETED_LATER = 'deleted in a later layer, still in the image';
export const REPLACED_LATER = 'replaced in a later layer, still in the image';

export async function scanLayersForSecrets(
  store: ImageStore,
  image: PlatformImage,
  limits: LayerScanLimits,
  detector: SecretDetector,
): Promise<LayerScan> {
  const scan: LayerScan = {
    manifestDigest: image.digest,
    platform: image.platform,
    scannedLayers: 0,
    filesRead: 0,
    skipped: [],
    findings: [],
  };
  for (const layer of image.layers) {
    if (layer.size > limits.maxLayerSize) {
      scan.skipped.push({
        layerDigest: layer.digest,
        reason: `${layer.size} bytes compressed, over the ${limits.maxLayerSize}-byte limit`,
      });
      continue;
    }
    const gzip = /\+gzip$|tar\.gzip$|rootfs\.diff\.tar\.gzip$/.test(layer.mediaType);
    if (!gzip && !/tar$/.test(layer.mediaType)) {
      scan.skipped.push({ layerDigest: layer.digest, reason: `media type ${layer.mediaType} is not read` });
      continue;
    }
    const bytes = await store.getBlob(layer.digest, limits.maxLayerSize);
    const layerScan = new LayerFiles(detector, limits.maxFileSize);
    const outcome = await readTar(Buffer.from(bytes), gzip, limits.maxUnpackedSize, layerScan);
    if (outcome) {
      scan.skipped.push({ layerDigest: layer.digest, reason: outcome });
      continue;
    }
    const found = await layerScan.findings();
    // What this layer deletes or replaces, earlier layers still carry.
    for (const earlier of scan.findings) {
      const fate = layerScan.fateOf(earlier.path);
      if (fate && !earlier.note) earlier.note = fate;
    }
    scan.scannedLayers++;
    scan.filesRead! += layerScan.filesRead;
    for (const finding of found) scan.findings.push({ layerDigest: layer.digest, ...finding });
  }
  return scan;
}

/** One layer's files: scans the text ones and remembers its whiteouts and the paths it writes. */
class LayerFiles {
  filesRead = 0;
  private readonly pending: Array<Promise<Array<Omit<LayerSecretFinding, 'layerDigest'>>>> = [];
  private readonly written = new Set<string>();
  private readonly deleted: string[] = [];
  private readonly opaque: string[] = [];
  private failure: unknown;

  constructor(
    private readonly detector: SecretDetector,
    private readonly maxFileSize: number,
  ) {}

  wantContent(path: string): number {
    return isWhiteout(path) || !mayHoldCredentials(path) ? 0 : this.maxFileSize;
  }

  onEntry(path: string, size: number, content: Buffer | undefined): void {
    const slash = path.lastIndexOf('/');
    const dir = slash === -1 ? '' : path.slice(0, slash + 1);
    const base = path.slice(slash + 1);
    if (base === '.wh..wh..opq') return void this.opaque.push(dir);
    if (base.startsWith('.wh.')) return void this.deleted.push(dir + base.slice(4));
    this.written.add(path);
    if (!content || content.length === 0) return;
    const text = decodeText(content, size > content.length);
    if (text === undefined) return;
    this.filesRead++;
    // Handled at once: a scan that fails before the layer ends must not be an unhandled rejection.
    this.pending.push(
      this.detector.scan(text).then(
        (matches) => matches.map((match) => ({ path, ...match })),
        (error: unknown) => {
          this.failure ??= error;
          return [];
        },
      ),
    );
  }

  async findings(): Promise<Array<Omit<LayerSecretFinding, 'layerDigest'>>> {
    const found = (await Promise.all(this.pending)).flat();
    if (this.failure !== undefined) throw this.failure;
    return found;
  }

  /** What this layer did to a path an earlier layer wrote. */
  fateOf(path: string): string | undefined {
    if (this.deleted.some((gone) => path === gone || path.startsWith(`${gone}/`))) return DELETED_LATER;
    if (this.opaque.some((dir) => path.startsWith(dir))) return DELETED_LATER;
    return this.written.has(path) ? REPLACED_LATER : undefined;
  }
}

function isWhiteout(path: string): boolean {
  return path.slice(path.lastIndexOf('/') + 1).startsWith('.wh.');
}

/** Streams the layer through the tar reader; the reason it could not be read, if it could not. */
function readTar(
  bytes: Buffer,
  gzip: boolean,
  maxUnpacked: number,
  files: LayerFiles,
): Promise<string | undefined> {
  return readLayerArchive(bytes, gzip, maxUnpacked, {
    wantContent: (path) => files.wantContent(path),
    onEntry: (entry) => files.onEntry(entry.path, entry.size, entry.content),
  });
}
