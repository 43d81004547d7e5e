/**
 * Snyk's JSON (`snyk test --json`, `snyk container test --json`, and `--all-projects`, which writes
 * a top-level array of the same project documents). A container project lists the image's OS
 * packages in `vulnerabilities` and its applications' projects in `applications`. Snyk repeats a
 * vulnerability once per dependency path: one finding is kept per vulnerability and package version.
 * `filtered.ignore` holds what the project's Snyk policy ignored, kept as suppressed with its reason.
 */
import { z } from 'zod';
import { ConfigurationError } from '../../errors.js';
import type { EvidenceSource, Finding, FindingSource, SuppressedFinding } from '../../model/evidence.js';
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
import { normalizeSeverity } from './scoring/severity.js';

const TITLE = 'Snyk JSON report';

const vulnerability = z.object({
  id: z.string().min(1),
  type: z.string().optional(),
  title: z.string().optional(),
  name: z.string().optional(),
  packageName: z.string().optional(),
  version: z.string(),
  severity: z.string(),
  language: z.string().optional(),
  cvssScore: z.number().nullish(),
  CVSSv3: z.string().nullish(),
  identifiers: z.record(z.string(), z.array(z.unknown()).nullish()).nullish(),
  fixedIn: z.array(z.string()).nullish(),
  nearestFixedInVersion: z.string().nullish(),
  filtered: z
    .object({
      ignored: z
        .array(
          z.object({
            reason: z.string().nullish(),
            expires: z.string().nullish(),
            source: z.string().nullish(),
          }),
        )
        .nullish(),
    })
    .nullish(),
});
type Vulnerability = z.output<typeof vulnerability>;

const project = z.object({
  ok: z.boolean().optional(),
  packageManager: z.string().optional(),
  projectName: z.string().optional(),
  path: z.string().optional(),
  displayTargetFile: z.string().nullish(),
  targetFile: z.string().nullish(),
  filtered: z.object({ ignore: z.array(z.unknown()).nullish() }).nullish(),
  applications: z.array(z.unknown()).nullish(),
});
type Project = z.output<typeof project>;

const IDENTIFIER_KINDS = ['CVE', 'GHSA'];

function isProject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Array.isArray((value as Record<string, unknown>).vulnerabilities) &&
    typeof (value as Record<string, unknown>).packageManager === 'string' &&
    'ok' in value
  );
}

function isFailedProject(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).error === 'string' &&
    !('vulnerabilities' in value)
  );
}

export const snykJson: DocumentFormat = {
  title: TITLE,
  streamed: [
    ['vulnerabilities'],
    ['*', 'vulnerabilities'],
    ['applications', '*', 'vulnerabilities'],
    ['*', 'applications', '*', 'vulnerabilities'],
  ],
  detect: isProject,
  // `--all-projects` writes `{error, path}` for a project it could not test: still Snyk's output.
  detectArray: (document) =>
    document.some(isProject) && document.every((entry) => isProject(entry) || isFailedProject(entry)),
  read: readSnyk,
};

