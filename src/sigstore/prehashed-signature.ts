/**
 * Verifies a signature over a digest when only the digest is known (`verify-bundle sha256:…`, an
 * image digest). node:crypto always hashes its input, so ECDSA over a prehash goes through
 * @noble/curves; RSA and Ed25519 keys sign the whole message and cannot be checked from a digest.
 */
import type { KeyObject } from 'node:crypto';
import { p256, p384, p521 } from '@noble/curves/nist.js';

const CURVES = { 'P-256': p256, 'P-384': p384, 'P-521': p521 } as const;

export type PrehashedOutcome = { ok: boolean } | { unsupported: string };

export function verifyPrehashed(key: KeyObject, digest: Uint8Array, signature: Uint8Array): PrehashedOutcome {
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
