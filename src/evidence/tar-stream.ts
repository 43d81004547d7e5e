/**
 * The layer scanner's view of a tar archive: each regular file's path and, for the files the
 * caller wants, up to a bounded number of content bytes, fed chunk by chunk as a layer unpacks.
 * The parsing is `../archive/tar-entries.ts` (tar-stream with the project's checks); this adds
 * only the bounded content. It never holds more than one bounded file in memory.
 */
import { PassThrough } from 'node:stream';
import { once } from 'node:events';
import { normalizeTarPath, readTarEntries, TarFormatError } from '../archive/tar-entries.js';

export { TarFormatError };

export interface TarEntry {
  path: string;
  size: number;
  /** The first bytes of the content when `wantContent` asked for them. */
  content?: Buffer;
}

export interface TarReaderOptions {
  /** Which files' content to keep, and how many bytes of it. */
  wantContent(path: string): number;
  onEntry(entry: TarEntry): void;
}

export interface TarReader {
  /** Resolves when the chunk is taken; rejects (TarFormatError) once the archive proved invalid. */
  write(chunk: Buffer): Promise<void>;
  /** Resolves when every entry has been handed over. */
  end(): Promise<void>;
}

export function createTarReader(options: TarReaderOptions): TarReader {
  const input = new PassThrough();
  const done = readTarEntries(input, async (header, body) => {
    if (header.type !== 'file') return;
    const path = normalizeTarPath(header.name);
    const keep = options.wantContent(path);
    const chunks: Buffer[] = [];
    let kept = 0;
    for await (const chunk of body) {
      if (kept >= keep) continue;
      const take = chunk.subarray(0, keep - kept);
      chunks.push(Buffer.from(take));
      kept += take.length;
    }
    options.onEntry({ path, size: header.size, content: keep > 0 ? Buffer.concat(chunks) : undefined });
  });
  // Observed through write() and end(); never left unhandled in between.
  done.catch(() => undefined);
  return {
    async write(chunk) {
      if (!input.write(chunk)) await Promise.race([once(input, 'drain'), done]);
    },
    async end() {
      input.end();
      await done;
    },
  };
}
