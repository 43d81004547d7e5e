/**
 * Reads an SBOM, SPDX 2.2/2.3 JSON or CycloneDX 1.4–1.6 JSON (1.2, 1.3 and 1.7 read the same way),
 * bare or as the predicate of an in-toto statement, in one streaming pass: the package arrays are
 * handed over element by element (json-stream.ts), the arrays no rule reads (files, relationships,
 * dependencies, snippets) are dropped as they stream, so an SBOM of tens of megabytes never exists
 * as one object graph. Pure: bytes or values in.
 *
 * Errors are one line naming the file or attachment and the position, and never echo the input.
 */
import { ConfigurationError } from '../../errors.js';
import { JsonStreamParser, walkJsonValue, type JsonPath, type JsonPosition } from '../scans/json-stream.js';
import { createPurlCanonicalizer } from '../scans/purl.js';
import type {
  EvidenceSource,
  SbomDocument,
  SbomFormat,
  SbomOrigin,
  SbomPackage,
} from '../../model/evidence.js';

/** Larger SBOM files are refused before they are read. */
export const MAX_SBOM_BYTES = 512 * 1024 * 1024;

const SPDX_PREDICATE = /^https:\/\/spdx\.dev\/Document(\/v\d+(\.\d+)*)?$/;
const CYCLONEDX_PREDICATE = /^https:\/\/cyclonedx\.org\/bom(\/v?\d+(\.\d+)*)?$/;

/**
 * In-toto predicate types of SBOMs: `https://spdx.dev/Document` (BuildKit, `cosign attest --type
 * spdxjson`), `…/Document/v2.3` (actions/attest-sbom), `https://cyclonedx.org/bom` (cosign, attest-sbom).
 */
export function isSbomPredicateType(predicateType: string): boolean {
  return SPDX_PREDICATE.test(predicateType) || CYCLONEDX_PREDICATE.test(predicateType);
}

const SPDX_VERSIONS = new Set(['SPDX-2.2', 'SPDX-2.3']);
const CYCLONEDX_VERSIONS = new Set(['1.2', '1.3', '1.4', '1.5', '1.6', '1.7']);
const ACCEPTED = 'an SPDX 2.2/2.3 or CycloneDX 1.4–1.6 JSON SBOM';

/** Where the document may sit: the file itself, or an in-toto statement's predicate. */
const ROOTS: readonly JsonPath[] = [[], ['predicate']];
/** Arrays that can be the bulk of an SBOM and that no rule reads: dropped element by element. */
const DROPPED = new Set(['files', 'relationships', 'dependencies', 'snippets', 'hasExtractedLicensingInfos']);
const NO_LICENSE = new Set(['NOASSERTION', 'NONE', '']);
/** Nested CycloneDX components deeper than this are refused rather than followed. */
const MAX_COMPONENT_DEPTH = 64;

type Collected = { format: SbomFormat; root: number; packages: SbomPackage[] };

/** Reads one SBOM from chunks of bytes: `write` each chunk, then `end`. */
export class SbomReader {
  private readonly parser: JsonStreamParser;
  private readonly collected: Collected[] = [];
  private readonly streamed = new Map<JsonPath, { root: number; reader: ElementReader | undefined }>();
  private readonly canonicalPurl = createPurlCanonicalizer();
  /** Set by `end`/`readValue` when the document was an in-toto statement: what it is about. */
  statement: { predicateType: string; subject: unknown } | undefined;

  constructor(
    private readonly source: EvidenceSource,
    private readonly origin: SbomOrigin,
  ) {
    this.parser = new JsonStreamParser(source.uri, this.hooks());
  }

  write(chunk: Uint8Array): void {
    this.parser.write(chunk);
  }

  end(): SbomDocument {
    return this.finish(this.parser.end());
  }

  /** An SBOM already in memory: the predicate of a verified attestation. */
  readValue(value: unknown): SbomDocument {
    return this.finish(walkJsonValue(value, this.hooks()));
  }

