/** The typed, validated inputs of one gate run: built once by index.ts (action) or cli.ts. */
import type { Platform } from './evidence/types.js';

export interface GitHubTarget {
  apiUrl: string;
  token: string;
  owner: string;
  repo: string;
  /** The commit the check run is attached to (the PR head for pull_request events). */
  headSha: string;
  /** Link from the check run to the workflow run. */
  detailsUrl?: string;
}

export interface RegistryCredentials {
  username: string;
  password: string;
}

export interface RunInputs {
  image: string;
  /** The digest the workflow built; when `image` has a tag, the tag must still point here. */
  digest?: string;
  platform?: Platform;
  /** An explicit policy file: it must exist. Without it the default path is tried, then defaults. */
  policyPath?: string;
  scanPaths: string[];
  /** Overrides the policy's top-level mode. */
  mode?: 'enforce' | 'audit';
  checkName: string;
  /** Paths are resolved against this directory and reported relative to it. */
  workspace: string;
  jsonReportPath?: string;
  markdownReportPath?: string;
  registryCredentials?: RegistryCredentials;
  githubToken?: string;
  github?: GitHubTarget;
}

export const DEFAULT_CHECK_NAME = 'supply-chain-gate';

export function parsePlatform(text: string): Platform | undefined {
  const [os, architecture, variant, ...rest] = text.split('/');
  if (!os || !architecture || rest.length > 0) return undefined;
  return variant ? { os, architecture, variant } : { os, architecture };
}
