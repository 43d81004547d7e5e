import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  describeSigner,
  matchIdentity
} from "./chunk-BDIAHNI5.js";
import {
  FAMILY_TITLES
} from "./chunk-724VLPQF.js";

// src/policy/rules/rule-mode.ts
function applyRuleMode(result, mode) {
  return mode === "warn" && result.status === "fail" ? { ...result, status: "warn" } : result;
}
function familyResults(family, policy, mode, checks, settingOf = (rule) => rule) {
  return checks.map((check) => {
    const setting = settingOf(check.ruleId.slice(family.length + 1));
    const position = policy.positions[`${family}.${setting}`] ?? policy.positions[family];
    return applyRuleMode({ ...check, family, position }, mode);
  });
}

// src/policy/rules/signatures.ts
var FAMILY = "signatures";
var signatureRules = {
  id: FAMILY,
  title: FAMILY_TITLES.signatures,
  evaluate(policy, evidence) {
    const config = policy.signatures;
    const checks = [signedByAllowedSigner(config, evidence), verificationFailures(evidence)].filter(
      (check) => check !== void 0
    );
    return familyResults(
      FAMILY,
      policy,
      config.mode,
      checks,
      (rule) => rule === "signed" ? "required" : rule
    );
  }
};
function identityRequirement(entry) {
  return {
    issuer: entry.issuer,
    subject: entry.subject,
    subjectRegExp: entry["subject-regexp"],
    repository: entry.repository,
    ref: entry.ref,
    workflow: entry.workflow,
    runnerEnvironment: entry["runner-environment"],
    trigger: entry.trigger
  };
}
function signatureRefusal(verification, config) {
  const signer = verification.signer;
  if (config["transparency-log"] === "required" && verification.transparencyLog.length === 0) {
    return "it has no transparency-log entry, and the policy requires one";
  }
  if (signer.kind === "public-key") return void 0;
  if (config.identities.length === 0)
    return "the policy allows no certificate identity (signatures.identities is empty)";
  const reasons = [];
  for (const entry of config.identities) {
    const match = matchIdentity(signer, identityRequirement(entry));
    if (match.matched) return void 0;
    reasons.push(match.reason);
  }
  return reasons.length === 1 ? reasons[0] : `no allowed identity matches (${reasons.join("; ")})`;
}
function signedByAllowedSigner(config, evidence) {
  const ruleId = `${FAMILY}.signed`;
  const digest = evidence.image.digest;
  const discovered = evidence.discovered.filter((artifact) => artifact.subjectDigest === digest);
  const verifications = (evidence.verifications ?? []).filter(
    (verification) => verification.artifact.subjectDigest === digest
  );
  const failing = config.required ? "fail" : "warn";
  if (discovered.length === 0) {
    if (!config.required) return void 0;
    const looked = (evidence.lookups ?? []).filter((lookup) => lookup.subjectDigest === digest).map((lookup) => lookup.uri);
    return {
      ruleId,
      status: "fail",
      title: "No signature at all",
      message: `Nothing signs ${digest}: no signature or attestation was found${looked.length > 0 ? ` (looked in ${looked.join(", ")})` : ""}.`,
      remediation: 'Sign the image by digest in the workflow that builds it (cosign sign IMAGE@DIGEST, or actions/attest-build-provenance with push-to-registry), or pass its bundle with "bundles".'
    };
  }
  if (verifications.length < discovered.length) {
    return {
      ruleId,
      status: "fail",
      title: "Signatures were found but not verified",
      message: `${discovered.length - verifications.length} of ${discovered.length} signature(s) for ${digest} were not verified.`
    };
  }
  const verified = verifications.filter((v) => v.status === "verified");
  const accepted = verified.filter((v) => signatureRefusal(v, config) === void 0);
  if (accepted.length > 0) {
    const first = accepted[0];
    return {
      ruleId,
      status: "pass",
      title: `Signed by ${describeSigner(first.signer)}`,
      message: `${accepted.length} verified signature(s) by an allowed signer, e.g. ${describe(first)}.`
    };
  }
  if (verified.length > 0) {
    return {
      ruleId,
      status: failing,
      title: "Signed, but not by an identity the policy allows",
      message: verified.map(
        (v) => `${describe(v)}: signed by ${describeSigner(v.signer)}, refused: ${signatureRefusal(v, config)}.`
      ).join(" "),
      remediation: "If this signer is legitimate, add it under signatures.identities (exact subject and issuer) or signatures.keys; otherwise the image was not signed by your pipeline."
    };
  }
  const invalid = verifications;
  return {
    ruleId,
    status: "fail",
    title: "Signature invalid",
    message: invalid.map((v) => `${describe(v)}: ${v.check} check failed: ${v.message}.`).join(" "),
    remediation: "Re-sign the image by digest; an invalid signature means the bundle was altered, was made for another image, or comes from an untrusted Sigstore instance."
  };
}
function verificationFailures(evidence) {
  const invalid = (evidence.verifications ?? []).filter((v) => v.status === "invalid");
  const verified = (evidence.verifications ?? []).some((v) => v.status === "verified");
  if (invalid.length === 0 || !verified) return void 0;
  return {
    ruleId: `${FAMILY}.invalid`,
    status: "warn",
    title: `${invalid.length} signature(s) failed verification`,
    message: invalid.map((v) => `${describe(v)}: ${v.check} check failed: ${v.message}.`).join(" "),
    remediation: "Find out who attached these signatures; remove them if they are stale."
  };
}
function describe(verification) {
  const kind = verification.artifact.kind.replace("-", " ");
  return `${kind} from ${verification.artifact.source.uri}`;
}

