// test/support/github-api.ts
import { createServer, STATUS_CODES } from "node:http";

// test/support/github-api/apps.ts
import { createPublicKey, randomBytes, verify } from "node:crypto";

// test/support/github-api/objects.ts
var WEB_URL = "https://github.com";
var DOCUMENTATION_URL = "https://docs.github.com/rest";
function timestamp(date = /* @__PURE__ */ new Date()) {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
function nodeId(prefix, id) {
  return `${prefix}_${Buffer.from(`stand-in:${id}`).toString("base64url")}`;
}
var GITHUB_ACTIONS_BOT = { login: "github-actions[bot]", id: 41898282, type: "Bot" };
function simpleUser(site, account) {
  const url = `${site.apiUrl}/users/${encodeURIComponent(account.login)}`;
  return {
    login: account.login,
    id: account.id,
    node_id: nodeId(account.type === "Organization" ? "O" : "U", account.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${account.id}?v=4`,
    gravatar_id: "",
    url,
    html_url: `${WEB_URL}/${encodeURIComponent(account.login)}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: account.type,
    site_admin: false,
    user_view_type: "public"
  };
}
var GITHUB_ACTIONS_APP = {
  id: 15368,
  slug: "github-actions",
  name: "GitHub Actions",
  clientId: "Iv1.05c79e9ad1f6bdfa",
  owner: { login: "github", id: 9919, type: "Organization" },
  bot: GITHUB_ACTIONS_BOT,
  permissions: { actions: "write", checks: "write", contents: "write", metadata: "read", statuses: "write" },
  description: "Automate your workflow from idea to production",
  events: ["check_run", "check_suite", "pull_request", "push", "workflow_dispatch"]
};
function integration(site, app) {
  return {
    id: app.id,
    slug: app.slug,
    node_id: nodeId("A", app.id),
    client_id: app.clientId,
    owner: simpleUser(site, app.owner),
    name: app.name,
    description: app.description ?? null,
    external_url: `${WEB_URL}/apps/${app.slug}`,
    html_url: `${WEB_URL}/apps/${app.slug}`,
    created_at: "2018-07-30T09:30:17Z",
    updated_at: "2024-04-10T20:33:16Z",
    permissions: app.permissions,
    events: app.events ?? []
  };
}
var accountIds = /* @__PURE__ */ new Map();
function idFor(name) {
  let id = accountIds.get(name);
  if (id === void 0) {
    id = 1e6 + accountIds.size;
    accountIds.set(name, id);
  }
  return id;
}
function repositoryId(owner, repo) {
  return idFor(`${owner}/${repo}`);
}
function ownerAccount(owner) {
  return { login: owner, id: idFor(owner), type: "Organization" };
}
function repository(site, owner, repo) {
  const url = `${site.apiUrl}/repos/${owner}/${repo}`;
  const htmlUrl = `${WEB_URL}/${owner}/${repo}`;
  return {
    id: repositoryId(owner, repo),
    node_id: nodeId("R", repositoryId(owner, repo)),
    name: repo,
    full_name: `${owner}/${repo}`,
    owner: simpleUser(site, ownerAccount(owner)),
    private: false,
    html_url: htmlUrl,
    description: null,
    fork: false,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_url: `git://github.com/${owner}/${repo}.git`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    ssh_url: `git@github.com:${owner}/${repo}.git`,
    stargazers_url: `${url}/stargazers`,
    statuses_url: `${url}/statuses/{sha}`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: `${url}/git/trees{/sha}`,
    clone_url: `${htmlUrl}.git`,
    mirror_url: null,
    hooks_url: `${url}/hooks`,
    svn_url: htmlUrl,
    homepage: null,
    language: "TypeScript",
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    size: 128,
    default_branch: "main",
    open_issues_count: 0,
    has_issues: true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    archived: false,
    disabled: false,
    visibility: "public",
    pushed_at: "2025-01-06T10:00:00Z",
    created_at: "2024-03-01T09:00:00Z",
    updated_at: "2025-01-06T10:00:00Z",
    forks: 0,
    open_issues: 0,
    watchers: 0,
    license: null
  };
}
function errorBody(status, message, errors) {
  return {
    message,
    ...errors ? { errors } : {},
    documentation_url: DOCUMENTATION_URL,
    status: String(status)
  };
}

// test/support/github-api/reply.ts
function notFound() {
  return { status: 404, body: errorBody(404, "Not Found") };
}
function validationFailed(resource, field, code) {
  return { status: 422, body: errorBody(422, "Validation Failed", [{ resource, field, code }]) };
}
var MAX_PER_PAGE = 100;
function pageOf(items, request) {
  const perPage = Math.min(Math.max(Number(request.query.per_page), 1), MAX_PER_PAGE);
  const page = Math.max(Number(request.query.page), 1);
  const lastPage = Math.max(Math.ceil(items.length / perPage), 1);
  const linkTo = (target, rel) => {
    const url = new URL(request.url);
    url.searchParams.set("per_page", String(perPage));
    url.searchParams.set("page", String(target));
    return `<${url.href}>; rel="${rel}"`;
  };
  const links = [
    ...page > 1 ? [linkTo(page - 1, "prev")] : [],
    ...page < lastPage ? [linkTo(page + 1, "next"), linkTo(lastPage, "last")] : [],
    ...page > 1 ? [linkTo(1, "first")] : []
  ];
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(", ") } : {}
  };
}

