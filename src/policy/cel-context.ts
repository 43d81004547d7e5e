/**
 * The evidence as CEL sees it: plain maps and lists with stable field names, documented in
 * docs/policy.md. Counts and sizes are CEL ints (BigInt), scores are doubles.
 */
import {
  SEVERITIES,
  type ArtifactVerification,
  type Evidence,
  type ImageConfigFacts,
  type SignerIdentity,
} from '../model/evidence.js';

export function buildCelContext(evidence: Evidence): Record<string, unknown> {
  const image = evidence.image;
  // Only what verified: an unverified signature is not evidence of anything.
  const verified = (evidence.verifications ?? []).filter(
    (v): v is Extract<ArtifactVerification, { status: 'verified' }> => v.status === 'verified',
  );
  const findings = evidence.scans.flatMap((scan) =>
    scan.findings.map((finding) => ({
      id: finding.id,
      aliases: finding.aliases,
      package: finding.packageName,
      version: finding.installedVersion ?? '',
      fixedVersion: finding.fixedVersion ?? '',
      fixable: Boolean(finding.fixedVersion),
      severity: finding.severity,
      cvss: finding.cvssScore ?? 0,
      purl: finding.purl ?? '',
      scanner: scan.scanner.name,
    })),
  );
  const counts = Object.fromEntries(
    SEVERITIES.map((severity) => [severity, BigInt(findings.filter((f) => f.severity === severity).length)]),
  );
  return {
    image: {
      name: image.name,
      reference: image.reference,
      digest: image.digest,
      tag: image.resolvedFromTag ?? '',
      mediaType: image.mediaType,
      platform: image.platform
        ? [image.platform.os, image.platform.architecture, image.platform.variant].filter(Boolean).join('/')
        : '',
      ...configFacts(image.config),
      layers: BigInt(image.layers.length),
      size: BigInt(image.layers.reduce((total, layer) => total + layer.size, 0)),
    },
    platforms: image.platforms.map((platform) => ({
      digest: platform.digest,
      platform: platform.platform
        ? [platform.platform.os, platform.platform.architecture, platform.platform.variant]
            .filter(Boolean)
            .join('/')
        : '',
      annotations: platform.annotations,
      ...configFacts(platform.config),
      layers: BigInt(platform.layers.length),
      size: BigInt(platform.compressedSize),
    })),
    findings,
    counts,
    scans: evidence.scans.map((scan) => ({
      format: scan.format,
      scanner: scan.scanner.name,
      version: scan.scanner.version ?? '',
      file: scan.source.uri,
      digests: scan.artifact.digests,
      createdAt: scan.createdAt ?? '',
    })),
    signatures: verified
      .filter((v) => v.content === 'message-signature')
      .map((v) => ({
        ...signerFacts(v.signer),
        digest: v.artifact.subjectDigest,
        source: v.artifact.source.uri,
      })),
    attestations: verified
      .filter((v) => v.content === 'dsse' && v.statement)
      .map((v) => ({
        ...signerFacts(v.signer),
        predicateType: v.statement!.predicateType,
        predicate: v.statement!.predicate,
        digest: v.artifact.subjectDigest,
        source: v.artifact.source.uri,
      })),
  };
}

function configFacts(config: ImageConfigFacts | undefined) {
  return {
    user: config?.user ?? '',
    env: Object.fromEntries(
      (config?.env ?? []).map((entry) => {
        const at = entry.indexOf('=');
        return at === -1 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    ),
    labels: config?.labels ?? {},
    created: config?.created ?? '',
    history: (config?.history ?? []).map((step) => step.createdBy ?? ''),
  };
}

function signerFacts(signer: SignerIdentity) {
  return signer.kind === 'certificate'
    ? {
        signer: signer.san ?? '',
        issuer: signer.issuer ?? '',
        repository: signer.claims.sourceRepositoryUri ?? '',
        ref: signer.claims.sourceRepositoryRef ?? '',
        workflow: signer.claims.buildConfigUri ?? '',
        runnerEnvironment: signer.claims.runnerEnvironment ?? '',
        trigger: signer.claims.buildTrigger ?? '',
        keyId: '',
      }
    : {
        signer: '',
        issuer: '',
        repository: '',
        ref: '',
        workflow: '',
        runnerEnvironment: '',
        trigger: '',
        keyId: signer.keyId,
      };
}
