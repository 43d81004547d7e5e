import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  JsonStreamParser,
  walkJsonValue
} from "./chunk-FHHVMNRQ.js";
import {
  external_exports
} from "./chunk-WLVSEBNM.js";
import {
  createPurlCanonicalizer,
  parsePurl,
  purlMatches
} from "./chunk-S3VIENSH.js";
import {
  SEVERITIES
} from "./chunk-2GTHPEXP.js";
import {
  ConfigurationError
} from "./chunk-QCJNFU7Y.js";

// src/evidence/scans/scoring/severity.ts
function normalizeSeverity(word) {
  switch (word.trim().toLowerCase()) {
    case "critical":
      return "critical";
    case "high":
    case "important":
      return "high";
    case "medium":
    case "moderate":
      return "medium";
    case "low":
    case "negligible":
    case "info":
    case "informational":
    case "none":
      return "low";
    default:
      return "unknown";
  }
}
function severityFromScore(score) {
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  return "low";
}
function severityFromMethodScore(method, score) {
  const name = (method ?? "").replace(/[\s_.-]/g, "").toLowerCase();
  if (name === "cvssv2" || name === "cvss2") return score >= 7 ? "high" : score >= 4 ? "medium" : "low";
  if (/^cvss(v?(3|31|30|4|40))?$/.test(name) || name === "cvssscore") return severityFromScore(score);
  if (name === "owasp") return score >= 6 ? "high" : score >= 3 ? "medium" : "low";
  return void 0;
}
function severityFromLevel(level) {
  switch (level) {
    case "error":
      return "high";
    case "warning":
      return "medium";
    case "note":
      return "low";
    default:
      return "unknown";
  }
}
function compareSeverity(a, b) {
  return SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b);
}
function isSeverityWord(word) {
  return ["critical", "high", "medium", "low", "unknown", "negligible", "moderate", "important"].includes(
    word.trim().toLowerCase()
  );
}
function parseScore(value) {
  const score = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
  return Number.isFinite(score) && score >= 0 && score <= 10 ? score : void 0;
}

// src/evidence/findings.ts
var CVE = /^CVE-\d{4}-\d{4,}$/i;
function canonicalVulnerabilityId(finding) {
  if (CVE.test(finding.id)) return finding.id.toUpperCase();
  const cve = finding.aliases.find((alias) => CVE.test(alias));
  return (cve ?? finding.id).toUpperCase();
}
function findingKey(finding) {
  const version = finding.installedVersion ?? `@${finding.location ?? ""}`;
  return `${canonicalVulnerabilityId(finding)}\0${finding.packageName}\0${version}`;
}
function mergeFindings(findings) {
  const merged = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const key = findingKey(finding);
    const known = merged.get(key);
    merged.set(key, known ? combine(known, finding) : finding);
  }
  return [...merged.values()];
}
function combine(a, b) {
  const worse = compareSeverity(b.severity, a.severity) < 0 ? b : a;
  const higherScore = (b.cvssScore ?? -1) > (a.cvssScore ?? -1) ? b : a;
  const id = canonicalVulnerabilityId(a);
  const ids = /* @__PURE__ */ new Map();
  for (const value of [a.id, ...a.aliases, b.id, ...b.aliases]) {
    if (!ids.has(value.toUpperCase())) ids.set(value.toUpperCase(), value);
  }
  ids.delete(id);
  return {
    ...a,
    id,
    aliases: [...ids.values()],
    severity: worse.severity,
    sourceSeverity: worse.sourceSeverity,
    cvssScore: higherScore.cvssScore,
    cvssVector: higherScore.cvssVector,
    fixedVersion: a.fixedVersion ?? b.fixedVersion,
    fixState: a.fixState === "fixed" || b.fixState === "fixed" ? "fixed" : a.fixState ?? b.fixState,
    purl: a.purl ?? b.purl,
    title: a.title ?? b.title,
    url: a.url ?? b.url,
    target: a.target ?? b.target,
    location: a.location ?? b.location,
    sources: mergeSources(a.sources ?? [], b.sources ?? [])
  };
}
function mergeSources(a, b) {
  const missing = b.filter(
    (source) => !a.some((known) => known.uri === source.uri && known.scanner === source.scanner)
  );
  return missing.length === 0 ? a : [...a, ...missing];
}
function countBySeverity(findings) {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0]));
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
function bySeverityThenId(a, b) {
  return compareSeverity(a.severity, b.severity) || (b.cvssScore ?? -1) - (a.cvssScore ?? -1) || compareText(a.id, b.id) || compareText(a.packageName, b.packageName);
}
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/evidence/scans/document-format.ts
function matchesPattern(path, pattern) {
  if (path.length !== pattern.length) return false;
  for (let i = 0; i < path.length; i++) {
    const want = pattern[i];
    if (want === "*" ? typeof path[i] !== "number" : path[i] !== want) return false;
  }
  return true;
}
function formatJsonPath(path) {
  let text2 = "$";
  for (const segment of path) {
    if (typeof segment === "number") text2 += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z_$][\w$-]*$/.test(segment)) text2 += `.${segment}`;
    else text2 += `[${JSON.stringify(String(segment)).slice(0, 80)}]`;
  }
  return text2;
}
function validatePart(schema, value, context) {
  const result2 = schema.safeParse(value);
  if (result2.success) return result2.data;
  const issue = result2.error.issues[0];
  const where = context.start ? `:${context.start.line}:${context.start.column}` : "";
  const message = issue.message.replace(/^Invalid input: /, "").slice(0, 200);
  throw new ConfigurationError(
    "invalid-scan-report",
    `${context.source.uri}${where}: not a valid ${context.title}: at ${formatJsonPath([...context.path, ...issue.path])}: ${message}`
  );
}
function createInterner(limit = 5e4) {
  let seen = /* @__PURE__ */ new Map();
  return (text2) => {
    if (text2 === void 0) return void 0;
    const known = seen.get(text2);
    if (known !== void 0) return known;
    if (seen.size >= limit) seen = /* @__PURE__ */ new Map();
    seen.set(text2, text2);
    return text2;
  };
}
var DIGEST_IN_TEXT = /@sha256[:_]([a-f0-9]{64})\b/g;
function digestsIn(text2) {
  if (!text2) return [];
  return [...text2.matchAll(DIGEST_IN_TEXT)].map((match2) => `sha256:${match2[1]}`);
}
function isDigest(text2) {
  return typeof text2 === "string" && /^sha256:[a-f0-9]{64}$/.test(text2);
}
function unique(values) {
  return [...new Set(values)];
}
function findingTitle(title, description) {
  return shortText(title) ?? shortText(firstSentence(description));
}
function firstSentence(text2) {
  const flat = text2?.slice(0, 2e3).trim().replace(/\s+/g, " ");
  if (!flat) return void 0;
  return /^(.+?[.!?])(?=\s)/.exec(flat)?.[1] ?? flat;
}
function shortText(text2, limit = 200) {
  if (!text2) return void 0;
  const line = text2.trim().split("\n", 1)[0];
  return line.length > limit ? `${line.slice(0, limit - 1)}\u2026` : line;
}

