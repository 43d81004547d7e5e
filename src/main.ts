/**
 * run(inputs, deps): policy → evidence → decision → reports. Every failure on the way becomes a
 * decision ("could not decide"), so the reports and the check run are always written.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { GitHubClient } from './adapters/github/create-client.js';
import { logBlock, type Logger } from './adapters/log/logger.js';
import { ConfigurationError, describeError } from './errors.js';
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
import { misconfigured, undecided, type Decision } from './policy/decision.js';
import type { Policy } from './policy/schema.js';
import { annotationPaths, repoPathOf } from './report/annotations.js';
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

/** What reporting needs of the dependencies; the request log, to count the whole run's requests. */
type ReportDeps = Omit<RunDeps, keyof EvidenceDeps> & Pick<EvidenceDeps, 'requestLog'>;

export interface RunResult {
  decision: Decision;
  /** 0 pass, 1 the policy failed, 2 could not decide or could not report; always 0 in audit mode. */
  exitCode: 0 | 1 | 2;
  markdown: string;
  checkRunId?: number;
  checkRunUrl?: string;
  jsonReportPath?: string;
  sarifPath?: string;
  /** The evidence snapshot written (`evidenceOutPath`), when there was evidence to write. */
  evidencePath?: string;
  commentUrl?: string;
  /** Problems delivering the reports (the decision itself stands). */
  reportErrors: string[];
}

/** What reporting needs of the inputs: enough to report a run that could not even read them. */
export type ReportInputs = Pick<
  RunInputs,
  | 'checkName'
  | 'workspace'
  | 'github'
  | 'jsonReportPath'
  | 'markdownReportPath'
  | 'sarifPath'
  | 'evidenceOutPath'
  | 'comment'
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
    decision = decisionForFailure(error, inputs.mode ?? 'enforce', deps, 'not loaded');
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
  deps: ReportDeps,
): Promise<RunResult> {
  const reportErrors: string[] = [];
  const checkRun = await start(inputs, deps, reportErrors);
  const decision = decisionForFailure(error, 'enforce', deps, 'not loaded');
  return reportOrCompleteAsCrash(decision, inputs, deps, checkRun, reportErrors);
}

/**
 * Reporting itself can fail in a way no single delivery catches (a bug, a logger that throws):
 * the check is then completed as a failure with a plain message rather than left in progress.
 */
async function reportOrCompleteAsCrash(
  decision: Decision,
  inputs: ReportInputs,
  deps: ReportDeps,
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
    const { collectEvidenceForPolicy } = await import('./evidence/collect.js');
    const { evaluatePolicy } = await import('./policy/evaluate.js');
    policy = await resolvePolicy(inputs, deps);
    deps.log.info(`Policy: ${policy.origin}`);
    // Made first, so the evidence below finds and verifies it like any other attestation.
    const provenance = await attestations.provenance();
    if (provenance) deps.log.info(provenance.note);
    // The image's effective policy is chosen once, by collection, and evaluated as chosen.
    const collected = await collectEvidenceForPolicy(inputs, deps, policy, provenance);
    evidence = collected.evidence;
    deps.log.info(`Image: ${evidence.image.name}@${evidence.image.digest}`);
    deps.log.info(describeDiscovery(evidence));
    const evaluated = evaluatePolicy(policy, evidence, deps.now(), { effective: collected.effective });
    const decision = provenance
      ? { ...evaluated, notes: [...(evaluated.notes ?? []), provenance.note] }
      : evaluated;
    let summarized = await attestations.verificationSummary(decision, policy);
    if (inputs.dependencySubmission) {
      const { submitDependencies } = await import('./dependency-graph/submit.js');
      summarized = await submitDependencies(summarized, policy, inputs.dependencySubmission, deps);
    }
    const decided = inputs.mode ? { ...summarized, mode: inputs.mode } : summarized;
    // What the change's own policy would decide: shown beside the decision, never instead of it.
    const preview = inputs.policyBase?.head
      ? await (
          await import('./policy/authoring/proposed-policy.js')
        ).previewProposedPolicy(
          inputs,
          deps,
          { policy, effective: collected.effective, decision: evaluated, evidence },
          deps.now(),
        )
      : undefined;
    return preview ? { ...decided, preview } : decided;
  } catch (error) {
    const mode = inputs.mode ?? policy?.mode ?? 'enforce';
    // The policy is the gate's configuration, and so is what the token may do; a scan report or a
    // bundle that cannot be read is evidence that is unreadable, even when it is the user's file.
    if (error instanceof ConfigurationError && (policy === undefined || TOKEN_SETUP.has(error.code))) {
      return decisionForFailure(error, mode, deps, policy?.origin ?? 'not loaded', evidence);
    }
    const reason = describeError(error);
    deps.log.error(reason);
    return undecided([reason], mode, deps.now(), policy?.origin ?? 'not loaded', evidence);
  }
}

