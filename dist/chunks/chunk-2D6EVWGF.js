import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  effectivePolicy,
  evaluatePolicy,
  imageMatches,
  isExpired
} from "./chunk-H776GRBR.js";
import {
  bySeverityThenId,
  countBySeverity,
  findingKey,
  mergeFindings
} from "./chunk-74X36MG6.js";
import {
  external_exports
} from "./chunk-WLVSEBNM.js";
import {
  renderMarkdown,
  renderSarif,
  undecided
} from "./chunk-3A7RVSKP.js";
import {
  readRegularFile
} from "./chunk-2FUSLBNA.js";
import {
  SEVERITIES
} from "./chunk-2GTHPEXP.js";
import {
  escapeCode,
  escapeHtml,
  escapeLogLine,
  escapeMarkdown,
  stripControl,
  truncate
} from "./chunk-AJCAIOG3.js";
import {
  formatImageName,
  parseImageReference
} from "./chunk-V6QQ6HQ7.js";
import {
  ConfigurationError,
  GateError,
  describeError
} from "./chunk-QCJNFU7Y.js";

// src/report/status.ts
var VERDICT_ORDER = { error: 0, fail: 1, pass: 2 };
var VERDICT_ICON = { error: "\u26A0\uFE0F", fail: "\u274C", pass: "\u2705" };
var VERDICT_MARK = { error: "\u26A0", fail: "\u2717", pass: "\u2713" };
var VERDICT_WORD = {
  error: "cannot be judged",
  fail: "fails",
  pass: "passes"
};
function combineReports(reports, generatedAt) {
  const byKey = /* @__PURE__ */ new Map();
  for (const report2 of reports) {
    for (const image of report2.images) {
      const known = byKey.get(image.key);
      if (!known || known.evaluatedAt < image.evaluatedAt) byKey.set(image.key, image);
    }
  }
  const images = [...byKey.values()].sort(
    (a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
  const runUrls = [...new Set(reports.map((report2) => report2.runUrl).filter((url) => url !== void 0))];
  return {
    images,
    errors: reports.flatMap((report2) => report2.errors),
    generatedAt,
    ...runUrls.length === 1 ? { runUrl: runUrls[0] } : {},
    checkName: reports[0]?.checkName ?? "supply-chain-gate"
  };
}
function tally(images) {
  const count = (verdict) => images.filter((i) => i.verdict === verdict).length;
  return `${images.length} image(s): ${count("fail")} failing, ${count("error")} cannot be judged, ${count("pass")} passing`;
}
function safeLink(url) {
  return url !== void 0 && /^https:\/\/[^\s"'<>()[\]`\\]+$/.test(url) ? url : void 0;
}
function shortDigest(digest) {
  return digest ? `${digest.slice(0, 19)}\u2026` : "\u2014";
}
function sinceText(image) {
  return image.since ? image.since.slice(0, 10) : "\u2014";
}
function findingText(finding) {
  return `${finding.id} (${finding.severity}) in ${finding.packageName}${finding.installedVersion ? ` ${finding.installedVersion}` : ""}`;
}
function worstLines(image, limit = 3) {
  if (image.worstFindings.length > 0) return image.worstFindings.slice(0, limit).map(findingText);
  if (image.failing.length > 0) return image.failing.slice(0, limit).map((rule) => rule.title);
  return image.errors.slice(0, limit);
}
function renderStatusMarkdown(overview) {
  const lines = [
    `## ${escapeMarkdown(overview.checkName, 100)} watch: ${tally(overview.images)}`,
    "",
    ...overview.errors.map((error) => `> \u26A0\uFE0F ${escapeMarkdown(error, 1e3)}`),
    ...overview.errors.length > 0 ? [""] : [],
    "| Image | Digest | Verdict | Since | Worst findings | Issue |",
    "| --- | --- | --- | --- | --- | --- |"
  ];
  for (const image of overview.images) {
    const issueUrl = safeLink(image.issue?.url);
    const issue = image.issue ? issueUrl ? `[#${image.issue.number}](${issueUrl}) ${image.issue.state}` : `#${image.issue.number} ${image.issue.state}` : "\u2014";
    const worst = worstLines(image).map((line) => escapeMarkdown(line, 160)).join("<br>");
    lines.push(
      `| ${escapeCode(image.key, 200)} | ${image.digest ? escapeCode(shortDigest(image.digest)) : "\u2014"} | ${VERDICT_ICON[image.verdict]} ${VERDICT_WORD[image.verdict]} | ${sinceText(image)} | ${worst || "\u2014"} | ${issue} |`
    );
  }
  lines.push("", `_Generated ${escapeMarkdown(overview.generatedAt)}._`);
  return `${lines.join("\n")}
`;
}
var STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --line: #d1d9e0;
  --fail: #d1242f; --error: #9a6700; --pass: #1a7f37; --chip: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --fg: #f0f6fc; --bg: #0d1117; --muted: #9198a1;
  --line: #3d444d; --fail: #ff7b72; --error: #d29922; --pass: #3fb950; --chip: #151b23; } }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: var(--fg); background: var(--bg); }
h1 { font-size: 20px; margin: 0 0 4px; }
p.meta { color: var(--muted); margin: 0 0 16px; }
.tally { display: flex; gap: 12px; margin: 0 0 16px; flex-wrap: wrap; }
.tally span { padding: 4px 10px; border: 1px solid var(--line); border-radius: 999px; background: var(--chip); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 8px 10px; border-bottom: 1px solid var(--line); }
td:first-child { min-width: 240px; }
th { font-weight: 600; color: var(--muted); }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; overflow-wrap: anywhere; }
.verdict, .since, .digest { white-space: nowrap; }
.verdict { font-weight: 600; }
.v-fail { color: var(--fail); } .v-error { color: var(--error); } .v-pass { color: var(--pass); }
tr.row-fail td:first-child { box-shadow: inset 3px 0 var(--fail); }
tr.row-error td:first-child { box-shadow: inset 3px 0 var(--error); }
small { color: var(--muted); }
ul { margin: 0; padding-left: 18px; }
.errors { border-left: 4px solid var(--error); padding: 8px 12px; background: var(--chip); margin: 0 0 16px; }
details summary { cursor: pointer; color: var(--muted); }
a { color: inherit; }
`;
function renderStatusHtml(overview) {
  const rows = overview.images.map((image) => {
    const issueUrl = safeLink(image.issue?.url);
    const issue = image.issue ? issueUrl ? `<a href="${escapeHtml(issueUrl)}" rel="noreferrer">#${image.issue.number}</a> ${image.issue.state}` : `#${image.issue.number} ${image.issue.state}` : "\u2014";
    const worst = worstLines(image, 5);
    const details = [
      ...image.notes,
      ...image.reportErrors,
      ...image.worstFindings.length > 0 ? image.errors : []
    ];
    const counts = SEVERITIES.filter((s) => (image.findingCounts[s] ?? 0) > 0).map((s) => `${image.findingCounts[s]} ${s}`).join(", ");
    return `<tr class="row-${image.verdict}">
<td><code>${escapeHtml(image.key, 400)}</code>${image.previousDigest ? `<br><small>digest changed from <code>${escapeHtml(shortDigest(image.previousDigest))}</code></small>` : ""}</td>
<td class="digest">${image.digest ? `<code title="${escapeHtml(image.digest)}">${escapeHtml(shortDigest(image.digest))}</code>` : "\u2014"}</td>
<td class="verdict v-${image.verdict}">${VERDICT_MARK[image.verdict]} ${VERDICT_WORD[image.verdict]}</td>
<td class="since">${escapeHtml(sinceText(image))}</td>
<td>${worst.length > 0 ? `<ul>${worst.map((line) => `<li>${escapeHtml(line, 300)}</li>`).join("")}</ul>` : "\u2014"}${counts ? `<small>${escapeHtml(counts)}</small>` : ""}${details.length > 0 ? `<details><summary>notes</summary><ul>${details.map((line) => `<li>${escapeHtml(line, 1e3)}</li>`).join("")}</ul></details>` : ""}</td>
<td>${issue}</td>
</tr>`;
  });
  const count = (verdict) => overview.images.filter((i) => i.verdict === verdict).length;
  const runLink2 = safeLink(overview.runUrl);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(overview.checkName, 100)} watch status</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(overview.checkName, 100)}: what is shipped, judged again</h1>
