import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  ConfigurationError,
  VerificationError
} from "./chunk-QCJNFU7Y.js";

// src/adapters/github/app.ts
import { createPrivateKey } from "node:crypto";
function readAppCredentials(appId, privateKeyPem, names) {
  if (appId === void 0 && privateKeyPem === void 0) return void 0;
  if (appId === void 0 || privateKeyPem === void 0) {
    throw new ConfigurationError(
      "incomplete-github-app",
      `${names.appId} and ${names.privateKey} go together: set both to post the check as your GitHub App, or neither to post it as GitHub Actions`
    );
  }
  if (!/^(?:[1-9][0-9]{0,15}|Iv[0-9A-Za-z.]{1,40})$/.test(appId)) {
    throw new ConfigurationError(
      "invalid-app-id",
      `${names.appId} takes the GitHub App's numeric App ID or its Client ID (both on the App's settings page), got ${JSON.stringify(appId.slice(0, 50))}`
    );
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(privateKeyPem.trim().replace(/\\n/g, "\n"));
  } catch {
    throw new ConfigurationError(
      "invalid-app-private-key",
      `${names.privateKey} is not a PEM private key: pass the whole .pem file the App's settings generated, "-----BEGIN RSA PRIVATE KEY-----" line included`
    );
  }
  if (privateKey.asymmetricKeyType !== "rsa") {
    throw new ConfigurationError(
      "invalid-app-private-key",
      `${names.privateKey} is a ${privateKey.asymmetricKeyType ?? "non-RSA"} key; GitHub Apps sign with RSA keys: pass the .pem file the App's settings generated`
    );
  }
  return { appId, privateKey };
}
async function mintInstallationToken(credentials, options) {
  const { createOctokit, isRequestError, toGateError } = await import("./octokit-XHFIQZTP.js");
  const { owner, repo } = options;
  const repository = `${owner}/${repo}`;
  const app = createOctokit({
    apiUrl: options.apiUrl,
    auth: {
      app: {
        appId: /^[0-9]+$/.test(credentials.appId) ? Number(credentials.appId) : credentials.appId,
        privateKey: credentials.privateKey.export({ type: "pkcs8", format: "pem" }).toString()
      }
    },
    fetch: options.fetch,
    retries: options.retries,
    waitUnitMs: options.waitUnitMs,
    onRetry: options.onRetry
  });
  const requested = Object.entries(options.permissions).map(([name, access]) => `"${name.replace(/_/g, " ")}: ${access}"`).join(", ");
  function refusal(error) {
    if (isRequestError(error) && error.status === 401 && error.response) {
      return new ConfigurationError(
        "github-app-unauthorized",
        `${toGateError(app, error, { permission: "" }).message.replace(/: the GitHub token is .*$/, "")}: GitHub did not accept the App's JWT; check that the App ID (or Client ID) and the private key belong to the same App, that the key was not revoked, and that the runner's clock is right`
      );
    }
    return toGateError(app, error, { permission: "" });
  }
  const installationPath = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/installation`;
  let installation;
  try {
    ({ data: installation } = await app.request("GET /repos/{owner}/{repo}/installation", {
      owner,
      repo
    }));
  } catch (error) {
    if (isRequestError(error) && error.status === 404 && error.response) {
      throw new ConfigurationError(
        "github-app-not-installed",
        `GitHub App ${credentials.appId} is not installed on ${repository} (GET ${installationPath} returned 404): install it on the repository or its organization`
      );
    }
    throw refusal(error);
  }
  const installationId = installation?.id;
  const appId = installation?.app_id;
  if (typeof installationId !== "number" || typeof appId !== "number") {
    throw unexpected(`GET ${installationPath}`, "an installation without an id or app_id");
  }
  const tokenPath = `/app/installations/${installationId}/access_tokens`;
  let token;
  try {
    token = await app.auth({
      type: "installation",
      installationId,
      repositoryNames: [repo],
      permissions: options.permissions,
      refresh: true
    });
  } catch (error) {
    if (isRequestError(error) && (error.status === 403 || error.status === 422) && error.response) {
      const data = error.response.data;
      const message = typeof data === "object" && data !== null && "message" in data ? String(data.message) : error.message;
      throw new ConfigurationError(
        "github-app-permissions",
        `GitHub would not mint a token for ${repository} with ${requested} (POST ${tokenPath} returned ${error.status}: ${message.replace(/\s+/g, " ").slice(0, 200)}): grant the App those repository permissions in its settings, and have an owner accept them on the installation`
      );
    }
    throw refusal(error);
  }
  if (typeof token.token !== "string" || token.token === "" || typeof token.expiresAt !== "string") {
    throw unexpected(`POST ${tokenPath}`, "a body without a token or expires_at");
  }
  return {
    token: token.token,
    expiresAt: token.expiresAt,
    appId,
    appSlug: typeof installation.app_slug === "string" ? installation.app_slug : String(appId),
    installationId
  };
}
function reportAsApp(reads, app, appId) {
  return {
    ...reads,
    createCheckRun: app.createCheckRun,
    updateCheckRun: app.updateCheckRun,
    findCheckRun: (request) => app.findCheckRun({ ...request, appId }),
    listIssueComments: app.listIssueComments,
    createIssueComment: app.createIssueComment,
    updateIssueComment: app.updateIssueComment
  };
}
function appPermissions(options) {
  return { checks: "write", ...options.comment ? { pull_requests: "write" } : {} };
}
function unexpected(what, shape) {
  return new VerificationError(
    "github-unexpected-response",
    `GitHub API ${what} returned ${shape}; is the API URL a GitHub REST API?`
  );
}

export {
  readAppCredentials,
  mintInstallationToken,
  reportAsApp,
  appPermissions
};
