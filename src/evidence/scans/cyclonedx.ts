/**
 * CycloneDX JSON (1.4 to 1.7): a BOM's `vulnerabilities` are scan findings (Trivy and Grype write
 * them with `--format cyclonedx`), and the same list with `analysis` is VEX. `affects[].ref` names
 * components by bom-ref, by purl, or by BOM-Link (`urn:cdx:SERIAL/VERSION#bom-ref`).
 */
import { z } from 'zod';
import { ConfigurationError } from '../../errors.js';
import type {
  EvidenceSource,
  Finding,
  FindingSource,
  SuppressedFinding,
  VexProduct,
  VexStatement,
  VexStatus,
} from '../../model/evidence.js';
import {
  createInterner,
  digestsIn,
  isDigest,
  shortText,
  unique,
  validatePart,
  type DocumentFormat,
  type FormatReading,
  type StreamedElement,
} from './document-format.js';
import { createPurlCanonicalizer, parsePurl } from './purl.js';
import { compareSeverity, normalizeSeverity } from './severity.js';

const TITLE = 'CycloneDX document';

const rating = z.object({
  source: z.object({ name: z.string().optional() }).nullish(),
  score: z.number().optional(),
  severity: z.string().optional(),
  method: z.string().optional(),
  vector: z.string().optional(),
});
type Rating = z.output<typeof rating>;

const vulnerability = z.object({
  id: z.string().min(1),
  source: z.object({ name: z.string().optional(), url: z.string().optional() }).nullish(),
  references: z.array(z.object({ id: z.string() })).nullish(),
  ratings: z.array(rating).nullish(),
  description: z.string().optional(),
  affects: z
    .array(
      z.object({
        ref: z.string(),
        versions: z
          .array(
            z.object({
              version: z.string().optional(),
              range: z.string().optional(),
              status: z.string().optional(),
            }),
          )
          .nullish(),
      }),
    )
    .nullish(),
  analysis: z
    .object({
      state: z.string().optional(),
      justification: z.string().optional(),
      detail: z.string().optional(),
    })
    .nullish(),
  updated: z.string().optional(),
  published: z.string().optional(),
});
type Vulnerability = z.output<typeof vulnerability>;

const component = z.object({
  'bom-ref': z.string().optional(),
  name: z.string().optional(),
  version: z.string().optional(),
  purl: z.string().optional(),
  components: z.array(z.unknown()).nullish(),
});

const properties = z.array(z.object({ name: z.string(), value: z.string().optional() })).nullish();

const bom = z.object({
  bomFormat: z.literal('CycloneDX'),
  specVersion: z.string().optional(),
  metadata: z
    .object({
      timestamp: z.string().optional(),
      tools: z
        .union([
          z.array(z.object({ name: z.string().optional(), version: z.string().optional() })),
          z.object({
            components: z
              .array(z.object({ name: z.string().optional(), version: z.string().optional() }))
              .nullish(),
          }),
        ])
        .nullish(),
      component: component.extend({ properties }).nullish(),
      authors: z.array(z.object({ name: z.string().optional() })).nullish(),
    })
    .nullish(),
  vulnerabilities: z.array(z.unknown()).nullish(),
});

interface ComponentFacts {
  name?: string;
  version?: string;
  purl?: string;
}

/** Analysis states that take a finding out (CycloneDX 1.4+ `impactAnalysisState`). */
const VEX_STATUS: Record<string, VexStatus> = {
  not_affected: 'not_affected',
  false_positive: 'not_affected',
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
  exploitable: 'affected',
  in_triage: 'under_investigation',
};

export const cyclonedx: DocumentFormat = {
  title: TITLE,
  streamed: [['vulnerabilities'], ['components']],
  detect: (document) => document.bomFormat === 'CycloneDX',
  read: readCycloneDx,
};

