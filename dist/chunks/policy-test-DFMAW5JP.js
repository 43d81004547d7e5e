import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  SnapshotError,
  loadEvidenceSnapshot
} from "./chunk-26LUNZPH.js";
import "./chunk-6HTVPHSP.js";
import {
  MAX_POLICY_BYTES,
  PolicyError,
  loadPolicyFile,
  nearestPosition,
  parseYamlWithPositions,
  readPolicyText
} from "./chunk-G6PKUTQE.js";
import "./chunk-BLF23LCM.js";
import {
  evaluatePolicy
} from "./chunk-H776GRBR.js";
import "./chunk-74X36MG6.js";
import "./chunk-DKY2ZES5.js";
import "./chunk-63E2CWL3.js";
import "./chunk-FHHVMNRQ.js";
import "./chunk-B2CLC4I4.js";
import "./chunk-FIW5J6G3.js";
import "./chunk-BDIAHNI5.js";
import "./chunk-CPWHA4RJ.js";
import {
  external_exports
} from "./chunk-WLVSEBNM.js";
import "./chunk-QTVN7HLV.js";
import "./chunk-S3VIENSH.js";
import "./chunk-2FUSLBNA.js";
import "./chunk-724VLPQF.js";
import "./chunk-2GTHPEXP.js";
import {
  escapeLogLine
} from "./chunk-AJCAIOG3.js";
import "./chunk-V6QQ6HQ7.js";
import {
  ConfigurationError,
  describeError,
  formatPosition
} from "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";

// src/cli/commands/policy-test.ts
import { dirname, relative, resolve } from "node:path";

// src/policy/authoring/policy-test.ts
var EXPECTED_STATUSES = ["pass", "fail", "warn", "skip", "absent"];
var RULE_ID = /^[a-z0-9-]+\.[a-z0-9-]+$/;
var DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
var testCase = external_exports.object({
  name: external_exports.string().min(1).describe("What the case shows, named in every failure"),
  policy: external_exports.string().min(1).describe("The policy file, relative to the test file"),
  evidence: external_exports.string().min(1).describe("An evidence snapshot (check --evidence-out), relative to the test file"),
  now: external_exports.string().refine(
    (text) => DATE_TIME.test(text) && !Number.isNaN(Date.parse(text)),
    "expected a date and time such as 2026-12-01T00:00:00Z"
  ).describe("The clock the policy is evaluated at (expiry dates, scan age)"),
  expect: external_exports.object({
    verdict: external_exports.enum(["pass", "fail"]).optional().describe("The decision"),
    results: external_exports.record(
      external_exports.string().regex(RULE_ID, "expected a rule id such as vulnerabilities.fail-on"),
      external_exports.enum(EXPECTED_STATUSES)
    ).default({}).describe("Rule id \u2192 pass, fail, warn, skip or absent")
  }).strict().refine((value) => value.verdict !== void 0 || Object.keys(value.results).length > 0, {
    message: "expect at least a verdict or one rule result"
  })
}).strict();
var testFile = external_exports.object({ tests: external_exports.array(testCase).min(1, "expected at least one test case") }).strict();
function parsePolicyTests(text, file) {
  const { value, positions } = parseYamlWithPositions(text, file);
  if (value === null || value === void 0) {
    throw new PolicyError([
      { position: { file, line: 1, column: 1 }, message: 'the test file is empty: start it with "tests:"' }
    ]);
  }
  const result = testFile.safeParse(value);
  if (!result.success) {
    throw new PolicyError(
      result.error.issues.flatMap((issue) => {
        const path = issue.path.map(String);
        if (issue.code === "unrecognized_keys") {
          return issue.keys.map((key) => ({
            position: positions[[...path, key].join(".")] ?? nearestPosition(path, file, positions),
            message: `unknown key ${JSON.stringify(key)}`
          }));
        }
        const where = nearestPosition(path, file, positions);
        const label = path.length > 0 ? `${path.join(".")}: ` : "";
        const message = issue.code === "invalid_key" ? "expected a rule id such as vulnerabilities.fail-on" : issue.code === "invalid_value" ? `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}` : issue.code === "invalid_type" && /received undefined$/.test(issue.message) ? `required (${issue.expected})` : issue.message.replace(/^Invalid input: /, "");
        return [{ position: where, message: `${label}${message}` }];
      })
    );
  }
  return result.data.tests.map((entry, index) => ({
    ...entry,
    at: nearestPosition(["tests", String(index)], file, positions),
    expectationAt: (key) => nearestPosition(
      key === "verdict" ? ["tests", String(index), "expect", "verdict"] : ["tests", String(index), "expect", "results", key],
      file,
      positions
    )
  }));
}
function runPolicyTestCase(entry, policy, evidence) {
  const decision = evaluatePolicy(policy, evidence, new Date(entry.now));
  const misses = [];
  const { verdict, results } = entry.expect;
  if (verdict !== void 0 && decision.verdict !== verdict) {
    misses.push({
      what: "verdict",
      expected: verdict,
      actual: decision.verdict,
      at: entry.expectationAt("verdict")
    });
  }
  for (const [ruleId, expected] of Object.entries(results)) {
    const matching = decision.results.filter((result) => result.ruleId === ruleId);
    const actual = combinedStatus(matching.map((result) => result.status));
    if (actual !== expected) {
      misses.push({
        what: ruleId,
        expected,
        actual,
        at: entry.expectationAt(ruleId),
        detail: matching.map((result) => `${result.title}: ${result.message}`).join(" / ") || void 0
      });
    }
  }
  return { name: entry.name, at: entry.at, decision, misses };
}
function combinedStatus(statuses) {
  if (statuses.length === 0) return "absent";
  for (const status of ["fail", "warn", "pass"]) if (statuses.includes(status)) return status;
  return "skip";
}

