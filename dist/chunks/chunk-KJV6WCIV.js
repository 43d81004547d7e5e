import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  MAX_POLICY_BYTES,
  loadPolicyFile,
  parsePolicy,
  parseYamlWithPositions,
  readPolicyText
} from "./chunk-G6PKUTQE.js";
import {
  displayPath
} from "./chunk-Y3TMLN4E.js";
import {
  DEFAULT_POLICY_PATH,
  defaultPolicy
} from "./chunk-CPWHA4RJ.js";
import {
  ConfigurationError
} from "./chunk-QCJNFU7Y.js";

// src/policy/document/resolve.ts
import { resolve } from "node:path";
var REMOTE_POLICY = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/([^@]+\.ya?ml)@([A-Za-z0-9_./-]+)$/;
function parseRemotePolicy(text) {
  const match = REMOTE_POLICY.exec(text);
  if (!match || match[3].split("/").includes("..")) return void 0;
  return { owner: match[1], repo: match[2], path: match[3], ref: match[4] };
}
async function resolvePolicy(inputs, deps) {
  const remote = inputs.policyPath ? parseRemotePolicy(inputs.policyPath) : void 0;
  const repositoryPath = remote ? void 0 : inputs.policyPath;
  const repository = await resolveRepositoryPolicy(inputs, repositoryPath, deps);
  if (!remote) return repository ?? defaultPolicy();
  const organization = await loadRemotePolicy(remote, deps);
  const base = repository ?? { ...defaultPolicy(), origin: "no repository policy", positions: {} };
  return { ...base, origin: `${organization.origin} (organization) + ${base.origin}`, organization };
}
async function resolveRepositoryPolicy(inputs, explicitPath, deps) {
  const path = explicitPath ?? DEFAULT_POLICY_PATH;
  if (inputs.policyBase) return loadBasePolicy(inputs, path, explicitPath !== void 0, deps);
  const absolute = resolve(inputs.workspace, path);
  const shown = displayPath(absolute, inputs.workspace);
  if (explicitPath !== void 0) return loadPolicyFile(absolute, shown);
  const local = await readPolicyText(absolute, shown);
  if (local === void 0) {
    deps.log.info(`No ${DEFAULT_POLICY_PATH} found: using the built-in default policy.`);
    return void 0;
  }
  return parsePolicy(local, shown);
}
async function loadBasePolicy(inputs, path, explicit, deps) {
  const base = inputs.policyBase;
  if (!deps.github) {
    throw new ConfigurationError(
      "policy-base-unreadable",
      `the policy must be read at ${base.ref} through the GitHub API (${base.event}), and no GitHub token was given: set the "github-token" input`
    );
  }
  const repoPath = path.replace(/^\.\//, "");
  const text = await deps.github.getFileContent({
    owner: base.owner,
    repo: base.repo,
    path: repoPath,
    ref: base.ref
  });
  const shortRef = /^[0-9a-f]{40}$/.test(base.ref) ? base.ref.slice(0, 12) : base.ref;
  const local = await readPolicyText(resolve(inputs.workspace, path), path).catch(() => void 0);
  const notes = [];
  if (text !== void 0 && local !== void 0 && local !== text) {
    notes.push(
      `This change edits ${repoPath}; the gate used the version at the base commit ${shortRef}, and the edit applies once it is merged.`
    );
  } else if (text === void 0 && local !== void 0) {
    notes.push(`This change adds ${repoPath}; it applies once it is merged.`);
  } else if (text !== void 0 && local === void 0) {
    notes.push(`This change deletes ${repoPath}; the gate used the version at the base commit ${shortRef}.`);
  }
  if (text === void 0) {
    if (explicit) {
      throw new ConfigurationError(
        "policy-not-found",
        `${repoPath}: policy file not found at the base commit ${shortRef}: add it on the base branch first`
      );
    }
    deps.log.info(`No ${repoPath} at the base commit ${shortRef}: using the built-in default policy.`);
    return {
      ...defaultPolicy(),
      notes: [
        `No ${repoPath} at the base commit ${shortRef}: the built-in default policy applies.`,
        ...notes
      ]
    };
  }
  if (Buffer.byteLength(text) > MAX_POLICY_BYTES) {
    throw new ConfigurationError(
      "policy-too-large",
      `${repoPath}@${shortRef}: policy file is larger than ${MAX_POLICY_BYTES} bytes`
    );
  }
  const policy = parsePolicy(text, `${repoPath}@${shortRef}`);
  if (local !== text) placeInCheckout(policy, local, repoPath);
  return {
    ...policy,
    notes: [
      `Policy read from the base commit ${shortRef}, so this change cannot weaken its own gate.`,
      ...notes
    ]
  };
}
function placeInCheckout(policy, local, repoPath) {
  let inCheckout = {};
  if (local !== void 0) {
    try {
      inCheckout = parseYamlWithPositions(local, repoPath).positions;
    } catch {
    }
  }
  for (const [key, position] of Object.entries(policy.positions)) {
    const there = inCheckout[key];
    position.inCheckout = there ? { line: there.line, column: there.column } : null;
  }
}
async function loadRemotePolicy(location, deps) {
  const shown = `${location.owner}/${location.repo}/${location.path}@${location.ref}`;
  if (!deps.github) {
    throw new ConfigurationError(
      "policy-remote-unreadable",
      `${shown}: reading an organization policy needs a GitHub token`
    );
  }
  const text = await deps.github.getFileContent(location);
  if (text === void 0) {
    throw new ConfigurationError(
      "policy-not-found",
      `${shown}: organization policy not found (or the token cannot read ${location.owner}/${location.repo}: give it contents: read there)`
    );
  }
  return parsePolicy(text, shown);
}

export {
  parseRemotePolicy,
  resolvePolicy
};
