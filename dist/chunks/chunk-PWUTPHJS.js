import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  DEFAULT_TAG,
  MANIFEST_MEDIA_TYPES,
  MAX_MANIFEST_BYTES,
  OCI_INDEX_MEDIA_TYPE,
  assertSha256Digest,
  blobTooLarge,
  manifestTooLarge,
  parseJsonObject,
  parseManifestDocument,
  readBounded,
  sha256Digest,
  verifyDigest
} from "./chunk-HYJ74MIN.js";
import {
  stripControl
} from "./chunk-AJCAIOG3.js";
import {
  DOCKER_HUB_REGISTRY,
  isLoopbackHost
} from "./chunk-V6QQ6HQ7.js";
import {
  proxyAwareFetch
} from "./chunk-3TJM3MKJ.js";
import {
  ConfigurationError,
  GateError,
  VerificationError
} from "./chunk-QCJNFU7Y.js";

// src/adapters/registry/store.ts
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";

// src/adapters/http/retry-after.ts
function retryAfterMs(response, now = Date.now()) {
  const value = response.headers.get("retry-after")?.trim();
  if (!value) return void 0;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(seconds, 0) * 1e3;
  const date = Date.parse(value);
  return Number.isNaN(date) ? void 0 : Math.max(date - now, 0);
}
function formatWait(ms) {
  return ms < 1e3 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

// src/adapters/registry/transport.ts
var DEFAULT_REGISTRY_RETRY_POLICY = {
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 15e3,
  budgetMs: 6e4
};
var DEFAULT_TIMEOUT_MS = 3e4;
var MAX_REDIRECTS = 5;
var MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024;
var MAX_ERROR_BODY_BYTES = 64 * 1024;
var TRANSIENT_NETWORK_CODES = /* @__PURE__ */ new Set([
  "ECONNRESET",
  "EPIPE",
  "ECONNABORTED",
  "ETIMEDOUT",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT"
]);
var TransientRegistryError = class extends VerificationError {
  constructor(code, message, retryAfterMs2, options) {
    super(code, message, options);
    this.retryAfterMs = retryAfterMs2;
  }
  retryAfterMs;
};
function registryApiHost(registry) {
  return registry === DOCKER_HUB_REGISTRY ? "registry-1.docker.io" : registry;
}
function registryOrigin(registry, options) {
  if (registry === DOCKER_HUB_REGISTRY && options.dockerHubUrl !== void 0) {
    const url = new URL(options.dockerHubUrl);
    assertTransportAllowed(url, "the Docker Hub URL");
    return url.origin;
  }
  const host = registryApiHost(registry);
  return `${isLoopbackHost(host) ? "http" : "https"}://${host}`;
}
function parseChallenge(header) {
  const match = header ? /^\s*([A-Za-z]+)\s*(.*)$/.exec(header) : null;
  if (!match) return void 0;
  const params = /* @__PURE__ */ new Map();
  for (const param of (match[2] ?? "").matchAll(/([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g)) {
    params.set((param[1] ?? "").toLowerCase(), (param[2] ?? param[3] ?? "").replace(/\\(.)/g, "$1"));
  }
  return { scheme: (match[1] ?? "").toLowerCase(), params };
}
function tokenRequest(realm, service, scope, choice) {
  if (choice.identityToken !== void 0) {
    const form = new URLSearchParams({
      grant_type: "refresh_token",
      refresh_token: choice.identityToken,
      client_id: "supply-chain-gate",
      scope,
      ...service === void 0 ? {} : { service }
    });
    return {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
      body: form.toString()
    };
  }
  if (service !== void 0) realm.searchParams.set("service", service);
  realm.searchParams.set("scope", scope);
  return {
    method: "GET",
    headers: {
      accept: "application/json",
      ...choice.credentials ? { authorization: basicAuthorization(choice.credentials) } : {}
    }
  };
}
function basicAuthorization({ username, password }) {
  return `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}`;
}
function assertTransportAllowed(url, what) {
  if (url.protocol === "https:" || url.protocol === "http:" && isLoopbackHost(url.host)) return;
  throw new VerificationError(
    "insecure-registry-transport",
    `${what} points at ${url.protocol}//${url.host}; the gate uses plain HTTP only for loopback hosts and HTTPS everywhere else`
  );
}
var RegistryTransport = class {
  constructor(setup, options = {}) {
    this.setup = setup;
    this.options = options;
    this.registry = setup.registry;
    this.repository = setup.repository;
    this.origin = registryOrigin(setup.registry, options);
    this.location = `${this.origin}/v2/${setup.repository}`;
    this.fetch = options.fetch ?? proxyAwareFetch(options.env ?? process.env);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retryPolicy = { ...DEFAULT_REGISTRY_RETRY_POLICY, ...options.retry };
    this.sleep = options.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms)));
    this.clock = options.clock ?? Date.now;
  }
  setup;
  options;
  registry;
  repository;
  /** `https://HOST` (plain http only where nobody can listen in: a registry on this machine). */
  origin;
  /** `ORIGIN/v2/REPOSITORY` */
  location;
  fetch;
  timeoutMs;
  retryPolicy;
  sleep;
  clock;
  /** When retrying stops for every request of this transport: set by its first failure. */
  retryDeadline;
  /** The header that answered the last challenge, kept for the rest of the run. */
  authorization;
  /** The challenge answer in progress, shared by every request that was refused with the same header. */
  renewal;
  /**
   * One operation, tried again while it fails transiently, the attempts allow and the budget
   * lasts. Other failures (404, 401, a digest that does not match) are answers, not accidents.
   */
  async retrying(operation) {
    const policy = this.retryPolicy;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await operation();
      } catch (error) {
        if (!(error instanceof TransientRegistryError)) throw error;
        const now = this.clock();
        this.retryDeadline ??= now + policy.budgetMs;
        const asked = error.retryAfterMs;
        const wait = Math.min(asked ?? policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
        const refusal = attempt > policy.maxRetries ? `gave up after ${attempt} attempts` : asked !== void 0 && asked > policy.maxDelayMs ? `the registry asked to wait ${formatWait(asked)}, more than the ${formatWait(policy.maxDelayMs)} the gate waits` : now + wait > this.retryDeadline ? `gave up after ${attempt} attempt(s): the ${formatWait(policy.budgetMs)} retry budget for ${this.registry} is spent` : void 0;
        if (refusal !== void 0) {
          throw new VerificationError(error.code, `${error.message} (${refusal}); retry the job later`, {
            cause: error
          });
        }
        this.options.onRetry?.(
          `${error.message}; retrying in ${formatWait(wait)} (attempt ${attempt + 1} of ${policy.maxRetries + 1})`
        );
        await this.sleep(wait);
      }
    }
  }
  /**
   * One request under this repository, answering at most one authentication challenge; a 401 or
   * 403 after that is the registry's refusal, thrown as `setup.refused` says.
   */
  async request(method, url, headers, body) {
    const sentWith = this.authorization;
    const response = await this.send(method, url, this.withAuthorization(headers, sentWith), body);
    if (response.status !== 401) return this.refuseForbidden(response);
    const challenge = parseChallenge(response.headers.get("www-authenticate"));
    await discard(response);
    const renewed = await this.renewAuthorization(sentWith, challenge);
    return this.refuseForbidden(await this.send(method, url, this.withAuthorization(headers, renewed), body));
  }
  /** A 429 or 5xx as a transient error (with its Retry-After), anything else not ok as final. */
  async expectSuccess(response, what) {
    if (response.ok) return;
    const detail = await registryErrorDetail(response);
    const hint = response.status === 429 ? "; the registry is rate limiting: log in to raise the limit or retry later" : "";
    const message = `registry ${this.registry} answered ${`${response.status} ${response.statusText}`.trim()} for ${what}${detail}${hint}`;
    if (response.status === 429 || response.status >= 500) {
      throw new TransientRegistryError("registry-error", message, retryAfterMs(response, this.clock()));
    }
    throw new VerificationError("registry-error", message);
  }
  /** The whole body, up to `maxBytes`; a body that breaks off is transient. */
  async readBody(response, maxBytes, tooLarge) {
    const declared = Number(response.headers.get("content-length") ?? NaN);
    if (declared > maxBytes) {
      await discard(response);
      throw tooLarge();
    }
    if (!response.body) return new Uint8Array();
    try {
      return await readBounded(response.body, maxBytes, tooLarge);
    } catch (error) {
      if (error instanceof GateError) throw error;
      const host = new URL(response.url || this.location).host;
      throw new TransientRegistryError(
        "registry-unreachable",
        `the connection to ${host} broke before the whole answer arrived (${errorCode(error)})`,
        void 0,
        { cause: error }
      );
    }
  }
  /** The Link header's next page, on the registry's own origin only: credentials go with it. */
  nextPage(response, current) {
    const target = /<([^>]+)>\s*;\s*rel="?next"?/.exec(response.headers.get("link") ?? "")?.[1];
    if (target === void 0) return void 0;
    const next = new URL(target, current);
    if (next.origin !== current.origin) {
      throw new VerificationError(
        "registry-error",
        `registry ${this.registry} pointed its next page at another host (${next.host}); refusing to follow`
      );
    }
    return next;
  }
  /** A URL the registry gave (an upload location), held to its origin: credentials go there. */
  sameOrigin(location, what) {
    const url = new URL(location, this.origin);
    if (url.origin !== this.origin) {
      throw new VerificationError(
        "registry-error",
        `registry ${this.registry} sent ${what} to another host (${url.host}); refusing to follow`
      );
    }
    return url;
  }
  withAuthorization(headers, authorization) {
    return { ...headers, ...authorization ? { authorization } : {} };
  }
  /**
   * Requests sent in parallel are refused together; they share one answer to the challenge, so
   * discovery's burst of lookups costs one token request, not one each.
   */
  renewAuthorization(refused, challenge) {
    if (this.renewal === void 0 || this.renewal.refused !== refused) {
      const renewal = {
        refused,
        answer: this.answerChallenge(challenge).then(
          (authorization) => {
            this.authorization = authorization;
            return authorization;
          },
          (error) => {
            if (this.renewal === renewal) this.renewal = void 0;
            throw error;
          }
        )
      };
      this.renewal = renewal;
    }
    return this.renewal.answer;
  }
  async refuseForbidden(response) {
    if (response.status !== 401 && response.status !== 403) return response;
    await discard(response);
    throw await this.setup.refused(`${response.status} ${response.statusText}`.trim());
  }
  async answerChallenge(challenge) {
    const choice = await this.setup.credentials();
    if (challenge?.scheme === "basic" && choice.credentials) return basicAuthorization(choice.credentials);
    if (challenge?.scheme === "bearer") return `Bearer ${await this.fetchToken(challenge, choice)}`;
    throw await this.setup.refused(
      challenge ? `401, ${challenge.scheme} challenge` : "401 without a challenge"
    );
  }
  /** The token flow of https://distribution.github.io/distribution/spec/auth/token/. */
  async fetchToken(challenge, choice) {
    const realm = challenge.params.get("realm");
    let url;
    try {
      url = new URL(realm ?? "");
    } catch {
      throw new VerificationError(
        "registry-error",
        `registry ${this.registry} asked for a bearer token without a valid realm URL; it is misconfigured`
      );
    }
    assertTransportAllowed(url, `token service of ${this.registry}`);
    const request = tokenRequest(
      url,
      challenge.params.get("service"),
      `repository:${this.repository}:${this.setup.actions}`,
      choice
    );
    const response = await this.send(request.method, url, request.headers, request.body);
    if (response.status === 401 || response.status === 403) {
      await discard(response);
      throw await this.setup.refused(`token service ${url.host} answered ${response.status}`);
    }
    const what = `the token from ${url.host}`;
    await this.expectSuccess(response, what);
    const body = parseJsonObject(
      await this.readBody(
        response,
        MAX_TOKEN_RESPONSE_BYTES,
        () => blobTooLarge(what, MAX_TOKEN_RESPONSE_BYTES)
      ),
      what
    );
    const token = typeof body.token === "string" && body.token ? body.token : body.access_token;
    if (typeof token !== "string" || token.length === 0) {
      throw new VerificationError(
        "registry-error",
        `${what} has neither a "token" nor an "access_token" field`
      );
    }
    return token;
  }
  /** One request, following redirects ourselves so credentials never follow one to another origin. */
  async send(method, start, headers, body) {
    let url = start;
    const current = { ...headers };
    for (let redirects = 0; ; redirects++) {
      let response;
      try {
        response = await this.fetch(url, {
          method,
          headers: current,
          ...body ? { body } : {},
          redirect: "manual",
          signal: AbortSignal.timeout(this.timeoutMs)
        });
      } catch (error) {
        throw this.unreachable(url, error);
      }
      if (![301, 302, 303, 307, 308].includes(response.status)) return response;
      const location = response.headers.get("location");
      await discard(response);
      if (location === null || redirects === MAX_REDIRECTS) {
        throw new VerificationError(
          "registry-error",
          `${url.host} answered ${response.status} with ${location === null ? "no Location header" : `more than ${MAX_REDIRECTS} redirects`}`
        );
      }
      const next = new URL(location, url);
      assertTransportAllowed(next, `a redirect from ${url.host}`);
      if (next.origin !== url.origin) delete current.authorization;
      url = next;
    }
  }
  unreachable(url, error) {
    if (error instanceof GateError) return error;
    const timedOut = isRecord(error) && (error.name === "TimeoutError" || error.name === "AbortError");
    const code = errorCode(error);
    const reason = timedOut ? `no answer within ${this.timeoutMs / 1e3} s` : code;
    const message = `cannot reach ${url.host} (${reason}); check the registry host in the image reference and that it is up and reachable from this runner`;
    return timedOut || TRANSIENT_NETWORK_CODES.has(code) ? new TransientRegistryError("registry-unreachable", message, void 0, { cause: error }) : new VerificationError("registry-unreachable", message, { cause: error });
  }
};
async function registryErrorDetail(response) {
  if (!response.body) return "";
  try {
    const bytes = await readBounded(response.body, MAX_ERROR_BODY_BYTES, () => new Error("too large"));
    const body = JSON.parse(new TextDecoder().decode(bytes));
    const first = body.errors?.[0];
    if (!first) return "";
    const text = [first.code, first.message].filter((part) => typeof part === "string").join(": ");
    return text ? ` (${text.replace(/\s+/g, " ").slice(0, 200)})` : "";
  } catch {
    return "";
  }
}
async function discard(response) {
  await response.body?.cancel().catch(() => void 0);
}
function errorCode(error) {
  const cause = isRecord(error) && isRecord(error.cause) ? error.cause : error;
  if (isRecord(cause) && typeof cause.code === "string") return cause.code;
  if (isRecord(cause) && typeof cause.message === "string")
    return cause.message.replace(/\s+/g, " ").slice(0, 120);
  return "unknown error";
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/adapters/docker/credentials.ts
import { spawn } from "node:child_process";
var DEFAULT_CREDENTIAL_HELPER_TIMEOUT_MS = 3e4;
var IDENTITY_TOKEN_USERNAME = "<token>";
var CREDENTIALS_NOT_FOUND = /credentials not found in native keychain/i;
var MAX_OUTPUT_BYTES = 64 * 1024;
var MAX_QUOTED_CHARS = 200;
var HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
function configuredHelper(config, registry, configPath, keyMatches) {
  const perRegistry = isRecord2(config.credHelpers) ? Object.entries(config.credHelpers).find(([key]) => keyMatches(key, registry))?.[1] : void 0;
  const [setting, name] = typeof perRegistry === "string" && perRegistry ? ["credHelpers", perRegistry] : typeof config.credsStore === "string" && config.credsStore ? ["credsStore", config.credsStore] : [void 0, void 0];
  if (setting === void 0) return void 0;
  if (!HELPER_NAME.test(name)) {
    throw new ConfigurationError(
      "invalid-docker-config",
      `the docker config ${configPath} names the credential helper ${JSON.stringify(name.slice(0, 60))} in ${setting}, which is not a helper name (letters, digits, ".", "_", "-"); fix the entry`
    );
  }
  return { name, setting, configPath };
}
function helperProgram(helper) {
  return `docker-credential-${helper.name}`;
}
function describeHelper(helper) {
  return `the docker credential helper ${helperProgram(helper)} (${helper.setting} in ${helper.configPath})`;
}
var answers = /* @__PURE__ */ new Map();
function getHelperCredentials(helper, serverUrl, options) {
  const key = JSON.stringify([helper.name, helper.configPath, serverUrl, options.env.PATH ?? ""]);
  let answer = answers.get(key);
  if (answer === void 0) {
    answer = askHelper(helper, serverUrl, options);
    answers.set(key, answer);
    answer.catch(() => answers.delete(key));
  }
  return answer.then((found) => {
    if (found) options.maskSecret?.(found.kind === "password" ? found.password : found.identityToken);
    return found;
  });
}
async function askHelper(helper, serverUrl, options) {
  const program = helperProgram(helper);
  const timeoutMs = options.timeoutMs ?? DEFAULT_CREDENTIAL_HELPER_TIMEOUT_MS;
  const outcome = await runHelper(program, serverUrl, options.env, timeoutMs);
  const where = `${helper.setting} in ${helper.configPath}`;
  switch (outcome.kind) {
    case "missing":
      throw new ConfigurationError(
        "credential-helper-not-found",
        `the docker credential helper ${program} (${where}) is not on PATH: install it on the runner (or log in with "docker login" without a helper), or remove the entry`
      );
    case "timed-out":
      throw new VerificationError(
        "credential-helper-failed",
        `the docker credential helper ${program} (${where}) gave no answer within ${timeoutMs / 1e3} s and was stopped; it may be waiting for a prompt nobody can answer on a runner`
      );
    case "too-much-output":
      throw new VerificationError(
        "credential-helper-failed",
        `the docker credential helper ${program} (${where}) wrote more than ${MAX_OUTPUT_BYTES} bytes; that is not a credential`
      );
    case "spawn-failed":
      throw new VerificationError(
        "credential-helper-failed",
        `the docker credential helper ${program} (${where}) could not be started (${outcome.code})`
      );
    case "exited":
      break;
  }
  const { status, stdout, stderr } = outcome;
  if (status !== 0) {
    if (CREDENTIALS_NOT_FOUND.test(stdout) || CREDENTIALS_NOT_FOUND.test(stderr)) return void 0;
    const said = firstLine(stderr) ?? firstLine(stdout);
    throw new VerificationError(
      "credential-helper-failed",
      `the docker credential helper ${program} (${where}) failed for ${serverUrl} with ${status === null ? "no exit status" : `exit status ${status}`}${said ? `: ${said}` : ""}`
    );
  }
  const answer = parseAnswer(stdout);
  if (answer === void 0) {
    throw new VerificationError(
      "credential-helper-failed",
      `the docker credential helper ${program} (${where}) answered ${serverUrl} with something that is not the credential helper protocol's JSON ({"Username","Secret"})`
    );
  }
  if (answer.secret === "") return void 0;
  if (answer.username === IDENTITY_TOKEN_USERNAME) {
    return { kind: "identity-token", identityToken: answer.secret };
  }
  return { kind: "password", username: answer.username, password: answer.secret };
}
function runHelper(program, serverUrl, env, timeoutMs) {
  return new Promise((resolve) => {
    const ownGroup = process.platform !== "win32";
    const child = spawn(program, ["get"], {
      env: definedOnly(env),
      stdio: ["pipe", "pipe", "pipe"],
      windowsHide: true,
      detached: ownGroup
    });
    const stdout = [];
    const stderr = [];
    let bytes = 0;
    let settled = false;
    const finish = (outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (outcome.kind !== "exited") stop();
      resolve(outcome);
    };
    const stop = () => {
      try {
        if (ownGroup && child.pid !== void 0) process.kill(-child.pid, "SIGKILL");
        else child.kill("SIGKILL");
      } catch {
      }
      for (const stream of [child.stdin, child.stdout, child.stderr]) stream.destroy();
    };
    const timer = setTimeout(() => finish({ kind: "timed-out" }), timeoutMs);
    const collect = (into) => (chunk) => {
      bytes += chunk.byteLength;
      if (bytes > MAX_OUTPUT_BYTES) finish({ kind: "too-much-output" });
      else into.push(chunk);
    };
    child.stdout.on("data", collect(stdout));
    child.stderr.on("data", collect(stderr));
    child.once(
      "error",
      (error) => finish(
        error.code === "ENOENT" ? { kind: "missing" } : { kind: "spawn-failed", code: error.code ?? "unknown" }
      )
    );
    child.once(
      "close",
      (status) => finish({
        kind: "exited",
        status,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8")
      })
    );
    child.stdin.once("error", () => void 0);
    child.stdin.end(serverUrl);
  });
}
function parseAnswer(stdout) {
  let value;
  try {
    value = JSON.parse(stdout);
  } catch {
    return void 0;
  }
  if (!isRecord2(value)) return void 0;
  const { Username: username, Secret: secret } = value;
  if (typeof secret !== "string" || username !== void 0 && typeof username !== "string")
    return void 0;
  return { username: username ?? "", secret };
}
function firstLine(text) {
  const line = text.split("\n").map((part) => stripControl(part).trim()).find((part) => part.length > 0);
  if (line === void 0 || line.startsWith("{")) return void 0;
  return line.length > MAX_QUOTED_CHARS ? `${line.slice(0, MAX_QUOTED_CHARS)}\u2026` : line;
}
function definedOnly(env) {
  return Object.fromEntries(
    Object.entries(env).filter((entry) => entry[1] !== void 0)
  );
}
function isRecord2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/adapters/registry/store.ts
var DOCKER_HUB_CONFIG_KEYS = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);
var GITHUB_CONTAINER_REGISTRY = "ghcr.io";
var MAX_REFERRERS_LISTED = 1e3;
var TAGS_PAGE_SIZE = 1e3;
var RegistryStore = class {
  constructor(registry, repository, options = {}) {
    this.registry = registry;
    this.repository = repository;
    this.options = options;
    this.transport = new RegistryTransport(
      {
        registry,
        repository,
        actions: "pull",
        credentials: () => this.chooseCredentials(),
        refused: (answer) => this.unauthorized(answer)
      },
      options
    );
    this.location = this.transport.location;
  }
  registry;
  repository;
  options;
  kind = "registry";
  location;
  /** The one transport to this repository: auth, redirects, limits, the retry policy. */
  transport;
  credentialChoice;
  async resolve(reference) {
    const { digest, tag } = reference;
    if (digest === void 0) return this.fetchManifest(tag ?? DEFAULT_TAG, "named by the user");
    assertSha256Digest(digest, `the reference to ${this.name()}`);
    return this.fetchManifest(digest, "named by the user");
  }
  async getManifest(digest) {
    assertSha256Digest(digest, `a manifest requested from ${this.name()}`);
    return this.fetchManifest(digest, "referenced by other content");
  }
  findTag(tag) {
    return this.transport.retrying(() => this.tryFetchManifest(tag));
  }
  /**
   * Every tag of the repository, page after page (the distribution API's `n` and `Link`), stopping
   * with an error past `maxTags` so a repository with endless tags cannot hold the run.
   */
  async listTags(maxTags) {
    return this.transport.retrying(() => this.listTagsOnce(maxTags));
  }
  async listTagsOnce(maxTags) {
    const what = `the tags of ${this.name()}`;
    const tags = [];
    const first = new URL(`${this.location}/tags/list`);
    first.searchParams.set("n", String(this.options.tagsPageSize ?? TAGS_PAGE_SIZE));
    for (let page = first; page; ) {
      const response = await this.get(page, "application/json");
      if (response.status === 404) {
        await discard(response);
        throw new ConfigurationError(
          "repository-not-found",
          `${what} could not be listed: registry ${this.registry} has no repository ${this.repository}`
        );
      }
      await this.transport.expectSuccess(response, what);
      const body = parseJsonObject(
        await this.transport.readBody(response, MAX_MANIFEST_BYTES, () => manifestTooLarge(what)),
        what
      );
      const listed = body.tags ?? [];
      if (!Array.isArray(listed) || !listed.every((tag) => typeof tag === "string")) {
        throw new VerificationError("registry-error", `${what}: the answer's "tags" is not a list of names`);
      }
      tags.push(...listed);
      if (tags.length > maxTags) {
        throw new VerificationError(
          "too-many-tags",
          `${what}: more than ${maxTags} tags; name the tags to watch more narrowly`
        );
      }
      page = this.transport.nextPage(response, page);
    }
    return tags;
  }
  manifestUri(digestOrTag) {
    return `${this.location}/manifests/${digestOrTag}`;
  }
  /**
   * The OCI 1.1 referrers API, every page. A 404, or an answer that is not an image index, means
   * the registry does not implement it (distribution 2.8, GHCR); oras and cosign read it that way too.
   */
  async listReferrers(digest) {
    assertSha256Digest(digest, `a referrers request to ${this.name()}`);
    return this.transport.retrying(() => this.listReferrersOnce(digest));
  }
  async listReferrersOnce(digest) {
    const first = new URL(`${this.location}/referrers/${digest}`);
    const what = `the referrers of ${this.name()}@${digest}`;
    const digests = [];
    for (let page = first; page; ) {
      const response = await this.get(page, OCI_INDEX_MEDIA_TYPE);
      const contentType = response.headers.get("content-type")?.split(";")[0]?.trim();
      if (response.status === 404 || response.ok && contentType !== OCI_INDEX_MEDIA_TYPE) {
        await discard(response);
        if (page !== first) {
          throw new VerificationError(
            "registry-error",
            `registry ${this.registry} stopped answering ${what} part way through its pages`
          );
        }
        return { supported: false, uri: first.href };
      }
      await this.transport.expectSuccess(response, what);
      const index = parseJsonObject(
        await this.transport.readBody(response, MAX_MANIFEST_BYTES, () => manifestTooLarge(what)),
        what
      );
      if (!Array.isArray(index.manifests)) {
        throw new VerificationError("invalid-manifest", `${what}: the answer has no "manifests" array`);
      }
      for (const [position, descriptor] of index.manifests.entries()) {
        const referrer = isRecord3(descriptor) ? descriptor.digest : void 0;
        if (typeof referrer !== "string") {
          throw new VerificationError(
            "invalid-manifest",
            `${what}: manifests[${position}] is not a descriptor with a digest`
          );
        }
        digests.push(referrer);
      }
      if (digests.length > MAX_REFERRERS_LISTED) {
        throw new VerificationError(
          "too-many-referrers",
          `${what}: more than ${MAX_REFERRERS_LISTED} referrers; the gate will not read that many manifests`
        );
      }
      page = this.transport.nextPage(response, page);
    }
    return { supported: true, uri: first.href, digests };
  }
  async getBlob(digest, maxBytes) {
    assertSha256Digest(digest, `a blob requested from ${this.name()}`);
    return this.transport.retrying(() => this.getBlobOnce(digest, maxBytes));
  }
  async getBlobOnce(digest, maxBytes) {
    const what = `blob ${digest} of ${this.name()}`;
    const response = await this.get(new URL(`${this.location}/blobs/${digest}`), "*/*");
    if (response.status === 404) {
      await discard(response);
      throw new VerificationError(
        "blob-not-found",
        `${what} was not found: the registry lost content the image refers to`
      );
    }
    await this.transport.expectSuccess(response, what);
    const bytes = await this.transport.readBody(response, maxBytes, () => blobTooLarge(what, maxBytes));
    verifyDigest(bytes, digest, what);
    return bytes;
  }
  /**
   * A missing manifest the user named is their mistake to fix (a wrong tag, an image not pushed);
   * one that other content points at means the registry is inconsistent.
   */
  async fetchManifest(tagOrDigest, origin) {
    const manifest = await this.transport.retrying(() => this.tryFetchManifest(tagOrDigest));
    if (manifest) return manifest;
    const byDigest = tagOrDigest.startsWith("sha256:");
    const message = `${this.manifestName(tagOrDigest)} was not found: check the ${byDigest ? "digest" : "tag"} and that the image was pushed to ${this.registry}`;
    throw origin === "named by the user" ? new ConfigurationError("manifest-not-found", message) : new VerificationError("manifest-not-found", message);
  }
  manifestName(tagOrDigest) {
    return `manifest ${this.name()}${tagOrDigest.startsWith("sha256:") ? "@" : ":"}${tagOrDigest}`;
  }
  /** The manifest, or undefined when the registry has none by that tag or digest. */
  async tryFetchManifest(tagOrDigest) {
    const byDigest = tagOrDigest.startsWith("sha256:");
    const what = this.manifestName(tagOrDigest);
    const response = await this.get(new URL(this.manifestUri(tagOrDigest)), MANIFEST_MEDIA_TYPES.join(", "));
    if (response.status === 404) {
      await discard(response);
      return void 0;
    }
    await this.transport.expectSuccess(response, what);
    const bytes = await this.transport.readBody(response, MAX_MANIFEST_BYTES, () => manifestTooLarge(what));
    const declaredMediaType = response.headers.get("content-type")?.split(";")[0]?.trim();
    if (byDigest) {
      return parseManifestDocument(bytes, {
        what,
        expectedDigest: tagOrDigest,
        ...declaredMediaType ? { declaredMediaType } : {}
      });
    }
    const claimed = response.headers.get("docker-content-digest");
    const actual = sha256Digest(bytes);
    if (claimed !== null && claimed !== actual) {
      throw new VerificationError(
        "digest-mismatch",
        `${what}: the registry says the tag is ${claimed.slice(0, 80)} but the manifest it served hashes to ${actual}; the content was altered in transit or by the registry`
      );
    }
    return parseManifestDocument(bytes, { what, ...declaredMediaType ? { declaredMediaType } : {} });
  }
  name() {
    return `${this.registry}/${this.repository}`;
  }
  /** GET under /v2/REPOSITORY/, answering at most one authentication challenge. */
  get(url, accept) {
    return this.transport.request("GET", url, { accept });
  }
  chooseCredentials() {
    this.credentialChoice ??= findRegistryCredentials(this.registry, this.options);
    return this.credentialChoice;
  }
  async unauthorized(answer) {
    const { description } = await this.chooseCredentials();
    const githubHint = this.registry === GITHUB_CONTAINER_REGISTRY ? ", or give a GitHub token with packages: read" : "";
    return new ConfigurationError(
      "registry-unauthorized",
      `registry ${this.registry} refused to let us pull ${this.repository} (${answer}); credentials tried: ${description}. Log in with "docker login ${this.registry}", point DOCKER_CONFIG at a config that has credentials for it, or pass a username and password${githubHint}`
    );
  }
};
async function findRegistryCredentials(registry, options) {
  if (options.credentials)
    return { credentials: options.credentials, description: "the username/password option" };
  const env = options.env ?? process.env;
  const configPath = env.DOCKER_CONFIG ? join(env.DOCKER_CONFIG, "config.json") : join(options.homeDir ?? homedir(), ".docker", "config.json");
  const fromConfig = await readDockerConfigCredentials(configPath, registry, { ...options, env });
  if (fromConfig.credentials || fromConfig.identityToken) return fromConfig;
  if (registry === GITHUB_CONTAINER_REGISTRY && options.githubToken) {
    return {
      credentials: { username: "token", password: options.githubToken },
      description: "the GitHub token"
    };
  }
  return fromConfig;
}
async function readDockerConfigCredentials(path, registry, options) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (isNotFound(error)) return { description: "none" };
    throw new ConfigurationError(
      "invalid-docker-config",
      `cannot read the docker config ${path} (${errorCode(error)})`
    );
  }
  let config;
  try {
    config = JSON.parse(text);
  } catch {
    throw new ConfigurationError(
      "invalid-docker-config",
      `the docker config ${path} is not valid JSON; fix or remove it`
    );
  }
  if (!isRecord3(config)) return { description: "none" };
  const helper = configuredHelper(config, registry, path, configKeyMatches);
  let helperHadNone;
  if (helper) {
    const found = await getHelperCredentials(helper, helperServerUrl(registry), {
      env: options.env,
      ...options.credentialHelperTimeoutMs === void 0 ? {} : { timeoutMs: options.credentialHelperTimeoutMs },
      ...options.maskSecret ? { maskSecret: options.maskSecret } : {}
    });
    const description = describeHelper(helper);
    if (found?.kind === "identity-token") return { identityToken: found.identityToken, description };
    if (found) return { credentials: { username: found.username, password: found.password }, description };
    helperHadNone = `${description} has none for ${registry}`;
  }
  const auths = isRecord3(config.auths) ? config.auths : {};
  const entry = Object.entries(auths).find(([key]) => configKeyMatches(key, registry))?.[1];
  const credentials = isRecord3(entry) ? entryCredentials(entry) : void 0;
  if (credentials) return { credentials, description: `username/password from the docker config ${path}` };
  if (helperHadNone) return { description: `none (${helperHadNone})` };
  if (!isRecord3(entry)) return { description: "none" };
  return {
    description: `none (the docker config ${path} has an entry for ${registry} without inline credentials and names no credential helper)`
  };
}
function helperServerUrl(registry) {
  return registry === DOCKER_HUB_REGISTRY ? "https://index.docker.io/v1/" : registry;
}
function entryCredentials(entry) {
  if (typeof entry.auth === "string" && entry.auth) {
    const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (typeof entry.username === "string" && entry.username && typeof entry.password === "string") {
    return { username: entry.username, password: entry.password };
  }
  return void 0;
}
function configKeyMatches(key, registry) {
  const host = key.replace(/^[a-z]+:\/\//i, "").split("/")[0]?.toLowerCase() ?? "";
  if (registry === DOCKER_HUB_REGISTRY) return DOCKER_HUB_CONFIG_KEYS.has(host);
  return host === registry.toLowerCase();
}
function isNotFound(error) {
  return isRecord3(error) && error.code === "ENOENT";
}
function isRecord3(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export {
  RegistryTransport,
  discard,
  RegistryStore,
  findRegistryCredentials
};
