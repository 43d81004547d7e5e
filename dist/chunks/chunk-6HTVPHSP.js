import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);

// src/evidence/secrets/secret-rules.ts
var decodesTo = (test) => (secret) => test.test(Buffer.from(secret, "base64").toString("latin1"));
var OWN_RULES = [
  {
    kind: "Google API key",
    hint: "AIza",
    pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g
  },
  {
    kind: "Google OAuth client secret",
    hint: "GOCSPX-",
    pattern: /(?<![A-Za-z0-9_-])GOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])/g
  },
  {
    kind: "DigitalOcean token",
    hint: "_v1_",
    pattern: /(?<![A-Za-z0-9_])do[opr]_v1_[a-f0-9]{64}(?![a-f0-9])/g
  },
  // A macaroon whose first caveat names pypi.org: "pypi-" then base64url of its header.
  {
    kind: "PyPI upload token",
    hint: "pypi-",
    pattern: /(?<![A-Za-z0-9_-])pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}/g
  },
  {
    kind: "Azure storage account key",
    hint: "Key",
    pattern: /(?:AccountKey|SharedAccessKey)\s*=\s*([A-Za-z0-9+/]{40,86}={0,2})(?=[;"'\s]|$)/g
  },
  {
    kind: "Azure Entra client secret",
    hint: "Q~",
    pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g
  },
  {
    kind: "JSON Web Token",
    hint: "eyJ",
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g
  },
  {
    kind: "GitLab runner or deploy token",
    hint: "gl",
    pattern: /(?<![A-Za-z0-9_-])gl(?:rt|dt|ptt|ft|oas)-[A-Za-z0-9_-]{20,}/g
  },
  { kind: "Twilio API key", hint: "SK", pattern: /(?<![A-Za-z0-9])SK[0-9a-f]{32}(?![A-Za-z0-9])/g },
  {
    kind: "Atlassian API token",
    hint: "ATATT3",
    pattern: /(?<![A-Za-z0-9_-])ATATT3[A-Za-z0-9_=-]{180,200}/g
  },
  {
    kind: "Postman API key",
    hint: "PMAK-",
    pattern: /(?<![A-Za-z0-9])PMAK-[a-f0-9]{24}-[a-f0-9]{34}(?![a-f0-9])/g
  },
  {
    kind: "age secret key",
    hint: "AGE-SECRET-KEY-1",
    pattern: /AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}/g
  },
  {
    kind: "New Relic API key",
    hint: "NR",
    pattern: /(?<![A-Za-z0-9])NR(?:AK|II|AA)-[A-Z0-9]{27,32}(?![A-Za-z0-9])/g
  },
  {
    kind: "Doppler token",
    hint: "dp.",
    pattern: /(?<![A-Za-z0-9])dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}/g
  },
  { kind: "Pulumi token", hint: "pul-", pattern: /(?<![A-Za-z0-9])pul-[a-f0-9]{40}(?![a-f0-9])/g },
  { kind: "Dynatrace token", hint: "dt0c01.", pattern: /dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}/g },
  { kind: "Sentry token", hint: "sntr", pattern: /(?<![A-Za-z0-9_])sntr[yus]s?_[A-Za-z0-9+/=_]{40,}/g },
  {
    kind: "Telegram bot token",
    hint: ":AA",
    pattern: /(?<![0-9])\d{8,10}:AA[0-9A-Za-z_-]{33}(?![0-9A-Za-z_-])/g
  },
  {
    kind: "Discord webhook",
    hint: "/api/webhooks/",
    pattern: /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d+\/[A-Za-z0-9_-]{60,70}/g
  },
  // Kubeconfig `client-key-data`, Kubernetes Secrets, Helm values: a PEM private key in base64.
  {
    kind: "base64-encoded private key",
    hint: "LS0tLS1CRUdJTi",
    pattern: /(?<![A-Za-z0-9+/])LS0tLS1CRUdJTi[A-Za-z0-9+/]{60,}={0,2}/g,
    accept: decodesTo(/^-----BEGIN [A-Z ]*PRIVATE KEY-----/)
  },
  // Docker's config.json: `"auth"` is base64 of `user:password`.
  {
    kind: "registry credential",
    hint: '"auth"',
    pattern: /"auth"\s*:\s*"([A-Za-z0-9+/]{8,}={0,2})"/g,
    accept: decodesTo(/^[^:\s]{1,256}:\S{4,}$/)
  },
  // Any scheme (redis, amqp, smtp, ldap, …): the library knows http(s), ftp and three databases.
  {
    kind: "URL with password",
    hint: "://",
    // Starts at "://" (a literal the engine scans for), the scheme checked behind it.
    pattern: /:\/\/(?<=\b[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/)[^\s:/@"'<>`]{1,100}:([^\s@/"'<>`]{1,200})@[A-Za-z0-9[]/g,
    accept: (password) => !isPlaceholder(decodeURIComponentSafe(password))
  }
];
function isPlaceholder(value) {
  const v = value.trim().replace(/^["']|["']$/g, "");
  if (/^\$\{?[A-Za-z_]|^\$\(|\{\{.*\}\}|^%[A-Za-z_]+%$|^\$[0-9]/.test(v)) return true;
  if (/^[<[(].*[>\])]$/.test(v)) return true;
  if (/example|x{4,}|\*{3,}|\.{3}|…|redacted|placeholder|changeme|change_me|changeit|replace[_-]?me|your[_-]/i.test(
    v
  ))
    return true;
  return /^(?:true|false|null|nil|none|undefined|secret|password|passwd|pass|token|dummy|test|testing|sample|default|todo|fixme|x+|-+|0+)$/i.test(
    v
  );
}
function decodeURIComponentSafe(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// src/evidence/secrets/secrets.ts
var BATCH_SEPARATOR = "\n\n";
var BATCH_CHARS = 1 << 20;
async function loadSecretDetector() {
  const { libraryMatches } = await import("./secret-library-YPZLHDIQ.js");
  return createSecretDetector(libraryMatches);
}
function createSecretDetector(library) {
  return {
    async scan(text, key) {
      return combineMatches(text, key, await library(text));
    },
    async scanEach(values) {
      const results = [];
      for (let first = 0; first < values.length; ) {
        let last = first;
        let chars = values[first].text.length;
        while (last + 1 < values.length && chars + values[last + 1].text.length < BATCH_CHARS) {
          last++;
          chars += values[last].text.length + BATCH_SEPARATOR.length;
        }
        const batch = values.slice(first, last + 1);
        const starts = [];
        let offset = 0;
        for (const value of batch) {
          starts.push(offset);
          offset += value.text.length + BATCH_SEPARATOR.length;
        }
        const found = await library(batch.map((value) => value.text).join(BATCH_SEPARATOR));
        batch.forEach((value, index) => {
          const start = starts[index];
          const end = start + value.text.length;
          const own = found.filter((match) => match.start >= start && match.end <= end).map((match) => ({ ...match, start: match.start - start, end: match.end - start }));
          results.push(combineMatches(value.text, value.key, own));
        });
        first = last + 1;
      }
      return results;
    }
  };
}
var SECRET_NAMED = "secret-named value";
var SENSITIVE_NAME = /(?:^|[_.-])(?:PASSWORD|PASSWD|PWD|PASS|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|SECRET_?KEY|PRIVATE_?KEY|CLIENT_?SECRET|CREDENTIALS?|AUTH|AUTH_?TOKEN)(?:$|[_.-])/i;
var ABOUT_A_SECRET = /[_.-](?:URL|URI|FILE|PATH|DIR|ENDPOINT|HOST|PORT|NAME|TYPE|ID|ALGORITHM|ALG|HEADER|LENGTH|TTL|TIMEOUT|EXPIRY|EXPIRES|LIFETIME|VERSION|REGION|MODE|KIND|PREFIX|FORMAT|ENABLED|REQUIRED|METHOD)$/i;
var NAME_WORD = /PASS|PWD|SECRET|TOKEN|KEY|CREDENTIAL|AUTH/gi;
var NAME_CHAR = /[A-Za-z0-9_.-]/;
var ASSIGNED = /([A-Za-z_][A-Za-z0-9_.-]{0,100})["']?[ \t]*(?:=>|:=|=|:)[ \t]*(?:"([^"\n]{1,500})"|'([^'\n]{1,500})'|([^\s"'`;&|,}]{1,500}))/dy;
var ASSIGNED_BY_SPACE = /([A-Za-z_][A-Za-z0-9_.-]{0,100})[ \t]+(?:"([^"\n]{1,500})"|'([^'\n]{1,500})'|([^\s"'`;&|,}]{1,500}))/dy;
var PUBLIC_PREFIX = /^(?:gh[pousr]_|github_pat_|glpat-|glrt-|gldt-|glptt-|xox[abposr]-|xapp-|[sr]k_(?:live|test)_|sk-ant-(?:api|admin)\d\d-|sk-(?:proj|svcacct|admin)-|hf_|npm_|SG\.|AKIA|ASIA|AIza|GOCSPX-|do[opr]_v1_|pypi-|dapi|hv[sbr]\.|dckr_pat_|figd_|lin_api_|ntn_|gsk_|shp(?:at|ca|pa|ss)_|glc_|glsa_|vc[piark]_|tskey-[a-z]+-|PMAK-|NR(?:AK|II|AA)-|AGE-SECRET-KEY-|dp\.[a-z]+\.|pul-|dt0c01\.|sntr[yus]s?_|ATATT|cf(?:k|ut|at)_|ops_|https:\/\/hooks\.slack\.com\/services\/)/;
function combineMatches(text, key, library) {
  const raw = library.map(({ start, end, kind }) => ({ start, end, kind }));
  for (const rule of OWN_RULES) {
    if (!text.includes(rule.hint)) continue;
    rule.pattern.lastIndex = 0;
    for (const match of text.matchAll(rule.pattern)) {
      const secret = match[1] ?? match[0];
      const start = match.index + (match[1] === void 0 ? 0 : match[0].indexOf(match[1]));
      if (rule.accept && !rule.accept(secret)) continue;
      raw.push({ start, end: start + secret.length, kind: rule.kind });
    }
  }
  const assignments = secretNamedValues(text, key);
  raw.push(...assignments);
  const real = raw.filter((m) => {
    const matched = text.slice(m.start, m.end);
    return /\s/.test(matched) || matched.length > 256 || !isPlaceholder(matched);
  });
  return mergeOverlapping(real).map((group) => {
    const start = Math.min(...group.map((m) => m.start));
    const end = Math.max(...group.map((m) => m.end));
    const secret = text.slice(start, end);
    const rules = [...new Set(group.map((m) => m.kind))];
    const named = assignments.find((a) => a.start <= start && a.end >= end) ?? group.find((m) => m.key);
    const match = { kind: rules[0], rules, redacted: redact(secret) };
    const name = named?.key ?? key;
    if (name !== void 0) match.key = shownName(name);
    if (text.includes("\n")) match.line = lineOf(text, start);
    return match;
  });
}
function secretNamedValues(text, key) {
  const found = [];
  if (key !== void 0 && isSecretName(key) && looksLikeCredential(text.trim())) {
    const start = text.length - text.trimStart().length;
    found.push({ start, end: start + text.trim().length, kind: SECRET_NAMED, key });
  }
  found.push(...assignedValues(text));
  return found;
}
function assignedValues(text) {
  const found = [];
  NAME_WORD.lastIndex = 0;
  for (let word = NAME_WORD.exec(text); word; word = NAME_WORD.exec(text)) {
    let start = word.index;
    while (start > 0 && NAME_CHAR.test(text[start - 1])) start--;
    const byKeyword = /(?:^|[\s;&|(])(?:ENV|ARG)[ \t]+$/.test(text.slice(Math.max(0, start - 8), start));
    const pattern = byKeyword ? ASSIGNED_BY_SPACE : ASSIGNED;
    pattern.lastIndex = start;
    const assignment = pattern.exec(text) ?? (byKeyword ? (ASSIGNED.lastIndex = start, ASSIGNED.exec(text)) : null);
    if (!assignment) continue;
    NAME_WORD.lastIndex = start + assignment[1].length;
    const name = assignment[1];
    const group = [2, 3, 4].find((i) => assignment[i] !== void 0);
    const value = assignment[group];
    if (!isSecretName(name) || !looksLikeCredential(value)) continue;
    const [valueStart, valueEnd] = assignment.indices[group];
    found.push({ start: valueStart, end: valueEnd, kind: SECRET_NAMED, key: name });
  }
  return found;
}
function shownName(name) {
  return name.length > 64 || /[A-Za-z0-9]{24,}/.test(name) ? `${name.slice(0, 4)}\u2026` : name;
}
function isSecretName(name) {
  return SENSITIVE_NAME.test(name) && !ABOUT_A_SECRET.test(name);
}
function looksLikeCredential(value) {
  if (value.length < 10 || isPlaceholder(value)) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return false;
  if (/^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:\\)/.test(value)) return false;
  if (/^[A-Za-z_$][\w$.]*[([]/.test(value) || /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value))
    return false;
  if (/^[A-Za-z]{1,24}(?:[ _.-][A-Za-z]{1,24})*$/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((c) => c.test(value)).length;
  if (classes < 2) return /^[0-9a-f]{32,}$/i.test(value);
  return shannonEntropy(value) >= Math.min(3.3, Math.log2(value.length) * 0.8);
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
function mergeOverlapping(matches) {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const groups = [];
  let groupEnd = -1;
  for (const match of sorted) {
    if (groups.length > 0 && match.start < groupEnd) {
      groups[groups.length - 1].push(match);
      groupEnd = Math.max(groupEnd, match.end);
    } else {
      groups.push([match]);
      groupEnd = match.end;
    }
  }
  return groups;
}
function lineOf(text, offset) {
  let line = 1;
  for (let at = text.indexOf("\n"); at !== -1 && at < offset; at = text.indexOf("\n", at + 1)) line++;
  return line;
}
function redact(secret) {
  const shown = PUBLIC_PREFIX.exec(secret)?.[0] ?? "";
  return `${shown}\u2026(${secret.length} chars, redacted)`;
}

export {
  loadSecretDetector
};
