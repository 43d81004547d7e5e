import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GateError } from '../../../src/errors.js';
import { parseImageReference } from '../../../src/model/image-reference.js';
import { OCI_INDEX_MEDIA_TYPE, type ImageStore } from '../../../src/adapters/oci/image-store.js';
import { openImageStore } from '../../../src/adapters/oci/open-image-store.js';
import { OciLayoutStore } from '../../../src/adapters/oci/layout.js';
import { collectEvidence } from '../../../src/evidence/collect.js';
import { collectImageEvidence } from '../../../src/evidence/image.js';
import type { Platform } from '../../../src/model/evidence.js';
import { fixturePath } from '../../support/fixtures.js';
import {
  buildImage,
  buildMultiPlatformImage,
  readIndexManifests,
  requireTestbedTools,
  writeBlob,
} from '../../support/registry.js';

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

async function evidenceFor(reference: string, platforms?: Platform[]) {
  const parsed = parseImageReference(reference);
  const store: ImageStore = openImageStore(parsed);
  return collectImageEvidence({ reference, parsed, ...(platforms ? { platforms } : {}) }, store);
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
    const [only] = evidence.platforms;
    expect(evidence.platforms).toHaveLength(1);
    expect(only).toMatchObject({
      digest: image.manifestDigest,
      platform: { os: 'linux', architecture: 'amd64' },
      config: { platform: { os: 'linux', architecture: 'amd64' } },
      compressedSize: evidence.layers[0]?.size,
    });
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

describe('gating the platforms of an index', () => {
  const reference = () => `oci:${multi.layoutDir}:${multi.tag}`;
  const labelsOf = (evidence: { platforms: Array<{ config?: { labels: Record<string, string> } }> }) =>
    evidence.platforms.map((entry) => entry.config?.labels.platform);

  it('gates every platform image by default, in index order, under the index digest', async () => {
    const evidence = await evidenceFor(reference());
    expect(evidence.digest).toBe(multi.indexDigest);
    expect(evidence.mediaType).toBe(OCI_INDEX_MEDIA_TYPE);
    expect(evidence.source.digest).toBe(multi.indexDigest);
    expect(labelsOf(evidence)).toEqual(['linux/arm64/v8', 'linux/amd64', 'windows/amd64']);
    expect(evidence.platforms.map((entry) => entry.platform)).toEqual([
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
      { os: 'linux', architecture: 'amd64' },
      { os: 'windows', architecture: 'amd64' },
    ]);
    // Each platform is its own manifest, named by its own digest.
    for (const entry of evidence.platforms) {
      expect(entry.digest).not.toBe(multi.indexDigest);
      expect(entry.source).toEqual({
        kind: 'oci-layout',
        uri: `oci:${multi.layoutDir}@${entry.digest}`,
        digest: entry.digest,
      });
    }
    // The single-platform fields repeat the first platform.
    expect(evidence.platform).toEqual(evidence.platforms[0]?.platform);
  });

  it('gates only the requested platforms', async () => {
    const evidence = await evidenceFor(reference(), [
      { os: 'windows', architecture: 'amd64' },
      { os: 'linux', architecture: 'amd64' },
    ]);
    expect(labelsOf(evidence)).toEqual(['linux/amd64', 'windows/amd64']);
  });

  it('matches the variant when one is requested', async () => {
    const evidence = await evidenceFor(reference(), [{ os: 'linux', architecture: 'arm64', variant: 'v8' }]);
    expect(evidence.platforms.map((entry) => entry.platform)).toEqual([
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
    ]);
  });

  it('lists the platforms it has when a requested one is missing', async () => {
    const error = await errorOf(
      evidenceFor(reference(), [
        { os: 'linux', architecture: 'amd64' },
        { os: 'linux', architecture: 's390x' },
      ]),
    );
    expect(error.code).toBe('platform-not-found');
    expect(error.message).toContain('no image for linux/s390x');
    expect(error.message).toContain('linux/arm64/v8, linux/amd64, windows/amd64');
  });

  it('refuses a platform a single-platform image is not', async () => {
    const error = await errorOf(
      evidenceFor(`oci:${image.layoutDir}:v1`, [{ os: 'linux', architecture: 'arm64' }]),
    );
    expect(error.code).toBe('platform-not-found');
    expect(error.message).toContain('single-platform image for linux/amd64, not linux/arm64');
  });

  it('skips buildx attestation manifests', async () => {
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
    expect(evidence.platforms.map((entry) => entry.platform)).toEqual([
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
    ]);
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

describe('signatures and attestations kept in a layout', () => {
  const gate = (reference: string) =>
    collectEvidence(
      { image: reference, scanPaths: [], checkName: 'supply-chain-gate', workspace: scratch },
      { openImageStore },
    );

  it('finds the attestation `cosign save` wrote beside the image index it belongs to', async () => {
    const layout = fixturePath('third-party/slsa-verifier/container_workflow_dispatch');
    const index = 'sha256:234e2c830c2fb31ac5671789d22adfe44d30c3ee831d01beae5e237841a13122';
    const attestations = 'sha256:21454caf3a160dfbe6359f0501aa8401c6c0f2c7a8b71380ea21f8c4b48b64fe';
    const envelope = 'sha256:e163b472f2e5d66e5a2a45e26e020c51a0d2da7dc8b567b31fc2ebfd33dbc33a';
    // No tag: the layout holds the index and its attestations, and only one of them is an image.
    const evidence = await gate(`oci:${layout}`);
    expect(evidence.image.digest).toBe(index);
    expect(evidence.image.platforms.map((entry) => entry.platform)).toEqual([
      { os: 'linux', architecture: 'amd64' },
    ]);
    expect(evidence.discovered).toEqual([
      {
        kind: 'cosign-attestation',
        subjectDigest: index,
        source: { kind: 'oci-layout', uri: `oci:${layout}@${attestations}`, digest: envelope },
        cosignLayer: {
          mediaType: 'application/vnd.dsse.envelope.v1+json',
          payload: new Uint8Array(readFileSync(blobPath(layout, envelope))),
          annotations: expect.objectContaining({ predicateType: 'https://slsa.dev/provenance/v0.2' }),
        },
      },
    ]);
    expect(evidence.lookups?.find((entry) => entry.place === 'cosign-attestation-tag')).toMatchObject({
      subjectDigest: index,
      uri: `oci:${layout}:${index.replace(':', '-')}.att`,
      outcome: 'found',
    });
  });

  it('finds referrers and cosign tags copied into a layout, and nothing about other digests', async () => {
    const layout = await copyOf(image.layoutDir);
    const subject = { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: image.manifestDigest };
    const bundle = readFileSync(fixturePath('third-party/cosign/oci-attestation.sigstore.json'));
    const signature = readFileSync(
      fixturePath('third-party/containers-image-cosign/dir-img-cosign-valid/signature-1.payload'),
    );
    const referrer = await writeManifest(layout, {
      artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      layers: [await writeLayer(layout, bundle, 'application/vnd.dev.sigstore.bundle.v0.3+json')],
      subject,
    });
    const foreign = await writeManifest(layout, {
      layers: [await writeLayer(layout, bundle, 'application/vnd.dev.sigstore.bundle.v0.3+json')],
      subject: { ...subject, digest: image.configDigest },
    });
    const signatures = await writeManifest(layout, {
      layers: [await writeLayer(layout, signature, 'application/vnd.dev.cosign.simplesigning.v1+json')],
    });
    const indexPath = join(layout, 'index.json');
    const index = JSON.parse(await readFile(indexPath, 'utf8')) as { manifests: unknown[] };
    index.manifests.push(referrer, foreign, {
      ...signatures,
      annotations: { 'org.opencontainers.image.ref.name': `${image.manifestDigest.replace(':', '-')}.sig` },
    });
    await writeFile(indexPath, JSON.stringify(index));

    const evidence = await gate(`oci:${layout}`);
    expect(evidence.image.digest).toBe(image.manifestDigest);
    expect(evidence.discovered.map((artifact) => [artifact.kind, artifact.source.uri])).toEqual([
      ['cosign-signature', `oci:${layout}@${signatures.digest}`],
      ['sigstore-bundle', `oci:${layout}@${referrer.digest}`],
    ]);
    expect(evidence.discovered[1]?.bundle).toEqual(JSON.parse(bundle.toString('utf8')));
  });

  it('says where it looked when a layout holds nothing for the digest', async () => {
    const evidence = await gate(`oci:${image.layoutDir}:v1`);
    expect(evidence.discovered).toEqual([]);
    expect(evidence.lookups?.map((entry) => [entry.place, entry.outcome])).toEqual([
      ['cosign-signature-tag', 'none'],
      ['cosign-attestation-tag', 'none'],
      ['referrers-api', 'none'],
      ['referrers-tag', 'none'],
    ]);
  });

  async function writeLayer(layout: string, bytes: Uint8Array, mediaType: string) {
    return { mediaType, digest: await writeBlob(layout, bytes), size: bytes.byteLength };
  }

  /** An OCI manifest with an empty config, stored as a blob; returns its descriptor. */
  async function writeManifest(layout: string, fields: Record<string, unknown>) {
    const empty = await writeLayer(layout, Buffer.from('{}'), 'application/vnd.oci.empty.v1+json');
    const mediaType = 'application/vnd.oci.image.manifest.v1+json';
    const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, config: empty, ...fields }));
    return { mediaType, digest: await writeBlob(layout, bytes), size: bytes.byteLength };
  }
});
