/**
 * The watch action's entry (`OWNER/supply-chain-gate/watch@v1`, dist/watch.js): the only place
 * that reads its inputs and the workflow's environment. With `images` it judges them and keeps
 * the issues; with `reports` it renders the status of a whole run (the final job of a matrix).
 */
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as core from '@actions/core';
import { createActionsLogger } from './adapters/log/actions-logger.js';
import { ConfigurationError, describeError, type ConfigurationCode } from './errors.js';
import { readWorkflowContext, splitRepository } from './github-context.js';
import { DEFAULT_CHECK_NAME } from './inputs.js';
import { escapeLogLine } from './report/escape.js';
import { combineReports, renderStatusHtml, renderStatusMarkdown } from './report/status.js';
import { parseWatchReport, renderWatchReport } from './report/watch-json.js';
import { VERSION } from './version.js';
import { createRunDeps } from './run-deps.js';
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_IMAGES, watch, watchExitCode } from './watch/engine.js';
import { DEFAULT_LABEL } from './watch/issues.js';
import { openWatchGitHub } from './adapters/github/watch.js';
import { readWatchReports, writeTextFile } from './watch/report-files.js';
import { parseScanOption } from './watch/targets.js';

const optional = (name: string) => core.getInput(name) || undefined;

/** The watch action's true/false and count inputs, each with the code a bad value is reported under. */
const BOOLEAN_INPUTS = {
  'dry-run': 'invalid-dry-run',
  'upload-sarif': 'invalid-upload-sarif',
} as const satisfies Record<string, ConfigurationCode>;
const COUNT_INPUTS = {
  'max-images': 'invalid-max-images',
  concurrency: 'invalid-concurrency',
} as const satisfies Record<string, ConfigurationCode>;

function booleanInput(name: keyof typeof BOOLEAN_INPUTS): boolean {
  const text = optional(name);
  if (text === undefined) return false;
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  throw new ConfigurationError(
    BOOLEAN_INPUTS[name],
    `the "${name}" input takes true or false, got ${JSON.stringify(text.slice(0, 40))}`,
  );
}

function countInput(name: keyof typeof COUNT_INPUTS, fallback: number): number {
  const text = optional(name);
  if (text === undefined) return fallback;
  if (/^[1-9][0-9]{0,6}$/.test(text)) return Number(text);
  throw new ConfigurationError(
    COUNT_INPUTS[name],
    `the "${name}" input takes a positive whole number, got ${JSON.stringify(text.slice(0, 40))}`,
  );
}

