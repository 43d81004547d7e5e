/**
 * Adds attestation manifests to an OCI layout's image index exactly as BuildKit stores them
 * (moby/buildkit docs/attestations/attestation-storage.md, Docker's "attestation storage"): one
 * image manifest per platform image, listed in the index with platform `unknown/unknown` and the
 * annotations `vnd.docker.reference.type: attestation-manifest` and `vnd.docker.reference.digest:
 * <platform image>`; its config an image config of os/architecture `unknown`; each layer an in-toto
 * statement (`application/vnd.in-toto+json`) annotated with `in-toto.io/predicate-type`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeBlob } from '../registry.js';

export interface StatementSpec {
  predicateType: string;
  predicate: unknown;
  /** The subject's digest; the platform image's digest when not given. */
  subjectDigest?: string;
  /** The layer annotation; the statement's predicate type when not given, none when null. */
  annotatedType?: string | null;
  /** in-toto statement version BuildKit writes: v0.1 for SLSA v0.2 and SBOMs, v1 for SLSA v1. */
  statementType?: string;
}

export interface AttestationManifestSpec {
  /** Which platform image of the index (by position among the platform images). */
  platform: number;
  statements: StatementSpec[];
  /** The vnd.docker.reference.digest annotation; the platform image's digest when not given. */
  referenceDigest?: string;
}

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: { os: string; architecture: string; variant?: string };
  annotations?: Record<string, string>;
}

export async function addBuildKitAttestations(
  layoutDir: string,
  tag: string,
  specs: AttestationManifestSpec[],
): Promise<{
  indexDigest: string;
  indexBytes: Buffer;
  platformDigests: string[];
  attestationDigests: string[];
}> {
  const top = JSON.parse(await readFile(join(layoutDir, 'index.json'), 'utf8')) as {
    manifests: Descriptor[];
  };
  const entry = top.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === tag);
  if (!entry) throw new Error(`no ${tag} in ${layoutDir}`);
  const blob = (digest: string) => join(layoutDir, 'blobs', 'sha256', digest.slice('sha256:'.length));
  const index = JSON.parse(await readFile(blob(entry.digest), 'utf8')) as { manifests: Descriptor[] };
  const platformDigests = index.manifests.map((m) => m.digest);
  const attestationDigests: string[] = [];
  for (const spec of specs) {
    const platformDigest = platformDigests[spec.platform]!;
    const platformName = (() => {
      const p = index.manifests[spec.platform]!.platform;
      return p ? [p.os, p.architecture, p.variant].filter(Boolean).join('/') : 'unknown';
    })();
    const layers: Descriptor[] = [];
    for (const statement of spec.statements) {
      const bytes = Buffer.from(
        JSON.stringify({
          _type: statement.statementType ?? 'https://in-toto.io/Statement/v0.1',
          predicateType: statement.predicateType,
          subject: [
            {
              name: `pkg:docker/example.test/app@v1?platform=${encodeURIComponent(platformName)}`,
              digest: { sha256: (statement.subjectDigest ?? platformDigest).slice('sha256:'.length) },
            },
          ],
          predicate: statement.predicate,
        }),
      );
      const annotated =
        statement.annotatedType === undefined ? statement.predicateType : statement.annotatedType;
      layers.push({
        mediaType: 'application/vnd.in-toto+json',
        digest: await writeBlob(layoutDir, bytes),
        size: bytes.byteLength,
        ...(annotated === null ? {} : { annotations: { 'in-toto.io/predicate-type': annotated } }),
      });
    }
    const config = Buffer.from(
      JSON.stringify({
        architecture: 'unknown',
        os: 'unknown',
        config: {},
        rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.digest) },
      }),
    );
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: {
          mediaType: 'application/vnd.oci.image.config.v1+json',
          digest: await writeBlob(layoutDir, config),
          size: config.byteLength,
        },
        layers,
      }),
    );
    const digest = await writeBlob(layoutDir, manifest);
    attestationDigests.push(digest);
    index.manifests.push({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest,
      size: manifest.byteLength,
      annotations: {
        'vnd.docker.reference.digest': spec.referenceDigest ?? platformDigest,
        'vnd.docker.reference.type': 'attestation-manifest',
      },
      platform: { architecture: 'unknown', os: 'unknown' },
    });
  }
  const indexBytes = Buffer.from(
    JSON.stringify({ ...index, schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json' }),
  );
  const indexDigest = await writeBlob(layoutDir, indexBytes);
  entry.digest = indexDigest;
  entry.size = indexBytes.byteLength;
  entry.mediaType = 'application/vnd.oci.image.index.v1+json';
  await writeFile(join(layoutDir, 'index.json'), JSON.stringify(top));
  return { indexDigest, indexBytes, platformDigests, attestationDigests };
}
