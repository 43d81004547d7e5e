import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  parseSigstoreChoice
} from "./chunk-WVMH47QC.js";
import {
  formatWait,
  retryAfterMs
} from "./chunk-WFTUDDPJ.js";
import {
  isLoopbackHost
} from "./chunk-FZT7OACS.js";
import {
  ConfigurationError,
  VerificationError
} from "./chunk-SB4G7AKF.js";

// src/version.ts
var VERSION = true ? "0.1.0" : "0.0.0-dev";

// src/adapters/github.ts
var DEFAULT_GITHUB_API_URL = "https://api.github.com";
var MAX_ANNOTATIONS_PER_REQUEST = 50;
var API_VERSION = "2022-11-28";
var PAGE_SIZE = 100;
var DEFAULT_TIMEOUT_MS = 3e4;
var MAX_DETAIL_LENGTH = 200;
var SECONDARY_LIMIT_WAIT_MS = 6e4;
var DEFAULT_RETRY_POLICY = {
  maxRetries: 5,
  baseDelayMs: 1e3,
  maxDelayMs: SECONDARY_LIMIT_WAIT_MS,
  budgetMs: 15e4
};
var MAX_ATTESTATIONS = 1e3;
function createGitHubClient(options) {
  const apiUrl = parseApiUrl(options.apiUrl ?? DEFAULT_GITHUB_API_URL);
  const base = apiUrl.href.replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headers = {
    accept: "application/vnd.github+json",
    "x-github-api-version": API_VERSION,
    "user-agent": options.userAgent ?? `supply-chain-gate/${VERSION}`,
    ...options.token ? { authorization: `Bearer ${options.token}` } : {}
  };
  function urlFor(call) {
    const url = new URL(`${base}${call.path}`);
    for (const [name, value] of Object.entries(call.query ?? {})) url.searchParams.set(name, value);
    return url;
  }
  const retryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const sleep = options.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms)));
  const clock = options.now ?? Date.now;
  const attemptsOf = /* @__PURE__ */ new WeakMap();
  async function fetchOnce(call, url) {
    return doFetch(url, {
      method: call.method,
      headers: call.body === void 0 ? headers : { ...headers, "content-type": "application/json" },
      body: call.body === void 0 ? void 0 : JSON.stringify(call.body),
      signal: AbortSignal.timeout(timeoutMs)
    });
  }
  async function send(call, url = urlFor(call)) {
    const started = clock();
    for (let attempt = 1; ; attempt += 1) {
      let response;
      let networkError;
      try {
        response = await fetchOnce(call, url);
      } catch (error) {
        networkError = error;
      }
      const wait = response ? await retryDelay(response, attempt) : attempt <= retryPolicy.maxRetries ? backoff(attempt) : void 0;
      const elapsed = clock() - started;
      if (wait === void 0 || attempt > retryPolicy.maxRetries || elapsed + wait > retryPolicy.budgetMs) {
        if (response) {
          attemptsOf.set(response, attempt);
          return response;
        }
        throw unreachable(networkError, attempt);
      }
      const what = response ? `answered ${response.status}` : `could not be reached (${networkReason(networkError)})`;
      options.onRetry?.(
        `GitHub API ${call.method} ${call.path} ${what}; retrying in ${formatWait(wait)} (attempt ${attempt + 1} of ${retryPolicy.maxRetries + 1})`
      );
      await sleep(wait);
    }
  }
  async function retryDelay(response, attempt) {
    if (response.ok || attempt > retryPolicy.maxRetries) return void 0;
    const status = response.status;
    if (status !== 403 && status !== 429 && status < 500) return void 0;
    const retryAfter = retryAfterMs(response);
    if (status === 403 || status === 429) {
      const message = status === 403 ? await response.clone().text().catch(() => "") : "";
      const secondary = /secondary rate limit|abuse/i.test(message);
      const primary = response.headers.get("x-ratelimit-remaining") === "0";
      if (status === 403 && !secondary && !primary && retryAfter === void 0) return void 0;
      const untilReset = primary ? resetWaitMs(response) : void 0;
      const wait = retryAfter ?? untilReset ?? (secondary ? SECONDARY_LIMIT_WAIT_MS : backoff(attempt));
      if (wait > retryPolicy.maxDelayMs) return void 0;
      await response.body?.cancel();
      return wait;
    }
    await response.body?.cancel();
    return Math.min(retryAfter ?? backoff(attempt), retryPolicy.maxDelayMs);
  }
  function backoff(attempt) {
    return Math.min(retryPolicy.baseDelayMs * 2 ** (attempt - 1), retryPolicy.maxDelayMs);
  }
  function resetWaitMs(response) {
    const reset = Number(response.headers.get("x-ratelimit-reset"));
    if (!Number.isFinite(reset) || reset <= 0) return void 0;
    return Math.max(reset * 1e3 - Date.now(), 0) + 1e3;
  }
  function unreachable(error, attempts) {
    const timedOut = isRecord(error) && (error.name === "TimeoutError" || error.name === "AbortError");
    const tries = attempts > 1 ? `, ${attempts} attempts` : "";
    return new VerificationError(
      "github-unreachable",
      `cannot reach the GitHub API at ${base} (${timedOut ? `no answer within ${timeoutMs / 1e3} s` : networkReason(error)}${tries}); check the API URL and that this runner can reach it`,
      { cause: error }
    );
  }
  async function githubMessage(response) {
    const text = await response.text().catch(() => "");
    let message = response.statusText;
    try {
      const parsed = JSON.parse(text);
      if (isRecord(parsed) && typeof parsed.message === "string") message = parsed.message;
    } catch {
    }
    const oneLine = message.replace(/\s+/g, " ").trim().slice(0, MAX_DETAIL_LENGTH);
    return options.token ? oneLine.split(options.token).join("***") : oneLine;
  }
  async function failure(call, response) {
    const message = await githubMessage(response);
    const attempts = attemptsOf.get(response) ?? 1;
    const tries = attempts > 1 ? ` after ${attempts} attempts` : "";
    const what = `GitHub API ${call.method} ${call.path} returned ${response.status}${message ? ` (${message})` : ""}${tries}`;
    if (response.status === 401) {
      return new ConfigurationError(
        "github-unauthorized",
        `${what}: the GitHub token is missing, expired or revoked; pass a valid token`
      );
    }
    if (response.status === 429 || response.status === 403 && isRateLimited(response, message)) {
      const reset = Number(response.headers.get("x-ratelimit-reset"));
      const when = Number.isFinite(reset) && reset > 0 ? ` (it resets at ${new Date(reset * 1e3).toISOString()})` : "";
      return new VerificationError(
        "github-rate-limited",
        `${what}: the token's API rate limit is spent${when}; re-run the job later`
      );
    }
    if (response.status === 403 || response.status === 404 && call.notFoundMeansForbidden) {
      return new ConfigurationError(
        "github-forbidden",
        `${what}: the token may not do this; add "${call.permission}" to the job's "permissions:"`
      );
    }
    return new VerificationError("github-request-failed", what);
  }
  async function readJson(call, response) {
    try {
      return await response.json();
    } catch (error) {
      if (isRecord(error) && error.name === "SyntaxError")
        throw unexpected(call, "a body that is not JSON", error);
      throw new VerificationError(
        "github-unreachable",
        `GitHub API ${call.method} ${call.path}: the connection broke before the whole answer arrived (${networkReason(error)}); re-run the job`,
        { cause: error }
      );
    }
  }
  async function request(call) {
    const response = await send(call);
    if (!response.ok) throw await failure(call, response);
    return readJson(call, response);
  }
  function unexpected(call, what, cause) {
    return new VerificationError(
      "github-unexpected-response",
      `GitHub API ${call.method} ${call.path} returned ${what}; is the API URL ${base} a GitHub REST API?`,
      cause === void 0 ? void 0 : { cause }
    );
  }
  async function* pages(call) {
    let url = urlFor(call);
    while (url) {
      const response = await send(call, url);
      if (!response.ok) throw await failure(call, response);
      yield await readJson(call, response);
      url = nextPage(call, response);
    }
  }
  function commentRef(call, comment) {
    if (!isRecord(comment) || typeof comment.id !== "number" || typeof comment.html_url !== "string") {
      throw unexpected(call, "a comment without an id or html_url");
    }
    return { id: comment.id, htmlUrl: comment.html_url };
  }
  function checkRunPath(owner, repo, id) {
    return `${repoPath(owner, repo)}/check-runs${id === void 0 ? "" : `/${id}`}`;
  }
  async function patchCheckRun(owner, repo, checkRunId, body) {
    await request({
      method: "PATCH",
      path: checkRunPath(owner, repo, checkRunId),
      body,
      permission: "checks: write"
    });
  }
  return {
    async createCheckRun(run) {
      const { output } = run;
      const [first = [], ...rest] = annotationBatches(output?.annotations);
      const call = {
        method: "POST",
        path: checkRunPath(run.owner, run.repo),
        body: {
          name: run.name,
          head_sha: run.headSha,
          status: run.status,
          started_at: run.startedAt,
          external_id: run.externalId,
          details_url: run.detailsUrl,
          conclusion: run.conclusion,
          completed_at: run.completedAt,
          output: output && outputPayload(output, first)
        },
        permission: "checks: write",
        notFoundMeansForbidden: true
      };
      const created = await request(call);
      if (!isRecord(created) || typeof created.id !== "number" || typeof created.html_url !== "string") {
        throw unexpected(call, "a check run without an id or html_url");
      }
      if (output) {
        for (const batch of rest) {
          await patchCheckRun(run.owner, run.repo, created.id, { output: outputPayload(output, batch) });
        }
      }
      return { id: created.id, htmlUrl: created.html_url };
    },
    async updateCheckRun(update) {
      const { output } = update;
      const batches = annotationBatches(output?.annotations);
      const last = batches.pop() ?? [];
      if (output) {
        for (const batch of batches) {
          await patchCheckRun(update.owner, update.repo, update.checkRunId, {
            output: outputPayload(output, batch)
          });
        }
      }
      await patchCheckRun(update.owner, update.repo, update.checkRunId, {
        status: update.status,
        started_at: update.startedAt,
        details_url: update.detailsUrl,
        conclusion: update.conclusion,
        completed_at: update.completedAt,
        output: output && outputPayload(output, last)
      });
    },
    async findCheckRun({ owner, repo, ref, name, appId }) {
      const call = {
        method: "GET",
        path: `${repoPath(owner, repo)}/commits/${encodeURIComponent(ref)}/check-runs`,
        query: {
          check_name: name,
          filter: "all",
          per_page: String(PAGE_SIZE),
          ...appId === void 0 ? {} : { app_id: String(appId) }
        },
        permission: "checks: read"
      };
      let newest;
      for await (const page of pages(call)) {
        if (!isRecord(page) || !Array.isArray(page.check_runs)) {
          throw unexpected(call, "a page without check_runs");
        }
        for (const run of page.check_runs) {
          if (isRecord(run) && run.name === name && typeof run.id === "number" && isCheckRunStatus(run.status) && (newest === void 0 || run.id > newest.id)) {
            newest = { id: run.id, status: run.status, htmlUrl: String(run.html_url ?? "") };
          }
        }
      }
      return newest;
    },
    async listIssueComments({ owner, repo, issueNumber }) {
      const call = {
        method: "GET",
        path: `${repoPath(owner, repo)}/issues/${issueNumber}/comments`,
        query: { per_page: String(PAGE_SIZE) },
        permission: "pull-requests: read"
      };
      const comments = [];
      for await (const page of pages(call)) {
        if (!Array.isArray(page)) throw unexpected(call, "a page that is not a list of comments");
        for (const comment of page) {
          if (!isRecord(comment) || typeof comment.id !== "number") continue;
          comments.push({
            id: comment.id,
            body: typeof comment.body === "string" ? comment.body : "",
            authorType: isRecord(comment.user) ? String(comment.user.type) : "",
            htmlUrl: String(comment.html_url ?? "")
          });
        }
      }
      return comments;
    },
    async createIssueComment({ owner, repo, issueNumber, body }) {
      const call = {
        method: "POST",
        path: `${repoPath(owner, repo)}/issues/${issueNumber}/comments`,
        body: { body },
        permission: "pull-requests: write",
        notFoundMeansForbidden: true
      };
      return commentRef(call, await request(call));
    },
    async updateIssueComment({ owner, repo, commentId, body }) {
      const call = {
        method: "PATCH",
        path: `${repoPath(owner, repo)}/issues/comments/${commentId}`,
        body: { body },
        permission: "pull-requests: write"
      };
      return commentRef(call, await request(call));
    },
    async getFileContent({ owner, repo, path, ref }) {
      const call = {
        method: "GET",
        path: `${repoPath(owner, repo)}/contents/${path.split("/").map(encodeURIComponent).join("/")}`,
        query: { ref },
        permission: "contents: read"
      };
      const response = await send(call);
      if (response.status === 404) return void 0;
      if (!response.ok) throw await failure(call, response);
      const file = await readJson(call, response);
      if (!isRecord(file) || file.type !== "file") {
        const kind = Array.isArray(file) ? "directory" : isRecord(file) ? String(file.type) : "value";
        throw new ConfigurationError(
          "github-not-a-file",
          `${path} at ${ref} is a ${kind}, not a file: name a file`
        );
      }
      if (file.encoding !== "base64" || typeof file.content !== "string") {
        throw new ConfigurationError(
          "github-file-too-large",
          `${path} at ${ref} is too large for GitHub's contents API (over 1 MB): keep it smaller`
        );
      }
      return Buffer.from(file.content, "base64").toString("utf8");
    },
    async createAttestation({ owner, repo, bundle }) {
      const call = {
        method: "POST",
        path: `${repoPath(owner, repo)}/attestations`,
        body: { bundle },
        permission: "attestations: write",
        notFoundMeansForbidden: true
      };
      const created = await request(call);
      if (!isRecord(created) || typeof created.id !== "number") {
        throw unexpected(call, "an attestation without an id");
      }
      return { id: created.id, url: `${base}${call.path}` };
    },
    async listAttestations({ owner, repo, subjectDigest }) {
      const call = {
        method: "GET",
        path: `${repo === void 0 ? `/orgs/${encodeURIComponent(owner)}` : repoPath(owner, repo)}/attestations/${encodeURIComponent(subjectDigest).replace("%3A", ":")}`,
        query: { per_page: String(PAGE_SIZE) },
        permission: "attestations: read"
      };
      const listUrl = `${base}${call.path}`;
      const attestations = [];
      for (let url = urlFor(call); url; ) {
        const response = await send(call, url);
        if (response.status === 404 && attestations.length === 0)
          return { url: listUrl, exists: false, attestations };
        if (!response.ok) throw await failure(call, response);
        const page = await readJson(call, response);
        if (!isRecord(page) || !Array.isArray(page.attestations)) {
          throw unexpected(call, "a page without an attestations list");
        }
        for (const item of page.attestations) {
          attestations.push(isRecord(item) ? { bundle: item.bundle } : {});
        }
        if (attestations.length > MAX_ATTESTATIONS) {
          throw new VerificationError(
            "too-many-attestations",
            `GitHub lists more than ${MAX_ATTESTATIONS} attestations for ${subjectDigest} at ${listUrl}; the gate will not read that many`
          );
        }
        url = nextPage(call, response);
      }
      return { url: listUrl, exists: true, attestations };
    }
  };
  function nextPage(call, response) {
    const target = /<([^>]+)>\s*;\s*rel="next"/.exec(response.headers.get("link") ?? "")?.[1];
    if (target === void 0) return void 0;
    const url = new URL(target, apiUrl);
    if (url.origin !== apiUrl.origin) throw unexpected(call, `a next page on another host (${url.host})`);
    return url;
  }
}
function repoPath(owner, repo) {
  return `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
}
function isCheckRunStatus(value) {
  return value === "queued" || value === "in_progress" || value === "completed";
}
function parseApiUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigurationError(
      "invalid-github-api-url",
      `the GitHub API URL ${JSON.stringify(text)} is not a URL`
    );
  }
  if (url.protocol === "https:" || url.protocol === "http:" && isLoopbackHost(url.host)) return url;
  throw new ConfigurationError(
    "invalid-github-api-url",
    `the GitHub API URL ${url.origin} would carry the token in clear text: use https (plain http only for loopback hosts)`
  );
}
function annotationBatches(annotations = []) {
  const batches = [];
  for (let start = 0; start < annotations.length; start += MAX_ANNOTATIONS_PER_REQUEST) {
    batches.push(annotations.slice(start, start + MAX_ANNOTATIONS_PER_REQUEST));
  }
  return batches;
}
function outputPayload(output, annotations) {
  return {
    title: output.title,
    summary: output.summary,
    text: output.text,
    annotations: annotations.length > 0 ? annotations : void 0
  };
}
function isRateLimited(response, message) {
  return response.headers.get("x-ratelimit-remaining") === "0" || /rate limit/i.test(message);
}
function networkReason(error) {
  const cause = isRecord(error) && isRecord(error.cause) ? error.cause : error;
  if (isRecord(cause) && typeof cause.code === "string") return cause.code;
  const message = isRecord(cause) && typeof cause.message === "string" ? cause.message : String(cause);
  return message.replace(/\s+/g, " ").slice(0, 120);
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/provenance/requests.ts
var DEFAULT_PROVENANCE_PATH = "supply-chain-gate-provenance.json";
var DEFAULT_VERIFICATION_SUMMARY_PATH = "supply-chain-gate-verification-summary.json";
function parsePublishTargets(text, what) {
  const entries = (text ?? "").split(/[,\n]/).map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    if (entry !== "registry" && entry !== "github") {
      throw new ConfigurationError(
        "invalid-push-target",
        `${what} takes registry, github or both (comma-separated), got ${JSON.stringify(entry.slice(0, 80))}`
      );
    }
  }
  return [...new Set(entries)];
}
function provenanceRequest(texts, names) {
  return {
    ...publishRequest(texts, names, DEFAULT_PROVENANCE_PATH),
    platformSubjects: texts.platformSubjects ?? false
  };
}
function verificationSummaryRequest(texts, names) {
  return publishRequest({ ...texts, sign: true }, names, DEFAULT_VERIFICATION_SUMMARY_PATH);
}
function publishRequest(texts, names, defaultPath) {
  return {
    sign: texts.sign ?? true,
    push: parsePublishTargets(texts.push, names.push),
    sigstore: texts.sigstore ? parseSigstoreChoice(texts.sigstore, names.sigstore) : "auto",
    outPath: texts.path ?? defaultPath
  };
}

export {
  VERSION,
  DEFAULT_GITHUB_API_URL,
  createGitHubClient,
  parseApiUrl,
  provenanceRequest,
  verificationSummaryRequest
};
