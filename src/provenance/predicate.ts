/**
 * The SLSA v1 provenance predicate for a GitHub Actions run, built exactly as GitHub's
 * `@actions/attest` builds it (buildType `https://actions.github.io/buildtypes/workflow/v1`), so
 * `gh attestation verify` and every verifier that knows GitHub's provenance read ours the same way.
 * Pure: the claims are passed in.
 */
import type { WorkflowClaims } from './claims.js';

export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
export const GITHUB_WORKFLOW_BUILD_TYPE = 'https://actions.github.io/buildtypes/workflow/v1';

export interface ProvenancePredicate {
  buildDefinition: {
    buildType: string;
    externalParameters: { workflow: { ref: string; repository: string; path: string } };
    internalParameters: {
      github: {
        event_name: string;
        repository_id: string;
        repository_owner_id: string;
        runner_environment: string;
      };
    };
    resolvedDependencies: Array<{ uri: string; digest: { gitCommit: string } }>;
  };
  runDetails: {
    builder: { id: string };
    metadata: { invocationId: string };
  };
}

export function buildProvenancePredicate(claims: WorkflowClaims): ProvenancePredicate {
  const server = claims.serverUrl;
  // As @actions/attest does: `OWNER/NAME/.github/workflows/main.yml@REF` → `.github/workflows/main.yml`.
  const [workflowPath = ''] = claims.workflowRef.replace(`${claims.repository}/`, '').split('@');
  return {
    buildDefinition: {
      buildType: GITHUB_WORKFLOW_BUILD_TYPE,
      externalParameters: {
        workflow: { ref: claims.ref, repository: `${server}/${claims.repository}`, path: workflowPath },
      },
      internalParameters: {
        github: {
          event_name: claims.eventName,
          repository_id: claims.repositoryId,
          repository_owner_id: claims.repositoryOwnerId,
          runner_environment: claims.runnerEnvironment,
        },
      },
      resolvedDependencies: [
        { uri: `git+${server}/${claims.repository}@${claims.ref}`, digest: { gitCommit: claims.sha } },
      ],
    },
    runDetails: {
      builder: { id: `${server}/${claims.jobWorkflowRef}` },
      metadata: {
        invocationId: `${server}/${claims.repository}/actions/runs/${claims.runId}/attempts/${claims.runAttempt}`,
      },
    },
  };
}
