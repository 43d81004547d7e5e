/**
 * Evidence: every fact the policy judges, each carrying where it came from, so a report can say
 * "this finding comes from trivy.json (sha256:…)" and a reviewer can check it.
 */

export type SourceKind = 'registry' | 'oci-layout' | 'docker' | 'file' | 'github' | 'generated';

export interface EvidenceSource {
  kind: SourceKind;
  /** A registry URL, an OCI layout path, a file path relative to the workspace, an API URL. */
  uri: string;
  /** sha256 of the bytes the fact was read from, when there are bytes. */
  digest?: string;
}

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface ImageLayer {
  digest: string;
  size: number;
  mediaType: string;
}

/** The parts of an OCI image config the rules read (image-spec `config` + `history`). */
export interface ImageConfigFacts {
  user?: string;
  env: string[];
  labels: Record<string, string>;
  created?: string;
  history: Array<{ createdBy?: string; emptyLayer?: boolean }>;
  /** The os/architecture/variant the config itself declares. */
  platform?: Platform;
}

/** One platform's image manifest: for an index, one per gated platform; else the image itself. */
export interface PlatformImage {
  /** The manifest's digest (the index's child, or the gated digest for a single-platform image). */
  digest: string;
  mediaType: string;
  /** The config blob's digest: what Trivy and Grype call the image ID. */
  configDigest?: string;
  /** From the index entry, else from the config. */
  platform?: Platform;
  /** The manifest's annotations: `org.opencontainers.image.base.name`, `.base.digest`, `.source`, `.revision`… */
  annotations: Record<string, string>;
  config?: ImageConfigFacts;
  layers: ImageLayer[];
  /** Sum of the layers' compressed sizes in bytes, as the manifest declares them. */
  compressedSize: number;
  source: EvidenceSource;
}

export interface ImageEvidence {
  /** The reference as the user gave it. */
  reference: string;
  /** Repository name without tag or digest, e.g. `ghcr.io/acme/app`, or `oci:PATH`. */
  name: string;
  /** The digest every later read is bound to. */
  digest: string;
  /** The tag it was resolved from, when it was given by tag. */
  resolvedFromTag?: string;
  mediaType: string;
  /** The gated manifest's or index's own annotations. */
  annotations: Record<string, string>;
  /** Every platform image gated, in index order; rules that judge each platform read these. */
  platforms: PlatformImage[];
  /** `platform`, `config` and `layers` repeat `platforms[0]`: the image when there is one platform. */
  platform?: Platform;
  config?: ImageConfigFacts;
  layers: ImageLayer[];
  source: EvidenceSource;
  /** Set for an image read from the local Docker engine (`docker:`). */
  local?: LocalImage;
}

/**
 * What the engine says of a local image beyond its manifest. `digest` of the image is the registry
 * digest when the engine recorded one for the image's repository, else `savedDigest`.
 */
export interface LocalImage {
  engine: 'docker';
  /** The engine's image ID: the config digest, or the manifest digest with containerd's image store. */
  imageId: string;
  /** The manifest `docker save` wrote, or for an archive without one, the schema 2 manifest of what it wrote. */
  savedDigest: string;
  /** Whether `savedDigest` is the engine's manifest or one describing the saved config and layers. */
  savedManifest: 'engine' | 'described';
  /** A registry digest the engine recorded for this repository (`RepoDigests`), not read from that registry. */
  registryDigest?: { repository: string; digest: string };
}

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'unknown'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type ScanFormat = 'trivy-json' | 'grype-json' | 'sarif' | 'cyclonedx' | 'cosign-vuln';

/** One report that listed a finding: which scanner, which format, which file or attestation. */
export interface FindingSource {
  scanner: string;
  format: ScanFormat;
  /** The report's `source.uri`. */
  uri: string;
}

export interface Finding {
  /** CVE-…, GHSA-…, or the scanner's own id. */
  id: string;
  /** Other ids of the same vulnerability (CVE ↔ GHSA, a vendor id). */
  aliases: string[];
  packageName: string;
  installedVersion?: string;
  fixedVersion?: string;
  /** Whether the report says a fix exists; absent when the report cannot tell. */
  fixState?: 'fixed' | 'unfixed';
  /** The package as a canonical purl (packageurl-js), when the report gives or implies one. */
  purl?: string;
  severity: Severity;
  /** The severity word as the scanner wrote it. */
  sourceSeverity: string;
  cvssScore?: number;
  cvssVector?: string;
  /** Untrusted text from the scanner: escape before rendering. */
  title?: string;
  url?: string;
  /** The scan target, e.g. `alpine:3.10 (alpine 3.10.9)` or a lock file path. */
  target?: string;
  /** Finer than `target`: a path in the image, or `file:line:column` for a finding in code. */
  location?: string;
  /** Every report that listed it (several after dedupe across scanners); set by every parser. */
  sources?: FindingSource[];
}

