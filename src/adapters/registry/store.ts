/**
 * A read-only OCI distribution client: manifests and blobs of one repository, with the
 * authentication users meet in practice (anonymous, basic, and the bearer-token challenge of Docker
 * Hub, GHCR and distribution's token auth). Credentials and tokens never reach an error message.
 *
 * Every read is a GET, so one that failed in a way trying again can cure (429, 5xx, a connection
 * reset or cut short, no answer in time) is tried again after `Retry-After` or a doubling backoff,
 * within one time budget for the whole store: a registry that is down ends the run in about a
 * minute, and the run fails closed. A refused connection or an unknown host is not retried: the
 * reference names the wrong place.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, VerificationError } from '../../errors.js';
import { DOCKER_HUB_REGISTRY, type ImageReference } from '../../model/image-reference.js';
import {
  DEFAULT_TAG,
  MANIFEST_MEDIA_TYPES,
  MAX_MANIFEST_BYTES,
  OCI_INDEX_MEDIA_TYPE,
  assertSha256Digest,
  blobTooLarge,
  manifestTooLarge,
  parseJsonObject,
  parseManifestDocument,
  sha256Digest,
  verifyDigest,
  type ImageStore,
  type ManifestDocument,
  type ReferrerListing,
} from '../oci/image-store.js';
import {
  RegistryTransport,
  discard,
  errorCode,
  type CredentialChoice,
  type RegistryCredentials,
  type TransportOptions,
} from './transport.js';

export type { CredentialChoice, RegistryCredentials, RetryPolicy } from './transport.js';
export {
  basicAuthorization,
  DEFAULT_REGISTRY_RETRY_POLICY,
  parseChallenge,
  registryApiHost,
  type Challenge,
} from './transport.js';

export interface RegistryOptions extends TransportOptions {
  /** Used before anything else. */
  credentials?: RegistryCredentials;
  /** Used for ghcr.io when neither explicit credentials nor a docker config entry exist. */
  githubToken?: string;
  /** Where `DOCKER_CONFIG` (and the proxy variables) are read from; defaults to `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Where `~/.docker/config.json` is looked for when `DOCKER_CONFIG` is unset; defaults to the user's home. */
  homeDir?: string;
}

const DOCKER_HUB_CONFIG_KEYS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
const GITHUB_CONTAINER_REGISTRY = 'ghcr.io';
/** Pages of referrers stop here: each costs a manifest read, and more is refused, not truncated. */
const MAX_REFERRERS_LISTED = 1000;
export class RegistryStore implements ImageStore {
  readonly kind = 'registry';
  readonly location: string;
  /** The one transport to this repository: auth, redirects, limits, the retry policy. */
  private readonly transport: RegistryTransport;
  private credentialChoice?: Promise<CredentialChoice>;

  constructor(
    private readonly registry: string,
    private readonly repository: string,
    private readonly options: RegistryOptions = {},
  ) {
    // One store reads one repository, so it only ever needs the pull scope for it.
    this.transport = new RegistryTransport(
      {
        registry,
        repository,
        actions: 'pull',
        credentials: () => this.chooseCredentials(),
        refused: (answer) => this.unauthorized(answer),
      },
      options,
    );
    this.location = this.transport.location;
  }

  async resolve(reference: ImageReference): Promise<ManifestDocument> {
    const { digest, tag } = reference;
    if (digest === undefined) return this.fetchManifest(tag ?? DEFAULT_TAG, 'named by the user');
    assertSha256Digest(digest, `the reference to ${this.name()}`);
    return this.fetchManifest(digest, 'named by the user');
  }

  async getManifest(digest: string): Promise<ManifestDocument> {
    assertSha256Digest(digest, `a manifest requested from ${this.name()}`);
    return this.fetchManifest(digest, 'referenced by other content');
  }

  findTag(tag: string): Promise<ManifestDocument | undefined> {
    return this.transport.retrying(() => this.tryFetchManifest(tag));
  }

  manifestUri(digestOrTag: string): string {
    return `${this.location}/manifests/${digestOrTag}`;
  }

  /**
   * The OCI 1.1 referrers API, every page. A 404, or an answer that is not an image index, means
   * the registry does not implement it (distribution 2.8, GHCR); oras and cosign read it that way too.
   */
  async listReferrers(digest: string): Promise<ReferrerListing> {
    assertSha256Digest(digest, `a referrers request to ${this.name()}`);
    return this.transport.retrying(() => this.listReferrersOnce(digest));
  }