  private hooks() {
    return {
      streamArray: (path: JsonPath): boolean => {
        for (let root = 0; root < ROOTS.length; root++) {
          const prefix = ROOTS[root]!;
          if (path.length !== prefix.length + 1 || !prefix.every((key, i) => path[i] === key)) continue;
          const key = path[prefix.length];
          if (key === 'packages') this.streamed.set(path, { root, reader: this.collect('spdx', root) });
          else if (key === 'components')
            this.streamed.set(path, { root, reader: this.collect('cyclonedx', root) });
          else if (typeof key === 'string' && DROPPED.has(key))
            this.streamed.set(path, { root, reader: undefined });
          else continue;
          return true;
        }
        return false;
      },
      element: (arrayPath: JsonPath, index: number, value: unknown, start: JsonPosition | undefined) => {
        this.streamed.get(arrayPath)?.reader?.(value, index, start);
      },
    };
  }

  private collect(format: SbomFormat, root: number): ElementReader {
    const entry: Collected = { format, root, packages: [] };
    this.collected.push(entry);
    const at = (index: number, start: JsonPosition | undefined) =>
      `${this.source.uri}${start ? `:${start.line}:${start.column}` : ''}: ${format === 'spdx' ? 'SPDX packages' : 'CycloneDX components'}[${index}]`;
    return format === 'spdx'
      ? (value, index, start) => entry.packages.push(this.spdxPackage(value, () => at(index, start)))
      : (value, index, start) => this.cycloneDxComponent(value, () => at(index, start), entry.packages, 0);
  }

  private spdxPackage(value: unknown, at: () => string): SbomPackage {
    if (!isRecord(value)) throw invalid(`${at()} is not an object`);
    const name = value.name;
    if (typeof name !== 'string' || name === '') throw invalid(`${at()} has no "name"`);
    const version = optionalString(value.versionInfo, () => `${at()}.versionInfo`);
    const concluded = optionalString(value.licenseConcluded, () => `${at()}.licenseConcluded`);
    const declared = optionalString(value.licenseDeclared, () => `${at()}.licenseDeclared`);
    const license = [concluded, declared].find((text) => text !== undefined && !NO_LICENSE.has(text.trim()));
    let purl: string | undefined;
    const refs = value.externalRefs;
    if (refs !== undefined && !Array.isArray(refs)) throw invalid(`${at()}.externalRefs is not a list`);
    for (const ref of refs ?? []) {
      if (isRecord(ref) && ref.referenceType === 'purl' && typeof ref.referenceLocator === 'string') {
        purl = this.canonicalPurl(ref.referenceLocator) ?? ref.referenceLocator;
        break;
      }
    }
    return packageOf(name, version, purl, license?.trim());
  }

  private cycloneDxComponent(value: unknown, at: () => string, into: SbomPackage[], depth: number): void {
    if (!isRecord(value)) throw invalid(`${at()} is not an object`);
    const name = value.name;
    if (typeof name !== 'string' || name === '') throw invalid(`${at()} has no "name"`);
    const group = optionalString(value.group, () => `${at()}.group`);
    const version = optionalString(value.version, () => `${at()}.version`);
    const purlText = optionalString(value.purl, () => `${at()}.purl`);
    const purl = purlText === undefined ? undefined : (this.canonicalPurl(purlText) ?? purlText);
    into.push(
      packageOf(group ? `${group}/${name}` : name, version, purl, cycloneDxLicense(value.licenses, at)),
    );
    const nested = value.components;
    if (nested === undefined) return;
    if (!Array.isArray(nested)) throw invalid(`${at()}.components is not a list`);
    if (depth >= MAX_COMPONENT_DEPTH)
      throw invalid(`${at()}: components nested deeper than ${MAX_COMPONENT_DEPTH}`);
    nested.forEach((child, index) =>
      this.cycloneDxComponent(child, () => `${at()}.components[${index}]`, into, depth + 1),
    );
  }

  private finish(document: unknown): SbomDocument {
    const where = this.source.uri;
    if (!isRecord(document)) throw invalid(`${where}: not ${ACCEPTED} (the document is not an object)`);
    // A statement's predicate when the document is one, else the document itself.
    const statement = isRecord(document.predicate) && typeof document.predicateType === 'string';
    const root = statement ? 1 : 0;
    if (statement)
      this.statement = { predicateType: document.predicateType as string, subject: document.subject };
    const body = (statement ? document.predicate : document) as Record<string, unknown>;
    if (statement && !isSbomPredicateType(document.predicateType as string)) {
      throw invalid(
        `${where}: an in-toto statement with predicate type ${JSON.stringify(String(document.predicateType).slice(0, 100))}, not an SPDX or CycloneDX SBOM`,
      );
    }
    const format = detectFormat(body, where);
    const packages = this.collected
      .filter((entry) => entry.root === root && entry.format === format.format)
      .flatMap((entry) => entry.packages);
    return {
      format: format.format,
      specVersion: format.specVersion,
      ...(format.tool ? { tool: format.tool } : {}),
      packages,
      source: this.source,
      origin: this.origin,
    };
  }
}

