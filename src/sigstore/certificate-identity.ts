/**
 * Who a Fulcio certificate says signed: the SubjectAlternativeName, the OIDC issuer, and the
 * workflow claims Fulcio copies from the identity token into extensions 1.3.6.1.4.1.57264.1.8+
 * (each a DER UTF8String). Only read after the certificate chained to a trusted CA.
 */
import type { X509Certificate } from '@sigstore/core';
import type { CertificateClaims } from '../model/evidence.js';

const FULCIO = '1.3.6.1.4.1.57264.1';
const ISSUER_V1 = `${FULCIO}.1`;
const ISSUER_V2 = `${FULCIO}.8`;
const OTHER_NAME_SAN = `${FULCIO}.7`;

const CLAIM_OIDS: ReadonlyArray<[keyof CertificateClaims, string]> = [
  ['buildSignerUri', `${FULCIO}.9`],
  ['buildSignerDigest', `${FULCIO}.10`],
  ['runnerEnvironment', `${FULCIO}.11`],
  ['sourceRepositoryUri', `${FULCIO}.12`],
  ['sourceRepositoryDigest', `${FULCIO}.13`],
  ['sourceRepositoryRef', `${FULCIO}.14`],
  ['sourceRepositoryIdentifier', `${FULCIO}.15`],
  ['sourceRepositoryOwnerUri', `${FULCIO}.16`],
  ['sourceRepositoryOwnerIdentifier', `${FULCIO}.17`],
  ['buildConfigUri', `${FULCIO}.18`],
  ['buildConfigDigest', `${FULCIO}.19`],
  ['buildTrigger', `${FULCIO}.20`],
  ['runInvocationUri', `${FULCIO}.21`],
  ['sourceRepositoryVisibility', `${FULCIO}.22`],
  ['deploymentEnvironment', `${FULCIO}.23`],
];

export interface CertificateIdentity {
  san?: string;
  issuer?: string;
  claims: CertificateClaims;
}

export function certificateIdentity(cert: X509Certificate): CertificateIdentity {
  const claims: CertificateClaims = {};
  for (const [name, oid] of CLAIM_OIDS) {
    const value = utf8StringExtension(cert, oid);
    if (value !== undefined) claims[name] = value;
  }
  return { san: subjectAlternativeName(cert), issuer: issuer(cert), claims };
}

/** A URI (workflows), an e-mail (people), or Fulcio's otherName (usernames). */
function subjectAlternativeName(cert: X509Certificate): string | undefined {
  const ext = cert.extSubjectAltName;
  if (!ext) return undefined;
  try {
    return ext.uri ?? ext.rfc822Name ?? ext.otherName(OTHER_NAME_SAN);
  } catch {
    return undefined;
  }
}

/** The v2 extension is DER; the deprecated v1 extension holds the raw string. */
function issuer(cert: X509Certificate): string | undefined {
  const v2 = utf8StringExtension(cert, ISSUER_V2);
  if (v2 !== undefined) return v2;
  return cert.extension(ISSUER_V1)?.value.toString('utf8');
}

/** A claim whose encoding is not a well-formed UTF8String is treated as absent, never guessed at. */
function utf8StringExtension(cert: X509Certificate, oid: string): string | undefined {
  const bytes = cert.extension(oid)?.value;
  if (!bytes || bytes.length < 2 || bytes[0] !== 0x0c) return undefined;
  let length = bytes[1]!;
  let offset = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 3 || bytes.length < 2 + count) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[2 + i]!;
    offset = 2 + count;
  }
  if (offset + length !== bytes.length) return undefined;
  const text = bytes.subarray(offset).toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes.subarray(offset)) ? text : undefined;
}
