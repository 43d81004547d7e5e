/**
 * How a file a user or a checkout names is read: only a regular file, and at most `maxBytes`. A
 * path can name a FIFO, `/dev/zero` or a symlink to either (a pull request can commit such a
 * symlink under the policy's name): opening a FIFO waits for a writer forever and a device never
 * ends, so the open does not block (O_NONBLOCK, no effect on regular files), anything but a regular
 * file is refused, and reading stops at the limit even if the file grows meanwhile.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** The flags every input file is opened with: see above. */
export const OPEN_INPUT_FILE = constants.O_RDONLY | constants.O_NONBLOCK;

export type RegularFileRead =
  | { ok: true; bytes: Buffer }
  | { ok: false; problem: 'missing' | 'not-a-file' }
  | { ok: false; problem: 'too-large'; size: number }
  | { ok: false; problem: 'unreadable'; code: string };

export async function readRegularFile(path: string, maxBytes: number): Promise<RegularFileRead> {
  let handle;
  try {
    handle = await open(path, OPEN_INPUT_FILE);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return code === 'ENOENT' ? { ok: false, problem: 'missing' } : { ok: false, problem: 'unreadable', code };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, problem: 'not-a-file' };
    if (info.size > maxBytes) return { ok: false, problem: 'too-large', size: info.size };
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - length));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > maxBytes) return { ok: false, problem: 'too-large', size: length };
    }
    return { ok: true, bytes: Buffer.concat(chunks, length) };
  } catch (error) {
    return { ok: false, problem: 'unreadable', code: (error as NodeJS.ErrnoException).code ?? 'unreadable' };
  } finally {
    await handle.close();
  }
}
