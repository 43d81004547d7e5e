/**
 * Credential detection with the real rule set (secretlint's preset and the project's own rules):
 * every planted format is found once, with every rule that matched it and a redacted form only;
 * look-alikes and placeholders are left alone; layer files are chosen and sniffed as text.
 */
import { decodeText, mayHoldCredentials } from '../../../src/evidence/secrets/secret-files.js';
import {
  loadSecretDetector,
  looksLikeCredential,
  redact,
  type SecretDetector,
} from '../../../src/evidence/secrets/secrets.js';
import { createTarReader, TarFormatError, type TarEntry } from '../../../src/archive/layer-reader.js';
import { readdirSync, readFileSync } from 'node:fs';
import type { Evidence } from '../../../src/model/evidence.js';
import { evaluatePolicy } from '../../../src/policy/evaluate.js';
import { parsePolicy } from '../../../src/policy/document/load.js';
import { isRootUser } from '../../../src/policy/rules/image.js';
import {
  fakeCredentials,
  gcpServiceAccountJson,
  lookAlikes,
  random,
} from '../../support/images/fake-credentials.js';

let detector: SecretDetector;
beforeAll(async () => {
  detector = await loadSecretDetector();
});

/** Where each format is planted in text: as a vendor's own config file would carry it. */
function planted(format: string, secret: string): { text: string; key?: string } {
  switch (format) {
    case 'aws-secret':
      return {
        text: `[default]\naws_access_key_id = AKIA${random('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}\naws_secret_access_key = ${secret}\n`,
      };
    case 'azure-storage':
      return {
        text: `{"ConnectionStrings":{"Storage":"DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${secret};EndpointSuffix=core.windows.net"}}`,
      };
    case 'password':
      return { text: secret, key: 'POSTGRES_PASSWORD' };
    default:
      return { text: `# settings\nvalue: ${JSON.stringify(secret)}\n` };
  }
}

