/**
 * The dependency snapshot of an image (GitHub's dependency submission API body): the language
 * packages of the SBOMs the policy trusts, so Dependabot alerts keep watching what the image ships
 * after the merge. Operating-system packages (deb, apk, rpm) are left out: the dependency graph
 * has no advisories for them. Pure.
 */
import type { Evidence } from '../model/evidence.js';
import { judgeSboms } from '../policy/attestation-trust.js';
import { usablePackages } from '../policy/rules/sbom.js';
import type { Policy } from '../policy/schema.js';
import { parsePurl } from '../evidence/scans/purl.js';

/** purl types of the ecosystems the dependency graph knows. */
const LANGUAGE_TYPES = new Set([
  'npm',
  'pypi',
  'maven',
  'golang',
  'gem',
  'nuget',
  'cargo',
  'composer',
  'pub',
  'swift',
  'hex',
]);

export interface SnapshotTarget {
  sha: string;
  ref: string;
  job: { id: string; correlator: string; htmlUrl?: string };
  /** The action's repository (`GITHUB_ACTION_REPOSITORY`), named as the detector's URL. */
  detectorUrl?: string;
}

export interface DependencySnapshot {
  version: 0;
  job: { id: string; correlator: string; html_url?: string };
  sha: string;
  ref: string;
  detector: { name: string; version: string; url: string };
  scanned: string;
  metadata: Record<string, string>;
  manifests: Record<
    string,
    {
      name: string;
      metadata: Record<string, string>;
      resolved: Record<string, { package_url: string; relationship: 'indirect'; scope: 'runtime' }>;
    }
  >;
}

export function dependencySnapshot(
  policy: Policy,
  evidence: Evidence,
  target: SnapshotTarget,
  tool: { version: string; url: string },
  now: Date,
): { snapshot: DependencySnapshot; packages: number } {
  const resolved: DependencySnapshot['manifests'][string]['resolved'] = {};
  for (const pkg of usablePackages(judgeSboms(policy, evidence))) {
    const purl = pkg.purl && parsePurl(pkg.purl);
    if (!purl || !LANGUAGE_TYPES.has(purl.type) || !purl.version) continue;
    // The image ships them, but they were resolved by the build, not declared by this repository.
    resolved[pkg.purl!] = { package_url: pkg.purl!, relationship: 'indirect', scope: 'runtime' };
  }
  const image = `${evidence.image.name}@${evidence.image.digest}`;
  return {
    packages: Object.keys(resolved).length,
    snapshot: {
      version: 0,
      job: {
        id: target.job.id,
        correlator: target.job.correlator,
        ...(target.job.htmlUrl ? { html_url: target.job.htmlUrl } : {}),
      },
      sha: target.sha,
      ref: target.ref,
      detector: { name: 'supply-chain-gate', version: tool.version, url: tool.url },
      scanned: now.toISOString(),
      metadata: { image },
      manifests: {
        [evidence.image.name]: {
          name: evidence.image.name,
          metadata: { digest: evidence.image.digest },
          resolved,
        },
      },
    },
  };
}
