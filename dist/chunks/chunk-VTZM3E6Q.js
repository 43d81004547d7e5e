import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  DEFAULT_GITHUB_API_URL,
  VERSION,
  parseApiUrl
} from "./chunk-JRAIDMMJ.js";
import {
  ConfigurationError,
  VerificationError
} from "./chunk-SB4G7AKF.js";

// src/adapters/github-app.ts
import { createPrivateKey, sign } from "node:crypto";
var JWT_BACKDATE_S = 60;
var JWT_LIFETIME_S = 600;
var API_VERSION = "2022-11-28";
var TIMEOUT_MS = 3e4;
var ATTEMPTS = 3;
var RETRY_DELAY_MS = 1e3;
var MAX_DETAIL_LENGTH = 200;
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
function createAppJwt(credentials, now) {
  const seconds = Math.floor(now.getTime() / 1e3);
  const iat = seconds - JWT_BACKDATE_S;
  const claims = {
    iat,
    exp: iat + JWT_LIFETIME_S,
    iss: /^[0-9]+$/.test(credentials.appId) ? Number(credentials.appId) : credentials.appId
  };
  const encode = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const signingInput = `${encode({ alg: "RS256", typ: "JWT" })}.${encode(claims)}`;
  const signature = sign("sha256", Buffer.from(signingInput), credentials.privateKey);
  return `${signingInput}.${signature.toString("base64url")}`;
}
async function mintInstallationToken(credentials, options) {
  const base = parseApiUrl(options.apiUrl ?? DEFAULT_GITHUB_API_URL).href.replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms)));
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  const { owner, repo } = options;
  const repository = `${owner}/${repo}`;
  async function call(method, path, body) {
    for (let attempt = 1; ; attempt += 1) {
      let response;
      let networkError;
      try {
        response = await doFetch(`${base}${path}`, {
          method,
          headers: {
            accept: "application/vnd.github+json",
            "x-github-api-version": API_VERSION,
            "user-agent": `supply-chain-gate/${VERSION}`,
            // A fresh JWT per request: a retry after a wait must not present an older one.
            authorization: `Bearer ${createAppJwt(credentials, now())}`,
            ...body === void 0 ? {} : { "content-type": "application/json" }
          },
          body: body === void 0 ? void 0 : JSON.stringify(body),
          signal: AbortSignal.timeout(TIMEOUT_MS)
        });
      } catch (error) {
        networkError = error;
      }
      if (response && response.status < 500) return response;
      if (attempt >= ATTEMPTS) {
        if (response) return response;
        throw new VerificationError(
          "github-unreachable",
          `cannot reach the GitHub API at ${base} to mint the GitHub App's token (${networkReason(networkError)}, ${attempt} attempts); check the API URL and that this runner can reach it`,
          { cause: networkError }
        );
      }
      await response?.body?.cancel();
      await sleep(RETRY_DELAY_MS * 2 ** (attempt - 1));
    }
  }
  const requested = Object.entries(options.permissions).map(([name, access]) => `"${name.replace(/_/g, " ")}: ${access}"`).join(", ");
  async function refusal(method, path, response) {
    const message = await githubMessage(response);
    const what = `GitHub API ${method} ${path} returned ${response.status}${message ? ` (${message})` : ""}`;
    if (response.status === 401) {
      return new ConfigurationError(
        "github-app-unauthorized",
        `${what}: GitHub did not accept the App's JWT; check that the App ID (or Client ID) and the private key belong to the same App, that the key was not revoked, and that the runner's clock is right`
      );
    }
    return new VerificationError("github-app-token-failed", what);
  }
  const installationPath = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/installation`;
  const found = await call("GET", installationPath);
  if (found.status === 404) {
    throw new ConfigurationError(
      "github-app-not-installed",
      `GitHub App ${credentials.appId} is not installed on ${repository} (GET ${installationPath} returned 404): install it on the repository or its organization`
    );
  }
  if (!found.ok) throw await refusal("GET", installationPath, found);
  const installation = await jsonBody(found, `GET ${installationPath}`);
  const installationId = installation.id;
  const appId = installation.app_id;
  if (typeof installationId !== "number" || typeof appId !== "number") {
    throw unexpected(`GET ${installationPath}`, "an installation without an id or app_id");
  }
  const tokenPath = `/app/installations/${installationId}/access_tokens`;
  const minted = await call("POST", tokenPath, { repositories: [repo], permissions: options.permissions });
  if (minted.status === 403 || minted.status === 422) {
    throw new ConfigurationError(
      "github-app-permissions",
      `GitHub would not mint a token for ${repository} with ${requested} (POST ${tokenPath} returned ${minted.status}: ${await githubMessage(minted)}): grant the App those repository permissions in its settings, and have an owner accept them on the installation`
    );
  }
  if (minted.status !== 201) throw await refusal("POST", tokenPath, minted);
  const token = await jsonBody(minted, `POST ${tokenPath}`);
  if (typeof token.token !== "string" || token.token === "" || typeof token.expires_at !== "string") {
    throw unexpected(`POST ${tokenPath}`, "a body without a token or expires_at");
  }
  return {
    token: token.token,
    expiresAt: token.expires_at,
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
async function jsonBody(response, what) {
  let body;
  try {
    body = await response.json();
  } catch (error) {
    throw unexpected(what, "a body that is not JSON", error);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw unexpected(what, "a body that is not an object");
  }
  return body;
}
function unexpected(what, shape, cause) {
  return new VerificationError(
    "github-unexpected-response",
    `GitHub API ${what} returned ${shape}; is the API URL a GitHub REST API?`,
    cause === void 0 ? void 0 : { cause }
  );
}
async function githubMessage(response) {
  const text = await response.text().catch(() => "");
  let message = response.statusText;
  try {
    const parsed = JSON.parse(text);
    if (typeof parsed === "object" && parsed !== null && "message" in parsed) {
      message = String(parsed.message);
    }
  } catch {
  }
  return message.replace(/\s+/g, " ").trim().slice(0, MAX_DETAIL_LENGTH);
}
function networkReason(error) {
  const record = typeof error === "object" && error !== null ? error : {};
  if (record.name === "TimeoutError" || record.name === "AbortError") {
    return `no answer within ${TIMEOUT_MS / 1e3} s`;
  }
  const cause = typeof record.cause === "object" && record.cause !== null ? record.cause : error;
  const code = cause?.code;
  if (typeof code === "string") return code;
  return String(cause?.message ?? cause).replace(/\s+/g, " ").slice(0, 120);
}

// src/adapters/request-log.ts
var RequestLog = class {
  constructor(inner = globalThis.fetch, clock = () => performance.now()) {
    this.inner = inner;
    this.clock = clock;
  }
  inner;
  clock;
  exchanges = [];
  /** A fetch that records each request: pass it to the registry and GitHub clients. */
  fetch = async (input, init) => {
    const exchange = { host: hostOf(input), startedAt: this.clock() };
    this.exchanges.push(exchange);
    try {
      return await this.inner(input, init);
    } finally {
      exchange.answeredAt = this.clock();
    }
  };
  /** A position in the log: `statsSince(mark)` leaves out what was sent before it. */
  mark() {
    return this.exchanges.length;
  }
  /**
   * Round trips are the longest chain of requests in which each was sent after the one before it
   * had been answered: requests sent together count once, a request that needed another's answer
   * counts again. Measured, not declared, so a lost chance to run in parallel shows up here.
   */
  statsSince(mark = 0) {
    const exchanges = this.exchanges.slice(mark).sort((a, b) => a.startedAt - b.startedAt);
    const depth = [];
    exchanges.forEach((exchange, position) => {
      let before = 0;
      for (let earlier = 0; earlier < position; earlier++) {
        const answeredAt = exchanges[earlier]?.answeredAt;
        if (answeredAt !== void 0 && answeredAt <= exchange.startedAt) {
          before = Math.max(before, depth[earlier] ?? 0);
        }
      }
      depth.push(before + 1);
    });
    const byHost = {};
    for (const { host } of exchanges) byHost[host] = (byHost[host] ?? 0) + 1;
    const first = exchanges[0]?.startedAt;
    const last = Math.max(...exchanges.map((exchange) => exchange.answeredAt ?? exchange.startedAt));
    return {
      requests: exchanges.length,
      roundTrips: Math.max(0, ...depth),
      byHost,
      elapsedMs: first === void 0 ? 0 : Math.round(last - first)
    };
  }
};
function hostOf(input) {
  const url = typeof input === "string" ? input : "href" in input ? input.href : input.url;
  try {
    return new URL(url).host;
  } catch {
    return "unknown";
  }
}

export {
  readAppCredentials,
  mintInstallationToken,
  reportAsApp,
  appPermissions,
  RequestLog
};
