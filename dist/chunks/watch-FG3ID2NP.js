import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  parseOptions
} from "./chunk-FKGBOIVP.js";
import {
  createConsoleLogger
} from "./chunk-HL7HQ6DO.js";
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
} from "./chunk-2D6EVWGF.js";
import "./chunk-H776GRBR.js";
import "./chunk-74X36MG6.js";
import "./chunk-DKY2ZES5.js";
import "./chunk-63E2CWL3.js";
import "./chunk-FHHVMNRQ.js";
import "./chunk-B2CLC4I4.js";
import "./chunk-FIW5J6G3.js";
import "./chunk-BDIAHNI5.js";
import "./chunk-CPWHA4RJ.js";
import "./chunk-WLVSEBNM.js";
import "./chunk-QTVN7HLV.js";
import "./chunk-S3VIENSH.js";
import "./chunk-3A7RVSKP.js";
import {
  createRunDeps
} from "./chunk-Y3TKSWBE.js";
import "./chunk-MV4VUAK6.js";
import "./chunk-HVIVQOBG.js";
import "./chunk-PWUTPHJS.js";
import "./chunk-HYJ74MIN.js";
import "./chunk-2FUSLBNA.js";
import "./chunk-724VLPQF.js";
import "./chunk-2GTHPEXP.js";
import "./chunk-AAN6PVVS.js";
import {
  DEFAULT_CHECK_NAME
} from "./chunk-3CFMVEZX.js";
import {
  splitRepository
} from "./chunk-TIDU6746.js";
import {
  escapeLogLine
} from "./chunk-AJCAIOG3.js";
import "./chunk-JGGR3ZSW.js";
import "./chunk-V6QQ6HQ7.js";
import {
  VERSION
} from "./chunk-22SWJURS.js";
import "./chunk-3TJM3MKJ.js";
import {
  ConfigurationError
} from "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";

