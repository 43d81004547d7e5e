import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  MAX_ANNOTATIONS_PER_REQUEST,
  MAX_ATTESTATIONS
} from "./chunk-MV4VUAK6.js";
import {
  createOctokit,
  githubCall,
  toGateError
} from "./chunk-RGUC64RM.js";
import "./chunk-JGGR3ZSW.js";
import "./chunk-V6QQ6HQ7.js";
import "./chunk-22SWJURS.js";
import "./chunk-3TJM3MKJ.js";
import {
  ConfigurationError,
  VerificationError
} from "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";

// src/adapters/github/client.ts
var PAGE_SIZE = 100;
function createGitHubClient(options) {
  const octokit = options.octokit ?? createOctokit({
    apiUrl: options.apiUrl,
    auth: { token: options.token },
    fetch: options.fetch,
    userAgent: options.userAgent,
    timeoutMs: options.timeoutMs,
    ...options.retry,
    onRetry: options.onRetry
  });
  const base = String(octokit.request.endpoint.DEFAULTS.baseUrl);
  const call = (api, send) => githubCall(octokit, api, send);
  function unexpected(api, what) {
    return new VerificationError(
      "github-unexpected-response",
      `GitHub API ${api.name} returned ${what}; is the API URL ${base} a GitHub REST API?`
    );
  }
  function commentRef(api, comment) {
    if (!isRecord(comment) || typeof comment.id !== "number" || typeof comment.html_url !== "string") {
      throw unexpected(api, "a comment without an id or html_url");
    }
    return { id: comment.id, htmlUrl: comment.html_url };
  }
  async function patchCheckRun(owner, repo, checkRunId, body) {
    const api = {
      name: `PATCH ${repoPath(owner, repo)}/check-runs/${checkRunId}`,
      permission: "checks: write"
    };
    await call(
      api,
      () => octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
        owner,
        repo,
        check_run_id: checkRunId,
        ...withoutUndefined(body)
      })
    );
  }
  async function* pages(api, route, params) {
    const iterator = octokit.paginate.iterator(route, { ...params, per_page: PAGE_SIZE });
    try {
      for await (const page of iterator) yield page.data;
    } catch (error) {
      throw toGateError(octokit, error, api);
    }
  }
  return {
    async createCheckRun(run) {
      const { output } = run;
      const [first = [], ...rest] = annotationBatches(output?.annotations);
      const api = {
        name: `POST ${repoPath(run.owner, run.repo)}/check-runs`,
        permission: "checks: write",
        notFoundMeansForbidden: true
      };
      const { data: created } = await call(
        api,
        () => octokit.request("POST /repos/{owner}/{repo}/check-runs", {
          owner: run.owner,
          repo: run.repo,
          ...withoutUndefined({
            name: run.name,
            head_sha: run.headSha,
            status: run.status,
            started_at: run.startedAt,
            external_id: run.externalId,
            details_url: run.detailsUrl,
            conclusion: run.conclusion,
            completed_at: run.completedAt,
            output: output && outputPayload(output, first)
          })
        })
      );
      if (!isRecord(created) || typeof created.id !== "number" || typeof created.html_url !== "string") {
        throw unexpected(api, "a check run without an id or html_url");
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
      const api = {
        name: `GET ${repoPath(owner, repo)}/commits/${encodeURIComponent(ref)}/check-runs`,
        permission: "checks: read"
      };
      let newest;
      const params = {
        owner,
        repo,
        ref,
        check_name: name,
        filter: "all",
        ...appId === void 0 ? {} : { app_id: appId }
      };
      for await (const page of pages(api, "GET /repos/{owner}/{repo}/commits/{ref}/check-runs", params)) {
        const runs = isRecord(page) ? page.check_runs : page;
        if (!Array.isArray(runs)) throw unexpected(api, "a page without check_runs");
        for (const run of runs) {
          if (isRecord(run) && run.name === name && typeof run.id === "number" && isCheckRunStatus(run.status) && (newest === void 0 || run.id > newest.id)) {
            newest = { id: run.id, status: run.status, htmlUrl: String(run.html_url ?? "") };
          }
        }
      }
      return newest;
    },
    async listIssueComments({ owner, repo, issueNumber }) {
      const api = {
        name: `GET ${repoPath(owner, repo)}/issues/${issueNumber}/comments`,
        permission: "pull-requests: read"
      };
      const comments = [];
      const params = { owner, repo, issue_number: issueNumber };
      for await (const page of pages(
        api,
        "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
        params
      )) {
        if (!Array.isArray(page)) throw unexpected(api, "a page that is not a list of comments");
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
      const api = {
        name: `POST ${repoPath(owner, repo)}/issues/${issueNumber}/comments`,
        permission: "pull-requests: write",
        notFoundMeansForbidden: true
      };
      const { data } = await call(
        api,
        () => octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
          owner,
          repo,
          issue_number: issueNumber,
          body
        })
      );
      return commentRef(api, data);
    },
    async updateIssueComment({ owner, repo, commentId, body }) {
      const api = {
        name: `PATCH ${repoPath(owner, repo)}/issues/comments/${commentId}`,
        permission: "pull-requests: write"
      };
      const { data } = await call(
        api,
        () => octokit.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
          owner,
          repo,
          comment_id: commentId,
          body
        })
      );
      return commentRef(api, data);
    },
    async getFileContent({ owner, repo, path, ref }) {
      const api = {
        name: `GET ${repoPath(owner, repo)}/contents/${path.split("/").map(encodeURIComponent).join("/")}`,
        permission: "contents: read"
      };
      let file;
      try {
        ({ data: file } = await octokit.request(
          "GET /repos/{owner}/{repo}/contents/{+path}",
          {
            owner,
            repo,
            path: path.split("/").map(encodeURIComponent).join("/"),
            ref
          }
        ));
      } catch (error) {
        if (isRecord(error) && error.status === 404 && isRecord(error.response)) return void 0;
        throw toGateError(octokit, error, api);
      }
      if (!isRecord(file) || file.type !== "file") {
        if (typeof file === "string") throw unexpected(api, "a body that is not JSON");
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
      const api = {
        name: `POST ${repoPath(owner, repo)}/attestations`,
        permission: "attestations: write",
        notFoundMeansForbidden: true
      };
      const { data: created } = await call(
        api,
        () => octokit.request("POST /repos/{owner}/{repo}/attestations", { owner, repo, bundle })
      );
      if (!isRecord(created) || typeof created.id !== "number") {
        throw unexpected(api, "an attestation without an id");
      }
      return { id: created.id, url: `${base}${repoPath(owner, repo)}/attestations` };
    },
    async submitDependencySnapshot({ owner, repo, snapshot }) {
      const api = {
        name: `POST ${repoPath(owner, repo)}/dependency-graph/snapshots`,
        permission: "contents: write",
        notFoundMeansForbidden: true
      };
      const { data: created } = await call(
        api,
        () => octokit.request("POST /repos/{owner}/{repo}/dependency-graph/snapshots", {
          owner,
          repo,
          ...snapshot
        })
      );
      if (!isRecord(created) || typeof created.id !== "number" || typeof created.result !== "string") {
        throw unexpected(api, "a snapshot answer without an id or result");
      }
      return {
        id: created.id,
        result: created.result,
        message: typeof created.message === "string" ? created.message : ""
      };
    },
    async listAttestations({ owner, repo, subjectDigest }) {
      const path = `${repo === void 0 ? `/orgs/${encodeURIComponent(owner)}` : repoPath(owner, repo)}/attestations/${encodeURIComponent(subjectDigest).replace("%3A", ":")}`;
      const api = { name: `GET ${path}`, permission: "attestations: read" };
      const listUrl = `${base}${path}`;
      const route = repo === void 0 ? "GET /orgs/{org}/attestations/{subject_digest}" : "GET /repos/{owner}/{repo}/attestations/{subject_digest}";
      const params = repo === void 0 ? { org: owner, subject_digest: subjectDigest } : { owner, repo, subject_digest: subjectDigest };
      const attestations = [];
      try {
        const iterator = octokit.paginate.iterator(
          route,
          { ...params, per_page: PAGE_SIZE }
        );
        for await (const page of iterator) {
          const list = isRecord(page.data) ? page.data.attestations : page.data;
          if (!Array.isArray(list)) throw unexpected(api, "a page without an attestations list");
          for (const item of list) {
            attestations.push(isRecord(item) ? { bundle: item.bundle } : {});
          }
          if (attestations.length > MAX_ATTESTATIONS) {
            throw new VerificationError(
              "too-many-attestations",
              `GitHub lists more than ${MAX_ATTESTATIONS} attestations for ${subjectDigest} at ${listUrl}; the gate will not read that many`
            );
          }
        }
      } catch (error) {
        if (isRecord(error) && error.status === 404 && isRecord(error.response) && attestations.length === 0) {
          return { url: listUrl, exists: false, attestations };
        }
        throw toGateError(octokit, error, api);
      }
      return { url: listUrl, exists: true, attestations };
    }
  };
}
function repoPath(owner, repo) {
  return `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
}
function isCheckRunStatus(value) {
  return value === "queued" || value === "in_progress" || value === "completed";
}
function annotationBatches(annotations = []) {
  const batches = [];
  for (let start = 0; start < annotations.length; start += MAX_ANNOTATIONS_PER_REQUEST) {
    batches.push(annotations.slice(start, start + MAX_ANNOTATIONS_PER_REQUEST));
  }
  return batches;
}
function outputPayload(output, annotations) {
  return withoutUndefined({
    title: output.title,
    summary: output.summary,
    text: output.text,
    annotations: annotations.length > 0 ? annotations : void 0
  });
}
function withoutUndefined(value) {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== void 0));
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
export {
  createGitHubClient
};
