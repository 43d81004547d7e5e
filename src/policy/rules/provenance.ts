/**
 * The `provenance` family: the image must carry verified SLSA provenance, signed by a signer the
 * policy allows, from an accepted builder, source repository and ref, built on a hosted runner when
 * asked. Provenance made by this run and provenance found on the image are judged alike: both are
 * verified attestations in `evidence.verifications`.
 *
 * What the signing certificate says outranks what the predicate says: the workflow writes the
 * predicate, GitHub's OIDC token (hence Fulcio) vouches for the certificate's source repository,
 * ref and runner. A predicate that contradicts its own certificate is refused.
 */
import type { ArtifactVerification, Evidence } from '../../model/evidence.js';
import {
  isSlsaProvenance,
  readProvenanceFacts,
  sameRepository,
  type ProvenanceFacts,
} from '../../provenance/read-predicate.js';
import { describeSigner, matchIdentity } from '../../sigstore/identity-policy.js';
import type { RuleFamily } from '../decision.js';
import type { Policy } from '../schema.js';
import { identityRequirement } from './signatures.js';
import { familyResults, type FamilyCheck } from './rule-mode.js';
import { FAMILY_TITLES } from './titles.js';

const FAMILY = 'provenance';

type Check = FamilyCheck;
type Verified = Extract<ArtifactVerification, { status: 'verified' }>;

export const provenanceRules: RuleFamily = {
  id: FAMILY,
  title: FAMILY_TITLES.provenance,
  evaluate(policy, evidence) {
    const config = policy.provenance;
    const checks = [verifiedProvenance(policy, evidence), unsignedGenerated(evidence)].filter(
      (check): check is Check => check !== undefined,
    );
    return familyResults(FAMILY, policy, config.mode, checks, (rule) =>
      rule === 'verified' ? 'required' : rule,
    );
  },
};

/** The provenance this policy accepts, among the verified attestations of the gated digest. */
export function acceptedProvenance(policy: Policy, evidence: Evidence): Verified[] {
  return provenanceCandidates(evidence).filter((candidate) => refusal(candidate, policy) === undefined);
}

function provenanceCandidates(evidence: Evidence): Verified[] {
  return (evidence.verifications ?? []).filter(
    (v): v is Verified =>
      v.status === 'verified' &&
      v.statement !== undefined &&
      isSlsaProvenance(v.statement.predicateType) &&
      v.artifact.subjectDigest === evidence.image.digest,
  );
}

function verifiedProvenance(policy: Policy, evidence: Evidence): Check | undefined {
  const config = policy.provenance;
  const ruleId = `${FAMILY}.verified`;
  const candidates = provenanceCandidates(evidence);
  const failing = config.required ? 'fail' : 'warn';
  if (candidates.length === 0) {
    if (!config.required) return undefined;
    return {
      ruleId,
      status: 'fail',
      title: 'No verified provenance',
      message: `No verified SLSA provenance covers ${evidence.image.digest}${invalidNote(evidence)}.`,
      remediation:
        'Build provenance for the image by digest: set "provenance: true" with "id-token: write" on this step, or use actions/attest-build-provenance with push-to-registry.',
    };
  }
  const judged = candidates.map((candidate) => ({ candidate, refused: refusal(candidate, policy) }));
  const accepted = judged.find((entry) => entry.refused === undefined);
  if (accepted) {
    const facts = factsOf(accepted.candidate);
    return {
      ruleId,
      status: 'pass',
      title: `Provenance from ${facts.builderId ?? 'an unnamed builder'}`,
      message: `${describe(accepted.candidate)}: ${describeFacts(facts)}, signed by ${describeSigner(accepted.candidate.signer)}.`,
    };
  }
  return {
    ruleId,
    status: failing,
    title: 'Provenance found, but none the policy accepts',
    message: judged.map(({ candidate, refused }) => `${describe(candidate)}: ${refused}.`).join(' '),
    remediation:
      'If this build is legitimate, list its builder, source repository, refs and signer under provenance; otherwise the image was not built by your pipeline.',
  };
}

/** This run was asked for provenance but could not sign it: say why, and what to add. */
function unsignedGenerated(evidence: Evidence): Check | undefined {
  const generated = evidence.generatedProvenance;
  if (!generated?.unsigned) return undefined;
  return {
    ruleId: `${FAMILY}.signed-here`,
    status: 'warn',
    title: 'The provenance this run made is not signed',
    message: `${generated.unsigned}; the unsigned statement${generated.path ? ` was written to ${generated.path}` : ' was kept'} and counts for nothing.`,
    remediation:
      'Add "id-token: write" to the job\'s permissions (not available to pull requests from forks: sign in a workflow_run or push workflow instead).',
  };
}

