/**
 * Evidence: every fact the policy judges, each carrying where it came from, so a report can say
 * "this finding comes from trivy.json (sha256:…)" and a reviewer can check it.
 */

export type SourceKind = 'registry' | 'oci-layout' | 'file' | 'github' | 'generated';

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
  platform?: Platform;
  config?: ImageConfigFacts;
  layers: ImageLayer[];
  source: EvidenceSource;
}

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'unknown'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  /** CVE-…, GHSA-…, or the scanner's own id. */
  id: string;
  aliases: string[];
  packageName: string;
  installedVersion?: string;
  fixedVersion?: string;
  /** pkg:… when the scanner gives one. */
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
}

export interface ScanReport {
  format: 'trivy-json';
  scanner: { name: string; version?: string };
  /** What the report says it scanned. */
  artifact: { name?: string; digests: string[]; imageId?: string };
  createdAt?: string;
  findings: Finding[];
  source: EvidenceSource;
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

export interface Evidence {
  image: ImageEvidence;
  scans: ScanReport[];
  /** Everything discovery found, verified or not; verification results are derived from these. */
  discovered: DiscoveredArtifact[];
}
