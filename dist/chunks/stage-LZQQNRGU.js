import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  describeError
} from "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";

// src/verification-summary/stage.ts
async function verificationSummaryStage(decision, policy, request, deps) {
  if (!request || decision.verdict === "error") return decision;
  try {
    const { emitVerificationSummary } = await import("./emit-Z72E6NLI.js");
    const note = await emitVerificationSummary(decision, policy, request, await deps());
    return note ? { ...decision, notes: [...decision.notes ?? [], note] } : decision;
  } catch (error) {
    return {
      ...decision,
      verdict: "error",
      errors: [
        ...decision.errors,
        `the verification summary could not be published: ${describeError(error)}`
      ]
    };
  }
}
export {
  verificationSummaryStage
};