  private async listReferrersOnce(digest: string): Promise<ReferrerListing> {
    const first = new URL(`${this.location}/referrers/${digest}`);
    const what = `the referrers of ${this.name()}@${digest}`;
    const digests: string[] = [];
    for (let page: URL | undefined = first; page;) {
      const response = await this.get(page, OCI_INDEX_MEDIA_TYPE);
      const contentType = response.headers.get('content-type')?.split(';')[0]?.trim();
      if (response.status === 404 || (response.ok && contentType !== OCI_INDEX_MEDIA_TYPE)) {
        await discard(response);
        if (page !== first) {
          throw new VerificationError(
            'registry-error',
            `registry ${this.registry} stopped answering ${what} part way through its pages`,
          );
        }
        return { supported: false, uri: first.href };
      }
      await this.transport.expectSuccess(response, what);
      const index = parseJsonObject(
        await this.transport.readBody(response, MAX_MANIFEST_BYTES, () => manifestTooLarge(what)),
        what,
      );
      if (!Array.isArray(index.manifests)) {
        throw new VerificationError('invalid-manifest', `${what}: the answer has no "manifests" array`);
      }
      for (const [position, descriptor] of index.manifests.entries()) {
        const referrer = isRecord(descriptor) ? descriptor.digest : undefined;
        if (typeof referrer !== 'string') {
          throw new VerificationError(
            'invalid-manifest',
            `${what}: manifests[${position}] is not a descriptor with a digest`,
          );
        }
        digests.push(referrer);
      }
      if (digests.length > MAX_REFERRERS_LISTED) {
        throw new VerificationError(
          'too-many-referrers',
          `${what}: more than ${MAX_REFERRERS_LISTED} referrers; the gate will not read that many manifests`,
        );
      }
      page = this.transport.nextPage(response, page);
    }
    return { supported: true, uri: first.href, digests };
  }

  async getBlob(digest: string, maxBytes: number): Promise<Uint8Array> {
    assertSha256Digest(digest, `a blob requested from ${this.name()}`);
    return this.transport.retrying(() => this.getBlobOnce(digest, maxBytes));
  }

  private async getBlobOnce(digest: string, maxBytes: number): Promise<Uint8Array> {
    const what = `blob ${digest} of ${this.name()}`;
    const response = await this.get(new URL(`${this.location}/blobs/${digest}`), '*/*');
    if (response.status === 404) {
      await discard(response);
      throw new VerificationError(
        'blob-not-found',
        `${what} was not found: the registry lost content the image refers to`,
      );
    }
    await this.transport.expectSuccess(response, what);
    const bytes = await this.transport.readBody(response, maxBytes, () => blobTooLarge(what, maxBytes));
    verifyDigest(bytes, digest, what);
    return bytes;
  }

  /**
   * A missing manifest the user named is their mistake to fix (a wrong tag, an image not pushed);
   * one that other content points at means the registry is inconsistent.
   */
  private async fetchManifest(
    tagOrDigest: string,
    origin: 'named by the user' | 'referenced by other content',
  ): Promise<ManifestDocument> {
    const manifest = await this.transport.retrying(() => this.tryFetchManifest(tagOrDigest));
    if (manifest) return manifest;
    const byDigest = tagOrDigest.startsWith('sha256:');
    const message = `${this.manifestName(tagOrDigest)} was not found: check the ${byDigest ? 'digest' : 'tag'} and that the image was pushed to ${this.registry}`;
    throw origin === 'named by the user'
      ? new ConfigurationError('manifest-not-found', message)
      : new VerificationError('manifest-not-found', message);
  }

  private manifestName(tagOrDigest: string): string {
    return `manifest ${this.name()}${tagOrDigest.startsWith('sha256:') ? '@' : ':'}${tagOrDigest}`;
  }

  /** The manifest, or undefined when the registry has none by that tag or digest. */
  private async tryFetchManifest(tagOrDigest: string): Promise<ManifestDocument | undefined> {
    const byDigest = tagOrDigest.startsWith('sha256:');
    const what = this.manifestName(tagOrDigest);
    const response = await this.get(new URL(this.manifestUri(tagOrDigest)), MANIFEST_MEDIA_TYPES.join(', '));
    if (response.status === 404) {
      await discard(response);
      return undefined;
    }
    await this.transport.expectSuccess(response, what);
    const bytes = await this.transport.readBody(response, MAX_MANIFEST_BYTES, () => manifestTooLarge(what));
    const declaredMediaType = response.headers.get('content-type')?.split(';')[0]?.trim();
    if (byDigest) {
      return parseManifestDocument(bytes, {
        what,
        expectedDigest: tagOrDigest,
        ...(declaredMediaType ? { declaredMediaType } : {}),
      });
    }
    // A tag has no digest of its own to check against; the registry's header is the claim we can
    // hold the bytes to.
    const claimed = response.headers.get('docker-content-digest');
    const actual = sha256Digest(bytes);
    if (claimed !== null && claimed !== actual) {
      throw new VerificationError(
        'digest-mismatch',
        `${what}: the registry says the tag is ${claimed.slice(0, 80)} but the manifest it served hashes to ${actual}; the content was altered in transit or by the registry`,
      );
    }
    return parseManifestDocument(bytes, { what, ...(declaredMediaType ? { declaredMediaType } : {}) });
  }

