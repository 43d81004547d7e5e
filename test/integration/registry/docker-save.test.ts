/**
 * Reading what `docker save` writes, and unpacking tar files safely. The layouts are built here the
 * way the engines write them: Docker 25+ (moby's image/tarexport/save.go: an OCI layout with
 * index.json entries per tag, plus manifest.json and legacy `<id>/layer.tar` symlinks), Docker
 * before 25 (manifest.json, `<v1 id>/layer.tar` files) and a save by image ID, whose index.json
 * lists nothing. The end-to-end run against a real engine is in docker-engine.test.ts.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSavedImage } from '../../../src/adapters/docker/save.js';
import { findFile, unpackTar, type UnpackedArchive } from '../../../src/archive/tar-unpack.js';
import { GateError, VerificationError } from '../../../src/errors.js';
import { runCliCaptured } from '../../support/cli.js';
import { paxRecord, sha256, tarArchive, type TarEntrySpec } from '../../support/images/tar-writer.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scg-docker-save-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function unpack(entries: TarEntrySpec[], options: { end?: boolean } = {}): Promise<UnpackedArchive> {
  const work = await mkdtemp(join(dir, 'archive-'));
  const tarPath = join(work, 'archive.tar');
  await writeFile(tarPath, tarArchive(entries, options));
  const root = join(work, 'root');
  await mkdir(root);
  return unpackTar(tarPath, root, 'the test archive');
}

async function unpackError(entries: TarEntrySpec[], options: { end?: boolean } = {}): Promise<GateError> {
  const error = await unpack(entries, options).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(VerificationError);
  return error as GateError;
}

/** One image: a layer tar holding one file, and a Docker config whose diff ID is that layer's digest. */
function sampleImage() {
  const layer = tarArchive([{ name: 'app/app.txt', content: 'hello\n' }]);
  const diffId = sha256(layer);
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { User: '1000', Env: ['PATH=/usr/bin'] },
      rootfs: { type: 'layers', diff_ids: [diffId] },
      history: [{ created_by: 'COPY app.txt /app/app.txt' }],
    }),
  );
  const imageId = sha256(config);
  return { layer, diffId, config, imageId, hex: (digest: string) => digest.slice('sha256:'.length) };
}

/** What Docker 25+ writes for `docker save localhost/app:pr` from its classic image store. */
function docker25Save(image: ReturnType<typeof sampleImage>, options: { tagged: boolean; layers?: boolean }) {
  const { hex } = image;
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: image.imageId,
        size: image.config.length,
      },
      layers:
        options.layers === false
          ? []
          : [
              {
                mediaType: 'application/vnd.oci.image.layer.v1.tar',
                digest: image.diffId,
                size: image.layer.length,
              },
            ],
    }),
  );
  const index = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: options.tagged
      ? [
          {
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            digest: sha256(manifest),
            size: manifest.length,
            annotations: {
              'io.containerd.image.name': 'docker.io/library/app:pr',
              'org.opencontainers.image.ref.name': 'pr',
            },
          },
        ]
      : [],
  };
  const entries: TarEntrySpec[] = [
    { name: 'blobs/', type: '5' },
    { name: 'blobs/sha256/', type: '5' },
    { name: `blobs/sha256/${hex(image.diffId)}`, content: image.layer },
    { name: `blobs/sha256/${hex(image.imageId)}`, content: image.config },
    { name: `blobs/sha256/${hex(sha256(manifest))}`, content: manifest },
    { name: 'legacyid/', type: '5' },
    { name: 'legacyid/layer.tar', type: '2', linkName: `../blobs/sha256/${hex(image.diffId)}` },
    {
      name: 'manifest.json',
      content: JSON.stringify([
        {
          Config: `blobs/sha256/${hex(image.imageId)}`,
          RepoTags: options.tagged ? ['app:pr'] : [],
          Layers: [`blobs/sha256/${hex(image.diffId)}`],
        },
      ]),
    },
    { name: 'oci-layout', content: '{"imageLayoutVersion": "1.0.0"}' },
    { name: 'index.json', content: JSON.stringify(index) },
  ];
  return { entries, manifestDigest: sha256(manifest) };
}

