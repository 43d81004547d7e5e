/** Signatures checked from a digest alone: ECDSA on the NIST curves and RSA PKCS#1 v1.5; other keys say why they cannot be. */
import { constants, createHash, generateKeyPairSync, sign } from 'node:crypto';
import { verifyPrehashed } from '../../../src/sigstore/prehashed-signature.js';

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

  it.each(['sha256', 'sha384', 'sha512'] as const)(
    'verifies RSA PKCS#1 v1.5 signatures over a %s digest, and only over that digest',
    (hash) => {
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const signature = sign(hash, message, privateKey);
      const digest = createHash(hash).update(message).digest();
      expect(verifyPrehashed(publicKey, digest, signature, hash)).toEqual({ ok: true });
      const other = createHash(hash).update('another artifact').digest();
      expect(verifyPrehashed(publicKey, other, signature, hash)).toEqual({ ok: false });
      // The same digest bytes named as another hash make another DigestInfo.
      if (hash !== 'sha256') {
        expect(verifyPrehashed(publicKey, digest, signature, 'sha256')).toEqual({ ok: false });
      }
      expect(verifyPrehashed(publicKey, digest, Buffer.alloc(256), hash)).toEqual({ ok: false });
      expect(verifyPrehashed(publicKey, digest, signature.subarray(1), hash)).toEqual({ ok: false });
    },
  );

  it('does not take an RSA-PSS signature for PKCS#1 v1.5', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const signature = sign('sha256', message, {
      key: privateKey,
      padding: constants.RSA_PKCS1_PSS_PADDING,
    });
    expect(verifyPrehashed(publicKey, createHash('sha256').update(message).digest(), signature)).toEqual({
      ok: false,
    });
  });

  it.each(['rsa-pss', 'ed25519'] as const)('refuses a %s key, which signs the whole artifact', (type) => {
    const { publicKey } =
      type === 'rsa-pss'
        ? generateKeyPairSync('rsa-pss', { modulusLength: 2048 })
        : generateKeyPairSync('ed25519');
    const outcome = verifyPrehashed(
      publicKey,
      createHash('sha256').update(message).digest(),
      Buffer.alloc(64),
    );
    expect(outcome).toEqual({ unsupported: expect.stringContaining('pass the artifact itself') as unknown });
  });
});
