/**
 * A simulated GitHub Actions run: the OIDC claims GitHub puts in the job's token and the
 * environment and event payload the runner gives the step, for one push to main of acme/app.
 */
export const RUN = {
  repository: 'acme/app',
  repositoryId: '123456789',
  repositoryOwnerId: '987654',
  ref: 'refs/heads/main',
  sha: '0123456789abcdef0123456789abcdef01234567',
  workflow: '.github/workflows/release.yml',
  runId: '4242',
  runAttempt: '2',
};

/** The token's claims (https://docs.github.com/actions/reference/openid-connect-reference). */
export function workflowClaims(overrides: Record<string, string> = {}): Record<string, string> {
  const workflowRef = `${RUN.repository}/${RUN.workflow}@${RUN.ref}`;
  return {
    sub: `https://github.com/${workflowRef}`,
    repository: RUN.repository,
    repository_owner: RUN.repository.split('/')[0]!,
    repository_id: RUN.repositoryId,
    repository_owner_id: RUN.repositoryOwnerId,
    repository_visibility: 'public',
    ref: RUN.ref,
    sha: RUN.sha,
    event_name: 'push',
    workflow_ref: workflowRef,
    workflow_sha: RUN.sha,
    job_workflow_ref: workflowRef,
    job_workflow_sha: RUN.sha,
    run_id: RUN.runId,
    run_attempt: RUN.runAttempt,
    runner_environment: 'github-hosted',
    ...overrides,
  };
}

/** The variables the runner sets for the same run (no OIDC variables: add them for id-token: write). */
export function workflowEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: RUN.repository,
    GITHUB_REPOSITORY_ID: RUN.repositoryId,
    GITHUB_REPOSITORY_OWNER_ID: RUN.repositoryOwnerId,
    GITHUB_REF: RUN.ref,
    GITHUB_SHA: RUN.sha,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_WORKFLOW_REF: `${RUN.repository}/${RUN.workflow}@${RUN.ref}`,
    GITHUB_RUN_ID: RUN.runId,
    GITHUB_RUN_ATTEMPT: RUN.runAttempt,
    RUNNER_ENVIRONMENT: 'github-hosted',
    ...overrides,
  };
}
