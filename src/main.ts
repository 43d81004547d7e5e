/**
 * run(inputs, deps): policy → evidence → decision → reports. Every failure on the way becomes a
 * decision ("could not decide"), so the reports and the check run are always written.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { GitHubClient } from './adapters/github/create-client.js';
import type { Logger } from './adapters/log/logger.js';
import { describeError } from './errors.js';
import { describeDiscovery } from './evidence/discovery-summary.js';
import type { EvidenceDeps } from './evidence/collect.js';
import {
  completeCheckRun,
  forbiddenCheckMessage,
  postStickyComment,
  startCheckRun,
  type CheckRunHandle,
} from './github-reporting.js';
import type { Evidence } from './model/evidence.js';
import { attestationStages, type AttestationDeps } from './provenance/stages.js';
import type { RunInputs } from './inputs.js';
import { undecided, type Decision } from './policy/decision.js';
import type { Policy } from './policy/schema.js';
import { annotationPaths } from './report/annotations.js';
import { exitCodeFor, renderCheckRun } from './report/check-run.js';
import { renderComment } from './report/comment.js';
import { renderJsonReport } from './report/json.js';
import { renderLogLines } from './report/log-lines.js';
import { JOB_SUMMARY_BUDGET, renderMarkdown, type FullReportLink } from './report/markdown.js';
import { renderSarif } from './report/sarif.js';
import { escapeMarkdown } from './report/escape.js';
import { displayPath } from './workspace-path.js';

export interface RunDeps extends EvidenceDeps {
  now(): Date;
  log: Logger;
  toolVersion: string;
  github?: GitHubClient;
  /** The job summary ($GITHUB_STEP_SUMMARY) writer, in the action. */
  writeSummary?(markdown: string): Promise<void>;
  /** Signing and publishing, for the provenance and verification-summary inputs. */
  attestation?: AttestationDeps;
}

export interface RunResult {
  decision: Decision;
  /** 0 pass, 1 the policy failed, 2 could not decide or could not report; always 0 in audit mode. */
  exitCode: 0 | 1 | 2;
  markdown: string;
  checkRunId?: number;
  checkRunUrl?: string;
  jsonReportPath?: string;
  sarifPath?: string;
  commentUrl?: string;
  /** Problems delivering the reports (the decision itself stands). */
  reportErrors: string[];
}

/** What reporting needs of the inputs: enough to report a run that could not even read them. */
export type ReportInputs = Pick<
  RunInputs,
  'checkName' | 'workspace' | 'github' | 'jsonReportPath' | 'markdownReportPath' | 'sarifPath' | 'comment'
>;

export async function run(inputs: RunInputs, deps: RunDeps): Promise<RunResult> {
  const reportErrors: string[] = [];
  // The check goes in progress while the gate works, not before: its requests are then off the
  // critical path (start() never rejects; its failures are report errors).
  const started = start(inputs, deps, reportErrors);
  let decision: Decision;
  try {
    decision = await decide(inputs, deps);
  } catch (error) {
    // decide() turns every expected failure into a decision; this is for the unexpected one, so
    // the check is completed rather than left pending.
    decision = undecided([describeError(error)], inputs.mode ?? 'enforce', deps.now(), 'not loaded');
  }
  return reportOrCompleteAsCrash(decision, inputs, deps, await started, reportErrors);
}

/**
 * For the entry points, when the inputs themselves are wrong: the check run still completes, as
 * a failure that says what to change, and the job summary says it too.
 */
export async function reportUnreadableInputs(
  error: unknown,
  inputs: ReportInputs,
  deps: Omit<RunDeps, keyof EvidenceDeps>,
): Promise<RunResult> {
  const reportErrors: string[] = [];
  const checkRun = await start(inputs, deps, reportErrors);
  const decision = undecided([describeError(error)], 'enforce', deps.now(), 'not loaded');
  return reportOrCompleteAsCrash(decision, inputs, deps, checkRun, reportErrors);
}

