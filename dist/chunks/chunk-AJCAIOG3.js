import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);

// src/report/escape.ts
var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;
function stripControl(text) {
  return text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, "").replace(CONTROL, "");
}
function escapeMarkdown(text, maxLength = 300) {
  const flat = truncate(stripControl(text).replace(/\s+/g, " ").trim(), maxLength);
  return flat.replace(/[\\`*_{}[\]<>#+|~&]/g, "\\$&").replace(/@/g, "@\u2060").replace(/^([-=])/, "\\$1").replace(/:\/\//g, "\\://").replace(/\bwww\./gi, (match) => `${match.slice(0, 3)}\\.`);
}
function escapeCode(text, maxLength = 200) {
  const flat = truncate(stripControl(text).replace(/\s+/g, " ").trim(), maxLength).replace(/`/g, "'");
  return `\`${flat}\``;
}
var LOG_LINE_BREAK = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
var IGNORABLE = "[\\p{Cc}\\p{Cf}\\p{Default_Ignorable_Code_Point}]";
var DOTNET_WHITE_SPACE = "[\\t\\n\\u000b\\u000c\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
var LEGACY_COMMAND = new RegExp(`#${IGNORABLE}*#(${IGNORABLE}*)\\[`, "gu");
var LEADING_COMMAND = new RegExp(`^((?:${DOTNET_WHITE_SPACE}|${IGNORABLE})*):(${IGNORABLE}*):`, "u");
function neutralizeCommands(line) {
  return line.replace(LEGACY_COMMAND, (match) => `${match.slice(0, -1)}\\[`).replace(LEADING_COMMAND, "$1\\:$2:");
}
function escapeLogLine(text) {
  return neutralizeCommands(
    text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, "").replace(LOG_LINE_BREAK, " \u23CE ").replace(/\t/g, " ").replace(new RegExp(IGNORABLE, "gu"), "")
  );
}
function escapeLogText(text) {
  return text.split(LOG_LINE_BREAK).map(neutralizeCommands).join("\n");
}
function escapeJsonForLog(json) {
  return json.replace(/#/g, "\\u0023").replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function truncate(text, maxLength) {
  if (text.length <= maxLength) return text;
  return `${[...text].slice(0, maxLength - 1).join("")}\u2026`;
}
function escapeMarkdownWithCode(text, maxLength = 1e3) {
  const flat = truncate(stripControl(text).replace(/\s+/g, " ").trim(), maxLength);
  return flat.split(/(`[^`]+`)/).map((part) => {
    if (/^`[^`]+`$/.test(part)) return escapeCode(part.slice(1, -1));
    const [, lead, body, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(part);
    return `${lead}${body ? escapeMarkdown(body, maxLength) : ""}${trail}`;
  }).join("");
}
function escapeHtml(text, maxLength = 2e3) {
  return truncate(stripControl(text), maxLength).replace(
    /[&<>"']/g,
    (character) => `&#${character.charCodeAt(0)};`
  );
}

export {
  stripControl,
  escapeMarkdown,
  escapeCode,
  escapeLogLine,
  escapeLogText,
  escapeJsonForLog,
  truncate,
  escapeMarkdownWithCode,
  escapeHtml
};
