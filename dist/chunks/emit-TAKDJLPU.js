import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  acceptedProvenance,
  readProvenanceFacts
} from "./chunk-XJ7IR3IO.js";
import "./chunk-BDIAHNI5.js";
import "./chunk-WTUUJLTT.js";
import {
  buildStatement,
  describePublished,
  publishStatement
} from "./chunk-GHI3U6FR.js";
import "./chunk-GLKH4LBI.js";
import "./chunk-Y3TMLN4E.js";
import "./chunk-NGSMWMCF.js";
import "./chunk-WVMH47QC.js";
import "./chunk-JSTD6EEF.js";
import "./chunk-YLEJ7X7X.js";
import "./chunk-VNN65AUY.js";
import "./chunk-ONPWZNHG.js";
import "./chunk-WFTUDDPJ.js";
import {
  parseImageReference
} from "./chunk-FZT7OACS.js";
import "./chunk-SB4G7AKF.js";
import "./chunk-GVUJSAVW.js";

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

// src/verification-summary/emit.ts
async function emitVerificationSummary(decision, policy, request, deps) {
  if (decision.verdict === "error" || !decision.evidence) return void 0;
  const evidence = decision.evidence;
  const claims = deps.signing.claims;
  const summary = buildVerificationSummary({ ...decision, verdict: decision.verdict, evidence }, policy, {
    verifierId: `${claims.serverUrl}/${claims.jobWorkflowRef}`,
    toolVersion: deps.toolVersion
  });
  const statement = buildStatement(evidence.image.name, [evidence.image.digest], VSA_PREDICATE_TYPE, summary);
  const published = await publishStatement(
    statement,
    { reference: parseImageReference(evidence.image.reference), digest: evidence.image.digest },
    request,
    deps
  );
  return describePublished(
    `Verification summary (${summary.verificationResult}, ${summary.verifiedLevels.join(", ")}, policy sha256:${summary.policy.digest.sha256})`,
    published,
    deps.workspace
  );
}
export {
  emitVerificationSummary
};