/**
 * Reporting itself can fail in a way no single delivery catches (a bug, a logger that throws):
 * the check is then completed as a failure with a plain message rather than left in progress.
 */
async function reportOrCompleteAsCrash(
  decision: Decision,
  inputs: ReportInputs,
  deps: Omit<RunDeps, keyof EvidenceDeps>,
  checkRun: CheckRunHandle,
  reportErrors: string[],
): Promise<RunResult> {
  try {
    return await report(decision, inputs, deps, checkRun, reportErrors);
  } catch (error) {
    const reason = `reporting failed: ${describeError(error)}`;
    const summary = `## ⚠️ ${escapeMarkdown(inputs.checkName, 100)} crashed\n\n${escapeMarkdown(reason, 1000)}\n`;
    if (deps.github && inputs.github && !checkRun.forbidden) {
      const completion = {
        conclusion: 'failure' as const,
        output: { title: 'The gate crashed', summary, annotations: [] },
      };
      await completeCheckRun(inputs.github, inputs.checkName, checkRun, completion, {
        ...deps,
        github: deps.github,
      }).catch(() => undefined);
    }
    return { decision, exitCode: 2, markdown: summary, checkRunId: checkRun.id, reportErrors: [reason] };
  }
}

async function decide(inputs: RunInputs, deps: RunDeps): Promise<Decision> {
  let policy: Policy | undefined;
  let evidence: Evidence | undefined;
  const attestations = attestationStages(inputs, deps);
  try {
    // Loaded here, not with this module: while they load, the check run is being started. One
    // at a time: jest's module linker fails on concurrent imports that share a dependency.
    const { resolvePolicy } = await import('./policy/document/resolve.js');
    const { collectEvidence } = await import('./evidence/collect.js');
    const { evaluatePolicy } = await import('./policy/evaluate.js');
    policy = await resolvePolicy(inputs, deps);
    deps.log.info(`Policy: ${policy.origin}`);
    // Made first, so the evidence below finds and verifies it like any other attestation.
    const provenance = await attestations.provenance();
    if (provenance) deps.log.info(provenance.note);
    evidence = await collectEvidence(inputs, deps, policy, provenance);
    deps.log.info(`Image: ${evidence.image.name}@${evidence.image.digest}`);
    deps.log.info(describeDiscovery(evidence));
    const evaluated = evaluatePolicy(policy, evidence, deps.now());
    const decision = provenance
      ? { ...evaluated, notes: [...(evaluated.notes ?? []), provenance.note] }
      : evaluated;
    const summarized = await attestations.verificationSummary(decision, policy);
    return inputs.mode ? { ...summarized, mode: inputs.mode } : summarized;
  } catch (error) {
    const reason = describeError(error);
    deps.log.error(reason);
    return undecided(
      [reason],
      inputs.mode ?? policy?.mode ?? 'enforce',
      deps.now(),
      policy?.origin ?? 'not loaded',
      evidence,
    );
  }
}

async function start(
  inputs: ReportInputs,
  deps: Omit<RunDeps, keyof EvidenceDeps>,
  reportErrors: string[],
): Promise<CheckRunHandle> {
  if (!deps.github || !inputs.github) return {};
  try {
    return await startCheckRun(inputs.github, inputs.checkName, { ...deps, github: deps.github });
  } catch (error) {
    reportErrors.push(`starting the check run failed: ${describeError(error)}`);
    return {};
  }
}

