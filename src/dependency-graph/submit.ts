/**
 * Sends the image's dependency snapshot after the decision (the `submit-dependencies` input). A
 * submission that was asked for and failed turns the verdict into `error`, results kept, as a
 * verification summary that could not be published does: nobody should believe Dependabot is
 * watching the image when it is not.
 */
import type { GitHubClient } from '../adapters/github/create-client.js';
import type { Decision } from '../policy/decision.js';
import type { Policy } from '../policy/schema.js';
import type { RunInputs } from '../inputs.js';
import { dependencySnapshot } from './snapshot.js';

/** Where the detector is documented when the run does not say which action repository ran. */
const DEFAULT_DETECTOR_URL = 'https://github.com/acme/supply-chain-gate';

export async function submitDependencies(
  decision: Decision,
  policy: Policy,
  request: NonNullable<RunInputs['dependencySubmission']>,
  deps: { github?: Pick<GitHubClient, 'submitDependencySnapshot'>; now(): Date; toolVersion: string },
): Promise<Decision> {
  const failed = (reason: string): Decision => ({
    ...decision,
    verdict: 'error',
    errors: [...decision.errors, `submitting dependencies failed: ${reason}`],
  });
  if (!decision.evidence) return decision;
  if (!deps.github) return failed('no GitHub token: set the "github-token" input (with contents: write)');
  const { snapshot, packages } = dependencySnapshot(
    policy,
    decision.evidence,
    request,
    { version: deps.toolVersion, url: request.detectorUrl ?? DEFAULT_DETECTOR_URL },
    deps.now(),
  );
  try {
    const answer = await deps.github.submitDependencySnapshot({
      owner: request.owner,
      repo: request.repo,
      snapshot,
    });
    const note = `Submitted ${packages} language package(s) of the SBOM to the dependency graph of ${request.owner}/${request.repo} (snapshot ${answer.id}: ${answer.result}${answer.message ? `, ${answer.message}` : ''}).`;
    return { ...decision, notes: [...(decision.notes ?? []), note] };
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
}
