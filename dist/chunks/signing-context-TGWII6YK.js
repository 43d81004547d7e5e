import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  signingEndpoints
} from "./chunk-WEC47CZG.js";
import "./chunk-QOS5LJET.js";
import "./chunk-X5KWVBVD.js";
import {
  JsonStreamParser
} from "./chunk-FHHVMNRQ.js";
import {
  external_exports
} from "./chunk-WLVSEBNM.js";
import {
  isLoopbackHost
} from "./chunk-V6QQ6HQ7.js";
import {
  proxyAwareFetch
} from "./chunk-3TJM3MKJ.js";
import {
  ConfigurationError,
  VerificationError
} from "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";

// src/provenance/signing-context.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

// src/adapters/sigstore/oidc.ts
var SIGSTORE_AUDIENCE = "sigstore";
var TIMEOUT_MS = 3e4;
var MAX_TOKEN_BYTES = 64 * 1024;
function idTokenSource(env) {
  const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  return requestUrl && requestToken ? { requestUrl, requestToken } : void 0;
}
async function fetchIdToken(source, options = {}) {
  let url;
  try {
    url = new URL(source.requestUrl);
  } catch {
    throw new ConfigurationError("invalid-oidc-url", "ACTIONS_ID_TOKEN_REQUEST_URL is not a URL");
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.host))) {
    throw new ConfigurationError(
      "invalid-oidc-url",
      `ACTIONS_ID_TOKEN_REQUEST_URL points at ${url.protocol}//${url.host}: the token is requested over https only (plain http for loopback hosts)`
    );
  }
  url.searchParams.set("audience", options.audience ?? SIGSTORE_AUDIENCE);
  let response;
  try {
    response = await (options.fetch ?? proxyAwareFetch())(url, {
      headers: { authorization: `Bearer ${source.requestToken}`, accept: "application/json" },
      signal: AbortSignal.timeout(TIMEOUT_MS)
    });
  } catch (error) {
    throw new VerificationError(
      "oidc-unreachable",
      `cannot reach the runner's OIDC token service at ${url.host}; the OIDC token for signing could not be requested`,
      { cause: error }
    );
  }
  const text = await response.text().catch(() => "");
  if (!response.ok) {
    throw new VerificationError(
      "oidc-refused",
      `the runner's OIDC token service answered ${response.status} ${response.statusText}`.trim() + '; check that the job has "permissions: id-token: write"'
    );
  }
  const token = text.length <= MAX_TOKEN_BYTES ? tokenValue(text) : void 0;
  const claims = token === void 0 ? void 0 : decodePayload(token);
  if (token === void 0 || claims === void 0) {
    throw new VerificationError(
      "oidc-unexpected-response",
      `the runner's OIDC token service did not answer with a JWT in {"value": \u2026}`
    );
  }
  return { token, claims };
}
function tokenValue(text) {
  try {
    const body = JSON.parse(text);
    const value = body?.value;
    return typeof value === "string" && value.length > 0 ? value : void 0;
  } catch {
    return void 0;
  }
}
function decodePayload(jwt) {
  const parts = jwt.split(".");
  if (parts.length !== 3 || !parts[1]) return void 0;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
    return typeof payload === "object" && payload !== null && !Array.isArray(payload) ? payload : void 0;
  } catch {
    return void 0;
  }
}

