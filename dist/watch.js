import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  DEFAULT_CONCURRENCY,
  DEFAULT_LABEL,
  DEFAULT_MAX_IMAGES,
  combineReports,
  openWatchGitHub,
  parseScanOption,
  parseWatchReport,
  readWatchReports,
  renderStatusHtml,
  renderStatusMarkdown,
  renderWatchReport,
  watch,
  watchExitCode,
  writeTextFile
} from "./chunks/chunk-2D6EVWGF.js";
import "./chunks/chunk-H776GRBR.js";
import "./chunks/chunk-74X36MG6.js";
import "./chunks/chunk-DKY2ZES5.js";
import "./chunks/chunk-63E2CWL3.js";
import "./chunks/chunk-FHHVMNRQ.js";
import "./chunks/chunk-B2CLC4I4.js";
import "./chunks/chunk-FIW5J6G3.js";
import "./chunks/chunk-BDIAHNI5.js";
import "./chunks/chunk-CPWHA4RJ.js";
import "./chunks/chunk-WLVSEBNM.js";
import "./chunks/chunk-QTVN7HLV.js";
import "./chunks/chunk-S3VIENSH.js";
import {
  createActionsLogger,
  getInput,
  getMultilineInput,
  setFailed,
  setOutput,
  setSecret,
  summary
} from "./chunks/chunk-5TQHBEBT.js";
import "./chunks/chunk-3A7RVSKP.js";
import {
  createRunDeps
} from "./chunks/chunk-Y3TKSWBE.js";
import "./chunks/chunk-MV4VUAK6.js";
import "./chunks/chunk-HVIVQOBG.js";
import "./chunks/chunk-PWUTPHJS.js";
import "./chunks/chunk-HYJ74MIN.js";
import "./chunks/chunk-2FUSLBNA.js";
import "./chunks/chunk-724VLPQF.js";
import "./chunks/chunk-2GTHPEXP.js";
import "./chunks/chunk-AAN6PVVS.js";
import {
  DEFAULT_CHECK_NAME
} from "./chunks/chunk-3CFMVEZX.js";
import {
  readWorkflowContext,
  splitRepository
} from "./chunks/chunk-TIDU6746.js";
import {
  escapeLogLine
} from "./chunks/chunk-AJCAIOG3.js";
import "./chunks/chunk-JGGR3ZSW.js";
import "./chunks/chunk-V6QQ6HQ7.js";
import {
  VERSION
} from "./chunks/chunk-22SWJURS.js";
import "./chunks/chunk-3TJM3MKJ.js";
import {
  ConfigurationError,
  describeError
} from "./chunks/chunk-QCJNFU7Y.js";
import "./chunks/chunk-GVUJSAVW.js";

