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
}

const DETECTORS: Detector[] = [
  {
    kind: 'private key',
    pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/g,
    shownPrefix: 0,
  },
  { kind: 'GitHub token', pattern: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}\b/g, shownPrefix: 4 },
  { kind: 'GitHub fine-grained token', pattern: /\bgithub_pat_[A-Za-z0-9_]{60,255}\b/g, shownPrefix: 11 },
  { kind: 'AWS access key id', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g, shownPrefix: 4 },
  { kind: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g, shownPrefix: 4 },
  { kind: 'Google service account key', pattern: /"type"\s*:\s*"service_account"/g, shownPrefix: 0 },
  { kind: 'Slack token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,250}\b/g, shownPrefix: 5 },
  {
    kind: 'Slack webhook',
    pattern: /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/_-]{20,}/g,
    shownPrefix: 34,
  },
  { kind: 'npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g, shownPrefix: 4 },
  {
    kind: 'JSON Web Token',
    pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
    shownPrefix: 0,
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
