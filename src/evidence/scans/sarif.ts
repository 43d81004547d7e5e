/**
 * SARIF 2.1.0 from any scanner: Trivy, Grype, Snyk Container, CodeQL and others. Results and rules
 * are read one by one. Severity is GitHub's reading of SARIF: `security-severity` (result, then
 * rule) on the CVSS scale, else the result's `level`, else the rule's default level, else SARIF's
 * default `warning`. The scanner's own severity word, when it writes one, is kept beside it.
 *
 * Container scanners put the package in different places: Trivy in the result message
 * (`Package: …`), Grype in the rule help (`Package: … Version: … Fix Version: …`), Snyk in the
 * rule description (`(CVE-…) source/binary@version`). A finding with no package (CodeQL) is a
 * finding in code: its package is the file, its location `file:line:column`.
 */
import { z } from 'zod';
import type {
  EvidenceSource,
  Finding,
  FindingSource,
  Severity,
  SuppressedFinding,
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
import { isSeverityWord, parseScore, severityFromLevel, severityFromScore } from './severity.js';

const TITLE = 'SARIF log';

const text = z.object({ text: z.string().optional(), markdown: z.string().optional() }).nullish();
const properties = z.record(z.string(), z.unknown()).nullish();

const rule = z.object({
  id: z.string().optional(),
  shortDescription: text,
  fullDescription: text,
  help: text,
  helpUri: z.string().optional(),
  defaultConfiguration: z.object({ level: z.string().optional() }).nullish(),
  properties,
});

const location = z.object({
  physicalLocation: z
    .object({
      artifactLocation: z.object({ uri: z.string().optional() }).nullish(),
      region: z.object({ startLine: z.number().optional(), startColumn: z.number().optional() }).nullish(),
    })
    .nullish(),
  logicalLocations: z
    .array(z.object({ name: z.string().optional(), fullyQualifiedName: z.string().optional() }))
    .nullish(),
});

const result = z.object({
  ruleId: z.string().optional(),
  ruleIndex: z.number().int().optional(),
  rule: z
    .object({
      id: z.string().optional(),
      index: z.number().int().optional(),
      toolComponent: z.object({ index: z.number().int().optional() }).nullish(),
    })
    .nullish(),
  kind: z.string().optional(),
  level: z.string().optional(),
  message: text,
  locations: z.array(location).nullish(),
  properties,
  suppressions: z
    .array(
      z.object({
        kind: z.string().optional(),
        status: z.string().optional(),
        justification: z.string().optional(),
      }),
    )
    .nullish(),
  baselineState: z.string().optional(),
});
type SarifResult = z.output<typeof result>;

const log = z.object({
  version: z.string().optional(),
  runs: z.array(
    z.object({
      tool: z.object({
        driver: z.object({ name: z.string().nullish(), version: z.string().nullish() }),
      }),
      results: z.array(z.unknown()).nullish(),
      invocations: z
        .array(z.object({ startTimeUtc: z.string().optional(), endTimeUtc: z.string().optional() }))
        .nullish(),
      properties,
    }),
  ),
});

/** What a finding needs from a rule, kept instead of the rule (whose help text can be long). */
interface RuleFacts {
  id?: string;
  title?: string;
  url?: string;
  defaultLevel?: string;
  securitySeverity?: number;
  cvss?: { score: number; vector?: string };
  severityWord?: string;
  packageName?: string;
  installedVersion?: string;
  /** '' when the rule says there is no fix. */
  fixedVersion?: string;
  aliases: string[];
  purl?: string;
}

/** A run's (or extension's) rules, by index as SARIF lists them, and by id once a result asks. */
interface RuleTable {
  list: RuleFacts[];
  byId?: Map<string | undefined, RuleFacts>;
}

/** What a finding needs from a result, until the run's rules are known. */
interface PendingResult {
  run: number;
  ruleId?: string;
  ruleIndex?: number;
  extension?: number;
  level?: string;
  securitySeverity?: number;
  cvss?: { score: number; vector?: string };
  /** What Trivy writes into the message: `Package:`, `Installed Version:`, `Fixed Version:`, `Severity:`. */
  stated: StatedPackage;
  purl?: string;
  uri?: string;
  line?: number;
  column?: number;
  logicalName?: string;
  suppressedBecause?: string;
}

const VULNERABILITY_ID = /^(CVE-\d{4}-\d{4,}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})/i;
const KEY_VALUE_LINE = /^([A-Za-z][A-Za-z ]{0,30}):[ \t]?(.*)$/;
const SNYK_PACKAGE = /^\(([^)]*)\)\s+(\S+)@(\S+)$/;
const OS_PACKAGE_TAGS = new Set(['deb', 'apk', 'rpm']);