/** A finding that does not count, and why: the summary lists these. */
export interface SuppressedFinding {
  finding: Finding;
  /** An allow entry, a VEX statement, the `ignore-unfixed` setting, or the report itself. */
  by: 'allow' | 'vex' | 'ignore-unfixed' | 'report';
  /** One line: the allow entry's reason, the VEX status and justification, … (untrusted text). */
  reason: string;
  /** Where the suppression is written: `policy.yml:12:7`, a VEX file, an attestation. */
  origin?: string;
}

export interface ScanReport {
  format: ScanFormat;
  scanner: { name: string; version?: string };
  /** What the report says it scanned. */
  artifact: { name?: string; digests: string[]; imageId?: string };
  createdAt?: string;
  findings: Finding[];
  /** Findings the report itself marks as not applying (SARIF suppressions, CycloneDX analysis). */
  suppressed?: SuppressedFinding[];
  source: EvidenceSource;
}

export type VexStatus = 'not_affected' | 'affected' | 'fixed' | 'under_investigation';

/** What a VEX statement is about: a product (purl or other id), narrowed to packages inside it. */
export interface VexProduct {
  id: string;
  /** Packages (purls or ids) inside the product the statement is limited to; empty: all of it. */
  subcomponents: string[];
  /** Exact versions the statement is limited to (CycloneDX `affects[].versions`), when listed. */
  versions?: string[];
  /** Version ranges the document gives but the gate does not evaluate (such a product never matches). */
  ranges?: string[];
}

export interface VexStatement {
  vulnerability: string;
  aliases: string[];
  products: VexProduct[];
  status: VexStatus;
  justification?: string;
  /** Impact statement or analysis detail: untrusted text. */
  detail?: string;
  /** The statement's time, else its document's: the latest statement about a finding wins. */
  timestamp?: string;
}

/** An OpenVEX or CycloneDX VEX document, from a file in the repository or a verified attestation. */
export interface VexDocument {
  format: 'openvex' | 'cyclonedx-vex';
  author?: string;
  timestamp?: string;
  statements: VexStatement[];
  source: EvidenceSource;
  /** Who signed the attestation it came from; absent for a file. */
  signer?: SignerIdentity;
}

/**
 * A signature or attestation found for the image (registry referrer, cosign tag, GitHub
 * attestations API, or a local file), before verification: nothing about it is trusted yet.
 */
export interface DiscoveredArtifact {
  /** A sigstore bundle (v0.1–v0.3), or a legacy cosign `.sig` / `.att` layer. */
  kind: 'sigstore-bundle' | 'cosign-signature' | 'cosign-attestation';
  /** The digest it was found attached to (or the API subject it was listed under). */
  subjectDigest: string;
  source: EvidenceSource;
  /** The parsed JSON of a sigstore bundle. */
  bundle?: unknown;
  /** A legacy cosign layer: its payload bytes (simplesigning JSON or DSSE envelope) and annotations. */
  cosignLayer?: { mediaType: string; payload: Uint8Array; annotations: Record<string, string> };
  /** For a multi-platform image, the platform whose manifest it is attached to. */
  platform?: Platform;
}

/** One place discovery looked for signatures and attestations of one digest, and what it found. */
export interface DiscoveryLookup {
  subjectDigest: string;
  /** For a platform manifest of an index; absent for the gated digest itself. */
  platform?: Platform;
  place:
    | 'cosign-signature-tag'
    | 'cosign-attestation-tag'
    | 'referrers-api'
    | 'referrers-tag'
    | 'github-attestations';
  /** The tag, API or layout location that was read. */
  uri: string;
  /** `unsupported`: the registry has no referrers API (the `referrers-tag` lookup covers it). */
  outcome: 'found' | 'none' | 'unsupported';
  /** How many DiscoveredArtifacts came from here. */
  found: number;
  /** What was there but is not evidence for this digest, and why: another artifact type, another subject… */
  skipped: Array<{ digest?: string; reason: string }>;
}

/** The requests evidence collection sent (registry and GitHub API). */
export interface RequestStats {
  requests: number;
  /** The longest chain of requests each sent after the previous one was answered. */
  roundTrips: number;
  byHost: Record<string, number>;
  elapsedMs: number;
}

