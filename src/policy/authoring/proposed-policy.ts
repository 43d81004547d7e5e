/**
 * On a pull request (or merge group), the policy file and the VEX files as the change's head
 * commit has them, read through the contents API like the base policy (resolve.ts), and the
 * preview of what they would decide (preview.ts). Only the check's own reads are added: the image,
 * signatures and scans are not gathered again. Whatever goes wrong here becomes a preview with
 * verdict `error` and the problems; it never touches the decision that counts.
 */
import type { Evidence, VexDocument } from '../../model/evidence.js';
import { readVex } from '../../evidence/scan-files.js';
import { describeError } from '../../errors.js';
import type { RunInputs } from '../../inputs.js';
import { policyDigest } from '../../verification-summary/predicate.js';
import type { Decision, PolicyPreview } from '../decision.js';
import { effectivePolicy } from '../evaluate.js';
import { MAX_POLICY_BYTES, parsePolicy, PolicyError } from '../document/load.js';
import { previewPolicy } from './preview.js';
import { parseRemotePolicy, type PolicyDeps } from '../document/resolve.js';
import { DEFAULT_POLICY_PATH, defaultPolicy, type Policy } from '../schema.js';

export async function previewProposedPolicy(
  inputs: RunInputs,
  deps: PolicyDeps,
  base: { policy: Policy; decision: Decision; evidence: Evidence; effective?: Policy },
  now: Date,
): Promise<PolicyPreview | undefined> {
  const where = inputs.policyBase;
  const github = deps.github;
  if (!where?.head || where.head === where.ref || !github) return undefined;
  const head = where.head;
  const shortHead = /^[0-9a-f]{40}$/.test(head) ? head.slice(0, 12) : head;
  const remote = inputs.policyPath ? parseRemotePolicy(inputs.policyPath) : undefined;
  const explicitPath = remote ? undefined : inputs.policyPath;
  const repoPath = (explicitPath ?? DEFAULT_POLICY_PATH).replace(/^\.\//, '');
  const shown = `${repoPath}@${shortHead}`;
  const failed = (changes: PolicyPreview['changes'], problems: string[]): PolicyPreview => {
    deps.log.warning(`The proposed policy (${shown}) cannot be evaluated: ${problems[0]}`);
    return { policy: shown, ref: head, verdict: 'error', changes, changed: [], problems };
  };

  let proposed: Policy;
  try {
    const text = await github.getFileContent({
      owner: where.owner,
      repo: where.repo,
      path: repoPath,
      ref: head,
    });
    if (text === undefined && explicitPath !== undefined) {
      return failed(['policy'], [`${shown}: the change removes the policy file the "policy" input names`]);
    }
    if (text !== undefined && Buffer.byteLength(text) > MAX_POLICY_BYTES) {
      return failed(['policy'], [`${shown}: policy file is larger than ${MAX_POLICY_BYTES} bytes`]);
    }
    const repository =
      text === undefined
        ? { ...defaultPolicy(), origin: `built-in defaults (the change removes ${repoPath})` }
        : parsePolicy(text, shown);
    proposed = base.policy.organization
      ? {
          ...repository,
          origin: `${base.policy.organization.origin} (organization) + ${repository.origin}`,
          organization: base.policy.organization,
        }
      : repository;
  } catch (error) {
    // A base policy that did not parse could not have decided: this one is the change's.
    return failed(['policy'], error instanceof PolicyError ? error.lines : [describeError(error)]);
  }
  const policyChanged = policyDigest(proposed) !== policyDigest(base.policy);

  // Chosen once for the image, for its VEX files and for the evaluation.
  const proposedEffective = effectivePolicy(proposed, base.evidence.image.name);
  let vex: VexDocument[];
  try {
    const paths = [...(inputs.vexPaths ?? []), ...proposedEffective.vulnerabilities.vex];
    const origin = { workspace: inputs.workspace, base: { ...where, ref: head }, github };
    vex = await Promise.all(paths.map((path) => readVex(path, origin)));
  } catch (error) {
    return failed(policyChanged ? ['policy', 'vex'] : ['vex'], [describeError(error)]);
  }
  const vexChanged = vexIdentity(vex) !== vexIdentity(base.evidence.vex ?? []);
  if (!policyChanged && !vexChanged) return undefined;

  const { vex: _baseVex, ...rest } = base.evidence;
  const evidence: Evidence = vex.length > 0 ? { ...rest, vex } : rest;
  const changes: PolicyPreview['changes'] = [
    ...(policyChanged ? (['policy'] as const) : []),
    ...(vexChanged ? (['vex'] as const) : []),
  ];
  const preview = previewPolicy(proposed, evidence, base, now, {
    ref: head,
    changes,
    mode: inputs.mode,
    proposedEffective,
  });
  deps.log.info(`Under the proposed policy (${proposed.origin}): ${preview.verdict}`);
  return preview;
}

/** The VEX documents as files and contents, whichever commit they were read at. */
function vexIdentity(documents: VexDocument[]): string {
  return documents
    .map((document) => `${document.source.uri.replace(/@[^@/]*$/, '')}\u0000${document.source.digest ?? ''}`)
    .sort()
    .join('\n');
}
