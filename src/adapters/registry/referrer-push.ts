/**
 * Attaches an artifact (a sigstore bundle) to an image as an OCI 1.1 referrer, as actions/attest's
 * @sigstore/oci does: the blob, the empty config, and an image manifest whose `subject` is the
 * image. A registry that indexes referrers says so (`OCI-Subject` on the manifest PUT); for one
 * that does not (distribution 2.8, GHCR), the referrer is added to the fallback index under the tag
 * `sha256-<hex>`, which other jobs may be writing at the same time: the index is replaced with
 * `If-Match` on what was read (registries that honour it refuse a lost update with 412), and read
 * again afterwards, twice, a settle time apart; while the entry is missing, it is merged in and
 * written again. Registries that ignore If-Match (distribution 2.8) are safe this way for writers
 * whose read and write are close together, not for every interleaving of many writers: see
 * docs/architecture.md.
 */
import { ConfigurationError, VerificationError } from '../../errors.js';
import {
  MANIFEST_MEDIA_TYPES,
  MAX_MANIFEST_BYTES,
  OCI_INDEX_MEDIA_TYPE,
  OCI_MANIFEST_MEDIA_TYPE,
  assertSha256Digest,
  sha256Digest,
} from '../oci/image-store.js';
import { findRegistryCredentials, type RegistryOptions } from './store.js';
import { RegistryTransport, discard } from './transport.js';

export const OCI_EMPTY_MEDIA_TYPE = 'application/vnd.oci.empty.v1+json';
const EMPTY_CONFIG = Buffer.from('{}');
const DEFAULT_ATTEMPTS = 8;
/** Longer than a concurrent writer's read-then-write takes, so its stale write shows by then. */
const SETTLE_MS = 250;

export interface ReferrerArtifact {
  bytes: Uint8Array;
  /** The layer's media type, also the manifest's `artifactType` (as @sigstore/oci writes it). */
  mediaType: string;
  /** The manifest's annotations (`dev.sigstore.bundle.predicateType`…); `created` is added. */
  annotations: Record<string, string>;
}

export interface PushTarget {
  registry: string;
  repository: string;
  /** The image the artifact is about: its manifest or index digest. */
  subjectDigest: string;
}

export interface PushedReferrer {
  manifestDigest: string;
  manifestUri: string;
  /** How readers find it: the registry's referrers API, or the fallback tag index. */
  indexedBy: 'referrers-api' | 'referrers-tag';
  /** How many times the fallback index was written (more than one after a concurrent update). */
  indexWrites: number;
}

export interface PushOptions extends RegistryOptions {
  now?(): Date;
  /** Attempts at the fallback index before giving up. */
  maxAttempts?: number;
  sleep?(ms: number): Promise<void>;
}

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations?: Record<string, string>;
}

export async function pushReferrer(
  target: PushTarget,
  artifact: ReferrerArtifact,
  options: PushOptions = {},
): Promise<PushedReferrer> {
  assertSha256Digest(target.subjectDigest, 'the image to attach to');
  const client = new RegistryWriter(target.registry, target.repository, options);
  const subject = await client.manifestDescriptor(target.subjectDigest);
  const [layer, config] = await Promise.all([
    client.uploadBlob(artifact.bytes, artifact.mediaType),
    client.uploadBlob(EMPTY_CONFIG, OCI_EMPTY_MEDIA_TYPE),
  ]);
  const annotations = {
    'org.opencontainers.image.created': (options.now?.() ?? new Date()).toISOString(),
    ...artifact.annotations,
  };
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    artifactType: artifact.mediaType,
    config,
    layers: [layer],
    subject,
    annotations,
  };
  const pushed = await client.putManifest(Buffer.from(JSON.stringify(manifest)), OCI_MANIFEST_MEDIA_TYPE);
  const manifestUri = client.manifestUri(pushed.digest);
  if (pushed.subjectIndexed) {
    return { manifestDigest: pushed.digest, manifestUri, indexedBy: 'referrers-api', indexWrites: 0 };
  }
  const descriptor: Descriptor = {
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    digest: pushed.digest,
    size: pushed.size,
    artifactType: artifact.mediaType,
    annotations,
  };
  const indexWrites = await addToFallbackIndex(client, target.subjectDigest, descriptor, options);
  return { manifestDigest: pushed.digest, manifestUri, indexedBy: 'referrers-tag', indexWrites };
}

