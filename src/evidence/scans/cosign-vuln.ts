/**
 * The cosign vulnerability attestation predicate (`https://cosign.sigstore.dev/attestation/vuln/v1`):
 * a scanner's own report in `scanner.result`, with when the scan finished. The statement's subject
 * is what the scan is bound to; the time is what `scan-max-age` reads.
 */
import { z } from 'zod';
import { ConfigurationError } from '../../errors.js';
import type { EvidenceSource, ScanReport } from '../../model/evidence.js';
import { unique, validatePart } from './document-format.js';
import { parsePurl } from './purl.js';

export const COSIGN_VULN_PREDICATE_TYPES = [
  'https://cosign.sigstore.dev/attestation/vuln/v1',
  // cosign's older spelling, still found on images attested before it gained the scheme.
  'cosign.sigstore.dev/attestation/vuln/v1',
];

const TITLE = 'cosign vulnerability attestation';

const predicate = z.object({
  scanner: z.object({
    uri: z.string().optional(),
    version: z.string().optional(),
    result: z.unknown(),
  }),
  metadata: z
    .object({ scanStartedOn: z.string().optional(), scanFinishedOn: z.string().optional() })
    .nullish(),
});

const subjects = z.array(
  z.object({ name: z.string().optional(), digest: z.record(z.string(), z.string()).optional() }),
);

/** Checks the predicate's shape; its `scanner.result` must hold a report (read by the caller). */
export function checkCosignVulnPredicate(value: unknown, source: EvidenceSource): void {
  const parsed = validatePart(predicate, value, { source, title: TITLE, path: ['predicate'] });
  const result = parsed.scanner.result;
  if (typeof result !== 'object' || result === null || Array.isArray(result)) {
    throw new ConfigurationError(
      'empty-scan-attestation',
      `${source.uri}: the ${TITLE} carries no scan result (predicate.scanner.result is ${result === null ? 'null' : typeof result}); attest the scanner's JSON or SARIF output`,
    );
  }
}

/** The report inside the predicate, re-bound to the statement's subject and the scan's time. */
export function wrapCosignVulnReport(
  inner: ScanReport,
  statement: { subject?: unknown; predicate?: unknown },
  source: EvidenceSource,
): ScanReport {
  const parsed = validatePart(predicate, statement.predicate, { source, title: TITLE, path: ['predicate'] });
  const subjectList = validatePart(subjects, statement.subject ?? [], {
    source,
    title: TITLE,
    path: ['subject'],
  });
  const scannerPurl = parsePurl(parsed.scanner.uri);
  const finished = parsed.metadata?.scanFinishedOn;
  return {
    ...inner,
    format: 'cosign-vuln',
    scanner: {
      name:
        inner.scanner.name !== 'unknown'
          ? inner.scanner.name
          : (scannerPurl?.name ?? parsed.scanner.uri ?? 'unknown'),
      version: parsed.scanner.version || inner.scanner.version,
    },
    artifact: {
      name: subjectList[0]?.name,
      digests: unique(
        subjectList.flatMap((subject) => (subject.digest?.sha256 ? [`sha256:${subject.digest.sha256}`] : [])),
      ),
      imageId: inner.artifact.imageId,
    },
    // Go's zero time is what cosign writes when the scanner gave none.
    createdAt: finished && !finished.startsWith('0001-01-01') ? finished : undefined,
    source,
  };
}
