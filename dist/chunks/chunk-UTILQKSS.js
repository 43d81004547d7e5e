import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  SEVERITIES
} from "./chunk-TIAON23U.js";
import {
  escapeCode,
  escapeMarkdown,
  escapeMarkdownWithCode,
  stripControl,
  truncate
} from "./chunk-Z5XY7CN4.js";
import {
  familyTitle
} from "./chunk-WTUUJLTT.js";
import {
  displayPath
} from "./chunk-Y3TMLN4E.js";
import {
  ConfigurationError,
  GateError,
  describeError,
  formatPosition
} from "./chunk-SB4G7AKF.js";

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

// src/report/markdown.ts
var CHECK_RUN_SUMMARY_BUDGET = 65535;
var JOB_SUMMARY_BUDGET = 1048576;
var DEFAULT_FINDING_ROWS = 50;
var REDUCED_FINDING_ROWS = 10;
var STATUS_ICON = { pass: "\u2705", fail: "\u274C", warn: "\u26A0\uFE0F", skip: "\u23ED\uFE0F" };
function renderMarkdown(decision, options) {
  const budget = options.budgetBytes ?? CHECK_RUN_SUMMARY_BUDGET;
  const rows = options.maxFindingRows ?? DEFAULT_FINDING_ROWS;
  const sections = [
    [renderNotices(options.notices ?? [])],
    [renderHeadline(decision, options.checkName)],
    [renderSubject(decision)],
    [renderNotes(decision)],
    [renderErrors(decision)],
    [renderFamilyTable(decision)],
    ...decision.results.filter((r) => r.status === "fail").map((r) => renderRuleDetail(r, rows)),
    ...decision.results.filter((r) => r.status === "warn").map((r) => renderRuleDetail(r, rows)),
    renderEvidence(decision.evidence),
    ...decision.results.filter((r) => r.counts || r.suppressed?.length).map(renderFindingsOverview),
    renderPassing(decision)
  ].map((variants) => variants.filter((variant) => variant.length > 0)).filter((variants) => variants.length > 0);
  return fitToBudget(sections, budget, options.fullReport);
}
function verdictLabel(decision) {
  const audit = decision.mode === "audit" ? " (audit mode: reported, not enforced)" : "";
  switch (decision.verdict) {
    case "pass":
      return `passed${audit}`;
    case "fail":
      return `failed${audit}`;
    case "error":
      return `could not decide${audit}`;
  }
}
function renderNotices(notices) {
  return notices.map((notice) => `> [!WARNING]
> ${escapeMarkdown(notice, 1e3)}`).join("\n\n");
}
function renderHeadline(decision, checkName) {
  const icon = decision.verdict === "pass" ? "\u2705" : decision.verdict === "fail" ? "\u274C" : "\u26A0\uFE0F";
  const failing = decision.results.filter((r) => r.status === "fail").length;
  const warning = decision.results.filter((r) => r.status === "warn").length;
  const tally = decision.verdict === "error" ? "The evidence could not be read or verified, so the gate fails closed." : `${failing} failing rule(s), ${warning} warning(s), ${decision.results.length} rule(s) evaluated.`;
  return `## ${icon} ${escapeMarkdown(checkName, 100)} ${verdictLabel(decision)}

${tally}`;
}
function renderSubject(decision) {
  const lines = [];
  const image = decision.evidence?.image;
  if (image) {
    const platform = image.platform ? ` \xB7 ${formatPlatform(image.platform)}` : "";
    const tag = image.resolvedFromTag ? ` (resolved from tag ${escapeCode(image.resolvedFromTag)})` : "";
    lines.push(`**Image** ${escapeCode(`${image.name}@${image.digest}`, 400)}${tag}${platform}`);
  }
  lines.push(`**Policy** ${escapeCode(decision.policyOrigin)} \xB7 mode ${decision.mode}`);
  return lines.join("  \n");
}
function renderNotes(decision) {
  const notes = decision.notes ?? [];
  return notes.map((note) => `- ${escapeMarkdown(note, 1e3)}`).join("\n");
}
function renderErrors(decision) {
  if (decision.errors.length === 0) return "";
  return [
    "### Why the gate could not decide",
    "",
    ...decision.errors.map((e) => `- ${escapeMarkdown(e, 1e3)}`)
  ].join("\n");
}
function renderFamilyTable(decision) {
  if (decision.results.length === 0) return "";
  const families = [...new Set(decision.results.map((r) => r.family))];
  const rows = families.map((family) => {
    const inFamily = decision.results.filter((r) => r.family === family);
    const count = (status) => inFamily.filter((r) => r.status === status).length;
    const title = familyTitle(family);
    return `| ${escapeMarkdown(title)} | ${count("pass")} | ${count("warn")} | ${count("fail")} | ${count("skip")} |`;
  });
  return ["| Rule family | Pass | Warn | Fail | Skip |", "| --- | ---: | ---: | ---: | ---: |", ...rows].join(
    "\n"
  );
}
function renderRuleDetail(result, maxRows) {
  const why = result.status === "fail" ? "Why it fails" : "Why it warns";
  const lines = [
    `### ${STATUS_ICON[result.status]} ${escapeMarkdown(result.title)}`,
    "",
    `${escapeCode(result.ruleId)}${result.position ? ` \xB7 configured at ${escapeCode(formatPosition(result.position))}` : ""}`,
    "",
    `**${why}:** ${escapeMarkdownWithCode(result.message, 2e3)}`
  ];
  if (result.remediation)
    lines.push("", `**How to fix:** ${escapeMarkdownWithCode(result.remediation, 1e3)}`);
  const head = lines.join("\n");
  const findings = result.findings ?? [];
  if (findings.length === 0) return [head];
  const variants = [maxRows, Math.min(maxRows, REDUCED_FINDING_ROWS)].filter((rows, index, all) => all.indexOf(rows) === index).map((rows) => `${head}

**Found:**

${renderFindingsTable(findings, rows)}`);
  const noun = findings.length === 1 ? "finding" : "findings";
  return [...variants, `${head}

**Found:** ${findings.length} ${noun}, listed in the full report.`];
}
function renderFindingsTable(findings, maxRows) {
  const shown = findings.slice(0, maxRows);
  const scanners = new Set(findings.flatMap((f) => (f.sources ?? []).map((source) => source.scanner)));
  const bySource = scanners.size > 1;
  const rows = shown.map((f) => {
    const cells = [
      `${f.severity}${f.cvssScore !== void 0 ? ` (${f.cvssScore})` : ""}`,
      escapeMarkdown(f.id, 80),
      escapeMarkdown(f.packageName, 120),
      escapeMarkdown(f.installedVersion ?? "", 80),
      escapeMarkdown(f.fixedVersion ?? "no fix yet", 80),
      escapeMarkdown(f.title ?? "", 120)
    ];
    if (bySource) {
      cells.push(
        escapeMarkdown([...new Set((f.sources ?? []).map((source) => source.scanner))].join(", "), 80)
      );
    }
    return `| ${cells.join(" | ")} |`;
  });
  const more = findings.length > shown.length ? `

\u2026and ${findings.length - shown.length} more in the full report.` : "";
  const header = ["Severity", "Vulnerability", "Package", "Installed", "Fixed in", "Title"];
  if (bySource) header.push("Reported by");
  return [`| ${header.join(" | ")} |`, `|${" --- |".repeat(header.length)}`, ...rows].join("\n") + more;
}
var OVERVIEW_ROWS = 20;
function renderFindingsOverview(result) {
  const findings = result.findings ?? [];
  const suppressed = result.suppressed ?? [];
  const counts = result.counts ? SEVERITIES.filter((severity) => (result.counts[severity] ?? 0) > 0).map((severity) => `${result.counts[severity]} ${severity}`).join(", ") : "";
  const summary = `All findings: ${findings.length}${counts ? ` (${counts})` : ""}${suppressed.length > 0 ? ` \xB7 ${suppressed.length} suppressed` : ""}`;
  const parts = [`<details><summary>${escapeMarkdown(summary, 300)}</summary>`, ""];
  if (findings.length > 0) parts.push(renderFindingsTable(findings, OVERVIEW_ROWS), "");
  if (suppressed.length > 0) {
    parts.push("**Suppressed:**", "");
    for (const entry of suppressed.slice(0, OVERVIEW_ROWS)) {
      const where = entry.origin ? ` (${escapeCode(entry.origin)})` : "";
      parts.push(
        `- ${escapeMarkdown(entry.finding.id, 80)} in ${escapeMarkdown(entry.finding.packageName, 120)}: ${entry.by}${where}, ${escapeMarkdown(entry.reason, 300)}`
      );
    }
    if (suppressed.length > OVERVIEW_ROWS)
      parts.push(`- \u2026and ${suppressed.length - OVERVIEW_ROWS} more in the full report.`);
    parts.push("");
  }
  parts.push("</details>");
  return [parts.join("\n"), `${escapeMarkdown(summary, 300)}; listed in the full report.`];
}
function renderEvidence(evidence) {
  if (!evidence) return [];
  const image = evidence.image;
  const items = [`- Image manifest ${escapeCode(image.digest)} from ${escapeCode(image.source.uri, 300)}`];
  if (image.platforms.length > 1) {
    const platforms = image.platforms.map(
      (p) => `${p.platform ? escapeCode(formatPlatform(p.platform)) : "unknown platform"} ${escapeCode(p.digest)}`
    );
    items.push(`- Platforms gated: ${platforms.join(", ")}`);
  }
  const verifications = evidence.verifications ?? [];
  if (verifications.length > 0) {
    items.push(...verifications.map(renderVerification));
  } else {
    items.push(...evidence.discovered.map((artifact) => `- ${describeArtifact(artifact)}, not verified`));
  }
  for (const scan of evidence.scans) {
    const scanner = `${scan.scanner.name}${scan.scanner.version ? ` ${scan.scanner.version}` : ""}`;
    const counts = SEVERITIES.map((s) => [s, scan.findings.filter((f) => f.severity === s).length]).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`).join(", ");
    const about = scan.artifact.digests.length > 0 ? `, about ${scan.artifact.digests.map((d) => escapeCode(d)).join(", ")}` : "";
    const suppressed = scan.suppressed?.length ? `; ${scan.suppressed.length} marked not applicable by the report` : "";
    items.push(
      `- Scan ${escapeCode(scan.source.uri)} (${escapeMarkdown(scanner, 80)}${scan.source.digest ? `, file ${escapeCode(scan.source.digest)}` : ""}${about}): ${scan.findings.length} finding(s)${counts ? ` \u2014 ${counts}` : ""}${suppressed}`
    );
  }
  const lookups = renderLookups(evidence);
  const full = ["### Evidence", "", ...items, ...lookups ? ["", lookups] : []].join("\n");
  const verified = verifications.filter((v) => v.status === "verified").length;
  const lean = `### Evidence

Image manifest ${escapeCode(image.digest)}; ${evidence.discovered.length} signature(s) or attestation(s) found, ${verified} verified; ${evidence.scans.length} scan report(s): listed in the full report.`;
  return lookups ? [full, ["### Evidence", "", ...items].join("\n"), lean] : [full, lean];
}
function renderVerification(verification) {
  const artifact = describeArtifact(verification.artifact);
  if (verification.status === "invalid") {
    return `- \u274C ${artifact}: rejected by the ${escapeMarkdown(verification.check, 80)} check: ${escapeMarkdown(verification.message, 500)}`;
  }
  const what = verification.statement ? `Attestation ${escapeCode(verification.statement.predicateType, 200)}` : "Signature";
  const log = verification.transparencyLog[0];
  const logged = log ? `, transparency log entry ${escapeCode(log.logIndex)}` : "";
  const time = verification.timestamps[0];
  const at = time ? `, signed ${escapeMarkdown(time.time, 40)}` : "";
  return `- \u2705 ${what} by ${describeSigner(verification.signer)}${logged}${at} \u2014 ${artifact}`;
}
function describeSigner(signer) {
  if (signer.kind === "public-key") return `key ${escapeCode(signer.keyId, 120)}`;
  const parts = [signer.san ? escapeCode(signer.san, 300) : "an unnamed certificate"];
  if (signer.issuer) parts.push(`issuer ${escapeCode(signer.issuer, 200)}`);
  const claims = signer.claims;
  if (claims.buildConfigUri && claims.buildConfigUri !== signer.san) {
    parts.push(`workflow ${escapeCode(claims.buildConfigUri, 300)}`);
  }
  if (claims.sourceRepositoryRef) parts.push(`ref ${escapeCode(claims.sourceRepositoryRef, 200)}`);
  if (claims.runnerEnvironment) parts.push(`${escapeMarkdown(claims.runnerEnvironment, 40)} runner`);
  return parts.join(", ");
}
function describeArtifact(artifact) {
  const platform = artifact.platform ? ` (${escapeCode(formatPlatform(artifact.platform))})` : "";
  const digest = artifact.source.digest ? ` ${escapeCode(artifact.source.digest)}` : "";
  return `${DISCOVERED_KIND[artifact.kind]} for ${escapeCode(artifact.subjectDigest)}${platform} from ${escapeCode(artifact.source.uri, 300)}${digest}`;
}
function renderLookups(evidence) {
  const lookups = evidence.lookups ?? [];
  if (lookups.length === 0) return "";
  const rows = lookups.map(
    (l) => `| ${l.place} | ${escapeCode(l.subjectDigest)}${l.platform ? ` ${escapeCode(formatPlatform(l.platform))}` : ""} | ${escapeCode(l.uri, 300)} | ${l.outcome} | ${l.found} | ${l.skipped.length > 0 ? escapeMarkdown(l.skipped.map((s) => s.reason).join("; "), 300) : ""} |`
  );
  const stats = evidence.stats?.requests ? `, ${evidence.stats.requests} request(s) in ${evidence.stats.roundTrips} round trip(s), ${evidence.stats.elapsedMs} ms` : "";
  return [
    `<details><summary>Where the gate looked for signatures and attestations (${lookups.length} place(s)${stats})</summary>`,
    "",
    "| Where | Subject | Location | Outcome | Found | Skipped |",
    "| --- | --- | --- | --- | ---: | --- |",
    ...rows,
    "",
    "</details>"
  ].join("\n");
}
function formatPlatform(platform) {
  return `${platform.os}/${platform.architecture}${platform.variant ? `/${platform.variant}` : ""}`;
}
var DISCOVERED_KIND = {
  "sigstore-bundle": "Sigstore bundle",
  "cosign-signature": "Cosign signature",
  "cosign-attestation": "Cosign attestation"
};
function renderPassing(decision) {
  const rest = decision.results.filter((r) => r.status === "pass" || r.status === "skip");
  if (rest.length === 0) return [];
  const items = rest.map(
    (r) => `- ${STATUS_ICON[r.status]} ${escapeCode(r.ruleId)} ${escapeMarkdown(r.title)}: ${escapeMarkdown(r.message, 500)}`
  );
  const passed = rest.filter((r) => r.status === "pass").length;
  return [
    [
      `<details><summary>Passing and skipped rules (${rest.length})</summary>`,
      "",
      ...items,
      "",
      "</details>"
    ].join("\n"),
    `${passed} rule(s) passed and ${rest.length - passed} were skipped: listed in the full report.`
  ];
}
function fitToBudget(sections, budget, fullReport) {
  const note = `

---
_Some sections were shortened or left out to fit GitHub's size limit.${renderFullReportLink(fullReport)}_`;
  const reserve = utf8Length(note) + 1;
  const sizes = sections.map((variants) => variants.map((variant) => utf8Length(variant) + 2));
  const chosen = [];
  let used = 0;
  sections.forEach((variants, index) => {
    const leanest = variants.length - 1;
    if (used + sizes[index][leanest] + reserve <= budget) {
      chosen[index] = leanest;
      used += sizes[index][leanest];
    }
  });
  sections.forEach((_, index) => {
    const current = chosen[index];
    if (current === void 0) return;
    for (let richer = 0; richer < current; richer += 1) {
      const growth = sizes[index][richer] - sizes[index][current];
      if (used + growth + reserve <= budget) {
        chosen[index] = richer;
        used += growth;
        return;
      }
    }
  });
  const shortened = sections.some((_, index) => chosen[index] !== 0);
  const kept = sections.flatMap((variants, index) => {
    const variant = chosen[index];
    return variant === void 0 ? [] : [variants[variant]];
  });
  return kept.join("\n\n") + (shortened ? note : "") + "\n";
}
function renderFullReportLink(link) {
  if (!link) return "";
  const where = /^https:\/\/[^\s()<>[\]]+$/.test(link.runUrl ?? "") ? ` (download it from the [workflow run](${link.runUrl}) when it is uploaded as an artifact)` : "";
  return ` The full report is ${escapeCode(link.path, 300)}${where}.`;
}
var encoder = new TextEncoder();
function utf8Length(text2) {
  return encoder.encode(text2).length;
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
function forbiddenCheckMessage(reason) {
  return `The check run could not be written (${reason}). On pull requests from forks GITHUB_TOKEN is read-only, so the verdict is in this job summary and the step fails instead. To post the check run on such pull requests, run the gate from a workflow_run workflow (see examples/workflows/ in supply-chain-gate).`;
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
      const { makeProvenance } = await import("./make-PEYDW3SY.js");
      return makeProvenance({ reference: inputs.image, digest: inputs.digest }, inputs.provenance, {
        ...await publishDeps(),
        openImageStore: deps.openImageStore
      });
    },
    async verificationSummary(decision, policy) {
      if (!inputs.verificationSummary || decision.verdict === "error") return decision;
      try {
        const { emitVerificationSummary } = await import("./emit-TAKDJLPU.js");
        const note = await emitVerificationSummary(decision, policy, inputs.verificationSummary, {
          ...await publishDeps(),
          toolVersion: deps.toolVersion
        });
        return note ? { ...decision, notes: [...decision.notes ?? [], note] } : decision;
      } catch (error) {
        return {
          ...decision,
          verdict: "error",
          errors: [
            ...decision.errors,
            `the verification summary could not be published: ${describeError(error)}`
          ]
        };
      }
    }
  };
}

