/**
 * What `watch` is asked to watch: image references as users write them, where a tag may be a glob
 * (`ghcr.io/acme/app:v1.*`) that the registry's tags list expands. Pure: parsing and matching only.
 */
import { createHash } from 'node:crypto';
import { ConfigurationError } from '../errors.js';
import { formatImageName, parseImageReference, type ImageReference } from '../model/image-reference.js';

/** A registry image, by tag (resolved to its digest on every run) or by digest (pinned). */
export type WatchTarget =
  | { kind: 'image'; input: string; reference: ImageReference; name: string }
  | {
      kind: 'tag-glob';
      input: string;
      /** The reference without the tag: where the tags list is read. */
      reference: Extract<ImageReference, { kind: 'registry' }>;
      name: string;
      pattern: string;
      matcher: RegExp;
    };

/** One image the run judges: a target, or one tag a glob matched. */
export interface WatchedImage {
  /** What identifies it across runs (its issue, its line on the page): `name:tag` or `name@digest`. */
  key: string;
  /** The `--image` it came from. */
  input: string;
  reference: ImageReference;
  name: string;
  tag?: string;
  /** A pinned digest (`name@sha256:…`); tags are resolved when judged. */
  pinnedDigest?: string;
  /** Why there is nothing to judge (a glob whose tags could not be listed): the image's `error`. */
  failure?: string;
}

const GLOB_CHARACTERS = /[*?]/;
// A glob's literal part follows the tag grammar; `*` and `?` stand for tag characters.
const TAG_GLOB = /^[\w*?][\w.*?-]{0,127}$/;

export function parseWatchTarget(input: string): WatchTarget {
  const slash = input.lastIndexOf('/');
  const colon = input.lastIndexOf(':');
  const tag = colon > slash ? input.slice(colon + 1) : undefined;
  if (tag !== undefined && GLOB_CHARACTERS.test(tag) && !input.includes('@')) {
    if (!TAG_GLOB.test(tag)) {
      throw new ConfigurationError(
        'invalid-image-reference',
        `invalid tag glob in ${JSON.stringify(input.slice(0, 200))}: a glob is tag characters (letters, digits, "_", ".", "-") with "*" for any run of them and "?" for one`,
      );
    }
    const reference = parseImageReference(input.slice(0, colon));
    if (reference.kind !== 'registry') {
      throw new ConfigurationError(
        'invalid-image-reference',
        `${JSON.stringify(input.slice(0, 200))}: tag globs are read from a registry's tags list; name a registry image`,
      );
    }
    return {
      kind: 'tag-glob',
      input,
      reference,
      name: formatImageName(reference),
      pattern: tag,
      matcher: tagGlobToRegExp(tag),
    };
  }
  const reference = parseImageReference(input);
  if (reference.kind === 'docker') {
    throw new ConfigurationError(
      'invalid-image-reference',
      `${JSON.stringify(input.slice(0, 200))}: watch judges what was shipped; name the image in its registry, not in the local Docker engine`,
    );
  }
  return { kind: 'image', input, reference, name: formatImageName(reference) };
}

export function tagGlobToRegExp(pattern: string): RegExp {
  const body = [...pattern]
    .map((character) =>
      character === '*' ? '[\\w.-]*' : character === '?' ? '[\\w.-]' : character.replace(/[.]/g, '\\.'),
    )
    .join('');
  return new RegExp(`^${body}$`);
}

/** A target that names one image (by tag, default `latest`, or by digest). */
export function watchedImageOf(target: Extract<WatchTarget, { kind: 'image' }>): WatchedImage {
  const { reference, name, input } = target;
  if (reference.digest !== undefined) {
    // Pinned: the tag, if also written, is only a label; the digest is what is judged.
    return {
      key: `${name}@${reference.digest}`,
      input,
      reference,
      name,
      pinnedDigest: reference.digest,
      ...(reference.tag === undefined ? {} : { tag: reference.tag }),
    };
  }
  const tag = reference.tag ?? (reference.kind === 'registry' ? 'latest' : undefined);
  return {
    key: tag === undefined ? name : `${name}:${tag}`,
    input,
    reference,
    name,
    ...(tag === undefined ? {} : { tag }),
  };
}

/** One tag of a glob's repository, as an image to judge. */
export function watchedTagOf(target: Extract<WatchTarget, { kind: 'tag-glob' }>, tag: string): WatchedImage {
  return {
    key: `${target.name}:${tag}`,
    input: target.input,
    reference: { ...target.reference, tag },
    name: target.name,
    tag,
  };
}

/**
 * The image's id in markers: a hash of its key, so a search for it matches exactly one image and
 * no characters of the key (which the registry and the user chose) reach a query or a comment.
 */
export function watchKeyId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 24);
}

/** A scan report, for every image (`--scan FILE`) or for one (`--scan REF=FILE`). */
export interface ScanAssignment {
  path: string;
  /** An `--image` as written, or `name:tag` / `name@digest` of one image a glob matched. */
  image?: string;
}

/**
 * `FILE` for every image, `REF=FILE` for one: REF is what comes before the first `=`, when it
 * reads as an image reference (the engine then insists that it names a watched image).
 */
export function parseScanOption(text: string): ScanAssignment {
  const equals = text.indexOf('=');
  if (equals <= 0) return { path: text };
  const image = text.slice(0, equals);
  try {
    parseWatchTarget(image);
  } catch {
    return { path: text };
  }
  return { image, path: text.slice(equals + 1) };
}
