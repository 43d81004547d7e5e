import { cp, mkdtemp, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GateError } from '../../src/errors.js';
import { parseImageReference } from '../../src/adapters/image-reference.js';
import { OCI_INDEX_MEDIA_TYPE, type ImageStore } from '../../src/adapters/image-store.js';
import { openImageStore } from '../../src/adapters/open-image-store.js';
import { OciLayoutStore } from '../../src/adapters/oci-layout.js';
import { collectImageEvidence } from '../../src/evidence/image.js';
import type { Platform } from '../../src/evidence/types.js';
import {
  buildImage,
  buildMultiPlatformImage,
  readIndexManifests,
  requireTestbedTools,
  writeBlob,
} from '../support/registry.js';

let scratch: string;
let image: { layoutDir: string; tag: string; manifestDigest: string; configDigest: string };
let multi: { layoutDir: string; tag: string; indexDigest: string };

beforeAll(async () => {
  await requireTestbedTools();
  scratch = await mkdtemp(join(tmpdir(), 'scg-oci-test-'));
  const [built, multiPlatform] = await Promise.all([
    buildImage({
      user: 'app',
      env: ['A=1'],
      labels: { team: 'core' },
      files: { 'app/run.sh': 'echo hi\n' },
      tag: 'v1',
    }),
    buildMultiPlatformImage([
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
      { os: 'linux', architecture: 'amd64' },
      { os: 'windows', architecture: 'amd64' },
    ]),
  ]);
  const [descriptor] = await readIndexManifests(built.layoutDir, built.tag);
  const store = new OciLayoutStore(built.layoutDir);
  const manifest = await store.getManifest(descriptor?.digest ?? '');
  image = {
    ...built,
    manifestDigest: manifest.digest,
    configDigest: (manifest.json.config as { digest: string }).digest,
  };
  multi = multiPlatform;
});

afterAll(async () => {
  await Promise.all(
    [scratch, image?.layoutDir, multi?.layoutDir].map(
      (dir) => dir && rm(dir, { recursive: true, force: true }),
    ),
  );
});

async function errorOf(promise: Promise<unknown>): Promise<GateError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GateError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** A private copy of a layout that a test may damage. */
async function copyOf(layoutDir: string): Promise<string> {
  const copy = await mkdtemp(join(scratch, 'layout-'));
  await cp(layoutDir, copy, { recursive: true });
  return copy;
}

function blobPath(layoutDir: string, digest: string): string {
  return join(layoutDir, 'blobs', 'sha256', digest.slice('sha256:'.length));
}

async function evidenceFor(reference: string, platform?: Platform) {
  const parsed = parseImageReference(reference);
  const store: ImageStore = openImageStore(parsed);
  return collectImageEvidence({ reference, parsed, ...(platform ? { platform } : {}) }, store);
}

