/**
 * Finds credentials in text an image carries (env, labels, build history, small files). Pure. A
 * match is reported by where it is and a redacted form: the secret itself never leaves this module.
 */

export interface SecretMatch {
  /** What kind of credential it looks like. */
  kind: string;
  /** The variable, label or key it was assigned to, when there is one. */
  key?: string;
  /** Safe to show: a known public prefix at most, then the length. */
  redacted: string;
}

interface Detector {
  kind: string;
  pattern: RegExp;
  /** Characters of a match that are a public, fixed prefix and may be shown. */
  shownPrefix: number;
  /**
   * A made-up credential of this kind, `length` characters long, starting with the `shown`
   * prefix, that this detector matches whole: what an evidence snapshot holds instead of the
   * real one, so a replay finds the same credential and redacts it the same way.
   */
  standIn(length: number, shown: string): string;
}

const PRIVATE_KEY_HEADERS = ['', 'RSA ', 'EC ', 'DSA ', 'OPENSSH ', 'ENCRYPTED ', 'PGP '].flatMap((kind) => [
  `-----BEGIN ${kind}PRIVATE KEY-----`,
  `-----BEGIN ${kind}PRIVATE KEY BLOCK-----`,
]);
const LETTERS_AND_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_AND_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * `length` characters that look random (distinct for the alphabet's first pass, so above the
 * entropy threshold) and are the same on every call: a stand-in is reproducible, not a secret.
 */
function filler(length: number, alphabet = LETTERS_AND_DIGITS): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[(i * 7 + 3) % alphabet.length];
  return text;
}

const DETECTORS: Detector[] = [
  {
    kind: 'private key',
    pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/g,
    shownPrefix: 0,
    standIn: (length) => PRIVATE_KEY_HEADERS.find((header) => header.length === length) ?? '',
  },
  {
    kind: 'GitHub token',
    pattern: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}\b/g,
    shownPrefix: 4,
    standIn: (length, shown) => shown + filler(length - shown.length),
  },
  {
    kind: 'GitHub fine-grained token',
    pattern: /\bgithub_pat_[A-Za-z0-9_]{60,255}\b/g,
    shownPrefix: 11,
    standIn: (length, shown) => shown + filler(length - shown.length),
  },
  {
    kind: 'AWS access key id',
    pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g,
    shownPrefix: 4,
    standIn: (length, shown) => shown + filler(length - shown.length, UPPER_AND_DIGITS),
  },
  {
    kind: 'Google API key',
    pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g,
    shownPrefix: 4,
    standIn: (length, shown) => shown + filler(length - shown.length),
  },
  {
    kind: 'Google service account key',
    pattern: /"type"\s*:\s*"service_account"/g,
    shownPrefix: 0,
    standIn: (length) => `"type":${' '.repeat(Math.max(0, length - 24))}"service_account"`,
  },
  {
    kind: 'Slack token',
    pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,250}\b/g,
    shownPrefix: 5,
    standIn: (length, shown) => shown + filler(length - shown.length),
  },
  {
    kind: 'Slack webhook',
    pattern: /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/_-]{20,}/g,
    shownPrefix: 34,

    standIn: (length, shown) => shown + filler(length - shown.length),
  },
  {
    kind: 'npm token',
    pattern: /\bnpm_[A-Za-z0-9]{36}\b/g,
    shownPrefix: 4,
    standIn: (length, shown) => shown + filler(length - shown.length),
  },
  {
    kind: 'JSON Web Token',
    pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
    shownPrefix: 0,

    standIn: (length) => {
      const part = Math.max(8, Math.floor((length - 8) / 3));
      return `eyJ${filler(part)}.eyJ${filler(part)}.${filler(Math.max(8, length - 8 - 2 * part))}`;
    },
  },
];

/** Names whose values are credentials by convention; the value must still look random. */
const SENSITIVE_NAME =
  /(?:^|[_.-])(?:PASSWORD|PASSWD|PWD|PASS|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH)(?:$|[_.-])/i;
