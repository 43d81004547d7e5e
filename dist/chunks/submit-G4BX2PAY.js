import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  usablePackages
} from "./chunk-DKY2ZES5.js";
import {
  judgeSboms
} from "./chunk-FIW5J6G3.js";
import "./chunk-BDIAHNI5.js";
import "./chunk-QTVN7HLV.js";
import {
  parsePurl
} from "./chunk-S3VIENSH.js";
import "./chunk-724VLPQF.js";
import "./chunk-GVUJSAVW.js";

// src/dependency-graph/snapshot.ts
var LANGUAGE_TYPES = /* @__PURE__ */ new Set([
  "npm",
  "pypi",
  "maven",
  "golang",
  "gem",
  "nuget",
  "cargo",
  "composer",
  "pub",
  "swift",
  "hex"
]);
function dependencySnapshot(policy, evidence, target, tool, now) {
  const resolved = {};
  for (const pkg of usablePackages(judgeSboms(policy, evidence))) {
    const purl = pkg.purl && parsePurl(pkg.purl);
    if (!purl || !LANGUAGE_TYPES.has(purl.type) || !purl.version) continue;
    resolved[pkg.purl] = { package_url: pkg.purl, relationship: "indirect", scope: "runtime" };
  }
  const image = `${evidence.image.name}@${evidence.image.digest}`;
  return {
    packages: Object.keys(resolved).length,
    snapshot: {
      version: 0,
      job: {
        id: target.job.id,
        correlator: target.job.correlator,
        ...target.job.htmlUrl ? { html_url: target.job.htmlUrl } : {}
      },
      sha: target.sha,
      ref: target.ref,
      detector: { name: "supply-chain-gate", version: tool.version, url: tool.url },
      scanned: now.toISOString(),
      metadata: { image },
      manifests: {
        [evidence.image.name]: {
          name: evidence.image.name,
          metadata: { digest: evidence.image.digest },
          resolved
        }
      }
    }
  };
}

// src/dependency-graph/submit.ts
var DEFAULT_DETECTOR_URL = "https://github.com/acme/supply-chain-gate";
async function submitDependencies(decision, policy, request, deps) {
  const failed = (reason) => ({
    ...decision,
    verdict: "error",
    errors: [...decision.errors, `submitting dependencies failed: ${reason}`]
  });
  if (!decision.evidence) return decision;
  if (!deps.github) return failed('no GitHub token: set the "github-token" input (with contents: write)');
  const { snapshot, packages } = dependencySnapshot(
    policy,
    decision.evidence,
    request,
    { version: deps.toolVersion, url: request.detectorUrl ?? DEFAULT_DETECTOR_URL },
    deps.now()
  );
  try {
    const answer = await deps.github.submitDependencySnapshot({
      owner: request.owner,
      repo: request.repo,
      snapshot
    });
    const note = `Submitted ${packages} language package(s) of the SBOM to the dependency graph of ${request.owner}/${request.repo} (snapshot ${answer.id}: ${answer.result}${answer.message ? `, ${answer.message}` : ""}).`;
    return { ...decision, notes: [...decision.notes ?? [], note] };
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
}
export {
  submitDependencies
};