function readCycloneDx(source: EvidenceSource): FormatReading {
  const intern = createInterner();
  const canonicalPurl = createPurlCanonicalizer();
  const components = new Map<string, ComponentFacts>();
  const vulnerabilities: Vulnerability[] = [];
  let componentCount = 0;

  const addComponent = (value: unknown, path: StreamedElement['path'], start: StreamedElement['start']) => {
    const parsed = validatePart(component, value, { source, title: TITLE, path, start });
    componentCount++;
    const facts = {
      name: intern(parsed.name),
      version: intern(parsed.version),
      purl: canonicalPurl(parsed.purl),
    };
    if (parsed['bom-ref']) components.set(parsed['bom-ref'], facts);
    (parsed.components ?? []).forEach((child, index) =>
      addComponent(child, [...path, 'components', index], start),
    );
  };

  return {
    element({ pattern, value, path, start }: StreamedElement) {
      if (pattern === 1) {
        addComponent(value, path, start);
        return;
      }
      vulnerabilities.push(validatePart(vulnerability, value, { source, title: TITLE, path, start }));
    },
    finish(document, role) {
      const parsed = validatePart(bom, document, { source, title: TITLE, path: [] });
      const metadata = parsed.metadata;
      const product = metadata?.component;
      if (product?.['bom-ref']) {
        components.set(product['bom-ref'], {
          name: product.name,
          version: product.version,
          purl: canonicalPurl(product.purl),
        });
      }
      const resolve = (ref: string): ComponentFacts | undefined => {
        const local = localRef(ref);
        return (
          components.get(local) ??
          (local.startsWith('pkg:') ? factsFromPurl(canonicalPurl(local)) : undefined)
        );
      };
      const analysed = vulnerabilities.filter((v) => v.analysis?.state !== undefined);
      const tools = metadata?.tools;
      const tool = Array.isArray(tools) ? tools[0] : tools?.components?.[0];

      if (role === 'vex') {
        if (analysed.length === 0) {
          throw new ConfigurationError(
            'no-vex-statements',
            `${source.uri}: a CycloneDX document with no VEX statements (no vulnerability has an "analysis")`,
          );
        }
        return {
          kind: 'vex',
          vex: {
            format: 'cyclonedx-vex',
            author: metadata?.authors?.[0]?.name ?? tool?.name,
            timestamp: metadata?.timestamp,
            statements: analysed.map((v) => toStatement(v, resolve, metadata?.timestamp)),
            source,
          },
        };
      }
      if (vulnerabilities.length > 0 && analysed.length === vulnerabilities.length && componentCount === 0) {
        throw new ConfigurationError(
          'not-a-scan-report',
          `${source.uri}: a CycloneDX VEX document, not a scan report: pass it as VEX (the "vex" input, --vex)`,
        );
      }
      if (parsed.vulnerabilities === undefined || parsed.vulnerabilities === null) {
        throw new ConfigurationError(
          'not-a-scan-report',
          `${source.uri}: a CycloneDX SBOM with no "vulnerabilities": scan it (e.g. \`trivy sbom\`, \`grype sbom:FILE\`) and pass the result`,
        );
      }
      const sources: FindingSource[] = [
        { scanner: tool?.name ?? 'unknown', format: 'cyclonedx', uri: source.uri },
      ];
      const findings: Finding[] = [];
      const suppressed: SuppressedFinding[] = [];
      for (const vuln of vulnerabilities) {
        for (const affected of vuln.affects ?? [{ ref: '', versions: undefined }]) {
          const facts = resolve(affected.ref);
          const finding = toFinding(vuln, facts, affected.versions, sources, intern);
          const status = vuln.analysis?.state ? VEX_STATUS[vuln.analysis.state] : undefined;
          if (status === 'not_affected' || status === 'fixed') {
            suppressed.push({ finding, by: 'report', reason: describeAnalysis(vuln), origin: source.uri });
          } else {
            findings.push(finding);
          }
        }
      }
      const productProperties = new Map((product?.properties ?? []).map((p) => [p.name, p.value]));
      return {
        kind: 'scan',
        report: {
          format: 'cyclonedx',
          scanner: { name: tool?.name ?? 'unknown', version: tool?.version },
          artifact: {
            name: product?.name,
            digests: unique(
              [
                product?.version,
                parsePurl(product?.purl)?.type === 'oci' ? parsePurl(product?.purl)?.version : undefined,
                ...digestsIn(productProperties.get('aquasecurity:trivy:RepoDigest')),
              ].filter(isDigest),
            ),
            imageId: productProperties.get('aquasecurity:trivy:ImageID'),
          },
          createdAt: metadata?.timestamp,
          findings,
          ...(suppressed.length > 0 ? { suppressed } : {}),
          source,
        },
      };
    },
  };
}