type ElementReader = (value: unknown, index: number, start: JsonPosition | undefined) => void;

function detectFormat(
  body: Record<string, unknown>,
  where: string,
): { format: SbomFormat; specVersion: string; tool?: string } {
  if (typeof body.spdxVersion === 'string') {
    if (!SPDX_VERSIONS.has(body.spdxVersion)) {
      throw invalid(
        `${where}: spdxVersion ${JSON.stringify(body.spdxVersion.slice(0, 20))} is not one the gate reads (SPDX-2.2, SPDX-2.3)`,
      );
    }
    const creators = isRecord(body.creationInfo) ? body.creationInfo.creators : undefined;
    const tool = Array.isArray(creators)
      ? creators.find((entry): entry is string => typeof entry === 'string' && entry.startsWith('Tool:'))
      : undefined;
    return { format: 'spdx', specVersion: body.spdxVersion, ...(tool ? { tool: tool.slice(5).trim() } : {}) };
  }
  if (body.bomFormat === 'CycloneDX') {
    const version = body.specVersion;
    if (typeof version !== 'string' || !CYCLONEDX_VERSIONS.has(version)) {
      throw invalid(
        `${where}: CycloneDX specVersion ${typeof version === 'string' ? JSON.stringify(version.slice(0, 20)) : 'missing'} is not one the gate reads (1.4–1.6)`,
      );
    }
    return { format: 'cyclonedx', specVersion: version, ...cycloneDxTool(body.metadata) };
  }
  throw invalid(`${where}: not ${ACCEPTED} (no "spdxVersion", no "bomFormat": "CycloneDX")`);
}

function cycloneDxTool(metadata: unknown): { tool?: string } {
  if (!isRecord(metadata)) return {};
  const tools = metadata.tools;
  // 1.4: a list of tools; 1.5+: { components: [...] }.
  const list = Array.isArray(tools)
    ? tools
    : isRecord(tools) && Array.isArray(tools.components)
      ? tools.components
      : [];
  const first = list.find(isRecord);
  if (!first || typeof first.name !== 'string') return {};
  return { tool: typeof first.version === 'string' ? `${first.name} ${first.version}` : first.name };
}

/** CycloneDX: an `expression` entry is the license; else ids (or names) that all apply. */
function cycloneDxLicense(licenses: unknown, at: () => string): string | undefined {
  if (licenses === undefined) return undefined;
  if (!Array.isArray(licenses)) throw invalid(`${at()}.licenses is not a list`);
  const parts: string[] = [];
  for (const choice of licenses) {
    if (!isRecord(choice)) continue;
    if (typeof choice.expression === 'string' && choice.expression.trim()) return choice.expression.trim();
    const license = choice.license;
    if (!isRecord(license)) continue;
    const text =
      typeof license.id === 'string'
        ? license.id
        : typeof license.name === 'string'
          ? license.name
          : undefined;
    if (text && !NO_LICENSE.has(text.trim())) parts.push(text.trim());
  }
  if (parts.length === 0) return undefined;
  // Names are free text: brackets keep "GPL v2 or later" from reading as an expression of its words.
  return parts.length === 1
    ? parts[0]
    : parts.map((part) => (/\s/.test(part) ? `(${part})` : part)).join(' AND ');
}

function packageOf(
  name: string,
  version: string | undefined,
  purl: string | undefined,
  license: string | undefined,
): SbomPackage {
  return {
    name,
    ...(version && version !== 'NOASSERTION' ? { version } : {}),
    ...(purl ? { purl } : {}),
    ...(license ? { license } : {}),
  };
}

function optionalString(value: unknown, at: () => string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(`${at()} is not a string`);
  return value;
}

function invalid(message: string): ConfigurationError<'invalid-sbom'> {
  return new ConfigurationError('invalid-sbom', `${message}; give ${ACCEPTED}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
