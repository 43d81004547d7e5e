/**
 * Unpacks a tar file (what `docker save` writes, an OCI archive) into an empty directory, streaming
 * with backpressure so a large image never sits in memory. Only regular files and directories are
 * created. Links are recorded and followed inside the archive by `findFile`, never created on disk,
 * so no entry can write or point outside the directory. Each file's sha256 is computed as it is
 * written, so callers can check content against the digests that name it without reading it again.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { VerificationError } from '../errors.js';
import type { FileHandle } from 'node:fs/promises';

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

/** Far more entries than any image archive has; a bound on the memory the file list takes. */
const MAX_ENTRIES = 100_000;
const MAX_LINK_HOPS = 16;
/** Names in image archives are digests, JSON files and `blobs/sha256/…`; anything else is refused. */
const NAME_COMPONENT = /^[A-Za-z0-9._+=@,-]+$/;

/** Unpacks `tarPath` into `root` (an existing empty directory); `what` names the archive in errors. */
export async function unpackTar(tarPath: string, root: string, what: string): Promise<UnpackedArchive> {
  const invalid = (reason: string) =>
    new VerificationError('invalid-archive', `${what} is not a readable tar archive: ${reason}`);
  const archive: UnpackedArchive = { root, files: new Map(), links: new Map() };
  // Loaded here: only local images (docker:, oci-archive:) unpack, so start-up does not parse tar-stream.
  const { readTarEntries, TarFormatError } = await import('./tar-entries.js');
  const source = createReadStream(tarPath, { highWaterMark: 1024 * 1024 });
  try {
    await readTarEntries(
      source,
      async (header, body) => {
        const name = archivePath(header.name);
        if (name === undefined) {
          throw invalid(
            `the entry ${JSON.stringify(header.name.slice(0, 200))} has a name outside the archive or with unexpected characters`,
          );
        }
        if (name === '') return; // the archive's root directory
        if (header.type === 'file') {
          if (archive.files.has(name) || archive.links.has(name)) throw invalid(`${name} appears twice`);
          const path = join(root, ...name.split('/'));
          await mkdir(join(path, '..'), { recursive: true });
          // 'wx': never through an existing file; nothing else can have created one.
          const handle = await open(path, 'wx');
          const hash = createHash('sha256');
          let size = 0;
          try {
            for await (const piece of body) {
              hash.update(piece);
              size += piece.length;
              await writeAll(handle, piece);
            }
          } finally {
            await handle.close();
          }
          if (size !== header.size) throw invalid('it ends in the middle of an entry');
          archive.files.set(name, { path, size, digest: `sha256:${hash.digest('hex')}` });
        } else if (header.type === 'directory') {
          await mkdir(join(root, ...name.split('/')), { recursive: true });
        } else if (header.type === 'link' || header.type === 'symlink') {
          // A hard link names an archive path; a symbolic link is relative to its own directory.
          const rawLink = header.linkname ?? '';
          const target =
            header.type === 'link'
              ? archivePath(rawLink)
              : archivePath(posix.join(posix.dirname(name), rawLink));
          if (target !== undefined && target !== '') archive.links.set(name, target);
        }
        // Anything else (devices, FIFOs) is not created.
      },
      { maxEntries: MAX_ENTRIES },
    );
  } catch (error) {
    source.destroy();
    if (error instanceof VerificationError) throw error;
    if (error instanceof TarFormatError) {
      throw invalid(
        /ends inside a file/.test(error.message) ? 'it ends in the middle of an entry' : error.message,
      );
    }
    throw new VerificationError('invalid-archive', `cannot unpack ${what}: ${(error as Error).message}`, {
      cause: error,
    });
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
