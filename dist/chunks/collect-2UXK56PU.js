import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  parsePublicKey
} from "./chunk-LGE5TSTY.js";
import {
  pathInside,
  readScanFile,
  readVex,
  streamInputFile
} from "./chunk-XCCBGJ4A.js";
import {
  loadSecretDetector
} from "./chunk-6HTVPHSP.js";
import {
  MAX_ATTACHED_LAYER_BYTES,
  readAttachedManifest
} from "./chunk-QLG7OL2Z.js";
import {
  TarFormatError,
  normalizeTarPath,
  readTarEntries
} from "./chunk-UU6OLYDA.js";
import {
  CheckFailure
} from "./chunk-X5KWVBVD.js";
import {
  effectivePolicy
} from "./chunk-H776GRBR.js";
import "./chunk-74X36MG6.js";
import "./chunk-DKY2ZES5.js";
import {
  scanImageConfigs
} from "./chunk-63E2CWL3.js";
import {
  JsonStreamParser,
  walkJsonValue
} from "./chunk-FHHVMNRQ.js";
import "./chunk-B2CLC4I4.js";
import "./chunk-FIW5J6G3.js";
import "./chunk-BDIAHNI5.js";
import "./chunk-CPWHA4RJ.js";
import "./chunk-WLVSEBNM.js";
import "./chunk-QTVN7HLV.js";
import {
  createPurlCanonicalizer
} from "./chunk-S3VIENSH.js";
import {
  DockerEngineStore
} from "./chunk-HVIVQOBG.js";
import {
  DEFAULT_TAG,
  assertSha256Digest,
  isIndexMediaType,
  parseJsonObject
} from "./chunk-HYJ74MIN.js";
import {
  OPEN_INPUT_FILE
} from "./chunk-2FUSLBNA.js";
import "./chunk-724VLPQF.js";
import "./chunk-2GTHPEXP.js";
import {
  formatImageName,
  parseImageReference
} from "./chunk-V6QQ6HQ7.js";
import {
  ConfigurationError,
  GateError,
  InternalError,
  VerificationError
} from "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";

