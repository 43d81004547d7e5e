import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  parseApiUrl
} from "./chunk-3PJRF6H5.js";

// src/adapters/github.ts
function createGitHubClient(options) {
  if (options.octokit === void 0) parseApiUrl(options.apiUrl ?? "https://api.github.com");
  let loaded;
  const client = () => loaded ??= import("./client-Y7MQVPQX.js").then((module) => module.createGitHubClient(options));
  return {
    createCheckRun: async (request) => (await client()).createCheckRun(request),
    updateCheckRun: async (request) => (await client()).updateCheckRun(request),
    findCheckRun: async (request) => (await client()).findCheckRun(request),
    listIssueComments: async (request) => (await client()).listIssueComments(request),
    createIssueComment: async (request) => (await client()).createIssueComment(request),
    updateIssueComment: async (request) => (await client()).updateIssueComment(request),
    getFileContent: async (request) => (await client()).getFileContent(request),
    listAttestations: async (request) => (await client()).listAttestations(request),
    createAttestation: async (request) => (await client()).createAttestation(request)
  };
}

export {
  createGitHubClient
};
