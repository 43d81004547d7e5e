import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  readVex
} from "./chunk-XCCBGJ4A.js";
import {
  policyDigest
} from "./chunk-QBF4TB6F.js";
import {
  parseRemotePolicy
} from "./chunk-KJV6WCIV.js";
import {
  MAX_POLICY_BYTES,
  PolicyError,
  parsePolicy
} from "./chunk-G6PKUTQE.js";
import "./chunk-BLF23LCM.js";
import "./chunk-Y3TMLN4E.js";
import {
  effectivePolicy,
  evaluatePolicy
} from "./chunk-H776GRBR.js";
import "./chunk-74X36MG6.js";
import "./chunk-DKY2ZES5.js";
import "./chunk-63E2CWL3.js";
import "./chunk-FHHVMNRQ.js";
import "./chunk-B2CLC4I4.js";
import "./chunk-FIW5J6G3.js";
import "./chunk-BDIAHNI5.js";
import {
  DEFAULT_POLICY_PATH,
  defaultPolicy
} from "./chunk-CPWHA4RJ.js";
import "./chunk-WLVSEBNM.js";
import "./chunk-QTVN7HLV.js";
import "./chunk-S3VIENSH.js";
import "./chunk-2FUSLBNA.js";
import "./chunk-724VLPQF.js";
import "./chunk-2GTHPEXP.js";
import "./chunk-V6QQ6HQ7.js";
import {
  describeError
} from "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";

// src/policy/authoring/preview.ts
function previewPolicy(proposed, evidence, base, now, meta) {
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
    ...notes.length > 0 ? { notes } : {}
  };
}
function changedRules(base, proposed) {
  const key = (result) => `${result.ruleId}\0${result.platform ?? ""}`;
  const baseByKey = new Map(base.map((result) => [key(result), result]));
  const proposedByKey = new Map(proposed.map((result) => [key(result), result]));
  const changes = [];
  for (const result of proposed) {
    const before = baseByKey.get(key(result));
    if (before?.status === result.status) continue;
    changes.push(change(result, before?.status ?? "absent", result.status));
  }
  for (const result of base) {
    if (!proposedByKey.has(key(result))) changes.push(change(result, result.status, "absent"));
  }
  return changes;
}
function change(result, before, after) {
  return {
    ruleId: result.ruleId,
    ...result.platform ? { platform: result.platform } : {},
    title: result.title,
    base: before,
    proposed: after
  };
}
function evidenceNotes(before, after, evidence) {
  const notes = [];
  if (JSON.stringify(before.signatures.keys) !== JSON.stringify(after.signatures.keys)) {
    notes.push(
      "The proposed policy lists other signing keys; signatures were verified with the base policy's keys, so a signature only a new key verifies counts once the change is merged."
    );
  }
  if (after.image["scan-layers"] !== false && !evidence.layerScans) {
    notes.push(
      "The proposed policy reads the image layers (image.scan-layers); this run did not, so image.secret-files shows what it would find only once the change is merged."
    );
  }
  return notes;
}

// src/policy/authoring/proposed-policy.ts
async function previewProposedPolicy(inputs, deps, base, now) {
  const where = inputs.policyBase;
  const github = deps.github;
  if (!where?.head || where.head === where.ref || !github) return void 0;
  const head = where.head;
  const shortHead = /^[0-9a-f]{40}$/.test(head) ? head.slice(0, 12) : head;
  const remote = inputs.policyPath ? parseRemotePolicy(inputs.policyPath) : void 0;
  const explicitPath = remote ? void 0 : inputs.policyPath;
  const repoPath = (explicitPath ?? DEFAULT_POLICY_PATH).replace(/^\.\//, "");
  const shown = `${repoPath}@${shortHead}`;
  const failed = (changes2, problems) => {
    deps.log.warning(`The proposed policy (${shown}) cannot be evaluated: ${problems[0]}`);
    return { policy: shown, ref: head, verdict: "error", changes: changes2, changed: [], problems };
  };
  let proposed;
  try {
    const text = await github.getFileContent({
      owner: where.owner,
      repo: where.repo,
      path: repoPath,
      ref: head
    });
    if (text === void 0 && explicitPath !== void 0) {
      return failed(["policy"], [`${shown}: the change removes the policy file the "policy" input names`]);
    }
    if (text !== void 0 && Buffer.byteLength(text) > MAX_POLICY_BYTES) {
      return failed(["policy"], [`${shown}: policy file is larger than ${MAX_POLICY_BYTES} bytes`]);
    }
    const repository = text === void 0 ? { ...defaultPolicy(), origin: `built-in defaults (the change removes ${repoPath})` } : parsePolicy(text, shown);
    proposed = base.policy.organization ? {
      ...repository,
      origin: `${base.policy.organization.origin} (organization) + ${repository.origin}`,
      organization: base.policy.organization
    } : repository;
  } catch (error) {
    return failed(["policy"], error instanceof PolicyError ? error.lines : [describeError(error)]);
  }
  const policyChanged = policyDigest(proposed) !== policyDigest(base.policy);
  const proposedEffective = effectivePolicy(proposed, base.evidence.image.name);
  let vex;
  try {
    const paths = [...inputs.vexPaths ?? [], ...proposedEffective.vulnerabilities.vex];
    const origin = { workspace: inputs.workspace, base: { ...where, ref: head }, github };
    vex = await Promise.all(paths.map((path) => readVex(path, origin)));
  } catch (error) {
    return failed(policyChanged ? ["policy", "vex"] : ["vex"], [describeError(error)]);
  }
  const vexChanged = vexIdentity(vex) !== vexIdentity(base.evidence.vex ?? []);
  if (!policyChanged && !vexChanged) return void 0;
  const { vex: _baseVex, ...rest } = base.evidence;
  const evidence = vex.length > 0 ? { ...rest, vex } : rest;
  const changes = [
    ...policyChanged ? ["policy"] : [],
    ...vexChanged ? ["vex"] : []
  ];
  const preview = previewPolicy(proposed, evidence, base, now, {
    ref: head,
    changes,
    mode: inputs.mode,
    proposedEffective
  });
  deps.log.info(`Under the proposed policy (${proposed.origin}): ${preview.verdict}`);
  return preview;
}
function vexIdentity(documents) {
  return documents.map((document) => `${document.source.uri.replace(/@[^@/]*$/, "")}\0${document.source.digest ?? ""}`).sort().join("\n");
}
export {
  previewProposedPolicy
};
