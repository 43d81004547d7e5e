/**
 * Sigstore trusted roots → trust instances. Each instance (the public-good Sigstore, GitHub's own
 * instance, a user's root) is kept apart: a certificate is verified against the instance whose CA
 * issued it, with that instance's rules (a root that lists CT logs demands an SCT).
 */
import { X509Certificate } from '@sigstore/core';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toTrustMaterial, type TrustMaterial } from '@sigstore/verify';
import { CachedCertificate } from './cached-certificate.js';
import { CheckFailure } from './check-error.js';

export interface TrustInstance {
  /** `public-good`, `github`, or the file the root came from. */
  name: string;
  material: TrustMaterial;
  hasTransparencyLogs: boolean;
  hasCtLogs: boolean;
  /** DER subjects of every CA certificate, to find the instance that issued a certificate. */
  caSubjects: Buffer[];
}

export interface TrustStore {
  instances: TrustInstance[];
  /** Where the roots came from, for reports: `embedded`, `tuf`, or a file path. */
  origin: string;
}

const TRUSTED_ROOT_MEDIA_TYPES = [
  'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
  'application/vnd.dev.sigstore.trustedroot.v0.1+json',
  'application/vnd.dev.sigstore.trustedroot.v0.2+json',
];

/** A trusted root is only trusted whole: every bound must be stated, else it is rejected. */
export function parseTrustedRoot(json: unknown, name: string): TrustInstance {
  const problems = rootProblems(json);
  if (problems.length > 0) {
    throw new CheckFailure('trusted-root', `trusted root ${name} is invalid: ${problems.join('; ')}`);
  }
  let root: TrustedRoot;
  let material: TrustMaterial;
  try {
    root = TrustedRoot.fromJSON(json);
    material = withCachedCertificates(toTrustMaterial(root));
  } catch (error) {
    throw new CheckFailure('trusted-root', `trusted root ${name} is invalid: ${(error as Error).message}`);
  }
  return {
    name,
    material,
    hasTransparencyLogs: root.tlogs.length > 0,
    hasCtLogs: root.ctlogs.length > 0,
    caSubjects: material.certificateAuthorities.flatMap((ca) => ca.certChain.map((cert) => cert.subject)),
  };
}

/**
 * The same material, its CA and TSA certificates made to remember their DER, keys and verified
 * signatures: they are checked for every bundle, and their answers do not change within a run.
 */
function withCachedCertificates(material: TrustMaterial): TrustMaterial {
  type Authority = TrustMaterial['certificateAuthorities'][number];
  const cached = (authority: Authority): Authority => ({
    ...authority,
    certChain: authority.certChain.map((certificate) => CachedCertificate.from(certificate)),
  });
  return {
    ...material,
    certificateAuthorities: material.certificateAuthorities.map(cached),
    timestampAuthorities: material.timestampAuthorities.map(cached),
  };
}

/** The instances whose CAs could have issued this certificate (by issuer name). */
export function issuingInstances(store: TrustStore, leaf: X509Certificate): TrustInstance[] {
  return store.instances.filter((instance) =>
    instance.caSubjects.some((subject) => subject.equals(leaf.issuer)),
  );
}

function rootProblems(json: unknown): string[] {
  if (typeof json !== 'object' || json === null) return ['not a JSON object'];
  const root = json as Record<string, unknown>;
  const problems: string[] = [];
  if (!TRUSTED_ROOT_MEDIA_TYPES.includes(root.mediaType as string)) {
    problems.push(`unsupported mediaType ${JSON.stringify(root.mediaType ?? null)}`);
  }
  const list = (key: string) =>
    Array.isArray(root[key]) ? (root[key] as Array<Record<string, unknown>>) : [];
  for (const key of ['tlogs', 'ctlogs']) {
    list(key).forEach((log, i) => {
      const publicKey = log.publicKey as Record<string, unknown> | undefined;
      if (!publicKey?.rawBytes) problems.push(`${key}[${i}].publicKey.rawBytes is missing`);
      if (!hasStart(publicKey?.validFor)) problems.push(`${key}[${i}].publicKey.validFor.start is missing`);
      if (!(log.logId as Record<string, unknown> | undefined)?.keyId)
        problems.push(`${key}[${i}].logId is missing`);
    });
  }
  for (const key of ['certificateAuthorities', 'timestampAuthorities']) {
    list(key).forEach((authority, i) => {
      const chain = (authority.certChain as Record<string, unknown> | undefined)?.certificates;
      if (!Array.isArray(chain) || chain.length === 0) problems.push(`${key}[${i}].certChain is empty`);
      if (!hasStart(authority.validFor)) problems.push(`${key}[${i}].validFor.start is missing`);
    });
  }
  return problems;
}

function hasStart(validFor: unknown): boolean {
  const start = (validFor as Record<string, unknown> | undefined)?.start;
  return typeof start === 'string' && !Number.isNaN(Date.parse(start));
}
