import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  parseSigstoreChoice
} from "./chunk-WEC47CZG.js";
import {
  ConfigurationError
} from "./chunk-QCJNFU7Y.js";

// src/provenance/requests.ts
var DEFAULT_PROVENANCE_PATH = "supply-chain-gate-provenance.json";
var DEFAULT_VERIFICATION_SUMMARY_PATH = "supply-chain-gate-verification-summary.json";
function parsePublishTargets(text, what) {
  const entries = (text ?? "").split(/[,\n]/).map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    if (entry !== "registry" && entry !== "github") {
      throw new ConfigurationError(
        "invalid-push-target",
        `${what} takes registry, github or both (comma-separated), got ${JSON.stringify(entry.slice(0, 80))}`
      );
    }
  }
  return [...new Set(entries)];
}
function provenanceRequest(texts, names) {
  return {
    ...publishRequest(texts, names, DEFAULT_PROVENANCE_PATH),
    platformSubjects: texts.platformSubjects ?? false
  };
}
function verificationSummaryRequest(texts, names) {
  return publishRequest({ ...texts, sign: true }, names, DEFAULT_VERIFICATION_SUMMARY_PATH);
}
function publishRequest(texts, names, defaultPath) {
  return {
    sign: texts.sign ?? true,
    push: parsePublishTargets(texts.push, names.push),
    sigstore: texts.sigstore ? parseSigstoreChoice(texts.sigstore, names.sigstore) : "auto",
    outPath: texts.path ?? defaultPath
  };
}

export {
  provenanceRequest,
  verificationSummaryRequest
};
