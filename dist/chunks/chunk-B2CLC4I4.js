import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  familyResults,
  gatedPlatforms,
  identityRequirement,
  indexSignature
} from "./chunk-FIW5J6G3.js";
import {
  describeSigner,
  matchIdentity
} from "./chunk-BDIAHNI5.js";
import {
  FAMILY_TITLES
} from "./chunk-724VLPQF.js";

// src/provenance/read-predicate.ts
var SLSA_PROVENANCE_PREFIX = "https://slsa.dev/provenance/";
var GITHUB_HOSTED_BUILDER = "https://github.com/actions/runner/github-hosted";
function isSlsaProvenance(predicateType) {
  return predicateType.startsWith(SLSA_PROVENANCE_PREFIX);
}
function readProvenanceFacts(predicateType, predicate) {
  const facts = { predicateType };
  const root = record(predicate);
  const definition = record(root.buildDefinition);
  if (Object.keys(definition).length > 0) {
    facts.buildType = text(definition.buildType);
    facts.builderId = text(record(record(root.runDetails).builder).id);
    const external = record(definition.externalParameters);
    const workflow = record(external.workflow);
    const dependency = gitUri(text(record(list(definition.resolvedDependencies)[0]).uri));
    const source = gitUri(text(record(external.source).uri));
    facts.sourceRepository = text(workflow.repository) ?? dependency?.repository ?? source?.repository;
    facts.sourceRef = text(workflow.ref) ?? dependency?.ref ?? source?.ref;
    const digest = record(record(list(definition.resolvedDependencies)[0]).digest);
    facts.sourceCommit = text(digest.gitCommit) ?? text(digest.sha1);
    const github = record(record(definition.internalParameters).github);
    facts.runnerEnvironment = text(github.runner_environment);
  } else {
    facts.buildType = text(root.buildType);
    facts.builderId = text(record(root.builder).id);
    const configSource = record(record(root.invocation).configSource);
    const source = gitUri(text(configSource.uri));
    facts.sourceRepository = source?.repository;
    facts.sourceRef = source?.ref;
    facts.sourceCommit = text(record(configSource.digest).sha1);
  }
  if (facts.runnerEnvironment === void 0 && facts.builderId === GITHUB_HOSTED_BUILDER) {
    facts.runnerEnvironment = "github-hosted";
  }
  return Object.fromEntries(
    Object.entries(facts).filter(([, value]) => value !== void 0)
  );
}
function sameRepository(url, expected) {
  if (url === void 0) return false;
  if (expected.includes("://")) return url.replace(/\/+$/, "") === expected.replace(/\/+$/, "");
  try {
    return new URL(url).pathname.replace(/\/+$/, "") === `/${expected}`;
  } catch {
    return false;
  }
}
function gitUri(uri) {
  if (!uri?.startsWith("git+")) return void 0;
  const rest = uri.slice("git+".length);
  const at = rest.lastIndexOf("@");
  if (at === -1 || rest.indexOf("/", rest.indexOf("://") + 3) > at) return { repository: rest };
  return { repository: rest.slice(0, at), ref: rest.slice(at + 1) };
}
function record(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
}
function list(value) {
  return Array.isArray(value) ? value : [];
}
function text(value) {
  return typeof value === "string" && value.length > 0 ? value : void 0;
}

