/**
 * Unpacks a tar file (what `docker save` writes, an OCI archive) into an empty directory, streaming
 * with backpressure so a large image never sits in memory. Only regular files and directories are
 * created. Links are recorded and followed inside the archive by `findFile`, never created on disk,
 * so no entry can write or point outside the directory. Each file's sha256 is computed as it is
 * written, so callers can check content against the digests that name it without reading it again.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { VerificationError } from '../errors.js';

export interface UnpackedFile {
  /** Where it was written. */
  path: string;
  size: number;
  digest: string;
}

export interface UnpackedArchive {
  root: string;
  /** Regular files by their normalized path in the archive. */
  files: Map<string, UnpackedFile>;
  /** Hard and symbolic links inside the archive: path → the archive path they point at. */
  links: Map<string, string>;
}

const BLOCK = 512;
/** Far more entries than any image archive has; a bound on the memory the file list takes. */
const MAX_ENTRIES = 100_000;
const MAX_EXTENDED_HEADER_BYTES = 1024 * 1024;
const MAX_LINK_HOPS = 16;
/** Names in image archives are digests, JSON files and `blobs/sha256/…`; anything else is refused. */
const NAME_COMPONENT = /^[A-Za-z0-9._+=@,-]+$/;

type Entry =
  | { kind: 'file'; name: string; handle: FileHandle; hash: Hash; path: string; size: number }
  | { kind: 'extended'; type: 'x' | 'g' | 'L' | 'K'; chunks: Buffer[] }
  | { kind: 'skip' };

