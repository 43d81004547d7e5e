/**
 * Does a certificate's identity satisfy one identity the policy allows? Exact by construction: the
 * subject is compared whole, or matched by a regular expression the user wrote, which is anchored
 * at both ends; the issuer and every workflow claim are compared whole. Never a substring.
 */
import type { SignerIdentity } from '../model/evidence.js';

export interface IdentityRequirement {
  issuer: string;
  subject?: string;
  /** A regular expression over the whole subject (anchored here: `^(?:…)$`). */
  subjectRegExp?: string;
  /** `OWNER/NAME` (the source repository's path) or the full repository URI. */
  repository?: string;
  /** The source ref, e.g. `refs/heads/main`. */
  ref?: string;
  /** The workflow file in the source repository, e.g. `.github/workflows/release.yml`. */
  workflow?: string;
  runnerEnvironment?: string;
  /** The event that started the run, e.g. `push`. */
  trigger?: string;
}

export type CertificateSigner = Extract<SignerIdentity, { kind: 'certificate' }>;
export type IdentityMatch = { matched: true } | { matched: false; reason: string };

/** Throws SyntaxError for an invalid pattern. */
export function anchoredRegExp(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

export function matchIdentity(signer: CertificateSigner, requirement: IdentityRequirement): IdentityMatch {
  const claims = signer.claims;
  if (signer.issuer !== requirement.issuer) {
    return mismatch('issuer', requirement.issuer, signer.issuer);
  }
  if (requirement.subject !== undefined && signer.san !== requirement.subject) {
    return mismatch('subject', requirement.subject, signer.san);
  }
  if (requirement.subjectRegExp !== undefined) {
    if (signer.san === undefined || !anchoredRegExp(requirement.subjectRegExp).test(signer.san)) {
      return mismatch('subject-regexp', `^(?:${requirement.subjectRegExp})$`, signer.san);
    }
  }
  if (
    requirement.repository !== undefined &&
    !sameRepository(claims.sourceRepositoryUri, requirement.repository)
  ) {
    return mismatch('repository', requirement.repository, claims.sourceRepositoryUri);
  }
  if (requirement.ref !== undefined && claims.sourceRepositoryRef !== requirement.ref) {
    return mismatch('ref', requirement.ref, claims.sourceRepositoryRef);
  }
  if (
    requirement.workflow !== undefined &&
    workflowPath(signer) !== requirement.workflow.replace(/^\/+/, '')
  ) {
    return mismatch('workflow', requirement.workflow, claims.buildConfigUri);
  }
  if (
    requirement.runnerEnvironment !== undefined &&
    claims.runnerEnvironment !== requirement.runnerEnvironment
  ) {
    return mismatch('runner-environment', requirement.runnerEnvironment, claims.runnerEnvironment);
  }
  if (requirement.trigger !== undefined && claims.buildTrigger !== requirement.trigger) {
    return mismatch('trigger', requirement.trigger, claims.buildTrigger);
  }
  return { matched: true };
}

/** One line naming a signer, for reports: `SAN (issuer ISSUER)` or `key ID`. */
export function describeSigner(signer: SignerIdentity): string {
  if (signer.kind === 'public-key') return `key ${signer.keyId}`;
  const parts = [`issuer ${signer.issuer ?? 'unknown'}`];
  if (signer.claims.runnerEnvironment) parts.push(`runner ${signer.claims.runnerEnvironment}`);
  return `${signer.san ?? 'a certificate with no subject'} (${parts.join(', ')})`;
}

function mismatch(field: string, expected: string, found: string | undefined): IdentityMatch {
  return {
    matched: false,
    reason: `${field}: expected ${JSON.stringify(expected)}, found ${found === undefined ? 'none' : JSON.stringify(found)}`,
  };
}

function sameRepository(uri: string | undefined, expected: string): boolean {
  if (uri === undefined) return false;
  if (expected.includes('://')) return uri === expected;
  try {
    return new URL(uri).pathname === `/${expected}`;
  } catch {
    return false;
  }
}

/** The workflow file's path inside the source repository, from the build config URI. */
function workflowPath(signer: CertificateSigner): string | undefined {
  const { buildConfigUri, sourceRepositoryUri } = signer.claims;
  if (!buildConfigUri || !sourceRepositoryUri) return undefined;
  const at = buildConfigUri.lastIndexOf('@');
  const withoutRef = at === -1 ? buildConfigUri : buildConfigUri.slice(0, at);
  const prefix = `${sourceRepositoryUri}/`;
  return withoutRef.startsWith(prefix) ? withoutRef.slice(prefix.length) : undefined;
}
