/**
 * A streaming reader of tar archives (ustar, pax and GNU long names) that hands each regular
 * file's path and, for the files the caller wants, up to a bounded number of content bytes. It never
 * holds more than one header and one bounded file in memory.
 */

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

const OTHER_TYPES: Record<string, TarOtherEntry['type']> = {
  '1': 'hardlink',
  '2': 'symlink',
  '5': 'directory',
};

export class TarFormatError extends Error {}

const BLOCK = 512;

export function createTarReader(options: TarReaderOptions) {
  let pending: Buffer = Buffer.alloc(0);
  let state: 'header' | 'body' | 'end' = 'header';
  let remaining = 0; // body bytes of the current entry, padded to a block
  let bodySize = 0;
  let current:
    | { path: string; type: string; keep: number; chunks: Buffer[]; kept: number; linkTarget: string }
    | undefined;
  let nextPath: string | undefined; // from a pax 'x' or GNU 'L' header
  let nextLinkTarget: string | undefined; // from a pax 'x' (linkpath) or GNU 'K' header
  let meta: Buffer[] | undefined; // collecting a pax/GNU header body

  function finishEntry(): void {
    if (!current) return;
    if (meta) {
      const text = Buffer.concat(meta).toString('utf8');
      if (current.type === 'L') nextPath = text.replace(/\0.*$/s, '');
      else if (current.type === 'K') nextLinkTarget = text.replace(/\0.*$/s, '');
      else if (current.type === 'x') {
        nextPath = paxPath(text) ?? nextPath;
        nextLinkTarget = paxRecordValue(text, 'linkpath') ?? nextLinkTarget;
      }
      meta = undefined;
    } else if (current.type === '0' || current.type === '\0' || current.type === '7') {
      options.onEntry({
        path: current.path,
        size: bodySize,
        content: current.keep > 0 ? Buffer.concat(current.chunks).subarray(0, current.keep) : undefined,
      });
    } else if (options.onOtherEntry && OTHER_TYPES[current.type]) {
      const type = OTHER_TYPES[current.type]!;
      options.onOtherEntry({
        path: current.path,
        type,
        ...(type === 'directory' ? {} : { linkTarget: current.linkTarget }),
      });
    }
    current = undefined;
  }

  function readHeader(block: Buffer): void {
    if (block.every((byte) => byte === 0)) {
      state = 'end';
      return;
    }
    if (!validChecksum(block)) throw new TarFormatError('a tar header has a bad checksum');
    const type = String.fromCharCode(block[156]!);
    const name = cString(block, 0, 100);
    const prefix = block.subarray(257, 263).toString('latin1').startsWith('ustar')
      ? cString(block, 345, 155)
      : '';
    const path = nextPath ?? (prefix ? `${prefix}/${name}` : name);
    const linkTarget = nextLinkTarget ?? cString(block, 157, 100);
    if (type !== 'x' && type !== 'L' && type !== 'K' && type !== 'g') {
      nextPath = undefined;
      nextLinkTarget = undefined;
    }
    bodySize = octal(block, 124, 12);
    remaining = Math.ceil(bodySize / BLOCK) * BLOCK;
    const isMeta = type === 'x' || type === 'L' || type === 'K' || type === 'g';
    if (isMeta && bodySize > 1024 * 1024) throw new TarFormatError('a tar extended header is over 1 MiB');
    meta = isMeta ? [] : undefined;
    const keep = isMeta
      ? 0
      : type === '0' || type === '\0' || type === '7'
        ? options.wantContent(normalize(path))
        : 0;
    current = { path: normalize(path), type, keep, chunks: [], kept: 0, linkTarget };
    state = 'body';
    if (remaining === 0) {
      finishEntry();
      state = 'header';
    }
  }

  return {
    write(chunk: Buffer): void {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      let offset = 0;
      while (state !== 'end') {
        if (state === 'header') {
          if (pending.length - offset < BLOCK) break;
          readHeader(pending.subarray(offset, offset + BLOCK));
          offset += BLOCK;
          continue;
        }
        const available = Math.min(remaining, pending.length - offset);
        if (available === 0) break;
        const slice = pending.subarray(offset, offset + available);
        const bodyOffset = Math.ceil(bodySize / BLOCK) * BLOCK - remaining;
        const useful = slice.subarray(0, Math.max(0, Math.min(slice.length, bodySize - bodyOffset)));
        if (meta) meta.push(Buffer.from(useful));
        else if (current && current.kept < current.keep && useful.length > 0) {
          const take = useful.subarray(0, current.keep - current.kept);
          current.chunks.push(Buffer.from(take));
          current.kept += take.length;
        }
        remaining -= available;
        offset += available;
        if (remaining === 0) {
          finishEntry();
          state = 'header';
        }
      }
      pending = pending.subarray(offset);
    },
    end(): void {
      if (state !== 'body') return;
      // Some writers (umoci among them) stop right after the last file's bytes, without padding
      // or end-of-archive blocks: that file is whole, so it counts.
      const received = Math.ceil(bodySize / BLOCK) * BLOCK - remaining;
      if (received < bodySize) throw new TarFormatError('the tar archive ends inside a file');
      finishEntry();
    },
  };
}

function paxPath(text: string): string | undefined {
  return paxRecordValue(text, 'path');
}

function paxRecordValue(text: string, key: string): string | undefined {
  for (const record of text.split('\n')) {
    const space = record.indexOf(' ');
    if (space !== -1 && record.startsWith(`${key}=`, space + 1)) return record.slice(space + 2 + key.length);
  }
  return undefined;
}

function normalize(path: string): string {
  return path.replace(/^\.?\/+/, '').replace(/\/+$/, '');
}

function cString(block: Buffer, start: number, length: number): string {
  const field = block.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString('utf8');
}

function octal(block: Buffer, start: number, length: number): number {
  const field = block.subarray(start, start + length);
  // GNU base-256 for sizes over 8 GiB.
  if (field[0]! & 0x80) {
    let value = 0;
    for (let i = 1; i < field.length; i++) value = value * 256 + field[i]!;
    return value;
  }
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
  const value = text === '' ? 0 : parseInt(text, 8);
  if (Number.isNaN(value)) throw new TarFormatError('a tar header has a malformed size');
  return value;
}

function validChecksum(block: Buffer): boolean {
  const stored = octal(block, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i]!;
  return sum === stored;
}
