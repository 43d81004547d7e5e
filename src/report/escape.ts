/**
 * Untrusted text (scanner titles, package names, image labels, error messages quoting user input)
 * passes through one of these before it reaches markdown, a terminal or the Actions log.
 */

// Matching control characters is the point of these two patterns.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Drops control characters, ANSI escapes and bidi overrides that could disguise text. */
export function stripControl(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(CONTROL, '');
}

/**
 * Inline markdown, safe inside a table cell: no HTML, no links or images, no emphasis, no
 * mentions (`@org/team` would notify people), no line breaks.
 */
export function escapeMarkdown(text: string, maxLength = 300): string {
  const flat = truncate(stripControl(text).replace(/\s+/g, ' ').trim(), maxLength);
  return flat
    .replace(/[\\`*_{}[\]<>#+|~&]/g, '\\$&')
    .replace(/@/g, '@\u2060')
    .replace(/^([-=])/, '\\$1')
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (match) => `${match.slice(0, 3)}\\.`);
}

/** Text for inline code spans: backticks cannot close the span early. */
export function escapeCode(text: string, maxLength = 200): string {
  const flat = truncate(stripControl(text).replace(/\s+/g, ' ').trim(), maxLength).replace(/`/g, "'");
  return `\`${flat}\``;
}

/**
 * Where a line of the Actions log ends: .NET's ReadLine splits the step's output on CR and LF, and
 * a viewer may also break on VT, FF, NEL and the Unicode line and paragraph separators.
 */
// eslint-disable-next-line no-control-regex
const LOG_LINE_BREAK = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
/**
 * Code points ICU collation ignores. The runner finds commands with .NET's culture-sensitive
 * StartsWith and IndexOf, which run on ICU and skip them: `:\u2060:` or `#\u00ad#[` is still a
 * command to it. So nothing invisible can be what makes a line inert.
 */
const IGNORABLE = '[\\p{Cc}\\p{Cf}\\p{Default_Ignorable_Code_Point}]';
/** What .NET's TrimStart removes before the runner looks for `::` (Char.IsWhiteSpace). */
const DOTNET_WHITE_SPACE =
  '[\\t\\n\\u000b\\u000c\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const LEGACY_COMMAND = new RegExp(`#${IGNORABLE}*#(${IGNORABLE}*)\\[`, 'gu');
const LEADING_COMMAND = new RegExp(`^((?:${DOTNET_WHITE_SPACE}|${IGNORABLE})*):(${IGNORABLE}*):`, 'u');

/**
 * The runner looks for `::command::` at the start of a line (after trimming white space) and for
 * the legacy `##[command]` anywhere in it (actions/runner ActionCommand.TryParseV2 and TryParse):
 * every `##[` becomes `##\[` and a leading `::` becomes `\::`, ignorable code points between them
 * or not. Only visible ASCII is inserted, which no collation ignores. `line` holds no line break.
 */
function neutralizeCommands(line: string): string {
  return line
    .replace(LEGACY_COMMAND, (match) => `${match.slice(0, -1)}\\[`)
    .replace(LEADING_COMMAND, '$1\\:$2:');
}

/**
 * One line of the Actions log that runs no workflow command, whatever untrusted text it quotes:
 * line breaks become a visible ⏎ (a field cannot start a line of its own), escape sequences and
 * invisible code points go, and what is left of a command is neutralized.
 */
export function escapeLogLine(text: string): string {
  return neutralizeCommands(
    text
      // eslint-disable-next-line no-control-regex
      .replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '')
      .replace(LOG_LINE_BREAK, ' ⏎ ')
      .replace(/\t/g, ' ')
      .replace(new RegExp(IGNORABLE, 'gu'), ''),
  );
}

/**
 * Several lines for a terminal that may be an Actions log (the CLI's markdown on stdout): each
 * line is kept as it is but for what would make it a command.
 */
export function escapeLogText(text: string): string {
  return text.split(LOG_LINE_BREAK).map(neutralizeCommands).join('\n');
}

/**
 * JSON for a terminal that may be an Actions log: `#` only occurs inside strings, where `\u0023`
 * is the same character, so no `##[` is left and the JSON means what it meant. JSON.stringify
 * already writes line breaks inside strings as escapes, and no JSON line starts with `::`.
 */
export function escapeJsonForLog(json: string): string {
  return json
    .replace(/#/g, '\\u0023')
    .replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  return `${[...text].slice(0, maxLength - 1).join('')}…`;
}

/**
 * Escaped like escapeMarkdown, except that `code spans` stay code spans: remediation text names
 * commands and settings, which read best as code. Each span's content is still sanitized.
 */
export function escapeMarkdownWithCode(text: string, maxLength = 1000): string {
  const flat = truncate(stripControl(text).replace(/\s+/g, ' ').trim(), maxLength);
  return flat
    .split(/(`[^`]+`)/)
    .map((part) => {
      if (/^`[^`]+`$/.test(part)) return escapeCode(part.slice(1, -1));
      // escapeMarkdown trims; the spaces around a code span are part of the sentence.
      const [, lead, body, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(part)!;
      return `${lead}${body ? escapeMarkdown(body!, maxLength) : ''}${trail}`;
    })
    .join('');
}

/**
 * Text for HTML element content and quoted attribute values: the five characters HTML gives
 * meaning to become entities, after the same control-character cleanup as every other output.
 */
export function escapeHtml(text: string, maxLength = 2_000): string {
  return truncate(stripControl(text), maxLength).replace(
    /[&<>"']/g,
    (character) => `&#${character.charCodeAt(0)};`,
  );
}
