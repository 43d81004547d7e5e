/**
 * Legacy cosign signatures and attestations (a `.sig`/`.att` manifest layer: the signed payload as
 * the blob, the signature, certificate, chain and Rekor bundle as annotations) → a v0.1 sigstore
 * bundle, so they are verified by the same engine and the same rules as any bundle.
 */
import { createHash, X509Certificate as NodeX509Certificate } from 'node:crypto';
import { BUNDLE_V01_MEDIA_TYPE } from '@sigstore/bundle';
import { CheckFailure } from './check-error.js';

export const SIMPLE_SIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';
export const DSSE_LAYER_MEDIA_TYPE = 'application/vnd.dsse.envelope.v1+json';

export const COSIGN_ANNOTATIONS = {
  signature: 'dev.cosignproject.cosign/signature',
  certificate: 'dev.sigstore.cosign/certificate',
  chain: 'dev.sigstore.cosign/chain',
  bundle: 'dev.sigstore.cosign/bundle',
} as const;

export interface CosignLayer {
  mediaType: string;
  payload: Uint8Array;
  annotations: Record<string, string>;
}

/**
 * The chain annotation is not carried over: trust comes from the trusted root's CAs only, so a
 * chain the signer attached can neither add trust nor smuggle in a root.
 */
export function cosignLayerToBundle(layer: CosignLayer): Record<string, unknown> {
  const annotations = layer.annotations;
  const certificatePem = annotations[COSIGN_ANNOTATIONS.certificate];
  const rekorBundle = annotations[COSIGN_ANNOTATIONS.bundle];
  const verificationMaterial: Record<string, unknown> = {
    ...(certificatePem
      ? { x509CertificateChain: { certificates: [{ rawBytes: certificateDer(certificatePem) }] } }
      : { publicKey: { hint: '' } }),
    tlogEntries: rekorBundle ? [rekorBundleEntry(rekorBundle)] : [],
  };
  return { mediaType: BUNDLE_V01_MEDIA_TYPE, verificationMaterial, ...content(layer) };
}

/** A simple-signing payload is about one manifest digest, which must be the image's. */
export function bindSimpleSigningPayload(payload: Uint8Array, imageDigest: string): void {
  let document: unknown;
  try {
    document = JSON.parse(Buffer.from(payload).toString('utf8'));
  } catch {
    throw new CheckFailure(
      'subject-binding',
      'the signed payload is not JSON (not a cosign simple-signing payload)',
    );
  }
  const critical = (document as { critical?: Record<string, unknown> } | null)?.critical;
  const image = critical?.image as Record<string, unknown> | undefined;
  const signed = image?.['docker-manifest-digest'];
  if (critical?.type !== 'cosign container image signature' || typeof signed !== 'string') {
    throw new CheckFailure(
      'subject-binding',
      'the signed payload is not a cosign container image signature (no critical.image.docker-manifest-digest)',
    );
  }
  if (signed !== imageDigest) {
    throw new CheckFailure('subject-binding', `the signature is for ${signed}, not ${imageDigest}`);
  }
}

function content(layer: CosignLayer): Record<string, unknown> {
  const payload = Buffer.from(layer.payload);
  if (layer.mediaType === SIMPLE_SIGNING_MEDIA_TYPE) {
    const signature = layer.annotations[COSIGN_ANNOTATIONS.signature];
    if (!signature) {
      throw new CheckFailure('signature', `the layer has no ${COSIGN_ANNOTATIONS.signature} annotation`);
    }
    return {
      messageSignature: {
        messageDigest: {
          algorithm: 'SHA2_256',
          digest: createHash('sha256').update(payload).digest('base64'),
        },
        signature,
      },
    };
  }
  if (layer.mediaType === DSSE_LAYER_MEDIA_TYPE) {
    let envelope: Record<string, unknown>;
    try {
      envelope = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
    } catch {
      throw new CheckFailure('bundle-format', 'the attestation layer is not a JSON DSSE envelope');
    }
    const signatures = Array.isArray(envelope.signatures) ? envelope.signatures : [];
    return {
      dsseEnvelope: {
        payloadType: envelope.payloadType,
        payload: envelope.payload,
        signatures: signatures.map((sig: Record<string, unknown> | null) => ({
          sig: sig?.sig,
          keyid: sig?.keyid ?? '',
        })),
      },
    };
  }
  throw new CheckFailure(
    'bundle-format',
    `a cosign layer of media type ${JSON.stringify(layer.mediaType)} is not a signature`,
  );
}

/** Only a certificate is accepted where a certificate belongs: a bare public key is refused. */
function certificateDer(pem: string): string {
  const blocks = [...pem.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----/g)].map((match) => match[1]);
  if (blocks[0] !== 'CERTIFICATE') {
    throw new CheckFailure(
      'certificate',
      `the ${COSIGN_ANNOTATIONS.certificate} annotation holds ${blocks[0] ? `a PEM "${blocks[0]}"` : 'no PEM block'}, not a certificate; a public key is trusted only when the policy lists it`,
    );
  }
  try {
    return new NodeX509Certificate(pem).raw.toString('base64');
  } catch (error) {
    throw new CheckFailure(
      'certificate',
      `the ${COSIGN_ANNOTATIONS.certificate} annotation is not a valid certificate (${(error as Error).message})`,
    );
  }
}

/** cosign's `{SignedEntryTimestamp, Payload: {body, integratedTime, logIndex, logID}}` → a tlog entry. */
function rekorBundleEntry(text: string): Record<string, unknown> {
  const fail = (why: string) =>
    new CheckFailure(
      'transparency-log',
      `the ${COSIGN_ANNOTATIONS.bundle} annotation is not a Rekor bundle: ${why}`,
    );
  let rekor: { SignedEntryTimestamp?: unknown; Payload?: Record<string, unknown> };
  try {
    rekor = JSON.parse(text) as typeof rekor;
  } catch {
    throw fail('not JSON');
  }
  const payload = rekor.Payload;
  if (typeof rekor.SignedEntryTimestamp !== 'string' || !payload || typeof payload.body !== 'string') {
    throw fail('SignedEntryTimestamp or Payload.body is missing');
  }
  if (typeof payload.logID !== 'string' || !/^[0-9a-f]{64}$/.test(payload.logID))
    throw fail('Payload.logID is not a hex log id');
  let body: { kind?: unknown; apiVersion?: unknown };
  try {
    body = JSON.parse(Buffer.from(payload.body, 'base64').toString('utf8')) as typeof body;
  } catch {
    throw fail('Payload.body is not a base64 JSON log entry');
  }
  return {
    logIndex: String(payload.logIndex),
    logId: { keyId: Buffer.from(payload.logID, 'hex').toString('base64') },
    kindVersion: { kind: String(body.kind), version: String(body.apiVersion) },
    integratedTime: String(payload.integratedTime),
    inclusionPromise: { signedEntryTimestamp: rekor.SignedEntryTimestamp },
    canonicalizedBody: payload.body,
  };
}
