/**
 * A sigstore bundle's JSON → a validated `Bundle`. Stricter than `@sigstore/bundle` on purpose:
 * only the four media types of v0.1–v0.3 are accepted (the library takes any `version=d.d`), byte
 * fields must be real base64 (protobuf's decoder skips bad characters), log indexes must be
 * non-negative, a certificate chain may not carry a root certificate, the verification material
 * must be of a kind the bundle's version allows, an inclusion proof must carry its checkpoint, and
 * Rekor v2 `dsse` entries are refused (Rekor v2 logs DSSE envelopes as `hashedrekord` 0.0.2 over
 * the envelope's PAE: sigstore architecture-docs, Rekor v2 client spec; sigstore-go, -python, -rust
 * and -js dropped `dsse` 0.0.2).
 */
import {
  BUNDLE_V01_MEDIA_TYPE,
  BUNDLE_V02_MEDIA_TYPE,
  BUNDLE_V03_LEGACY_MEDIA_TYPE,
  BUNDLE_V03_MEDIA_TYPE,
  bundleFromJSON,
  type Bundle,
  ValidationError,
} from '@sigstore/bundle';
import { X509Certificate } from '@sigstore/core';
import { CheckFailure } from './check-error.js';

export const BUNDLE_MEDIA_TYPES = [
  BUNDLE_V01_MEDIA_TYPE,
  BUNDLE_V02_MEDIA_TYPE,
  BUNDLE_V03_LEGACY_MEDIA_TYPE,
  BUNDLE_V03_MEDIA_TYPE,
] as const;

const BASE64 = /^(?:[A-Za-z0-9+/]*={0,2}|[A-Za-z0-9_-]*={0,2})$/;
const UNSIGNED_INTEGER = /^(?:0|[1-9][0-9]*)$/;

export function parseBundle(json: unknown): Bundle {
  if (!isObject(json)) throw new CheckFailure('bundle-format', 'the bundle is not a JSON object');
  const mediaType = json.mediaType;
  if (typeof mediaType !== 'string' || !(BUNDLE_MEDIA_TYPES as readonly string[]).includes(mediaType)) {
    throw new CheckFailure(
      'bundle-version',
      `unsupported bundle media type ${JSON.stringify(mediaType ?? null)}: supported are sigstore bundle v0.1, v0.2 and v0.3`,
    );
  }
  const problems = [...badBytes(json), ...badIntegers(json)];
  if (problems.length > 0) throw new CheckFailure('bundle-format', `invalid bundle: ${problems.join('; ')}`);
  checkMaterialForVersion(json, mediaType);

  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(json);
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new CheckFailure(
        'bundle-format',
        `invalid bundle: missing or empty ${(error.fields ?? []).join(', ') || 'fields'}`,
      );
    }
    throw new CheckFailure('bundle-format', `invalid bundle: ${(error as Error).message}`);
  }
  rejectRootInChain(bundle);
  return bundle;
}

/**
 * Trust must come from the trusted root, never from the bundle: a chain that brings its own root
 * is rejected outright rather than silently ignored. (The leaf is parsed with the signed entity.)
 */
function rejectRootInChain(bundle: Bundle): void {
  const content = bundle.verificationMaterial.content;
  if (content.$case !== 'x509CertificateChain') return;
  content.x509CertificateChain.certificates.slice(1).forEach((raw, index) => {
    let cert: X509Certificate;
    try {
      cert = X509Certificate.parse(Buffer.from(raw.rawBytes));
    } catch (error) {
      throw new CheckFailure(
        'certificate',
        `certificate ${index + 1} of the bundle's chain is not a valid X.509 certificate (${(error as Error).message})`,
      );
    }
    if (cert.subject.equals(cert.issuer) && cert.verify()) {
      throw new CheckFailure(
        'certificate-chain',
        'the bundle certificate chain contains a root certificate; roots come only from the trusted root',
      );
    }
  });
}

type Json = Record<string, unknown>;

const MATERIAL_CASES = ['certificate', 'x509CertificateChain', 'publicKey'] as const;

/**
 * v0.1 and v0.2 carry a signing certificate as a chain (`x509CertificateChain`), v0.3 as the leaf
 * alone (`certificate`); a public key is allowed in all. The library only says the case is
 * "missing" when it is present but not allowed, so the bundle's version is named here.
 */
function checkMaterialForVersion(json: Json, mediaType: string): void {
  const material = json.verificationMaterial;
  if (!isObject(material)) return;
  const present = MATERIAL_CASES.filter((name) => material[name] !== undefined && material[name] !== null);
  const v03 = mediaType === BUNDLE_V03_MEDIA_TYPE || mediaType === BUNDLE_V03_LEGACY_MEDIA_TYPE;
  const version = v03 ? 'v0.3' : mediaType === BUNDLE_V02_MEDIA_TYPE ? 'v0.2' : 'v0.1';
  if (present.length > 1) {
    throw new CheckFailure(
      'bundle-format',
      `invalid bundle: verificationMaterial holds ${present.join(' and ')}; a bundle carries exactly one`,
    );
  }
  const allowed = v03 ? ['certificate', 'publicKey'] : ['x509CertificateChain', 'publicKey'];
  const found = present[0];
  if (found !== undefined && !allowed.includes(found)) {
    throw new CheckFailure(
      'bundle-version',
      `a ${version} bundle may not carry verificationMaterial.${found}: ${v03 ? 'v0.3 carries the signing certificate alone as verificationMaterial.certificate' : `${version} carries the signing certificate as verificationMaterial.x509CertificateChain`} (or a publicKey)`,
    );
  }
}

