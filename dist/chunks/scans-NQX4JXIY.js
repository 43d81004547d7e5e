import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  readScanFile,
  readVexDocumentFile
} from "./chunk-XCCBGJ4A.js";
import {
  bySeverityThenId,
  countBySeverity,
  createVexMatcher,
  findingKey,
  mergeFindings,
  vexSuppression
} from "./chunk-74X36MG6.js";
import "./chunk-FHHVMNRQ.js";
import "./chunk-WLVSEBNM.js";
import "./chunk-S3VIENSH.js";
import "./chunk-2FUSLBNA.js";
import {
  SEVERITIES
} from "./chunk-2GTHPEXP.js";
import {
  escapeJsonForLog,
  escapeLogLine
} from "./chunk-AJCAIOG3.js";
import {
  ConfigurationError,
  GateError
} from "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";

// src/cli/commands/scans.ts
import { parseArgs } from "node:util";
async function scansCommand(args, io) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { json: { type: "boolean" } },
      allowPositionals: true,
      strict: true
    });
  } catch (error) {
    throw new ConfigurationError("invalid-arguments", `${error.message}: see --help`);
  }
  const files = parsed.positionals;
  if (files.length === 0) throw new ConfigurationError("invalid-arguments", "scans needs at least one FILE");
  const scans = [];
  const vex = [];
  for (const file of files) {
    try {
      scans.push(await readScanFile(file, io.cwd));
    } catch (error) {
      if (!(error instanceof GateError) || error.code !== "not-a-scan-report") throw error;
      vex.push(await readVexDocumentFile(file, io.cwd));
    }
  }
  const result = summarize(scans, vex);
  if (parsed.values.json) await writeJson(io.stdout, result);
  else await writeText(io.stdout, scans, vex, result);
  return 0;
}
function summarize(scans, vex) {
  const merged = mergeFindings(scans.flatMap((scan) => scan.findings));
  const activeKeys = new Set(merged.map(findingKey));
  const suppressed = scans.flatMap((scan) => scan.suppressed ?? []).filter((entry) => !activeKeys.has(findingKey(entry.finding)));
  const matcher = createVexMatcher(vex, { digests: scans.flatMap((scan) => scan.artifact.digests) });
  const findings = [];
  for (const finding of merged) {
    const byVex = vexSuppression(matcher, finding);
    if (byVex) suppressed.push(byVex);
    else findings.push(finding);
  }
  findings.sort(bySeverityThenId);
  return { findings, counts: countBySeverity(findings), suppressed };
}
async function writeJson(out, summary) {
  const writer = bufferedWriter(out);
  await writer.write('{"findings":[');
  for (let i = 0; i < summary.findings.length; i++) {
    const full = writer.write(
      `${i === 0 ? "\n" : ",\n"}${escapeJsonForLog(JSON.stringify(summary.findings[i]))}`
    );
    if (full) await full;
  }
  await writer.write(`
],"counts":${JSON.stringify(summary.counts)},"suppressed":[`);
  for (let i = 0; i < summary.suppressed.length; i++) {
    const full = writer.write(
      `${i === 0 ? "\n" : ",\n"}${escapeJsonForLog(JSON.stringify(summary.suppressed[i]))}`
    );
    if (full) await full;
  }
  await writer.write("\n]}\n");
  await writer.flush();
}
async function writeText(out, scans, vex, summary) {
  const writer = bufferedWriter(out);
  const line = (text) => writer.write(`${escapeLogLine(text)}
`);
  for (const scan of scans) {
    const scanner = `${scan.scanner.name}${scan.scanner.version ? ` ${scan.scanner.version}` : ""}`;
    const about = scan.artifact.digests.length > 0 ? `, about ${scan.artifact.digests.join(", ")}` : "";
    await line(
      `${scan.source.uri}: ${scan.format} from ${scanner}, ${scan.findings.length} finding(s)${about}`
    );
  }
  for (const document of vex) {
    await line(`${document.source.uri}: ${document.format}, ${document.statements.length} statement(s)`);
  }
  await line(
    `${summary.findings.length} finding(s) after dedupe: ${SEVERITIES.map((s) => `${summary.counts[s]} ${s}`).join(", ")}; ${summary.suppressed.length} suppressed`
  );
  for (const finding of summary.findings) {
    const fix = finding.fixedVersion ? ` \u2192 ${finding.fixedVersion}` : finding.fixState === "unfixed" ? " (no fix)" : "";
    const score = finding.cvssScore !== void 0 ? ` CVSS ${finding.cvssScore}` : "";
    const from = (finding.sources ?? []).map((source) => source.scanner).join("+");
    await line(
      `${finding.severity.padEnd(8)} ${finding.id} ${finding.packageName} ${finding.installedVersion ?? ""}${fix}${score} [${from}]`
    );
  }
  for (const entry of summary.suppressed) {
    await line(`suppressed ${entry.finding.id} ${entry.finding.packageName}: ${entry.reason}`);
  }
  await writer.flush();
}
function bufferedWriter(out) {
  let pending = [];
  let size = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const text = pending.join("");
    pending = [];
    size = 0;
    if (!out.write(text)) await new Promise((resolve) => out.once("drain", () => resolve()));
  };
  return {
    /**
     * A promise only when a piece was handed to the stream: awaiting every small write would cost
     * a turn of the event loop's microtask queue per finding.
     */
    write(text) {
      pending.push(text);
      size += text.length;
      return size >= 65536 ? flush() : void 0;
    },
    flush
  };
}
export {
  scansCommand
};