describe('openSavedImage', () => {
  it('reads the manifest Docker 25+ wrote for a tag from index.json', async () => {
    const image = sampleImage();
    const { entries, manifestDigest } = docker25Save(image, { tagged: true });
    const saved = await openSavedImage(await unpack(entries), image.imageId, 'the save');
    expect(saved.origin).toBe('engine');
    expect(saved.manifest.digest).toBe(manifestDigest);
    expect(Buffer.from(await saved.getBlob(image.imageId, 1024 * 1024)).equals(image.config)).toBe(true);
    expect(Buffer.from(await saved.getBlob(image.diffId, 1024 * 1024)).equals(image.layer)).toBe(true);
  });

  it('describes an image that index.json does not list (a save by ID) from manifest.json', async () => {
    const image = sampleImage();
    const { entries } = docker25Save(image, { tagged: false });
    const saved = await openSavedImage(await unpack(entries), image.imageId, 'the save');
    expect(saved.origin).toBe('described');
    expect(saved.manifest.json).toEqual({
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: {
        mediaType: 'application/vnd.docker.container.image.v1+json',
        size: image.config.length,
        digest: image.imageId,
      },
      layers: [
        {
          mediaType: 'application/vnd.docker.image.rootfs.diff.tar',
          size: image.layer.length,
          digest: image.diffId,
        },
      ],
    });
    expect(await saved.getManifest(saved.manifest.digest)).toBe(saved.manifest);
  });

  it('reads the format of Docker before 25: manifest.json and <id>/layer.tar files', async () => {
    const image = sampleImage();
    const entries: TarEntrySpec[] = [
      { name: 'v1layer/layer.tar', content: image.layer },
      { name: 'v1layer/VERSION', content: '1.0' },
      { name: `${image.hex(image.imageId)}.json`, content: image.config },
      {
        name: 'manifest.json',
        content: JSON.stringify([
          { Config: `${image.hex(image.imageId)}.json`, RepoTags: ['app:pr'], Layers: ['v1layer/layer.tar'] },
        ]),
      },
    ];
    const saved = await openSavedImage(await unpack(entries), image.imageId, 'the save');
    expect(saved.origin).toBe('described');
    expect(Buffer.from(await saved.getBlob(image.diffId, 1024 * 1024)).equals(image.layer)).toBe(true);
  });

  it('refuses a layer that is not the one its config names', async () => {
    const image = sampleImage();
    const entries: TarEntrySpec[] = [
      { name: 'layer.tar', content: tarArchive([{ name: 'app/app.txt', content: 'tampered\n' }]) },
      { name: 'config.json', content: image.config },
      { name: 'manifest.json', content: JSON.stringify([{ Config: 'config.json', Layers: ['layer.tar'] }]) },
    ];
    await expect(openSavedImage(await unpack(entries), image.imageId, 'the save')).rejects.toThrow(
      `the save: layer 1 hashes to`,
    );
  });

  it('refuses an archive that holds another image than the one inspected', async () => {
    const image = sampleImage();
    const { entries } = docker25Save(image, { tagged: true });
    await expect(openSavedImage(await unpack(entries), sha256('another config'), 'the save')).rejects.toThrow(
      'manifest.json lists no image whose config is',
    );
  });

  it('refuses a saved manifest that leaves layers out', async () => {
    const image = sampleImage();
    const { entries } = docker25Save(image, { tagged: true, layers: false });
    await expect(openSavedImage(await unpack(entries), image.imageId, 'the save')).rejects.toThrow(
      'lists 0 layers but its config has 1',
    );
  });
});

describe('a Docker 25+ save as oci-archive:', () => {
  it('is gated by the manifest Docker wrote for the tag', async () => {
    const image = sampleImage();
    const { entries, manifestDigest } = docker25Save(image, { tagged: true });
    const archive = join(dir, 'docker25.tar');
    await writeFile(archive, tarArchive(entries));
    const json = join(dir, 'docker25.json');
    const { code, stderr } = await runCliCaptured(
      ['check', '--image', `oci-archive:${archive}:pr`, '--json', json, '--quiet'],
      { cwd: dir },
    );
    expect(stderr).not.toContain('error');
    expect(code).toBe(1); // no scan was given, and the policy's defaults require one
    const report = JSON.parse(await readFile(json, 'utf8')) as { image: Record<string, unknown> };
    expect(report.image).toMatchObject({
      digest: manifestDigest,
      resolvedFromTag: 'pr',
      platforms: [expect.objectContaining({ user: '1000', layerCount: 1 })],
    });
  });
});

