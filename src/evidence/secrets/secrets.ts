/**
 * Finds credentials in text an image carries (Env, labels, build history, layer files). Three
 * sources of matches: the maintained library (secret-library.ts, loaded only when a scan runs),
 * the project's own rules for formats the library lacks (secret-rules.ts), and values assigned to
 * secret-sounding names that look like credentials. Matches of one secret are merged into one
 * finding naming every rule that matched. A finding carries where it is and a redacted form: the
 * secret itself never leaves this module.
 */
import type { LibraryMatch } from './secret-library.js';
import { isPlaceholder, OWN_RULES } from './secret-rules.js';

export interface SecretMatch {
  /** What kind of credential it looks like: the first of `rules`. */
  kind: string;
  /** Every rule that matched this secret, library rules first. */
  rules: string[];
  /** The variable, label or key it was assigned to, when there is one. */
  key?: string;
  /** 1-based line of the text it starts on, for text of more than one line. */
  line?: number;
  /** Safe to show: a known public prefix at most, then the length. */
  redacted: string;
}

export type LibraryScan = (text: string) => Promise<LibraryMatch[]>;

export interface SecretDetector {
  /** `key` names where the text came from when the whole text is one value (an env var, a label). */
  scan(text: string, key?: string): Promise<SecretMatch[]>;
  /**
   * The same for many values at once, in order: the library sees them in a few large texts, since
   * each of its calls costs far more than the text it reads (an image may set 200,000 variables).
   */
  scanEach(values: Array<{ text: string; key?: string }>): Promise<SecretMatch[][]>;
}

/** Values are joined by a blank line, which no credential format spans; a batch stays this small. */
const BATCH_SEPARATOR = '\n\n';
const BATCH_CHARS = 1 << 20;

/** Loads the library (a separate chunk of the bundle) and returns a detector using it. */
export async function loadSecretDetector(): Promise<SecretDetector> {
  const { libraryMatches } = await import('./secret-library.js');
  return createSecretDetector(libraryMatches);
}

export function createSecretDetector(library: LibraryScan): SecretDetector {
  return {
    async scan(text, key) {
      return combineMatches(text, key, await library(text));
    },
    async scanEach(values) {
      const results: SecretMatch[][] = [];
      for (let first = 0; first < values.length;) {
        let last = first;
        let chars = values[first]!.text.length;
        while (last + 1 < values.length && chars + values[last + 1]!.text.length < BATCH_CHARS) {
          last++;
          chars += values[last]!.text.length + BATCH_SEPARATOR.length;
        }
        const batch = values.slice(first, last + 1);
        const starts: number[] = [];
        let offset = 0;
        for (const value of batch) {
          starts.push(offset);
          offset += value.text.length + BATCH_SEPARATOR.length;
        }
        const found = await library(batch.map((value) => value.text).join(BATCH_SEPARATOR));
        batch.forEach((value, index) => {
          const start = starts[index]!;
          const end = start + value.text.length;
          const own = found
            .filter((match) => match.start >= start && match.end <= end)
            .map((match) => ({ ...match, start: match.start - start, end: match.end - start }));
          results.push(combineMatches(value.text, value.key, own));
        });
        first = last + 1;
      }
      return results;
    },
  };
}

const SECRET_NAMED = 'secret-named value';

/** Names whose values are credentials by convention; the value must still look like one. */
const SENSITIVE_NAME =
  /(?:^|[_.-])(?:PASSWORD|PASSWD|PWD|PASS|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|SECRET_?KEY|PRIVATE_?KEY|CLIENT_?SECRET|CREDENTIALS?|AUTH|AUTH_?TOKEN)(?:$|[_.-])/i;
/** …unless the name says the value is about the credential, not the credential (`TOKEN_URL`). */
const ABOUT_A_SECRET =
  /[_.-](?:URL|URI|FILE|PATH|DIR|ENDPOINT|HOST|PORT|NAME|TYPE|ID|ALGORITHM|ALG|HEADER|LENGTH|TTL|TIMEOUT|EXPIRY|EXPIRES|LIFETIME|VERSION|REGION|MODE|KIND|PREFIX|FORMAT|ENABLED|REQUIRED|METHOD)$/i;