// src/cli/commands/policy-test.ts
async function policyTestCommand(files, io) {
  if (files.length === 0)
    throw new ConfigurationError("invalid-arguments", "policy test needs at least one FILE");
  const shown = (absolute) => relative(io.cwd, absolute) || absolute;
  const policies = /* @__PURE__ */ new Map();
  const snapshots = /* @__PURE__ */ new Map();
  let passed = 0;
  let failed = 0;
  let unreadable = false;
  let errored = 0;
  for (const file of files) {
    const absolute = resolve(io.cwd, file);
    let cases;
    try {
      const text = await readPolicyText(absolute, shown(absolute));
      if (text === void 0) {
        throw new ConfigurationError("policy-test-not-found", `${shown(absolute)}: test file not found`);
      }
      if (Buffer.byteLength(text) > MAX_POLICY_BYTES) {
        throw new ConfigurationError("policy-test-too-large", `${shown(absolute)}: test file is too large`);
      }
      cases = parsePolicyTests(text, shown(absolute));
    } catch (error) {
      unreadable = true;
      printProblems(io, error);
      continue;
    }
    io.stdout.write(`${escapeLogLine(shown(absolute))}
`);
    for (const entry of cases) {
      const policyPath = resolve(dirname(absolute), entry.policy);
      const evidencePath = resolve(dirname(absolute), entry.evidence);
      let policy;
      let snapshot;
      try {
        policy = await cached(policies, policyPath, () => loadPolicyFile(policyPath, shown(policyPath)));
        snapshot = await cached(
          snapshots,
          evidencePath,
          () => loadEvidenceSnapshot(evidencePath, shown(evidencePath))
        );
      } catch (error) {
        unreadable = true;
        errored++;
        io.stdout.write(`  ERROR ${escapeLogLine(entry.name)}
`);
        printProblems(io, error, `${formatPosition(entry.at)}: case ${JSON.stringify(entry.name)}: `);
        continue;
      }
      const outcome = runPolicyTestCase(entry, policy, snapshot.evidence);
      if (outcome.misses.length === 0) {
        passed++;
        io.stdout.write(`  ok    ${escapeLogLine(entry.name)}
`);
        continue;
      }
      failed++;
      io.stdout.write(`  FAIL  ${escapeLogLine(entry.name)}
`);
      for (const miss of outcome.misses) {
        const line = `${formatPosition(miss.at)}: case ${JSON.stringify(entry.name)}: ${miss.what}: expected ${miss.expected}, got ${miss.actual}`;
        io.stdout.write(`        ${escapeLogLine(line)}
`);
        if (miss.detail) io.stdout.write(`          ${escapeLogLine(miss.detail.slice(0, 500))}
`);
      }
    }
  }
  const notRun = errored > 0 ? `, ${errored} could not run` : "";
  io.stdout.write(`${passed + failed + errored} case(s): ${passed} passed, ${failed} failed${notRun}
`);
  return unreadable ? 2 : failed > 0 ? 1 : 0;
}
function cached(cache, key, load) {
  let entry = cache.get(key);
  if (!entry) {
    entry = load();
    cache.set(key, entry);
  }
  return entry;
}
function printProblems(io, error, prefix = "") {
  const problems = error instanceof PolicyError || error instanceof SnapshotError ? error.lines : [describeError(error)];
  for (const problem of problems) io.stderr.write(`${escapeLogLine(`${prefix}${problem}`)}
`);
}
export {
  policyTestCommand
};
