/**
 * The verification engine: one sigstore bundle × one artifact × trust material → verified (with who
 * signed, the in-toto statement and the log/timestamp facts) or invalid (with the check that
 * failed). Pure: no I/O, no clock; times come from the bundle's own timestamps.
 *
 * On top of @sigstore/verify it adds what a gate needs: strict bundle parsing, per-instance trust
 * (a certificate is judged by the instance whose CA issued it), verification from a digest alone,
 * and the binding of the signature to the artifact. Identity policy is separate (identity-policy.ts).
 */
import type { KeyObject } from 'node:crypto';
import type { Bundle } from '@sigstore/bundle';
import { crypto as sigstoreCrypto, type X509Certificate } from '@sigstore/core';
import { HashAlgorithm } from '@sigstore/protobuf-specs';
import { toSignedEntity, Verifier, type SignedEntity } from '@sigstore/verify';
import type {
  InTotoStatementFacts,
  SignatureTimestampFact,
  SignerIdentity,
  TransparencyLogFact,
} from '../model/evidence.js';
import { parseBundle } from './bundle-json.js';
import { CertificateCache } from './cached-certificate.js';
import { certificateIdentity } from './certificate-identity.js';
import { CheckFailure, type VerificationCheck } from './check-error.js';
import {
  bindSubject,
  describeDigest,
  digestOf,
  parseStatement,
  type ArtifactInput,
  type DigestAlgorithm,
} from './in-toto.js';
import { verifyPrehashed } from './prehashed-signature.js';
import { issuingInstances, type TrustInstance, type TrustStore } from './trusted-root.js';

/** A public key the user trusts (policy `keys`, `verify-bundle --key`). */
export interface TrustedKey {
  /** How reports name it: the policy's name, or `sha256:<hex of the SPKI>`. */
  id: string;
  key: KeyObject;
}

/**
 * `required`: at least one verified log entry; `optional`: entries present are verified, none is
 * fine when a TSA timestamp dates the signature; `instance`: required when the trusted root that
 * applies lists transparency logs (the sigstore clients' default).
 */
export type TransparencyLogRequirement = 'required' | 'optional' | 'instance';

export interface BundleVerificationRequest {
  /** The bundle's parsed JSON. */
  bundle: unknown;
  artifact: ArtifactInput;
  trust: TrustStore;
  keys: readonly TrustedKey[];
  transparencyLog: TransparencyLogRequirement;
}

export type BundleVerification =
  | {
      status: 'verified';
      mediaType: string;
      content: 'message-signature' | 'dsse';
      signer: SignerIdentity;
      statement?: InTotoStatementFacts;
      transparencyLog: TransparencyLogFact[];
      timestamps: SignatureTimestampFact[];
    }
  | { status: 'invalid'; check: VerificationCheck; message: string };

export function verifyBundle(request: BundleVerificationRequest): BundleVerification {
  try {
    return verifyOrThrow(request);
  } catch (error) {
    const failure = asCheckFailure(error);
    return { status: 'invalid', check: failure.check, message: failure.message };
  }
}

const HASH_NAMES: Partial<Record<HashAlgorithm, DigestAlgorithm>> = {
  [HashAlgorithm.HASH_ALGORITHM_UNSPECIFIED]: 'sha256',
  [HashAlgorithm.SHA2_256]: 'sha256',
  [HashAlgorithm.SHA2_384]: 'sha384',
  [HashAlgorithm.SHA2_512]: 'sha512',
};

// One cache of signing certificates per trust store, that is per run: it goes when the store does.
const leafCaches = new WeakMap<TrustStore, CertificateCache>();

function verifyOrThrow(request: BundleVerificationRequest): BundleVerification {
  const bundle = parseBundle(request.bundle);
  const entity = withCachedLeaf(signedEntity(bundle, request.artifact), bundle, request.trust);
  const signer =
    entity.key.$case === 'certificate'
      ? verifyWithCertificate(entity, entity.key.certificate, request)
      : verifyWithKeys(entity, bundle, request);

  let statement: InTotoStatementFacts | undefined;
  if (bundle.content.$case === 'dsseEnvelope') {
    const envelope = bundle.content.dsseEnvelope;
    statement = parseStatement(envelope.payloadType, envelope.payload);
    bindSubject(statement, request.artifact);
  }
  return {
    status: 'verified',
    mediaType: bundle.mediaType,
    content: bundle.content.$case === 'dsseEnvelope' ? 'dsse' : 'message-signature',
    signer,
    ...(statement ? { statement } : {}),
    transparencyLog: logFacts(bundle),
    timestamps: timestampFacts(entity),
  };
}

