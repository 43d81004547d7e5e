/**
 * Reads a scan report or a VEX document of any supported format, detected from its content, in one
 * streaming pass: the arrays that hold findings are handed to every format that reads such an
 * array, element by element, and the format the rest of the document shows wins. A format that
 * cannot read an element drops out quietly (its error is kept): only the format the document turns
 * out to be may report it, so a Snyk report is never "an invalid CycloneDX document".
 *
 * In-toto statements (bare, or in an unverified DSSE envelope) are read too: a cosign vuln
 * predicate's `scanner.result`, an OpenVEX or CycloneDX predicate. Pure: bytes or values in.
 */
import { ConfigurationError, type ConfigurationCode } from '../../errors.js';
import type { EvidenceSource, InTotoStatementFacts, ScanReport, VexDocument } from '../../model/evidence.js';
import {
  COSIGN_VULN_PREDICATE_TYPES,
  checkCosignVulnPredicate,
  wrapCosignVulnReport,
} from './cosign-vuln.js';
import { cyclonedx } from './cyclonedx.js';
import { MAX_XML_BYTES, readCycloneDxXml } from './cyclonedx-xml.js';
import {
  matchesPattern,
  type DocumentFormat,
  type DocumentRole,
  type FormatReading,
  type ParsedDocument,
} from './document-format.js';
import { grypeJson } from './grype.js';
import { IN_TOTO_VULNS_PREDICATE_PREFIX, inTotoVulns, wrapInTotoVulnsReport } from './in-toto-vulns.js';
import { JsonStreamParser, walkJsonValue, type JsonPath, type JsonStreamHooks } from './json-stream.js';
import { openVex } from './openvex.js';
import { osvScannerJson } from './osv-scanner.js';
import { sarif } from './sarif.js';
import { snykJson } from './snyk.js';
import { trivyJson, trivyLegacyJson } from './trivy.js';

const FORMATS: readonly DocumentFormat[] = [
  trivyJson,
  trivyLegacyJson,
  grypeJson,
  sarif,
  cyclonedx,
  snykJson,
  osvScannerJson,
  inTotoVulns,
  openVex,
];
const IN_TOTO_VULNS = FORMATS.indexOf(inTotoVulns);

/** Where a document may sit: the file itself, an in-toto predicate, a cosign vuln predicate's result. */
const ROOTS: readonly JsonPath[] = [[], ['predicate'], ['predicate', 'scanner', 'result']];
const ROOT_OF_PREDICATE = 1;
const ROOT_OF_SCANNER_RESULT = 2;

const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
const VEX_PREDICATE_PREFIXES = [
  'https://openvex.dev/ns',
  'https://cyclonedx.org/vex',
  'https://cyclonedx.org/bom',
];

const ACCEPTED = {
  scan: 'Trivy JSON (any version), Grype JSON, SARIF 2.1.0, CycloneDX JSON or XML with vulnerabilities, Snyk JSON, OSV-Scanner JSON, or an in-toto statement with a cosign vuln or in-toto vulns predicate',
  vex: 'OpenVEX or CycloneDX VEX',
};

interface Route {
  root: number;
  format: number;
  pattern: number;
}

/** A reading that could not take an element: it is dropped, and its error kept for if it was the format. */
type Candidate = FormatReading | { failed: ConfigurationError };

/** XML is read whole, so a document past the limit is refused, under its role's code. */
const TOO_LARGE = { scan: 'scan-too-large', vex: 'vex-too-large' } as const satisfies Record<
  DocumentRole,
  ConfigurationCode
>;

/** Reads one document from chunks of bytes: `write` each chunk, then `end`. */
export class ScanDocumentReader {
  private readonly parser: JsonStreamParser;
  private readonly routes = new Map<JsonPath, Route[]>();
  private readonly readings = new Map<string, Candidate>();
  /** JSON is streamed; XML (CycloneDX) is recognized by its first character and read whole. */
  private encoding: 'unknown' | 'json' | 'xml' = 'unknown';
  private xmlChunks: Buffer[] = [];
  private xmlBytes = 0;

