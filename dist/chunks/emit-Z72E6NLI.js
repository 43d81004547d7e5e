import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  VSA_PREDICATE_TYPE,
  buildVerificationSummary
} from "./chunk-QBF4TB6F.js";
import {
  buildStatement,
  describePublished,
  publishStatement
} from "./chunk-MKJL3NIR.js";
import "./chunk-QLG7OL2Z.js";
import "./chunk-Y3TMLN4E.js";
import "./chunk-WEC47CZG.js";
import "./chunk-QOS5LJET.js";
import "./chunk-X5KWVBVD.js";
import "./chunk-B2CLC4I4.js";
import "./chunk-FIW5J6G3.js";
import "./chunk-BDIAHNI5.js";
import "./chunk-PWUTPHJS.js";
import "./chunk-HYJ74MIN.js";
import "./chunk-724VLPQF.js";
import "./chunk-TIDU6746.js";
import "./chunk-AJCAIOG3.js";
import {
  parseImageReference
} from "./chunk-V6QQ6HQ7.js";
import "./chunk-3TJM3MKJ.js";
import "./chunk-QCJNFU7Y.js";
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