/**
 * Assignments are found name first: a sensitive word, then the name around it, then what follows
 * it. Scanning for the words is cheap; a pattern for "any name, then a value" tries every word of
 * every file.
 */
const NAME_WORD = /PASS|PWD|SECRET|TOKEN|KEY|CREDENTIAL|AUTH/gi;
const NAME_CHAR = /[A-Za-z0-9_.-]/;
/**
 * At a name's start: `NAME=value`, `NAME: value`, `"name": "value"`, `name = 'value'`, `NAME => value`,
 * and after `ENV`/`ARG` also `NAME value`. The value quoted or bare (group 2, 3 or 4).
 */
const ASSIGNED =
  /([A-Za-z_][A-Za-z0-9_.-]{0,100})["']?[ \t]*(?:=>|:=|=|:)[ \t]*(?:"([^"\n]{1,500})"|'([^'\n]{1,500})'|([^\s"'`;&|,}]{1,500}))/dy;
const ASSIGNED_BY_SPACE =
  /([A-Za-z_][A-Za-z0-9_.-]{0,100})[ \t]+(?:"([^"\n]{1,500})"|'([^'\n]{1,500})'|([^\s"'`;&|,}]{1,500}))/dy;

/** Public, fixed prefixes of token formats: the only part of a secret a report may show. */
const PUBLIC_PREFIX =
  /^(?:gh[pousr]_|github_pat_|glpat-|glrt-|gldt-|glptt-|xox[abposr]-|xapp-|[sr]k_(?:live|test)_|sk-ant-(?:api|admin)\d\d-|sk-(?:proj|svcacct|admin)-|hf_|npm_|SG\.|AKIA|ASIA|AIza|GOCSPX-|do[opr]_v1_|pypi-|dapi|hv[sbr]\.|dckr_pat_|figd_|lin_api_|ntn_|gsk_|shp(?:at|ca|pa|ss)_|glc_|glsa_|vc[piark]_|tskey-[a-z]+-|PMAK-|NR(?:AK|II|AA)-|AGE-SECRET-KEY-|dp\.[a-z]+\.|pul-|dt0c01\.|sntr[yus]s?_|ATATT|cf(?:k|ut|at)_|ops_|https:\/\/hooks\.slack\.com\/services\/)/;

interface RawMatch {
  start: number;
  end: number;
  kind: string;
  key?: string;
}

/** Merges the three sources' matches in `text`: one finding per secret. Pure. */
export function combineMatches(
  text: string,
  key: string | undefined,
  library: LibraryMatch[],
): SecretMatch[] {
  const raw: RawMatch[] = library.map(({ start, end, kind }) => ({ start, end, kind }));
  for (const rule of OWN_RULES) {
    if (!text.includes(rule.hint)) continue;
    rule.pattern.lastIndex = 0;
    for (const match of text.matchAll(rule.pattern)) {
      const secret = match[1] ?? match[0];
      const start = match.index + (match[1] === undefined ? 0 : match[0].indexOf(match[1]));
      if (rule.accept && !rule.accept(secret)) continue;
      raw.push({ start, end: start + secret.length, kind: rule.kind });
    }
  }
  const assignments = secretNamedValues(text, key);
  raw.push(...assignments);
  // A token-shaped placeholder (`sk_live_xxxx…`) or a documented example key matches a format too.
  // Structured matches (a key file, a PEM block) span lines and words: those are judged whole.
  const real = raw.filter((m) => {
    const matched = text.slice(m.start, m.end);
    return /\s/.test(matched) || matched.length > 256 || !isPlaceholder(matched);
  });
  return mergeOverlapping(real).map((group) => {
    const start = Math.min(...group.map((m) => m.start));
    const end = Math.max(...group.map((m) => m.end));
    const secret = text.slice(start, end);
    const rules = [...new Set(group.map((m) => m.kind))];
    // The name it was assigned to: an assignment around it, else the caller's key.
    const named = assignments.find((a) => a.start <= start && a.end >= end) ?? group.find((m) => m.key);
    const match: SecretMatch = { kind: rules[0]!, rules, redacted: redact(secret) };
    const name = named?.key ?? key;
    if (name !== undefined) match.key = shownName(name);
    if (text.includes('\n')) match.line = lineOf(text, start);
    return match;
  });
}

