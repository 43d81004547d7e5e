/**
 * The facts about a workflow run that provenance records: the claims of GitHub's OIDC token, under
 * the token's own names (`job_workflow_ref`, `run_attempt`…), so a `--context` file can be the
 * decoded token. Pure: the environment, the token payload and the file text are passed in.
 */
import { z } from 'zod';
import { ConfigurationError } from '../errors.js';

export interface WorkflowClaims {
  /** `https://github.com`, or a GHES / GHE.com host. */
  serverUrl: string;
  /** `OWNER/NAME`. */
  repository: string;
  repositoryId: string;
  repositoryOwnerId: string;
  /** `refs/heads/main`, `refs/pull/42/merge`, `refs/tags/v1.2.0`. */
  ref: string;
  sha: string;
  eventName: string;
  /** The workflow that was triggered: `OWNER/NAME/.github/workflows/FILE@REF`. */
  workflowRef: string;
  /** The workflow whose job runs, which differs for a reusable workflow: the builder. */
  jobWorkflowRef: string;
  runId: string;
  runAttempt: string;
  /** `github-hosted` or `self-hosted`. */
  runnerEnvironment: string;
  /** `public`, `private` or `internal`, when known: it picks the Sigstore instance in `auto`. */
  repositoryVisibility?: string;
}

const nonEmpty = z.string().min(1);
const idLike = z.union([nonEmpty, z.number().int().nonnegative().transform(String)]);

/** The claims as the OIDC token (and a `--context` file) spells them. */
const tokenClaims = z.object({
  repository: nonEmpty.regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'expected OWNER/NAME'),
  repository_id: idLike,
  repository_owner_id: idLike,
  ref: nonEmpty,
  sha: nonEmpty.regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, 'expected a commit SHA'),
  event_name: nonEmpty,
  workflow_ref: nonEmpty,
  job_workflow_ref: nonEmpty,
  run_id: idLike,
  run_attempt: idLike,
  runner_environment: nonEmpty,
  repository_visibility: nonEmpty.optional(),
});

const contextFile = tokenClaims.extend({
  server_url: z.url({ protocol: /^https?$/ }).optional(),
});

export type TokenClaims = z.input<typeof tokenClaims>;

/** From the payload of the workflow's OIDC token (its signature is Fulcio's to check). */
export function claimsFromToken(payload: unknown, serverUrl: string): WorkflowClaims {
  const parsed = tokenClaims.safeParse(payload);
  if (!parsed.success) {
    throw new ConfigurationError(
      'invalid-oidc-token',
      `the workflow's OIDC token lacks the claims provenance records (${describeIssues(parsed.error)}); is it a GitHub Actions token?`,
    );
  }
  return fromTokenClaims(parsed.data, serverUrl);
}

/**
 * From a `--context` JSON file, parsed: the token's claim names, plus `server_url` (default
 * https://github.com). `file` names it in errors.
 */
export function claimsFromContextFile(value: unknown, file: string): WorkflowClaims {
  const parsed = contextFile.safeParse(value);
  if (!parsed.success) {
    throw new ConfigurationError('invalid-provenance-context', `${file}: ${describeIssues(parsed.error)}`);
  }
  return fromTokenClaims(parsed.data, parsed.data.server_url ?? 'https://github.com');
}

/**
 * From the runner's environment, when there is no OIDC token (a fork's pull request). The job's
 * workflow is not in the environment: GITHUB_WORKFLOW_REF stands in for it, which is wrong only for
 * a job in a reusable workflow; such a statement is unsigned and says so anyway.
 */
export function claimsFromEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  repositoryVisibility?: string,
): WorkflowClaims {
  const variables: Record<keyof z.input<typeof tokenClaims>, string | undefined> = {
    repository: env.GITHUB_REPOSITORY,
    repository_id: env.GITHUB_REPOSITORY_ID,
    repository_owner_id: env.GITHUB_REPOSITORY_OWNER_ID,
    ref: env.GITHUB_REF,
    sha: env.GITHUB_SHA,
    event_name: env.GITHUB_EVENT_NAME,
    workflow_ref: env.GITHUB_WORKFLOW_REF,
    job_workflow_ref: env.GITHUB_WORKFLOW_REF,
    run_id: env.GITHUB_RUN_ID,
    run_attempt: env.GITHUB_RUN_ATTEMPT,
    runner_environment: env.RUNNER_ENVIRONMENT,
    repository_visibility: repositoryVisibility,
  };
  const missing = Object.entries(variables)
    .filter(([key, value]) => key !== 'repository_visibility' && !value)
    .map(([key]) => ENVIRONMENT_NAMES[key as keyof typeof ENVIRONMENT_NAMES]);
  if (missing.length > 0) {
    throw new ConfigurationError(
      'missing-workflow-context',
      `provenance needs the workflow's context, but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set: run it in GitHub Actions, or pass the claims with --context FILE`,
    );
  }
  const parsed = tokenClaims.safeParse(variables);
  if (!parsed.success) {
    throw new ConfigurationError(
      'missing-workflow-context',
      `the workflow's environment is not what GitHub Actions sets (${describeIssues(parsed.error)})`,
    );
  }
  return fromTokenClaims(parsed.data, env.GITHUB_SERVER_URL || 'https://github.com');
}

const ENVIRONMENT_NAMES = {
  repository: 'GITHUB_REPOSITORY',
  repository_id: 'GITHUB_REPOSITORY_ID',
  repository_owner_id: 'GITHUB_REPOSITORY_OWNER_ID',
  ref: 'GITHUB_REF',
  sha: 'GITHUB_SHA',
  event_name: 'GITHUB_EVENT_NAME',
  workflow_ref: 'GITHUB_WORKFLOW_REF',
  job_workflow_ref: 'GITHUB_WORKFLOW_REF',
  run_id: 'GITHUB_RUN_ID',
  run_attempt: 'GITHUB_RUN_ATTEMPT',
  runner_environment: 'RUNNER_ENVIRONMENT',
} as const;

function fromTokenClaims(claims: z.output<typeof tokenClaims>, serverUrl: string): WorkflowClaims {
  return {
    serverUrl: serverUrl.replace(/\/+$/, ''),
    repository: claims.repository,
    repositoryId: claims.repository_id,
    repositoryOwnerId: claims.repository_owner_id,
    ref: claims.ref,
    sha: claims.sha,
    eventName: claims.event_name,
    workflowRef: claims.workflow_ref,
    jobWorkflowRef: claims.job_workflow_ref,
    runId: claims.run_id,
    runAttempt: claims.run_attempt,
    runnerEnvironment: claims.runner_environment,
    ...(claims.repository_visibility ? { repositoryVisibility: claims.repository_visibility } : {}),
  };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
