/**
 * GitHub's own example webhook payloads (@octokit/webhooks-examples, MIT), so action tests run on
 * events shaped exactly as GitHub sends them rather than on hand-written fragments.
 */
import { createRequire } from 'node:module';

interface Repository {
  full_name: string;
  fork?: boolean;
  [key: string]: unknown;
}

/** The fields the tests read; the payload holds everything GitHub sends. */
export interface WebhookPayload {
  action?: string;
  repository: Repository;
  pull_request: {
    number: number;
    head: { sha: string; ref: string; repo: Repository };
    base: { sha: string; ref: string; repo: Repository };
  };
  after: string;
  workflow_run: { head_sha: string; pull_requests: Array<{ number: number }> };
  [key: string]: unknown;
}

const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as Array<{
  name: string;
  examples: unknown[];
}>;

/** A deep copy of the first example of `event` (with `action`, when given), to change freely. */
export function webhookExample(event: string, action?: string): WebhookPayload {
  const found = examples
    .find((entry) => entry.name === event)
    ?.examples.find((example) => action === undefined || (example as { action?: string }).action === action);
  if (!found)
    throw new Error(`@octokit/webhooks-examples has no ${event}${action ? `.${action}` : ''} example`);
  return structuredClone(found) as WebhookPayload;
}
