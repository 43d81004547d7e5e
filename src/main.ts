/**
 * run(inputs, deps): policy → evidence → decision → reports. Every failure on the way becomes a
 * decision ("could not decide"), so the reports and the check run are always written.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { GitHubClient } from './adapters/github.js';
import type { Logger } from './adapters/logger.js';
import { describeError } from './errors.js';
import { collectEvidence, displayPath, type EvidenceDeps } from './evidence/collect.js';
import type { Evidence } from './evidence/types.js';
import type { RunInputs } from './inputs.js';
import type { Decision } from './policy/decision.js';
import { evaluatePolicy, undecided } from './policy/evaluate.js';
import { resolvePolicy } from './policy/resolve.js';
import type { Policy } from './policy/schema.js';
import { exitCodeFor, renderCheckRun } from './report/check-run.js';
import { renderJsonReport } from './report/json.js';
import { renderMarkdown } from './report/markdown.js';

export interface RunDeps extends EvidenceDeps {
  now(): Date;
  log: Logger;
  toolVersion: string;
  github?: GitHubClient;
  /** The job summary ($GITHUB_STEP_SUMMARY) writer, in the action. */
  writeSummary?(markdown: string): Promise<void>;
}

export interface RunResult {
  decision: Decision;
  /** 0 pass, 1 the policy failed, 2 could not decide or could not report; always 0 in audit mode. */
  exitCode: 0 | 1 | 2;
  markdown: string;
  checkRunId?: number;
  checkRunUrl?: string;
  jsonReportPath?: string;
  /** Problems delivering the reports (the decision itself stands). */
  reportErrors: string[];
}

export async function run(inputs: RunInputs, deps: RunDeps): Promise<RunResult> {
  const reportErrors: string[] = [];
  const checkRun = await startCheckRun(inputs, deps).catch((error: unknown) => {
    reportErrors.push(`creating the check run failed: ${describeError(error)}`);
    return undefined;
  });

  const decision = await decide(inputs, deps);
  const reported = await report(decision, inputs, deps, checkRun?.id, reportErrors);
  // Audit mode reports everything and blocks nothing, including the step's own exit.
  const exitCode = decision.mode === 'audit' ? 0 : reportErrors.length > 0 ? 2 : exitCodeFor(decision);
  for (const problem of reportErrors) deps.log.error(problem);
  return {
    ...reported,
    decision,
    exitCode,
    reportErrors,
    checkRunUrl: checkRun?.htmlUrl ?? reported.checkRunUrl,
  };
}

async function decide(inputs: RunInputs, deps: RunDeps): Promise<Decision> {
  let policy: Policy | undefined;
  let evidence: Evidence | undefined;
  try {
    policy = await resolvePolicy(inputs, deps.log);
    deps.log.info(`Policy: ${policy.origin}`);
    evidence = await collectEvidence(inputs, deps);
    deps.log.info(`Image: ${evidence.image.name}@${evidence.image.digest}`);
    const decision = evaluatePolicy(policy, evidence, deps.now());
    return inputs.mode ? { ...decision, mode: inputs.mode } : decision;
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

async function startCheckRun(inputs: RunInputs, deps: RunDeps) {
  if (!deps.github || !inputs.github) return undefined;
  const target = inputs.github;
  const created = await deps.github.createCheckRun({
    owner: target.owner,
    repo: target.repo,
    name: inputs.checkName,
    headSha: target.headSha,
    status: 'in_progress',
    startedAt: deps.now().toISOString(),
    detailsUrl: target.detailsUrl,
  });
  deps.log.info(`Check run "${inputs.checkName}" started on ${target.headSha}`);
  return created;
}

async function report(
  decision: Decision,
  inputs: RunInputs,
  deps: RunDeps,
  checkRunId: number | undefined,
  reportErrors: string[],
): Promise<{ markdown: string; checkRunId?: number; checkRunUrl?: string; jsonReportPath?: string }> {
  const hint = inputs.jsonReportPath
    ? `The full report is in ${displayPath(resolve(inputs.workspace, inputs.jsonReportPath), inputs.workspace)}.`
    : undefined;
  const markdown = renderMarkdown(decision, { checkName: inputs.checkName, fullReportHint: hint });
  const attempt = async (what: string, action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      reportErrors.push(`${what} failed: ${describeError(error)}`);
    }
  };

  let jsonReportPath: string | undefined;
  if (inputs.jsonReportPath) {
    const path = resolve(inputs.workspace, inputs.jsonReportPath);
    await attempt('writing the JSON report', async () => {
      await writeTextFile(
        path,
        renderJsonReport(decision, { checkName: inputs.checkName, toolVersion: deps.toolVersion }),
      );
      jsonReportPath = path;
    });
  }
  if (inputs.markdownReportPath) {
    const path = resolve(inputs.workspace, inputs.markdownReportPath);
    await attempt('writing the markdown report', () => writeTextFile(path, markdown));
  }
  if (deps.writeSummary) await attempt('writing the job summary', () => deps.writeSummary!(markdown));

  let id = checkRunId;
  let url: string | undefined;
  if (deps.github && inputs.github) {
    const target = inputs.github;
    const completion = renderCheckRun(decision, inputs.checkName, hint);
    const github = deps.github;
    await attempt('completing the check run', async () => {
      const completedAt = deps.now().toISOString();
      if (id === undefined) {
        const created = await github.createCheckRun({
          owner: target.owner,
          repo: target.repo,
          name: inputs.checkName,
          headSha: target.headSha,
          status: 'completed',
          conclusion: completion.conclusion,
          completedAt,
          detailsUrl: target.detailsUrl,
          output: completion.output,
        });
        id = created.id;
        url = created.htmlUrl;
      } else {
        await github.updateCheckRun({
          owner: target.owner,
          repo: target.repo,
          checkRunId: id,
          status: 'completed',
          conclusion: completion.conclusion,
          completedAt,
          output: completion.output,
        });
      }
      deps.log.info(`Check run "${inputs.checkName}" completed: ${completion.conclusion}`);
    });
  }
  return { markdown, checkRunId: id, checkRunUrl: url, jsonReportPath };
}

async function writeTextFile(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text, 'utf8');
}
