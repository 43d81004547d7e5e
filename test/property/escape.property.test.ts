/**
 * Properties of the escaping that stands between untrusted text and markdown or the Actions log:
 * whatever the input, nothing gets through that opens HTML, a table cell, a new line, a mention,
 * or a workflow command.
 */
import fc from 'fast-check';
import {
  escapeCode,
  escapeLogLine,
  escapeMarkdown,
  escapeMarkdownWithCode,
} from '../../src/report/escape.js';

const RUNS = { numRuns: 500, seed: 20261128 } as const;

/** Text biased towards what attacks markdown and the runner, mixed with any unicode. */
const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '<',
        '>',
        '|',
        '@',
        '@acme/team',
        '::',
        '::set-output name=x::y',
        '##[group]',
        '\n',
        '\r',
        '\r\n',
        '\u2028',
        '\u0085',
        '\\',
        '`',
        '[x](javascript:alert(1))',
        '![i](http://x)',
        '<!--',
        '&lt;',
        '\u202e',
        '\u200b',
        '\u001b[31m',
        ' ',
        '\t',
        '\u00a0',
        'www.example.com',
        'https://evil.test',
      ),
      fc.string({ unit: 'binary', maxLength: 6 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

/** True when the character at `index` is preceded by an odd number of backslashes (escaped). */
function escapedAt(text: string, index: number): boolean {
  let slashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) slashes++;
  return slashes % 2 === 1;
}

function unescaped(text: string, characters: string): number[] {
  const found: number[] = [];
  for (let i = 0; i < text.length; i++)
    if (characters.includes(text[i]!) && !escapedAt(text, i)) found.push(i);
  return found;
}

describe('escaping untrusted text', () => {
  it.each([
    ['escapeMarkdown', (text: string) => escapeMarkdown(text, 10_000)],
    ['escapeMarkdownWithCode', (text: string) => escapeMarkdownWithCode(text, 10_000)],
  ])('%s lets no HTML, cell break, line break, link or mention through', (_name, escape) => {
    fc.assert(
      fc.property(hostile, (text) => {
        const out = escape(text);
        // Outside code spans (escapeMarkdownWithCode keeps them), the characters must be escaped.
        const prose = out.replace(/`[^`]*`/g, '');
        expect(unescaped(prose, '<>|[]')).toEqual([]);
        expect(out).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
        expect(prose).not.toMatch(/@[\p{L}\p{N}_-]/u);
        expect(out).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b-\u200f]/);
        expect(prose).not.toMatch(/[a-z]:\/\//i);
      }),
      RUNS,
    );
  });

  it('escapeCode makes one code span with nothing inside that ends it or breaks the line', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const out = escapeCode(text, 10_000);
        expect(out.startsWith('`') && out.endsWith('`')).toBe(true);
        expect(out.slice(1, -1)).not.toContain('`');
        expect(out).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
      }),
      RUNS,
    );
  });

  it('escapeLogLine never leaves a line that starts with a workflow command', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const out = escapeLogLine(text);
        for (const line of out.split(/\r?\n|\r/)) expect(line).not.toMatch(/^\s*(::|##\[)/);
        // eslint-disable-next-line no-control-regex
        expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      }),
      RUNS,
    );
  });
});
