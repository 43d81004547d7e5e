import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  familyTitle
} from "./chunk-724VLPQF.js";
import {
  SEVERITIES
} from "./chunk-2GTHPEXP.js";
import {
  escapeCode,
  escapeMarkdown,
  escapeMarkdownWithCode,
  stripControl,
  truncate
} from "./chunk-AJCAIOG3.js";
import {
  formatPosition
} from "./chunk-QCJNFU7Y.js";

// src/report/preview.ts
var ICON = {
  pass: "\u2705 pass",
  fail: "\u274C fail",
  warn: "\u26A0\uFE0F warn",
  skip: "\u23ED\uFE0F skip",
  absent: "\u2014 not run"
};
var CHANGE_ROWS = 30;
var PROBLEM_LINES = 30;
function previewVerdictLabel(preview) {
  if (preview.verdict === "error") return "proposed policy: cannot be evaluated";
  const audit = preview.mode === "audit" ? " (audit)" : "";
  return `proposed policy: ${preview.verdict}${audit}`;
}
function renderPolicyPreview(decision) {
  const preview = decision.preview;
  if (!preview) return [];
  const what = preview.changes.length === 2 ? "the policy and the VEX files" : preview.changes[0] === "vex" ? "the VEX files" : "the policy";
  const where = escapeCode(preview.policy);
  if (preview.verdict === "error") {
    const problems = preview.problems ?? [];
    const lines = (count) => [
      `### \u26A0\uFE0F Under the proposed policy: it cannot be evaluated`,
      "",
      `This change edits ${what}; as proposed (${where}) the gate cannot load it, so once merged every run would stop on these problems:`,
      "",
      ...problems.slice(0, count).map((problem) => `- ${escapeMarkdown(problem, 500)}`),
      ...problems.length > count ? [`- \u2026and ${problems.length - count} more`] : []
    ];
    return [lines(PROBLEM_LINES).join("\n"), lines(3).join("\n")];
  }
  const icon = preview.verdict === "pass" ? "\u2705" : "\u274C";
  const audit = preview.mode === "audit" ? " (audit mode: reported, not enforced)" : "";
  const head = [
    `### ${icon} Under the proposed policy: ${preview.verdict}${audit}`,
    "",
    `This change edits ${what}. The base commit's policy decides this check until it is merged; ${where} would decide **${preview.verdict}** on the same evidence.`,
    ...(preview.notes ?? []).map((note) => `
> ${escapeMarkdown(note, 500)}`)
  ].join("\n");
  if (preview.changed.length === 0) return [`${head}

No rule's outcome changes.`];
  const table = (rows) => [
    "| Rule | Now | Proposed |",
    "| --- | --- | --- |",
    ...preview.changed.slice(0, rows).map(renderChange),
    ...preview.changed.length > rows ? [`| \u2026and ${preview.changed.length - rows} more | | |`] : []
  ].join("\n");
  return [
    `${head}

${table(CHANGE_ROWS)}`,
    `${head}

${preview.changed.length} rule outcome(s) change, listed in the full report.`
  ];
}
function renderChange(change) {
  const platform = change.platform ? ` (${escapeMarkdown(change.platform, 40)})` : "";
  return `| ${escapeCode(change.ruleId, 100)}${platform} ${escapeMarkdown(change.title, 120)} | ${ICON[change.base]} | ${ICON[change.proposed]} |`;
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
    renderPolicyPreview(decision),
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
      return decision.misconfiguration ? `is misconfigured${audit}` : `could not decide${audit}`;
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
  const tally = decision.misconfiguration ? "The gate is set up wrong, so it could not decide and fails closed: fix what is listed below and run it again." : decision.verdict === "error" ? "The evidence could not be read or verified, so the gate fails closed." : `${failing} failing rule(s), ${warning} warning(s), ${decision.results.length} rule(s) evaluated.`;
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
  if (decision.misconfiguration) return renderMisconfiguration(decision.misconfiguration);
  if (decision.errors.length === 0) return "";
  return [
    "### Why the gate could not decide",
    "",
    ...decision.errors.map((e) => `- ${escapeMarkdown(e, 1e3)}`)
  ].join("\n");
}
function renderMisconfiguration(problems) {
  const files = [...new Set(problems.flatMap((p) => p.position ? [p.position.file] : []))];
  const lint = files.length > 0 ? files.map((file) => escapeCode(`supply-chain-gate policy lint ${file}`)) : [];
  return [
    `### What to fix (${problems.length} problem${problems.length === 1 ? "" : "s"})`,
    "",
    ...problems.map(
      (problem) => problem.position ? `- ${escapeCode(formatPosition(problem.position))} ${escapeMarkdownWithCode(problem.message)}` : `- ${escapeMarkdownWithCode(problem.message)}`
    ),
    ...lint.length > 0 ? ["", `Check the file before you push: ${lint.join(", ")}.`] : []
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
  for (const attestation of evidence.buildkitAttestations ?? []) {
    const platform = attestation.platform ? ` for ${escapeCode(formatPlatform(attestation.platform))}` : "";
    items.push(
      `- BuildKit ${attestation.sbom ? "SBOM" : "provenance"} ${escapeCode(attestation.predicateType, 100)}${platform} (${escapeCode(attestation.platformDigest)}), in attestation manifest ${escapeCode(attestation.manifestDigest)}`
    );
  }
  for (const sbom of evidence.sboms ?? []) {
    const kind = sbom.format === "spdx" ? "SPDX" : "CycloneDX";
    const tool = sbom.tool ? `, by ${escapeMarkdown(sbom.tool, 80)}` : "";
    items.push(
      `- SBOM ${escapeCode(sbom.source.uri, 300)} (${kind} ${escapeMarkdown(sbom.specVersion.replace(/^SPDX-/, ""), 20)}${tool}, ${sbom.origin.kind}): ${sbom.packages.length} package(s)`
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
function misconfigured(problems, mode, now, policyOrigin, evidence) {
  const lines = problems.map(
    (p) => p.position ? `${p.position.file}:${p.position.line}:${p.position.column}: ${p.message}` : p.message
  );
  return { ...undecided(lines, mode, now, policyOrigin, evidence), misconfiguration: problems };
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
    ...(decision.misconfiguration ?? []).flatMap((problem) => problemAnnotation(problem, options)),
    ...ordered.flatMap((result) => ruleAnnotation(result, options)),
    ...proposedPolicyAnnotations(decision, options),
    ...ordered.flatMap((result) => findingAnnotations(result, options))
  ];
  const unplaced = ordered.filter((result) => result.position?.inCheckout === null).length;
  return { annotations: all.slice(0, max), omitted: Math.max(all.length - max, 0), unplaced };
}
function annotationPaths(decision) {
  const paths = /* @__PURE__ */ new Set();
  for (const problem of decision.misconfiguration ?? []) {
    const path = problem.position && problemPath(problem.position.file);
    if (path) paths.add(path);
  }
  for (const result of decision.results) {
    if (result.position) {
      const path = repoPathOf(result.position.file);
      if (path) paths.add(path);
    }
    for (const finding of result.findings ?? []) {
      for (const place of findingPlaces(finding)) paths.add(place.path);
    }
  }
  for (const problem of decision.preview?.problems ?? []) {
    const place = problemPlace(problem);
    if (place) paths.add(place.path);
  }
  return [...paths];
}
function proposedPolicyAnnotations(decision, options) {
  return (decision.preview?.problems ?? []).flatMap((problem) => {
    const place = problemPlace(problem);
    if (!place || !options.isRepoFile(place.path)) return [];
    return [
      {
        path: place.path,
        start_line: place.line,
        end_line: place.line,
        annotation_level: "warning",
        title: "The proposed policy does not load",
        message: plain(`${place.message} Once merged, every run would stop here.`, MAX_MESSAGE)
      }
    ];
  });
}
function problemPlace(problem) {
  const match = /^(.+?):(\d+):(\d+): (.*)$/s.exec(problem);
  const path = match ? repoPathOf(match[1]) : void 0;
  if (!match || !path || Number(match[2]) < 1) return void 0;
  return { path, line: Number(match[2]), column: Number(match[3]), message: match[4] };
}
function repoPathOf(file) {
  const path = file.replace(/@[0-9A-Za-z_./-]+$/, "").replace(/^\.\//, "");
  if (path === "" || path.startsWith("/") || /^[A-Za-z]:/.test(path) || /[\s:]/.test(path)) return void 0;
  if (path.split("/").some((part) => part === ".." || part === "")) return void 0;
  return path;
}
function problemPath(file) {
  return file.includes("@") ? void 0 : repoPathOf(file);
}
function problemAnnotation(problem, options) {
  const path = problem.position && problemPath(problem.position.file);
  if (!problem.position || !path || !options.isRepoFile(path)) return [];
  return [
    {
      path,
      start_line: problem.position.line,
      end_line: problem.position.line,
      annotation_level: "failure",
      title: "Misconfigured",
      message: plain(problem.message, MAX_MESSAGE)
    }
  ];
}
function ruleAnnotation(result, options) {
  const path = result.position ? repoPathOf(result.position.file) : void 0;
  if (!result.position || !path || !options.isRepoFile(path)) return [];
  const { inCheckout } = result.position;
  if (inCheckout === null) return [];
  const line = inCheckout?.line ?? result.position.line;
  const fix = result.remediation ? `

How to fix: ${result.remediation}` : "";
  return [
    {
      path,
      start_line: line,
      end_line: line,
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
  const at = result.position?.inCheckout === void 0 ? result.position : result.position.inCheckout;
  if (at && path && options.isRepoFile(path)) return location(path, at.line, at.column);
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

export {
  previewVerdictLabel,
  JOB_SUMMARY_BUDGET,
  renderMarkdown,
  verdictLabel,
  undecided,
  misconfigured,
  renderAnnotations,
  annotationPaths,
  repoPathOf,
  renderSarif
};