  constructor(
    private readonly source: EvidenceSource,
    private readonly role: DocumentRole,
  ) {
    this.parser = new JsonStreamParser(source.uri, this.hooks());
  }

  write(chunk: Uint8Array): void {
    if (this.encoding === 'unknown') this.encoding = sniffEncoding(chunk);
    if (this.encoding === 'xml') {
      this.xmlBytes += chunk.length;
      if (this.xmlBytes > MAX_XML_BYTES) {
        throw new ConfigurationError(
          TOO_LARGE[this.role],
          `${this.source.uri}: an XML document past ${MAX_XML_BYTES} bytes; XML is read whole (JSON is streamed at any size): write the report as JSON`,
        );
      }
      this.xmlChunks.push(Buffer.from(chunk));
      return;
    }
    this.parser.write(chunk);
  }

  end(): ParsedDocument {
    if (this.encoding === 'xml') {
      const text = Buffer.concat(this.xmlChunks).toString('utf8');
      this.xmlChunks = [];
      return this.finishDocument(walkJsonValue(readCycloneDxXml(text, this.source.uri), this.hooks()), false);
    }
    return this.finishDocument(this.parser.end(), true);
  }

  /** A statement already verified and parsed elsewhere (an attestation on the image). */
  readStatement(statement: InTotoStatementFacts): ParsedDocument {
    const document = walkJsonValue(
      {
        _type: 'https://in-toto.io/Statement/v1',
        subject: statement.subjects,
        predicateType: statement.predicateType,
        predicate: statement.predicate,
      },
      this.hooks(),
    );
    return this.finishDocument(document, false);
  }

  private hooks(): JsonStreamHooks {
    return {
      streamArray: (path) => {
        const routes: Route[] = [];
        for (let root = 0; root < ROOTS.length; root++) {
          const prefix = ROOTS[root]!;
          if (!prefix.every((key, i) => path[i] === key)) continue;
          const rest = path.slice(prefix.length);
          for (let format = 0; format < FORMATS.length; format++) {
            const pattern = FORMATS[format]!.streamed.findIndex((candidate) =>
              matchesPattern(rest, candidate),
            );
            if (pattern !== -1) routes.push({ root, format, pattern });
          }
        }
        if (routes.length === 0) return false;
        this.routes.set(path, routes);
        return true;
      },
      element: (arrayPath, index, value, start) => {
        for (const route of this.routes.get(arrayPath)!) {
          const reading = this.reading(route.root, route.format);
          if ('failed' in reading) continue;
          const indices = arrayPath
            .slice(ROOTS[route.root]!.length)
            .filter((segment): segment is number => typeof segment === 'number');
          indices.push(index);
          try {
            reading.element({ pattern: route.pattern, indices, value, path: [...arrayPath, index], start });
          } catch (error) {
            if (!(error instanceof ConfigurationError)) throw error;
            this.readings.set(`${route.root}/${route.format}`, { failed: error });
          }
        }
      },
    };
  }

  private reading(root: number, format: number): Candidate {
    const key = `${root}/${format}`;
    let reading = this.readings.get(key);
    if (!reading) {
      reading = FORMATS[format]!.read(this.source);
      this.readings.set(key, reading);
    }
    return reading;
  }

  private finishDocument(document: unknown, fromBytes: boolean): ParsedDocument {
    const uri = this.source.uri;
    if (Array.isArray(document)) return this.finishArray(document);
    if (!isObject(document)) {
      throw new ConfigurationError(
        'unknown-scan-format',
        `${uri}: expected a JSON object (${ACCEPTED[this.role]}), found ${describeJsonType(document)}`,
      );
    }
    if (fromBytes && typeof document.payloadType === 'string' && typeof document.payload === 'string') {
      return this.finishEnvelope(document.payloadType, document.payload);
    }
    if (typeof document._type === 'string' && document._type.startsWith('https://in-toto.io/Statement/')) {
      return this.finishStatement(document);
    }
    return this.finishAt(0, document);
  }

