/**
 * The layer scanner's view of a tar archive: each regular file's path and, for the files the
 * caller wants, up to a bounded number of content bytes, fed chunk by chunk as a layer unpacks.
 * The parsing is `../archive/tar-entries.ts` (tar-stream with the project's checks); this adds
 * only the bounded content. It never holds more than one bounded file in memory.
 */
import { PassThrough } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { once } from 'node:events';
import { normalizeTarPath, readTarEntries, TarFormatError, type TarEntryHeader } from './tar-entries.js';

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
  /** Entries that are not regular files (links, directories), for readers that rebuild a filesystem. */
  onOtherEntry?(entry: TarOtherEntry): void;
}

export interface TarOtherEntry {
  path: string;
  type: 'symlink' | 'hardlink' | 'directory';
  /** Where a link points, as the archive writes it. */
  linkTarget?: string;
}

const OTHER_TYPES: Partial<Record<TarEntryHeader['type'], TarOtherEntry['type']>> = {
  link: 'hardlink',
  symlink: 'symlink',
  directory: 'directory',
};

export interface TarReader {
  /** Resolves when the chunk is taken; rejects (TarFormatError) once the archive proved invalid. */
  write(chunk: Buffer): Promise<void>;
  /** Resolves when every entry has been handed over. */
  end(): Promise<void>;
}

export function createTarReader(options: TarReaderOptions): TarReader {
  const input = new PassThrough();
  const done = readTarEntries(input, async (header, body) => {
    const other = OTHER_TYPES[header.type];
    if (other && options.onOtherEntry) {
      options.onOtherEntry({
        path: normalizeTarPath(header.name),
        type: other,
        ...(header.linkname !== undefined ? { linkTarget: header.linkname } : {}),
      });
    }
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

/**
 * Streams a layer blob (gzip or plain tar) through a tar reader, with backpressure, and stops once
 * it unpacks to more than `maxUnpacked` bytes. Undefined when every entry was handed over, else
 * why the layer could not be read: a layer is evidence the gate may be unable to read, never a
 * reason to crash.
 */
export async function readLayerArchive(
  bytes: Buffer,
  gzip: boolean,
  maxUnpacked: number,
  options: TarReaderOptions,
): Promise<string | undefined> {
  const reader = createTarReader(options);
  if (!gzip) {
    if (bytes.length > maxUnpacked) return `more than ${maxUnpacked} bytes`;
    try {
      await reader.write(bytes);
      await reader.end();
      return undefined;
    } catch (error) {
      return describeTarError(error);
    }
  }
  const gunzip = createGunzip();
  gunzip.end(bytes);
  const chunks = gunzip[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let unpacked = 0;
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch (error) {
        return `not a valid gzip stream: ${error instanceof Error ? error.message : String(error)}`;
      }
      if (next.done) break;
      unpacked += next.value.length;
      if (unpacked > maxUnpacked) return `unpacks to more than ${maxUnpacked} bytes (stopped reading)`;
      await reader.write(next.value);
    }
    await reader.end();
    return undefined;
  } catch (error) {
    return describeTarError(error);
  } finally {
    gunzip.destroy();
  }
}

function describeTarError(error: unknown): string {
  return error instanceof TarFormatError
    ? `not a valid tar archive: ${error.message}`
    : `could not be read: ${String(error)}`;
}