async function report(
  decision: Decision,
  inputs: ReportInputs,
  deps: Omit<RunDeps, keyof EvidenceDeps>,
  started: CheckRunHandle,
  reportErrors: string[],
): Promise<RunResult> {
  for (const line of renderLogLines(decision, inputs.checkName)) deps.log.info(line);
  const attempt = async (what: string, action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      reportErrors.push(`${what} failed: ${describeError(error)}`);
    }
  };
  const jsonPath = inputs.jsonReportPath ? resolve(inputs.workspace, inputs.jsonReportPath) : undefined;
  const fullReport: FullReportLink | undefined = jsonPath
    ? { path: displayPath(jsonPath, inputs.workspace), runUrl: inputs.github?.detailsUrl }
    : undefined;
  const repoFiles = await existingFiles(annotationPaths(decision), inputs.workspace);
  const isRepoFile = (path: string) => repoFiles.has(path);
  const markdown = renderMarkdown(decision, { checkName: inputs.checkName, fullReport });
  const result: RunResult = { decision, exitCode: 0, markdown, reportErrors };

  if (jsonPath) {
    await attempt('writing the JSON report', async () => {
      const json = renderJsonReport(decision, { checkName: inputs.checkName, toolVersion: deps.toolVersion });
      await writeTextFile(jsonPath, json);
      result.jsonReportPath = jsonPath;
    });
  }
  if (inputs.sarifPath) {
    const path = resolve(inputs.workspace, inputs.sarifPath);
    await attempt('writing the SARIF file', async () => {
      const sarif = renderSarif(decision, {
        checkName: inputs.checkName,
        toolVersion: deps.toolVersion,
        isRepoFile,
      });
      await writeTextFile(path, sarif);
      result.sarifPath = path;
    });
  }
  if (inputs.markdownReportPath) {
    const path = resolve(inputs.workspace, inputs.markdownReportPath);
    await attempt('writing the markdown report', () => writeTextFile(path, markdown));
  }

  let checkRun = started;
  const { github } = deps;
  const target = inputs.github;
  if (github && target && !checkRun.forbidden) {
    await attempt('completing the check run', async () => {
      const completion = renderCheckRun(decision, { checkName: inputs.checkName, fullReport, isRepoFile });
      checkRun = await completeCheckRun(target, inputs.checkName, checkRun, completion, {
        ...deps,
        github,
      });
    });
  }
  result.checkRunId = checkRun.id;
  result.checkRunUrl = checkRun.htmlUrl;
  if (checkRun.forbidden) reportErrors.push(forbiddenCheckMessage(checkRun.forbidden));

  if (inputs.comment && github && target) {
    const pullRequestNumber = target.pullRequestNumber;
    if (pullRequestNumber === undefined) {
      deps.log.info('No pull request in this event: the summary comment is skipped.');
    } else {
      await attempt('posting the pull request comment', async () => {
        const body = renderComment(decision, {
          checkName: inputs.checkName,
          fullReport,
          checkRunUrl: checkRun.htmlUrl,
        });
        const posted = { ...target, pullRequestNumber };
        result.commentUrl = await postStickyComment(posted, inputs.checkName, body, { ...deps, github });
      });
    }
  }

  // Last, so it can say what could not be delivered: for a fork's read-only run it is the report.
  if (deps.writeSummary) {
    const summary = renderMarkdown(decision, {
      checkName: inputs.checkName,
      fullReport,
      budgetBytes: JOB_SUMMARY_BUDGET,
      maxFindingRows: 1_000,
      notices: checkRun.forbidden ? [forbiddenCheckMessage(checkRun.forbidden)] : [],
    });
    await attempt('writing the job summary', () => deps.writeSummary!(summary));
  }

  for (const problem of reportErrors) deps.log.error(problem);
  // Audit mode reports everything and blocks nothing, including the step's own exit.
  result.exitCode = decision.mode === 'audit' ? 0 : reportErrors.length > 0 ? 2 : exitCodeFor(decision);
  return result;
}

/** Which of these workspace-relative paths are files, so annotations only point at real ones. */
async function existingFiles(paths: string[], workspace: string): Promise<Set<string>> {
  const found = await Promise.all(
    paths.map(async (path) => {
      const info = await stat(resolve(workspace, path)).catch(() => undefined);
      return info?.isFile() ? [path] : [];
    }),
  );
  return new Set(found.flat());
}

async function writeTextFile(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text, 'utf8');
}
