/** Package URLs (purl), canonicalized and compared with packageurl-js. */
import { PackageURL } from 'packageurl-js';

export interface PurlParts {
  type: string;
  namespace?: string;
  name: string;
  version?: string;
  qualifiers: Record<string, string>;
}

export function parsePurl(text: string | undefined | null): PurlParts | undefined {
  if (!text || !text.startsWith('pkg:')) return undefined;
  try {
    const purl = PackageURL.fromString(text);
    return {
      type: purl.type,
      namespace: purl.namespace ?? undefined,
      name: purl.name,
      version: purl.version ?? undefined,
      qualifiers: { ...(purl.qualifiers ?? {}) } as Record<string, string>,
    };
  } catch {
    return undefined;
  }
}

/**
 * One spelling per package: scanners differ in percent-encoding and qualifier order. Unparseable
 * text gives undefined (a finding keeps its package name and version either way). A small cache
 * serves the runs of findings for one package that reports list together.
 */
export function createPurlCanonicalizer(
  limit = 10_000,
): (text: string | undefined | null) => string | undefined {
  let cache = new Map<string, string | undefined>();
  /** Canonical `pkg:type/namespace/name` by what comes before a plain version; null: not known. */
  let prefixes = new Map<string, string | null>();
  return (text) => {
    if (!text) return undefined;
    // A report names each package at many versions: `pkg:type/namespace/name` is canonicalized
    // once, and a plain version (one packageurl-js keeps as it is) is appended to it.
    const at = plainVersionAt(text);
    if (at !== -1) {
      const prefix = text.slice(0, at);
      let canonical = prefixes.get(prefix);
      if (canonical === undefined) {
        canonical = canonicalPrefix(prefix);
        if (prefixes.size >= limit) prefixes = new Map();
        prefixes.set(prefix, canonical);
      }
      if (canonical !== null) return `${canonical}${text.slice(at)}`;
    }
    if (cache.has(text)) return cache.get(text);
    const canonical = canonicalize(text);
    if (cache.size >= limit) cache = new Map();
    cache.set(text, canonical);
    return canonical;
  };
}

/**
 * Where `@version` starts at the end of a purl that starts `pkg:` plus a type (no `//`), where
 * packageurl-js leaves the version as it is, and whose rest is only type, namespace and name (no
 * `?` or `#`, no `/` right before the `@`); -1 for any other. Such a version is neither encoded
 * nor decoded; it has no capitals (huggingface and luarocks lowercase theirs) and does not start
 * with `v` (golang checks those). packageurl-js then treats every such version alike, so the rest
 * of the purl comes out as it does with any other.
 */
function plainVersionAt(text: string): number {
  const at = text.lastIndexOf('@');
  if (at < 6 || !text.startsWith('pkg:') || text.includes('?') || text.includes('#')) return -1;
  const first = text.charCodeAt(4);
  const before = text.charCodeAt(at - 1);
  if (first === SLASH || before === SLASH || before === AT) return -1;
  return PLAIN_VERSION.test(text.slice(at + 1)) ? at : -1;
}

const SLASH = 0x2f;
const AT = 0x40;
const PLAIN_VERSION = /^(?!v)[a-z0-9._~+:-]+$/;

/**
 * The canonical `pkg:type/namespace/name` of a prefix, found by giving it the version `0`; null
 * when that does not give one, and the whole purl is canonicalized instead.
 */
function canonicalPrefix(prefix: string): string | null {
  const canonical = canonicalize(`${prefix}@0`);
  return canonical?.endsWith('@0') ? canonical.slice(0, -2) : null;
}

function canonicalize(text: string): string | undefined {
  try {
    return text.startsWith('pkg:') ? PackageURL.fromString(text).toString() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Does `pattern` (from a VEX statement) name the package `candidate`? Type, namespace and name must
 * be equal; a version or qualifier in the pattern must be there in the candidate too.
 */
export function purlMatches(pattern: PurlParts, candidate: PurlParts): boolean {
  if (pattern.type !== candidate.type || pattern.name !== candidate.name) return false;
  if ((pattern.namespace ?? '') !== (candidate.namespace ?? '')) return false;
  if (pattern.version !== undefined && pattern.version !== candidate.version) return false;
  return Object.entries(pattern.qualifiers).every(([key, value]) => candidate.qualifiers[key] === value);
}
