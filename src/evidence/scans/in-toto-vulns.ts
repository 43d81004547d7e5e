/**
 * The in-toto vulns predicate (`https://in-toto.io/attestation/vulns/v0.1`, and v0.2 which keeps its
 * shape): `scanner.result` lists vulnerability ids, each with severities as `{method, score}` where the
 * score is a word (`medium`), a number (`5.2`) or a CVSS vector, read on its method's scale. The
 * protobuf definition nests the list as `scanner.result.vulnerabilities`; both are read. The predicate
 * names no package: the statement's subject is what was scanned, and its purl, when it is one, is the
 * package of every finding.
 */
import { z } from 'zod';
import type { EvidenceSource, Finding, FindingSource, ScanReport, Severity } from '../../model/evidence.js';
import {
  shortText,
  unique,
  validatePart,
  type DocumentFormat,
  type FormatReading,
  type StreamedElement,
} from './document-format.js';
import { cvssBaseScore } from './scoring/cvss.js';
import { parsePurl } from './purl.js';
import {
  compareSeverity,
  isSeverityWord,
  normalizeSeverity,
  parseScore,
  severityFromMethodScore,
  severityFromScore,
} from './scoring/severity.js';

export const IN_TOTO_VULNS_PREDICATE_PREFIX = 'https://in-toto.io/attestation/vulns';

const TITLE = 'in-toto vulns predicate';

const entry = z.object({
  id: z.string().min(1),
  severity: z.array(z.object({ method: z.string().optional(), score: z.string() })).nullish(),
});

const predicate = z.object({
  scanner: z.object({
    uri: z.string().optional(),
    version: z.string().optional(),
    result: z.union([z.array(z.unknown()), z.object({ vulnerabilities: z.array(z.unknown()).nullish() })]),
  }),
  metadata: z
    .object({ scanStartedOn: z.string().optional(), scanFinishedOn: z.string().optional() })
    .nullish(),
});

const subjects = z.array(
  z.object({
    name: z.string().optional(),
    uri: z.string().optional(),
    digest: z.record(z.string(), z.string()).optional(),
  }),
);

export const inTotoVulns: DocumentFormat = {
  title: TITLE,
  streamed: [
    ['scanner', 'result'],
    ['scanner', 'result', 'vulnerabilities'],
  ],
  detect: (document) => {
    const scanner = document.scanner as Record<string, unknown> | undefined;
    const result = scanner?.result as Record<string, unknown> | undefined;
    // A CycloneDX BOM in `scanner.result` is a cosign vuln predicate's, not this one's list.
    return Array.isArray(result) || (Array.isArray(result?.vulnerabilities) && !('bomFormat' in result));
  },
  read: readInTotoVulns,
};

function readInTotoVulns(source: EvidenceSource): FormatReading {
  const sources: FindingSource[] = [{ scanner: 'unknown', format: 'in-toto-vulns', uri: source.uri }];
  const findings: Finding[] = [];

  return {
    element({ value, path, start }: StreamedElement) {
      const parsed = validatePart(entry, value, { source, title: TITLE, path, start });
      const rated = rate(parsed.severity ?? []);
      findings.push({
        id: parsed.id,
        aliases: [],
        packageName: '',
        severity: rated.severity,
        sourceSeverity: rated.word,
        cvssScore: rated.score,
        sources,
      });
    },
    finish(document) {
      const parsed = validatePart(predicate, document, { source, title: TITLE, path: [] });
      const scanner = parsePurl(parsed.scanner.uri)?.name ?? shortText(parsed.scanner.uri, 80) ?? 'unknown';
      sources[0]!.scanner = scanner;
      const finished = parsed.metadata?.scanFinishedOn;
      return {
        kind: 'scan',
        report: {
          format: 'in-toto-vulns',
          scanner: { name: scanner, version: parsed.scanner.version },
          artifact: { digests: [] },
          createdAt: finished && !finished.startsWith('0001-01-01') ? finished : undefined,
          findings,
          source,
        },
      };
    },
  };
}

/** The worst of the given severities, each read on its method's scale. */
function rate(severities: Array<{ method?: string; score: string }>): {
  severity: Severity;
  word: string;
  score?: number;
} {
  const readings: Array<{ severity: Severity; word: string; score?: number }> = [];
  for (const { method, score } of severities) {
    const word = `${method ?? 'severity'} ${shortText(score, 80)}`;
    if (isSeverityWord(score)) {
      readings.push({ severity: normalizeSeverity(score), word });
      continue;
    }
    const number = parseScore(score) ?? cvssBaseScore(score);
    if (number === undefined || number <= 0) continue;
    const severity =
      severityFromMethodScore(method, number) ??
      (/^CVSS/i.test(score) ? severityFromScore(number) : undefined);
    if (severity)
      readings.push({ severity, word, score: /cvss/i.test(`${method} ${score}`) ? number : undefined });
  }
  const known = readings.filter((r) => r.severity !== 'unknown');
  return (
    known.sort((a, b) => compareSeverity(a.severity, b.severity))[0] ?? {
      severity: 'unknown',
      word: 'unknown',
    }
  );
}

/** The report re-bound to the statement: its subject is what was scanned (a digest, or a package's purl). */
export function wrapInTotoVulnsReport(
  inner: ScanReport,
  statement: { subject?: unknown },
  source: EvidenceSource,
): ScanReport {
  const list = validatePart(subjects, statement.subject ?? [], { source, title: TITLE, path: ['subject'] });
  const purls = list.map((subject) => parsePurl(subject.uri)).filter((p) => p !== undefined);
  const only = list.length === 1 ? purls[0] : undefined;
  const findings = only
    ? inner.findings.map((finding) => ({
        ...finding,
        packageName: only.name,
        installedVersion: only.version ?? undefined,
        purl: list[0]!.uri,
      }))
    : inner.findings;
  return {
    ...inner,
    findings,
    artifact: {
      name: list[0]?.name ?? list[0]?.uri,
      digests: unique(
        list.flatMap((subject) => (subject.digest?.sha256 ? [`sha256:${subject.digest.sha256}`] : [])),
      ),
    },
    source,
  };
}