// src/policy/rules/provenance.ts
var FAMILY = "provenance";
var provenanceRules = {
  id: FAMILY,
  title: FAMILY_TITLES.provenance,
  evaluate(policy, evidence) {
    const config = policy.provenance;
    const checks = [verifiedProvenance(policy, evidence), unsignedGenerated(evidence)].filter(
      (check) => check !== void 0
    );
    return familyResults(
      FAMILY,
      policy,
      config.mode,
      checks,
      (rule) => rule === "verified" ? "required" : rule
    );
  }
};
function acceptedProvenance(policy, evidence) {
  return provenanceCandidates(evidence).filter((candidate) => refusal(candidate, policy) === void 0);
}
function provenanceCandidates(evidence) {
  return (evidence.verifications ?? []).filter(
    (v) => v.status === "verified" && v.statement !== void 0 && isSlsaProvenance(v.statement.predicateType) && v.artifact.subjectDigest === evidence.image.digest
  );
}
function verifiedProvenance(policy, evidence) {
  const config = policy.provenance;
  const ruleId = `${FAMILY}.verified`;
  const candidates = provenanceCandidates(evidence);
  const failing = config.required ? "fail" : "warn";
  if (candidates.length === 0) {
    const buildkit = buildKitProvenance(policy, evidence);
    if (buildkit) return buildkit;
    if (!config.required) return void 0;
    return {
      ruleId,
      status: "fail",
      title: "No verified provenance",
      message: `No verified SLSA provenance covers ${evidence.image.digest}${invalidNote(evidence)}.${unsignedBuildKitNote(evidence)}`,
      remediation: 'Build provenance for the image by digest: set "provenance: true" with "id-token: write" on this step, or use actions/attest-build-provenance with push-to-registry.'
    };
  }
  const judged = candidates.map((candidate) => ({ candidate, refused: refusal(candidate, policy) }));
  const accepted = judged.find((entry) => entry.refused === void 0);
  if (accepted) {
    const facts = factsOf(accepted.candidate);
    return {
      ruleId,
      status: "pass",
      title: `Provenance from ${facts.builderId ?? "an unnamed builder"}`,
      message: `${describe(accepted.candidate)}: ${describeFacts(facts)}, signed by ${describeSigner(accepted.candidate.signer)}.`
    };
  }
  return {
    ruleId,
    status: failing,
    title: "Provenance found, but none the policy accepts",
    message: judged.map(({ candidate, refused }) => `${describe(candidate)}: ${refused}.`).join(" "),
    remediation: "If this build is legitimate, list its builder, source repository, refs and signer under provenance; otherwise the image was not built by your pipeline."
  };
}
function buildKitProvenance(policy, evidence) {
  const statements = (evidence.buildkitAttestations ?? []).filter((a) => a.statement !== void 0);
  if (statements.length === 0) return void 0;
  const ruleId = `${FAMILY}.verified`;
  const failing = policy.provenance.required ? "fail" : "warn";
  const index = indexSignature(evidence, policy.signatures, (v) => signerProblem(v, policy));
  if (!index.signed) {
    return {
      ruleId,
      status: failing,
      title: "Only unsigned BuildKit provenance",
      message: `BuildKit stored provenance for ${statements.length} platform image(s) in the index, but it is unsigned registry content: ${index.reason}. Unsigned provenance never counts.`,
      remediation: "Sign the index by digest (cosign sign IMAGE@INDEX_DIGEST, or actions/attest-build-provenance with push-to-registry) with an identity listed in provenance.signers or signatures.identities."
    };
  }
  const via = `attested through the signed index (${describeSigner(index.signer)})`;
  const perPlatform = gatedPlatforms(evidence).map((platform) => {
    const own = statements.filter((a) => a.platformDigest === platform.digest);
    const judged = own.map((a) => ({
      a,
      refused: refusal({ statement: a.statement, signer: index.signer }, policy)
    }));
    return { platform, judged, accepted: judged.find((entry) => entry.refused === void 0) };
  });
  const missing = perPlatform.filter((entry) => !entry.accepted);
  if (missing.length === 0) {
    const first = perPlatform[0].accepted.a;
    const facts = factsOf({ statement: first.statement, signer: index.signer });
    return {
      ruleId,
      status: "pass",
      title: `BuildKit provenance from ${facts.builderId || "BuildKit"}`,
      message: `BuildKit provenance for every gated platform (${perPlatform.map((e) => platformText(e.platform)).join(", ")}), ${via}: ${describeFacts(facts)}.`
    };
  }
  return {
    ruleId,
    status: failing,
    title: "BuildKit provenance found, but not for every platform the policy accepts",
    message: missing.map(
      ({ platform, judged }) => judged.length === 0 ? `${platform.digest}: no BuildKit provenance bound to it.` : judged.map(({ a, refused }) => `${a.source.uri} (${via}): ${refused}.`).join(" ")
    ).join(" "),
    remediation: "Build every platform with provenance (docker buildx build --provenance=mode=max) and list its predicate type, builder and source under provenance."
  };
}
function platformText(image) {
  const p = image.platform;
  return p ? [p.os, p.architecture, p.variant].filter(Boolean).join("/") : image.digest;
}
function unsignedBuildKitNote(evidence) {
  const count = (evidence.buildkitAttestations ?? []).filter((a) => a.statement !== void 0).length;
  return count > 0 ? ` BuildKit provenance is in the index (${count}), but nothing counts it.` : "";
}
function unsignedGenerated(evidence) {
  const generated = evidence.generatedProvenance;
  if (!generated?.unsigned) return void 0;
  return {
    ruleId: `${FAMILY}.signed-here`,
    status: "warn",
    title: "The provenance this run made is not signed",
    message: `${generated.unsigned}; the unsigned statement${generated.path ? ` was written to ${generated.path}` : " was kept"} and counts for nothing.`,
    remediation: `Add "id-token: write" to the job's permissions (not available to pull requests from forks: sign in a workflow_run or push workflow instead).`
  };
}
function refusal(candidate, policy) {
  const config = policy.provenance;
  const facts = factsOf(candidate);
  const signer = candidate.signer;
  const signerRefusal = signerProblem(candidate, policy);
  if (signerRefusal) return `signed by ${describeSigner(signer)}, refused: ${signerRefusal}`;
  if (!config["predicate-types"].includes(facts.predicateType)) {
    return `predicate type ${facts.predicateType} is not one of ${config["predicate-types"].join(", ")}`;
  }
  if (config.builders.length > 0 && !config.builders.includes(facts.builderId ?? "")) {
    return `builder ${facts.builderId ?? "(none)"} is not one of ${config.builders.join(", ")}`;
  }
  const claims = signer.kind === "certificate" ? signer.claims : void 0;
  if (claims?.sourceRepositoryUri && facts.sourceRepository) {
    if (!sameRepository(claims.sourceRepositoryUri, facts.sourceRepository)) {
      return `the predicate names source ${facts.sourceRepository}, but its certificate was issued for ${claims.sourceRepositoryUri}`;
    }
  }
  if (claims?.sourceRepositoryRef && facts.sourceRef && claims.sourceRepositoryRef !== facts.sourceRef) {
    return `the predicate names ref ${facts.sourceRef}, but its certificate was issued for ${claims.sourceRepositoryRef}`;
  }
  const repository = claims?.sourceRepositoryUri ?? facts.sourceRepository;
  if (config["source-repositories"].length > 0 && !config["source-repositories"].some((expected) => sameRepository(repository, expected))) {
    return `source repository ${repository ?? "(none)"} is not one of ${config["source-repositories"].join(", ")}`;
  }
  const ref = claims?.sourceRepositoryRef ?? facts.sourceRef;
  if (config["source-refs"].length > 0 && !config["source-refs"].some((pattern) => refMatches(pattern, ref))) {
    return `source ref ${ref ?? "(none)"} is not one of ${config["source-refs"].join(", ")}`;
  }
  if (config["hosted-runners"]) {
    const runner = claims?.runnerEnvironment ?? facts.runnerEnvironment;
    if (runner !== "github-hosted") {
      return `built on ${runner ? `a ${runner} runner` : "a runner it does not name"}, and the policy asks for GitHub-hosted runners`;
    }
  }
  return void 0;
}
function signerProblem(candidate, policy) {
  const signer = candidate.signer;
  if (signer.kind === "public-key") return void 0;
  const identities = policy.provenance.signers.length > 0 ? policy.provenance.signers : policy.signatures.identities;
  if (identities.length === 0) {
    return "the policy allows no provenance signer (provenance.signers and signatures.identities are empty)";
  }
  const reasons = [];
  for (const entry of identities) {
    const match = matchIdentity(signer, identityRequirement(entry));
    if (match.matched) return void 0;
    reasons.push(match.reason);
  }
  return reasons.length === 1 ? reasons[0] : `no allowed identity matches (${reasons.join("; ")})`;
}
function refMatches(pattern, ref) {
  if (ref === void 0) return false;
  const source = pattern.split("*").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(`^${source}$`).test(ref);
}
function factsOf(candidate) {
  return readProvenanceFacts(candidate.statement.predicateType, candidate.statement.predicate);
}
function describeFacts(facts) {
  const parts = [
    facts.sourceRepository && `source ${facts.sourceRepository}${facts.sourceRef ? `@${facts.sourceRef}` : ""}`,
    facts.sourceCommit && `commit ${facts.sourceCommit}`,
    facts.runnerEnvironment && `${facts.runnerEnvironment} runner`
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : `predicate ${facts.predicateType}`;
}
function describe(verification) {
  return `provenance from ${verification.artifact.source.uri}`;
}
function invalidNote(evidence) {
  const invalid = (evidence.verifications ?? []).filter((v) => v.status === "invalid").length;
  return invalid > 0 ? ` (${invalid} attestation(s) failed verification: see the signatures rules)` : "";
}

export {
  readProvenanceFacts,
  provenanceRules,
  acceptedProvenance
};
