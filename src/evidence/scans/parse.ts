/** Detects a scan report's format from its content and hands it to that format's parser. */
import { ConfigurationError } from '../../errors.js';
import type { EvidenceSource, ScanReport } from '../types.js';
import { parseJsonText } from './json-text.js';
import { looksLikeTrivyJson, parseTrivyJson } from './trivy.js';

export const MAX_SCAN_BYTES = 256 * 1024 * 1024;

export function parseScanReport(text: string, source: EvidenceSource): ScanReport {
  const document = parseJsonText(text, source.uri);
  if (looksLikeTrivyJson(document)) return parseTrivyJson(document, source);
  throw new ConfigurationError(
    'unknown-scan-format',
    `${source.uri}: unrecognized scan report: expected Trivy JSON (trivy image --format json)`,
  );
}
