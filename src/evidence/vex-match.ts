/**
 * Which VEX statement, if any, speaks about a finding in this image. A statement applies when it
 * names the finding's vulnerability (or an alias) and a product that is this image (pkg:oci with
 * its digest, or its repository) or the finding's package; `subcomponents` narrow an image or
 * application product to the packages listed. The latest applicable statement wins, as OpenVEX
 * specifies for a statement history.
 */
import { digestsIn } from './scans/document-format.js';
import { parsePurl, purlMatches, type PurlParts } from './scans/purl.js';
import type { Finding, SuppressedFinding, VexDocument, VexProduct, VexStatement } from '../model/evidence.js';

export interface VexSubject {
  /** The gated digest and each gated platform manifest's digest. */
  digests: readonly string[];
  /** `ghcr.io/acme/app`; absent when there is no image (the `scans` command). */
  name?: string;
}

export interface VexVerdict {
  statement: VexStatement;
  document: VexDocument;
}

export type VexMatcher = (finding: Finding) => VexVerdict | undefined;

export function createVexMatcher(documents: readonly VexDocument[], subject: VexSubject): VexMatcher {
  const byId = new Map<string, Array<VexVerdict & { order: number; time: number }>>();
  let order = 0;
  for (const document of documents) {
    for (const statement of document.statements) {
      const entry = { statement, document, order: order++, time: timeOf(statement.timestamp) };
      for (const id of new Set([statement.vulnerability, ...statement.aliases].map((v) => v.toUpperCase()))) {
        const list = byId.get(id);
        if (list) list.push(entry);
        else byId.set(id, [entry]);
      }
    }
  }
  const purls = new Map<string, PurlParts | undefined>();
  const cachedPurl = (text: string | undefined) => {
    if (text === undefined) return undefined;
    if (!purls.has(text)) purls.set(text, parsePurl(text));
    return purls.get(text);
  };

  return (finding) => {
    const candidates = new Set(
      [finding.id, ...finding.aliases].flatMap((id) => byId.get(id.toUpperCase()) ?? []),
    );
    let latest: (VexVerdict & { order: number; time: number }) | undefined;
    for (const candidate of candidates) {
      if (
        !candidate.statement.products.some((product) => productCovers(product, finding, subject, cachedPurl))
      ) {
        continue;
      }
      if (
        !latest ||
        candidate.time > latest.time ||
        (candidate.time === latest.time && candidate.order > latest.order)
      ) {
        latest = candidate;
      }
    }
    return latest && { statement: latest.statement, document: latest.document };
  };
}

/** The finding as suppressed, when the statement that applies says not_affected or fixed. */
export function vexSuppression(matcher: VexMatcher, finding: Finding): SuppressedFinding | undefined {
  const verdict = matcher(finding);
  if (!verdict) return undefined;
  const { statement, document } = verdict;
  if (statement.status !== 'not_affected' && statement.status !== 'fixed') return undefined;
  const justification = statement.justification ? ` (${statement.justification})` : '';
  return {
    finding,
    by: 'vex',
    reason: `VEX ${statement.status}${justification}${statement.detail ? `: ${statement.detail}` : ''}`,
    origin: document.source.uri,
  };
}

function productCovers(
  product: VexProduct,
  finding: Finding,
  subject: VexSubject,
  purlOf: (text: string | undefined) => PurlParts | undefined,
): boolean {
  // Version ranges are not evaluated: such a statement never suppresses (fail closed).
  if (product.ranges && product.ranges.length > 0 && !product.versions) return false;
  if (product.versions && !product.versions.includes(finding.installedVersion ?? '')) return false;
  const inside = () =>
    product.subcomponents.length === 0 ||
    product.subcomponents.some((sub) => packageMatches(sub, finding, purlOf));
  const purl = purlOf(product.id);
  if (purl?.type === 'oci') return imageMatches(purl, subject) && inside();
  if (purl) {
    // An application inside the image, narrowed to its packages; or a package itself.
    return product.subcomponents.length > 0 ? inside() : packageMatches(product.id, finding, purlOf);
  }
  const digests = digestsIn(product.id);
  return digests.length > 0 && digests.some((digest) => subject.digests.includes(digest)) && inside();
}

function imageMatches(purl: PurlParts, subject: VexSubject): boolean {
  if (purl.version !== undefined) return subject.digests.includes(purl.version);
  if (subject.name === undefined) return false;
  const repository = purl.qualifiers.repository_url;
  return repository !== undefined
    ? normalizeImageName(repository) === normalizeImageName(subject.name)
    : subject.name.slice(subject.name.lastIndexOf('/') + 1) === purl.name;
}

/** Docker Hub's names have several spellings: `index.docker.io/library/x` is `docker.io/x`. */
function normalizeImageName(name: string): string {
  return name
    .replace(/^(index\.docker\.io|registry-1\.docker\.io)\//, 'docker.io/')
    .replace(/^docker\.io\/library\//, 'docker.io/')
    .toLowerCase();
}

function packageMatches(
  id: string,
  finding: Finding,
  purlOf: (text: string | undefined) => PurlParts | undefined,
): boolean {
  const pattern = purlOf(id);
  if (!pattern) return id === finding.packageName;
  const candidate = purlOf(finding.purl);
  if (candidate) return purlMatches(pattern, candidate);
  // A report without purls: the name and version are all there is to compare.
  return (
    pattern.name === finding.packageName &&
    (pattern.version === undefined || pattern.version === finding.installedVersion)
  );
}

function timeOf(timestamp: string | undefined): number {
  const time = timestamp === undefined ? NaN : Date.parse(timestamp);
  return Number.isNaN(time) ? -Infinity : time;
}