export const sarif: DocumentFormat = {
  title: TITLE,
  streamed: [
    ['runs', '*', 'results'],
    ['runs', '*', 'tool', 'driver', 'rules'],
    ['runs', '*', 'tool', 'extensions', '*', 'rules'],
  ],
  detect: (document) => Array.isArray(document.runs) && ('version' in document || '$schema' in document),
  read: readSarif,
};

function readSarif(source: EvidenceSource): FormatReading {
  const intern = createInterner();
  const canonicalPurl = createPurlCanonicalizer();
  const pending: PendingResult[] = [];
  /** By `RUN` for the driver's rules, `RUN/EXTENSION` for an extension's. */
  const ruleTables = new Map<string, RuleTable>();
  /** Digests a container scanner wrote into its first result's locations, by run. */
  const locationDigests = new Map<number, string[]>();

  const ruleFacts = (value: unknown, path: StreamedElement['path'], start: StreamedElement['start']) => {
    const parsed = validatePart(rule, value, { source, title: TITLE, path, start });
    const props = parsed.properties ?? {};
    const help = statedPackage(parsed.help?.text);
    const tags = Array.isArray(props.tags)
      ? props.tags.filter((tag): tag is string => typeof tag === 'string')
      : [];
    const snyk = SNYK_PACKAGE.exec(parsed.fullDescription?.text?.trim() ?? '');
    const snykSeverity = /^(\w+) severity - /.exec(parsed.shortDescription?.text ?? '')?.[1];
    const purls = Array.isArray(props.purls)
      ? props.purls.filter((p): p is string => typeof p === 'string')
      : [];
    const facts: RuleFacts = {
      id: parsed.id,
      title: shortText(parsed.shortDescription?.text),
      url: parsed.helpUri,
      defaultLevel: parsed.defaultConfiguration?.level,
      securitySeverity: parseScore(props['security-severity']),
      cvss: cvssFrom(props),
      severityWord: help.severity ?? tags.find(isSeverityWord) ?? snykSeverity,
      packageName: intern(help.packageName ?? snykPackageName(snyk, tags)),
      installedVersion: intern(help.installedVersion ?? snyk?.[3]),
      fixedVersion: help.fixedVersion ?? snykFix(parsed.help?.markdown),
      aliases: snyk ? (snyk[1]!.match(/CVE-\d{4}-\d{4,}|GHSA(?:-\w{4}){3}/g) ?? []) : [],
      purl: purls[0],
    };
    return facts;
  };

  return {
    element({ pattern, indices, value, path, start }: StreamedElement) {
      const run = indices[0]!;
      if (pattern === 1 || pattern === 2) {
        const key = pattern === 1 ? `${run}` : `${run}/${indices[1]}`;
        const table = ruleTables.get(key) ?? { list: [] };
        table.list[indices[indices.length - 1]!] = ruleFacts(value, path, start);
        ruleTables.set(key, table);
        return;
      }
      const parsed = validatePart(result, value, { source, title: TITLE, path, start });
      // Results that are not failures (pass, informational, …) or no longer present are not findings.
      if ((parsed.kind !== undefined && parsed.kind !== 'fail') || parsed.baselineState === 'absent') return;
      const first = parsed.locations?.[0];
      if (!locationDigests.has(run)) {
        locationDigests.set(
          run,
          unique([
            ...digestsIn(first?.physicalLocation?.artifactLocation?.uri),
            // Grype: `IMAGE@sha256:…@sha256:LAYER:/path`; the first digest is the image's.
            ...digestsIn(first?.logicalLocations?.[0]?.fullyQualifiedName).slice(0, 1),
          ]),
        );
      }
      const props = parsed.properties ?? {};
      const purls = Array.isArray(props.purls)
        ? props.purls.filter((p): p is string => typeof p === 'string')
        : [];
      pending.push({
        run,
        ruleId: parsed.ruleId ?? parsed.rule?.id,
        ruleIndex: parsed.ruleIndex ?? parsed.rule?.index,
        extension: parsed.rule?.toolComponent?.index ?? undefined,
        level: parsed.level,
        securitySeverity: parseScore(props['security-severity']),
        cvss: cvssFrom(props),
        stated: statedPackage(parsed.message?.text),
        purl: purls[0],
        uri: intern(first?.physicalLocation?.artifactLocation?.uri),
        line: first?.physicalLocation?.region?.startLine,
        column: first?.physicalLocation?.region?.startColumn,
        logicalName: intern(first?.logicalLocations?.[0]?.name),
        suppressedBecause: suppressionOf(parsed),
      });
    },
    finish(document) {
      const parsed = validatePart(log, document, { source, title: TITLE, path: [] });
      const toolName = (run: number) => (parsed.runs[run]?.tool.driver.name || 'unknown').toLowerCase();
      const sourcesByRun = parsed.runs.map((_, run): FindingSource[] => [
        { scanner: toolName(run), format: 'sarif', uri: source.uri },
      ]);
      const findings: Finding[] = [];
      const suppressed: SuppressedFinding[] = [];
      for (const entry of pending) {
        const rules = ruleTables.get(
          entry.extension === undefined ? `${entry.run}` : `${entry.run}/${entry.extension}`,
        );
        const facts = findRule(rules, entry);
        const finding = toFinding(entry, facts, sourcesByRun[entry.run]!, intern, canonicalPurl);
        if (entry.suppressedBecause) {
          suppressed.push({ finding, by: 'report', reason: entry.suppressedBecause, origin: source.uri });
        } else {
          findings.push(finding);
        }
      }
      const names = unique(parsed.runs.map((_, run) => toolName(run)));
      const versions = unique(parsed.runs.map((run) => run.tool.driver.version).filter(Boolean));
      const digests = unique(
        parsed.runs.flatMap((run, index) => [
          ...runDigests(run.properties ?? {}),
          ...(locationDigests.get(index) ?? []),
        ]),
      );
      const imageIds = parsed.runs
        .map((run) => run.properties?.imageID ?? run.properties?.imageId)
        .filter((id): id is string => typeof id === 'string');
      const times = parsed.runs.flatMap((run) =>
        (run.invocations ?? []).map((i) => i.endTimeUtc ?? i.startTimeUtc),
      );
      return {
        kind: 'scan',
        report: {
          format: 'sarif',
          scanner: { name: names.join(', ') || 'unknown', version: versions.join(', ') || undefined },
          artifact: {
            name: parsed.runs.map((run) => run.properties?.imageName).find((n) => typeof n === 'string') as
              string | undefined,
            digests,
            imageId: imageIds[0],
          },
          createdAt: times.find((time): time is string => time !== undefined),
          findings,
          ...(suppressed.length > 0 ? { suppressed } : {}),
          source,
        },
      };
    },
  };
}