async function addToFallbackIndex(
  client: RegistryWriter,
  subjectDigest: string,
  descriptor: Descriptor,
  options: PushOptions,
): Promise<number> {
  const tag = subjectDigest.replace(':', '-');
  const attempts = options.maxAttempts ?? DEFAULT_ATTEMPTS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  let writes = 0;
  let confirmed = false;
  for (let attempt = 1; ; attempt++) {
    const current = await client.readIndex(tag);
    if (current === 'busy') {
      if (attempt > attempts) throw contended(client.manifestUri(tag), attempts);
      await sleep(Math.floor(Math.random() * 50 * attempt));
      continue;
    }
    if (current?.manifests.some((entry) => entry.digest === descriptor.digest)) {
      // A job that read the index before our write may still replace it with its own stale copy;
      // its write follows its read by one request, so after the settle time it has landed.
      if (writes === 0 || confirmed) return writes;
      confirmed = true;
      await sleep(SETTLE_MS);
      continue;
    }
    confirmed = false;
    if (attempt > attempts) throw contended(client.manifestUri(tag), attempts);
    const index = {
      schemaVersion: 2,
      mediaType: OCI_INDEX_MEDIA_TYPE,
      manifests: [...(current?.manifests ?? []), descriptor],
    };
    writes += 1;
    // Written or refused (412: changed since read), it is read again. The wait, partly random,
    // keeps two writers from meeting again in step.
    await client.putIndex(tag, Buffer.from(JSON.stringify(index)), current?.etag);
    await sleep(Math.floor(Math.random() * 50 * attempt));
  }
}

function contended(indexUri: string, attempts: number): VerificationError<'referrers-index-contended'> {
  return new VerificationError(
    'referrers-index-contended',
    `could not add the referrer to ${indexUri} in ${attempts} attempts: other jobs keep replacing that index; retry the job`,
  );
}

interface ReadIndex {
  manifests: Descriptor[];
  /** What to send as If-Match: the registry's ETag, else the digest of what was read. */
  etag: string;
}

/**
 * The few registry writes a referrer takes, through the same transport as every read (push-scoped
 * authentication, redirects, the one retry policy): each request is idempotent (a HEAD, a blob or
 * manifest stored by its digest) and retried as a read is; the index, which is not, is read
 * again and rewritten by `addToFallbackIndex` instead.
 */
class RegistryWriter {
  private readonly transport: RegistryTransport;
  private readonly location: string;
  private readonly registry: string;

  constructor(registry: string, repository: string, options: RegistryOptions) {
    this.registry = registry;
    this.transport = new RegistryTransport(
      {
        registry,
        repository,
        actions: 'pull,push',
        credentials: () => findRegistryCredentials(registry, options),
        refused: async (answer) => {
          const choice = await findRegistryCredentials(registry, options);
          return new ConfigurationError(
            'registry-push-unauthorized',
            `registry ${registry} refused to let us push to ${repository} (${answer}; credentials tried: ${choice.description}); give credentials that may push (for ghcr.io: "packages: write")`,
          );
        },
      },
      options,
    );
    this.location = this.transport.location;
  }

  manifestUri(reference: string): string {
    return `${this.location}/manifests/${reference}`;
  }

  async manifestDescriptor(digest: string): Promise<Descriptor> {
    const response = await this.transport.retrying(() =>
      this.succeeding('HEAD', this.manifestUri(digest), { accept: MANIFEST_MEDIA_TYPES.join(', ') }),
    );
    if (response.status === 404) {
      throw new ConfigurationError(
        'manifest-not-found',
        `${this.registry}/${this.transport.repository}@${digest} was not found: push the image before its provenance`,
      );
    }
    await this.expect(response, [200], `reading ${this.manifestUri(digest)}`);
    const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim();
    const size = Number(response.headers.get('content-length'));
    if (!mediaType || !Number.isSafeInteger(size)) {
      throw new VerificationError(
        'registry-error',
        `registry ${this.registry} did not give the media type and size of ${digest}`,
      );
    }
    return { mediaType, digest, size };
  }

  async uploadBlob(bytes: Uint8Array, mediaType: string): Promise<Descriptor> {
    const digest = sha256Digest(bytes);
    const descriptor = { mediaType, digest, size: bytes.byteLength };
    // The whole upload is one retried step: a session that broke is abandoned for a new one.
    return this.transport.retrying(async () => {
      const exists = await this.succeeding('HEAD', `${this.location}/blobs/${digest}`, {});
      await discard(exists);
      if (exists.status === 200) return descriptor;
      const started = await this.succeeding('POST', `${this.location}/blobs/uploads/`, {});
      await this.expect(started, [202], 'starting a blob upload');
      const location = started.headers.get('location');
      await discard(started);
      if (!location) {
        throw new VerificationError('registry-error', `registry ${this.registry} gave no upload location`);
      }
      const url = this.transport.sameOrigin(location, 'the upload');
      url.searchParams.set('digest', digest);
      const put = await this.succeeding(
        'PUT',
        url.href,
        { 'content-type': 'application/octet-stream' },
        bytes,
      );
      await this.expect(put, [201], `uploading blob ${digest}`);
      await discard(put);
      return descriptor;
    });
  }

