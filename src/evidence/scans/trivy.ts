/**
 * Trivy's JSON report (`trivy image --format json`, SchemaVersion 2) → normalized findings.
 * Pure: bytes in, ScanReport out; unknown fields are ignored, wrong types are errors.
 */
import { z } from 'zod';
import { ConfigurationError } from '../../errors.js';
import type { EvidenceSource, Finding, ScanReport, Severity } from '../types.js';

const cvssEntry = z.object({ V3Score: z.number().optional(), V3Vector: z.string().optional() });

const vulnerability = z.object({
  VulnerabilityID: z.string().min(1),
  PkgName: z.string().default(''),
  PkgIdentifier: z.object({ PURL: z.string().optional() }).optional(),
  InstalledVersion: z.string().optional(),
  FixedVersion: z.string().optional(),
  Severity: z.string().default('UNKNOWN'),
  SeveritySource: z.string().optional(),
  Title: z.string().optional(),
  PrimaryURL: z.string().optional(),
  CVSS: z.record(z.string(), cvssEntry).optional(),
});

const trivyReport = z.object({
  SchemaVersion: z.literal(2),
  CreatedAt: z.string().optional(),
  ArtifactName: z.string().optional(),
  Trivy: z.object({ Version: z.string().optional() }).optional(),
  Metadata: z
    .object({
      ImageID: z.string().optional(),
      RepoDigests: z.array(z.string()).nullish(),
    })
    .optional(),
  Results: z
    .array(
      z.object({
        Target: z.string().optional(),
        Vulnerabilities: z.array(vulnerability).nullish(),
      }),
    )
    .nullish(),
});

/** Trivy reports carry SchemaVersion and Results or ArtifactName at the top level. */
export function looksLikeTrivyJson(document: unknown): boolean {
  return (
    typeof document === 'object' &&
    document !== null &&
    'SchemaVersion' in document &&
    ('Results' in document || 'ArtifactName' in document)
  );
}

export function parseTrivyJson(document: unknown, source: EvidenceSource): ScanReport {
  const result = trivyReport.safeParse(document);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigurationError(
      'invalid-scan-report',
      `${source.uri}: not a Trivy JSON report: at ${jsonPath(issue.path)}: ${issue.message.replace(/^Invalid input: /, '')}`,
    );
  }
  const report = result.data;
  const findings: Finding[] = [];
  for (const target of report.Results ?? []) {
    for (const vuln of target.Vulnerabilities ?? []) findings.push(toFinding(vuln, target.Target));
  }
  return {
    format: 'trivy-json',
    scanner: { name: 'trivy', version: report.Trivy?.Version },
    artifact: {
      name: report.ArtifactName,
      digests: digestsOf(report.Metadata?.RepoDigests ?? []),
      imageId: report.Metadata?.ImageID,
    },
    createdAt: report.CreatedAt,
    findings,
    source,
  };
}

function toFinding(vuln: z.output<typeof vulnerability>, target: string | undefined): Finding {
  const cvss = pickCvss(vuln.CVSS, vuln.SeveritySource);
  return {
    id: vuln.VulnerabilityID,
    aliases: [],
    packageName: vuln.PkgName,
    installedVersion: vuln.InstalledVersion,
    fixedVersion: vuln.FixedVersion || undefined,
    purl: vuln.PkgIdentifier?.PURL,
    severity: normalizeSeverity(vuln.Severity),
    sourceSeverity: vuln.Severity,
    cvssScore: cvss?.V3Score,
    cvssVector: cvss?.V3Vector,
    title: vuln.Title,
    url: vuln.PrimaryURL,
    target,
  };
}

/** The score from the source Trivy took the severity from, else NVD's, else any vendor's. */
function pickCvss(
  cvss: Record<string, z.output<typeof cvssEntry>> | undefined,
  severitySource: string | undefined,
): z.output<typeof cvssEntry> | undefined {
  if (!cvss) return undefined;
  const preferred = [severitySource, 'nvd'].filter((name): name is string => Boolean(name));
  for (const name of preferred) if (cvss[name]?.V3Score !== undefined) return cvss[name];
  return Object.values(cvss).find((entry) => entry.V3Score !== undefined);
}

export function normalizeSeverity(word: string): Severity {
  switch (word.trim().toLowerCase()) {
    case 'critical':
      return 'critical';
    case 'high':
      return 'high';
    case 'medium':
    case 'moderate':
      return 'medium';
    case 'low':
    case 'negligible':
      return 'low';
    default:
      return 'unknown';
  }
}

/** `alpine@sha256:…` → `sha256:…`; Trivy lists the repo digests the image was pulled by. */
function digestsOf(repoDigests: string[]): string[] {
  return repoDigests
    .map((entry) => /@(sha256:[a-f0-9]{64})$/.exec(entry)?.[1])
    .filter((digest): digest is string => digest !== undefined);
}

function jsonPath(path: PropertyKey[]): string {
  return path.reduce<string>(
    (text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : `${text}.${String(segment)}`),
    '$',
  );
}
