import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  isLoopbackHost
} from "./chunk-V6QQ6HQ7.js";
import {
  ConfigurationError
} from "./chunk-QCJNFU7Y.js";

// src/adapters/github/api-url.ts
var DEFAULT_GITHUB_API_URL = "https://api.github.com";
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

export {
  DEFAULT_GITHUB_API_URL,
  parseApiUrl
};