function secretNamedValues(text: string, key: string | undefined): RawMatch[] {
  const found: RawMatch[] = [];
  if (key !== undefined && isSecretName(key) && looksLikeCredential(text.trim())) {
    const start = text.length - text.trimStart().length;
    found.push({ start, end: start + text.trim().length, kind: SECRET_NAMED, key });
  }
  found.push(...assignedValues(text));
  return found;
}

/** Values assigned to secret-sounding names in `text`, wherever they sit (a connection string too). */
function assignedValues(text: string): RawMatch[] {
  const found: RawMatch[] = [];
  NAME_WORD.lastIndex = 0;
  for (let word = NAME_WORD.exec(text); word; word = NAME_WORD.exec(text)) {
    let start = word.index;
    while (start > 0 && NAME_CHAR.test(text[start - 1]!)) start--;
    const byKeyword = /(?:^|[\s;&|(])(?:ENV|ARG)[ \t]+$/.test(text.slice(Math.max(0, start - 8), start));
    const pattern = byKeyword ? ASSIGNED_BY_SPACE : ASSIGNED;
    pattern.lastIndex = start;
    const assignment =
      pattern.exec(text) ?? (byKeyword ? ((ASSIGNED.lastIndex = start), ASSIGNED.exec(text)) : null);
    if (!assignment) continue;
    NAME_WORD.lastIndex = start + assignment[1]!.length;
    const name = assignment[1]!;
    const group = [2, 3, 4].find((i) => assignment[i] !== undefined)!;
    const value = assignment[group]!;
    if (!isSecretName(name) || !looksLikeCredential(value)) continue;
    const [valueStart, valueEnd] = assignment.indices![group]!;
    found.push({ start: valueStart, end: valueEnd, kind: SECRET_NAMED, key: name });
  }
  return found;
}

/** A name is shown as it is unless it could itself hold a token (long, or a long random run). */
function shownName(name: string): string {
  return name.length > 64 || /[A-Za-z0-9]{24,}/.test(name) ? `${name.slice(0, 4)}…` : name;
}

function isSecretName(name: string): boolean {
  return SENSITIVE_NAME.test(name) && !ABOUT_A_SECRET.test(name);
}

/**
 * A value under a secret-sounding name counts when it could be a credential: not a placeholder or
 * documented example, not a URL without a password (the URL rules judge those) or a path, not
 * plain words, and random enough.
 */
export function looksLikeCredential(value: string): boolean {
  if (value.length < 10 || isPlaceholder(value)) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return false;
  if (/^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:\\)/.test(value)) return false;
  // Code that fetches the secret (`os.environ[`, `process.env.TOKEN`, `config.get(`) is not one.
  if (/^[A-Za-z_$][\w$.]*[([]/.test(value) || /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value))
    return false;
  // Words (`ReplaceWithYourToken`, `my-secret-value`); a long run of letters is random, not a word.
  if (/^[A-Za-z]{1,24}(?:[ _.-][A-Za-z]{1,24})*$/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((c) => c.test(value)).length;
  if (classes < 2) return /^[0-9a-f]{32,}$/i.test(value);
  return shannonEntropy(value) >= Math.min(3.3, Math.log2(value.length) * 0.8);
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

/** Groups matches whose ranges overlap: they are one secret seen by several rules. */
function mergeOverlapping(matches: RawMatch[]): RawMatch[][] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const groups: RawMatch[][] = [];
  let groupEnd = -1;
  for (const match of sorted) {
    if (groups.length > 0 && match.start < groupEnd) {
      groups[groups.length - 1]!.push(match);
      groupEnd = Math.max(groupEnd, match.end);
    } else {
      groups.push([match]);
      groupEnd = match.end;
    }
  }
  return groups;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** The redacted form every report shows: a known public prefix at most, then the length. */
export function redact(secret: string): string {
  const shown = PUBLIC_PREFIX.exec(secret)?.[0] ?? '';
  return `${shown}…(${secret.length} chars, redacted)`;
}