describe('the secret detector', () => {
  const credentials = Object.values(fakeCredentials());

  it('plants twenty-plus formats', () => expect(credentials.length).toBeGreaterThanOrEqual(20));

  it.each(credentials.map((c) => [c.format, c] as const))('finds %s, redacted', async (_, credential) => {
    const { text, key } = planted(credential.format, credential.secret);
    const matches = await detector.scan(text, key);
    const match = matches.find((m) => m.rules.some((rule) => credential.kind.test(rule)));
    expect(match).toBeDefined();
    expect(JSON.stringify(matches)).not.toContain(credential.secret.slice(-12));
    expect(match!.redacted).toMatch(/^[^…]{0,40}…\(\d+ chars, redacted\)$/);
  });

  it('reports one secret once, naming every rule that matched it', async () => {
    const token = fakeCredentials()['github-classic']!.secret;
    const inEnv = await detector.scan(token, 'GITHUB_TOKEN');
    expect(inEnv).toEqual([
      {
        kind: 'GitHub token',
        rules: ['GitHub token', 'secret-named value'],
        key: 'GITHUB_TOKEN',
        redacted: `ghp_…(${token.length} chars, redacted)`,
      },
    ]);
    const inFile = await detector.scan(`export GITHUB_TOKEN=${token}\nexport OTHER=1\n`);
    expect(inFile).toMatchObject([
      { key: 'GITHUB_TOKEN', line: 1, rules: ['GitHub token', 'secret-named value'] },
    ]);
  });

  it('finds a GCP service-account key in JSON whatever the file is called', async () => {
    const { text: original, secret } = gcpServiceAccountJson();
    // A project named "example…" is still a real project's key.
    const text = original.replace('acme-prod', 'example-shop');
    const matches = await detector.scan(text);
    expect(matches.map((m) => m.rules).flat()).toEqual(expect.arrayContaining(['GCP service account key']));
    expect(JSON.stringify(matches)).not.toContain(secret);
  });

  it('finds secrets in application config files', async () => {
    const password = `Pw${random('0123456789', 4)}${random('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', 16)}`;
    const settings = `DEBUG = False\nSECRET_KEY = '${password}!@'\nALLOWED_HOSTS = ['*']\n`;
    expect(await detector.scan(settings)).toMatchObject([{ key: 'SECRET_KEY', line: 2 }]);
    const appsettings = JSON.stringify({
      ConnectionStrings: { Default: `Server=db;Database=app;User Id=sa;Password=${password};` },
    });
    expect(await detector.scan(appsettings)).toMatchObject([{ key: 'Password', kind: 'secret-named value' }]);
    const pypirc = `[pypi]\nusername = __token__\npassword = ${fakeCredentials().pypi!.secret}\n`;
    expect(await detector.scan(pypirc)).toMatchObject([
      { key: 'password', rules: ['PyPI upload token', 'secret-named value'] },
    ]);
  });

  it('never shows a name that could itself hold a token', async () => {
    const token = fakeCredentials()['github-classic']!.secret;
    const matches = await detector.scan(`X${token.slice(4)}_TOKEN=${fakeCredentials().password!.secret}\n`);
    expect(matches).toHaveLength(1);
    expect(JSON.stringify(matches)).not.toContain(token.slice(8, 24));
  });

  it('cannot be silenced by a comment in the scanned text', async () => {
    const token = fakeCredentials()['github-classic']!.secret;
    const text = `// secretlint-disable\nconst t = "${token}";\n// secretlint-enable\n`;
    expect(await detector.scan(text)).toMatchObject([{ kind: 'GitHub token', line: 2 }]);
  });

  it('finds a password in a URL of any scheme, not a placeholder one', async () => {
    const password = `Rq7${random('abcdefghijklmnopqrstuvwxyz0123456789', 14)}`;
    expect(await detector.scan(`REDIS=redis://cache:${password}@redis.internal:6379/0`)).toMatchObject([
      { kind: 'URL with password' },
    ]);
    expect(await detector.scan('REDIS=redis://cache:${REDIS_PASSWORD}@redis.internal:6379/0')).toEqual([]);
  });

  it('leaves look-alikes, placeholders, references and example keys alone', async () => {
    const { env, labels, files } = lookAlikes();
    for (const entry of env) {
      const at = entry.indexOf('=');
      expect([entry, await detector.scan(entry.slice(at + 1), entry.slice(0, at))]).toEqual([entry, []]);
    }
    for (const [name, value] of Object.entries(labels))
      expect([name, await detector.scan(value, name)]).toEqual([name, []]);
    for (const [path, text] of Object.entries(files))
      expect([path, await detector.scan(text)]).toEqual([path, []]);
  });

  it('finds nothing in the configs of real images (Trivy goldens: alpine, debian, distroless, spring4shell…)', async () => {
    const dir = new URL('../../fixtures/third-party/trivy/', import.meta.url);
    let texts = 0;
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.json.golden'))) {
      const config = JSON.parse(readFileSync(new URL(file, dir), 'utf8')).Metadata?.ImageConfig;
      if (!config) continue;
      const items: Array<[string, string?]> = [
        ...(config.config?.Env ?? []).map((entry: string) => {
          const at = entry.indexOf('=');
          return [entry.slice(at + 1), entry.slice(0, at)] as [string, string];
        }),
        ...Object.entries(config.config?.Labels ?? {}).map(([k, v]) => [String(v), k] as [string, string]),
        ...(config.history ?? []).map((step: { created_by?: string }) => [step.created_by ?? ''] as [string]),
      ];
      for (const [text, key] of items) {
        texts++;
        expect([file, key ?? text, await detector.scan(text, key)]).toEqual([file, key ?? text, []]);
      }
    }
    expect(texts).toBeGreaterThan(30);
  });

  it('judges values under secret-sounding names by their shape', () => {
    for (const value of ['Zq8#kL2!vN9@xP4$', 'f9Kd83jsLq0PzX2mVb71', 'c5b2a9e0f1d34e7a8b6c9d0e1f2a3b4c'])
      expect([value, looksLikeCredential(value)]).toEqual([value, true]);
    for (const value of [
      'changeme',
      '${DB_PASSWORD}',
      '{{ .Values.password }}',
      '<your token>',
      '/run/secrets/db_password',
      'https://auth.example.com/token',
      'process.env.API_TOKEN',
      "os.environ['X']",
      'ReplaceWithYourToken',
      'production',
      '1234567890',
    ])
      expect([value, looksLikeCredential(value)]).toEqual([value, false]);
  });

  it('shows a public prefix at most', () => {
    expect(redact(`xoxb-${'1'.repeat(12)}-abc`)).toBe('xoxb-…(21 chars, redacted)');
    expect(redact('Zq8#kL2!vN9@xP4$')).toBe('…(16 chars, redacted)');
  });
});

