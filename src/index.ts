/**
 * The action's entry: the only place that reads action inputs and the workflow's environment.
 * It turns them into RunInputs once, calls run(), and maps the result to outputs and the step's
 * success or failure.
 */
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as core from '@actions/core';
import {
  appPermissions,
  mintInstallationToken,
  readAppCredentials,
  type InstallationToken,
} from './adapters/github/app.js';
import { RequestLog } from './adapters/http/request-log.js';
import { createActionsLogger } from './adapters/log/actions-logger.js';
import { ConfigurationError, describeError, type ConfigurationCode } from './errors.js';
import {
  checkRunHeadSha,
  isForkPullRequest,
  policyBaseRef,
  policyHeadRef,
  pullRequestNumber,
  readWorkflowContext,
  splitRepository,
} from './github-context.js';
import { DEFAULT_CHECK_NAME, parsePlatformList, type AttestationScope, type RunInputs } from './inputs.js';
import { reportUnreadableInputs, run, type ReportInputs, type RunResult } from './main.js';
import { escapeLogLine, escapeMarkdown } from './report/escape.js';
import { createRunDeps, openGitHub } from './run-deps.js';
import { provenanceRequest, verificationSummaryRequest } from './provenance/requests.js';

async function main(): Promise<void> {
  const log = createActionsLogger();
  const target = await readReportTarget();
  // Counts the registry and GitHub requests evidence collection sends, for the report's stats.
  const requestLog = new RequestLog();
  let app: InstallationToken | undefined;
  let appFailure: unknown;
  try {
    app = await mintAppToken(target, requestLog.fetch);
  } catch (error) {
    // Reported like a wrong input, with github-token: the failure shows on the pull request as
    // GitHub Actions' check, and a ruleset pinned to the App still waits for the App's own.
    appFailure = error;
  }
  const deps = (inputs?: RunInputs) =>
    createRunDeps({
      env: process.env,
      log,
      requestLog,
      github: openGitHub({ apiUrl: target.context.apiUrl, token: target.token, app, requestLog, log }),
      workspace: inputs?.workspace ?? target.report.workspace,
      registryCredentials: inputs?.registryCredentials,
      githubToken: inputs?.githubToken,
      trustedRootPath: inputs?.trustedRootPath,
      // A docker credential helper's secret and each OIDC token are masked before they are used.
      maskSecret: (secret) => core.setSecret(secret),
      // On a runner, refresh the Sigstore roots over TUF (cached per job); offline, the embedded copies.
      tufCacheDir: join(process.env.RUNNER_TEMP || tmpdir(), 'supply-chain-gate-tuf'),
      signing: { payload: target.payload },
      writeSummary: async (markdown: string) => {
        await core.summary.addRaw(markdown).write();
      },
    });
  let inputs: RunInputs;
  try {
    if (target.problem) throw target.problem;
    if (appFailure) throw appFailure;
    inputs = await readInputs(target);
  } catch (error) {
    // A wrong input still completes the check run, as a failure that names the input.
    const result = await reportUnreadableInputs(error, target.report, deps());
    setOutputs(result);
    // Each problem was logged on its own line already; this ends the step with what to do.
    core.setFailed(
      result.decision.misconfiguration
        ? 'The gate is misconfigured: fix the problems above (also in the job summary); it fails closed.'
        : escapeLogLine(describeError(error)),
    );
    return;
  }
  const result = await run(inputs, deps(inputs));
  setOutputs(result);
  if (result.exitCode !== 0) {
    core.setFailed(
      result.exitCode === 1
        ? 'The image failed the supply-chain policy: see the check run or the job summary.'
        : 'The gate could not decide or could not report (see the errors above); it fails closed.',
    );
  }
}

function setOutputs(result: RunResult): void {
  core.setOutput('verdict', result.decision.verdict);
  core.setOutput('check-run-id', result.checkRunId === undefined ? '' : String(result.checkRunId));
  core.setOutput('report-path', result.jsonReportPath ?? '');
  core.setOutput('sarif-path', result.sarifPath ?? '');
  core.setOutput('evidence-path', result.evidencePath ?? '');
  core.setOutput('digest', result.decision.evidence?.image.digest ?? '');
  const provenancePath = result.decision.evidence?.generatedProvenance?.path;
  core.setOutput(
    'provenance-path',
    provenancePath ? resolve(process.env.GITHUB_WORKSPACE || process.cwd(), provenancePath) : '',
  );
}

const optional = (name: string) => core.getInput(name) || undefined;

/**
 * What reporting needs, read before any other input so a mistake in those still reaches the
 * check run: the token (masked first), the event, the commit and the check's name.
 */
