/**
 * Reads a step's output the way the Actions runner does (actions/runner: ActionCommandManager
 * .TryProcessCommand, ActionCommand.TryParseV2 and TryParse), so a test can list every workflow
 * command a log would run:
 * - lines end at CR, LF or CR LF (.NET ReadLine);
 * - `::name props::data` counts once the line's leading white space is trimmed (.NET TrimStart:
 *   Char.IsWhiteSpace, a wider set than ASCII's), and `##[name props]data` anywhere in the line;
 * - names are matched without regard to case, and only registered ones run;
 * - after `stop-commands::TOKEN` nothing runs until a `TOKEN` command;
 * - the runner compares with .NET's culture-sensitive StartsWith/IndexOf, which on ICU skip code
 *   points that collate as ignorable: this parser drops those (controls, format characters,
 *   default ignorables) before it looks, so `:\u2060:` counts as `::` here too.
 * It also lists the lines that look like commands but name none the runner knows, so a test can
 * require that untrusted text never even comes close.
 */

/** The commands the runner registers (ActionCommandManager's extensions and stop-commands). */
export const RUNNER_COMMANDS = [
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning',
] as const;

export interface RunnerCommand {
  /** 1-based line of the output. */
  line: number;
  syntax: '::' | '##[';
  /** Lower-cased. `resume` for the token that ends stop-commands. */
  name: string;
  properties: Record<string, string>;
  data: string;
}

export interface RunnerLog {
  lines: string[];
  /** Commands the runner would run, in order (the stop and resume lines included). */
  commands: RunnerCommand[];
  /** Lines that start with `::` or hold `##[` yet run nothing: not commands, but not inert text. */
  lookalikes: Array<{ line: number; text: string }>;
  /** Commands swallowed while stopped. */
  ignored: RunnerCommand[];
  /** True when the output ends with commands still stopped: the step's own error would be lost. */
  stoppedAtEnd: boolean;
}

const IGNORABLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
const DOTNET_LEADING_WHITE_SPACE =
  // Matching control characters is what this does.
  // eslint-disable-next-line no-control-regex
  /^[\t\n\u000b\u000c\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

export function readRunnerLog(output: string): RunnerLog {
  const lines = output.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  const registered = new Set<string>(RUNNER_COMMANDS);
  const log: RunnerLog = { lines, commands: [], lookalikes: [], ignored: [], stoppedAtEnd: false };
  let stopToken: string | undefined;
  lines.forEach((raw, index) => {
    const line = index + 1;
    const text = raw.replace(IGNORABLE, (c) => (c === '\t' ? c : ''));
    const command = parseV2(text, registered, line) ?? parseLegacy(text, registered, line);
    if (!command) {
      if (/^::/.test(text.replace(DOTNET_LEADING_WHITE_SPACE, '')) || text.includes('##[')) {
        log.lookalikes.push({ line, text: raw });
      }
      return;
    }
    if (stopToken !== undefined) {
      if (command.name === stopToken.toLowerCase()) {
        log.commands.push({ ...command, name: 'resume' });
        registered.delete(stopToken.toLowerCase());
        stopToken = undefined;
      } else {
        log.ignored.push(command);
      }
      return;
    }
    log.commands.push(command);
    if (command.name === 'stop-commands') {
      stopToken = command.data;
      registered.add(stopToken.toLowerCase());
    }
  });
  log.stoppedAtEnd = stopToken !== undefined;
  return log;
}

function parseV2(text: string, registered: Set<string>, line: number): RunnerCommand | undefined {
  const message = text.replace(DOTNET_LEADING_WHITE_SPACE, '');
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const name = (space < 0 ? info : info.slice(0, space)).toLowerCase();
  if (!registered.has(name)) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .trim()
      .split(',')
      .filter(Boolean)) {
      const at = pair.indexOf('=');
      if (at > 0 && at < pair.length - 1)
        properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
    }
  }
  return { line, syntax: '::', name, properties, data: unescapeData(message.slice(end + 2)) };
}

function parseLegacy(text: string, registered: Set<string>, line: number): RunnerCommand | undefined {
  const prefix = text.indexOf('##[');
  if (prefix < 0) return undefined;
  const close = text.indexOf(']', prefix);
  if (close < 0) return undefined;
  const info = text.slice(prefix + 3, close);
  const space = info.indexOf(' ');
  const name = (space < 0 ? info : info.slice(0, space)).toLowerCase();
  if (!registered.has(name)) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .split(';')
      .filter(Boolean)) {
      const at = pair.indexOf('=');
      if (at > 0 && at < pair.length - 1) properties[pair.slice(0, at)] = unescapeLegacy(pair.slice(at + 1));
    }
  }
  return { line, syntax: '##[', name, properties, data: unescapeLegacy(text.slice(close + 1)) };
}

// The runner's unescaping, in its order.
const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) =>
  s
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');
const unescapeLegacy = (s: string) =>
  s
    .replace(/%3B/g, ';')
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%5D/g, ']')
    .replace(/%25/g, '%');
