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

export interface Evidence {
  image: ImageEvidence;
  scans: ScanReport[];
}
