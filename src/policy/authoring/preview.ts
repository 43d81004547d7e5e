/**
 * The proposed policy's decision over the same evidence, and how it differs from the decision
 * that counts. Pure: the proposed policy and VEX documents are read by proposed-policy.ts.
 *
 * "The same evidence" is everything the run gathered about the image (its config and layers,
 * signatures and attestations as verified, scan reports, lookups), with one exception: the VEX
 * documents read from the repository are taken as the head commit has them, because VEX files are
 * part of what a pull request proposes, just as the policy is.
 */
import type { Evidence } from '../../model/evidence.js';
import type { Decision, PolicyPreview, RuleChange, RuleResult } from '../decision.js';
import { effectivePolicy, evaluatePolicy } from '../evaluate.js';
import type { Policy } from '../schema.js';

/**
 * `base.effective` is the base policy's effective policy as the run collected with it, and
 * `meta.proposedEffective` the proposed one's, when the caller chose it already: each is chosen once.
 */
export function previewPolicy(
  proposed: Policy,
  evidence: Evidence,
  base: { policy: Policy; decision: Decision; effective?: Policy },
  now: Date,
  meta: {
    ref: string;
    changes: PolicyPreview['changes'];
    mode?: 'enforce' | 'audit';
    proposedEffective?: Policy;
  },
): PolicyPreview {
  const name = evidence.image.name;
  const after = meta.proposedEffective ?? effectivePolicy(proposed, name);
  const before = base.effective ?? effectivePolicy(base.policy, name);
  const decision = evaluatePolicy(proposed, evidence, now, { effective: after });
  const notes = evidenceNotes(before, after, evidence);
  return {
    policy: proposed.origin,
    ref: meta.ref,
    verdict: decision.verdict,
    mode: meta.mode ?? decision.mode,
    changes: meta.changes,
    changed: changedRules(base.decision.results, decision.results),
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** Every rule (per platform) whose status differs, in the order the reports list rules. */
export function changedRules(base: RuleResult[], proposed: RuleResult[]): RuleChange[] {
  const key = (result: RuleResult) => `${result.ruleId}\u0000${result.platform ?? ''}`;
  const baseByKey = new Map(base.map((result) => [key(result), result]));
  const proposedByKey = new Map(proposed.map((result) => [key(result), result]));
  const changes: RuleChange[] = [];
  for (const result of proposed) {
    const before = baseByKey.get(key(result));
    if (before?.status === result.status) continue;
    changes.push(change(result, before?.status ?? 'absent', result.status));
  }
  for (const result of base) {
    if (!proposedByKey.has(key(result))) changes.push(change(result, result.status, 'absent'));
  }
  return changes;
}

function change(result: RuleResult, before: RuleChange['base'], after: RuleChange['proposed']): RuleChange {
  return {
    ruleId: result.ruleId,
    ...(result.platform ? { platform: result.platform } : {}),
    title: result.title,
    base: before,
    proposed: after,
  };
}

/**
 * Evidence this run gathered for the base policy that the proposed one would gather otherwise:
 * key-signed bundles are verified with the policy's keys, and layers are read only when the
 * policy scans them. Said rather than hidden, so a preview is not taken for the merged result.
 */
function evidenceNotes(before: Policy, after: Policy, evidence: Evidence): string[] {
  const notes: string[] = [];
  if (JSON.stringify(before.signatures.keys) !== JSON.stringify(after.signatures.keys)) {
    notes.push(
      "The proposed policy lists other signing keys; signatures were verified with the base policy's keys, so a signature only a new key verifies counts once the change is merged.",
    );
  }
  if (after.image['scan-layers'] !== false && !evidence.layerScans) {
    notes.push(
      'The proposed policy reads the image layers (image.scan-layers); this run did not, so image.secret-files shows what it would find only once the change is merged.',
    );
  }
  return notes;
}