/**
 * Log entries the library would fail on with a TypeError, or that no current client verifies. A
 * verification outcome (the bundle is still a bundle), so it is checked when verifying, not parsing.
 */
export function checkLogEntries(json: unknown): void {
  if (!isObject(json)) return;
  items(child(json.verificationMaterial, 'tlogEntries')).forEach((entry, i) => {
    const at = `verificationMaterial.tlogEntries[${i}]`;
    const kind = child(entry, 'kindVersion');
    if (child(kind, 'kind') === 'dsse' && child(kind, 'version') === '0.0.2') {
      throw new CheckFailure(
        'transparency-log',
        `${at} is a Rekor v2 dsse 0.0.2 entry, which sigstore clients no longer verify: Rekor v2 logs a DSSE envelope as a hashedrekord 0.0.2 entry over the envelope's PAE; sign it again with a current client`,
      );
    }
    const proof = child(entry, 'inclusionProof');
    if (proof === undefined || proof === null) return;
    const envelope = child(child(proof, 'checkpoint'), 'envelope');
    if (typeof envelope !== 'string' || envelope.trim() === '') {
      throw new CheckFailure(
        'transparency-log',
        `${at}.inclusionProof has no checkpoint, so the proof's root hash is signed by no log: the inclusion proof cannot be verified`,
      );
    }
  });
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(value: unknown, key: string): unknown {
  return isObject(value) ? value[key] : undefined;
}

function items(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Every base64 field of the bundle, by JSON path. */
function byteFields(bundle: Json): Array<[string, unknown]> {
  const fields: Array<[string, unknown]> = [];
  const message = bundle.messageSignature;
  fields.push(['messageSignature.signature', child(message, 'signature')]);
  fields.push(['messageSignature.messageDigest.digest', child(child(message, 'messageDigest'), 'digest')]);
  const envelope = bundle.dsseEnvelope;
  fields.push(['dsseEnvelope.payload', child(envelope, 'payload')]);
  items(child(envelope, 'signatures')).forEach((sig, i) =>
    fields.push([`dsseEnvelope.signatures[${i}].sig`, child(sig, 'sig')]),
  );
  const material = bundle.verificationMaterial;
  fields.push([
    'verificationMaterial.certificate.rawBytes',
    child(child(material, 'certificate'), 'rawBytes'),
  ]);
  items(child(child(material, 'x509CertificateChain'), 'certificates')).forEach((cert, i) =>
    fields.push([
      `verificationMaterial.x509CertificateChain.certificates[${i}].rawBytes`,
      child(cert, 'rawBytes'),
    ]),
  );
  items(child(material, 'tlogEntries')).forEach((entry, i) => {
    const at = `verificationMaterial.tlogEntries[${i}]`;
    fields.push([`${at}.logId.keyId`, child(child(entry, 'logId'), 'keyId')]);
    fields.push([`${at}.canonicalizedBody`, child(entry, 'canonicalizedBody')]);
    fields.push([
      `${at}.inclusionPromise.signedEntryTimestamp`,
      child(child(entry, 'inclusionPromise'), 'signedEntryTimestamp'),
    ]);
    const proof = child(entry, 'inclusionProof');
    fields.push([`${at}.inclusionProof.rootHash`, child(proof, 'rootHash')]);
    items(child(proof, 'hashes')).forEach((hash, j) =>
      fields.push([`${at}.inclusionProof.hashes[${j}]`, hash]),
    );
  });
  items(child(child(material, 'timestampVerificationData'), 'rfc3161Timestamps')).forEach((stamp, i) =>
    fields.push([
      `verificationMaterial.timestampVerificationData.rfc3161Timestamps[${i}].signedTimestamp`,
      child(stamp, 'signedTimestamp'),
    ]),
  );
  return fields;
}

/** Line breaks are tolerated, as Go's decoder (cosign, sigstore-go) tolerates them; nothing else is. */
function badBytes(bundle: Json): string[] {
  return byteFields(bundle)
    .filter(([, value]) => value !== undefined)
    .filter(([, value]) => {
      if (typeof value !== 'string') return true;
      const text = value.replace(/[\r\n]/g, '');
      return !BASE64.test(text) || text.length % 4 === 1;
    })
    .map(([path]) => `${path} is not valid base64`);
}

function badIntegers(bundle: Json): string[] {
  const problems: string[] = [];
  items(child(bundle.verificationMaterial, 'tlogEntries')).forEach((entry, i) => {
    const at = `verificationMaterial.tlogEntries[${i}]`;
    const proof = child(entry, 'inclusionProof');
    const values: Array<[string, unknown]> = [
      [`${at}.logIndex`, child(entry, 'logIndex')],
      [`${at}.integratedTime`, child(entry, 'integratedTime')],
      [`${at}.inclusionProof.logIndex`, child(proof, 'logIndex')],
      [`${at}.inclusionProof.treeSize`, child(proof, 'treeSize')],
    ];
    for (const [path, value] of values) {
      if (value === undefined) continue;
      const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
      if (typeof text !== 'string' || !UNSIGNED_INTEGER.test(text)) {
        problems.push(`${path} must be a non-negative integer, got ${JSON.stringify(value)}`);
      }
    }
  });
  return problems;
}
