import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  loadSecretDetector
} from "./chunk-6HTVPHSP.js";
import {
  scanImageConfigs
} from "./chunk-63E2CWL3.js";
import {
  JsonStreamParser
} from "./chunk-FHHVMNRQ.js";
import {
  readRegularFile
} from "./chunk-2FUSLBNA.js";
import {
  ConfigurationError,
  InternalError
} from "./chunk-QCJNFU7Y.js";

// src/evidence/snapshot.ts
var EVIDENCE_SCHEMA = "supply-chain-gate/evidence";
var EVIDENCE_SNAPSHOT_VERSION = 1;
var MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;
var REDACTED_PLACEHOLDER = "[credential removed by supply-chain-gate]";
async function withConfigSecretScan(evidence) {
  const scanned = new Set((evidence.configSecrets ?? []).map((scan) => scan.manifestDigest));
  if (evidence.image.platforms.every((platform) => scanned.has(platform.digest))) return evidence;
  const detector = await loadSecretDetector();
  return { ...evidence, configSecrets: await scanImageConfigs(evidence.image, detector) };
}
function renderEvidenceSnapshot(evidence, context) {
  const redactions = [];
  const snapshot = {
    schema: EVIDENCE_SCHEMA,
    version: EVIDENCE_SNAPSHOT_VERSION,
    tool: { name: "supply-chain-gate", version: context.toolVersion },
    createdAt: context.createdAt.toISOString(),
    redactions,
    ...context.decision ? { decision: summarizeDecision(context.decision) } : {},
    evidence: withoutCredentials(evidence, redactions)
  };
  return `${JSON.stringify(snapshot, encodingReplacer(), 1)}
`;
}
function parseEvidenceSnapshot(bytes, file) {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  let decoded;
  try {
    decoded = JSON.parse(text, reviveTagged);
  } catch (error) {
    if (error instanceof MalformedTag) {
      const problems2 = validateEnvelope(JSON.parse(text), file);
      throw new SnapshotError(problems2.length > 0 ? problems2 : [`${file}: malformed ${error.tag} value`]);
    }
    const parser = new JsonStreamParser(file);
    parser.write(bytes);
    parser.end();
    throw new SnapshotError([`${file}: invalid JSON`]);
  }
  const problems = validateEnvelope(decoded, file, false);
  if (problems.length > 0) throw new SnapshotError(problems);
  const snapshot = decoded;
  const evidenceProblems = validateEvidence(snapshot.evidence, `${file}: evidence`);
  if (evidenceProblems.length > 0) throw new SnapshotError(evidenceProblems);
  return snapshot;
}
async function loadEvidenceSnapshot(path, displayName = path) {
  const read = await readRegularFile(path, MAX_SNAPSHOT_BYTES);
  if (!read.ok) {
    const why = (() => {
      switch (read.problem) {
        case "missing":
          return "no such file";
        case "not-a-file":
          return "not a regular file";
        case "too-large":
          return `larger than ${MAX_SNAPSHOT_BYTES} bytes`;
        case "unreadable":
          return `unreadable (${read.code})`;
      }
    })();
    throw new ConfigurationError(
      "evidence-unreadable",
      `${displayName}: cannot read the evidence snapshot: ${why}`
    );
  }
  return parseEvidenceSnapshot(read.bytes, displayName);
}
var SnapshotError = class extends ConfigurationError {
  /** Each problem as `file: where: what is wrong`. */
  lines;
  constructor(lines) {
    const more = lines.length > 1 ? ` (and ${lines.length - 1} more problem(s))` : "";
    super("invalid-evidence", `${lines[0]}${more}`, { problems: lines.map((message) => ({ message })) });
    this.lines = lines;
  }
};
function summarizeDecision(decision) {
  return {
    policy: decision.policyOrigin,
    evaluatedAt: decision.evaluatedAt,
    verdict: decision.verdict,
    results: decision.results.map((result) => ({
      ruleId: result.ruleId,
      status: result.status,
      ...result.platform ? { platform: result.platform } : {}
    }))
  };
}
function withoutCredentials(evidence, redactions) {
  const image = evidence.image;
  const flagged = flaggedPlaces(evidence.configSecrets ?? []);
  const anyLabel = new Set([...flagged.values()].flatMap((places) => [...places]));
  const first = image.platforms[0]?.digest;
  return {
    ...evidence,
    image: {
      ...image,
      annotations: cleanRecord(image.annotations, anyLabel, "annotations", redactions),
      ...image.config ? { config: cleanConfig(image.config, flagged.get(first ?? "") ?? /* @__PURE__ */ new Set(), "config", redactions) } : {},
      platforms: image.platforms.map((platform, index) => {
        const places = flagged.get(platform.digest) ?? /* @__PURE__ */ new Set();
        return {
          ...platform,
          annotations: cleanRecord(
            platform.annotations,
            places,
            `platforms[${index}] annotations`,
            redactions
          ),
          ...platform.config ? { config: cleanConfig(platform.config, places, `platforms[${index}]`, redactions) } : {}
        };
      })
    }
  };
}
function flaggedPlaces(scans) {
  const flagged = /* @__PURE__ */ new Map();
  for (const scan of scans) {
    if (scan.findings.length === 0) continue;
    flagged.set(scan.manifestDigest, new Set(scan.findings.map((finding) => finding.where)));
  }
  return flagged;
}
function cleanConfig(config, places, where, redactions) {
  return {
    ...config,
    env: config.env.map((entry) => {
      const at = entry.indexOf("=");
      const name = at === -1 ? entry : entry.slice(0, at);
      if (at === -1 || !places.has(`Env ${name}`)) return entry;
      redactions.push({ where: `${where} Env ${name}`, exact: true });
      return `${name}=${REDACTED_PLACEHOLDER}`;
    }),
    labels: cleanRecord(config.labels, places, `${where} Label`, redactions),
    history: config.history.map((step, index) => {
      if (step.createdBy === void 0 || !places.has(`History step ${index + 1}`)) return step;
      redactions.push({ where: `${where} History step ${index + 1}`, exact: true });
      return { ...step, createdBy: REDACTED_PLACEHOLDER };
    })
  };
}
function cleanRecord(record, places, where, redactions) {
  const clean = {};
  for (const [key, value] of Object.entries(record ?? {})) {
    const secret = places.has(`Label ${key}`);
    if (secret) redactions.push({ where: `${where} ${key}`, exact: true });
    clean[key] = secret ? REDACTED_PLACEHOLDER : value;
  }
  return clean;
}
var TAGS = ["$bytes", "$date", "$map", "$set", "$bigint", "$object"];
function encodingReplacer() {
  const wrapped = /* @__PURE__ */ new WeakSet();
  return function(key, value) {
    const raw = this[key];
    if (raw instanceof Uint8Array) {
      return { $bytes: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString("base64") };
    }
    if (raw instanceof Date) return { $date: raw.toISOString() };
    if (raw instanceof Map) return { $map: [...raw] };
    if (raw instanceof Set) return { $set: [...raw] };
    if (typeof raw === "bigint") return { $bigint: raw.toString() };
    if (typeof raw === "function" || typeof raw === "symbol") {
      throw new InternalError(
        "evidence-not-data",
        `${key}: a ${typeof raw} cannot be written to an evidence snapshot`
      );
    }
    if (value !== null && typeof value === "object" && !Array.isArray(value) && !wrapped.has(value)) {
      for (const name in value) {
        if (name.startsWith("$")) {
          wrapped.add(value);
          return { $object: value };
        }
      }
    }
    return value;
  };
}
var MalformedTag = class extends Error {
  constructor(tag) {
    super(`malformed ${tag} value`);
    this.tag = tag;
  }
  tag;
};
function reviveTagged(key, value) {
  if (key === "$object" || value === null || typeof value !== "object" || Array.isArray(value)) return value;
  let tag;
  for (const name in value) {
    if (tag !== void 0) return value;
    tag = name;
  }
  if (tag === void 0 || !tag.startsWith("$")) return value;
  const inner = value[tag];
  switch (tag) {
    case "$bytes":
      if (typeof inner !== "string" || inner.length % 4 !== 0 || !BASE64.test(inner))
        throw new MalformedTag(tag);
      return new Uint8Array(Buffer.from(inner, "base64"));
    case "$date":
      if (typeof inner !== "string" || Number.isNaN(Date.parse(inner))) throw new MalformedTag(tag);
      return new Date(inner);
    case "$map":
      if (!Array.isArray(inner) || !inner.every((pair) => Array.isArray(pair) && pair.length === 2)) {
        throw new MalformedTag(tag);
      }
      return new Map(inner);
    case "$set":
      if (!Array.isArray(inner)) throw new MalformedTag(tag);
      return new Set(inner);
    case "$bigint":
      if (typeof inner !== "string" || !/^-?\d+$/.test(inner)) throw new MalformedTag(tag);
      return BigInt(inner);
    case "$object":
      if (inner === null || typeof inner !== "object" || Array.isArray(inner)) throw new MalformedTag(tag);
      return inner;
    default:
      return value;
  }
}
var BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
function validateEnvelope(raw, file, tags = true) {
  if (!isObject(raw)) return [`${file}: not an evidence snapshot (expected a JSON object)`];
  if (raw.schema !== EVIDENCE_SCHEMA) {
    return [
      `${file}: not an evidence snapshot (expected "schema": "${EVIDENCE_SCHEMA}"; write one with check --evidence-out)`
    ];
  }
  if (typeof raw.version !== "number" || !Number.isInteger(raw.version)) {
    return [`${file}: version: expected the snapshot format version, an integer`];
  }
  if (raw.version > EVIDENCE_SNAPSHOT_VERSION) {
    return [
      `${file}: version ${raw.version} was written by a newer supply-chain-gate (this one reads ${EVIDENCE_SNAPSHOT_VERSION}): upgrade to replay it`
    ];
  }
  if (raw.version < 1) return [`${file}: version: expected ${EVIDENCE_SNAPSHOT_VERSION}`];
  const problems = [];
  if (!isObject(raw.evidence)) problems.push(`${file}: evidence: expected an object`);
  if (tags) checkTags(raw, "", problems, file);
  return problems;
}
function checkTags(value, path, problems, file) {
  if (problems.length >= 20) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkTags(item, `${path}[${index}]`, problems, file));
    return;
  }
  if (!isObject(value)) return;
  const keys = Object.keys(value);
  if (keys.length === 1 && TAGS.includes(keys[0])) {
    const tag = keys[0];
    const inner = value[tag];
    const ok = tag === "$bytes" ? typeof inner === "string" && BASE64.test(inner) && inner.length % 4 === 0 : tag === "$date" ? typeof inner === "string" && !Number.isNaN(Date.parse(inner)) : tag === "$map" ? Array.isArray(inner) && inner.every((pair) => Array.isArray(pair) && pair.length === 2) : tag === "$set" ? Array.isArray(inner) : tag === "$bigint" ? typeof inner === "string" && /^-?\d+$/.test(inner) : isObject(inner);
    if (!ok) problems.push(`${file}: ${path}: malformed ${tag} value`);
    if (tag === "$object" && isObject(inner)) {
      for (const [key, item] of Object.entries(inner))
        checkTags(item, path ? `${path}.${key}` : key, problems, file);
    } else if (Array.isArray(inner)) {
      checkTags(inner, path, problems, file);
    }
    return;
  }
  for (const [key, item] of Object.entries(value))
    checkTags(item, path ? `${path}.${key}` : key, problems, file);
}
var SHA256 = /^sha256:[0-9a-f]{64}$/;
function validateEvidence(evidence, at) {
  const problems = [];
  const need = (ok, path, what) => {
    if (!ok) problems.push(`${at}.${path}: expected ${what}`);
  };
  const image = evidence.image;
  need(isObject(image), "image", "an object");
  if (isObject(image)) {
    need(typeof image.name === "string", "image.name", "a string");
    need(typeof image.reference === "string", "image.reference", "a string");
    need(typeof image.digest === "string" && SHA256.test(image.digest), "image.digest", "sha256:<64 hex>");
    need(typeof image.mediaType === "string", "image.mediaType", "a string");
    need(isStringRecord(image.annotations), "image.annotations", "an object of strings");
    need(Array.isArray(image.layers), "image.layers", "an array");
    need(isObject(image.source), "image.source", "an object");
    need(Array.isArray(image.platforms), "image.platforms", "an array");
    if (Array.isArray(image.platforms)) {
      image.platforms.forEach((platform, index) => {
        const path = `image.platforms[${index}]`;
        need(isObject(platform), path, "an object");
        if (!isObject(platform)) return;
        need(
          typeof platform.digest === "string" && SHA256.test(platform.digest),
          `${path}.digest`,
          "sha256:<64 hex>"
        );
        need(isStringRecord(platform.annotations), `${path}.annotations`, "an object of strings");
        need(Array.isArray(platform.layers), `${path}.layers`, "an array");
        need(typeof platform.compressedSize === "number", `${path}.compressedSize`, "a number");
      });
    }
  }
  need(Array.isArray(evidence.scans), "scans", "an array");
  if (Array.isArray(evidence.scans)) {
    evidence.scans.forEach((scan, index) => {
      need(
        isObject(scan) && Array.isArray(scan.findings) && isObject(scan.artifact),
        `scans[${index}]`,
        "a scan report with findings and artifact"
      );
    });
  }
  need(Array.isArray(evidence.discovered), "discovered", "an array");
  for (const key of ["lookups", "verifications", "vex", "layerScans"]) {
    need(evidence[key] === void 0 || Array.isArray(evidence[key]), key, "an array");
  }
  if (Array.isArray(evidence.verifications) && Array.isArray(evidence.discovered)) {
    need(
      evidence.verifications.length === evidence.discovered.length,
      "verifications",
      "one verification per discovered artifact"
    );
  }
  return problems;
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isStringRecord(value) {
  return isObject(value) && Object.values(value).every((item) => typeof item === "string");
}

export {
  EVIDENCE_SCHEMA,
  EVIDENCE_SNAPSHOT_VERSION,
  MAX_SNAPSHOT_BYTES,
  REDACTED_PLACEHOLDER,
  withConfigSecretScan,
  renderEvidenceSnapshot,
  parseEvidenceSnapshot,
  loadEvidenceSnapshot,
  SnapshotError
};