/** GitHub workflow claims a Fulcio certificate carries (extensions 1.3.6.1.4.1.57264.1.9–.23). */
export interface CertificateClaims {
  buildSignerUri?: string;
  buildSignerDigest?: string;
  /** `github-hosted` or `self-hosted`. */
  runnerEnvironment?: string;
  /** e.g. `https://github.com/acme/app`. */
  sourceRepositoryUri?: string;
  sourceRepositoryDigest?: string;
  /** e.g. `refs/heads/main`. */
  sourceRepositoryRef?: string;
  sourceRepositoryIdentifier?: string;
  sourceRepositoryOwnerUri?: string;
  sourceRepositoryOwnerIdentifier?: string;
  /** The workflow that ran: `https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main`. */
  buildConfigUri?: string;
  buildConfigDigest?: string;
  /** The event, e.g. `push`. */
  buildTrigger?: string;
  runInvocationUri?: string;
  sourceRepositoryVisibility?: string;
  deploymentEnvironment?: string;
}

/** Who made a verified signature: a certificate's identity, or a public key the policy lists. */
export type SignerIdentity =
  | {
      kind: 'certificate';
      /** The SubjectAlternativeName: a workflow URI, an e-mail, or a username. */
      san?: string;
      /** The OIDC issuer the certificate authority checked. */
      issuer?: string;
      claims: CertificateClaims;
      /** The trust instance whose CA issued it: `public-good`, `github`, or a trusted-root file. */
      instance: string;
    }
  | { kind: 'public-key'; keyId: string };

/** The in-toto statement a DSSE envelope carried (read after its signature verified). */
export interface InTotoStatementFacts {
  predicateType: string;
  subjects: Array<{ name?: string; digest: Record<string, string> }>;
  /** Untrusted content until a rule checks it: escape before rendering. */
  predicate: unknown;
}

export interface TransparencyLogFact {
  /** Hex log id. */
  logId: string;
  logIndex: string;
  /** `hashedrekord 0.0.1`, `dsse 0.0.1`, … */
  entryKind: string;
  /** When the log integrated the entry (absent for Rekor v2 entries, which rely on a TSA). */
  integratedTime?: string;
  proof: 'inclusion-proof' | 'inclusion-promise' | 'both';
}

export interface SignatureTimestampFact {
  source: 'timestamp-authority' | 'transparency-log';
  time: string;
}

/** The outcome of verifying one discovered artifact against the trusted roots and policy keys. */
export type ArtifactVerification =
  | {
      status: 'verified';
      artifact: DiscoveredArtifact;
      signer: SignerIdentity;
      content: 'message-signature' | 'dsse';
      /** For DSSE in-toto envelopes; the image digest is one of its subjects. */
      statement?: InTotoStatementFacts;
      transparencyLog: TransparencyLogFact[];
      timestamps: SignatureTimestampFact[];
    }
  | {
      status: 'invalid';
      artifact: DiscoveredArtifact;
      /** The check that rejected it: `signature`, `certificate-chain`, `subject-binding`, … */
      check: string;
      /** Why, in one line (untrusted text may appear: escape before rendering). */
      message: string;
    };

/** What reading one platform image's layers for credential files found. */
export interface LayerScan {
  manifestDigest: string;
  platform?: Platform;
  scannedLayers: number;
  /** Layers not read, and why (over a size limit, an unsupported media type, not a tar). */
  skipped: Array<{ layerDigest: string; reason: string }>;
  /** Never the secret itself: `redacted` shows a public prefix at most. */
  findings: Array<{ layerDigest: string; path: string; kind: string; key?: string; redacted: string }>;
}

/**
 * The provenance this run made for the image. When signed, its bundle is also among `discovered`
 * (found where it was pushed, or added as made) and verified like any other attestation.
 */
export interface GeneratedProvenance {
  predicateType: string;
  /** sha256 of the bundle's JSON as written and pushed: the `source.digest` of its discovered copy. */
  bundleDigest?: string;
  /** Why it is not signed (no `id-token: write`, signing turned off): the statement alone was written. */
  unsigned?: string;
  /** The file the statement or bundle was written to, relative to the workspace. */
  path?: string;
  /** Where it was published: an OCI referrer manifest, a GitHub attestation. */
  published: Array<{ where: 'registry' | 'github'; uri: string }>;
}

export interface Evidence {
  image: ImageEvidence;
  scans: ScanReport[];
  /** Everything discovery found, verified or not; verification results are derived from these. */
  discovered: DiscoveredArtifact[];
  /** Where discovery looked, so "no signature found" can say where it looked. */
  lookups?: DiscoveryLookup[];
  stats?: RequestStats;
  /** One result per discovered artifact, in the same order (absent before verification ran). */
  verifications?: ArtifactVerification[];
  /** VEX documents from files in the repository (the `vex` input). */
  vex?: VexDocument[];
  /** Present when the policy asks for `image.scan-layers`: one per platform image. */
  layerScans?: LayerScan[];
  /** The repository the workflow runs for, e.g. `https://github.com/acme/app`, when known. */
  repositoryUrl?: string;
  /** Provenance made by this run, when the `provenance` input asked for it. */
  generatedProvenance?: GeneratedProvenance;
}
