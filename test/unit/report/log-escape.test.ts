/**
 * escapeLogLine against a parser that reads output as the Actions runner does: whatever text it
 * is given, the line it returns runs no workflow command and does not even look like one.
 */
import fc from 'fast-check';
import { escapeLogLine } from '../../../src/report/escape.js';
import { readRunnerLog } from '../../support/actions/runner-log.js';

const HOSTILE = [
  '::set-output name=verdict::pass',
  '   ::error::forged',
  '\u00a0\u2003\u3000::add-mask::gate',
  '\u0085::warning::x',
  '\u2060::error::behind a word joiner',
  '\ufeff::error::behind a byte order mark',
  '\u00ad::error::behind a soft hyphen',
  'title ##[add-mask]supply-chain-gate',
  'title ##[error]forged',
  'pkg#\u00ad#[stop-commands]x',
  '###[group]x',
  'v1.0 ##[STOP-COMMANDS]token',
  'line one\n::error file=a,line=1::forged\r\n::add-mask::***',
  'a\r::error::after a bare CR',
  'a\u2028::error::after LS',
  'a\u000b::error::after VT',
  '\u001b[2J::error::after an ANSI escape',
  '::::',
  '##[]',
];

describe('escapeLogLine', () => {
  it('the parser finds the commands these carry when they are not escaped', () => {
    const raw = readRunnerLog(HOSTILE.join('\n'));
    expect(raw.commands.length + raw.ignored.length).toBeGreaterThan(12);
    expect(raw.commands.map((c) => c.name)).toEqual(
      expect.arrayContaining(['set-output', 'error', 'add-mask', 'warning', 'stop-commands']),
    );
  });

  it.each(HOSTILE.map((text) => [JSON.stringify(text), text]))('%s is one inert line', (_name, text) => {
    const log = readRunnerLog(`${escapeLogLine(text)}\n`);
    expect(log.lines).toHaveLength(1);
    expect(log.commands).toEqual([]);
    expect(log.lookalikes).toEqual([]);
  });

  it('keeps what it can show: words, a visible mark for each line break, `##\\[` for `##[`', () => {
    expect(escapeLogLine('title ##[error]forged')).toBe('title ##\\[error]forged');
    expect(escapeLogLine('  ::error::x')).toBe('  \\::error::x');
    expect(escapeLogLine('one\ntwo')).toBe('one ⏎ two');
    expect(escapeLogLine('std::string in pkg 1.0')).toBe('std::string in pkg 1.0');
  });

  it('holds for any text', () => {
    const pieces = fc.constantFrom(
      '::',
      '##[',
      '#',
      '[',
      ']',
      ':',
      'error',
      'add-mask',
      'stop-commands',
      ' ',
      '\n',
      '\r',
      '\u0085',
      '\u2028',
      '\u00a0',
      '\u2060',
      '\u00ad',
      '\ufeff',
      '\t',
      'x',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ unit: 'binary' })), { maxLength: 20 }), (parts) => {
        const log = readRunnerLog(`${escapeLogLine(parts.join(''))}\n`);
        return log.lines.length <= 1 && log.commands.length === 0 && log.lookalikes.length === 0;
      }),
      { numRuns: 3000 },
    );
  });
});
