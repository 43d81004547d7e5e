import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  bySeverityThenId,
  countBySeverity,
  createVexMatcher,
  findingKey,
  mergeFindings,
  readAttestedDocument,
  vexSuppression
} from "./chunk-74X36MG6.js";
import {
  sbomRules,
  usablePackages
} from "./chunk-DKY2ZES5.js";
import {
  configCarriesText
} from "./chunk-63E2CWL3.js";
import {
  provenanceRules
} from "./chunk-B2CLC4I4.js";
import {
  applyRuleMode,
  familyResults,
  indexSignature,
  judgeSboms,
  sbomSourceLabel,
  signatureRules
} from "./chunk-FIW5J6G3.js";
import {
  describeSigner,
  matchIdentity
} from "./chunk-BDIAHNI5.js";
import {
  compileExpression,
  evaluateExpression,
  familyKeys
} from "./chunk-CPWHA4RJ.js";
import {
  parsePurl
} from "./chunk-S3VIENSH.js";
import {
  FAMILY_TITLES
} from "./chunk-724VLPQF.js";
import {
  SEVERITIES
} from "./chunk-2GTHPEXP.js";
import {
  formatImageName,
  parseImageReference
} from "./chunk-V6QQ6HQ7.js";
import {
  describeError,
  formatPosition
} from "./chunk-QCJNFU7Y.js";

// src/policy/expiry.ts
function isExpired(expires, now) {
  return expires !== void 0 && expires < now.toISOString().slice(0, 10);
}