describe('image.secrets judges what collection found', () => {
  const DIGEST = `sha256:${'c'.repeat(64)}`;
  const evidence = (env: string[], configSecrets?: Evidence['configSecrets']): Evidence => ({
    image: {
      reference: 'ghcr.io/acme/app:1',
      name: 'ghcr.io/acme/app',
      digest: DIGEST,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      annotations: {},
      platforms: [],
      config: { user: '1000', env, labels: {}, history: [] },
      layers: [],
      source: { kind: 'registry', uri: 'https://ghcr.io/v2/acme/app', digest: DIGEST },
    } as unknown as Evidence['image'],
    scans: [],
    discovered: [],
    ...(configSecrets ? { configSecrets } : {}),
  });
  const secretsResult = (ev: Evidence) =>
    evaluatePolicy(
      parsePolicy('version: 1\nvulnerabilities: {require-scan: false}\n', 'p.yml'),
      ev,
      new Date(),
    ).results.find((r) => r.ruleId === 'image.secrets')!;

  it('fails closed when a config with text in it was not scanned, passes an empty one', () => {
    expect(secretsResult(evidence(['MODE=prod']))).toMatchObject({
      status: 'fail',
      title: 'The config was not scanned for credentials',
    });
    expect(secretsResult(evidence([])).status).toBe('pass');
  });

  it('names every rule and the redacted form, never more', () => {
    const result = secretsResult(
      evidence(
        ['GITHUB_TOKEN=…'],
        [
          {
            manifestDigest: DIGEST,
            findings: [
              {
                where: 'Env GITHUB_TOKEN',
                key: 'GITHUB_TOKEN',
                kind: 'GitHub token',
                rules: ['GitHub token', 'secret-named value'],
                redacted: 'ghp_…(40 chars, redacted)',
              },
            ],
          },
        ],
      ),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      'Anyone who can pull the image can read them: Env GITHUB_TOKEN: GitHub token + secret-named value, ghp_…(40 chars, redacted).',
    );
  });
});

describe('layer files', () => {
  it('reads application files and skips what cannot hold a credential of the image', () => {
    for (const path of [
      'app/.env',
      'app/settings.py',
      'etc/app/appsettings.json',
      'root/.kube/config',
      'srv/x7f3q',
    ])
      expect([path, mayHoldCredentials(path)]).toEqual([path, true]);
    for (const path of [
      'var/lib/dpkg/status',
      'lib/apk/db/installed',
      'usr/share/locale/de/LC_MESSAGES/tar.mo',
      'usr/share/man/man1/ls.1.gz',
      'usr/lib/locale/C.utf8/LC_CTYPE',
      'app/node_modules/aws-sdk/test/fixtures.json',
      'usr/lib/python3/dist-packages/x.py',
      'app/static/logo.png',
      'opt/app/release.tar.gz',
    ])
      expect([path, mayHoldCredentials(path)]).toEqual([path, false]);
  });

  it('treats bytes as text only when they have no NUL and are UTF-8', () => {
    expect(decodeText(Buffer.from('TOKEN=abc\n'), false)).toBe('TOKEN=abc\n');
    expect(decodeText(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00]), false)).toBeUndefined();
    expect(decodeText(Buffer.from([0x61, 0xff, 0xfe, 0x62]), false)).toBeUndefined();
    // A limit that cuts "é" in two still leaves the rest readable.
    expect(decodeText(Buffer.from('abcé').subarray(0, 4), true)).toBe('abc');
  });
});