// test/support/github-api/apps.ts
var UNDECODABLE_JWT = "A JSON web token could not be decoded";
var MAX_JWT_LIFETIME_S = 600;
var TOKEN_LIFETIME_MS = 60 * 60 * 1e3;
var APP_ENDPOINTS = /* @__PURE__ */ new Set([
  "GET /repos/{owner}/{repo}/installation",
  "POST /app/installations/{installation_id}/access_tokens"
]);
var REQUIRED_PERMISSION = {
  "POST /repos/{owner}/{repo}/check-runs": { names: ["checks"], access: "write" },
  "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}": { names: ["checks"], access: "write" },
  "GET /repos/{owner}/{repo}/check-runs/{check_run_id}": { names: ["checks"], access: "read" },
  "GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations": { names: ["checks"], access: "read" },
  "GET /repos/{owner}/{repo}/commits/{ref}/check-runs": { names: ["checks"], access: "read" },
  "GET /repos/{owner}/{repo}/contents/{path}": { names: ["contents"], access: "read" },
  "POST /repos/{owner}/{repo}/attestations": { names: ["attestations"], access: "write" },
  "GET /repos/{owner}/{repo}/attestations/{subject_digest}": { names: ["attestations"], access: "read" },
  "GET /orgs/{org}/attestations/{subject_digest}": { names: ["attestations"], access: "read" },
  "GET /repos/{owner}/{repo}/issues/{issue_number}/comments": {
    names: ["issues", "pull_requests"],
    access: "read"
  },
  "POST /repos/{owner}/{repo}/issues/{issue_number}/comments": {
    names: ["issues", "pull_requests"],
    access: "write"
  },
  "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}": {
    names: ["issues", "pull_requests"],
    access: "write"
  },
  "GET /repos/{owner}/{repo}/pulls/{pull_number}": { names: ["pull_requests"], access: "read" },
  "POST /repos/{owner}/{repo}/statuses/{sha}": { names: ["statuses"], access: "write" },
  "GET /repos/{owner}/{repo}/rules/branches/{branch}": { names: ["metadata"], access: "read" },
  "GET /repos/{owner}/{repo}/rulesets": { names: ["metadata"], access: "read" },
  "POST /repos/{owner}/{repo}/rulesets": { names: ["administration"], access: "write" },
  "POST /orgs/{org}/rulesets": { names: ["organization_administration"], access: "write" }
};
function grants(granted, wanted) {
  return granted === "write" || granted === "read" && wanted === "read";
}
function refuse(status, message) {
  return { status, body: errorBody(status, message) };
}
function decodeJson(segment) {
  try {
    const value = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null ? value : void 0;
  } catch {
    return void 0;
  }
}
function createAppStore(site) {
  const installations = [];
  const tokens = /* @__PURE__ */ new Map();
  function installApp(seed) {
    const existing = installations.find((installation2) => installation2.app.id === seed.appId);
    const app = existing?.app ?? {
      id: seed.appId,
      slug: seed.slug,
      name: seed.slug,
      clientId: `Iv23li${seed.appId.toString(16).padStart(14, "0")}`,
      owner: ownerAccount(seed.account),
      bot: { login: `${seed.slug}[bot]`, id: 9e7 + seed.appId, type: "Bot" },
      permissions: seed.permissions
    };
    const installation = {
      id: 60000001 + installations.length,
      app,
      publicKey: typeof seed.publicKey === "string" ? createPublicKey(seed.publicKey) : seed.publicKey,
      account: seed.account,
      repositories: seed.repositories,
      permissions: seed.permissions,
      createdAt: timestamp()
    };
    installations.push(installation);
    return { installationId: installation.id };
  }
  function verifyJwt(jwt) {
    const [header, payload, signature, ...rest] = jwt.split(".");
    const claims = payload === void 0 ? void 0 : decodeJson(payload);
    if (header === void 0 || signature === void 0 || rest.length > 0 || !claims) {
      return { kind: "bad-jwt", message: UNDECODABLE_JWT };
    }
    if (decodeJson(header)?.alg !== "RS256") return { kind: "bad-jwt", message: UNDECODABLE_JWT };
    const ofApp = installations.filter(
      ({ app: app2 }) => claims.iss === app2.id || claims.iss === String(app2.id) || claims.iss === app2.clientId
    );
    const signed = Buffer.from(`${header}.${payload}`);
    const signedByApp = ofApp.some(
      (installation) => verify("sha256", signed, installation.publicKey, Buffer.from(signature, "base64url"))
    );
    const app = ofApp[0]?.app;
    if (!app || !signedByApp) return { kind: "bad-jwt", message: UNDECODABLE_JWT };
    const now = Math.floor(Date.now() / 1e3);
    const { iat, exp } = claims;
    if (typeof iat !== "number" || !Number.isInteger(iat) || iat > now) {
      return {
        kind: "bad-jwt",
        message: "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued."
      };
    }
    if (typeof exp !== "number" || !Number.isInteger(exp) || exp <= now) {
      return {
        kind: "bad-jwt",
        message: "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires."
      };
    }
    if (exp > now + MAX_JWT_LIFETIME_S) {
      return { kind: "bad-jwt", message: "'Expiration time' claim ('exp') is too far in the future." };
    }
    return { kind: "jwt", app };
  }
  function authenticate(presented) {
    const issued = tokens.get(presented);
    if (issued) {
      return Date.parse(issued.expiresAt) > Date.now() ? { kind: "token", app: issued.installation.app, scope: issued } : void 0;
    }
    return presented.split(".").length === 3 ? verifyJwt(presented) : void 0;
  }
  function authorize(credential, operationKey, pathParameters) {
    if (APP_ENDPOINTS.has(operationKey)) {
      if (credential.kind === "jwt") return { caller: credential.app };
      return { refused: refuse(401, credential.kind === "bad-jwt" ? credential.message : UNDECODABLE_JWT) };
    }
    if (credential.kind !== "token") return { refused: refuse(401, "Bad credentials") };
    const { app, scope } = credential;
    if (!scope) return { caller: app };
    const { owner, repo, org } = pathParameters;
    const account = scope.installation.account;
    const outside = owner !== void 0 && owner !== account || org !== void 0 && org !== account || repo !== void 0 && scope.repositories !== void 0 && !scope.repositories.includes(repo);
    if (outside) return { refused: notFound() };
    const required = REQUIRED_PERMISSION[operationKey];
    if (!required) throw new Error(`the stand-in knows no permission for ${operationKey}`);
    const allowed = required.names.includes("metadata") || required.names.some((name) => grants(scope.permissions[name], required.access));
    return allowed ? { caller: app } : { refused: refuse(403, "Resource not accessible by integration") };
  }
  function installationBody(installation) {
    const account = ownerAccount(installation.account);
    return {
      id: installation.id,
      client_id: installation.app.clientId,
      account: simpleUser(site, account),
      repository_selection: installation.repositories === void 0 ? "all" : "selected",
      access_tokens_url: `${site.apiUrl}/app/installations/${installation.id}/access_tokens`,
      repositories_url: `${site.apiUrl}/installation/repositories`,
      html_url: `${WEB_URL}/organizations/${installation.account}/settings/installations/${installation.id}`,
      app_id: installation.app.id,
      app_slug: installation.app.slug,
      target_id: account.id,
      target_type: account.type,
      permissions: { ...installation.permissions, metadata: "read" },
      events: [],
      created_at: installation.createdAt,
      updated_at: installation.createdAt,
      single_file_name: null,
      has_multiple_single_files: false,
      single_file_paths: [],
      suspended_by: null,
      suspended_at: null
    };
  }
  const getRepositoryInstallation = (request) => {
    const { owner, repo } = request.path;
    const installation = installations.find(
      (candidate) => candidate.app.id === request.caller.id && candidate.account === owner && (candidate.repositories === void 0 || candidate.repositories.includes(String(repo)))
    );
    return installation ? { status: 200, body: installationBody(installation) } : notFound();
  };
  const createAccessToken = (request) => {
    const installation = installations.find(
      (candidate) => candidate.id === request.path.installation_id && candidate.app.id === request.caller.id
    );
    if (!installation) return notFound();
    const body = request.body ?? {};
    if (body.repository_ids !== void 0) {
      throw new Error("the stand-in scopes tokens by repository name only");
    }
    const reachable = (name) => installation.repositories === void 0 || installation.repositories.includes(name);
    if (body.repositories && !body.repositories.every(reachable)) {
      return refuse(
        422,
        "There is at least one repository that does not exist or is not accessible to the parent installation."
      );
    }
    const permissions = body.permissions ?? installation.permissions;
    const overreach = Object.entries(permissions).some(
      ([name, access]) => !grants(installation.permissions[name], access)
    );
    if (overreach) return refuse(422, "The permissions requested are not granted to this installation.");
    const token = `ghs_${randomBytes(27).toString("base64url").replace(/[-_]/g, "0").slice(0, 36)}`;
    const issued = {
      installationId: installation.id,
      appId: installation.app.id,
      permissions,
      repositories: body.repositories ?? installation.repositories,
      expiresAt: timestamp(new Date(Date.now() + TOKEN_LIFETIME_MS)),
      installation
    };
    tokens.set(token, issued);
    const repositories = issued.repositories?.map((name) => repository(site, installation.account, name));
    return {
      status: 201,
      body: {
        token,
        expires_at: issued.expiresAt,
        permissions: { ...permissions, metadata: "read" },
        repository_selection: issued.repositories === void 0 ? "all" : "selected",
        ...repositories ? { repositories } : {}
      }
    };
  };
  return {
    installApp,
    authenticate,
    authorize,
    handlers: {
      "GET /repos/{owner}/{repo}/installation": getRepositoryInstallation,
      "POST /app/installations/{installation_id}/access_tokens": createAccessToken
    },
    issuedTokens: () => [...tokens.values()].map(({ installation: _installation, ...record }) => structuredClone(record))
  };
}

