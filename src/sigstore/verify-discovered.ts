/**
 * Discovered artifacts → verification results, one each. Every artifact is verified against the
 * digest it was found attached to: a signature about another digest is invalid, whatever else is
 * right about it. Pure given the trust material.
 */
import type { ArtifactVerification, DiscoveredArtifact } from '../model/evidence.js';
import { CheckFailure } from './check-error.js';
import { bindSimpleSigningPayload, cosignLayerToBundle, SIMPLE_SIGNING_MEDIA_TYPE } from './cosign-layer.js';
import { parseDigest, type ArtifactInput } from './in-toto.js';
import type { TrustStore } from './trusted-root.js';
import { verifyBundle, type TrustedKey } from './verify-bundle.js';

export interface VerificationContext {
  trust: TrustStore;
  keys: readonly TrustedKey[];
}

export function verifyDiscovered(
  artifacts: readonly DiscoveredArtifact[],
  context: VerificationContext,
): ArtifactVerification[] {
  return artifacts.map((artifact) => {
    try {
      return verifyOne(artifact, context);
    } catch (error) {
      if (!(error instanceof CheckFailure)) throw error;
      return { status: 'invalid', artifact, check: error.check, message: error.message };
    }
  });
}

function verifyOne(artifact: DiscoveredArtifact, context: VerificationContext): ArtifactVerification {
  const digest = parseDigest(artifact.subjectDigest);
  if (!digest) {
    throw new CheckFailure('artifact-binding', `${JSON.stringify(artifact.subjectDigest)} is not a digest`);
  }
  let bundle: unknown;
  let subject: ArtifactInput = { digest };
  let simpleSigning: Uint8Array | undefined;
  if (artifact.kind === 'sigstore-bundle') {
    if (artifact.bundle === undefined) throw new CheckFailure('bundle-format', 'no bundle was read');
    bundle = artifact.bundle;
  } else {
    if (!artifact.cosignLayer) throw new CheckFailure('bundle-format', 'no cosign layer was read');
    bundle = cosignLayerToBundle(artifact.cosignLayer);
    if (artifact.cosignLayer.mediaType === SIMPLE_SIGNING_MEDIA_TYPE) {
      // The signature is over the payload; the payload names the digest.
      simpleSigning = artifact.cosignLayer.payload;
      subject = { bytes: Buffer.from(simpleSigning) };
    }
  }
  const result = verifyBundle({
    bundle,
    artifact: subject,
    trust: context.trust,
    keys: context.keys,
    // Entries present are always verified; whether one is required is the policy's call.
    transparencyLog: 'optional',
  });
  if (result.status === 'invalid') {
    return { status: 'invalid', artifact, check: result.check, message: result.message };
  }
  if (simpleSigning) bindSimpleSigningPayload(simpleSigning, artifact.subjectDigest);
  return {
    status: 'verified',
    artifact,
    signer: result.signer,
    content: result.content,
    ...(result.statement ? { statement: result.statement } : {}),
    transparencyLog: result.transparencyLog,
    timestamps: result.timestamps,
  };
}