// src/provenance/claims.ts
var nonEmpty = external_exports.string().min(1);
var idLike = external_exports.union([nonEmpty, external_exports.number().int().nonnegative().transform(String)]);
var tokenClaims = external_exports.object({
  repository: nonEmpty.regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, "expected OWNER/NAME"),
  repository_id: idLike,
  repository_owner_id: idLike,
  ref: nonEmpty,
  sha: nonEmpty.regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, "expected a commit SHA"),
  event_name: nonEmpty,
  workflow_ref: nonEmpty,
  job_workflow_ref: nonEmpty,
  run_id: idLike,
  run_attempt: idLike,
  runner_environment: nonEmpty,
  repository_visibility: nonEmpty.optional()
});
var contextFile = tokenClaims.extend({
  server_url: external_exports.url({ protocol: /^https?$/ }).optional()
});
function claimsFromToken(payload, serverUrl) {
  const parsed = tokenClaims.safeParse(payload);
  if (!parsed.success) {
    throw new ConfigurationError(
      "invalid-oidc-token",
      `the workflow's OIDC token lacks the claims provenance records (${describeIssues(parsed.error)}); is it a GitHub Actions token?`
    );
  }
  return fromTokenClaims(parsed.data, serverUrl);
}
function claimsFromContextFile(value, file) {
  const parsed = contextFile.safeParse(value);
  if (!parsed.success) {
    throw new ConfigurationError("invalid-provenance-context", `${file}: ${describeIssues(parsed.error)}`);
  }
  return fromTokenClaims(parsed.data, parsed.data.server_url ?? "https://github.com");
}
function claimsFromEnvironment(env, repositoryVisibility2) {
  const variables = {
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
    repository_visibility: repositoryVisibility2
  };
  const missing = Object.entries(variables).filter(([key, value]) => key !== "repository_visibility" && !value).map(([key]) => ENVIRONMENT_NAMES[key]);
  if (missing.length > 0) {
    throw new ConfigurationError(
      "missing-workflow-context",
      `provenance needs the workflow's context, but ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not set: run it in GitHub Actions, or pass the claims with --context FILE`
    );
  }
  const parsed = tokenClaims.safeParse(variables);
  if (!parsed.success) {
    throw new ConfigurationError(
      "missing-workflow-context",
      `the workflow's environment is not what GitHub Actions sets (${describeIssues(parsed.error)})`
    );
  }
  return fromTokenClaims(parsed.data, env.GITHUB_SERVER_URL || "https://github.com");
}
var ENVIRONMENT_NAMES = {
  repository: "GITHUB_REPOSITORY",
  repository_id: "GITHUB_REPOSITORY_ID",
  repository_owner_id: "GITHUB_REPOSITORY_OWNER_ID",
  ref: "GITHUB_REF",
  sha: "GITHUB_SHA",
  event_name: "GITHUB_EVENT_NAME",
  workflow_ref: "GITHUB_WORKFLOW_REF",
  job_workflow_ref: "GITHUB_WORKFLOW_REF",
  run_id: "GITHUB_RUN_ID",
  run_attempt: "GITHUB_RUN_ATTEMPT",
  runner_environment: "RUNNER_ENVIRONMENT"
};
function fromTokenClaims(claims, serverUrl) {
  return {
    serverUrl: serverUrl.replace(/\/+$/, ""),
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
    ...claims.repository_visibility ? { repositoryVisibility: claims.repository_visibility } : {}
  };
}
function describeIssues(error) {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(root)"}: ${issue.message}`).join("; ");
}

// src/provenance/signing-context.ts
var NO_ID_TOKEN = 'the job has no "id-token: write" permission (ACTIONS_ID_TOKEN_REQUEST_URL is not set), so no signing certificate can be requested';
async function readSigningContext(options) {
  const source = idTokenSource(options.env);
  const serverUrl = options.env.GITHUB_SERVER_URL || "https://github.com";
  const endpoints = (instance) => options.endpoints?.[instance] ?? signingEndpoints(instance, serverUrl);
  const fetchMasked = async (from) => {
    const fetched = await fetchIdToken(from, { fetch: options.fetch });
    options.maskSecret?.(fetched.token);
    return fetched;
  };
  const fresh = source ? async () => (await fetchMasked(source)).token : void 0;
  const visibility = repositoryVisibility(options.payload);
  let claims;
  if (options.contextPath) {
    const path = resolve(options.workspace, options.contextPath);
    const text = await readFile(path).catch((error) => {
      throw new ConfigurationError(
        "provenance-context-not-found",
        `${options.contextPath}: cannot read the provenance context (${error.code === "ENOENT" ? "no such file" : error.code ?? "unreadable"})`
      );
    });
    const parser = new JsonStreamParser(options.contextPath);
    parser.write(text);
    claims = claimsFromContextFile(parser.end(), options.contextPath);
  } else if (source) {
    const token = await fetchMasked(source);
    claims = claimsFromToken(token.claims, serverUrl);
  } else {
    claims = claimsFromEnvironment(options.env, visibility);
  }
  if (!claims.repositoryVisibility && visibility) claims = { ...claims, repositoryVisibility: visibility };
  return fresh ? { claims, idToken: fresh, endpoints } : { claims, cannotSign: NO_ID_TOKEN, endpoints };
}
function repositoryVisibility(payload) {
  const repository = payload?.repository;
  if (typeof repository?.visibility === "string") return repository.visibility;
  if (typeof repository?.private === "boolean") return repository.private ? "private" : "public";
  return void 0;
}
export {
  NO_ID_TOKEN,
  readSigningContext
};