// test/support/github-api/attestations.ts
function readStatement(bundle) {
  const payload = bundle.dsseEnvelope?.payload;
  if (typeof payload !== "string") return void 0;
  try {
    return JSON.parse(Buffer.from(payload, "base64").toString("utf8"));
  } catch {
    return void 0;
  }
}
var cursorOf = (id) => Buffer.from(String(id)).toString("base64url");
var idOfCursor = (cursor) => Number(Buffer.from(String(cursor), "base64url").toString("utf8"));
function createAttestationStore() {
  const attestations = [];
  const create = (request) => {
    const bundle = request.body.bundle;
    const statement = readStatement(bundle);
    const subjectDigests = (statement?.subject ?? []).flatMap(
      (subject) => Object.entries(subject.digest ?? {}).map(([algorithm, hex]) => `${algorithm}:${hex}`)
    );
    if (subjectDigests.length === 0 || typeof statement?.predicateType !== "string") {
      return validationFailed("Attestation", "bundle.dsseEnvelope.payload", "invalid");
    }
    const record = {
      id: 7000001 + attestations.length,
      owner: String(request.path.owner),
      repo: String(request.path.repo),
      subjectDigests,
      predicateType: statement.predicateType,
      bundle
    };
    attestations.push(record);
    return { status: 201, body: { id: record.id } };
  };
  function list(request, inScope) {
    const { subject_digest: digest } = request.path;
    const { per_page: perPage, after, before, predicate_type: predicateType } = request.query;
    const matching = attestations.filter(
      (record) => inScope(record) && record.subjectDigests.includes(String(digest)) && (predicateType === void 0 || record.predicateType === predicateType)
    );
    const afterId = after === void 0 ? -Infinity : idOfCursor(after);
    const beforeId = before === void 0 ? Infinity : idOfCursor(before);
    const window = matching.filter((record) => record.id > afterId && record.id < beforeId);
    const size = Math.min(Number(perPage), 100);
    const page = before === void 0 ? window.slice(0, size) : window.slice(-size);
    const first = page[0];
    const last = page[page.length - 1];
    const links = [];
    const linkTo = (name, id, rel) => {
      const url = new URL(request.url);
      url.searchParams.delete("after");
      url.searchParams.delete("before");
      url.searchParams.set(name, cursorOf(id));
      links.push(`<${url.href}>; rel="${rel}"`);
    };
    if (last && matching.some((record) => record.id > last.id)) linkTo("after", last.id, "next");
    if (first && matching.some((record) => record.id < first.id)) linkTo("before", first.id, "prev");
    return {
      status: 200,
      body: {
        attestations: page.map((record) => ({
          bundle: record.bundle,
          repository_id: repositoryId(record.owner, record.repo)
        }))
      },
      ...links.length > 0 ? { headers: { link: links.join(", ") } } : {}
    };
  }
  return {
    handlers: {
      "POST /repos/{owner}/{repo}/attestations": create,
      "GET /repos/{owner}/{repo}/attestations/{subject_digest}": (request) => list(request, (record) => record.owner === request.path.owner && record.repo === request.path.repo),
      "GET /orgs/{org}/attestations/{subject_digest}": (request) => list(request, (record) => record.owner === request.path.org)
    },
    attestations: () => structuredClone(attestations)
  };
}

// test/support/github-api/check-runs.ts
var FIRST_CHECK_RUN_ID = 30000000001;
function createCheckRunStore(site) {
  const runs = [];
  const suiteIds = /* @__PURE__ */ new Map();
  function suiteId(run2) {
    const key = `${run2.owner}/${run2.repo}@${run2.head_sha}/${run2.app.id}`;
    let id = suiteIds.get(key);
    if (id === void 0) {
      id = 20000000001 + suiteIds.size;
      suiteIds.set(key, id);
    }
    return id;
  }
  function toResponse(run2) {
    const url = `${site.apiUrl}/repos/${run2.owner}/${run2.repo}/check-runs/${run2.id}`;
    const htmlUrl = `${WEB_URL}/${run2.owner}/${run2.repo}/runs/${run2.id}`;
    return {
      id: run2.id,
      name: run2.name,
      node_id: nodeId("CR", run2.id),
      head_sha: run2.head_sha,
      external_id: run2.external_id,
      url,
      html_url: htmlUrl,
      details_url: run2.details_url ?? htmlUrl,
      status: run2.status,
      conclusion: run2.conclusion,
      started_at: run2.started_at,
      completed_at: run2.completed_at,
      output: {
        ...run2.output,
        annotations_count: run2.annotations.length,
        annotations_url: `${url}/annotations`
      },
      check_suite: { id: suiteId(run2) },
      app: integration(site, run2.app),
      pull_requests: []
    };
  }
  function findRun(request) {
    const { owner, repo, check_run_id: id } = request.path;
    return runs.find((run2) => run2.id === id && run2.owner === owner && run2.repo === repo);
  }
  function ruleViolation(body, current) {
    const concluded = body.conclusion !== void 0 || (current?.conclusion ?? null) !== null;
    if ((body.status === "completed" || body.completed_at !== void 0) && !concluded) {
      return validationFailed("CheckRun", "conclusion", "missing_field");
    }
    if (body.conclusion === "stale") return validationFailed("CheckRun", "conclusion", "invalid");
    if (["waiting", "requested", "pending"].includes(body.status ?? "")) {
      return validationFailed("CheckRun", "status", "invalid");
    }
    if (body.output && body.output.title === void 0) {
      return validationFailed("CheckRun", "output.title", "missing_field");
    }
    const badColumns = (body.output?.annotations ?? []).findIndex(
      (a) => (a.start_column !== void 0 || a.end_column !== void 0) && a.start_line !== a.end_line
    );
    if (badColumns >= 0) {
      return validationFailed("CheckRun", `output.annotations[${badColumns}].start_column`, "invalid");
    }
    return void 0;
  }
  function applyOutput(run2, output) {
    if (!output) return;
    run2.output = {
      title: output.title ?? run2.output.title,
      summary: output.summary ?? run2.output.summary,
      text: output.text ?? run2.output.text
    };
    run2.annotations.push(...output.annotations ?? []);
  }
  const create = (request) => {
    const body = request.body;
    const rejected = ruleViolation(body, void 0);
    if (rejected) return rejected;
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(body.head_sha))
      return validationFailed("CheckRun", "head_sha", "invalid");
    const now = timestamp();
    const concluded = body.conclusion !== void 0;
    const run2 = {
      id: FIRST_CHECK_RUN_ID + runs.length,
      owner: String(request.path.owner),
      repo: String(request.path.repo),
      name: body.name,
      head_sha: body.head_sha,
      status: concluded ? "completed" : body.status ?? "queued",
      conclusion: body.conclusion ?? null,
      started_at: body.started_at ?? now,
      completed_at: concluded ? body.completed_at ?? now : null,
      external_id: body.external_id ?? "",
      details_url: body.details_url ?? null,
      output: { title: null, summary: null, text: null },
      annotations: [],
      app: request.caller
    };
    applyOutput(run2, body.output);
    runs.push(run2);
    return { status: 201, body: toResponse(run2) };
  };
  const update = (request) => {
    const run2 = findRun(request);
    if (!run2) return notFound();
    if (run2.app.id !== request.caller.id) {
      return {
        status: 403,
        body: errorBody(
          403,
          `Invalid app_id \`${request.caller.id}\` - check run can only be modified by the GitHub App that created it.`
        )
      };
    }
    const body = request.body;
    const rejected = ruleViolation(body, run2);
    if (rejected) return rejected;
    run2.name = body.name ?? run2.name;
    run2.details_url = body.details_url ?? run2.details_url;
    run2.external_id = body.external_id ?? run2.external_id;
    run2.started_at = body.started_at ?? run2.started_at;
    if (body.conclusion !== void 0) {
      run2.status = "completed";
      run2.conclusion = body.conclusion;
      run2.completed_at = body.completed_at ?? run2.completed_at ?? timestamp();
    } else if (body.status === "queued" || body.status === "in_progress") {
      run2.status = body.status;
      run2.conclusion = null;
      run2.completed_at = null;
    }
    applyOutput(run2, body.output);
    return { status: 200, body: toResponse(run2) };
  };
  const get = (request) => {
    const run2 = findRun(request);
    return run2 ? { status: 200, body: toResponse(run2) } : notFound();
  };
  const listAnnotations = (request) => {
    const run2 = findRun(request);
    if (!run2) return notFound();
    const page = pageOf(run2.annotations, request);
    const body = page.items.map((annotation) => ({
      path: annotation.path,
      blob_href: `${WEB_URL}/${run2.owner}/${run2.repo}/blob/${run2.head_sha}/${annotation.path}`,
      start_line: annotation.start_line,
      end_line: annotation.end_line,
      start_column: annotation.start_column ?? null,
      end_column: annotation.end_column ?? null,
      annotation_level: annotation.annotation_level,
      title: annotation.title ?? null,
      message: annotation.message,
      raw_details: annotation.raw_details ?? null
    }));
    return { status: 200, body, headers: page.headers };
  };
  const listForRef = (request) => {
    const { owner, repo, ref } = request.path;
    const { check_name: checkName, status, filter, app_id: appId } = request.query;
    const matching = runs.filter(
      (run2) => run2.owner === owner && run2.repo === repo && run2.head_sha === ref && (checkName === void 0 || run2.name === checkName) && (status === void 0 || run2.status === status) && (appId === void 0 || appId === run2.app.id)
    );
    const selected = filter === "all" ? matching : matching.filter(
      (run2) => !matching.some(
        (other) => other.name === run2.name && other.app.id === run2.app.id && other.id > run2.id
      )
    );
    const page = pageOf(selected, request);
    return {
      status: 200,
      body: { total_count: selected.length, check_runs: page.items.map(toResponse) },
      headers: page.headers
    };
  };
  return {
    handlers: {
      "POST /repos/{owner}/{repo}/check-runs": create,
      "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}": update,
      "GET /repos/{owner}/{repo}/check-runs/{check_run_id}": get,
      "GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations": listAnnotations,
      "GET /repos/{owner}/{repo}/commits/{ref}/check-runs": listForRef
    },
    checkRuns: () => structuredClone(runs)
  };
}

