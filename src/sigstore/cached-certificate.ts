/**
 * Certificates that remember what @sigstore/verify recomputes on every bundle. Its chain builder
 * re-encodes both certificates to DER for every comparison and re-checks every signature up to the
 * root, for every bundle: for a CA certificate from the trusted root those answers never change
 * within a run, and a signing certificate shared by many bundles (cosign signing each platform of
 * an index) repeats them too. Each value is computed the first time it is asked for, from the
 * certificate's own bytes, exactly as the parent class computes it; nothing is assumed.
 */
import type { KeyObject } from 'node:crypto';
import { crypto as sigstoreCrypto, X509Certificate } from '@sigstore/core';

export class CachedCertificate extends X509Certificate {
  #der?: Buffer;
  #publicKey?: Buffer;
  #key?: KeyObject;
  #signedBytes?: Buffer;
  /** verify() answers by issuer; the issuers are the trusted root's certificates, alive all run. */
  readonly #verified = new Map<X509Certificate | undefined, boolean>();

  static fromDer(der: Buffer<ArrayBuffer>): CachedCertificate {
    return new CachedCertificate(X509Certificate.parse(der).root);
  }

  static from(certificate: X509Certificate): CachedCertificate {
    return certificate instanceof CachedCertificate ? certificate : new CachedCertificate(certificate.root);
  }

  /** The certificate's DER encoding, as the parent class re-encodes it for every comparison. */
  get der(): Buffer {
    return (this.#der ??= this.root.toDER());
  }

  override get publicKey(): Buffer {
    return (this.#publicKey ??= super.publicKey);
  }

  override equals(other: X509Certificate): boolean {
    return this.der.equals(other instanceof CachedCertificate ? other.der : other.root.toDER());
  }

  override verify(issuerCertificate?: X509Certificate): boolean {
    const known = this.#verified.get(issuerCertificate);
    if (known !== undefined) return known;
    const signer = issuerCertificate ? CachedCertificate.from(issuerCertificate) : this;
    this.#signedBytes ??= this.tbsCertificate.toDER();
    const valid = sigstoreCrypto.verify(
      this.#signedBytes,
      signer.keyObject,
      this.signatureValue,
      this.signatureAlgorithm,
    );
    // Only issuers that live as long as this certificate are remembered, so the map cannot grow
    // with certificates that come and go.
    if (issuerCertificate === undefined || issuerCertificate instanceof CachedCertificate) {
      this.#verified.set(issuerCertificate, valid);
    }
    return valid;
  }

  override clone(): X509Certificate {
    return X509Certificate.parse(Buffer.from(this.der));
  }

  private get keyObject(): KeyObject {
    return (this.#key ??= sigstoreCrypto.createPublicKey(this.publicKey));
  }
}

/**
 * Signing certificates by their bytes, for one trust store (one run): a certificate shared by
 * several bundles is parsed and chained once.
 */
export class CertificateCache {
  readonly #byDer = new Map<string, CachedCertificate>();

  leaf(der: Uint8Array): CachedCertificate {
    const key = Buffer.from(der).toString('base64');
    let certificate = this.#byDer.get(key);
    if (!certificate) {
      certificate = CachedCertificate.fromDer(Buffer.from(der));
      this.#byDer.set(key, certificate);
    }
    return certificate;
  }
}
