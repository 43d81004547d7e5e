/**
 * The action's entry: the only place that reads action inputs and the workflow's environment.
 * It turns them into RunInputs once, calls run(), and maps the result to outputs and the step's
 * success or failure.
 */
import { readFile } from 'node:fs/promises';
import * as core from '@actions/core';
import { createGitHubClient } from './adapters/github.js';
import { openImageStore } from './adapters/open-image-store.js';
import { createActionsLogger } from './adapters/actions-logger.js';
import { ConfigurationError, describeError } from './errors.js';
import { checkRunHeadSha, readWorkflowContext, splitRepository } from './github-context.js';
import { DEFAULT_CHECK_NAME, parsePlatform, type RunInputs } from './inputs.js';
import { run } from './main.js';
import { escapeLogLine } from './report/escape.js';
import { VERSION } from './version.js';

async function main(): Promise<void> {
  const log = createActionsLogger();
  const inputs = await readInputs();
  const result = await run(inputs, {
    now: () => new Date(),
    log,
    toolVersion: VERSION,
    openImageStore: (reference) =>
      openImageStore(reference, {
        credentials: inputs.registryCredentials,
        githubToken: inputs.githubToken,
        env: process.env,
      }),
    github: inputs.github
      ? createGitHubClient({ apiUrl: inputs.github.apiUrl, token: inputs.github.token })
      : undefined,
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown).write();
    },
  });
  core.setOutput('verdict', result.decision.verdict);
  core.setOutput('check-run-id', result.checkRunId === undefined ? '' : String(result.checkRunId));
  core.setOutput('report-path', result.jsonReportPath ?? '');
  core.setOutput('digest', result.decision.evidence?.image.digest ?? '');
  if (result.exitCode !== 0) {
    core.setFailed(
      result.exitCode === 1
        ? 'The image failed the supply-chain policy: see the check run or the job summary.'
        : 'The gate could not decide (see the errors above); it fails closed.',
    );
  }
}

async function readInputs(): Promise<RunInputs> {
  const optional = (name: string) => core.getInput(name) || undefined;
  const password = optional('registry-password');
  if (password) core.setSecret(password);
  const token = optional('github-token');
  if (token) core.setSecret(token);

  const platformText = optional('platform');
  const platform = platformText ? parsePlatform(platformText) : undefined;
  if (platformText && !platform) {
    throw new ConfigurationError(
      'invalid-platform',
      `the "platform" input takes OS/ARCH[/VARIANT], got ${JSON.stringify(platformText)}`,
    );
  }
  const mode = optional('mode');
  if (mode !== undefined && mode !== 'enforce' && mode !== 'audit') {
    throw new ConfigurationError(
      'invalid-mode',
      `the "mode" input takes enforce or audit, got ${JSON.stringify(mode)}`,
    );
  }
  const username = optional('registry-username');
  const inputs: RunInputs = {
    image: core.getInput('image', { required: true }),
    digest: optional('digest'),
    platform,
    policyPath: optional('policy'),
    scanPaths: core
      .getMultilineInput('scan-results')
      .flatMap((line) => line.split(','))
      .map((path) => path.trim())
      .filter(Boolean),
    mode,
    checkName: optional('check-name') ?? DEFAULT_CHECK_NAME,
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    jsonReportPath: optional('report-path') ?? 'supply-chain-gate-report.json',
    registryCredentials: username && password ? { username, password } : undefined,
    githubToken: token,
  };
  if (token && optional('post-check-run') !== 'false') {
    const context = readWorkflowContext(process.env);
    const payload = process.env.GITHUB_EVENT_PATH
      ? JSON.parse(await readFile(process.env.GITHUB_EVENT_PATH, 'utf8'))
      : undefined;
    const runUrl = context.runId
      ? `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}`
      : undefined;
    inputs.github = {
      apiUrl: context.apiUrl,
      token,
      headSha: checkRunHeadSha(context, payload, optional('sha')),
      detailsUrl: runUrl,
      ...splitRepository(context.repository),
    };
  }
  return inputs;
}

main().catch((error: unknown) => {
  core.setFailed(escapeLogLine(describeError(error)));
});
