/** Decision → the machine-readable report other tools consume; the shape is versioned. */
import type { RequestStats } from '../model/evidence.js';
import type { Decision } from '../policy/decision.js';
import { checkConclusion } from './check-run.js';

export const JSON_REPORT_VERSION = 1;

export function renderJsonReport(
  decision: Decision,
  extra: {
    checkName: string;
    toolVersion: string;
    /** Every request of the run (registries, GitHub), by host; else the evidence's own. */
    stats?: RequestStats;
  },
): string {
  const image = decision.evidence?.image;
  const report = {
    reportVersion: JSON_REPORT_VERSION,
    tool: { name: 'supply-chain-gate', version: extra.toolVersion },
    checkName: extra.checkName,
    verdict: decision.verdict,
    mode: decision.mode,
    conclusion: checkConclusion(decision),
    evaluatedAt: decision.evaluatedAt,
    policy: decision.policyOrigin,
    image: image
      ? {
          name: image.name,
          digest: image.digest,
          resolvedFromTag: image.resolvedFromTag,
          platform: image.platform,
          source: image.source,
          local: image.local,
          platforms: image.platforms.map((entry) => ({
            digest: entry.digest,
            platform: entry.platform,
            annotations: entry.annotations,
            user: entry.config?.user,
            created: entry.config?.created,
            layerCount: entry.layers.length,
            compressedSize: entry.compressedSize,
            source: entry.source,
          })),
        }
      : undefined,
    // Every signature and attestation found, by source (payloads left out), and where discovery looked.
    discovered: decision.evidence?.discovered.map(({ kind, subjectDigest, platform, source }) => ({
      kind,
      subjectDigest,
      platform,
      source,
    })),
    lookups: decision.evidence?.lookups,
    // Each discovered artifact's verification: who signed and how it was checked (predicates left out).
    verifications: decision.evidence?.verifications?.map(({ artifact, ...result }) => ({
      kind: artifact.kind,
      subjectDigest: artifact.subjectDigest,
      source: artifact.source,
      ...(result.status === 'verified'
        ? {
            ...result,
            statement: result.statement && {
              predicateType: result.statement.predicateType,
              subjects: result.statement.subjects,
            },
          }
        : result),
    })),
    stats: extra.stats ?? decision.evidence?.stats,
    errors: decision.errors,
    ...(decision.misconfiguration ? { misconfiguration: decision.misconfiguration } : {}),
    results: decision.results,
    // What the change's own policy would decide on the same evidence (pull requests that edit it).
    preview: decision.preview,
    scans: decision.evidence?.scans.map((scan) => ({
      format: scan.format,
      scanner: scan.scanner,
      artifact: scan.artifact,
      createdAt: scan.createdAt,
      source: scan.source,
      findingCount: scan.findings.length,
    })),
    // BuildKit's statements in the index, each bound to its platform image (predicates left out).
    buildkitAttestations: decision.evidence?.buildkitAttestations?.map(
      ({ platformDigest, platform, manifestDigest, layerDigest, predicateType, source }) => ({
        platformDigest,
        platform,
        manifestDigest,
        layerDigest,
        predicateType,
        source,
      }),
    ),
    // Every SBOM read, where it came from and how many packages it lists (the packages left out).
    sboms: decision.evidence?.sboms?.map(({ format, specVersion, tool, packages, source, origin }) => ({
      format,
      specVersion,
      tool,
      source,
      origin:
        origin.kind === 'attestation'
          ? { kind: origin.kind, subjectDigest: origin.subjectDigest, platform: origin.platform }
          : origin,
      packageCount: packages.length,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