/**
 * The library's entity, except for message signatures: there the signed digest is checked
 * against the artifact first, and the signature is verified from the digest when only the digest
 * is known.
 */
function signedEntity(bundle: Bundle, artifact: ArtifactInput): SignedEntity {
  let entity: SignedEntity;
  try {
    entity = toSignedEntity(bundle, 'bytes' in artifact ? artifact.bytes : undefined);
  } catch (error) {
    throw new CheckFailure('bundle-format', `invalid bundle: ${(error as Error).message}`);
  }
  if (bundle.content.$case !== 'messageSignature') return entity;

  const message = bundle.content.messageSignature;
  const algorithm = HASH_NAMES[message.messageDigest.algorithm];
  if (!algorithm) {
    throw new CheckFailure('bundle-format', 'the bundle signs a digest of an unsupported hash algorithm');
  }
  const digest = digestOf(artifact, algorithm);
  if (!digest) {
    throw new CheckFailure(
      'artifact-binding',
      `the bundle signs a ${algorithm} digest: give the artifact itself or its ${algorithm} digest`,
    );
  }
  const signed = Buffer.from(message.messageDigest.digest);
  if (!signed.equals(Buffer.from(digest.hex, 'hex'))) {
    throw new CheckFailure(
      'artifact-binding',
      `the bundle signs ${algorithm}:${signed.toString('hex')}, but the artifact is ${describeDigest(digest)}`,
    );
  }
  return {
    ...entity,
    signature: new DigestSignatureContent(Buffer.from(message.signature), signed, algorithm, artifact),
  };
}

/** The entity with its signing certificate taken from the run's cache (the same bytes, parsed once). */
function withCachedLeaf(entity: SignedEntity, bundle: Bundle, trust: TrustStore): SignedEntity {
  const content = bundle.verificationMaterial.content;
  const der =
    content.$case === 'certificate'
      ? content.certificate.rawBytes
      : content.$case === 'x509CertificateChain'
        ? content.x509CertificateChain.certificates[0]?.rawBytes
        : undefined;
  if (entity.key.$case !== 'certificate' || der === undefined) return entity;
  let cache = leafCaches.get(trust);
  if (!cache) {
    cache = new CertificateCache();
    leafCaches.set(trust, cache);
  }
  return { ...entity, key: { $case: 'certificate', certificate: cache.leaf(der) } };
}

class DigestSignatureContent {
  constructor(
    readonly signature: Buffer,
    private readonly digest: Buffer,
    private readonly algorithm: DigestAlgorithm,
    private readonly artifact: ArtifactInput,
  ) {}

  compareSignature(signature: Buffer): boolean {
    return sigstoreCrypto.bufferEqual(signature, this.signature);
  }

  compareDigest(digest: Buffer): boolean {
    return sigstoreCrypto.bufferEqual(digest, this.digest);
  }

  compareSignedDigest(digest: Buffer): boolean {
    return this.compareDigest(digest);
  }

  verifySignature(key: KeyObject): boolean {
    if ('bytes' in this.artifact) {
      return sigstoreCrypto.verify(this.artifact.bytes, key, this.signature, this.algorithm);
    }
    const outcome = verifyPrehashed(key, this.digest, this.signature);
    if ('unsupported' in outcome) throw new CheckFailure('signature', outcome.unsupported);
    return outcome.ok;
  }
}

function tlogThreshold(request: BundleVerificationRequest, instance: TrustInstance): number {
  switch (request.transparencyLog) {
    case 'required':
      return 1;
    case 'optional':
      return 0;
    case 'instance':
      return instance.hasTransparencyLogs ? 1 : 0;
  }
}

function verifyWithCertificate(
  entity: SignedEntity,
  leaf: X509Certificate,
  request: BundleVerificationRequest,
): SignerIdentity {
  if (leaf.isCA)
    throw new CheckFailure('certificate', 'the signing certificate is a CA certificate, not a leaf');
  const candidates = issuingInstances(request.trust, leaf);
  if (candidates.length === 0) {
    const names = request.trust.instances.map((instance) => instance.name).join(', ');
    throw new CheckFailure(
      'certificate-chain',
      `the signing certificate's issuer is in no trusted root (${names || 'none loaded'}): it comes from another Sigstore instance`,
    );
  }
  let firstError: unknown;
  for (const instance of candidates) {
    const verifier = new Verifier(instance.material, {
      ctlogThreshold: instance.hasCtLogs ? 1 : 0,
      tlogThreshold: tlogThreshold(request, instance),
      timestampThreshold: 1,
    });
    try {
      verifier.verify(entity);
      const identity = certificateIdentity(leaf);
      return { kind: 'certificate', ...identity, instance: instance.name };
    } catch (error) {
      firstError ??= error;
    }
  }
  throw firstError;
}

