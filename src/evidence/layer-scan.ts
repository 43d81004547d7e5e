/**
 * Reads an image's layers for files that carry credentials. Each layer is bounded twice: its
 * compressed size before it is fetched, and the bytes it unpacks to while it streams through
 * gunzip, so a huge layer or a decompression bomb is skipped with a note instead of filling memory.
 */
import { createGunzip } from 'node:zlib';
import type { ImageStore } from '../adapters/oci/image-store.js';
import { createTarReader, TarFormatError } from './tar-stream.js';
import { SECRET_FILE_READ_BYTES, secretFileKind, secretsInFile } from './secret-files.js';
import type { LayerScan, PlatformImage } from '../model/evidence.js';

export interface LayerScanLimits {
  maxLayerSize: number;
  maxUnpackedSize: number;
}

/** The defaults of `image.scan-layers: true`, the same as the schema's for the object form. */
export const DEFAULT_LAYER_SCAN_LIMITS: LayerScanLimits = {
  maxLayerSize: 64 * 1024 * 1024,
  maxUnpackedSize: 1024 * 1024 * 1024,
};

export async function scanLayersForSecrets(
  store: ImageStore,
  image: PlatformImage,
  limits: LayerScanLimits,
): Promise<LayerScan> {
  const scan: LayerScan = {
    manifestDigest: image.digest,
    platform: image.platform,
    scannedLayers: 0,
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
    const outcome = await scanTar(Buffer.from(bytes), gzip, limits.maxUnpackedSize);
    if ('skipped' in outcome) {
      scan.skipped.push({ layerDigest: layer.digest, reason: outcome.skipped });
      continue;
    }
    scan.scannedLayers++;
    for (const { path, kind, key, redacted } of outcome.findings) {
      scan.findings.push({ layerDigest: layer.digest, path, kind, key, redacted });
    }
  }
  return scan;
}

type TarOutcome =
  { findings: Array<{ path: string; kind: string; key?: string; redacted: string }> } | { skipped: string };

function scanTar(bytes: Buffer, gzip: boolean, maxUnpacked: number): Promise<TarOutcome> {
  const findings: Array<{ path: string; kind: string; key?: string; redacted: string }> = [];
  const reader = createTarReader({
    wantContent: (path) => (secretFileKind(path) ? SECRET_FILE_READ_BYTES : 0),
    onEntry: (entry) => {
      if (!entry.content) return;
      for (const match of secretsInFile(entry.path, entry.content))
        findings.push({ path: entry.path, ...match });
    },
  });
  if (!gzip) return feed(reader, [bytes], maxUnpacked, findings);
  return new Promise((resolve) => {
    const gunzip = createGunzip();
    let unpacked = 0;
    let settled = false;
    const settle = (outcome: TarOutcome) => {
      if (settled) return;
      settled = true;
      gunzip.destroy();
      resolve(outcome);
    };
    // The tar reader takes chunks asynchronously: gunzip waits for each, so memory stays bounded.
    gunzip.on('data', (chunk: Buffer) => {
      unpacked += chunk.length;
      if (unpacked > maxUnpacked)
        return settle({ skipped: `unpacks to more than ${maxUnpacked} bytes (stopped reading)` });
      gunzip.pause();
      reader.write(chunk).then(
        () => gunzip.resume(),
        (error: unknown) => settle({ skipped: describeTarError(error) }),
      );
    });
    gunzip.on('end', () => {
      reader.end().then(
        () => settle({ findings }),
        (error: unknown) => settle({ skipped: describeTarError(error) }),
      );
    });
    gunzip.on('error', (error) => settle({ skipped: `not a valid gzip stream: ${error.message}` }));
    gunzip.end(bytes);
  });
}

async function feed(
  reader: ReturnType<typeof createTarReader>,
  chunks: Buffer[],
  maxUnpacked: number,
  findings: Array<{ path: string; kind: string; key?: string; redacted: string }>,
): Promise<TarOutcome> {
  try {
    let total = 0;
    for (const chunk of chunks) {
      total += chunk.length;
      if (total > maxUnpacked) return { skipped: `more than ${maxUnpacked} bytes` };
      await reader.write(chunk);
    }
    await reader.end();
    return { findings };
  } catch (error) {
    return { skipped: describeTarError(error) };
  }
}

function describeTarError(error: unknown): string {
  return error instanceof TarFormatError
    ? `not a valid tar archive: ${error.message}`
    : `could not be read: ${String(error)}`;
}