function toFinding(
  entry: PendingResult,
  rule: RuleFacts | undefined,
  sources: FindingSource[],
  intern: (text: string | undefined) => string | undefined,
  canonicalPurl: (text: string | undefined) => string | undefined,
): Finding {
  const ruleId = entry.ruleId ?? rule?.id ?? 'unnamed-rule';
  const id = VULNERABILITY_ID.exec(ruleId)?.[1]?.toUpperCase() ?? ruleId;
  const purl = canonicalPurl(entry.purl ?? rule?.purl);
  const fromPurl = parsePurl(purl);
  const packageName = entry.stated.packageName ?? rule?.packageName ?? fromPurl?.name;
  const installedVersion =
    entry.stated.installedVersion ?? rule?.installedVersion ?? fromPurl?.version ?? undefined;
  const fixed = entry.stated.fixedVersion ?? rule?.fixedVersion;
  const securitySeverity = entry.securitySeverity ?? rule?.securitySeverity;
  const level = entry.level ?? rule?.defaultLevel ?? 'warning';
  const severity: Severity =
    securitySeverity !== undefined ? severityFromScore(securitySeverity) : severityFromLevel(level);
  const word =
    entry.stated.severity ??
    rule?.severityWord ??
    (securitySeverity !== undefined ? `security-severity ${securitySeverity}` : `level ${level}`);
  const cvss = entry.cvss ?? rule?.cvss;
  const inCode = packageName === undefined;
  const place = entry.uri ?? entry.logicalName;
  return {
    id,
    aliases: unique((rule?.aliases ?? []).filter((alias) => alias !== id)),
    packageName: intern(packageName ?? place ?? '')!,
    installedVersion: intern(installedVersion || undefined),
    fixedVersion: intern(fixed || undefined),
    fixState: fixed === undefined ? undefined : fixed === '' ? 'unfixed' : 'fixed',
    purl,
    severity,
    sourceSeverity: intern(word)!,
    cvssScore: cvss?.score,
    cvssVector: intern(cvss?.vector),
    title: rule?.title,
    url: rule?.url,
    target: entry.uri,
    location: inCode
      ? place && `${place}${entry.line ? `:${entry.line}${entry.column ? `:${entry.column}` : ''}` : ''}`
      : (entry.logicalName ?? entry.uri),
    sources,
  };
}

