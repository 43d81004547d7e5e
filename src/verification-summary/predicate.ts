/**
 * The SLSA Verification Summary Attestation (https://slsa.dev/verification_summary/v1) of one
 * decision: who verified, under which policy (and its digest), from which attestations, with what
 * result and SLSA build level. Signed and attached to the image, it lets an admission controller
 * require "this digest passed the gate under this policy". Pure.
 */
import { createHash } from 'node:crypto';
import type { Evidence } from '../model/evidence.js';
import type { Decision } from '../policy/decision.js';
import { acceptedProvenance } from '../policy/rules/provenance.js';
import { readProvenanceFacts } from '../provenance/read-predicate.js';
import type { Policy } from '../policy/schema.js';

export const VSA_PREDICATE_TYPE = 'https://slsa.dev/verification_summary/v1';

export interface VerificationSummary {
  verifier: { id: string; version: Record<string, string> };
  timeVerified: string;
  resourceUri: string;
  policy: { uri: string; digest: { sha256: string } };
  inputAttestations: Array<{ uri: string; digest: Record<string, string> }>;
  verificationResult: 'PASSED' | 'FAILED';
  verifiedLevels: string[];
  slsaVersion: '1.0';
}

export interface SummaryContext {
  /** The workflow that ran the gate: its job workflow ref as a URL, the signing identity too. */
  verifierId: string;
  toolVersion: string;
}

/** A decision that could not decide (`error`) has nothing to summarize. */
export function buildVerificationSummary(
  decision: Decision & { verdict: 'pass' | 'fail'; evidence: Evidence },
  policy: Policy,
  context: SummaryContext,
): VerificationSummary {
  const evidence = decision.evidence;
  const passed = decision.verdict === 'pass';
  return {
    verifier: { id: context.verifierId, version: { 'supply-chain-gate': context.toolVersion } },
    timeVerified: decision.evaluatedAt,
    resourceUri: `${evidence.image.name}@${evidence.image.digest}`,
    policy: { uri: decision.policyOrigin, digest: { sha256: policyDigest(policy) } },
    inputAttestations: (evidence.verifications ?? []).flatMap((verification) => {
      const { source } = verification.artifact;
      const hex =
        verification.status === 'verified'
          ? /^sha256:([0-9a-f]{64})$/.exec(source.digest ?? '')?.[1]
          : undefined;
      return hex ? [{ uri: source.uri, digest: { sha256: hex } }] : [];
    }),
    verificationResult: passed ? 'PASSED' : 'FAILED',
    verifiedLevels: passed ? [buildLevel(policy, evidence)] : ['FAILED'],
    slsaVersion: '1.0',
  };
}

/**
 * The policy's digest: sha256 of its settings as canonical JSON (keys sorted, no whitespace), so
 * it changes exactly when what the gate enforces changes, not with comments or key order.
 */
export function policyDigest(policy: Policy): string {
  const { origin: _origin, positions: _positions, notes: _notes, organization, ...settings } = policy;
  const document = organization ? { organization: policyDigest(organization), ...settings } : settings;
  return createHash('sha256').update(canonicalJson(document)).digest('hex');
}

/**
 * Build L2: provenance the policy accepts, signed through the build platform's OIDC identity, from
 * a GitHub-hosted runner; L1 for provenance from a runner the platform does not host; L0 without.
 */
function buildLevel(policy: Policy, evidence: Evidence): string {
  const accepted = acceptedProvenance(policy, evidence);
  if (accepted.length === 0) return 'SLSA_BUILD_LEVEL_0';
  const hosted = accepted.some((verification) => {
    const claims = verification.signer.kind === 'certificate' ? verification.signer.claims : undefined;
    const facts = readProvenanceFacts(
      verification.statement!.predicateType,
      verification.statement!.predicate,
    );
    return (claims?.runnerEnvironment ?? facts.runnerEnvironment) === 'github-hosted';
  });
  return hosted ? 'SLSA_BUILD_LEVEL_2' : 'SLSA_BUILD_LEVEL_1';
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, child]) => child !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${canonicalJson(child)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
