/**
 * JSON.parse with an error a user can act on: `file:line:column: what is wrong`. V8's own messages
 * sometimes omit the position and sometimes echo the input (which may be hostile or huge), so on
 * failure we locate the first bad byte ourselves.
 */
import { ConfigurationError } from '../../errors.js';

export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const { offset, problem } = locateJsonError(text);
    const { line, column } = lineAndColumn(text, offset);
    throw new ConfigurationError('invalid-json', `${file}:${line}:${column}: invalid JSON: ${problem}`);
  }
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < offset;
    index = text.indexOf('\n', index + 1)
  ) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

interface JsonErrorLocation {
  offset: number;
  problem: string;
}

/** A strict JSON scanner that only answers "where is the first error" (iterative: no stack overflow). */
export function locateJsonError(text: string): JsonErrorLocation {
  let i = 0;
  const fail = (problem: string): JsonErrorLocation => ({ offset: Math.min(i, text.length), problem });
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const describe = () => (i >= text.length ? 'unexpected end of input' : `unexpected ${quoteChar(text[i]!)}`);
  // Each frame is the container we are in and what we expect next.
  const stack: Array<'object-key' | 'object-value' | 'array'> = [];
  let expectValue = true;
  for (;;) {
    skipSpace();
    if (expectValue) {
      const c = text[i];
      if (c === '{') {
        i++;
        skipSpace();
        if (text[i] === '}') {
          i++;
          expectValue = false;
        } else {
          stack.push('object-key');
          if (text[i] !== '"') return fail(`expected a property name in double quotes, found ${describe()}`);
        }
        continue;
      }
      if (c === '[') {
        i++;
        skipSpace();
        if (text[i] === ']') {
          i++;
          expectValue = false;
        } else {
          stack.push('array');
        }
        continue;
      }
      const scalarError = scanScalar();
      if (scalarError) return scalarError;
      expectValue = false;
      continue;
    }
    // After a value (or a key): what may follow depends on the container.
    const frame = stack[stack.length - 1];
    if (frame === undefined) {
      skipSpace();
      return i < text.length
        ? fail(`unexpected ${quoteChar(text[i]!)} after the end of the document`)
        : fail('no error found');
    }
    const c = text[i];
    if (frame === 'object-key') {
      if (c !== ':') return fail(`expected ":" after a property name, found ${describe()}`);
      i++;
      stack[stack.length - 1] = 'object-value';
      expectValue = true;
    } else if (c === ',') {
      i++;
      skipSpace();
      if (frame === 'object-value') {
        if (text[i] !== '"') return fail(`expected a property name in double quotes, found ${describe()}`);
        stack[stack.length - 1] = 'object-key';
      }
      expectValue = true;
    } else if ((frame === 'object-value' && c === '}') || (frame === 'array' && c === ']')) {
      i++;
      stack.pop();
    } else {
      return fail(`expected "," or "${frame === 'array' ? ']' : '}'}", found ${describe()}`);
    }
  }

  function scanScalar(): JsonErrorLocation | undefined {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') {
        const code = text.charCodeAt(i);
        if (code < 0x20) return fail('control character inside a string');
        if (text[i] === '\\') {
          const escape = text[i + 1];
          if (escape === 'u') {
            if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail('bad \\u escape');
            i += 6;
            continue;
          }
          if (escape === undefined || !'"\\/bfnrt'.includes(escape)) return fail('bad escape in a string');
          i += 2;
          continue;
        }
        i++;
      }
      if (i >= text.length) return fail('unterminated string');
      i++;
      return undefined;
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(i, i + 400),
    );
    if (!literal) return fail(i >= text.length ? 'unexpected end of input' : `unexpected ${quoteChar(c!)}`);
    i += literal[0].length;
    return undefined;
  }
}

function quoteChar(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f
    ? `character U+${code.toString(16).padStart(4, '0')}`
    : JSON.stringify(c);
}
