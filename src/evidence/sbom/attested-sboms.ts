/**
 * SBOMs carried by verified attestations: `cosign attest --type spdxjson|cyclonedx` (cosign's `.att`
 * tag or a referrer) and actions/attest-sbom (a referrer or the GitHub attestations API). The
 * predicate was read when its envelope verified; here its packages are taken out. Whether the
 * signer may vouch for an SBOM is the rules' call. Pure.
 */
import type { ArtifactVerification, SbomDocument } from '../../model/evidence.js';
import { isSbomPredicateType, SbomReader } from './read-sbom.js';

export function sbomsOfVerifications(verifications: readonly ArtifactVerification[]): SbomDocument[] {
  const sboms: SbomDocument[] = [];
  for (const verification of verifications) {
    if (verification.status !== 'verified' || !verification.statement) continue;
    const { statement, artifact, signer } = verification;
    if (!isSbomPredicateType(statement.predicateType)) continue;
    const reader = new SbomReader(artifact.source, {
      kind: 'attestation',
      subjectDigest: artifact.subjectDigest,
      ...(artifact.platform ? { platform: artifact.platform } : {}),
      signer,
    });
    sboms.push(
      reader.readValue({
        subject: statement.subjects,
        predicateType: statement.predicateType,
        predicate: statement.predicate,
      }),
    );
  }
  return sboms;
}
