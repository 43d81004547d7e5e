/**
 * The engine's per-run certificate caches: a certificate that remembers its answers gives the
 * answers the library's own class gives, and a run that has verified one bundle judges the next
 * one on its own bytes (a tampered certificate or a transplanted one is still refused, whatever
 * was verified before it, in either order).
 */
import { X509Certificate } from '@sigstore/core';
import { CachedCertificate, CertificateCache } from '../../../src/sigstore/cached-certificate.js';
import { parseDigest, type ArtifactInput } from '../../../src/sigstore/in-toto.js';
import type { TrustStore } from '../../../src/sigstore/trusted-root.js';
import { verifyBundle, type BundleVerification } from '../../../src/sigstore/verify-bundle.js';
import { EMBEDDED_ROOTS } from '../../../src/trust/embedded.js';
import { bundleFixture, embeddedTrust } from '../../support/sigstore-fixtures.js';

interface BundleJson {
  verificationMaterial: { certificate: { rawBytes: string } };
}

const PROVENANCE = {
  bundle:
    'third-party/automata-slsa-sigstore-verifier/actions-attest-build-provenance-attestation-13532655.sigstore.json',
  digest: 'sha256:bb030cb9e028ff6d4051f2103b3b08f7e3928aa80a7d3626cef6e2553dc714b8',
};
const COSIGN = {
  bundle: 'third-party/sigstore-rs/kubewarden-controller-v1.34.0.cosign-sign-v1.sigstore.json',
  digest: 'sha256:c811d58de79c92f03214e63aa339484e488d694ae8a6283b5f3f17a9faf50172',
};

function artifact(text: string): ArtifactInput {
  const digest = parseDigest(text);
  if (!digest) throw new Error(`not a digest: ${text}`);
  return { digest };
}

function verify(bundle: unknown, digest: string, trust: TrustStore): BundleVerification {
  return verifyBundle({ bundle, artifact: artifact(digest), trust, keys: [], transparencyLog: 'instance' });
}

function copy(bundle: unknown): BundleJson {
  return JSON.parse(JSON.stringify(bundle)) as BundleJson;
}

/** The bundle with one bit of its signing certificate's signature flipped. */
function withTamperedCertificate(bundle: unknown): BundleJson {
  const tampered = copy(bundle);
  const der = Buffer.from(tampered.verificationMaterial.certificate.rawBytes, 'base64');
  der[der.length - 1]! ^= 0x01;
  tampered.verificationMaterial.certificate.rawBytes = der.toString('base64');
  return tampered;
}

/** `bundle` carrying `donor`'s signing certificate: a certificate that verifies, for another key. */
function withCertificateOf(bundle: unknown, donor: unknown): BundleJson {
  const transplanted = copy(bundle);
  transplanted.verificationMaterial.certificate = copy(donor).verificationMaterial.certificate;
  return transplanted;
}

function leafOf(bundle: unknown): Buffer<ArrayBuffer> {
  return Buffer.from(copy(bundle).verificationMaterial.certificate.rawBytes, 'base64');
}

