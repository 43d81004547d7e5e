/** Gathers the evidence for one run: the image by digest, then every scan report named. */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { ConfigurationError } from '../errors.js';
import type { ImageReference } from '../adapters/image-reference.js';
import { parseImageReference } from '../adapters/image-reference.js';
import type { ImageStore } from '../adapters/image-store.js';
import type { RunInputs } from '../inputs.js';
import { collectImageEvidence } from './image.js';
import { MAX_SCAN_BYTES, parseScanReport } from './scans/parse.js';
import type { Evidence, ScanReport } from './types.js';

export interface EvidenceDeps {
  openImageStore(reference: ImageReference): ImageStore;
}

export async function collectEvidence(inputs: RunInputs, deps: EvidenceDeps): Promise<Evidence> {
  const parsed = anchorLayoutPath(parseImageReference(inputs.image), inputs.workspace);
  // Scans are local files: read them while the registry answers.
  const [image, scans] = await Promise.all([
    collectImageEvidence(
      { reference: inputs.image, parsed, digest: inputs.digest, platform: inputs.platform },
      deps.openImageStore(parsed),
    ),
    Promise.all(inputs.scanPaths.map((path) => readScanReport(path, inputs.workspace))),
  ]);
  return { image, scans, discovered: [] };
}

/** A relative `oci:PATH` is relative to the workspace, like every other path the user gives. */
function anchorLayoutPath(reference: ImageReference, workspace: string): ImageReference {
  return reference.kind === 'oci-layout'
    ? { ...reference, path: resolve(workspace, reference.path) }
    : reference;
}

export async function readScanReport(path: string, workspace: string): Promise<ScanReport> {
  const absolute = resolve(workspace, path);
  const shown = displayPath(absolute, workspace);
  const bytes = await readBounded(absolute, shown, MAX_SCAN_BYTES);
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  return parseScanReport(bytes.toString('utf8'), { kind: 'file', uri: shown, digest });
}

/** Reads at most `limit` bytes, so a huge or endless file (a FIFO, /dev/zero) cannot exhaust memory. */
async function readBounded(path: string, shown: string, limit: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigurationError(
      'scan-not-found',
      `${shown}: cannot read scan report (${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')})`,
    );
  }
  try {
    const info = await handle.stat();
    if (!info.isFile())
      throw new ConfigurationError('scan-not-a-file', `${shown}: scan report is not a regular file`);
    if (info.size > limit) {
      throw new ConfigurationError(
        'scan-too-large',
        `${shown}: scan report is ${info.size} bytes; the limit is ${limit}`,
      );
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

export function displayPath(absolute: string, workspace: string): string {
  const rel = relative(workspace, absolute);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
}
