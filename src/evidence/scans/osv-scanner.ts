/**
 * OSV-Scanner's JSON (`osv-scanner --format json`, `osv-scanner scan image --format json`). Each
 * package lists the OSV records that affect it and `groups` that say which records are one
 * vulnerability (a GHSA and its CVE) with their worst CVSS score: one finding per group. A group
 * without a score takes the records' own words (GitHub's `database_specific.severity`), else the
 * score of their CVSS vectors.
 */
import { z } from 'zod';
import type { EvidenceSource, Finding, FindingSource, Severity } from '../../model/evidence.js';
import {
  createInterner,
  digestsIn,
  findingTitle,
  unique,
  validatePart,
  type DocumentFormat,
  type FormatReading,
  type StreamedElement,
} from './document-format.js';
import { cvssBaseScore } from './scoring/cvss.js';
import { compareSeverity, normalizeSeverity, parseScore, severityFromScore } from './scoring/severity.js';

const TITLE = 'OSV-Scanner JSON report';

const record = z.object({
  id: z.string().min(1),
  aliases: z.array(z.string()).nullish(),
  summary: z.string().optional(),
  details: z.string().optional(),
  severity: z.array(z.object({ type: z.string().optional(), score: z.string() })).nullish(),
  affected: z
    .array(
      z.object({
        package: z.object({ name: z.string().optional(), ecosystem: z.string().optional() }).nullish(),
        ranges: z.array(z.object({ events: z.array(z.record(z.string(), z.string())).nullish() })).nullish(),
      }),
    )
    .nullish(),
  references: z.array(z.object({ type: z.string().optional(), url: z.string() })).nullish(),
  database_specific: z.record(z.string(), z.unknown()).nullish(),
});
type OsvRecord = z.output<typeof record>;

const packageEntry = z.object({
  package: z.object({
    name: z.string().default(''),
    version: z.string().optional(),
    ecosystem: z.string().optional(),
    commit: z.string().optional(),
  }),
  vulnerabilities: z.array(record).nullish(),
  groups: z
    .array(
      z.object({
        ids: z.array(z.string()).min(1),
        aliases: z.array(z.string()).nullish(),
        max_severity: z.string().optional(),
      }),
    )
    .nullish(),
});

const report = z.object({
  results: z.array(
    z.object({ source: z.object({ path: z.string().optional(), type: z.string().optional() }).nullish() }),
  ),
});

export const osvScannerJson: DocumentFormat = {
  title: TITLE,
  streamed: [['results', '*', 'packages']],
  detect: (document) =>
    Array.isArray(document.results) &&
    (document.results.length > 0
      ? document.results.every(
          (result: unknown) => typeof result === 'object' && result !== null && 'packages' in result,
        )
      : 'experimental_config' in document),
  read: readOsvScanner,
};

function readOsvScanner(source: EvidenceSource): FormatReading {
  const intern = createInterner();
  const sources: FindingSource[] = [{ scanner: 'osv-scanner', format: 'osv-scanner-json', uri: source.uri }];
  const byResult = new Map<number, Finding[]>();

  return {
    element({ indices, value, path, start }: StreamedElement) {
      const entry = validatePart(packageEntry, value, { source, title: TITLE, path, start });
      const records = new Map((entry.vulnerabilities ?? []).map((r) => [r.id, r]));
      const groups = entry.groups?.length
        ? entry.groups
        : [...records.values()].map((r) => ({ ids: [r.id], aliases: r.aliases, max_severity: undefined }));
      const list = byResult.get(indices[0]!) ?? [];
      for (const group of groups) {
        const members = group.ids.map((id) => records.get(id)).filter((r): r is OsvRecord => r !== undefined);
        const ids = unique([
          ...group.ids,
          ...(group.aliases ?? []),
          ...members.flatMap((m) => m.aliases ?? []),
        ]);
        const id = ids.find((candidate) => /^CVE-/i.test(candidate)) ?? group.ids[0]!;
        const rated = rate(group.max_severity, members);
        const fix = fixOf(members, entry.package.name);
        const main = members[0];
        list.push({
          id,
          aliases: ids.filter((other) => other !== id),
          packageName: intern(entry.package.name)!,
          installedVersion: intern(entry.package.version ?? entry.package.commit),
          fixedVersion: intern(fix || undefined),
          fixState: fix === undefined ? undefined : fix === '' ? 'unfixed' : 'fixed',
          severity: rated.severity,
          sourceSeverity: intern(rated.word)!,
          cvssScore: rated.score,
          title: findingTitle(main?.summary, main?.details),
          url: (main?.references ?? []).find((r) => r.type === 'ADVISORY')?.url ?? main?.references?.[0]?.url,
          sources,
        });
      }
      byResult.set(indices[0]!, list);
    },
    finish(document) {
      const parsed = validatePart(report, document, { source, title: TITLE, path: [] });
      const findings: Finding[] = [];
      for (const [index, list] of [...byResult].sort(([a], [b]) => a - b)) {
        const target = intern(parsed.results[index]?.source?.path);
        for (const finding of list) {
          if (target !== undefined) finding.target = target;
          findings.push(finding);
        }
      }
      const paths = parsed.results.map((result) => result.source?.path);
      return {
        kind: 'scan',
        report: {
          format: 'osv-scanner-json',
          scanner: { name: 'osv-scanner' },
          artifact: { name: paths[0], digests: unique(paths.flatMap((path) => digestsIn(path))) },
          findings,
          source,
        },
      };
    },
  };
}

/** The group's score, else the worst word or vector score among its records. */
function rate(
  maxSeverity: string | undefined,
  members: OsvRecord[],
): { severity: Severity; word: string; score?: number } {
  const score = parseScore(maxSeverity);
  if (score !== undefined && score > 0)
    return { severity: severityFromScore(score), word: `CVSS ${score}`, score };
  const readings: Array<{ severity: Severity; word: string; score?: number }> = [];
  for (const member of members) {
    const word = member.database_specific?.severity;
    if (typeof word === 'string' && normalizeSeverity(word) !== 'unknown') {
      readings.push({ severity: normalizeSeverity(word), word });
    }
    for (const entry of member.severity ?? []) {
      const vectorScore = cvssBaseScore(entry.score);
      if (vectorScore !== undefined && vectorScore > 0) {
        readings.push({
          severity: severityFromScore(vectorScore),
          word: `${entry.type ?? 'CVSS'} ${vectorScore}`,
          score: vectorScore,
        });
      }
    }
  }
  return (
    readings.sort((a, b) => compareSeverity(a.severity, b.severity))[0] ?? {
      severity: 'unknown',
      word: 'unknown',
    }
  );
}

/** Fixed versions the records give for this package; '' when they name it and give none; undefined when silent. */
function fixOf(members: OsvRecord[], name: string): string | undefined {
  const affected = members.flatMap((m) => m.affected ?? []).filter((a) => a.package?.name === name);
  if (affected.length === 0) return undefined;
  const fixed = affected.flatMap((a) =>
    (a.ranges ?? []).flatMap((range) => (range.events ?? []).map((event) => event.fixed).filter(Boolean)),
  );
  return unique(fixed as string[]).join(', ');
}
