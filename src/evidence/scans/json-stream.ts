/**
 * A streaming JSON parser: bytes in, chunk by chunk. Arrays the caller asks for are not built:
 * each of their elements is built alone, handed over with its position, and dropped, so a 200 MB
 * report never exists as one object graph. Everything else is built as JSON.parse would build it.
 *
 * Errors are one line, `file:line:column: invalid JSON: …`, and never echo the input: a hostile
 * report cannot write into the log through us. Columns count characters, not bytes.
 */
import { ConfigurationError } from '../../errors.js';

export type JsonPath = ReadonlyArray<string | number>;

export interface JsonPosition {
  line: number;
  column: number;
}

export interface JsonStreamHooks {
  /** Asked at the start of every array outside a streamed one: true hands its elements over one by one. */
  streamArray(path: JsonPath): boolean;
  /** One element of a streamed array, complete; `arrayPath` is the array's own path. */
  element(arrayPath: JsonPath, index: number, value: unknown, start: JsonPosition | undefined): void;
}

export interface JsonStreamLimits {
  maxDepth: number;
  /** Longest string (in UTF-8 bytes) accepted; a longer one is an error, not an allocation. */
  maxStringBytes: number;
}

export const DEFAULT_JSON_LIMITS: JsonStreamLimits = { maxDepth: 512, maxStringBytes: 16 * 1024 * 1024 };

const enum State {
  Value,
  ValueOrArrayEnd,
  AfterValue,
  KeyOrObjectEnd,
  Key,
  Colon,
  String,
  Escape,
  Unicode,
  Number,
  Literal,
  Done,
}

/**
 * Buffer's own decoder, without the argument checks `toString` wraps it in: strings are most of a
 * report, and those checks cost more than the decoding.
 */
type SlicingBuffer = Buffer & { utf8Slice(start: number, end: number): string };

interface Frame {
  isArray: boolean;
  array: unknown[] | undefined;
  object: Record<string, unknown> | undefined;
  key: string;
  index: number;
  /** Set when this array's elements are handed to the hooks instead of kept. */
  streamedPath: JsonPath | undefined;
  elementStart: JsonPosition | undefined;
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f]/;
const MAX_NUMBER_CHARACTERS = 400;
const NUMBER_PATTERN = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const LITERALS: Record<string, { text: string; value: unknown }> = {
  t: { text: 'true', value: true },
  f: { text: 'false', value: false },
  n: { text: 'null', value: null },
};
const SIMPLE_ESCAPES: Record<number, string> = {
  0x22: '"',
  0x5c: '\\',
  0x2f: '/',
  0x62: '\b',
  0x66: '\f',
  0x6e: '\n',
  0x72: '\r',
  0x74: '\t',
};

export class JsonStreamParser {
  private state = State.Value;
  private readonly frames: Frame[] = [];
  /** Index in `frames` of the innermost streamed array, or -1: below it nothing is asked or streamed. */
  private streamedFrame = -1;
  private root: unknown = undefined;

  // Position: absolute byte offset of the current chunk's start, the current line, where it began,
  // and how many UTF-8 continuation bytes it has had so far (so columns count characters).
  private chunkOffset = 0;
  private line = 1;
  private lineStart = 0;
  /** Bytes on this line that are not characters of their own (UTF-8 continuation bytes). */
  private lineExtraBytes = 0;
  /** Where the next backslash of the current chunk is (the chunk's length when there is none). */
  private nextBackslash = -1;
  private sawFirstByte = false;

  // The string being read: decoded pieces, raw bytes carried over from earlier chunks, its length.
  private stringParts: string[] = [];
  private stringCarry: Buffer[] = [];
  private stringBytes = 0;
  /** Characters (in the source) of the current string so far: where inside it an error is. */
  private stringColumns = 0;
  private stringIsKey = false;
  private stringStart: JsonPosition = { line: 1, column: 1 };
  private unicodeDigits = '';
  private numberText = '';
  private numberStart: JsonPosition = { line: 1, column: 1 };
  private literal = '';
  private literalMatched = 0;

  constructor(
    private readonly file: string,
    private readonly hooks?: JsonStreamHooks,
    private readonly limits: JsonStreamLimits = DEFAULT_JSON_LIMITS,
  ) {}

