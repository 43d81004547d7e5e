import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);

// src/evidence/secrets.ts
var PRIVATE_KEY_HEADERS = ["", "RSA ", "EC ", "DSA ", "OPENSSH ", "ENCRYPTED ", "PGP "].flatMap((kind) => [
  `-----BEGIN ${kind}PRIVATE KEY-----`,
  `-----BEGIN ${kind}PRIVATE KEY BLOCK-----`
]);
var LETTERS_AND_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
var UPPER_AND_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
function filler(length, alphabet = LETTERS_AND_DIGITS) {
  let text = "";
  for (let i = 0; i < length; i++) text += alphabet[(i * 7 + 3) % alphabet.length];
  return text;
}
var DETECTORS = [
  {
    kind: "private key",
    pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/g,
    shownPrefix: 0,
    standIn: (length) => PRIVATE_KEY_HEADERS.find((header) => header.length === length) ?? ""
  },
  {
    kind: "GitHub token",
    pattern: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}\b/g,
    shownPrefix: 4,
    standIn: (length, shown) => shown + filler(length - shown.length)
  },
  {
    kind: "GitHub fine-grained token",
    pattern: /\bgithub_pat_[A-Za-z0-9_]{60,255}\b/g,
    shownPrefix: 11,
    standIn: (length, shown) => shown + filler(length - shown.length)
  },
  {
    kind: "AWS access key id",
    pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g,
    shownPrefix: 4,
    standIn: (length, shown) => shown + filler(length - shown.length, UPPER_AND_DIGITS)
  },
  {
    kind: "Google API key",
    pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g,
    shownPrefix: 4,
    standIn: (length, shown) => shown + filler(length - shown.length)
  },
  {
    kind: "Google service account key",
    pattern: /"type"\s*:\s*"service_account"/g,
    shownPrefix: 0,
    standIn: (length) => `"type":${" ".repeat(Math.max(0, length - 24))}"service_account"`
  },
  {
    kind: "Slack token",
    pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,250}\b/g,
    shownPrefix: 5,
    standIn: (length, shown) => shown + filler(length - shown.length)
  },
  {
    kind: "Slack webhook",
    pattern: /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/_-]{20,}/g,
    shownPrefix: 34,
    standIn: (length, shown) => shown + filler(length - shown.length)
  },
  {
    kind: "npm token",
    pattern: /\bnpm_[A-Za-z0-9]{36}\b/g,
    shownPrefix: 4,
    standIn: (length, shown) => shown + filler(length - shown.length)
  },
  {
    kind: "JSON Web Token",
    pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
    shownPrefix: 0,
    standIn: (length) => {
      const part = Math.max(8, Math.floor((length - 8) / 3));
      return `eyJ${filler(part)}.eyJ${filler(part)}.${filler(Math.max(8, length - 8 - 2 * part))}`;
    }
  }
];
var SENSITIVE_NAME = /(?:^|[_.-])(?:PASSWORD|PASSWD|PWD|PASS|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH)(?:$|[_.-])/i;
var ASSIGNMENT = /(?:^|[\s;&|"'])(?:export\s+|ENV\s+|ARG\s+)?([A-Za-z_][A-Za-z0-9_.-]{0,100})[=\s:]+["']?([^\s"';&|]{1,500})/g;
function findSecrets(text, key) {
  const matches = [];
  for (const detector of DETECTORS) {
    for (const match of text.matchAll(detector.pattern)) {
      matches.push({ kind: detector.kind, key, redacted: redact(match[0], detector.shownPrefix) });
    }
  }
  if (key !== void 0 && SENSITIVE_NAME.test(key) && looksRandom(text)) {
    matches.push({ kind: "secret-named value", key, redacted: redact(text, 0) });
  }
  for (const assignment of text.matchAll(ASSIGNMENT)) {
    const [, name, value] = assignment;
    if (SENSITIVE_NAME.test(name) && looksRandom(value) && !matches.some((m) => m.key === name)) {
      matches.push({ kind: "secret-named value", key: name, redacted: redact(value, 0) });
    }
  }
  return dedupe(matches);
}
function looksRandom(value) {
  if (value.length < 12 || /^\$\{?[A-Za-z_]/.test(value) || /^\/(?:run|var|etc|tmp)\//.test(value))
    return false;
  if (/^(?:true|false|null|none|changeme|example|placeholder|x+|\*+)$/i.test(value)) return false;
  return shannonEntropy(value) >= 3.5;
}
function shannonEntropy(value) {
  const counts = /* @__PURE__ */ new Map();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}
function redact(secret, shownPrefix) {
  return `${secret.slice(0, shownPrefix)}\u2026(${secret.length} chars, redacted)`;
}
function dedupe(matches) {
  const seen = /* @__PURE__ */ new Set();
  return matches.filter((match) => {
    const id = `${match.kind}\0${match.key ?? ""}\0${match.redacted}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
var REDACTED_PLACEHOLDER = "[credential removed by supply-chain-gate]";
function secretStandIn(text, key) {
  const matches = findSecrets(text, key);
  if (matches.length === 0) return void 0;
  const assignments = [];
  const pieces = [];
  let wholeLength;
  for (const match of matches) {
    const { shown, length } = readRedaction(match.redacted);
    if (match.kind === "secret-named value") {
      if (key !== void 0 && match.key === key) wholeLength = length;
      else assignments.push(`${match.key}=${filler(length)}`);
      continue;
    }
    const detector = DETECTORS.find((candidate) => candidate.kind === match.kind);
    if (detector) pieces.push(detector.standIn(length, shown));
  }
  let made = [...assignments, ...pieces].join(" ");
  if (wholeLength !== void 0 && made.length < wholeLength) {
    made = made ? `${filler(wholeLength - made.length - 1)} ${made}` : filler(wholeLength);
  }
  const same = JSON.stringify(findSecrets(made, key)) === JSON.stringify(matches);
  return same ? { text: made, exact: true } : { text: REDACTED_PLACEHOLDER, exact: false };
}
function readRedaction(redacted) {
  const match = /^([^]*)…\((\d+) chars, redacted\)$/.exec(redacted);
  return { shown: match?.[1] ?? "", length: Number(match?.[2] ?? 0) };
}

export {
  findSecrets,
  secretStandIn
};
