import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  closestMatch
} from "./chunk-BLF23LCM.js";
import {
  defaultPolicy,
  policySchema
} from "./chunk-CPWHA4RJ.js";
import {
  external_exports
} from "./chunk-WLVSEBNM.js";
import "./chunk-QTVN7HLV.js";
import "./chunk-S3VIENSH.js";
import {
  familyTitle
} from "./chunk-724VLPQF.js";
import "./chunk-2GTHPEXP.js";
import {
  ConfigurationError
} from "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";

// src/policy/rules/catalog.ts
var RULE_CATALOG = [
  {
    id: "signatures.signed",
    checks: "A verified signature or attestation covers the gated digest, made by a keyless identity in `signatures.identities` (issuer, subject and claims matched whole) or a key in `signatures.keys`, with a verified transparency-log entry unless `transparency-log: optional`. Fails (warns when not `required`) with no signature at all (and where the gate looked), a signer the policy does not allow (and the field that did not match), or an invalid signature (the check that failed).",
    reports: "when `required` is true, or when a signature was found",
    settings: [
      "signatures.required",
      "signatures.identities",
      "signatures.keys",
      "signatures.transparency-log"
    ],
    evidence: [
      "verifications: each discovered signature or attestation, verified or not, with its signer (certificate identity and GitHub claims, or key id), transparency-log entries and timestamps",
      "lookups: where discovery looked (cosign tags, referrers API and tag, GitHub attestations API)"
    ]
  },
  {
    id: "signatures.invalid",
    checks: "Warns about signatures and attestations that failed verification next to one that verified, so a stale or forged one is never dropped silently.",
    reports: "when at least one signature verified and another did not",
    settings: [],
    evidence: ["verifications: the failed check and its message for each invalid one"]
  },
  {
    id: "provenance.verified",
    checks: "Verified SLSA provenance covers the digest: an in-toto attestation of an accepted predicate type, signed by an allowed signer, whose builder, source repository, source ref and runner meet the settings (read from the signing certificate when it carries GitHub claims, else from the predicate). Fails (warns when not `required`) naming, for each provenance found, the first setting it missed.",
    reports: "when `required` is true, or when provenance was found",
    settings: [
      "provenance.required",
      "provenance.predicate-types",
      "provenance.builders",
      "provenance.source-repositories",
      "provenance.source-refs",
      "provenance.hosted-runners",
      "provenance.signers",
      "signatures.identities"
    ],
    evidence: [
      "verifications: verified in-toto statements (predicate type, subjects, predicate) and their signers",
      "generatedProvenance: the provenance this run made, when the provenance input asked for it"
    ]
  },
  {
    id: "provenance.signed-here",
    checks: "Warns when this run was asked to make provenance but could not sign it (no `id-token: write`, as on pull requests from forks), naming the permission to add.",
    reports: "when the provenance input is on and the statement was written unsigned",
    settings: [],
    evidence: ["generatedProvenance: why it is unsigned, and where the statement was written"]
  },
  {
    id: "vulnerabilities.require-scan",
    checks: "At least one scan report about the image was given (files or trusted cosign vuln attestations).",
    reports: "always",
    settings: ["vulnerabilities.require-scan", "vulnerabilities.attestation-signers"],
    evidence: ["scans: the reports read from files", "verifications: cosign vuln attestations"]
  },
  {
    id: "vulnerabilities.scan-binding",
    checks: "Every scan report is about the gated image: a report naming another digest (or, naming the index, another platform\u2019s image ID) fails and its findings are not used; a report naming no digest warns.",
    reports: "when there is a scan report",
    settings: [],
    evidence: [
      "scans[].artifact: the digests and image ID each report names",
      "image: the gated digest, its platform manifests and their config digests"
    ]
  },
  {
    id: "vulnerabilities.scan-max-age",
    checks: "Each scan report says when it was made, not longer ago than `scan-max-age` and not in the future; an older, undated or future report is not evidence.",
    reports: "when `scan-max-age` is set",
    settings: ["vulnerabilities.scan-max-age"],
    evidence: ["scans[].createdAt", "the clock (`now`)"]
  },
  {
    id: "vulnerabilities.findings",
    checks: "Never fails: the findings after merging reports (same id or alias, package and version) and taking out VEX, allow entries, `ignore-unfixed` and the reports\u2019 own suppressions, with counts by severity and every suppressed finding with why.",
    reports: "when there is a scan report",
    settings: ["vulnerabilities.allow", "vulnerabilities.ignore-unfixed", "vulnerabilities.vex"],
    evidence: [
      "scans[].findings and suppressed",
      "vex: VEX documents from the repository",
      "verifications: VEX attestations by `attestation-signers`"
    ]
  },
  {
    id: "vulnerabilities.fail-on",
    checks: "No finding of a severity in `fail-on` remains (severities judged by `max-counts` instead are left out).",
    reports: "when there is a scan report",
    settings: [
      "vulnerabilities.fail-on",
      "vulnerabilities.max-counts",
      "vulnerabilities.allow",
      "vulnerabilities.ignore-unfixed",
      "vulnerabilities.vex"
    ],
    evidence: [
      "scans[].findings (severity, package, versions, fix state)",
      "vex",
      "the clock (`now`): allow entries expire"
    ]
  },
  {
    id: "vulnerabilities.max-counts",
    checks: "For each severity listed, no more findings remain than its count.",
    reports: "when `max-counts` is set",
    settings: ["vulnerabilities.max-counts"],
    evidence: ["scans[].findings after suppression"]
  },
  {
    id: "vulnerabilities.max-cvss",
    checks: "No remaining finding has a CVSS base score above `max-cvss`; findings without a score are judged by severity only.",
    reports: "when `max-cvss` is set",
    settings: ["vulnerabilities.max-cvss"],
    evidence: ["scans[].findings[].cvssScore"]
  },
  {
    id: "vulnerabilities.vex",
    checks: "How many findings VEX statements suppressed; warns about VEX and scan attestations on the image that were not used because their signer is not in `attestation-signers`.",
    reports: "when there is a VEX document or an attestation it could not use",
    settings: ["vulnerabilities.vex", "vulnerabilities.attestation-signers"],
    evidence: [
      "vex: VEX documents from the repository",
      "verifications: VEX and vuln attestations and their signers"
    ]
  },
  {
    id: "vulnerabilities.allow-expired",
    checks: "Warns about an allow entry past its `expires` date: it no longer suppresses anything.",
    reports: "for each expired allow entry",
    settings: ["vulnerabilities.allow"],
    evidence: ["the clock (`now`)"]
  },
  {
    id: "image.non-root",
    checks: "The config\u2019s User is set and is not root (`root`, `0`, `0:0`, `root:\u2026`, empty); per platform.",
    reports: "when `non-root` is true (the default)",
    settings: ["image.non-root"],
    evidence: ["image.platforms[].config.user"]
  },
  {
    id: "image.secrets",
    checks: "No credential (secretlint\u2019s recommended rules and the gate\u2019s own: cloud, SCM, payment, AI and package-registry tokens, private keys, connection strings, values assigned to names like PASSWORD or TOKEN that look like credentials) in the config\u2019s Env, labels, annotations or build history; one finding per secret with every rule that matched, where it is and a redacted form.",
    reports: "when `secrets` is true (the default)",
    settings: ["image.secrets"],
    evidence: [
      "configSecrets: the scan of image.platforms[].config.env, labels and history and the image and platform annotations, made at collection time (snapshots keep the scan and leave the flagged values out)"
    ]
  },
  {
    id: "image.secret-files",
    checks: "No credential files (.env, id_rsa, private keys, .npmrc tokens, .git-credentials, .aws/credentials, .docker/config.json auths) in the layers; a layer over the size limits is skipped and warned about.",
    reports: "when `scan-layers` is on",
    settings: ["image.scan-layers"],
    evidence: ["layerScans: what reading each platform\u2019s layers found (redacted) and skipped"]
  },
  {
    id: "image.base-images",
    checks: "The base image (the `org.opencontainers.image.base.name` annotation, or verified SLSA provenance) matches an allowed glob; `unknown` says what happens when it cannot be told.",
    reports: "when `base-images` is set",
    settings: ["image.base-images"],
    evidence: ["image.platforms[].annotations", "verifications: verified SLSA provenance"]
  },
  {
    id: "image.max-size",
    checks: "The compressed size, summed over the layers the manifest lists, is within `max-size`; per platform.",
    reports: "when `max-size` is set",
    settings: ["image.max-size"],
    evidence: ["image.platforms[].compressedSize"]
  },
  {
    id: "image.max-layers",
    checks: "The manifest lists no more layers than `max-layers`; per platform.",
    reports: "when `max-layers` is set",
    settings: ["image.max-layers"],
    evidence: ["image.platforms[].layers"]
  },
  {
    id: "image.required-labels",
    checks: "Each label is present and its value matches its glob; `{repository}` stands for this repository\u2019s URL.",
    reports: "when `required-labels` is set",
    settings: ["image.required-labels"],
    evidence: ["image.platforms[].config.labels", "repositoryUrl"]
  },
  {
    id: "image.forbid-tags",
    checks: "The image was not named by a forbidden tag (such as latest).",
    reports: "when `forbid-tags` lists a tag",
    settings: ["image.forbid-tags"],
    evidence: ["image.reference and resolvedFromTag"]
  },
  {
    id: "image.platforms",
    checks: "A multi-platform index covers every platform listed.",
    reports: "when `platforms` is set",
    settings: ["image.platforms"],
    evidence: ["image.platforms[].platform"]
  },
  {
    id: "image.no-shell",
    checks: "No shell (`sh`, `bash`, `ash`, `dash`, `busybox`) in a `bin` or `sbin` directory of the final filesystem: the layers applied in order, whiteouts honoured. Names each one found and the layer that put it there; a layer that cannot be read fails the rule.",
    reports: "when `no-shell` is true",
    settings: ["image.no-shell"],
    evidence: ["filesystems: the final filesystem of each platform image, read from its layers"]
  },
  {
    id: "image.no-package-manager",
    checks: "No package manager (apk, apt, dpkg, rpm, dnf, yum, microdnf, pip, npm) in a `bin` or `sbin` directory of the final filesystem, whiteouts honoured; names each one found and its layer.",
    reports: "when `no-package-manager` is true",
    settings: ["image.no-package-manager"],
    evidence: ["filesystems: the final filesystem of each platform image, read from its layers"]
  },
  {
    id: "image.max-packages",
    checks: "The SBOMs the policy trusts for a platform list at most `max-packages` distinct packages; fails when no such SBOM covers it.",
    reports: "when `max-packages` is set",
    settings: ["image.max-packages", "sbom.accept-unsigned"],
    evidence: ["sboms: their packages, and which platforms each covers and why it is trusted"]
  },
  {
    id: "sbom.required",
    checks: "Every gated platform has an SBOM the gate trusts: a file the workflow passed, an SBOM attestation signed by an allowed signer, or BuildKit's SBOM attested through a signed index (or any BuildKit SBOM with `accept-unsigned`). Fails (warns when not `required`) naming the platforms without one, where the gate looked, and the SBOMs it did not use and why.",
    reports: "when `required` is true, or when an SBOM was found",
    settings: ["sbom.required", "sbom.accept-unsigned", "signatures.identities"],
    evidence: [
      "sboms: SPDX and CycloneDX documents from files, attestations and BuildKit, with their source and trust",
      "buildkitAttestations and verifications: what vouches for each"
    ]
  },
  {
    id: "sbom.licenses",
    checks: "Each package's SPDX license expression can be satisfied with the `allow` list (or without the `deny` list); packages with no license or one that is not an SPDX expression follow `unknown` (warn, fail or ignore). Names each package with its version, license and SBOM.",
    reports: "when `licenses` is set",
    settings: ["sbom.licenses", "sbom.accept-unsigned"],
    evidence: ["sboms: the packages of the trusted SBOMs and their licenses"]
  },
  {
    id: "sbom.deny-packages",
    checks: "No package of a trusted SBOM matches a denied package URL (`*` in the version matches any characters). Names each match with its version and SBOM; warns when no SBOM could be checked.",
    reports: "when `deny-packages` is not empty",
    settings: ["sbom.deny-packages", "sbom.accept-unsigned"],
    evidence: ["sboms: the package URLs (or names and versions) of the trusted SBOMs"]
  },
  {
    id: "rules.*",
    checks: "A custom rule (`rules.<id>`): its CEL expression is true for the image; false reports its `message`; an evaluation error fails it.",
    reports: "for each entry of `rules`",
    settings: ["rules"],
    evidence: [
      'the CEL view of the evidence: image, findings, counts, scans, platforms, signatures, attestations (see "The evidence an expression sees")'
    ]
  },
  {
    id: "exceptions.expired",
    checks: "Warns about an exception past its `expires` date: the failures it accepted fail again.",
    reports: "for each expired exception that applies to the image",
    settings: ["exceptions"],
    evidence: ["image.name (the `images` patterns)", "the clock (`now`)"]
  }
];
function describeRule(ruleId) {
  return RULE_CATALOG.find((entry) => entry.id === ruleId) ?? (ruleId.startsWith("rules.") ? RULE_CATALOG.find((entry) => entry.id === "rules.*") : void 0);
}

