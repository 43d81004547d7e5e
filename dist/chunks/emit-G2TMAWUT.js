import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  VSA_PREDICATE_TYPE,
  buildVerificationSummary
} from "./chunk-WALL74MB.js";
import "./chunk-XJ7IR3IO.js";
import "./chunk-BDIAHNI5.js";
import "./chunk-WTUUJLTT.js";
import {
  buildStatement,
  describePublished,
  publishStatement
} from "./chunk-44HZQLZY.js";
import "./chunk-GLKH4LBI.js";
import "./chunk-Y3TMLN4E.js";
import "./chunk-OZQJB34A.js";
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