function readSnyk(source: EvidenceSource): FormatReading {
  const intern = createInterner();
  const sources: FindingSource[] = [{ scanner: 'snyk', format: 'snyk-json', uri: source.uri }];
  /** Findings by project (`P` for a project, `P/A` for an application in it), deduplicated by key. */
  const byProject = new Map<string, Map<string, Finding>>();

  const toFinding = (vuln: Vulnerability): Finding => {
    const ids = Object.entries(vuln.identifiers ?? {})
      .filter(([kind]) => IDENTIFIER_KINDS.includes(kind))
      .flatMap(([, values]) => (values ?? []).filter((id): id is string => typeof id === 'string'));
    const fixedIn = vuln.fixedIn ?? undefined;
    const fixed = fixedIn?.length ? fixedIn.join(', ') : (vuln.nearestFixedInVersion ?? undefined);
    return {
      id: vuln.id,
      aliases: unique(ids.filter((id) => id !== vuln.id)),
      packageName: intern(packageOf(vuln))!,
      installedVersion: intern(vuln.version),
      fixedVersion: intern(fixed || undefined),
      fixState: fixed ? 'fixed' : fixedIn !== undefined ? 'unfixed' : undefined,
      severity: normalizeSeverity(vuln.severity),
      sourceSeverity: intern(vuln.severity)!,
      cvssScore: vuln.cvssScore ?? undefined,
      cvssVector: intern(vuln.CVSSv3 ?? undefined),
      title: shortText(vuln.title),
      sources,
    };
  };

  return {
    element({ pattern, indices, value, path, start }: StreamedElement) {
      const vuln = validatePart(vulnerability, value, { source, title: TITLE, path, start });
      // License issues share the list; they are not vulnerabilities.
      if (vuln.type === 'license') return;
      const key = [0, 2].includes(pattern) ? ['', ...indices.slice(0, -1)] : indices.slice(0, -1);
      const projectKey = key.join('/');
      const finding = toFinding(vuln);
      const list = byProject.get(projectKey) ?? new Map<string, Finding>();
      list.set(`${finding.id}\u0000${finding.packageName}\u0000${finding.installedVersion}`, finding);
      byProject.set(projectKey, list);
    },
    finish(document) {
      const list = Array.isArray(document) ? (document as unknown[]) : [document];
      // A project Snyk could not test has unknown findings: the report cannot clear the image.
      const failed = list.findIndex(isFailedProject);
      if (failed !== -1) {
        throw new ConfigurationError(
          'incomplete-scan-report',
          `${source.uri}: Snyk could not test project ${failed} of ${list.length} (its "error" says why); fix it or leave it out of --all-projects, then pass the new report`,
        );
      }
      const projects = list.map((entry, index) =>
        validatePart(project, entry, {
          source,
          title: TITLE,
          path: Array.isArray(document) ? [index] : [],
        }),
      );
      const findings: Finding[] = [];
      const suppressed: SuppressedFinding[] = [];
      const targetOf = (p: Project) => p.displayTargetFile ?? p.targetFile ?? p.projectName ?? p.path;
      const collect = (p: Project, key: string) => {
        const target = intern(targetOf(p) ?? undefined);
        for (const finding of byProject.get(key)?.values() ?? []) {
          if (target !== undefined) finding.target = target;
          findings.push(finding);
        }
        for (const ignored of p.filtered?.ignore ?? []) {
          const parsed = vulnerability.safeParse(ignored);
          if (!parsed.success || parsed.data.type === 'license') continue;
          const finding = { ...toFinding(parsed.data), ...(target !== undefined ? { target } : {}) };
          suppressed.push({ finding, by: 'report', reason: describeIgnore(parsed.data), origin: source.uri });
        }
      };
      projects.forEach((p, index) => {
        const key = Array.isArray(document) ? `${index}` : '';
        collect(p, key);
        (p.applications ?? []).forEach((application, app) => {
          const parsed = validatePart(project, application, {
            source,
            title: TITLE,
            path: Array.isArray(document) ? [index, 'applications', app] : ['applications', app],
          });
          collect(parsed, `${key}/${app}`);
        });
      });
      const names = projects.flatMap((p) => [p.path, p.projectName]);
      return {
        kind: 'scan',
        report: {
          format: 'snyk-json',
          scanner: { name: 'snyk' },
          artifact: {
            name: projects[0]?.path ?? projects[0]?.projectName,
            digests: unique(names.flatMap((name) => digestsIn(name))),
          },
          findings,
          ...(suppressed.length > 0 ? { suppressed } : {}),
          source,
        },
      };
    },
  };
}

/** Snyk names an OS package `source/binary`; the binary is what the image installed. */
function packageOf(vuln: Vulnerability): string {
  const name = vuln.name ?? vuln.packageName ?? '';
  return vuln.language === 'linux' && name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
}

function describeIgnore(vuln: Vulnerability): string {
  const rule = vuln.filtered?.ignored?.[0];
  const reason = shortText(rule?.reason ?? undefined, 160);
  const until = rule?.expires ? ` until ${rule.expires}` : '';
  return `ignored by the Snyk policy${rule?.source ? ` (${rule.source})` : ''}${until}${reason ? `: ${reason}` : ''}`;
}
