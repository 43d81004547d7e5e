import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError } from '../../../src/errors.js';
import {
  JsonStreamParser,
  type JsonPath,
  type JsonStreamHooks,
  type JsonStreamLimits,
} from '../../../src/evidence/scans/json-stream.js';
import { fixturePath } from '../../support/fixtures.js';

/** A whole text in one write. */
function parseJsonBytes(
  bytes: Uint8Array | string,
  file: string,
  hooks?: JsonStreamHooks,
  limits?: JsonStreamLimits,
): unknown {
  const parser = new JsonStreamParser(file, hooks, limits);
  parser.write(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
  return parser.end();
}

function jsonFixtures(): string[] {
  const root = fixturePath('third-party');
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(json|sarif|golden)$/.test(name) && statSync(path).size < 2_000_000) found.push(path);
    }
  };
  walk(root);
  return found;
}

/** Feeds the bytes in pieces of the given sizes, cycling, so every boundary case gets hit. */
function parseInPieces(bytes: Buffer, sizes: number[], file = 'x.json'): unknown {
  const parser = new JsonStreamParser(file);
  let offset = 0;
  for (let turn = 0; offset < bytes.length; turn++) {
    const size = sizes[turn % sizes.length]!;
    parser.write(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return parser.end();
}

function errorOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('streaming JSON parser', () => {
  it('agrees with JSON.parse on every third-party JSON fixture, in any chunking', () => {
    const files = jsonFixtures();
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const bytes = readFileSync(file);
      let expected: unknown;
      try {
        expected = JSON.parse(bytes.toString('utf8'));
      } catch {
        // Some fixtures are malformed on purpose: we must reject them too.
        expect(errorOf(() => parseJsonBytes(bytes, file))).toContain('invalid JSON');
        continue;
      }
      expect(parseJsonBytes(bytes, file)).toEqual(expected);
      expect(parseInPieces(bytes, [1, 2, 3, 7, 64])).toEqual(expected);
    }
  });

  it('decodes escapes, surrogate pairs and multi-byte characters split across chunks', () => {
    const text = JSON.stringify({
      s: 'a\u00e9\u4e2d\ud83d\ude00"\\/\b\f\n\r\t\u0001z',
      n: [-0.5e-3, 0, 12, 1e21],
    });
    const bytes = Buffer.from(text.replace('\\u0001', '\\u0001'), 'utf8');
    for (const size of [1, 2, 3, 5]) expect(parseInPieces(bytes, [size])).toEqual(JSON.parse(text));
    expect(parseJsonBytes('"\\ud83d\\ude00 \\u00E9"', 'u.json')).toBe('\ud83d\ude00 \u00e9');
  });

  it('keeps "__proto__" as an own property, as JSON.parse does', () => {
    const value = parseJsonBytes('{"__proto__": {"polluted": true}, "a": 1}', 'p.json') as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('hands over the elements of the arrays asked for, with path and position, and leaves them empty', () => {
    const text = '{"runs": [\n  {"results": [{"a": 1},\n   {"b": [2]}]},\n  {"results": []}\n]}';
    const seen: Array<{ path: JsonPath; index: number; value: unknown; line: number; column: number }> = [];
    const asked: JsonPath[] = [];
    const document = parseJsonBytes(text, 's.json', {
      streamArray: (path) => {
        asked.push(path);
        return path.length === 3 && path[0] === 'runs' && path[2] === 'results';
      },
      element: (path, index, value, start) =>
        seen.push({ path, index, value, line: start!.line, column: start!.column }),
    });
    expect(document).toEqual({ runs: [{ results: [] }, { results: [] }] });
    expect(seen).toEqual([
      { path: ['runs', 0, 'results'], index: 0, value: { a: 1 }, line: 2, column: 16 },
      { path: ['runs', 0, 'results'], index: 1, value: { b: [2] }, line: 3, column: 4 },
    ]);
    // Arrays inside a streamed element are part of it: nobody is asked about them.
    expect(asked).toEqual([['runs'], ['runs', 0, 'results'], ['runs', 1, 'results']]);
  });

  it.each([
    ['{\n  "a": [}\n', 'e.json:2:9: invalid JSON: unexpected "}"'],
    ['{"a" 1}', 'e.json:1:6: invalid JSON: expected ":" after a property name, found "1"'],
    ["{'a': 1}", `e.json:1:2: invalid JSON: expected a property name in double quotes, found "'"`],
    ['[1, 2', 'e.json:1:6: invalid JSON: unexpected end of input'],
    ['{"a": "unterminated', 'e.json:1:20: invalid JSON: unterminated string'],
    ['[1 2]', 'e.json:1:4: invalid JSON: expected "," or "]", found "2"'],
    ['[01]', 'e.json:1:2: invalid JSON: bad number'],
    ['[1.]', 'e.json:1:2: invalid JSON: bad number'],
    ['[tru]', 'e.json:1:5: invalid JSON: unexpected "]"'],
    ['["a\tb"]', 'e.json:1:4: invalid JSON: control character inside a string'],
    ['["\\x"]', 'e.json:1:4: invalid JSON: bad escape in a string'],
    ['["\\u12G4"]', 'e.json:1:7: invalid JSON: bad \\u escape'],
    ['{} {}', 'e.json:1:4: invalid JSON: unexpected "{" after the end of the document'],
    ['', 'e.json:1:1: invalid JSON: unexpected end of input'],
    ['["é", é]', 'e.json:1:7: invalid JSON: unexpected non-ASCII character'],
    ['{"a": \u0007}', 'e.json:1:7: invalid JSON: unexpected character U+0007'],
  ])('names file, line and column for %j', (text, message) => {
    expect(errorOf(() => parseJsonBytes(text, 'e.json'))).toBe(message);
    // The same error whatever the chunking.
    expect(errorOf(() => parseInPieces(Buffer.from(text), [1], 'e.json'))).toBe(message);
  });

  it('refuses strings and nesting past its limits, naming where they start', () => {
    const limits = { maxDepth: 8, maxStringBytes: 16 };
    expect(errorOf(() => parseJsonBytes('[\n "0123456789abcdefXYZ"]', 'l.json', undefined, limits))).toBe(
      'l.json:2:2: invalid JSON: string longer than 16 bytes',
    );
    expect(errorOf(() => parseJsonBytes('[[[[[[[[[[]]]]]]]]]]', 'l.json', undefined, limits))).toBe(
      'l.json:1:9: invalid JSON: nesting deeper than 8 levels',
    );
  });

  it('accepts a UTF-8 byte order mark', () => {
    expect(parseJsonBytes(Buffer.from('\ufeff{"a": 1}', 'utf8'), 'b.json')).toEqual({ a: 1 });
  });

  it('agrees with JSON.parse on thousands of damaged documents: same verdict, same value', () => {
    const source = readFileSync(fixturePath('third-party/trivy/alpine-39.json.golden'));
    let seed = 7;
    const random = (limit: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % limit;
    };
    const alphabet = Buffer.from('{}[]",:\\0123456789eE.-+ tfnul\n\u0001');
    let rejected = 0;
    for (let round = 0; round < 1200; round++) {
      const damaged = Buffer.from(source);
      const at = random(damaged.length);
      const cut = random(3) === 0;
      const bytes = cut ? damaged.subarray(0, at) : damaged;
      if (!cut) bytes[at] = alphabet[random(alphabet.length)]!;
      let expected: unknown;
      let valid = true;
      try {
        expected = JSON.parse(bytes.toString('utf8'));
      } catch {
        valid = false;
      }
      if (valid) {
        expect(parseInPieces(bytes, [97, 13])).toEqual(expected);
      } else {
        rejected++;
        expect(errorOf(() => parseInPieces(bytes, [97, 13]))).toMatch(
          /^x\.json:\d+:\d+: invalid JSON: [^\n]+$/,
        );
      }
    }
    expect(rejected).toBeGreaterThan(400);
  });
});