  write(input: Uint8Array): void {
    const chunk = Buffer.isBuffer(input)
      ? input
      : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    let i = 0;
    const n = chunk.length;
    if (!this.sawFirstByte && n > 0) {
      this.sawFirstByte = true;
      // A UTF-8 byte order mark, as some Windows tools write, is not content.
      if (n >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        i = 3;
        this.lineStart = 3;
      }
    }
    while (i < n) {
      const b = chunk[i]!;
      switch (this.state) {
        case State.String: {
          // Native searches find the closing quote and the next backslash; the bytes between are
          // decoded in one go. Only what JSON forbids inside a string needs a look at each character.
          if (this.nextBackslash < i) {
            const found = chunk.indexOf(0x5c, i);
            this.nextBackslash = found === -1 ? n : found;
          }
          const quote = chunk.indexOf(0x22, i);
          const stop = Math.min(quote === -1 ? n : quote, this.nextBackslash);
          this.growString(stop - i);
          if (stop === n) {
            if (n > i) this.stringCarry.push(Buffer.from(chunk.subarray(i, n)));
            i = n;
            break;
          }
          const piece = this.decodeRaw(chunk, i, stop);
          i = stop + 1;
          if (chunk[stop] === 0x5c) {
            if (piece) this.stringParts.push(piece);
            this.state = State.Escape;
          } else if (this.stringParts.length === 0) {
            // Most strings: whole in one chunk, no escape, one decode.
            this.finishString(piece);
          } else {
            if (piece) this.stringParts.push(piece);
            const text = this.stringParts.join('');
            this.stringParts = [];
            this.finishString(text);
          }
          break;
        }
        case State.Escape: {
          if (b === 0x75) {
            this.unicodeDigits = '';
            this.state = State.Unicode;
          } else {
            const simple = SIMPLE_ESCAPES[b];
            if (simple === undefined) this.fail(i, 'bad escape in a string');
            this.stringParts.push(simple);
            this.stringColumns += 2;
            this.state = State.String;
          }
          this.growString(1);
          i++;
          break;
        }
        case State.Unicode: {
          const isHex = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
          if (!isHex) this.fail(i, 'bad \\u escape');
          this.unicodeDigits += String.fromCharCode(b);
          if (this.unicodeDigits.length === 4) {
            this.stringParts.push(String.fromCharCode(parseInt(this.unicodeDigits, 16)));
            this.stringColumns += 6;
            this.state = State.String;
          }
          i++;
          break;
        }
        case State.Number: {
          let j = i;
          while (j < n && isNumberByte(chunk[j]!)) j++;
          this.numberText += chunk.toString('latin1', i, j);
          if (this.numberText.length > MAX_NUMBER_CHARACTERS)
            this.failAt(this.numberStart, 'number too long');
          i = j;
          if (j < n) this.finishNumber();
          break;
        }
        case State.Literal: {
          const expected = this.literal.charCodeAt(this.literalMatched);
          if (b !== expected) this.fail(i, `unexpected ${describeByte(b)}`);
          this.literalMatched++;
          i++;
          if (this.literalMatched === this.literal.length) {
            this.completeValue(LITERALS[this.literal[0]!]!.value);
          }
          break;
        }
        default: {
          // Structural states: skip whitespace, then one token.
          if (b === 0x20 || b === 0x09 || b === 0x0d) {
            i++;
            break;
          }
          if (b === 0x0a) {
            i++;
            this.line++;
            this.lineStart = this.chunkOffset + i;
            this.lineExtraBytes = 0;
            break;
          }
          if (
            (b === 0x7b || b === 0x5b) &&
            (this.state === State.Value || this.state === State.ValueOrArrayEnd) &&
            this.streamedFrame !== -1 &&
            this.streamedFrame === this.frames.length - 1
          ) {
            const end = this.nativeElement(chunk, i);
            if (end !== -1) {
              i = end;
              break;
            }
          }
          this.structural(chunk, i, b);
          i++;
        }
      }
    }
    this.chunkOffset += n;
    this.nextBackslash = -1;
  }

  /** The document, with every streamed array left empty. Throws when the input ended early. */
  end(): unknown {
    if (this.state === State.Number) this.finishNumber();
    if (this.state !== State.Done) {
      const where = this.positionAt(this.chunkOffset);
      const problem =
        this.state === State.String || this.state === State.Escape || this.state === State.Unicode
          ? 'unterminated string'
          : 'unexpected end of input';
      throw this.error(where, problem);
    }
    return this.root;
  }