<p class="meta">Generated ${escapeHtml(overview.generatedAt)}${runLink2 ? ` by <a href="${escapeHtml(runLink2)}" rel="noreferrer">this workflow run</a>` : ""}.</p>
<div class="tally"><span class="v-fail">${VERDICT_MARK.fail} ${count("fail")} failing</span><span class="v-error">${VERDICT_MARK.error} ${count("error")} cannot be judged</span><span class="v-pass">${VERDICT_MARK.pass} ${count("pass")} passing</span></div>
${overview.errors.length > 0 ? `<div class="errors"><ul>${overview.errors.map((error) => `<li>${escapeHtml(error, 1e3)}</li>`).join("")}</ul></div>` : ""}
<table>
<thead><tr><th>Image</th><th>Digest</th><th>Verdict</th><th>Since</th><th>Worst findings</th><th>Issue</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
</body>
</html>
`;
}

// src/report/watch-json.ts
var WATCH_REPORT_KIND = "supply-chain-gate/watch";
var WATCH_REPORT_VERSION = 1;
var WORST_FINDINGS = 5;
var severity = external_exports.enum(SEVERITIES);
var text = external_exports.string().max(1e4);
var imageEntry = external_exports.object({
  key: text,
  name: text,
  tag: text.optional(),
  digest: text.optional(),
  previousDigest: text.optional(),
  verdict: external_exports.enum(["pass", "fail", "error"]),
  mode: external_exports.enum(["enforce", "audit"]),
  since: text.optional(),
  evaluatedAt: text,
  errors: external_exports.array(text),
  notes: external_exports.array(text),
  failing: external_exports.array(external_exports.object({ ruleId: text, title: text, message: text, remediation: text.optional() })),
  warnings: external_exports.array(external_exports.object({ ruleId: text, title: text })),
  worstFindings: external_exports.array(
    external_exports.object({
      id: text,
      severity,
      packageName: text,
      installedVersion: text.optional(),
      fixedVersion: text.optional(),
      title: text.optional()
    })
  ),
  findingCounts: external_exports.record(severity, external_exports.number().int().min(0)),
  issue: external_exports.object({
    number: external_exports.number().int().positive(),
    url: text,
    state: external_exports.enum(["open", "closed"]),
    action: external_exports.enum(["opened", "reopened", "updated", "commented", "closed", "unchanged"])
  }).optional(),
  sarifUpload: external_exports.object({ id: text, category: text }).optional(),
  reportErrors: external_exports.array(text)
});
var watchReport = external_exports.object({
  kind: external_exports.literal(WATCH_REPORT_KIND),
  reportVersion: external_exports.literal(WATCH_REPORT_VERSION),
  tool: external_exports.object({ name: text, version: text }),
  checkName: text,
  policy: text,
  startedAt: text,
  finishedAt: text,
  runUrl: text.optional(),
  errors: external_exports.array(text),
  images: external_exports.array(imageEntry).max(1e5)
});
function watchReportImage(result) {
  const { decision } = result;
  const failing = decision.results.filter((r) => r.status === "fail");
  const findings = mergeFindings(failing.flatMap((r) => r.findings ?? [])).sort(bySeverityThenId);
  return {
    key: result.key,
    name: result.name,
    ...result.tag === void 0 ? {} : { tag: result.tag },
    ...result.digest === void 0 ? {} : { digest: result.digest },
    ...result.previousDigest === void 0 ? {} : { previousDigest: result.previousDigest },
    verdict: decision.verdict,
    mode: decision.mode,
    ...result.since === void 0 ? {} : { since: result.since },
    evaluatedAt: decision.evaluatedAt,
    errors: decision.errors,
    notes: result.notes,
    failing: failing.map((r) => ({
      ruleId: r.ruleId,
      title: r.title,
      message: r.message,
      ...r.remediation === void 0 ? {} : { remediation: r.remediation }
    })),
    warnings: decision.results.filter((r) => r.status === "warn").map((r) => ({ ruleId: r.ruleId, title: r.title })),
    worstFindings: findings.slice(0, WORST_FINDINGS).map((f) => ({
      id: f.id,
      severity: f.severity,
      packageName: f.packageName,
      ...f.installedVersion === void 0 ? {} : { installedVersion: f.installedVersion },
      ...f.fixedVersion === void 0 ? {} : { fixedVersion: f.fixedVersion },
      ...f.title === void 0 ? {} : { title: f.title }
    })),
    findingCounts: countBySeverity(findings),
    ...result.issue === void 0 ? {} : { issue: result.issue },
    ...result.sarifUpload === void 0 ? {} : { sarifUpload: result.sarifUpload },
    reportErrors: result.reportErrors
  };
}
function renderWatchReport(results, run) {
  const report2 = {
    kind: WATCH_REPORT_KIND,
    reportVersion: WATCH_REPORT_VERSION,
    tool: { name: "supply-chain-gate", version: run.toolVersion },
    checkName: run.checkName,
    policy: run.policy,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    ...run.runUrl === void 0 ? {} : { runUrl: run.runUrl },
    errors: run.errors,
    images: results.map(watchReportImage)
  };
  return `${JSON.stringify(report2, null, 2)}
