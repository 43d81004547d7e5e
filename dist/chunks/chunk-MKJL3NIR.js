import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  SIGSTORE_BUNDLE_V03_MEDIA_TYPE
} from "./chunk-QLG7OL2Z.js";
import {
  displayPath
} from "./chunk-Y3TMLN4E.js";
import {
  chooseInstance,
  signStatement
} from "./chunk-WEC47CZG.js";
import {
  RegistryTransport,
  discard,
  findRegistryCredentials
} from "./chunk-PWUTPHJS.js";
import {
  MANIFEST_MEDIA_TYPES,
  MAX_MANIFEST_BYTES,
  OCI_INDEX_MEDIA_TYPE,
  OCI_MANIFEST_MEDIA_TYPE,
  assertSha256Digest,
  manifestTooLarge,
  parseManifestDocument,
  sha256Digest
} from "./chunk-HYJ74MIN.js";
import {
  splitRepository
} from "./chunk-TIDU6746.js";
import {
  ConfigurationError,
  VerificationError
} from "./chunk-QCJNFU7Y.js";

// src/provenance/statement.ts
var IN_TOTO_STATEMENT_V1 = "https://in-toto.io/Statement/v1";
function buildStatement(imageName, digests, predicateType, predicate) {
  const unique = [...new Set(digests)];
  if (unique.length === 0) throw new RangeError("a statement needs at least one subject digest");
  return {
    _type: IN_TOTO_STATEMENT_V1,
    subject: unique.map((digest) => {
      const hex = /^sha256:([0-9a-f]{64})$/.exec(digest)?.[1];
      if (!hex) throw new RangeError(`${JSON.stringify(digest)} is not a sha256 digest`);
      return { name: imageName, digest: { sha256: hex } };
    }),
    predicateType,
    predicate
  };
}
function statementBytes(statement) {
  return Buffer.from(JSON.stringify(statement), "utf8");
}

// src/provenance/publish.ts
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";