async function readReportTarget() {
  const password = optional('registry-password');
  if (password) core.setSecret(password);
  const token = optional('github-token');
  if (token) core.setSecret(token);
  const appPrivateKey = optional('app-private-key');
  // The runner masks a multi-line value line by line only when each line is registered.
  for (const line of appPrivateKey?.split(/\r?\n|\\n/) ?? []) if (line.trim()) core.setSecret(line.trim());
  if (appPrivateKey) core.setSecret(appPrivateKey);
  const context = readWorkflowContext(process.env);
  // A problem here is reported like a wrong input, once the job summary can say it: never thrown.
  let problem: unknown;
  let payload: unknown;
  try {
    payload = await readEventPayload(process.env.GITHUB_EVENT_PATH);
  } catch (error) {
    problem = error;
  }
  const report: ReportInputs = {
    checkName: optional('check-name') ?? DEFAULT_CHECK_NAME,
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    jsonReportPath: optional('report-path') ?? 'supply-chain-gate-report.json',
  };
  if (token && optional('post-check-run') !== 'false' && !problem) {
    const runUrl = context.runId
      ? `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}`
      : undefined;
    try {
      report.github = {
        apiUrl: context.apiUrl,
        token,
        headSha: checkRunHeadSha(context, payload, optional('sha')),
        detailsUrl: runUrl,
        pullRequestNumber: pullRequestNumber(context, payload),
        event: { name: context.eventName, fromFork: isForkPullRequest(context, payload) },
        ...splitRepository(context.repository),
      };
    } catch (error) {
      // No commit to put a check run on: the job summary and the step's failure say why.
      problem = error;
    }
  }
  return {
    problem,
    token,
    password,
    context,
    payload,
    report,
    app: { id: optional('app-id'), privateKey: appPrivateKey },
  };
}

/** The event's payload; the runner always writes one, so a missing file is a setup to fix. */
async function readEventPayload(path: string | undefined): Promise<unknown> {
  if (!path) return undefined;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : `it cannot be read${code ? ` (${code})` : ''}`;
    throw new ConfigurationError(
      'event-unreadable',
      `cannot read the event payload at ${path} (named by \`GITHUB_EVENT_PATH\`): ${why}. Run the gate as a step of a GitHub Actions job, or point \`GITHUB_EVENT_PATH\` at the event's JSON file`,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    // Its bytes are not quoted: a wrong file can hold anything.
    throw new ConfigurationError(
      'event-not-json',
      `the event payload at ${path} (named by \`GITHUB_EVENT_PATH\`) is not JSON: point \`GITHUB_EVENT_PATH\` at the event's JSON file`,
    );
  }
}

/**
 * With the app-id and app-private-key inputs: a token of that GitHub App for this repository
 * only, masked before anything else happens, to write the check run and the comment as the App.
 */
async function mintAppToken(
  target: Awaited<ReturnType<typeof readReportTarget>>,
  fetch: typeof globalThis.fetch,
): Promise<InstallationToken | undefined> {
  // No check run to post (no github-token, or post-check-run: false as on a fork's pull
  // request): the App has nothing to do.
  if (!target.report.github) return undefined;
  const credentials = readAppCredentials(target.app.id, target.app.privateKey, {
    appId: 'the "app-id" input',
    privateKey: 'the "app-private-key" input',
  });
  if (!credentials) return undefined;
  const minted = await mintInstallationToken(credentials, {
    apiUrl: target.context.apiUrl,
    ...splitRepository(target.context.repository),
    permissions: appPermissions({ comment: booleanInput('comment') === true }),
    fetch,
  });
  core.setSecret(minted.token);
  core.info(
    `Posting the check run as the GitHub App ${escapeLogLine(minted.appSlug)}: a ruleset can require it with integration_id ${minted.appId}.`,
  );
  return minted;
}

/** The action's true/false inputs, each with the code a value other than true or false is reported under. */
const BOOLEAN_INPUTS = {
  comment: 'invalid-comment',
  provenance: 'invalid-provenance',
  'sign-provenance': 'invalid-sign-provenance',
  'provenance-platforms': 'invalid-provenance-platforms',
  'verification-summary': 'invalid-verification-summary',
  'submit-dependencies': 'invalid-submit-dependencies',
} as const satisfies Record<string, ConfigurationCode>;

function booleanInput(name: keyof typeof BOOLEAN_INPUTS): boolean | undefined {
  const text = optional(name);
  if (text === undefined) return undefined;
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  throw new ConfigurationError(
    BOOLEAN_INPUTS[name],
    `the "${name}" input takes true or false, got ${JSON.stringify(text)}`,
  );
}

