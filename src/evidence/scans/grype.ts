/**
 * Grype's JSON report (`grype IMAGE -o json`). `matches` are read one by one; `ignoredMatches`
 * (what Grype's own ignore rules or VEX removed) are kept as suppressed, with the rule that did it.
 */
import { z } from 'zod';
import type { EvidenceSource, Finding, FindingSource, SuppressedFinding } from '../../model/evidence.js';
import {
  createInterner,
  digestsIn,
  isDigest,
  unique,
  validatePart,
  type DocumentFormat,
  type FormatReading,
  type StreamedElement,
} from './document-format.js';
import { createPurlCanonicalizer } from './purl.js';
import { normalizeSeverity } from './severity.js';

const TITLE = 'Grype JSON report';

const cvss = z.object({
  version: z.string().optional(),
  vector: z.string().optional(),
  metrics: z.object({ baseScore: z.number().optional() }).optional(),
});
type Cvss = z.output<typeof cvss>;

const vulnerabilityMetadata = z.object({
  id: z.string().min(1),
  severity: z.string().optional(),
  dataSource: z.string().optional(),
  urls: z.array(z.string()).nullish(),
  cvss: z.array(cvss).nullish(),
});

const match = z.object({
  vulnerability: vulnerabilityMetadata.extend({
    fix: z.object({ versions: z.array(z.string()).nullish(), state: z.string().optional() }).optional(),
  }),
  relatedVulnerabilities: z.array(vulnerabilityMetadata).nullish(),
  artifact: z.object({
    name: z.string(),
    version: z.string().optional(),
    purl: z.string().optional(),
    locations: z.array(z.object({ path: z.string().optional() })).nullish(),
  }),
  appliedIgnoreRules: z
    .array(
      z.object({
        vulnerability: z.string().optional(),
        reason: z.string().optional(),
        'vex-status': z.string().optional(),
        'vex-justification': z.string().optional(),
      }),
    )
    .nullish(),
});
type Match = z.output<typeof match>;

const report = z.object({
  source: z
    .object({
      type: z.string().optional(),
      target: z.union([
        z.string(),
        z.object({
          userInput: z.string().optional(),
          imageID: z.string().optional(),
          manifestDigest: z.string().optional(),
          repoDigests: z.array(z.string()).nullish(),
        }),
      ]),
    })
    .nullish(),
  descriptor: z.object({
    name: z.string().optional(),
    version: z.string().optional(),
    timestamp: z.string().optional(),
  }),
});

export const grypeJson: DocumentFormat = {
  title: TITLE,
  streamed: [['matches'], ['ignoredMatches']],
  detect: (document) => 'matches' in document && 'descriptor' in document,
  read: readGrype,
};

function readGrype(source: EvidenceSource): FormatReading {
  const intern = createInterner();
  const canonicalPurl = createPurlCanonicalizer();
  const sources: FindingSource[] = [{ scanner: 'grype', format: 'grype-json', uri: source.uri }];
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];

  const toFinding = (entry: Match): Finding => {
    const vuln = entry.vulnerability;
    const related = entry.relatedVulnerabilities ?? [];
    const score = bestCvss([...(vuln.cvss ?? []), ...related.flatMap((r) => r.cvss ?? [])]);
    const fixVersions = vuln.fix?.versions ?? [];
    const state = vuln.fix?.state;
    const severity = vuln.severity ?? 'Unknown';
    return {
      id: vuln.id,
      aliases: unique(related.map((r) => r.id).filter((id) => id !== vuln.id)),
      packageName: intern(entry.artifact.name)!,
      installedVersion: intern(entry.artifact.version),
      fixedVersion: fixVersions.length > 0 ? intern(fixVersions.join(', ')) : undefined,
      fixState:
        state === 'fixed' || fixVersions.length > 0
          ? 'fixed'
          : state === 'not-fixed' || state === 'wont-fix'
            ? 'unfixed'
            : undefined,
      purl: canonicalPurl(entry.artifact.purl),
      severity: normalizeSeverity(severity),
      sourceSeverity: intern(severity)!,
      cvssScore: score?.metrics?.baseScore,
      cvssVector: intern(score?.vector),
      url: vuln.dataSource || vuln.urls?.[0],
      location: intern(entry.artifact.locations?.[0]?.path),
      sources,
    };
  };

  return {
    element({ pattern, value, path, start }: StreamedElement) {
      const entry = validatePart(match, value, { source, title: TITLE, path, start });
      if (pattern === 0) {
        findings.push(toFinding(entry));
        return;
      }
      const rules = (entry.appliedIgnoreRules ?? []).map(describeIgnoreRule).filter(Boolean);
      suppressed.push({
        finding: toFinding(entry),
        by: 'report',
        reason: `ignored by Grype${rules.length > 0 ? `: ${rules.join('; ')}` : ''}`,
        origin: source.uri,
      });
    },
    finish(document) {
      const parsed = validatePart(report, document, { source, title: TITLE, path: [] });
      const target = parsed.source?.target;
      const image = typeof target === 'object' ? target : undefined;
      const digests = unique([
        ...(image?.repoDigests ?? []).flatMap(digestsIn),
        ...(isDigest(image?.manifestDigest) ? [image.manifestDigest] : []),
        ...digestsIn(image?.userInput),
      ]);
      return {
        kind: 'scan',
        report: {
          format: 'grype-json',
          scanner: { name: 'grype', version: parsed.descriptor.version },
          artifact: {
            name: typeof target === 'string' ? target : image?.userInput,
            digests,
            imageId: image?.imageID,
          },
          createdAt: parsed.descriptor.timestamp || undefined,
          findings,
          ...(suppressed.length > 0 ? { suppressed } : {}),
          source,
        },
      };
    },
  };
}

/** The CVSS v3 (or later) entry with the highest base score; v2 only when nothing newer exists. */
function bestCvss(entries: Cvss[]): Cvss | undefined {
  const scored = entries.filter((entry) => entry.metrics?.baseScore !== undefined);
  const modern = scored.filter((entry) => !entry.version?.startsWith('2'));
  const pool = modern.length > 0 ? modern : scored;
  return pool.reduce<Cvss | undefined>(
    (best, entry) => (best && best.metrics!.baseScore! >= entry.metrics!.baseScore! ? best : entry),
    undefined,
  );
}

function describeIgnoreRule(rule: NonNullable<Match['appliedIgnoreRules']>[number]): string {
  const parts = [
    rule['vex-status'] && `VEX ${rule['vex-status']}`,
    rule['vex-justification'],
    rule.reason,
  ].filter((part): part is string => Boolean(part));
  return parts.join(', ');
}