describe('reading an OCI layout', () => {
  it('reads a umoci-built layout by tag', async () => {
    const reference = `oci:${image.layoutDir}:v1`;
    const evidence = await evidenceFor(reference);
    expect(evidence).toMatchObject({
      reference,
      name: `oci:${image.layoutDir}`,
      digest: image.manifestDigest,
      resolvedFromTag: 'v1',
      platform: { os: 'linux', architecture: 'amd64' },
      config: { user: 'app', env: ['A=1'], labels: { team: 'core' } },
      source: { kind: 'oci-layout', uri: `oci:${image.layoutDir}`, digest: image.manifestDigest },
    });
    expect(evidence.layers).toHaveLength(1);
  });

  it('uses the only manifest when no tag is given', async () => {
    const evidence = await evidenceFor(`oci:${image.layoutDir}`);
    expect(evidence.digest).toBe(image.manifestDigest);
    expect(evidence.resolvedFromTag).toBeUndefined();
  });

  it('reads by digest', async () => {
    const evidence = await evidenceFor(`oci:${image.layoutDir}@${image.manifestDigest}`);
    expect(evidence.digest).toBe(image.manifestDigest);
  });

  it('lists the available tags when the tag is not there', async () => {
    const error = await errorOf(evidenceFor(`oci:${image.layoutDir}:v2`));
    expect(error).toMatchObject({ code: 'manifest-not-found', kind: 'configuration' });
    expect(error.message).toContain('available tags: "v1"');
  });

  it('asks for a tag when the layout holds several manifests', async () => {
    const layout = await copyOf(image.layoutDir);
    const [entry] = await readIndexManifests(layout, 'v1');
    await writeFile(
      join(layout, 'index.json'),
      JSON.stringify({
        schemaVersion: 2,
        manifests: [entry, { ...entry, annotations: { 'org.opencontainers.image.ref.name': 'v1.0.0' } }],
      }),
    );
    const error = await errorOf(evidenceFor(`oci:${layout}`));
    expect(error.code).toBe('ambiguous-image-reference');
    expect(error.message).toContain('"v1", "v1.0.0"');
  });

  it('reports a directory that is not a layout, naming the marker file', async () => {
    const error = await errorOf(evidenceFor(`oci:${scratch}`));
    expect(error).toMatchObject({ code: 'oci-layout-not-found', kind: 'configuration' });
    expect(error.message).toContain(join(scratch, 'oci-layout'));
  });

  it('reports a layout path that does not exist', async () => {
    const missing = join(scratch, 'does-not-exist');
    const error = await errorOf(evidenceFor(`oci:${missing}:v1`));
    expect(error.code).toBe('oci-layout-not-found');
    expect(error.message).toContain(missing);
  });
});

describe('choosing a platform from an index', () => {
  const reference = () => `oci:${multi.layoutDir}:${multi.tag}`;

  it('takes linux/amd64 by default and keeps the index digest', async () => {
    const evidence = await evidenceFor(reference());
    expect(evidence.digest).toBe(multi.indexDigest);
    expect(evidence.mediaType).toBe(OCI_INDEX_MEDIA_TYPE);
    expect(evidence.platform).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(evidence.config?.labels).toEqual({ platform: 'linux/amd64' });
    expect(evidence.source.digest).toBe(multi.indexDigest);
  });

  it('takes the requested platform', async () => {
    const evidence = await evidenceFor(reference(), { os: 'windows', architecture: 'amd64' });
    expect(evidence.config?.labels).toEqual({ platform: 'windows/amd64' });
  });

  it('matches the variant when one is requested', async () => {
    const evidence = await evidenceFor(reference(), { os: 'linux', architecture: 'arm64', variant: 'v8' });
    expect(evidence.platform).toEqual({ os: 'linux', architecture: 'arm64', variant: 'v8' });
  });

  it('lists the platforms it has when the requested one is missing', async () => {
    const error = await errorOf(evidenceFor(reference(), { os: 'linux', architecture: 's390x' }));
    expect(error.code).toBe('platform-not-found');
    expect(error.message).toContain('linux/arm64/v8, linux/amd64, windows/amd64');
  });

  it('asks for a platform when there is no linux/amd64 and several others', async () => {
    const layout = await copyOf(multi.layoutDir);
    const index = await new OciLayoutStore(layout).getManifest(multi.indexDigest);
    const others = (index.json.manifests as Array<{ platform: Platform }>).filter(
      (entry) => entry.platform.architecture !== 'amd64' || entry.platform.os !== 'linux',
    );
    await pointTagAtIndex(layout, { ...index.json, manifests: others });
    const error = await errorOf(evidenceFor(`oci:${layout}:${multi.tag}`));
    expect(error.code).toBe('ambiguous-platform');
    expect(error.message).toContain('linux/arm64/v8, windows/amd64');
  });

  it('takes the only image, skipping buildx attestation manifests', async () => {
    const layout = await copyOf(multi.layoutDir);
    const index = await new OciLayoutStore(layout).getManifest(multi.indexDigest);
    const [arm] = index.json.manifests as Array<Record<string, unknown>>;
    const attestation = {
      ...arm,
      platform: { os: 'unknown', architecture: 'unknown' },
      annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
    };
    await pointTagAtIndex(layout, { ...index.json, manifests: [arm, attestation] });
    const evidence = await evidenceFor(`oci:${layout}:${multi.tag}`);
    expect(evidence.platform).toEqual({ os: 'linux', architecture: 'arm64', variant: 'v8' });
  });

  /** Writes `index` as a blob and makes the layout's tag name it. */
  async function pointTagAtIndex(layout: string, index: Record<string, unknown>): Promise<void> {
    const bytes = Buffer.from(JSON.stringify(index));
    const digest = await writeBlob(layout, bytes);
    await writeFile(
      join(layout, 'index.json'),
      JSON.stringify({
        schemaVersion: 2,
        manifests: [
          {
            mediaType: OCI_INDEX_MEDIA_TYPE,
            digest,
            size: bytes.byteLength,
            annotations: { 'org.opencontainers.image.ref.name': multi.tag },
          },
        ],
      }),
    );
  }
});