function verifyWithKeys(
  entity: SignedEntity,
  bundle: Bundle,
  request: BundleVerificationRequest,
): SignerIdentity {
  const content = bundle.verificationMaterial.content;
  const hint = content.$case === 'publicKey' ? content.publicKey.hint : '';
  if (request.keys.length === 0) {
    throw new CheckFailure(
      'public-key',
      `the bundle is signed with a public key${hint ? ` (hint ${JSON.stringify(hint)})` : ''} and no trusted key was given`,
    );
  }
  // Which trusted key made the signature is settled first, so "signed by another key" is told
  // apart from a bad log entry or timestamp.
  const signing = request.keys.filter((trusted) => entity.signature.verifySignature(trusted.key));
  if (signing.length === 0) {
    throw new CheckFailure(
      'public-key',
      `the signature does not verify with ${request.keys.length === 1 ? `the trusted key ${request.keys[0]!.id}` : `any of the ${request.keys.length} trusted keys`}: signed by another key${hint ? ` (hint ${JSON.stringify(hint)})` : ''}`,
    );
  }
  // A key-signed bundle has no CA to pick the instance; its log entries and timestamps may come
  // from any trusted instance, and with no instance at all only the signature itself is checked.
  const instances: Array<TrustInstance | undefined> =
    request.trust.instances.length > 0 ? request.trust.instances : [undefined];
  let firstError: unknown;
  for (const trusted of signing) {
    for (const instance of instances) {
      const material = {
        certificateAuthorities: [],
        timestampAuthorities: instance?.material.timestampAuthorities ?? [],
        tlogs: instance?.material.tlogs ?? [],
        ctlogs: [],
        publicKey: () => ({ publicKey: trusted.key, validFor: () => true }),
      };
      const threshold = instance
        ? tlogThreshold(request, instance)
        : request.transparencyLog === 'required'
          ? 1
          : 0;
      try {
        new Verifier(material, { ctlogThreshold: 0, tlogThreshold: threshold, timestampThreshold: 0 }).verify(
          entity,
        );
        return { kind: 'public-key', keyId: trusted.id };
      } catch (error) {
        firstError ??= error;
      }
    }
  }
  throw firstError;
}

function logFacts(bundle: Bundle): TransparencyLogFact[] {
  return bundle.verificationMaterial.tlogEntries.map((entry) => {
    const fact: TransparencyLogFact = {
      logId: Buffer.from(entry.logId?.keyId ?? []).toString('hex'),
      logIndex: entry.logIndex,
      entryKind: `${entry.kindVersion?.kind} ${entry.kindVersion?.version}`,
      proof:
        entry.inclusionProof && entry.inclusionPromise
          ? 'both'
          : entry.inclusionProof
            ? 'inclusion-proof'
            : 'inclusion-promise',
    };
    if (entry.integratedTime && entry.integratedTime !== '0') {
      fact.integratedTime = new Date(Number(entry.integratedTime) * 1000).toISOString();
    }
    return fact;
  });
}

function timestampFacts(entity: SignedEntity): SignatureTimestampFact[] {
  return entity.timestamps.map((timestamp) =>
    timestamp.$case === 'timestamp-authority'
      ? { source: 'timestamp-authority', time: timestamp.timestamp.signingTime.toISOString() }
      : {
          source: 'transparency-log',
          time: new Date(Number(timestamp.tlogEntry.integratedTime) * 1000).toISOString(),
        },
  );
}

/** Maps @sigstore/verify's error codes onto our checks, keeping the underlying cause's words. */
function asCheckFailure(error: unknown): CheckFailure {
  if (error instanceof CheckFailure) return error;
  const { code, message, cause } = error as { code?: string; message?: string; cause?: { message?: string } };
  const text = [message, cause?.message].filter(Boolean).join(': ') || String(error);
  const check: VerificationCheck =
    code === 'CERTIFICATE_ERROR'
      ? /SCT/.test(text)
        ? 'certificate-transparency'
        : 'certificate-chain'
      : code?.startsWith('TLOG')
        ? 'transparency-log'
        : code === 'TIMESTAMP_ERROR'
          ? 'timestamp'
          : code === 'PUBLIC_KEY_ERROR'
            ? 'public-key'
            : code === 'SIGNATURE_ERROR'
              ? 'signature'
              : 'bundle-format';
  return new CheckFailure(check, code ? text : `invalid bundle: ${text}`);
}