  /**
   * An object or array in a streamed array that ends in this chunk goes to the native JSON.parse,
   * several times faster than reading it here byte by byte, when nothing in it could read
   * differently: JSON.parse throwing, an object's key repeated (JSON.parse keeps the last one
   * silently), nesting or a string or number past our limits, all leave the element to the byte
   * path, which finds the same error at the same position. Returns where the element ends, or -1.
   */
  private nativeElement(chunk: Buffer, start: number): number {
    const scan = scanElement(chunk, start, this.limits.maxDepth - this.frames.length);
    if (scan === undefined || scan.end - start > this.limits.maxStringBytes) return -1;
    const text = (chunk as SlicingBuffer).utf8Slice(start, scan.end);
    let value: unknown;
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      return -1;
    }
    // Every key in the text is an own property of one object in the value, unless a key repeats.
    if (countKeys(value) !== scan.keys) return -1;
    this.frames[this.frames.length - 1]!.elementStart = this.positionAt(this.chunkOffset + start);
    // Where the byte path would be now: lines seen, and columns counting characters on the last.
    if (scan.lastNewline === -1) {
      this.lineExtraBytes += scan.end - start - text.length;
    } else {
      this.line += scan.newlines;
      this.lineStart = this.chunkOffset + scan.lastNewline + 1;
      this.lineExtraBytes =
        scan.end -
        scan.lastNewline -
        1 -
        (chunk as SlicingBuffer).utf8Slice(scan.lastNewline + 1, scan.end).length;
    }
    this.completeValue(value);
    return scan.end;
  }

  private structural(chunk: Buffer, i: number, b: number): void {
    switch (this.state) {
      case State.Done:
        this.fail(i, `unexpected ${describeByte(b)} after the end of the document`);
        return;
      case State.Colon:
        if (b !== 0x3a) this.fail(i, `expected ":" after a property name, found ${describeByte(b)}`);
        this.state = State.Value;
        return;
      case State.KeyOrObjectEnd:
      case State.Key:
        if (b === 0x7d && this.state === State.KeyOrObjectEnd) {
          this.closeContainer();
          return;
        }
        if (b !== 0x22) this.fail(i, `expected a property name in double quotes, found ${describeByte(b)}`);
        this.startString(i, true);
        return;
      case State.AfterValue: {
        const top = this.frames[this.frames.length - 1]!;
        if (b === 0x2c) {
          this.state = top.isArray ? State.Value : State.Key;
          return;
        }
        if ((top.isArray && b === 0x5d) || (!top.isArray && b === 0x7d)) {
          this.closeContainer();
          return;
        }
        this.fail(i, `expected "," or "${top.isArray ? ']' : '}'}", found ${describeByte(b)}`);
        return;
      }
      case State.ValueOrArrayEnd:
        if (b === 0x5d) {
          this.closeContainer();
          return;
        }
        this.startValue(chunk, i, b);
        return;
      case State.Value:
        this.startValue(chunk, i, b);
        return;
    }
  }

  private startValue(chunk: Buffer, i: number, b: number): void {
    const top = this.frames[this.frames.length - 1];
    if (top?.streamedPath !== undefined) top.elementStart = this.positionAt(this.chunkOffset + i);
    if (b === 0x22) {
      this.startString(i, false);
    } else if (b === 0x7b || b === 0x5b) {
      this.openContainer(i, b === 0x5b);
    } else if (b === 0x2d || (b >= 0x30 && b <= 0x39)) {
      // The first byte is taken here; the Number state reads the rest.
      this.numberStart = this.positionAt(this.chunkOffset + i);
      this.numberText = String.fromCharCode(b);
      this.state = State.Number;
    } else if (b === 0x74 || b === 0x66 || b === 0x6e) {
      this.literal = LITERALS[String.fromCharCode(b)]!.text;
      this.literalMatched = 1;
      this.state = State.Literal;
    } else {
      this.fail(i, `unexpected ${describeByte(b)}`);
    }
  }

  private openContainer(i: number, isArray: boolean): void {
    if (this.frames.length >= this.limits.maxDepth) {
      this.fail(i, `nesting deeper than ${this.limits.maxDepth} levels`);
    }
    let streamedPath: JsonPath | undefined;
    if (isArray && this.hooks && this.streamedFrame === -1) {
      const path = this.currentPath();
      if (this.hooks.streamArray(path)) streamedPath = path;
    }
    this.frames.push({
      isArray,
      array: isArray && streamedPath === undefined ? [] : undefined,
      object: isArray ? undefined : {},
      key: '',
      index: 0,
      streamedPath,
      elementStart: undefined,
    });
    if (streamedPath !== undefined) this.streamedFrame = this.frames.length - 1;
    this.state = isArray ? State.ValueOrArrayEnd : State.KeyOrObjectEnd;
  }

  private closeContainer(): void {
    const frame = this.frames.pop()!;
    if (this.streamedFrame === this.frames.length) this.streamedFrame = -1;
    this.completeValue(frame.isArray ? (frame.array ?? []) : frame.object);
  }

  private completeValue(value: unknown): void {
    const top = this.frames[this.frames.length - 1];
    if (top === undefined) {
      this.root = value;
      this.state = State.Done;
      return;
    }
    if (top.isArray) {
      if (top.streamedPath !== undefined) {
        this.hooks!.element(top.streamedPath, top.index, value, top.elementStart!);
      } else {
        top.array!.push(value);
      }
      top.index++;
    } else if (top.key === '__proto__') {
      // JSON.parse makes this an own property; a plain assignment would replace the prototype.
      Object.defineProperty(top.object, '__proto__', {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      top.object![top.key] = value;
    }
    this.state = State.AfterValue;
  }

  /** The path of the value about to start: each open container's current key or index. */
  private currentPath(): JsonPath {
    return this.frames.map((frame) => (frame.isArray ? frame.index : frame.key));
  }

  private startString(i: number, isKey: boolean): void {
    this.stringIsKey = isKey;
    this.stringBytes = 0;
    this.stringColumns = 0;
    this.stringStart = this.positionAt(this.chunkOffset + i);
    this.state = State.String;
  }

  private growString(bytes: number): void {
    this.stringBytes += bytes;
    if (this.stringBytes > this.limits.maxStringBytes) {
      this.failAt(this.stringStart, `string longer than ${this.limits.maxStringBytes} bytes`);
    }
  }

  /**
   * Decodes the raw bytes read so far (with any carried over from earlier chunks), refusing
   * control characters, and keeps columns counting characters rather than bytes.
   */
  private decodeRaw(chunk: Buffer, start: number, end: number): string {
    let piece: string;
    let bytes: number;
    if (this.stringCarry.length > 0) {
      this.stringCarry.push(chunk.subarray(start, end));
      const joined = Buffer.concat(this.stringCarry);
      this.stringCarry = [];
      piece = joined.toString('utf8');
      bytes = joined.length;
    } else if (end > start) {
      piece = (chunk as SlicingBuffer).utf8Slice(start, end);
      bytes = end - start;
    } else {
      return '';
    }
    if (CONTROL_CHARACTER.test(piece)) {
      const at = piece.search(CONTROL_CHARACTER);
      this.failAt(
        { line: this.stringStart.line, column: this.stringStart.column + 1 + this.stringColumns + at },
        'control character inside a string',
      );
    }
    this.lineExtraBytes += bytes - piece.length;
    this.stringColumns += piece.length;
    return piece;
  }

  private finishString(text: string): void {
    if (this.stringIsKey) {
      const frame = this.frames[this.frames.length - 1]!;
      // JSON.parse keeps the last of two equal keys, other readers the first: a report that says
      // two things in one place is refused rather than read one way.
      if (Object.hasOwn(frame.object!, text))
        this.failAt(this.stringStart, 'the same key twice in one object');
      frame.key = text;
      this.state = State.Colon;
    } else {
      this.completeValue(text);
    }
  }

  private finishNumber(): void {
    if (!NUMBER_PATTERN.test(this.numberText)) this.failAt(this.numberStart, 'bad number');
    this.completeValue(Number(this.numberText));
  }

  private positionAt(offset: number): JsonPosition {
    return { line: this.line, column: offset - this.lineStart - this.lineExtraBytes + 1 };
  }

  private fail(i: number, problem: string): never {
    throw this.error(this.positionAt(this.chunkOffset + i), problem);
  }

  private failAt(position: JsonPosition, problem: string): never {
    throw this.error(position, problem);
  }

  private error(position: JsonPosition, problem: string): ConfigurationError<'invalid-json'> {
    return new ConfigurationError(
      'invalid-json',
      `${this.file}:${position.line}:${position.column}: invalid JSON: ${problem}`,
    );
  }
}

interface ElementScan {
  /** Offset just past the element's closing bracket. */
  end: number;
  /** Strings followed by a colon: in valid JSON, the keys. */
  keys: number;
  newlines: number;
  lastNewline: number;
}

/**
 * Where the object or array starting at `start` ends, found by tracking only strings and bracket
 * depth; undefined when it does not end in this chunk, nests deeper than `maxDepth`, or has a number
 * the byte path would refuse as too long. The bytes are not validated: JSON.parse does that.
 */
function scanElement(chunk: Buffer, start: number, maxDepth: number): ElementScan | undefined {
  const n = chunk.length;
  let depth = 0;
  let keys = 0;
  let newlines = 0;
  let lastNewline = -1;
  let j = start;
  while (j < n) {
    const b = chunk[j]!;
    // Indentation is most of what is outside strings in a pretty-printed report.
    if (b === 0x20) {
      j++;
      continue;
    }
    if (b === 0x22) {
      let close = chunk.indexOf(0x22, j + 1);
      while (close !== -1 && isEscaped(chunk, close)) close = chunk.indexOf(0x22, close + 1);
      if (close === -1) return undefined;
      j = close + 1;
      let k = j;
      while (k < n && (chunk[k] === 0x20 || chunk[k] === 0x0a || chunk[k] === 0x0d || chunk[k] === 0x09)) k++;
      if (chunk[k] === 0x3a) keys++;
      continue;
    }
    if (b === 0x7b || b === 0x5b) {
      if (++depth > maxDepth) return undefined;
    } else if (b === 0x7d || b === 0x5d) {
      if (--depth === 0) return { end: j + 1, keys, newlines, lastNewline };
    } else if (b === 0x0a) {
      newlines++;
      lastNewline = j;
    } else if (isNumberByte(b)) {
      const numberStart = j;
      while (j + 1 < n && isNumberByte(chunk[j + 1]!)) j++;
      if (j + 1 - numberStart > MAX_NUMBER_CHARACTERS) return undefined;
    }
    j++;
  }
  return undefined;
}

/** Whether the quote at `at` follows an odd run of backslashes. */
function isEscaped(chunk: Buffer, at: number): boolean {
  let k = at - 1;
  while (chunk[k] === 0x5c) k--;
  return (at - 1 - k) % 2 === 1;
}

/** Own properties of every object in a parsed value. */
function countKeys(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (const element of value) count += countKeys(element);
    return count;
  }
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) count += 1 + countKeys(object[key]);
  return count;
}