describe('unpackTar', () => {
  it('writes regular files with their digests and follows links only inside the archive', async () => {
    const archive = await unpack([
      { name: 'a/', type: '5' },
      { name: 'a/file.txt', content: 'content' },
      { name: 'a/hard', type: '1', linkName: 'a/file.txt' },
      { name: 'a/soft', type: '2', linkName: 'file.txt' },
      { name: 'a/out', type: '2', linkName: '../../../etc/passwd' },
      { name: 'a/abs', type: '2', linkName: '/etc/passwd' },
    ]);
    expect(archive.files.get('a/file.txt')).toMatchObject({ size: 7, digest: sha256('content') });
    expect(findFile(archive, 'a/hard')?.digest).toBe(sha256('content'));
    expect(findFile(archive, './a/soft')?.digest).toBe(sha256('content'));
    expect(findFile(archive, 'a/out')).toBeUndefined();
    expect(findFile(archive, 'a/abs')).toBeUndefined();
    // Links are never created on disk.
    expect(await readdir(join(archive.root, 'a'))).toEqual(['file.txt']);
  });

  it('reads long names from pax and GNU headers', async () => {
    const longDir = `${'d'.repeat(90)}/${'e'.repeat(90)}`;
    const archive = await unpack([
      { name: 'PaxHeader', type: 'x', content: paxRecord('path', `${longDir}/pax.txt`) },
      { name: 'ignored-short-name', content: 'pax' },
      { name: '././@LongLink', type: 'L', content: `${longDir}/gnu.txt\0` },
      { name: 'ignored-too', content: 'gnu' },
    ]);
    expect([...archive.files.keys()]).toEqual([`${longDir}/pax.txt`, `${longDir}/gnu.txt`]);
  });

  it.each([
    ['../escape.txt', 'has a name outside the archive'],
    ['/etc/escape.txt', 'has a name outside the archive'],
    ['a/../../escape.txt', 'has a name outside the archive'],
    ['a\\..\\escape.txt', 'unexpected characters'],
  ])('refuses the entry %j and writes nothing outside', async (name, reason) => {
    const error = await unpackError([{ name, content: 'x' }]);
    expect(error.code).toBe('invalid-archive');
    expect(error.message).toContain(reason);
    const written = await readdir(dir, { recursive: true });
    expect(written.filter((path) => path.endsWith('escape.txt'))).toEqual([]);
  });

  it('refuses an entry that appears twice', async () => {
    const error = await unpackError([
      { name: 'same', content: 'one' },
      { name: 'same', content: 'two' },
    ]);
    expect(error.message).toContain('same appears twice');
  });

  it('refuses a truncated archive and a corrupt header', async () => {
    const truncated = tarArchive([{ name: 'file', content: 'x'.repeat(2000) }], { end: false }).subarray(
      0,
      1024,
    );
    const work = await mkdtemp(join(dir, 'truncated-'));
    await writeFile(join(work, 't.tar'), truncated);
    await mkdir(join(work, 'root'));
    await expect(unpackTar(join(work, 't.tar'), join(work, 'root'), 'the test archive')).rejects.toThrow(
      'it ends in the middle of an entry',
    );

    const corrupt = tarArchive([{ name: 'file', content: 'x' }]);
    corrupt.writeUInt8(corrupt.readUInt8(0) ^ 1, 0);
    await writeFile(join(work, 'c.tar'), corrupt);
    await mkdir(join(work, 'root2'));
    await expect(unpackTar(join(work, 'c.tar'), join(work, 'root2'), 'the test archive')).rejects.toThrow(
      'a header has a bad checksum',
    );
  });
});
