import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  displayPath
} from "./chunk-Y3TMLN4E.js";
import {
  logBlock
} from "./chunk-HL7HQ6DO.js";
import {
  JOB_SUMMARY_BUDGET,
  annotationPaths,
  misconfigured,
  previewVerdictLabel,
  renderAnnotations,
  renderMarkdown,
  renderSarif,
  repoPathOf,
  undecided,
  verdictLabel
} from "./chunk-3A7RVSKP.js";
import {
  escapeMarkdown,
  stripControl,
  truncate
} from "./chunk-AJCAIOG3.js";
import {
  ConfigurationError,
  GateError,
  describeError
} from "./chunk-QCJNFU7Y.js";

// src/main.ts
import { mkdir, stat, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";

// src/evidence/discovery-summary.ts
function describeDiscovery(evidence) {
  const { discovered, image, stats } = evidence;
  const digests = 1 + image.platforms.filter((entry) => entry.digest !== image.digest).length;
  const bySource = /* @__PURE__ */ new Map();
  for (const artifact of discovered) {
    bySource.set(artifact.source.kind, (bySource.get(artifact.source.kind) ?? 0) + 1);
  }
  const sources = [...bySource].map(([kind, count]) => `${count} from ${kind}`).join(", ");
  const cost = stats ? `; ${stats.requests} requests in ${stats.roundTrips} round trips` : "";
  return `Signatures and attestations: ${discovered.length} found for ${digests} digest${digests === 1 ? "" : "s"}${sources ? ` (${sources})` : ""}${cost}`;
}

// src/report/comment.ts
var COMMENT_BUDGET = 65536;
function stickyCommentMarker(checkName) {
  return `<!-- supply-chain-gate:${checkName.replace(/[^A-Za-z0-9 ._/()-]/g, "_")} -->`;
}
function renderComment(decision, options) {
  const marker = stickyCommentMarker(options.checkName);
  const link = /^https:\/\/[^\s()<>[\]]+$/.test(options.checkRunUrl ?? "") ? `

[Open the check run](${options.checkRunUrl})` : "";
  const frame = new TextEncoder().encode(`${marker}
${link}`).length;
  const body = renderMarkdown(decision, {
    checkName: options.checkName,
    fullReport: options.fullReport,
    budgetBytes: COMMENT_BUDGET - frame
  });
  return `${marker}
${body.trimEnd()}${link}
`;
}
function findStickyComment(comments, checkName) {
  const marker = stickyCommentMarker(checkName);
  return comments.filter((c) => c.authorType === "Bot" && c.body.startsWith(marker)).at(-1);
}

// src/github-reporting.ts
async function startCheckRun(target, checkName, deps) {
  const { owner, repo, headSha } = target;
  const startedAt = deps.now().toISOString();
  try {
    const existing = await deps.github.findCheckRun({ owner, repo, ref: headSha, name: checkName }).catch(() => void 0);
    if (existing && existing.status !== "completed") {
      await deps.github.updateCheckRun({
        owner,
        repo,
        checkRunId: existing.id,
        status: "in_progress",
        startedAt,
        detailsUrl: target.detailsUrl
      });
      deps.log.info(`Check run "${checkName}" ${existing.id} taken over on ${headSha}`);
      return { id: existing.id, htmlUrl: existing.htmlUrl || void 0 };
    }
    const created = await deps.github.createCheckRun({
      owner,
      repo,
      name: checkName,
      headSha,
      status: "in_progress",
      startedAt,
      detailsUrl: target.detailsUrl
    });
    deps.log.info(`Check run "${checkName}" started on ${headSha}`);
    return created;
  } catch (error) {
    if (isForbidden(error)) return { forbidden: describeError(error) };
    throw error;
  }
}
async function completeCheckRun(target, checkName, handle, completion, deps) {
  const { owner, repo, headSha } = target;
  const completedAt = deps.now().toISOString();
  try {
    if (handle.id === void 0) {
      const created = await deps.github.createCheckRun({
        owner,
        repo,
        name: checkName,
        headSha,
        status: "completed",
        conclusion: completion.conclusion,
        completedAt,
        detailsUrl: target.detailsUrl,
        output: completion.output
      });
      handle = created;
    } else {
      await deps.github.updateCheckRun({
        owner,
        repo,
        checkRunId: handle.id,
        status: "completed",
        conclusion: completion.conclusion,
        completedAt,
        output: completion.output
      });
    }
  } catch (error) {
    if (isForbidden(error)) return { ...handle, forbidden: describeError(error) };
    throw error;
  }
  const annotations = completion.output.annotations.length;
  deps.log.info(
    `Check run "${checkName}" completed: ${completion.conclusion}${annotations > 0 ? `, ${annotations} annotation(s)` : ""}`
  );
  return handle;
}
async function postStickyComment(target, checkName, body, deps) {
  const { owner, repo, pullRequestNumber: issueNumber } = target;
  const comments = await deps.github.listIssueComments({ owner, repo, issueNumber });
  const previous = findStickyComment(comments, checkName);
  const posted = previous ? await deps.github.updateIssueComment({ owner, repo, commentId: previous.id, body }) : await deps.github.createIssueComment({ owner, repo, issueNumber, body });
  deps.log.info(`${previous ? "Updated" : "Posted"} the summary comment on pull request #${issueNumber}`);
  return posted.htmlUrl;
}
function forbiddenCheckMessage(reason, event) {
  const missing = `The check run could not be written (${reason}).`;
  const viaWorkflowRun = "To post the check run on such pull requests, run the gate from a workflow_run workflow (see examples/workflows/ in supply-chain-gate).";
  if (event?.fromFork) {
    return `${missing} On pull requests from forks GITHUB_TOKEN is read-only, so the verdict is in this job summary and the step fails instead. ${viaWorkflowRun}`;
  }
  const on = event?.name ? ` on this ${event.name} event` : "";
  const permission = `The token${on} may not write checks: add "checks: write" to the job's "permissions:" (or, when the gate reports as a GitHub App, grant the App Checks: write). The verdict is in this job summary, and the step fails instead.`;
  return event ? `${missing} ${permission}` : `${missing} ${permission} If this is a pull request from a fork, its GITHUB_TOKEN is read-only whatever the permissions say. ${viaWorkflowRun}`;
}
function isForbidden(error) {
  return error instanceof GateError && error.code === "github-forbidden";
}

// src/provenance/stages.ts
function attestationStages(inputs, deps) {
  let context;
  const publishDeps = async () => {
    if (!deps.attestation) {
      throw new ConfigurationError(
        "attestations-unavailable",
        "this entry point cannot sign or publish attestations"
      );
    }
    context ??= deps.attestation.signingContext();
    return {
      signing: await context,
      registry: deps.attestation.registry,
      github: deps.github,
      now: deps.now,
      workspace: inputs.workspace
    };
  };
  return {
    async provenance() {
      if (!inputs.provenance) return void 0;
      const { makeProvenance } = await import("./make-H7NEXBR7.js");
      return makeProvenance({ reference: inputs.image, digest: inputs.digest }, inputs.provenance, {
        ...await publishDeps(),
        openImageStore: deps.openImageStore
      });
    },
    async verificationSummary(decision, policy) {
      if (!inputs.verificationSummary || decision.verdict === "error") return decision;
      const { verificationSummaryStage } = await import("./stage-LZQQNRGU.js");
      return verificationSummaryStage(decision, policy, inputs.verificationSummary, async () => ({
        ...await publishDeps(),
        toolVersion: deps.toolVersion
      }));
    }
  };
}

// src/report/check-run.ts
function checkConclusion(decision) {
  if (decision.mode === "audit") return "neutral";
  return decision.verdict === "pass" ? "success" : "failure";
}
function renderCheckRun(decision, options) {
  const failing = decision.results.filter((r) => r.status === "fail").length;
  const title = decision.misconfiguration ? misconfiguredTitle(decision.misconfiguration) : decision.verdict === "error" ? "Could not decide: evidence unreadable" : decision.verdict === "fail" ? `${failing} rule(s) failed` : `All ${decision.results.length} rule(s) passed`;
  const { annotations, omitted, unplaced } = renderAnnotations(decision, {
    isRepoFile: options.isRepoFile,
    max: options.maxAnnotations
  });
  return {
    conclusion: checkConclusion(decision),
    output: {
      title: `${title}${decision.mode === "audit" ? " (audit)" : ""}${decision.preview ? ` \xB7 ${previewVerdictLabel(decision.preview)}` : ""}`,
      summary: renderMarkdown(decision, { checkName: options.checkName, fullReport: options.fullReport }),
      text: annotationNote(annotations.length, omitted, unplaced),
      annotations
    }
  };
}
function annotationNote(shown, omitted, unplaced) {
  const notes = [
    ...omitted > 0 ? [
      `${shown} annotations are shown on the files; ${omitted} more were left out. Every finding is in the full report and the SARIF file.`
    ] : [],
    ...unplaced > 0 ? [
      `${unplaced} failing or warning rule(s) are not annotated on the policy: the gate read the policy at the base commit, and this change's copy of the file no longer has their settings.`
    ] : []
  ];
  return notes.length > 0 ? notes.join("\n\n") : void 0;
}
function misconfiguredTitle(problems) {
  if (problems.length === 1) return `Misconfigured: ${truncate(stripControl(problems[0].message), 200)}`;
  const files = [...new Set(problems.map((p) => p.position?.file))];
  const where = files.length === 1 && files[0] ? ` in ${truncate(stripControl(files[0]), 150)}` : "";
  return `Misconfigured: ${problems.length} problems${where}`;
}
function exitCodeFor(decision) {
  switch (decision.verdict) {
    case "pass":
      return 0;
    case "fail":
      return 1;
    case "error":
      return 2;
  }
}

// src/report/json.ts
var JSON_REPORT_VERSION = 1;
function renderJsonReport(decision, extra) {
  const image = decision.evidence?.image;
  const report2 = {
    reportVersion: JSON_REPORT_VERSION,
    tool: { name: "supply-chain-gate", version: extra.toolVersion },
    checkName: extra.checkName,
    verdict: decision.verdict,
    mode: decision.mode,
    conclusion: checkConclusion(decision),
    evaluatedAt: decision.evaluatedAt,
    policy: decision.policyOrigin,
    image: image ? {
      name: image.name,
      digest: image.digest,
      resolvedFromTag: image.resolvedFromTag,
      platform: image.platform,
      source: image.source,
      local: image.local,
      platforms: image.platforms.map((entry) => ({
        digest: entry.digest,
        platform: entry.platform,
        annotations: entry.annotations,
        user: entry.config?.user,
        created: entry.config?.created,
        layerCount: entry.layers.length,
        compressedSize: entry.compressedSize,
        source: entry.source
      }))
    } : void 0,
    // Every signature and attestation found, by source (payloads left out), and where discovery looked.
    discovered: decision.evidence?.discovered.map(({ kind, subjectDigest, platform, source }) => ({
      kind,
      subjectDigest,
      platform,
      source
    })),
    lookups: decision.evidence?.lookups,
    // Each discovered artifact's verification: who signed and how it was checked (predicates left out).
    verifications: decision.evidence?.verifications?.map(({ artifact, ...result }) => ({
      kind: artifact.kind,
      subjectDigest: artifact.subjectDigest,
      source: artifact.source,
      ...result.status === "verified" ? {
        ...result,
        statement: result.statement && {
          predicateType: result.statement.predicateType,
          subjects: result.statement.subjects
        }
      } : result
    })),
    stats: extra.stats ?? decision.evidence?.stats,
    errors: decision.errors,
    ...decision.misconfiguration ? { misconfiguration: decision.misconfiguration } : {},
    results: decision.results,
    // What the change's own policy would decide on the same evidence (pull requests that edit it).
    preview: decision.preview,
    scans: decision.evidence?.scans.map((scan) => ({
      format: scan.format,
      scanner: scan.scanner,
      artifact: scan.artifact,
      createdAt: scan.createdAt,
      source: scan.source,
      findingCount: scan.findings.length
    })),
    // BuildKit's statements in the index, each bound to its platform image (predicates left out).
    buildkitAttestations: decision.evidence?.buildkitAttestations?.map(
      ({ platformDigest, platform, manifestDigest, layerDigest, predicateType, source }) => ({
        platformDigest,
        platform,
        manifestDigest,
        layerDigest,
        predicateType,
        source
      })
    ),
    // Every SBOM read, where it came from and how many packages it lists (the packages left out).
    sboms: decision.evidence?.sboms?.map(({ format, specVersion, tool, packages, source, origin }) => ({
      format,
      specVersion,
      tool,
      source,
      origin: origin.kind === "attestation" ? { kind: origin.kind, subjectDigest: origin.subjectDigest, platform: origin.platform } : origin,
      packageCount: packages.length
    }))
  };
  return `${JSON.stringify(report2, null, 2)}
`;
}

// src/report/log-lines.ts
var FINDINGS_PER_RULE = 10;
function renderLogLines(decision, checkName) {
  const lines = [];
  for (const result of decision.results) {
    if (result.status !== "fail" && result.status !== "warn") continue;
    lines.push(`${result.status === "fail" ? "FAIL" : "WARN"} ${result.ruleId}: ${result.title}`);
    const findings = result.findings ?? [];
    for (const finding of findings.slice(0, FINDINGS_PER_RULE)) {
      const version = finding.installedVersion ? ` ${finding.installedVersion}` : "";
      const title = finding.title ? `: ${finding.title.replace(/\s+/g, " ")}` : "";
      lines.push(`  ${finding.severity} ${finding.id} in ${finding.packageName}${version}${title}`);
    }
    if (findings.length > FINDINGS_PER_RULE) {
      lines.push(`  \u2026and ${findings.length - FINDINGS_PER_RULE} more in the full report`);
    }
    const packages = result.packages ?? [];
    for (const pkg of packages.slice(0, FINDINGS_PER_RULE)) {
      const version = pkg.version ? `@${pkg.version}` : "";
      const license = pkg.license === void 0 ? "no license" : `license ${JSON.stringify(pkg.license)}`;
      lines.push(`  ${pkg.name}${version} (${license}): ${pkg.problem}, from ${pkg.sources.join(" and ")}`);
    }
    if (packages.length > FINDINGS_PER_RULE) {
      lines.push(`  \u2026and ${packages.length - FINDINGS_PER_RULE} more packages in the full report`);
    }
  }
  lines.push(`${checkName} ${verdictLabel(decision)}`);
  return lines;
}

// src/main.ts
async function run(inputs, deps) {
  const reportErrors = [];
  const started = start(inputs, deps, reportErrors);
  let decision;
  try {
    decision = await decide(inputs, deps);
  } catch (error) {
    decision = decisionForFailure(error, inputs.mode ?? "enforce", deps, "not loaded");
  }
  return reportOrCompleteAsCrash(decision, inputs, deps, await started, reportErrors);
}
async function reportUnreadableInputs(error, inputs, deps) {
  const reportErrors = [];
  const checkRun = await start(inputs, deps, reportErrors);
  const decision = decisionForFailure(error, "enforce", deps, "not loaded");
  return reportOrCompleteAsCrash(decision, inputs, deps, checkRun, reportErrors);
}
async function reportOrCompleteAsCrash(decision, inputs, deps, checkRun, reportErrors) {
  try {
    return await report(decision, inputs, deps, checkRun, reportErrors);
  } catch (error) {
    const reason = `reporting failed: ${describeError(error)}`;
    const summary = `## \u26A0\uFE0F ${escapeMarkdown(inputs.checkName, 100)} crashed

${escapeMarkdown(reason, 1e3)}
`;
    if (deps.github && inputs.github && !checkRun.forbidden) {
      const completion = {
        conclusion: "failure",
        output: { title: "The gate crashed", summary, annotations: [] }
      };
      await completeCheckRun(inputs.github, inputs.checkName, checkRun, completion, {
        ...deps,
        github: deps.github
      }).catch(() => void 0);
    }
    return { decision, exitCode: 2, markdown: summary, checkRunId: checkRun.id, reportErrors: [reason] };
  }
}
async function decide(inputs, deps) {
  let policy;
  let evidence;
  const attestations = attestationStages(inputs, deps);
  try {
    const { resolvePolicy } = await import("./resolve-UWEXWGGA.js");
    const { collectEvidenceForPolicy } = await import("./collect-2UXK56PU.js");
    const { evaluatePolicy } = await import("./evaluate-IV3RG55X.js");
    policy = await resolvePolicy(inputs, deps);
    deps.log.info(`Policy: ${policy.origin}`);
    const provenance = await attestations.provenance();
    if (provenance) deps.log.info(provenance.note);
    const collected = await collectEvidenceForPolicy(inputs, deps, policy, provenance);
    evidence = collected.evidence;
    deps.log.info(`Image: ${evidence.image.name}@${evidence.image.digest}`);
    deps.log.info(describeDiscovery(evidence));
    const evaluated = evaluatePolicy(policy, evidence, deps.now(), { effective: collected.effective });
    const decision = provenance ? { ...evaluated, notes: [...evaluated.notes ?? [], provenance.note] } : evaluated;
    let summarized = await attestations.verificationSummary(decision, policy);
    if (inputs.dependencySubmission) {
      const { submitDependencies } = await import("./submit-G4BX2PAY.js");
      summarized = await submitDependencies(summarized, policy, inputs.dependencySubmission, deps);
    }
    const decided = inputs.mode ? { ...summarized, mode: inputs.mode } : summarized;
    const preview = inputs.policyBase?.head ? await (await import("./proposed-policy-LGUBNYWU.js")).previewProposedPolicy(
      inputs,
      deps,
      { policy, effective: collected.effective, decision: evaluated, evidence },
      deps.now()
    ) : void 0;
    return preview ? { ...decided, preview } : decided;
  } catch (error) {
    const mode = inputs.mode ?? policy?.mode ?? "enforce";
    if (error instanceof ConfigurationError && (policy === void 0 || TOKEN_SETUP.has(error.code))) {
      return decisionForFailure(error, mode, deps, policy?.origin ?? "not loaded", evidence);
    }
    const reason = describeError(error);
    deps.log.error(reason);
    return undecided([reason], mode, deps.now(), policy?.origin ?? "not loaded", evidence);
  }
}
var TOKEN_SETUP = /* @__PURE__ */ new Set(["github-forbidden", "github-unauthorized"]);
function decisionForFailure(error, mode, deps, policyOrigin, evidence) {
  if (!(error instanceof ConfigurationError)) {
    return undecided([describeError(error)], mode, deps.now(), policyOrigin, evidence);
  }
  const decision = misconfigured(error.problems, mode, deps.now(), policyOrigin, evidence);
  decision.misconfiguration.forEach((problem, index) => {
    const { position } = problem;
    const path = position && !position.file.includes("@") ? repoPathOf(position.file) : void 0;
    const at = path && position ? { file: path, line: position.line, column: position.column } : void 0;
    deps.log.error(decision.errors[index], at && { ...at, title: "supply-chain-gate: misconfigured" });
  });
  return decision;
}
async function start(inputs, deps, reportErrors) {
  if (!deps.github || !inputs.github) return {};
  try {
    return await startCheckRun(inputs.github, inputs.checkName, { ...deps, github: deps.github });
  } catch (error) {
    reportErrors.push(`starting the check run failed: ${describeError(error)}`);
    return {};
  }
}
async function report(decision, inputs, deps, started, reportErrors) {
  logBlock(deps.log, renderLogLines(decision, inputs.checkName));
  const attempt = async (what, action) => {
    try {
      await action();
    } catch (error) {
      reportErrors.push(`${what} failed: ${describeError(error)}`);
    }
  };
  const jsonPath = inputs.jsonReportPath ? resolve(inputs.workspace, inputs.jsonReportPath) : void 0;
  const fullReport = jsonPath ? { path: displayPath(jsonPath, inputs.workspace), runUrl: inputs.github?.detailsUrl } : void 0;
  const repoFiles = await existingFiles(annotationPaths(decision), inputs.workspace);
  const isRepoFile = (path) => repoFiles.has(path);
  const markdown = renderMarkdown(decision, { checkName: inputs.checkName, fullReport });
  const result = { decision, exitCode: 0, markdown, reportErrors };
  if (inputs.sarifPath) {
    const path = resolve(inputs.workspace, inputs.sarifPath);
    await attempt("writing the SARIF file", async () => {
      const sarif = renderSarif(decision, {
        checkName: inputs.checkName,
        toolVersion: deps.toolVersion,
        isRepoFile
      });
      await writeTextFile(path, sarif);
      result.sarifPath = path;
    });
  }
  if (inputs.evidenceOutPath && decision.evidence) {
    const path = resolve(inputs.workspace, inputs.evidenceOutPath);
    const evidence = decision.evidence;
    await attempt("writing the evidence snapshot", async () => {
      const { renderEvidenceSnapshot, withConfigSecretScan } = await import("./snapshot-CQ4XWSMA.js");
      const text = renderEvidenceSnapshot(await withConfigSecretScan(evidence), {
        toolVersion: deps.toolVersion,
        createdAt: deps.now(),
        decision
      });
      await writeTextFile(path, text);
      result.evidencePath = path;
    });
  }
  if (inputs.markdownReportPath) {
    const path = resolve(inputs.workspace, inputs.markdownReportPath);
    await attempt("writing the markdown report", () => writeTextFile(path, markdown));
  }
  let checkRun = started;
  const { github } = deps;
  const target = inputs.github;
  if (github && target && !checkRun.forbidden) {
    await attempt("completing the check run", async () => {
      const completion = renderCheckRun(decision, { checkName: inputs.checkName, fullReport, isRepoFile });
      checkRun = await completeCheckRun(target, inputs.checkName, checkRun, completion, {
        ...deps,
        github
      });
    });
  }
  result.checkRunId = checkRun.id;
  result.checkRunUrl = checkRun.htmlUrl;
  if (checkRun.forbidden) reportErrors.push(forbiddenCheckMessage(checkRun.forbidden, inputs.github?.event));
  if (inputs.comment && github && target) {
    const pullRequestNumber = target.pullRequestNumber;
    if (pullRequestNumber === void 0) {
      deps.log.info("No pull request in this event: the summary comment is skipped.");
    } else {
      await attempt("posting the pull request comment", async () => {
        const body = renderComment(decision, {
          checkName: inputs.checkName,
          fullReport,
          checkRunUrl: checkRun.htmlUrl
        });
        const posted = { ...target, pullRequestNumber };
        result.commentUrl = await postStickyComment(posted, inputs.checkName, body, { ...deps, github });
      });
    }
  }
  if (jsonPath) {
    await attempt("writing the JSON report", async () => {
      const json = renderJsonReport(decision, {
        checkName: inputs.checkName,
        toolVersion: deps.toolVersion,
        stats: deps.requestLog?.statsSince()
      });
      await writeTextFile(jsonPath, json);
      result.jsonReportPath = jsonPath;
    });
  }
  if (deps.writeSummary) {
    const summary = renderMarkdown(decision, {
      checkName: inputs.checkName,
      fullReport,
      budgetBytes: JOB_SUMMARY_BUDGET,
      maxFindingRows: 1e3,
      notices: checkRun.forbidden ? [forbiddenCheckMessage(checkRun.forbidden, inputs.github?.event)] : []
    });
    await attempt("writing the job summary", () => deps.writeSummary(summary));
  }
  for (const problem of reportErrors) deps.log.error(problem);
  result.exitCode = decision.mode === "audit" ? 0 : reportErrors.length > 0 ? 2 : exitCodeFor(decision);
  return result;
}
async function existingFiles(paths, workspace) {
  const found = await Promise.all(
    paths.map(async (path) => {
      const info = await stat(resolve(workspace, path)).catch(() => void 0);
      return info?.isFile() ? [path] : [];
    })
  );
  return new Set(found.flat());
}
async function writeTextFile(path, text) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text, "utf8");
}

export {
  run,
  reportUnreadableInputs
};