/** By index when the index names a rule with the same id (or the result has no id), else by id. */
function findRule(rules: RuleTable | undefined, entry: PendingResult): RuleFacts | undefined {
  if (!rules) return undefined;
  if (entry.ruleIndex !== undefined) {
    const byIndex = rules.list[entry.ruleIndex];
    if (byIndex && (entry.ruleId === undefined || byIndex.id === entry.ruleId)) return byIndex;
  }
  if (entry.ruleId === undefined) return undefined;
  rules.byId ??= new Map(rules.list.filter(Boolean).map((rule) => [rule.id, rule]));
  return rules.byId.get(entry.ruleId);
}

interface StatedPackage {
  packageName?: string;
  installedVersion?: string;
  /** '' when the text says there is no fix. */
  fixedVersion?: string;
  severity?: string;
}

const STATED_KEYS: Record<string, keyof StatedPackage> = {
  Package: 'packageName',
  Version: 'installedVersion',
  'Installed Version': 'installedVersion',
  'Fix Version': 'fixedVersion',
  'Fixed Version': 'fixedVersion',
  Severity: 'severity',
};

/** `Key: value` lines (Trivy's result messages, Grype's rule help); the first of each key wins. */
function statedPackage(body: string | undefined): StatedPackage {
  const stated: StatedPackage = {};
  if (!body) return stated;
  for (const line of body.split('\n', 40)) {
    const match = KEY_VALUE_LINE.exec(line);
    const key = match && STATED_KEYS[match[1]!];
    if (key && stated[key] === undefined) stated[key] = match[2]!.trim();
  }
  return stated;
}

/** Snyk writes `source/binary` for OS packages: the binary is what the image installed. */
function snykPackageName(match: RegExpExecArray | null, tags: string[]): string | undefined {
  if (!match) return undefined;
  const name = match[2]!;
  return tags.some((tag) => OS_PACKAGE_TAGS.has(tag)) ? name.slice(name.lastIndexOf('/') + 1) : name;
}

/** Snyk's remediation: `Upgrade … to version X or higher`, or `There is no fixed version`. */
function snykFix(markdown: string | undefined): string | undefined {
  if (!markdown) return undefined;
  const remediation = markdown.slice(markdown.indexOf('## Remediation'));
  if (/There is no fixed version/.test(remediation)) return '';
  return /to version (\S+?) or higher/.exec(remediation)?.[1];
}

function cvssFrom(props: Record<string, unknown>): { score: number; vector?: string } | undefined {
  const score = parseScore(props.cvssv3_baseScore ?? props.cvssV3_baseScore ?? props.cvssv3_score);
  if (score === undefined) return undefined;
  const vector = props.cvssv3_vector ?? props.cvssV3_vector;
  return { score, vector: typeof vector === 'string' ? vector : undefined };
}

function suppressionOf(parsed: SarifResult): string | undefined {
  // A suppression counts unless it is still under review or was rejected (SARIF 3.35.3).
  const accepted = (parsed.suppressions ?? []).find((s) => s.status === undefined || s.status === 'accepted');
  if (!accepted) return undefined;
  const why = accepted.justification ? `: ${shortText(accepted.justification)}` : '';
  return `suppressed in the SARIF report (${accepted.kind ?? 'unspecified'})${why}`;
}

/** Trivy writes `imageName`, `repoDigests` and `imageID` into each run's properties. */
function runDigests(props: Record<string, unknown>): string[] {
  const repoDigests = Array.isArray(props.repoDigests) ? props.repoDigests : [];
  return unique([
    ...repoDigests.flatMap((entry) => (typeof entry === 'string' ? digestsIn(entry) : [])),
    ...(typeof props.imageName === 'string' ? digestsIn(props.imageName) : []),
    ...(isDigest(props.digest) ? [props.digest] : []),
  ]);
}