/** Why this provenance does not count, or undefined when it does. */
function refusal(candidate: Verified, policy: Policy): string | undefined {
  const config = policy.provenance;
  const facts = factsOf(candidate);
  const signer = candidate.signer;
  const signerRefusal = signerProblem(candidate, policy);
  if (signerRefusal) return `signed by ${describeSigner(signer)}, refused: ${signerRefusal}`;
  if (!config['predicate-types'].includes(facts.predicateType)) {
    return `predicate type ${facts.predicateType} is not one of ${config['predicate-types'].join(', ')}`;
  }
  if (config.builders.length > 0 && !config.builders.includes(facts.builderId ?? '')) {
    return `builder ${facts.builderId ?? '(none)'} is not one of ${config.builders.join(', ')}`;
  }
  const claims = signer.kind === 'certificate' ? signer.claims : undefined;
  if (claims?.sourceRepositoryUri && facts.sourceRepository) {
    if (!sameRepository(claims.sourceRepositoryUri, facts.sourceRepository)) {
      return `the predicate names source ${facts.sourceRepository}, but its certificate was issued for ${claims.sourceRepositoryUri}`;
    }
  }
  if (claims?.sourceRepositoryRef && facts.sourceRef && claims.sourceRepositoryRef !== facts.sourceRef) {
    return `the predicate names ref ${facts.sourceRef}, but its certificate was issued for ${claims.sourceRepositoryRef}`;
  }
  const repository = claims?.sourceRepositoryUri ?? facts.sourceRepository;
  if (
    config['source-repositories'].length > 0 &&
    !config['source-repositories'].some((expected) => sameRepository(repository, expected))
  ) {
    return `source repository ${repository ?? '(none)'} is not one of ${config['source-repositories'].join(', ')}`;
  }
  const ref = claims?.sourceRepositoryRef ?? facts.sourceRef;
  if (
    config['source-refs'].length > 0 &&
    !config['source-refs'].some((pattern) => refMatches(pattern, ref))
  ) {
    return `source ref ${ref ?? '(none)'} is not one of ${config['source-refs'].join(', ')}`;
  }
  if (config['hosted-runners']) {
    const runner = claims?.runnerEnvironment ?? facts.runnerEnvironment;
    if (runner !== 'github-hosted') {
      return `built on ${runner ? `a ${runner} runner` : 'a runner it does not name'}, and the policy asks for GitHub-hosted runners`;
    }
  }
  return undefined;
}

function signerProblem(candidate: Verified, policy: Policy): string | undefined {
  const signer = candidate.signer;
  // A key the policy lists is the only kind verification lets through.
  if (signer.kind === 'public-key') return undefined;
  const identities =
    policy.provenance.signers.length > 0 ? policy.provenance.signers : policy.signatures.identities;
  if (identities.length === 0) {
    return 'the policy allows no provenance signer (provenance.signers and signatures.identities are empty)';
  }
  const reasons: string[] = [];
  for (const entry of identities) {
    const match = matchIdentity(signer, identityRequirement(entry));
    if (match.matched) return undefined;
    reasons.push(match.reason);
  }
  return reasons.length === 1 ? reasons[0] : `no allowed identity matches (${reasons.join('; ')})`;
}

/** `*` stands for any characters; everything else is literal, and the whole ref must match. */
function refMatches(pattern: string, ref: string | undefined): boolean {
  if (ref === undefined) return false;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(ref);
}

function factsOf(candidate: Verified): ProvenanceFacts {
  return readProvenanceFacts(candidate.statement!.predicateType, candidate.statement!.predicate);
}

function describeFacts(facts: ProvenanceFacts): string {
  const parts = [
    facts.sourceRepository &&
      `source ${facts.sourceRepository}${facts.sourceRef ? `@${facts.sourceRef}` : ''}`,
    facts.sourceCommit && `commit ${facts.sourceCommit}`,
    facts.runnerEnvironment && `${facts.runnerEnvironment} runner`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : `predicate ${facts.predicateType}`;
}

function describe(verification: ArtifactVerification): string {
  return `provenance from ${verification.artifact.source.uri}`;
}

function invalidNote(evidence: Evidence): string {
  const invalid = (evidence.verifications ?? []).filter((v) => v.status === 'invalid').length;
  return invalid > 0 ? ` (${invalid} attestation(s) failed verification: see the signatures rules)` : '';
}