// src/cli/commands/watch.ts
import { resolve } from "node:path";
function positiveInteger(text, option, fallback) {
  if (text === void 0) return fallback;
  if (/^[1-9][0-9]{0,6}$/.test(text)) return Number(text);
  throw new ConfigurationError(
    "invalid-arguments",
    `${option} takes a positive whole number, got ${JSON.stringify(text.slice(0, 40))}`
  );
}
function nonNegativeInteger(text, option) {
  if (/^[0-9]{1,6}$/.test(text)) return Number(text);
  throw new ConfigurationError(
    "invalid-arguments",
    `${option} takes milliseconds as a whole number, got ${JSON.stringify(text.slice(0, 40))}`
  );
}
async function watchCommand(args, io) {
  const { values, positionals } = parseOptions(args, {
    image: { type: "string", multiple: true },
    scan: { type: "string", multiple: true },
    policy: { type: "string" },
    "policy-ref": { type: "string" },
    "github-api": { type: "string" },
    repository: { type: "string" },
    json: { type: "string" },
    markdown: { type: "string" },
    label: { type: "string" },
    "dry-run": { type: "boolean" },
    "max-images": { type: "string" },
    concurrency: { type: "string" },
    "trusted-root": { type: "string" },
    "check-name": { type: "string" },
    "sarif-upload": { type: "boolean" },
    sha: { type: "string" },
    ref: { type: "string" },
    "run-url": { type: "string" },
    "write-interval": { type: "string" },
    quiet: { type: "boolean", short: "q" }
  });
  if (positionals.length > 0) {
    throw new ConfigurationError(
      "invalid-arguments",
      `unexpected argument ${JSON.stringify(positionals[0])}: see --help`
    );
  }
  const images = values.image ?? [];
  if (images.length === 0)
    throw new ConfigurationError("missing-image", "watch needs at least one --image REF: see --help");
  const githubApi = values["github-api"];
  const repository = values.repository ? splitRepository(values.repository) : void 0;
  if (githubApi === void 0 !== (repository === void 0)) {
    throw new ConfigurationError(
      "invalid-arguments",
      "watch writes issues with both --github-api URL and --repository OWNER/NAME (or neither)"
    );
  }
  const token = io.env.GITHUB_TOKEN;
  if (githubApi && !token) {
    throw new ConfigurationError(
      "missing-token",
      "watch needs a token in GITHUB_TOKEN to write issues (issues: write), or --dry-run"
    );
  }
  if (values["sarif-upload"] && !(githubApi && values.sha && values.ref)) {
    throw new ConfigurationError(
      "invalid-arguments",
      "--sarif-upload needs --github-api, --repository, --sha and --ref (the commit and ref the analysis is for)"
    );
  }
  if (values["policy-ref"] && !(githubApi && repository)) {
    throw new ConfigurationError(
      "invalid-arguments",
      "--policy-ref reads the policy through the API: it needs --github-api and --repository"
    );
  }
  const log = createConsoleLogger(io.stderr, values.quiet ?? false);
  const github = githubApi && repository && token ? await openWatchGitHub({
    apiUrl: githubApi,
    token,
    ...repository,
    onRetry: (message) => io.stderr.write(`warning: ${escapeLogLine(message)}
`),
    ...values["write-interval"] === void 0 ? {} : { writeGapMs: nonNegativeInteger(values["write-interval"], "--write-interval") }
  }) : void 0;
  const checkName = values["check-name"] ?? DEFAULT_CHECK_NAME;
  const now = io.now ?? (() => /* @__PURE__ */ new Date());
  const registryCredentials = io.env.REGISTRY_USERNAME && io.env.REGISTRY_PASSWORD ? { username: io.env.REGISTRY_USERNAME, password: io.env.REGISTRY_PASSWORD } : void 0;
  const run = await watch(
    {
      images,
      scans: (values.scan ?? []).map(parseScanOption),
      policyPath: values.policy,
      ...values["policy-ref"] && repository ? { policyBase: { ...repository, ref: values["policy-ref"], event: "the --policy-ref option" } } : {},
      workspace: io.cwd,
      trustedRootPath: values["trusted-root"],
      maxImages: positiveInteger(values["max-images"], "--max-images", DEFAULT_MAX_IMAGES),
      concurrency: positiveInteger(values.concurrency, "--concurrency", DEFAULT_CONCURRENCY),
      checkName,
      label: values.label ?? DEFAULT_LABEL,
      dryRun: values["dry-run"] ?? false,
      registryCredentials,
      githubToken: token,
      repositoryUrl: values.repository ? `https://github.com/${values.repository}` : void 0,
      runUrl: values["run-url"],
      ...values["sarif-upload"] && values.sha && values.ref ? { sarifUpload: { commitSha: values.sha, ref: values.ref } } : {}
    },
    {
      ...createRunDeps({
        env: io.env,
        log,
        now,
        workspace: io.cwd,
        registryCredentials,
        githubToken: token,
        trustedRootPath: values["trusted-root"],
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
    finishedAt: now().toISOString(),
    ...values["run-url"] ? { runUrl: values["run-url"] } : {},
    errors: run.errors
  });
  const report = parseWatchReport(reportText, "the report of this run");
  const markdown = renderStatusMarkdown(combineReports([report], now().toISOString()));
  if (values.json) await writeTextFile(resolve(io.cwd, values.json), reportText);
  if (values.markdown) await writeTextFile(resolve(io.cwd, values.markdown), markdown);
  for (const error of run.errors) log.error(error);
  io.stdout.write(markdown);
  return watchExitCode(run);
}
async function statusCommand(args, io) {
  const { values, positionals } = parseOptions(args, {
    html: { type: "string" },
    markdown: { type: "string" }
  });
  if (positionals.length === 0) {
    throw new ConfigurationError(
      "invalid-arguments",
      "status needs at least one REPORT.json that watch --json wrote: see --help"
    );
  }
  const reports = await readWatchReports(positionals, io.cwd);
  const overview = combineReports(reports, (io.now ?? (() => /* @__PURE__ */ new Date()))().toISOString());
  const markdown = renderStatusMarkdown(overview);
  if (values.html) await writeTextFile(resolve(io.cwd, values.html), renderStatusHtml(overview));
  if (values.markdown) await writeTextFile(resolve(io.cwd, values.markdown), markdown);
  io.stdout.write(markdown);
  return 0;
}
export {
  statusCommand,
  watchCommand
};
