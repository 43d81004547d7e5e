/**
 * Image references as users write them: `registry/name[:tag][@sha256:…]` (the distribution reference
 * grammar, with Docker Hub's short forms), `oci:PATH[:tag][@sha256:…]` for a local OCI layout,
 * `oci-archive:PATH[:tag][@sha256:…]` for one packed in a tar file, and `docker:NAME[:TAG]` or
 * `docker:sha256:<image id>` for an image in the local Docker engine. Parsing is pure; nothing here
 * touches the network or the file system.
 */
import { ConfigurationError } from '../errors.js';

export type ImageReference =
  | { kind: 'registry'; registry: string; repository: string; tag?: string; digest?: string }
  | { kind: 'oci-layout' | 'oci-archive'; path: string; tag?: string; digest?: string }
  | {
      kind: 'docker';
      /** What the engine is asked for: the name as written, or `sha256:<image id>`. */
      engineReference: string;
      /** `registry/repository` for a reference by name, as RepoDigests are matched against. */
      name?: string;
      tag?: string;
      imageId?: string;
      /** Never parsed: the engine names images by tag or ID, a digest to bind to is the digest input. */
      digest?: string;
    };

export const DOCKER_HUB_REGISTRY = 'docker.io';

const OCI_PREFIX = 'oci:';
const OCI_ARCHIVE_PREFIX = 'oci-archive:';
const DOCKER_PREFIX = 'docker:';
const EXPECTED_FORM =
  'expected registry/name[:tag][@sha256:<64 hex>] (e.g. ghcr.io/acme/app:1.0), oci:PATH[:tag][@sha256:<64 hex>], oci-archive:PATH[:tag][@sha256:<64 hex>], or docker:NAME[:TAG] / docker:sha256:<image id> for the local Docker engine';
/** distribution/reference caps the whole name (registry and repository) at 255 characters. */
const MAX_NAME_LENGTH = 255;
const MAX_QUOTED_INPUT = 200;

const TAG = /^\w[\w.-]{0,127}$/;
const SHA256_DIGEST = /^sha256:[a-f0-9]{64}$/;
/** Any `algorithm:hex` digest, so a non-sha256 one gets its own message instead of a parse error. */
const ANY_DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const IPV6_HOST = /^\[[a-fA-F0-9:]+\]$/;
const PORT = /^[0-9]{1,5}$/;

export function parseImageReference(input: string): ImageReference {
  const fail = (reason: string): never => {
    throw new ConfigurationError(
      'invalid-image-reference',
      `invalid image reference ${quoteInput(input)}: ${reason}; ${EXPECTED_FORM}`,
    );
  };
  if (input.length === 0) fail('it is empty');
  if (/\s/.test(input)) fail('it contains whitespace');
  if (input.startsWith(OCI_PREFIX)) {
    return parseOciLayoutReference('oci-layout', input.slice(OCI_PREFIX.length), fail);
  }
  if (input.startsWith(OCI_ARCHIVE_PREFIX)) {
    return parseOciLayoutReference('oci-archive', input.slice(OCI_ARCHIVE_PREFIX.length), fail);
  }
  if (input.startsWith(DOCKER_PREFIX)) {
    return parseDockerEngineReference(input.slice(DOCKER_PREFIX.length), fail);
  }
  if (input.includes('://')) fail('drop the URL scheme');
  return parseRegistryReference(input, fail);
}

/**
 * The name without tag or digest: `registry/repository` for registry images and for local engine
 * images named so (policy overrides for the repository then apply before it is pushed), `oci:PATH`
 * and `oci-archive:PATH` for layouts, `docker:sha256:<image id>` for an engine image named by ID.
 */
export function formatImageName(reference: ImageReference): string {
  switch (reference.kind) {
    case 'registry':
      return `${reference.registry}/${reference.repository}`;
    case 'oci-layout':
      return `${OCI_PREFIX}${reference.path}`;
    case 'oci-archive':
      return `${OCI_ARCHIVE_PREFIX}${reference.path}`;
    case 'docker':
      return reference.name ?? `${DOCKER_PREFIX}${reference.engineReference}`;
  }
}

/** True for 127.0.0.0/8, `localhost` and `::1`, each with or without a port (`[::1]:5000`). */
export function isLoopbackHost(host: string): boolean {
  const name = stripPort(host.toLowerCase());
  if (name === undefined) return false;
  if (name === 'localhost' || name === '::1' || name === '0:0:0:0:0:0:0:1') return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  return octets !== null && octets.slice(1).every((octet) => Number(octet) <= 255);
}

type Fail = (reason: string) => never;
type RegistryReference = Extract<ImageReference, { kind: 'registry' }>;

