/**
 * Fake credentials in each vendor's documented shape, random at every run, assembled from parts so
 * that no scanner (GitHub push protection among them) finds a key in this repository: none of
 * these were ever issued, and none appear literally in the source. Also the look-alikes a scanner
 * must leave alone.
 */
import { createHash, generateKeyPairSync, randomBytes, randomInt, randomUUID } from 'node:crypto';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const HEX = '0123456789abcdef';
const B64URL = `${ALNUM}_-`;
const B64 = `${ALNUM}+/`;

export function random(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}
/** Mixed classes guaranteed, so a short random value never happens to be all letters. */
function mixed(length: number): string {
  return random(UPPER, 2) + random(DIGITS, 2) + random(ALNUM, length - 4);
}
const join = (...parts: string[]) => parts.join('');

export interface FakeCredential {
  /** The format, as a test names it. */
  format: string;
  /** The secret a report must never show. */
  secret: string;
  /** The kind the gate is expected to name among its rules. */
  kind: RegExp;
}

export function pemPrivateKey(): string {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

/** One credential of each format: twenty-six of them. */
export function fakeCredentials(): Record<string, FakeCredential> {
  const jwt = [
    Buffer.from('{"alg":"RS256","kid":"k1"}').toString('base64url'),
    Buffer.from(`{"iss":"kubernetes/serviceaccount","sub":"${mixed(12)}"}`).toString('base64url'),
    random(B64URL, 86),
  ].join('.');
  const make = (format: string, secret: string, kind: RegExp): [string, FakeCredential] => [
    format,
    { format, secret, kind },
  ];
  return Object.fromEntries([
    make('github-classic', join('gh', 'p_', random(ALNUM, 36)), /GitHub token/),
    make(
      'github-fine-grained',
      join('github', '_pat_', random(ALNUM, 22), '_', random(ALNUM, 59)),
      /GitHub token/,
    ),
    make('gitlab', join('gl', 'pat-', random(B64URL, 20)), /GitLab token/),
    make('aws-key-id', join('AK', 'IA', random(`${UPPER}234567`, 16)), /AWS access key id/),
    // The library's pattern ends at a word boundary: a key ending in / or + is found by its name only.
    make('aws-secret', random(B64, 39) + random(ALNUM, 1), /AWS secret access key/),
    make('google-api-key', join('AI', 'za', random(B64URL, 35)), /Google API key/),
    make('google-oauth-secret', join('GOC', 'SPX-', random(B64URL, 28)), /Google OAuth client secret/),
    make(
      'slack-bot',
      join('xo', 'xb-', random(DIGITS, 12), '-', random(DIGITS, 13), '-', random(ALNUM, 24)),
      /Slack token/,
    ),
    make(
      'slack-webhook',
      join(
        'https://hooks.slack.com/',
        'services/T',
        random(UPPER + DIGITS, 10),
        '/B',
        random(UPPER + DIGITS, 10),
        '/',
        random(ALNUM, 24),
      ),
      /Slack webhook/,
    ),
    make('stripe', join('sk', '_live_', random(ALNUM, 99)), /Stripe key/),
    make(
      'sendgrid',
      join('S', 'G.', random(B64URL.replace('-', ''), 22), '.', random(B64URL.replace('-', ''), 43)),
      /SendGrid/,
    ),
    make(
      'openai',
      join('sk-', 'proj-', random(B64URL, 74), 'T3Blbk', 'FJ', random(B64URL, 73), random(ALNUM, 1)),
      /OpenAI/,
    ),
    make('anthropic', join('sk-', 'ant-', 'api03-', random(B64URL, 93), 'AA'), /Anthropic/),
    make('huggingface', join('h', 'f_', random(UPPER + LOWER, 34)), /Hugging Face/),
    make('digitalocean', join('do', 'p_v1_', random(HEX, 64)), /DigitalOcean/),
    make('shopify', join('shp', 'at_', random(HEX, 32)), /Shopify/),
    make('databricks', join('da', 'pi', random(HEX, 32)), /Databricks/),
    make('pypi', join('py', 'pi-', 'AgEIcHlwaS5vcmc', random(B64URL, 70)), /PyPI/),
    make('npm', join('np', 'm_', random(ALNUM, 36)), /npm token/),
    make('azure-storage', join(random(B64, 86), '=='), /Azure storage account key/),
    make('postgres-url', join('postgres://app:', mixed(20), '@db.internal:5432/orders'), /database URL/),
    make('amqp-url', join('amqp://worker:', mixed(18), '@rabbit.internal:5672/'), /URL with password/),
    make('twilio', join('S', 'K', random(HEX, 32)), /Twilio/),
    make('jwt', jwt, /JSON Web Token/),
    make('private-key', pemPrivateKey(), /private key/),
    make('password', mixed(24), /secret-named value/),
  ]);
}

/** A GCP service-account key file with a fresh key (never a real one). */
export function gcpServiceAccountJson(): { text: string; secret: string } {
  const key = pemPrivateKey();
  const text = JSON.stringify(
    {
      type: 'service_account',
      project_id: 'acme-prod',
      private_key_id: random(HEX, 40),
      private_key: key,
      client_email: 'deployer@acme-prod.iam.gserviceaccount.com',
      client_id: random(DIGITS, 21),
      token_uri: 'https://oauth2.googleapis.com/token',
    },
    null,
    2,
  );
  return { text, secret: key.split('\n')[1]! };
}

/** Things shaped like secrets that are not: none may be reported. */
export function lookAlikes(): {
  env: string[];
  labels: Record<string, string>;
  files: Record<string, string>;
} {
  const sha = createHash('sha1').update(randomBytes(8)).digest('hex');
  const digest = `sha256:${createHash('sha256').update(randomBytes(8)).digest('hex')}`;
  const integrity = `sha512-${createHash('sha512').update(randomBytes(8)).digest('base64')}`;
  const cert = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .publicKey.export({ type: 'spki', format: 'pem' })
    .toString();
  const exampleId = join('AKIA', 'IOSFODNN7', 'EXAMPLE');
  const exampleSecret = join('wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCY', 'EXAMPLEKEY');
  return {
    env: [
      'TOKEN_URL=https://auth.example.com/oauth/token',
      'PASSWORD_FILE=/run/secrets/db_password',
      'API_KEY=${API_KEY}',
      'DB_PASSWORD=changeme',
      'AUTH_SECRET=<your secret here>',
      'GITHUB_TOKEN=xxxxxxxxxxxxxxxxxxxxxxxx',
      `GIT_COMMIT=${sha}`,
      `BASE_DIGEST=${digest}`,
      `REQUEST_ID=${randomUUID()}`,
      'SECRET_NAME=prod/payments/db',
      'DATABASE_URL=postgres://db.internal:5432/orders',
      `AWS_ACCESS_KEY_ID=${exampleId}`,
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    ],
    labels: {
      'org.opencontainers.image.revision': sha,
      'org.opencontainers.image.base.digest': digest,
      'org.opencontainers.image.source': 'https://github.com/acme/app',
      'com.example.token-endpoint': 'https://auth.example.com/token',
    },
    files: {
      'app/package-lock.json': JSON.stringify({
        packages: { 'node_modules/left-pad': { version: '1.3.0', integrity } },
      }),
      'app/.env.example':
        'API_TOKEN=<your token>\nDB_PASSWORD=${DB_PASSWORD}\nSTRIPE_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx\n',
      'app/docs/aws.md': `aws_access_key_id = ${exampleId}\naws_secret_access_key = ${exampleSecret}\n`,
      'etc/app/public.pem': cert,
      'app/config.yml': `auth:\n  token_url: https://auth.example.com/token\n  password_file: /run/secrets/pw\n  client_id: ${randomUUID()}\nbuild:\n  commit: ${sha}\n  base: ${digest}\n`,
      'app/settings.py':
        "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']\nDATABASES = {'default': {'PASSWORD': os.getenv('DB_PASSWORD')}}\n",
    },
  };
}