// test/support/github-api/contents.ts
import { createHash } from "node:crypto";
var DEFAULT_BRANCH = "main";
function createContentStore(site) {
  const files = /* @__PURE__ */ new Map();
  const keyOf = (owner, repo, path, ref) => `${owner}/${repo}@${ref}:${path}`;
  const get = (request) => {
    const owner = String(request.path.owner);
    const repo = String(request.path.repo);
    const path = String(request.path.path).replace(/^\/+/, "");
    const ref = request.query.ref === void 0 ? DEFAULT_BRANCH : String(request.query.ref);
    const text = files.get(keyOf(owner, repo, path, ref));
    if (text === void 0) return notFound();
    const bytes = Buffer.from(text, "utf8");
    const sha = createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
    const url = `${site.apiUrl}/repos/${owner}/${repo}/contents/${path}?ref=${encodeURIComponent(ref)}`;
    const gitUrl = `${site.apiUrl}/repos/${owner}/${repo}/git/blobs/${sha}`;
    const htmlUrl = `${WEB_URL}/${owner}/${repo}/blob/${ref}/${path}`;
    return {
      status: 200,
      body: {
        type: "file",
        encoding: "base64",
        size: bytes.length,
        name: path.split("/").pop(),
        path,
        content: `${(bytes.toString("base64").match(/.{1,60}/g) ?? []).join("\n")}
`,
        sha,
        url,
        git_url: gitUrl,
        html_url: htmlUrl,
        download_url: `https://raw.githubusercontent.com/${owner}/${repo}/${ref}/${path}`,
        _links: { self: url, git: gitUrl, html: htmlUrl }
      }
    };
  };
  return {
    handlers: { "GET /repos/{owner}/{repo}/contents/{path}": get },
    setContent(owner, repo, path, ref, text) {
      files.set(keyOf(owner, repo, path, ref), text);
    }
  };
}

// test/support/github-api/code-scanning.ts
import { gunzipSync } from "node:zlib";
function createCodeScanningStore(site) {
  const uploads = [];
  const upload = (request) => {
    const body = request.body;
    let sarif;
    try {
      sarif = JSON.parse(gunzipSync(Buffer.from(body.sarif, "base64")).toString("utf8"));
    } catch {
      return {
        status: 400,
        body: errorBody(400, "Invalid SARIF: the upload is not a gzip-compressed SARIF file")
      };
    }
    if (sarif.version !== "2.1.0" || !Array.isArray(sarif.runs)) {
      return { status: 400, body: errorBody(400, "Invalid SARIF: not a SARIF 2.1.0 log") };
    }
    const id = `00000000-0000-4000-8000-${String(uploads.length + 1).padStart(12, "0")}`;
    uploads.push({
      id,
      owner: String(request.path.owner),
      repo: String(request.path.repo),
      commit_sha: body.commit_sha,
      ref: body.ref,
      sarif
    });
    return {
      status: 202,
      body: {
        id,
        url: `${site.apiUrl}/repos/${request.path.owner}/${request.path.repo}/code-scanning/sarifs/${id}`
      }
    };
  };
  return {
    handlers: {
      "POST /repos/{owner}/{repo}/code-scanning/sarifs": upload
    },
    sarifUploads: () => structuredClone(uploads)
  };
}

// test/support/github-api/issue-comments.ts
function createIssueCommentStore(site) {
  const comments = [];
  function toResponse(comment) {
    const repoUrl = `${site.apiUrl}/repos/${comment.owner}/${comment.repo}`;
    return {
      id: comment.id,
      node_id: nodeId("IC", comment.id),
      url: `${repoUrl}/issues/comments/${comment.id}`,
      html_url: `${WEB_URL}/${comment.owner}/${comment.repo}/issues/${comment.issue_number}#issuecomment-${comment.id}`,
      body: comment.body,
      user: simpleUser(site, comment.author),
      created_at: comment.created_at,
      updated_at: comment.updated_at,
      issue_url: `${repoUrl}/issues/${comment.issue_number}`,
      author_association: "NONE",
      performed_via_github_app: null
    };
  }
  const list = (request) => {
    const { owner, repo, issue_number: issueNumber } = request.path;
    const since = request.query.since === void 0 ? void 0 : Date.parse(String(request.query.since));
    const matching = comments.filter(
      (comment) => comment.owner === owner && comment.repo === repo && comment.issue_number === issueNumber && (since === void 0 || Date.parse(comment.updated_at) >= since)
    );
    const page = pageOf(matching, request);
    return { status: 200, body: page.items.map(toResponse), headers: page.headers };
  };
  const create = (request) => {
    const now = timestamp();
    const comment = {
      id: 2500000001 + comments.length,
      owner: String(request.path.owner),
      repo: String(request.path.repo),
      issue_number: Number(request.path.issue_number),
      body: request.body.body,
      created_at: now,
      updated_at: now,
      author: request.caller.bot
    };
    comments.push(comment);
    return { status: 201, body: toResponse(comment) };
  };
  const update = (request) => {
    const { owner, repo, comment_id: id } = request.path;
    const comment = comments.find((c) => c.id === id && c.owner === owner && c.repo === repo);
    if (!comment) return notFound();
    comment.body = request.body.body;
    comment.updated_at = timestamp();
    return { status: 200, body: toResponse(comment) };
  };
  return {
    handlers: {
      "GET /repos/{owner}/{repo}/issues/{issue_number}/comments": list,
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments": create,
      "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}": update
    },
    issueComments: (owner, repo, issueNumber) => structuredClone(
      comments.filter((c) => c.owner === owner && c.repo === repo && c.issue_number === issueNumber)
    )
  };
}