function parseRegistryReference(input: string, fail: Fail): RegistryReference {
  const [nameAndTag, digest] = splitDigest(input, input.indexOf('@'), fail);
  const { name, tag } = splitTag(nameAndTag, fail);
  if (name.length > MAX_NAME_LENGTH) fail(`the name is longer than ${MAX_NAME_LENGTH} characters`);

  const firstSlash = name.indexOf('/');
  const first = firstSlash === -1 ? name : name.slice(0, firstSlash);
  // Docker's rule: the first component is a registry host only if it looks like one. We leave out
  // its "contains an uppercase letter" case, so `Acme/app` is reported as not lowercase instead of
  // being sent to a host called `Acme`.
  const hasRegistry =
    firstSlash !== -1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  let registry = hasRegistry ? first : DOCKER_HUB_REGISTRY;
  let repository = hasRegistry ? name.slice(firstSlash + 1) : name;

  if (hasRegistry) validateRegistryHost(registry, fail);
  if (registry === 'index.docker.io') registry = DOCKER_HUB_REGISTRY;
  if (registry === DOCKER_HUB_REGISTRY && !repository.includes('/')) repository = `library/${repository}`;
  validateRepository(repository, fail);

  return {
    kind: 'registry',
    registry,
    repository,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest }),
  };
}

function parseOciLayoutReference(
  kind: 'oci-layout' | 'oci-archive',
  rest: string,
  fail: Fail,
): ImageReference {
  // Paths may contain `@` and `:`, so only a trailing `@sha256:…` is a digest and only a `:` after
  // the last `/` starts a tag.
  const [pathAndTag, digest] = splitDigest(rest, rest.lastIndexOf('@sha256:'), fail);
  const { name: path, tag } = splitTag(pathAndTag, fail);
  if (path.length === 0) {
    fail(kind === 'oci-layout' ? 'the OCI layout path is empty' : 'the OCI archive path is empty');
  }
  return {
    kind,
    path,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest }),
  };
}

/**
 * `docker:NAME[:TAG]` is checked with the registry grammar (the engine's own), `docker:sha256:<hex>`
 * is an image ID. A digest is refused here: the engine finds images by digest only among the
 * registry digests it recorded, which is what the digest input already binds to.
 */
function parseDockerEngineReference(rest: string, fail: Fail): ImageReference {
  if (rest.length === 0) fail('the image name after "docker:" is empty');
  if (rest.startsWith('//')) {
    fail(
      'drop the URL scheme: docker:NAME reads the local engine, a registry image is written without a scheme',
    );
  }
  if (rest.startsWith('sha256:')) {
    if (!SHA256_DIGEST.test(rest)) {
      fail('an image ID must be "sha256:" followed by 64 lowercase hex characters');
    }
    return { kind: 'docker', engineReference: rest, imageId: rest };
  }
  if (rest.includes('@')) {
    fail(
      'a docker: reference names the image by NAME[:TAG] or by its image ID; give the digest to bind to as the digest input',
    );
  }
  const parsed = parseRegistryReference(rest, fail);
  return {
    kind: 'docker',
    engineReference: rest,
    name: `${parsed.registry}/${parsed.repository}`,
    ...(parsed.tag === undefined ? {} : { tag: parsed.tag }),
  };
}

function splitDigest(input: string, at: number, fail: Fail): [string, string | undefined] {
  if (at === -1) return [input, undefined];
  const digest = input.slice(at + 1);
  if (!SHA256_DIGEST.test(digest)) {
    if (ANY_DIGEST.test(digest) && !digest.startsWith('sha256:')) fail('only sha256 digests are supported');
    fail(`the digest must be "sha256:" followed by 64 lowercase hex characters`);
  }
  return [input.slice(0, at), digest];
}

function splitTag(input: string, fail: Fail): { name: string; tag?: string } {
  const colon = input.lastIndexOf(':');
  if (colon === -1 || colon < input.lastIndexOf('/')) return { name: input };
  const tag = input.slice(colon + 1);
  if (!TAG.test(tag)) {
    fail(
      `the tag ${JSON.stringify(tag)} must be 1-128 letters, digits, "_", "." or "-", not starting with "." or "-"`,
    );
  }
  return { name: input.slice(0, colon), tag };
}

function validateRegistryHost(registry: string, fail: Fail): void {
  const hostAndPort = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(registry);
  const host = hostAndPort?.[1] ?? '';
  const port = hostAndPort?.[2];
  const hostIsValid = IPV6_HOST.test(host) || host.split('.').every((part) => DOMAIN_COMPONENT.test(part));
  if (!hostIsValid) fail(`the registry host ${JSON.stringify(registry)} is not a valid host name`);
  if (port !== undefined && (!PORT.test(port) || Number(port) > 65535)) {
    fail(`the registry port in ${JSON.stringify(registry)} must be a number up to 65535`);
  }
}

function validateRepository(repository: string, fail: Fail): void {
  for (const component of repository.split('/')) {
    if (PATH_COMPONENT.test(component)) continue;
    if (component.length === 0) fail('the repository has an empty path component');
    if (PATH_COMPONENT.test(component.toLowerCase())) fail('repository names must be lowercase');
    fail(
      `the repository component ${JSON.stringify(component)} must be lowercase letters and digits, separated by ".", "_", "__" or dashes`,
    );
  }
}

/** The host without its port, or undefined when the port part is not a number. */
function stripPort(host: string): string | undefined {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(host);
  if (bracketed) return bracketed[1];
  const colons = host.split(':').length - 1;
  if (colons !== 1) return host; // a plain name, or a bare IPv6 address
  const [name = '', port = ''] = host.split(':');
  return /^\d+$/.test(port) ? name : undefined;
}

function quoteInput(input: string): string {
  return JSON.stringify(input.length > MAX_QUOTED_INPUT ? `${input.slice(0, MAX_QUOTED_INPUT)}…` : input);
}
