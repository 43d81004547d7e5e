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
function escapeLogLine(text) {
  return stripControl(text).split(/\r?\n|\r/).map((line) => line.replace(/^(\s*)(::|##\[)/, "$1\u2060$2")).join("\n");
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

export {
  stripControl,
  escapeMarkdown,
  escapeCode,
  escapeLogLine,
  truncate,
  escapeMarkdownWithCode
};