/** Refusals that mean the job's token or permissions are set up wrong. */
const TOKEN_SETUP = new Set(['github-forbidden', 'github-unauthorized']);

/**
 * A failure as a decision: a ConfigurationError is the gate's setup that is wrong (an input, the
 * policy, the token), reported as such with every problem, each logged on its own line and, when
 * it is on a line of a repository file, as an annotation there; anything else is "could not decide".
 */
function decisionForFailure(
  error: unknown,
  mode: Decision['mode'],
  deps: Pick<RunDeps, 'log' | 'now'>,
  policyOrigin: string,
  evidence?: Evidence,
): Decision {
  if (!(error instanceof ConfigurationError)) {
    return undecided([describeError(error)], mode, deps.now(), policyOrigin, evidence);
  }
  const decision = misconfigured(error.problems, mode, deps.now(), policyOrigin, evidence);
  decision.misconfiguration!.forEach((problem, index) => {
    const { position } = problem;
    // A position in a file read at another commit (`file@ref`) is not a line of this checkout.
    const path = position && !position.file.includes('@') ? repoPathOf(position.file) : undefined;
    const at = path && position ? { file: path, line: position.line, column: position.column } : undefined;
    deps.log.error(decision.errors[index]!, at && { ...at, title: 'supply-chain-gate: misconfigured' });
  });
  return decision;
}

async function start(
  inputs: ReportInputs,
  deps: ReportDeps,
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
  deps: ReportDeps,
  started: CheckRunHandle,
  reportErrors: string[],
): Promise<RunResult> {
  logBlock(deps.log, renderLogLines(decision, inputs.checkName));
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
  if (inputs.evidenceOutPath && decision.evidence) {
    const path = resolve(inputs.workspace, inputs.evidenceOutPath);
    const evidence = decision.evidence;
    await attempt('writing the evidence snapshot', async () => {
      const { renderEvidenceSnapshot, withConfigSecretScan } = await import('./evidence/snapshot.js');
      const text = renderEvidenceSnapshot(await withConfigSecretScan(evidence), {
        toolVersion: deps.toolVersion,
        createdAt: deps.now(),
        decision,
      });
      await writeTextFile(path, text);
      result.evidencePath = path;
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
  if (checkRun.forbidden) reportErrors.push(forbiddenCheckMessage(checkRun.forbidden, inputs.github?.event));

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

  // After the check run and the comment, so its `stats` count every request the run sent.
  if (jsonPath) {
    await attempt('writing the JSON report', async () => {
      const json = renderJsonReport(decision, {
        checkName: inputs.checkName,
        toolVersion: deps.toolVersion,
        stats: deps.requestLog?.statsSince(),
      });
      await writeTextFile(jsonPath, json);
      result.jsonReportPath = jsonPath;
    });
  }

  // Last, so it can say what could not be delivered: for a fork's read-only run it is the report.
  if (deps.writeSummary) {
    const summary = renderMarkdown(decision, {
      checkName: inputs.checkName,
      fullReport,
      budgetBytes: JOB_SUMMARY_BUDGET,
      maxFindingRows: 1_000,
      notices: checkRun.forbidden ? [forbiddenCheckMessage(checkRun.forbidden, inputs.github?.event)] : [],
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
