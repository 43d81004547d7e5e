// test/support/registry-push.ts
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
var OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
var OCI_INDEX = "application/vnd.oci.image.index.v1+json";
var OCI_EMPTY = "application/vnd.oci.empty.v1+json";
function sha256(bytes) {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}
function authHeaders(registry) {
  return registry.username === void 0 ? {} : {
    authorization: `Basic ${Buffer.from(`${registry.username}:${registry.password ?? ""}`).toString("base64")}`
  };
}
async function pushBlob(registry, repository, bytes, mediaType) {
  const digest = sha256(bytes);
  const started = await fetch(`${registry.url}/v2/${repository}/blobs/uploads/`, {
    method: "POST",
    headers: authHeaders(registry)
  });
  await started.body?.cancel();
  const location = started.headers.get("location");
  if (started.status !== 202 || !location) throw new Error(`blob upload to ${repository}: ${started.status}`);
  const url = new URL(location, registry.url);
  url.searchParams.set("digest", digest);
  const put = await fetch(url, {
    method: "PUT",
    headers: { ...authHeaders(registry), "content-type": "application/octet-stream" },
    body: bytes
  });
  await put.body?.cancel();
  if (put.status !== 201) throw new Error(`blob PUT to ${repository}: ${put.status}`);
  return { mediaType, digest, size: bytes.byteLength };
}
async function pushManifest(registry, repository, manifest, reference) {
  const bytes = Buffer.from(JSON.stringify(manifest));
  const digest = sha256(bytes);
  const mediaType = String(manifest.mediaType);
  const response = await fetch(`${registry.url}/v2/${repository}/manifests/${reference ?? digest}`, {
    method: "PUT",
    headers: { ...authHeaders(registry), "content-type": mediaType },
    body: bytes
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`manifest PUT to ${repository}: ${response.status} ${text}`);
  return { mediaType, digest, size: bytes.byteLength };
}
async function deleteManifest(registry, repository, digest) {
  const response = await fetch(`${registry.url}/v2/${repository}/manifests/${digest}`, {
    method: "DELETE",
    headers: authHeaders(registry)
  });
  await response.body?.cancel();
  if (response.status !== 202) throw new Error(`manifest DELETE in ${repository}: ${response.status}`);
}
async function attachCosignManifest(registry, repository, subjectDigest, suffix, layers) {
  const pushed = await Promise.all(
    layers.map(async (layer) => ({
      ...await pushBlob(registry, repository, layer.payload, layer.mediaType),
      annotations: layer.annotations
    }))
  );
  const config = Buffer.from(
    JSON.stringify({
      architecture: "",
      os: "",
      rootfs: { type: "layers", diff_ids: pushed.map((layer) => layer.digest) },
      config: {}
    })
  );
  return pushManifest(
    registry,
    repository,
    {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: await pushBlob(registry, repository, config, "application/vnd.oci.image.config.v1+json"),
      layers: pushed
    },
    `${subjectDigest.replace(":", "-")}${suffix}`
  );
}
async function pushReferrer(registry, repository, subject, layer) {
  const empty = await pushBlob(registry, repository, Buffer.from("{}"), OCI_EMPTY);
  const blob = await pushBlob(registry, repository, layer.payload, layer.mediaType);
  const pushed = await pushManifest(registry, repository, {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: layer.mediaType,
    config: empty,
    layers: [blob],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size }
  });
  return { ...pushed, artifactType: layer.mediaType };
}
async function readManifest(registry, repository, reference) {
  const response = await fetch(`${registry.url}/v2/${repository}/manifests/${reference}`, {
    headers: { ...authHeaders(registry), accept: [OCI_MANIFEST, OCI_INDEX].join(", ") }
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`manifest GET ${repository}:${reference}: ${response.status}`);
  const json = JSON.parse(bytes.toString("utf8"));
  return {
    descriptor: { mediaType: String(json.mediaType), digest: sha256(bytes), size: bytes.byteLength },
    json
  };
}
async function attachWithSigstoreOci(registry, attachments) {
  const credentials = { username: registry.username ?? "", password: registry.password ?? "" };
  const input = JSON.stringify(
    attachments.map((attachment) => ({
      ...attachment,
      artifact: Buffer.from(attachment.artifact).toString("base64"),
      credentials
    }))
  );
  await new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [fileURLToPath(new URL("./sigstore-oci-attach.mjs", import.meta.url))],
      { timeout: 6e4 },
      (error, _stdout, stderr) => error ? reject(new Error(`@sigstore/oci failed: ${stderr.trim() || error.message}`)) : resolve()
    );
    child.stdin?.end(input);
  });
}
export {
  OCI_EMPTY,
  OCI_INDEX,
  OCI_MANIFEST,
  attachCosignManifest,
  attachWithSigstoreOci,
  deleteManifest,
  pushBlob,
  pushManifest,
  pushReferrer,
  readManifest,
  sha256
};