// src/policy/attestation-trust.ts
var INDEX_MEDIA_TYPES = /* @__PURE__ */ new Set([
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json"
]);
function indexSignature(evidence, config, allowed) {
  const image = evidence.image;
  if (!INDEX_MEDIA_TYPES.has(image.mediaType)) {
    return { signed: false, reason: `${image.digest} is not an image index` };
  }
  const verified = (evidence.verifications ?? []).filter(
    (v) => v.status === "verified" && v.artifact.subjectDigest === image.digest
  );
  if (verified.length === 0)
    return { signed: false, reason: `nothing verified signs the index ${image.digest}` };
  const refusals = [];
  for (const verification of verified) {
    const refused = (allowed ?? ((v) => signatureRefusal(v, config)))(verification);
    if (refused === void 0) return { signed: true, signer: verification.signer, verification };
    refusals.push(`${describeSigner(verification.signer)}: ${refused}`);
  }
  return { signed: false, reason: `the index is signed, but by no allowed signer (${refusals.join("; ")})` };
}
function judgeSboms(policy, evidence) {
  const platforms = gatedPlatforms(evidence);
  const all = platforms.map((platform) => platform.digest);
  let index;
  return (evidence.sboms ?? []).map((sbom) => {
    const origin = sbom.origin;
    switch (origin.kind) {
      case "file":
        return { sbom, usable: true, trust: "given as a file by the workflow", covers: all };
      case "buildkit": {
        index ??= indexSignature(evidence, policy.signatures);
        const covers = [origin.platformDigest];
        if (index.signed) {
          return {
            sbom,
            usable: true,
            trust: `attested through the signed index (${describeSigner(index.signer)})`,
            covers
          };
        }
        return policy.sbom["accept-unsigned"] ? {
          sbom,
          usable: true,
          trust: `unsigned registry content (${index.reason}), accepted by sbom.accept-unsigned`,
          covers
        } : {
          sbom,
          usable: false,
          trust: `unsigned registry content: ${index.reason}; set sbom.accept-unsigned to use it`,
          covers
        };
      }
      case "attestation": {
        const covers = origin.subjectDigest === evidence.image.digest ? all : all.filter((d) => d === origin.subjectDigest);
        const verification = (evidence.verifications ?? []).find(
          (v) => v.status === "verified" && v.artifact.source === sbom.source
        );
        const refused = verification ? signatureRefusal(verification, policy.signatures) : "its verification is missing";
        return refused === void 0 ? { sbom, usable: true, trust: `signed attestation by ${describeSigner(origin.signer)}`, covers } : {
          sbom,
          usable: false,
          trust: `attestation signed by ${describeSigner(origin.signer)}, refused: ${refused}`,
          covers
        };
      }
    }
  });
}
function sbomSourceLabel(sbom) {
  const kind = sbom.format === "spdx" ? `SPDX ${sbom.specVersion.replace(/^SPDX-/, "")}` : `CycloneDX ${sbom.specVersion}`;
  switch (sbom.origin.kind) {
    case "file":
      return `${kind} file ${sbom.source.uri}`;
    case "buildkit":
      return `BuildKit ${kind} attestation ${sbom.source.uri}`;
    case "attestation":
      return `${kind} attestation ${sbom.source.uri}`;
  }
}
function gatedPlatforms(evidence) {
  return evidence.image.platforms.length > 0 ? evidence.image.platforms : [
    {
      digest: evidence.image.digest,
      mediaType: evidence.image.mediaType,
      annotations: evidence.image.annotations,
      layers: evidence.image.layers,
      compressedSize: 0,
      source: evidence.image.source
    }
  ];
}

export {
  applyRuleMode,
  familyResults,
  signatureRules,
  identityRequirement,
  indexSignature,
  judgeSboms,
  sbomSourceLabel,
  gatedPlatforms
};