  async putManifest(
    bytes: Buffer,
    mediaType: string,
  ): Promise<{ digest: string; size: number; subjectIndexed: boolean }> {
    const digest = sha256Digest(bytes);
    const response = await this.transport.retrying(() =>
      this.succeeding('PUT', this.manifestUri(digest), { 'content-type': mediaType }, bytes),
    );
    await this.expect(response, [201], `storing manifest ${digest}`);
    await discard(response);
    return { digest, size: bytes.byteLength, subjectIndexed: response.headers.has('oci-subject') };
  }

  /** `busy`: the registry failed to read the tag (distribution answers 500 while another job replaces it). */
  async readIndex(tag: string): Promise<ReadIndex | undefined | 'busy'> {
    const response = await this.transport.retrying(() =>
      this.send('GET', this.manifestUri(tag), { accept: OCI_INDEX_MEDIA_TYPE }),
    );
    if (response.status === 404) {
      await response.body?.cancel();
      return undefined;
    }
    if (response.status >= 500) {
      await response.body?.cancel();
      return 'busy';
    }
    await this.expect(response, [200], `reading ${this.manifestUri(tag)}`);
    const bytes = Buffer.from(
      await this.transport.readBody(
        response,
        MAX_MANIFEST_BYTES,
        () => new VerificationError('manifest-too-large', `${this.manifestUri(tag)} is over 4 MiB`),
      ),
    );
    let index: { mediaType?: unknown; manifests?: unknown };
    try {
      index = JSON.parse(bytes.toString('utf8')) as typeof index;
    } catch {
      index = {};
    }
    if (index.mediaType !== OCI_INDEX_MEDIA_TYPE || !Array.isArray(index.manifests)) {
      throw new VerificationError(
        'invalid-referrers-index',
        `${this.manifestUri(tag)} is not an OCI image index; the referrers tag holds something else: remove it`,
      );
    }
    return {
      manifests: index.manifests as Descriptor[],
      etag: response.headers.get('etag') ?? `"${sha256Digest(bytes)}"`,
    };
  }

  /**
   * Refused with 412 when the tag changed since `etag` was read, or failed with a 5xx while another
   * job writes it: the caller reads it again either way.
   */
  async putIndex(tag: string, bytes: Buffer, etag: string | undefined): Promise<void> {
    const condition: Record<string, string> = etag ? { 'if-match': etag } : { 'if-none-match': '*' };
    const response = await this.send(
      'PUT',
      this.manifestUri(tag),
      { 'content-type': OCI_INDEX_MEDIA_TYPE, ...condition },
      bytes,
    );
    if (response.status === 412 || response.status >= 500) {
      await response.body?.cancel();
      return;
    }
    await this.expect(response, [201], `storing ${this.manifestUri(tag)}`);
  }

  /** One request through the transport (which answers a 401 once with push-scoped credentials). */
  private send(method: string, url: string, headers: Record<string, string>, body?: Uint8Array) {
    return this.transport.request(method, new URL(url), headers, body);
  }

  /** One request whose 429 or 5xx is transient: retried by `transport.retrying` like a read. */
  private async succeeding(
    method: string,
    url: string,
    headers: Record<string, string>,
    body?: Uint8Array,
  ): Promise<Response> {
    const response = await this.send(method, url, headers, body);
    if (response.status === 429 || response.status >= 500) {
      await this.transport.expectSuccess(response, `${method} ${url}`);
    }
    return response;
  }

  private async expect(response: Response, statuses: number[], what: string): Promise<void> {
    if (statuses.includes(response.status)) return;
    const detail = (await response.text().catch(() => '')).replace(/\s+/g, ' ').slice(0, 200);
    const error =
      response.status === 401 || response.status === 403
        ? new ConfigurationError(
            'registry-push-unauthorized',
            `registry ${this.registry} refused ${what} (${response.status}): the credentials may pull but not push (for ghcr.io: "packages: write")`,
          )
        : new VerificationError(
            'registry-error',
            `registry ${this.registry} answered ${response.status} for ${what}${detail ? `: ${detail}` : ''}`,
          );
    throw error;
  }
}