// src/adapters/registry/referrer-push.ts
var OCI_EMPTY_MEDIA_TYPE = "application/vnd.oci.empty.v1+json";
var EMPTY_CONFIG = Buffer.from("{}");
var DEFAULT_ATTEMPTS = 8;
var SETTLE_MS = 250;
async function pushReferrer(target, artifact, options = {}) {
  assertSha256Digest(target.subjectDigest, "the image to attach to");
  const client = new RegistryWriter(target.registry, target.repository, options);
  const subject = await client.manifestDescriptor(target.subjectDigest);
  const [layer, config] = await Promise.all([
    client.uploadBlob(artifact.bytes, artifact.mediaType),
    client.uploadBlob(EMPTY_CONFIG, OCI_EMPTY_MEDIA_TYPE)
  ]);
  const annotations = {
    "org.opencontainers.image.created": (options.now?.() ?? /* @__PURE__ */ new Date()).toISOString(),
    ...artifact.annotations
  };
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    artifactType: artifact.mediaType,
    config,
    layers: [layer],
    subject,
    annotations
  };
  const pushed = await client.putManifest(Buffer.from(JSON.stringify(manifest)), OCI_MANIFEST_MEDIA_TYPE);
  const manifestUri = client.manifestUri(pushed.digest);
  if (pushed.subjectIndexed) {
    return { manifestDigest: pushed.digest, manifestUri, indexedBy: "referrers-api", indexWrites: 0 };
  }
  const descriptor = {
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    digest: pushed.digest,
    size: pushed.size,
    artifactType: artifact.mediaType,
    annotations
  };
  const indexWrites = await addToFallbackIndex(client, target.subjectDigest, descriptor, options);
  return { manifestDigest: pushed.digest, manifestUri, indexedBy: "referrers-tag", indexWrites };
}
async function addToFallbackIndex(client, subjectDigest, descriptor, options) {
  const tag = subjectDigest.replace(":", "-");
  const attempts = options.maxAttempts ?? DEFAULT_ATTEMPTS;
  const sleep = options.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms)));
  let writes = 0;
  let confirmed = false;
  for (let attempt = 1; ; attempt++) {
    const current = await client.readIndex(tag);
    if (current === "busy") {
      if (attempt > attempts) throw contended(client.manifestUri(tag), attempts);
      await sleep(Math.floor(Math.random() * 50 * attempt));
      continue;
    }
    if (current?.manifests.some((entry) => entry.digest === descriptor.digest)) {
      if (writes === 0 || confirmed) return writes;
      confirmed = true;
      await sleep(SETTLE_MS);
      continue;
    }
    confirmed = false;
    if (attempt > attempts) throw contended(client.manifestUri(tag), attempts);
    const index = {
      schemaVersion: 2,
      mediaType: OCI_INDEX_MEDIA_TYPE,
      manifests: [...current?.manifests ?? [], descriptor]
    };
    writes += 1;
    await client.putIndex(tag, Buffer.from(JSON.stringify(index)), current?.etag);
    await sleep(Math.floor(Math.random() * 50 * attempt));
  }
}
function contended(indexUri, attempts) {
  return new VerificationError(
    "referrers-index-contended",
    `could not add the referrer to ${indexUri} in ${attempts} attempts: other jobs keep replacing that index; retry the job`
  );
}
var RegistryWriter = class {
  constructor(registry, repository, options) {
    this.options = options;
    this.registry = registry;
    this.transport = new RegistryTransport(
      {
        registry,
        repository,
        actions: "pull,push",
        credentials: () => this.chooseCredentials(),
        refused: async (answer) => {
          const choice = await this.chooseCredentials();
          return new ConfigurationError(
            "registry-push-unauthorized",
            `registry ${registry} refused to let us push to ${repository} (${answer}; credentials tried: ${choice.description}); give credentials that may push (for ghcr.io: "packages: write")`
          );
        }
      },
      options
    );
    this.location = this.transport.location;
  }
  options;
  transport;
  location;
  registry;
  credentialChoice;
  /** Looked up once: a credential helper is a program to run, not a lookup to repeat per error. */
  chooseCredentials() {
    this.credentialChoice ??= findRegistryCredentials(this.registry, this.options);
    return this.credentialChoice;
  }
  manifestUri(reference) {
    return `${this.location}/manifests/${reference}`;
  }
  /**
   * The subject's descriptor from a HEAD, which costs no body. Some registries answer HEAD with
   * 405 or a wrong 404, or without the type and length: then the manifest is read with GET and
   * described from its bytes, which are held to the digest.
   */
  async manifestDescriptor(digest) {
    const uri = this.manifestUri(digest);
    const accept = MANIFEST_MEDIA_TYPES.join(", ");
    const head = await this.transport.retrying(() => this.succeeding("HEAD", uri, { accept }));
    await discard(head);
    const mediaType = head.headers.get("content-type")?.split(";")[0]?.trim();
    const size = Number(head.headers.get("content-length") ?? NaN);
    if (head.status === 200 && mediaType && MANIFEST_MEDIA_TYPES.includes(mediaType) && Number.isSafeInteger(size)) {
      return { mediaType, digest, size };
    }
    return this.transport.retrying(async () => {
      const response = await this.succeeding("GET", uri, { accept });
      if (response.status === 404) {
        await discard(response);
        throw new ConfigurationError(
          "manifest-not-found",
          `${this.registry}/${this.transport.repository}@${digest} was not found: push the image before its provenance`
        );
      }
      await this.expect(response, [200], `reading ${uri}`);
      const what = `manifest ${this.registry}/${this.transport.repository}@${digest}`;
      const bytes = await this.transport.readBody(response, MAX_MANIFEST_BYTES, () => manifestTooLarge(what));
      const declared = response.headers.get("content-type")?.split(";")[0]?.trim();
      const manifest = parseManifestDocument(bytes, {
        what,
        expectedDigest: digest,
        ...declared ? { declaredMediaType: declared } : {}
      });
      return { mediaType: manifest.mediaType, digest, size: bytes.byteLength };
    });
  }
  async uploadBlob(bytes, mediaType) {
    const digest = sha256Digest(bytes);
    const descriptor = { mediaType, digest, size: bytes.byteLength };
    return this.transport.retrying(async () => {
      const exists = await this.succeeding("HEAD", `${this.location}/blobs/${digest}`, {});
      await discard(exists);
      if (exists.status === 200) return descriptor;
      const started = await this.succeeding("POST", `${this.location}/blobs/uploads/`, {});
      await this.expect(started, [202], "starting a blob upload");
      const location = started.headers.get("location");
      await discard(started);
      if (!location) {
        throw new VerificationError("registry-error", `registry ${this.registry} gave no upload location`);
      }
      const url = this.transport.sameOrigin(location, "the upload");
      url.searchParams.set("digest", digest);
      const put = await this.succeeding(
        "PUT",
        url.href,
        { "content-type": "application/octet-stream" },
        bytes
      );
      await this.expect(put, [201], `uploading blob ${digest}`);
      await discard(put);
      return descriptor;
    });
  }
  async putManifest(bytes, mediaType) {
    const digest = sha256Digest(bytes);
    const response = await this.transport.retrying(
      () => this.succeeding("PUT", this.manifestUri(digest), { "content-type": mediaType }, bytes)
    );
    await this.expect(response, [201], `storing manifest ${digest}`);
    await discard(response);
    return { digest, size: bytes.byteLength, subjectIndexed: response.headers.has("oci-subject") };
  }
  /** `busy`: the registry failed to read the tag (distribution answers 500 while another job replaces it). */
  async readIndex(tag) {
    const response = await this.transport.retrying(
      () => this.send("GET", this.manifestUri(tag), { accept: OCI_INDEX_MEDIA_TYPE })
    );
    if (response.status === 404) {
      await response.body?.cancel();
      return void 0;
    }
    if (response.status >= 500) {
      await response.body?.cancel();
      return "busy";
    }
    await this.expect(response, [200], `reading ${this.manifestUri(tag)}`);
    const bytes = Buffer.from(
      await this.transport.readBody(
        response,
        MAX_MANIFEST_BYTES,
        () => new VerificationError("manifest-too-large", `${this.manifestUri(tag)} is over 4 MiB`)
      )
    );
    let index;
    try {
      index = JSON.parse(bytes.toString("utf8"));
    } catch {
      index = {};
    }
    if (index.mediaType !== OCI_INDEX_MEDIA_TYPE || !Array.isArray(index.manifests)) {
      throw new VerificationError(
        "invalid-referrers-index",
        `${this.manifestUri(tag)} is not an OCI image index; the referrers tag holds something else: remove it`
      );
    }
    return {
      manifests: index.manifests,
      etag: response.headers.get("etag") ?? `"${sha256Digest(bytes)}"`
    };
  }
  /**
   * Refused with 412 when the tag changed since `etag` was read, or failed with a 5xx while another
   * job writes it: the caller reads it again either way.
   */
  async putIndex(tag, bytes, etag) {
    const condition = etag ? { "if-match": etag } : { "if-none-match": "*" };
    const response = await this.send(
      "PUT",
      this.manifestUri(tag),
      { "content-type": OCI_INDEX_MEDIA_TYPE, ...condition },
      bytes
    );
    if (response.status === 412 || response.status >= 500) {
      await response.body?.cancel();
      return;
    }
    await this.expect(response, [201], `storing ${this.manifestUri(tag)}`);
  }
  /** One request through the transport (which answers a 401 once with push-scoped credentials). */
  send(method, url, headers, body) {
    return this.transport.request(method, new URL(url), headers, body);
  }
  /** One request whose 429 or 5xx is transient: retried by `transport.retrying` like a read. */
  async succeeding(method, url, headers, body) {
    const response = await this.send(method, url, headers, body);
    if (response.status === 429 || response.status >= 500) {
      await this.transport.expectSuccess(response, `${method} ${url}`);
    }
    return response;
  }
  async expect(response, statuses, what) {
    if (statuses.includes(response.status)) return;
    const detail = (await response.text().catch(() => "")).replace(/\s+/g, " ").slice(0, 200);
    const error = response.status === 401 || response.status === 403 ? new ConfigurationError(
      "registry-push-unauthorized",
      `registry ${this.registry} refused ${what} (${response.status}): the credentials may pull but not push (for ghcr.io: "packages: write")`
    ) : new VerificationError(
      "registry-error",
      `registry ${this.registry} answered ${response.status} for ${what}${detail ? `: ${detail}` : ""}`
    );
    throw error;
  }
};