describe('the tar reader', () => {
  function tar(files: Record<string, string>): Buffer {
    const blocks: Buffer[] = [];
    for (const [name, content] of Object.entries(files)) {
      const header = Buffer.alloc(512);
      header.write(name, 0, 100);
      header.write('0000644\0', 100);
      header.write('0000000\0', 108);
      header.write('0000000\0', 116);
      header.write(`${Buffer.byteLength(content).toString(8).padStart(11, '0')}\0`, 124);
      header.write('00000000000\0', 136);
      header.write('        ', 148);
      header.write('0', 156);
      header.write('ustar\u000000', 257);
      let sum = 0;
      for (const byte of header) sum += byte;
      header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
      blocks.push(
        header,
        Buffer.from(content),
        Buffer.alloc((512 - (Buffer.byteLength(content) % 512)) % 512),
      );
    }
    blocks.push(Buffer.alloc(1024));
    return Buffer.concat(blocks);
  }

  it('reads paths and the wanted content across arbitrary chunk boundaries', async () => {
    const archive = tar({ 'app/a.txt': 'x'.repeat(700), './app/.env': 'TOKEN=1', 'bin/sh': 'ELF' });
    for (const chunkSize of [1, 7, 512, 100000]) {
      const entries: TarEntry[] = [];
      const reader = createTarReader({
        wantContent: (path) => (path.endsWith('.env') ? 100 : 0),
        onEntry: (e) => entries.push(e),
      });
      for (let offset = 0; offset < archive.length; offset += chunkSize)
        await reader.write(archive.subarray(offset, offset + chunkSize));
      await reader.end();
      expect(entries.map((e) => [e.path, e.size, e.content?.toString()])).toEqual([
        ['app/a.txt', 700, undefined],
        ['app/.env', 7, 'TOKEN=1'],
        ['bin/sh', 3, undefined],
      ]);
    }
  });

  it('rejects a corrupted header and an archive cut inside a file', async () => {
    const archive = tar({ 'a.txt': 'hello' });
    const corrupted = Buffer.from(archive);
    corrupted[0] = 0x41;
    const reader = createTarReader({ wantContent: () => 0, onEntry: () => undefined });
    await expect(reader.write(corrupted).then(() => reader.end())).rejects.toThrow(TarFormatError);
    const cut = createTarReader({ wantContent: () => 0, onEntry: () => undefined });
    await cut.write(archive.subarray(0, 515));
    await expect(cut.end()).rejects.toThrow('ends inside a file');
  });

  it('accepts an archive that stops right after its last file, as umoci writes them', async () => {
    const archive = tar({ 'a.txt': 'hello' });
    const entries: TarEntry[] = [];
    const reader = createTarReader({ wantContent: () => 5, onEntry: (entry) => entries.push(entry) });
    await reader.write(archive.subarray(0, 512 + 5));
    await reader.end();
    expect(entries).toEqual([{ path: 'a.txt', size: 5, content: Buffer.from('hello') }]);
  });

  it('refuses a pax size that is not a plain decimal, which parseInt would read as a number', async () => {
    const pax = (records: string) => {
      const body = Buffer.from(records);
      const header = Buffer.alloc(512);
      header.write('PaxHeaders/a.txt', 0);
      header.write('0000644\0', 100);
      header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
      header.write('00000000000\0', 136);
      header.write('x', 156);
      header.write('ustar\x0000', 257);
      header.write('        ', 148);
      let sum = 0;
      for (const byte of header) sum += byte;
      header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
      return Buffer.concat([header, body, Buffer.alloc((512 - (body.length % 512)) % 512)]);
    };
    const record = (key: string, value: string) => {
      const text = ` ${key}=${value}\n`;
      let length = text.length + 1;
      if (String(length).length + text.length > length) length += 1;
      return `${length}${text}`;
    };
    const archive = Buffer.concat([pax(record('size', '5abc')), tar({ 'a.txt': 'hello' })]);
    const reader = createTarReader({ wantContent: () => 0, onEntry: () => undefined });
    await reader.write(archive);
    await expect(reader.end()).rejects.toThrow('a pax size is not a decimal number');
  });
});

describe('root users', () => {
  it.each([
    [undefined, true],
    ['', true],
    ['root', true],
    ['0', true],
    ['0:0', true],
    ['root:wheel', true],
    ['000', true],
    ['1000', false],
    ['app', false],
    ['10001:0', false],
  ])('%s → root: %s', (user, root) => expect(isRootUser(user)).toBe(root));
});
