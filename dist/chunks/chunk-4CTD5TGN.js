import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  buildStatement,
  describePublished,
  publishStatement
} from "./chunk-MKJL3NIR.js";
import {
  displayPath
} from "./chunk-Y3TMLN4E.js";
import {
  isIndexMediaType
} from "./chunk-HYJ74MIN.js";
import {
  formatImageName,
  parseImageReference
} from "./chunk-V6QQ6HQ7.js";
import {
  ConfigurationError
} from "./chunk-QCJNFU7Y.js";

// src/provenance/predicate.ts
var SLSA_PROVENANCE_V1 = "https://slsa.dev/provenance/v1";
var GITHUB_WORKFLOW_BUILD_TYPE = "https://actions.github.io/buildtypes/workflow/v1";
function buildProvenancePredicate(claims) {
  const server = claims.serverUrl;
  const [workflowPath = ""] = claims.workflowRef.replace(`${claims.repository}/`, "").split("@");
  return {
    buildDefinition: {
      buildType: GITHUB_WORKFLOW_BUILD_TYPE,
      externalParameters: {
        workflow: { ref: claims.ref, repository: `${server}/${claims.repository}`, path: workflowPath }
      },
      internalParameters: {
        github: {
          event_name: claims.eventName,
          repository_id: claims.repositoryId,
          repository_owner_id: claims.repositoryOwnerId,
          runner_environment: claims.runnerEnvironment
        }
      },
      resolvedDependencies: [
        { uri: `git+${server}/${claims.repository}@${claims.ref}`, digest: { gitCommit: claims.sha } }
      ]
    },
    runDetails: {
      builder: { id: `${server}/${claims.jobWorkflowRef}` },
      metadata: {
        invocationId: `${server}/${claims.repository}/actions/runs/${claims.runId}/attempts/${claims.runAttempt}`
      }
    }
  };
}

// src/provenance/make.ts
async function makeProvenance(image, request, deps) {
  const reference = parseImageReference(image.reference);
  const digest = image.digest ?? reference.digest;
  if (!digest) {
    throw new ConfigurationError(
      "missing-digest",
      'provenance is made for a digest: set the "digest" input (e.g. steps.build.outputs.digest) or name the image by digest'
    );
  }
  const digests = [digest];
  if (request.platformSubjects && deps.openImageStore) {
    digests.push(...await platformDigests(deps.openImageStore(reference), digest));
  }
  const name = formatImageName(reference);
  const statement = buildStatement(
    name,
    digests,
    SLSA_PROVENANCE_V1,
    buildProvenancePredicate(deps.signing.claims)
  );
  const published = await publishStatement(statement, { reference, digest }, request, deps);
  const path = published.path ? displayPath(published.path, deps.workspace) : void 0;
  const generated = {
    predicateType: SLSA_PROVENANCE_V1,
    ...published.bundleDigest ? { bundleDigest: published.bundleDigest } : {},
    ...published.unsigned ? { unsigned: published.unsigned } : {},
    ...path ? { path } : {},
    published: published.published
  };
  const artifact = published.bundle && {
    kind: "sigstore-bundle",
    subjectDigest: digest,
    source: { kind: "generated", uri: path ?? "provenance made by this run", digest: published.bundleDigest },
    bundle: published.bundle
  };
  return {
    generated,
    ...artifact ? { artifact } : {},
    note: describePublished(`SLSA provenance for ${name}@${digest}`, published, deps.workspace)
  };
}
async function platformDigests(store, digest) {
  const manifest = await store.getManifest(digest);
  if (!isIndexMediaType(manifest.mediaType)) return [];
  const manifests = Array.isArray(manifest.json.manifests) ? manifest.json.manifests : [];
  return manifests.flatMap((entry) => {
    const child = entry ?? {};
    return typeof child.digest === "string" && child.platform !== void 0 ? [child.digest] : [];
  });
}

export {
  makeProvenance
};
