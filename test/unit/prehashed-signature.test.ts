/** Signatures checked from a digest alone: ECDSA on the NIST curves; other keys say why they cannot be. */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { verifyPrehashed } from '../../src/sigstore/prehashed-signature.js';

const message = Buffer.from('an artifact');

describe('verifyPrehashed', () => {
  it.each([
    ['P-256', 'sha256'],
    ['P-384', 'sha384'],
    ['P-384', 'sha256'],
    ['P-521', 'sha512'],
  ])('verifies %s signatures over a %s digest, and only over that digest', (namedCurve, hash) => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve });
    const signature = sign(hash, message, privateKey);
    const digest = createHash(hash).update(message).digest();
    expect(verifyPrehashed(publicKey, digest, signature)).toEqual({ ok: true });
    const other = createHash(hash).update('another artifact').digest();
    expect(verifyPrehashed(publicKey, other, signature)).toEqual({ ok: false });
    expect(verifyPrehashed(publicKey, digest, Buffer.from('not DER'))).toEqual({ ok: false });
  });

  it.each(['rsa', 'ed25519'] as const)('refuses a %s key, which signs the whole artifact', (type) => {
    const { publicKey } =
      type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ed25519');
    const outcome = verifyPrehashed(
      publicKey,
      createHash('sha256').update(message).digest(),
      Buffer.alloc(64),
    );
    expect(outcome).toEqual({ unsupported: expect.stringContaining('pass the artifact itself') as unknown });
  });
});