describe('CachedCertificate', () => {
  const chains = EMBEDDED_ROOTS.flatMap((root) =>
    [
      ...(root.trustedRoot as { certificateAuthorities: Array<{ certChain: { certificates: unknown[] } }> })
        .certificateAuthorities,
      ...(root.trustedRoot as { timestampAuthorities: Array<{ certChain: { certificates: unknown[] } }> })
        .timestampAuthorities,
    ].map((authority) =>
      (authority.certChain.certificates as Array<{ rawBytes: string }>).map((certificate) =>
        Buffer.from(certificate.rawBytes, 'base64'),
      ),
    ),
  );
  const leaves = [leafOf(bundleFixture(PROVENANCE.bundle)), leafOf(bundleFixture(COSIGN.bundle))];
  const everyDer = [...chains.flat(), ...leaves];

  // Pairs where a signature may or may not verify: within each chain, and each leaf against
  // every CA certificate (comparing every certificate with every other would only repeat these).
  const pairs: Array<[Buffer<ArrayBuffer>, Buffer<ArrayBuffer>]> = [
    ...chains.flatMap((chain) =>
      chain.flatMap((der) => chain.map((other) => [der, other] as [typeof der, typeof der])),
    ),
    ...leaves.flatMap((leaf) => chains.flat().map((other) => [leaf, other] as [typeof leaf, typeof leaf])),
  ];

  it('answers equals, publicKey and clone as the library class does, for every certificate', () => {
    const plain = everyDer.map((der) => X509Certificate.parse(der));
    const cached = everyDer.map((der) => CachedCertificate.fromDer(der));
    const plainDer = plain.map((certificate) => certificate.root.toDER());
    cached.forEach((certificate, i) => {
      expect(certificate.publicKey.equals(plain[i]!.publicKey)).toBe(true);
      expect(certificate.verify()).toBe(plain[i]!.verify());
      expect(certificate.clone().root.toDER().equals(plainDer[i]!)).toBe(true);
      // Against the library's own class, and against cached ones.
      expect(certificate.equals(plain[i]!)).toBe(true);
      expect(certificate.equals(plain[(i + 1) % plain.length]!)).toBe(
        plainDer[i]!.equals(plainDer[(i + 1) % plain.length]!),
      );
      cached.forEach((other, j) => expect(certificate.equals(other)).toBe(plainDer[i]!.equals(plainDer[j]!)));
    });
  });

  it('answers verify as the library class does, asked once or twice, valid or not', () => {
    // One instance per certificate, as in a run: each remembers its answers for every issuer.
    const instances = new Map<string, CachedCertificate>();
    const instance = (der: Buffer<ArrayBuffer>) => {
      const key = der.toString('base64');
      if (!instances.has(key)) instances.set(key, CachedCertificate.fromDer(der));
      return instances.get(key)!;
    };
    const answers = pairs.map(([der, issuer]) => {
      const expected = X509Certificate.parse(der).verify(X509Certificate.parse(issuer));
      // The second answer comes from the cache and must be the same.
      expect([instance(der).verify(instance(issuer)), instance(der).verify(instance(issuer))]).toEqual([
        expected,
        expected,
      ]);
      return expected;
    });
    // Both kinds of answer occur, so the comparison means something.
    expect(new Set(answers)).toEqual(new Set([true, false]));
  });

  it('gives one parsed certificate per distinct DER', () => {
    const cache = new CertificateCache();
    const [first, second] = leaves;
    expect(cache.leaf(first!)).toBe(cache.leaf(Buffer.from(first!)));
    expect(cache.leaf(first!)).not.toBe(cache.leaf(second!));
  });
});

describe('verifying many bundles with one trust store', () => {
  const provenance = bundleFixture(PROVENANCE.bundle);
  const cosign = bundleFixture(COSIGN.bundle);

  it('verifies the same bundle again, with the same result', () => {
    const trust = embeddedTrust();
    const first = verify(provenance, PROVENANCE.digest, trust);
    expect(first.status).toBe('verified');
    expect(verify(provenance, PROVENANCE.digest, trust)).toEqual(first);
  });

  it.each([
    ['after', true],
    ['before', false],
  ])('refuses a tampered signing certificate %s verifying the genuine one', (_when, genuineFirst) => {
    const trust = embeddedTrust();
    const tampered = withTamperedCertificate(cosign);
    const genuine = () => expect(verify(cosign, COSIGN.digest, trust).status).toBe('verified');
    if (genuineFirst) genuine();
    expect(verify(tampered, COSIGN.digest, trust)).toMatchObject({
      status: 'invalid',
      check: 'certificate-chain',
    });
    if (!genuineFirst) genuine();
  });

  it("refuses a bundle carrying another bundle's verified certificate", () => {
    const trust = embeddedTrust();
    expect(verify(cosign, COSIGN.digest, trust).status).toBe('verified');
    expect(verify(provenance, PROVENANCE.digest, trust).status).toBe('verified');
    const transplanted = verify(withCertificateOf(provenance, cosign), PROVENANCE.digest, trust);
    expect(transplanted.status).toBe('invalid');
  });
});