// test/support/github-api/issues.ts
function createIssueStore(site) {
  const issues = [];
  const labels = [];
  const numbers = /* @__PURE__ */ new Map();
  const nextTime = () => timestamp();
  function labelResponse(label) {
    return {
      id: label.id,
      node_id: nodeId("LA", label.id),
      url: `${site.apiUrl}/repos/${label.owner}/${label.repo}/labels/${encodeURIComponent(label.name)}`,
      name: label.name,
      description: label.description,
      color: label.color,
      default: false
    };
  }
  function issueResponse(issue) {
    const url = `${site.apiUrl}/repos/${issue.owner}/${issue.repo}/issues/${issue.number}`;
    return {
      id: issue.id,
      node_id: nodeId("I", issue.id),
      url,
      repository_url: `${site.apiUrl}/repos/${issue.owner}/${issue.repo}`,
      labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`,
      events_url: `${url}/events`,
      html_url: `${WEB_URL}/${issue.owner}/${issue.repo}/issues/${issue.number}`,
      number: issue.number,
      state: issue.state,
      state_reason: issue.state_reason,
      title: issue.title,
      body: issue.body,
      user: simpleUser(site, issue.author),
      labels: issue.labels.map((name) => {
        const label = labels.find((l) => l.owner === issue.owner && l.repo === issue.repo && l.name === name);
        return label ? labelResponse(label) : name;
      }),
      assignee: null,
      assignees: [],
      milestone: null,
      locked: false,
      comments: 0,
      created_at: issue.created_at,
      updated_at: issue.updated_at,
      closed_at: issue.closed_at,
      author_association: "NONE"
    };
  }
  const inRepo = (owner, repo) => (issue) => issue.owner === owner && issue.repo === repo;
  const list = (request) => {
    const { owner, repo } = request.path;
    const { state = "open", labels: wanted, since, sort = "created", direction = "desc" } = request.query;
    const labelNames = typeof wanted === "string" ? wanted.split(",").filter(Boolean) : [];
    const sinceTime = typeof since === "string" ? Date.parse(since) : void 0;
    const matching = issues.filter(inRepo(owner, repo)).filter((issue) => state === "all" || issue.state === state).filter((issue) => labelNames.every((name) => issue.labels.includes(name))).filter((issue) => sinceTime === void 0 || Date.parse(issue.updated_at) >= sinceTime).sort((a, b) => {
      const key = sort === "updated" ? "updated_at" : "created_at";
      const order = a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : a.number - b.number;
      return direction === "asc" ? order : -order;
    });
    const page = pageOf(matching, request);
    return { status: 200, body: page.items.map(issueResponse), headers: page.headers };
  };
  const create = (request) => {
    const owner = String(request.path.owner);
    const repo = String(request.path.repo);
    const body = request.body;
    const number = (numbers.get(`${owner}/${repo}`) ?? 0) + 1;
    numbers.set(`${owner}/${repo}`, number);
    const now = nextTime();
    const names = (body.labels ?? []).map(
      (label) => typeof label === "string" ? label : label.name ?? ""
    );
    for (const name of names) ensureLabel(owner, repo, name);
    const issue = {
      id: 3e9 + issues.length,
      number,
      owner,
      repo,
      title: String(body.title),
      body: body.body ?? "",
      state: "open",
      state_reason: null,
      labels: names,
      author: request.caller.bot,
      created_at: now,
      updated_at: now,
      closed_at: null
    };
    issues.push(issue);
    return { status: 201, body: issueResponse(issue) };
  };
  const find = (request) => issues.find(
    (issue) => inRepo(request.path.owner, request.path.repo)(issue) && issue.number === request.path.issue_number
  );
  const update = (request) => {
    const issue = find(request);
    if (!issue) return notFound();
    const change = request.body;
    if (change.title !== void 0 && change.title !== null) issue.title = String(change.title);
    if (change.body !== void 0) issue.body = change.body ?? "";
    if (change.labels !== void 0) {
      issue.labels = change.labels.map((label) => typeof label === "string" ? label : label.name ?? "");
      for (const name of issue.labels) ensureLabel(issue.owner, issue.repo, name);
    }
    const now = nextTime();
    if (change.state !== void 0 && change.state !== issue.state) {
      issue.state = change.state;
      issue.closed_at = change.state === "closed" ? now : null;
      issue.state_reason = change.state_reason ?? (change.state === "closed" ? "completed" : "reopened");
    }
    issue.updated_at = now;
    return { status: 200, body: issueResponse(issue) };
  };
  function ensureLabel(owner, repo, name) {
    const known = labels.find(
      (label2) => inRepo(owner, repo)(label2) && label2.name.toLowerCase() === name.toLowerCase()
    );
    if (known) return known;
    const label = {
      id: 4e6 + labels.length,
      owner,
      repo,
      name,
      color: "ededed",
      description: null
    };
    labels.push(label);
    return label;
  }
  const getLabel = (request) => {
    const label = labels.find(
      (l) => inRepo(request.path.owner, request.path.repo)(l) && l.name.toLowerCase() === String(request.path.name).toLowerCase()
    );
    return label ? { status: 200, body: labelResponse(label) } : notFound();
  };
  const createLabel = (request) => {
    const owner = String(request.path.owner);
    const repo = String(request.path.repo);
    const body = request.body;
    if (labels.some((l) => inRepo(owner, repo)(l) && l.name.toLowerCase() === body.name.toLowerCase())) {
      return {
        status: 422,
        body: errorBody(422, "Validation Failed", [
          { resource: "Label", code: "already_exists", field: "name" }
        ]),
        // GitHub's answer to a well-formed request that lost a race: the client's to handle.
        wellFormed: true
      };
    }
    const label = {
      id: 4e6 + labels.length,
      owner,
      repo,
      name: body.name,
      color: body.color ?? "ededed",
      description: body.description ?? null
    };
    labels.push(label);
    return { status: 201, body: labelResponse(label) };
  };
  const search = (request) => {
    const q = String(request.query.q);
    const terms = [...q.matchAll(/"([^"]*)"|(\S+)/g)].map(
      (m) => m[1] !== void 0 ? { phrase: m[1], word: "" } : { phrase: void 0, word: m[2] }
    );
    let matching = [...issues];
    for (const term of terms) {
      if (term.phrase !== void 0) {
        const phrase = term.phrase;
        matching = matching.filter((issue) => `${issue.title}
${issue.body}`.includes(phrase));
        continue;
      }
      const [qualifier, value = ""] = term.word.split(/:(.*)/s);
      if (qualifier === "repo") {
        const [owner, repo] = value.split("/");
        matching = matching.filter(inRepo(owner, repo));
      } else if (qualifier === "is" && value === "issue") {
      } else if (qualifier === "label") {
        matching = matching.filter((issue) => issue.labels.includes(value));
      } else if (qualifier === "in" && value === "body") {
      } else {
        return { status: 422, body: errorBody(422, `the stand-in does not search by ${term.word}`) };
      }
    }
    const page = pageOf(matching, request);
    return {
      status: 200,
      body: {
        total_count: matching.length,
        incomplete_results: false,
        search_type: "lexical",
        items: page.items.map((issue) => ({ ...issueResponse(issue), score: 1 }))
      },
      headers: page.headers
    };
  };
  return {
    handlers: {
      "GET /repos/{owner}/{repo}/issues": list,
      "POST /repos/{owner}/{repo}/issues": create,
      "PATCH /repos/{owner}/{repo}/issues/{issue_number}": update,
      "GET /repos/{owner}/{repo}/labels/{name}": getLabel,
      "POST /repos/{owner}/{repo}/labels": createLabel,
      "GET /search/issues": search
    },
    issues: (owner, repo) => structuredClone(issues.filter(inRepo(owner, repo))),
    labels: (owner, repo) => structuredClone(labels.filter(inRepo(owner, repo))),
    /** What a person does in the web UI: edit an issue (take a label off, close it). */
    editIssue(owner, repo, number, change) {
      const issue = issues.find((i) => inRepo(owner, repo)(i) && i.number === number);
      if (!issue) throw new Error(`no issue #${number} in ${owner}/${repo}`);
      Object.assign(issue, change, { updated_at: nextTime() });
      for (const name of issue.labels) ensureLabel(owner, repo, name);
    }
  };
}

