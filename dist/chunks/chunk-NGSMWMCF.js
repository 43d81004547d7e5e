import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  ConfigurationError
} from "./chunk-SB4G7AKF.js";

// src/github-context.ts
function readWorkflowContext(env) {
  return {
    eventName: env.GITHUB_EVENT_NAME ?? "",
    sha: env.GITHUB_SHA ?? "",
    repository: env.GITHUB_REPOSITORY ?? "",
    apiUrl: env.GITHUB_API_URL || "https://api.github.com",
    serverUrl: env.GITHUB_SERVER_URL || "https://github.com",
    runId: env.GITHUB_RUN_ID
  };
}
function checkRunHeadSha(context, payload, explicitSha) {
  if (explicitSha) return requireSha(explicitSha, 'the "sha" input');
  const event = payload ?? {};
  switch (context.eventName) {
    case "pull_request":
    case "pull_request_target": {
      const sha = event.pull_request?.head?.sha;
      if (typeof sha === "string") return requireSha(sha, "the pull_request event");
      break;
    }
    case "merge_group": {
      const sha = event.merge_group?.head_sha;
      if (typeof sha === "string") return requireSha(sha, "the merge_group event");
      break;
    }
    case "workflow_run":
      throw new ConfigurationError(
        "missing-sha",
        'on workflow_run events the gate cannot tell which commit to check: set the "sha" input to ${{ github.event.workflow_run.head_sha }}'
      );
  }
  return requireSha(context.sha, "GITHUB_SHA");
}
function requireSha(sha, from) {
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha)) {
    throw new ConfigurationError(
      "invalid-sha",
      `${from} does not hold a commit SHA (got ${JSON.stringify(sha.slice(0, 80))})`
    );
  }
  return sha;
}
function splitRepository(repository) {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository);
  if (!match) {
    throw new ConfigurationError(
      "invalid-repository",
      `expected a repository as OWNER/NAME, got ${JSON.stringify(repository.slice(0, 100))}`
    );
  }
  return { owner: match[1], repo: match[2] };
}
function policyBaseRef(context, payload) {
  const event = payload ?? {};
  switch (context.eventName) {
    case "pull_request":
    case "pull_request_target": {
      const sha = event.pull_request?.base?.sha;
      if (typeof sha === "string") return requireSha(sha, "the pull_request event");
      throw new ConfigurationError(
        "missing-base",
        `the ${context.eventName} event payload has no pull_request.base.sha`
      );
    }
    case "merge_group": {
      const sha = event.merge_group?.base_sha;
      if (typeof sha === "string") return requireSha(sha, "the merge_group event");
      throw new ConfigurationError(
        "missing-base",
        "the merge_group event payload has no merge_group.base_sha"
      );
    }
    default:
      return void 0;
  }
}
function pullRequestNumber(context, payload) {
  const event = payload ?? {};
  const number = context.eventName === "pull_request" || context.eventName === "pull_request_target" ? event.pull_request?.number : context.eventName === "workflow_run" ? event.workflow_run?.pull_requests?.[0]?.number : void 0;
  return typeof number === "number" && Number.isSafeInteger(number) && number > 0 ? number : void 0;
}

export {
  readWorkflowContext,
  checkRunHeadSha,
  splitRepository,
  policyBaseRef,
  pullRequestNumber
};
