/**
 * The `signatures` family: the image must carry a verified signature or attestation by a signer
 * the policy allows. Results keep three cases apart: nothing signed the image at all; something
 * signed it, but not an allowed identity (the identity found is shown); a signature is invalid
 * (the check that failed is shown). Pure: it judges `evidence.verifications`, made in collect.ts.
 */
import type { ArtifactVerification, Evidence } from '../../model/evidence.js';
import { describeSigner, matchIdentity, type IdentityRequirement } from '../../sigstore/identity-policy.js';
import type { RuleFamily } from '../decision.js';
import type { SignatureIdentityPolicy, SignaturesPolicy } from '../sections/signatures.js';
import { familyResults, type FamilyCheck } from './rule-mode.js';
import { FAMILY_TITLES } from './titles.js';

const FAMILY = 'signatures';

type Check = FamilyCheck;
type Verified = Extract<ArtifactVerification, { status: 'verified' }>;
type Invalid = Extract<ArtifactVerification, { status: 'invalid' }>;

export const signatureRules: RuleFamily = {
  id: FAMILY,
  title: FAMILY_TITLES.signatures,
  evaluate(policy, evidence) {
    const config = policy.signatures;
    const checks = [signedByAllowedSigner(config, evidence), verificationFailures(evidence)].filter(
      (check): check is Check => check !== undefined,
    );
    return familyResults(FAMILY, policy, config.mode, checks, (rule) =>
      rule === 'signed' ? 'required' : rule,
    );
  },
};

/** The policy's identity entry in the engine's terms. */
export function identityRequirement(entry: SignatureIdentityPolicy): IdentityRequirement {
  return {
    issuer: entry.issuer,
    subject: entry.subject,
    subjectRegExp: entry['subject-regexp'],
    repository: entry.repository,
    ref: entry.ref,
    workflow: entry.workflow,
    runnerEnvironment: entry['runner-environment'],
    trigger: entry.trigger,
  };
}

/** Why a verified signature does not count, or undefined when it does. */
function refusal(verification: Verified, config: SignaturesPolicy): string | undefined {
  const signer = verification.signer;
  if (config['transparency-log'] === 'required' && verification.transparencyLog.length === 0) {
    return 'it has no transparency-log entry, and the policy requires one';
  }
  // Only the policy's own keys are tried during verification, so a key that verified is allowed.
  if (signer.kind === 'public-key') return undefined;
  if (config.identities.length === 0)
    return 'the policy allows no certificate identity (signatures.identities is empty)';
  const reasons: string[] = [];
  for (const entry of config.identities) {
    const match = matchIdentity(signer, identityRequirement(entry));
    if (match.matched) return undefined;
    reasons.push(match.reason);
  }
  return reasons.length === 1 ? reasons[0] : `no allowed identity matches (${reasons.join('; ')})`;
}

function signedByAllowedSigner(config: SignaturesPolicy, evidence: Evidence): Check | undefined {
  const ruleId = `${FAMILY}.signed`;
  const digest = evidence.image.digest;
  const discovered = evidence.discovered.filter((artifact) => artifact.subjectDigest === digest);
  const verifications = (evidence.verifications ?? []).filter(
    (verification) => verification.artifact.subjectDigest === digest,
  );
  const failing = config.required ? 'fail' : 'warn';

  if (discovered.length === 0) {
    // Unsigned images are the norm until a policy asks for signatures: say nothing then.
    if (!config.required) return undefined;
    const looked = (evidence.lookups ?? [])
      .filter((lookup) => lookup.subjectDigest === digest)
      .map((lookup) => lookup.uri);
    return {
      ruleId,
      status: 'fail',
      title: 'No signature at all',
      message: `Nothing signs ${digest}: no signature or attestation was found${looked.length > 0 ? ` (looked in ${looked.join(', ')})` : ''}.`,
      remediation:
        'Sign the image by digest in the workflow that builds it (cosign sign IMAGE@DIGEST, or actions/attest-build-provenance with push-to-registry), or pass its bundle with "bundles".',
    };
  }
  if (verifications.length < discovered.length) {
    // Fail closed: found but not verified is never a pass.
    return {
      ruleId,
      status: 'fail',
      title: 'Signatures were found but not verified',
      message: `${discovered.length - verifications.length} of ${discovered.length} signature(s) for ${digest} were not verified.`,
    };
  }
  const verified = verifications.filter((v): v is Verified => v.status === 'verified');
  const accepted = verified.filter((v) => refusal(v, config) === undefined);
  if (accepted.length > 0) {
    const first = accepted[0]!;
    return {
      ruleId,
      status: 'pass',
      title: `Signed by ${describeSigner(first.signer)}`,
      message: `${accepted.length} verified signature(s) by an allowed signer, e.g. ${describe(first)}.`,
    };
  }
  if (verified.length > 0) {
    return {
      ruleId,
      status: failing,
      title: 'Signed, but not by an identity the policy allows',
      message: verified
        .map((v) => `${describe(v)}: signed by ${describeSigner(v.signer)}, refused: ${refusal(v, config)}.`)
        .join(' '),
      remediation:
        'If this signer is legitimate, add it under signatures.identities (exact subject and issuer) or signatures.keys; otherwise the image was not signed by your pipeline.',
    };
  }
  const invalid = verifications as Invalid[];
  return {
    ruleId,
    status: 'fail',
    title: 'Signature invalid',
    message: invalid.map((v) => `${describe(v)}: ${v.check} check failed: ${v.message}.`).join(' '),
    remediation:
      'Re-sign the image by digest; an invalid signature means the bundle was altered, was made for another image, or comes from an untrusted Sigstore instance.',
  };
}

/** Invalid signatures beside a valid one are reported, never silently dropped. */
function verificationFailures(evidence: Evidence): Check | undefined {
  const invalid = (evidence.verifications ?? []).filter((v): v is Invalid => v.status === 'invalid');
  const verified = (evidence.verifications ?? []).some((v) => v.status === 'verified');
  if (invalid.length === 0 || !verified) return undefined;
  return {
    ruleId: `${FAMILY}.invalid`,
    status: 'warn',
    title: `${invalid.length} signature(s) failed verification`,
    message: invalid.map((v) => `${describe(v)}: ${v.check} check failed: ${v.message}.`).join(' '),
    remediation: 'Find out who attached these signatures; remove them if they are stale.',
  };
}

function describe(verification: ArtifactVerification): string {
  const kind = verification.artifact.kind.replace('-', ' ');
  return `${kind} from ${verification.artifact.source.uri}`;
}