// src/evidence/collect.ts
import { resolve as resolve3 } from "node:path";

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
  return {
    lookups: [lookup(gated, "github-attestations", listing.url, "supported", { artifacts, skipped: [] })],
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
    const child = isIndexMediaType(resolved.mediaType) ? await expandIndex(resolved, store).then(
      ({ images, indexes }) => [...images, ...indexes].find((descriptor) => descriptor.digest === built)
    ) : void 0;
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
  let attestationManifests;
  if (isIndexMediaType(bound.mediaType)) {
    const { images, indexes } = await expandIndex(bound, store);
    for (const nested of indexes) onGatedDigest({ digest: nested.digest });
    attestationManifests = listAttestationManifests(bound);
    const chosen = choosePlatformManifests(bound.digest, images, input.platforms);
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
            "invalid-manifest",
            `index ${bound.digest} lists ${manifest.digest} as an image (${descriptor.mediaType ?? "no media type"}) but it is an index; its descriptor is wrong`
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
    source: { kind: store.kind, uri: store.location, digest: bound.digest },
    ...attestationManifests && attestationManifests.length > 0 ? { attestationManifests } : {}
  };
}
function isAttestationManifest(descriptor) {
  return descriptor.annotations?.["vnd.docker.reference.type"] === "attestation-manifest";
}
function listAttestationManifests(index) {
  return indexDescriptors(index).filter(isAttestationManifest).map((descriptor) => {
    const reference = descriptor.annotations?.["vnd.docker.reference.digest"];
    return {
      digest: descriptor.digest,
      ...typeof reference === "string" ? { referenceDigest: reference } : {}
    };
  });
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
var MAX_INDEX_DEPTH = 4;
async function expandIndex(index, store, depth = 1) {
  const images = [];
  const indexes = [];
  const listed = indexDescriptors(index);
  const nested = await Promise.all(
    listed.map(async (descriptor) => {
      if (descriptor.mediaType === void 0 || !isIndexMediaType(descriptor.mediaType)) return void 0;
      if (depth >= MAX_INDEX_DEPTH) {
        throw new VerificationError(
          "invalid-manifest",
          `index ${index.digest} nests indexes more than ${MAX_INDEX_DEPTH} deep; the gate reads no deeper`
        );
      }
      const manifest = await store.getManifest(descriptor.digest);
      if (!isIndexMediaType(manifest.mediaType)) {
        throw new VerificationError(
          "invalid-manifest",
          `index ${index.digest} lists ${descriptor.digest} as an index but it is ${manifest.mediaType}; its descriptor is wrong`
        );
      }
      return expandIndex(manifest, store, depth + 1);
    })
  );
  listed.forEach((descriptor, position) => {
    const inner = nested[position];
    if (inner === void 0) {
      images.push(descriptor);
      return;
    }
    indexes.push(descriptor, ...inner.indexes);
    for (const image of inner.images) {
      images.push(
        image.platform || !descriptor.platform ? image : { ...image, platform: descriptor.platform }
      );
    }
  });
  return { images, indexes };
}
function choosePlatformManifests(indexDigest, listed, requested) {
  const images = listed.filter((descriptor) => !isAttestationManifest(descriptor));
  const available = images.map((descriptor) => formatPlatform(descriptor.platform)).join(", ") || "none";
  if (requested === void 0 || requested.length === 0) {
    if (images.length > 0) return images;
    throw new VerificationError("empty-index", `index ${indexDigest} lists no images`);
  }
  const missing = requested.filter(
    (wanted) => !images.some((descriptor) => platformMatches(descriptor.platform, wanted))
  );
  if (missing.length > 0) {
    throw new ConfigurationError(
      "platform-not-found",
      `index ${indexDigest} has no image for ${missing.map(formatPlatform).join(", ")} (it has: ${available}); choose among those platforms`
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
  const invalid2 = (reason) => new VerificationError("invalid-image-config", `${what}: ${reason}`);
  const runtime = json.config ?? {};
  if (!isRecord2(runtime)) throw invalid2('"config" is not an object');
  const user = runtime.User ?? void 0;
  if (user !== void 0 && typeof user !== "string") throw invalid2("config.User is not a string");
  const env = runtime.Env ?? [];
  if (!Array.isArray(env) || !env.every((entry) => typeof entry === "string")) {
    throw invalid2("config.Env is not a list of strings");
  }
  const labels = runtime.Labels ?? {};
  if (!isRecord2(labels) || !Object.values(labels).every((value) => typeof value === "string")) {
    throw invalid2("config.Labels is not a map of strings");
  }
  const created = json.created ?? void 0;
  if (created !== void 0 && typeof created !== "string") throw invalid2('"created" is not a string');
  const history = json.history ?? [];
  if (!Array.isArray(history)) throw invalid2('"history" is not a list');
  const platform = readPlatform(json);
  return {
    ...user === void 0 ? {} : { user },
    env,
    labels,
    ...created === void 0 ? {} : { created },
    history: history.map((entry, position) => {
      if (!isRecord2(entry)) throw invalid2(`history[${position}] is not an object`);
      const { created_by: createdBy, empty_layer: emptyLayer } = entry;
      if (createdBy !== void 0 && typeof createdBy !== "string") {
        throw invalid2(`history[${position}].created_by is not a string`);
      }
      if (emptyLayer !== void 0 && typeof emptyLayer !== "boolean") {
        throw invalid2(`history[${position}].empty_layer is not a boolean`);
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
  const { parseBundle } = await import("./bundle-json-ORQY7ONX.js");
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
  const { verifyDiscovered } = await import("./verify-discovered-PWWRAIBX.js");
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

// src/archive/layer-reader.ts
import { PassThrough } from "node:stream";
import { createGunzip } from "node:zlib";
import { once } from "node:events";
var OTHER_TYPES = {
  link: "hardlink",
  symlink: "symlink",
  directory: "directory"
};
function createTarReader(options) {
  const input = new PassThrough();
  const done = readTarEntries(input, async (header, body) => {
    const other = OTHER_TYPES[header.type];
    if (other && options.onOtherEntry) {
      options.onOtherEntry({
        path: normalizeTarPath(header.name),
        type: other,
        ...header.linkname !== void 0 ? { linkTarget: header.linkname } : {}
      });
    }
    if (header.type !== "file") return;
    const path = normalizeTarPath(header.name);
    const keep = options.wantContent(path);
    const chunks = [];
    let kept = 0;
    for await (const chunk of body) {
      if (kept >= keep) continue;
      const take = chunk.subarray(0, keep - kept);
      chunks.push(Buffer.from(take));
      kept += take.length;
    }
    options.onEntry({ path, size: header.size, content: keep > 0 ? Buffer.concat(chunks) : void 0 });
  });
  done.catch(() => void 0);
  return {
    async write(chunk) {
      if (!input.write(chunk)) await Promise.race([once(input, "drain"), done]);
    },
    async end() {
      input.end();
      await done;
    }
  };
}
async function readLayerArchive(bytes, gzip, maxUnpacked, options) {
  const reader = createTarReader(options);
  if (!gzip) {
    if (bytes.length > maxUnpacked) return `more than ${maxUnpacked} bytes`;
    try {
      await reader.write(bytes);
      await reader.end();
      return void 0;
    } catch (error) {
      return describeTarError(error);
    }
  }
  const gunzip = createGunzip();
  gunzip.end(bytes);
  const chunks = gunzip[Symbol.asyncIterator]();
  let unpacked = 0;
  try {
    for (; ; ) {
      let next;
      try {
        next = await chunks.next();
      } catch (error) {
        return `not a valid gzip stream: ${error instanceof Error ? error.message : String(error)}`;
      }
      if (next.done) break;
      unpacked += next.value.length;
      if (unpacked > maxUnpacked) return `unpacks to more than ${maxUnpacked} bytes (stopped reading)`;
      await reader.write(next.value);
    }
    await reader.end();
    return void 0;
  } catch (error) {
    return describeTarError(error);
  } finally {
    gunzip.destroy();
  }
}
function describeTarError(error) {
  return error instanceof TarFormatError ? `not a valid tar archive: ${error.message}` : `could not be read: ${String(error)}`;
}

// src/evidence/secrets/secret-files.ts
var DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
var SNIFF_BYTES = 8 * 1024;
var SKIPPED_TREES = new RegExp(
  [
    // Package managers' databases and caches (dpkg, rpm, apk, apt, pacman).
    "^var/lib/(?:dpkg|rpm|apk|apt|pacman|yum|dnf)/",
    "^lib/apk/db/",
    "^var/cache/",
    "^usr/lib/sysimage/rpm/",
    // Documentation, man and info pages, locale data, time zones, terminfo, MIME and i18n tables.
    "^usr/(?:local/)?share/(?:doc|man|info|locale|i18n|zoneinfo|terminfo|mime|licenses|common-licenses|gtk-doc|help)/",
    "^usr/lib/locale/",
    // Public CA certificates.
    "^(?:etc/ssl/certs|etc/pki/ca-trust/extracted|usr/share/ca-certificates|etc/ca-certificates)/",
    // Toolchains and third-party packages: their test fixtures hold example keys by design.
    "(?:^|/)(?:node_modules|site-packages|dist-packages|\\.cargo/registry|pkg/mod)/",
    "^usr/local/go/",
    "^usr/lib/jvm/",
    "^usr/(?:include|src/linux-headers[^/]*)/",
    // Git object store: compressed.
    "(?:^|/)\\.git/objects/"
  ].join("|")
);
var SKIPPED_EXTENSIONS = /\.(?:mo|gmo|gz|tgz|bz2|xz|lz|lz4|lzma|zst|zip|jar|war|ear|whl|egg|7z|rar|deb|rpm|apk|png|jpe?g|gif|webp|ico|bmp|tiff?|svgz|woff2?|ttf|otf|eot|pdf|mp[34]|wav|ogg|so(?:\.[0-9.]+)?|a|o|dll|exe|dylib|class|pyc|pyo|wasm|node|db|sqlite3?)$/i;
function mayHoldCredentials(path) {
  return !SKIPPED_TREES.test(path) && !SKIPPED_EXTENSIONS.test(path);
}
var UTF8 = new TextDecoder("utf-8", { fatal: true });
function decodeText(content, truncated) {
  if (content.subarray(0, SNIFF_BYTES).includes(0)) return void 0;
  let bytes = content;
  if (truncated) {
    let end = bytes.length;
    for (let back = 0; back < 4 && end > 0 && (bytes[end - 1] & 192) === 128; back++) end--;
    if (end > 0 && bytes[end - 1] >= 192) end--;
    bytes = bytes.subarray(0, end);
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    return void 0;
  }
}

// src/evidence/secrets/layer-scan.ts
var DEFAULT_LAYER_SCAN_LIMITS = {
  maxLayerSize: 64 * 1024 * 1024,
  maxUnpackedSize: 1024 * 1024 * 1024,
  maxFileSize: DEFAULT_MAX_FILE_SIZE
};
var DELETED_LATER = "deleted in a later layer, still in the image";
var REPLACED_LATER = "replaced in a later layer, still in the image";
async function scanLayersForSecrets(store, image, limits, detector) {
  const scan = {
    manifestDigest: image.digest,
    platform: image.platform,
    scannedLayers: 0,
    filesRead: 0,
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
    const layerScan = new LayerFiles(detector, limits.maxFileSize);
    const outcome = await readTar(Buffer.from(bytes), gzip, limits.maxUnpackedSize, layerScan);
    if (outcome) {
      scan.skipped.push({ layerDigest: layer.digest, reason: outcome });
      continue;
    }
    const found = await layerScan.findings();
    for (const earlier of scan.findings) {
      const fate = layerScan.fateOf(earlier.path);
      if (fate && !earlier.note) earlier.note = fate;
    }
    scan.scannedLayers++;
    scan.filesRead += layerScan.filesRead;
    for (const finding of found) scan.findings.push({ layerDigest: layer.digest, ...finding });
  }
  return scan;
}
var LayerFiles = class {
  constructor(detector, maxFileSize) {
    this.detector = detector;
    this.maxFileSize = maxFileSize;
  }
  detector;
  maxFileSize;
  filesRead = 0;
  pending = [];
  written = /* @__PURE__ */ new Set();
  deleted = [];
  opaque = [];
  failure;
  wantContent(path) {
    return isWhiteout(path) || !mayHoldCredentials(path) ? 0 : this.maxFileSize;
  }
  onEntry(path, size, content) {
    const slash = path.lastIndexOf("/");
    const dir = slash === -1 ? "" : path.slice(0, slash + 1);
    const base = path.slice(slash + 1);
    if (base === ".wh..wh..opq") return void this.opaque.push(dir);
    if (base.startsWith(".wh.")) return void this.deleted.push(dir + base.slice(4));
    this.written.add(path);
    if (!content || content.length === 0) return;
    const text = decodeText(content, size > content.length);
    if (text === void 0) return;
    this.filesRead++;
    this.pending.push(
      this.detector.scan(text).then(
        (matches) => matches.map((match) => ({ path, ...match })),
        (error) => {
          this.failure ??= error;
          return [];
        }
      )
    );
  }
  async findings() {
    const found = (await Promise.all(this.pending)).flat();
    if (this.failure !== void 0) throw this.failure;
    return found;
  }
  /** What this layer did to a path an earlier layer wrote. */
  fateOf(path) {
    if (this.deleted.some((gone) => path === gone || path.startsWith(`${gone}/`))) return DELETED_LATER;
    if (this.opaque.some((dir) => path.startsWith(dir))) return DELETED_LATER;
    return this.written.has(path) ? REPLACED_LATER : void 0;
  }
};
function isWhiteout(path) {
  return path.slice(path.lastIndexOf("/") + 1).startsWith(".wh.");
}
function readTar(bytes, gzip, maxUnpacked, files) {
  return readLayerArchive(bytes, gzip, maxUnpacked, {
    wantContent: (path) => files.wantContent(path),
    onEntry: (entry) => files.onEntry(entry.path, entry.size, entry.content)
  });
}

// src/evidence/sbom/read-sbom.ts
var MAX_SBOM_BYTES = 512 * 1024 * 1024;
var SPDX_PREDICATE = /^https:\/\/spdx\.dev\/Document(\/v\d+(\.\d+)*)?$/;
var CYCLONEDX_PREDICATE = /^https:\/\/cyclonedx\.org\/bom(\/v?\d+(\.\d+)*)?$/;
function isSbomPredicateType(predicateType) {
  return SPDX_PREDICATE.test(predicateType) || CYCLONEDX_PREDICATE.test(predicateType);
}
var SPDX_VERSIONS = /* @__PURE__ */ new Set(["SPDX-2.2", "SPDX-2.3"]);
var CYCLONEDX_VERSIONS = /* @__PURE__ */ new Set(["1.2", "1.3", "1.4", "1.5", "1.6", "1.7"]);
var ACCEPTED = "an SPDX 2.2/2.3 or CycloneDX 1.4\u20131.6 JSON SBOM";
var ROOTS = [[], ["predicate"]];
var DROPPED = /* @__PURE__ */ new Set(["files", "relationships", "dependencies", "snippets", "hasExtractedLicensingInfos"]);
var NO_LICENSE = /* @__PURE__ */ new Set(["NOASSERTION", "NONE", ""]);
var MAX_COMPONENT_DEPTH = 64;
var SbomReader = class {
  constructor(source, origin) {
    this.source = source;
    this.origin = origin;
    this.parser = new JsonStreamParser(source.uri, this.hooks());
  }
  source;
  origin;
  parser;
  collected = [];
  streamed = /* @__PURE__ */ new Map();
  canonicalPurl = createPurlCanonicalizer();
  /** Set by `end`/`readValue` when the document was an in-toto statement: what it is about. */
  statement;
  write(chunk) {
    this.parser.write(chunk);
  }
  end() {
    return this.finish(this.parser.end());
  }
  /** An SBOM already in memory: the predicate of a verified attestation. */
  readValue(value) {
    return this.finish(walkJsonValue(value, this.hooks()));
  }
  hooks() {
    return {
      streamArray: (path) => {
        for (let root = 0; root < ROOTS.length; root++) {
          const prefix = ROOTS[root];
          if (path.length !== prefix.length + 1 || !prefix.every((key2, i) => path[i] === key2)) continue;
          const key = path[prefix.length];
          if (key === "packages") this.streamed.set(path, { root, reader: this.collect("spdx", root) });
          else if (key === "components")
            this.streamed.set(path, { root, reader: this.collect("cyclonedx", root) });
          else if (typeof key === "string" && DROPPED.has(key))
            this.streamed.set(path, { root, reader: void 0 });
          else continue;
          return true;
        }
        return false;
      },
      element: (arrayPath, index, value, start) => {
        this.streamed.get(arrayPath)?.reader?.(value, index, start);
      }
    };
  }
  collect(format, root) {
    const entry = { format, root, packages: [] };
    this.collected.push(entry);
    const at = (index, start) => `${this.source.uri}${start ? `:${start.line}:${start.column}` : ""}: ${format === "spdx" ? "SPDX packages" : "CycloneDX components"}[${index}]`;
    return format === "spdx" ? (value, index, start) => entry.packages.push(this.spdxPackage(value, () => at(index, start))) : (value, index, start) => this.cycloneDxComponent(value, () => at(index, start), entry.packages, 0);
  }
  spdxPackage(value, at) {
    if (!isRecord3(value)) throw invalid(`${at()} is not an object`);
    const name = value.name;
    if (typeof name !== "string" || name === "") throw invalid(`${at()} has no "name"`);
    const version = optionalString(value.versionInfo, () => `${at()}.versionInfo`);
    const concluded = optionalString(value.licenseConcluded, () => `${at()}.licenseConcluded`);
    const declared = optionalString(value.licenseDeclared, () => `${at()}.licenseDeclared`);
    const license = [concluded, declared].find((text) => text !== void 0 && !NO_LICENSE.has(text.trim()));
    let purl;
    const refs = value.externalRefs;
    if (refs !== void 0 && !Array.isArray(refs)) throw invalid(`${at()}.externalRefs is not a list`);
    for (const ref of refs ?? []) {
      if (isRecord3(ref) && ref.referenceType === "purl" && typeof ref.referenceLocator === "string") {
        purl = this.canonicalPurl(ref.referenceLocator) ?? ref.referenceLocator;
        break;
      }
    }
    return packageOf(name, version, purl, license?.trim());
  }
  cycloneDxComponent(value, at, into, depth) {
    if (!isRecord3(value)) throw invalid(`${at()} is not an object`);
    const name = value.name;
    if (typeof name !== "string" || name === "") throw invalid(`${at()} has no "name"`);
    const group = optionalString(value.group, () => `${at()}.group`);
    const version = optionalString(value.version, () => `${at()}.version`);
    const purlText = optionalString(value.purl, () => `${at()}.purl`);
    const purl = purlText === void 0 ? void 0 : this.canonicalPurl(purlText) ?? purlText;
    into.push(
      packageOf(group ? `${group}/${name}` : name, version, purl, cycloneDxLicense(value.licenses, at))
    );
    const nested = value.components;
    if (nested === void 0) return;
    if (!Array.isArray(nested)) throw invalid(`${at()}.components is not a list`);
    if (depth >= MAX_COMPONENT_DEPTH)
      throw invalid(`${at()}: components nested deeper than ${MAX_COMPONENT_DEPTH}`);
    nested.forEach(
      (child, index) => this.cycloneDxComponent(child, () => `${at()}.components[${index}]`, into, depth + 1)
    );
  }
  finish(document) {
    const where = this.source.uri;
    if (!isRecord3(document)) throw invalid(`${where}: not ${ACCEPTED} (the document is not an object)`);
    const statement = isRecord3(document.predicate) && typeof document.predicateType === "string";
    const root = statement ? 1 : 0;
    if (statement)
      this.statement = { predicateType: document.predicateType, subject: document.subject };
    const body = statement ? document.predicate : document;
    if (statement && !isSbomPredicateType(document.predicateType)) {
      throw invalid(
        `${where}: an in-toto statement with predicate type ${JSON.stringify(String(document.predicateType).slice(0, 100))}, not an SPDX or CycloneDX SBOM`
      );
    }
    const format = detectFormat(body, where);
    const packages = this.collected.filter((entry) => entry.root === root && entry.format === format.format).flatMap((entry) => entry.packages);
    return {
      format: format.format,
      specVersion: format.specVersion,
      ...format.tool ? { tool: format.tool } : {},
      packages,
      source: this.source,
      origin: this.origin
    };
  }
};
function detectFormat(body, where) {
  if (typeof body.spdxVersion === "string") {
    if (!SPDX_VERSIONS.has(body.spdxVersion)) {
      throw invalid(
        `${where}: spdxVersion ${JSON.stringify(body.spdxVersion.slice(0, 20))} is not one the gate reads (SPDX-2.2, SPDX-2.3)`
      );
    }
    const creators = isRecord3(body.creationInfo) ? body.creationInfo.creators : void 0;
    const tool = Array.isArray(creators) ? creators.find((entry) => typeof entry === "string" && entry.startsWith("Tool:")) : void 0;
    return { format: "spdx", specVersion: body.spdxVersion, ...tool ? { tool: tool.slice(5).trim() } : {} };
  }
  if (body.bomFormat === "CycloneDX") {
    const version = body.specVersion;
    if (typeof version !== "string" || !CYCLONEDX_VERSIONS.has(version)) {
      throw invalid(
        `${where}: CycloneDX specVersion ${typeof version === "string" ? JSON.stringify(version.slice(0, 20)) : "missing"} is not one the gate reads (1.4\u20131.6)`
      );
    }
    return { format: "cyclonedx", specVersion: version, ...cycloneDxTool(body.metadata) };
  }
  throw invalid(`${where}: not ${ACCEPTED} (no "spdxVersion", no "bomFormat": "CycloneDX")`);
}
function cycloneDxTool(metadata) {
  if (!isRecord3(metadata)) return {};
  const tools = metadata.tools;
  const list = Array.isArray(tools) ? tools : isRecord3(tools) && Array.isArray(tools.components) ? tools.components : [];
  const first = list.find(isRecord3);
  if (!first || typeof first.name !== "string") return {};
  return { tool: typeof first.version === "string" ? `${first.name} ${first.version}` : first.name };
}
function cycloneDxLicense(licenses, at) {
  if (licenses === void 0) return void 0;
  if (!Array.isArray(licenses)) throw invalid(`${at()}.licenses is not a list`);
  const parts = [];
  for (const choice of licenses) {
    if (!isRecord3(choice)) continue;
    if (typeof choice.expression === "string" && choice.expression.trim()) return choice.expression.trim();
    const license = choice.license;
    if (!isRecord3(license)) continue;
    const text = typeof license.id === "string" ? license.id : typeof license.name === "string" ? license.name : void 0;
    if (text && !NO_LICENSE.has(text.trim())) parts.push(text.trim());
  }
  if (parts.length === 0) return void 0;
  return parts.length === 1 ? parts[0] : parts.map((part) => /\s/.test(part) ? `(${part})` : part).join(" AND ");
}
function packageOf(name, version, purl, license) {
  return {
    name,
    ...version && version !== "NOASSERTION" ? { version } : {},
    ...purl ? { purl } : {},
    ...license ? { license } : {}
  };
}
function optionalString(value, at) {
  if (value === void 0 || value === null) return void 0;
  if (typeof value !== "string") throw invalid(`${at()} is not a string`);
  return value;
}
function invalid(message) {
  return new ConfigurationError("invalid-sbom", `${message}; give ${ACCEPTED}`);
}
function isRecord3(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/evidence/buildkit-attestations.ts
var IN_TOTO_LAYER_MEDIA_TYPE = "application/vnd.in-toto+json";
var PREDICATE_TYPE_ANNOTATION = "in-toto.io/predicate-type";
var SLSA_PROVENANCE = /^https:\/\/slsa\.dev\/provenance\/v(0\.2|1)$/;
var FEED_BYTES = 1024 * 1024;
async function readBuildKitAttestations(store, image) {
  const descriptors = image.attestationManifests ?? [];
  const gated = new Map(image.platforms.map((platform) => [platform.digest, platform]));
  const indexSkipped = [];
  const perPlatform = /* @__PURE__ */ new Map();
  for (const descriptor of descriptors) {
    const reference = descriptor.referenceDigest;
    if (reference === void 0) {
      indexSkipped.push({
        digest: descriptor.digest,
        reason: "an attestation manifest without a vnd.docker.reference.digest annotation: it says of no image what it is about"
      });
    } else if (!gated.has(reference)) {
      indexSkipped.push({
        digest: descriptor.digest,
        reason: `its vnd.docker.reference.digest names ${reference}, which is not a gated image of this index`
      });
    } else {
      perPlatform.set(reference, [...perPlatform.get(reference) ?? [], descriptor.digest]);
    }
  }
  const results = await Promise.all(
    image.platforms.map(
      (platform) => readForPlatform(store, platform, perPlatform.get(platform.digest) ?? [])
    )
  );
  const lookups = results.map((result) => result.lookup);
  if (indexSkipped.length > 0) {
    lookups.push({
      subjectDigest: image.digest,
      place: "buildkit-attestations",
      uri: store.manifestUri(image.digest),
      outcome: "none",
      found: 0,
      skipped: indexSkipped
    });
  }
  return {
    attestations: results.flatMap((result) => result.attestations),
    sboms: results.flatMap((result) => result.sboms),
    lookups
  };
}
async function readForPlatform(store, platform, manifestDigests) {
  const attestations = [];
  const sboms = [];
  const skipped = [];
  for (const digest of manifestDigests) {
    const manifest = await store.getManifest(digest);
    for (const layer of layersOf(manifest)) {
      if (layer.mediaType !== IN_TOTO_LAYER_MEDIA_TYPE) {
        skipped.push({
          digest: layer.digest,
          reason: `layer of ${layer.mediaType}, not an in-toto statement`
        });
        continue;
      }
      const read = await readStatementLayer(store, platform, manifest, layer);
      if ("skipped" in read) skipped.push({ digest: layer.digest, reason: read.skipped });
      else {
        attestations.push(read.attestation);
        if (read.sbom) sboms.push(read.sbom);
      }
    }
  }
  return {
    attestations,
    sboms,
    lookup: {
      subjectDigest: platform.digest,
      ...platform.platform ? { platform: platform.platform } : {},
      place: "buildkit-attestations",
      uri: store.manifestUri(manifestDigests[0] ?? platform.digest),
      outcome: attestations.length > 0 ? "found" : "none",
      found: attestations.length,
      skipped
    }
  };
}
async function readStatementLayer(store, platform, manifest, layer) {
  const announced = layer.predicateType;
  const source = { kind: store.kind, uri: store.manifestUri(manifest.digest), digest: layer.digest };
  const common = {
    platformDigest: platform.digest,
    ...platform.platform ? { platform: platform.platform } : {},
    manifestDigest: manifest.digest,
    layerDigest: layer.digest,
    source
  };
  const where = `in-toto statement ${layer.digest} in attestation manifest ${store.manifestUri(manifest.digest)}`;
  const sbomReader = () => new SbomReader(
    { ...source, uri: `${source.uri} (layer ${layer.digest})` },
    {
      kind: "buildkit",
      platformDigest: platform.digest,
      ...platform.platform ? { platform: platform.platform } : {},
      manifestDigest: manifest.digest
    }
  );
  if (announced !== void 0 && isSbomPredicateType(announced)) {
    const bytes2 = await store.getBlob(layer.digest, MAX_SBOM_BYTES);
    const reader = sbomReader();
    for (let offset = 0; offset < bytes2.length; offset += FEED_BYTES) {
      reader.write(bytes2.subarray(offset, offset + FEED_BYTES));
    }
    const sbom = reader.end();
    const statement2 = reader.statement;
    if (!statement2) {
      return { skipped: `announced as ${announced}, but it is a bare SBOM, not an in-toto statement` };
    }
    const problem2 = bindingProblem(statement2.subject, statement2.predicateType, announced, platform.digest);
    if (problem2) return { skipped: problem2 };
    return { attestation: { ...common, predicateType: statement2.predicateType, sbom: true }, sbom };
  }
  const bytes = await store.getBlob(layer.digest, MAX_ATTACHED_LAYER_BYTES);
  const { statement, json } = parseStatement(bytes, where);
  const problem = bindingProblem(statement.subjects, statement.predicateType, announced, platform.digest);
  if (problem) return { skipped: problem };
  if (isSbomPredicateType(statement.predicateType)) {
    const sbom = sbomReader().readValue(json);
    return { attestation: { ...common, predicateType: statement.predicateType, sbom: true }, sbom };
  }
  if (!SLSA_PROVENANCE.test(statement.predicateType)) {
    return { skipped: `predicate type ${statement.predicateType} is not one the gate reads` };
  }
  return { attestation: { ...common, predicateType: statement.predicateType, statement } };
}
function bindingProblem(subject, predicateType, announced, platformDigest) {
  if (announced !== void 0 && announced !== predicateType) {
    return `its layer annotation says ${announced}, but the statement's predicate type is ${predicateType}`;
  }
  const digests = subjectDigests(subject);
  if (digests.includes(platformDigest)) return void 0;
  return digests.length === 0 ? `the statement names no subject digest, so it is about no image (its manifest annotation names ${platformDigest})` : `the statement is about ${digests.join(", ")}, not ${platformDigest}, the image its manifest annotation names: subject mismatch`;
}
function subjectDigests(subject) {
  if (!Array.isArray(subject)) return [];
  return subject.flatMap((entry) => {
    const sha256 = isRecord4(entry) && isRecord4(entry.digest) ? entry.digest.sha256 : void 0;
    return typeof sha256 === "string" && /^[a-f0-9]{64}$/.test(sha256) ? [`sha256:${sha256}`] : [];
  });
}
function parseStatement(bytes, where) {
  let json;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new VerificationError("invalid-attestation", `${where} is not UTF-8 JSON`);
  }
  if (!isRecord4(json) || typeof json.predicateType !== "string") {
    throw new VerificationError(
      "invalid-attestation",
      `${where} is not an in-toto statement (no predicateType)`
    );
  }
  const subjects = Array.isArray(json.subject) ? json.subject.filter(isRecord4).map((entry) => ({
    ...typeof entry.name === "string" ? { name: entry.name } : {},
    digest: isRecord4(entry.digest) ? Object.fromEntries(
      Object.entries(entry.digest).filter(([, v]) => typeof v === "string")
    ) : {}
  })) : [];
  return { statement: { predicateType: json.predicateType, subjects, predicate: json.predicate }, json };
}
function layersOf(manifest) {
  const { layers } = manifest.json;
  if (!Array.isArray(layers)) {
    throw new VerificationError(
      "invalid-manifest",
      `attestation manifest ${manifest.digest} has no "layers" array`
    );
  }
  return layers.map((value, position) => {
    if (!isRecord4(value) || typeof value.digest !== "string" || typeof value.mediaType !== "string") {
      throw new VerificationError(
        "invalid-manifest",
        `attestation manifest ${manifest.digest} has layers[${position}] without a digest or media type`
      );
    }
    const annotations = isRecord4(value.annotations) ? value.annotations : {};
    const predicateType = annotations[PREDICATE_TYPE_ANNOTATION];
    return {
      digest: value.digest,
      mediaType: value.mediaType,
      ...typeof predicateType === "string" ? { predicateType } : {}
    };
  });
}
function isRecord4(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/evidence/sbom/attested-sboms.ts
function sbomsOfVerifications(verifications) {
  const sboms = [];
  for (const verification of verifications) {
    if (verification.status !== "verified" || !verification.statement) continue;
    const { statement, artifact, signer } = verification;
    if (!isSbomPredicateType(statement.predicateType)) continue;
    const reader = new SbomReader(artifact.source, {
      kind: "attestation",
      subjectDigest: artifact.subjectDigest,
      ...artifact.platform ? { platform: artifact.platform } : {},
      signer
    });
    sboms.push(
      reader.readValue({
        subject: statement.subjects,
        predicateType: statement.predicateType,
        predicate: statement.predicate
      })
    );
  }
  return sboms;
}

// src/evidence/sbom/sbom-files.ts
import { resolve as resolve2 } from "node:path";
async function readSbomFile(path, workspace) {
  const absolute = resolve2(workspace, path);
  const shown = pathInside(absolute, workspace) ?? absolute;
  const source = { kind: "file", uri: shown };
  const reader = new SbomReader(source, { kind: "file" });
  source.digest = await streamInputFile(
    absolute,
    {
      errors: {
        missing: (reason) => new ConfigurationError("sbom-not-found", `${shown}: cannot read the SBOM (${reason})`),
        notAFile: () => new ConfigurationError("sbom-not-a-file", `${shown}: the SBOM is not a regular file`)
      },
      limit: {
        bytes: MAX_SBOM_BYTES,
        error: (bytes, whileReading) => new ConfigurationError(
          "sbom-too-large",
          whileReading ? `${shown}: the SBOM grew past ${MAX_SBOM_BYTES} bytes while being read` : `${shown}: the SBOM is ${bytes} bytes; the limit is ${MAX_SBOM_BYTES}`
        )
      }
    },
    (bytes) => reader.write(bytes)
  );
  return reader.end();
}

// src/evidence/final-filesystem.ts
var DEFAULT_INVENTORY_LIMITS = {
  maxLayerSize: 512 * 1024 * 1024,
  maxUnpackedSize: 4 * 1024 * 1024 * 1024
};
var SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "ash", "dash", "busybox"]);
var PIP = /^pip\d*(\.\d+)?$/;
var PACKAGE_MANAGERS = /* @__PURE__ */ new Set(["apk", "apt", "apt-get", "dpkg", "rpm", "dnf", "yum", "microdnf", "npm"]);
var WHITEOUT = ".wh.";
var OPAQUE = ".wh..wh..opq";
function toolKind(path) {
  const parts = path.split("/");
  const name = parts[parts.length - 1];
  const parent = parts[parts.length - 2];
  if (parent !== "bin" && parent !== "sbin") return void 0;
  if (SHELLS.has(name)) return "shell";
  if (PACKAGE_MANAGERS.has(name) || PIP.test(name)) return "package-manager";
  return void 0;
}
async function inventoryFilesystem(store, image, limits = DEFAULT_INVENTORY_LIMITS) {
  const tree = /* @__PURE__ */ new Map();
  const skipped = [];
  for (const layer of image.layers) {
    if (layer.size > limits.maxLayerSize) {
      skipped.push({
        layerDigest: layer.digest,
        reason: `${layer.size} bytes compressed, over the ${limits.maxLayerSize}-byte limit`
      });
      continue;
    }
    const gzip = /gzip$/.test(layer.mediaType);
    if (!gzip && !/tar$/.test(layer.mediaType)) {
      skipped.push({ layerDigest: layer.digest, reason: `media type ${layer.mediaType} is not read` });
      continue;
    }
    const bytes = Buffer.from(await store.getBlob(layer.digest, limits.maxLayerSize));
    const changes = await readLayer(bytes, gzip, layer.digest, limits.maxUnpackedSize);
    if ("skipped" in changes) {
      skipped.push({ layerDigest: layer.digest, reason: changes.skipped });
      continue;
    }
    applyLayer(tree, changes);
  }
  const found = [];
  for (const [path, node] of tree) {
    if (node.kind === "directory") continue;
    const kind = toolKind(path);
    if (!kind) continue;
    found.push({
      path: `/${path}`,
      kind,
      layerDigest: node.layerDigest,
      ...node.linkTarget !== void 0 ? { linkTarget: node.linkTarget } : {}
    });
  }
  found.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return {
    manifestDigest: image.digest,
    ...image.platform ? { platform: image.platform } : {},
    paths: tree.size,
    found,
    skipped
  };
}
function applyLayer(tree, changes) {
  for (const directory of changes.opaque) removeBelow(tree, directory);
  for (const path of changes.whiteouts) {
    const removed = tree.get(path);
    tree.delete(path);
    if (removed === void 0 || removed.kind === "directory") removeBelow(tree, path);
  }
  for (const [path, node] of changes.entries) {
    const below = tree.get(path);
    if (below?.kind === "directory" && node.kind !== "directory") removeBelow(tree, path);
    tree.set(path, node);
  }
}
function removeBelow(tree, directory) {
  const prefix = directory === "" ? "" : `${directory}/`;
  for (const path of tree.keys()) if (path.startsWith(prefix) && path !== directory) tree.delete(path);
}
async function readLayer(bytes, gzip, layerDigest, maxUnpacked) {
  const changes = { entries: [], whiteouts: [], opaque: [] };
  const add = (path, node) => {
    const slash = path.lastIndexOf("/");
    const dir = slash === -1 ? "" : path.slice(0, slash);
    const name = path.slice(slash + 1);
    if (name === OPAQUE) changes.opaque.push(dir);
    else if (name.startsWith(WHITEOUT))
      changes.whiteouts.push(`${dir ? `${dir}/` : ""}${name.slice(WHITEOUT.length)}`);
    else if (path !== "" && path !== ".") changes.entries.push([path, node]);
  };
  const why = await readLayerArchive(bytes, gzip, maxUnpacked, {
    wantContent: () => 0,
    onEntry: (entry) => add(entry.path, { kind: "file", layerDigest }),
    onOtherEntry: (entry) => add(entry.path, {
      kind: entry.type,
      layerDigest,
      ...entry.linkTarget !== void 0 ? { linkTarget: entry.linkTarget } : {}
    })
  });
  return why === void 0 ? changes : { skipped: why };
}

// src/evidence/collect.ts
async function collectEvidence(inputs, deps, policy, made) {
  return (await collectEvidenceForPolicy(inputs, deps, policy, made)).evidence;
}
async function collectEvidenceForPolicy(inputs, deps, policy, made) {
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
  const [image, scans, inputVex, fileSboms] = await Promise.all([
    (local ? collectLocalImageEvidence : collectImageEvidence)(
      { reference: inputs.image, parsed, digest: inputs.digest, platforms: inputs.platforms },
      store,
      discovery.add
    ),
    Promise.all(inputs.scanPaths.map((path) => readScanFile(path, inputs.workspace))),
    Promise.all((inputs.vexPaths ?? []).map((path) => readVex(path, vexOrigin))),
    Promise.all((inputs.sbomPaths ?? []).map((path) => readSbomFile(path, inputs.workspace)))
  ]);
  const effective = policy && effectivePolicy(policy, image.name);
  const policyVexPaths = effective ? effective.vulnerabilities.vex : [];
  const vex = [...inputVex, ...await Promise.all(policyVexPaths.map((path) => readVex(path, vexOrigin)))];
  const [found, buildkit] = await Promise.all([
    discovery.finish(),
    image.attestationManifests ? readBuildKitAttestations(store, image) : void 0
  ]);
  const lookups = [...found.lookups, ...buildkit?.lookups ?? []];
  const madeArtifact = made?.artifact && !found.discovered.some((artifact) => artifact.source.digest === made.artifact?.source.digest) ? [made.artifact] : [];
  const discovered = [
    ...found.discovered,
    ...madeArtifact,
    ...await readBundleFiles(inputs.bundlePaths ?? [], inputs.workspace, image.digest)
  ];
  const verifications = await verifySignatures(discovered, {
    policy: effective?.signatures,
    workspace: inputs.workspace,
    loadTrust: deps.loadTrust ?? (async () => (await import("./trusted-root-3MHCZZT6.js")).loadTrustStore({
      trustedRootPath: inputs.trustedRootPath,
      workspace: inputs.workspace
    }))
  });
  const imagePolicy = effective?.image;
  const layerScan = imagePolicy?.["scan-layers"];
  const detector = imagePolicy?.secrets || layerScan ? await loadSecretDetector() : void 0;
  const configSecrets = detector && imagePolicy?.secrets ? await scanImageConfigs(image, detector) : void 0;
  const layerScans = detector && layerScan ? await scanImageLayers(store, image, layerScan, detector) : void 0;
  const filesystems = imagePolicy && (imagePolicy["no-shell"] || imagePolicy["no-package-manager"]) ? await Promise.all(image.platforms.map((platform) => inventoryFilesystem(store, platform))) : void 0;
  const stats = deps.requestLog?.statsSince(mark);
  const sboms = [...fileSboms, ...buildkit?.sboms ?? [], ...sbomsOfVerifications(verifications)];
  const evidence = {
    image,
    scans,
    ...vex.length > 0 ? { vex } : {},
    discovered,
    lookups,
    verifications,
    ...stats ? { stats } : {},
    ...layerScans ? { layerScans } : {},
    ...filesystems ? { filesystems } : {},
    ...configSecrets ? { configSecrets } : {},
    repositoryUrl: inputs.repositoryUrl,
    ...made ? { generatedProvenance: made.generated } : {},
    ...buildkitFields(buildkit),
    ...sboms.length > 0 ? { sboms } : {}
  };
  return { evidence, ...effective ? { effective } : {} };
}
function buildkitFields(buildkit) {
  return buildkit && buildkit.attestations.length > 0 ? { buildkitAttestations: buildkit.attestations } : {};
}
async function scanImageLayers(store, image, setting, detector) {
  const limits = setting === true ? DEFAULT_LAYER_SCAN_LIMITS : {
    maxLayerSize: setting["max-layer-size"],
    maxUnpackedSize: setting["max-unpacked-size"],
    maxFileSize: setting["max-file-size"]
  };
  const scans = [];
  for (const platform of image.platforms)
    scans.push(await scanLayersForSecrets(store, platform, limits, detector));
  return scans;
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
  return reference.kind === "oci-layout" || reference.kind === "oci-archive" ? { ...reference, path: resolve3(workspace, reference.path) } : reference;
}
export {
  collectEvidence,
  collectEvidenceForPolicy
};
