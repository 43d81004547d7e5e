import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  parsePublicKey
} from "./chunk-KLOA2TCW.js";
import {
  readScanFile,
  readVex
} from "./chunk-ZUJMRABB.js";
import {
  effectivePolicy,
  findSecrets
} from "./chunk-2Q4UOY5T.js";
import "./chunk-P7UTPI45.js";
import "./chunk-MYYQCX6T.js";
import "./chunk-NPIOFKOR.js";
import "./chunk-WLVSEBNM.js";
import "./chunk-TIAON23U.js";
import {
  DockerEngineStore
} from "./chunk-IBXNLPK7.js";
import {
  OPEN_INPUT_FILE
} from "./chunk-QJW7XG3M.js";
import "./chunk-XJ7IR3IO.js";
import "./chunk-BDIAHNI5.js";
import "./chunk-WTUUJLTT.js";
import {
  readAttachedManifest
} from "./chunk-GLKH4LBI.js";
import {
  CheckFailure
} from "./chunk-YLEJ7X7X.js";
import {
  DEFAULT_TAG,
  assertSha256Digest,
  isIndexMediaType,
  parseJsonObject
} from "./chunk-ONPWZNHG.js";
import {
  formatImageName,
  parseImageReference
} from "./chunk-FZT7OACS.js";
import {
  ConfigurationError,
  GateError,
  InternalError,
  VerificationError
} from "./chunk-SB4G7AKF.js";
import "./chunk-GVUJSAVW.js";

// src/evidence/collect.ts
import { resolve as resolve2 } from "node:path";