// src/policy/image-patterns.ts
var cache = /* @__PURE__ */ new Map();
function imageMatches(patterns, imageName) {
  return (Array.isArray(patterns) ? patterns : [patterns]).some(
    (pattern) => globToRegExp(pattern).test(imageName)
  );
}
function globToRegExp(pattern) {
  let compiled = cache.get(pattern);
  if (!compiled) {
    const body = pattern.split("**").map(
      (part) => part.split("*").map((literal) => literal.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[^/]*")
    ).join(".*");
    compiled = new RegExp(`^${body}$`);
    cache.set(pattern, compiled);
  }
  return compiled;
}

// src/policy/exceptions.ts
function applyExceptions(results, policy, imageName, now) {
  const applicable = policy.exceptions.map((entry, index) => ({ entry, index })).filter(({ entry }) => entry.images === void 0 || imageMatches(entry.images, imageName));
  const active = applicable.filter(({ entry }) => !isExpired(entry.expires, now));
  const expired = applicable.filter(({ entry }) => isExpired(entry.expires, now));
  const excepted = results.map((result2) => {
    if (result2.status !== "fail") return result2;
    const matching = active.filter(({ entry }) => coversRule(entry, result2.ruleId));
    return matching.length > 0 ? except(
      result2,
      matching.map(({ entry }) => entry)
    ) : result2;
  });
  const expiredResults = expired.map(({ entry, index }) => ({
    ruleId: "exceptions.expired",
    family: "exceptions",
    status: "warn",
    title: `Exception for ${entry.rule}${entry.id ? ` (${entry.id})` : ""} expired on ${entry.expires}`,
    message: `The exception (reason: ${entry.reason}${entry.owner ? `; owner: ${entry.owner}` : ""}) no longer applies.`,
    remediation: 'Fix what the rule reports, or renew the exception with a new "expires" date and a current reason.',
    position: policy.positions[`exceptions.${index}`]
  }));
  return [...excepted, ...expiredResults];
}
function coversRule(entry, ruleId) {
  return entry.rule.endsWith(".*") ? ruleId.startsWith(entry.rule.slice(0, -1)) : entry.rule === ruleId;
}
function except(result2, entries) {
  const whole = entries.find((entry) => entry.id === void 0 && entry.package === void 0);
  if (whole) {
    return {
      ...result2,
      status: "pass",
      message: `${result2.message} Accepted by exception: ${describe(whole)}.`
    };
  }
  if (result2.packages) return exceptPackages(result2, entries);
  if (!result2.findings) return result2;
  const remaining = result2.findings.filter(
    (finding) => !entries.some(
      (entry) => (entry.id === void 0 || [finding.id, ...finding.aliases].some((id) => id.toUpperCase() === entry.id.toUpperCase())) && (entry.package === void 0 || entry.package === finding.packageName)
    )
  );
  const removed = result2.findings.length - remaining.length;
  if (removed === 0) return result2;
  const note = ` ${removed} finding(s) accepted by exception: ${entries.map(describe).join("; ")}.`;
  return remaining.length === 0 ? { ...result2, status: "pass", findings: [], message: `${result2.message}${note}` } : { ...result2, findings: remaining, message: `${result2.message}${note}` };
}
function exceptPackages(result2, entries) {
  const packages = result2.packages ?? [];
  const remaining = packages.filter(
    (pkg) => !entries.some(
      (entry) => entry.package !== void 0 && (entry.package === pkg.name || entry.package === pkg.purl)
    )
  );
  const removed = packages.length - remaining.length;
  if (removed === 0) return result2;
  const note = ` ${removed} package(s) accepted by exception: ${entries.map(describe).join("; ")}.`;
  return remaining.length === 0 ? { ...result2, status: "pass", packages: [], message: `${result2.message}${note}` } : { ...result2, packages: remaining, message: `${result2.message}${note}` };
}
function describe(entry) {
  const scope = [entry.id, entry.package].filter(Boolean).join(" in ");
  return `${scope ? `${scope}: ` : ""}${entry.reason}${entry.owner ? ` (${entry.owner})` : ""}${entry.expires ? `, until ${entry.expires}` : ""}`;
}

// src/policy/local-image-notes.ts
var SIGNED_RULE = "signatures.signed";
function localImageNotes(policy, evidence, results) {
  const { image } = evidence;
  const local = image.local;
  if (!local) return [];
  const origin = `${image.reference} was read from the local Docker engine (image ID ${local.imageId})`;
  const notes = [
    local.registryDigest ? `${origin}, which records it in ${local.registryDigest.repository} as ${local.registryDigest.digest} (RepoDigests): that registry digest is the subject. The registry itself was not read, so signatures and attestations attached there were not looked for; gate ${local.registryDigest.repository}@${local.registryDigest.digest} to check them.` : `${origin} and has no registry digest: the subject is ${local.savedDigest}, the digest of ${local.savedManifest === "engine" ? "the manifest docker save wrote for it" : "the schema 2 manifest of the config and layers docker save wrote (it wrote no manifest)"}. A push usually compresses the layers and so gives the image another digest; no registry signature or attestation can exist for it yet, and no registry was searched.`,
    signatureConsequence(policy, results, image.digest)
  ];
  const uncompressed = image.layers.some((layer) => !/gzip|zstd/.test(layer.mediaType));
  if (policy.image["max-size"] !== void 0 && uncompressed) {
    notes.push(
      "Its layer sizes are those of the uncompressed layers docker save wrote, so image.max-size judges more bytes than a registry would show for the pushed image."
    );
  }
  return notes;
}
function signatureConsequence(policy, results, subject) {
  if (!policy.signatures.required) {
    return "signatures.required is off, so a local image without signatures is not held against this policy.";
  }
  const status = results.find((result2) => result2.ruleId === SIGNED_RULE)?.status;
  const outcome = status === "pass" ? "passes on a bundle given for this digest" : status === "warn" ? "only warns (its mode or an exception says so)" : status === "skip" ? "is skipped by an exception" : "fails";
  return `signatures.required is on, so ${SIGNED_RULE} ${outcome}: pass a sigstore bundle for ${subject} with "bundles", or gate the image after it is pushed and signed.`;
}

// src/policy/rate-limit-notes.ts
var LOW_SHARE = 0.2;
var LOW_COUNT_WITHOUT_LIMIT = 10;
function rateLimitNotes(evidence) {
  return (evidence.stats?.rateLimits ?? []).filter(isLow).map(describe2);
}
function isLow({ remaining, limit }) {
  return limit === void 0 ? remaining <= LOW_COUNT_WITHOUT_LIMIT : remaining <= limit * LOW_SHARE;
}
function describe2({ host, remaining, limit, windowSeconds }) {
  const left = limit === void 0 ? `${remaining}` : `${remaining} of ${limit}`;
  const window = windowSeconds === void 0 ? "" : ` in its ${formatWindow(windowSeconds)} window`;
  return `${host} is close to its rate limit: ${left} requests left${window}. When it runs out, pulls are refused (429) and the gate cannot decide; log in to the registry (a registry-username/password or docker login raises Docker Hub's limit) or pull from a mirror.`;
}
function formatWindow(seconds) {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

// src/policy/merge.ts
var STRICTNESS = { audit: 0, warn: 0, enforce: 1 };
var DEMAND_LISTS = /* @__PURE__ */ new Set(["fail-on", "forbid-tags", "platforms", "deny-packages"]);
function tightenPolicy(organization, repository) {
  const merged = {
    ...repository,
    origin: `${organization.origin} (organization) + ${repository.origin}`,
    positions: { ...repository.positions },
    notes: [...organization.notes ?? [], ...repository.notes ?? []],
    mode: stricterMode(organization.mode, repository.mode),
    rules: [
      ...organization.rules,
      ...repository.rules.filter((rule) => !organization.rules.some((r) => r.id === rule.id))
    ],
    exceptions: [...organization.exceptions, ...repository.exceptions],
    images: []
  };
  if (organization.mode === merged.mode && organization.positions.mode)
    merged.positions.mode = organization.positions.mode;
  for (const family of familyKeys) {
    const orgSection = organization[family];
    const repoSection = repository[family];
    const combined = { ...repoSection };
    for (const key of Object.keys(orgSection)) {
      const path = `${family}.${key}`;
      if (key === "mode") {
        combined.mode = stricterMode(orgSection.mode, repoSection.mode);
        continue;
      }
      if (!(path in organization.positions)) continue;
      const value = combine(key, orgSection[key], repoSection[key], path in repository.positions);
      combined[key] = value;
      if (JSON.stringify(value) !== JSON.stringify(repoSection[key]))
        copyPositions(organization, merged, path);
    }
    merged[family] = combined;
  }
  reindex(organization, merged, "rules", 0);
  reindex(repository, merged, "rules", organization.rules.length);
  reindex(organization, merged, "exceptions", 0);
  reindex(repository, merged, "exceptions", organization.exceptions.length);
  return merged;
}
function combine(key, org, repo, repoSetIt) {
  if (!repoSetIt) return org;
  if (key.startsWith("max") && typeof org === "number" && typeof repo === "number")
    return Math.min(org, repo);
  if (key.startsWith("require") && typeof org === "boolean") return org || repo === true;
  if ((key.startsWith("ignore") || key.startsWith("accept")) && typeof org === "boolean")
    return org && repo === true;
  if (Array.isArray(org) && Array.isArray(repo)) {
    if (key === "allow") return [...org, ...repo];
    if (DEMAND_LISTS.has(key)) return [.../* @__PURE__ */ new Set([...org, ...repo])];
  }
  return org;
}
function stricterMode(org, repo) {
  return (STRICTNESS[repo] ?? 1) > (STRICTNESS[org] ?? 1) ? repo : org;
}
function copyPositions(from, to, prefix) {
  for (const [path, position] of Object.entries(from.positions)) {
    if (path === prefix || path.startsWith(`${prefix}.`)) to.positions[path] = position;
  }
}
function reindex(from, to, list, offset) {
  for (const [path, position] of Object.entries(from.positions)) {
    const match = new RegExp(`^${list}\\.(\\d+)(\\..*)?$`).exec(path);
    if (match) to.positions[`${list}.${Number(match[1]) + offset}${match[2] ?? ""}`] = position;
  }
}

// src/policy/cel-context.ts
function buildCelContext(evidence) {
  const image = evidence.image;
  const verified = (evidence.verifications ?? []).filter(
    (v) => v.status === "verified"
  );
  const findings = evidence.scans.flatMap(
    (scan) => scan.findings.map((finding) => ({
      id: finding.id,
      aliases: finding.aliases,
      package: finding.packageName,
      version: finding.installedVersion ?? "",
      fixedVersion: finding.fixedVersion ?? "",
      fixable: Boolean(finding.fixedVersion),
      severity: finding.severity,
      cvss: finding.cvssScore ?? 0,
      purl: finding.purl ?? "",
      scanner: scan.scanner.name
    }))
  );
  const counts = Object.fromEntries(
    SEVERITIES.map((severity) => [severity, BigInt(findings.filter((f) => f.severity === severity).length)])
  );
  return {
    image: {
      name: image.name,
      reference: image.reference,
      digest: image.digest,
      tag: image.resolvedFromTag ?? "",
      mediaType: image.mediaType,
      platform: image.platform ? [image.platform.os, image.platform.architecture, image.platform.variant].filter(Boolean).join("/") : "",
      ...configFacts(image.config),
      layers: BigInt(image.layers.length),
      size: BigInt(image.layers.reduce((total, layer) => total + layer.size, 0))
    },
    platforms: image.platforms.map((platform) => ({
      digest: platform.digest,
      platform: platform.platform ? [platform.platform.os, platform.platform.architecture, platform.platform.variant].filter(Boolean).join("/") : "",
      annotations: platform.annotations,
      ...configFacts(platform.config),
      layers: BigInt(platform.layers.length),
      size: BigInt(platform.compressedSize)
    })),
    findings,
    counts,
    scans: evidence.scans.map((scan) => ({
      format: scan.format,
      scanner: scan.scanner.name,
      version: scan.scanner.version ?? "",
      file: scan.source.uri,
      digests: scan.artifact.digests,
      createdAt: scan.createdAt ?? ""
    })),
    signatures: verified.filter((v) => v.content === "message-signature").map((v) => ({
      ...signerFacts(v.signer),
      digest: v.artifact.subjectDigest,
      source: v.artifact.source.uri
    })),
    attestations: verified.filter((v) => v.content === "dsse" && v.statement).map((v) => ({
      ...signerFacts(v.signer),
      predicateType: v.statement.predicateType,
      predicate: v.statement.predicate,
      digest: v.artifact.subjectDigest,
      source: v.artifact.source.uri
    }))
  };
}
function configFacts(config) {
  return {
    user: config?.user ?? "",
    env: Object.fromEntries(
      (config?.env ?? []).map((entry) => {
        const at = entry.indexOf("=");
        return at === -1 ? [entry, ""] : [entry.slice(0, at), entry.slice(at + 1)];
      })
    ),
    labels: config?.labels ?? {},
    created: config?.created ?? "",
    history: (config?.history ?? []).map((step) => step.createdBy ?? "")
  };
}
function signerFacts(signer) {
  return signer.kind === "certificate" ? {
    signer: signer.san ?? "",
    issuer: signer.issuer ?? "",
    repository: signer.claims.sourceRepositoryUri ?? "",
    ref: signer.claims.sourceRepositoryRef ?? "",
    workflow: signer.claims.buildConfigUri ?? "",
    runnerEnvironment: signer.claims.runnerEnvironment ?? "",
    trigger: signer.claims.buildTrigger ?? "",
    keyId: ""
  } : {
    signer: "",
    issuer: "",
    repository: "",
    ref: "",
    workflow: "",
    runnerEnvironment: "",
    trigger: "",
    keyId: signer.keyId
  };
}

// src/policy/rules/custom.ts
var customRules = {
  id: "rules",
  title: FAMILY_TITLES.rules,
  evaluate(policy, evidence) {
    if (policy.rules.length === 0) return [];
    const context = buildCelContext(evidence);
    return policy.rules.map((rule, index) => {
      const base = {
        ruleId: `rules.${rule.id}`,
        family: "rules",
        position: policy.positions[`rules.${index}`]
      };
      const { program, error } = compileExpression(rule.expression);
      const outcome = program ? evaluateExpression(program, context) : { error };
      let result2;
      if ("error" in outcome) {
        result2 = {
          ...base,
          status: "fail",
          title: rule.description ?? `Custom rule ${rule.id}`,
          message: `Could not evaluate \`${rule.expression}\`: ${outcome.error}.`,
          remediation: "Fix the expression (see the evidence fields in docs/policy.md), e.g. guard optional fields with has()."
        };
      } else if (outcome.value) {
        result2 = {
          ...base,
          status: "pass",
          title: rule.description ?? `Custom rule ${rule.id}`,
          message: `\`${rule.expression}\` holds.`
        };
      } else {
        result2 = {
          ...base,
          status: "fail",
          title: rule.message,
          message: `\`${rule.expression}\` is false for this image.`,
          remediation: rule.remediation
        };
      }
      return applyRuleMode(result2, rule.mode);
    });
  }
};

// src/policy/rules/image.ts
var FAMILY = "image";
var SLSA_PROVENANCE = /^https:\/\/slsa\.dev\/provenance\/v(0\.2|1)$/;
var imageRules = {
  id: FAMILY,
  title: FAMILY_TITLES.image,
  evaluate(policy, evidence) {
    const config = policy.image;
    const platforms = platformImages(evidence.image);
    const multi = platforms.length > 1;
    const checks = [];
    for (const image of platforms) {
      const label = multi ? platformLabel(image) : void 0;
      const per = (check) => label ? { ...check, platform: label, title: `${check.title} (${label})` } : check;
      if (config["non-root"]) checks.push(per(nonRoot(image)));
      if (config.secrets) checks.push(per(secretsInConfig(image, evidence)));
      if (config["base-images"]) checks.push(per(baseImage(image, evidence, config["base-images"], policy)));
      if (config["max-size"] !== void 0) checks.push(per(maxSize(image, config["max-size"])));
      if (config["max-layers"] !== void 0) checks.push(per(maxLayers(image, config["max-layers"])));
      if (config["required-labels"])
        checks.push(per(requiredLabels(image, config["required-labels"], evidence.repositoryUrl)));
      if (config["no-shell"]) checks.push(per(minimalTools(image, evidence, "shell")));
      if (config["no-package-manager"]) checks.push(per(minimalTools(image, evidence, "package-manager")));
      if (config["max-packages"] !== void 0)
        checks.push(per(maxPackages(image, policy, evidence, config["max-packages"])));
    }
    if (config["scan-layers"] !== false) checks.push(secretFiles(evidence));
    if (config["forbid-tags"].length > 0) checks.push(forbiddenTag(evidence.image, config["forbid-tags"]));
    if (config.platforms) checks.push(requiredPlatforms(platforms, config.platforms));
    return familyResults(FAMILY, policy, config.mode, checks);
  }
};
function platformImages(image) {
  if (image.platforms && image.platforms.length > 0) return image.platforms;
  return [
    {
      digest: image.digest,
      mediaType: image.mediaType,
      platform: image.platform,
      annotations: image.annotations ?? {},
      config: image.config,
      layers: image.layers,
      compressedSize: image.layers.reduce((total, layer) => total + layer.size, 0),
      source: image.source
    }
  ];
}
function platformLabel(image) {
  const p = image.platform;
  return p ? [p.os, p.architecture, p.variant].filter(Boolean).join("/") : image.digest.slice(0, 19);
}
function result(ruleId, status, title, message, remediation) {
  return {
    ruleId: `${FAMILY}.${ruleId}`,
    status,
    title,
    message,
    ...status === "fail" && remediation ? { remediation } : {}
  };
}
function isRootUser(user) {
  const uid = (user ?? "").trim().split(":")[0];
  return uid === "" || uid === "root" || /^[+-]?0+$/.test(uid);
}
function nonRoot(image) {
  const user = image.config?.user;
  if (!image.config) {
    return result(
      "non-root",
      "fail",
      "Image config could not be read",
      "The user cannot be checked without the config.",
      "Re-push the image."
    );
  }
  return isRootUser(user) ? result(
    "non-root",
    "fail",
    "Runs as root",
    user ? `The config's User is ${JSON.stringify(user)}, which is root.` : "The config names no User, so the container runs as root.",
    "Add a non-root user to the Dockerfile, e.g. `USER 10001:10001` (numeric, so Kubernetes can verify runAsNonRoot)."
  ) : result("non-root", "pass", "Runs as a non-root user", `User ${JSON.stringify(user)}.`);
}
function secretsInConfig(image, evidence) {
  const scan = evidence.configSecrets?.find((s) => s.manifestDigest === image.digest);
  if (!scan) {
    return configCarriesText(image, evidence.image) ? result(
      "secrets",
      "fail",
      "The config was not scanned for credentials",
      "The policy asks for a credential scan of Env, labels and history, but none ran.",
      "Report this: the gate scans the config whenever `image.secrets` is on."
    ) : result("secrets", "pass", "No credentials in the config", "Env, labels and build history are empty.");
  }
  if (scan.findings.length === 0) {
    return result(
      "secrets",
      "pass",
      "No credentials in the config",
      "Env, labels and build history hold nothing that looks like a credential."
    );
  }
  const found = scan.findings.map(
    (f) => `${f.where}${f.key && !f.where.includes(f.key) ? ` (${f.key})` : ""}${f.line ? ` line ${f.line}` : ""}: ${describeSecret(f)}`
  );
  return result(
    "secrets",
    "fail",
    `${found.length} credential(s) in the image config`,
    `Anyone who can pull the image can read them: ${found.join("; ")}.`,
    "Rotate these credentials now, then pass secrets at build time with `RUN --mount=type=secret` (not ARG/ENV) and at run time from the environment or a secret store."
  );
}
function describeSecret(finding) {
  return `${(finding.rules ?? [finding.kind]).join(" + ")}, ${finding.redacted}`;
}
function secretFiles(evidence) {
  const scans = evidence.layerScans;
  if (!scans) {
    return result(
      "secret-files",
      "fail",
      "Layers were not scanned",
      "The policy asks for a layer scan, but no layer could be read.",
      "Check that the image layers are reachable."
    );
  }
  const findings = scans.flatMap(
    (scan) => scan.findings.map(
      (f) => `${f.path}${f.line ? `:${f.line}` : ""} in layer ${f.layerDigest.slice(7, 19)}${f.note ? ` (${f.note})` : ""}: ${f.key ? `${f.key}, ` : ""}${describeSecret(f)}`
    )
  );
  const filesRead = scans.reduce((total, scan) => total + (scan.filesRead ?? 0), 0);
  const skipped = scans.flatMap(
    (scan) => scan.skipped.map((s) => `${s.layerDigest.slice(7, 19)} (${s.reason})`)
  );
  const scanned = scans.reduce((total, scan) => total + scan.scannedLayers, 0);
  const skippedNote = skipped.length > 0 ? ` Not read: ${skipped.join("; ")}.` : "";
  if (findings.length > 0) {
    return result(
      "secret-files",
      "fail",
      `${findings.length} credential(s) in the layer files`,
      `${findings.join("; ")}.${skippedNote}`,
      "Remove the files in the layer that added them (a later `RUN rm` does not: the layer keeps them), rotate the credentials, and add them to .dockerignore."
    );
  }
  return result(
    "secret-files",
    skipped.length > 0 ? "warn" : "pass",
    skipped.length > 0 ? "Some layers were not scanned for credential files" : "No credentials in the layer files",
    `${scanned} layer(s) read, ${filesRead} text file(s) scanned; no credentials found.${skippedNote}`
  );
}
function baseImage(image, evidence, config, policy) {
  const { bases, via, unused } = baseImagesOf(image, evidence, policy);
  if (bases.length === 0) {
    const status = config.unknown === "pass" ? "pass" : config.unknown;
    return result(
      "base-images",
      status,
      "Base image unknown",
      `Neither the org.opencontainers.image.base.name annotation nor verified provenance names the base image.${unused}`,
      "Build with `docker buildx build --annotation org.opencontainers.image.base.name=\u2026` (BuildKit sets it with provenance on) or publish SLSA provenance."
    );
  }
  const denied = bases.filter((base) => !imageMatches(config.allow, base));
  return denied.length > 0 ? result(
    "base-images",
    "fail",
    "Base image not allowed",
    `Built on ${denied.join(", ")}${via}; allowed: ${config.allow.join(", ")}.`,
    "Rebuild on an allowed base image, or add it to image.base-images.allow."
  ) : result("base-images", "pass", "Base image allowed", `Built on ${bases.join(", ")}${via}.`);
}
function baseImagesOf(image, evidence, policy) {
  const annotated = image.annotations["org.opencontainers.image.base.name"] ?? evidence.image.annotations?.["org.opencontainers.image.base.name"];
  if (annotated) return { bases: [normalizeImage(annotated)], via: "", unused: "" };
  const fromProvenance = /* @__PURE__ */ new Set();
  for (const verification of evidence.verifications ?? []) {
    if (verification.status !== "verified" || !verification.statement) continue;
    if (!SLSA_PROVENANCE.test(verification.statement.predicateType)) continue;
    for (const uri of dependencyUris(verification.statement.predicate)) {
      const base = imageOfDependency(uri);
      if (base) fromProvenance.add(base);
    }
  }
  if (fromProvenance.size > 0) return { bases: [...fromProvenance], via: "", unused: "" };
  const buildkit = (evidence.buildkitAttestations ?? []).filter(
    (a) => a.platformDigest === image.digest && a.statement !== void 0
  );
  const named = new Set(
    buildkit.flatMap((a) => dependencyUris(a.statement.predicate).map(imageOfDependency)).filter((base) => base !== void 0)
  );
  if (named.size === 0) return { bases: [], via: "", unused: "" };
  const index = indexSignature(evidence, policy.signatures);
  if (index.signed) {
    return {
      bases: [...named],
      via: ` (BuildKit provenance, attested through the signed index (${describeSigner(index.signer)}))`,
      unused: ""
    };
  }
  if (policy.sbom["accept-unsigned"]) {
    return {
      bases: [...named],
      via: " (unsigned BuildKit provenance, accepted by sbom.accept-unsigned)",
      unused: ""
    };
  }
  return {
    bases: [],
    via: "",
    unused: ` BuildKit provenance names ${[...named].join(", ")}, but it is unsigned registry content (${index.reason}); sign the index or set sbom.accept-unsigned to use it.`
  };
}
function imageOfDependency(uri) {
  if (uri.startsWith("pkg:docker/")) {
    const purl = parsePurl(uri);
    if (!purl) return void 0;
    const repository = purl.namespace ? `${purl.namespace}/${purl.name}` : purl.name;
    if (/^(docker\.io\/)?docker\/dockerfile(-upstream)?$/.test(repository)) return void 0;
    const version = purl.version ?? "";
    return normalizeImage(
      version.startsWith("sha256:") ? `${repository}@${version}` : version ? `${repository}:${version}` : repository
    );
  }
  const match = /^(?:docker:\/\/|oci:\/\/)(.+)$/.exec(uri);
  return match ? normalizeImage(decodeURIComponent(match[1].split("?")[0])) : void 0;
}
function dependencyUris(predicate) {
  const p = predicate;
  const entries = [...p?.buildDefinition?.resolvedDependencies ?? [], ...p?.materials ?? []];
  return entries.map((entry) => entry.uri).filter((uri) => typeof uri === "string");
}
function normalizeImage(text) {
  try {
    const ref = parseImageReference(text.replace(/@sha256:[a-f0-9]{64}$/, ""));
    return `${formatImageName(ref)}${ref.tag ? `:${ref.tag}` : ""}`;
  } catch {
    return text;
  }
}
function minimalTools(image, evidence, kind) {
  const ruleId = kind === "shell" ? "no-shell" : "no-package-manager";
  const what = kind === "shell" ? "shell" : "package manager";
  const inventory = evidence.filesystems?.find((entry) => entry.manifestDigest === image.digest);
  if (!inventory) {
    return result(
      ruleId,
      "fail",
      "Layers were not read",
      `The policy asks for image.${ruleId}, but the image's layers could not be read.`,
      "Check that the image layers are reachable."
    );
  }
  const found = inventory.found.filter((entry) => entry.kind === kind);
  const unread = inventory.skipped.map((s) => `${s.layerDigest.slice(7, 19)} (${s.reason})`);
  const unreadNote = unread.length > 0 ? ` Layers not read: ${unread.join("; ")}.` : "";
  if (found.length > 0) {
    const listed = found.map(
      (entry) => `${entry.path}${entry.linkTarget ? ` \u2192 ${entry.linkTarget}` : ""} (layer ${entry.layerDigest.slice(7, 19)})`
    );
    return result(
      ruleId,
      "fail",
      `${found.length} ${what}(s) in the final filesystem`,
      `${listed.join("; ")}.${unreadNote}`,
      kind === "shell" ? "Copy only the runtime files into a distroless or scratch final stage (`FROM gcr.io/distroless/static` or `FROM scratch`), so no shell is left for an attacker to run." : "Install packages in a build stage and copy the results into a final stage without the package manager (distroless, scratch, or `apk del`/`rm` in the same layer that used it)."
    );
  }
  if (unread.length > 0) {
    return result(
      ruleId,
      "fail",
      `Cannot tell whether a ${what} is there`,
      `No ${what} in the layers read, but some were not read.${unreadNote}`,
      "Keep layers within the size the gate reads, as gzip or plain tar."
    );
  }
  return result(
    ruleId,
    "pass",
    `No ${what} in the final filesystem`,
    `${inventory.paths} path(s) in the final filesystem; no ${what} in a bin or sbin directory.`
  );
}
function maxPackages(image, policy, evidence, limit) {
  const judged = judgeSboms(policy, evidence).filter((entry) => entry.covers.includes(image.digest));
  const usable = judged.filter((entry) => entry.usable);
  if (usable.length === 0) {
    return result(
      "max-packages",
      "fail",
      "Packages cannot be counted: no SBOM the policy trusts",
      `No SBOM the gate may use covers ${image.digest}${judged.length > 0 ? ` (not used: ${judged.map((j) => `${sbomSourceLabel(j.sbom)}: ${j.trust}`).join("; ")})` : ""}.`,
      'Attach an SBOM (docker buildx build --sbom=true with a signed index, actions/attest-sbom, or the "sbom" input).'
    );
  }
  const count = usablePackages(usable, image.digest).length;
  const from = usable.map((entry) => sbomSourceLabel(entry.sbom)).join(", ");
  return count > limit ? result(
    "max-packages",
    "fail",
    "Too many packages",
    `${count} packages, over the limit of ${limit}, per ${from}.`,
    "Use a smaller base image (distroless, alpine) and copy only what the application needs into the final stage."
  ) : result(
    "max-packages",
    "pass",
    "Package count within limit",
    `${count} packages (limit ${limit}), per ${from}.`
  );
}
function maxSize(image, limit) {
  const size = image.compressedSize;
  return size > limit ? result(
    "max-size",
    "fail",
    "Image too large",
    `${formatBytes(size)} compressed, over the ${formatBytes(limit)} limit.`,
    "Use a smaller base image (distroless, alpine) and a multi-stage build that copies only the runtime files."
  ) : result(
    "max-size",
    "pass",
    "Image size within limit",
    `${formatBytes(size)} compressed (limit ${formatBytes(limit)}).`
  );
}
function maxLayers(image, limit) {
  const count = image.layers.length;
  return count > limit ? result(
    "max-layers",
    "fail",
    "Too many layers",
    `${count} layers, over the limit of ${limit}.`,
    "Combine RUN steps and use a multi-stage build."
  ) : result("max-layers", "pass", "Layer count within limit", `${count} layers (limit ${limit}).`);
}
function requiredLabels(image, required, repositoryUrl) {
  const labels = { ...image.annotations, ...image.config?.labels };
  const problems = [];
  for (const [name, template] of Object.entries(required)) {
    if (template.includes("{repository}") && !repositoryUrl) {
      problems.push(
        `${name} must point at this repository, which is not known here (run in Actions or pass --repository)`
      );
      continue;
    }
    const pattern = template.replaceAll("{repository}", (repositoryUrl ?? "").replace(/\*/g, ""));
    const value = labels[name];
    if (value === void 0) problems.push(`${name} is missing (expected ${pattern})`);
    else if (!imageMatches(pattern, value))
      problems.push(`${name} is ${JSON.stringify(value)}, expected ${pattern}`);
  }
  return problems.length > 0 ? result(
    "required-labels",
    "fail",
    "Required labels missing or wrong",
    `${problems.join("; ")}.`,
    "Set the labels at build time, e.g. `--label org.opencontainers.image.source=$GITHUB_SERVER_URL/$GITHUB_REPOSITORY`."
  ) : result("required-labels", "pass", "Required labels present", Object.keys(required).join(", "));
}
function forbiddenTag(image, forbidden) {
  const tag = image.resolvedFromTag;
  return tag !== void 0 && forbidden.includes(tag) ? result(
    "forbid-tags",
    "fail",
    `Gated by the forbidden tag ${tag}`,
    `The image was named by the tag ${JSON.stringify(tag)}, which the policy forbids: it moves.`,
    "Tag the build with a version or the commit SHA and gate that."
  ) : result("forbid-tags", "pass", "Tag allowed", tag ? `Tag ${JSON.stringify(tag)}.` : "Named by digest.");
}
function requiredPlatforms(platforms, required) {
  const have = new Set(platforms.map(platformLabel));
  const missing = required.filter(
    (platform) => !have.has(platform) && !(platform.split("/").length === 2 && [...have].some((h) => h.startsWith(`${platform}/`)))
  );
  return missing.length > 0 ? result(
    "platforms",
    "fail",
    "Platforms missing",
    `The image covers ${[...have].join(", ") || "no platform"}; missing ${missing.join(", ")}.`,
    "Build with `docker buildx build --platform " + required.join(",") + "`."
  ) : result("platforms", "pass", "Required platforms covered", [...have].join(", "));
}
function formatBytes(bytes) {
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1e3 && unit < units.length - 1) {
    value /= 1e3;
    unit++;
  }
  return `${Number(value.toFixed(1))} ${units[unit]}`;
}

// src/policy/rules/vulnerability-attestations.ts
function readImageAttestations(evidence, signers) {
  const reading = { scans: [], trustedVex: [], ignored: [] };
  for (const verification of evidence.verifications ?? []) {
    if (verification.status !== "verified" || !verification.statement) continue;
    const source = verification.artifact.source;
    let parsed;
    try {
      parsed = readAttestedDocument(verification.statement, source);
    } catch (error) {
      reading.ignored.push(`${source.uri}: ${describeError(error)}.`);
      continue;
    }
    if (!parsed) continue;
    if (!signers.some((signer) => signerMatches(signer, verification.signer))) {
      reading.ignored.push(
        `${source.uri} (${parsed.kind === "scan" ? "scan results" : "VEX"}) is signed by ${describeSigner(verification.signer)}, not by an identity in "attestation-signers".`
      );
      continue;
    }
    if (parsed.kind === "scan") reading.scans.push(parsed.report);
    else reading.trustedVex.push({ ...parsed.vex, signer: verification.signer });
  }
  return reading;
}
function signerMatches(signer, identity) {
  if ("key-id" in signer) return identity.kind === "public-key" && identity.keyId === signer["key-id"];
  if (identity.kind !== "certificate") return false;
  return matchIdentity(identity, {
    issuer: signer.issuer,
    subject: signer.subject,
    subjectRegExp: signer["subject-regexp"],
    repository: signer.repository,
    ref: signer.ref,
    workflow: signer.workflow
  }).matched;
}

// src/policy/rules/scan-evidence.ts
var CLOCK_SKEW_MS = 5 * 6e4;
function judgeBinding(scans, image) {
  const platforms = new Set(image.platforms.map((platform) => platform.digest));
  const manifests = /* @__PURE__ */ new Set([image.digest, ...platforms]);
  const configs = new Set(image.platforms.map((platform) => platform.configDigest).filter(Boolean));
  const binding = { foreign: [], unbound: [] };
  for (const scan of scans) {
    const named = scan.artifact.digests;
    const imageId = scan.artifact.imageId;
    const idComparable = imageId !== void 0 && /^sha256:[a-f0-9]{64}$/.test(imageId) && configs.size > 0;
    if (named.some((digest) => platforms.has(digest))) continue;
    if (idComparable && !configs.has(imageId)) {
      binding.foreign.push({
        scan,
        reason: `it names image ID ${imageId}, but the gated image's config is ${[...configs].join(", ")}: it scanned another image or platform.`
      });
    } else if (idComparable || named.some((digest) => manifests.has(digest))) {
      continue;
    } else if (named.length > 0) {
      binding.foreign.push({
        scan,
        reason: `it scanned ${named.join(", ")}, not ${image.digest}${manifests.size > 1 ? " or its platform images" : ""}.`
      });
    } else {
      binding.unbound.push(scan);
    }
  }
  return binding;
}
function judgeFreshness(scans, maxAgeMs, now) {
  const rejected = [];
  for (const scan of scans) {
    const created = scan.createdAt === void 0 ? NaN : Date.parse(scan.createdAt);
    if (Number.isNaN(created)) {
      rejected.push({
        scan,
        reason: scan.createdAt === void 0 ? "it does not say when it was made, so its age cannot be checked." : `its creation time ${JSON.stringify(scan.createdAt.slice(0, 60))} is not a date.`
      });
    } else if (created - now.getTime() > CLOCK_SKEW_MS) {
      rejected.push({ scan, reason: `it says it was made at ${scan.createdAt}, in the future.` });
    } else if (now.getTime() - created > maxAgeMs) {
      rejected.push({
        scan,
        reason: `it was made at ${scan.createdAt}, ${describeAge(now.getTime() - created)} ago.`
      });
    }
  }
  return rejected;
}
function describeAge(ms) {
  const hours = ms / 36e5;
  return hours >= 48 ? `${Math.floor(hours / 24)} days` : hours >= 1 ? `${Math.floor(hours)} hours` : `${Math.floor(ms / 6e4)} minutes`;
}

// src/policy/rules/vulnerabilities.ts
var FAMILY2 = "vulnerabilities";
var vulnerabilityRules = {
  id: FAMILY2,
  title: FAMILY_TITLES.vulnerabilities,
  evaluate(policy, evidence, now) {
    const config = policy.vulnerabilities;
    const at = (key) => policy.positions[`${FAMILY2}.${key}`] ?? policy.positions[FAMILY2];
    const attestations = readImageAttestations(evidence, config["attestation-signers"]);
    const scans = [...evidence.scans, ...attestations.scans];
    const binding = judgeBinding(scans, evidence.image);
    const foreign = binding.foreign;
    const stale = config["scan-max-age"] ? judgeFreshness(
      scans.filter((scan) => !foreign.some((r) => r.scan === scan)),
      config["scan-max-age"].ms,
      now
    ) : [];
    const accepted = scans.filter((scan) => ![...foreign, ...stale].some((r) => r.scan === scan));
    const judged = judgeFindings(policy, evidence, accepted, attestations, now);
    const results = [
      requireScan(policy, scans, accepted),
      scanBinding(scans, binding, evidence),
      scanMaxAge(policy, accepted.length + stale.length, stale),
      summary(judged.active, judged.suppressed, accepted),
      failOn(policy, judged.active, judged.suppressed),
      maxCounts(policy, judged.active),
      maxCvss(policy, judged.active),
      ...vexResult(evidence, attestations, judged.suppressed),
      ...judged.expired.map(({ entry, index }) => expiredAllow(entry, index, at))
    ].filter((result2) => result2 !== void 0);
    return results.map((result2) => applyRuleMode(result2, config.mode)).map((result2) => ({
      ...result2,
      position: result2.position ?? at(result2.ruleId.slice(FAMILY2.length + 1))
    }));
  }
};
function judgeFindings(policy, evidence, scans, attestations, now) {
  const config = policy.vulnerabilities;
  const merged = mergeFindings(scans.flatMap((scan) => scan.findings));
  const activeKeys = new Set(merged.map(findingKey));
  const suppressed = dedupeSuppressed(
    scans.flatMap((scan) => scan.suppressed ?? []).filter((entry) => !activeKeys.has(findingKey(entry.finding)))
  );
  const allows = config.allow.map((entry, index) => ({ entry, index }));
  const active = allows.filter(({ entry }) => !isExpired(entry.expires, now));
  const expired = allows.filter(({ entry }) => isExpired(entry.expires, now));
  const image = evidence.image;
  const vex = createVexMatcher([...evidence.vex ?? [], ...attestations.trustedVex], {
    digests: [image.digest, ...image.platforms.map((platform) => platform.digest)],
    name: image.name
  });
  const remaining = [];
  for (const finding of merged) {
    const byVex = vexSuppression(vex, finding);
    if (byVex) {
      suppressed.push(byVex);
      continue;
    }
    const allow = active.find(({ entry }) => allowCovers(entry, finding));
    if (allow) {
      const position = policy.positions[`${FAMILY2}.allow.${allow.index}`];
      suppressed.push({
        finding,
        by: "allow",
        reason: allow.entry.reason,
        origin: position ? formatPosition(position) : `${policy.origin} ${FAMILY2}.allow[${allow.index}]`
      });
      continue;
    }
    if (config["ignore-unfixed"] && finding.fixState === "unfixed") {
      suppressed.push({
        finding,
        by: "ignore-unfixed",
        reason: "no fixed version published (ignore-unfixed)"
      });
      continue;
    }
    remaining.push(finding);
  }
  remaining.sort(bySeverityThenId);
  return { active: remaining, suppressed, expired };
}
function dedupeSuppressed(entries) {
  const seen = /* @__PURE__ */ new Map();
  for (const entry of entries) {
    const key = findingKey(entry.finding);
    if (!seen.has(key)) seen.set(key, entry);
  }
  return [...seen.values()];
}
function allowCovers(entry, finding) {
  const wanted = entry.id.toUpperCase();
  if (![finding.id, ...finding.aliases].some((id) => id.toUpperCase() === wanted)) return false;
  return entry.package === void 0 || entry.package === finding.packageName;
}
function requireScan(policy, scans, accepted) {
  const ruleId = `${FAMILY2}.require-scan`;
  if (accepted.length > 0) {
    return {
      ruleId,
      family: FAMILY2,
      status: "pass",
      title: "Scan results present",
      message: `Read ${accepted.map(describeScan).join(", ")}.`
    };
  }
  if (!policy.vulnerabilities["require-scan"]) {
    return {
      ruleId,
      family: FAMILY2,
      status: "skip",
      title: "No scan results (not required)",
      message: scans.length > 0 ? "Every scan report was rejected as evidence, and the policy does not require one." : "No scan report was given and the policy does not require one."
    };
  }
  return {
    ruleId,
    family: FAMILY2,
    status: "fail",
    title: scans.length > 0 ? "No usable scan results for this image" : "No scan results for this image",
    message: scans.length > 0 ? `The policy requires a vulnerability scan, and every report given was rejected as evidence (${scans.map((scan) => scan.source.uri).join(", ")}): see scan-binding and scan-max-age.` : "The policy requires a vulnerability scan, and none was given.",
    remediation: 'Scan the image by digest (e.g. `trivy image --format json -o trivy.json IMAGE@DIGEST`) and pass the file as "scan-results".'
  };
}
function scanBinding(scans, { foreign, unbound }, evidence) {
  const ruleId = `${FAMILY2}.scan-binding`;
  const digest = evidence.image.digest;
  if (foreign.length > 0) {
    return {
      ruleId,
      family: FAMILY2,
      status: "fail",
      title: `${foreign.length === 1 ? "A scan report is" : `${foreign.length} scan reports are`} about a different image`,
      message: `${foreign.map((r) => `${r.scan.source.uri}: ${r.reason}`).join(" ")} Their findings were not used.`,
      remediation: "Scan the image by the digest the workflow built (`IMAGE@DIGEST`), not by tag, and pass that report."
    };
  }
  if (scans.length === 0) {
    return {
      ruleId,
      family: FAMILY2,
      status: "skip",
      title: "No scan to bind",
      message: "No scan report was given."
    };
  }
  if (unbound.length > 0) {
    return {
      ruleId,
      family: FAMILY2,
      status: "warn",
      title: "Scan report does not name the image digest",
      message: `${unbound.map((scan) => scan.source.uri).join(", ")} names no image digest, so it cannot be confirmed to be about ${digest}.`,
      remediation: "Scan the image from the registry by digest so the report records it."
    };
  }
  return {
    ruleId,
    family: FAMILY2,
    status: "pass",
    title: "Scans are about this digest",
    message: `Every report names ${digest} or one of its platform images.`
  };
}
function scanMaxAge(policy, judged, stale) {
  const maxAge = policy.vulnerabilities["scan-max-age"];
  if (!maxAge || judged === 0) return void 0;
  const ruleId = `${FAMILY2}.scan-max-age`;
  if (stale.length === 0) {
    return {
      ruleId,
      family: FAMILY2,
      status: "pass",
      title: `Scans are at most ${maxAge.text} old`,
      message: `Every report was created within ${maxAge.text}.`
    };
  }
  return {
    ruleId,
    family: FAMILY2,
    status: "fail",
    title: `${stale.length === 1 ? "A scan report is" : `${stale.length} scan reports are`} too old or undated (limit ${maxAge.text})`,
    message: `${stale.map((r) => `${r.scan.source.uri}: ${r.reason}`).join(" ")} Their findings were not used.`,
    remediation: `Scan the image again in this workflow run (a vulnerability database changes daily), or raise "scan-max-age".`
  };
}
function summary(active, suppressed, scans) {
  if (scans.length === 0) return void 0;
  const counts = countBySeverity(active);
  const suppressedNote = suppressed.length > 0 ? `; ${suppressed.length} suppressed (${describeSuppressed(suppressed)})` : "";
  return {
    ruleId: `${FAMILY2}.findings`,
    family: FAMILY2,
    status: "pass",
    title: `${active.length} finding${active.length === 1 ? "" : "s"} after merging ${scans.length} report${scans.length === 1 ? "" : "s"}${active.length > 0 ? ` (${describeCounts(counts)})` : ""}`,
    message: `The same vulnerability in the same package version counts once across scanners${suppressedNote}.`,
    findings: active,
    counts,
    suppressed
  };
}
function failOn(policy, active, suppressed) {
  const ruleId = `${FAMILY2}.fail-on`;
  const byCount = new Set(Object.keys(policy.vulnerabilities["max-counts"] ?? {}));
  const failing = new Set(policy.vulnerabilities["fail-on"].filter((severity) => !byCount.has(severity)));
  const blocking = active.filter((finding) => failing.has(finding.severity));
  const severities = [...failing].join(", ") || "none";
  const wouldFail = suppressed.filter((entry) => failing.has(entry.finding.severity));
  const suppressedNote = wouldFail.length > 0 ? ` ${wouldFail.length} more suppressed: ${wouldFail.slice(0, 5).map((entry) => `${entry.finding.id} in ${entry.finding.packageName} (${entry.reason})`).join("; ")}${wouldFail.length > 5 ? `; and ${wouldFail.length - 5} more` : ""}.` : "";
  if (blocking.length === 0) {
    return {
      ruleId,
      family: FAMILY2,
      status: "pass",
      title: `No ${severities === "none" ? "" : `${severities} `}vulnerabilities remain`,
      message: `${active.length} finding(s) count; none of a failing severity (${severities}).${suppressedNote}`
    };
  }
  const fixable = blocking.filter((finding) => finding.fixedVersion).length;
  return {
    ruleId,
    family: FAMILY2,
    status: "fail",
    title: `${blocking.length} vulnerabilit${blocking.length === 1 ? "y" : "ies"} at a failing severity (${describeCounts(countBySeverity(blocking))})`,
    message: `The policy fails on ${severities}; ${fixable} of ${blocking.length} have a fixed version.${suppressedNote}`,
    remediation: fixRemediation(fixable),
    findings: blocking
  };
}
function maxCounts(policy, active) {
  const limits = policy.vulnerabilities["max-counts"];
  if (!limits || Object.keys(limits).length === 0) return void 0;
  const ruleId = `${FAMILY2}.max-counts`;
  const counts = countBySeverity(active);
  const over = SEVERITIES.filter(
    (severity) => limits[severity] !== void 0 && counts[severity] > limits[severity]
  );
  const describeLimit = (severity) => `${counts[severity]} ${severity} (at most ${limits[severity]})`;
  if (over.length === 0) {
    return {
      ruleId,
      family: FAMILY2,
      status: "pass",
      title: "Finding counts within the limits",
      message: `${SEVERITIES.filter((s) => limits[s] !== void 0).map(describeLimit).join(", ")}.`
    };
  }
  const findings = active.filter((finding) => over.includes(finding.severity));
  return {
    ruleId,
    family: FAMILY2,
    status: "fail",
    title: `Too many findings: ${over.map(describeLimit).join(", ")}`,
    message: `The policy caps the number of findings per severity; ${findings.filter((f) => f.fixedVersion).length} of these ${findings.length} have a fixed version.`,
    remediation: fixRemediation(findings.filter((f) => f.fixedVersion).length),
    findings
  };
}
function maxCvss(policy, active) {
  const limit = policy.vulnerabilities["max-cvss"];
  if (limit === void 0) return void 0;
  const ruleId = `${FAMILY2}.max-cvss`;
  const above = active.filter((finding) => finding.cvssScore !== void 0 && finding.cvssScore > limit);
  const unscored = active.filter((finding) => finding.cvssScore === void 0).length;
  const unscoredNote = unscored > 0 ? ` ${unscored} finding(s) carry no CVSS score and are judged by severity only.` : "";
  if (above.length === 0) {
    return {
      ruleId,
      family: FAMILY2,
      status: "pass",
      title: `No finding scores above CVSS ${limit}`,
      message: `Highest score: ${Math.max(-Infinity, ...active.map((f) => f.cvssScore ?? -Infinity)).toString().replace("-Infinity", "none")}.${unscoredNote}`
    };
  }
  const sorted = [...above].sort((a, b) => b.cvssScore - a.cvssScore || bySeverityThenId(a, b));
  return {
    ruleId,
    family: FAMILY2,
    status: "fail",
    title: `${above.length} finding${above.length === 1 ? "" : "s"} above CVSS ${limit} (highest ${sorted[0].cvssScore})`,
    message: `The policy fails on any CVSS base score above ${limit}.${unscoredNote}`,
    remediation: fixRemediation(above.filter((f) => f.fixedVersion).length),
    findings: sorted
  };
}
function vexResult(evidence, attestations, suppressed) {
  const files = evidence.vex ?? [];
  const documents = [...files, ...attestations.trustedVex];
  const ignored = attestations.ignored;
  if (documents.length === 0 && ignored.length === 0) return [];
  const byVex = suppressed.filter((entry) => entry.by === "vex");
  const statements = documents.reduce((total, document) => total + document.statements.length, 0);
  const read = documents.length > 0 ? `${statements} statement(s) in ${documents.map((d) => d.source.uri).join(", ")} suppressed ${byVex.length} finding(s).` : "No VEX statement was used.";
  return [
    {
      ruleId: `${FAMILY2}.vex`,
      family: FAMILY2,
      status: ignored.length > 0 ? "warn" : "pass",
      title: ignored.length > 0 ? `${ignored.length} attestation(s) on the image were not used` : `VEX suppressed ${byVex.length} finding(s)`,
      message: `${read}${ignored.length > 0 ? ` Not used: ${ignored.join(" ")}` : ""}`,
      ...ignored.length > 0 ? {
        remediation: 'Add the signer to "attestation-signers" if its scans and VEX statements should count, or stop attaching them.'
      } : {}
    }
  ];
}
function expiredAllow(entry, index, at) {
  return {
    ruleId: `${FAMILY2}.allow-expired`,
    family: FAMILY2,
    status: "warn",
    title: `Exception for ${entry.id} expired on ${entry.expires}`,
    message: `The allow entry for ${entry.id}${entry.package ? ` in ${entry.package}` : ""} (reason: ${entry.reason}) no longer applies.`,
    remediation: 'Fix the vulnerability, or renew the exception with a new "expires" date and a current reason.',
    position: at(`allow.${index}`)
  };
}
function fixRemediation(fixable) {
  return fixable > 0 ? "Upgrade the packages to the fixed versions listed (or rebuild on a patched base image); for a finding that does not affect you, add a VEX statement or an allow entry with a reason and an expiry date." : "No fix is published yet: rebuild on another base image, or record why it does not affect you (a VEX statement, or an allow entry with a reason and an expiry date).";
}
function describeScan(scan) {
  const scanner = `${scan.scanner.name}${scan.scanner.version ? ` ${scan.scanner.version}` : ""}`;
  return `${scan.source.uri} (${scanner}, ${scan.findings.length} finding${scan.findings.length === 1 ? "" : "s"})`;
}
function describeCounts(counts) {
  return SEVERITIES.filter((severity) => counts[severity] > 0).map((severity) => `${counts[severity]} ${severity}`).join(", ");
}
function describeSuppressed(suppressed) {
  const by = /* @__PURE__ */ new Map();
  for (const entry of suppressed) by.set(entry.by, (by.get(entry.by) ?? 0) + 1);
  return [...by].map(([what, count]) => `${count} by ${what}`).join(", ");
}

// src/policy/rules/index.ts
var RULE_FAMILIES = [
  signatureRules,
  provenanceRules,
  vulnerabilityRules,
  imageRules,
  sbomRules,
  customRules
];

// src/policy/select.ts
function policyForImage(policy, imageName) {
  const index = policy.images.findIndex((entry) => imageMatches(entry.match, imageName));
  if (index === -1) return policy;
  const override = policy.images[index];
  const selected = { ...policy, positions: { ...policy.positions } };
  if (override.mode !== void 0) {
    selected.mode = override.mode;
    remap(selected, `images.${index}.mode`, "mode");
  }
  for (const key of familyKeys) {
    const section = override[key];
    if (section === void 0) continue;
    selected[key] = section;
    const prefix = `images.${index}.${key}`;
    for (const path of Object.keys(policy.positions)) {
      if (path === prefix || path.startsWith(`${prefix}.`))
        remap(selected, path, path.slice(`images.${index}.`.length));
    }
  }
  const patterns = Array.isArray(override.match) ? override.match.join(", ") : override.match;
  selected.notes = [
    ...policy.notes ?? [],
    `Settings from images[${index}] (${patterns}) apply to ${imageName}.`
  ];
  return selected;
}
function remap(policy, from, to) {
  const position = policy.positions[from];
  if (position) policy.positions[to] = position;
}

// src/policy/evaluate.ts
function evaluatePolicy(policy, evidence, now, options = {}) {
  const effective = options.effective ?? effectivePolicy(policy, evidence.image.name);
  const families = options.families ?? RULE_FAMILIES;
  const results = applyExceptions(
    families.flatMap((family) => family.evaluate(effective, evidence, now)),
    effective,
    evidence.image.name,
    now
  );
  return {
    verdict: results.some((result2) => result2.status === "fail") ? "fail" : "pass",
    mode: effective.mode,
    results,
    errors: [],
    notes: [
      ...effective.notes ?? [],
      ...localImageNotes(effective, evidence, results),
      ...rateLimitNotes(evidence)
    ],
    evaluatedAt: now.toISOString(),
    policyOrigin: policy.origin,
    evidence
  };
}
function effectivePolicy(policy, imageName) {
  const repository = policyForImage(policy, imageName);
  return policy.organization ? tightenPolicy(policyForImage(policy.organization, imageName), repository) : repository;
}

export {
  isExpired,
  imageMatches,
  evaluatePolicy,
  effectivePolicy
};
