/**
 * SBOM files the workflow names (`sbom` input, `--sbom FILE`), read in a stream: hashed and parsed
 * chunk by chunk, never held whole. A file the workflow hands over counts for every gated platform,
 * as scan reports do: the workflow that built the image made it.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { OPEN_INPUT_FILE } from '../../adapters/files/regular-file.js';
import { ConfigurationError } from '../../errors.js';
import type { EvidenceSource, SbomDocument } from '../../model/evidence.js';
import { MAX_SBOM_BYTES, SbomReader } from './read-sbom.js';

const CHUNK_BYTES = 1024 * 1024;

export async function readSbomFile(path: string, workspace: string): Promise<SbomDocument> {
  const absolute = resolve(workspace, path);
  const rel = relative(workspace, absolute);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
  let handle;
  try {
    handle = await open(absolute, OPEN_INPUT_FILE);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigurationError(
      'sbom-not-found',
      `${shown}: cannot read the SBOM (${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')})`,
    );
  }
  try {
    const info = await handle.stat();
    if (!info.isFile())
      throw new ConfigurationError('sbom-not-a-file', `${shown}: the SBOM is not a regular file`);
    if (info.size > MAX_SBOM_BYTES) {
      throw new ConfigurationError(
        'sbom-too-large',
        `${shown}: the SBOM is ${info.size} bytes; the limit is ${MAX_SBOM_BYTES}`,
      );
    }
    // The digest is filled in once the last byte is read: the document names exactly what was judged.
    const source: EvidenceSource = { kind: 'file', uri: shown };
    const reader = new SbomReader(source, { kind: 'file' });
    const hash = createHash('sha256');
    let total = 0;
    for await (const chunk of handle.createReadStream({ highWaterMark: CHUNK_BYTES, autoClose: false })) {
      const bytes = chunk as Buffer;
      total += bytes.length;
      if (total > MAX_SBOM_BYTES) {
        throw new ConfigurationError(
          'sbom-too-large',
          `${shown}: the SBOM grew past ${MAX_SBOM_BYTES} bytes while being read`,
        );
      }
      hash.update(bytes);
      reader.write(bytes);
    }
    const document = reader.end();
    source.digest = `sha256:${hash.digest('hex')}`;
    return document;
  } finally {
    await handle.close();
  }
}