// test/support/github-api/openapi.ts
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
var addFormats = addFormatsModule.default;
var operationsFile = new URL("../../fixtures/third-party/github-openapi/operations.json", import.meta.url);
var specs = JSON.parse(readFileSync(operationsFile, "utf8")).operations;
var MULTI_SEGMENT_PARAMETERS = /* @__PURE__ */ new Set(["path", "ref", "branch"]);
var operations = Object.keys(specs).map((key) => {
  const [method = "", template = ""] = key.split(" ");
  const pathParameterNames = [];
  const source = template.split(/(\{[a-z_]+\})/).map((part) => {
    const name = /^\{([a-z_]+)\}$/.exec(part)?.[1];
    if (name === void 0) return part.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
    pathParameterNames.push(name);
    return MULTI_SEGMENT_PARAMETERS.has(name) ? "(.+)" : "([^/]+)";
  }).join("");
  return {
    key,
    method,
    pattern: new RegExp(`^${source}$`),
    pathParameterNames
  };
});
function findOperation(method, pathname) {
  for (const operation of operations) {
    if (operation.method !== method) continue;
    const match = operation.pattern.exec(pathname);
    if (!match) continue;
    try {
      const pathParameters = Object.fromEntries(
        operation.pathParameterNames.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? "")])
      );
      return { operation, pathParameters };
    } catch {
      return void 0;
    }
  }
  return void 0;
}
function isOperationKey(key) {
  return key in specs;
}
function toJsonSchema(schema) {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (typeof schema !== "object" || schema === null) return schema;
  const converted = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === "nullable") continue;
    if (keyword === "properties" && typeof value === "object" && value !== null) {
      converted[keyword] = Object.fromEntries(
        Object.entries(value).map(([name, s]) => [name, toJsonSchema(s)])
      );
    } else if (["enum", "const", "default", "example", "examples", "required"].includes(keyword)) {
      converted[keyword] = value;
    } else {
      converted[keyword] = toJsonSchema(value);
    }
  }
  if (schema.nullable !== true) return converted;
  if (typeof converted.type !== "string") return { anyOf: [converted, { type: "null" }] };
  converted.type = [converted.type, "null"];
  if (Array.isArray(converted.enum)) converted.enum = [...converted.enum, null];
  return converted;
}
function newAjv(coerceTypes) {
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes, useDefaults: coerceTypes });
  addFormats(ajv);
  return ajv;
}
var parameterAjv = newAjv(true);
var documentAjv = newAjv(false);
var compiled = /* @__PURE__ */ new Map();
function compile(cacheKey, ajv, schema) {
  let validate = compiled.get(cacheKey);
  if (!validate) {
    validate = ajv.compile(toJsonSchema(schema()));
    compiled.set(cacheKey, validate);
  }
  return validate;
}
function specOf(operation) {
  const spec = specs[operation.key];
  if (!spec) throw new Error(`no operation ${operation.key} in operations.json`);
  return spec;
}
function run(validate, data) {
  return { value: data, errors: validate(data) ? [] : [...validate.errors ?? []] };
}
function validateParameters(operation, location, values) {
  const validate = compile(`${operation.key} ${location}`, parameterAjv, () => {
    const parameters = specOf(operation).parameters.filter((parameter) => parameter.in === location);
    return {
      type: "object",
      properties: Object.fromEntries(parameters.map((parameter) => [parameter.name, parameter.schema])),
      required: parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
      additionalProperties: false
    };
  });
  return run(validate, { ...values });
}
function validateRequestBody(operation, body) {
  const schema = specOf(operation).requestBody;
  if (!schema) return { value: body, errors: [] };
  return run(
    compile(`${operation.key} body`, documentAjv, () => schema),
    body
  );
}
function validateResponseBody(operation, status, body) {
  const schema = specOf(operation).responses[String(status)]?.schema;
  if (!schema) return [];
  return run(
    compile(`${operation.key} ${status}`, documentAjv, () => schema),
    body
  ).errors;
}

// test/support/github-api/pull-requests.ts
function createPullRequestStore(site) {
  const pulls = /* @__PURE__ */ new Map();
  const keyOf = (owner, repo, number) => `${owner}/${repo}#${number}`;
  function branch(label, owner, repo) {
    return {
      label: `${owner}:${label.ref}`,
      ref: label.ref,
      sha: label.sha,
      user: simpleUser(site, ownerAccount(owner)),
      repo: repository(site, owner, repo)
    };
  }
  const get = (request) => {
    const { owner, repo, pull_number: number } = request.path;
    const pull = pulls.get(keyOf(String(owner), String(repo), Number(number)));
    if (!pull) return notFound();
    const { seed, createdAt } = pull;
    const [headOwner = pull.owner, headRepo = pull.repo] = seed.head.repo?.split("/") ?? [];
    const url = `${site.apiUrl}/repos/${pull.owner}/${pull.repo}/pulls/${seed.number}`;
    const issueUrl = `${site.apiUrl}/repos/${pull.owner}/${pull.repo}/issues/${seed.number}`;
    const htmlUrl = `${WEB_URL}/${pull.owner}/${pull.repo}/pull/${seed.number}`;
    const statusesUrl = `${site.apiUrl}/repos/${headOwner}/${headRepo}/statuses/${seed.head.sha}`;
    const id = 18e8 + seed.number;
    const closed = seed.state === "closed";
    return {
      status: 200,
      body: {
        url,
        id,
        node_id: nodeId("PR", id),
        html_url: htmlUrl,
        diff_url: `${htmlUrl}.diff`,
        patch_url: `${htmlUrl}.patch`,
        issue_url: issueUrl,
        commits_url: `${url}/commits`,
        review_comments_url: `${url}/comments`,
        review_comment_url: `${site.apiUrl}/repos/${pull.owner}/${pull.repo}/pulls/comments{/number}`,
        comments_url: `${issueUrl}/comments`,
        statuses_url: statusesUrl,
        number: seed.number,
        state: seed.state ?? "open",
        locked: false,
        title: seed.title ?? `Pull request #${seed.number}`,
        user: simpleUser(site, { ...ownerAccount(seed.author ?? headOwner), type: "User" }),
        body: null,
        labels: [],
        milestone: null,
        active_lock_reason: null,
        created_at: createdAt,
        updated_at: createdAt,
        closed_at: closed ? createdAt : null,
        merged_at: null,
        merge_commit_sha: null,
        assignee: null,
        assignees: [],
        requested_reviewers: [],
        requested_teams: [],
        head: branch(seed.head, headOwner, headRepo),
        base: branch(seed.base, pull.owner, pull.repo),
        _links: {
          self: { href: url },
          html: { href: htmlUrl },
          issue: { href: issueUrl },
          comments: { href: `${issueUrl}/comments` },
          review_comments: { href: `${url}/comments` },
          review_comment: { href: `${site.apiUrl}/repos/${pull.owner}/${pull.repo}/pulls/comments{/number}` },
          commits: { href: `${url}/commits` },
          statuses: { href: statusesUrl }
        },
        author_association: headOwner === pull.owner ? "MEMBER" : "CONTRIBUTOR",
        auto_merge: null,
        draft: seed.draft ?? false,
        merged: false,
        mergeable: true,
        rebaseable: true,
        mergeable_state: "clean",
        merged_by: null,
        comments: 0,
        review_comments: 0,
        maintainer_can_modify: headOwner !== pull.owner,
        commits: 1,
        additions: 1,
        deletions: 0,
        changed_files: 1
      }
    };
  };
  return {
    handlers: { "GET /repos/{owner}/{repo}/pulls/{pull_number}": get },
    setPullRequest(owner, repo, seed) {
      pulls.set(keyOf(owner, repo, seed.number), {
        owner,
        repo,
        seed: structuredClone(seed),
        createdAt: timestamp()
      });
    }
  };
}