  /** An unverified DSSE envelope in a file counts no more than the bare statement would. */
  private finishEnvelope(payloadType: string, payload: string): ParsedDocument {
    if (payloadType !== IN_TOTO_PAYLOAD_TYPE) {
      throw new ConfigurationError(
        'unknown-scan-format',
        `${this.source.uri}: a DSSE envelope of payload type ${JSON.stringify(payloadType.slice(0, 100))}, not an in-toto statement`,
      );
    }
    const inner = new ScanDocumentReader(this.source, this.role);
    inner.write(Buffer.from(payload, 'base64'));
    return inner.end();
  }

  private finishStatement(statement: Record<string, unknown>): ParsedDocument {
    const uri = this.source.uri;
    const predicateType = typeof statement.predicateType === 'string' ? statement.predicateType : '';
    const predicate = statement.predicate;
    if (COSIGN_VULN_PREDICATE_TYPES.includes(predicateType)) {
      checkCosignVulnPredicate(predicate, this.source);
      const result = (predicate as { scanner: { result: Record<string, unknown> } }).scanner.result;
      const inner = this.finishAt(ROOT_OF_SCANNER_RESULT, result);
      if (inner.kind !== 'scan') throw this.wrongRole(inner);
      return { kind: 'scan', report: wrapCosignVulnReport(inner.report, statement, this.source) };
    }
    if (predicateType.startsWith(IN_TOTO_VULNS_PREDICATE_PREFIX) && isObject(predicate)) {
      const inner = this.finishWith(ROOT_OF_PREDICATE, IN_TOTO_VULNS, predicate);
      if (inner.kind !== 'scan') throw this.wrongRole(inner);
      return { kind: 'scan', report: wrapInTotoVulnsReport(inner.report, statement, this.source) };
    }
    if (VEX_PREDICATE_PREFIXES.some((prefix) => predicateType.startsWith(prefix)) && isObject(predicate)) {
      return this.finishAt(ROOT_OF_PREDICATE, predicate);
    }
    throw new ConfigurationError(
      'unknown-scan-format',
      `${uri}: an in-toto statement of predicate type ${JSON.stringify(predicateType.slice(0, 200))}; expected ${ACCEPTED[this.role]}`,
    );
  }

  /** A top-level array: Snyk's `--all-projects` output, Trivy's output before 0.20. */
  private finishArray(document: unknown[]): ParsedDocument {
    const format = FORMATS.findIndex((candidate) => candidate.detectArray?.(document) === true);
    if (format === -1) {
      throw new ConfigurationError(
        'unknown-scan-format',
        `${this.source.uri}: a JSON array of ${document.length} ${document.length === 1 ? 'element' : 'elements'} that is no format the gate reads; expected ${ACCEPTED[this.role]}`,
      );
    }
    return this.finishWith(0, format, document);
  }

  private finishAt(root: number, document: Record<string, unknown>): ParsedDocument {
    const format = FORMATS.findIndex((candidate) => candidate.detect(document));
    if (format === -1) {
      const known = describeUnreadDocument(document);
      throw new ConfigurationError(
        'unknown-scan-format',
        known
          ? `${this.source.uri}: ${known}; the gate reads ${ACCEPTED[this.role]}`
          : `${this.source.uri}: unrecognized ${this.role === 'scan' ? 'scan report' : 'VEX document'}: expected ${ACCEPTED[this.role]}`,
      );
    }
    return this.finishWith(root, format, document);
  }

  private finishWith(
    root: number,
    format: number,
    document: Record<string, unknown> | unknown[],
  ): ParsedDocument {
    const reading = this.reading(root, format);
    if ('failed' in reading) throw reading.failed;
    const parsed = reading.finish(document as Record<string, unknown>, this.role);
    if (parsed.kind !== this.role) throw this.wrongRole(parsed);
    return parsed;
  }