async function main(): Promise<void> {
  const token = optional('github-token');
  if (token) core.setSecret(token);
  const password = optional('registry-password');
  if (password) core.setSecret(password);
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const images = core.getMultilineInput('images');
  const reports = core.getMultilineInput('reports');
  if (images.length > 0 && reports.length > 0) {
    throw new ConfigurationError(
      'invalid-inputs',
      'give either "images" (watch the images) or "reports" (render their status), not both',
    );
  }
  if (reports.length > 0) return statusMode(reports, workspace);
  if (images.length === 0) {
    throw new ConfigurationError(
      'missing-image',
      'the "images" input is required: the images to watch, one per line (or "reports" to render a status page)',
    );
  }

  const log = createActionsLogger();
  const context = readWorkflowContext(process.env);
  const payload = process.env.GITHUB_EVENT_PATH
    ? (JSON.parse(await readFile(process.env.GITHUB_EVENT_PATH, 'utf8')) as {
        repository?: { default_branch?: unknown };
      })
    : undefined;
  const repository = context.repository ? splitRepository(context.repository) : undefined;
  const dryRun = booleanInput('dry-run');
  const uploadSarif = booleanInput('upload-sarif');
  const checkName = optional('check-name') ?? DEFAULT_CHECK_NAME;
  const runUrl =
    context.runId && context.repository
      ? `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}`
      : undefined;
  const github =
    repository && token
      ? await openWatchGitHub({
          apiUrl: context.apiUrl,
          token,
          ...repository,
          onRetry: (message) => log.warning(message),
        })
      : undefined;
  if (!github && !dryRun) {
    throw new ConfigurationError(
      'missing-token',
      'watch writes issues with the "github-token" input (issues: write); set it, or dry-run: true',
    );
  }
  // The default branch's policy, never another ref's: a scheduled run is on the default branch
  // already; a run dispatched on a branch reads the policy from the default branch.
  const defaultBranch =
    typeof payload?.repository?.default_branch === 'string' ? payload.repository.default_branch : undefined;
  const onDefaultBranch =
    defaultBranch === undefined || process.env.GITHUB_REF === `refs/heads/${defaultBranch}`;
  const username = optional('registry-username');
  const registryCredentials = username && password ? { username, password } : undefined;
  const reportPath = resolve(workspace, optional('report-path') ?? 'supply-chain-gate-watch.json');
  const run = await watch(
    {
      images,
      scans: core.getMultilineInput('scan-results').map(parseScanOption),
      policyPath: optional('policy'),
      ...(!onDefaultBranch && repository && defaultBranch
        ? {
            policyBase: {
              ...repository,
              ref: defaultBranch,
              event: `a run on ${process.env.GITHUB_REF ?? 'another ref'}`,
            },
          }
        : {}),
      workspace,
      trustedRootPath: optional('trusted-root'),
      maxImages: countInput('max-images', DEFAULT_MAX_IMAGES),
      concurrency: countInput('concurrency', DEFAULT_CONCURRENCY),
      checkName,
      label: optional('label') ?? DEFAULT_LABEL,
      dryRun,
      registryCredentials,
      githubToken: token,
      ...(context.repository ? { repositoryUrl: `${context.serverUrl}/${context.repository}` } : {}),
      ...(runUrl ? { runUrl } : {}),
      ...(uploadSarif ? { sarifUpload: { commitSha: context.sha, ref: process.env.GITHUB_REF ?? '' } } : {}),
    },
    {
      ...createRunDeps({
        env: process.env,
        log,
        workspace,
        registryCredentials,
        githubToken: token,
        trustedRootPath: optional('trusted-root'),
        // A docker credential helper's secret is masked before it is used, as in the gate's action.
        maskSecret: (secret) => core.setSecret(secret),
        // The current Sigstore roots, refreshed over TUF (cached per job), as the gate's action does.
        tufCacheDir: join(process.env.RUNNER_TEMP || tmpdir(), 'supply-chain-gate-tuf'),
        github: github?.client,
      }),
      ...(github ? { tracker: github.tracker, sarif: github.tracker } : {}),
    },
  );
  const reportText = renderWatchReport(run.results, {
    checkName,
    toolVersion: VERSION,
    policy: run.policyOrigin,
    startedAt: run.startedAt,
    finishedAt: new Date().toISOString(),
    ...(runUrl ? { runUrl } : {}),
    errors: run.errors,
  });
  await writeTextFile(reportPath, reportText);
  const overview = combineReports([parseWatchReport(reportText, reportPath)], new Date().toISOString());
  await core.summary.addRaw(renderStatusMarkdown(overview)).write();
  for (const error of run.errors) log.error(error);
  core.setOutput('failing', String(run.results.filter((r) => r.decision.verdict === 'fail').length));
  core.setOutput('errors', String(run.results.filter((r) => r.decision.verdict === 'error').length));
  core.setOutput('report-path', reportPath);
  const exitCode = watchExitCode(run);
  if (exitCode !== 0) {
    core.setFailed(
      exitCode === 1
        ? 'Some images fail the supply-chain policy: see their issues and the job summary.'
        : 'Some images (or the run) could not be judged or reported: see the errors above.',
    );
  }
}

async function statusMode(paths: string[], workspace: string): Promise<void> {
  const reports = await readWatchReports(paths, workspace);
  const overview = combineReports(reports, new Date().toISOString());
  const htmlPath = resolve(workspace, optional('status-html') ?? 'supply-chain-gate-status.html');
  await writeTextFile(htmlPath, renderStatusHtml(overview));
  await core.summary.addRaw(renderStatusMarkdown(overview)).write();
  core.setOutput('failing', String(overview.images.filter((i) => i.verdict === 'fail').length));
  core.setOutput('errors', String(overview.images.filter((i) => i.verdict === 'error').length));
  core.setOutput('status-html', htmlPath);
}

main().catch((error: unknown) => {
  core.setFailed(escapeLogLine(describeError(error)));
});
