import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  acceptedProvenance,
  readProvenanceFacts
} from "./chunk-B2CLC4I4.js";

// src/verification-summary/predicate.ts
import { createHash } from "node:crypto";
var VSA_PREDICATE_TYPE = "https://slsa.dev/verification_summary/v1";
function buildVerificationSummary(decision, policy, context) {
  const evidence = decision.evidence;
  const passed = decision.verdict === "pass";
  return {
    verifier: { id: context.verifierId, version: { "supply-chain-gate": context.toolVersion } },
    timeVerified: decision.evaluatedAt,
    resourceUri: `${evidence.image.name}@${evidence.image.digest}`,
    policy: { uri: decision.policyOrigin, digest: { sha256: policyDigest(policy) } },
    inputAttestations: (evidence.verifications ?? []).flatMap((verification) => {
      const { source } = verification.artifact;
      const hex = verification.status === "verified" ? /^sha256:([0-9a-f]{64})$/.exec(source.digest ?? "")?.[1] : void 0;
      return hex ? [{ uri: source.uri, digest: { sha256: hex } }] : [];
    }),
    verificationResult: passed ? "PASSED" : "FAILED",
    verifiedLevels: passed ? [buildLevel(policy, evidence)] : ["FAILED"],
    slsaVersion: "1.0"
  };
}
function policyDigest(policy) {
  const { origin: _origin, positions: _positions, notes: _notes, organization, ...settings } = policy;
  const document = organization ? { organization: policyDigest(organization), ...settings } : settings;
  return createHash("sha256").update(canonicalJson(document)).digest("hex");
}
function buildLevel(policy, evidence) {
  const accepted = acceptedProvenance(policy, evidence);
  if (accepted.length === 0) return "SLSA_BUILD_LEVEL_0";
  const hosted = accepted.some((verification) => {
    const claims = verification.signer.kind === "certificate" ? verification.signer.claims : void 0;
    const facts = readProvenanceFacts(
      verification.statement.predicateType,
      verification.statement.predicate
    );
    return (claims?.runnerEnvironment ?? facts.runnerEnvironment) === "github-hosted";
  });
  return hosted ? "SLSA_BUILD_LEVEL_2" : "SLSA_BUILD_LEVEL_1";
}
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).filter(([, child]) => child !== void 0).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${canonicalJson(child)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export {
  VSA_PREDICATE_TYPE,
  buildVerificationSummary,
  policyDigest
};