/** A BOM-Link (`urn:cdx:SERIAL/VERSION#bom-ref`) names the bom-ref after `#`, percent-encoded. */
function localRef(ref: string): string {
  if (!ref.startsWith('urn:cdx:') || !ref.includes('#')) return ref;
  const fragment = ref.slice(ref.indexOf('#') + 1);
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function factsFromPurl(purl: string | undefined): ComponentFacts | undefined {
  const parts = parsePurl(purl);
  return parts && { name: parts.name, version: parts.version, purl };
}

function toFinding(
  vuln: Vulnerability,
  facts: ComponentFacts | undefined,
  versions: Array<{ version?: string; status?: string }> | null | undefined,
  sources: FindingSource[],
  intern: (text: string | undefined) => string | undefined,
): Finding {
  const chosen = chooseRating(vuln);
  const cvss = bestScore(vuln.ratings ?? []);
  const affectedVersion = versions?.find((v) => v.status === 'affected' && v.version)?.version;
  return {
    id: vuln.id,
    aliases: unique((vuln.references ?? []).map((r) => r.id).filter((id) => id !== vuln.id)),
    packageName: intern(facts?.name ?? '')!,
    installedVersion: intern(facts?.version ?? affectedVersion),
    purl: facts?.purl,
    severity: chosen?.severity ? normalizeSeverity(chosen.severity) : 'unknown',
    sourceSeverity: intern(chosen?.severity ?? 'unknown')!,
    cvssScore: cvss?.score,
    cvssVector: intern(cvss?.vector),
    title: shortText(vuln.description),
    url: vuln.source?.url,
    sources,
  };
}

/** The rating from the vulnerability's own source, else the most severe one given. */
function chooseRating(vuln: Vulnerability): Rating | undefined {
  const rated = (vuln.ratings ?? []).filter((r) => r.severity !== undefined && r.method !== 'other');
  const own = rated.find((r) => r.source?.name !== undefined && r.source.name === vuln.source?.name);
  if (own) return own;
  return [...rated].sort((a, b) =>
    compareSeverity(normalizeSeverity(a.severity!), normalizeSeverity(b.severity!)),
  )[0];
}

/** The highest CVSS v3 or v4 score among the ratings. */
function bestScore(ratings: Rating[]): { score: number; vector?: string } | undefined {
  const cvss = ratings.filter((r) => r.score !== undefined && /^CVSSv(3|31|4)$/.test(r.method ?? ''));
  const best = cvss.sort((a, b) => b.score! - a.score!)[0];
  return best && { score: best.score!, vector: best.vector };
}

function describeAnalysis(vuln: Vulnerability): string {
  const analysis = vuln.analysis!;
  const detail = shortText(analysis.detail, 160);
  return `CycloneDX analysis ${analysis.state}${analysis.justification ? ` (${analysis.justification})` : ''}${detail ? `: ${detail}` : ''}`;
}

function toStatement(
  vuln: Vulnerability,
  resolve: (ref: string) => ComponentFacts | undefined,
  documentTime: string | undefined,
): VexStatement {
  const analysis = vuln.analysis!;
  const products: VexProduct[] = (vuln.affects ?? []).map((affected) => {
    const local = localRef(affected.ref);
    const versions = (affected.versions ?? []).filter((v) => v.version !== undefined).map((v) => v.version!);
    const ranges = (affected.versions ?? []).filter((v) => v.range !== undefined).map((v) => v.range!);
    return {
      id: resolve(affected.ref)?.purl ?? local,
      subcomponents: [],
      ...(versions.length > 0 ? { versions } : {}),
      ...(ranges.length > 0 ? { ranges } : {}),
    };
  });
  return {
    vulnerability: vuln.id,
    aliases: unique((vuln.references ?? []).map((r) => r.id).filter((id) => id !== vuln.id)),
    products,
    status: VEX_STATUS[analysis.state!] ?? 'under_investigation',
    justification: analysis.justification,
    detail: shortText(analysis.detail, 300),
    timestamp: vuln.updated ?? vuln.published ?? documentTime,
  };
}