// src/policy/decision.ts
function undecided(reasons, mode, now, policyOrigin, evidence) {
  return {
    verdict: "error",
    mode,
    results: [],
    errors: reasons,
    evaluatedAt: now.toISOString(),
    policyOrigin,
    evidence
  };
}

// src/report/annotations.ts
var MAX_ANNOTATIONS = 1e3;
var MAX_TITLE = 255;
var MAX_MESSAGE = 4e3;
function renderAnnotations(decision, options) {
  const max = options.max ?? MAX_ANNOTATIONS;
  const reported = decision.results.filter((r) => r.status === "fail" || r.status === "warn");
  const ordered = [
    ...reported.filter((r) => r.status === "fail"),
    ...reported.filter((r) => r.status === "warn")
  ];
  const all = [
    ...ordered.flatMap((result) => ruleAnnotation(result, options)),
    ...ordered.flatMap((result) => findingAnnotations(result, options))
  ];
  return { annotations: all.slice(0, max), omitted: Math.max(all.length - max, 0) };
}
function annotationPaths(decision) {
  const paths = /* @__PURE__ */ new Set();
  for (const result of decision.results) {
    if (result.position) {
      const path = repoPathOf(result.position.file);
      if (path) paths.add(path);
    }
    for (const finding of result.findings ?? []) {
      for (const place of findingPlaces(finding)) paths.add(place.path);
    }
  }
  return [...paths];
}
function repoPathOf(file) {
  const path = file.replace(/@[0-9A-Za-z_./-]+$/, "").replace(/^\.\//, "");
  if (path === "" || path.startsWith("/") || /^[A-Za-z]:/.test(path) || /[\s:]/.test(path)) return void 0;
  if (path.split("/").some((part) => part === ".." || part === "")) return void 0;
  return path;
}
function ruleAnnotation(result, options) {
  const path = result.position ? repoPathOf(result.position.file) : void 0;
  if (!result.position || !path || !options.isRepoFile(path)) return [];
  const fix = result.remediation ? `

How to fix: ${result.remediation}` : "";
  return [
    {
      path,
      start_line: result.position.line,
      end_line: result.position.line,
      annotation_level: level(result),
      title: plain(`${result.ruleId}: ${result.title}`, MAX_TITLE),
      message: plain(`${result.message}${fix}`, MAX_MESSAGE)
    }
  ];
}
function findingPlaces(finding) {
  const places = [];
  const at = finding.location === void 0 ? null : /^(.+?):(\d+)(?::(\d+))?$/.exec(finding.location);
  const atPath = at ? repoPathOf(at[1]) : void 0;
  if (at && atPath && Number(at[2]) > 0) {
    places.push({ path: atPath, line: Number(at[2]), ...at[3] ? { column: Number(at[3]) } : {} });
  }
  const targetPath = finding.target === void 0 ? void 0 : repoPathOf(finding.target);
  if (targetPath) places.push({ path: targetPath, line: 1 });
  return places;
}
function findingPlace(finding, isRepoFile) {
  return findingPlaces(finding).find((place) => isRepoFile(place.path));
}
function findingAnnotations(result, options) {
  return (result.findings ?? []).flatMap((finding) => {
    const place = findingPlace(finding, options.isRepoFile);
    if (!place) return [];
    return [
      {
        path: place.path,
        start_line: place.line,
        end_line: place.line,
        annotation_level: level(result),
        title: plain(`${finding.id} in ${finding.packageName}`, MAX_TITLE),
        message: plain(describeFinding(finding, result), MAX_MESSAGE)
      }
    ];
  });
}
function describeFinding(finding, result) {
  const version = finding.installedVersion ? ` ${finding.installedVersion}` : "";
  const fix = finding.fixedVersion ? `fixed in ${finding.fixedVersion}` : "no fix published yet";
  const title = finding.title ? `: ${finding.title}` : "";
  return `${finding.severity} ${finding.id} in ${finding.packageName}${version} (${fix})${title}. ${result.ruleId}: ${result.title}.`;
}
function level(result) {
  return result.status === "fail" ? "failure" : "warning";
}
function plain(text2, max) {
  return truncate(
    stripControl(text2).replace(/[ \t]+/g, " ").trim(),
    max
  );
}

// src/report/check-run.ts
function checkConclusion(decision) {
  if (decision.mode === "audit") return "neutral";
  return decision.verdict === "pass" ? "success" : "failure";
}
function renderCheckRun(decision, options) {
  const failing = decision.results.filter((r) => r.status === "fail").length;
  const title = decision.verdict === "error" ? "Could not decide: evidence unreadable" : decision.verdict === "fail" ? `${failing} rule(s) failed` : `All ${decision.results.length} rule(s) passed`;
  const { annotations, omitted } = renderAnnotations(decision, {
    isRepoFile: options.isRepoFile,
    max: options.maxAnnotations
  });
  return {
    conclusion: checkConclusion(decision),
    output: {
      title: `${title}${decision.mode === "audit" ? " (audit)" : ""}`,
      summary: renderMarkdown(decision, { checkName: options.checkName, fullReport: options.fullReport }),
      text: omitted > 0 ? `${annotations.length} annotations are shown on the files; ${omitted} more were left out. Every finding is in the full report and the SARIF file.` : void 0,
      annotations
    }
  };
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
    stats: decision.evidence?.stats,
    errors: decision.errors,
    results: decision.results,
    scans: decision.evidence?.scans.map((scan) => ({
      format: scan.format,
      scanner: scan.scanner,
      artifact: scan.artifact,
      createdAt: scan.createdAt,
      source: scan.source,
      findingCount: scan.findings.length
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
  }
  lines.push(`${checkName} ${verdictLabel(decision)}`);
  return lines;
}

// src/report/sarif.ts
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var MAX_TEXT = 2e3;
function renderSarif(decision, options) {
  const rules = [];
  const results = [];
  const ruleIndex = (rule) => {
    const existing = rules.findIndex((r) => r.id === rule.id);
    if (existing >= 0) return existing;
    rules.push(rule);
    return rules.length - 1;
  };
  const violations = decision.results.filter((r) => r.status === "fail" || r.status === "warn");
  for (const result of violations) {
    const level2 = result.status === "fail" ? "error" : "warning";
    const where = ruleLocation(result, decision, options);
    results.push({
      ruleId: result.ruleId,
      ruleIndex: ruleIndex(gateRule(result, level2)),
      level: level2,
      message: { text: text(`${result.title}. ${result.message}`) },
      locations: [where],
      partialFingerprints: { "supplyChainGate/v1": result.ruleId }
    });
    for (const finding of result.findings ?? []) {
      const rule = findingRule(result, finding, level2);
      results.push({
        ruleId: rule.id,
        ruleIndex: ruleIndex(rule),
        level: level2,
        message: { text: text(describeFinding2(finding, decision)) },
        locations: [findingLocation(finding, options) ?? where],
        partialFingerprints: {
          "supplyChainGate/v1": `${rule.id}:${finding.packageName}:${finding.installedVersion ?? ""}`
        }
      });
    }
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "supply-chain-gate",
            semanticVersion: options.toolVersion,
            version: options.toolVersion,
            rules
          }
        },
        // Code scanning keeps one set of alerts per category: one per gate.
        automationDetails: { id: `${options.checkName}/` },
        invocations: [
          {
            executionSuccessful: decision.verdict !== "error",
            endTimeUtc: decision.evaluatedAt,
            toolExecutionNotifications: decision.errors.map((error) => ({
              level: "error",
              message: { text: text(error) }
            }))
          }
        ],
        results
      }
    ]
  };
  return `${JSON.stringify(log, null, 2)}
`;
}
function gateRule(result, level2) {
  return {
    id: result.ruleId,
    name: ruleName(result.ruleId),
    shortDescription: { text: text(result.title) },
    ...result.remediation ? { help: { text: text(result.remediation) } } : {},
    defaultConfiguration: { level: level2 },
    properties: { tags: ["supply-chain", result.family] }
  };
}
function findingRule(result, finding, level2) {
  const id = `${result.ruleId}/${finding.id}`;
  return {
    id,
    name: ruleName(id),
    shortDescription: { text: text(finding.title ?? finding.id) },
    fullDescription: {
      text: text(`${finding.id} (${finding.severity})${finding.title ? `: ${finding.title}` : ""}`)
    },
    help: {
      text: text(
        finding.fixedVersion ? `Upgrade ${finding.packageName} to ${finding.fixedVersion} or later.` : `No fixed version of ${finding.packageName} is published yet.`
      )
    },
    ...finding.url && isHttpsUrl(finding.url) ? { helpUri: finding.url } : {},
    defaultConfiguration: { level: level2 },
    properties: {
      tags: ["supply-chain", result.family, "security"],
      "security-severity": securitySeverity(finding)
    }
  };
}
function describeFinding2(finding, decision) {
  const version = finding.installedVersion ? ` ${finding.installedVersion}` : "";
  const fix = finding.fixedVersion ? `fixed in ${finding.fixedVersion}` : "no fix published yet";
  const image = decision.evidence ? ` in ${decision.evidence.image.name}@${decision.evidence.image.digest}` : "";
  return `${finding.severity} ${finding.id} in ${finding.packageName}${version} (${fix})${image}`;
}
function ruleLocation(result, decision, options) {
  const path = result.position ? repoPathOf(result.position.file) : void 0;
  if (result.position && path && options.isRepoFile(path)) {
    return location(path, result.position.line, result.position.column);
  }
  return location(decision.evidence?.image.name ?? "container-image", 1);
}
function findingLocation(finding, options) {
  const place = findingPlace(finding, options.isRepoFile);
  return place && location(place.path, place.line, place.column);
}
function location(uri, startLine, startColumn) {
  return {
    physicalLocation: {
      artifactLocation: { uri: uri.split("/").map(encodeURIComponent).join("/") },
      region: startColumn === void 0 ? { startLine } : { startLine, startColumn }
    }
  };
}
function securitySeverity(finding) {
  if (finding.cvssScore !== void 0) return finding.cvssScore.toFixed(1);
  const bySeverity = { critical: "9.5", high: "8.0", medium: "5.5", low: "2.0", unknown: "0.0" };
  return bySeverity[finding.severity];
}
function ruleName(id) {
  return id.replace(/[^A-Za-z0-9]+(.)?/g, (_, next) => (next ?? "").toUpperCase());
}
function isHttpsUrl(text2) {
  return /^https:\/\/[^\s<>"]+$/.test(text2);
}
function text(value) {
  return truncate(stripControl(value).replace(/\s+/g, " ").trim(), MAX_TEXT);
}

// src/main.ts
async function run(inputs, deps) {
  const reportErrors = [];
  const started = start(inputs, deps, reportErrors);
  let decision;
  try {
    decision = await decide(inputs, deps);
  } catch (error) {
    decision = undecided([describeError(error)], inputs.mode ?? "enforce", deps.now(), "not loaded");
  }
  return reportOrCompleteAsCrash(decision, inputs, deps, await started, reportErrors);
}
async function reportUnreadableInputs(error, inputs, deps) {
  const reportErrors = [];
  const checkRun = await start(inputs, deps, reportErrors);
  const decision = undecided([describeError(error)], "enforce", deps.now(), "not loaded");
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
    const { resolvePolicy } = await import("./resolve-YDXEK5UQ.js");
    const { collectEvidence } = await import("./collect-O3Z64CJN.js");
    const { evaluatePolicy } = await import("./evaluate-IYROWTA7.js");
    policy = await resolvePolicy(inputs, deps);
    deps.log.info(`Policy: ${policy.origin}`);
    const provenance = await attestations.provenance();
    if (provenance) deps.log.info(provenance.note);
    evidence = await collectEvidence(inputs, deps, policy, provenance);
    deps.log.info(`Image: ${evidence.image.name}@${evidence.image.digest}`);
    deps.log.info(describeDiscovery(evidence));
    const evaluated = evaluatePolicy(policy, evidence, deps.now());
    const decision = provenance ? { ...evaluated, notes: [...evaluated.notes ?? [], provenance.note] } : evaluated;
    const summarized = await attestations.verificationSummary(decision, policy);
    return inputs.mode ? { ...summarized, mode: inputs.mode } : summarized;
  } catch (error) {
    const reason = describeError(error);
    deps.log.error(reason);
    return undecided(
      [reason],
      inputs.mode ?? policy?.mode ?? "enforce",
      deps.now(),
      policy?.origin ?? "not loaded",
      evidence
    );
  }
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
  for (const line of renderLogLines(decision, inputs.checkName)) deps.log.info(line);
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
  if (jsonPath) {
    await attempt("writing the JSON report", async () => {
      const json = renderJsonReport(decision, { checkName: inputs.checkName, toolVersion: deps.toolVersion });
      await writeTextFile(jsonPath, json);
      result.jsonReportPath = jsonPath;
    });
  }
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
  if (checkRun.forbidden) reportErrors.push(forbiddenCheckMessage(checkRun.forbidden));
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
  if (deps.writeSummary) {
    const summary = renderMarkdown(decision, {
      checkName: inputs.checkName,
      fullReport,
      budgetBytes: JOB_SUMMARY_BUDGET,
      maxFindingRows: 1e3,
      notices: checkRun.forbidden ? [forbiddenCheckMessage(checkRun.forbidden)] : []
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
async function writeTextFile(path, text2) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text2, "utf8");
}

export {
  run,
  reportUnreadableInputs
};
