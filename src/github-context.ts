/**
 * Which commit the check run belongs to, from the workflow's event. Pure: the environment and
 * the event payload are passed in.
 */
import { ConfigurationError } from './errors.js';

export interface WorkflowContext {
  eventName: string;
  sha: string;
  repository: string;
  apiUrl: string;
  serverUrl: string;
  runId?: string;
}

export function readWorkflowContext(env: NodeJS.ProcessEnv): WorkflowContext {
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    sha: env.GITHUB_SHA ?? '',
    repository: env.GITHUB_REPOSITORY ?? '',
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    runId: env.GITHUB_RUN_ID,
  };
}

/**
 * pull_request events run on a merge commit (GITHUB_SHA) that no reviewer sees: the check must go
 * on the PR head, or it never shows on the pull request.
 */
export function checkRunHeadSha(context: WorkflowContext, payload: unknown, explicitSha?: string): string {
  if (explicitSha) return requireSha(explicitSha, 'the "sha" input');
  const event = (payload ?? {}) as {
    pull_request?: { head?: { sha?: unknown } };
    merge_group?: { head_sha?: unknown };
  };
  switch (context.eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const sha = event.pull_request?.head?.sha;
      if (typeof sha === 'string') return requireSha(sha, 'the pull_request event');
      break;
    }
    case 'merge_group': {
      const sha = event.merge_group?.head_sha;
      if (typeof sha === 'string') return requireSha(sha, 'the merge_group event');
      break;
    }
    case 'workflow_run':
      throw new ConfigurationError(
        'missing-sha',
        'on workflow_run events the gate cannot tell which commit to check: set the "sha" input to ${{ github.event.workflow_run.head_sha }}',
      );
  }
  return requireSha(context.sha, 'GITHUB_SHA');
}

function requireSha(sha: string, from: string): string {
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha)) {
    throw new ConfigurationError(
      'invalid-sha',
      `${from} does not hold a commit SHA (got ${JSON.stringify(sha.slice(0, 80))})`,
    );
  }
  return sha;
}

export function splitRepository(repository: string): { owner: string; repo: string } {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository);
  if (!match) {
    throw new ConfigurationError(
      'invalid-repository',
      `expected a repository as OWNER/NAME, got ${JSON.stringify(repository.slice(0, 100))}`,
    );
  }
  return { owner: match[1]!, repo: match[2]! };
}

/**
 * The commit whose policy governs this run: the base of a pull request or merge group, so the
 * change under review cannot weaken its own gate. Undefined for other events (push, schedule…).
 */
export function policyBaseRef(context: WorkflowContext, payload: unknown): string | undefined {
  const event = (payload ?? {}) as {
    pull_request?: { base?: { sha?: unknown } };
    merge_group?: { base_sha?: unknown };
  };
  switch (context.eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const sha = event.pull_request?.base?.sha;
      if (typeof sha === 'string') return requireSha(sha, 'the pull_request event');
      throw new ConfigurationError(
        'missing-base',
        `the ${context.eventName} event payload has no pull_request.base.sha`,
      );
    }
    case 'merge_group': {
      const sha = event.merge_group?.base_sha;
      if (typeof sha === 'string') return requireSha(sha, 'the merge_group event');
      throw new ConfigurationError(
        'missing-base',
        'the merge_group event payload has no merge_group.base_sha',
      );
    }
    default:
      return undefined;
  }
}

/**
 * The change's own commit, where the proposed policy is read for the preview: the pull request's
 * head, or the merge group's. Undefined for other events, or a payload without one.
 */
export function policyHeadRef(context: WorkflowContext, payload: unknown): string | undefined {
  const event = (payload ?? {}) as {
    pull_request?: { head?: { sha?: unknown } };
    merge_group?: { head_sha?: unknown };
  };
  const sha =
    context.eventName === 'pull_request' || context.eventName === 'pull_request_target'
      ? event.pull_request?.head?.sha
      : context.eventName === 'merge_group'
        ? event.merge_group?.head_sha
        : undefined;
  return typeof sha === 'string' && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha) ? sha : undefined;
}

/**
 * Whether the event is a pull request from another repository (a fork): GitHub gives such runs a
 * read-only GITHUB_TOKEN whatever the workflow's permissions say. A deleted fork has no head repo.
 */
export function isForkPullRequest(context: WorkflowContext, payload: unknown): boolean {
  if (context.eventName !== 'pull_request') return false;
  const event = (payload ?? {}) as {
    pull_request?: {
      head?: { repo?: { full_name?: unknown } | null };
      base?: { repo?: { full_name?: unknown } };
    };
  };
  const head = event.pull_request?.head?.repo?.full_name;
  const base = event.pull_request?.base?.repo?.full_name ?? context.repository;
  return typeof head !== 'string' || head !== base;
}

/**
 * The pull request a sticky comment belongs to, from the event payload: the PR itself on
 * pull_request events, the PR that triggered the workflow on workflow_run (GitHub lists it only
 * for branches of the same repository, not for forks). Undefined when there is none.
 */
export function pullRequestNumber(context: WorkflowContext, payload: unknown): number | undefined {
  const event = (payload ?? {}) as {
    pull_request?: { number?: unknown };
    workflow_run?: { pull_requests?: Array<{ number?: unknown }> };
  };
  const number =
    context.eventName === 'pull_request' || context.eventName === 'pull_request_target'
      ? event.pull_request?.number
      : context.eventName === 'workflow_run'
        ? event.workflow_run?.pull_requests?.[0]?.number
        : undefined;
  return typeof number === 'number' && Number.isSafeInteger(number) && number > 0 ? number : undefined;
}