// test/support/github-api/rulesets.ts
var DEFAULT_BRANCH2 = "main";
function globMatches(pattern, text) {
  const source = pattern.split(/(\*\*|\*|\?)/).map(
    (part) => part === "**" ? ".*" : part === "*" ? "[^/]*" : part === "?" ? "[^/]" : part.replace(/[.+^${}()|[\]\\]/g, "\\$&")
  ).join("");
  return new RegExp(`^${source}$`).test(text);
}
function matchesPatterns(patterns, value, special) {
  const matches = (pattern) => special[pattern] ?? globMatches(pattern, value);
  return (patterns?.include ?? []).some(matches) && !(patterns?.exclude ?? []).some(matches);
}
function createRulesetStore(site) {
  const rulesets = [];
  function sourceName(source) {
    return source.type === "Repository" ? `${source.owner}/${source.repo}` : source.org;
  }
  function links(ruleset) {
    const { source, id } = ruleset;
    return source.type === "Repository" ? {
      self: { href: `${site.apiUrl}/repos/${source.owner}/${source.repo}/rulesets/${id}` },
      html: { href: `${WEB_URL}/${source.owner}/${source.repo}/rules/${id}` }
    } : {
      self: { href: `${site.apiUrl}/orgs/${source.org}/rulesets/${id}` },
      html: { href: `${WEB_URL}/organizations/${source.org}/settings/rules/${id}` }
    };
  }
  function toResponse(ruleset, full) {
    return {
      id: ruleset.id,
      name: ruleset.name,
      target: ruleset.target,
      source_type: ruleset.source.type,
      source: sourceName(ruleset.source),
      enforcement: ruleset.enforcement,
      node_id: nodeId("RRS", ruleset.id),
      _links: links(ruleset),
      created_at: ruleset.created_at,
      updated_at: ruleset.created_at,
      ...full ? {
        bypass_actors: ruleset.bypass_actors,
        current_user_can_bypass: "never",
        conditions: ruleset.conditions,
        rules: ruleset.rules
      } : {}
    };
  }
  function appliesToRepository(ruleset, owner, repo) {
    const { source } = ruleset;
    if (source.type === "Repository") return source.owner === owner && source.repo === repo;
    if (source.org !== owner) return false;
    const conditions = ruleset.conditions ?? {};
    if (conditions.repository_id) {
      return (conditions.repository_id.repository_ids ?? []).includes(repositoryId(owner, repo));
    }
    if (conditions.repository_property) return false;
    return matchesPatterns(conditions.repository_name, repo, { "~ALL": true });
  }
  function appliesToBranch(ruleset, branch) {
    if (ruleset.target !== "branch") return false;
    return matchesPatterns(ruleset.conditions?.ref_name, `refs/heads/${branch}`, {
      "~ALL": true,
      "~DEFAULT_BRANCH": branch === DEFAULT_BRANCH2
    });
  }
  function create(request, source) {
    const body = request.body;
    const target = body.target ?? "branch";
    if (rulesets.some((other) => sourceName(other.source) === sourceName(source) && other.name === body.name)) {
      const error = {
        resource: "Ruleset",
        field: "name",
        code: "already_exists",
        message: "Name must be unique"
      };
      return { status: 422, body: errorBody(422, "Validation Failed", [error]) };
    }
    if ((target === "branch" || target === "tag") && !body.conditions?.ref_name) {
      return validationFailed("Ruleset", "conditions.ref_name", "missing_field");
    }
    const ruleset = {
      id: 4000001 + rulesets.length,
      source,
      name: body.name,
      target,
      enforcement: body.enforcement,
      bypass_actors: body.bypass_actors ?? [],
      conditions: body.conditions ?? null,
      rules: body.rules ?? [],
      created_at: timestamp()
    };
    rulesets.push(ruleset);
    return { status: 201, body: toResponse(ruleset, true) };
  }
  const createForRepository = (request) => create(request, {
    type: "Repository",
    owner: String(request.path.owner),
    repo: String(request.path.repo)
  });
  const createForOrganization = (request) => create(request, { type: "Organization", org: String(request.path.org) });
  const listForRepository = (request) => {
    const owner = String(request.path.owner);
    const repo = String(request.path.repo);
    const targets = request.query.targets === void 0 ? void 0 : String(request.query.targets).split(",");
    const matching = rulesets.filter(
      (ruleset) => appliesToRepository(ruleset, owner, repo) && (ruleset.source.type === "Repository" || request.query.includes_parents !== false) && (targets === void 0 || targets.includes(ruleset.target))
    );
    const page = pageOf(matching, request);
    return {
      status: 200,
      body: page.items.map((ruleset) => toResponse(ruleset, false)),
      headers: page.headers
    };
  };
  const rulesForBranch = (request) => {
    const owner = String(request.path.owner);
    const repo = String(request.path.repo);
    const branch = String(request.path.branch);
    const rules = rulesets.filter(
      (ruleset) => ruleset.enforcement === "active" && appliesToRepository(ruleset, owner, repo) && appliesToBranch(ruleset, branch)
    ).flatMap(
      (ruleset) => ruleset.rules.map((rule) => ({
        ...rule,
        ruleset_source_type: ruleset.source.type,
        ruleset_source: sourceName(ruleset.source),
        ruleset_id: ruleset.id
      }))
    );
    const page = pageOf(rules, request);
    return { status: 200, body: page.items, headers: page.headers };
  };
  return {
    handlers: {
      "POST /repos/{owner}/{repo}/rulesets": createForRepository,
      "POST /orgs/{org}/rulesets": createForOrganization,
      "GET /repos/{owner}/{repo}/rulesets": listForRepository,
      "GET /repos/{owner}/{repo}/rules/branches/{branch}": rulesForBranch
    }
  };
}

// test/support/github-api/statuses.ts
function createStatusStore(site) {
  const statuses = [];
  const create = (request) => {
    const sha = String(request.path.sha);
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha)) return validationFailed("Status", "sha", "invalid");
    const body = request.body;
    const status = {
      id: 35000000001 + statuses.length,
      owner: String(request.path.owner),
      repo: String(request.path.repo),
      sha,
      state: body.state,
      target_url: body.target_url ?? null,
      description: body.description ?? null,
      context: body.context ?? "default",
      created_at: timestamp()
    };
    statuses.push(status);
    const creator = simpleUser(site, request.caller.bot);
    return {
      status: 201,
      body: {
        url: `${site.apiUrl}/repos/${status.owner}/${status.repo}/statuses/${sha}`,
        avatar_url: creator.avatar_url,
        id: status.id,
        node_id: nodeId("SC", status.id),
        state: status.state,
        description: status.description,
        target_url: status.target_url,
        context: status.context,
        created_at: status.created_at,
        updated_at: status.created_at,
        creator
      }
    };
  };
  return {
    handlers: { "POST /repos/{owner}/{repo}/statuses/{sha}": create },
    statuses: () => structuredClone(statuses)
  };
}

