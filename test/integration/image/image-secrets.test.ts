/**
 * Credentials in real images, pushed to the testbed registry: fake keys of twenty-plus vendor
 * formats planted in Env, labels, build history and files of several kinds are each reported with
 * where they are and redacted; a secret deleted by a later layer is still reported; an image of
 * look-alikes passes; and no planted value reaches the JSON report, markdown, SARIF or the log.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { runCliCaptured } from '../../support/cli.js';
import {
  fakeCredentials,
  gcpServiceAccountJson,
  lookAlikes,
  pemPrivateKey,
  random,
  type FakeCredential,
} from '../../support/images/fake-credentials.js';
import {
  buildImage,
  pushImage,
  requireTestbedTools,
  startRegistry,
  type TestRegistry,
} from '../../support/registry.js';

const exec = promisify(execFile);
const NOW = () => new Date('2026-11-28T12:00:00Z');
const POLICY = `version: 1
vulnerabilities: {require-scan: false}
image:
  scan-layers: true
`;

interface Report {
  verdict: string;
  results: Array<{ ruleId: string; status: string; message: string }>;
}

/** Where a credential was planted: a rule's message names it at `location`. */
interface Planted {
  credential: FakeCredential;
  rule: 'image.secrets' | 'image.secret-files';
  location: string;
  note?: string;
}