describe('untrusted layout content', () => {
  it('rejects a blob whose bytes were changed', async () => {
    const layout = await copyOf(image.layoutDir);
    await writeFile(blobPath(layout, image.configDigest), '{"config":{"User":"root"}}');
    const error = await errorOf(evidenceFor(`oci:${layout}:v1`));
    expect(error).toMatchObject({ code: 'digest-mismatch', kind: 'verification' });
    expect(error.message).toContain(blobPath(layout, image.configDigest));
  });

  it('reports a missing blob, naming its path', async () => {
    const layout = await copyOf(image.layoutDir);
    await unlink(blobPath(layout, image.configDigest));
    const error = await errorOf(evidenceFor(`oci:${layout}:v1`));
    expect(error).toMatchObject({ code: 'blob-not-found', kind: 'verification' });
    expect(error.message).toContain(blobPath(layout, image.configDigest));
  });

  it('reports a missing manifest, naming its path', async () => {
    const layout = await copyOf(image.layoutDir);
    await unlink(blobPath(layout, image.manifestDigest));
    const error = await errorOf(evidenceFor(`oci:${layout}:v1`));
    expect(error.code).toBe('manifest-not-found');
    expect(error.message).toContain(blobPath(layout, image.manifestDigest));
  });

  it('refuses a symlinked blob that leaves the layout, even with the right bytes', async () => {
    const layout = await copyOf(image.layoutDir);
    const outside = join(scratch, `outside-${Date.now()}`);
    await cp(blobPath(layout, image.configDigest), outside);
    await unlink(blobPath(layout, image.configDigest));
    await symlink(outside, blobPath(layout, image.configDigest));
    const error = await errorOf(evidenceFor(`oci:${layout}:v1`));
    expect(error.code).toBe('oci-layout-escape');
    expect(error.message).toContain(outside);
  });

  it('follows a symlinked blob that stays inside the layout', async () => {
    const layout = await copyOf(image.layoutDir);
    const inside = join(layout, 'config-copy.json');
    await cp(blobPath(layout, image.configDigest), inside);
    await unlink(blobPath(layout, image.configDigest));
    await symlink(inside, blobPath(layout, image.configDigest));
    expect((await evidenceFor(`oci:${layout}:v1`)).config?.user).toBe('app');
  });

  it('refuses an index.json digest that would walk out of blobs/', async () => {
    const layout = await copyOf(image.layoutDir);
    await writeFile(
      join(layout, 'index.json'),
      JSON.stringify({ schemaVersion: 2, manifests: [{ digest: 'sha256:../../../../etc/passwd', size: 1 }] }),
    );
    const error = await errorOf(evidenceFor(`oci:${layout}`));
    expect(error.code).toBe('invalid-digest');
  });

  it('stops reading a blob larger than the limit', async () => {
    const store = new OciLayoutStore(image.layoutDir);
    const error = await errorOf(store.getBlob(image.configDigest, 16));
    expect(error.code).toBe('blob-too-large');
  });
});
