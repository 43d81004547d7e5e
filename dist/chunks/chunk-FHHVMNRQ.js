import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  ConfigurationError
} from "./chunk-QCJNFU7Y.js";

// src/evidence/scans/json-stream.ts
var DEFAULT_JSON_LIMITS = { maxDepth: 512, maxStringBytes: 16 * 1024 * 1024 };
var CONTROL_CHARACTER = /[\u0000-\u001f]/;
var MAX_NUMBER_CHARACTERS = 400;
var NUMBER_PATTERN = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
var LITERALS = {
  t: { text: "true", value: true },
  f: { text: "false", value: false },
  n: { text: "null", value: null }
};
var SIMPLE_ESCAPES = {
  34: '"',
  92: "\\",
  47: "/",
  98: "\b",
  102: "\f",
  110: "\n",
  114: "\r",
  116: "	"
};
var JsonStreamParser = class {
  constructor(file, hooks, limits = DEFAULT_JSON_LIMITS) {
    this.file = file;
    this.hooks = hooks;
    this.limits = limits;
  }
  file;
  hooks;
  limits;
  state = 0 /* Value */;
  frames = [];
  /** Index in `frames` of the innermost streamed array, or -1: below it nothing is asked or streamed. */
  streamedFrame = -1;
  root = void 0;
  // Position: absolute byte offset of the current chunk's start, the current line, where it began,
  // and how many UTF-8 continuation bytes it has had so far (so columns count characters).
  chunkOffset = 0;
  line = 1;
  lineStart = 0;
  /** Bytes on this line that are not characters of their own (UTF-8 continuation bytes). */
  lineExtraBytes = 0;
  /** Where the next backslash of the current chunk is (the chunk's length when there is none). */
  nextBackslash = -1;
  sawFirstByte = false;
  // The string being read: decoded pieces, raw bytes carried over from earlier chunks, its length.
  stringParts = [];
  stringCarry = [];
  stringBytes = 0;
  /** Characters (in the source) of the current string so far: where inside it an error is. */
  stringColumns = 0;
  stringIsKey = false;
  stringStart = { line: 1, column: 1 };
  unicodeDigits = "";
  numberText = "";
  numberStart = { line: 1, column: 1 };
  literal = "";
  literalMatched = 0;
  write(input) {
    const chunk = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    let i = 0;
    const n = chunk.length;
    if (!this.sawFirstByte && n > 0) {
      this.sawFirstByte = true;
      if (n >= 3 && chunk[0] === 239 && chunk[1] === 187 && chunk[2] === 191) {
        i = 3;
        this.lineStart = 3;
      }
    }
    while (i < n) {
      const b = chunk[i];
      switch (this.state) {
        case 6 /* String */: {
          if (this.nextBackslash < i) {
            const found = chunk.indexOf(92, i);
            this.nextBackslash = found === -1 ? n : found;
          }
          const quote = chunk.indexOf(34, i);
          const stop = Math.min(quote === -1 ? n : quote, this.nextBackslash);
          this.growString(stop - i);
          if (stop === n) {
            if (n > i) this.stringCarry.push(Buffer.from(chunk.subarray(i, n)));
            i = n;
            break;
          }
          const piece = this.decodeRaw(chunk, i, stop);
          i = stop + 1;
          if (chunk[stop] === 92) {
            if (piece) this.stringParts.push(piece);
            this.state = 7 /* Escape */;
          } else if (this.stringParts.length === 0) {
            this.finishString(piece);
          } else {
            if (piece) this.stringParts.push(piece);
            const text = this.stringParts.join("");
            this.stringParts = [];
            this.finishString(text);
          }
          break;
        }
        case 7 /* Escape */: {
          if (b === 117) {
            this.unicodeDigits = "";
            this.state = 8 /* Unicode */;
          } else {
            const simple = SIMPLE_ESCAPES[b];
            if (simple === void 0) this.fail(i, "bad escape in a string");
            this.stringParts.push(simple);
            this.stringColumns += 2;
            this.state = 6 /* String */;
          }
          this.growString(1);
          i++;
          break;
        }
        case 8 /* Unicode */: {
          const isHex = b >= 48 && b <= 57 || b >= 65 && b <= 70 || b >= 97 && b <= 102;
          if (!isHex) this.fail(i, "bad \\u escape");
          this.unicodeDigits += String.fromCharCode(b);
          if (this.unicodeDigits.length === 4) {
            this.stringParts.push(String.fromCharCode(parseInt(this.unicodeDigits, 16)));
            this.stringColumns += 6;
            this.state = 6 /* String */;
          }
          i++;
          break;
        }
        case 9 /* Number */: {
          let j = i;
          while (j < n && isNumberByte(chunk[j])) j++;
          this.numberText += chunk.toString("latin1", i, j);
          if (this.numberText.length > MAX_NUMBER_CHARACTERS)
            this.failAt(this.numberStart, "number too long");
          i = j;
          if (j < n) this.finishNumber();
          break;
        }
        case 10 /* Literal */: {
          const expected = this.literal.charCodeAt(this.literalMatched);
          if (b !== expected) this.fail(i, `unexpected ${describeByte(b)}`);
          this.literalMatched++;
          i++;
          if (this.literalMatched === this.literal.length) {
            this.completeValue(LITERALS[this.literal[0]].value);
          }
          break;
        }
        default: {
          if (b === 32 || b === 9 || b === 13) {
            i++;
            break;
          }
          if (b === 10) {
            i++;
            this.line++;
            this.lineStart = this.chunkOffset + i;
            this.lineExtraBytes = 0;
            break;
          }
          if ((b === 123 || b === 91) && (this.state === 0 /* Value */ || this.state === 1 /* ValueOrArrayEnd */) && this.streamedFrame !== -1 && this.streamedFrame === this.frames.length - 1) {
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
  end() {
    if (this.state === 9 /* Number */) this.finishNumber();
    if (this.state !== 11 /* Done */) {
      const where = this.positionAt(this.chunkOffset);
      const problem = this.state === 6 /* String */ || this.state === 7 /* Escape */ || this.state === 8 /* Unicode */ ? "unterminated string" : "unexpected end of input";
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
  nativeElement(chunk, start) {
    const scan = scanElement(chunk, start, this.limits.maxDepth - this.frames.length);
    if (scan === void 0 || scan.end - start > this.limits.maxStringBytes) return -1;
    const text = chunk.utf8Slice(start, scan.end);
    let value;
    try {
      value = JSON.parse(text);
    } catch {
      return -1;
    }
    if (countKeys(value) !== scan.keys) return -1;
    this.frames[this.frames.length - 1].elementStart = this.positionAt(this.chunkOffset + start);
    if (scan.lastNewline === -1) {
      this.lineExtraBytes += scan.end - start - text.length;
    } else {
      this.line += scan.newlines;
      this.lineStart = this.chunkOffset + scan.lastNewline + 1;
      this.lineExtraBytes = scan.end - scan.lastNewline - 1 - chunk.utf8Slice(scan.lastNewline + 1, scan.end).length;
    }
    this.completeValue(value);
    return scan.end;
  }
  structural(chunk, i, b) {
    switch (this.state) {
      case 11 /* Done */:
        this.fail(i, `unexpected ${describeByte(b)} after the end of the document`);
        return;
      case 5 /* Colon */:
        if (b !== 58) this.fail(i, `expected ":" after a property name, found ${describeByte(b)}`);
        this.state = 0 /* Value */;
        return;
      case 3 /* KeyOrObjectEnd */:
      case 4 /* Key */:
        if (b === 125 && this.state === 3 /* KeyOrObjectEnd */) {
          this.closeContainer();
          return;
        }
        if (b !== 34) this.fail(i, `expected a property name in double quotes, found ${describeByte(b)}`);
        this.startString(i, true);
        return;
      case 2 /* AfterValue */: {
        const top = this.frames[this.frames.length - 1];
        if (b === 44) {
          this.state = top.isArray ? 0 /* Value */ : 4 /* Key */;
          return;
        }
        if (top.isArray && b === 93 || !top.isArray && b === 125) {
          this.closeContainer();
          return;
        }
        this.fail(i, `expected "," or "${top.isArray ? "]" : "}"}", found ${describeByte(b)}`);
        return;
      }
      case 1 /* ValueOrArrayEnd */:
        if (b === 93) {
          this.closeContainer();
          return;
        }
        this.startValue(chunk, i, b);
        return;
      case 0 /* Value */:
        this.startValue(chunk, i, b);
        return;
    }
  }
  startValue(chunk, i, b) {
    const top = this.frames[this.frames.length - 1];
    if (top?.streamedPath !== void 0) top.elementStart = this.positionAt(this.chunkOffset + i);
    if (b === 34) {
      this.startString(i, false);
    } else if (b === 123 || b === 91) {
      this.openContainer(i, b === 91);
    } else if (b === 45 || b >= 48 && b <= 57) {
      this.numberStart = this.positionAt(this.chunkOffset + i);
      this.numberText = String.fromCharCode(b);
      this.state = 9 /* Number */;
    } else if (b === 116 || b === 102 || b === 110) {
      this.literal = LITERALS[String.fromCharCode(b)].text;
      this.literalMatched = 1;
      this.state = 10 /* Literal */;
    } else {
      this.fail(i, `unexpected ${describeByte(b)}`);
    }
  }
  openContainer(i, isArray) {
    if (this.frames.length >= this.limits.maxDepth) {
      this.fail(i, `nesting deeper than ${this.limits.maxDepth} levels`);
    }
    let streamedPath;
    if (isArray && this.hooks && this.streamedFrame === -1) {
      const path = this.currentPath();
      if (this.hooks.streamArray(path)) streamedPath = path;
    }
    this.frames.push({
      isArray,
      array: isArray && streamedPath === void 0 ? [] : void 0,
      object: isArray ? void 0 : {},
      key: "",
      index: 0,
      streamedPath,
      elementStart: void 0
    });
    if (streamedPath !== void 0) this.streamedFrame = this.frames.length - 1;
    this.state = isArray ? 1 /* ValueOrArrayEnd */ : 3 /* KeyOrObjectEnd */;
  }
  closeContainer() {
    const frame = this.frames.pop();
    if (this.streamedFrame === this.frames.length) this.streamedFrame = -1;
    this.completeValue(frame.isArray ? frame.array ?? [] : frame.object);
  }
  completeValue(value) {
    const top = this.frames[this.frames.length - 1];
    if (top === void 0) {
      this.root = value;
      this.state = 11 /* Done */;
      return;
    }
    if (top.isArray) {
      if (top.streamedPath !== void 0) {
        this.hooks.element(top.streamedPath, top.index, value, top.elementStart);
      } else {
        top.array.push(value);
      }
      top.index++;
    } else if (top.key === "__proto__") {
      Object.defineProperty(top.object, "__proto__", {
        value,
        enumerable: true,
        writable: true,
        configurable: true
      });
    } else {
      top.object[top.key] = value;
    }
    this.state = 2 /* AfterValue */;
  }
  /** The path of the value about to start: each open container's current key or index. */
  currentPath() {
    return this.frames.map((frame) => frame.isArray ? frame.index : frame.key);
  }
  startString(i, isKey) {
    this.stringIsKey = isKey;
    this.stringBytes = 0;
    this.stringColumns = 0;
    this.stringStart = this.positionAt(this.chunkOffset + i);
    this.state = 6 /* String */;
  }
  growString(bytes) {
    this.stringBytes += bytes;
    if (this.stringBytes > this.limits.maxStringBytes) {
      this.failAt(this.stringStart, `string longer than ${this.limits.maxStringBytes} bytes`);
    }
  }
  /**
   * Decodes the raw bytes read so far (with any carried over from earlier chunks), refusing
   * control characters, and keeps columns counting characters rather than bytes.
   */
  decodeRaw(chunk, start, end) {
    let piece;
    let bytes;
    if (this.stringCarry.length > 0) {
      this.stringCarry.push(chunk.subarray(start, end));
      const joined = Buffer.concat(this.stringCarry);
      this.stringCarry = [];
      piece = joined.toString("utf8");
      bytes = joined.length;
    } else if (end > start) {
      piece = chunk.utf8Slice(start, end);
      bytes = end - start;
    } else {
      return "";
    }
    if (CONTROL_CHARACTER.test(piece)) {
      const at = piece.search(CONTROL_CHARACTER);
      this.failAt(
        { line: this.stringStart.line, column: this.stringStart.column + 1 + this.stringColumns + at },
        "control character inside a string"
      );
    }
    this.lineExtraBytes += bytes - piece.length;
    this.stringColumns += piece.length;
    return piece;
  }
  finishString(text) {
    if (this.stringIsKey) {
      const frame = this.frames[this.frames.length - 1];
      if (Object.hasOwn(frame.object, text))
        this.failAt(this.stringStart, "the same key twice in one object");
      frame.key = text;
      this.state = 5 /* Colon */;
    } else {
      this.completeValue(text);
    }
  }
  finishNumber() {
    if (!NUMBER_PATTERN.test(this.numberText)) this.failAt(this.numberStart, "bad number");
    this.completeValue(Number(this.numberText));
  }
  positionAt(offset) {
    return { line: this.line, column: offset - this.lineStart - this.lineExtraBytes + 1 };
  }
  fail(i, problem) {
    throw this.error(this.positionAt(this.chunkOffset + i), problem);
  }
  failAt(position, problem) {
    throw this.error(position, problem);
  }
  error(position, problem) {
    return new ConfigurationError(
      "invalid-json",
      `${this.file}:${position.line}:${position.column}: invalid JSON: ${problem}`
    );
  }
};
function scanElement(chunk, start, maxDepth) {
  const n = chunk.length;
  let depth = 0;
  let keys = 0;
  let newlines = 0;
  let lastNewline = -1;
  let j = start;
  while (j < n) {
    const b = chunk[j];
    if (b === 32) {
      j++;
      continue;
    }
    if (b === 34) {
      let close = chunk.indexOf(34, j + 1);
      while (close !== -1 && isEscaped(chunk, close)) close = chunk.indexOf(34, close + 1);
      if (close === -1) return void 0;
      j = close + 1;
      let k = j;
      while (k < n && (chunk[k] === 32 || chunk[k] === 10 || chunk[k] === 13 || chunk[k] === 9)) k++;
      if (chunk[k] === 58) keys++;
      continue;
    }
    if (b === 123 || b === 91) {
      if (++depth > maxDepth) return void 0;
    } else if (b === 125 || b === 93) {
      if (--depth === 0) return { end: j + 1, keys, newlines, lastNewline };
    } else if (b === 10) {
      newlines++;
      lastNewline = j;
    } else if (isNumberByte(b)) {
      const numberStart = j;
      while (j + 1 < n && isNumberByte(chunk[j + 1])) j++;
      if (j + 1 - numberStart > MAX_NUMBER_CHARACTERS) return void 0;
    }
    j++;
  }
  return void 0;
}
function isEscaped(chunk, at) {
  let k = at - 1;
  while (chunk[k] === 92) k--;
  return (at - 1 - k) % 2 === 1;
}
function countKeys(value) {
  if (typeof value !== "object" || value === null) return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (const element of value) count += countKeys(element);
    return count;
  }
  const object = value;
  for (const key of Object.keys(object)) count += 1 + countKeys(object[key]);
  return count;
}
function isNumberByte(b) {
  return b >= 48 && b <= 57 || b === 45 || b === 43 || b === 46 || b === 101 || b === 69;
}
function describeByte(b) {
  if (b < 32 || b === 127) return `character U+${b.toString(16).padStart(4, "0")}`;
  if (b >= 128) return "non-ASCII character";
  return JSON.stringify(String.fromCharCode(b));
}
function walkJsonValue(value, hooks, maxDepth = DEFAULT_JSON_LIMITS.maxDepth) {
  const walk = (node, path) => {
    if (typeof node !== "object" || node === null) return node;
    if (path.length >= maxDepth) {
      throw new ConfigurationError("invalid-json", `nesting deeper than ${maxDepth} levels`);
    }
    if (Array.isArray(node)) {
      if (hooks.streamArray(path)) {
        node.forEach((element, index) => hooks.element(path, index, element, void 0));
        return [];
      }
      return node.map((element, index) => walk(element, [...path, index]));
    }
    const copy = {};
    for (const [key, child] of Object.entries(node)) {
      Object.defineProperty(copy, key, {
        value: walk(child, [...path, key]),
        enumerable: true,
        writable: true,
        configurable: true
      });
    }
    return copy;
  };
  return walk(value, []);
}

export {
  JsonStreamParser,
  walkJsonValue
};
