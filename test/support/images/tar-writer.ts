/**
 * Writes ustar archives entry by entry, including the entries no well-behaved tool writes (names
 * that climb out, links that point outside, truncated bodies), to test what reads them.
 */
import { createHash } from 'node:crypto';

export interface TarEntrySpec {
  name: string;
  /** '0' file (default), '1' hard link, '2' symlink, '5' directory, 'x' pax header, 'L' GNU long name. */
  type?: string;
  content?: string | Buffer;
  linkName?: string;
}

export function tarArchive(entries: TarEntrySpec[], options: { end?: boolean } = {}): Buffer {
  const blocks = entries.flatMap((entry) => {
    const content = Buffer.from(entry.content ?? '');
    const header = tarHeader(entry.name, entry.type ?? '0', content.length, entry.linkName ?? '');
    const padding = Buffer.alloc((512 - (content.length % 512)) % 512);
    return [header, content, padding];
  });
  return Buffer.concat([...blocks, ...(options.end === false ? [] : [Buffer.alloc(1024)])]);
}

/** A pax extended header record list: `LEN key=value\n` with LEN counting itself. */
export function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = body.length + 1;
  while (`${length}${body}`.length !== length) length++;
  return `${length}${body}`;
}

export function sha256(bytes: string | Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function tarHeader(name: string, type: string, size: number, linkName: string): Buffer {
  const header = Buffer.alloc(512);
  header.write(name.slice(0, 100), 0, 'utf8');
  header.write('0000644\0', 100, 'latin1');
  header.write('0000000\0', 108, 'latin1');
  header.write('0000000\0', 116, 'latin1');
  header.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  header.write('00000000000\0', 136, 'latin1');
  header.write('        ', 148, 'latin1');
  header.write(type, 156, 'latin1');
  header.write(linkName.slice(0, 100), 157, 'utf8');
  header.write('ustar\0', 257, 'latin1');
  header.write('00', 263, 'latin1');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return header;
}
