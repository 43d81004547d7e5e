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
 * A log line the Actions runner will not read as a workflow command (`::set-output`, `::add-mask`,
 * `##[group]`…): a command is only recognised at the start of a line.
 */
export function escapeLogLine(text: string): string {
  return stripControl(text)
    .split(/\r?\n|\r/)
    .map((line) => line.replace(/^(\s*)(::|##\[)/, '$1\u2060$2'))
    .join('\n');
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
