/**
 * The project's own credential rules: only formats the maintained library (secret-library.ts) has
 * no rule for, each in the shape its vendor documents. docs/secrets.md lists which side covers
 * what, beside Trivy's and gitleaks' rules. Pure.
 */

export interface OwnRule {
  kind: string;
  /** A literal every match contains: text without it is not searched (a fast substring test). */
  hint: string;
  /** Global; group 1, when present, is the credential within the match. */
  pattern: RegExp;
  /** A check on the credential the pattern cannot express (what a base64 blob decodes to). */
  accept?: (secret: string) => boolean;
}

const decodesTo = (test: RegExp) => (secret: string) =>
  test.test(Buffer.from(secret, 'base64').toString('latin1'));

export const OWN_RULES: OwnRule[] = [
  {
    kind: 'Google API key',
    hint: 'AIza',
    pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g,
  },
  {
    kind: 'Google OAuth client secret',
    hint: 'GOCSPX-',
    pattern: /(?<![A-Za-z0-9_-])GOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])/g,
  },
  {
    kind: 'DigitalOcean token',
    hint: '_v1_',
    pattern: /(?<![A-Za-z0-9_])do[opr]_v1_[a-f0-9]{64}(?![a-f0-9])/g,
  },
  // A macaroon whose first caveat names pypi.org: "pypi-" then base64url of its header.
  {
    kind: 'PyPI upload token',
    hint: 'pypi-',
    pattern: /(?<![A-Za-z0-9_-])pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}/g,
  },
  {
    kind: 'Azure storage account key',
    hint: 'Key',
    pattern: /(?:AccountKey|SharedAccessKey)\s*=\s*([A-Za-z0-9+/]{40,86}={0,2})(?=[;"'\s]|$)/g,
  },
  {
    kind: 'Azure Entra client secret',
    hint: 'Q~',
    pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g,
  },
  {
    kind: 'JSON Web Token',
    hint: 'eyJ',
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
  },
  {
    kind: 'GitLab runner or deploy token',
    hint: 'gl',
    pattern: /(?<![A-Za-z0-9_-])gl(?:rt|dt|ptt|ft|oas)-[A-Za-z0-9_-]{20,}/g,
  },
  { kind: 'Twilio API key', hint: 'SK', pattern: /(?<![A-Za-z0-9])SK[0-9a-f]{32}(?![A-Za-z0-9])/g },
  {
    kind: 'Atlassian API token',
    hint: 'ATATT3',
    pattern: /(?<![A-Za-z0-9_-])ATATT3[A-Za-z0-9_=-]{180,200}/g,
  },
  {
    kind: 'Postman API key',
    hint: 'PMAK-',
    pattern: /(?<![A-Za-z0-9])PMAK-[a-f0-9]{24}-[a-f0-9]{34}(?![a-f0-9])/g,
  },
  {
    kind: 'age secret key',
    hint: 'AGE-SECRET-KEY-1',
    pattern: /AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}/g,
  },
  {
    kind: 'New Relic API key',
    hint: 'NR',
    pattern: /(?<![A-Za-z0-9])NR(?:AK|II|AA)-[A-Z0-9]{27,32}(?![A-Za-z0-9])/g,
  },
  {
    kind: 'Doppler token',
    hint: 'dp.',
    pattern: /(?<![A-Za-z0-9])dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}/g,
  },
  { kind: 'Pulumi token', hint: 'pul-', pattern: /(?<![A-Za-z0-9])pul-[a-f0-9]{40}(?![a-f0-9])/g },
  { kind: 'Dynatrace token', hint: 'dt0c01.', pattern: /dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}/g },
  { kind: 'Sentry token', hint: 'sntr', pattern: /(?<![A-Za-z0-9_])sntr[yus]s?_[A-Za-z0-9+/=_]{40,}/g },
  {
    kind: 'Telegram bot token',
    hint: ':AA',
    pattern: /(?<![0-9])\d{8,10}:AA[0-9A-Za-z_-]{33}(?![0-9A-Za-z_-])/g,
  },
  {
    kind: 'Discord webhook',
    hint: '/api/webhooks/',
    pattern: /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d+\/[A-Za-z0-9_-]{60,70}/g,
  },
  // Kubeconfig `client-key-data`, Kubernetes Secrets, Helm values: a PEM private key in base64.
  {
    kind: 'base64-encoded private key',
    hint: 'LS0tLS1CRUdJTi',
    pattern: /(?<![A-Za-z0-9+/])LS0tLS1CRUdJTi[A-Za-z0-9+/]{60,}={0,2}/g,
    accept: decodesTo(/^-----BEGIN [A-Z ]*PRIVATE KEY-----/),
  },
  // Docker's config.json: `"auth"` is base64 of `user:password`.
  {
    kind: 'registry credential',
    hint: '"auth"',
    pattern: /"auth"\s*:\s*"([A-Za-z0-9+/]{8,}={0,2})"/g,
    accept: decodesTo(/^[^:\s]{1,256}:\S{4,}$/),
  },
  // Any scheme (redis, amqp, smtp, ldap, …): the library knows http(s), ftp and three databases.
  {
    kind: 'URL with password',
    hint: '://',
    // Starts at "://" (a literal the engine scans for), the scheme checked behind it.
    pattern:
      /:\/\/(?<=\b[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/)[^\s:/@"'<>`]{1,100}:([^\s@/"'<>`]{1,200})@[A-Za-z0-9[]/g,
    accept: (password) => !isPlaceholder(decodeURIComponentSafe(password)),
  },
];

/**
 * Values that stand for a credential without being one: template variables, `<your token>`,
 * `changeme`, `xxxx`, and the example keys vendors document (AWS's `…EXAMPLE`).
 */
export function isPlaceholder(value: string): boolean {
  const v = value.trim().replace(/^["']|["']$/g, '');
  if (/^\$\{?[A-Za-z_]|^\$\(|\{\{.*\}\}|^%[A-Za-z_]+%$|^\$[0-9]/.test(v)) return true;
  if (/^[<[(].*[>\])]$/.test(v)) return true;
  if (
    /example|x{4,}|\*{3,}|\.{3}|…|redacted|placeholder|changeme|change_me|changeit|replace[_-]?me|your[_-]/i.test(
      v,
    )
  )
    return true;
  return /^(?:true|false|null|nil|none|undefined|secret|password|passwd|pass|token|dummy|test|testing|sample|default|todo|fixme|x+|-+|0+)$/i.test(
    v,
  );
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
