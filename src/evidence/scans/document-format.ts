/**
 * What every report or VEX format provides to the dispatcher: which arrays it reads element by
 * element (so a large report is never built whole), how to recognize its documents, and a reading
 * that is fed those elements as they come and the rest of the document at the end.
 */
import type { z } from 'zod';
import { ConfigurationError } from '../../errors.js';
import type { EvidenceSource, ScanReport, VexDocument } from '../../model/evidence.js';
import type { JsonPath, JsonPosition } from './json-stream.js';

/** Keys from the document root; `*` stands for any index of an array. */
export type PathPattern = ReadonlyArray<string>;

export type ParsedDocument = { kind: 'scan'; report: ScanReport } | { kind: 'vex'; vex: VexDocument };

export interface StreamedElement {
  /** Which of the format's `streamed` patterns the element's array matched. */
  pattern: number;
  /** The array indices along the way (`runs[2].results[5]` → [2, 5]). */
  indices: number[];
  value: unknown;
  /** The full JSON path of the element, for messages. */
  path: JsonPath;
  /** Where the element starts in the file; absent for documents that were not read from bytes. */
  start?: JsonPosition;
}

/** What the caller wants from the document: a scan report, or VEX statements. */
export type DocumentRole = 'scan' | 'vex';

export interface FormatReading {
  element(element: StreamedElement): void;
  /**
   * The document with every streamed array emptied: validates it and returns the result. Only a
   * format that can be either (CycloneDX) looks at `role`; the dispatcher rejects a mismatch.
   */
  finish(document: Record<string, unknown>, role: DocumentRole): ParsedDocument;
}

export interface DocumentFormat {
  /** How messages name it: `Trivy JSON report`, `OpenVEX document`. */
  title: string;
  streamed: readonly PathPattern[];
  detect(document: Record<string, unknown>): boolean;
  read(source: EvidenceSource): FormatReading;
}

export function matchesPattern(path: JsonPath, pattern: PathPattern): boolean {
  if (path.length !== pattern.length) return false;
  for (let i = 0; i < path.length; i++) {
    const want = pattern[i]!;
    if (want === '*' ? typeof path[i] !== 'number' : path[i] !== want) return false;
  }
  return true;
}

export function formatJsonPath(path: ReadonlyArray<PropertyKey>): string {
  let text = '$';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$-]*$/.test(segment)) text += `.${segment}`;
    else text += `[${JSON.stringify(String(segment)).slice(0, 80)}]`;
  }
  return text;
}

/**
 * Validates one part of a document with a zod schema; a mismatch is a one-line error naming the
 * file, the element's line and column when known, and the JSON path of the wrong field.
 */
export function validatePart<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  context: { source: EvidenceSource; title: string; path: JsonPath; start?: JsonPosition },
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = context.start ? `:${context.start.line}:${context.start.column}` : '';
  const message = issue.message.replace(/^Invalid input: /, '').slice(0, 200);
  throw new ConfigurationError(
    'invalid-scan-report',
    `${context.source.uri}${where}: not a valid ${context.title}: at ${formatJsonPath([...context.path, ...issue.path])}: ${message}`,
  );
}

/**
 * Returns one copy of each distinct string: a report repeats package names, versions and targets
 * across thousands of findings, and one copy each keeps a large report small in memory. The table
 * is emptied when it grows large, so strings that never repeat cost nothing lasting.
 */
export function createInterner(limit = 50_000): (text: string | undefined) => string | undefined {
  let seen = new Map<string, string>();
  return (text) => {
    if (text === undefined) return undefined;
    const known = seen.get(text);
    if (known !== undefined) return known;
    if (seen.size >= limit) seen = new Map();
    seen.set(text, text);
    return text;
  };
}

const DIGEST_IN_TEXT = /@sha256[:_]([a-f0-9]{64})\b/g;

/** Image digests written into a reference (`name@sha256:…`; Snyk writes `name@sha256_…`). */
export function digestsIn(text: string | undefined | null): string[] {
  if (!text) return [];
  return [...text.matchAll(DIGEST_IN_TEXT)].map((match) => `sha256:${match[1]}`);
}

export function isDigest(text: unknown): text is string {
  return typeof text === 'string' && /^sha256:[a-f0-9]{64}$/.test(text);
}

export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** Untrusted free text trimmed to what a report line shows. */
export function shortText(text: string | undefined | null, limit = 200): string | undefined {
  if (!text) return undefined;
  const line = text.trim().split('\n', 1)[0]!;
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}
