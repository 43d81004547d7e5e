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
  return (text) => {
    if (!text) return undefined;
    if (cache.has(text)) return cache.get(text);
    let canonical: string | undefined;
    try {
      canonical = text.startsWith('pkg:') ? PackageURL.fromString(text).toString() : undefined;
    } catch {
      canonical = undefined;
    }
    if (cache.size >= limit) cache = new Map();
    cache.set(text, canonical);
    return canonical;
  };
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