`;
}
function parseWatchReport(source, file) {
  let json;
  try {
    json = JSON.parse(source);
  } catch (error) {
    const position = /at position (\d+)/.exec(error.message)?.[1];
    throw new ConfigurationError(
      "invalid-watch-report",
      `${file}${position === void 0 ? "" : `:${lineColumn(source, Number(position))}`}: not valid JSON; give the --json file a watch run wrote`
    );
  }
  const parsed = watchReport.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.map(String).join(".") || "(root)";
    throw new ConfigurationError(
      "invalid-watch-report",
      `${file}: ${where}: ${issue.message}; give the --json file a watch run (report version ${WATCH_REPORT_VERSION}) wrote`
    );
  }
  return parsed.data;
}
function lineColumn(source, offset) {
  const before = source.slice(0, offset).split("\n");
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

// src/watch/report-files.ts
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
var MAX_REPORT_BYTES = 64 * 1024 * 1024;
async function readWatchReports(paths, cwd) {
  const files = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const shown = escapeLogLine(path).slice(0, 300);
    const entries = await readdir(absolute, { withFileTypes: true }).catch(() => void 0);
    if (entries === void 0) {
      files.push({ absolute, shown });
      continue;
    }
    const reports2 = entries.filter((entry) => entry.isFile() && entry.name.endsWith(".json")).map((e) => e.name);
    if (reports2.length === 0) {
      throw new ConfigurationError(
        "invalid-watch-report",
        `${shown}: a directory with no .json report in it`
      );
    }
    for (const name of reports2.sort()) {
      files.push({ absolute: join(absolute, name), shown: `${shown}/${escapeLogLine(name).slice(0, 200)}` });
    }
  }
  const reports = [];
  for (const { absolute, shown } of files) {
    const read = await readRegularFile(absolute, MAX_REPORT_BYTES);
    if (!read.ok) throw new ConfigurationError("invalid-watch-report", `${shown}: ${unreadable(read)}`);
    reports.push(parseWatchReport(read.bytes.toString("utf8"), shown));
  }
  return reports;
}
function unreadable(read) {
  switch (read.problem) {
    case "missing":
      return "no such file";
    case "not-a-file":
      return "not a regular file";
    case "too-large":
      return `larger than ${MAX_REPORT_BYTES} bytes, not a watch report`;
    case "unreadable":
      return `cannot be read (${read.code})`;
  }
}
async function writeTextFile(path, text2) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text2, "utf8");
}

// src/watch/targets.ts
import { createHash } from "node:crypto";
var GLOB_CHARACTERS = /[*?]/;
var TAG_GLOB = /^[\w*?][\w.*?-]{0,127}$/;
function parseWatchTarget(input) {
  const slash = input.lastIndexOf("/");
  const colon = input.lastIndexOf(":");
  const tag = colon > slash ? input.slice(colon + 1) : void 0;
  if (tag !== void 0 && GLOB_CHARACTERS.test(tag) && !input.includes("@")) {
    if (!TAG_GLOB.test(tag)) {
      throw new ConfigurationError(
        "invalid-image-reference",
        `invalid tag glob in ${JSON.stringify(input.slice(0, 200))}: a glob is tag characters (letters, digits, "_", ".", "-") with "*" for any run of them and "?" for one`
      );
    }
    const reference2 = parseImageReference(input.slice(0, colon));
    if (reference2.kind !== "registry") {
      throw new ConfigurationError(
        "invalid-image-reference",
        `${JSON.stringify(input.slice(0, 200))}: tag globs are read from a registry's tags list; name a registry image`
      );
    }
    return {
      kind: "tag-glob",
      input,
      reference: reference2,
      name: formatImageName(reference2),
      pattern: tag,
      matcher: tagGlobToRegExp(tag)
    };
  }
  const reference = parseImageReference(input);
  if (reference.kind === "docker") {
    throw new ConfigurationError(
      "invalid-image-reference",
      `${JSON.stringify(input.slice(0, 200))}: watch judges what was shipped; name the image in its registry, not in the local Docker engine`
    );
  }
  return { kind: "image", input, reference, name: formatImageName(reference) };
}
function tagGlobToRegExp(pattern) {
  const body = [...pattern].map(
    (character) => character === "*" ? "[\\w.-]*" : character === "?" ? "[\\w.-]" : character.replace(/[.]/g, "\\.")
  ).join("");
  return new RegExp(`^${body}$`);
}
function watchedImageOf(target) {
  const { reference, name, input } = target;
  if (reference.digest !== void 0) {
    return {
      key: `${name}@${reference.digest}`,
      input,
      reference,
      name,
      pinnedDigest: reference.digest,
      ...reference.tag === void 0 ? {} : { tag: reference.tag }
    };
  }
  const tag = reference.tag ?? (reference.kind === "registry" ? "latest" : void 0);
  return {
    key: tag === void 0 ? name : `${name}:${tag}`,
    input,
    reference,
    name,
    ...tag === void 0 ? {} : { tag }
  };
}
function watchedTagOf(target, tag) {
  return {
    key: `${target.name}:${tag}`,
    input: target.input,
    reference: { ...target.reference, tag },
    name: target.name,
    tag
  };
}
function watchKeyId(key) {
  return createHash("sha256").update(key).digest("hex").slice(0, 24);
}
function parseScanOption(text2) {
  const equals = text2.indexOf("=");
  if (equals <= 0) return { path: text2 };
  const image = text2.slice(0, equals);
  try {
    parseWatchTarget(image);
  } catch {
    return { path: text2 };
  }
  return { image, path: text2.slice(equals + 1) };
}