// src/policy/authoring/explain.ts
var schemaCache;
function jsonSchema() {
  schemaCache ??= external_exports.toJSONSchema(policySchema, { io: "input", unrepresentable: "any" });
  return schemaCache;
}
function describeSetting(key) {
  let node = jsonSchema();
  for (const segment of key.split(".")) {
    node = node?.properties?.[segment];
    if (!node) return void 0;
  }
  let value = defaultPolicy();
  for (const segment of key.split(".")) value = value?.[segment];
  const fallback = value === void 0 ? node.default : value;
  return {
    key,
    description: node.description,
    default: fallback === void 0 ? "not set" : formatValue(fallback),
    takes: describeType(node)
  };
}
function ruleSettings(rule) {
  const family = rule.id.split(".")[0];
  const keys = [...describeSetting(`${family}.mode`) ? [`${family}.mode`] : [], ...rule.settings];
  return keys.map((key) => describeSetting(key)).filter((entry) => !!entry);
}
function explainRule(ruleId) {
  const rule = describeRule(ruleId);
  if (!rule) {
    const suggestion = closestMatch(
      ruleId,
      RULE_CATALOG.map((entry) => entry.id)
    );
    throw new ConfigurationError(
      "unknown-rule",
      `no rule ${JSON.stringify(ruleId)}${suggestion ? `; did you mean ${suggestion}?` : ""}: \`supply-chain-gate policy explain\` lists every rule`
    );
  }
  const family = rule.id.split(".")[0];
  const lines = [
    `${rule.id} (${familyTitle(family)})`,
    "",
    wrap(rule.checks, 0),
    "",
    `Reports: ${rule.reports}.`,
    "",
    "Settings:"
  ];
  const settings = ruleSettings(rule);
  if (settings.length === 0) lines.push("  none of its own");
  for (const setting of settings) {
    lines.push(`  ${setting.key}  (default: ${setting.default}; takes ${setting.takes})`);
    if (setting.description) lines.push(wrap(setting.description, 6));
  }
  lines.push("", "Evidence it reads:", ...rule.evidence.map((item) => wrap(`- ${item}`, 2)));
  lines.push("", `Reference: docs/policy.md (${familyTitle(family)})`);
  return `${lines.join("\n")}
`;
}
function listRules() {
  const width = Math.max(...RULE_CATALOG.map((rule) => rule.id.length));
  return `${RULE_CATALOG.map((rule) => `${rule.id.padEnd(width)}  ${firstSentence(rule.checks)}`).join("\n")}
`;
}
function renderRuleReference() {
  const rows = RULE_CATALOG.map((rule) => {
    const settings = ruleSettings(rule).map((setting) => `\`${setting.key}\` (${setting.default})`).join(", ");
    const cell = (text) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
    return `| \`${rule.id}\` | ${cell(rule.checks)} Reports ${cell(rule.reports)}. | ${cell(settings) || "\u2014"} | ${cell(rule.evidence.join("; "))} |`;
  });
  return [
    "| rule | checks | settings (default) | evidence it reads |",
    "| --- | --- | --- | --- |",
    ...rows
  ].join("\n");
}
function formatValue(value) {
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value).map(([key, item]) => `${key}: ${formatValue(item)}`).join(", ")}}`;
  }
  return String(value);
}
function describeType(node) {
  if (node.enum) return node.enum.map(String).join(" | ");
  if (node.const !== void 0) return String(node.const);
  if (node.anyOf) return [...new Set(node.anyOf.map(describeType))].join(" | ");
  if (node.type === "array") return node.items ? `a list of ${describeType(node.items)}` : "a list";
  if (node.type === "object") {
    return node.properties ? `{${Object.keys(node.properties).join(", ")}}` : "a map";
  }
  if (Array.isArray(node.type)) return node.type.join(" | ");
  return node.type ?? "a value";
}
function firstSentence(text) {
  const end = text.search(/\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}
function wrap(text, indent, width = 100) {
  const words = text.split(/\s+/);
  const lines = [];
  let line = "";
  for (const word of words) {
    if (line && line.length + word.length + 1 > width - indent) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.map((entry) => `${" ".repeat(indent)}${entry}`).join("\n");
}
export {
  describeSetting,
  explainRule,
  listRules,
  renderRuleReference,
  ruleSettings
};