describe('credentials in image layers and config', () => {
  let registry: TestRegistry;
  let dir: string;
  const layouts: string[] = [];

  beforeAll(async () => {
    await requireTestbedTools();
    registry = await startRegistry();
    dir = await mkdtemp(join(tmpdir(), 'scg-image-secrets-'));
    await writeFile(join(dir, 'policy.yml'), POLICY);
  }, 60_000);
  afterAll(async () => {
    await registry?.stop();
    await Promise.all([dir, ...layouts].map((path) => rm(path, { recursive: true, force: true })));
  });

  async function insertLayer(image: string, files: Record<string, string>): Promise<void> {
    const rootfs = await mkdtemp(join(tmpdir(), 'scg-rootfs-'));
    try {
      for (const [path, content] of Object.entries(files)) {
        await mkdir(dirname(join(rootfs, path)), { recursive: true });
        await writeFile(join(rootfs, path), content);
      }
      await exec('umoci', ['insert', '--image', image, rootfs, '/']);
    } finally {
      await rm(rootfs, { recursive: true, force: true });
    }
  }

  async function gate(layoutDir: string, tag: string, name: string) {
    const digest = await pushImage(layoutDir, tag, registry, `acme/${name}`, 'v1');
    const out = (ext: string) => join(dir, `${name}.${ext}`);
    const run = await runCliCaptured(
      [
        'check',
        '--image',
        `${registry.host}/acme/${name}@${digest}`,
        '--policy',
        join(dir, 'policy.yml'),
        '--json',
        out('json'),
        '--markdown',
        out('md'),
        '--sarif',
        out('sarif'),
      ],
      { cwd: dir, now: NOW },
    );
    const report: Report = JSON.parse(await readFile(out('json'), 'utf8'));
    const outputs = [
      await readFile(out('json'), 'utf8'),
      await readFile(out('md'), 'utf8'),
      await readFile(out('sarif'), 'utf8'),
      run.stdout,
      run.stderr,
    ];
    return { code: run.code, report, outputs };
  }

  it('reports every planted credential where it is, redacted, in no output in full', async () => {
    const c = fakeCredentials();
    const gcp = gcpServiceAccountJson();
    const clientKey = Buffer.from(pemPrivateKey()).toString('base64');
    const deletedKey = pemPrivateKey();
    const deletedToken = fakeCredentials()['github-classic']!;
    const randomName = `srv/${random('abcdefghijklmnopqrstuvwxyz0123456789', 10)}`;
    const gcpName = `var/run/${random('abcdefghijklmnopqrstuvwxyz', 8)}`;
    const planted: Planted[] = [];
    const plant = (credential: FakeCredential, rule: Planted['rule'], location: string, note?: string) =>
      planted.push({ credential, rule, location, ...(note ? { note } : {}) });

    const env = [
      `GITHUB_TOKEN=${c['github-classic']!.secret}`,
      `GOOGLE_MAPS=${c['google-api-key']!.secret}`,
      `POSTGRES_PASSWORD=${c.password!.secret}`,
      `BROKER=${c['amqp-url']!.secret}`,
    ];
    plant(c['github-classic']!, 'image.secrets', 'Env GITHUB_TOKEN');
    plant(c['google-api-key']!, 'image.secrets', 'Env GOOGLE_MAPS');
    plant(c.password!, 'image.secrets', 'Env POSTGRES_PASSWORD');
    plant(c['amqp-url']!, 'image.secrets', 'Env BROKER');
    const labels = {
      'com.acme.alerts': c['slack-webhook']!.secret,
      'com.acme.ci': c['github-fine-grained']!.secret,
    };
    plant(c['slack-webhook']!, 'image.secrets', 'Label com.acme.alerts');
    plant(c['github-fine-grained']!, 'image.secrets', 'Label com.acme.ci');

    const files: Record<string, string> = {
      'app/.env': [
        'NODE_ENV=production',
        `STRIPE_KEY=${c.stripe!.secret}`,
        `SENDGRID=${c.sendgrid!.secret}`,
        `OPENAI=${c.openai!.secret}`,
        `DATABASE_URL=${c['postgres-url']!.secret}`,
        '',
      ].join('\n'),
      'app/settings.py': `DEBUG = False\nANTHROPIC = "${c.anthropic!.secret}"\n`,
      'app/appsettings.json': JSON.stringify(
        {
          Logging: { LogLevel: { Default: 'Information' } },
          ConnectionStrings: {
            Blob: `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${c['azure-storage']!.secret};EndpointSuffix=core.windows.net`,
          },
        },
        null,
        2,
      ),
      'root/.pypirc': `[distutils]\nindex-servers = pypi\n\n[pypi]\nusername = __token__\npassword = ${c.pypi!.secret}\n`,
      'root/.kube/config': [
        'apiVersion: v1',
        'kind: Config',
        'users:',
        '- name: deployer',
        '  user:',
        `    token: ${c.jwt!.secret}`,
        `    client-key-data: ${clientKey}`,
        '',
      ].join('\n'),
      [gcpName]: gcp.text,
      [randomName]: [
        `hf ${c.huggingface!.secret}`,
        `do ${c.digitalocean!.secret}`,
        `shop ${c.shopify!.secret}`,
        `dbx ${c.databricks!.secret}`,
        `oauth ${c['google-oauth-secret']!.secret}`,
        `twilio ${c.twilio!.secret}`,
        '',
      ].join('\n'),
      'root/.aws/credentials': `[default]\naws_access_key_id = ${c['aws-key-id']!.secret}\naws_secret_access_key = ${c['aws-secret']!.secret}\n`,
      'root/.git-credentials': `https://oauth2:${c.gitlab!.secret}@gitlab.example.com\n`,
      'home/app/.npmrc': `//registry.example/:_authToken=${c.npm!.secret}\n`,
      'etc/app/tls/server.key': c['private-key']!.secret,
      'usr/local/bin/tool': `\u007fELF\u0002\u0001\u0000\u0000 not text ${random('abc', 10)}`,
    };
    plant(c.stripe!, 'image.secret-files', 'app/.env:2');
    plant(c.sendgrid!, 'image.secret-files', 'app/.env:3');
    plant(c.openai!, 'image.secret-files', 'app/.env:4');
    plant(c['postgres-url']!, 'image.secret-files', 'app/.env:5');
    plant(c.anthropic!, 'image.secret-files', 'app/settings.py:2');
    plant(c['azure-storage']!, 'image.secret-files', 'app/appsettings.json:');
    plant(c.pypi!, 'image.secret-files', 'root/.pypirc:6');
    plant(c.jwt!, 'image.secret-files', 'root/.kube/config:6');
    plant(
      { format: 'kubeconfig client key', secret: clientKey, kind: /base64-encoded private key/ },
      'image.secret-files',
      'root/.kube/config:7',
    );
    plant(
      { format: 'gcp-sa', secret: gcp.secret, kind: /GCP service account key/ },
      'image.secret-files',
      gcpName,
    );
    plant(c.huggingface!, 'image.secret-files', `${randomName}:1`);
    plant(c.digitalocean!, 'image.secret-files', `${randomName}:2`);
    plant(c.shopify!, 'image.secret-files', `${randomName}:3`);
    plant(c.databricks!, 'image.secret-files', `${randomName}:4`);
    plant(c['google-oauth-secret']!, 'image.secret-files', `${randomName}:5`);
    plant(c.twilio!, 'image.secret-files', `${randomName}:6`);
    plant(c['aws-key-id']!, 'image.secret-files', 'root/.aws/credentials:2');
    plant(c['aws-secret']!, 'image.secret-files', 'root/.aws/credentials:3');
    plant(c.gitlab!, 'image.secret-files', 'root/.git-credentials:1');
    plant(c.npm!, 'image.secret-files', 'home/app/.npmrc:1');
    plant(c['private-key']!, 'image.secret-files', 'etc/app/tls/server.key:1');

    const built = await buildImage({ user: '10001', env, labels, files });
    layouts.push(built.layoutDir);
    const image = `${built.layoutDir}:${built.tag}`;
    // Build history: a token passed as a build argument and one on a RUN line.
    await exec('umoci', [
      'config',
      '--image',
      image,
      '--history.created_by',
      `ARG SLACK_BOT=${c['slack-bot']!.secret}`,
    ]);
    await exec('umoci', [
      'config',
      '--image',
      image,
      '--history.created_by',
      `RUN /bin/sh -c curl -H "Authorization: Bearer ${fakeCredentials().jwt!.secret}" https://api.example.com`,
    ]);
    plant(c['slack-bot']!, 'image.secrets', 'History step');
    // A later layer adds a key and a token, and the one after deletes them: still in the image.
    await insertLayer(image, {
      'root/deploy/id_ed25519': deletedKey,
      'tmp/build/.env': `TOKEN=${deletedToken.secret}\n`,
    });
    await exec('umoci', ['insert', '--image', image, '--whiteout', '/root/deploy']);
    await exec('umoci', ['insert', '--image', image, '--whiteout', '/tmp/build/.env']);
    const deleted = 'deleted in a later layer, still in the image';
    plant(
      { format: 'deleted key', secret: deletedKey, kind: /private key/ },
      'image.secret-files',
      'root/deploy/id_ed25519:1',
      deleted,
    );
    plant(deletedToken, 'image.secret-files', 'tmp/build/.env:1', deleted);

    expect(new Set(planted.map((p) => p.credential.format)).size).toBeGreaterThanOrEqual(20);
    const { code, report, outputs } = await gate(built.layoutDir, built.tag, 'planted');
    expect(code).toBe(1);
    const messages = {
      'image.secrets': report.results.find((r) => r.ruleId === 'image.secrets')!.message,
      'image.secret-files': report.results.find((r) => r.ruleId === 'image.secret-files')!.message,
    };
    const segments = (rule: Planted['rule']) => messages[rule].replace(/^[^:]*them: /, '').split('; ');
    const missing = planted.filter(
      ({ credential, rule, location, note }) =>
        !segments(rule).some(
          (segment) =>
            segment.startsWith(location) &&
            credential.kind.test(segment) &&
            /…\(\d+ chars, redacted\)/.test(segment) &&
            (!note || segment.includes(note)),
        ),
    );
    expect(missing.map((p) => `${p.credential.format} at ${p.location}`)).toEqual([]);
    // Nothing else: no file or value reported that was not planted (the binary is skipped).
    expect(messages['image.secret-files']).not.toContain('usr/local/bin/tool');

    const values = [...planted.map((p) => p.credential.secret), gcp.secret, clientKey];
    for (const output of outputs) {
      for (const value of values) {
        // The secret's body: a public prefix (ghp_, AKIA…) may show, the rest never.
        const body = value
          .replace(/-----(?:BEGIN|END) [A-Z ]+-----/g, '')
          .trim()
          .slice(-24);
        expect(output.includes(body) ? value.slice(0, 12) : 'absent').toBe('absent');
      }
    }
  }, 120_000);

  it('still reports files a later layer replaced or masked with an opaque directory', async () => {
    const c = fakeCredentials();
    const built = await buildImage({
      user: '10001',
      files: {
        'app/config/.env': `API_TOKEN=${c.huggingface!.secret}\n`,
        'app/cache/token.json': JSON.stringify({ token: c.digitalocean!.secret }),
      },
    });
    layouts.push(built.layoutDir);
    const image = `${built.layoutDir}:${built.tag}`;
    // The next layer rewrites the .env without the token and masks the cache directory.
    await insertLayer(image, { 'app/config/.env': 'API_TOKEN=${API_TOKEN}\n' });
    const empty = await mkdtemp(join(tmpdir(), 'scg-empty-'));
    try {
      await exec('umoci', ['insert', '--image', image, '--opaque', empty, '/app/cache']);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
    const { report, outputs } = await gate(built.layoutDir, built.tag, 'replaced');
    const message = report.results.find((r) => r.ruleId === 'image.secret-files')!.message;
    expect(message).toMatch(
      /app\/config\/\.env:1 in layer [0-9a-f]{12} \(replaced in a later layer, still in the image\): API_TOKEN, Hugging Face token/,
    );
    expect(message).toMatch(
      /app\/cache\/token\.json in layer [0-9a-f]{12} \(deleted in a later layer, still in the image\): token, DigitalOcean token/,
    );
    for (const output of outputs) {
      expect(output).not.toContain(c.huggingface!.secret.slice(3));
      expect(output).not.toContain(c.digitalocean!.secret.slice(7));
    }
  }, 120_000);

  it('passes an image of look-alikes: digests, commit SHAs, UUIDs, integrity hashes, certificates, placeholders, example keys', async () => {
    const { env, labels, files } = lookAlikes();
    const built = await buildImage({
      user: '10001',
      env,
      labels,
      files: {
        ...files,
        // A third-party package's own test fixture: not the image's credential.
        'app/node_modules/some-sdk/test/fixtures.js': `module.exports = { token: "${fakeCredentials()['github-classic']!.secret}" };\n`,
      },
    });
    layouts.push(built.layoutDir);
    const { code, report } = await gate(built.layoutDir, built.tag, 'lookalikes');
    const failed = report.results.filter((r) => r.status !== 'pass' && r.status !== 'skip');
    expect(failed.map((r) => `${r.ruleId}: ${r.message}`)).toEqual([]);
    expect(code).toBe(0);
    expect(report.results.find((r) => r.ruleId === 'image.secret-files')!.message).toMatch(
      /\d+ layer\(s\) read, [1-9]\d* text file\(s\) scanned; no credentials found/,
    );
  }, 120_000);
});
