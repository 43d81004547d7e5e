/**
 * Which unsigned-by-themselves statements a rule may use, stated plainly. BuildKit stores its
 * provenance and SBOMs in attestation manifests that the image index lists by digest, so a valid
 * signature over the index digest by a signer the policy allows covers them: "attested through
 * the signed index (signer)". Without one they are unsigned registry content: shown, and usable
 * only where the policy opts in (`sbom.accept-unsigned`), never for `provenance.required`.
 *
 * SBOMs from files are the workflow's own (like scan reports); SBOMs from attestations count when
 * their signer is allowed by `signatures`. Pure.
 */
import type {
  ArtifactVerification,
  Evidence,
  PlatformImage,
  SbomDocument,
  SignerIdentity,
} from '../model/evidence.js';
import { describeSigner } from '../sigstore/identity-policy.js';
import { signatureRefusal } from './rules/signatures.js';
import type { Policy } from './schema.js';
import type { SignaturesPolicy } from './sections/signatures.js';

const INDEX_MEDIA_TYPES = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
]);

type Verified = Extract<ArtifactVerification, { status: 'verified' }>;

export type IndexSignature =
  { signed: true; signer: SignerIdentity; verification: Verified } | { signed: false; reason: string };

/**
 * A verified signature or attestation over the gated index by a signer `signatures` allows (or,
 * given, one of `allowed`'s). The first such one; else why there is none.
 */
export function indexSignature(
  evidence: Evidence,
  config: SignaturesPolicy,
  allowed?: (verification: Verified) => string | undefined,
): IndexSignature {
  const image = evidence.image;
  if (!INDEX_MEDIA_TYPES.has(image.mediaType)) {
    return { signed: false, reason: `${image.digest} is not an image index` };
  }
  const verified = (evidence.verifications ?? []).filter(
    (v): v is Verified => v.status === 'verified' && v.artifact.subjectDigest === image.digest,
  );
  if (verified.length === 0)
    return { signed: false, reason: `nothing verified signs the index ${image.digest}` };
  const refusals: string[] = [];
  for (const verification of verified) {
    const refused = (allowed ?? ((v: Verified) => signatureRefusal(v, config)))(verification);
    if (refused === undefined) return { signed: true, signer: verification.signer, verification };
    refusals.push(`${describeSigner(verification.signer)}: ${refused}`);
  }
  return { signed: false, reason: `the index is signed, but by no allowed signer (${refusals.join('; ')})` };
}

/** One SBOM, whether a rule may use it and why, and which gated platform images it covers. */
export interface JudgedSbom {
  sbom: SbomDocument;
  usable: boolean;
  /** Why it may be used, or why not: one line for reports. */
  trust: string;
  /** Digests of the gated platform images it covers. */
  covers: string[];
}

export function judgeSboms(policy: Policy, evidence: Evidence): JudgedSbom[] {
  const platforms = gatedPlatforms(evidence);
  const all = platforms.map((platform) => platform.digest);
  let index: IndexSignature | undefined;
  return (evidence.sboms ?? []).map((sbom): JudgedSbom => {
    const origin = sbom.origin;
    switch (origin.kind) {
      case 'file':
        return { sbom, usable: true, trust: 'given as a file by the workflow', covers: all };
      case 'buildkit': {
        index ??= indexSignature(evidence, policy.signatures);
        const covers = [origin.platformDigest];
        if (index.signed) {
          return {
            sbom,
            usable: true,
            trust: `attested through the signed index (${describeSigner(index.signer)})`,
            covers,
          };
        }
        return policy.sbom['accept-unsigned']
          ? {
              sbom,
              usable: true,
              trust: `unsigned registry content (${index.reason}), accepted by sbom.accept-unsigned`,
              covers,
            }
          : {
              sbom,
              usable: false,
              trust: `unsigned registry content: ${index.reason}; set sbom.accept-unsigned to use it`,
              covers,
            };
      }
      case 'attestation': {
        const covers =
          origin.subjectDigest === evidence.image.digest
            ? all
            : all.filter((d) => d === origin.subjectDigest);
        const verification = (evidence.verifications ?? []).find(
          (v): v is Verified => v.status === 'verified' && v.artifact.source === sbom.source,
        );
        const refused = verification
          ? signatureRefusal(verification, policy.signatures)
          : 'its verification is missing';
        return refused === undefined
          ? { sbom, usable: true, trust: `signed attestation by ${describeSigner(origin.signer)}`, covers }
          : {
              sbom,
              usable: false,
              trust: `attestation signed by ${describeSigner(origin.signer)}, refused: ${refused}`,
              covers,
            };
      }
    }
  });
}

/** Where an SBOM came from, for reports: the file, or the attachment and its platform. */
export function sbomSourceLabel(sbom: SbomDocument): string {
  const kind =
    sbom.format === 'spdx'
      ? `SPDX ${sbom.specVersion.replace(/^SPDX-/, '')}`
      : `CycloneDX ${sbom.specVersion}`;
  switch (sbom.origin.kind) {
    case 'file':
      return `${kind} file ${sbom.source.uri}`;
    case 'buildkit':
      return `BuildKit ${kind} attestation ${sbom.source.uri}`;
    case 'attestation':
      return `${kind} attestation ${sbom.source.uri}`;
  }
}

export function gatedPlatforms(evidence: Evidence): PlatformImage[] {
  return evidence.image.platforms.length > 0
    ? evidence.image.platforms
    : [
        {
          digest: evidence.image.digest,
          mediaType: evidence.image.mediaType,
          annotations: evidence.image.annotations,
          layers: evidence.image.layers,
          compressedSize: 0,
          source: evidence.image.source,
        },
      ];
}