async function readInputs(target: Awaited<ReturnType<typeof readReportTarget>>): Promise<RunInputs> {
  const { token, password, context, payload } = target;

  const platforms = parsePlatformList(core.getMultilineInput('platform'), 'the "platform" input');
  const mode = optional('mode');
  if (mode !== undefined && mode !== 'enforce' && mode !== 'audit') {
    throw new ConfigurationError(
      'invalid-mode',
      `the "mode" input takes enforce or audit, got ${JSON.stringify(mode)}`,
    );
  }
  const username = optional('registry-username');
  const image = optional('image');
  if (!image) {
    throw new ConfigurationError(
      'missing-image',
      'the "image" input is required: set it to the image the workflow built (registry/name@sha256:…)',
    );
  }
  const inputs: RunInputs = {
    image,
    digest: optional('digest'),
    platforms,
    attestationScopes: attestationScopes(context.repository, token),
    policyPath: optional('policy'),
    scanPaths: core
      .getMultilineInput('scan-results')
      .flatMap((line) => line.split(','))
      .map((path) => path.trim())
      .filter(Boolean),
    vexPaths: core
      .getMultilineInput('vex')
      .flatMap((line) => line.split(','))
      .map((path) => path.trim())
      .filter(Boolean),
    bundlePaths: core
      .getMultilineInput('bundles')
      .flatMap((line) => line.split(','))
      .map((path) => path.trim())
      .filter(Boolean),
    sbomPaths: core
      .getMultilineInput('sbom')
      .flatMap((line) => line.split(','))
      .map((path) => path.trim())
      .filter(Boolean),
    trustedRootPath: optional('trusted-root'),
    mode,
    ...target.report,
    sarifPath: optional('sarif-path'),
    evidenceOutPath: optional('evidence-path'),
    comment: booleanInput('comment'),
    ...(booleanInput('provenance')
      ? {
          provenance: provenanceRequest(
            {
              sign: booleanInput('sign-provenance'),
              push: optional('push-provenance'),
              sigstore: optional('sigstore'),
              path: optional('provenance-path'),
              platformSubjects: booleanInput('provenance-platforms'),
            },
            { push: 'the "push-provenance" input', sigstore: 'the "sigstore" input' },
          ),
        }
      : {}),
    ...(booleanInput('verification-summary')
      ? {
          verificationSummary: verificationSummaryRequest(
            {
              push: optional('push-verification-summary'),
              sigstore: optional('sigstore'),
              path: optional('verification-summary-path'),
            },
            { push: 'the "push-verification-summary" input', sigstore: 'the "sigstore" input' },
          ),
        }
      : {}),
    registryCredentials: username && password ? { username, password } : undefined,
    githubToken: token,
  };
  if (context.repository) inputs.repositoryUrl = `${context.serverUrl}/${context.repository}`;
  if (booleanInput('submit-dependencies')) inputs.dependencySubmission = dependencySubmission(context, image);
  const baseRef = policyBaseRef(context, payload);
  if (baseRef)
    inputs.policyBase = {
      ...splitRepository(context.repository),
      ref: baseRef,
      event: `${context.eventName} event`,
      head: policyHeadRef(context, payload),
    };
  return inputs;
}

/** The dependency graph of the workflow's repository, at the commit and ref the workflow ran for. */
function dependencySubmission(
  context: ReturnType<typeof readWorkflowContext>,
  image: string,
): NonNullable<RunInputs['dependencySubmission']> {
  const ref = process.env.GITHUB_REF;
  if (!context.repository || !context.sha || !ref) {
    throw new ConfigurationError(
      'missing-context',
      'submit-dependencies needs GITHUB_REPOSITORY, GITHUB_SHA and GITHUB_REF: run it in GitHub Actions',
    );
  }
  const runUrl = context.runId
    ? `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}`
    : undefined;
  return {
    ...splitRepository(context.repository),
    sha: context.sha,
    ref,
    job: {
      id: context.runId ?? '0',
      // One snapshot per workflow, job and image: a later run replaces it, other images keep theirs.
      correlator: `${process.env.GITHUB_WORKFLOW ?? ''}_${process.env.GITHUB_JOB ?? ''}_supply-chain-gate_${image.replace(/[@:].*$/, '')}`,
      ...(runUrl ? { htmlUrl: runUrl } : {}),
    },
    ...(process.env.GITHUB_ACTION_REPOSITORY
      ? { detectorUrl: `${context.serverUrl}/${process.env.GITHUB_ACTION_REPOSITORY}` }
      : {}),
  };
}

/** actions/attest files attestations under the workflow's repository, so that is where to look by default. */
function attestationScopes(workflowRepository: string, token: string | undefined): AttestationScope[] {
  const repository = optional('attestations-repository') ?? (token ? workflowRepository : undefined);
  const org = optional('attestations-org');
  return [
    ...(repository && repository !== 'none' ? [splitRepository(repository)] : []),
    ...(org ? [{ org }] : []),
  ];
}

main().catch(async (error: unknown) => {
  // The last resort still answers: the verdict output, the job summary and the step's failure.
  const reason = describeError(error);
  core.setOutput('verdict', 'error');
  await core.summary
    .addRaw(`## ⚠️ supply-chain-gate could not run\n\n${escapeMarkdown(reason, 1000)}\n`)
    .write()
    .catch(() => undefined);
  core.setFailed(escapeLogLine(reason));
});