// src/evidence/vex-match.ts
function createVexMatcher(documents, subject) {
  const byId = /* @__PURE__ */ new Map();
  let order = 0;
  for (const document2 of documents) {
    for (const statement2 of document2.statements) {
      const entry2 = { statement: statement2, document: document2, order: order++, time: timeOf(statement2.timestamp) };
      for (const id of new Set([statement2.vulnerability, ...statement2.aliases].map((v) => v.toUpperCase()))) {
        const list2 = byId.get(id);
        if (list2) list2.push(entry2);
        else byId.set(id, [entry2]);
      }
    }
  }
  const purls = /* @__PURE__ */ new Map();
  const cachedPurl = (text2) => {
    if (text2 === void 0) return void 0;
    if (!purls.has(text2)) purls.set(text2, parsePurl(text2));
    return purls.get(text2);
  };
  return (finding) => {
    const candidates = new Set(
      [finding.id, ...finding.aliases].flatMap((id) => byId.get(id.toUpperCase()) ?? [])
    );
    let latest;
    for (const candidate of candidates) {
      if (!candidate.statement.products.some((product) => productCovers(product, finding, subject, cachedPurl))) {
        continue;
      }
      if (!latest || candidate.time > latest.time || candidate.time === latest.time && candidate.order > latest.order) {
        latest = candidate;
      }
    }
    return latest && { statement: latest.statement, document: latest.document };
  };
}
function vexSuppression(matcher, finding) {
  const verdict = matcher(finding);
  if (!verdict) return void 0;
  const { statement: statement2, document: document2 } = verdict;
  if (statement2.status !== "not_affected" && statement2.status !== "fixed") return void 0;
  const justification = statement2.justification ? ` (${statement2.justification})` : "";
  return {
    finding,
    by: "vex",
    reason: `VEX ${statement2.status}${justification}${statement2.detail ? `: ${statement2.detail}` : ""}`,
    origin: document2.source.uri
  };
}
function productCovers(product, finding, subject, purlOf) {
  if (product.ranges && product.ranges.length > 0 && !product.versions) return false;
  if (product.versions && !product.versions.includes(finding.installedVersion ?? "")) return false;
  const inside = () => product.subcomponents.length === 0 || product.subcomponents.some((sub) => packageMatches(sub, finding, purlOf));
  const purl = purlOf(product.id);
  if (purl?.type === "oci") return imageMatches(purl, subject) && inside();
  if (purl) {
    return product.subcomponents.length > 0 ? inside() : packageMatches(product.id, finding, purlOf);
  }
  const digests = digestsIn(product.id);
  return digests.length > 0 && digests.some((digest) => subject.digests.includes(digest)) && inside();
}
function imageMatches(purl, subject) {
  if (purl.version !== void 0) return subject.digests.includes(purl.version);
  if (subject.name === void 0) return false;
  const repository = purl.qualifiers.repository_url;
  return repository !== void 0 ? normalizeImageName(repository) === normalizeImageName(subject.name) : subject.name.slice(subject.name.lastIndexOf("/") + 1) === purl.name;
}
function normalizeImageName(name) {
  return name.replace(/^(index\.docker\.io|registry-1\.docker\.io)\//, "docker.io/").replace(/^docker\.io\/library\//, "docker.io/").toLowerCase();
}
function packageMatches(id, finding, purlOf) {
  const pattern = purlOf(id);
  if (!pattern) return id === finding.packageName;
  const candidate = purlOf(finding.purl);
  if (candidate) return purlMatches(pattern, candidate);
  return pattern.name === finding.packageName && (pattern.version === void 0 || pattern.version === finding.installedVersion);
}
function timeOf(timestamp) {
  const time = timestamp === void 0 ? NaN : Date.parse(timestamp);
  return Number.isNaN(time) ? -Infinity : time;
}

// src/evidence/scans/cosign-vuln.ts
var COSIGN_VULN_PREDICATE_TYPES = [
  "https://cosign.sigstore.dev/attestation/vuln/v1",
  // cosign's older spelling, still found on images attested before it gained the scheme.
  "cosign.sigstore.dev/attestation/vuln/v1"
];
var TITLE = "cosign vulnerability attestation";
var predicate = external_exports.object({
  scanner: external_exports.object({
    uri: external_exports.string().optional(),
    version: external_exports.string().optional(),
    result: external_exports.unknown()
  }),
  metadata: external_exports.object({ scanStartedOn: external_exports.string().optional(), scanFinishedOn: external_exports.string().optional() }).nullish()
});
var subjects = external_exports.array(
  external_exports.object({ name: external_exports.string().optional(), digest: external_exports.record(external_exports.string(), external_exports.string()).optional() })
);
function checkCosignVulnPredicate(value, source) {
  const parsed = validatePart(predicate, value, { source, title: TITLE, path: ["predicate"] });
  const result2 = parsed.scanner.result;
  if (typeof result2 !== "object" || result2 === null || Array.isArray(result2)) {
    throw new ConfigurationError(
      "empty-scan-attestation",
      `${source.uri}: the ${TITLE} carries no scan result (predicate.scanner.result is ${result2 === null ? "null" : typeof result2}); attest the scanner's JSON or SARIF output`
    );
  }
}
function wrapCosignVulnReport(inner, statement2, source) {
  const parsed = validatePart(predicate, statement2.predicate, { source, title: TITLE, path: ["predicate"] });
  const subjectList = validatePart(subjects, statement2.subject ?? [], {
    source,
    title: TITLE,
    path: ["subject"]
  });
  const scannerPurl = parsePurl(parsed.scanner.uri);
  const finished = parsed.metadata?.scanFinishedOn;
  return {
    ...inner,
    format: "cosign-vuln",
    scanner: {
      name: inner.scanner.name !== "unknown" ? inner.scanner.name : scannerPurl?.name ?? parsed.scanner.uri ?? "unknown",
      version: parsed.scanner.version || inner.scanner.version
    },
    artifact: {
      name: subjectList[0]?.name,
      digests: unique(
        subjectList.flatMap((subject) => subject.digest?.sha256 ? [`sha256:${subject.digest.sha256}`] : [])
      ),
      imageId: inner.artifact.imageId
    },
    // Go's zero time is what cosign writes when the scanner gave none.
    createdAt: finished && !finished.startsWith("0001-01-01") ? finished : void 0,
    source
  };
}

// src/evidence/scans/cyclonedx.ts
var TITLE2 = "CycloneDX document";
var rating = external_exports.object({
  source: external_exports.object({ name: external_exports.string().optional() }).nullish(),
  score: external_exports.number().optional(),
  severity: external_exports.string().optional(),
  method: external_exports.string().optional(),
  vector: external_exports.string().optional()
});
var vulnerability = external_exports.object({
  id: external_exports.string().min(1),
  source: external_exports.object({ name: external_exports.string().optional(), url: external_exports.string().optional() }).nullish(),
  references: external_exports.array(external_exports.object({ id: external_exports.string() })).nullish(),
  ratings: external_exports.array(rating).nullish(),
  description: external_exports.string().optional(),
  affects: external_exports.array(
    external_exports.object({
      ref: external_exports.string(),
      versions: external_exports.array(
        external_exports.object({
          version: external_exports.string().optional(),
          range: external_exports.string().optional(),
          status: external_exports.string().optional()
        })
      ).nullish()
    })
  ).nullish(),
  analysis: external_exports.object({
    state: external_exports.string().optional(),
    justification: external_exports.string().optional(),
    detail: external_exports.string().optional()
  }).nullish(),
  updated: external_exports.string().optional(),
  published: external_exports.string().optional()
});
var component = external_exports.object({
  "bom-ref": external_exports.string().optional(),
  name: external_exports.string().optional(),
  version: external_exports.string().optional(),
  purl: external_exports.string().optional(),
  components: external_exports.array(external_exports.unknown()).nullish()
});
var properties = external_exports.array(external_exports.object({ name: external_exports.string(), value: external_exports.string().optional() })).nullish();
var bom = external_exports.object({
  bomFormat: external_exports.literal("CycloneDX"),
  specVersion: external_exports.string().optional(),
  metadata: external_exports.object({
    timestamp: external_exports.string().optional(),
    tools: external_exports.union([
      external_exports.array(external_exports.object({ name: external_exports.string().optional(), version: external_exports.string().optional() })),
      external_exports.object({
        components: external_exports.array(external_exports.object({ name: external_exports.string().optional(), version: external_exports.string().optional() })).nullish()
      })
    ]).nullish(),
    component: component.extend({ properties }).nullish(),
    authors: external_exports.array(external_exports.object({ name: external_exports.string().optional() })).nullish()
  }).nullish(),
  vulnerabilities: external_exports.array(external_exports.unknown()).nullish()
});
var VEX_STATUS = {
  not_affected: "not_affected",
  false_positive: "not_affected",
  resolved: "fixed",
  resolved_with_pedigree: "fixed",
  exploitable: "affected",
  in_triage: "under_investigation"
};
var cyclonedx = {
  title: TITLE2,
  streamed: [["vulnerabilities"], ["components"]],
  detect: (document2) => document2.bomFormat === "CycloneDX",
  read: readCycloneDx
};
function readCycloneDx(source) {
  const intern = createInterner();
  const canonicalPurl = createPurlCanonicalizer();
  const components = /* @__PURE__ */ new Map();
  const vulnerabilities = [];
  let componentCount = 0;
  const addComponent = (value, path, start) => {
    const parsed = validatePart(component, value, { source, title: TITLE2, path, start });
    componentCount++;
    const facts = {
      name: intern(parsed.name),
      version: intern(parsed.version),
      purl: canonicalPurl(parsed.purl)
    };
    if (parsed["bom-ref"]) components.set(parsed["bom-ref"], facts);
    (parsed.components ?? []).forEach(
      (child, index) => addComponent(child, [...path, "components", index], start)
    );
  };
  return {
    element({ pattern, value, path, start }) {
      if (pattern === 1) {
        addComponent(value, path, start);
        return;
      }
      vulnerabilities.push(validatePart(vulnerability, value, { source, title: TITLE2, path, start }));
    },
    finish(document2, role) {
      const parsed = validatePart(bom, document2, { source, title: TITLE2, path: [] });
      const metadata = parsed.metadata;
      const product = metadata?.component;
      if (product?.["bom-ref"]) {
        components.set(product["bom-ref"], {
          name: product.name,
          version: product.version,
          purl: canonicalPurl(product.purl)
        });
      }
      const resolve = (ref) => {
        const local = localRef(ref);
        return components.get(local) ?? (local.startsWith("pkg:") ? factsFromPurl(canonicalPurl(local)) : void 0);
      };
      const analysed = vulnerabilities.filter((v) => v.analysis?.state !== void 0);
      const tools = metadata?.tools;
      const tool = Array.isArray(tools) ? tools[0] : tools?.components?.[0];
      if (role === "vex") {
        if (analysed.length === 0) {
          throw new ConfigurationError(
            "no-vex-statements",
            `${source.uri}: a CycloneDX document with no VEX statements (no vulnerability has an "analysis")`
          );
        }
        return {
          kind: "vex",
          vex: {
            format: "cyclonedx-vex",
            author: metadata?.authors?.[0]?.name ?? tool?.name,
            timestamp: metadata?.timestamp,
            statements: analysed.map((v) => toStatement(v, resolve, metadata?.timestamp)),
            source
          }
        };
      }
      if (vulnerabilities.length > 0 && analysed.length === vulnerabilities.length && componentCount === 0) {
        throw new ConfigurationError(
          "not-a-scan-report",
          `${source.uri}: a CycloneDX VEX document, not a scan report: pass it as VEX (the "vex" input, --vex)`
        );
      }
      if (parsed.vulnerabilities === void 0 || parsed.vulnerabilities === null) {
        throw new ConfigurationError(
          "not-a-scan-report",
          `${source.uri}: a CycloneDX SBOM with no "vulnerabilities": scan it (e.g. \`trivy sbom\`, \`grype sbom:FILE\`) and pass the result`
        );
      }
      const sources = [
        { scanner: tool?.name ?? "unknown", format: "cyclonedx", uri: source.uri }
      ];
      const findings = [];
      const suppressed = [];
      for (const vuln of vulnerabilities) {
        for (const affected of vuln.affects ?? [{ ref: "", versions: void 0 }]) {
          const facts = resolve(affected.ref);
          const finding = toFinding(vuln, facts, affected.versions, sources, intern);
          const status = vuln.analysis?.state ? VEX_STATUS[vuln.analysis.state] : void 0;
          if (status === "not_affected" || status === "fixed") {
            suppressed.push({ finding, by: "report", reason: describeAnalysis(vuln), origin: source.uri });
          } else {
            findings.push(finding);
          }
        }
      }
      const productProperties = new Map((product?.properties ?? []).map((p) => [p.name, p.value]));
      return {
        kind: "scan",
        report: {
          format: "cyclonedx",
          scanner: { name: tool?.name ?? "unknown", version: tool?.version },
          artifact: {
            name: product?.name,
            digests: unique(
              [
                product?.version,
                parsePurl(product?.purl)?.type === "oci" ? parsePurl(product?.purl)?.version : void 0,
                ...digestsIn(productProperties.get("aquasecurity:trivy:RepoDigest"))
              ].filter(isDigest)
            ),
            imageId: productProperties.get("aquasecurity:trivy:ImageID")
          },
          createdAt: metadata?.timestamp,
          findings,
          ...suppressed.length > 0 ? { suppressed } : {},
          source
        }
      };
    }
  };
}
function localRef(ref) {
  if (!ref.startsWith("urn:cdx:") || !ref.includes("#")) return ref;
  const fragment = ref.slice(ref.indexOf("#") + 1);
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
function factsFromPurl(purl) {
  const parts = parsePurl(purl);
  return parts && { name: parts.name, version: parts.version, purl };
}
function toFinding(vuln, facts, versions, sources, intern) {
  const chosen = chooseRating(vuln);
  const cvss2 = bestScore(vuln.ratings ?? []);
  const affectedVersion = versions?.find((v) => v.status === "affected" && v.version)?.version;
  return {
    id: vuln.id,
    aliases: unique((vuln.references ?? []).map((r) => r.id).filter((id) => id !== vuln.id)),
    packageName: intern(facts?.name ?? ""),
    installedVersion: intern(facts?.version ?? affectedVersion),
    purl: facts?.purl,
    severity: chosen?.reading ?? "unknown",
    sourceSeverity: intern(chosen?.word ?? "unknown"),
    cvssScore: cvss2?.score,
    cvssVector: intern(cvss2?.vector),
    title: findingTitle(void 0, vuln.description),
    url: vuln.source?.url,
    sources
  };
}
function readRating(rating2) {
  if (rating2.method === "other") return void 0;
  const word = rating2.severity !== void 0 ? normalizeSeverity(rating2.severity) : "unknown";
  if (word !== "unknown") return { rating: rating2, reading: word, word: rating2.severity };
  if (rating2.score === void 0 || rating2.score <= 0) return void 0;
  const scored = severityFromMethodScore(rating2.method, rating2.score);
  return scored && { rating: rating2, reading: scored, word: `${rating2.method} ${rating2.score}` };
}
function chooseRating(vuln) {
  const rated = (vuln.ratings ?? []).map(readRating).filter((r) => r !== void 0);
  const own = rated.find(
    (r) => r.rating.source?.name !== void 0 && r.rating.source.name === vuln.source?.name
  );
  if (own) return own;
  return [...rated].sort((a, b) => compareSeverity(a.reading, b.reading))[0];
}
function bestScore(ratings) {
  const cvss2 = ratings.filter((r) => r.score !== void 0 && /^CVSSv(3|31|4)$/.test(r.method ?? ""));
  const best = cvss2.sort((a, b) => b.score - a.score)[0];
  return best && { score: best.score, vector: best.vector };
}
function describeAnalysis(vuln) {
  const analysis = vuln.analysis;
  const detail = shortText(analysis.detail, 160);
  return `CycloneDX analysis ${analysis.state}${analysis.justification ? ` (${analysis.justification})` : ""}${detail ? `: ${detail}` : ""}`;
}
function toStatement(vuln, resolve, documentTime) {
  const analysis = vuln.analysis;
  const products = (vuln.affects ?? []).map((affected) => {
    const local = localRef(affected.ref);
    const versions = (affected.versions ?? []).filter((v) => v.version !== void 0).map((v) => v.version);
    const ranges = (affected.versions ?? []).filter((v) => v.range !== void 0).map((v) => v.range);
    return {
      id: resolve(affected.ref)?.purl ?? local,
      subcomponents: [],
      ...versions.length > 0 ? { versions } : {},
      ...ranges.length > 0 ? { ranges } : {}
    };
  });
  return {
    vulnerability: vuln.id,
    aliases: unique((vuln.references ?? []).map((r) => r.id).filter((id) => id !== vuln.id)),
    products,
    status: VEX_STATUS[analysis.state] ?? "under_investigation",
    justification: analysis.justification,
    detail: shortText(analysis.detail, 300),
    timestamp: vuln.updated ?? vuln.published ?? documentTime
  };
}

// node_modules/fast-xml-parser/src/util.js
var nameStartChar = ":A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD";
var nameChar = nameStartChar + "\\-.\\d\\u00B7\\u0300-\\u036F\\u203F-\\u2040";
var nameRegexp = "[" + nameStartChar + "][" + nameChar + "]*";
var regexName = new RegExp("^" + nameRegexp + "$");
function getAllMatches(string, regex) {
  const matches = [];
  let match2 = regex.exec(string);
  while (match2) {
    const allmatches = [];
    allmatches.startIndex = regex.lastIndex - match2[0].length;
    const len = match2.length;
    for (let index = 0; index < len; index++) {
      allmatches.push(match2[index]);
    }
    matches.push(allmatches);
    match2 = regex.exec(string);
  }
  return matches;
}
var isName = function(string) {
  const match2 = regexName.exec(string);
  return !(match2 === null || typeof match2 === "undefined");
};
function isExist(v) {
  return typeof v !== "undefined";
}
var DANGEROUS_PROPERTY_NAMES = [
  // '__proto__',
  // 'constructor',
  // 'prototype',
  "hasOwnProperty",
  "toString",
  "valueOf",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__"
];
var criticalProperties = ["__proto__", "constructor", "prototype"];

// node_modules/fast-xml-parser/src/validator.js
var defaultOptions = {
  allowBooleanAttributes: false,
  //A tag can have attributes without any value
  unpairedTags: []
};
function validate(xmlData, options) {
  options = Object.assign({}, defaultOptions, options);
  const tags = [];
  let tagFound = false;
  let reachedRoot = false;
  if (xmlData[0] === "\uFEFF") {
    xmlData = xmlData.substr(1);
  }
  for (let i = 0; i < xmlData.length; i++) {
    if (xmlData[i] === "<" && xmlData[i + 1] === "?") {
      i += 2;
      i = readPI(xmlData, i);
      if (i.err) return i;
    } else if (xmlData[i] === "<") {
      let tagStartPos = i;
      i++;
      if (xmlData[i] === "!") {
        i = readCommentAndCDATA(xmlData, i);
        continue;
      } else {
        let closingTag = false;
        if (xmlData[i] === "/") {
          closingTag = true;
          i++;
        }
        let tagName = "";
        for (; i < xmlData.length && xmlData[i] !== ">" && xmlData[i] !== " " && xmlData[i] !== "	" && xmlData[i] !== "\n" && xmlData[i] !== "\r"; i++) {
          tagName += xmlData[i];
        }
        tagName = tagName.trim();
        if (tagName[tagName.length - 1] === "/") {
          tagName = tagName.substring(0, tagName.length - 1);
          i--;
        }
        if (!validateTagName(tagName)) {
          let msg;
          if (tagName.trim().length === 0) {
            msg = "Invalid space after '<'.";
          } else {
            msg = "Tag '" + tagName + "' is an invalid name.";
          }
          return getErrorObject("InvalidTag", msg, getLineNumberForPosition(xmlData, i));
        }
        const result2 = readAttributeStr(xmlData, i);
        if (result2 === false) {
          return getErrorObject("InvalidAttr", "Attributes for '" + tagName + "' have open quote.", getLineNumberForPosition(xmlData, i));
        }
        let attrStr = result2.value;
        i = result2.index;
        if (attrStr[attrStr.length - 1] === "/") {
          const attrStrStart = i - attrStr.length;
          attrStr = attrStr.substring(0, attrStr.length - 1);
          const isValid = validateAttributeString(attrStr, options);
          if (isValid === true) {
            tagFound = true;
          } else {
            return getErrorObject(isValid.err.code, isValid.err.msg, getLineNumberForPosition(xmlData, attrStrStart + isValid.err.line));
          }
        } else if (closingTag) {
          if (!result2.tagClosed) {
            return getErrorObject("InvalidTag", "Closing tag '" + tagName + "' doesn't have proper closing.", getLineNumberForPosition(xmlData, i));
          } else if (attrStr.trim().length > 0) {
            return getErrorObject("InvalidTag", "Closing tag '" + tagName + "' can't have attributes or invalid starting.", getLineNumberForPosition(xmlData, tagStartPos));
          } else if (tags.length === 0) {
            return getErrorObject("InvalidTag", "Closing tag '" + tagName + "' has not been opened.", getLineNumberForPosition(xmlData, tagStartPos));
          } else {
            const otg = tags.pop();
            if (tagName !== otg.tagName) {
              let openPos = getLineNumberForPosition(xmlData, otg.tagStartPos);
              return getErrorObject(
                "InvalidTag",
                "Expected closing tag '" + otg.tagName + "' (opened in line " + openPos.line + ", col " + openPos.col + ") instead of closing tag '" + tagName + "'.",
                getLineNumberForPosition(xmlData, tagStartPos)
              );
            }
            if (tags.length == 0) {
              reachedRoot = true;
            }
          }
        } else {
          const isValid = validateAttributeString(attrStr, options);
          if (isValid !== true) {
            return getErrorObject(isValid.err.code, isValid.err.msg, getLineNumberForPosition(xmlData, i - attrStr.length + isValid.err.line));
          }
          if (reachedRoot === true) {
            return getErrorObject("InvalidXml", "Multiple possible root nodes found.", getLineNumberForPosition(xmlData, i));
          } else if (options.unpairedTags.indexOf(tagName) !== -1) {
          } else {
            tags.push({ tagName, tagStartPos });
          }
          tagFound = true;
        }
        for (i++; i < xmlData.length; i++) {
          if (xmlData[i] === "<") {
            if (xmlData[i + 1] === "!") {
              i++;
              i = readCommentAndCDATA(xmlData, i);
              continue;
            } else if (xmlData[i + 1] === "?") {
              i = readPI(xmlData, ++i);
              if (i.err) return i;
            } else {
              break;
            }
          } else if (xmlData[i] === "&") {
            const afterAmp = validateAmpersand(xmlData, i);
            if (afterAmp == -1)
              return getErrorObject("InvalidChar", "char '&' is not expected.", getLineNumberForPosition(xmlData, i));
            i = afterAmp;
          } else {
            if (reachedRoot === true && !isWhiteSpace(xmlData[i])) {
              return getErrorObject("InvalidXml", "Extra text at the end", getLineNumberForPosition(xmlData, i));
            }
          }
        }
        if (xmlData[i] === "<") {
          i--;
        }
      }
    } else {
      if (isWhiteSpace(xmlData[i])) {
        continue;
      }
      return getErrorObject("InvalidChar", "char '" + xmlData[i] + "' is not expected.", getLineNumberForPosition(xmlData, i));
    }
  }
  if (!tagFound) {
    return getErrorObject("InvalidXml", "Start tag expected.", 1);
  } else if (tags.length == 1) {
    return getErrorObject("InvalidTag", "Unclosed tag '" + tags[0].tagName + "'.", getLineNumberForPosition(xmlData, tags[0].tagStartPos));
  } else if (tags.length > 0) {
    return getErrorObject("InvalidXml", "Invalid '" + JSON.stringify(tags.map((t) => t.tagName), null, 4).replace(/\r?\n/g, "") + "' found.", { line: 1, col: 1 });
  }
  return true;
}
function isWhiteSpace(char) {
  return char === " " || char === "	" || char === "\n" || char === "\r";
}
function readPI(xmlData, i) {
  const start = i;
  for (; i < xmlData.length; i++) {
    if (xmlData[i] == "?" || xmlData[i] == " ") {
      const tagname = xmlData.substr(start, i - start);
      if (i > 5 && tagname === "xml") {
        return getErrorObject("InvalidXml", "XML declaration allowed only at the start of the document.", getLineNumberForPosition(xmlData, i));
      } else if (xmlData[i] == "?" && xmlData[i + 1] == ">") {
        i++;
        break;
      } else {
        continue;
      }
    }
  }
  return i;
}
function readCommentAndCDATA(xmlData, i) {
  if (xmlData.length > i + 5 && xmlData[i + 1] === "-" && xmlData[i + 2] === "-") {
    for (i += 3; i < xmlData.length; i++) {
      if (xmlData[i] === "-" && xmlData[i + 1] === "-" && xmlData[i + 2] === ">") {
        i += 2;
        break;
      }
    }
  } else if (xmlData.length > i + 8 && xmlData[i + 1] === "D" && xmlData[i + 2] === "O" && xmlData[i + 3] === "C" && xmlData[i + 4] === "T" && xmlData[i + 5] === "Y" && xmlData[i + 6] === "P" && xmlData[i + 7] === "E") {
    let angleBracketsCount = 1;
    for (i += 8; i < xmlData.length; i++) {
      if (xmlData[i] === "<") {
        angleBracketsCount++;
      } else if (xmlData[i] === ">") {
        angleBracketsCount--;
        if (angleBracketsCount === 0) {
          break;
        }
      }
    }
  } else if (xmlData.length > i + 9 && xmlData[i + 1] === "[" && xmlData[i + 2] === "C" && xmlData[i + 3] === "D" && xmlData[i + 4] === "A" && xmlData[i + 5] === "T" && xmlData[i + 6] === "A" && xmlData[i + 7] === "[") {
    for (i += 8; i < xmlData.length; i++) {
      if (xmlData[i] === "]" && xmlData[i + 1] === "]" && xmlData[i + 2] === ">") {
        i += 2;
        break;
      }
    }
  }
  return i;
}
var doubleQuote = '"';
var singleQuote = "'";
function readAttributeStr(xmlData, i) {
  let attrStr = "";
  let startChar = "";
  let tagClosed = false;
  for (; i < xmlData.length; i++) {
    if (xmlData[i] === doubleQuote || xmlData[i] === singleQuote) {
      if (startChar === "") {
        startChar = xmlData[i];
      } else if (startChar !== xmlData[i]) {
      } else {
        startChar = "";
      }
    } else if (xmlData[i] === ">") {
      if (startChar === "") {
        tagClosed = true;
        break;
      }
    }
    attrStr += xmlData[i];
  }
  if (startChar !== "") {
    return false;
  }
  return {
    value: attrStr,
    index: i,
    tagClosed
  };
}
function scanAttributeTokens(attrStr) {
  const tokens = [];
  const len = attrStr.length;
  let i = 0;
  while (i < len) {
    const tokenStart = i;
    while (i < len && isWhiteSpace(attrStr[i])) i++;
    if (i >= len) break;
    if (attrStr[i] === "=") {
      i++;
      continue;
    }
    const leadingWs = attrStr.slice(tokenStart, i);
    const nameStart = i;
    while (i < len && !isWhiteSpace(attrStr[i]) && attrStr[i] !== "=") i++;
    const name = attrStr.slice(nameStart, i);
    let equalsGroup;
    let j = i;
    while (j < len && isWhiteSpace(attrStr[j])) j++;
    if (j < len && attrStr[j] === "=") {
      equalsGroup = attrStr.slice(i, j + 1);
      i = j + 1;
    }
    let quoteChar;
    let value;
    let k = i;
    while (k < len && isWhiteSpace(attrStr[k])) k++;
    if (k < len && (attrStr[k] === '"' || attrStr[k] === "'")) {
      const valueStart = k + 1;
      const closeIdx = attrStr.indexOf(attrStr[k], valueStart);
      if (closeIdx !== -1) {
        quoteChar = attrStr[k];
        value = attrStr.slice(valueStart, closeIdx);
        i = closeIdx + 1;
      }
    }
    const token = { startIndex: tokenStart };
    token[1] = leadingWs;
    token[2] = name;
    token[3] = equalsGroup;
    token[4] = quoteChar !== void 0 ? true : void 0;
    token[5] = quoteChar;
    token[6] = value;
    tokens.push(token);
  }
  return tokens;
}
function validateAttributeString(attrStr, options) {
  const matches = scanAttributeTokens(attrStr);
  const attrNames = {};
  for (let i = 0; i < matches.length; i++) {
    if (matches[i][1].length === 0) {
      return getErrorObject("InvalidAttr", "Attribute '" + matches[i][2] + "' has no space in starting.", getPositionFromMatch(matches[i]));
    } else if (matches[i][3] !== void 0 && matches[i][4] === void 0) {
      return getErrorObject("InvalidAttr", "Attribute '" + matches[i][2] + "' is without value.", getPositionFromMatch(matches[i]));
    } else if (matches[i][3] === void 0 && !options.allowBooleanAttributes) {
      return getErrorObject("InvalidAttr", "boolean attribute '" + matches[i][2] + "' is not allowed.", getPositionFromMatch(matches[i]));
    }
    const attrName = matches[i][2];
    if (!validateAttrName(attrName)) {
      return getErrorObject("InvalidAttr", "Attribute '" + attrName + "' is an invalid name.", getPositionFromMatch(matches[i]));
    }
    if (!Object.prototype.hasOwnProperty.call(attrNames, attrName)) {
      attrNames[attrName] = 1;
    } else {
      return getErrorObject("InvalidAttr", "Attribute '" + attrName + "' is repeated.", getPositionFromMatch(matches[i]));
    }
  }
  return true;
}
function validateNumberAmpersand(xmlData, i) {
  let re = /\d/;
  if (xmlData[i] === "x") {
    i++;
    re = /[\da-fA-F]/;
  }
  for (; i < xmlData.length; i++) {
    if (xmlData[i] === ";")
      return i;
    if (!xmlData[i].match(re))
      break;
  }
  return -1;
}
function validateAmpersand(xmlData, i) {
  i++;
  if (xmlData[i] === ";")
    return -1;
  if (xmlData[i] === "#") {
    i++;
    return validateNumberAmpersand(xmlData, i);
  }
  let count = 0;
  for (; i < xmlData.length; i++, count++) {
    if (xmlData[i].match(/\w/) && count < 20)
      continue;
    if (xmlData[i] === ";")
      break;
    return -1;
  }
  return i;
}
function getErrorObject(code, message, lineNumber) {
  return {
    err: {
      code,
      msg: message,
      line: lineNumber.line || lineNumber,
      col: lineNumber.col
    }
  };
}
function validateAttrName(attrName) {
  return isName(attrName);
}
function validateTagName(tagname) {
  return isName(tagname);
}
function getLineNumberForPosition(xmlData, index) {
  const lines = xmlData.substring(0, index).split(/\r?\n/);
  return {
    line: lines.length,
    // column number is last line's length + 1, because column numbering starts at 1:
    col: lines[lines.length - 1].length + 1
  };
}
function getPositionFromMatch(match2) {
  return match2.startIndex + match2[1].length;
}

// node_modules/@nodable/entities/src/entities.js
var CURRENCY = {
  cent: "\xA2",
  pound: "\xA3",
  curren: "\xA4",
  yen: "\xA5",
  euro: "\u20AC",
  dollar: "$",
  fnof: "\u0192",
  inr: "\u20B9",
  af: "\u060B",
  birr: "\u1265\u122D",
  peso: "\u20B1",
  rub: "\u20BD",
  won: "\u20A9",
  yuan: "\xA5",
  cedil: "\xB8"
};
var XML = {
  amp: "&",
  apos: "'",
  gt: ">",
  lt: "<",
  quot: '"'
};
var COMMON_HTML = {
  nbsp: "\xA0",
  copy: "\xA9",
  reg: "\xAE",
  trade: "\u2122",
  mdash: "\u2014",
  ndash: "\u2013",
  hellip: "\u2026",
  laquo: "\xAB",
  raquo: "\xBB",
  lsquo: "\u2018",
  rsquo: "\u2019",
  ldquo: "\u201C",
  rdquo: "\u201D",
  bull: "\u2022",
  para: "\xB6",
  sect: "\xA7",
  deg: "\xB0",
  frac12: "\xBD",
  frac14: "\xBC",
  frac34: "\xBE"
};

// node_modules/@nodable/entities/src/EntityDecoder.js
var ENTITY_ACTION = Object.freeze({
  /** Resolve and expand the entity normally. */
  ALLOW: "allow",
  /** Silently skip this entity — it will not be registered. */
  BLOCK: "block",
  /** Throw an error, aborting entity registration entirely. */
  THROW: "throw"
});
var SPECIAL_CHARS = new Set("!?\\\\/[]$%{}^&*()<>|+");
function validateEntityName(name) {
  if (name[0] === "#") {
    throw new Error(`[EntityReplacer] Invalid character '#' in entity name: "${name}"`);
  }
  for (const ch of name) {
    if (SPECIAL_CHARS.has(ch)) {
      throw new Error(`[EntityReplacer] Invalid character '${ch}' in entity name: "${name}"`);
    }
  }
  return name;
}
function mergeEntityMaps(...maps) {
  const out = /* @__PURE__ */ Object.create(null);
  for (const map of maps) {
    if (!map) continue;
    for (const key of Object.keys(map)) {
      const raw = map[key];
      if (typeof raw === "string") {
        out[key] = raw;
      } else if (raw && typeof raw === "object" && raw.val !== void 0) {
        const val = raw.val;
        if (typeof val === "string") {
          out[key] = val;
        }
      }
    }
  }
  return out;
}
var LIMIT_TIER_EXTERNAL = "external";
var LIMIT_TIER_BASE = "base";
var LIMIT_TIER_ALL = "all";
function parseLimitTiers(raw) {
  if (!raw || raw === LIMIT_TIER_EXTERNAL) return /* @__PURE__ */ new Set([LIMIT_TIER_EXTERNAL]);
  if (raw === LIMIT_TIER_ALL) return /* @__PURE__ */ new Set([LIMIT_TIER_ALL]);
  if (raw === LIMIT_TIER_BASE) return /* @__PURE__ */ new Set([LIMIT_TIER_BASE]);
  if (Array.isArray(raw)) return new Set(raw);
  return /* @__PURE__ */ new Set([LIMIT_TIER_EXTERNAL]);
}
var NCR_LEVEL = Object.freeze({ allow: 0, leave: 1, remove: 2, throw: 3 });
var XML10_ALLOWED_C0 = /* @__PURE__ */ new Set([9, 10, 13]);
function parseNCRConfig(ncr) {
  if (!ncr) {
    return { xmlVersion: 1, onLevel: NCR_LEVEL.allow, nullLevel: NCR_LEVEL.remove };
  }
  const xmlVersion = ncr.xmlVersion === 1.1 ? 1.1 : 1;
  const onLevel = NCR_LEVEL[ncr.onNCR] ?? NCR_LEVEL.allow;
  const nullLevel = NCR_LEVEL[ncr.nullNCR] ?? NCR_LEVEL.remove;
  const clampedNull = Math.max(nullLevel, NCR_LEVEL.remove);
  return { xmlVersion, onLevel, nullLevel: clampedNull };
}
var EntityDecoder = class {
  /**
   * @param {object} [options]
   * @param {object|null}  [options.namedEntities]        — extra named entities merged into base map
   * @param {object}  [options.limit]                 — security limits
   * @param {number}       [options.limit.maxTotalExpansions=0]  — 0 = unlimited
   * @param {number}       [options.limit.maxExpandedLength=0]   — 0 = unlimited
   * @param {'external'|'base'|'all'|string[]} [options.limit.applyLimitsTo='external']
   *   Which entity tiers count against the security limits:
   *   - 'external' (default) — only input/runtime + persistent external entities
   *   - 'base'               — only DEFAULT_XML_ENTITIES + namedEntities
   *   - 'all'                — every entity regardless of tier
   *   - string[]             — explicit combination, e.g. ['external', 'base']
   * @param {((resolved: string, original: string) => string)|null} [options.postCheck=null]
   * @param {string[]} [options.remove=[]] — entity names (e.g. ['nbsp', '#13']) to delete (replace with empty string)
   * @param {string[]} [options.leave=[]]  — entity names to keep as literal (unchanged in output)
   * @param {object}   [options.ncr]       — Numeric Character Reference controls
   * @param {1.0|1.1}  [options.ncr.xmlVersion=1.0]
   *   XML version governing which codepoint ranges are restricted:
   *   - 1.0 — C0 controls U+0001–U+001F (except U+0009/000A/000D) are prohibited
   *   - 1.1 — C0 controls are allowed when written as NCRs; C1 (U+007F–U+009F) decoded as-is
   * @param {'allow'|'leave'|'remove'|'throw'} [options.ncr.onNCR='allow']
   *   Base action for numeric references. Severity order: allow < leave < remove < throw.
   *   For codepoint ranges that carry a minimum level (surrogates → remove, XML 1.0 C0 → remove),
   *   the effective action is max(onNCR, rangeMinimum).
   * @param {'remove'|'throw'} [options.ncr.nullNCR='remove']
   *   Action for U+0000 (null). 'allow' and 'leave' are clamped to 'remove' since null is never safe.
   * @param {((name: string, value: string) => 'allow'|'block'|'throw')|null} [options.onExternalEntity=null]
   *   Hook called when an external entity is registered via `setExternalEntities()` or
   *   `addExternalEntity()`. Return `ENTITY_ACTION.ALLOW` to accept the entity,
   *   `ENTITY_ACTION.BLOCK` to silently skip it, or `ENTITY_ACTION.THROW` to abort with an error.
   * @param {((name: string, value: string) => 'allow'|'block'|'throw')|null} [options.onInputEntity=null]
   *   Hook called when an input entity is registered via `addInputEntities()`. Return
   *   `ENTITY_ACTION.ALLOW` to accept, `ENTITY_ACTION.BLOCK` to silently skip, or
   *   `ENTITY_ACTION.THROW` to abort with an error.
   */
  constructor(options = {}) {
    this._limit = options.limit || {};
    this._maxTotalExpansions = this._limit.maxTotalExpansions || 0;
    this._maxExpandedLength = this._limit.maxExpandedLength || 0;
    this._postCheck = typeof options.postCheck === "function" ? options.postCheck : (r) => r;
    this._limitTiers = parseLimitTiers(this._limit.applyLimitsTo ?? LIMIT_TIER_EXTERNAL);
    this._numericAllowed = options.numericAllowed ?? true;
    this._baseMap = mergeEntityMaps(XML, options.namedEntities || null);
    this._externalMap = /* @__PURE__ */ Object.create(null);
    this._inputMap = /* @__PURE__ */ Object.create(null);
    this._totalExpansions = 0;
    this._expandedLength = 0;
    this._removeSet = new Set(options.remove && Array.isArray(options.remove) ? options.remove : []);
    this._leaveSet = new Set(options.leave && Array.isArray(options.leave) ? options.leave : []);
    const ncrCfg = parseNCRConfig(options.ncr);
    this._ncrXmlVersion = ncrCfg.xmlVersion;
    this._ncrOnLevel = ncrCfg.onLevel;
    this._ncrNullLevel = ncrCfg.nullLevel;
    this._onExternalEntity = typeof options.onExternalEntity === "function" ? options.onExternalEntity : null;
    this._onInputEntity = typeof options.onInputEntity === "function" ? options.onInputEntity : null;
  }
  // -------------------------------------------------------------------------
  // Private: registration hook dispatch
  // -------------------------------------------------------------------------
  /**
   * Invoke a registration hook for a single entity name/value pair.
   * Returns true when the entity should be accepted, false when it should be
   * silently skipped (BLOCK), and throws when the hook returns THROW.
   *
   * @param {((name: string, value: string) => 'allow'|'block'|'throw')|null} hook
   * @param {string} name
   * @param {string} value
   * @param {string} context  — used in error messages ('external' | 'input')
   * @returns {boolean}  true = accept, false = skip
   */
  _applyRegistrationHook(hook, name, value, context) {
    if (!hook) return true;
    const action = hook(name, value);
    if (action === ENTITY_ACTION.BLOCK) return false;
    if (action === ENTITY_ACTION.THROW) {
      throw new Error(
        `[EntityDecoder] Registration of ${context} entity "&${name};" was rejected by hook`
      );
    }
    return true;
  }
  // -------------------------------------------------------------------------
  // Persistent external entity registration
  // -------------------------------------------------------------------------
  /**
   * Replace the full set of persistent external entities.
   * All keys are validated — throws on invalid characters.
   * If `onExternalEntity` is set, it is called once per entry; entries that
   * return `ENTITY_ACTION.BLOCK` are silently omitted, `ENTITY_ACTION.THROW`
   * aborts the whole call.
   * @param {Record<string, string | { regex?: RegExp, val: string }>} map
   */
  setExternalEntities(map) {
    if (map) {
      for (const key of Object.keys(map)) {
        validateEntityName(key);
      }
    }
    if (!this._onExternalEntity) {
      this._externalMap = mergeEntityMaps(map);
      return;
    }
    const flat = mergeEntityMaps(map);
    const filtered = /* @__PURE__ */ Object.create(null);
    for (const [name, value] of Object.entries(flat)) {
      if (this._applyRegistrationHook(this._onExternalEntity, name, value, "external")) {
        filtered[name] = value;
      }
    }
    this._externalMap = filtered;
  }
  /**
   * Add a single persistent external entity.
   * If `onExternalEntity` is set it is called before the entity is stored;
   * `ENTITY_ACTION.BLOCK` silently skips storage, `ENTITY_ACTION.THROW` raises.
   * @param {string} key
   * @param {string} value
   */
  addExternalEntity(key, value) {
    validateEntityName(key);
    if (typeof value === "string" && value.indexOf("&") === -1) {
      if (this._applyRegistrationHook(this._onExternalEntity, key, value, "external")) {
        this._externalMap[key] = value;
      }
    }
  }
  // -------------------------------------------------------------------------
  // Input / runtime entity registration (per document)
  // -------------------------------------------------------------------------
  /**
   * Inject DOCTYPE entities for the current document.
   * Also resets per-document expansion counters.
   * If `onInputEntity` is set it is called once per entry; entries returning
   * `ENTITY_ACTION.BLOCK` are silently omitted, `ENTITY_ACTION.THROW` aborts.
   * @param {Record<string, string | { regx?: RegExp, regex?: RegExp, val: string }>} map
   */
  addInputEntities(map) {
    this._totalExpansions = 0;
    this._expandedLength = 0;
    if (!this._onInputEntity) {
      this._inputMap = mergeEntityMaps(map);
      return;
    }
    const flat = mergeEntityMaps(map);
    const filtered = /* @__PURE__ */ Object.create(null);
    for (const [name, value] of Object.entries(flat)) {
      if (this._applyRegistrationHook(this._onInputEntity, name, value, "input")) {
        filtered[name] = value;
      }
    }
    this._inputMap = filtered;
  }
  // -------------------------------------------------------------------------
  // Per-document reset
  // -------------------------------------------------------------------------
  /**
   * Wipe input/runtime entities and reset counters.
   * Call this before processing each new document.
   * @returns {this}
   */
  reset() {
    this._inputMap = /* @__PURE__ */ Object.create(null);
    this._totalExpansions = 0;
    this._expandedLength = 0;
    return this;
  }
  // -------------------------------------------------------------------------
  // XML version (can be set after construction, e.g. once parser reads <?xml?>)
  // -------------------------------------------------------------------------
  /**
   * Update the XML version used for NCR classification.
   * Call this as soon as the document's `<?xml version="...">` declaration is parsed.
   * @param {1.0|1.1|number} version
   */
  setXmlVersion(version) {
    this._ncrXmlVersion = version === 1.1 ? 1.1 : 1;
  }
  // -------------------------------------------------------------------------
  // Primary API
  // -------------------------------------------------------------------------
  /**
   * Replace all entity references in `str` in a single pass.
   *
   * @param {string} str
   * @returns {string}
   */
  decode(str) {
    if (typeof str !== "string" || str.length === 0) return str;
    if (str.indexOf("&") === -1) return str;
    const original = str;
    const chunks = [];
    const len = str.length;
    let last = 0;
    let i = 0;
    const limitExpansions = this._maxTotalExpansions > 0;
    const limitLength = this._maxExpandedLength > 0;
    const checkLimits = limitExpansions || limitLength;
    while (i < len) {
      if (str.charCodeAt(i) !== 38) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < len && str.charCodeAt(j) !== 59 && j - i <= 32) j++;
      if (j >= len || str.charCodeAt(j) !== 59) {
        i++;
        continue;
      }
      const token = str.slice(i + 1, j);
      if (token.length === 0) {
        i++;
        continue;
      }
      let replacement;
      let tier;
      if (this._removeSet.has(token)) {
        replacement = "";
        if (tier === void 0) {
          tier = LIMIT_TIER_EXTERNAL;
        }
      } else if (this._leaveSet.has(token)) {
        i++;
        continue;
      } else if (token.charCodeAt(0) === 35) {
        const ncrResult = this._resolveNCR(token);
        if (ncrResult === void 0) {
          i++;
          continue;
        }
        replacement = ncrResult;
        tier = LIMIT_TIER_BASE;
      } else {
        const resolved = this._resolveName(token);
        replacement = resolved?.value;
        tier = resolved?.tier;
      }
      if (replacement === void 0) {
        i++;
        continue;
      }
      if (i > last) chunks.push(str.slice(last, i));
      chunks.push(replacement);
      last = j + 1;
      i = last;
      if (checkLimits && this._tierCounts(tier)) {
        if (limitExpansions) {
          this._totalExpansions++;
          if (this._totalExpansions > this._maxTotalExpansions) {
            throw new Error(
              `[EntityReplacer] Entity expansion count limit exceeded: ${this._totalExpansions} > ${this._maxTotalExpansions}`
            );
          }
        }
        if (limitLength) {
          const delta = replacement.length - (token.length + 2);
          if (delta > 0) {
            this._expandedLength += delta;
            if (this._expandedLength > this._maxExpandedLength) {
              throw new Error(
                `[EntityReplacer] Expanded content length limit exceeded: ${this._expandedLength} > ${this._maxExpandedLength}`
              );
            }
          }
        }
      }
    }
    if (last < len) chunks.push(str.slice(last));
    const result2 = chunks.length === 0 ? str : chunks.join("");
    return this._postCheck(result2, original);
  }
  // -------------------------------------------------------------------------
  // Private: limit tier check
  // -------------------------------------------------------------------------
  /**
   * Returns true if a resolved entity of the given tier should count
   * against the expansion/length limits.
   * @param {string} tier  — LIMIT_TIER_EXTERNAL | LIMIT_TIER_BASE
   * @returns {boolean}
   */
  _tierCounts(tier) {
    if (this._limitTiers.has(LIMIT_TIER_ALL)) return true;
    return this._limitTiers.has(tier);
  }
  // -------------------------------------------------------------------------
  // Private: entity resolution
  // -------------------------------------------------------------------------
  /**
   * Resolve a named entity token (without & and ;).
   * Priority: inputMap > externalMap > baseMap
   * Returns the resolved value tagged with its limit tier.
   *
   * @param {string} name
   * @returns {{ value: string, tier: string }|undefined}
   */
  _resolveName(name) {
    if (name in this._inputMap) return { value: this._inputMap[name], tier: LIMIT_TIER_EXTERNAL };
    if (name in this._externalMap) return { value: this._externalMap[name], tier: LIMIT_TIER_EXTERNAL };
    if (name in this._baseMap) return { value: this._baseMap[name], tier: LIMIT_TIER_BASE };
    return void 0;
  }
  /**
   * Classify a codepoint and return the minimum action level that must be applied.
   * Returns -1 when no minimum is imposed (normal allow path).
   *
   * Ranges checked (in priority order):
   *   1. U+0000            — null, governed by nullNCR (always ≥ remove)
   *   2. U+D800–U+DFFF     — surrogates, always prohibited (min: remove)
   *   3. U+0001–U+001F \ {0x09,0x0A,0x0D}  — XML 1.0 restricted C0 (min: remove)
   *      (skipped in XML 1.1 — C0 controls are allowed when written as NCRs)
   *
   * @param {number} cp  — codepoint
   * @returns {number}   — minimum NCR_LEVEL value, or -1 for no restriction
   */
  _classifyNCR(cp) {
    if (cp === 0) return this._ncrNullLevel;
    if (cp >= 55296 && cp <= 57343) return NCR_LEVEL.remove;
    if (this._ncrXmlVersion === 1) {
      if (cp >= 1 && cp <= 31 && !XML10_ALLOWED_C0.has(cp)) return NCR_LEVEL.remove;
    }
    return -1;
  }
  /**
   * Execute a resolved NCR action.
   *
   * @param {number} action   — NCR_LEVEL value
   * @param {string} token    — raw token (e.g. '#38') for error messages
   * @param {number} cp       — codepoint, used only for error messages
   * @returns {string|undefined}
   *   - decoded character string  → 'allow'
   *   - ''                        → 'remove'
   *   - undefined                 → 'leave' (caller must skip past '&' only)
   *   - throws Error              → 'throw'
   */
  _applyNCRAction(action, token, cp) {
    switch (action) {
      case NCR_LEVEL.allow:
        return String.fromCodePoint(cp);
      case NCR_LEVEL.remove:
        return "";
      case NCR_LEVEL.leave:
        return void 0;
      // signal: keep literal
      case NCR_LEVEL.throw:
        throw new Error(
          `[EntityDecoder] Prohibited numeric character reference &${token}; (U+${cp.toString(16).toUpperCase().padStart(4, "0")})`
        );
      default:
        return String.fromCodePoint(cp);
    }
  }
  /**
   * Full NCR resolution pipeline for a numeric token.
   *
   * Steps:
   *   1. Parse the codepoint (decimal or hex).
   *   2. Validate the raw codepoint range (NaN, <0, >0x10FFFF).
   *   3. If numericAllowed is false and no minimum restriction applies → leave as-is.
   *   4. Classify the codepoint to find the minimum required action level.
   *   5. Resolve effective action = max(onNCR, minimum).
   *   6. Apply and return.
   *
   * @param {string} token  — e.g. '#38', '#x26', '#X26'
   * @returns {string|undefined}
   *   - string (incl. '')  — replacement ('' = remove)
   *   - undefined          — leave original &token; as-is
   */
  _resolveNCR(token) {
    const second = token.charCodeAt(1);
    let cp;
    if (second === 120 || second === 88) {
      cp = parseInt(token.slice(2), 16);
    } else {
      cp = parseInt(token.slice(1), 10);
    }
    if (Number.isNaN(cp) || cp < 0 || cp > 1114111) return void 0;
    const minimum = this._classifyNCR(cp);
    if (!this._numericAllowed && minimum < NCR_LEVEL.remove) return void 0;
    const effective = minimum === -1 ? this._ncrOnLevel : Math.max(this._ncrOnLevel, minimum);
    return this._applyNCRAction(effective, token, cp);
  }
};

// node_modules/fast-xml-parser/src/xmlparser/OptionsBuilder.js
var defaultOnDangerousProperty = (name) => {
  if (DANGEROUS_PROPERTY_NAMES.includes(name)) {
    return "__" + name;
  }
  return name;
};
var defaultOptions2 = {
  preserveOrder: false,
  attributeNamePrefix: "@_",
  attributesGroupName: false,
  textNodeName: "#text",
  ignoreAttributes: true,
  removeNSPrefix: false,
  // remove NS from tag name or attribute name if true
  allowBooleanAttributes: false,
  //a tag can have attributes without any value
  //ignoreRootElement : false,
  parseTagValue: true,
  parseAttributeValue: false,
  trimValues: true,
  //Trim string values of tag and attributes
  cdataPropName: false,
  numberParseOptions: {
    hex: true,
    leadingZeros: true,
    eNotation: true,
    unicode: false
  },
  tagValueProcessor: function(tagName, val) {
    return val;
  },
  attributeValueProcessor: function(attrName, val) {
    return val;
  },
  stopNodes: [],
  //nested tags will not be parsed even for errors
  alwaysCreateTextNode: false,
  isArray: () => false,
  commentPropName: false,
  unpairedTags: [],
  processEntities: true,
  htmlEntities: false,
  entityDecoder: null,
  ignoreDeclaration: false,
  ignorePiTags: false,
  transformTagName: false,
  transformAttributeName: false,
  updateTag: function(tagName, jPath, attrs) {
    return tagName;
  },
  // skipEmptyListItem: false
  captureMetaData: false,
  maxNestedTags: 100,
  strictReservedNames: true,
  jPath: true,
  // if true, pass jPath string to callbacks; if false, pass matcher instance
  onDangerousProperty: defaultOnDangerousProperty
};
function validatePropertyName(propertyName, optionName) {
  if (typeof propertyName !== "string") {
    return;
  }
  const normalized = propertyName.toLowerCase();
  if (DANGEROUS_PROPERTY_NAMES.some((dangerous) => normalized === dangerous.toLowerCase())) {
    throw new Error(
      `[SECURITY] Invalid ${optionName}: "${propertyName}" is a reserved JavaScript keyword that could cause prototype pollution`
    );
  }
  if (criticalProperties.some((dangerous) => normalized === dangerous.toLowerCase())) {
    throw new Error(
      `[SECURITY] Invalid ${optionName}: "${propertyName}" is a reserved JavaScript keyword that could cause prototype pollution`
    );
  }
}
function normalizeProcessEntities(value, htmlEntities) {
  if (typeof value === "boolean") {
    return {
      enabled: value,
      // true or false
      maxEntitySize: 1e4,
      maxExpansionDepth: 1e4,
      maxTotalExpansions: Infinity,
      maxExpandedLength: 1e5,
      maxEntityCount: 1e3,
      allowedTags: null,
      tagFilter: null,
      appliesTo: "all"
    };
  }
  if (typeof value === "object" && value !== null) {
    return {
      enabled: value.enabled !== false,
      maxEntitySize: Math.max(1, value.maxEntitySize ?? 1e4),
      maxExpansionDepth: Math.max(1, value.maxExpansionDepth ?? 1e4),
      maxTotalExpansions: Math.max(1, value.maxTotalExpansions ?? Infinity),
      maxExpandedLength: Math.max(1, value.maxExpandedLength ?? 1e5),
      maxEntityCount: Math.max(1, value.maxEntityCount ?? 1e3),
      allowedTags: value.allowedTags ?? null,
      tagFilter: value.tagFilter ?? null,
      appliesTo: value.appliesTo ?? "all"
    };
  }
  return normalizeProcessEntities(true);
}
var buildOptions = function(options) {
  const built = Object.assign({}, defaultOptions2, options);
  const propertyNameOptions = [
    { value: built.attributeNamePrefix, name: "attributeNamePrefix" },
    { value: built.attributesGroupName, name: "attributesGroupName" },
    { value: built.textNodeName, name: "textNodeName" },
    { value: built.cdataPropName, name: "cdataPropName" },
    { value: built.commentPropName, name: "commentPropName" }
  ];
  for (const { value, name } of propertyNameOptions) {
    if (value) {
      validatePropertyName(value, name);
    }
  }
  if (built.onDangerousProperty === null) {
    built.onDangerousProperty = defaultOnDangerousProperty;
  }
  built.processEntities = normalizeProcessEntities(built.processEntities, built.htmlEntities);
  built.unpairedTagsSet = new Set(built.unpairedTags);
  if (built.stopNodes && Array.isArray(built.stopNodes)) {
    built.stopNodes = built.stopNodes.map((node) => {
      if (typeof node === "string" && node.startsWith("*.")) {
        return ".." + node.substring(2);
      }
      return node;
    });
  }
  return built;
};

// node_modules/fast-xml-parser/src/xmlparser/xmlNode.js
var METADATA_SYMBOL;
if (typeof Symbol !== "function") {
  METADATA_SYMBOL = "@@xmlMetadata";
} else {
  METADATA_SYMBOL = /* @__PURE__ */ Symbol("XML Node Metadata");
}
var XmlNode = class {
  constructor(tagname) {
    this.tagname = tagname;
    this.child = [];
    this[":@"] = /* @__PURE__ */ Object.create(null);
  }
  add(key, val) {
    if (key === "__proto__") key = "#__proto__";
    this.child.push({ [key]: val });
  }
  addChild(node, startIndex) {
    if (node.tagname === "__proto__") node.tagname = "#__proto__";
    if (node[":@"] && Object.keys(node[":@"]).length > 0) {
      this.child.push({ [node.tagname]: node.child, [":@"]: node[":@"] });
    } else {
      this.child.push({ [node.tagname]: node.child });
    }
    this.addStartIndex(startIndex);
  }
  addStartIndex(startIndex) {
    if (startIndex !== void 0) {
      this.child[this.child.length - 1][METADATA_SYMBOL] = { startIndex };
    }
  }
  addEndIndex(endIndex) {
    const lastChild = this.child[this.child.length - 1];
    if (lastChild !== void 0 && lastChild[METADATA_SYMBOL] !== void 0 && lastChild[METADATA_SYMBOL].endIndex === void 0) {
      lastChild[METADATA_SYMBOL].endIndex = endIndex;
    }
  }
  /** symbol used for metadata */
  static getMetaDataSymbol() {
    return METADATA_SYMBOL;
  }
};

// node_modules/xml-naming/src/index.js
var nameStartChar10 = ":A-Za-z_\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u0486\u0488-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD";
var nameChar10 = nameStartChar10 + "\\-\\.\\d\xB7\u0300-\u036F\u203F-\u2040";
var nameStartChar11 = ":A-Za-z_\xC0-\u02FF\u0370-\u037D\u037F-\u0486\u0488-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}";
var nameChar11 = nameStartChar11 + "\\-\\.\\d\xB7\u0300-\u036F\u0487\u203F-\u2040";
var buildRegexes = (startChar, char, flags = "") => {
  const ncStart = startChar.replace(":", "");
  const ncChar = char.replace(":", "");
  const ncNamePat = `[${ncStart}][${ncChar}]*`;
  return {
    name: new RegExp(`^[${startChar}][${char}]*$`, flags),
    ncName: new RegExp(`^${ncNamePat}$`, flags),
    qName: new RegExp(`^${ncNamePat}(?::${ncNamePat})?$`, flags),
    nmToken: new RegExp(`^[${char}]+$`, flags),
    nmTokens: new RegExp(`^[${char}]+(?:\\s+[${char}]+)*$`, flags)
  };
};
var regexes10 = buildRegexes(nameStartChar10, nameChar10);
var regexes11 = buildRegexes(nameStartChar11, nameChar11, "u");
var nameStartCharAscii = ":A-Za-z_";
var nameCharAscii = nameStartCharAscii + "\\-\\.\\d";
var regexesAscii = buildRegexes(nameStartCharAscii, nameCharAscii);
var getRegexes = (xmlVersion = "1.0", asciiOnly = false) => {
  if (asciiOnly) return regexesAscii;
  return xmlVersion === "1.1" ? regexes11 : regexes10;
};
var qName = (str, { xmlVersion = "1.0", asciiOnly = false } = {}) => getRegexes(xmlVersion, asciiOnly).qName.test(str);

// node_modules/fast-xml-parser/src/xmlparser/DocTypeReader.js
var DocTypeReader = class {
  constructor(options, xmlVersion) {
    this.suppressValidationErr = !options;
    this.options = options;
    this.xmlVersion = xmlVersion || 1;
  }
  setXmlVersion(xmlVersion = 1) {
    this.xmlVersion = xmlVersion;
  }
  readDocType(xmlData, i) {
    const entities = /* @__PURE__ */ Object.create(null);
    let entityCount = 0;
    if (xmlData[i + 3] === "O" && xmlData[i + 4] === "C" && xmlData[i + 5] === "T" && xmlData[i + 6] === "Y" && xmlData[i + 7] === "P" && xmlData[i + 8] === "E") {
      i = i + 9;
      let angleBracketsCount = 1;
      let hasBody = false, comment = false;
      let quoteChar = null;
      let exp = "";
      for (; i < xmlData.length; i++) {
        if (quoteChar !== null) {
          if (xmlData[i] === quoteChar) quoteChar = null;
          exp += xmlData[i];
          continue;
        }
        if (!hasBody && !comment && (xmlData[i] === '"' || xmlData[i] === "'")) {
          quoteChar = xmlData[i];
          exp += xmlData[i];
          continue;
        }
        if (xmlData[i] === "<" && !comment) {
          if (hasBody && hasSeq(xmlData, "!ENTITY", i)) {
            i += 7;
            let entityName, val;
            [entityName, val, i] = this.readEntityExp(xmlData, i + 1, this.suppressValidationErr);
            if (val.indexOf("&") === -1) {
              if (this.options.enabled !== false && this.options.maxEntityCount != null && entityCount >= this.options.maxEntityCount) {
                throw new Error(
                  `Entity count (${entityCount + 1}) exceeds maximum allowed (${this.options.maxEntityCount})`
                );
              }
              entities[entityName] = val;
              entityCount++;
            }
          } else if (hasBody && hasSeq(xmlData, "!ELEMENT", i)) {
            i += 8;
            const { index } = this.readElementExp(xmlData, i + 1);
            i = index;
          } else if (hasBody && hasSeq(xmlData, "!ATTLIST", i)) {
            i += 8;
          } else if (hasBody && hasSeq(xmlData, "!NOTATION", i)) {
            i += 9;
            const { index } = this.readNotationExp(xmlData, i + 1, this.suppressValidationErr);
            i = index;
          } else if (hasSeq(xmlData, "!--", i)) comment = true;
          else throw new Error(`Invalid DOCTYPE`);
          angleBracketsCount++;
          exp = "";
        } else if (xmlData[i] === ">") {
          if (comment) {
            if (xmlData[i - 1] === "-" && xmlData[i - 2] === "-") {
              comment = false;
              angleBracketsCount--;
            }
          } else {
            angleBracketsCount--;
          }
          if (angleBracketsCount === 0) {
            break;
          }
        } else if (xmlData[i] === "[") {
          hasBody = true;
        } else {
          exp += xmlData[i];
        }
      }
      if (quoteChar !== null || angleBracketsCount !== 0) {
        throw new Error(`Unclosed DOCTYPE`);
      }
    } else {
      throw new Error(`Invalid Tag instead of DOCTYPE`);
    }
    return { entities, i };
  }
  readEntityExp(xmlData, i) {
    i = skipWhitespace(xmlData, i);
    const startIndex = i;
    while (i < xmlData.length && !/\s/.test(xmlData[i]) && xmlData[i] !== '"' && xmlData[i] !== "'") {
      i++;
    }
    let entityName = xmlData.substring(startIndex, i);
    validateEntityName2(entityName, { xmlVersion: this.xmlVersion });
    i = skipWhitespace(xmlData, i);
    if (!this.suppressValidationErr) {
      if (xmlData.substring(i, i + 6).toUpperCase() === "SYSTEM") {
        throw new Error("External entities are not supported");
      } else if (xmlData[i] === "%") {
        throw new Error("Parameter entities are not supported");
      }
    }
    let entityValue = "";
    [i, entityValue] = this.readIdentifierVal(xmlData, i, "entity");
    if (this.options.enabled !== false && this.options.maxEntitySize != null && entityValue.length > this.options.maxEntitySize) {
      throw new Error(
        `Entity "${entityName}" size (${entityValue.length}) exceeds maximum allowed size (${this.options.maxEntitySize})`
      );
    }
    i--;
    return [entityName, entityValue, i];
  }
  readNotationExp(xmlData, i) {
    i = skipWhitespace(xmlData, i);
    const startIndex = i;
    while (i < xmlData.length && !/\s/.test(xmlData[i])) {
      i++;
    }
    let notationName = xmlData.substring(startIndex, i);
    !this.suppressValidationErr && validateEntityName2(notationName, { xmlVersion: this.xmlVersion });
    i = skipWhitespace(xmlData, i);
    const identifierType = xmlData.substring(i, i + 6).toUpperCase();
    if (!this.suppressValidationErr && identifierType !== "SYSTEM" && identifierType !== "PUBLIC") {
      throw new Error(`Expected SYSTEM or PUBLIC, found "${identifierType}"`);
    }
    i += identifierType.length;
    i = skipWhitespace(xmlData, i);
    let publicIdentifier = null;
    let systemIdentifier = null;
    if (identifierType === "PUBLIC") {
      [i, publicIdentifier] = this.readIdentifierVal(xmlData, i, "publicIdentifier");
      i = skipWhitespace(xmlData, i);
      if (xmlData[i] === '"' || xmlData[i] === "'") {
        [i, systemIdentifier] = this.readIdentifierVal(xmlData, i, "systemIdentifier");
      }
    } else if (identifierType === "SYSTEM") {
      [i, systemIdentifier] = this.readIdentifierVal(xmlData, i, "systemIdentifier");
      if (!this.suppressValidationErr && !systemIdentifier) {
        throw new Error("Missing mandatory system identifier for SYSTEM notation");
      }
    }
    return { notationName, publicIdentifier, systemIdentifier, index: --i };
  }
  readIdentifierVal(xmlData, i, type) {
    let identifierVal = "";
    const startChar = xmlData[i];
    if (startChar !== '"' && startChar !== "'") {
      throw new Error(`Expected quoted string, found "${startChar}"`);
    }
    i++;
    const startIndex = i;
    while (i < xmlData.length && xmlData[i] !== startChar) {
      i++;
    }
    identifierVal = xmlData.substring(startIndex, i);
    if (xmlData[i] !== startChar) {
      throw new Error(`Unterminated ${type} value`);
    }
    i++;
    return [i, identifierVal];
  }
  readElementExp(xmlData, i) {
    i = skipWhitespace(xmlData, i);
    const startIndex = i;
    while (i < xmlData.length && !/\s/.test(xmlData[i])) {
      i++;
    }
    let elementName = xmlData.substring(startIndex, i);
    if (!this.suppressValidationErr && !qName(elementName, { xmlVersion: this.xmlVersion })) {
      throw new Error(`Invalid element name: "${elementName}"`);
    }
    i = skipWhitespace(xmlData, i);
    let contentModel = "";
    if (xmlData[i] === "E" && hasSeq(xmlData, "MPTY", i)) i += 4;
    else if (xmlData[i] === "A" && hasSeq(xmlData, "NY", i)) i += 2;
    else if (xmlData[i] === "(") {
      i++;
      const startIndex2 = i;
      while (i < xmlData.length && xmlData[i] !== ")") {
        i++;
      }
      contentModel = xmlData.substring(startIndex2, i);
      if (xmlData[i] !== ")") {
        throw new Error("Unterminated content model");
      }
    } else if (!this.suppressValidationErr) {
      throw new Error(`Invalid Element Expression, found "${xmlData[i]}"`);
    }
    return {
      elementName,
      contentModel: contentModel.trim(),
      index: i
    };
  }
  readAttlistExp(xmlData, i) {
    i = skipWhitespace(xmlData, i);
    let startIndex = i;
    while (i < xmlData.length && !/\s/.test(xmlData[i])) {
      i++;
    }
    let elementName = xmlData.substring(startIndex, i);
    validateEntityName2(elementName, { xmlVersion: this.xmlVersion });
    i = skipWhitespace(xmlData, i);
    startIndex = i;
    while (i < xmlData.length && !/\s/.test(xmlData[i])) {
      i++;
    }
    let attributeName = xmlData.substring(startIndex, i);
    if (!validateEntityName2(attributeName, { xmlVersion: this.xmlVersion })) {
      throw new Error(`Invalid attribute name: "${attributeName}"`);
    }
    i = skipWhitespace(xmlData, i);
    let attributeType = "";
    if (xmlData.substring(i, i + 8).toUpperCase() === "NOTATION") {
      attributeType = "NOTATION";
      i += 8;
      i = skipWhitespace(xmlData, i);
      if (xmlData[i] !== "(") {
        throw new Error(`Expected '(', found "${xmlData[i]}"`);
      }
      i++;
      let allowedNotations = [];
      while (i < xmlData.length && xmlData[i] !== ")") {
        const startIndex2 = i;
        while (i < xmlData.length && xmlData[i] !== "|" && xmlData[i] !== ")") {
          i++;
        }
        let notation = xmlData.substring(startIndex2, i);
        notation = notation.trim();
        if (!validateEntityName2(notation, { xmlVersion: this.xmlVersion })) {
          throw new Error(`Invalid notation name: "${notation}"`);
        }
        allowedNotations.push(notation);
        if (xmlData[i] === "|") {
          i++;
          i = skipWhitespace(xmlData, i);
        }
      }
      if (xmlData[i] !== ")") {
        throw new Error("Unterminated list of notations");
      }
      i++;
      attributeType += " (" + allowedNotations.join("|") + ")";
    } else {
      const startIndex2 = i;
      while (i < xmlData.length && !/\s/.test(xmlData[i])) {
        i++;
      }
      attributeType += xmlData.substring(startIndex2, i);
      const validTypes = ["CDATA", "ID", "IDREF", "IDREFS", "ENTITY", "ENTITIES", "NMTOKEN", "NMTOKENS"];
      if (!this.suppressValidationErr && !validTypes.includes(attributeType.toUpperCase())) {
        throw new Error(`Invalid attribute type: "${attributeType}"`);
      }
    }
    i = skipWhitespace(xmlData, i);
    let defaultValue = "";
    if (xmlData.substring(i, i + 8).toUpperCase() === "#REQUIRED") {
      defaultValue = "#REQUIRED";
      i += 8;
    } else if (xmlData.substring(i, i + 7).toUpperCase() === "#IMPLIED") {
      defaultValue = "#IMPLIED";
      i += 7;
    } else {
      [i, defaultValue] = this.readIdentifierVal(xmlData, i, "ATTLIST");
    }
    return {
      elementName,
      attributeName,
      attributeType,
      defaultValue,
      index: i
    };
  }
};
var skipWhitespace = (data, index) => {
  while (index < data.length && /\s/.test(data[index])) {
    index++;
  }
  return index;
};
function hasSeq(data, seq, i) {
  for (let j = 0; j < seq.length; j++) {
    if (seq[j] !== data[i + j + 1]) return false;
  }
  return true;
}
function validateEntityName2(name, xmlVersion) {
  if (qName(name, { xmlVersion }))
    return name;
  else
    throw new Error(`Invalid entity name ${name}`);
}

// node_modules/anynum/digitTable.js
var SCRIPT_ZEROS = [
  // Basic Latin (ASCII) — included for completeness / pass-through
  48,
  // 0-9
  // Arabic scripts
  1632,
  // Arabic-Indic ٠١٢٣٤٥٦٧٨٩
  1776,
  // Extended Arabic-Indic (Urdu/Persian/Sindhi) ۰۱۲۳
  // Indic scripts
  2406,
  // Devanagari ०१२३४५६७८९
  2534,
  // Bengali ০১২৩৪৫৬৭৮৯
  2662,
  // Gurmukhi ੦੧੨੩੪੫੬੭੮੯
  2790,
  // Gujarati ૦૧૨૩૪૫૬૭૮૯
  2918,
  // Odia ୦୧୨୩୪୫୬୭୮୯
  3046,
  // Tamil ௦௧௨௩௪௫௬௭௮௯
  3174,
  // Telugu ౦౧౨౩౪౫౬౭౮౯
  3302,
  // Kannada ೦೧೨೩೪೫೬೭೮೯
  3430,
  // Malayalam ൦൧൨൩൪൫൬൭൮൯
  3558,
  // Sinhala Archaic ෦෧෨෩෪෫෬෭෮෯
  // Southeast Asian scripts
  3664,
  // Thai ๐๑๒๓๔๕๖๗๘๙
  3792,
  // Lao ໐໑໒໓໔໕໖໗໘໙
  3872,
  // Tibetan ༠༡༢༣༤༥༦༧༨༩
  4160,
  // Myanmar ၀၁၂၃၄၅၆၇၈၉
  4240,
  // Myanmar Shan ႐႑႒႓႔႕႖႗႘႙
  6112,
  // Khmer ០១២៣៤៥៦៧៨៩
  6160,
  // Mongolian ᠐᠑᠒᠓᠔᠕᠖᠗᠘᠙
  6470,
  // Limbu ᥆᥇᥈᥉᥊᥋᥌᥍᥎᥏
  6608,
  // New Tai Lue ᧐᧑᧒᧓᧔᧕᧖᧗᧘᧙
  6784,
  // Tai Tham Hora ᪀᪁᪂᪃᪄᪅᪆᪇᪈᪉
  6800,
  // Tai Tham Tham ᪐᪑᪒᪓᪔᪕᪖᪗᪘᪙
  6992,
  // Balinese ᭐᭑᭒᭓᭔᭕᭖᭗᭘᭙
  7088,
  // Sundanese ᮰᮱᮲᮳᮴᮵᮶᮷᮸᮹
  7232,
  // Lepcha ᱀᱁᱂᱃᱄᱅᱆᱇᱈᱉
  7248,
  // Ol Chiki ᱐᱑᱒᱓᱔᱕᱖᱗᱘᱙
  // Fullwidth (CJK context)
  65296,
  // Fullwidth ０１２３４５６７８９
  // Mathematical digit variants (Unicode math block)
  120782,
  // Mathematical Bold
  120792,
  // Mathematical Double-Struck
  120802,
  // Mathematical Sans-Serif
  120812,
  // Mathematical Sans-Serif Bold
  120822,
  // Mathematical Monospace
  // Other scripts
  66720,
  // Osmanya 𐒠𐒡𐒢𐒣𐒤𐒥𐒦𐒧𐒨𐒩
  68912,
  // Hanifi Rohingya 𐴰𐴱𐴲𐴳𐴴𐴵𐴶𐴷𐴸𐴹
  69734,
  // Brahmi 𑁦𑁧𑁨𑁩𑁪𑁫𑁬𑁭𑁮𑁯
  69872,
  // Sora Sompeng 𑃰𑃱𑃲𑃳𑃴𑃵𑃶𑃷𑃸𑃹
  69942,
  // Chakma 𑄶𑄷𑄸𑄹𑄺𑄻𑄼𑄽𑄾𑄿
  70096,
  // Sharada 𑇐𑇑𑇒𑇓𑇔𑇕𑇖𑇗𑇘𑇙
  70384,
  // Khudawadi 𑋰𑋱𑋲𑋳𑋴𑋵𑋶𑋷𑋸𑋹
  70736,
  // Newa 𑑐𑑑𑑒𑑓𑑔𑑕𑑖𑑗𑑘𑑙
  70864,
  // Tirhuta 𑓐𑓑𑓒𑓓𑓔𑓕𑓖𑓗𑓘𑓙
  71248,
  // Modi 𑙐𑙑𑙒𑙓𑙔𑙕𑙖𑙗𑙘𑙙
  71360,
  // Takri 𑛀𑛁𑛂𑛃𑛄𑛅𑛆𑛇𑛈𑛉
  71472,
  // Ahom 𑜰𑜱𑜲𑜳𑜴𑜵𑜶𑜷𑜸𑜹
  71904,
  // Warang Citi 𑣠𑣡𑣢𑣣𑣤𑣥𑣦𑣧𑣨𑣩
  72016,
  // Dives Akuru 𑥐𑥑𑥒𑥓𑥔𑥕𑥖𑥗𑥘𑥙
  72688,
  // Khitan Small Script 𑯰𑯱𑯲𑯳𑯴𑯵𑯶𑯷𑯸𑯹
  72784,
  // Bhaiksuki 𑱐𑱑𑱒𑱓𑱔𑱕𑱖𑱗𑱘𑱙
  73040,
  // Masaram Gondi 𑵐𑵑𑵒𑵓𑵔𑵕𑵖𑵗𑵘𑵙
  73120,
  // Gunjala Gondi 𑶠𑶡𑶢𑶣𑶤𑶥𑶦𑶧𑶨𑶩
  73552,
  // Kawi 𑽐𑽑𑽒𑽓𑽔𑽕𑽖𑽗𑽘𑽙
  92768,
  // Mro 𖩠𖩡𖩢𖩣𖩤𖩥𖩦𖩧𖩨𖩩
  92864,
  // Tangsa 𖫀𖫁𖫂𖫃𖫄𖫅𖫆𖫇𖫈𖫉
  93008,
  // Pahawh Hmong 𖭐𖭑𖭒𖭓𖭔𖭕𖭖𖭗𖭘𖭙
  123200,
  // Nyiakeng Puachue Hmong 𞅀𞅁𞅂𞅃𞅄𞅅𞅆𞅇𞅈𞅉
  123632,
  // Wancho 𞋰𞋱𞋲𞋳𞋴𞋵𞋶𞋷𞋸𞋹
  124144,
  // Nag Mundari 𞓰𞓱𞓲𞓳𞓴𞓵𞓶𞓷𞓸𞓹
  125264,
  // Adlam 𞥐𞥑𞥒𞥓𞥔𞥕𞥖𞥗𞥘𞥙
  130032
  // Segmented digit symbols 🯰🯱🯲🯳🯴🯵🯶🯷🯸🯹
];
var NOT_DIGIT = 255;
var HIGH_MAP = /* @__PURE__ */ new Map();
var LOW_MAX = 65535;
var LOW_MIN = 1632;
var TABLE_OFFSET = LOW_MIN;
var TABLE_SIZE = LOW_MAX - LOW_MIN + 1;
var TABLE = new Uint8Array(TABLE_SIZE).fill(NOT_DIGIT);
for (const zero of SCRIPT_ZEROS) {
  for (let d = 0; d < 10; d++) {
    const cp = zero + d;
    if (cp <= LOW_MAX) {
      TABLE[cp - TABLE_OFFSET] = d;
    } else {
      HIGH_MAP.set(cp, d);
    }
  }
}

// node_modules/anynum/anynum.js
var CHAR_0 = 48;
var CHAR_9 = 57;
var CHAR_MINUS = 45;
var MINUS_SET = /* @__PURE__ */ new Set([8722, 65293, 65123]);
function anynum(str) {
  if (typeof str !== "string") return str;
  const len = str.length;
  if (len === 0) return str;
  let firstHit = -1;
  for (let i = 0; i < len; i++) {
    const cc = str.charCodeAt(i);
    if (cc >= CHAR_0 && cc <= CHAR_9 || cc === CHAR_MINUS) continue;
    if (cc < TABLE_OFFSET) {
      if (MINUS_SET.has(cc)) {
        firstHit = i;
        break;
      }
      continue;
    }
    if (cc >= 55296 && cc <= 56319) {
      if (i + 1 < len) {
        const low = str.charCodeAt(i + 1);
        if (low >= 56320 && low <= 57343) {
          const cp = 65536 + (cc - 55296 << 10) + (low - 56320);
          if (HIGH_MAP.has(cp)) {
            firstHit = i;
            break;
          }
        }
      }
      continue;
    }
    if (TABLE[cc - TABLE_OFFSET] !== NOT_DIGIT || MINUS_SET.has(cc)) {
      firstHit = i;
      break;
    }
  }
  if (firstHit === -1) return str;
  const chars = [];
  if (firstHit > 0) chars.push(str.slice(0, firstHit));
  for (let i = firstHit; i < len; i++) {
    const cc = str.charCodeAt(i);
    if (cc >= CHAR_0 && cc <= CHAR_9 || cc === CHAR_MINUS) {
      chars.push(str[i]);
      continue;
    }
    if (cc < TABLE_OFFSET) {
      chars.push(MINUS_SET.has(cc) ? "-" : str[i]);
      continue;
    }
    if (cc >= 55296 && cc <= 56319) {
      if (i + 1 < len) {
        const low = str.charCodeAt(i + 1);
        if (low >= 56320 && low <= 57343) {
          const cp = 65536 + (cc - 55296 << 10) + (low - 56320);
          const d2 = HIGH_MAP.get(cp);
          if (d2 !== void 0) {
            chars.push(String.fromCharCode(d2 + 48));
            i++;
            continue;
          }
        }
      }
      chars.push(str[i]);
      continue;
    }
    if (MINUS_SET.has(cc)) {
      chars.push("-");
      continue;
    }
    const d = TABLE[cc - TABLE_OFFSET];
    chars.push(d !== NOT_DIGIT ? String.fromCharCode(d + 48) : str[i]);
  }
  return chars.join("");
}
var anynum_default = anynum;

// node_modules/strnum/strnum.js
var hexRegex = /^[-+]?0x[a-fA-F0-9]+$/;
var binRegex = /^0b[01]+$/;
var octRegex = /^0o[0-7]+$/;
var numRegex = /^([\-\+])?(0*)([0-9]*(\.[0-9]*)?)$/;
var consider = {
  hex: true,
  binary: false,
  octal: false,
  leadingZeros: true,
  decimalPoint: ".",
  eNotation: true,
  //skipLike: /regex/,
  infinity: "original",
  // "null", "infinity" (Infinity type), "string" ("Infinity" (the string literal))
  unicode: false
};
function toNumber(str, options = {}) {
  options = Object.assign({}, consider, options);
  if (!str || typeof str !== "string") return str;
  let trimmedStr = str.trim();
  if (trimmedStr.length === 0) return str;
  else if (options.skipLike !== void 0 && options.skipLike.test(trimmedStr)) return str;
  else if (trimmedStr === "0") return 0;
  if (options.unicode) {
    trimmedStr = anynum_default(trimmedStr);
    if (trimmedStr === "0") return 0;
  }
  if (options.hex && hexRegex.test(trimmedStr)) {
    return parse_int(trimmedStr, 16);
  } else if (options.binary && binRegex.test(trimmedStr)) {
    return parse_int(trimmedStr, 2);
  } else if (options.octal && octRegex.test(trimmedStr)) {
    return parse_int(trimmedStr, 8);
  } else if (!isFinite(trimmedStr)) {
    const num = Number(trimmedStr);
    if (Number.isNaN(num)) return str;
    return handleInfinity(str, num, options);
  } else if (trimmedStr.includes("e") || trimmedStr.includes("E")) {
    return resolveEnotation(str, trimmedStr, options);
  } else {
    const match2 = numRegex.exec(trimmedStr);
    if (match2) {
      const sign = match2[1] || "";
      const leadingZeros = match2[2];
      let numTrimmedByZeros = trimZeros(match2[3]);
      const decimalAdjacentToLeadingZeros = sign ? (
        // 0., -00., 000.
        trimmedStr[leadingZeros.length + 1] === "."
      ) : trimmedStr[leadingZeros.length] === ".";
      if (!options.leadingZeros && (leadingZeros.length > 1 || leadingZeros.length === 1 && !decimalAdjacentToLeadingZeros)) {
        return str;
      } else {
        const num = Number(trimmedStr);
        const parsedStr = String(num);
        if (num === 0) return num;
        if (parsedStr.search(/[eE]/) !== -1) {
          if (options.eNotation) return num;
          else return str;
        } else if (trimmedStr.indexOf(".") !== -1) {
          if (parsedStr === "0") return num;
          else if (parsedStr === numTrimmedByZeros) return num;
          else if (parsedStr === `${sign}${numTrimmedByZeros}`) return num;
          else return str;
        }
        let n = leadingZeros ? numTrimmedByZeros : trimmedStr;
        if (leadingZeros) {
          return n === parsedStr || sign + n === parsedStr ? num : str;
        } else {
          return n === parsedStr || n === sign + parsedStr ? num : str;
        }
      }
    } else {
      return str;
    }
  }
}
var eNotationRegx = /^([-+])?(0*)(\d*(\.\d*)?[eE][-\+]?\d+)$/;
function resolveEnotation(str, trimmedStr, options) {
  if (!options.eNotation) return str;
  const notation = trimmedStr.match(eNotationRegx);
  if (notation) {
    let sign = notation[1] || "";
    const eChar = notation[3].indexOf("e") === -1 ? "E" : "e";
    const leadingZeros = notation[2];
    const eAdjacentToLeadingZeros = sign ? (
      // 0E.
      trimmedStr[leadingZeros.length + 1] === eChar
    ) : trimmedStr[leadingZeros.length] === eChar;
    if (leadingZeros.length > 1 && eAdjacentToLeadingZeros) return str;
    else if (leadingZeros.length === 1 && (notation[3].startsWith(`.${eChar}`) || notation[3][0] === eChar)) {
      return Number(trimmedStr);
    } else if (leadingZeros.length > 0) {
      if (options.leadingZeros && !eAdjacentToLeadingZeros) {
        return Number(trimmedStr);
      } else return str;
    } else {
      return Number(trimmedStr);
    }
  } else {
    return str;
  }
}
function trimZeros(numStr) {
  if (numStr && numStr.indexOf(".") !== -1) {
    let end = numStr.length;
    while (end > 0 && numStr.charCodeAt(end - 1) === 48) end--;
    numStr = numStr.slice(0, end);
    if (numStr === ".") numStr = "0";
    else if (numStr[0] === ".") numStr = "0" + numStr;
    else if (numStr[numStr.length - 1] === ".") numStr = numStr.substring(0, numStr.length - 1);
    return numStr;
  }
  return numStr;
}
function parse_int(numStr, base) {
  const str = numStr.trim();
  if (base === 2 || base === 8) numStr = str.substring(2);
  if (parseInt) return parseInt(numStr, base);
  else if (Number.parseInt) return Number.parseInt(numStr, base);
  else if (window && window.parseInt) return window.parseInt(numStr, base);
  else throw new Error("parseInt, Number.parseInt, window.parseInt are not supported");
}
function handleInfinity(str, num, options) {
  const isPositive = num === Infinity;
  switch (options.infinity.toLowerCase()) {
    case "null":
      return null;
    case "infinity":
      return num;
    // Return Infinity or -Infinity
    case "string":
      return isPositive ? "Infinity" : "-Infinity";
    case "original":
    default:
      return str;
  }
}

// node_modules/fast-xml-parser/src/ignoreAttributes.js
function getIgnoreAttributesFn(ignoreAttributes) {
  if (typeof ignoreAttributes === "function") {
    return ignoreAttributes;
  }
  if (Array.isArray(ignoreAttributes)) {
    return (attrName) => {
      for (const pattern of ignoreAttributes) {
        if (typeof pattern === "string" && attrName === pattern) {
          return true;
        }
        if (pattern instanceof RegExp && pattern.test(attrName)) {
          return true;
        }
      }
    };
  }
  return () => false;
}

// node_modules/path-expression-matcher/src/Expression.js
var Expression = class {
  /**
   * Create a new Expression
   * @param {string} pattern - Pattern string (e.g., "root.users.user", "..user[id]")
   * @param {Object} options - Configuration options
   * @param {string} options.separator - Path separator (default: '.')
   */
  constructor(pattern, options = {}, data) {
    this.pattern = pattern;
    this.separator = options.separator || ".";
    this.segments = this._parse(pattern);
    this.data = data;
    this._hasDeepWildcard = this.segments.some((seg) => seg.type === "deep-wildcard");
    this._hasAttributeCondition = this.segments.some((seg) => seg.attrName !== void 0);
    this._hasPositionSelector = this.segments.some((seg) => seg.position !== void 0);
  }
  /**
   * Parse pattern string into segments
   * @private
   * @param {string} pattern - Pattern to parse
   * @returns {Array} Array of segment objects
   */
  _parse(pattern) {
    const segments = [];
    let i = 0;
    let currentPart = "";
    while (i < pattern.length) {
      if (pattern[i] === this.separator) {
        if (i + 1 < pattern.length && pattern[i + 1] === this.separator) {
          if (currentPart.trim()) {
            segments.push(this._parseSegment(currentPart.trim()));
            currentPart = "";
          }
          segments.push({ type: "deep-wildcard" });
          i += 2;
        } else {
          if (currentPart.trim()) {
            segments.push(this._parseSegment(currentPart.trim()));
          }
          currentPart = "";
          i++;
        }
      } else {
        currentPart += pattern[i];
        i++;
      }
    }
    if (currentPart.trim()) {
      segments.push(this._parseSegment(currentPart.trim()));
    }
    return segments;
  }
  /**
   * Parse a single segment
   * @private
   * @param {string} part - Segment string (e.g., "user", "ns::user", "user[id]", "ns::user:first")
   * @returns {Object} Segment object
   */
  _parseSegment(part) {
    const segment = { type: "tag" };
    let bracketContent = null;
    let withoutBrackets = part;
    const bracketMatch = part.match(/^([^\[]+)(\[[^\]]*\])(.*)$/);
    if (bracketMatch) {
      withoutBrackets = bracketMatch[1] + bracketMatch[3];
      if (bracketMatch[2]) {
        const content = bracketMatch[2].slice(1, -1);
        if (content) {
          bracketContent = content;
        }
      }
    }
    let namespace = void 0;
    let tagAndPosition = withoutBrackets;
    if (withoutBrackets.includes("::")) {
      const nsIndex = withoutBrackets.indexOf("::");
      namespace = withoutBrackets.substring(0, nsIndex).trim();
      tagAndPosition = withoutBrackets.substring(nsIndex + 2).trim();
      if (!namespace) {
        throw new Error(`Invalid namespace in pattern: ${part}`);
      }
    }
    let tag = void 0;
    let positionMatch = null;
    if (tagAndPosition.includes(":")) {
      const colonIndex = tagAndPosition.lastIndexOf(":");
      const tagPart = tagAndPosition.substring(0, colonIndex).trim();
      const posPart = tagAndPosition.substring(colonIndex + 1).trim();
      const isPositionKeyword = ["first", "last", "odd", "even"].includes(posPart) || /^nth\(\d+\)$/.test(posPart);
      if (isPositionKeyword) {
        tag = tagPart;
        positionMatch = posPart;
      } else {
        tag = tagAndPosition;
      }
    } else {
      tag = tagAndPosition;
    }
    if (!tag) {
      throw new Error(`Invalid segment pattern: ${part}`);
    }
    segment.tag = tag;
    if (namespace) {
      segment.namespace = namespace;
    }
    if (bracketContent) {
      if (bracketContent.includes("=")) {
        const eqIndex = bracketContent.indexOf("=");
        segment.attrName = bracketContent.substring(0, eqIndex).trim();
        segment.attrValue = bracketContent.substring(eqIndex + 1).trim();
      } else {
        segment.attrName = bracketContent.trim();
      }
    }
    if (positionMatch) {
      const nthMatch = positionMatch.match(/^nth\((\d+)\)$/);
      if (nthMatch) {
        segment.position = "nth";
        segment.positionValue = parseInt(nthMatch[1], 10);
      } else {
        segment.position = positionMatch;
      }
    }
    return segment;
  }
  /**
   * Get the number of segments
   * @returns {number}
   */
  get length() {
    return this.segments.length;
  }
  /**
   * Check if expression contains deep wildcard
   * @returns {boolean}
   */
  hasDeepWildcard() {
    return this._hasDeepWildcard;
  }
  /**
   * Check if expression has attribute conditions
   * @returns {boolean}
   */
  hasAttributeCondition() {
    return this._hasAttributeCondition;
  }
  /**
   * Check if expression has position selectors
   * @returns {boolean}
   */
  hasPositionSelector() {
    return this._hasPositionSelector;
  }
  /**
   * Get string representation
   * @returns {string}
   */
  toString() {
    return this.pattern;
  }
};

// node_modules/path-expression-matcher/src/ExpressionSet.js
var ExpressionSet = class {
  constructor() {
    this._byDepthAndTag = /* @__PURE__ */ new Map();
    this._wildcardByDepth = /* @__PURE__ */ new Map();
    this._deepWildcards = [];
    this._deepByTerminalTag = /* @__PURE__ */ new Map();
    this._patterns = /* @__PURE__ */ new Set();
    this._sealed = false;
  }
  /**
   * Add an Expression to the set.
   * Duplicate patterns (same pattern string) are silently ignored.
   *
   * @param {import('./Expression.js').default} expression - A pre-constructed Expression instance
   * @returns {this} for chaining
   * @throws {TypeError} if called after seal()
   *
   * @example
   * set.add(new Expression('root.users.user'));
   * set.add(new Expression('..script'));
   */
  add(expression) {
    if (this._sealed) {
      throw new TypeError(
        "ExpressionSet is sealed. Create a new ExpressionSet to add more expressions."
      );
    }
    if (this._patterns.has(expression.pattern)) return this;
    this._patterns.add(expression.pattern);
    if (expression.hasDeepWildcard()) {
      const lastSeg2 = expression.segments[expression.segments.length - 1];
      if (lastSeg2 && lastSeg2.type !== "deep-wildcard" && lastSeg2.tag !== "*") {
        const tag2 = lastSeg2.tag;
        if (!this._deepByTerminalTag.has(tag2)) this._deepByTerminalTag.set(tag2, []);
        this._deepByTerminalTag.get(tag2).push(expression);
      } else {
        this._deepWildcards.push(expression);
      }
      return this;
    }
    const depth = expression.length;
    const lastSeg = expression.segments[expression.segments.length - 1];
    const tag = lastSeg?.tag;
    if (!tag || tag === "*") {
      if (!this._wildcardByDepth.has(depth)) this._wildcardByDepth.set(depth, []);
      this._wildcardByDepth.get(depth).push(expression);
    } else {
      const key = `${depth}:${tag}`;
      if (!this._byDepthAndTag.has(key)) this._byDepthAndTag.set(key, []);
      this._byDepthAndTag.get(key).push(expression);
    }
    return this;
  }
  /**
   * Add multiple expressions at once.
   *
   * @param {import('./Expression.js').default[]} expressions - Array of Expression instances
   * @returns {this} for chaining
   *
   * @example
   * set.addAll([
   *   new Expression('root.users.user'),
   *   new Expression('root.config.setting'),
   * ]);
   */
  addAll(expressions) {
    for (const expr of expressions) this.add(expr);
    return this;
  }
  /**
   * Check whether a pattern string is already present in the set.
   *
   * @param {import('./Expression.js').default} expression
   * @returns {boolean}
   */
  has(expression) {
    return this._patterns.has(expression.pattern);
  }
  /**
   * Number of expressions in the set.
   * @type {number}
   */
  get size() {
    return this._patterns.size;
  }
  /**
   * Seal the set against further modifications.
   * Useful to prevent accidental mutations after config is built.
   * Calling add() or addAll() on a sealed set throws a TypeError.
   *
   * @returns {this}
   */
  seal() {
    this._sealed = true;
    return this;
  }
  /**
   * Whether the set has been sealed.
   * @type {boolean}
   */
  get isSealed() {
    return this._sealed;
  }
  /**
   * Test whether the matcher's current path matches any expression in the set.
   *
   * Evaluation order (cheapest → most expensive):
   *  1. Exact depth + tag bucket  — O(1) lookup, typically 0–2 expressions
   *  2. Depth-only wildcard bucket — O(1) lookup, rare
   *  3. Deep-wildcard list         — always checked, but usually small
   *
   * @param {import('./Matcher.js').default} matcher - Matcher instance (or readOnly view)
   * @returns {boolean} true if any expression matches the current path
   *
   * @example
   * if (stopNodes.matchesAny(matcher)) {
   *   // handle stop node
   * }
   */
  matchesAny(matcher) {
    return this.findMatch(matcher) !== null;
  }
  /**
  * Find and return the first Expression that matches the matcher's current path.
  *
  * Uses the same evaluation order as matchesAny (cheapest → most expensive):
  *  1. Exact depth + tag bucket
  *  2. Depth-only wildcard bucket
  *  3. Deep-wildcard list
  *
  * @param {import('./Matcher.js').default} matcher - Matcher instance (or readOnly view)
  * @returns {import('./Expression.js').default | null} the first matching Expression, or null
  *
  * @example
  * const expr = stopNodes.findMatch(matcher);
  * if (expr) {
  *   // access expr.config, expr.pattern, etc.
  * }
  */
  findMatch(matcher) {
    const depth = matcher.getDepth();
    const tag = matcher.getCurrentTag();
    const exactKey = `${depth}:${tag}`;
    const exactBucket = this._byDepthAndTag.get(exactKey);
    if (exactBucket) {
      for (let i = 0; i < exactBucket.length; i++) {
        if (matcher.matches(exactBucket[i])) return exactBucket[i];
      }
    }
    const wildcardBucket = this._wildcardByDepth.get(depth);
    if (wildcardBucket) {
      for (let i = 0; i < wildcardBucket.length; i++) {
        if (matcher.matches(wildcardBucket[i])) return wildcardBucket[i];
      }
    }
    const deepBucket = this._deepByTerminalTag.get(tag);
    if (deepBucket) {
      for (let i = 0; i < deepBucket.length; i++) {
        if (matcher.matches(deepBucket[i])) return deepBucket[i];
      }
    }
    for (let i = 0; i < this._deepWildcards.length; i++) {
      if (matcher.matches(this._deepWildcards[i])) return this._deepWildcards[i];
    }
    return null;
  }
};

// node_modules/path-expression-matcher/src/Matcher.js
var MatcherView = class {
  /**
   * @param {Matcher} matcher - The parent Matcher instance to read from.
   */
  constructor(matcher) {
    this._matcher = matcher;
  }
  /**
   * Get the path separator used by the parent matcher.
   * @returns {string}
   */
  get separator() {
    return this._matcher.separator;
  }
  /**
   * Get current tag name.
   * @returns {string|undefined}
   */
  getCurrentTag() {
    const path = this._matcher.path;
    return path.length > 0 ? path[path.length - 1].tag : void 0;
  }
  /**
   * Get current namespace.
   * @returns {string|undefined}
   */
  getCurrentNamespace() {
    const path = this._matcher.path;
    return path.length > 0 ? path[path.length - 1].namespace : void 0;
  }
  /**
   * Get current node's attribute value.
   * @param {string} attrName
   * @returns {*}
   */
  getAttrValue(attrName) {
    const path = this._matcher.path;
    if (path.length === 0) return void 0;
    return path[path.length - 1].values?.[attrName];
  }
  /**
   * Check if current node has an attribute.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAttr(attrName) {
    const path = this._matcher.path;
    if (path.length === 0) return false;
    const current = path[path.length - 1];
    return current.values !== void 0 && attrName in current.values;
  }
  /**
   * Get the value of a "kept" attribute from the nearest ancestor (or
   * current node) that declared it via `push(tag, attrs, ns, { keep: [...] })`.
   * @param {string} attrName
   * @returns {*}
   */
  getAnyParentAttr(attrName) {
    return this._matcher.getAnyParentAttr(attrName);
  }
  /**
   * Check whether any ancestor (or the current node) kept the given
   * attribute via `push(tag, attrs, ns, { keep: [...] })`.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAnyParentAttr(attrName) {
    return this._matcher.hasAnyParentAttr(attrName);
  }
  /**
   * Get current node's sibling position (child index in parent).
   * @returns {number}
   */
  getPosition() {
    const path = this._matcher.path;
    if (path.length === 0) return -1;
    return path[path.length - 1].position ?? 0;
  }
  /**
   * Get current node's repeat counter (occurrence count of this tag name).
   * @returns {number}
   */
  getCounter() {
    const path = this._matcher.path;
    if (path.length === 0) return -1;
    return path[path.length - 1].counter ?? 0;
  }
  /**
   * Get current node's sibling index (alias for getPosition).
   * @returns {number}
   * @deprecated Use getPosition() or getCounter() instead
   */
  getIndex() {
    return this.getPosition();
  }
  /**
   * Get current path depth.
   * @returns {number}
   */
  getDepth() {
    return this._matcher.path.length;
  }
  /**
   * Get path as string.
   * @param {string} [separator] - Optional separator (uses default if not provided)
   * @param {boolean} [includeNamespace=true]
   * @returns {string}
   */
  toString(separator, includeNamespace = true) {
    return this._matcher.toString(separator, includeNamespace);
  }
  /**
   * Get path as array of tag names.
   * @returns {string[]}
   */
  toArray() {
    return this._matcher.path.map((n) => n.tag);
  }
  /**
   * Match current path against an Expression.
   * @param {Expression} expression
   * @returns {boolean}
   */
  matches(expression) {
    return this._matcher.matches(expression);
  }
  /**
   * Match any expression in the given set against the current path.
   * @param {ExpressionSet} exprSet
   * @returns {boolean}
   */
  matchesAny(exprSet) {
    return exprSet.matchesAny(this._matcher);
  }
};
var Matcher = class {
  /**
   * Create a new Matcher.
   * @param {Object} [options={}]
   * @param {string} [options.separator='.'] - Default path separator
   */
  constructor(options = {}) {
    this.separator = options.separator || ".";
    this.path = [];
    this.siblingStacks = [];
    this._pathStringCache = null;
    this._view = new MatcherView(this);
    this._keptAttrs = [];
  }
  /**
   * Push a new tag onto the path.
   * @param {string} tagName
   * @param {Object|null} [attrValues=null]
   * @param {string|null} [namespace=null]
   * @param {Object|null} [options=null]
   * @param {string[]} [options.keep] - Names of attributes (from attrValues)
   */
  push(tagName, attrValues = null, namespace = null, options = null) {
    this._pathStringCache = null;
    if (this.path.length > 0) {
      this.path[this.path.length - 1].values = void 0;
    }
    const currentLevel = this.path.length;
    let level = this.siblingStacks[currentLevel];
    if (!level) {
      level = { counts: /* @__PURE__ */ new Map(), total: 0 };
      this.siblingStacks[currentLevel] = level;
    }
    const siblingKey = namespace ? `${namespace}:${tagName}` : tagName;
    const counter = level.counts.get(siblingKey) || 0;
    const position = level.total;
    level.counts.set(siblingKey, counter + 1);
    level.total++;
    const node = {
      tag: tagName,
      position,
      counter
    };
    if (namespace !== null && namespace !== void 0) {
      node.namespace = namespace;
    }
    if (attrValues !== null && attrValues !== void 0) {
      node.values = attrValues;
    }
    this.path.push(node);
    const depth = this.path.length;
    const keep = options !== null ? options.keep : null;
    if (keep !== null && keep !== void 0 && keep.length > 0 && attrValues) {
      for (let i = 0; i < keep.length; i++) {
        const name = keep[i];
        if (attrValues[name] !== void 0) {
          this._keptAttrs.push({ depth, name, value: attrValues[name] });
        }
      }
    }
  }
  /**
   * Pop the last tag from the path.
   * @returns {Object|undefined} The popped node
   */
  pop() {
    if (this.path.length === 0) return void 0;
    this._pathStringCache = null;
    const node = this.path.pop();
    if (this.siblingStacks.length > this.path.length + 1) {
      this.siblingStacks.length = this.path.length + 1;
    }
    const poppedDepth = this.path.length + 1;
    while (this._keptAttrs.length > 0 && this._keptAttrs[this._keptAttrs.length - 1].depth >= poppedDepth) {
      this._keptAttrs.pop();
    }
    return node;
  }
  /**
   * Update current node's attribute values.
   * Useful when attributes are parsed after push.
   * @param {Object} attrValues
   */
  updateCurrent(attrValues) {
    if (this.path.length > 0) {
      const current = this.path[this.path.length - 1];
      if (attrValues !== null && attrValues !== void 0) {
        current.values = attrValues;
      }
    }
  }
  /**
   * Get current tag name.
   * @returns {string|undefined}
   */
  getCurrentTag() {
    return this.path.length > 0 ? this.path[this.path.length - 1].tag : void 0;
  }
  /**
   * Get current namespace.
   * @returns {string|undefined}
   */
  getCurrentNamespace() {
    return this.path.length > 0 ? this.path[this.path.length - 1].namespace : void 0;
  }
  /**
   * Get current node's attribute value.
   * @param {string} attrName
   * @returns {*}
   */
  getAttrValue(attrName) {
    if (this.path.length === 0) return void 0;
    return this.path[this.path.length - 1].values?.[attrName];
  }
  /**
   * Check if current node has an attribute.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAttr(attrName) {
    if (this.path.length === 0) return false;
    const current = this.path[this.path.length - 1];
    return current.values !== void 0 && attrName in current.values;
  }
  /**
   * Get the value of a "kept" attribute from the nearest ancestor (or
   * current node) that declared it via `push(tag, attrs, ns, { keep: [...] })`.
   * Unlike getAttrValue(), this works regardless of how deep the path has
   * gone since the attribute was pushed — but only for attribute names that
   * were explicitly marked with `keep` at push time. Cost is proportional to
   * the number of currently-kept attributes (typically 0-3), not path depth.
   * @param {string} attrName
   * @returns {*} the value, or undefined if no ancestor kept this attribute
   */
  getAnyParentAttr(attrName) {
    const kept = this._keptAttrs;
    for (let i = kept.length - 1; i >= 0; i--) {
      if (kept[i].name === attrName) return kept[i].value;
    }
    return void 0;
  }
  /**
   * Check whether any ancestor (or the current node) kept the given
   * attribute via `push(tag, attrs, ns, { keep: [...] })`.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAnyParentAttr(attrName) {
    const kept = this._keptAttrs;
    for (let i = kept.length - 1; i >= 0; i--) {
      if (kept[i].name === attrName) return true;
    }
    return false;
  }
  /**
   * Get current node's sibling position (child index in parent).
   * @returns {number}
   */
  getPosition() {
    if (this.path.length === 0) return -1;
    return this.path[this.path.length - 1].position ?? 0;
  }
  /**
   * Get current node's repeat counter (occurrence count of this tag name).
   * @returns {number}
   */
  getCounter() {
    if (this.path.length === 0) return -1;
    return this.path[this.path.length - 1].counter ?? 0;
  }
  /**
   * Get current node's sibling index (alias for getPosition).
   * @returns {number}
   * @deprecated Use getPosition() or getCounter() instead
   */
  getIndex() {
    return this.getPosition();
  }
  /**
   * Get current path depth.
   * @returns {number}
   */
  getDepth() {
    return this.path.length;
  }
  /**
   * Get path as string.
   * @param {string} [separator] - Optional separator (uses default if not provided)
   * @param {boolean} [includeNamespace=true]
   * @returns {string}
   */
  toString(separator, includeNamespace = true) {
    const sep2 = separator || this.separator;
    const isDefault = sep2 === this.separator && includeNamespace === true;
    if (isDefault) {
      if (this._pathStringCache !== null) {
        return this._pathStringCache;
      }
      const result2 = this.path.map(
        (n) => n.namespace ? `${n.namespace}:${n.tag}` : n.tag
      ).join(sep2);
      this._pathStringCache = result2;
      return result2;
    }
    return this.path.map(
      (n) => includeNamespace && n.namespace ? `${n.namespace}:${n.tag}` : n.tag
    ).join(sep2);
  }
  /**
   * Get path as array of tag names.
   * @returns {string[]}
   */
  toArray() {
    return this.path.map((n) => n.tag);
  }
  /**
   * Reset the path to empty.
   */
  reset() {
    this._pathStringCache = null;
    this.path = [];
    this.siblingStacks = [];
    this._keptAttrs = [];
  }
  /**
   * Match current path against an Expression.
   * @param {Expression} expression
   * @returns {boolean}
   */
  matches(expression) {
    const segments = expression.segments;
    if (segments.length === 0) {
      return false;
    }
    if (expression.hasDeepWildcard()) {
      return this._matchWithDeepWildcard(segments);
    }
    return this._matchSimple(segments);
  }
  /**
   * @private
   */
  _matchSimple(segments) {
    if (this.path.length !== segments.length) {
      return false;
    }
    for (let i = 0; i < segments.length; i++) {
      if (!this._matchSegment(segments[i], this.path[i], i === this.path.length - 1)) {
        return false;
      }
    }
    return true;
  }
  /**
   * @private
   */
  _matchWithDeepWildcard(segments) {
    let pathIdx = this.path.length - 1;
    let segIdx = segments.length - 1;
    while (segIdx >= 0 && pathIdx >= 0) {
      const segment = segments[segIdx];
      if (segment.type === "deep-wildcard") {
        segIdx--;
        if (segIdx < 0) {
          return true;
        }
        const nextSeg = segments[segIdx];
        let found = false;
        for (let i = pathIdx; i >= 0; i--) {
          if (this._matchSegment(nextSeg, this.path[i], i === this.path.length - 1)) {
            pathIdx = i - 1;
            segIdx--;
            found = true;
            break;
          }
        }
        if (!found) {
          return false;
        }
      } else {
        if (!this._matchSegment(segment, this.path[pathIdx], pathIdx === this.path.length - 1)) {
          return false;
        }
        pathIdx--;
        segIdx--;
      }
    }
    return segIdx < 0;
  }
  /**
   * @private
   */
  _matchSegment(segment, node, isCurrentNode) {
    if (segment.tag !== "*" && segment.tag !== node.tag) {
      return false;
    }
    if (segment.namespace !== void 0) {
      if (segment.namespace !== "*" && segment.namespace !== node.namespace) {
        return false;
      }
    }
    if (segment.attrName !== void 0) {
      if (!isCurrentNode) {
        return false;
      }
      if (!node.values || !(segment.attrName in node.values)) {
        return false;
      }
      if (segment.attrValue !== void 0) {
        if (String(node.values[segment.attrName]) !== String(segment.attrValue)) {
          return false;
        }
      }
    }
    if (segment.position !== void 0) {
      if (!isCurrentNode) {
        return false;
      }
      const counter = node.counter ?? 0;
      if (segment.position === "first" && counter !== 0) {
        return false;
      } else if (segment.position === "odd" && counter % 2 !== 1) {
        return false;
      } else if (segment.position === "even" && counter % 2 !== 0) {
        return false;
      } else if (segment.position === "nth" && counter !== segment.positionValue) {
        return false;
      }
    }
    return true;
  }
  /**
   * Match any expression in the given set against the current path.
   * @param {ExpressionSet} exprSet
   * @returns {boolean}
   */
  matchesAny(exprSet) {
    return exprSet.matchesAny(this);
  }
  /**
   * Create a snapshot of current state.
   * @returns {Object}
   */
  snapshot() {
    return {
      path: this.path.map((node) => ({ ...node })),
      siblingStacks: this.siblingStacks.map((level) => level ? { counts: new Map(level.counts), total: level.total } : level),
      keptAttrs: this._keptAttrs.map((entry2) => ({ ...entry2 }))
    };
  }
  /**
   * Restore state from snapshot.
   * @param {Object} snapshot
   */
  restore(snapshot) {
    this._pathStringCache = null;
    this.path = snapshot.path.map((node) => ({ ...node }));
    this.siblingStacks = snapshot.siblingStacks.map((level) => level ? { counts: new Map(level.counts), total: level.total } : level);
    this._keptAttrs = (snapshot.keptAttrs || []).map((entry2) => ({ ...entry2 }));
  }
  /**
   * Return the read-only {@link MatcherView} for this matcher.
   *
   * The same instance is returned on every call — no allocation occurs.
   * It always reflects the current parser state and is safe to pass to
   * user callbacks without risk of accidental mutation.
   *
   * @returns {MatcherView}
   *
   * @example
   * const view = matcher.readOnly();
   * // pass view to callbacks — it stays in sync automatically
   * view.matches(expr);       // ✓
   * view.getCurrentTag();     // ✓
   * // view.push(...)         // ✗ method does not exist — caught by TypeScript
   */
  readOnly() {
    return this._view;
  }
};

// node_modules/is-unsafe/src/contexts/html.js
var HTML_PATTERNS = [
  {
    id: "html-script-open",
    description: "<script opening tag",
    pattern: /<script[\s>/]/i
  },
  {
    id: "html-script-close",
    description: "</script closing tag",
    pattern: /<\/script[\s>]/i
  },
  {
    id: "html-javascript-protocol",
    description: "javascript: URI scheme (with optional whitespace/encoding)",
    // Handles j&#x61;vascript:, j\u0061vascript:, and whitespace variants
    pattern: /j[\t\n\r ]*a[\t\n\r ]*v[\t\n\r ]*a[\t\n\r ]*s[\t\n\r ]*c[\t\n\r ]*r[\t\n\r ]*i[\t\n\r ]*p[\t\n\r ]*t[\t\n\r ]*:/i
  },
  {
    id: "html-vbscript-protocol",
    description: "vbscript: URI scheme",
    pattern: /vbscript[\t\n\r ]*:/i
  },
  {
    id: "html-data-html",
    description: "data:text/html URI \u2014 can execute scripts in browsers",
    pattern: /data[\t\n\r ]*:[\t\n\r ]*text\/html/i
  },
  {
    id: "html-data-xhtml",
    description: "data:application/xhtml+xml URI",
    pattern: /data[\t\n\r ]*:[\t\n\r ]*application\/xhtml/i
  },
  {
    id: "html-data-svg",
    description: "data:image/svg+xml URI \u2014 can execute scripts",
    pattern: /data[\t\n\r ]*:[\t\n\r ]*image\/svg\+xml/i
  },
  {
    id: "html-inline-event-handler",
    description: "Inline event handler attributes: onclick=, onerror=, onload=, etc.",
    // \bon ensures we match a word boundary so "phonetic=" is not caught
    pattern: /\bon\w{1,30}\s*=/i
  },
  {
    id: "html-entity-obfuscated-script",
    description: "HTML-entity-encoded <script (e.g. &#x3C;script or &lt;script)",
    // Entities include optional trailing semicolon: &#x3C; or &#x3C (both valid in HTML5)
    pattern: /(?:&#x0*3[Cc];?|&#0*60;?|&lt;)\s*script/i
  },
  {
    id: "html-entity-obfuscated-javascript",
    description: 'HTML-entity-encoded javascript: (partial \u2014 catches common &#106; or &#x6a; for "j")',
    pattern: /(?:&#x0*6[Aa];?|&#0*106;?)\s*(?:&#x0*61;?|a)[\s\S]{0,80}script\s*:/i
  },
  {
    id: "html-style-expression",
    description: "CSS expression() \u2014 IE-era code execution in style attributes",
    pattern: /style[\s\S]{0,20}expression\s*\(/i
  },
  {
    id: "html-object-embed",
    description: "<object or <embed tags that can load active content",
    pattern: /<(?:object|embed)[\s>/]/i
  },
  {
    id: "html-base-tag",
    description: "<base href= \u2014 can hijack all relative URLs on a page",
    pattern: /<base[\s>]/i
  },
  {
    id: "html-meta-refresh",
    description: '<meta http-equiv="refresh" \u2014 can redirect users',
    pattern: /<meta[\s\S]{0,40}http-equiv[\s\S]{0,20}refresh/i
  },
  {
    id: "html-srcdoc",
    description: "srcdoc= attribute on iframes \u2014 embeds HTML that can run scripts",
    pattern: /srcdoc\s*=/i
  },
  {
    id: "html-iframe",
    description: "<iframe tag",
    pattern: /<iframe[\s>/]/i
  },
  {
    id: "html-form",
    description: "<form tag \u2014 can be used for phishing / credential harvesting injection",
    pattern: /<form[\s>/]/i
  }
];
var html_default = HTML_PATTERNS;

// node_modules/is-unsafe/src/contexts/xml.js
var XML_PATTERNS = [
  {
    id: "xml-cdata-injection",
    description: "CDATA section injection: <![CDATA[ breaks out of text node context",
    pattern: /<!\[CDATA\[/i
  },
  {
    id: "xml-cdata-close",
    description: "CDATA close sequence: ]]> can terminate an enclosing CDATA section",
    pattern: /\]\]>/
  },
  {
    id: "xml-processing-instruction",
    description: "XML processing instruction: <?xml-stylesheet or <?php etc.",
    pattern: /<\?(?:xml[\- ]|php|asp)/i
  },
  {
    id: "xml-doctype-injection",
    description: "DOCTYPE declaration embedded in content \u2014 can define entities",
    // Match <!DOCTYPE followed by end-of-string, whitespace, or [ (internal subset)
    pattern: /<!DOCTYPE(?:[\s[]|$)/i
  },
  {
    id: "xml-entity-system",
    description: "SYSTEM keyword \u2014 used in external entity declarations (XXE)",
    pattern: /\bSYSTEM\s+["']/i
  },
  {
    id: "xml-entity-public",
    description: "PUBLIC keyword \u2014 used in external entity declarations (XXE)",
    pattern: /\bPUBLIC\s+["']/i
  },
  {
    id: "xml-entity-declaration",
    description: "<!ENTITY declaration \u2014 defines entities, potential XXE or entity expansion",
    pattern: /<!ENTITY[\s%]/i
  },
  {
    id: "xml-billion-laughs",
    description: "Entity reference chaining / billion laughs: repeated &eX; style references",
    // Heuristic: 3+ consecutive entity refs suggests expansion attack
    pattern: /(?:&\w{1,20};){3,}/
  },
  {
    id: "xml-namespace-confusion",
    description: "xmlns: attribute injection \u2014 can redefine namespaces to confuse parsers",
    // pattern: /\bxmlns\s*(?::\w{1,40})?\s*=/i,
    pattern: /\bxmlns(?::\w{1,40})?\s*=/i
  },
  {
    id: "xml-comment-injection",
    description: "<!-- comment injection \u2014 can hide content from some parsers",
    pattern: /<!--/
  },
  {
    id: "xml-comment-close",
    description: "--> closes an enclosing XML comment",
    pattern: /-->/
  },
  {
    id: "xml-pi-close",
    description: "?> closes an enclosing processing instruction",
    pattern: /\?>/
  }
];
var xml_default = XML_PATTERNS;

// node_modules/is-unsafe/src/contexts/svg.js
var SVG_PATTERNS = [
  {
    id: "svg-script-element",
    description: "<script element inside SVG executes JavaScript",
    pattern: /<script[\s>/]/i
  },
  {
    id: "svg-xlink-href-javascript",
    description: "xlink:href with javascript: \u2014 classic SVG XSS via <a> or <use>",
    pattern: /xlink\s*:\s*href\s*=\s*["']?\s*javascript\s*:/i
  },
  {
    id: "svg-href-javascript",
    description: "href= with javascript: in SVG context (<a>, <animate>, etc.)",
    pattern: /href\s*=\s*["']?\s*javascript\s*:/i
  },
  {
    id: "svg-foreignobject",
    description: "<foreignObject embeds HTML inside SVG \u2014 can execute scripts",
    pattern: /<foreignObject[\s>/]/i
  },
  {
    id: "svg-use-external",
    description: "<use xlink:href or href pointing to external resource (non-fragment URL)",
    // Match <use with href= where the value starts with a non-# character (external URL)
    // [\"'][^#] catches quoted values not starting with #; [^\"'#\s>] catches unquoted
    pattern: /<use[\s\S]{0,60}(?:xlink\s*:\s*)?href\s*=\s*(?:["'][^#]|[^"'#\s>])/i
  },
  {
    id: "svg-animate-href",
    description: '<animate attributeName="href" \u2014 can dynamically change href to javascript:',
    pattern: /<animate[\s\S]{0,80}attributeName\s*=\s*["'][\s]*href["']/i
  },
  {
    id: "svg-animate-xlinkhref",
    description: '<animate attributeName="xlink:href"',
    pattern: /<animate[\s\S]{0,80}attributeName\s*=\s*["'][\s]*xlink\s*:\s*href["']/i
  },
  {
    id: "svg-set-javascript",
    description: '<set to="javascript:..." \u2014 sets an attribute to a javascript: URI',
    pattern: /<set[\s\S]{0,80}to\s*=\s*["']?\s*javascript\s*:/i
  },
  {
    id: "svg-event-handler",
    description: "SVG-specific event handler attributes: onload=, onerror=, onactivate=, etc.",
    pattern: /\bon(?:load|error|activate|begin|end|repeat|focus|blur|click|mouse\w{1,20}|key\w{1,20})\s*=/i
  },
  {
    id: "svg-handler-generic",
    description: "Generic on* handler catch-all for SVG attributes",
    pattern: /\bon\w{1,30}\s*=/i
  },
  {
    id: "svg-filter-feimage",
    description: "<feImage href= \u2014 filter primitive that can load external resources",
    pattern: /<feImage[\s\S]{0,80}(?:xlink\s*:\s*)?href\s*=/i
  },
  {
    id: "svg-image-external",
    description: "<image xlink:href with http/https or javascript protocol",
    pattern: /<image[\s\S]{0,80}(?:xlink\s*:\s*)?href\s*=\s*["']?\s*(?:https?|javascript)\s*:/i
  },
  {
    id: "svg-style-javascript",
    description: "style= attribute containing javascript: (e.g. background:url(javascript:...))",
    pattern: /style\s*=[\s\S]{0,60}javascript\s*:/i
  }
];
var svg_default = SVG_PATTERNS;

// node_modules/is-unsafe/src/contexts/sql.js
var SQL_PATTERNS = [
  {
    id: "sql-block-comment-open",
    description: "SQL block comment open: /* ... */ \u2014 unusual in legitimate user text",
    pattern: /\/\*/
  },
  {
    id: "sql-union-select",
    description: "UNION SELECT \u2014 most common SQL injection aggregation attack",
    pattern: /\bUNION\s{1,20}(?:ALL\s{1,20})?SELECT\b/i
  },
  {
    id: "sql-drop-table",
    description: "DROP TABLE \u2014 destructive DDL injection",
    pattern: /\bDROP\s{1,20}TABLE\b/i
  },
  {
    id: "sql-drop-database",
    description: "DROP DATABASE \u2014 destructive DDL injection",
    pattern: /\bDROP\s{1,20}DATABASE\b/i
  },
  {
    id: "sql-insert-into",
    description: "INSERT INTO \u2014 data injection",
    pattern: /\bINSERT\s{1,20}INTO\b/i
  },
  {
    id: "sql-delete-from",
    description: "DELETE FROM \u2014 data deletion injection",
    pattern: /\bDELETE\s{1,20}FROM\b/i
  },
  {
    id: "sql-update-set",
    description: "UPDATE ... SET \u2014 data modification injection",
    // Allows arbitrary content between UPDATE and SET (table name, alias, etc.)
    pattern: /\bUPDATE\b[\s\S]{1,60}\bSET\b/i
  },
  {
    id: "sql-exec-xp",
    description: "EXEC xp_ \u2014 MSSQL extended stored procedure execution",
    pattern: /\bEXEC(?:UTE)?\s{1,20}xp_/i
  },
  {
    id: "sql-tautology-string",
    description: `Classic string tautology: ' OR '1'='1 or " OR "1"="1"`,
    // Last quote is optional — injection may truncate it: ' OR '1'='1--
    pattern: /'\s{0,10}OR\s{0,10}'[^']{0,20}'\s*=\s*'[^']{0,20}/i
  },
  {
    id: "sql-tautology-numeric",
    description: "Numeric tautology: OR 1=1",
    pattern: /\bOR\s{1,10}1\s*=\s*1\b/i
  },
  {
    id: "sql-always-true-zero",
    description: "Numeric tautology: OR 0=0",
    pattern: /\bOR\s{1,10}0\s*=\s*0\b/i
  },
  {
    id: "sql-sleep-benchmark",
    description: "Time-based blind injection: SLEEP() or BENCHMARK()",
    pattern: /\b(?:SLEEP|BENCHMARK)\s*\(/i
  },
  {
    id: "sql-waitfor-delay",
    description: "MSSQL time-based blind injection: WAITFOR DELAY",
    pattern: /\bWAITFOR\s{1,20}DELAY\b/i
  },
  {
    id: "sql-char-function",
    description: "CHAR() function \u2014 used to obfuscate injected strings",
    pattern: /\bCHAR\s*\(\s*\d{1,3}/i
  },
  {
    id: "sql-information-schema",
    description: "INFORMATION_SCHEMA \u2014 reconnaissance query for table/column enumeration",
    pattern: /\bINFORMATION_SCHEMA\b/i
  }
];
var sql_default = SQL_PATTERNS;

// node_modules/is-unsafe/src/contexts/shell.js
var SHELL_PATTERNS = [
  {
    id: "shell-path-traversal-unix",
    description: "Unix path traversal: ../  \u2014 climbing the directory tree",
    pattern: /\.\.\//
  },
  {
    id: "shell-path-traversal-windows",
    description: "Windows path traversal: ..\\ \u2014 climbing the directory tree",
    pattern: /\.\.\\/
  },
  {
    id: "shell-path-traversal-encoded",
    description: "URL-encoded path traversal: %2e%2e or %2f variants",
    pattern: /%2e%2e|%2f\.\.|\.\.%2f/i
  },
  {
    id: "shell-null-byte",
    description: "Null byte injection: \\x00 or %00 \u2014 truncates strings in C-backed functions",
    pattern: /\x00|%00/
  },
  {
    id: "shell-semicolon",
    description: "Semicolon command separator: cmd1; cmd2",
    pattern: /;/
  },
  {
    id: "shell-pipe",
    description: "Pipe operator: cmd1 | cmd2",
    pattern: /\|/
  },
  {
    id: "shell-and-operator",
    description: "AND operator: cmd1 && cmd2",
    pattern: /&&/
  },
  {
    id: "shell-or-operator",
    description: "OR operator: cmd1 || cmd2",
    pattern: /\|\|/
  },
  {
    id: "shell-backtick",
    description: "Backtick command substitution: `cmd`",
    pattern: /`/
  },
  {
    id: "shell-dollar-paren",
    description: "Dollar-paren command substitution: $(cmd)",
    pattern: /\$\(/
  },
  {
    id: "shell-dollar-brace",
    description: "Dollar-brace variable expansion: ${var} \u2014 can be abused for injection",
    pattern: /\$\{/
  },
  {
    id: "shell-redirect-out",
    description: "Output redirection: cmd > file or cmd >> file",
    pattern: />{1,2}/
  },
  {
    id: "shell-redirect-in",
    description: "Input redirection: cmd < file",
    pattern: /</
  },
  {
    id: "shell-newline-injection",
    description: "Newline injection: \\n or \\r \u2014 can inject new shell commands",
    pattern: /[\n\r]/
  },
  {
    id: "shell-glob-star",
    description: "Glob expansion: * or ? \u2014 can expand to unintended files",
    // Only flag when combined with path separators to reduce false positives
    pattern: /[/\\][*?]/
  },
  {
    id: "shell-absolute-root",
    description: "Absolute root path injection: string starting with / or \\ (Windows UNC)",
    pattern: /^(?:\/|\\\\)/
  },
  {
    id: "shell-windows-drive",
    description: "Windows drive letter path injection: C:\\ or D:/",
    pattern: /^[a-zA-Z]:[/\\]/
  },
  {
    id: "shell-curl-wget",
    description: "curl/wget with URL or flags \u2014 can exfiltrate data or download payloads",
    // Require a URL scheme (http/https/ftp) or a flag (-) to reduce false positives
    // "curl is a tool" won't match; "curl http://..." or "curl -s ..." will
    pattern: /\b(?:curl|wget)\s+(?:https?:\/\/|ftp:\/\/|-)/i
  }
];
var shell_default = SHELL_PATTERNS;

// node_modules/is-unsafe/src/contexts/redos.js
var REDOS_PATTERNS = [
  {
    id: "redos-nested-quantifier-plus",
    description: "Nested + quantifier inside a group with outer quantifier: (a+)+, (.+b)*, etc.",
    // Matches any group containing a + quantifier, with an outer * or + — catches (a+)+, (.+b)*, etc.
    pattern: /\([^)]*\+[^)]*\)[+*]/
  },
  {
    id: "redos-nested-quantifier-star",
    description: "Nested * quantifier: (a*)* or (a*)+ \u2014 catastrophic backtracking",
    pattern: /\([^)]*\*[^)]*\)[*+]/
  },
  {
    id: "redos-nested-groups",
    description: "Doubly nested quantified groups: ((a+)+) \u2014 guaranteed catastrophic",
    pattern: /\(\([^)]{0,40}\)[+*]\)[+*]/
  },
  {
    id: "redos-alternation-overlap",
    description: "Overlapping alternation under quantifier: (a|a)+ \u2014 ambiguous NFA paths",
    // Detect repeated identical alternatives under a quantifier
    pattern: /\(([^|()]{1,20})\|(?:\1)(?:\|[^|()]{1,20}){0,5}\)[+*?]{1,2}/
  },
  {
    id: "redos-star-plus-concat",
    description: "(x*x)+ pattern \u2014 triggers super-linear backtracking",
    pattern: /\([^)]{0,10}\*[^)]{0,10}\)[+*]/
  },
  {
    id: "redos-dot-star-greedy",
    description: "(.*){n,} or (.+){n,} \u2014 repeated greedy dot quantifiers",
    pattern: /\(\.[*+]\)\{?\d/
  },
  {
    id: "redos-large-repetition",
    description: "Very large fixed or range repetition count {1000,} or {1000,n} \u2014 denial of service via backtracking",
    // Matches { followed by 4+ digits (≥1000), then optional ,digits }
    pattern: /\{\d{4,}(?:,\d*)?\}/
  },
  {
    id: "redos-catastrophic-alternation",
    description: "Long alternation with many similar branches \u2014 polynomial backtracking risk",
    // Heuristic: 10+ pipe-separated alternatives in a single group
    pattern: /\([^)]{0,200}(?:\|[^|)]{0,50}){9,}\)/
  }
];
var redos_default = REDOS_PATTERNS;

// node_modules/is-unsafe/src/contexts/nosql.js
var sep = `["'\\s]*:`;
var NOSQL_PATTERNS = [
  // ─── MongoDB $ operator injection ────────────────────────────────────────
  {
    id: "nosql-where-operator",
    description: "$where \u2014 executes arbitrary JavaScript server-side in MongoDB",
    pattern: new RegExp(`\\$where${sep}`, "i")
  },
  {
    id: "nosql-ne-operator",
    description: '$ne \u2014 "not equal" operator used to bypass equality checks',
    pattern: new RegExp(`\\$ne${sep}`, "i")
  },
  {
    id: "nosql-gt-operator",
    description: '$gt \u2014 "greater than" used to bypass password/value checks',
    pattern: new RegExp(`\\$gte?${sep}`, "i")
  },
  {
    id: "nosql-lt-operator",
    description: '$lt / $lte \u2014 "less than" bypass variants',
    pattern: new RegExp(`\\$lte?${sep}`, "i")
  },
  {
    id: "nosql-regex-operator",
    description: "$regex \u2014 can be used to extract data character by character (blind injection)",
    pattern: new RegExp(`\\$regex${sep}`, "i")
  },
  {
    id: "nosql-or-operator",
    description: "$or \u2014 logical OR; used to create always-true conditions",
    pattern: new RegExp(`\\$or${sep}\\s*\\[`, "i")
  },
  {
    id: "nosql-and-operator",
    description: "$and \u2014 logical AND operator injection",
    pattern: new RegExp(`\\$and${sep}\\s*\\[`, "i")
  },
  {
    id: "nosql-nor-operator",
    description: "$nor \u2014 logical NOR operator injection",
    pattern: new RegExp(`\\$nor${sep}\\s*\\[`, "i")
  },
  {
    id: "nosql-exists-operator",
    description: "$exists \u2014 can enumerate fields to determine schema",
    pattern: new RegExp(`\\$exists${sep}`, "i")
  },
  {
    id: "nosql-in-operator",
    description: "$in \u2014 matches any value in a list; can enumerate values",
    pattern: new RegExp(`\\$in${sep}\\s*\\[`, "i")
  },
  {
    id: "nosql-expr-operator",
    description: "$expr \u2014 allows aggregation expressions in queries (MongoDB 3.6+)",
    pattern: new RegExp(`\\$expr${sep}`, "i")
  },
  {
    id: "nosql-function-operator",
    description: "$function \u2014 executes arbitrary JavaScript in MongoDB 4.4+",
    pattern: new RegExp(`\\$function${sep}`, "i")
  },
  {
    id: "nosql-accumulator-operator",
    description: "$accumulator \u2014 custom aggregation with arbitrary JS execution",
    pattern: new RegExp(`\\$accumulator${sep}`, "i")
  },
  // ─── Prototype pollution ─────────────────────────────────────────────────
  {
    id: "nosql-proto-pollution",
    description: "__proto__ \u2014 prototype pollution via object key injection",
    pattern: /__proto__/
  },
  {
    id: "nosql-constructor-prototype",
    description: "constructor.prototype \u2014 alternative prototype pollution vector (dot notation or JSON key)",
    // Matches dot-notation (obj.constructor.prototype) and JSON key adjacency
    // ("constructor": {"prototype": ...})
    pattern: /constructor[\s"':.,{\[]*prototype/i
  },
  {
    id: "nosql-proto-bracket",
    description: '["__proto__"] \u2014 bracket-notation prototype pollution',
    pattern: /\[["']__proto__["']\]/
  }
];
var nosql_default = NOSQL_PATTERNS;

// node_modules/is-unsafe/src/contexts/log.js
var LOG_PATTERNS = [
  // ─── CRLF / newline injection ─────────────────────────────────────────────
  {
    id: "log-crlf-injection",
    description: "CRLF injection: literal \\r or \\n embeds fake log lines",
    pattern: /[\r\n]/
  },
  {
    id: "log-url-encoded-crlf",
    description: "URL-encoded CRLF: %0d, %0a, %0D, %0A \u2014 decoded by some log parsers",
    pattern: /%0[dDaA]/
  },
  {
    id: "log-unicode-newline",
    description: "Unicode newline variants: U+2028 (line separator), U+2029 (paragraph separator)",
    pattern: /[\u2028\u2029]/
  },
  // ─── Log4Shell / JNDI injection (CVE-2021-44228) ─────────────────────────
  {
    id: "log-log4shell-jndi",
    description: "Log4Shell: ${jndi:...} triggers remote code execution in Apache Log4j",
    pattern: /\$\{jndi\s*:/i
  },
  {
    id: "log-log4shell-obfuscated",
    description: "Obfuscated Log4Shell: ${::-j}... lookup-bypass prefix used to evade WAF detection",
    // ${::- is the Log4j lookup-bypass escape sequence; presence alone is suspicious
    pattern: /\$\{::-/
  },
  {
    id: "log-log4j-lookup",
    description: "Log4j lookup syntax: ${env:...}, ${sys:...}, ${ctx:...} \u2014 data exfiltration",
    pattern: /\$\{(?:env|sys|ctx|main|map|sd|web|docker|k8s|spring)\s*:/i
  },
  // ─── Server-Side Template Injection (SSTI) in log messages ───────────────
  {
    id: "log-ssti-double-brace",
    description: "SSTI double-brace: {{expression}} \u2014 Jinja2, Twig, Handlebars, etc.",
    pattern: /\{\{[\s\S]{0,80}\}\}/
  },
  {
    id: "log-ssti-hash-brace",
    description: "SSTI hash-brace: #{expression} \u2014 Thymeleaf, Velocity, Ruby ERB",
    pattern: /#\{[\s\S]{0,80}\}/
  },
  {
    id: "log-ssti-dollar-brace",
    description: "SSTI/EL injection: ${expression with operators or method calls} \u2014 JSP EL, Freemarker, SpEL",
    // Require that the ${...} content looks like an expression, not a plain variable name.
    // Flags if the content contains: . ( * + operators, or known SSTI keywords.
    // This avoids flagging ${PATH}, ${HOME} etc. (plain shell variables).
    pattern: /\$\{[^}]*(?:\.|\(|\*|\+|\bclass\b|\bruntime\b|\bprocess\b|\bexec\b)[^}]{0,80}\}/i
  },
  {
    id: "log-ssti-percent-tag",
    description: "SSTI ERB/ASP tag: <%= expression %> \u2014 Ruby ERB, ASP",
    pattern: /<%=[\s\S]{0,80}%>/
  },
  // ─── Null byte ────────────────────────────────────────────────────────────
  {
    id: "log-null-byte",
    description: "Null byte: \\x00 or %00 \u2014 can truncate log entries in C-backed loggers",
    pattern: /\x00|%00/
  },
  // ─── ANSI escape injection ────────────────────────────────────────────────
  {
    id: "log-ansi-escape",
    description: "ANSI escape sequence: ESC[ \u2014 can manipulate terminal output when logs are tailed",
    pattern: /\x1b\[/
  }
];
var log_default = LOG_PATTERNS;

// node_modules/is-unsafe/src/contexts/sql-strict.js
var SQL_STRICT_EXTRA = [
  {
    id: "sql-line-comment",
    description: "SQL line comment: -- followed by whitespace or end of string",
    pattern: /--(?:\s|$)/
  },
  {
    id: "sql-stacked-query",
    description: "Stacked queries: semicolon immediately followed by a SQL keyword",
    pattern: /;\s{0,10}(?:SELECT|INSERT|UPDATE|DELETE|DROP|CREATE|ALTER|EXEC)\b/i
  },
  {
    id: "sql-hex-encoding",
    description: "Hex-encoded string injection: 0x41414141 style (MySQL)",
    pattern: /\b0x[0-9a-f]{4,}/i
  }
];
var SQL_STRICT_PATTERNS = [...sql_default, ...SQL_STRICT_EXTRA];
var sql_strict_default = SQL_STRICT_PATTERNS;

// node_modules/is-unsafe/src/util/decode-entities.js
var NAMED = Object.freeze({
  colon: ":",
  Tab: "	",
  NewLine: "\n"
});
var ENTITY_RE = /&(?:#[xX]0*([0-9a-fA-F]{1,6});?|#0*([0-9]{1,7});?|([a-zA-Z][a-zA-Z0-9]{1,15});)/g;
function decodeEntities(input) {
  if (input.indexOf("&") === -1) return input;
  return input.replace(ENTITY_RE, (match2, hex, dec, name) => {
    if (name !== void 0) {
      return Object.prototype.hasOwnProperty.call(NAMED, name) ? NAMED[name] : match2;
    }
    const cp = hex !== void 0 ? parseInt(hex, 16) : parseInt(dec, 10);
    if (!Number.isFinite(cp) || cp > 1114111) return match2;
    return String.fromCodePoint(cp);
  });
}

// node_modules/is-unsafe/src/index.js
html_default.label = "HTML";
xml_default.label = "XML";
svg_default.label = "SVG";
html_default.decodeEntities = true;
xml_default.decodeEntities = true;
svg_default.decodeEntities = true;
sql_default.label = "SQL";
sql_strict_default.label = "SQL-STRICT";
shell_default.label = "SHELL";
redos_default.label = "REDOS";
nosql_default.label = "NOSQL";
log_default.label = "LOG";
var VALID_CONTEXTS = Object.freeze({
  HTML: html_default,
  XML: xml_default,
  SVG: svg_default,
  SQL: sql_default,
  "SQL-STRICT": sql_strict_default,
  SHELL: shell_default,
  REDOS: redos_default,
  NOSQL: nosql_default,
  LOG: log_default
});
function assertString(value) {
  if (typeof value !== "string") {
    throw new TypeError(
      `is-unsafe: first argument must be a string, got ${typeof value}`
    );
  }
}
function assertContext(context) {
  if (context instanceof RegExp) return;
  if (Array.isArray(context)) {
    if (context.length === 0) {
      throw new TypeError("is-unsafe: context must not be an empty array");
    }
    if (Array.isArray(context[0])) {
      for (const list2 of context) {
        if (!Array.isArray(list2) || list2.length === 0) {
          throw new TypeError(
            "is-unsafe: each context in the array must be a non-empty pattern array (PatternList)"
          );
        }
      }
    }
    return;
  }
  throw new TypeError(
    `is-unsafe: second argument must be a PatternList (e.g. HTML), an array of PatternLists (e.g. [HTML, XML]), or a RegExp. Got: ${typeof context}`
  );
}
function normalise(context) {
  if (context instanceof RegExp) return { lists: null, regex: context };
  if (Array.isArray(context[0])) return { lists: context, regex: null };
  return { lists: [context], regex: null };
}
function decodedCopy(value, list2) {
  if (!list2.decodeEntities) return null;
  const decoded = decodeEntities(value);
  return decoded === value ? null : decoded;
}
function matchList(value, list2) {
  const label = list2.label ?? "CUSTOM";
  const decoded = decodedCopy(value, list2);
  for (const rule2 of list2) {
    if (rule2.pattern.test(value) || decoded !== null && rule2.pattern.test(decoded)) {
      return { context: label, id: rule2.id, description: rule2.description, pattern: rule2.pattern };
    }
  }
  return null;
}
function isUnsafe(value, context) {
  assertString(value);
  assertContext(context);
  const { lists, regex } = normalise(context);
  if (regex) return regex.test(value);
  for (const list2 of lists) {
    if (matchList(value, list2) !== null) return true;
  }
  return false;
}

// node_modules/fast-xml-parser/src/xmlparser/OrderedObjParser.js
function extractRawAttributes(prefixedAttrs, options) {
  if (!prefixedAttrs) return {};
  const attrs = options.attributesGroupName ? prefixedAttrs[options.attributesGroupName] : prefixedAttrs;
  if (!attrs) return {};
  const rawAttrs = {};
  for (const key in attrs) {
    if (key.startsWith(options.attributeNamePrefix)) {
      const rawName = key.substring(options.attributeNamePrefix.length);
      rawAttrs[rawName] = attrs[key];
    } else {
      rawAttrs[key] = attrs[key];
    }
  }
  return rawAttrs;
}
function extractNamespace(rawTagName) {
  if (!rawTagName || typeof rawTagName !== "string") return void 0;
  const colonIndex = rawTagName.indexOf(":");
  if (colonIndex !== -1 && colonIndex > 0) {
    const ns = rawTagName.substring(0, colonIndex);
    if (ns !== "xmlns") {
      return ns;
    }
  }
  return void 0;
}
var OrderedObjParser = class {
  constructor(options, externalEntities) {
    this.options = options;
    this.currentNode = null;
    this.tagsNodeStack = [];
    this.parseXml = parseXml;
    this.parseTextData = parseTextData;
    this.resolveNameSpace = resolveNameSpace;
    this.buildAttributesMap = buildAttributesMap;
    this.isItStopNode = isItStopNode;
    this.replaceEntitiesValue = replaceEntitiesValue;
    this.readStopNodeData = readStopNodeData;
    this.saveTextToParentTag = saveTextToParentTag;
    this.addChild = addChild;
    this.ignoreAttributesFn = getIgnoreAttributesFn(this.options.ignoreAttributes);
    this.entityExpansionCount = 0;
    this.currentExpandedLength = 0;
    this.doctypefound = false;
    let namedEntities = { ...XML };
    if (this.options.entityDecoder) {
      this.entityDecoder = this.options.entityDecoder;
    } else {
      if (typeof this.options.htmlEntities === "object") namedEntities = this.options.htmlEntities;
      else if (this.options.htmlEntities === true) namedEntities = { ...COMMON_HTML, ...CURRENCY };
      this.entityDecoder = new EntityDecoder({
        namedEntities: { ...namedEntities, ...externalEntities },
        numericAllowed: this.options.htmlEntities,
        limit: {
          maxTotalExpansions: this.options.processEntities.maxTotalExpansions,
          maxExpandedLength: this.options.processEntities.maxExpandedLength,
          applyLimitsTo: this.options.processEntities.appliesTo
        },
        // onExternalEntity: (name, value) => isUnsafe(value) ? 'block' : 'allow',
        onInputEntity: (name, value) => (
          //TODO: VALID_CONTEXTS.HTML should be set only if this.options.htmlEntities
          isUnsafe(value, [html_default, xml_default]) ? ENTITY_ACTION.BLOCK : ENTITY_ACTION.ALLOW
        )
        //postCheck: resolved => resolved
      });
    }
    this.matcher = new Matcher();
    this.readonlyMatcher = this.matcher.readOnly();
    this.isCurrentNodeStopNode = false;
    this.stopNodeExpressionsSet = new ExpressionSet();
    const stopNodesOpts = this.options.stopNodes;
    if (stopNodesOpts && stopNodesOpts.length > 0) {
      for (let i = 0; i < stopNodesOpts.length; i++) {
        const stopNodeExp = stopNodesOpts[i];
        if (typeof stopNodeExp === "string") {
          this.stopNodeExpressionsSet.add(new Expression(stopNodeExp));
        } else if (stopNodeExp instanceof Expression) {
          this.stopNodeExpressionsSet.add(stopNodeExp);
        }
      }
      this.stopNodeExpressionsSet.seal();
    }
  }
};
function parseTextData(val, tagName, jPath, dontTrim, hasAttributes, isLeafNode, escapeEntities) {
  const options = this.options;
  if (val !== void 0) {
    if (options.trimValues && !dontTrim) {
      val = val.trim();
    }
    if (val.length > 0) {
      if (!escapeEntities) val = this.replaceEntitiesValue(val, tagName, jPath);
      const jPathOrMatcher = options.jPath ? jPath.toString() : jPath;
      const newval = options.tagValueProcessor(tagName, val, jPathOrMatcher, hasAttributes, isLeafNode);
      if (newval === null || newval === void 0) {
        return val;
      } else if (typeof newval !== typeof val || newval !== val) {
        return newval;
      } else if (options.trimValues) {
        return parseValue(val, options.parseTagValue, options.numberParseOptions);
      } else {
        const trimmedVal = val.trim();
        if (trimmedVal === val) {
          return parseValue(val, options.parseTagValue, options.numberParseOptions);
        } else {
          return val;
        }
      }
    }
  }
}
function resolveNameSpace(tagname) {
  if (this.options.removeNSPrefix) {
    const tags = tagname.split(":");
    const prefix = tagname.charAt(0) === "/" ? "/" : "";
    if (tags[0] === "xmlns") {
      return "";
    }
    if (tags.length === 2) {
      tagname = prefix + tags[1];
    }
  }
  return tagname;
}
var attrsRegx = /([^\s=]+)\s*(=\s*(?:"([^"]*)"|'([^']*)'))?/gm;
function attrValue(match2) {
  return match2[3] !== void 0 ? match2[3] : match2[4];
}
function buildAttributesMap(attrStr, jPath, tagName, force = false) {
  const options = this.options;
  if (force === true || options.ignoreAttributes !== true && typeof attrStr === "string") {
    const matches = getAllMatches(attrStr, attrsRegx);
    const len = matches.length;
    const attrs = {};
    const processedVals = new Array(len);
    let hasRawAttrs = false;
    const rawAttrsForMatcher = {};
    for (let i = 0; i < len; i++) {
      const attrName = this.resolveNameSpace(matches[i][1]);
      const oldVal = attrValue(matches[i]);
      if (attrName.length && oldVal !== void 0) {
        let val = oldVal;
        if (options.trimValues) val = val.trim();
        val = this.replaceEntitiesValue(val, tagName, this.readonlyMatcher);
        processedVals[i] = val;
        rawAttrsForMatcher[attrName] = val;
        hasRawAttrs = true;
      }
    }
    if (hasRawAttrs && typeof jPath === "object" && jPath.updateCurrent) {
      jPath.updateCurrent(rawAttrsForMatcher);
    }
    const jPathStr = options.jPath ? jPath.toString() : this.readonlyMatcher;
    let hasAttrs = false;
    for (let i = 0; i < len; i++) {
      const attrName = this.resolveNameSpace(matches[i][1]);
      if (this.ignoreAttributesFn(attrName, jPathStr)) continue;
      let aName = options.attributeNamePrefix + attrName;
      if (attrName.length) {
        if (options.transformAttributeName) {
          aName = options.transformAttributeName(aName);
        }
        aName = sanitizeName(aName, options);
        if (attrValue(matches[i]) !== void 0) {
          const oldVal = processedVals[i];
          const newVal = options.attributeValueProcessor(attrName, oldVal, jPathStr);
          if (newVal === null || newVal === void 0) {
            attrs[aName] = oldVal;
          } else if (typeof newVal !== typeof oldVal || newVal !== oldVal) {
            attrs[aName] = newVal;
          } else {
            attrs[aName] = parseValue(oldVal, options.parseAttributeValue, options.numberParseOptions);
          }
          hasAttrs = true;
        } else if (options.allowBooleanAttributes) {
          attrs[aName] = true;
          hasAttrs = true;
        }
      }
    }
    if (!hasAttrs) return;
    if (options.attributesGroupName && !options.preserveOrder) {
      const attrCollection = {};
      attrCollection[options.attributesGroupName] = attrs;
      return attrCollection;
    }
    return attrs;
  }
}
var parseXml = function(xmlData) {
  const options = this.options;
  const crlfPositions = options.captureMetaData ? [] : void 0;
  xmlData = xmlData.replace(/\r\n?/g, options.captureMetaData ? (newline, index) => {
    if (newline.length === 2) {
      crlfPositions.push(index - crlfPositions.length);
    }
    return "\n";
  } : "\n");
  const xmlObj = new XmlNode("!xml");
  let currentNode = xmlObj;
  let textData = "";
  this.matcher.reset();
  this.entityDecoder.reset();
  this.entityExpansionCount = 0;
  this.currentExpandedLength = 0;
  this.doctypefound = false;
  const docTypeReader = new DocTypeReader(options.processEntities);
  const xmlLen = xmlData.length;
  for (let i = 0; i < xmlLen; i++) {
    const ch = xmlData[i];
    if (ch === "<") {
      const c1 = xmlData.charCodeAt(i + 1);
      if (c1 === 47) {
        const closeIndex = findClosingIndex(xmlData, ">", i, "Closing Tag is not closed.");
        let tagName = xmlData.substring(i + 2, closeIndex).trim();
        if (options.removeNSPrefix) {
          const colonIndex = tagName.indexOf(":");
          if (colonIndex !== -1) {
            tagName = tagName.substr(colonIndex + 1);
          }
        }
        tagName = transformTagName(options.transformTagName, tagName, "", options).tagName;
        if (currentNode) {
          textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher);
        }
        const lastTagName = this.matcher.getCurrentTag();
        if (tagName && options.unpairedTagsSet.has(tagName)) {
          throw new Error(`Unpaired tag can not be used as closing tag: </${tagName}>`);
        }
        if (lastTagName && options.unpairedTagsSet.has(lastTagName)) {
          this.matcher.pop();
          this.tagsNodeStack.pop();
        }
        this.matcher.pop();
        this.isCurrentNodeStopNode = false;
        currentNode = this.tagsNodeStack.pop() || xmlObj;
        if (options.captureMetaData && currentNode) {
          currentNode.addEndIndex(getOriginalIndex(closeIndex + 1, crlfPositions));
        }
        textData = "";
        i = closeIndex;
      } else if (c1 === 63) {
        let tagData = readTagExp(xmlData, i, false, "?>");
        if (!tagData) throw new Error("Pi Tag is not closed.");
        textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher);
        const attsMap = this.buildAttributesMap(tagData.tagExp, this.matcher, tagData.tagName, true);
        if (attsMap) {
          const ver = attsMap[this.options.attributeNamePrefix + "version"];
          this.entityDecoder.setXmlVersion(Number(ver) || 1);
          docTypeReader.setXmlVersion(Number(ver) || 1);
        }
        if (options.ignoreDeclaration && tagData.tagName === "?xml" || options.ignorePiTags) {
        } else {
          const childNode = new XmlNode(tagData.tagName);
          childNode.add(options.textNodeName, "");
          if (tagData.tagName !== tagData.tagExp && tagData.attrExpPresent && options.ignoreAttributes !== true) {
            childNode[":@"] = attsMap;
          }
          const startIndex = options.captureMetaData ? getOriginalIndex(i, crlfPositions) : i;
          this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);
          if (options.captureMetaData) {
            currentNode.addEndIndex(getOriginalIndex(tagData.closeIndex + 2, crlfPositions));
          }
        }
        i = tagData.closeIndex + 1;
      } else if (c1 === 33 && xmlData.charCodeAt(i + 2) === 45 && xmlData.charCodeAt(i + 3) === 45) {
        const endIndex = findClosingIndex(xmlData, "-->", i + 4, "Comment is not closed.");
        if (options.commentPropName) {
          const comment = xmlData.substring(i + 4, endIndex - 2);
          textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher);
          currentNode.add(options.commentPropName, [{ [options.textNodeName]: comment }]);
        }
        i = endIndex;
      } else if (c1 === 33 && xmlData.charCodeAt(i + 2) === 68) {
        if (this.doctypefound) throw new Error("Multiple DOCTYPE declarations found.");
        this.doctypefound = true;
        const result2 = docTypeReader.readDocType(xmlData, i);
        this.entityDecoder.addInputEntities(result2.entities);
        i = result2.i;
      } else if (c1 === 33 && xmlData.charCodeAt(i + 2) === 91) {
        const closeIndex = findClosingIndex(xmlData, "]]>", i, "CDATA is not closed.") - 2;
        const tagExp = xmlData.substring(i + 9, closeIndex);
        textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher);
        let val = this.parseTextData(tagExp, currentNode.tagname, this.readonlyMatcher, true, false, true, true);
        if (val == void 0) val = "";
        if (options.cdataPropName) {
          currentNode.add(options.cdataPropName, [{ [options.textNodeName]: tagExp }]);
        } else {
          currentNode.add(options.textNodeName, val);
        }
        i = closeIndex + 2;
      } else {
        let result2 = readTagExp(xmlData, i, options.removeNSPrefix);
        if (!result2) {
          const context = xmlData.substring(Math.max(0, i - 50), Math.min(xmlLen, i + 50));
          throw new Error(`readTagExp returned undefined at position ${i}. Context: "${context}"`);
        }
        let tagName = result2.tagName;
        const rawTagName = result2.rawTagName;
        let tagExp = result2.tagExp;
        let attrExpPresent = result2.attrExpPresent;
        let closeIndex = result2.closeIndex;
        ({ tagName, tagExp } = transformTagName(options.transformTagName, tagName, tagExp, options));
        if (options.strictReservedNames && (tagName === options.commentPropName || tagName === options.cdataPropName || tagName === options.textNodeName || tagName === options.attributesGroupName)) {
          throw new Error(`Invalid tag name: ${tagName}`);
        }
        if (currentNode && textData) {
          if (currentNode.tagname !== "!xml") {
            textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher, false);
          }
        }
        const lastTag = currentNode;
        if (lastTag && options.unpairedTagsSet.has(lastTag.tagname)) {
          currentNode = this.tagsNodeStack.pop();
          this.matcher.pop();
        }
        let isSelfClosing = false;
        if (tagExp.length > 0 && tagExp.lastIndexOf("/") === tagExp.length - 1) {
          isSelfClosing = true;
          if (tagName[tagName.length - 1] === "/") {
            tagName = tagName.substr(0, tagName.length - 1);
            tagExp = tagName;
          } else {
            tagExp = tagExp.substr(0, tagExp.length - 1);
          }
          attrExpPresent = tagName !== tagExp;
        }
        let prefixedAttrs = null;
        let rawAttrs = {};
        let namespace = void 0;
        namespace = extractNamespace(rawTagName);
        if (tagName !== xmlObj.tagname) {
          this.matcher.push(tagName, {}, namespace);
        }
        if (tagName !== tagExp && attrExpPresent) {
          prefixedAttrs = this.buildAttributesMap(tagExp, this.matcher, tagName);
          if (prefixedAttrs) {
            rawAttrs = extractRawAttributes(prefixedAttrs, options);
          }
        }
        if (tagName !== xmlObj.tagname) {
          this.isCurrentNodeStopNode = this.isItStopNode();
        }
        const startIndex = options.captureMetaData ? getOriginalIndex(i, crlfPositions) : i;
        if (this.isCurrentNodeStopNode) {
          let tagContent = "";
          if (isSelfClosing) {
            i = result2.closeIndex;
          } else if (options.unpairedTagsSet.has(tagName)) {
            i = result2.closeIndex;
          } else {
            const result3 = this.readStopNodeData(xmlData, rawTagName, closeIndex + 1);
            if (!result3) throw new Error(`Unexpected end of ${rawTagName}`);
            i = result3.i;
            tagContent = result3.tagContent;
          }
          const childNode = new XmlNode(tagName);
          if (prefixedAttrs) {
            childNode[":@"] = prefixedAttrs;
          }
          childNode.add(options.textNodeName, tagContent);
          this.matcher.pop();
          this.isCurrentNodeStopNode = false;
          this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);
          if (options.captureMetaData) {
            currentNode.addEndIndex(getOriginalIndex(i + 1, crlfPositions));
          }
        } else {
          if (isSelfClosing) {
            ({ tagName, tagExp } = transformTagName(options.transformTagName, tagName, tagExp, options));
            const childNode = new XmlNode(tagName);
            if (prefixedAttrs) {
              childNode[":@"] = prefixedAttrs;
            }
            this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);
            if (options.captureMetaData) {
              currentNode.addEndIndex(getOriginalIndex(closeIndex + 1, crlfPositions));
            }
            this.matcher.pop();
            this.isCurrentNodeStopNode = false;
          } else if (options.unpairedTagsSet.has(tagName)) {
            const childNode = new XmlNode(tagName);
            if (prefixedAttrs) {
              childNode[":@"] = prefixedAttrs;
            }
            this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);
            if (options.captureMetaData) {
              currentNode.addEndIndex(getOriginalIndex(result2.closeIndex + 1, crlfPositions));
            }
            this.matcher.pop();
            this.isCurrentNodeStopNode = false;
            i = result2.closeIndex;
            continue;
          } else {
            const childNode = new XmlNode(tagName);
            if (this.tagsNodeStack.length > options.maxNestedTags) {
              throw new Error("Maximum nested tags exceeded");
            }
            this.tagsNodeStack.push(currentNode);
            if (prefixedAttrs) {
              childNode[":@"] = prefixedAttrs;
            }
            this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);
            currentNode = childNode;
          }
          textData = "";
          i = closeIndex;
        }
      }
    } else {
      textData += xmlData[i];
    }
  }
  return xmlObj.child;
};
function getOriginalIndex(index, crlfPositions) {
  let low = 0;
  let high = crlfPositions.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (crlfPositions[middle] < index) low = middle + 1;
    else high = middle;
  }
  return index + low;
}
function addChild(currentNode, childNode, matcher, startIndex) {
  if (!this.options.captureMetaData) startIndex = void 0;
  const jPathOrMatcher = this.options.jPath ? matcher.toString() : matcher;
  const result2 = this.options.updateTag(childNode.tagname, jPathOrMatcher, childNode[":@"]);
  if (result2 === false) {
  } else if (typeof result2 === "string") {
    childNode.tagname = result2;
    currentNode.addChild(childNode, startIndex);
  } else {
    currentNode.addChild(childNode, startIndex);
  }
}
function replaceEntitiesValue(val, tagName, jPath) {
  const entityConfig = this.options.processEntities;
  if (!entityConfig || !entityConfig.enabled) {
    return val;
  }
  if (entityConfig.allowedTags) {
    const jPathOrMatcher = this.options.jPath ? jPath.toString() : jPath;
    const allowed = Array.isArray(entityConfig.allowedTags) ? entityConfig.allowedTags.includes(tagName) : entityConfig.allowedTags(tagName, jPathOrMatcher);
    if (!allowed) {
      return val;
    }
  }
  if (entityConfig.tagFilter) {
    const jPathOrMatcher = this.options.jPath ? jPath.toString() : jPath;
    if (!entityConfig.tagFilter(tagName, jPathOrMatcher)) {
      return val;
    }
  }
  return this.entityDecoder.decode(val);
}
function saveTextToParentTag(textData, parentNode, matcher, isLeafNode) {
  if (textData) {
    if (isLeafNode === void 0) isLeafNode = parentNode.child.length === 0;
    textData = this.parseTextData(
      textData,
      parentNode.tagname,
      matcher,
      false,
      parentNode[":@"] ? Object.keys(parentNode[":@"]).length !== 0 : false,
      isLeafNode
    );
    if (textData !== void 0 && textData !== "")
      parentNode.add(this.options.textNodeName, textData);
    textData = "";
  }
  return textData;
}
function isItStopNode() {
  if (this.stopNodeExpressionsSet.size === 0) return false;
  return this.matcher.matchesAny(this.stopNodeExpressionsSet);
}
function tagExpWithClosingIndex(xmlData, i, closingChar = ">") {
  const len = xmlData.length;
  const closeCode0 = closingChar.charCodeAt(0);
  const closeCode1 = closingChar.length > 1 ? closingChar.charCodeAt(1) : -1;
  let result2 = "";
  let segmentStart = i;
  for (let index = i; index < len; index++) {
    const code = xmlData.charCodeAt(index);
    if (code === 34 || code === 39) {
      index = xmlData.indexOf(xmlData[index], index + 1);
      if (index === -1) return;
    } else if (code === closeCode0) {
      if (closeCode1 !== -1) {
        if (xmlData.charCodeAt(index + 1) === closeCode1) {
          result2 += xmlData.substring(segmentStart, index);
          return { data: result2, index };
        }
      } else {
        result2 += xmlData.substring(segmentStart, index);
        return { data: result2, index };
      }
    } else if (code === 9) {
      result2 += xmlData.substring(segmentStart, index) + " ";
      segmentStart = index + 1;
    }
  }
}
function findClosingIndex(xmlData, str, i, errMsg) {
  const closingIndex = xmlData.indexOf(str, i);
  if (closingIndex === -1) {
    throw new Error(errMsg);
  } else {
    return closingIndex + str.length - 1;
  }
}
function findClosingChar(xmlData, char, i, errMsg) {
  const closingIndex = xmlData.indexOf(char, i);
  if (closingIndex === -1) throw new Error(errMsg);
  return closingIndex;
}
function readTagExp(xmlData, i, removeNSPrefix, closingChar = ">") {
  const result2 = tagExpWithClosingIndex(xmlData, i + 1, closingChar);
  if (!result2) return;
  let tagExp = result2.data;
  const closeIndex = result2.index;
  const separatorIndex = tagExp.search(/\s/);
  let tagName = tagExp;
  let attrExpPresent = true;
  if (separatorIndex !== -1) {
    tagName = tagExp.substring(0, separatorIndex);
    tagExp = tagExp.substring(separatorIndex + 1).trimStart();
  }
  const rawTagName = tagName;
  if (removeNSPrefix) {
    const colonIndex = tagName.indexOf(":");
    if (colonIndex !== -1) {
      tagName = tagName.substr(colonIndex + 1);
      attrExpPresent = tagName !== result2.data.substr(colonIndex + 1);
    }
  }
  return {
    tagName,
    tagExp,
    closeIndex,
    attrExpPresent,
    rawTagName
  };
}
function readStopNodeData(xmlData, tagName, i) {
  const startIndex = i;
  let openTagCount = 1;
  let lenient = false;
  let nextGt = -1;
  const xmllen = xmlData.length;
  for (; i < xmllen; i++) {
    if (xmlData[i] === "<") {
      const c1 = xmlData.charCodeAt(i + 1);
      if (c1 === 47) {
        const closeIndex = findClosingChar(xmlData, ">", i, `${tagName} is not closed`);
        let closeTagName = xmlData.substring(i + 2, closeIndex).trim();
        if (closeTagName === tagName) {
          openTagCount--;
          if (openTagCount === 0) {
            return {
              tagContent: xmlData.substring(startIndex, i),
              i: closeIndex
            };
          }
        }
        i = closeIndex;
      } else if (c1 === 63) {
        const closeIndex = findClosingIndex(xmlData, "?>", i + 1, "StopNode is not closed.");
        i = closeIndex;
      } else if (c1 === 33 && xmlData.charCodeAt(i + 2) === 45 && xmlData.charCodeAt(i + 3) === 45) {
        const closeIndex = findClosingIndex(xmlData, "-->", i + 3, "StopNode is not closed.");
        i = closeIndex;
      } else if (c1 === 33 && xmlData.charCodeAt(i + 2) === 91) {
        const closeIndex = findClosingIndex(xmlData, "]]>", i, "StopNode is not closed.") - 2;
        i = closeIndex;
      } else {
        const tagData = lenient ? void 0 : readTagExp(xmlData, i, false);
        if (tagData) {
          const openTagName = tagData.tagName;
          if (openTagName === tagName && tagData.tagExp[tagData.tagExp.length - 1] !== "/") {
            openTagCount++;
          }
          i = tagData.closeIndex;
        } else {
          lenient = true;
          if (nextGt < i) {
            nextGt = xmlData.indexOf(">", i);
            if (nextGt === -1) return;
          }
          const nextLt = xmlData.indexOf("<", i + 1);
          if (nextLt === -1 || nextLt > nextGt) {
            const exp = xmlData.substring(i + 1, nextGt);
            const sep2 = exp.search(/\s/);
            const name = sep2 === -1 ? exp : exp.substring(0, sep2);
            if (name === tagName && exp[exp.length - 1] !== "/") openTagCount++;
            i = nextGt;
          }
        }
      }
    }
  }
}
function parseValue(val, shouldParse, options) {
  if (shouldParse && typeof val === "string") {
    const newval = val.trim();
    if (newval === "true") return true;
    else if (newval === "false") return false;
    else return toNumber(val, options);
  } else {
    if (isExist(val)) {
      return val;
    } else {
      return "";
    }
  }
}
function transformTagName(fn, tagName, tagExp, options) {
  if (fn) {
    const newTagName = fn(tagName);
    if (tagExp === tagName) {
      tagExp = newTagName;
    }
    tagName = newTagName;
  }
  tagName = sanitizeName(tagName, options);
  return { tagName, tagExp };
}
function sanitizeName(name, options) {
  if (criticalProperties.includes(name)) {
    throw new Error(`[SECURITY] Invalid name: "${name}" is a reserved JavaScript keyword that could cause prototype pollution`);
  } else if (DANGEROUS_PROPERTY_NAMES.includes(name)) {
    return options.onDangerousProperty(name);
  }
  return name;
}

// node_modules/fast-xml-parser/src/xmlparser/node2json.js
var METADATA_SYMBOL2 = XmlNode.getMetaDataSymbol();
function stripAttributePrefix(attrs, prefix) {
  if (!attrs || typeof attrs !== "object") return {};
  if (!prefix) return attrs;
  const rawAttrs = {};
  for (const key in attrs) {
    if (key.startsWith(prefix)) {
      const rawName = key.substring(prefix.length);
      rawAttrs[rawName] = attrs[key];
    } else {
      rawAttrs[key] = attrs[key];
    }
  }
  return rawAttrs;
}
function prettify(node, options, matcher, readonlyMatcher) {
  return compress(node, options, matcher, readonlyMatcher);
}
function compress(arr, options, matcher, readonlyMatcher) {
  let text2;
  const compressedObj = {};
  for (let i = 0; i < arr.length; i++) {
    const tagObj = arr[i];
    const property = propName(tagObj);
    if (property !== void 0 && property !== options.textNodeName) {
      const rawAttrs = stripAttributePrefix(
        tagObj[":@"] || {},
        options.attributeNamePrefix
      );
      matcher.push(property, rawAttrs);
    }
    if (property === options.textNodeName) {
      if (text2 === void 0) text2 = tagObj[property];
      else text2 += "" + tagObj[property];
    } else if (property === void 0) {
      continue;
    } else if (tagObj[property]) {
      let val = compress(tagObj[property], options, matcher, readonlyMatcher);
      const isLeaf = isLeafTag(val, options);
      if (Object.keys(val).length === 0 && options.alwaysCreateTextNode) {
        val[options.textNodeName] = "";
      }
      if (tagObj[":@"]) {
        assignAttributes(val, tagObj[":@"], readonlyMatcher, options);
      } else if (Object.keys(val).length === 1 && val[options.textNodeName] !== void 0 && !options.alwaysCreateTextNode) {
        val = val[options.textNodeName];
      } else if (Object.keys(val).length === 0) {
        if (options.alwaysCreateTextNode) val[options.textNodeName] = "";
        else val = "";
      }
      if (tagObj[METADATA_SYMBOL2] !== void 0 && typeof val === "object" && val !== null) {
        val[METADATA_SYMBOL2] = tagObj[METADATA_SYMBOL2];
      }
      if (compressedObj[property] !== void 0 && Object.prototype.hasOwnProperty.call(compressedObj, property)) {
        if (!Array.isArray(compressedObj[property])) {
          compressedObj[property] = [compressedObj[property]];
        }
        compressedObj[property].push(val);
      } else {
        const jPathOrMatcher = options.jPath ? readonlyMatcher.toString() : readonlyMatcher;
        if (options.isArray(property, jPathOrMatcher, isLeaf)) {
          compressedObj[property] = [val];
        } else {
          compressedObj[property] = val;
        }
      }
      if (property !== void 0 && property !== options.textNodeName) {
        matcher.pop();
      }
    }
  }
  if (typeof text2 === "string") {
    if (text2.length > 0) compressedObj[options.textNodeName] = text2;
  } else if (text2 !== void 0) compressedObj[options.textNodeName] = text2;
  return compressedObj;
}
function propName(obj) {
  const keys = Object.keys(obj);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key !== ":@") return key;
  }
}
function assignAttributes(obj, attrMap, readonlyMatcher, options) {
  if (attrMap) {
    const keys = Object.keys(attrMap);
    const len = keys.length;
    for (let i = 0; i < len; i++) {
      const atrrName = keys[i];
      const rawAttrName = atrrName.startsWith(options.attributeNamePrefix) ? atrrName.substring(options.attributeNamePrefix.length) : atrrName;
      const jPathOrMatcher = options.jPath ? readonlyMatcher.toString() + "." + rawAttrName : readonlyMatcher;
      if (options.isArray(atrrName, jPathOrMatcher, true, true)) {
        obj[atrrName] = [attrMap[atrrName]];
      } else {
        obj[atrrName] = attrMap[atrrName];
      }
    }
  }
}
function isLeafTag(obj, options) {
  const { textNodeName } = options;
  const propCount = Object.keys(obj).length;
  if (propCount === 0) {
    return true;
  }
  if (propCount === 1 && (obj[textNodeName] || typeof obj[textNodeName] === "boolean" || obj[textNodeName] === 0)) {
    return true;
  }
  return false;
}

// node_modules/fast-xml-parser/src/xmlparser/XMLParser.js
var XMLParser = class {
  constructor(options) {
    this.externalEntities = {};
    this.options = buildOptions(options);
  }
  /**
   * Parse XML dats to JS object 
   * @param {string|Uint8Array} xmlData 
   * @param {boolean|Object} validationOption 
   */
  parse(xmlData, validationOption) {
    if (typeof xmlData !== "string" && xmlData.toString) {
      if (xmlData instanceof Uint8Array && !(typeof Buffer !== "undefined" && Buffer.isBuffer(xmlData))) {
        xmlData = new TextDecoder("utf-8", { ignoreBOM: true }).decode(xmlData);
      } else {
        xmlData = xmlData.toString();
      }
    } else if (typeof xmlData !== "string") {
      throw new Error("XML data is accepted in String or Bytes[] form.");
    }
    if (validationOption) {
      if (validationOption === true) validationOption = {};
      const result2 = validate(xmlData, validationOption);
      if (result2 !== true) {
        throw Error(`${result2.err.msg}:${result2.err.line}:${result2.err.col}`);
      }
    }
    const orderedObjParser = new OrderedObjParser(this.options, this.externalEntities);
    const orderedResult = orderedObjParser.parseXml(xmlData);
    if (this.options.preserveOrder || orderedResult === void 0) return orderedResult;
    else return prettify(orderedResult, this.options, orderedObjParser.matcher, orderedObjParser.readonlyMatcher);
  }
  /**
   * Add Entity which is not by default supported by this library
   * @param {string} key 
   * @param {string} value 
   */
  addEntity(key, value) {
    if (value.indexOf("&") !== -1) {
      throw new Error("Entity value can't have '&'");
    } else if (key.indexOf("&") !== -1 || key.indexOf(";") !== -1) {
      throw new Error("An entity must be set without '&' and ';'. Eg. use '#xD' for '&#xD;'");
    } else if (value === "&") {
      throw new Error("An entity with value '&' is not permitted");
    } else {
      this.externalEntities[key] = value;
    }
  }
  /**
   * Returns a Symbol that can be used to access the metadata
   * property on a node.
   * 
   * If Symbol is not available in the environment, an ordinary property is used
   * and the name of the property is here returned.
   * 
   * The XMLMetaData property is only present when `captureMetaData`
   * is true in the options.
   */
  static getMetaDataSymbol() {
    return XmlNode.getMetaDataSymbol();
  }
};

// node_modules/fast-xml-parser/src/fxp.js
var XMLValidator = {
  validate
};

// src/evidence/scans/cyclonedx-xml.ts
var MAX_XML_BYTES = 256 * 1024 * 1024;
var NAMESPACE = /^http:\/\/cyclonedx\.org\/schema\/bom\/(\d+\.\d+)$/;
var LISTS = /* @__PURE__ */ new Set([
  "component",
  "vulnerability",
  "rating",
  "reference",
  "target",
  "tool",
  "property",
  "author",
  "advisory",
  "cwe",
  "response"
]);
function readCycloneDxXml(text2, uri) {
  if (/<!DOCTYPE/i.test(text2)) {
    throw new ConfigurationError(
      "invalid-scan-report",
      `${uri}: XML with a DOCTYPE is refused (CycloneDX uses none)`
    );
  }
  const valid = XMLValidator.validate(text2);
  if (valid !== true) {
    throw new ConfigurationError(
      "invalid-scan-report",
      `${uri}:${valid.err.line}:${valid.err.col}: invalid XML (${valid.err.code})`
    );
  }
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    removeNSPrefix: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    isArray: (name, jpath) => {
      const path = String(jpath);
      if (name === "version") return path.endsWith(".versions.version");
      if (name === "component") return !path.endsWith("metadata.component");
      return LISTS.has(name);
    }
  }).parse(text2);
  const bom2 = parsed.bom;
  const namespace = typeof bom2?.["@xmlns"] === "string" ? NAMESPACE.exec(bom2["@xmlns"]) : null;
  if (!bom2 || !namespace) {
    throw new ConfigurationError(
      "unknown-scan-format",
      `${uri}: an XML document that is not a CycloneDX BOM (its root must be <bom> in the http://cyclonedx.org/schema/bom/1.x namespace)`
    );
  }
  const metadata = bom2.metadata;
  const tools = metadata?.tools;
  return {
    bomFormat: "CycloneDX",
    specVersion: namespace[1],
    ...typeof bom2["@serialNumber"] === "string" ? { serialNumber: bom2["@serialNumber"] } : {},
    ...metadata ? {
      metadata: {
        timestamp: text_(metadata.timestamp),
        tools: tools ? [...list(tools.tool), ...list(tools.components?.component)].map(
          (tool) => ({
            name: text_(tool.name),
            version: text_(tool.version)
          })
        ) : void 0,
        component: metadata.component ? componentOf(metadata.component) : void 0,
        authors: list(metadata.authors?.author).map((a) => ({
          name: text_(a.name)
        }))
      }
    } : {},
    components: list(bom2.components?.component).map(componentOf),
    ...bom2.vulnerabilities !== void 0 ? {
      vulnerabilities: list(bom2.vulnerabilities?.vulnerability).map(
        vulnerabilityOf
      )
    } : {}
  };
}
function componentOf(node) {
  return {
    "bom-ref": text_(node["@bom-ref"]),
    name: text_(node.name),
    version: text_(node.version),
    purl: text_(node.purl),
    properties: list(node.properties?.property).map((p) => ({
      name: text_(p["@name"]) ?? "",
      value: text_(p["#text"] ?? (typeof p === "string" ? p : void 0))
    })),
    components: list(node.components?.component).map(componentOf)
  };
}
function vulnerabilityOf(node) {
  const source = node.source;
  const analysis = node.analysis;
  return {
    "bom-ref": text_(node["@bom-ref"]),
    id: text_(node.id),
    source: source ? { name: text_(source.name), url: text_(source.url) } : void 0,
    references: list(node.references?.reference).map((r) => ({ id: text_(r.id) })),
    ratings: list(node.ratings?.rating).map((r) => ({
      source: r.source ? { name: text_(r.source.name) } : void 0,
      score: r.score === void 0 ? void 0 : Number(text_(r.score)),
      severity: text_(r.severity),
      method: text_(r.method),
      vector: text_(r.vector)
    })),
    description: text_(node.description),
    affects: list(node.affects?.target).map((t) => ({
      ref: text_(t.ref) ?? "",
      versions: list(t.versions?.version).map((v) => ({
        version: text_(v.version),
        range: text_(v.range),
        status: text_(v.status)
      }))
    })),
    analysis: analysis ? {
      state: text_(analysis.state),
      justification: text_(analysis.justification),
      detail: text_(analysis.detail)
    } : void 0,
    updated: text_(node.updated),
    published: text_(node.published)
  };
}
function list(value) {
  if (value === void 0 || value === null || value === "") return [];
  return (Array.isArray(value) ? value : [value]).map(
    (item) => typeof item === "object" && item !== null ? item : { "#text": item }
  );
}
function text_(value) {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "object" && value !== null && "#text" in value) return text_(value["#text"]);
  return void 0;
}

// src/evidence/scans/grype.ts
var TITLE3 = "Grype JSON report";
var cvss = external_exports.object({
  version: external_exports.string().optional(),
  vector: external_exports.string().optional(),
  metrics: external_exports.object({ baseScore: external_exports.number().optional() }).optional()
});
var vulnerabilityMetadata = external_exports.object({
  id: external_exports.string().min(1),
  severity: external_exports.string().optional(),
  dataSource: external_exports.string().optional(),
  urls: external_exports.array(external_exports.string()).nullish(),
  cvss: external_exports.array(cvss).nullish(),
  description: external_exports.string().optional()
});
var match = external_exports.object({
  vulnerability: vulnerabilityMetadata.extend({
    fix: external_exports.object({ versions: external_exports.array(external_exports.string()).nullish(), state: external_exports.string().optional() }).optional()
  }),
  relatedVulnerabilities: external_exports.array(vulnerabilityMetadata).nullish(),
  artifact: external_exports.object({
    name: external_exports.string(),
    version: external_exports.string().optional(),
    purl: external_exports.string().optional(),
    locations: external_exports.array(external_exports.object({ path: external_exports.string().optional() })).nullish()
  }),
  appliedIgnoreRules: external_exports.array(
    external_exports.object({
      vulnerability: external_exports.string().optional(),
      reason: external_exports.string().optional(),
      "vex-status": external_exports.string().optional(),
      "vex-justification": external_exports.string().optional()
    })
  ).nullish()
});
var report = external_exports.object({
  source: external_exports.object({
    type: external_exports.string().optional(),
    target: external_exports.union([
      external_exports.string(),
      external_exports.object({
        userInput: external_exports.string().optional(),
        imageID: external_exports.string().optional(),
        manifestDigest: external_exports.string().optional(),
        repoDigests: external_exports.array(external_exports.string()).nullish()
      })
    ])
  }).nullish(),
  descriptor: external_exports.object({
    name: external_exports.string().optional(),
    version: external_exports.string().optional(),
    timestamp: external_exports.string().optional()
  })
});
var grypeJson = {
  title: TITLE3,
  streamed: [["matches"], ["ignoredMatches"]],
  detect: (document2) => "matches" in document2 && "descriptor" in document2,
  read: readGrype
};
function readGrype(source) {
  const intern = createInterner();
  const canonicalPurl = createPurlCanonicalizer();
  const sources = [{ scanner: "grype", format: "grype-json", uri: source.uri }];
  const findings = [];
  const suppressed = [];
  const toFinding3 = (entry2) => {
    const vuln = entry2.vulnerability;
    const related = entry2.relatedVulnerabilities ?? [];
    const score = bestCvss([...vuln.cvss ?? [], ...related.flatMap((r) => r.cvss ?? [])]);
    const fixVersions = vuln.fix?.versions ?? [];
    const state = vuln.fix?.state;
    const severity = vuln.severity ?? "Unknown";
    return {
      id: vuln.id,
      aliases: unique(related.map((r) => r.id).filter((id) => id !== vuln.id)),
      packageName: intern(entry2.artifact.name),
      installedVersion: intern(entry2.artifact.version),
      fixedVersion: fixVersions.length > 0 ? intern(fixVersions.join(", ")) : void 0,
      fixState: state === "fixed" || fixVersions.length > 0 ? "fixed" : state === "not-fixed" || state === "wont-fix" ? "unfixed" : void 0,
      purl: canonicalPurl(entry2.artifact.purl),
      severity: normalizeSeverity(severity),
      sourceSeverity: intern(severity),
      cvssScore: score?.metrics?.baseScore,
      cvssVector: intern(score?.vector),
      title: findingTitle(void 0, vuln.description),
      url: vuln.dataSource || vuln.urls?.[0],
      location: intern(entry2.artifact.locations?.[0]?.path),
      sources
    };
  };
  return {
    element({ pattern, value, path, start }) {
      const entry2 = validatePart(match, value, { source, title: TITLE3, path, start });
      if (pattern === 0) {
        findings.push(toFinding3(entry2));
        return;
      }
      const rules = (entry2.appliedIgnoreRules ?? []).map(describeIgnoreRule).filter(Boolean);
      suppressed.push({
        finding: toFinding3(entry2),
        by: "report",
        reason: `ignored by Grype${rules.length > 0 ? `: ${rules.join("; ")}` : ""}`,
        origin: source.uri
      });
    },
    finish(document2) {
      const parsed = validatePart(report, document2, { source, title: TITLE3, path: [] });
      const target = parsed.source?.target;
      const image = typeof target === "object" ? target : void 0;
      const digests = unique([
        ...(image?.repoDigests ?? []).flatMap(digestsIn),
        ...isDigest(image?.manifestDigest) ? [image.manifestDigest] : [],
        ...digestsIn(image?.userInput)
      ]);
      return {
        kind: "scan",
        report: {
          format: "grype-json",
          scanner: { name: "grype", version: parsed.descriptor.version },
          artifact: {
            name: typeof target === "string" ? target : image?.userInput,
            digests,
            imageId: image?.imageID
          },
          createdAt: parsed.descriptor.timestamp || void 0,
          findings,
          ...suppressed.length > 0 ? { suppressed } : {},
          source
        }
      };
    }
  };
}
function bestCvss(entries) {
  const scored = entries.filter((entry2) => entry2.metrics?.baseScore !== void 0);
  const modern = scored.filter((entry2) => !entry2.version?.startsWith("2"));
  const pool = modern.length > 0 ? modern : scored;
  return pool.reduce(
    (best, entry2) => best && best.metrics.baseScore >= entry2.metrics.baseScore ? best : entry2,
    void 0
  );
}
function describeIgnoreRule(rule2) {
  const parts = [
    rule2["vex-status"] && `VEX ${rule2["vex-status"]}`,
    rule2["vex-justification"],
    rule2.reason
  ].filter((part) => Boolean(part));
  return parts.join(", ");
}

// src/evidence/scans/scoring/cvss.ts
var V3_WEIGHTS = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  CIA: { H: 0.56, L: 0.22, N: 0 }
};
var V2_WEIGHTS = {
  AV: { L: 0.395, A: 0.646, N: 1 },
  AC: { H: 0.35, M: 0.61, L: 0.71 },
  Au: { M: 0.45, S: 0.56, N: 0.704 },
  CIA: { N: 0, P: 0.275, C: 0.66 }
};
function cvssBaseScore(vector) {
  const text2 = vector.trim();
  if (/^CVSS:3\.[01]\//.test(text2)) return v3Score(metricsOf(text2.slice(9)));
  if (/^CVSS:/.test(text2)) return void 0;
  const metrics = metricsOf(text2.replace(/^\(|\)$/g, ""));
  return "Au" in metrics ? v2Score(metrics) : "S" in metrics ? v3Score(metrics) : void 0;
}
function metricsOf(text2) {
  const metrics = {};
  for (const part of text2.split("/")) {
    const [key, value] = part.split(":");
    if (key && value !== void 0 && !(key in metrics)) metrics[key] = value;
  }
  return metrics;
}
function pick(table, value) {
  return value !== void 0 && Object.hasOwn(table, value) ? table[value] : void 0;
}
function v3Score(m) {
  const changed = m.S === "C";
  if (m.S !== "C" && m.S !== "U") return void 0;
  const av = pick(V3_WEIGHTS.AV, m.AV);
  const ac = pick(V3_WEIGHTS.AC, m.AC);
  const ui = pick(V3_WEIGHTS.UI, m.UI);
  const pr = pick(changed ? { N: 0.85, L: 0.68, H: 0.5 } : { N: 0.85, L: 0.62, H: 0.27 }, m.PR);
  const c = pick(V3_WEIGHTS.CIA, m.C);
  const i = pick(V3_WEIGHTS.CIA, m.I);
  const a = pick(V3_WEIGHTS.CIA, m.A);
  if ([av, ac, ui, pr, c, i, a].some((w) => w === void 0)) return void 0;
  const iss = 1 - (1 - c) * (1 - i) * (1 - a);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  if (impact <= 0) return 0;
  const exploitability = 8.22 * av * ac * pr * ui;
  return roundUp(Math.min((changed ? 1.08 : 1) * (impact + exploitability), 10));
}
function roundUp(value) {
  const scaled = Math.round(value * 1e5);
  return scaled % 1e4 === 0 ? scaled / 1e5 : (Math.floor(scaled / 1e4) + 1) / 10;
}
function v2Score(m) {
  const av = pick(V2_WEIGHTS.AV, m.AV);
  const ac = pick(V2_WEIGHTS.AC, m.AC);
  const au = pick(V2_WEIGHTS.Au, m.Au);
  const c = pick(V2_WEIGHTS.CIA, m.C);
  const i = pick(V2_WEIGHTS.CIA, m.I);
  const a = pick(V2_WEIGHTS.CIA, m.A);
  if ([av, ac, au, c, i, a].some((w) => w === void 0)) return void 0;
  const impact = 10.41 * (1 - (1 - c) * (1 - i) * (1 - a));
  const exploitability = 20 * av * ac * au;
  const score = (0.6 * impact + 0.4 * exploitability - 1.5) * (impact === 0 ? 0 : 1.176);
  return Math.round(score * 10) / 10;
}

// src/evidence/scans/in-toto-vulns.ts
var IN_TOTO_VULNS_PREDICATE_PREFIX = "https://in-toto.io/attestation/vulns";
var TITLE4 = "in-toto vulns predicate";
var entry = external_exports.object({
  id: external_exports.string().min(1),
  severity: external_exports.array(external_exports.object({ method: external_exports.string().optional(), score: external_exports.string() })).nullish()
});
var predicate2 = external_exports.object({
  scanner: external_exports.object({
    uri: external_exports.string().optional(),
    version: external_exports.string().optional(),
    result: external_exports.union([external_exports.array(external_exports.unknown()), external_exports.object({ vulnerabilities: external_exports.array(external_exports.unknown()).nullish() })])
  }),
  metadata: external_exports.object({ scanStartedOn: external_exports.string().optional(), scanFinishedOn: external_exports.string().optional() }).nullish()
});
var subjects2 = external_exports.array(
  external_exports.object({
    name: external_exports.string().optional(),
    uri: external_exports.string().optional(),
    digest: external_exports.record(external_exports.string(), external_exports.string()).optional()
  })
);
var inTotoVulns = {
  title: TITLE4,
  streamed: [
    ["scanner", "result"],
    ["scanner", "result", "vulnerabilities"]
  ],
  detect: (document2) => {
    const scanner = document2.scanner;
    const result2 = scanner?.result;
    return Array.isArray(result2) || Array.isArray(result2?.vulnerabilities) && !("bomFormat" in result2);
  },
  read: readInTotoVulns
};
function readInTotoVulns(source) {
  const sources = [{ scanner: "unknown", format: "in-toto-vulns", uri: source.uri }];
  const findings = [];
  return {
    element({ value, path, start }) {
      const parsed = validatePart(entry, value, { source, title: TITLE4, path, start });
      const rated = rate(parsed.severity ?? []);
      findings.push({
        id: parsed.id,
        aliases: [],
        packageName: "",
        severity: rated.severity,
        sourceSeverity: rated.word,
        cvssScore: rated.score,
        sources
      });
    },
    finish(document2) {
      const parsed = validatePart(predicate2, document2, { source, title: TITLE4, path: [] });
      const scanner = parsePurl(parsed.scanner.uri)?.name ?? shortText(parsed.scanner.uri, 80) ?? "unknown";
      sources[0].scanner = scanner;
      const finished = parsed.metadata?.scanFinishedOn;
      return {
        kind: "scan",
        report: {
          format: "in-toto-vulns",
          scanner: { name: scanner, version: parsed.scanner.version },
          artifact: { digests: [] },
          createdAt: finished && !finished.startsWith("0001-01-01") ? finished : void 0,
          findings,
          source
        }
      };
    }
  };
}
function rate(severities) {
  const readings = [];
  for (const { method, score } of severities) {
    const word = `${method ?? "severity"} ${shortText(score, 80)}`;
    if (isSeverityWord(score)) {
      readings.push({ severity: normalizeSeverity(score), word });
      continue;
    }
    const number = parseScore(score) ?? cvssBaseScore(score);
    if (number === void 0 || number <= 0) continue;
    const severity = severityFromMethodScore(method, number) ?? (/^CVSS/i.test(score) ? severityFromScore(number) : void 0);
    if (severity)
      readings.push({ severity, word, score: /cvss/i.test(`${method} ${score}`) ? number : void 0 });
  }
  const known = readings.filter((r) => r.severity !== "unknown");
  return known.sort((a, b) => compareSeverity(a.severity, b.severity))[0] ?? {
    severity: "unknown",
    word: "unknown"
  };
}
function wrapInTotoVulnsReport(inner, statement2, source) {
  const list2 = validatePart(subjects2, statement2.subject ?? [], { source, title: TITLE4, path: ["subject"] });
  const purls = list2.map((subject) => parsePurl(subject.uri)).filter((p) => p !== void 0);
  const only = list2.length === 1 ? purls[0] : void 0;
  const findings = only ? inner.findings.map((finding) => ({
    ...finding,
    packageName: only.name,
    installedVersion: only.version ?? void 0,
    purl: list2[0].uri
  })) : inner.findings;
  return {
    ...inner,
    findings,
    artifact: {
      name: list2[0]?.name ?? list2[0]?.uri,
      digests: unique(
        list2.flatMap((subject) => subject.digest?.sha256 ? [`sha256:${subject.digest.sha256}`] : [])
      )
    },
    source
  };
}

// src/evidence/scans/openvex.ts
var TITLE5 = "OpenVEX document";
var component2 = external_exports.union([
  external_exports.string(),
  external_exports.object({
    "@id": external_exports.string().optional(),
    identifiers: external_exports.object({ purl: external_exports.string().optional() }).nullish(),
    subcomponents: external_exports.array(
      external_exports.union([
        external_exports.string(),
        external_exports.object({
          "@id": external_exports.string().optional(),
          identifiers: external_exports.object({ purl: external_exports.string().optional() }).nullish()
        })
      ])
    ).nullish()
  })
]);
var statement = external_exports.object({
  vulnerability: external_exports.union([
    external_exports.string().min(1),
    external_exports.object({
      name: external_exports.string().optional(),
      "@id": external_exports.string().optional(),
      aliases: external_exports.array(external_exports.string()).nullish()
    })
  ]),
  products: external_exports.array(component2).nullish(),
  subcomponents: external_exports.array(external_exports.string()).nullish(),
  status: external_exports.enum(["not_affected", "affected", "fixed", "under_investigation"]),
  justification: external_exports.string().optional(),
  impact_statement: external_exports.string().optional(),
  status_notes: external_exports.string().optional(),
  timestamp: external_exports.string().optional(),
  last_updated: external_exports.string().optional()
});
var document = external_exports.object({
  "@context": external_exports.string().startsWith("https://openvex.dev/ns"),
  author: external_exports.string().optional(),
  timestamp: external_exports.string().optional(),
  last_updated: external_exports.string().optional()
});
var openVex = {
  title: TITLE5,
  streamed: [["statements"]],
  detect: (doc) => typeof doc["@context"] === "string" && doc["@context"].startsWith("https://openvex.dev/ns"),
  read: readOpenVex
};
function readOpenVex(source) {
  const statements = [];
  return {
    element({ value, path, start }) {
      statements.push(validatePart(statement, value, { source, title: TITLE5, path, start }));
    },
    finish(raw) {
      const parsed = validatePart(document, raw, { source, title: TITLE5, path: [] });
      const documentTime = parsed.last_updated ?? parsed.timestamp;
      return {
        kind: "vex",
        vex: {
          format: "openvex",
          author: parsed.author,
          timestamp: documentTime,
          statements: statements.map((entry2) => toStatement2(entry2, documentTime)),
          source
        }
      };
    }
  };
}
function toStatement2(entry2, documentTime) {
  const vulnerability4 = typeof entry2.vulnerability === "string" ? { name: entry2.vulnerability, aliases: [] } : {
    name: entry2.vulnerability.name ?? entry2.vulnerability["@id"] ?? "",
    aliases: entry2.vulnerability.aliases ?? []
  };
  const statementSubcomponents = entry2.subcomponents ?? [];
  const products = (entry2.products ?? []).map(
    (product) => typeof product === "string" ? { id: product, subcomponents: statementSubcomponents } : {
      id: product.identifiers?.purl ?? product["@id"] ?? "",
      subcomponents: [
        ...statementSubcomponents,
        ...(product.subcomponents ?? []).map(
          (sub) => typeof sub === "string" ? sub : sub.identifiers?.purl ?? sub["@id"] ?? ""
        )
      ].filter(Boolean)
    }
  );
  return {
    vulnerability: vulnerability4.name,
    aliases: vulnerability4.aliases,
    products,
    status: entry2.status,
    justification: entry2.justification,
    detail: shortText(entry2.impact_statement ?? entry2.status_notes, 300),
    timestamp: entry2.last_updated ?? entry2.timestamp ?? documentTime
  };
}

// src/evidence/scans/osv-scanner.ts
var TITLE6 = "OSV-Scanner JSON report";
var record = external_exports.object({
  id: external_exports.string().min(1),
  aliases: external_exports.array(external_exports.string()).nullish(),
  summary: external_exports.string().optional(),
  details: external_exports.string().optional(),
  severity: external_exports.array(external_exports.object({ type: external_exports.string().optional(), score: external_exports.string() })).nullish(),
  affected: external_exports.array(
    external_exports.object({
      package: external_exports.object({ name: external_exports.string().optional(), ecosystem: external_exports.string().optional() }).nullish(),
      ranges: external_exports.array(external_exports.object({ events: external_exports.array(external_exports.record(external_exports.string(), external_exports.string())).nullish() })).nullish()
    })
  ).nullish(),
  references: external_exports.array(external_exports.object({ type: external_exports.string().optional(), url: external_exports.string() })).nullish(),
  database_specific: external_exports.record(external_exports.string(), external_exports.unknown()).nullish()
});
var packageEntry = external_exports.object({
  package: external_exports.object({
    name: external_exports.string().default(""),
    version: external_exports.string().optional(),
    ecosystem: external_exports.string().optional(),
    commit: external_exports.string().optional()
  }),
  vulnerabilities: external_exports.array(record).nullish(),
  groups: external_exports.array(
    external_exports.object({
      ids: external_exports.array(external_exports.string()).min(1),
      aliases: external_exports.array(external_exports.string()).nullish(),
      max_severity: external_exports.string().optional()
    })
  ).nullish()
});
var report2 = external_exports.object({
  results: external_exports.array(
    external_exports.object({ source: external_exports.object({ path: external_exports.string().optional(), type: external_exports.string().optional() }).nullish() })
  )
});
var osvScannerJson = {
  title: TITLE6,
  streamed: [["results", "*", "packages"]],
  detect: (document2) => Array.isArray(document2.results) && (document2.results.length > 0 ? document2.results.every(
    (result2) => typeof result2 === "object" && result2 !== null && "packages" in result2
  ) : "experimental_config" in document2),
  read: readOsvScanner
};
function readOsvScanner(source) {
  const intern = createInterner();
  const sources = [{ scanner: "osv-scanner", format: "osv-scanner-json", uri: source.uri }];
  const byResult = /* @__PURE__ */ new Map();
  return {
    element({ indices, value, path, start }) {
      const entry2 = validatePart(packageEntry, value, { source, title: TITLE6, path, start });
      const records = new Map((entry2.vulnerabilities ?? []).map((r) => [r.id, r]));
      const groups = entry2.groups?.length ? entry2.groups : [...records.values()].map((r) => ({ ids: [r.id], aliases: r.aliases, max_severity: void 0 }));
      const list2 = byResult.get(indices[0]) ?? [];
      for (const group of groups) {
        const members = group.ids.map((id2) => records.get(id2)).filter((r) => r !== void 0);
        const ids = unique([
          ...group.ids,
          ...group.aliases ?? [],
          ...members.flatMap((m) => m.aliases ?? [])
        ]);
        const id = ids.find((candidate) => /^CVE-/i.test(candidate)) ?? group.ids[0];
        const rated = rate2(group.max_severity, members);
        const fix = fixOf(members, entry2.package.name);
        const main = members[0];
        list2.push({
          id,
          aliases: ids.filter((other) => other !== id),
          packageName: intern(entry2.package.name),
          installedVersion: intern(entry2.package.version ?? entry2.package.commit),
          fixedVersion: intern(fix || void 0),
          fixState: fix === void 0 ? void 0 : fix === "" ? "unfixed" : "fixed",
          severity: rated.severity,
          sourceSeverity: intern(rated.word),
          cvssScore: rated.score,
          title: findingTitle(main?.summary, main?.details),
          url: (main?.references ?? []).find((r) => r.type === "ADVISORY")?.url ?? main?.references?.[0]?.url,
          sources
        });
      }
      byResult.set(indices[0], list2);
    },
    finish(document2) {
      const parsed = validatePart(report2, document2, { source, title: TITLE6, path: [] });
      const findings = [];
      for (const [index, list2] of [...byResult].sort(([a], [b]) => a - b)) {
        const target = intern(parsed.results[index]?.source?.path);
        for (const finding of list2) {
          if (target !== void 0) finding.target = target;
          findings.push(finding);
        }
      }
      const paths = parsed.results.map((result2) => result2.source?.path);
      return {
        kind: "scan",
        report: {
          format: "osv-scanner-json",
          scanner: { name: "osv-scanner" },
          artifact: { name: paths[0], digests: unique(paths.flatMap((path) => digestsIn(path))) },
          findings,
          source
        }
      };
    }
  };
}
function rate2(maxSeverity, members) {
  const score = parseScore(maxSeverity);
  if (score !== void 0 && score > 0)
    return { severity: severityFromScore(score), word: `CVSS ${score}`, score };
  const readings = [];
  for (const member of members) {
    const word = member.database_specific?.severity;
    if (typeof word === "string" && normalizeSeverity(word) !== "unknown") {
      readings.push({ severity: normalizeSeverity(word), word });
    }
    for (const entry2 of member.severity ?? []) {
      const vectorScore = cvssBaseScore(entry2.score);
      if (vectorScore !== void 0 && vectorScore > 0) {
        readings.push({
          severity: severityFromScore(vectorScore),
          word: `${entry2.type ?? "CVSS"} ${vectorScore}`,
          score: vectorScore
        });
      }
    }
  }
  return readings.sort((a, b) => compareSeverity(a.severity, b.severity))[0] ?? {
    severity: "unknown",
    word: "unknown"
  };
}
function fixOf(members, name) {
  const affected = members.flatMap((m) => m.affected ?? []).filter((a) => a.package?.name === name);
  if (affected.length === 0) return void 0;
  const fixed = affected.flatMap(
    (a) => (a.ranges ?? []).flatMap((range) => (range.events ?? []).map((event) => event.fixed).filter(Boolean))
  );
  return unique(fixed).join(", ");
}

// src/evidence/scans/sarif.ts
var TITLE7 = "SARIF log";
var text = external_exports.object({ text: external_exports.string().optional(), markdown: external_exports.string().optional() }).nullish();
var properties2 = external_exports.record(external_exports.string(), external_exports.unknown()).nullish();
var rule = external_exports.object({
  id: external_exports.string().optional(),
  shortDescription: text,
  fullDescription: text,
  help: text,
  helpUri: external_exports.string().optional(),
  defaultConfiguration: external_exports.object({ level: external_exports.string().optional() }).nullish(),
  properties: properties2
});
var location = external_exports.object({
  physicalLocation: external_exports.object({
    artifactLocation: external_exports.object({ uri: external_exports.string().optional() }).nullish(),
    region: external_exports.object({ startLine: external_exports.number().optional(), startColumn: external_exports.number().optional() }).nullish()
  }).nullish(),
  logicalLocations: external_exports.array(
    external_exports.object({
      name: external_exports.string().optional(),
      fullyQualifiedName: external_exports.string().optional(),
      kind: external_exports.string().optional()
    })
  ).nullish()
});
var result = external_exports.object({
  ruleId: external_exports.string().optional(),
  ruleIndex: external_exports.number().int().optional(),
  rule: external_exports.object({
    id: external_exports.string().optional(),
    index: external_exports.number().int().optional(),
    toolComponent: external_exports.object({ index: external_exports.number().int().optional() }).nullish()
  }).nullish(),
  kind: external_exports.string().optional(),
  level: external_exports.string().optional(),
  message: text,
  locations: external_exports.array(location).nullish(),
  properties: properties2,
  suppressions: external_exports.array(
    external_exports.object({
      kind: external_exports.string().optional(),
      status: external_exports.string().optional(),
      justification: external_exports.string().optional()
    })
  ).nullish(),
  baselineState: external_exports.string().optional()
});
var log = external_exports.object({
  version: external_exports.string().optional(),
  runs: external_exports.array(
    external_exports.object({
      tool: external_exports.object({
        driver: external_exports.object({ name: external_exports.string().nullish(), version: external_exports.string().nullish() })
      }),
      results: external_exports.array(external_exports.unknown()).nullish(),
      invocations: external_exports.array(external_exports.object({ startTimeUtc: external_exports.string().optional(), endTimeUtc: external_exports.string().optional() })).nullish(),
      properties: properties2
    })
  )
});
var VULNERABILITY_ID = /^(CVE-\d{4}-\d{4,}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})/i;
var BRACKETED_PACKAGE = /^\[([^\]\s]+)\]\s+(\S+)\s+(\S+)\s*$/;
var PACKAGE_KINDS = /* @__PURE__ */ new Set(["package", "module", "library", "component", "dependency"]);
var DISTRIBUTIONS = /* @__PURE__ */ new Set([
  "alpine",
  "almalinux",
  "amazon",
  "amzn",
  "centos",
  "chainguard",
  "debian",
  "fedora",
  "mariner",
  "azurelinux",
  "ol",
  "oracle",
  "opensuse",
  "photon",
  "redhat",
  "rhel",
  "rocky",
  "sles",
  "ubuntu",
  "wolfi"
]);
var KEY_VALUE_LINE = /^([A-Za-z][A-Za-z ]{0,30}):[ \t]?(.*)$/;
var SNYK_PACKAGE = /^\(([^)]*)\)\s+(\S+)@(\S+)$/;
var OS_PACKAGE_TAGS = /* @__PURE__ */ new Set(["deb", "apk", "rpm"]);
var sarif = {
  title: TITLE7,
  streamed: [
    ["runs", "*", "results"],
    ["runs", "*", "tool", "driver", "rules"],
    ["runs", "*", "tool", "extensions", "*", "rules"]
  ],
  detect: (document2) => Array.isArray(document2.runs) && ("version" in document2 || "$schema" in document2),
  read: readSarif
};
function readSarif(source) {
  const intern = createInterner();
  const canonicalPurl = createPurlCanonicalizer();
  const pending = [];
  const ruleTables = /* @__PURE__ */ new Map();
  const locationDigests = /* @__PURE__ */ new Map();
  const ruleFacts = (value, path, start) => {
    const parsed = validatePart(rule, value, { source, title: TITLE7, path, start });
    const props = parsed.properties ?? {};
    const help = statedPackage(parsed.help?.text);
    const tags = Array.isArray(props.tags) ? props.tags.filter((tag) => typeof tag === "string") : [];
    const snyk = SNYK_PACKAGE.exec(parsed.fullDescription?.text?.trim() ?? "");
    const snykSeverity = /^(\w+) severity - /.exec(parsed.shortDescription?.text ?? "")?.[1];
    const declared = declaredPackage(props);
    const described = bracketedPackage(parsed.shortDescription?.text);
    const purls = Array.isArray(props.purls) ? props.purls.filter((p) => typeof p === "string") : [];
    const facts = {
      id: parsed.id,
      title: findingTitle(parsed.shortDescription?.text, parsed.fullDescription?.text),
      url: parsed.helpUri,
      defaultLevel: parsed.defaultConfiguration?.level,
      securitySeverity: parseSecuritySeverity(props["security-severity"]),
      cvss: cvssFrom(props),
      severityWord: help.severity ?? tags.find(isSeverityWord) ?? snykSeverity,
      packageName: intern(
        help.packageName ?? snykPackageName(snyk, tags) ?? declared.packageName ?? described.packageName
      ),
      installedVersion: intern(
        help.installedVersion ?? snyk?.[3] ?? declared.installedVersion ?? described.installedVersion
      ),
      fixedVersion: help.fixedVersion ?? snykFix(parsed.help?.markdown) ?? declared.fixedVersion,
      aliases: snyk ? snyk[1].match(/CVE-\d{4}-\d{4,}|GHSA(?:-\w{4}){3}/g) ?? [] : [],
      purl: purls[0]
    };
    return facts;
  };
  return {
    element({ pattern, indices, value, path, start }) {
      const run = indices[0];
      if (pattern === 1 || pattern === 2) {
        const key = pattern === 1 ? `${run}` : `${run}/${indices[1]}`;
        const table = ruleTables.get(key) ?? { list: [] };
        table.list[indices[indices.length - 1]] = ruleFacts(value, path, start);
        ruleTables.set(key, table);
        return;
      }
      const parsed = validatePart(result, value, { source, title: TITLE7, path, start });
      if (parsed.kind !== void 0 && parsed.kind !== "fail" || parsed.baselineState === "absent") return;
      const first = parsed.locations?.[0];
      if (!locationDigests.has(run)) {
        locationDigests.set(
          run,
          unique([
            ...digestsIn(first?.physicalLocation?.artifactLocation?.uri),
            // Grype: `IMAGE@sha256:…@sha256:LAYER:/path`; the first digest is the image's.
            ...digestsIn(first?.logicalLocations?.[0]?.fullyQualifiedName).slice(0, 1)
          ])
        );
      }
      const props = parsed.properties ?? {};
      const purls = Array.isArray(props.purls) ? props.purls.filter((p) => typeof p === "string") : [];
      const packageLocation = first?.logicalLocations?.find((l) => PACKAGE_KINDS.has(l.kind ?? ""));
      const stated = mergeStated(statedPackage(parsed.message?.text), declaredPackage(props), {
        packageName: packageLocation?.name ?? packageLocation?.fullyQualifiedName
      });
      pending.push({
        run,
        ruleId: parsed.ruleId ?? parsed.rule?.id,
        ruleIndex: parsed.ruleIndex ?? parsed.rule?.index,
        extension: parsed.rule?.toolComponent?.index ?? void 0,
        level: parsed.level,
        securitySeverity: parseSecuritySeverity(props["security-severity"]),
        cvss: cvssFrom(props),
        stated,
        purl: purls[0],
        uri: intern(first?.physicalLocation?.artifactLocation?.uri),
        line: first?.physicalLocation?.region?.startLine,
        column: first?.physicalLocation?.region?.startColumn,
        logicalName: intern(
          first?.logicalLocations?.find((l) => !PACKAGE_KINDS.has(l.kind ?? ""))?.name ?? void 0
        ),
        suppressedBecause: suppressionOf(parsed)
      });
    },
    finish(document2) {
      const parsed = validatePart(log, document2, { source, title: TITLE7, path: [] });
      const toolName = (run) => (parsed.runs[run]?.tool.driver.name || "unknown").toLowerCase();
      const sourcesByRun = parsed.runs.map((_, run) => [
        { scanner: toolName(run), format: "sarif", uri: source.uri }
      ]);
      const findings = [];
      const suppressed = [];
      for (const entry2 of pending) {
        const rules = ruleTables.get(
          entry2.extension === void 0 ? `${entry2.run}` : `${entry2.run}/${entry2.extension}`
        );
        const facts = findRule(rules, entry2);
        const finding = toFinding2(entry2, facts, sourcesByRun[entry2.run], intern, canonicalPurl);
        if (entry2.suppressedBecause) {
          suppressed.push({ finding, by: "report", reason: entry2.suppressedBecause, origin: source.uri });
        } else {
          findings.push(finding);
        }
      }
      const names = unique(parsed.runs.map((_, run) => toolName(run)));
      const versions = unique(parsed.runs.map((run) => run.tool.driver.version).filter(Boolean));
      const digests = unique(
        parsed.runs.flatMap((run, index) => [
          ...runDigests(run.properties ?? {}),
          ...locationDigests.get(index) ?? []
        ])
      );
      const imageIds = parsed.runs.map((run) => run.properties?.imageID ?? run.properties?.imageId).filter((id) => typeof id === "string");
      const times = parsed.runs.flatMap(
        (run) => (run.invocations ?? []).map((i) => i.endTimeUtc ?? i.startTimeUtc)
      );
      return {
        kind: "scan",
        report: {
          format: "sarif",
          scanner: { name: names.join(", ") || "unknown", version: versions.join(", ") || void 0 },
          artifact: {
            name: parsed.runs.map((run) => run.properties?.imageName).find((n) => typeof n === "string"),
            digests,
            imageId: imageIds[0]
          },
          createdAt: times.find((time) => time !== void 0),
          findings,
          ...suppressed.length > 0 ? { suppressed } : {},
          source
        }
      };
    }
  };
}
function toFinding2(entry2, rule2, sources, intern, canonicalPurl) {
  const ruleId = entry2.ruleId ?? rule2?.id ?? "unnamed-rule";
  const vulnerability4 = VULNERABILITY_ID.exec(ruleId)?.[1];
  const id = vulnerability4?.toUpperCase() ?? ruleId;
  const purl = canonicalPurl(entry2.purl ?? rule2?.purl);
  const fromPurl = parsePurl(purl);
  const fromRuleId = vulnerability4 === void 0 ? {} : packageInRuleId(ruleId.slice(vulnerability4.length));
  const packageName = componentName(
    entry2.stated.packageName ?? rule2?.packageName ?? fromPurl?.name ?? fromRuleId.packageName
  );
  const installedVersion = entry2.stated.installedVersion ?? rule2?.installedVersion ?? fromPurl?.version ?? fromRuleId.installedVersion ?? void 0;
  const fixed = entry2.stated.fixedVersion ?? rule2?.fixedVersion;
  const securitySeverity = entry2.securitySeverity ?? rule2?.securitySeverity;
  const level = entry2.level ?? rule2?.defaultLevel ?? "warning";
  const severity = securitySeverity !== void 0 ? severityFromScore(securitySeverity) : severityFromLevel(level);
  const word = entry2.stated.severity ?? rule2?.severityWord ?? (securitySeverity !== void 0 ? `security-severity ${securitySeverity}` : `level ${level}`);
  const cvss2 = entry2.cvss ?? rule2?.cvss;
  const inCode = packageName === void 0;
  const place = entry2.uri ?? entry2.logicalName;
  return {
    id,
    aliases: unique((rule2?.aliases ?? []).filter((alias) => alias !== id)),
    packageName: intern(packageName ?? place ?? ""),
    installedVersion: intern(installedVersion || void 0),
    fixedVersion: intern(fixed || void 0),
    fixState: fixed === void 0 ? void 0 : fixed === "" ? "unfixed" : "fixed",
    purl,
    severity,
    sourceSeverity: intern(word),
    cvssScore: cvss2?.score,
    cvssVector: intern(cvss2?.vector),
    title: rule2?.title,
    url: rule2?.url,
    target: entry2.uri,
    location: inCode ? place && `${place}${entry2.line ? `:${entry2.line}${entry2.column ? `:${entry2.column}` : ""}` : ""}` : entry2.logicalName ?? entry2.uri,
    sources
  };
}
function findRule(rules, entry2) {
  if (!rules) return void 0;
  if (entry2.ruleIndex !== void 0) {
    const byIndex = rules.list[entry2.ruleIndex];
    if (byIndex && (entry2.ruleId === void 0 || byIndex.id === entry2.ruleId)) return byIndex;
  }
  if (entry2.ruleId === void 0) return void 0;
  rules.byId ??= new Map(rules.list.filter(Boolean).map((rule2) => [rule2.id, rule2]));
  return rules.byId.get(entry2.ruleId);
}
var STATED_KEYS = {
  Package: "packageName",
  Version: "installedVersion",
  "Installed Version": "installedVersion",
  "Fix Version": "fixedVersion",
  "Fixed Version": "fixedVersion",
  Severity: "severity"
};
function mergeStated(...sources) {
  const merged = {};
  for (const source of sources) {
    for (const key of ["packageName", "installedVersion", "fixedVersion", "severity"]) {
      if (merged[key] === void 0 && source[key] !== void 0) merged[key] = source[key];
    }
  }
  return merged;
}
function declaredPackage(props) {
  const text2 = (value) => typeof value === "string" && value.trim() !== "" ? value.trim() : void 0;
  const stated = {
    packageName: text2(props.packageName) ?? text2(props.package) ?? text2(props.pkgName),
    installedVersion: text2(props.installedVersion) ?? text2(props.packageVersion)
  };
  const paths = props.impactPaths;
  if (stated.packageName === void 0 && Array.isArray(paths) && Array.isArray(paths[0])) {
    const last = paths[0][paths[0].length - 1];
    if (typeof last === "object" && last !== null) {
      stated.packageName = text2(last.name);
      stated.installedVersion ??= text2(last.version);
    }
  }
  const fixed = props.fixedVersion ?? props.fixedVersions;
  if (typeof fixed === "string") {
    stated.fixedVersion = /^no fix/i.test(fixed.trim()) ? "" : fixed.replace(/^\[|\]$/g, "").trim();
  } else if (Array.isArray(fixed)) {
    stated.fixedVersion = fixed.filter((v) => typeof v === "string").join(", ");
  }
  return stated;
}
function bracketedPackage(body) {
  const match2 = BRACKETED_PACKAGE.exec(body?.split("\n", 1)[0] ?? "");
  if (!match2 || !VULNERABILITY_ID.test(match2[1]) || /^sha256[:_]/.test(match2[2]) || match2[3].startsWith("(")) {
    return {};
  }
  return { packageName: match2[2], installedVersion: match2[3] };
}
function packageInRuleId(rest) {
  const trimmed = rest.replace(/^[-_:/\s]+/, "");
  if (trimmed === "") return {};
  const cut = trimmed.lastIndexOf("_");
  if (rest.startsWith("_") && cut > 0) {
    return { packageName: trimmed.slice(0, cut), installedVersion: trimmed.slice(cut + 1) || void 0 };
  }
  return { packageName: trimmed };
}
function componentName(name) {
  if (name === void 0) return void 0;
  const bare = name.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  const parts = bare.split(/[:/]/);
  return parts.length === 3 && DISTRIBUTIONS.has(parts[0].toLowerCase()) ? parts[2] : bare;
}
function parseSecuritySeverity(value) {
  const score = parseScore(value);
  return score === 0 ? void 0 : score;
}
function statedPackage(body) {
  const stated = {};
  if (!body) return stated;
  for (const line of body.split("\n", 40)) {
    const match2 = KEY_VALUE_LINE.exec(line);
    const key = match2 && STATED_KEYS[match2[1]];
    if (key && stated[key] === void 0) stated[key] = match2[2].trim();
  }
  return stated;
}
function snykPackageName(match2, tags) {
  if (!match2) return void 0;
  const name = match2[2];
  return tags.some((tag) => OS_PACKAGE_TAGS.has(tag)) ? name.slice(name.lastIndexOf("/") + 1) : name;
}
function snykFix(markdown) {
  if (!markdown) return void 0;
  const remediation = markdown.slice(markdown.indexOf("## Remediation"));
  if (/There is no fixed version/.test(remediation)) return "";
  return /to version (\S+?) or higher/.exec(remediation)?.[1];
}
function cvssFrom(props) {
  const score = parseScore(props.cvssv3_baseScore ?? props.cvssV3_baseScore ?? props.cvssv3_score);
  if (score === void 0) return void 0;
  const vector = props.cvssv3_vector ?? props.cvssV3_vector;
  return { score, vector: typeof vector === "string" ? vector : void 0 };
}
function suppressionOf(parsed) {
  const accepted = (parsed.suppressions ?? []).find((s) => s.status === void 0 || s.status === "accepted");
  if (!accepted) return void 0;
  const why = accepted.justification ? `: ${shortText(accepted.justification)}` : "";
  return `suppressed in the SARIF report (${accepted.kind ?? "unspecified"})${why}`;
}
function runDigests(props) {
  const repoDigests = Array.isArray(props.repoDigests) ? props.repoDigests : [];
  return unique([
    ...repoDigests.flatMap((entry2) => typeof entry2 === "string" ? digestsIn(entry2) : []),
    ...typeof props.imageName === "string" ? digestsIn(props.imageName) : [],
    ...isDigest(props.digest) ? [props.digest] : []
  ]);
}

// src/evidence/scans/snyk.ts
var TITLE8 = "Snyk JSON report";
var vulnerability2 = external_exports.object({
  id: external_exports.string().min(1),
  type: external_exports.string().optional(),
  title: external_exports.string().optional(),
  name: external_exports.string().optional(),
  packageName: external_exports.string().optional(),
  version: external_exports.string(),
  severity: external_exports.string(),
  language: external_exports.string().optional(),
  cvssScore: external_exports.number().nullish(),
  CVSSv3: external_exports.string().nullish(),
  identifiers: external_exports.record(external_exports.string(), external_exports.array(external_exports.unknown()).nullish()).nullish(),
  fixedIn: external_exports.array(external_exports.string()).nullish(),
  nearestFixedInVersion: external_exports.string().nullish(),
  filtered: external_exports.object({
    ignored: external_exports.array(
      external_exports.object({
        reason: external_exports.string().nullish(),
        expires: external_exports.string().nullish(),
        source: external_exports.string().nullish()
      })
    ).nullish()
  }).nullish()
});
var project = external_exports.object({
  ok: external_exports.boolean().optional(),
  packageManager: external_exports.string().optional(),
  projectName: external_exports.string().optional(),
  path: external_exports.string().optional(),
  displayTargetFile: external_exports.string().nullish(),
  targetFile: external_exports.string().nullish(),
  filtered: external_exports.object({ ignore: external_exports.array(external_exports.unknown()).nullish() }).nullish(),
  applications: external_exports.array(external_exports.unknown()).nullish()
});
var IDENTIFIER_KINDS = ["CVE", "GHSA"];
function isProject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Array.isArray(value.vulnerabilities) && typeof value.packageManager === "string" && "ok" in value;
}
function isFailedProject(value) {
  return typeof value === "object" && value !== null && typeof value.error === "string" && !("vulnerabilities" in value);
}
var snykJson = {
  title: TITLE8,
  streamed: [
    ["vulnerabilities"],
    ["*", "vulnerabilities"],
    ["applications", "*", "vulnerabilities"],
    ["*", "applications", "*", "vulnerabilities"]
  ],
  detect: isProject,
  // `--all-projects` writes `{error, path}` for a project it could not test: still Snyk's output.
  detectArray: (document2) => document2.some(isProject) && document2.every((entry2) => isProject(entry2) || isFailedProject(entry2)),
  read: readSnyk
};
function readSnyk(source) {
  const intern = createInterner();
  const sources = [{ scanner: "snyk", format: "snyk-json", uri: source.uri }];
  const byProject = /* @__PURE__ */ new Map();
  const toFinding3 = (vuln) => {
    const ids = Object.entries(vuln.identifiers ?? {}).filter(([kind]) => IDENTIFIER_KINDS.includes(kind)).flatMap(([, values]) => (values ?? []).filter((id) => typeof id === "string"));
    const fixedIn = vuln.fixedIn ?? void 0;
    const fixed = fixedIn?.length ? fixedIn.join(", ") : vuln.nearestFixedInVersion ?? void 0;
    return {
      id: vuln.id,
      aliases: unique(ids.filter((id) => id !== vuln.id)),
      packageName: intern(packageOf(vuln)),
      installedVersion: intern(vuln.version),
      fixedVersion: intern(fixed || void 0),
      fixState: fixed ? "fixed" : fixedIn !== void 0 ? "unfixed" : void 0,
      severity: normalizeSeverity(vuln.severity),
      sourceSeverity: intern(vuln.severity),
      cvssScore: vuln.cvssScore ?? void 0,
      cvssVector: intern(vuln.CVSSv3 ?? void 0),
      title: shortText(vuln.title),
      sources
    };
  };
  return {
    element({ pattern, indices, value, path, start }) {
      const vuln = validatePart(vulnerability2, value, { source, title: TITLE8, path, start });
      if (vuln.type === "license") return;
      const key = [0, 2].includes(pattern) ? ["", ...indices.slice(0, -1)] : indices.slice(0, -1);
      const projectKey = key.join("/");
      const finding = toFinding3(vuln);
      const list2 = byProject.get(projectKey) ?? /* @__PURE__ */ new Map();
      list2.set(`${finding.id}\0${finding.packageName}\0${finding.installedVersion}`, finding);
      byProject.set(projectKey, list2);
    },
    finish(document2) {
      const list2 = Array.isArray(document2) ? document2 : [document2];
      const failed = list2.findIndex(isFailedProject);
      if (failed !== -1) {
        throw new ConfigurationError(
          "incomplete-scan-report",
          `${source.uri}: Snyk could not test project ${failed} of ${list2.length} (its "error" says why); fix it or leave it out of --all-projects, then pass the new report`
        );
      }
      const projects = list2.map(
        (entry2, index) => validatePart(project, entry2, {
          source,
          title: TITLE8,
          path: Array.isArray(document2) ? [index] : []
        })
      );
      const findings = [];
      const suppressed = [];
      const targetOf = (p) => p.displayTargetFile ?? p.targetFile ?? p.projectName ?? p.path;
      const collect = (p, key) => {
        const target = intern(targetOf(p) ?? void 0);
        for (const finding of byProject.get(key)?.values() ?? []) {
          if (target !== void 0) finding.target = target;
          findings.push(finding);
        }
        for (const ignored of p.filtered?.ignore ?? []) {
          const parsed = vulnerability2.safeParse(ignored);
          if (!parsed.success || parsed.data.type === "license") continue;
          const finding = { ...toFinding3(parsed.data), ...target !== void 0 ? { target } : {} };
          suppressed.push({ finding, by: "report", reason: describeIgnore(parsed.data), origin: source.uri });
        }
      };
      projects.forEach((p, index) => {
        const key = Array.isArray(document2) ? `${index}` : "";
        collect(p, key);
        (p.applications ?? []).forEach((application, app) => {
          const parsed = validatePart(project, application, {
            source,
            title: TITLE8,
            path: Array.isArray(document2) ? [index, "applications", app] : ["applications", app]
          });
          collect(parsed, `${key}/${app}`);
        });
      });
      const names = projects.flatMap((p) => [p.path, p.projectName]);
      return {
        kind: "scan",
        report: {
          format: "snyk-json",
          scanner: { name: "snyk" },
          artifact: {
            name: projects[0]?.path ?? projects[0]?.projectName,
            digests: unique(names.flatMap((name) => digestsIn(name)))
          },
          findings,
          ...suppressed.length > 0 ? { suppressed } : {},
          source
        }
      };
    }
  };
}
function packageOf(vuln) {
  const name = vuln.name ?? vuln.packageName ?? "";
  return vuln.language === "linux" && name.includes("/") ? name.slice(name.lastIndexOf("/") + 1) : name;
}
function describeIgnore(vuln) {
  const rule2 = vuln.filtered?.ignored?.[0];
  const reason = shortText(rule2?.reason ?? void 0, 160);
  const until = rule2?.expires ? ` until ${rule2.expires}` : "";
  return `ignored by the Snyk policy${rule2?.source ? ` (${rule2.source})` : ""}${until}${reason ? `: ${reason}` : ""}`;
}

// src/evidence/scans/trivy.ts
var TITLE9 = "Trivy JSON report";
var cvssEntry = external_exports.object({
  V3Score: external_exports.number().optional(),
  V3Vector: external_exports.string().optional(),
  V40Score: external_exports.number().optional(),
  V40Vector: external_exports.string().optional()
});
var vulnerability3 = external_exports.object({
  VulnerabilityID: external_exports.string().min(1),
  PkgName: external_exports.string().default(""),
  PkgPath: external_exports.string().optional(),
  PkgIdentifier: external_exports.object({ PURL: external_exports.string().optional() }).nullish(),
  InstalledVersion: external_exports.string().optional(),
  FixedVersion: external_exports.string().optional(),
  Status: external_exports.string().optional(),
  Severity: external_exports.string().default("UNKNOWN"),
  SeveritySource: external_exports.string().optional(),
  Title: external_exports.string().optional(),
  Description: external_exports.string().optional(),
  PrimaryURL: external_exports.string().optional(),
  CVSS: external_exports.record(external_exports.string(), cvssEntry).nullish()
});
var report3 = external_exports.object({
  SchemaVersion: external_exports.literal(2, { error: "expected 2 (Trivy 0.20 and later)" }),
  CreatedAt: external_exports.string().optional(),
  ArtifactName: external_exports.string().optional(),
  Trivy: external_exports.object({ Version: external_exports.string().optional() }).nullish(),
  Metadata: external_exports.object({
    ImageID: external_exports.string().optional(),
    RepoDigests: external_exports.array(external_exports.string()).nullish()
  }).nullish(),
  Results: external_exports.array(external_exports.object({ Target: external_exports.string().optional(), Vulnerabilities: external_exports.array(external_exports.unknown()).nullish() })).nullish()
});
var modifiedFinding = external_exports.object({
  Type: external_exports.string().optional(),
  Status: external_exports.string().optional(),
  Statement: external_exports.string().optional(),
  Source: external_exports.string().optional(),
  Finding: external_exports.unknown()
});
var legacyReport = report3.omit({ SchemaVersion: true });
var UNFIXED_STATUSES = /* @__PURE__ */ new Set(["affected", "will_not_fix", "fix_deferred", "end_of_life"]);
var trivyJson = {
  title: TITLE9,
  streamed: [
    ["Results", "*", "Vulnerabilities"],
    ["Results", "*", "ExperimentalModifiedFindings"]
  ],
  detect: (document2) => "SchemaVersion" in document2 && ("Results" in document2 || "ArtifactName" in document2),
  read: (source) => readTrivy(source, false)
};
var trivyLegacyJson = {
  title: "Trivy JSON report (before 0.20)",
  streamed: [["*", "Vulnerabilities"]],
  detect: () => false,
  detectArray: (document2) => document2.length > 0 && document2.every(
    (result2) => typeof result2 === "object" && result2 !== null && typeof result2.Target === "string" && !("vulnerabilities" in result2)
  ),
  read: (source) => readTrivy(source, true)
};
function readTrivy(source, legacy) {
  const intern = createInterner();
  const canonicalPurl = createPurlCanonicalizer();
  const findingSource = { scanner: "trivy", format: "trivy-json", uri: source.uri };
  const sources = [findingSource];
  const byResult = /* @__PURE__ */ new Map();
  const suppressedByResult = /* @__PURE__ */ new Map();
  const toFinding3 = (value, path, start) => {
    const vuln = isWellFormedVulnerability(value) ? value : validatePart(vulnerability3, value, { source, title: TITLE9, path, start });
    const cvss2 = pickCvss(vuln.CVSS, vuln.SeveritySource);
    const severity = vuln.Severity ?? "UNKNOWN";
    const fixed = vuln.FixedVersion || void 0;
    const finding = {
      id: vuln.VulnerabilityID,
      aliases: [],
      packageName: intern(vuln.PkgName ?? ""),
      installedVersion: intern(vuln.InstalledVersion),
      fixedVersion: intern(fixed),
      fixState: fixed ? "fixed" : vuln.Status === void 0 || UNFIXED_STATUSES.has(vuln.Status) ? "unfixed" : void 0,
      purl: canonicalPurl(vuln.PkgIdentifier?.PURL),
      severity: normalizeSeverity(severity),
      sourceSeverity: intern(severity),
      cvssScore: cvss2 === void 0 ? void 0 : cvss2.V3Score ?? cvss2.V40Score,
      cvssVector: intern(
        cvss2 === void 0 ? void 0 : cvss2.V3Score !== void 0 ? cvss2.V3Vector : cvss2.V40Vector
      ),
      title: findingTitle(vuln.Title, vuln.Description),
      url: vuln.PrimaryURL,
      location: intern(vuln.PkgPath),
      sources
    };
    return finding;
  };
  return {
    element({ pattern, indices, value, path, start }) {
      const resultIndex = indices[0];
      if (pattern === 1) {
        const modified = validatePart(modifiedFinding, value, { source, title: TITLE9, path, start });
        if (modified.Type !== void 0 && modified.Type !== "vulnerability") return;
        const entry2 = {
          finding: toFinding3(modified.Finding, [...path, "Finding"], start),
          by: "report",
          reason: describeModification(modified),
          origin: modified.Source ? `${source.uri} (${shortText(modified.Source, 120)})` : source.uri
        };
        const list3 = suppressedByResult.get(resultIndex);
        if (list3) list3.push(entry2);
        else suppressedByResult.set(resultIndex, [entry2]);
        return;
      }
      const finding = toFinding3(value, path, start);
      const list2 = byResult.get(resultIndex);
      if (list2) list2.push(finding);
      else byResult.set(resultIndex, [finding]);
    },
    finish(document2) {
      const parsed = legacy ? validatePart(
        legacyReport,
        { Results: document2 },
        { source, title: `${TITLE9} (before 0.20)`, path: [] }
      ) : validatePart(report3, document2, { source, title: TITLE9, path: [] });
      const findings = [];
      for (const [index, list2] of [...byResult].sort(([a], [b]) => a - b)) {
        const target = intern(parsed.Results?.[index]?.Target);
        for (const finding of list2) {
          if (target !== void 0) finding.target = target;
          findings.push(finding);
        }
      }
      const suppressed = [];
      for (const [index, list2] of [...suppressedByResult].sort(([a], [b]) => a - b)) {
        const target = intern(parsed.Results?.[index]?.Target);
        for (const entry2 of list2) {
          if (target !== void 0) entry2.finding.target = target;
          suppressed.push(entry2);
        }
      }
      const repoDigests = parsed.Metadata?.RepoDigests ?? [];
      return {
        kind: "scan",
        report: {
          format: "trivy-json",
          scanner: { name: "trivy", version: parsed.Trivy?.Version },
          artifact: {
            name: parsed.ArtifactName,
            digests: unique([...repoDigests.flatMap(digestsIn), ...digestsIn(parsed.ArtifactName)]),
            imageId: parsed.Metadata?.ImageID
          },
          createdAt: parsed.CreatedAt,
          findings,
          ...suppressed.length > 0 ? { suppressed } : {},
          source
        }
      };
    }
  };
}
function describeModification(modified) {
  const statement2 = shortText(modified.Statement, 160);
  const from = modified.Source ? ` by ${shortText(modified.Source, 120)}` : "";
  return `${modified.Status ?? "suppressed"}${from} (Trivy)${statement2 ? `: ${statement2}` : ""}`;
}
function pickCvss(cvss2, severitySource) {
  if (!cvss2) return void 0;
  if (severitySource !== void 0 && isScored(cvss2[severitySource])) return cvss2[severitySource];
  if (isScored(cvss2.nvd)) return cvss2.nvd;
  for (const entry2 of Object.values(cvss2)) {
    if (isScored(entry2)) return entry2;
  }
  return void 0;
}
function isScored(entry2) {
  return entry2?.V3Score !== void 0 || entry2?.V40Score !== void 0;
}
var OPTIONAL_STRINGS = [
  "PkgName",
  "PkgPath",
  "InstalledVersion",
  "FixedVersion",
  "Status",
  "Severity",
  "SeveritySource",
  "Title",
  "Description",
  "PrimaryURL"
];
var CVSS_NUMBERS = ["V3Score", "V40Score"];
var CVSS_STRINGS = ["V3Vector", "V40Vector"];
function isWellFormedVulnerability(value) {
  if (!isPlainObject(value)) return false;
  const id = value.VulnerabilityID;
  if (typeof id !== "string" || id.length === 0) return false;
  for (const key of OPTIONAL_STRINGS) {
    const field = value[key];
    if (field !== void 0 && typeof field !== "string") return false;
  }
  const identifier = value.PkgIdentifier;
  if (identifier !== void 0 && identifier !== null) {
    if (!isPlainObject(identifier)) return false;
    if (identifier.PURL !== void 0 && typeof identifier.PURL !== "string") return false;
  }
  const cvss2 = value.CVSS;
  if (cvss2 === void 0 || cvss2 === null) return true;
  if (!isPlainObject(cvss2) || Object.hasOwn(cvss2, "__proto__")) return false;
  for (const entry2 of Object.values(cvss2)) {
    if (!isPlainObject(entry2)) return false;
    for (const key of CVSS_NUMBERS) {
      if (entry2[key] !== void 0 && !Number.isFinite(entry2[key])) return false;
    }
    for (const key of CVSS_STRINGS) {
      if (entry2[key] !== void 0 && typeof entry2[key] !== "string") return false;
    }
  }
  return true;
}
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/evidence/scans/parse.ts
var FORMATS = [
  trivyJson,
  trivyLegacyJson,
  grypeJson,
  sarif,
  cyclonedx,
  snykJson,
  osvScannerJson,
  inTotoVulns,
  openVex
];
var IN_TOTO_VULNS = FORMATS.indexOf(inTotoVulns);
var ROOTS = [[], ["predicate"], ["predicate", "scanner", "result"]];
var ROOT_OF_PREDICATE = 1;
var ROOT_OF_SCANNER_RESULT = 2;
var IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
var VEX_PREDICATE_PREFIXES = [
  "https://openvex.dev/ns",
  "https://cyclonedx.org/vex",
  "https://cyclonedx.org/bom"
];
var ACCEPTED = {
  scan: "Trivy JSON (any version), Grype JSON, SARIF 2.1.0, CycloneDX JSON or XML with vulnerabilities, Snyk JSON, OSV-Scanner JSON, or an in-toto statement with a cosign vuln or in-toto vulns predicate",
  vex: "OpenVEX or CycloneDX VEX"
};
var TOO_LARGE = { scan: "scan-too-large", vex: "vex-too-large" };
var ScanDocumentReader = class _ScanDocumentReader {
  constructor(source, role) {
    this.source = source;
    this.role = role;
    this.parser = new JsonStreamParser(source.uri, this.hooks());
  }
  source;
  role;
  parser;
  routes = /* @__PURE__ */ new Map();
  readings = /* @__PURE__ */ new Map();
  /** JSON is streamed; XML (CycloneDX) is recognized by its first character and read whole. */
  encoding = "unknown";
  xmlChunks = [];
  xmlBytes = 0;
  write(chunk) {
    if (this.encoding === "unknown") this.encoding = sniffEncoding(chunk);
    if (this.encoding === "xml") {
      this.xmlBytes += chunk.length;
      if (this.xmlBytes > MAX_XML_BYTES) {
        throw new ConfigurationError(
          TOO_LARGE[this.role],
          `${this.source.uri}: an XML document past ${MAX_XML_BYTES} bytes; XML is read whole (JSON is streamed at any size): write the report as JSON`
        );
      }
      this.xmlChunks.push(Buffer.from(chunk));
      return;
    }
    this.parser.write(chunk);
  }
  end() {
    if (this.encoding === "xml") {
      const text2 = Buffer.concat(this.xmlChunks).toString("utf8");
      this.xmlChunks = [];
      return this.finishDocument(walkJsonValue(readCycloneDxXml(text2, this.source.uri), this.hooks()), false);
    }
    return this.finishDocument(this.parser.end(), true);
  }
  /** A statement already verified and parsed elsewhere (an attestation on the image). */
  readStatement(statement2) {
    const document2 = walkJsonValue(
      {
        _type: "https://in-toto.io/Statement/v1",
        subject: statement2.subjects,
        predicateType: statement2.predicateType,
        predicate: statement2.predicate
      },
      this.hooks()
    );
    return this.finishDocument(document2, false);
  }
  hooks() {
    return {
      streamArray: (path) => {
        const routes = [];
        for (let root = 0; root < ROOTS.length; root++) {
          const prefix = ROOTS[root];
          if (!prefix.every((key, i) => path[i] === key)) continue;
          const rest = path.slice(prefix.length);
          for (let format = 0; format < FORMATS.length; format++) {
            const pattern = FORMATS[format].streamed.findIndex(
              (candidate) => matchesPattern(rest, candidate)
            );
            if (pattern !== -1) routes.push({ root, format, pattern });
          }
        }
        if (routes.length === 0) return false;
        this.routes.set(path, routes);
        return true;
      },
      element: (arrayPath, index, value, start) => {
        for (const route of this.routes.get(arrayPath)) {
          const reading = this.reading(route.root, route.format);
          if ("failed" in reading) continue;
          const indices = arrayPath.slice(ROOTS[route.root].length).filter((segment) => typeof segment === "number");
          indices.push(index);
          try {
            reading.element({ pattern: route.pattern, indices, value, path: [...arrayPath, index], start });
          } catch (error) {
            if (!(error instanceof ConfigurationError)) throw error;
            this.readings.set(`${route.root}/${route.format}`, { failed: error });
          }
        }
      }
    };
  }
  reading(root, format) {
    const key = `${root}/${format}`;
    let reading = this.readings.get(key);
    if (!reading) {
      reading = FORMATS[format].read(this.source);
      this.readings.set(key, reading);
    }
    return reading;
  }
  finishDocument(document2, fromBytes) {
    const uri = this.source.uri;
    if (Array.isArray(document2)) return this.finishArray(document2);
    if (!isObject(document2)) {
      throw new ConfigurationError(
        "unknown-scan-format",
        `${uri}: expected a JSON object (${ACCEPTED[this.role]}), found ${describeJsonType(document2)}`
      );
    }
    if (fromBytes && typeof document2.payloadType === "string" && typeof document2.payload === "string") {
      return this.finishEnvelope(document2.payloadType, document2.payload);
    }
    if (typeof document2._type === "string" && document2._type.startsWith("https://in-toto.io/Statement/")) {
      return this.finishStatement(document2);
    }
    return this.finishAt(0, document2);
  }
  /** An unverified DSSE envelope in a file counts no more than the bare statement would. */
  finishEnvelope(payloadType, payload) {
    if (payloadType !== IN_TOTO_PAYLOAD_TYPE) {
      throw new ConfigurationError(
        "unknown-scan-format",
        `${this.source.uri}: a DSSE envelope of payload type ${JSON.stringify(payloadType.slice(0, 100))}, not an in-toto statement`
      );
    }
    const inner = new _ScanDocumentReader(this.source, this.role);
    inner.write(Buffer.from(payload, "base64"));
    return inner.end();
  }
  finishStatement(statement2) {
    const uri = this.source.uri;
    const predicateType = typeof statement2.predicateType === "string" ? statement2.predicateType : "";
    const predicate3 = statement2.predicate;
    if (COSIGN_VULN_PREDICATE_TYPES.includes(predicateType)) {
      checkCosignVulnPredicate(predicate3, this.source);
      const result2 = predicate3.scanner.result;
      const inner = this.finishAt(ROOT_OF_SCANNER_RESULT, result2);
      if (inner.kind !== "scan") throw this.wrongRole(inner);
      return { kind: "scan", report: wrapCosignVulnReport(inner.report, statement2, this.source) };
    }
    if (predicateType.startsWith(IN_TOTO_VULNS_PREDICATE_PREFIX) && isObject(predicate3)) {
      const inner = this.finishWith(ROOT_OF_PREDICATE, IN_TOTO_VULNS, predicate3);
      if (inner.kind !== "scan") throw this.wrongRole(inner);
      return { kind: "scan", report: wrapInTotoVulnsReport(inner.report, statement2, this.source) };
    }
    if (VEX_PREDICATE_PREFIXES.some((prefix) => predicateType.startsWith(prefix)) && isObject(predicate3)) {
      return this.finishAt(ROOT_OF_PREDICATE, predicate3);
    }
    throw new ConfigurationError(
      "unknown-scan-format",
      `${uri}: an in-toto statement of predicate type ${JSON.stringify(predicateType.slice(0, 200))}; expected ${ACCEPTED[this.role]}`
    );
  }
  /** A top-level array: Snyk's `--all-projects` output, Trivy's output before 0.20. */
  finishArray(document2) {
    const format = FORMATS.findIndex((candidate) => candidate.detectArray?.(document2) === true);
    if (format === -1) {
      throw new ConfigurationError(
        "unknown-scan-format",
        `${this.source.uri}: a JSON array of ${document2.length} ${document2.length === 1 ? "element" : "elements"} that is no format the gate reads; expected ${ACCEPTED[this.role]}`
      );
    }
    return this.finishWith(0, format, document2);
  }
  finishAt(root, document2) {
    const format = FORMATS.findIndex((candidate) => candidate.detect(document2));
    if (format === -1) {
      const known = describeUnreadDocument(document2);
      throw new ConfigurationError(
        "unknown-scan-format",
        known ? `${this.source.uri}: ${known}; the gate reads ${ACCEPTED[this.role]}` : `${this.source.uri}: unrecognized ${this.role === "scan" ? "scan report" : "VEX document"}: expected ${ACCEPTED[this.role]}`
      );
    }
    return this.finishWith(root, format, document2);
  }
  finishWith(root, format, document2) {
    const reading = this.reading(root, format);
    if ("failed" in reading) throw reading.failed;
    const parsed = reading.finish(document2, this.role);
    if (parsed.kind !== this.role) throw this.wrongRole(parsed);
    return parsed;
  }
  wrongRole(parsed) {
    return parsed.kind === "vex" ? new ConfigurationError(
      "not-a-scan-report",
      `${this.source.uri}: a VEX document, not a scan report: pass it as VEX (the "vex" input, --vex)`
    ) : new ConfigurationError(
      "not-a-vex-document",
      `${this.source.uri}: a scan report, not a VEX document: pass it as a scan result (the "scan-results" input, --scan)`
    );
  }
};
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function describeUnreadDocument(document2) {
  const documentPart = isObject(document2.document) ? document2.document : void 0;
  if (typeof document2.spdxVersion === "string" || typeof document2["@context"] === "string" && String(document2["@context"]).includes("spdx")) {
    return "an SPDX SBOM, which lists packages, not vulnerabilities: scan it (e.g. `trivy sbom`, `grype sbom:FILE`) and pass the result";
  }
  if (typeof documentPart?.category === "string" && typeof documentPart.csaf_version === "string") {
    return `a CSAF ${documentPart.category} document (CSAF ${documentPart.csaf_version}), which the gate does not read; convert it to OpenVEX (e.g. \`vexctl\`)`;
  }
  if (isObject(document2.descriptor) && document2.descriptor.name === "syft") {
    return "a Syft SBOM, which lists packages, not vulnerabilities: scan it (e.g. `grype sbom:FILE`) and pass the result";
  }
  if ("auditReportVersion" in document2) {
    return "an npm audit report, which the gate does not read; scan with a scanner whose output it reads";
  }
  if ("infrastructureAsCodeIssues" in document2) {
    return "a Snyk infrastructure-as-code report: it holds misconfigurations, not vulnerabilities";
  }
  if (isObject(document2.detector) && isObject(document2.manifests)) {
    return "a GitHub dependency snapshot, which lists packages, not vulnerabilities";
  }
  if (typeof document2.bomFormat === "string") {
    return `a document of bomFormat ${JSON.stringify(document2.bomFormat.slice(0, 40))}, not CycloneDX`;
  }
  return void 0;
}
function sniffEncoding(chunk) {
  let i = chunk[0] === 239 && chunk[1] === 187 && chunk[2] === 191 ? 3 : 0;
  while (i < chunk.length && (chunk[i] === 32 || chunk[i] === 10 || chunk[i] === 13 || chunk[i] === 9))
    i++;
  if (i === chunk.length) return "unknown";
  return chunk[i] === 60 ? "xml" : "json";
}
function describeJsonType(value) {
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return `a ${typeof value}`;
}
function parseVexDocument(text2, source) {
  const reader = new ScanDocumentReader(source, "vex");
  reader.write(typeof text2 === "string" ? Buffer.from(text2, "utf8") : text2);
  return reader.end().vex;
}
function readAttestedDocument(statement2, source) {
  const type = statement2.predicateType;
  const role = COSIGN_VULN_PREDICATE_TYPES.includes(type) || type.startsWith(IN_TOTO_VULNS_PREDICATE_PREFIX) ? "scan" : type.startsWith("https://openvex.dev/ns") || type.startsWith("https://cyclonedx.org/vex") ? "vex" : void 0;
  if (role === void 0) return void 0;
  return new ScanDocumentReader(source, role).readStatement(statement2);
}

export {
  findingKey,
  mergeFindings,
  countBySeverity,
  bySeverityThenId,
  createVexMatcher,
  vexSuppression,
  ScanDocumentReader,
  parseVexDocument,
  readAttestedDocument
};
