/**
 * Trivy's JSON report (`trivy image --format json`, SchemaVersion 2). `Results[].Vulnerabilities`
 * are read one by one; misconfigurations and secrets are not vulnerability findings and are skipped.
 */
import { z } from 'zod';
import type { EvidenceSource, Finding, FindingSource } from '../../model/evidence.js';
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
type VulnerabilityInput = z.input<typeof vulnerability>;

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
      // Defaults are applied below, so both the raw element and zod's copy of it read the same.
      const vuln: VulnerabilityInput = isWellFormedVulnerability(value)
        ? value
        : validatePart(vulnerability, value, { source, title: TITLE, path, start });
      const cvss = pickCvss(vuln.CVSS, vuln.SeveritySource);
      const severity = vuln.Severity ?? 'UNKNOWN';
      const fixed = vuln.FixedVersion || undefined;
      const finding: Finding = {
        id: vuln.VulnerabilityID,
        aliases: [],
        packageName: intern(vuln.PkgName ?? '')!,
        installedVersion: intern(vuln.InstalledVersion),
        fixedVersion: intern(fixed),
        fixState: fixed
          ? 'fixed'
          : vuln.Status === undefined || UNFIXED_STATUSES.has(vuln.Status)
            ? 'unfixed'
            : undefined,
        purl: canonicalPurl(vuln.PkgIdentifier?.PURL),
        severity: normalizeSeverity(severity),
        sourceSeverity: intern(severity)!,
        cvssScore: cvss === undefined ? undefined : (cvss.V3Score ?? cvss.V40Score),
        cvssVector: intern(
          cvss === undefined ? undefined : cvss.V3Score !== undefined ? cvss.V3Vector : cvss.V40Vector,
        ),
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

/** The entry (with a score) from the source Trivy took the severity from, else NVD's, else any vendor's. */
function pickCvss(
  cvss: Record<string, CvssEntry> | null | undefined,
  severitySource: string | undefined,
): CvssEntry | undefined {
  if (!cvss) return undefined;
  if (severitySource !== undefined && isScored(cvss[severitySource])) return cvss[severitySource];
  if (isScored(cvss.nvd)) return cvss.nvd;
  for (const entry of Object.values(cvss)) {
    if (isScored(entry)) return entry;
  }
  return undefined;
}

function isScored(entry: CvssEntry | undefined): entry is CvssEntry {
  return entry?.V3Score !== undefined || entry?.V40Score !== undefined;
}

const OPTIONAL_STRINGS = [
  'PkgName',
  'PkgPath',
  'InstalledVersion',
  'FixedVersion',
  'Status',
  'Severity',
  'SeveritySource',
  'Title',
  'PrimaryURL',
] as const;
const CVSS_NUMBERS = ['V3Score', 'V40Score'] as const;
const CVSS_STRINGS = ['V3Vector', 'V40Vector'] as const;

/**
 * Whether zod would accept the element as it is: checked in place, without the copy zod builds,
 * because a report holds hundreds of thousands of them. Anything this does not vouch for goes
 * through zod, which gives the error (or accepts it after all).
 */
function isWellFormedVulnerability(value: unknown): value is VulnerabilityInput {
  if (!isPlainObject(value)) return false;
  const id = value.VulnerabilityID;
  if (typeof id !== 'string' || id.length === 0) return false;
  for (const key of OPTIONAL_STRINGS) {
    const field = value[key];
    if (field !== undefined && typeof field !== 'string') return false;
  }
  const identifier = value.PkgIdentifier;
  if (identifier !== undefined && identifier !== null) {
    if (!isPlainObject(identifier)) return false;
    if (identifier.PURL !== undefined && typeof identifier.PURL !== 'string') return false;
  }
  const cvss = value.CVSS;
  if (cvss === undefined || cvss === null) return true;
  // An own `__proto__` key is left to zod, which decides what becomes of it.
  if (!isPlainObject(cvss) || Object.hasOwn(cvss, '__proto__')) return false;
  for (const entry of Object.values(cvss)) {
    if (!isPlainObject(entry)) return false;
    for (const key of CVSS_NUMBERS) {
      // zod refuses what does not fit a double (`1e999` reads as Infinity).
      if (entry[key] !== undefined && !Number.isFinite(entry[key])) return false;
    }
    for (const key of CVSS_STRINGS) {
      if (entry[key] !== undefined && typeof entry[key] !== 'string') return false;
    }
  }
  return true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