// src/provenance/publish.ts
async function publishStatement(statement, image, request, deps) {
  const { signing } = deps;
  const result = { published: [] };
  let bytes;
  if (request.sign && signing.idToken) {
    const instance = chooseInstance(request.sigstore, signing.claims.repositoryVisibility);
    const bundle2 = await signStatement(
      statementBytes(statement),
      await signing.idToken(),
      signing.endpoints(instance)
    );
    bytes = Buffer.from(JSON.stringify(bundle2), "utf8");
    Object.assign(result, {
      bundle: bundle2,
      instance,
      bundleDigest: `sha256:${createHash("sha256").update(bytes).digest("hex")}`
    });
  } else {
    result.unsigned = request.sign ? signing.cannotSign ?? "no OIDC token" : "signing is turned off";
    bytes = Buffer.from(`${JSON.stringify(statement, null, 2)}
`, "utf8");
  }
  if (request.outPath) {
    const path = resolve(deps.workspace, request.outPath);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
    result.path = path;
  }
  if (!result.bundle) return result;
  const bundle = result.bundle;
  for (const where of request.push) {
    if (where === "registry") {
      if (image.reference.kind !== "registry") {
        throw new ConfigurationError(
          "cannot-push-referrer",
          `only an image in a registry can carry a referrer, not ${image.reference.kind} ${displayPath(image.reference.kind === "docker" ? image.reference.engineReference : image.reference.path, deps.workspace)}: leave "registry" out of the push list`
        );
      }
      const pushed = await pushReferrer(
        {
          registry: image.reference.registry,
          repository: image.reference.repository,
          subjectDigest: image.digest
        },
        {
          bytes,
          mediaType: SIGSTORE_BUNDLE_V03_MEDIA_TYPE,
          annotations: {
            "dev.sigstore.bundle.content": "dsse-envelope",
            "dev.sigstore.bundle.predicateType": statement.predicateType
          }
        },
        { ...deps.registry, now: deps.now }
      );
      result.published.push({ where, uri: pushed.manifestUri });
    } else {
      if (!deps.github) {
        throw new ConfigurationError(
          "missing-token",
          'uploading an attestation to GitHub needs a GitHub token (the github-token input; GITHUB_TOKEN and --github-api for the CLI) with "attestations: write"'
        );
      }
      const created = await deps.github.createAttestation({
        ...splitRepository(signing.claims.repository),
        bundle
      });
      result.published.push({ where, uri: `${created.url} (id ${created.id})` });
    }
  }
  return result;
}
function describePublished(what, published, workspace) {
  const where = [
    published.path && `written to ${displayPath(published.path, workspace)}`,
    ...published.published.map(
      (entry) => `${entry.where === "registry" ? "pushed as referrer" : "uploaded to GitHub"} ${entry.uri}`
    )
  ].filter(Boolean);
  const how = published.bundle ? `signed with the ${published.instance} Sigstore instance` : `NOT signed (${published.unsigned})`;
  return `${what}: ${how}${where.length > 0 ? `; ${where.join("; ")}` : ""}.`;
}

export {
  buildStatement,
  publishStatement,
  describePublished
};
