/**
 * Which policy applies to this run. On pull_request, pull_request_target and merge_group events
 * the repository's policy is read from the base commit through the API, never from the checkout,
 * so a pull request cannot weaken its own gate. An organization policy (`owner/repo/path@ref`) is
 * loaded from its repository and the repository's policy may only tighten it.
 */
import { resolve } from 'node:path';
import type { GitHubClient } from '../../adapters/github/create-client.js';
import type { Logger } from '../../adapters/log/logger.js';
import { ConfigurationError } from '../../errors.js';
import { displayPath } from '../../workspace-path.js';
import type { RunInputs } from '../../inputs.js';
import { loadPolicyFile, MAX_POLICY_BYTES, parsePolicy, readPolicyText } from './load.js';
import { DEFAULT_POLICY_PATH, defaultPolicy, type Policy } from '../schema.js';

/** `owner/repo/path/to/file.yml@ref`: a policy kept in another repository. */
const REMOTE_POLICY = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/([^@]+\.ya?ml)@([A-Za-z0-9_./-]+)$/;

export interface RemotePolicyLocation {
  owner: string;
  repo: string;
  path: string;
  ref: string;
}

export function parseRemotePolicy(text: string): RemotePolicyLocation | undefined {
  const match = REMOTE_POLICY.exec(text);
  if (!match || match[3]!.split('/').includes('..')) return undefined;
  return { owner: match[1]!, repo: match[2]!, path: match[3]!, ref: match[4]! };
}

export interface PolicyDeps {
  log: Logger;
  github?: GitHubClient;
}

export async function resolvePolicy(inputs: RunInputs, deps: PolicyDeps): Promise<Policy> {
  const remote = inputs.policyPath ? parseRemotePolicy(inputs.policyPath) : undefined;
  const repositoryPath = remote ? undefined : inputs.policyPath;
  const repository = await resolveRepositoryPolicy(inputs, repositoryPath, deps);
  if (!remote) return repository ?? defaultPolicy();

  const organization = await loadRemotePolicy(remote, deps);
  const base = repository ?? { ...defaultPolicy(), origin: 'no repository policy', positions: {} };
  return { ...base, origin: `${organization.origin} (organization) + ${base.origin}`, organization };
}

async function resolveRepositoryPolicy(
  inputs: RunInputs,
  explicitPath: string | undefined,
  deps: PolicyDeps,
): Promise<Policy | undefined> {
  const path = explicitPath ?? DEFAULT_POLICY_PATH;
  if (inputs.policyBase) return loadBasePolicy(inputs, path, explicitPath !== undefined, deps);

  const absolute = resolve(inputs.workspace, path);
  const shown = displayPath(absolute, inputs.workspace);
  if (explicitPath !== undefined) return loadPolicyFile(absolute, shown);
  const local = await readPolicyText(absolute, shown);
  if (local === undefined) {
    deps.log.info(`No ${DEFAULT_POLICY_PATH} found: using the built-in default policy.`);
    return undefined;
  }
  return parsePolicy(local, shown);
}

/** The policy as it is on the base commit of a pull request or merge group. */
async function loadBasePolicy(
  inputs: RunInputs,
  path: string,
  explicit: boolean,
  deps: PolicyDeps,
): Promise<Policy | undefined> {
  const base = inputs.policyBase!;
  if (!deps.github) {
    throw new ConfigurationError(
      'policy-base-unreadable',
      `the policy must be read at ${base.ref} through the GitHub API (${base.event}), and no GitHub token was given: set the "github-token" input`,
    );
  }
  const repoPath = path.replace(/^\.\//, '');
  const text = await deps.github.getFileContent({
    owner: base.owner,
    repo: base.repo,
    path: repoPath,
    ref: base.ref,
  });
  const shortRef = /^[0-9a-f]{40}$/.test(base.ref) ? base.ref.slice(0, 12) : base.ref;
  // Only to say whether the change edits the policy: whatever the checkout holds there is not read as one.
  const local = await readPolicyText(resolve(inputs.workspace, path), path).catch(() => undefined);
  const notes: string[] = [];
  if (local !== undefined && local !== text) {
    notes.push(
      `This change edits ${repoPath}; the gate used the version at the base commit ${shortRef}, and the edit applies once it is merged.`,
    );
  }
  if (text === undefined) {
    if (explicit) {
      throw new ConfigurationError(
        'policy-not-found',
        `${repoPath}: policy file not found at the base commit ${shortRef}: add it on the base branch first`,
      );
    }
    deps.log.info(`No ${repoPath} at the base commit ${shortRef}: using the built-in default policy.`);
    return {
      ...defaultPolicy(),
      notes: [
        `No ${repoPath} at the base commit ${shortRef}: the built-in default policy applies.`,
        ...notes,
      ],
    };
  }
  if (Buffer.byteLength(text) > MAX_POLICY_BYTES) {
    throw new ConfigurationError(
      'policy-too-large',
      `${repoPath}@${shortRef}: policy file is larger than ${MAX_POLICY_BYTES} bytes`,
    );
  }
  const policy = parsePolicy(text, `${repoPath}@${shortRef}`);
  return {
    ...policy,
    notes: [
      `Policy read from the base commit ${shortRef}, so this change cannot weaken its own gate.`,
      ...notes,
    ],
  };
}

async function loadRemotePolicy(location: RemotePolicyLocation, deps: PolicyDeps): Promise<Policy> {
  const shown = `${location.owner}/${location.repo}/${location.path}@${location.ref}`;
  if (!deps.github) {
    throw new ConfigurationError(
      'policy-remote-unreadable',
      `${shown}: reading an organization policy needs a GitHub token`,
    );
  }
  const text = await deps.github.getFileContent(location);
  if (text === undefined) {
    throw new ConfigurationError(
      'policy-not-found',
      `${shown}: organization policy not found (or the token cannot read ${location.owner}/${location.repo}: give it contents: read there)`,
    );
  }
  return parsePolicy(text, shown);
}