// src/watch-action.ts
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
var optional = (name) => getInput(name) || void 0;
var BOOLEAN_INPUTS = {
  "dry-run": "invalid-dry-run",
  "upload-sarif": "invalid-upload-sarif"
};
var COUNT_INPUTS = {
  "max-images": "invalid-max-images",
  concurrency: "invalid-concurrency"
};
function booleanInput(name) {
  const text = optional(name);
  if (text === void 0) return false;
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === "true";
  throw new ConfigurationError(
    BOOLEAN_INPUTS[name],
    `the "${name}" input takes true or false, got ${JSON.stringify(text.slice(0, 40))}`
  );
}
function countInput(name, fallback) {
  const text = optional(name);
  if (text === void 0) return fallback;
  if (/^[1-9][0-9]{0,6}$/.test(text)) return Number(text);
  throw new ConfigurationError(
    COUNT_INPUTS[name],
    `the "${name}" input takes a positive whole number, got ${JSON.stringify(text.slice(0, 40))}`
  );
}
async function main() {
  const token = optional("github-token");
  if (token) setSecret(token);
  const password = optional("registry-password");
  if (password) setSecret(password);
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const images = getMultilineInput("images");
  const reports = getMultilineInput("reports");
  if (images.length > 0 && reports.length > 0) {
    throw new ConfigurationError(
      "invalid-inputs",
      'give either "images" (watch the images) or "reports" (render their status), not both'
    );
  }
  if (reports.length > 0) return statusMode(reports, workspace);
  if (images.length === 0) {
    throw new ConfigurationError(
      "missing-image",
      'the "images" input is required: the images to watch, one per line (or "reports" to render a status page)'
    );
  }
  const log = createActionsLogger();
  const context = readWorkflowContext(process.env);
  const payload = process.env.GITHUB_EVENT_PATH ? JSON.parse(await readFile(process.env.GITHUB_EVENT_PATH, "utf8")) : void 0;
  const repository = context.repository ? splitRepository(context.repository) : void 0;
  const dryRun = booleanInput("dry-run");
  const uploadSarif = booleanInput("upload-sarif");
  const checkName = optional("check-name") ?? DEFAULT_CHECK_NAME;
  const runUrl = context.runId && context.repository ? `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}` : void 0;
  const github = repository && token ? await openWatchGitHub({
    apiUrl: context.apiUrl,
    token,
    ...repository,
    onRetry: (message) => log.warning(message)
  }) : void 0;
  if (!github && !dryRun) {
    throw new ConfigurationError(
      "missing-token",
      'watch writes issues with the "github-token" input (issues: write); set it, or dry-run: true'
    );
  }
  const defaultBranch = typeof payload?.repository?.default_branch === "string" ? payload.repository.default_branch : void 0;
  const onDefaultBranch = defaultBranch === void 0 || process.env.GITHUB_REF === `refs/heads/${defaultBranch}`;
  const username = optional("registry-username");
  const registryCredentials = username && password ? { username, password } : void 0;
  const reportPath = resolve(workspace, optional("report-path") ?? "supply-chain-gate-watch.json");
  const run = await watch(
    {
      images,
      scans: getMultilineInput("scan-results").map(parseScanOption),
      policyPath: optional("policy"),
      ...!onDefaultBranch && repository && defaultBranch ? {
        policyBase: {
          ...repository,
          ref: defaultBranch,
          event: `a run on ${process.env.GITHUB_REF ?? "another ref"}`
        }
      } : {},
      workspace,
      trustedRootPath: optional("trusted-root"),
      maxImages: countInput("max-images", DEFAULT_MAX_IMAGES),
      concurrency: countInput("concurrency", DEFAULT_CONCURRENCY),
      checkName,
      label: optional("label") ?? DEFAULT_LABEL,
      dryRun,
      registryCredentials,
      githubToken: token,
      ...context.repository ? { repositoryUrl: `${context.serverUrl}/${context.repository}` } : {},
      ...runUrl ? { runUrl } : {},
      ...uploadSarif ? { sarifUpload: { commitSha: context.sha, ref: process.env.GITHUB_REF ?? "" } } : {}
    },
    {
      ...createRunDeps({
        env: process.env,
        log,
        workspace,
        registryCredentials,
        githubToken: token,
        trustedRootPath: optional("trusted-root"),
        // A docker credential helper's secret is masked before it is used, as in the gate's action.
        maskSecret: (secret) => setSecret(secret),
        // The current Sigstore roots, refreshed over TUF (cached per job), as the gate's action does.
        tufCacheDir: join(process.env.RUNNER_TEMP || tmpdir(), "supply-chain-gate-tuf"),
        github: github?.client
      }),
      ...github ? { tracker: github.tracker, sarif: github.tracker } : {}
    }
  );
  const reportText = renderWatchReport(run.results, {
    checkName,
    toolVersion: VERSION,
    policy: run.policyOrigin,
    startedAt: run.startedAt,
    finishedAt: (/* @__PURE__ */ new Date()).toISOString(),
    ...runUrl ? { runUrl } : {},
    errors: run.errors
  });
  await writeTextFile(reportPath, reportText);
  const overview = combineReports([parseWatchReport(reportText, reportPath)], (/* @__PURE__ */ new Date()).toISOString());
  await summary.addRaw(renderStatusMarkdown(overview)).write();
  for (const error of run.errors) log.error(error);
  setOutput("failing", String(run.results.filter((r) => r.decision.verdict === "fail").length));
  setOutput("errors", String(run.results.filter((r) => r.decision.verdict === "error").length));
  setOutput("report-path", reportPath);
  const exitCode = watchExitCode(run);
  if (exitCode !== 0) {
    setFailed(
      exitCode === 1 ? "Some images fail the supply-chain policy: see their issues and the job summary." : "Some images (or the run) could not be judged or reported: see the errors above."
    );
  }
}
async function statusMode(paths, workspace) {
  const reports = await readWatchReports(paths, workspace);
  const overview = combineReports(reports, (/* @__PURE__ */ new Date()).toISOString());
  const htmlPath = resolve(workspace, optional("status-html") ?? "supply-chain-gate-status.html");
  await writeTextFile(htmlPath, renderStatusHtml(overview));
  await summary.addRaw(renderStatusMarkdown(overview)).write();
  setOutput("failing", String(overview.images.filter((i) => i.verdict === "fail").length));
  setOutput("errors", String(overview.images.filter((i) => i.verdict === "error").length));
  setOutput("status-html", htmlPath);
}
main().catch((error) => {
  setFailed(escapeLogLine(describeError(error)));
});
