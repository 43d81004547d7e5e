/**
 * Writes content to the testbed registry the way cosign's tag scheme and the OCI referrers tag
 * scheme store it: blobs, manifests by tag or digest, and `sha256-<hex>.sig`/`.att` manifests with
 * one layer per signature. @sigstore/oci covers the sigstore-bundle referrers; this covers what it
 * does not write.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { TestRegistry } from './registry.js';

export interface PushedDescriptor {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations?: Record<string, string>;
}

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_EMPTY = 'application/vnd.oci.empty.v1+json';

export function sha256(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function authHeaders(registry: TestRegistry): Record<string, string> {
  return registry.username === undefined
    ? {}
    : {
        authorization: `Basic ${Buffer.from(`${registry.username}:${registry.password ?? ''}`).toString('base64')}`,
      };
}

export async function pushBlob(
  registry: TestRegistry,
  repository: string,
  bytes: Uint8Array,
  mediaType: string,
): Promise<PushedDescriptor> {
  const digest = sha256(bytes);
  const started = await fetch(`${registry.url}/v2/${repository}/blobs/uploads/`, {
    method: 'POST',
    headers: authHeaders(registry),
  });
  await started.body?.cancel();
  const location = started.headers.get('location');
  if (started.status !== 202 || !location) throw new Error(`blob upload to ${repository}: ${started.status}`);
  const url = new URL(location, registry.url);
  url.searchParams.set('digest', digest);
  const put = await fetch(url, {
    method: 'PUT',
    headers: { ...authHeaders(registry), 'content-type': 'application/octet-stream' },
    body: bytes,
  });
  await put.body?.cancel();
  if (put.status !== 201) throw new Error(`blob PUT to ${repository}: ${put.status}`);
  return { mediaType, digest, size: bytes.byteLength };
}

/** Stores `manifest` under `reference` (a tag, or its own digest when omitted). */
export async function pushManifest(
  registry: TestRegistry,
  repository: string,
  manifest: Record<string, unknown>,
  reference?: string,
): Promise<PushedDescriptor> {
  const bytes = Buffer.from(JSON.stringify(manifest));
  const digest = sha256(bytes);
  const mediaType = String(manifest.mediaType);
  const response = await fetch(`${registry.url}/v2/${repository}/manifests/${reference ?? digest}`, {
    method: 'PUT',
    headers: { ...authHeaders(registry), 'content-type': mediaType },
    body: bytes,
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`manifest PUT to ${repository}: ${response.status} ${text}`);
  return { mediaType, digest, size: bytes.byteLength };
}

export async function deleteManifest(
  registry: TestRegistry,
  repository: string,
  digest: string,
): Promise<void> {
  const response = await fetch(`${registry.url}/v2/${repository}/manifests/${digest}`, {
    method: 'DELETE',
    headers: authHeaders(registry),
  });
  await response.body?.cancel();
  if (response.status !== 202) throw new Error(`manifest DELETE in ${repository}: ${response.status}`);
}

export interface AttachedLayer {
  mediaType: string;
  payload: Uint8Array;
  annotations: Record<string, string>;
}

/**
 * A cosign `.sig` or `.att` manifest for `subjectDigest`, as cosign writes it: an OCI image
 * manifest under the tag `sha256-<hex><suffix>`, one layer per signature or attestation.
 */
export async function attachCosignManifest(
  registry: TestRegistry,
  repository: string,
  subjectDigest: string,
  suffix: '.sig' | '.att',
  layers: AttachedLayer[],
): Promise<PushedDescriptor> {
  const pushed = await Promise.all(
    layers.map(async (layer) => ({
      ...(await pushBlob(registry, repository, layer.payload, layer.mediaType)),
      annotations: layer.annotations,
    })),
  );
  const config = Buffer.from(
    JSON.stringify({
      architecture: '',
      os: '',
      rootfs: { type: 'layers', diff_ids: pushed.map((layer) => layer.digest) },
      config: {},
    }),
  );
  return pushManifest(
    registry,
    repository,
    {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: await pushBlob(registry, repository, config, 'application/vnd.oci.image.config.v1+json'),
      layers: pushed,
    },
    `${subjectDigest.replace(':', '-')}${suffix}`,
  );
}

/** An OCI 1.1 referrer of `subject` with one layer, stored by digest and listed nowhere. */
export async function pushReferrer(
  registry: TestRegistry,
  repository: string,
  subject: PushedDescriptor,
  layer: { mediaType: string; payload: Uint8Array },
): Promise<PushedDescriptor> {
  const empty = await pushBlob(registry, repository, Buffer.from('{}'), OCI_EMPTY);
  const blob = await pushBlob(registry, repository, layer.payload, layer.mediaType);
  const pushed = await pushManifest(registry, repository, {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: layer.mediaType,
    config: empty,
    layers: [blob],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
  });
  return { ...pushed, artifactType: layer.mediaType };
}

/** The manifest stored under `reference`, parsed, with its descriptor. */
export async function readManifest(
  registry: TestRegistry,
  repository: string,
  reference: string,
): Promise<{ descriptor: PushedDescriptor; json: Record<string, unknown> }> {
  const response = await fetch(`${registry.url}/v2/${repository}/manifests/${reference}`, {
    headers: { ...authHeaders(registry), accept: [OCI_MANIFEST, OCI_INDEX].join(', ') },
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`manifest GET ${repository}:${reference}: ${response.status}`);
  const json = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  return {
    descriptor: { mediaType: String(json.mediaType), digest: sha256(bytes), size: bytes.byteLength },
    json,
  };
}

export interface SigstoreOciAttachment {
  /** `registry/repository`, as actions/attest names the image. */
  imageName: string;
  imageDigest: string;
  artifact: Uint8Array;
  mediaType: string;
  annotations?: Record<string, string>;
}

/** Runs @sigstore/oci's attachArtifactToImage for each attachment, in order, in a Node process. */
export async function attachWithSigstoreOci(
  registry: TestRegistry,
  attachments: SigstoreOciAttachment[],
): Promise<void> {
  const credentials = { username: registry.username ?? '', password: registry.password ?? '' };
  const input = JSON.stringify(
    attachments.map((attachment) => ({
      ...attachment,
      artifact: Buffer.from(attachment.artifact).toString('base64'),
      credentials,
    })),
  );
  await new Promise<void>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [fileURLToPath(new URL('./sigstore-oci-attach.mjs', import.meta.url))],
      { timeout: 60_000 },
      (error, _stdout, stderr) =>
        error ? reject(new Error(`@sigstore/oci failed: ${stderr.trim() || error.message}`)) : resolve(),
    );
    child.stdin?.end(input);
  });
}