  private name(): string {
    return `${this.registry}/${this.repository}`;
  }

  /** GET under /v2/REPOSITORY/, answering at most one authentication challenge. */
  private get(url: URL, accept: string): Promise<Response> {
    return this.transport.request('GET', url, { accept });
  }

  private chooseCredentials(): Promise<CredentialChoice> {
    this.credentialChoice ??= findRegistryCredentials(this.registry, this.options);
    return this.credentialChoice;
  }

  private async unauthorized(answer: string): Promise<ConfigurationError<'registry-unauthorized'>> {
    const { description } = await this.chooseCredentials();
    const githubHint =
      this.registry === GITHUB_CONTAINER_REGISTRY ? ', or give a GitHub token with packages: read' : '';
    return new ConfigurationError(
      'registry-unauthorized',
      `registry ${this.registry} refused to let us pull ${this.repository} (${answer}); credentials tried: ${description}. Log in with "docker login ${this.registry}", point DOCKER_CONFIG at a config that has credentials for it, or pass a username and password${githubHint}`,
    );
  }
}

/**
 * Credentials in the order users expect: the explicit option, the docker config `docker login`
 * wrote, and for GHCR the workflow's GitHub token. Credential helpers (`credsStore`, `credHelpers`)
 * are not run: the gate does not execute programs named in a config file.
 */
export async function findRegistryCredentials(
  registry: string,
  options: RegistryOptions,
): Promise<CredentialChoice> {
  if (options.credentials)
    return { credentials: options.credentials, description: 'the username/password option' };

  const env = options.env ?? process.env;
  const configPath = env.DOCKER_CONFIG
    ? join(env.DOCKER_CONFIG, 'config.json')
    : join(options.homeDir ?? homedir(), '.docker', 'config.json');
  const fromConfig = await readDockerConfigCredentials(configPath, registry);
  if (fromConfig.credentials) return fromConfig;

  if (registry === GITHUB_CONTAINER_REGISTRY && options.githubToken) {
    // GHCR ignores the username when the password is a GitHub token, but it must not be empty.
    return {
      credentials: { username: 'token', password: options.githubToken },
      description: 'the GitHub token',
    };
  }
  return fromConfig;
}

async function readDockerConfigCredentials(path: string, registry: string): Promise<CredentialChoice> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return { description: 'none' };
    throw new ConfigurationError(
      'invalid-docker-config',
      `cannot read the docker config ${path} (${errorCode(error)})`,
    );
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    throw new ConfigurationError(
      'invalid-docker-config',
      `the docker config ${path} is not valid JSON; fix or remove it`,
    );
  }
  const auths = isRecord(config) && isRecord(config.auths) ? config.auths : {};
  const entry = Object.entries(auths).find(([key]) => configKeyMatches(key, registry))?.[1];
  if (!isRecord(entry)) return { description: 'none' };

  const credentials = entryCredentials(entry);
  if (credentials) return { credentials, description: `username/password from the docker config ${path}` };
  return {
    description: `none (the docker config ${path} has an entry for ${registry} without inline credentials; credential helpers are not run)`,
  };
}

function entryCredentials(entry: Record<string, unknown>): RegistryCredentials | undefined {
  if (typeof entry.auth === 'string' && entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (typeof entry.username === 'string' && entry.username && typeof entry.password === 'string') {
    return { username: entry.username, password: entry.password };
  }
  return undefined;
}

/** Keys are written as `host`, `https://host` or, for Docker Hub, `https://index.docker.io/v1/`. */
function configKeyMatches(key: string, registry: string): boolean {
  const host =
    key
      .replace(/^[a-z]+:\/\//i, '')
      .split('/')[0]
      ?.toLowerCase() ?? '';
  if (registry === DOCKER_HUB_REGISTRY) return DOCKER_HUB_CONFIG_KEYS.has(host);
  return host === registry.toLowerCase();
}

function isNotFound(error: unknown): boolean {
  return isRecord(error) && error.code === 'ENOENT';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