function isNumberByte(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || b === 0x2d || b === 0x2b || b === 0x2e || b === 0x65 || b === 0x45;
}

function describeByte(b: number): string {
  if (b < 0x20 || b === 0x7f) return `character U+${b.toString(16).padStart(4, '0')}`;
  if (b >= 0x80) return 'non-ASCII character';
  return JSON.stringify(String.fromCharCode(b));
}

/**
 * The same hooks over a value already in memory (an attestation's predicate): streamed arrays are
 * handed over element by element and left empty in the returned copy; the input is not changed.
 */
export function walkJsonValue(
  value: unknown,
  hooks: JsonStreamHooks,
  maxDepth = DEFAULT_JSON_LIMITS.maxDepth,
): unknown {
  const walk = (node: unknown, path: Array<string | number>): unknown => {
    if (typeof node !== 'object' || node === null) return node;
    if (path.length >= maxDepth) {
      throw new ConfigurationError('invalid-json', `nesting deeper than ${maxDepth} levels`);
    }
    if (Array.isArray(node)) {
      if (hooks.streamArray(path)) {
        node.forEach((element, index) => hooks.element(path, index, element, undefined));
        return [];
      }
      return node.map((element, index) => walk(element, [...path, index]));
    }
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) {
      Object.defineProperty(copy, key, {
        value: walk(child, [...path, key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy;
  };
  return walk(value, []);
}