/** Unpacks `tarPath` into `root` (an existing empty directory); `what` names the archive in errors. */
export async function unpackTar(tarPath: string, root: string, what: string): Promise<UnpackedArchive> {
  const invalid = (reason: string) =>
    new VerificationError('invalid-archive', `${what} is not a readable tar archive: ${reason}`);
  const archive: UnpackedArchive = { root, files: new Map(), links: new Map() };
  let entries = 0;
  // Set by a pax ('x') or GNU ('L'/'K') header for the entry that follows it.
  let next: { path?: string; linkPath?: string; size?: number } = {};

  /** Reads a header block and prepares its entry; undefined for the end-of-archive block. */
  const openEntry = async (block: Buffer): Promise<{ entry: Entry; size: number } | undefined> => {
    if (block.every((byte) => byte === 0)) return undefined;
    if (!validChecksum(block)) throw invalid('a header has a bad checksum');
    if (++entries > MAX_ENTRIES) throw invalid(`it has more than ${MAX_ENTRIES} entries`);
    const type = String.fromCharCode(block[156]!);
    if (type === 'x' || type === 'g' || type === 'L' || type === 'K') {
      const size = readNumber(block, 124, 12);
      if (size === undefined) throw invalid('a header has an unreadable size');
      if (size > MAX_EXTENDED_HEADER_BYTES) throw invalid('an extended header is over 1 MiB');
      return { entry: { kind: 'extended', type, chunks: [] }, size };
    }
    const size = next.size ?? readNumber(block, 124, 12);
    if (size === undefined) throw invalid('a header has an unreadable size');
    const prefix = block.subarray(257, 262).toString('latin1') === 'ustar' ? cString(block, 345, 155) : '';
    const rawName = next.path ?? (prefix ? `${prefix}/${cString(block, 0, 100)}` : cString(block, 0, 100));
    const rawLink = next.linkPath ?? cString(block, 157, 100);
    next = {};
    const name = archivePath(rawName);
    if (name === undefined) {
      throw invalid(
        `the entry ${JSON.stringify(rawName.slice(0, 200))} has a name outside the archive or with unexpected characters`,
      );
    }
    if (name === '') return { entry: { kind: 'skip' }, size }; // the archive's root directory
    if (type === '0' || type === '\0' || type === '7') {
      if (archive.files.has(name) || archive.links.has(name)) throw invalid(`${name} appears twice`);
      const path = join(root, ...name.split('/'));
      await mkdir(join(path, '..'), { recursive: true });
      // 'wx': never through an existing file; nothing else can have created one.
      const handle = await open(path, 'wx');
      return { entry: { kind: 'file', name, handle, hash: createHash('sha256'), path, size }, size };
    }
    if (type === '5') {
      await mkdir(join(root, ...name.split('/')), { recursive: true });
    } else if (type === '1' || type === '2') {
      // A hard link names an archive path; a symbolic link is relative to its own directory.
      const target =
        type === '1' ? archivePath(rawLink) : archivePath(posix.join(posix.dirname(name), rawLink));
      if (target !== undefined && target !== '') archive.links.set(name, target);
    }
    return { entry: { kind: 'skip' }, size };
  };

  const closeEntry = async (entry: Entry): Promise<void> => {
    if (entry.kind === 'file') {
      await entry.handle.close();
      archive.files.set(entry.name, {
        path: entry.path,
        size: entry.size,
        digest: `sha256:${entry.hash.digest('hex')}`,
      });
    } else if (entry.kind === 'extended') {
      const text = Buffer.concat(entry.chunks).toString('utf8');
      if (entry.type === 'L') next.path = text.replace(/\0.*$/s, '');
      else if (entry.type === 'K') next.linkPath = text.replace(/\0.*$/s, '');
      else if (entry.type === 'x') next = { ...next, ...paxRecords(text, invalid) };
    }
  };

  let header = Buffer.alloc(0);
  let ended = false;
  let entry: Entry = { kind: 'skip' };
  let bodyLeft = 0;
  let paddingLeft = 0;
  let inEntry = false;
  try {
    const chunks = createReadStream(tarPath, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>;
    for await (const chunk of chunks) {
      let offset = 0;
      while (offset < chunk.length && !ended) {
        if (!inEntry) {
          const take = Math.min(BLOCK - header.length, chunk.length - offset);
          header = Buffer.concat([header, chunk.subarray(offset, offset + take)]);
          offset += take;
          if (header.length < BLOCK) continue;
          const opened = await openEntry(header);
          header = Buffer.alloc(0);
          if (opened === undefined) {
            ended = true;
            continue;
          }
          entry = opened.entry;
          bodyLeft = opened.size;
          paddingLeft = (BLOCK - (opened.size % BLOCK)) % BLOCK;
          inEntry = true;
        } else if (bodyLeft > 0) {
          const piece = chunk.subarray(offset, offset + Math.min(bodyLeft, chunk.length - offset));
          offset += piece.length;
          bodyLeft -= piece.length;
          if (entry.kind === 'file') {
            entry.hash.update(piece);
            await writeAll(entry.handle, piece);
          } else if (entry.kind === 'extended') {
            entry.chunks.push(Buffer.from(piece));
          }
        } else {
          const skip = Math.min(paddingLeft, chunk.length - offset);
          offset += skip;
          paddingLeft -= skip;
        }
        if (inEntry && bodyLeft === 0 && paddingLeft === 0) {
          const done = entry;
          entry = { kind: 'skip' };
          inEntry = false;
          await closeEntry(done);
        }
      }
    }
  } catch (error) {
    if (entry.kind === 'file') await entry.handle.close().catch(() => undefined);
    if (error instanceof VerificationError) throw error;
    throw new VerificationError('invalid-archive', `cannot unpack ${what}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (inEntry || header.length > 0) {
    if (entry.kind === 'file') await entry.handle.close();
    throw invalid('it ends in the middle of an entry');
  }
  return archive;
}

async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  for (let written = 0; written < bytes.length;) {
    written += (await handle.write(bytes, written, bytes.length - written)).bytesWritten;
  }
}

/** The regular file at `path` in the archive, following links inside it; undefined when there is none. */
export function findFile(archive: UnpackedArchive, path: string): UnpackedFile | undefined {
  let current = archivePath(path);
  for (let hop = 0; current !== undefined && hop <= MAX_LINK_HOPS; hop++) {
    const file = archive.files.get(current);
    if (file) return file;
    current = archive.links.get(current);
  }
  return undefined;
}

/**
 * A normalized path inside the archive (`''` for its root), or undefined for one that is absolute,
 * climbs out with `..`, or has a component outside the characters image archives use.
 */
function archivePath(raw: string): string | undefined {
  if (raw.startsWith('/')) return undefined;
  const parts: string[] = [];
  for (const part of raw.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' || !NAME_COMPONENT.test(part)) return undefined;
    parts.push(part);
  }
  return parts.join('/');
}

function paxRecords(
  text: string,
  invalid: (reason: string) => Error,
): { path?: string; linkPath?: string; size?: number } {
  const found: { path?: string; linkPath?: string; size?: number } = {};
  let rest = Buffer.from(text, 'utf8');
  while (rest.length > 0) {
    const space = rest.indexOf(0x20);
    const length = Number(rest.subarray(0, space).toString('latin1'));
    if (space <= 0 || !Number.isSafeInteger(length) || length <= space || length > rest.length) {
      throw invalid('a pax header record is malformed');
    }
    const record = rest.subarray(space + 1, length - 1).toString('utf8');
    rest = rest.subarray(length);
    const equals = record.indexOf('=');
    const key = record.slice(0, equals);
    const value = record.slice(equals + 1);
    if (key === 'path') found.path = value;
    else if (key === 'linkpath') found.linkPath = value;
    else if (key === 'size') {
      if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)))
        throw invalid('a pax size is not a number');
      found.size = Number(value);
    }
  }
  return found;
}

function validChecksum(block: Buffer): boolean {
  const expected = readNumber(block, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  return expected === sum;
}

/** An octal field, or GNU's base-256 form (high bit set) for sizes over 8 GiB. */
function readNumber(block: Buffer, offset: number, length: number): number | undefined {
  const field = block.subarray(offset, offset + length);
  if (field[0]! & 0x80) {
    let value = field[0]! & 0x7f;
    for (const byte of field.subarray(1)) value = value * 256 + byte;
    return Number.isSafeInteger(value) ? value : undefined;
  }
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
  if (text === '') return 0;
  return /^[0-7]+$/.test(text) ? parseInt(text, 8) : undefined;
}

function cString(block: Buffer, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString('utf8');
}
