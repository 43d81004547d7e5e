/**
 * The maintained rule set: secretlint's recommended preset, run on text we hand it. Loaded with
 * `await import()` by `loadSecretDetector` only when secrets are scanned, so a run that scans
 * nothing never parses it (docs/performance.md). What it reports is a rule and a range; its own
 * messages quote the secret, so they are never read.
 */
import { secretLintProfiler } from '@secretlint/profiler';
import { lintSource } from '@secretlint/core';
import { rules } from '@secretlint/secretlint-rule-preset-recommend';

/** A match of a library rule: where it is in the text and which kind of credential. */
export interface LibraryMatch {
  start: number;
  end: number;
  kind: string;
}

/** The library's rule ids, named as a reader knows them; a rule not listed keeps its own name. */
const KIND_BY_RULE: Record<string, string> = {
  aws: 'AWS credential',
  gcp: 'GCP service account key',
  privatekey: 'private key',
  npm: 'npm token',
  basicauth: 'URL with password',
  slack: 'Slack token',
  sendgrid: 'SendGrid API key',
  shopify: 'Shopify token',
  stripe: 'Stripe key',
  github: 'GitHub token',
  gitlab: 'GitLab token',
  grafana: 'Grafana token',
  openai: 'OpenAI API key',
  anthropic: 'Anthropic API key',
  groq: 'Groq API key',
  huggingface: 'Hugging Face token',
  linear: 'Linear API key',
  notion: 'Notion token',
  '1password': '1Password service account token',
  'database-connection-string': 'database URL with password',
  'hashicorp-vault': 'HashiCorp Vault token',
  vercel: 'Vercel token',
  databricks: 'Databricks token',
  docker: 'Docker Hub token',
  figma: 'Figma token',
  cloudflare: 'Cloudflare token',
  tailscale: 'Tailscale key',
};

const KIND_BY_MESSAGE: Record<string, string> = {
  AWSAccessKeyID: 'AWS access key id',
  AWSSecretAccessKey: 'AWS secret access key',
  SLACK_TOKEN: 'Slack token',
  IncomingWebhook: 'Slack webhook',
};

/**
 * Not credentials: an AWS account id is an identifier. `filter-comments` is left out: it lets a
 * `secretlint-disable` comment in the scanned text silence the scan, and the image's author is the
 * party being checked.
 */
const IGNORED_MESSAGES = new Set(['AWSAccountID']);
const LEFT_OUT_RULES = new Set(['@secretlint/secretlint-rule-filter-comments']);

const CONFIG: Parameters<typeof lintSource>[0]['options']['config'] = {
  rules: rules
    .filter((rule) => !LEFT_OUT_RULES.has(rule.meta.id))
    .map((rule) => ({
      id: rule.meta.id,
      rule,
      // Access key ids are off by default in the library (source trees hold many examples); an
      // image that carries one carries the key pair's first half.
      options: rule.meta.id.endsWith('/secretlint-rule-aws') ? { enableIDScanRule: true } : {},
    })),
};

// The profiler is on by default and adds performance marks to Node's global timeline for each
// rule and text; over thousands of files that grows without bound and triples the time per call.
secretLintProfiler.setEnabled(false);

/** The library's matches in `text`. No file path is given: a rule must never read the runner's disk. */
export async function libraryMatches(text: string): Promise<LibraryMatch[]> {
  const result = await lintSource({
    // An empty path: the GCP rule reads the file at `filePath` from disk when it is set. It looks
    // for service-account keys only in `.json` sources, so JSON is named so whatever its file name.
    source: {
      content: text,
      contentType: 'text',
      ext: /^\s*[{[]/.test(text) ? '.json' : '.txt',
      filePath: '',
    },
    options: { config: CONFIG, maskSecrets: true, noPhysicFilePath: true },
  });
  const matches: LibraryMatch[] = [];
  for (const message of result.messages) {
    if (IGNORED_MESSAGES.has(message.messageId)) continue;
    const [start, end] =
      message.messageId === 'AWSSecretAccessKey' ? awsSecretRange(text, message.range) : message.range;
    const short = message.ruleId.replace(/^@secretlint\/secretlint-rule-/, '');
    matches.push({
      start,
      end,
      kind: KIND_BY_MESSAGE[message.messageId] ?? KIND_BY_RULE[short] ?? `${short} credential`,
    });
  }
  return matches;
}

/**
 * The AWS rule reports its secret access key with the range of the whole `NAME=` match cut to the
 * key's length; the key itself is the 40 characters after the `=`.
 */
function awsSecretRange(text: string, [start, end]: readonly [number, number]): [number, number] {
  const value = /(?::|=>|=)\s*["']?([A-Za-z0-9/+=]{40})/.exec(text.slice(start, start + 200));
  if (!value) return [start, end];
  const at = start + value.index + value[0].length - 40;
  return [at, at + 40];
}
