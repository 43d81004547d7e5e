/**
 * The image family on real images built with umoci: each hygiene problem fails its own rule with a
 * redacted message, a clean image passes, an index is judged per platform, and layers too large or
 * unpacking too far are skipped within limits instead of read.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { runCliCaptured } from '../../support/cli.js';
import { pemPrivateKey } from '../../support/images/fake-credentials.js';
import {
  buildImage,
  buildMultiPlatformImage,
  readIndexManifests,
  requireTestbedTools,
  writeBlob,
} from '../../support/registry.js';

const exec = promisify(execFile);
const NOW = () => new Date('2026-11-28T12:00:00Z');
// Assembled at run time so secret scanners do not flag this file; none of these are real.
const TOKEN = `ghp_${'Q7w8E9r0T1'.repeat(3)}zxcvbn`;
const AWS = `AKIA${'ZXCVBNMASDFGHJKL'}`;
const PRIVATE_KEY = pemPrivateKey();
const CLEAN = {
  user: '10001',
  labels: { 'org.opencontainers.image.source': 'https://github.com/acme/app' },
  files: { 'app/run.sh': 'echo ok\n' },
};

interface Report {
  verdict: string;
  results: Array<{ ruleId: string; status: string; message: string; platform?: string }>;
}

describe('image hygiene rules', () => {
  let dir: string;
  const layouts: string[] = [];
  beforeAll(async () => {
    await requireTestbedTools();
    dir = await mkdtemp(join(tmpdir(), 'scg-hygiene-'));
    await writeFile(
      join(dir, 'policy.yml'),
      `version: 1
vulnerabilities: {require-scan: false}
image:
  scan-layers: {max-layer-size: 8MB, max-unpacked-size: 4MB}
  max-layers: 3
  required-labels:
    org.opencontainers.image.source: "{repository}"
  forbid-tags: [latest]
`,
    );
  });
  afterAll(async () => {
    await Promise.all([dir, ...layouts].map((path) => rm(path, { recursive: true, force: true })));
  });

  async function gate(
    layoutDir: string,
    tag: string,
    extra: string[] = [],
  ): Promise<{ code: number; stdout: string; report: Report }> {
    const json = join(dir, `report-${tag}-${layouts.length}.json`);
    const run = await runCliCaptured(
      [
        'check',
        '--image',
        `oci:${layoutDir}:${tag}`,
        '--policy',
        join(dir, 'policy.yml'),
        '--json',
        json,
        '--repository-url',
        'https://github.com/acme/app',
        '-q',
        ...extra,
      ],
      { cwd: dir, now: NOW },
    );
    return { code: run.code, stdout: run.stdout, report: JSON.parse(await readFile(json, 'utf8')) };
  }
  const status = (report: Report, ruleId: string) =>
    report.results.filter((r) => r.ruleId === ruleId).map((r) => r.status);
  const failing = (report: Report) =>
    report.results
      .filter((r) => r.status === 'fail')
      .map((r) => r.ruleId)
      .sort();
  async function build(options: Parameters<typeof buildImage>[0]) {
    const built = await buildImage(options);
    layouts.push(built.layoutDir);
    return built;
  }

  it('passes a clean image', async () => {
    const { layoutDir, tag } = await build(CLEAN);
    const { code, report } = await gate(layoutDir, tag);
    expect(failing(report)).toEqual([]);
    expect(code).toBe(0);
    expect(status(report, 'image.secret-files')).toEqual(['pass']);
  });

  it('fails a root image on image.non-root only', async () => {
    const { layoutDir, tag } = await build({ ...CLEAN, user: '0:0' });
    expect(failing((await gate(layoutDir, tag)).report)).toEqual(['image.non-root']);
  });

  it('fails a secret in ENV and in history, showing where but never the value', async () => {
    const { layoutDir, tag } = await build({ ...CLEAN, env: [`GITHUB_TOKEN=${TOKEN}`] });
    await exec('umoci', [
      'config',
      '--image',
      `${layoutDir}:${tag}`,
      '--history.created_by',
      `/bin/sh -c aws configure set aws_access_key_id ${AWS}`,
    ]);
    const { report, stdout } = await gate(layoutDir, tag);
    expect(failing(report)).toEqual(['image.secrets']);
    const message = report.results.find((r) => r.ruleId === 'image.secrets')!.message;
    expect(message).toContain('Env GITHUB_TOKEN: GitHub token + secret-named value, ghp_…(');
    expect(message).toMatch(/History step \d+: AWS access key id, AKIA…\(/);
    for (const output of [JSON.stringify(report), stdout]) {
      expect(output).not.toContain(TOKEN.slice(4));
      expect(output).not.toContain(AWS.slice(4));
    }
  });

  it('fails a private key file in a layer, naming the file and layer, redacted', async () => {
    const { layoutDir, tag } = await build({
      ...CLEAN,
      files: { 'app/run.sh': 'echo ok\n', 'root/.ssh/id_rsa': PRIVATE_KEY },
    });
    const { report } = await gate(layoutDir, tag);
    expect(failing(report)).toEqual(['image.secret-files']);
    const message = report.results.find((r) => r.ruleId === 'image.secret-files')!.message;
    expect(message).toMatch(/^root\/\.ssh\/id_rsa:1 in layer [0-9a-f]{12}: private key, …\(/);
    expect(JSON.stringify(report)).not.toContain(PRIVATE_KEY.split('\n')[1]!);
  });

  it('fails a missing source label, too many layers and a forbidden tag', async () => {
    const { layoutDir, tag } = await build({ user: '10001', files: { 'a/1': '1' }, tag: 'latest' });
    for (const layer of ['b', 'c', 'd']) {
      const extra = await mkdtemp(join(tmpdir(), 'scg-layer-'));
      await writeFile(join(extra, layer), layer);
      await exec('umoci', ['insert', '--image', `${layoutDir}:${tag}`, extra, `/${layer}`]);
      await rm(extra, { recursive: true, force: true });
    }
    const { report } = await gate(layoutDir, tag);
    expect(failing(report)).toEqual(['image.forbid-tags', 'image.max-layers', 'image.required-labels']);
    expect(report.results.find((r) => r.ruleId === 'image.max-layers')!.message).toBe(
      '4 layers, over the limit of 3.',
    );
  });

  it('judges each platform of an index and says which one failed', async () => {
    const built = await buildMultiPlatformImage([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
    ]);
    layouts.push(built.layoutDir);
    const { report } = await gate(built.layoutDir, built.tag);
    expect(
      report.results.filter((r) => r.ruleId === 'image.non-root').map((r) => `${r.platform}:${r.status}`),
    ).toEqual(['linux/amd64:fail', 'linux/arm64/v8:fail']);
  });

  it('skips a 1 GB layer by its declared size and a decompression bomb by what it unpacks to, and says so', async () => {
    const { layoutDir, tag } = await build(CLEAN);
    const [descriptor] = await readIndexManifests(layoutDir, tag);
    const manifest = JSON.parse(
      await readFile(join(layoutDir, 'blobs', 'sha256', descriptor!.digest.slice(7)), 'utf8'),
    );
    const config = JSON.parse(
      await readFile(join(layoutDir, 'blobs', 'sha256', manifest.config.digest.slice(7)), 'utf8'),
    );
    // 64 MB of zeros gzip to ~60 KB: within the compressed limit, far over the unpacked one.
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    const bombDigest = await writeBlob(layoutDir, bomb);
    const gzipLayer = 'application/vnd.oci.image.layer.v1.tar+gzip';
    manifest.layers.push(
      { mediaType: gzipLayer, digest: `sha256:${'f'.repeat(64)}`, size: 1024 ** 3 },
      { mediaType: gzipLayer, digest: bombDigest, size: bomb.length },
    );
    config.rootfs.diff_ids.push(`sha256:${'e'.repeat(64)}`, `sha256:${'d'.repeat(64)}`);
    manifest.config.digest = await writeBlob(layoutDir, Buffer.from(JSON.stringify(config)));
    manifest.config.size = Buffer.byteLength(JSON.stringify(config));
    const manifestBytes = Buffer.from(JSON.stringify(manifest));
    const index = JSON.parse(await readFile(join(layoutDir, 'index.json'), 'utf8'));
    index.manifests.push({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: await writeBlob(layoutDir, manifestBytes),
      size: manifestBytes.length,
      annotations: { 'org.opencontainers.image.ref.name': 'huge' },
    });
    await writeFile(join(layoutDir, 'index.json'), JSON.stringify(index));

    const before = process.memoryUsage().rss;
    const { report } = await gate(layoutDir, 'huge');
    const scan = report.results.find((r) => r.ruleId === 'image.secret-files')!;
    expect(scan.status).toBe('warn');
    expect(scan.message).toContain('1073741824 bytes compressed, over the 8000000-byte limit');
    expect(scan.message).toContain('unpacks to more than 4000000 bytes');
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });
});