const ASSIGNMENT =
  /(?:^|[\s;&|"'])(?:export\s+|ENV\s+|ARG\s+)?([A-Za-z_][A-Za-z0-9_.-]{0,100})[=\s:]+["']?([^\s"';&|]{1,500})/g;

/** Scans text for credentials; `key` names where the text came from (an env var, a label). */
export function findSecrets(text: string, key?: string): SecretMatch[] {
  const matches: SecretMatch[] = [];
  for (const detector of DETECTORS) {
    for (const match of text.matchAll(detector.pattern)) {
      matches.push({ kind: detector.kind, key, redacted: redact(match[0], detector.shownPrefix) });
    }
  }
  if (key !== undefined && SENSITIVE_NAME.test(key) && looksRandom(text)) {
    matches.push({ kind: 'secret-named value', key, redacted: redact(text, 0) });
  }
  for (const assignment of text.matchAll(ASSIGNMENT)) {
    const [, name, value] = assignment;
    if (SENSITIVE_NAME.test(name!) && looksRandom(value!) && !matches.some((m) => m.key === name)) {
      matches.push({ kind: 'secret-named value', key: name, redacted: redact(value!, 0) });
    }
  }
  return dedupe(matches);
}

/**
 * Placeholders (`changeme`, `${TOKEN}`, `/run/secrets/x`) are not secrets; a value of 12+ characters
 * with enough entropy is treated as one.
 */
function looksRandom(value: string): boolean {
  if (value.length < 12 || /^\$\{?[A-Za-z_]/.test(value) || /^\/(?:run|var|etc|tmp)\//.test(value))
    return false;
  if (/^(?:true|false|null|none|changeme|example|placeholder|x+|\*+)$/i.test(value)) return false;
  return shannonEntropy(value) >= 3.5;
}

function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

function redact(secret: string, shownPrefix: number): string {
  return `${secret.slice(0, shownPrefix)}…(${secret.length} chars, redacted)`;
}

function dedupe(matches: SecretMatch[]): SecretMatch[] {
  const seen = new Set<string>();
  return matches.filter((match) => {
    const id = `${match.kind}\u0000${match.key ?? ''}\u0000${match.redacted}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** A stand-in for a text that carries credentials; `exact` when it is found and redacted the same. */
export interface SecretStandIn {
  text: string;
  exact: boolean;
}

export const REDACTED_PLACEHOLDER = '[credential removed by supply-chain-gate]';

/**
 * For a text `findSecrets` finds credentials in: made-up text in which it finds the same
 * credentials (kind, key, shown prefix and length), so an evidence snapshot can leave the real
 * ones out and still be judged as the image was. Undefined when the text holds none. When no
 * such text can be made, a placeholder, and `exact: false`.
 */
export function secretStandIn(text: string, key?: string): SecretStandIn | undefined {
  const matches = findSecrets(text, key);
  if (matches.length === 0) return undefined;
  // Assignments first: one after a token would be read as that token's value.
  const assignments: string[] = [];
  const pieces: string[] = [];
  let wholeLength: number | undefined;
  for (const match of matches) {
    const { shown, length } = readRedaction(match.redacted);
    if (match.kind === 'secret-named value') {
      if (key !== undefined && match.key === key) wholeLength = length;
      else assignments.push(`${match.key}=${filler(length)}`);
      continue;
    }
    const detector = DETECTORS.find((candidate) => candidate.kind === match.kind);
    if (detector) pieces.push(detector.standIn(length, shown));
  }
  let made = [...assignments, ...pieces].join(' ');
  if (wholeLength !== undefined && made.length < wholeLength) {
    made = made ? `${filler(wholeLength - made.length - 1)} ${made}` : filler(wholeLength);
  }
  const same = JSON.stringify(findSecrets(made, key)) === JSON.stringify(matches);
  return same ? { text: made, exact: true } : { text: REDACTED_PLACEHOLDER, exact: false };
}

function readRedaction(redacted: string): { shown: string; length: number } {
  const match = /^([^]*)…\((\d+) chars, redacted\)$/.exec(redacted);
  return { shown: match?.[1] ?? '', length: Number(match?.[2] ?? 0) };
}
