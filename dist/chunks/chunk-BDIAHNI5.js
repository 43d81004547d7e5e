import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);

// src/sigstore/identity-policy.ts
function anchoredRegExp(pattern) {
  return new RegExp(`^(?:${pattern})$`);
}
function matchIdentity(signer, requirement) {
  const claims = signer.claims;
  if (signer.issuer !== requirement.issuer) {
    return mismatch("issuer", requirement.issuer, signer.issuer);
  }
  if (requirement.subject !== void 0 && signer.san !== requirement.subject) {
    return mismatch("subject", requirement.subject, signer.san);
  }
  if (requirement.subjectRegExp !== void 0) {
    if (signer.san === void 0 || !anchoredRegExp(requirement.subjectRegExp).test(signer.san)) {
      return mismatch("subject-regexp", `^(?:${requirement.subjectRegExp})$`, signer.san);
    }
  }
  if (requirement.repository !== void 0 && !sameRepository(claims.sourceRepositoryUri, requirement.repository)) {
    return mismatch("repository", requirement.repository, claims.sourceRepositoryUri);
  }
  if (requirement.ref !== void 0 && claims.sourceRepositoryRef !== requirement.ref) {
    return mismatch("ref", requirement.ref, claims.sourceRepositoryRef);
  }
  if (requirement.workflow !== void 0 && workflowPath(signer) !== requirement.workflow.replace(/^\/+/, "")) {
    return mismatch("workflow", requirement.workflow, claims.buildConfigUri);
  }
  if (requirement.runnerEnvironment !== void 0 && claims.runnerEnvironment !== requirement.runnerEnvironment) {
    return mismatch("runner-environment", requirement.runnerEnvironment, claims.runnerEnvironment);
  }
  if (requirement.trigger !== void 0 && claims.buildTrigger !== requirement.trigger) {
    return mismatch("trigger", requirement.trigger, claims.buildTrigger);
  }
  return { matched: true };
}
function describeSigner(signer) {
  if (signer.kind === "public-key") return `key ${signer.keyId}`;
  const parts = [`issuer ${signer.issuer ?? "unknown"}`];
  if (signer.claims.runnerEnvironment) parts.push(`runner ${signer.claims.runnerEnvironment}`);
  return `${signer.san ?? "a certificate with no subject"} (${parts.join(", ")})`;
}
function mismatch(field, expected, found) {
  return {
    matched: false,
    reason: `${field}: expected ${JSON.stringify(expected)}, found ${found === void 0 ? "none" : JSON.stringify(found)}`
  };
}
function sameRepository(uri, expected) {
  if (uri === void 0) return false;
  if (expected.includes("://")) return uri === expected;
  try {
    return new URL(uri).pathname === `/${expected}`;
  } catch {
    return false;
  }
}
function workflowPath(signer) {
  const { buildConfigUri, sourceRepositoryUri } = signer.claims;
  if (!buildConfigUri || !sourceRepositoryUri) return void 0;
  const at = buildConfigUri.lastIndexOf("@");
  const withoutRef = at === -1 ? buildConfigUri : buildConfigUri.slice(0, at);
  const prefix = `${sourceRepositoryUri}/`;
  return withoutRef.startsWith(prefix) ? withoutRef.slice(prefix.length) : void 0;
}

export {
  anchoredRegExp,
  matchIdentity,
  describeSigner
};
