import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  DockerEngineStore,
  OciLayoutStore,
  unpackTar
} from "./chunk-HVIVQOBG.js";
import {
  RegistryStore
} from "./chunk-PWUTPHJS.js";
import {
  reportAsApp
} from "./chunk-AAN6PVVS.js";
import {
  parseApiUrl
} from "./chunk-JGGR3ZSW.js";
import {
  VERSION
} from "./chunk-22SWJURS.js";
import {
  ConfigurationError
} from "./chunk-QCJNFU7Y.js";

// src/adapters/github/create-client.ts
function createGitHubClient(options) {
  if (options.octokit === void 0) parseApiUrl(options.apiUrl ?? "https://api.github.com");
  let loaded;
  const client = () => loaded ??= import("./client-YVBYQNLQ.js").then((module) => module.createGitHubClient(options));
  return {
    createCheckRun: async (request) => (await client()).createCheckRun(request),
    updateCheckRun: async (request) => (await client()).updateCheckRun(request),
    findCheckRun: async (request) => (await client()).findCheckRun(request),
    listIssueComments: async (request) => (await client()).listIssueComments(request),
    createIssueComment: async (request) => (await client()).createIssueComment(request),
    updateIssueComment: async (request) => (await client()).updateIssueComment(request),
    getFileContent: async (request) => (await client()).getFileContent(request),
    listAttestations: async (request) => (await client()).listAttestations(request),
    createAttestation: async (request) => (await client()).createAttestation(request),
    submitDependencySnapshot: async (request) => (await client()).submitDependencySnapshot(request)
  };
}

// src/adapters/oci/archive.ts
import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
var OciArchiveStore = class {
  kind = "oci-layout";
  location;
  path;
  tempDir;
  layout;
  workDir;
  constructor(path, options = {}) {
    this.path = resolve(path);
    this.location = `oci-archive:${this.path}`;
    this.tempDir = options.tempDir ?? tmpdir();
  }
  async resolve(reference) {
    const { store, root } = await this.unpacked();
    return store.resolve({
      kind: "oci-layout",
      path: root,
      ...reference.tag === void 0 ? {} : { tag: reference.tag },
      ...reference.digest === void 0 ? {} : { digest: reference.digest }
    });
  }
  async getManifest(digest) {
    return (await this.unpacked()).store.getManifest(digest);
  }
  async getBlob(digest, maxBytes) {
    return (await this.unpacked()).store.getBlob(digest, maxBytes);
  }
  async findTag(tag) {
    return (await this.unpacked()).store.findTag(tag);
  }
  async listReferrers(digest) {
    const listing = await (await this.unpacked()).store.listReferrers(digest);
    return { ...listing, uri: this.location };
  }
  manifestUri(digestOrTag) {
    return `${this.location}${digestOrTag.startsWith("sha256:") ? "@" : ":"}${digestOrTag}`;
  }
  async close() {
    await this.layout?.catch(() => void 0);
    if (this.workDir) await rm(this.workDir, { recursive: true, force: true });
  }
  unpacked() {
    this.layout ??= this.unpack();
    return this.layout;
  }
  async unpack() {
    const info = await stat(this.path).catch(() => void 0);
    if (!info?.isFile()) {
      throw new ConfigurationError(
        "oci-archive-not-found",
        `no file at ${this.path}: check the oci-archive:PATH reference (oci:PATH reads a layout directory)`
      );
    }
    this.workDir = await mkdtemp(join(this.tempDir, "supply-chain-gate-archive-"));
    const root = join(this.workDir, "layout");
    await mkdir(root);
    const archive = await unpackTar(this.path, root, `the OCI archive ${this.path}`);
    if (!archive.files.has("oci-layout")) {
      throw new ConfigurationError(
        "invalid-oci-archive",
        `${this.path} holds no oci-layout file, so it is not an OCI archive; a docker save from before Docker 25 or from podman is not one: load it into the engine and gate it as docker:NAME`
      );
    }
    return { store: new OciLayoutStore(root), root };
  }
};

// src/adapters/oci/open-image-store.ts
function openImageStore(reference, options = {}) {
  switch (reference.kind) {
    case "registry":
      return new RegistryStore(reference.registry, reference.repository, options);
    case "oci-layout":
      return new OciLayoutStore(reference.path);
    case "oci-archive":
      return new OciArchiveStore(reference.path);
    case "docker":
      return new DockerEngineStore(reference, options.env === void 0 ? {} : { env: options.env });
  }
}

// src/run-deps.ts
function createRunDeps(options) {
  const { env, log, requestLog, maskSecret, workspace, trustedRootPath } = options;
  const registry = {
    credentials: options.registryCredentials,
    githubToken: options.githubToken,
    env,
    ...maskSecret ? { maskSecret } : {}
  };
  return {
    now: options.now ?? (() => /* @__PURE__ */ new Date()),
    log,
    toolVersion: VERSION,
    ...requestLog ? { requestLog } : {},
    ...options.github ? { github: options.github } : {},
    ...options.writeSummary ? { writeSummary: options.writeSummary } : {},
    openImageStore: (reference) => openImageStore(reference, {
      ...registry,
      ...requestLog ? { fetch: requestLog.fetch } : {},
      onRetry: (message) => log.warning(message)
    }),
    loadTrust: async () => (await import("./trusted-root-3MHCZZT6.js")).loadTrustStore({
      trustedRootPath,
      workspace,
      ...options.tufCacheDir ? { tuf: { cacheDir: options.tufCacheDir, log } } : {}
    }),
    attestation: {
      signingContext: async () => (await import("./signing-context-TGWII6YK.js")).readSigningContext({
        env,
        workspace,
        ...options.signing?.payload !== void 0 ? { payload: options.signing.payload } : {},
        ...options.signing?.contextPath ? { contextPath: options.signing.contextPath } : {},
        ...maskSecret ? { maskSecret } : {}
      }),
      registry
    }
  };
}
function openGitHub(options) {
  const clientFor = (token) => createGitHubClient({
    apiUrl: options.apiUrl,
    token,
    ...options.requestLog ? { fetch: options.requestLog.fetch } : {},
    onRetry: (message) => options.log.warning(message)
  });
  const reads = options.token ? clientFor(options.token) : void 0;
  const writes = options.app ? clientFor(options.app.token) : void 0;
  return writes && options.app ? reportAsApp(reads ?? writes, writes, options.app.appId) : reads;
}

export {
  createRunDeps,
  openGitHub
};
