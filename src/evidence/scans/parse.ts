/**
 * Reads a scan report or a VEX document of any supported format, detected from its content, in one
 * streaming pass: the arrays that hold findings are handed to every format that reads such an
 * array, element by element, and the format the rest of the document shows wins.
 *
 * In-toto statements (bare, or in an unverified DSSE envelope) are read too: a cosign vuln
 * predicate's `scanner.result`, an OpenVEX or CycloneDX predicate. Pure: bytes or values in.
 */
import { ConfigurationError } from '../../errors.js';
import type { EvidenceSource, InTotoStatementFacts, ScanReport, VexDocument } from '../../model/evidence.js';
import {
  COSIGN_VULN_PREDICATE_TYPES,
  checkCosignVulnPredicate,
  wrapCosignVulnReport,
} from './cosign-vuln.js';
import { cyclonedx } from './cyclonedx.js';
import {
  matchesPattern,
  type DocumentFormat,
  type DocumentRole,
  type FormatReading,
  type ParsedDocument,
} from './document-format.js';
import { grypeJson } from './grype.js';
import { JsonStreamParser, walkJsonValue, type JsonPath, type JsonStreamHooks } from './json-stream.js';
import { openVex } from './openvex.js';
import { sarif } from './sarif.js';
import { trivyJson } from './trivy.js';

/** Larger files are refused before they are read. */
export const MAX_SCAN_BYTES = 256 * 1024 * 1024;

const FORMATS: readonly DocumentFormat[] = [trivyJson, grypeJson, sarif, cyclonedx, openVex];

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
  scan: 'Trivy JSON, Grype JSON, SARIF 2.1.0, CycloneDX with vulnerabilities, or an in-toto statement with a cosign vuln predicate',
  vex: 'OpenVEX or CycloneDX VEX',
};

interface Route {
  root: number;
  format: number;
  pattern: number;
}

/** Reads one document from chunks of bytes: `write` each chunk, then `end`. */
export class ScanDocumentReader {
  private readonly parser: JsonStreamParser;
  private readonly routes = new Map<JsonPath, Route>();
  private readonly readings = new Map<string, FormatReading>();

  constructor(
    private readonly source: EvidenceSource,
    private readonly role: DocumentRole,
  ) {
    this.parser = new JsonStreamParser(source.uri, this.hooks());
  }

  write(chunk: Uint8Array): void {
    this.parser.write(chunk);
  }

  end(): ParsedDocument {
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
        for (let root = 0; root < ROOTS.length; root++) {
          const prefix = ROOTS[root]!;
          if (!prefix.every((key, i) => path[i] === key)) continue;
          const rest = path.slice(prefix.length);
          for (let format = 0; format < FORMATS.length; format++) {
            const pattern = FORMATS[format]!.streamed.findIndex((candidate) =>
              matchesPattern(rest, candidate),
            );
            if (pattern !== -1) {
              this.routes.set(path, { root, format, pattern });
              return true;
            }
          }
        }
        return false;
      },
      element: (arrayPath, index, value, start) => {
        const route = this.routes.get(arrayPath)!;
        const indices = arrayPath
          .slice(ROOTS[route.root]!.length)
          .filter((segment): segment is number => typeof segment === 'number');
        indices.push(index);
        this.reading(route.root, route.format).element({
          pattern: route.pattern,
          indices,
          value,
          path: [...arrayPath, index],
          start,
        });
      },
    };
  }

  private reading(root: number, format: number): FormatReading {
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
    if (VEX_PREDICATE_PREFIXES.some((prefix) => predicateType.startsWith(prefix)) && isObject(predicate)) {
      return this.finishAt(ROOT_OF_PREDICATE, predicate);
    }
    throw new ConfigurationError(
      'unknown-scan-format',
      `${uri}: an in-toto statement of predicate type ${JSON.stringify(predicateType.slice(0, 200))}; expected ${ACCEPTED[this.role]}`,
    );
  }

  private finishAt(root: number, document: Record<string, unknown>): ParsedDocument {
    const format = FORMATS.findIndex((candidate) => candidate.detect(document));
    if (format === -1) {
      throw new ConfigurationError(
        'unknown-scan-format',
        `${this.source.uri}: unrecognized ${this.role === 'scan' ? 'scan report' : 'VEX document'}: expected ${ACCEPTED[this.role]}`,
      );
    }
    const parsed = this.reading(root, format).finish(document, this.role);
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
  const role: DocumentRole | undefined = COSIGN_VULN_PREDICATE_TYPES.includes(type)
    ? 'scan'
    : type.startsWith('https://openvex.dev/ns') || type.startsWith('https://cyclonedx.org/vex')
      ? 'vex'
      : undefined;
  if (role === undefined) return undefined;
  return new ScanDocumentReader(source, role).readStatement(statement);
}
