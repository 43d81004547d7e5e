/**
 * Verifies a signature over a digest when only the digest is known (`verify-bundle sha256:…`, an
 * image digest). node:crypto always hashes its input, so ECDSA over a prehash goes through
 * @noble/curves, and RSA PKCS#1 v1.5 is checked by recovering the signed DigestInfo with the public
 * key (RFC 8017 §8.2.2) and comparing it with the one the digest makes. RSA-PSS and Ed25519 sign the
 * whole message and cannot be checked from a digest.
 */
import { constants, publicDecrypt, type KeyObject } from 'node:crypto';
import { p256, p384, p521 } from '@noble/curves/nist.js';

const CURVES = { 'P-256': p256, 'P-384': p384, 'P-521': p521 } as const;

/** The DER prefix of a DigestInfo for each hash (RFC 8017 §9.2, note 1). */
const DIGEST_INFO_PREFIX: Record<string, string> = {
  sha256: '3031300d060960864801650304020105000420',
  sha384: '3041300d060960864801650304020205000430',
  sha512: '3051300d060960864801650304020305000440',
};

export type PrehashedOutcome = { ok: boolean } | { unsupported: string };

export function verifyPrehashed(
  key: KeyObject,
  digest: Uint8Array,
  signature: Uint8Array,
  algorithm: 'sha256' | 'sha384' | 'sha512' = 'sha256',
): PrehashedOutcome {
  if (key.asymmetricKeyType === 'rsa') return verifyRsaPkcs1(key, digest, signature, algorithm);
  if (key.asymmetricKeyType !== 'ec') {
    return {
      unsupported: `a ${key.asymmetricKeyType ?? 'unknown'} key signs the whole artifact, so its signature cannot be checked from a digest: pass the artifact itself`,
    };
  }
  const jwk = key.export({ format: 'jwk' });
  const curve = CURVES[jwk.crv as keyof typeof CURVES];
  if (!curve || !jwk.x || !jwk.y)
    return { unsupported: `unsupported elliptic curve ${jwk.crv ?? 'unknown'}` };
  const point = Buffer.concat([
    Buffer.from([0x04]),
    Buffer.from(jwk.x, 'base64url'),
    Buffer.from(jwk.y, 'base64url'),
  ]);
  try {
    // OpenSSL accepts high-S signatures, and so must we to agree with the signing side.
    return { ok: curve.verify(signature, digest, point, { prehash: false, lowS: false, format: 'der' }) };
  } catch {
    return { ok: false };
  }
}

/**
 * PKCS#1 v1.5: the signature, opened with the public key and its type-1 padding removed, must be
 * exactly the DigestInfo of the digest. (An RSA key may also be used for PSS; such a signature
 * does not open to a DigestInfo and is reported as not verifying.)
 */
function verifyRsaPkcs1(
  key: KeyObject,
  digest: Uint8Array,
  signature: Uint8Array,
  algorithm: string,
): PrehashedOutcome {
  const prefix = DIGEST_INFO_PREFIX[algorithm];
  if (!prefix) return { unsupported: `RSA signatures over ${algorithm} digests are not supported` };
  const modulusBytes = Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 0) / 8);
  if (signature.length !== modulusBytes) return { ok: false };
  let opened: Buffer;
  try {
    opened = publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, signature);
  } catch {
    return { ok: false };
  }
  const expected = Buffer.concat([Buffer.from(prefix, 'hex'), Buffer.from(digest)]);
  return { ok: opened.length === expected.length && opened.equals(expected) };
}
