/**
 * The one tar reader: `tar-stream` (ustar, pax, GNU long names and base-256 sizes) with the
 * project's checks on top, so the layer scanner and the archive unpacker read every archive the
 * same way. On top of the library: a bound on the number of entries, pax `size` and other
 * numbers accepted only as plain decimals (the library reads them with parseInt, so `12abc` would
 * pass as 12), names normalized, and an archive that stops right after its last file's bytes
 * (umoci writes no padding or end blocks) accepted as whole, as the old readers did. Path
 * escapes, links and content limits are the caller's: what is safe depends on what it does.
 */
import { Readable } from 'node:stream';
import tarStream from 'tar-stream';

export class TarFormatError extends Error {}

export type TarEntryType = 'file' | 'directory' | 'symlink' | 'link' | 'other';

export interface TarEntryHeader {
  /** As written in the archive (pax or GNU long name applied), not yet checked. */
  name: string;
  type: TarEntryType;
  size: number;
  /** Hard links: an archive path; symbolic links: relative to the link's directory. */
  linkname?: string;
}

export interface TarReadLimits {
  /** More entries than this fail the archive. */
  maxEntries?: number;
}

const DEFAULT_MAX_ENTRIES = 1_000_000;

/**
 * Calls `onEntry` for each entry, in order, with its body as a stream; the body is drained after
 * `onEntry` returns if it did not read it. Throws TarFormatError for an archive that is not one.
 */
export async function readTarEntries(
  source: AsyncIterable<Uint8Array> | Readable,
  onEntry: (header: TarEntryHeader, body: AsyncIterable<Buffer>) => Promise<void> | void,
  limits: TarReadLimits = {},
): Promise<void> {
  const maxEntries = limits.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const extract = tarStream.extract();
  const input = source instanceof Readable ? source : Readable.from(source);
  input.on('error', (error) => extract.destroy(error));
  input.pipe(extract);
  let entries = 0;
  /** The last entry's body arrived whole: an archive ending there lacks only padding. */
  let lastBodyWhole = true;
  try {
    for await (const entry of extract) {
      if (++entries > maxEntries) throw new TarFormatError(`it has more than ${maxEntries} entries`);
      const header = entry.header;
      const paxSize = (header.pax as Record<string, string> | undefined)?.size;
      if (paxSize !== undefined && !/^\d+$/.test(paxSize)) {
        throw new TarFormatError('a pax size is not a decimal number');
      }
      if (!Number.isSafeInteger(header.size) || header.size < 0) {
        throw new TarFormatError('a header has an unreadable size');
      }
      const size = header.type === 'directory' ? 0 : header.size;
      let received = 0;
      lastBodyWhole = size === 0;
      const body = (async function* () {
        for await (const chunk of entry as AsyncIterable<Buffer>) {
          received += chunk.length;
          lastBodyWhole = received >= size;
          yield chunk;
        }
      })();
      await onEntry(
        {
          name: header.name,
          type: entryType(header.type),
          size,
          ...(header.linkname ? { linkname: header.linkname } : {}),
        },
        body,
      );
      // Whatever the caller left unread is skipped, so the next header can be read.
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        received += chunk.length;
        lastBodyWhole = received >= size;
      }
    }
  } catch (error) {
    input.unpipe(extract);
    input.destroy();
    if (error instanceof TarFormatError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    // The library ends the archive with "Unexpected end of data", or, while a body is being read,
    // destroys that body's stream first: either way the input stopped.
    const endedEarly =
      message === 'Unexpected end of data' || /Stream was destroyed|premature close/i.test(message);
    if (endedEarly && lastBodyWhole && entries > 0) return;
    if (endedEarly) throw new TarFormatError('the tar archive ends inside a file');
    if (/checksum|Invalid tar header/i.test(message)) throw new TarFormatError('a header has a bad checksum');
    if (/exceeds max size/i.test(message)) throw new TarFormatError('a tar extended header is too large');
    throw error instanceof Error && !(error instanceof TarFormatError) && isLibraryError(message)
      ? new TarFormatError(message.slice(0, 200))
      : error;
  }
}

function isLibraryError(message: string): boolean {
  return /header|tar|pax|Invalid/i.test(message);
}

function entryType(type: string | null | undefined): TarEntryType {
  switch (type) {
    case 'file':
    case 'contiguous-file':
      return 'file';
    case 'directory':
      return 'directory';
    case 'symlink':
      return 'symlink';
    case 'link':
      return 'link';
    default:
      return 'other';
  }
}

/** `./a/b/` → `a/b`: how the layer scanner names paths. */
export function normalizeTarPath(path: string): string {
  return path.replace(/^\.?\/+/, '').replace(/\/+$/, '');
}