// test/support/github-api.ts
var SUPPORTED_API_VERSIONS = /* @__PURE__ */ new Set(["2022-11-28"]);
var DEFAULT_FAILURE_MESSAGES = {
  401: "Bad credentials",
  403: "Resource not accessible by integration",
  404: "Not Found",
  422: "Validation Failed"
};
var StandInBug = class extends Error {
};
async function readBody(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}
function headersWithoutAuthorization(request) {
  return Object.fromEntries(
    Object.entries(request.headers).filter(([name]) => name !== "authorization").map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : String(value)])
  );
}
function presentedToken(request) {
  return /^(?:bearer|token) (.+)$/i.exec(request.headers.authorization ?? "")?.[1];
}
function toGitHubErrors(errors) {
  return errors.map((error) => ({
    resource: "Request",
    field: [error.instancePath, error.params.missingProperty ?? error.params.additionalProperty ?? ""].join("/").split("/").filter(Boolean).join("."),
    code: error.keyword === "required" ? "missing_field" : "invalid",
    message: `${error.instancePath || "(root)"} ${error.message ?? "is invalid"}`
  }));
}
function failure(status, message) {
  return { status, body: errorBody(status, message) };
}
async function startGitHubApi(options = {}) {
  const token = options.token ?? "ghs_standInToken0123456789abcdefghijklmnop";
  const site = { apiUrl: "" };
  const checkRuns = createCheckRunStore(site);
  const contents = createContentStore(site);
  const attestations = createAttestationStore();
  const issueComments = createIssueCommentStore(site);
  const pullRequests = createPullRequestStore(site);
  const statuses = createStatusStore(site);
  const apps = createAppStore(site);
  const rulesets = createRulesetStore(site);
  const issues = createIssueStore(site);
  const codeScanning = createCodeScanningStore(site);
  const handlers = {
    ...checkRuns.handlers,
    ...contents.handlers,
    ...attestations.handlers,
    ...issueComments.handlers,
    ...pullRequests.handlers,
    ...statuses.handlers,
    ...apps.handlers,
    ...rulesets.handlers,
    ...issues.handlers,
    ...codeScanning.handlers
  };
  const requests = [];
  const violations = [];
  const standInFailures = [];
  const injectedFailures = /* @__PURE__ */ new Map();
  const barriers = /* @__PURE__ */ new Map();
  async function barrierFor(method, path) {
    const key = findOperation(method, path)?.operation.key;
    const barrier = key === void 0 ? void 0 : barriers.get(key);
    if (!barrier || key === void 0) return;
    barrier.remaining -= 1;
    if (barrier.remaining === 0) {
      barriers.delete(key);
      for (const release of barrier.arrived) release();
      return;
    }
    await new Promise((release) => barrier.arrived.push(release));
  }
  function decide(incoming, recorded, unparsableBody) {
    const presented = presentedToken(incoming);
    if (presented === void 0) return { reply: failure(401, "Requires authentication") };
    const credential = presented === token ? { kind: "token", app: GITHUB_ACTIONS_APP } : apps.authenticate(presented);
    if (credential === void 0) return { reply: failure(401, "Bad credentials") };
    if (unparsableBody) return { reply: failure(400, "Problems parsing JSON"), violation: [] };
    const version = incoming.headers["x-github-api-version"];
    if (version !== void 0 && !SUPPORTED_API_VERSIONS.has(String(version))) {
      return {
        reply: failure(400, `Unsupported 'X-GitHub-Api-Version' header: ${String(version)}`),
        violation: []
      };
    }
    const match = findOperation(recorded.method, recorded.path);
    if (!match) return { reply: failure(404, "Not Found"), violation: [] };
    const { operation } = match;
    recorded.operation = operation.key;
    const authorized = apps.authorize(credential, operation.key, match.pathParameters);
    if ("refused" in authorized) return { reply: authorized.refused, operation };
    const path = validateParameters(operation, "path", match.pathParameters);
    const query = validateParameters(operation, "query", recorded.query);
    const body = validateRequestBody(operation, recorded.body);
    const errors = [...path.errors, ...query.errors, ...body.errors];
    if (errors.length > 0) {
      const reply2 = { status: 422, body: errorBody(422, "Validation Failed", toGitHubErrors(errors)) };
      return { reply: reply2, operation, violation: errors };
    }
    const injected = injectedFailures.get(operation.key)?.shift();
    if (injected) return { reply: injected, operation };
    const handler = handlers[operation.key];
    if (!handler) throw new StandInBug(`it does not implement ${operation.key} yet`);
    const url = new URL(incoming.url ?? "/", site.apiUrl);
    const reply = handler({
      path: path.value,
      query: query.value,
      body: body.value,
      url,
      caller: authorized.caller
    });
    return { reply, operation, ...reply.status === 422 && !reply.wellFormed ? { violation: [] } : {} };
  }
  function checkResponse(operation, reply) {
    const errors = validateResponseBody(operation, reply.status, reply.body);
    if (errors.length > 0) {
      const details = errors.map((error) => `${error.instancePath || "(root)"} ${error.message}`).join("; ");
      throw new StandInBug(
        `its ${reply.status} response to ${operation.key} breaks GitHub's schema: ${details}`
      );
    }
  }
  async function serve(incoming, outgoing) {
    const url = new URL(incoming.url ?? "/", site.apiUrl);
    const text = await readBody(incoming);
    let body;
    let unparsableBody = false;
    try {
      body = text === "" ? void 0 : JSON.parse(text);
    } catch {
      unparsableBody = true;
      body = text;
    }
    const recorded = {
      method: incoming.method ?? "GET",
      path: url.pathname,
      operation: void 0,
      query: Object.fromEntries(url.searchParams),
      body,
      headers: headersWithoutAuthorization(incoming),
      status: 0
    };
    requests.push(recorded);
    await barrierFor(recorded.method, recorded.path);
    let outcome;
    try {
      outcome = decide(incoming, recorded, unparsableBody);
      if (outcome.operation) checkResponse(outcome.operation, outcome.reply);
    } catch (error) {
      const message = error instanceof StandInBug ? error.message : `it threw ${String(error)}`;
      standInFailures.push(`${recorded.method} ${recorded.path}: ${message}`);
      outcome = { reply: failure(500, `GitHub API stand-in failure: ${message}`) };
    }
    const { reply, violation } = outcome;
    recorded.status = reply.status;
    if (violation) {
      violations.push({
        request: recorded,
        message: String(reply.body.message),
        errors: violation
      });
    }
    outgoing.writeHead(reply.status, {
      "content-type": "application/json; charset=utf-8",
      "x-github-api-version-selected": "2022-11-28",
      "x-github-media-type": "github.v3; format=json",
      ...reply.headers
    });
    outgoing.end(reply.body === void 0 ? void 0 : JSON.stringify(reply.body));
  }
  const server = createServer((incoming, outgoing) => {
    serve(incoming, outgoing).catch((error) => {
      standInFailures.push(`${incoming.method} ${incoming.url}: it threw ${String(error)}`);
      outgoing.destroy();
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  site.apiUrl = `http://127.0.0.1:${server.address().port}`;
  return {
    url: site.apiUrl,
    token,
    requests,
    violations,
    failNext(operation, status, body) {
      if (!isOperationKey(operation)) throw new Error(`no GitHub operation ${operation} in operations.json`);
      const reply = {
        status,
        body: body ?? errorBody(status, DEFAULT_FAILURE_MESSAGES[status] ?? STATUS_CODES[status] ?? "Error")
      };
      injectedFailures.set(operation, [...injectedFailures.get(operation) ?? [], reply]);
    },
    holdUntilConcurrent(operation, count) {
      if (!isOperationKey(operation)) throw new Error(`no GitHub operation ${operation} in operations.json`);
      barriers.set(operation, { remaining: count, arrived: [] });
    },
    setContent: contents.setContent,
    setPullRequest: pullRequests.setPullRequest,
    installApp: apps.installApp,
    installationTokens: apps.issuedTokens,
    checkRuns: checkRuns.checkRuns,
    attestations: attestations.attestations,
    issueComments: issueComments.issueComments,
    statuses: statuses.statuses,
    issues: issues.issues,
    labels: issues.labels,
    editIssue: issues.editIssue,
    sarifUploads: codeScanning.sarifUploads,
    async stop() {
      await new Promise((resolve, reject) => {
        server.close((error) => error ? reject(error) : resolve());
        server.closeAllConnections();
      });
      if (standInFailures.length > 0) {
        throw new Error(`the GitHub API stand-in failed:
${standInFailures.join("\n")}`);
      }
    }
  };
}
export {
  startGitHubApi
};