// src/evidence/discover.ts
import { createHash } from "node:crypto";
var MAX_REFERRERS_PER_DIGEST = 1e3;
function startDiscovery(sources) {
  const started = /* @__PURE__ */ new Map();
  return {
    add(gated) {
      if (started.has(gated.digest)) return;
      const work = discoverFor(gated, sources);
      work.catch(() => void 0);
      started.set(gated.digest, work);
    },
    async finish() {
      const results = await Promise.all(started.values());
      return {
        discovered: results.flatMap((result) => result.discovered),
        lookups: results.flatMap((result) => result.lookups)
      };
    }
  };
}
async function discoverFor(gated, sources) {
  assertSha256Digest(gated.digest, "a digest to look up signatures for");
  const { store, github } = sources;
  const tagBase = gated.digest.replace(":", "-");
  const gitHubLookups = github ? github.scopes.map((scope) => lookUpGitHubAttestations(github.api, scope, gated)) : [];
  const storeLookups = store ? [
    lookUpCosignTag(store, gated, `${tagBase}.sig`, "cosign-signature-tag"),
    lookUpCosignTag(store, gated, `${tagBase}.att`, "cosign-attestation-tag"),
    lookUpReferrers(store, gated, tagBase)
  ] : [];
  const [fromStore, fromGitHub] = await Promise.all([Promise.all(storeLookups), Promise.all(gitHubLookups)]);
  const found = [...fromStore, ...dropRepeatedBundles(fromGitHub)];
  return {
    discovered: found.flatMap((part) => part.artifacts),
    lookups: found.flatMap((part) => part.lookups)
  };
}
async function lookUpCosignTag(store, gated, tag, place) {
  const uri = store.manifestUri(tag);
  const manifest = await store.findTag(tag);
  const contents = manifest ? await readAttachedManifest(manifest, gated, store, false) : { artifacts: [], skipped: [] };
  return {
    lookups: [lookup(gated, place, uri, "supported", contents)],
    artifacts: contents.artifacts
  };
}
async function lookUpReferrers(store, gated, fallbackTag) {
  const [listing, tagged] = await Promise.all([
    store.listReferrers(gated.digest),
    store.findTag(fallbackTag)
  ]);
  const tagUri = store.manifestUri(fallbackTag);
  const apiDigests = listing.supported ? listing.digests : [];
  const tagSkipped = [];
  let tagDigests = [];
  if (tagged && !isIndexMediaType(tagged.mediaType)) {
    tagSkipped.push({
      digest: tagged.digest,
      reason: `the tag holds a ${tagged.mediaType}, not the image index of the referrers tag scheme`
    });
  } else if (tagged) {
    tagDigests = referrersIndexDigests(tagged);
  }
  const unique = [.../* @__PURE__ */ new Set([...apiDigests, ...tagDigests])];
  if (unique.length > MAX_REFERRERS_PER_DIGEST) {
    throw new VerificationError(
      "too-many-referrers",
      `${gated.digest} has ${unique.length} referrers in ${store.location}, more than the ${MAX_REFERRERS_PER_DIGEST} the gate reads; remove stale ones`
    );
  }
  const read = new Map(
    await Promise.all(
      unique.map(async (digest) => [digest, await readReferrer(store, digest, gated)])
    )
  );
  const contentsOf = (digests, extraSkipped = []) => {
    const parts = digests.map((digest) => read.get(digest) ?? { artifacts: [], skipped: [] });
    return {
      artifacts: parts.flatMap((part) => part.artifacts),
      skipped: [...extraSkipped, ...parts.flatMap((part) => part.skipped)]
    };
  };
  return {
    lookups: [
      lookup(
        gated,
        "referrers-api",
        listing.uri,
        listing.supported ? "supported" : "unsupported",
        contentsOf(apiDigests)
      ),
      lookup(gated, "referrers-tag", tagUri, "supported", contentsOf(tagDigests, tagSkipped))
    ],
    artifacts: unique.flatMap((digest) => read.get(digest)?.artifacts ?? [])
  };
}
async function readReferrer(store, digest, gated) {
  let manifest;
  try {
    manifest = await store.getManifest(digest);
  } catch (error) {
    if (error instanceof GateError && error.code === "manifest-not-found") {
      return {
        artifacts: [],
        skipped: [{ digest, reason: "listed as a referrer, but the manifest is not there" }]
      };
    }
    throw error;
  }
  return readAttachedManifest(manifest, gated, store, true);
}
function referrersIndexDigests(index) {
  const { manifests } = index.json;
  if (!Array.isArray(manifests)) {
    throw new VerificationError(
      "invalid-manifest",
      `referrers index ${index.digest} has no "manifests" array`
    );
  }
  return manifests.map((descriptor, position) => {
    const digest = isRecord(descriptor) ? descriptor.digest : void 0;
    if (typeof digest !== "string") {
      throw new VerificationError(
        "invalid-manifest",
        `referrers index ${index.digest}: manifests[${position}] is not a descriptor with a digest`
      );
    }
    return digest;
  });
}
async function lookUpGitHubAttestations(api, scope, gated) {
  const listing = await api.listAttestations(
    "org" in scope ? { owner: scope.org, subjectDigest: gated.digest } : { owner: scope.owner, repo: scope.repo, subjectDigest: gated.digest }
  );
  const artifacts = listing.attestations.map(({ bundle }, position) => {
    if (!isRecord(bundle)) {
      throw new VerificationError(
        "github-attestation-without-bundle",
        `${listing.url}: attestation ${position + 1} carries no bundle; the gate reads the bundle GitHub returns inline`
      );
    }
    return {
      kind: "sigstore-bundle",
      subjectDigest: gated.digest,
      // The API gives no id; the bundle's own hash names it, and tells repeats apart.
      source: { kind: "github", uri: listing.url, digest: bundleDigest(bundle) },
      bundle,
      ...gated.platform ? { platform: gated.platform } : {}
    };
  });
  const skipped = listing.exists ? [] : [{ reason: "GitHub answered 404: no such repository or organization, or the token may not read it" }];
  return {
    lookups: [lookup(gated, "github-attestations", listing.url, "supported", { artifacts, skipped })],
    artifacts
  };
}
function dropRepeatedBundles(found) {
  const firstSeenAt = /* @__PURE__ */ new Map();
  return found.map(({ lookups, artifacts }) => {
    const kept = [];
    const repeats = /* @__PURE__ */ new Map();
    for (const artifact of artifacts) {
      const digest = artifact.source.digest ?? "";
      if (firstSeenAt.has(digest)) {
        repeats.set(digest, (repeats.get(digest) ?? 0) + 1);
      } else {
        firstSeenAt.set(digest, artifact.source.uri);
        kept.push(artifact);
      }
    }
    const skipped = [...repeats].map(([digest, count]) => ({
      digest,
      reason: `repeats a bundle listed by ${firstSeenAt.get(digest)}${count > 1 ? ` (${count} times)` : ""}`
    }));
    return {
      lookups: lookups.map((entry) => ({
        ...entry,
        outcome: kept.length > 0 ? "found" : "none",
        found: kept.length,
        skipped: [...entry.skipped, ...skipped]
      })),
      artifacts: kept
    };
  });
}
function lookup(gated, place, uri, support, contents) {
  const found = contents.artifacts.length;
  return {
    subjectDigest: gated.digest,
    ...gated.platform ? { platform: gated.platform } : {},
    place,
    uri,
    outcome: support === "unsupported" ? "unsupported" : found > 0 ? "found" : "none",
    found,
    skipped: contents.skipped
  };
}
function bundleDigest(bundle) {
  return `sha256:${createHash("sha256").update(JSON.stringify(bundle)).digest("hex")}`;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/evidence/image.ts
var MAX_IMAGE_CONFIG_BYTES = 8 * 1024 * 1024;
var IMAGE_CONFIG_MEDIA_TYPES = /* @__PURE__ */ new Set([
  "application/vnd.oci.image.config.v1+json",
  "application/vnd.docker.container.image.v1+json"
]);
async function collectImageEvidence(input, store, onGatedDigest = () => void 0) {
  const { parsed } = input;
  const built = input.digest === void 0 ? void 0 : checkDigestInput(input.digest);
  if (parsed.digest !== void 0 && built !== void 0 && parsed.digest !== built) {
    throw new ConfigurationError(
      "conflicting-digests",
      `the image reference names ${parsed.digest} but the digest input is ${built}; give the digest once`
    );
  }
  const byDigest = parsed.digest ?? (parsed.tag === void 0 ? built : void 0);
  const resolvedFromTag = byDigest === void 0 ? parsed.tag ?? (parsed.kind === "registry" ? DEFAULT_TAG : void 0) : void 0;
  if (byDigest !== void 0) onGatedDigest({ digest: byDigest });
  const resolved = await store.resolve(byDigest === void 0 ? parsed : { ...parsed, digest: byDigest });
  let bound = resolved;
  let boundPlatform;
  if (built !== void 0 && resolved.digest !== built) {
    const child = isIndexMediaType(resolved.mediaType) ? indexDescriptors(resolved).find((descriptor) => descriptor.digest === built) : void 0;
    if (!child) {
      throw new VerificationError(
        "digest-mismatch",
        `the tag ${formatImageName(parsed)}:${resolvedFromTag} now points at ${resolved.digest}, not at ${built}, the digest the workflow built: the tag moved after the build; give the image without a tag to gate the built digest`
      );
    }
    bound = await store.getManifest(built);
    boundPlatform = child.platform;
  }
  if (byDigest === void 0) onGatedDigest({ digest: bound.digest });
  let platforms;
  if (isIndexMediaType(bound.mediaType)) {
    const chosen = choosePlatformManifests(bound, input.platforms);
    for (const descriptor of chosen) {
      onGatedDigest({
        digest: descriptor.digest,
        ...descriptor.platform ? { platform: descriptor.platform } : {}
      });
    }
    platforms = await Promise.all(
      chosen.map(async (descriptor) => {
        const manifest = await store.getManifest(descriptor.digest);
        if (isIndexMediaType(manifest.mediaType)) {
          throw new VerificationError(
            "unsupported-manifest-media-type",
            `index ${bound.digest} points at another index (${manifest.digest}) for its platform; the gate reads one level of index`
          );
        }
        return readPlatformImage(manifest, descriptor.platform, store);
      })
    );
  } else {
    const image = await readPlatformImage(bound, boundPlatform, store);
    checkRequestedPlatform(image, input.platforms, formatImageName(parsed));
    platforms = [image];
  }
  const [primary] = platforms;
  return {
    reference: input.reference,
    name: formatImageName(parsed),
    digest: bound.digest,
    ...resolvedFromTag === void 0 ? {} : { resolvedFromTag },
    mediaType: bound.mediaType,
    annotations: readAnnotations(bound),
    platforms,
    ...primary?.platform === void 0 ? {} : { platform: primary.platform },
    ...primary?.config === void 0 ? {} : { config: primary.config },
    layers: primary?.layers ?? [],
    source: { kind: store.kind, uri: store.location, digest: bound.digest }
  };
}
async function readPlatformImage(manifest, indexPlatform, store) {
  const { config: configDescriptor, layers } = readImageManifest(manifest);
  let config;
  if (IMAGE_CONFIG_MEDIA_TYPES.has(configDescriptor.mediaType ?? "")) {
    const what = `image config ${configDescriptor.digest}`;
    config = parseImageConfig(await store.getBlob(configDescriptor.digest, MAX_IMAGE_CONFIG_BYTES), what);
  }
  const platform = indexPlatform ?? config?.platform;
  return {
    digest: manifest.digest,
    mediaType: manifest.mediaType,
    configDigest: configDescriptor.digest,
    ...platform === void 0 ? {} : { platform },
    annotations: readAnnotations(manifest),
    ...config === void 0 ? {} : { config },
    layers,
    compressedSize: layers.reduce((total, layer) => total + layer.size, 0),
    source: { kind: store.kind, uri: store.manifestUri(manifest.digest), digest: manifest.digest }
  };
}
function checkDigestInput(digest) {
  if (!/^sha256:[a-f0-9]{64}$/.test(digest)) {
    throw new ConfigurationError(
      "invalid-digest",
      `the digest input ${JSON.stringify(digest.slice(0, 100))} is not sha256:<64 lowercase hex>; pass the digest the build step output`
    );
  }
  return digest;
}
function choosePlatformManifests(index, requested) {
  const images = indexDescriptors(index).filter(
    (descriptor) => descriptor.annotations?.["vnd.docker.reference.type"] !== "attestation-manifest"
  );
  const available = images.map((descriptor) => formatPlatform(descriptor.platform)).join(", ") || "none";
  if (requested === void 0 || requested.length === 0) {
    if (images.length > 0) return images;
    throw new VerificationError("empty-index", `index ${index.digest} lists no images`);
  }
  const missing = requested.filter(
    (wanted) => !images.some((descriptor) => platformMatches(descriptor.platform, wanted))
  );
  if (missing.length > 0) {
    throw new ConfigurationError(
      "platform-not-found",
      `index ${index.digest} has no image for ${missing.map(formatPlatform).join(", ")} (it has: ${available}); choose among those platforms`
    );
  }
  return images.filter(
    (descriptor) => requested.some((wanted) => platformMatches(descriptor.platform, wanted))
  );
}
function checkRequestedPlatform(image, requested, name) {
  if (requested === void 0 || requested.length === 0 || image.platform === void 0) return;
  if (requested.some((wanted) => platformMatches(image.platform, wanted))) return;
  throw new ConfigurationError(
    "platform-not-found",
    `${name}@${image.digest} is a single-platform image for ${formatPlatform(image.platform)}, not ${requested.map(formatPlatform).join(" or ")}; drop the platform input or gate the multi-platform index`
  );
}
function platformMatches(candidate, wanted) {
  return candidate !== void 0 && candidate.os === wanted.os && candidate.architecture === wanted.architecture && (wanted.variant === void 0 || candidate.variant === wanted.variant);
}
function formatPlatform(platform) {
  if (!platform) return "(no platform)";
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join("/");
}
function indexDescriptors(index) {
  const { manifests } = index.json;
  if (!Array.isArray(manifests)) throw invalidManifest(index.digest, 'has no "manifests" array');
  return manifests.map(
    (value, position) => readDescriptor(value, index.digest, `manifests[${position}]`)
  );
}
function readImageManifest(manifest) {
  const config = readDescriptor(manifest.json.config, manifest.digest, "config");
  const { layers } = manifest.json;
  if (!Array.isArray(layers)) throw invalidManifest(manifest.digest, 'has no "layers" array');
  return {
    config,
    layers: layers.map((value, position) => {
      const layer = readDescriptor(value, manifest.digest, `layers[${position}]`);
      if (layer.mediaType === void 0 || layer.size === void 0) {
        throw invalidManifest(manifest.digest, `layers[${position}] lacks a mediaType or size`);
      }
      return { digest: layer.digest, size: layer.size, mediaType: layer.mediaType };
    })
  };
}
function readDescriptor(value, manifestDigest, field) {
  if (!isRecord2(value) || typeof value.digest !== "string") {
    throw invalidManifest(manifestDigest, `${field} is not a descriptor with a digest`);
  }
  const { mediaType, size, platform, annotations } = value;
  if (mediaType !== void 0 && typeof mediaType !== "string") {
    throw invalidManifest(manifestDigest, `${field}.mediaType is not a string`);
  }
  if (size !== void 0 && !(typeof size === "number" && Number.isSafeInteger(size) && size >= 0)) {
    throw invalidManifest(manifestDigest, `${field}.size is not a byte count`);
  }
  return {
    digest: value.digest,
    ...mediaType === void 0 ? {} : { mediaType },
    ...size === void 0 ? {} : { size },
    ...isRecord2(platform) ? { platform: readPlatform(platform) } : {},
    ...isRecord2(annotations) ? { annotations } : {}
  };
}
function readPlatform(value) {
  const { os, architecture, variant } = value;
  if (typeof os !== "string" || typeof architecture !== "string") return void 0;
  return { os, architecture, ...typeof variant === "string" && variant ? { variant } : {} };
}
function parseImageConfig(bytes, what) {
  const json = parseJsonObject(bytes, what);
  const invalid = (reason) => new VerificationError("invalid-image-config", `${what}: ${reason}`);
  const runtime = json.config ?? {};
  if (!isRecord2(runtime)) throw invalid('"config" is not an object');
  const user = runtime.User ?? void 0;
  if (user !== void 0 && typeof user !== "string") throw invalid("config.User is not a string");
  const env = runtime.Env ?? [];
  if (!Array.isArray(env) || !env.every((entry) => typeof entry === "string")) {
    throw invalid("config.Env is not a list of strings");
  }
  const labels = runtime.Labels ?? {};
  if (!isRecord2(labels) || !Object.values(labels).every((value) => typeof value === "string")) {
    throw invalid("config.Labels is not a map of strings");
  }
  const created = json.created ?? void 0;
  if (created !== void 0 && typeof created !== "string") throw invalid('"created" is not a string');
  const history = json.history ?? [];
  if (!Array.isArray(history)) throw invalid('"history" is not a list');
  const platform = readPlatform(json);
  return {
    ...user === void 0 ? {} : { user },
    env,
    labels,
    ...created === void 0 ? {} : { created },
    history: history.map((entry, position) => {
      if (!isRecord2(entry)) throw invalid(`history[${position}] is not an object`);
      const { created_by: createdBy, empty_layer: emptyLayer } = entry;
      if (createdBy !== void 0 && typeof createdBy !== "string") {
        throw invalid(`history[${position}].created_by is not a string`);
      }
      if (emptyLayer !== void 0 && typeof emptyLayer !== "boolean") {
        throw invalid(`history[${position}].empty_layer is not a boolean`);
      }
      return {
        ...createdBy === void 0 ? {} : { createdBy },
        ...emptyLayer === void 0 ? {} : { emptyLayer }
      };
    }),
    ...platform === void 0 ? {} : { platform }
  };
}
function readAnnotations(manifest) {
  const { annotations } = manifest.json;
  if (annotations === void 0) return {};
  if (!isRecord2(annotations) || !Object.values(annotations).every((value) => typeof value === "string")) {
    throw invalidManifest(manifest.digest, 'has "annotations" that are not a map of strings');
  }
  return annotations;
}
function invalidManifest(digest, reason) {
  return new VerificationError("invalid-manifest", `manifest ${digest} ${reason}`);
}
function isRecord2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/evidence/local-image.ts
var SHA256_DIGEST = /^sha256:[a-f0-9]{64}$/;
async function collectLocalImageEvidence(input, store, onGatedDigest = () => void 0) {
  if (!(store instanceof DockerEngineStore) || input.parsed.kind !== "docker") {
    throw new InternalError(
      "store-mismatch",
      `a ${input.parsed.kind} reference was opened as a ${store.kind} store`
    );
  }
  const { digest: digestInput, ...savedInput } = input;
  const saved = await collectImageEvidence(savedInput, store);
  const engine = await store.engineImage();
  const { subject, registryDigest } = chooseLocalSubject(engine, {
    reference: input.reference,
    name: input.parsed.name,
    digestInput
  });
  onGatedDigest({ digest: subject });
  const local = {
    engine: "docker",
    imageId: engine.imageId,
    savedDigest: engine.savedDigest,
    savedManifest: engine.savedManifest,
    ...registryDigest ? { registryDigest } : {}
  };
  return { ...saved, digest: subject, local };
}
function chooseLocalSubject(engine, wanted) {
  const recorded = engine.repoDigests.flatMap((entry) => {
    const parsed = parseRepoDigest(entry);
    return parsed && parsed.digest !== engine.savedDigest ? [parsed] : [];
  });
  const { digestInput } = wanted;
  if (digestInput !== void 0) {
    if (!SHA256_DIGEST.test(digestInput)) {
      throw new ConfigurationError(
        "invalid-digest",
        `the digest input ${JSON.stringify(digestInput.slice(0, 100))} is not sha256:<64 lowercase hex>; pass the digest the build step output`
      );
    }
    const named = recorded.find((entry) => entry.digest === digestInput);
    if (named) return { subject: digestInput, registryDigest: named };
    if (digestInput !== engine.imageId && digestInput !== engine.savedDigest) {
      const known = [
        `image ID ${engine.imageId}`,
        `saved manifest ${engine.savedDigest}`,
        ...recorded.map((entry) => `${entry.repository}@${entry.digest}`)
      ];
      throw new VerificationError(
        "digest-mismatch",
        `the digest input ${digestInput} is not the local image ${wanted.reference} (${known.join(", ")}): the engine holds another build under that name; pass the digest of this build, or the image ID`
      );
    }
  }
  const candidates = recorded.filter(
    (entry) => wanted.name === void 0 || entry.repository === wanted.name
  );
  const digests = [...new Set(candidates.map((entry) => entry.digest))];
  if (digests.length > 1) {
    throw new ConfigurationError(
      "ambiguous-registry-digest",
      `the engine records ${digests.length} registry digests for ${wanted.reference} (${candidates.map((entry) => `${entry.repository}@${entry.digest}`).join(", ")}): pass the one to gate as the digest input`
    );
  }
  const registryDigest = candidates.find((entry) => entry.digest === digests[0]);
  return registryDigest ? { subject: registryDigest.digest, registryDigest } : { subject: engine.savedDigest };
}
function parseRepoDigest(entry) {
  try {
    const parsed = parseImageReference(entry);
    if (parsed.kind !== "registry" || parsed.digest === void 0 || parsed.tag !== void 0)
      return void 0;
    return { repository: `${parsed.registry}/${parsed.repository}`, digest: parsed.digest };
  } catch {
    return void 0;
  }
}

// src/evidence/signatures.ts
import { createHash as createHash2 } from "node:crypto";
import { open, readFile } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
var MAX_BUNDLE_FILE_BYTES = 16 * 1024 * 1024;
async function readBundleFiles(paths, workspace, subjectDigest) {
  if (paths.length === 0) return [];
  const { parseBundle } = await import("./bundle-json-ZIRXBYQR.js");
  const perFile = await Promise.all(
    paths.map(async (path) => {
      const absolute = resolve(workspace, path);
      const shown = shownPath(absolute, workspace);
      const bytes = await readBounded(absolute, shown);
      const digest = `sha256:${createHash2("sha256").update(bytes).digest("hex")}`;
      return parseBundleDocuments(bytes.toString("utf8"), shown, parseBundle).map(
        (bundle) => ({
          kind: "sigstore-bundle",
          subjectDigest,
          source: { kind: "file", uri: shown, digest },
          bundle
        })
      );
    })
  );
  return perFile.flat();
}
async function verifySignatures(discovered, deps) {
  if (discovered.length === 0) return [];
  const { verifyDiscovered } = await import("./verify-discovered-JQ5D2XM3.js");
  const [trust, keys] = await Promise.all([deps.loadTrust(), readPolicyKeys(deps.policy, deps.workspace)]);
  return verifyDiscovered(discovered, { trust, keys });
}
async function readPolicyKeys(policy, workspace) {
  return Promise.all(
    (policy?.keys ?? []).map(async (entry, index) => {
      const where = entry.path ?? `signatures.keys[${index}]`;
      if (entry.pem !== void 0) return parsePublicKey(entry.pem, where, entry.name);
      const pem = await readFile(resolve(workspace, entry.path), "utf8").catch(
        (error) => {
          throw new ConfigurationError(
            "key-not-found",
            `${entry.path}: cannot read the public key named in signatures.keys[${index}] (${error.code === "ENOENT" ? "no such file" : error.code ?? "unreadable"})`
          );
        }
      );
      return parsePublicKey(pem, where, entry.name);
    })
  );
}
function parseBundleDocuments(text, shown, parseBundle) {
  const trimmed = text.trim();
  const lines = trimmed.split("\n");
  const documents = lines.length > 1 && lines.every((line) => line.trim().startsWith("{") && line.trim().endsWith("}")) ? lines.map((line, index) => ({ text: line, where: `${shown}:${index + 1}` })) : [{ text: trimmed, where: shown }];
  return documents.map(({ text: document, where }) => {
    let json;
    try {
      json = JSON.parse(document);
    } catch (error) {
      throw new ConfigurationError(
        "invalid-bundle-file",
        `${where}: not a JSON sigstore bundle (${error.message})`
      );
    }
    try {
      parseBundle(json);
    } catch (error) {
      if (error instanceof CheckFailure && (error.check === "bundle-format" || error.check === "bundle-version")) {
        throw new ConfigurationError(
          "invalid-bundle-file",
          `${where}: not a sigstore bundle: ${error.message}`
        );
      }
      throw error;
    }
    return json;
  });
}
async function readBounded(path, shown) {
  let handle;
  try {
    handle = await open(path, OPEN_INPUT_FILE);
  } catch (error) {
    const code = error.code;
    throw new ConfigurationError(
      "bundle-not-found",
      `${shown}: cannot read bundle (${code === "ENOENT" ? "no such file" : code ?? "unreadable"})`
    );
  }
  try {
    const info = await handle.stat();
    if (!info.isFile())
      throw new ConfigurationError("bundle-not-a-file", `${shown}: bundle is not a regular file`);
    if (info.size > MAX_BUNDLE_FILE_BYTES) {
      throw new ConfigurationError(
        "bundle-too-large",
        `${shown}: bundle file is ${info.size} bytes; the limit is 16 MiB`
      );
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
function shownPath(absolute, workspace) {
  const rel = relative(workspace, absolute);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : absolute;
}

// src/evidence/layer-scan.ts
import { createGunzip } from "node:zlib";

// src/evidence/tar-stream.ts
var TarFormatError = class extends Error {
};
var BLOCK = 512;
function createTarReader(options) {
  let pending = Buffer.alloc(0);
  let state = "header";
  let remaining = 0;
  let bodySize = 0;
  let current;
  let nextPath;
  let meta;
  function finishEntry() {
    if (!current) return;
    if (meta) {
      const text = Buffer.concat(meta).toString("utf8");
      if (current.type === "L") nextPath = text.replace(/\0.*$/s, "");
      else if (current.type === "x") nextPath = paxPath(text) ?? nextPath;
      meta = void 0;
    } else if (current.type === "0" || current.type === "\0" || current.type === "7") {
      options.onEntry({
        path: current.path,
        size: bodySize,
        content: current.keep > 0 ? Buffer.concat(current.chunks).subarray(0, current.keep) : void 0
      });
    }
    current = void 0;
  }
  function readHeader(block) {
    if (block.every((byte) => byte === 0)) {
      state = "end";
      return;
    }
    if (!validChecksum(block)) throw new TarFormatError("a tar header has a bad checksum");
    const type = String.fromCharCode(block[156]);
    const name = cString(block, 0, 100);
    const prefix = block.subarray(257, 263).toString("latin1").startsWith("ustar") ? cString(block, 345, 155) : "";
    const path = nextPath ?? (prefix ? `${prefix}/${name}` : name);
    if (type !== "x" && type !== "L" && type !== "g") nextPath = void 0;
    bodySize = octal(block, 124, 12);
    remaining = Math.ceil(bodySize / BLOCK) * BLOCK;
    const isMeta = type === "x" || type === "L" || type === "g";
    if (isMeta && bodySize > 1024 * 1024) throw new TarFormatError("a tar extended header is over 1 MiB");
    meta = isMeta ? [] : void 0;
    const keep = isMeta ? 0 : type === "0" || type === "\0" || type === "7" ? options.wantContent(normalize(path)) : 0;
    current = { path: normalize(path), type, keep, chunks: [], kept: 0 };
    state = "body";
    if (remaining === 0) {
      finishEntry();
      state = "header";
    }
  }
  return {
    write(chunk) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      let offset = 0;
      while (state !== "end") {
        if (state === "header") {
          if (pending.length - offset < BLOCK) break;
          readHeader(pending.subarray(offset, offset + BLOCK));
          offset += BLOCK;
          continue;
        }
        const available = Math.min(remaining, pending.length - offset);
        if (available === 0) break;
        const slice = pending.subarray(offset, offset + available);
        const bodyOffset = Math.ceil(bodySize / BLOCK) * BLOCK - remaining;
        const useful = slice.subarray(0, Math.max(0, Math.min(slice.length, bodySize - bodyOffset)));
        if (meta) meta.push(Buffer.from(useful));
        else if (current && current.kept < current.keep && useful.length > 0) {
          const take = useful.subarray(0, current.keep - current.kept);
          current.chunks.push(Buffer.from(take));
          current.kept += take.length;
        }
        remaining -= available;
        offset += available;
        if (remaining === 0) {
          finishEntry();
          state = "header";
        }
      }
      pending = pending.subarray(offset);
    },
    end() {
      if (state !== "body") return;
      const received = Math.ceil(bodySize / BLOCK) * BLOCK - remaining;
      if (received < bodySize) throw new TarFormatError("the tar archive ends inside a file");
      finishEntry();
    }
  };
}
function paxPath(text) {
  for (const record of text.split("\n")) {
    const match = /^\d+ path=(.*)$/s.exec(record);
    if (match) return match[1];
  }
  return void 0;
}
function normalize(path) {
  return path.replace(/^\.?\/+/, "").replace(/\/+$/, "");
}
function cString(block, start, length) {
  const field = block.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString("utf8");
}
function octal(block, start, length) {
  const field = block.subarray(start, start + length);
  if (field[0] & 128) {
    let value2 = 0;
    for (let i = 1; i < field.length; i++) value2 = value2 * 256 + field[i];
    return value2;
  }
  const text = field.toString("latin1").replace(/\0.*$/s, "").trim();
  const value = text === "" ? 0 : parseInt(text, 8);
  if (Number.isNaN(value)) throw new TarFormatError("a tar header has a malformed size");
  return value;
}
function validChecksum(block) {
  const stored = octal(block, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i];
  return sum === stored;
}

// src/evidence/secret-files.ts
var SECRET_FILE_READ_BYTES = 64 * 1024;
var CANDIDATES = [
  {
    test: (_, base) => /^\.env(\..+)?$/.test(base) && !/\.(example|sample|template|dist)$/.test(base),
    kind: "dotenv file"
  },
  { test: (_, base) => /^id_(rsa|dsa|ecdsa|ed25519)$/.test(base), kind: "SSH private key" },
  { test: (_, base) => /\.(pem|key|p8)$/.test(base), kind: "private key file" },
  { test: (_, base) => base === ".npmrc", kind: "npm credentials" },
  { test: (_, base) => base === ".git-credentials", kind: "git credentials" },
  { test: (path) => /(^|\/)\.aws\/credentials$/.test(path), kind: "AWS credentials" },
  { test: (path) => /(^|\/)\.docker\/config\.json$/.test(path), kind: "registry credentials" }
];
function secretFileKind(path) {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return CANDIDATES.find((candidate) => candidate.test(path, base))?.kind;
}
function secretsInFile(path, content) {
  const kind = secretFileKind(path);
  if (!kind) return [];
  const text = content.toString("utf8");
  const matches = findSecrets(text);
  if (kind === "registry credentials" && /"auth"\s*:\s*"[A-Za-z0-9+/=]{8,}"/.test(text)) {
    matches.push({ kind, redacted: '"auth": \u2026(redacted)' });
  }
  if (kind === "git credentials" && /^https?:\/\/[^:\s]+:[^@\s]{6,}@/m.test(text)) {
    matches.push({ kind, redacted: "https://\u2026:\u2026(redacted)@\u2026" });
  }
  if (kind === "npm credentials" && /_authToken\s*=\s*(?!\$\{)\S{8,}/.test(text) && !matches.some((m) => m.kind === "npm token")) {
    matches.push({ kind, key: "_authToken", redacted: "\u2026(redacted)" });
  }
  return matches;
}

// src/evidence/layer-scan.ts
var DEFAULT_LAYER_SCAN_LIMITS = {
  maxLayerSize: 64 * 1024 * 1024,
  maxUnpackedSize: 1024 * 1024 * 1024
};
async function scanLayersForSecrets(store, image, limits) {
  const scan = {
    manifestDigest: image.digest,
    platform: image.platform,
    scannedLayers: 0,
    skipped: [],
    findings: []
  };
  for (const layer of image.layers) {
    if (layer.size > limits.maxLayerSize) {
      scan.skipped.push({
        layerDigest: layer.digest,
        reason: `${layer.size} bytes compressed, over the ${limits.maxLayerSize}-byte limit`
      });
      continue;
    }
    const gzip = /\+gzip$|tar\.gzip$|rootfs\.diff\.tar\.gzip$/.test(layer.mediaType);
    if (!gzip && !/tar$/.test(layer.mediaType)) {
      scan.skipped.push({ layerDigest: layer.digest, reason: `media type ${layer.mediaType} is not read` });
      continue;
    }
    const bytes = await store.getBlob(layer.digest, limits.maxLayerSize);
    const outcome = await scanTar(Buffer.from(bytes), gzip, limits.maxUnpackedSize);
    if ("skipped" in outcome) {
      scan.skipped.push({ layerDigest: layer.digest, reason: outcome.skipped });
      continue;
    }
    scan.scannedLayers++;
    for (const { path, kind, key, redacted } of outcome.findings) {
      scan.findings.push({ layerDigest: layer.digest, path, kind, key, redacted });
    }
  }
  return scan;
}
function scanTar(bytes, gzip, maxUnpacked) {
  const findings = [];
  const reader = createTarReader({
    wantContent: (path) => secretFileKind(path) ? SECRET_FILE_READ_BYTES : 0,
    onEntry: (entry) => {
      if (!entry.content) return;
      for (const match of secretsInFile(entry.path, entry.content))
        findings.push({ path: entry.path, ...match });
    }
  });
  if (!gzip) return Promise.resolve(feed(reader, [bytes], maxUnpacked, findings));
  return new Promise((resolve3) => {
    const gunzip = createGunzip();
    let unpacked = 0;
    let settled = false;
    const settle = (outcome) => {
      if (settled) return;
      settled = true;
      gunzip.destroy();
      resolve3(outcome);
    };
    gunzip.on("data", (chunk) => {
      unpacked += chunk.length;
      if (unpacked > maxUnpacked)
        return settle({ skipped: `unpacks to more than ${maxUnpacked} bytes (stopped reading)` });
      try {
        reader.write(chunk);
      } catch (error) {
        settle({ skipped: describeTarError(error) });
      }
    });
    gunzip.on("end", () => {
      try {
        reader.end();
        settle({ findings });
      } catch (error) {
        settle({ skipped: describeTarError(error) });
      }
    });
    gunzip.on("error", (error) => settle({ skipped: `not a valid gzip stream: ${error.message}` }));
    gunzip.end(bytes);
  });
}
function feed(reader, chunks, maxUnpacked, findings) {
  try {
    let total = 0;
    for (const chunk of chunks) {
      total += chunk.length;
      if (total > maxUnpacked) return { skipped: `more than ${maxUnpacked} bytes` };
      reader.write(chunk);
    }
    reader.end();
    return { findings };
  } catch (error) {
    return { skipped: describeTarError(error) };
  }
}
function describeTarError(error) {
  return error instanceof TarFormatError ? `not a valid tar archive: ${error.message}` : `could not be read: ${String(error)}`;
}

// src/evidence/collect.ts
async function collectEvidence(inputs, deps, policy, made) {
  const parsed = anchorLayoutPath(parseImageReference(inputs.image), inputs.workspace);
  const store = deps.openImageStore(parsed);
  try {
    return await collectFromStore(inputs, deps, policy, parsed, store, made);
  } finally {
    await store.close?.();
  }
}
async function collectFromStore(inputs, deps, policy, parsed, store, made) {
  const mark = deps.requestLog?.mark();
  const local = parsed.kind === "docker";
  const discovery = startDiscovery({ ...local ? {} : { store }, ...attestationSources(inputs, deps) });
  const vexOrigin = { workspace: inputs.workspace, base: inputs.policyBase, github: deps.github };
  const [image, scans, inputVex] = await Promise.all([
    (local ? collectLocalImageEvidence : collectImageEvidence)(
      { reference: inputs.image, parsed, digest: inputs.digest, platforms: inputs.platforms },
      store,
      discovery.add
    ),
    Promise.all(inputs.scanPaths.map((path) => readScanFile(path, inputs.workspace))),
    Promise.all((inputs.vexPaths ?? []).map((path) => readVex(path, vexOrigin)))
  ]);
  const policyVexPaths = policy ? effectivePolicy(policy, image.name).vulnerabilities.vex : [];
  const vex = [...inputVex, ...await Promise.all(policyVexPaths.map((path) => readVex(path, vexOrigin)))];
  const found = await discovery.finish();
  const lookups = found.lookups;
  const madeArtifact = made?.artifact && !found.discovered.some((artifact) => artifact.source.digest === made.artifact?.source.digest) ? [made.artifact] : [];
  const discovered = [
    ...found.discovered,
    ...madeArtifact,
    ...await readBundleFiles(inputs.bundlePaths ?? [], inputs.workspace, image.digest)
  ];
  const verifications = await verifySignatures(discovered, {
    policy: policy && effectivePolicy(policy, image.name).signatures,
    workspace: inputs.workspace,
    loadTrust: deps.loadTrust ?? (async () => (await import("./trusted-root-S6OEEVXL.js")).loadTrustStore({
      trustedRootPath: inputs.trustedRootPath,
      workspace: inputs.workspace
    }))
  });
  const layerScan = policy && effectivePolicy(policy, image.name).image["scan-layers"];
  const layerScans = layerScan ? await scanImageLayers(store, image, layerScan) : void 0;
  const stats = deps.requestLog?.statsSince(mark);
  return {
    image,
    scans,
    ...vex.length > 0 ? { vex } : {},
    discovered,
    lookups,
    verifications,
    ...stats ? { stats } : {},
    ...layerScans ? { layerScans } : {},
    repositoryUrl: inputs.repositoryUrl,
    ...made ? { generatedProvenance: made.generated } : {}
  };
}
async function scanImageLayers(store, image, setting) {
  const limits = setting === true ? DEFAULT_LAYER_SCAN_LIMITS : { maxLayerSize: setting["max-layer-size"], maxUnpackedSize: setting["max-unpacked-size"] };
  return Promise.all(image.platforms.map((platform) => scanLayersForSecrets(store, platform, limits)));
}
function attestationSources(inputs, deps) {
  const scopes = inputs.attestationScopes ?? [];
  if (scopes.length === 0) return {};
  if (!deps.github) {
    throw new ConfigurationError(
      "missing-token",
      "listing GitHub attestations needs a GitHub token and API URL (the github-token input; GITHUB_TOKEN and --github-api for the CLI), or turn the lookup off"
    );
  }
  return { github: { api: deps.github, scopes } };
}
function anchorLayoutPath(reference, workspace) {
  return reference.kind === "oci-layout" || reference.kind === "oci-archive" ? { ...reference, path: resolve2(workspace, reference.path) } : reference;
}
export {
  collectEvidence
};
