/**
 * The JSON report of a watch run, one entry per image: what `status` reads back (each matrix job
 * uploads its report, a final job renders them all). Rendering is pure; the reader checks every
 * field, since the files come from artifacts anyone with write access could have replaced.
 */
import { z } from 'zod';
import { bySeverityThenId, countBySeverity, mergeFindings } from '../evidence/findings.js';
import { SEVERITIES, type Finding } from '../model/evidence.js';
import { ConfigurationError } from '../errors.js';
import type { WatchImageResult } from '../watch/types.js';

export const WATCH_REPORT_KIND = 'supply-chain-gate/watch';
export const WATCH_REPORT_VERSION = 1;
const WORST_FINDINGS = 5;

const severity = z.enum(SEVERITIES);
const text = z.string().max(10_000);

const imageEntry = z.object({
  key: text,
  name: text,
  tag: text.optional(),
  digest: text.optional(),
  previousDigest: text.optional(),
  verdict: z.enum(['pass', 'fail', 'error']),
  mode: z.enum(['enforce', 'audit']),
  since: text.optional(),
  evaluatedAt: text,
  errors: z.array(text),
  notes: z.array(text),
  failing: z.array(z.object({ ruleId: text, title: text, message: text, remediation: text.optional() })),
  warnings: z.array(z.object({ ruleId: text, title: text })),
  worstFindings: z.array(
    z.object({
      id: text,
      severity,
      packageName: text,
      installedVersion: text.optional(),
      fixedVersion: text.optional(),
      title: text.optional(),
    }),
  ),
  findingCounts: z.record(severity, z.number().int().min(0)),
  issue: z
    .object({
      number: z.number().int().positive(),
      url: text,
      state: z.enum(['open', 'closed']),
      action: z.enum(['opened', 'reopened', 'updated', 'commented', 'closed', 'unchanged']),
    })
    .optional(),
  sarifUpload: z.object({ id: text, category: text }).optional(),
  reportErrors: z.array(text),
});

const watchReport = z.object({
  kind: z.literal(WATCH_REPORT_KIND),
  reportVersion: z.literal(WATCH_REPORT_VERSION),
  tool: z.object({ name: text, version: text }),
  checkName: text,
  policy: text,
  startedAt: text,
  finishedAt: text,
  runUrl: text.optional(),
  errors: z.array(text),
  images: z.array(imageEntry).max(100_000),
});

export type WatchReport = z.output<typeof watchReport>;
export type WatchReportImage = z.output<typeof imageEntry>;

export function watchReportImage(result: WatchImageResult): WatchReportImage {
  const { decision } = result;
  const failing = decision.results.filter((r) => r.status === 'fail');
  const findings: Finding[] = mergeFindings(failing.flatMap((r) => r.findings ?? [])).sort(bySeverityThenId);
  return {
    key: result.key,
    name: result.name,
    ...(result.tag === undefined ? {} : { tag: result.tag }),
    ...(result.digest === undefined ? {} : { digest: result.digest }),
    ...(result.previousDigest === undefined ? {} : { previousDigest: result.previousDigest }),
    verdict: decision.verdict,
    mode: decision.mode,
    ...(result.since === undefined ? {} : { since: result.since }),
    evaluatedAt: decision.evaluatedAt,
    errors: decision.errors,
    notes: result.notes,
    failing: failing.map((r) => ({
      ruleId: r.ruleId,
      title: r.title,
      message: r.message,
      ...(r.remediation === undefined ? {} : { remediation: r.remediation }),
    })),
    warnings: decision.results
      .filter((r) => r.status === 'warn')
      .map((r) => ({ ruleId: r.ruleId, title: r.title })),
    worstFindings: findings.slice(0, WORST_FINDINGS).map((f) => ({
      id: f.id,
      severity: f.severity,
      packageName: f.packageName,
      ...(f.installedVersion === undefined ? {} : { installedVersion: f.installedVersion }),
      ...(f.fixedVersion === undefined ? {} : { fixedVersion: f.fixedVersion }),
      ...(f.title === undefined ? {} : { title: f.title }),
    })),
    findingCounts: countBySeverity(findings),
    ...(result.issue === undefined ? {} : { issue: result.issue }),
    ...(result.sarifUpload === undefined ? {} : { sarifUpload: result.sarifUpload }),
    reportErrors: result.reportErrors,
  };
}

export function renderWatchReport(
  results: readonly WatchImageResult[],
  run: {
    checkName: string;
    toolVersion: string;
    policy: string;
    startedAt: string;
    finishedAt: string;
    runUrl?: string;
    errors: string[];
  },
): string {
  const report: WatchReport = {
    kind: WATCH_REPORT_KIND,
    reportVersion: WATCH_REPORT_VERSION,
    tool: { name: 'supply-chain-gate', version: run.toolVersion },
    checkName: run.checkName,
    policy: run.policy,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    ...(run.runUrl === undefined ? {} : { runUrl: run.runUrl }),
    errors: run.errors,
    images: results.map(watchReportImage),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** A report file's text → the report; a one-line error naming the file (and where, never what). */
export function parseWatchReport(source: string, file: string): WatchReport {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    const position = /at position (\d+)/.exec((error as Error).message)?.[1];
    throw new ConfigurationError(
      'invalid-watch-report',
      `${file}${position === undefined ? '' : `:${lineColumn(source, Number(position))}`}: not valid JSON; give the --json file a watch run wrote`,
    );
  }
  const parsed = watchReport.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.map(String).join('.') || '(root)';
    throw new ConfigurationError(
      'invalid-watch-report',
      `${file}: ${where}: ${issue.message}; give the --json file a watch run (report version ${WATCH_REPORT_VERSION}) wrote`,
    );
  }
  return parsed.data;
}

function lineColumn(source: string, offset: number): string {
  const before = source.slice(0, offset).split('\n');
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}
