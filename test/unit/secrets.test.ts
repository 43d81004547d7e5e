import { findSecrets } from '../../src/evidence/secrets.js';
import { secretsInFile } from '../../src/evidence/secret-files.js';
import { createTarReader, TarFormatError, type TarEntry } from '../../src/evidence/tar-stream.js';
import { isRootUser } from '../../src/policy/rules/image.js';

// Built at run time so no scanner flags this file: none of these are real credentials.
const GITHUB = `ghp_${'A1b2C3d4E5'.repeat(3)}abcdef`;
const AWS = `AKIA${'QWERTYUIOPASDFGH'}`;
const SLACK = `xoxb-${'1234567890'}-${'abcdefghij'}`;
const NPM = `npm_${'Zx9Yw8Vu7T'.repeat(3)}abcdef`;
const JWT = `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.${'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'}`;
const KEY = ['-----BEGIN', 'OPENSSH PRIVATE KEY-----'].join(' ');

describe('findSecrets', () => {
  it.each([
    [GITHUB, 'GitHub token', 'ghp_'],
    [AWS, 'AWS access key id', 'AKIA'],
    [SLACK, 'Slack token', 'xoxb-'],
    [NPM, 'npm token', 'npm_'],
    [JWT, 'JSON Web Token', ''],
    [`${KEY}\nb3BlbnNzaC1rZXktdjEAAAAA\n`, 'private key', ''],
  ])('finds %#: %s and shows only its public prefix', (text, kind, prefix) => {
    const [match] = findSecrets(`before ${text} after`);
    expect(match).toMatchObject({ kind });
    expect(match!.redacted.startsWith(`${prefix}…(`)).toBe(true);
    expect(match!.redacted).not.toContain(text.slice(prefix.length, prefix.length + 8));
  });

  it('flags a random value assigned to a secret-sounding name, by name, redacted', () => {
    expect(findSecrets('Zq8#kL2!vN9@xP4$', 'DB_PASSWORD')).toEqual([
      { kind: 'secret-named value', key: 'DB_PASSWORD', redacted: '…(16 chars, redacted)' },
    ]);
    expect(findSecrets('/bin/sh -c export API_TOKEN=f9Kd83jsLq0PzX2mVb71 && make')).toMatchObject([
      { key: 'API_TOKEN' },
    ]);
  });

  it('leaves placeholders, references and ordinary settings alone', () => {
    for (const [value, key] of [
      ['changeme', 'PASSWORD'],
      ['${DB_PASSWORD}', 'DB_PASSWORD'],
      ['/run/secrets/db_password', 'DB_PASSWORD_FILE'],
      ['/usr/local/sbin:/usr/local/bin:/usr/sbin', 'PATH'],
      ['production', 'NODE_ENV'],
      ['https://github.com/acme/app', 'org.opencontainers.image.source'],
    ]) {
      expect(findSecrets(value!, key)).toEqual([]);
    }
  });
});

describe('secret files', () => {
  it('finds tokens in .npmrc and registry auth, and private keys in key files', () => {
    expect(
      secretsInFile('home/app/.npmrc', Buffer.from(`//registry.example/:_authToken=${NPM}\n`))[0],
    ).toMatchObject({ kind: 'npm token' });
    expect(
      secretsInFile(
        'root/.docker/config.json',
        Buffer.from('{"auths":{"r.example":{"auth":"dXNlcjpwYXNzd29yZA=="}}}'),
      ),
    ).toMatchObject([{ kind: 'registry credentials' }]);
    expect(secretsInFile('etc/ssl/server.key', Buffer.from(`${KEY}\nabc\n`))).toMatchObject([
      { kind: 'private key' },
    ]);
    expect(secretsInFile('etc/ssl/cert.pem', Buffer.from('-----BEGIN CERTIFICATE-----\n'))).toEqual([]);
    expect(secretsInFile('app/.env.example', Buffer.from('API_TOKEN=f9Kd83jsLq0PzX2mVb71\n'))).toEqual([]);
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