// src/watch/issue-state.ts
import { createHash as createHash2 } from "node:crypto";
var MAX_REMEMBERED_FINDINGS = 2e3;
var STATE_PREFIX = "<!-- supply-chain-gate:watch-state ";
function issueMarker(keyId) {
  return `<!-- supply-chain-gate:watch scgw${keyId} -->`;
}
var MARKER_PHRASE = "supply-chain-gate:watch";
function isIssueFor(keyId, issue) {
  return issue.authorType === "Bot" && issue.body.startsWith(issueMarker(keyId));
}
function encodeState(state) {
  return `${STATE_PREFIX}${Buffer.from(JSON.stringify(state)).toString("base64")} -->`;
}
function decodeState(body) {
  const start = body.indexOf(STATE_PREFIX);
  if (start === -1) return void 0;
  const end = body.indexOf(" -->", start + STATE_PREFIX.length);
  if (end === -1) return void 0;
  try {
    const value = JSON.parse(
      Buffer.from(body.slice(start + STATE_PREFIX.length, end), "base64").toString("utf8")
    );
    if (!isState(value)) return void 0;
    return value;
  } catch {
    return void 0;
  }
}
function isState(value) {
  if (typeof value !== "object" || value === null) return false;
  const state = value;
  const strings = (list) => Array.isArray(list) && list.every((entry) => typeof entry === "string");
  return typeof state.key === "string" && (state.digest === void 0 || typeof state.digest === "string") && (state.verdict === "pass" || state.verdict === "fail" || state.verdict === "error") && typeof state.since === "string" && strings(state.failing) && strings(state.findings) && (state.fingerprint === void 0 || typeof state.fingerprint === "string");
}
function findingHash(key) {
  return createHash2("sha256").update(key).digest("hex").slice(0, 12);
}
function stateOf(key, decision, digest, previous, now, notes = []) {
  const failing = decision.results.filter((result) => result.status === "fail");
  const findings = [
    ...new Set(failing.flatMap((result) => (result.findings ?? []).map((f) => findingHash(findingKey(f)))))
  ].sort().slice(0, MAX_REMEMBERED_FINDINGS);
  return {
    key,
    ...digest === void 0 ? {} : { digest },
    verdict: decision.verdict,
    since: previous && previous.verdict === decision.verdict ? previous.since : now.toISOString(),
    failing: [...new Set(failing.map((result) => result.ruleId))].sort(),
    findings,
    fingerprint: createHash2("sha256").update(
      JSON.stringify([
        decision.verdict,
        digest,
        decision.results.filter((result) => result.status === "fail" || result.status === "warn").map((result) => [result.ruleId, result.status, result.title, result.message]),
        findings,
        decision.errors,
        notes
      ])
    ).digest("hex").slice(0, 24)
  };
}
function materialChange(previous, current) {
  if (!previous) return void 0;
  const change = {
    newlyFailing: current.failing.filter((rule) => !previous.failing.includes(rule)),
    newFindings: current.findings.filter((hash) => !previous.findings.includes(hash))
  };
  if (previous.digest && current.digest && previous.digest !== current.digest) {
    change.newDigest = { from: previous.digest, to: current.digest };
  }
  if (previous.verdict !== current.verdict)
    change.verdictChanged = { from: previous.verdict, to: current.verdict };
  const material = change.newDigest !== void 0 || change.verdictChanged !== void 0 || change.newlyFailing.length > 0 || change.newFindings.length > 0;
  return material ? change : void 0;
}

