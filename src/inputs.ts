/** The typed, validated inputs of one gate run: built once by index.ts (action) or cli.ts. */
import { ConfigurationError } from './errors.js';
import type { Platform } from './model/evidence.js';
import type { ProvenanceRequest } from './provenance/make.js';
import type { PublishRequest } from './provenance/publish.js';

/** A repository, or an organization (all its repositories the token can read), whose GitHub attestations to list. */
export type AttestationScope = { owner: string; repo: string } | { org: string };

export interface GitHubTarget {
  apiUrl: string;
  token: string;
  owner: string;
  repo: string;
  /** The commit the check run is attached to (the PR head for pull_request events). */
  headSha: string;
  /** Link from the check run to the workflow run. */
  detailsUrl?: string;
  /** The pull request the sticky comment goes on, from the event payload. */
  pullRequestNumber?: number;
}

export interface RegistryCredentials {
  username: string;
  password: string;
}

export interface RunInputs {
  image: string;
  /** The digest the workflow built; when `image` has a tag, the tag must still point here. */
  digest?: string;
  /** Which platforms of a multi-platform image to gate; all of them when not given. */
  platforms?: Platform[];
  /** Where to ask the GitHub attestations API for attestations of the gated digests. */
  attestationScopes?: AttestationScope[];
  /**
   * An explicit policy file (it must exist), or `owner/repo/path@ref` for an organization policy
   * the repository's own may only tighten. Without it the default path is tried, then defaults.
   */
  policyPath?: string;
  /** This repository's URL (`https://github.com/acme/app`), for rules that compare labels with it. */
  repositoryUrl?: string;
  /** Set on pull_request, pull_request_target and merge_group: read the policy at this commit. */
  policyBase?: { owner: string; repo: string; ref: string; event: string };
  scanPaths: string[];
  /** OpenVEX or CycloneDX VEX files in the workspace (the repository) that may suppress findings. */
  vexPaths?: string[];
  /** Sigstore bundle files about the gated image (JSON, or JSON Lines of several). */
  bundlePaths?: string[];
  /** A trusted_root.json (or JSON Lines of roots) that replaces the embedded Sigstore roots. */
  trustedRootPath?: string;
  /** Overrides the policy's top-level mode. */
  mode?: 'enforce' | 'audit';
  checkName: string;
  /** Paths are resolved against this directory and reported relative to it. */
  workspace: string;
  jsonReportPath?: string;
  markdownReportPath?: string;
  /** A SARIF 2.1.0 file of the violations, for code scanning. */
  sarifPath?: string;
  /** Post the summary as one pull request comment, edited in place on every run. */
  comment?: boolean;
  registryCredentials?: RegistryCredentials;
  githubToken?: string;
  github?: GitHubTarget;
  /** Make SLSA provenance for the image before the evidence is gathered (it is then evidence too). */
  provenance?: ProvenanceRequest;
  /** Sign and publish a SLSA verification summary of the decision. */
  verificationSummary?: PublishRequest;
}

export const DEFAULT_CHECK_NAME = 'supply-chain-gate';

export function parsePlatform(text: string): Platform | undefined {
  const [os, architecture, variant, ...rest] = text.split('/');
  if (!os || !architecture || rest.length > 0) return undefined;
  return variant ? { os, architecture, variant } : { os, architecture };
}

/** `linux/amd64, linux/arm64/v8`, separated by commas or new lines; `what` names the input in errors. */
export function parsePlatformList(texts: string[], what: string): Platform[] {
  return texts
    .flatMap((text) => text.split(/[,\n]/))
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const platform = parsePlatform(entry);
      if (!platform) {
        throw new ConfigurationError(
          'invalid-platform',
          `${what} takes OS/ARCH[/VARIANT] (e.g. linux/arm64), got ${JSON.stringify(entry)}`,
        );
      }
      return platform;
    });
}
