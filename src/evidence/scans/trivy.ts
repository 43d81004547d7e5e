/**
 * Trivy's JSON report (`trivy image --format json`, SchemaVersion 2). `Results[].Vulnerabilities`
 * are read one by one; misconfigurations and secrets are not vulnerability findings and are skipped.
 */
import { z } from 'zod';
import type { EvidenceSource, Finding, FindingSource } from '../types.js';
import {
  createInterner,
  digestsIn,
  shortText,
  unique,
  validatePart,
  type DocumentFormat,
  type FormatReading,
  type StreamedElement,
} from './document-format.js';
import { createPurlCanonicalizer } from './purl.js';
import { normalizeSeverity } from './severity.js';

const TITLE = 'Trivy JSON report';

const cvssEntry = z.object({
  V3Score: z.number().optional(),
  V3Vector: z.string().optional(),
  V40Score: z.number().optional(),
  V40Vector: z.string().optional(),
});
type CvssEntry = z.output<typeof cvssEntry>;

const vulnerability = z.object({
  VulnerabilityID: z.string().min(1),
  PkgName: z.string().default(''),
  PkgPath: z.string().optional(),
  PkgIdentifier: z.object({ PURL: z.string().optional() }).nullish(),
  InstalledVersion: z.string().optional(),
  FixedVersion: z.string().optional(),
  Status: z.string().optional(),
  Severity: z.string().default('UNKNOWN'),
  SeveritySource: z.string().optional(),
  Title: z.string().optional(),
  PrimaryURL: z.string().optional(),
  CVSS: z.record(z.string(), cvssEntry).nullish(),
});

const report = z.object({
  SchemaVersion: z.literal(2, { error: 'expected 2 (Trivy 0.20 and later)' }),
  CreatedAt: z.string().optional(),
  ArtifactName: z.string().optional(),
  Trivy: z.object({ Version: z.string().optional() }).nullish(),
  Metadata: z
    .object({
      ImageID: z.string().optional(),
      RepoDigests: z.array(z.string()).nullish(),
    })
    .nullish(),
  Results: z
    .array(z.object({ Target: z.string().optional(), Vulnerabilities: z.array(z.unknown()).nullish() }))
    .nullish(),
});

/** Statuses Trivy gives a vulnerability with no fix to install. */
const UNFIXED_STATUSES = new Set(['affected', 'will_not_fix', 'fix_deferred', 'end_of_life']);

export const trivyJson: DocumentFormat = {
  title: TITLE,
  streamed: [['Results', '*', 'Vulnerabilities']],
  detect: (document) => 'SchemaVersion' in document && ('Results' in document || 'ArtifactName' in document),
  read: readTrivy,
};

function readTrivy(source: EvidenceSource): FormatReading {
  const intern = createInterner();
  const canonicalPurl = createPurlCanonicalizer();
  const findingSource: FindingSource = { scanner: 'trivy', format: 'trivy-json', uri: source.uri };
  const sources = [findingSource];
  // Findings by their Results index: the target is filled in at the end, wherever it was written.
  const byResult = new Map<number, Finding[]>();

  return {
    element({ indices, value, path, start }: StreamedElement) {
      const vuln = validatePart(vulnerability, value, { source, title: TITLE, path, start });
      const cvss = pickCvss(vuln.CVSS, vuln.SeveritySource);
      const fixed = vuln.FixedVersion || undefined;
      const finding: Finding = {
        id: vuln.VulnerabilityID,
        aliases: [],
        packageName: intern(vuln.PkgName)!,
        installedVersion: intern(vuln.InstalledVersion),
        fixedVersion: intern(fixed),
        fixState: fixed
          ? 'fixed'
          : vuln.Status === undefined || UNFIXED_STATUSES.has(vuln.Status)
            ? 'unfixed'
            : undefined,
        purl: canonicalPurl(vuln.PkgIdentifier?.PURL),
        severity: normalizeSeverity(vuln.Severity),
        sourceSeverity: intern(vuln.Severity)!,
        cvssScore: cvss?.score,
        cvssVector: intern(cvss?.vector),
        title: shortText(vuln.Title),
        url: vuln.PrimaryURL,
        location: intern(vuln.PkgPath),
        sources,
      };
      const resultIndex = indices[0]!;
      const list = byResult.get(resultIndex);
      if (list) list.push(finding);
      else byResult.set(resultIndex, [finding]);
    },
    finish(document) {
      const parsed = validatePart(report, document, { source, title: TITLE, path: [] });
      const findings: Finding[] = [];
      for (const [index, list] of [...byResult].sort(([a], [b]) => a - b)) {
        const target = intern(parsed.Results?.[index]?.Target);
        for (const finding of list) {
          if (target !== undefined) finding.target = target;
          findings.push(finding);
        }
      }
      const repoDigests = parsed.Metadata?.RepoDigests ?? [];
      return {
        kind: 'scan',
        report: {
          format: 'trivy-json',
          scanner: { name: 'trivy', version: parsed.Trivy?.Version },
          artifact: {
            name: parsed.ArtifactName,
            digests: unique([...repoDigests.flatMap(digestsIn), ...digestsIn(parsed.ArtifactName)]),
            imageId: parsed.Metadata?.ImageID,
          },
          createdAt: parsed.CreatedAt,
          findings,
          source,
        },
      };
    },
  };
}

/** The score from the source Trivy took the severity from, else NVD's, else any vendor's. */
function pickCvss(
  cvss: Record<string, CvssEntry> | null | undefined,
  severitySource: string | undefined,
): { score: number; vector?: string } | undefined {
  if (!cvss) return undefined;
  const scored = (entry: CvssEntry | undefined) =>
    entry?.V3Score !== undefined
      ? { score: entry.V3Score, vector: entry.V3Vector }
      : entry?.V40Score !== undefined
        ? { score: entry.V40Score, vector: entry.V40Vector }
        : undefined;
  for (const name of [severitySource, 'nvd']) {
    const found = name === undefined ? undefined : scored(cvss[name]);
    if (found) return found;
  }
  for (const entry of Object.values(cvss)) {
    const found = scored(entry);
    if (found) return found;
  }
  return undefined;
}