// src/report/watch-issue.ts
var ISSUE_BODY_BUDGET = 65536;
var MAX_TITLE = 256;
var MAX_LISTED_FINDINGS = 20;
function renderIssueTitle(result) {
  const what = result.decision.verdict === "error" ? "cannot be judged" : "fails the supply-chain gate";
  return truncate(stripControl(`${result.key} ${what}`).replace(/\s+/g, " "), MAX_TITLE);
}
function renderIssueBody(result, state, options) {
  const head = [
    issueMarker(result.keyId),
    encodeState(state),
    "",
    renderFacts(result, state, options),
    ...result.notes.map((note) => `> ${escapeMarkdown(note, 1e3)}`),
    ""
  ].join("\n");
  const foot = "\n---\n_Kept up to date by `supply-chain-gate watch`: edited in place on every run, a comment when something material changes (a new digest, a new finding, a rule newly failing), closed when the image passes again._\n";
  const bytes = (text2) => new TextEncoder().encode(text2).length;
  const body = renderMarkdown(result.decision, {
    checkName: options.checkName,
    budgetBytes: ISSUE_BODY_BUDGET - bytes(head) - bytes(foot) - 2
  });
  return `${head}
${body.trimEnd()}
${foot}`;
}
function renderFacts(result, state, options) {
  const rows = [
    ["Image", escapeCode(result.key, 400)],
    ["Digest", result.digest ? escapeCode(result.digest) : "not read"],
    ["Verdict", `${result.decision.verdict} since ${escapeMarkdown(state.since.slice(0, 10))}`],
    ...result.previousDigest ? [["Digest before", escapeCode(result.previousDigest)]] : [],
    ...safeUrl(options.runUrl) ? [["Last judged by", `[this workflow run](${options.runUrl})`]] : []
  ];
  return ["| | |", "| --- | --- |", ...rows.map(([name, value]) => `| ${name} | ${value} |`)].join("\n");
}
function renderChangeComment(result, change, options) {
  const lines = [`**${escapeCode(result.key, 400)} changed since the last check.**`, ""];
  if (change.newDigest) {
    lines.push(
      `- New digest under the tag: ${escapeCode(change.newDigest.from)} \u2192 ${escapeCode(change.newDigest.to)}`
    );
  }
  if (change.verdictChanged) {
    lines.push(`- Verdict: ${change.verdictChanged.from} \u2192 ${change.verdictChanged.to}`);
  }
  const failing = result.decision.results.filter((r) => r.status === "fail");
  for (const ruleId of change.newlyFailing) {
    const rule = failing.find((r) => r.ruleId === ruleId);
    lines.push(`- Newly failing: ${escapeCode(ruleId)}${rule ? `: ${escapeMarkdown(rule.title, 300)}` : ""}`);
  }
  if (change.newFindings.length > 0) {
    const wanted = new Set(change.newFindings);
    const seen = /* @__PURE__ */ new Set();
    const findings = [];
    for (const finding of failing.flatMap((r) => r.findings ?? [])) {
      const hash = findingHash(findingKey(finding));
      if (wanted.has(hash) && !seen.has(hash)) {
        seen.add(hash);
        findings.push(finding);
      }
    }
    lines.push(`- ${change.newFindings.length} new finding(s):`);
    for (const finding of findings.slice(0, MAX_LISTED_FINDINGS)) {
      lines.push(`  - ${describeFinding(finding)}`);
    }
    if (findings.length > MAX_LISTED_FINDINGS) {
      lines.push(`  - \u2026and ${findings.length - MAX_LISTED_FINDINGS} more (see the description)`);
    }
  }
  lines.push("", `The description above is updated${runLink(options.runUrl)}.`);
  return `${lines.join("\n")}
`;
}
function renderReopenComment(result, options) {
  const what = result.decision.verdict === "error" ? "cannot be judged" : "fails";
  return `**${escapeCode(result.key, 400)} ${what} again**${result.digest ? ` (digest ${escapeCode(result.digest)})` : ""}: the description says why${runLink(options.runUrl)}.
`;
}
function renderCloseComment(result, options) {
  return `\u2705 **${escapeCode(result.key, 400)} passes the gate again**${result.digest ? ` (digest ${escapeCode(result.digest)})` : ""}${runLink(options.runUrl)}, so this issue is closed. It is reopened if the image fails again.
`;
}
function renderDuplicateComment(kept) {
  return `Duplicate of #${kept}: another watch job opened this image's issue at the same moment. That one is kept.
`;
}
function describeFinding(finding) {
  const version = finding.installedVersion ? ` ${finding.installedVersion}` : "";
  const fix = finding.fixedVersion ? `, fixed in ${escapeMarkdown(finding.fixedVersion, 60)}` : "";
  return `${escapeCode(finding.id, 80)} in ${escapeMarkdown(`${finding.packageName}${version}`, 160)} (${finding.severity}${fix})`;
}
function runLink(url) {
  return safeUrl(url) ? ` by [this workflow run](${url})` : "";
}
function safeUrl(url) {
  return url !== void 0 && /^https:\/\/[^\s()<>[\]"'`]+$/.test(url);
}

// src/watch/issues.ts
var DEFAULT_LABEL = "supply-chain-gate";
var LABEL_DESCRIPTION = "An image supply-chain-gate watch judged failing";
var SINCE_MARGIN_MS = 12e4;
async function openIssueBook(tracker, label, deps) {
  const listedAt = deps.clock();
  const issues = await tracker.listLabeledIssues(label);
  let labelReady;
  let unlabeled;
  return {
    tracker,
    label,
    issues,
    listedAt,
    clock: deps.clock,
    log: deps.log,
    ensureLabel: () => {
      labelReady ??= tracker.ensureLabel(label, LABEL_DESCRIPTION).catch((error) => {
        labelReady = void 0;
        throw error;
      });
      return labelReady;
    },
    unlabeled: () => {
      unlabeled ??= tracker.searchIssues(MARKER_PHRASE, label).catch((error) => {
        unlabeled = void 0;
        throw error;
      });
      return unlabeled;
    }
  };
}
function openIssueKeys(book) {
  const keys = [];
  for (const issue of book.issues) {
    if (issue.state !== "open") continue;
    const state = decodeState(issue.body);
    if (state && isIssueFor(watchKeyId(state.key), issue)) keys.push(state.key);
  }
  return keys;
}
function pickIssue(issues) {
  const byAge = [...issues].sort((a, b) => a.number - b.number);
  return byAge.find((issue) => issue.state === "open") ?? byAge[0];
}
async function syncIssue(result, book, now, render) {
  const failing = result.decision.verdict !== "pass";
  const listed = book.issues.filter((issue2) => isIssueFor(result.keyId, issue2));
  let known = listed;
  if (known.length === 0 && failing) {
    known = (await book.unlabeled()).filter((issue2) => isIssueFor(result.keyId, issue2));
  }
  let issue = pickIssue(known);
  const previous = issue ? decodeState(issue.body) : void 0;
  remember(result, previous);
  const state = stateOf(result.key, result.decision, result.digest, previous, now, result.notes);
  if (!failing) {
    result.since = previous?.verdict === "pass" ? previous.since : issue ? now.toISOString() : void 0;
    if (!issue) return;
    if (issue.state === "closed") {
      result.issue = { number: issue.number, url: issue.htmlUrl, state: "closed", action: "unchanged" };
      if (previous?.verdict !== "pass") result.since = issue.closedAt ?? result.since;
      return;
    }
    const body2 = renderIssueBody(result, state, render);
    await book.tracker.addComment(issue.number, renderCloseComment(result, render));
    await book.tracker.updateIssue(issue.number, { body: body2, state: "closed", stateReason: "completed" });
    result.issue = { number: issue.number, url: issue.htmlUrl, state: "closed", action: "closed" };
    book.log.info(`${result.key}: passes again; closed issue #${issue.number}`);
    return;
  }
  result.since = state.since;
  const title = renderIssueTitle(result);
  const body = renderIssueBody(result, state, render);
  if (!issue) {
    await book.ensureLabel();
    const created = await book.tracker.createIssue({ title, body, labels: [book.label] });
    issue = await keepOldest(result, created, book, title, body);
    result.issue = {
      number: issue.number,
      url: issue.htmlUrl,
      state: "open",
      action: issue.number === created.number ? "opened" : "updated"
    };
    book.log.info(`${result.key}: ${result.decision.verdict}; opened issue #${issue.number}`);
    return;
  }
  const labels = issue.labels.includes(book.label) ? void 0 : [...issue.labels, book.label];
  if (labels) await book.ensureLabel();
  if (issue.state === "closed") {
    await book.tracker.updateIssue(issue.number, {
      title,
      body,
      state: "open",
      stateReason: "reopened",
      ...labels ? { labels } : {}
    });
    await book.tracker.addComment(issue.number, renderReopenComment(result, render));
    result.issue = { number: issue.number, url: issue.htmlUrl, state: "open", action: "reopened" };
    book.log.info(`${result.key}: ${result.decision.verdict} again; reopened issue #${issue.number}`);
    return;
  }
  await closeYoungerDuplicates(known, issue, book);
  const changed = previous?.fingerprint !== state.fingerprint || issue.title !== title || labels !== void 0;
  if (changed) {
    await book.tracker.updateIssue(issue.number, { title, body, ...labels ? { labels } : {} });
  }
  const change = materialChange(previous, state);
  if (change) await book.tracker.addComment(issue.number, renderChangeComment(result, change, render));
  result.issue = {
    number: issue.number,
    url: issue.htmlUrl,
    state: "open",
    action: change ? "commented" : changed ? "updated" : "unchanged"
  };
}
function remember(result, previous) {
  if (previous?.digest && result.digest && previous.digest !== result.digest && result.tag !== void 0) {
    result.previousDigest = previous.digest;
    result.notes.push(
      `The tag ${result.tag} now names ${result.digest}; at the last check it named ${previous.digest}.`
    );
  }
}
async function keepOldest(result, created, book, title, body) {
  const createdAt = Date.parse(created.createdAt);
  const reference = Number.isNaN(createdAt) ? Date.now() : createdAt;
  const since = new Date(reference - (book.clock() - book.listedAt) - SINCE_MARGIN_MS).toISOString();
  const recent = (await book.tracker.listLabeledIssues(book.label, since)).filter(
    (issue) => issue.state === "open" && isIssueFor(result.keyId, issue)
  );
  const oldest = [...recent, created].sort((a, b) => a.number - b.number)[0];
  if (oldest.number === created.number) return created;
  await book.tracker.addComment(created.number, renderDuplicateComment(oldest.number));
  await book.tracker.updateIssue(created.number, { state: "closed", stateReason: "duplicate" });
  book.log.info(
    `${result.key}: issue #${created.number} duplicated #${oldest.number}, opened at the same time; closed it`
  );
  if (oldest.body !== body || oldest.title !== title) {
    await book.tracker.updateIssue(oldest.number, { title, body });
  }
  return oldest;
}
async function closeYoungerDuplicates(known, kept, book) {
  for (const issue of known) {
    if (issue.state !== "open" || issue.number <= kept.number) continue;
    try {
      await book.tracker.addComment(issue.number, renderDuplicateComment(kept.number));
      await book.tracker.updateIssue(issue.number, { state: "closed", stateReason: "duplicate" });
    } catch (error) {
      book.log.warning(`closing duplicate issue #${issue.number} failed: ${describeError(error)}`);
    }
  }
}

// src/watch/judge.ts
var WATCH_SCAN_MAX_AGE = { text: "24h", ms: 24 * 36e5 };
var EXPIRY_WARNING_DAYS = 14;
var DAY_MS = 864e5;
function evaluateForWatch(policy, evidence, now, effective = effectivePolicy(policy, evidence.image.name)) {
  const watched = watchPolicy(effective);
  const decision = evaluatePolicy(watched, evidence, now, { effective: watched });
  const expiring = expiringExceptions(watched, evidence.image.name, now);
  return { ...decision, results: [...decision.results, ...expiring] };
}
function watchPolicy(effective) {
  const vulnerabilities = effective.vulnerabilities;
  const defaulted = vulnerabilities["scan-max-age"] === void 0;
  return {
    ...effective,
    images: [],
    organization: void 0,
    vulnerabilities: defaulted ? { ...vulnerabilities, "scan-max-age": WATCH_SCAN_MAX_AGE } : vulnerabilities,
    notes: [
      ...effective.notes ?? [],
      ...defaulted ? [
        `Watch mode: scan reports older than ${WATCH_SCAN_MAX_AGE.text} do not count (the policy sets no vulnerabilities.scan-max-age).`
      ] : []
    ]
  };
}
function expiringExceptions(policy, imageName, now) {
  const daysLeft = (expires) => Math.round((Date.parse(`${expires}T00:00:00Z`) - Date.parse(now.toISOString().slice(0, 10))) / DAY_MS);
  const soon = (expires) => expires !== void 0 && !isExpired(expires, now) && daysLeft(expires) <= EXPIRY_WARNING_DAYS;
  const when = (expires) => {
    const days = daysLeft(expires);
    return days === 0 ? "today" : days === 1 ? "tomorrow" : `in ${days} days`;
  };
  const results = [];
  policy.exceptions.forEach((entry, index) => {
    if (entry.images !== void 0 && !imageMatches(entry.images, imageName)) return;
    if (!soon(entry.expires)) return;
    results.push({
      ruleId: "exceptions.expiring",
      family: "exceptions",
      status: "warn",
      title: `Exception for ${entry.rule}${entry.id ? ` (${entry.id})` : ""} expires ${when(entry.expires)} (${entry.expires})`,
      message: `The exception (reason: ${entry.reason}${entry.owner ? `; owner: ${entry.owner}` : ""}) stops applying after ${entry.expires}; the rule it covers then fails again.`,
      remediation: "Fix what the rule reports before then, or renew the exception with a current reason.",
      position: policy.positions[`exceptions.${index}`]
    });
  });
  policy.vulnerabilities.allow.forEach((entry, index) => {
    if (!soon(entry.expires)) return;
    results.push({
      ruleId: "vulnerabilities.allow-expiring",
      family: "vulnerabilities",
      status: "warn",
      title: `Exception for ${entry.id} expires ${when(entry.expires)} (${entry.expires})`,
      message: `The allow entry for ${entry.id}${entry.package ? ` in ${entry.package}` : ""} (reason: ${entry.reason}${entry.owner ? `; owner: ${entry.owner}` : ""}) stops applying after ${entry.expires}.`,
      remediation: "Fix the vulnerability before then, or renew the entry with a current reason.",
      position: policy.positions[`vulnerabilities.allow.${index}`] ?? policy.positions["vulnerabilities.allow"]
    });
  });
  return results;
}

// src/watch/engine.ts
var DEFAULT_MAX_IMAGES = 1e3;
var DEFAULT_CONCURRENCY = 8;
var MAX_TAGS_LISTED = 1e5;
async function watch(inputs, deps) {
  const startedAt = deps.now().toISOString();
  const errors = [];
  const targets = inputs.images.map(parseWatchTarget);
  checkScanAssignments(inputs.scans, targets);
  const stores = storeCache(deps.openImageStore);
  const { resolvePolicy } = await import("./resolve-UWEXWGGA.js");
  const policy = await resolvePolicy(
    { ...baseRunInputs(inputs), image: inputs.images[0] ?? "" },
    { log: deps.log, github: deps.github }
  );
  deps.log.info(`Policy: ${policy.origin}`);
  const clock = deps.clock ?? Date.now;
  let book;
  if (deps.tracker && !inputs.dryRun) {
    try {
      book = await openIssueBook(deps.tracker, inputs.label, { clock, log: deps.log });
    } catch (error) {
      errors.push(`listing the watch issues failed, so none was written: ${describeError(error)}`);
    }
  }
  const remembered = book ? openIssueKeys(book) : [];
  const expanded = await expandTargets(targets, stores, inputs.maxImages, remembered, deps.log);
  errors.push(...expanded.errors);
  const images = expanded.images;
  deps.log.info(`Watching ${images.length} image(s), ${inputs.concurrency} at a time`);
  const trust = once(
    deps.loadTrust ?? (async () => (await import("./trusted-root-3MHCZZT6.js")).loadTrustStore({
      trustedRootPath: inputs.trustedRootPath,
      workspace: inputs.workspace
    }))
  );
  const results = await mapWithConcurrency(images, inputs.concurrency, async (image) => {
    const result = await judgeImage(image, inputs, policy, {
      ...deps,
      openImageStore: stores,
      loadTrust: trust
    });
    await report(result, inputs, deps, book);
    const verdict = result.decision.verdict;
    (verdict === "pass" ? deps.log.info : deps.log.warning)(
      `${result.key}: ${verdict}${result.digest ? ` (${result.digest})` : ""}${result.issue ? `, issue #${result.issue.number} ${result.issue.action}` : ""}`
    );
    return result;
  });
  return { results, errors, policyOrigin: policy.origin, startedAt };
}
function watchExitCode(run) {
  const enforced = run.results.filter((result) => result.decision.mode === "enforce");
  if (run.errors.length > 0 || run.results.some((result) => result.reportErrors.length > 0)) return 2;
  if (enforced.some((result) => result.decision.verdict === "error")) return 2;
  if (enforced.some((result) => result.decision.verdict === "fail")) return 1;
  return 0;
}
function baseRunInputs(inputs) {
  return {
    policyPath: inputs.policyPath,
    policyBase: inputs.policyBase,
    scanPaths: [],
    trustedRootPath: inputs.trustedRootPath,
    checkName: inputs.checkName,
    workspace: inputs.workspace,
    registryCredentials: inputs.registryCredentials,
    githubToken: inputs.githubToken,
    repositoryUrl: inputs.repositoryUrl
  };
}
function checkScanAssignments(scans, targets) {
  for (const scan of scans) {
    if (scan.image === void 0) continue;
    const matches = targets.some((target) => {
      if (target.input === scan.image) return true;
      if (target.kind === "image") return watchedImageOf(target).key === scan.image;
      const colon = scan.image.lastIndexOf(":");
      return scan.image.slice(0, colon) === target.name && target.matcher.test(scan.image.slice(colon + 1));
    });
    if (!matches) {
      throw new ConfigurationError(
        "invalid-arguments",
        `--scan ${JSON.stringify(`${scan.image}=${scan.path}`.slice(0, 300))} names an image that is not watched: give one of the --image values or NAME:TAG of an image a glob matches`
      );
    }
  }
}
function scansFor(image, scans) {
  return scans.filter((scan) => scan.image === void 0 || scan.image === image.input || scan.image === image.key).map((scan) => scan.path);
}
function storeCache(open) {
  const stores = /* @__PURE__ */ new Map();
  return (reference) => {
    if (reference.kind !== "registry") return open(reference);
    const id = `${reference.registry}/${reference.repository}`;
    let store = stores.get(id);
    if (!store) {
      store = open(reference);
      stores.set(id, store);
    }
    return store;
  };
}
async function expandTargets(targets, openStore, maxImages, remembered, log) {
  const errors = [];
  const images = /* @__PURE__ */ new Map();
  const globFailures = [];
  for (const target of targets) {
    if (target.kind === "image") {
      const image = watchedImageOf(target);
      images.set(image.key, image);
      continue;
    }
    const store = openStore(target.reference);
    try {
      if (!store.listTags)
        throw new ConfigurationError("invalid-image-reference", `${target.input}: not a registry`);
      const tags = (await store.listTags(MAX_TAGS_LISTED)).filter((tag) => target.matcher.test(tag)).sort();
      log.info(`${target.input}: ${tags.length} matching tag(s)`);
      if (tags.length === 0)
        errors.push(`${target.input}: no tag of ${target.name} matches ${target.pattern}`);
      const gone = remembered.filter((key) => key.startsWith(`${target.name}:`)).map((key) => key.slice(target.name.length + 1)).filter((tag) => target.matcher.test(tag) && !tags.includes(tag));
      for (const tag of [...tags, ...gone]) {
        const image = watchedTagOf(target, tag);
        images.set(image.key, image);
      }
    } catch (error) {
      const failure = `the tags of ${target.name} could not be listed: ${describeError(error)}`;
      globFailures.push({
        key: target.input,
        input: target.input,
        reference: target.reference,
        name: target.name,
        failure
      });
    }
  }
  const sorted = [...images.values()].sort((a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  if (sorted.length > maxImages) {
    errors.push(
      `${sorted.length} images to watch, more than --max-images ${maxImages}: the first ${maxImages} (by name) were judged; raise the limit or split the images across matrix jobs`
    );
  }
  return { images: [...sorted.slice(0, maxImages), ...globFailures], errors };
}
async function judgeImage(image, inputs, policy, deps) {
  const result = {
    key: image.key,
    keyId: watchKeyId(image.key),
    input: image.input,
    name: image.name,
    ...image.tag === void 0 ? {} : { tag: image.tag },
    decision: void 0,
    notes: [],
    reportErrors: []
  };
  const now = deps.now();
  const reference = image.pinnedDigest ? `${image.name}@${image.pinnedDigest}` : image.key;
  if (image.failure !== void 0) {
    result.decision = undecided([image.failure], policy.mode, now, policy.origin);
    return result;
  }
  let evidence;
  try {
    const { collectEvidenceForPolicy } = await import("./collect-2UXK56PU.js");
    const collected = await collectEvidenceForPolicy(
      { ...baseRunInputs(inputs), image: reference, scanPaths: scansFor(image, inputs.scans) },
      { openImageStore: deps.openImageStore, loadTrust: deps.loadTrust },
      policy
    );
    evidence = collected.evidence;
    result.digest = evidence.image.digest;
    result.decision = evaluateForWatch(policy, evidence, now, collected.effective);
  } catch (error) {
    const reason = error instanceof GateError && error.code === "manifest-not-found" && image.tag !== void 0 && !image.pinnedDigest ? `the tag ${image.tag} no longer exists in ${image.name}: an image that was shipped under it is gone or was retagged (${describeError(error)})` : describeError(error);
    result.decision = undecided([reason], policy.mode, now, policy.origin, evidence);
  }
  return result;
}
async function report(result, inputs, deps, book) {
  if (book) {
    try {
      await syncIssue(result, book, deps.now(), { checkName: inputs.checkName, runUrl: inputs.runUrl });
    } catch (error) {
      result.reportErrors.push(`updating the issue failed: ${describeError(error)}`);
    }
  }
  if (deps.sarif && inputs.sarifUpload && !inputs.dryRun && result.decision.evidence) {
    const category = `supply-chain-gate-watch/${result.key}`;
    try {
      const sarif = renderSarif(result.decision, {
        checkName: inputs.checkName,
        toolVersion: deps.toolVersion,
        isRepoFile: () => false
      });
      const uploaded = await deps.sarif.uploadSarif({
        sarif: withCategory(sarif, category),
        ...inputs.sarifUpload
      });
      result.sarifUpload = { id: uploaded.id, category };
    } catch (error) {
      result.reportErrors.push(`uploading SARIF to code scanning failed: ${describeError(error)}`);
    }
  }
  for (const problem of result.reportErrors) deps.log.error(`${result.key}: ${problem}`);
}
function withCategory(sarif, category) {
  const log = JSON.parse(sarif);
  for (const run of log.runs ?? []) run.automationDetails = { id: `${category}/` };
  return JSON.stringify(log);
}
async function mapWithConcurrency(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
function once(load) {
  if (!load) return void 0;
  let loaded;
  return () => loaded ??= load();
}

// src/adapters/github/watch.ts
import { gzipSync } from "node:zlib";
var DEFAULT_WRITE_GAP_MS = 1e3;
var PAGE_SIZE = 100;
var MAX_LISTED_ISSUES = 2e4;
var MAX_SEARCH_PAGES = 10;
function createWatchTracker(octokit, guard, options) {
  const { owner, repo } = options;
  const gap = options.writeGapMs ?? DEFAULT_WRITE_GAP_MS;
  const sleep = options.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms)));
  const clock = options.clock ?? Date.now;
  let writes = Promise.resolve();
  let lastWrite = -Infinity;
  function write(permission, send) {
    const turn = writes.then(async () => {
      const wait = lastWrite + gap - clock();
      if (wait > 0) await sleep(wait);
      try {
        return await guard({ permission }, send);
      } finally {
        lastWrite = clock();
      }
    });
    writes = turn.catch(() => void 0);
    return turn;
  }
  async function listPages(route, parameters) {
    const items = [];
    for (let page = 1; ; page++) {
      const { data } = await guard(
        { permission: "issues: read" },
        () => octokit.request(route, { ...parameters, per_page: PAGE_SIZE, page })
      );
      const list = Array.isArray(data) ? data : [];
      items.push(...list);
      if (list.length < PAGE_SIZE) return items;
      if (items.length > MAX_LISTED_ISSUES) {
        throw new Error(`more than ${MAX_LISTED_ISSUES} issues carry the watch label`);
      }
    }
  }
  return {
    async ensureLabel(name, description) {
      const exists = await guard({ permission: "issues: read" }, async () => {
        try {
          await octokit.request("GET /repos/{owner}/{repo}/labels/{name}", { owner, repo, name });
          return true;
        } catch (error) {
          if (statusOf(error) === 404) return false;
          throw error;
        }
      });
      if (exists) return;
      await write("issues: write", async () => {
        try {
          await octokit.request("POST /repos/{owner}/{repo}/labels", {
            owner,
            repo,
            name,
            color: "d93f0b",
            description
          });
        } catch (error) {
          if (statusOf(error) !== 422) throw error;
        }
      });
    },
    async listLabeledIssues(label, since) {
      const items = await listPages("GET /repos/{owner}/{repo}/issues", {
        owner,
        repo,
        labels: label,
        state: "all",
        sort: "created",
        direction: "asc",
        ...since === void 0 ? {} : { since }
      });
      return items.filter((item) => !isPullRequest(item)).map(toTrackedIssue);
    },
    async searchIssues(phrase, withoutLabel) {
      const q = `repo:${owner}/${repo} is:issue in:body "${phrase.replace(/"/g, "")}" -label:"${withoutLabel.replace(/"/g, "")}"`;
      const found = [];
      for (let page = 1; page <= MAX_SEARCH_PAGES; page++) {
        const { data } = await guard(
          { permission: "issues: read" },
          () => octokit.request("GET /search/issues", { q, per_page: PAGE_SIZE, page })
        );
        const items = isRecord(data) && Array.isArray(data.items) ? data.items : [];
        found.push(...items);
        if (items.length < PAGE_SIZE) break;
      }
      return found.filter((item) => !isPullRequest(item)).map(toTrackedIssue);
    },
    createIssue({ title, body, labels }) {
      return write("issues: write", async () => {
        const { data } = await octokit.request("POST /repos/{owner}/{repo}/issues", {
          owner,
          repo,
          title,
          body,
          labels
        });
        return toTrackedIssue(data);
      });
    },
    async updateIssue(number, change) {
      await write(
        "issues: write",
        () => octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
          owner,
          repo,
          issue_number: number,
          ...change.title === void 0 ? {} : { title: change.title },
          ...change.body === void 0 ? {} : { body: change.body },
          ...change.state === void 0 ? {} : { state: change.state },
          ...change.stateReason === void 0 ? {} : { state_reason: change.stateReason },
          ...change.labels === void 0 ? {} : { labels: change.labels }
        })
      );
    },
    addComment(number, body) {
      return write("issues: write", async () => {
        const { data } = await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
          owner,
          repo,
          issue_number: number,
          body
        });
        return { htmlUrl: isRecord(data) && typeof data.html_url === "string" ? data.html_url : "" };
      });
    },
    uploadSarif({ sarif, commitSha, ref }) {
      return write("security-events: write", async () => {
        const { data } = await octokit.request("POST /repos/{owner}/{repo}/code-scanning/sarifs", {
          owner,
          repo,
          commit_sha: commitSha,
          ref,
          // GitHub takes the log gzip-compressed and base64-encoded.
          sarif: gzipSync(sarif).toString("base64"),
          tool_name: "supply-chain-gate"
        });
        return { id: isRecord(data) && typeof data.id === "string" ? data.id : "" };
      });
    }
  };
}
function toTrackedIssue(item) {
  const issue = isRecord(item) ? item : {};
  const user = isRecord(issue.user) ? issue.user : {};
  return {
    number: typeof issue.number === "number" ? issue.number : 0,
    state: issue.state === "closed" ? "closed" : "open",
    title: typeof issue.title === "string" ? issue.title : "",
    body: typeof issue.body === "string" ? issue.body : "",
    authorType: typeof user.type === "string" ? user.type : "",
    htmlUrl: typeof issue.html_url === "string" ? issue.html_url : "",
    labels: Array.isArray(issue.labels) ? issue.labels.map((label) => typeof label === "string" ? label : isRecord(label) ? label.name : void 0).filter((name) => typeof name === "string") : [],
    createdAt: typeof issue.created_at === "string" ? issue.created_at : "",
    ...typeof issue.closed_at === "string" ? { closedAt: issue.closed_at } : {}
  };
}
function isPullRequest(item) {
  return isRecord(item) && item.pull_request !== void 0;
}
function statusOf(error) {
  return isRecord(error) && typeof error.status === "number" ? error.status : void 0;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
async function openWatchGitHub(options) {
  const { createOctokit, githubCall } = await import("./octokit-XHFIQZTP.js");
  const { createGitHubClient } = await import("./client-YVBYQNLQ.js");
  const octokit = createOctokit({
    apiUrl: options.apiUrl,
    auth: { token: options.token },
    ...options.onRetry ? { onRetry: options.onRetry } : {}
  });
  return {
    client: createGitHubClient({ token: options.token, octokit }),
    tracker: createWatchTracker(octokit, (call, send) => githubCall(octokit, call, send), {
      owner: options.owner,
      repo: options.repo,
      ...options.writeGapMs === void 0 ? {} : { writeGapMs: options.writeGapMs }
    })
  };
}

export {
  combineReports,
  renderStatusMarkdown,
  renderStatusHtml,
  renderWatchReport,
  parseWatchReport,
  readWatchReports,
  writeTextFile,
  parseScanOption,
  DEFAULT_LABEL,
  DEFAULT_MAX_IMAGES,
  DEFAULT_CONCURRENCY,
  watch,
  watchExitCode,
  openWatchGitHub
};