  private wrongRole(parsed: ParsedDocument): ConfigurationError {
    return parsed.kind === 'vex'
      ? new ConfigurationError(
          'not-a-scan-report',
          `${this.source.uri}: a VEX document, not a scan report: pass it as VEX (the "vex" input, --vex)`,
        )
      : new ConfigurationError(
          'not-a-vex-document',
          `${this.source.uri}: a scan report, not a VEX document: pass it as a scan result (the "scan-results" input, --scan)`,
        );
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Documents people pass as scan reports that hold no findings the gate can judge, named. */
function describeUnreadDocument(document: Record<string, unknown>): string | undefined {
  const documentPart = isObject(document.document) ? document.document : undefined;
  if (
    typeof document.spdxVersion === 'string' ||
    (typeof document['@context'] === 'string' && String(document['@context']).includes('spdx'))
  ) {
    return 'an SPDX SBOM, which lists packages, not vulnerabilities: scan it (e.g. `trivy sbom`, `grype sbom:FILE`) and pass the result';
  }
  if (typeof documentPart?.category === 'string' && typeof documentPart.csaf_version === 'string') {
    return `a CSAF ${documentPart.category} document (CSAF ${documentPart.csaf_version}), which the gate does not read; convert it to OpenVEX (e.g. \`vexctl\`)`;
  }
  if (isObject(document.descriptor) && document.descriptor.name === 'syft') {
    return 'a Syft SBOM, which lists packages, not vulnerabilities: scan it (e.g. `grype sbom:FILE`) and pass the result';
  }
  if ('auditReportVersion' in document) {
    return 'an npm audit report, which the gate does not read; scan with a scanner whose output it reads';
  }
  if ('infrastructureAsCodeIssues' in document) {
    return 'a Snyk infrastructure-as-code report: it holds misconfigurations, not vulnerabilities';
  }
  if (isObject(document.detector) && isObject(document.manifests)) {
    return 'a GitHub dependency snapshot, which lists packages, not vulnerabilities';
  }
  if (typeof document.bomFormat === 'string') {
    return `a document of bomFormat ${JSON.stringify(document.bomFormat.slice(0, 40))}, not CycloneDX`;
  }
  return undefined;
}

/** `<` after any byte order mark and white space: XML; anything else is read as JSON. */
function sniffEncoding(chunk: Uint8Array): 'unknown' | 'json' | 'xml' {
  let i = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
  while (
    i < chunk.length &&
    (chunk[i] === 0x20 || chunk[i] === 0x0a || chunk[i] === 0x0d || chunk[i] === 0x09)
  )
    i++;
  if (i === chunk.length) return 'unknown';
  return chunk[i] === 0x3c ? 'xml' : 'json';
}

function describeJsonType(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

/** A whole report held in memory (tests, small files): the same reading as the streaming path. */
export function parseScanReport(text: string | Uint8Array, source: EvidenceSource): ScanReport {
  const reader = new ScanDocumentReader(source, 'scan');
  reader.write(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
  return (reader.end() as Extract<ParsedDocument, { kind: 'scan' }>).report;
}

export function parseVexDocument(text: string | Uint8Array, source: EvidenceSource): VexDocument {
  const reader = new ScanDocumentReader(source, 'vex');
  reader.write(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
  return (reader.end() as Extract<ParsedDocument, { kind: 'vex' }>).vex;
}

/** A scan report or VEX document from a verified attestation's statement, or undefined when it is neither. */
export function readAttestedDocument(
  statement: InTotoStatementFacts,
  source: EvidenceSource,
): ParsedDocument | undefined {
  const type = statement.predicateType;
  // An SBOM attestation (cyclonedx.org/bom) is not VEX, even when it lists vulnerabilities.
  const role: DocumentRole | undefined =
    COSIGN_VULN_PREDICATE_TYPES.includes(type) || type.startsWith(IN_TOTO_VULNS_PREDICATE_PREFIX)
      ? 'scan'
      : type.startsWith('https://openvex.dev/ns') || type.startsWith('https://cyclonedx.org/vex')
        ? 'vex'
        : undefined;
  if (role === undefined) return undefined;
  return new ScanDocumentReader(source, role).readStatement(statement);
}
