/**
 * Reading a large input file (a scan report, an SBOM) in a stream: opened like every input file
 * (never blocking on a FIFO), refused unless it is a regular file, handed over chunk by chunk and
 * hashed on the way, so the document can name exactly the bytes that were judged.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { OPEN_INPUT_FILE } from './regular-file.js';

const CHUNK_BYTES = 1024 * 1024;

/** The errors to raise, in the words of the caller's kind of document. */
export interface StreamedFileErrors {
  /** `reason`: "no such file", or the system's code. */
  missing(reason: string): Error;
  notAFile(): Error;
}

/** At most `bytes`; `error` when the file is larger (`whileReading`: it grew past it as it was read). */
export interface StreamedFileLimit {
  bytes: number;
  error(bytes: number, whileReading: boolean): Error;
}

/** Streams the file at `absolute` to `onChunk`; resolves to its `sha256:` digest. */
export async function streamInputFile(
  absolute: string,
  options: { errors: StreamedFileErrors; limit?: StreamedFileLimit },
  onChunk: (bytes: Buffer) => void,
): Promise<string> {
  const { errors, limit } = options;
  let handle;
  try {
    handle = await open(absolute, OPEN_INPUT_FILE);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw errors.missing(code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable'));
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw errors.notAFile();
    if (limit && info.size > limit.bytes) throw limit.error(info.size, false);
    const hash = createHash('sha256');
    let total = 0;
    for await (const chunk of handle.createReadStream({ highWaterMark: CHUNK_BYTES, autoClose: false })) {
      const bytes = chunk as Buffer;
      total += bytes.length;
      if (limit && total > limit.bytes) throw limit.error(total, true);
      hash.update(bytes);
      onChunk(bytes);
    }
    return `sha256:${hash.digest('hex')}`;
  } finally {
    await handle.close();
  }
}

/** The path relative to `root` when it is inside it, else undefined. */
export function pathInside(absolute: string, root: string): string | undefined {
  const rel = relative(root, absolute);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : undefined;
}
