/**
 * The streaming reader hands whole array elements to native JSON.parse when a chunk holds them, and
 * reads byte by byte otherwise. Both paths must agree on every value, element position and error:
 * one-byte chunks force the byte path, one big chunk takes the native path where it can.
 */
import { JsonStreamParser } from '../../src/evidence/scans/json-stream.js';

function read(bytes: Buffer, chunkSize: number): string {
  const elements: unknown[] = [];
  const parser = new JsonStreamParser('f.json', {
    streamArray: (path) => path.length === 1 && path[0] === 'V',
    element: (_path, index, value, start) => elements.push([index, value, start]),
  });
  try {
    for (let offset = 0; offset < bytes.length; offset += chunkSize)
      parser.write(bytes.subarray(offset, offset + chunkSize));
    return JSON.stringify({ elements, root: parser.end() });
  } catch (error) {
    return `error: ${(error as Error).message} after ${elements.length} element(s)`;
  }
}

// A seeded generator keeps the cases the same on every run; fast-check shrinking adds nothing here.
function generator(seed: number) {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const strings = ['a', 'b', 'é', '😀', '日本', 'x\\"y', '\\\\', '\\u00e9', '__proto__', 'a\\nb', ''];
  const space = () => pick(['', '', ' ', '\n  ', '\t']);
  const value = (depth: number): string => {
    const kind = random();
    if (depth > 3 || kind < 0.3)
      return pick(['1', '-2.5e3', 'true', 'null', 'false', `"${pick(strings)}"`, '0']);
    const count = Math.floor(random() * 4);
    if (kind < 0.6)
      return `[${space()}${Array.from({ length: count }, () => value(depth + 1)).join(`,${space()}`)}${space()}]`;
    const members = Array.from(
      { length: count },
      () => `"${pick(strings)}"${space()}:${space()}${value(depth + 1)}`,
    );
    return `{${space()}${members.join(`,${space()}`)}${space()}}`;
  };
  return () => {
    const elements = Array.from({ length: 1 + Math.floor(random() * 5) }, () => value(1));
    const bytes = Buffer.from(`{"V":[${elements.join(',\n ')}], "w": ${value(1)}}`, 'utf8');
    // Half the documents get one corrupted byte, so error positions are compared too.
    if (random() < 0.5)
      bytes[Math.floor(random() * bytes.length)] = pick([
        0x22, 0x5c, 0x7d, 0x5d, 0x3a, 0x2c, 0x01, 0xff, 0x0a, 0x31, 0x61,
      ]);
    return bytes;
  };
}

describe('the native fast path of the streaming JSON reader', () => {
  it('agrees with the byte-by-byte path on values, element positions and errors', () => {
    const next = generator(20261128);
    const mismatches: string[] = [];
    for (let round = 0; round < 3000 && mismatches.length < 3; round++) {
      const bytes = next();
      const slow = read(bytes, 1);
      const whole = read(bytes, 1 << 20);
      const mixed = read(bytes, 1 + (round % 37));
      if (slow !== whole || slow !== mixed)
        mismatches.push(`${JSON.stringify(bytes.toString())}\n${slow}\n${whole}\n${mixed}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses a duplicate key inside a natively parsed element, as the byte path does', () => {
    const bytes = Buffer.from('{"V":[{"a":{"b":1,"b":2}}]}');
    expect(read(bytes, 1 << 20)).toBe(read(bytes, 1));
    expect(read(bytes, 1 << 20)).toMatch(
      /^error: f\.json:1:19: invalid JSON: the same key twice in one object/,
    );
  });
});
