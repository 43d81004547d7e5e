import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  ConfigurationError
} from "./chunk-QCJNFU7Y.js";

// src/model/image-reference.ts
var DOCKER_HUB_REGISTRY = "docker.io";
var OCI_PREFIX = "oci:";
var OCI_ARCHIVE_PREFIX = "oci-archive:";
var DOCKER_PREFIX = "docker:";
var EXPECTED_FORM = "expected registry/name[:tag][@sha256:<64 hex>] (e.g. ghcr.io/acme/app:1.0), oci:PATH[:tag][@sha256:<64 hex>], oci-archive:PATH[:tag][@sha256:<64 hex>], or docker:NAME[:TAG] / docker:sha256:<image id> for the local Docker engine";
var MAX_NAME_LENGTH = 255;
var MAX_QUOTED_INPUT = 200;
var TAG = /^\w[\w.-]{0,127}$/;
var SHA256_DIGEST = /^sha256:[a-f0-9]{64}$/;
var ANY_DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
var PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
var DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
var IPV6_HOST = /^\[[a-fA-F0-9:]+\]$/;
var PORT = /^[0-9]{1,5}$/;
function parseImageReference(input) {
  const fail = (reason) => {
    throw new ConfigurationError(
      "invalid-image-reference",
      `invalid image reference ${quoteInput(input)}: ${reason}; ${EXPECTED_FORM}`
    );
  };
  if (input.length === 0) fail("it is empty");
  if (/\s/.test(input)) fail("it contains whitespace");
  if (input.startsWith(OCI_PREFIX)) {
    return parseOciLayoutReference("oci-layout", input.slice(OCI_PREFIX.length), fail);
  }
  if (input.startsWith(OCI_ARCHIVE_PREFIX)) {
    return parseOciLayoutReference("oci-archive", input.slice(OCI_ARCHIVE_PREFIX.length), fail);
  }
  if (input.startsWith(DOCKER_PREFIX)) {
    return parseDockerEngineReference(input.slice(DOCKER_PREFIX.length), fail);
  }
  if (input.includes("://")) fail("drop the URL scheme");
  return parseRegistryReference(input, fail);
}
function formatImageName(reference) {
  switch (reference.kind) {
    case "registry":
      return `${reference.registry}/${reference.repository}`;
    case "oci-layout":
      return `${OCI_PREFIX}${reference.path}`;
    case "oci-archive":
      return `${OCI_ARCHIVE_PREFIX}${reference.path}`;
    case "docker":
      return reference.name ?? `${DOCKER_PREFIX}${reference.engineReference}`;
  }
}
function isLoopbackHost(host) {
  const name = stripPort(host.toLowerCase());
  if (name === void 0) return false;
  if (name === "localhost" || name === "::1" || name === "0:0:0:0:0:0:0:1") return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  return octets !== null && octets.slice(1).every((octet) => Number(octet) <= 255);
}
function parseRegistryReference(input, fail) {
  const [nameAndTag, digest] = splitDigest(input, input.indexOf("@"), fail);
  const { name, tag } = splitTag(nameAndTag, fail);
  if (name.length > MAX_NAME_LENGTH) fail(`the name is longer than ${MAX_NAME_LENGTH} characters`);
  const firstSlash = name.indexOf("/");
  const first = firstSlash === -1 ? name : name.slice(0, firstSlash);
  const hasRegistry = firstSlash !== -1 && (first.includes(".") || first.includes(":") || first === "localhost");
  let registry = hasRegistry ? first : DOCKER_HUB_REGISTRY;
  let repository = hasRegistry ? name.slice(firstSlash + 1) : name;
  if (hasRegistry) validateRegistryHost(registry, fail);
  if (registry === "index.docker.io") registry = DOCKER_HUB_REGISTRY;
  if (registry === DOCKER_HUB_REGISTRY && !repository.includes("/")) repository = `library/${repository}`;
  validateRepository(repository, fail);
  return {
    kind: "registry",
    registry,
    repository,
    ...tag === void 0 ? {} : { tag },
    ...digest === void 0 ? {} : { digest }
  };
}
function parseOciLayoutReference(kind, rest, fail) {
  const [pathAndTag, digest] = splitDigest(rest, rest.lastIndexOf("@sha256:"), fail);
  const { name: path, tag } = splitTag(pathAndTag, fail);
  if (path.length === 0) {
    fail(kind === "oci-layout" ? "the OCI layout path is empty" : "the OCI archive path is empty");
  }
  return {
    kind,
    path,
    ...tag === void 0 ? {} : { tag },
    ...digest === void 0 ? {} : { digest }
  };
}
function parseDockerEngineReference(rest, fail) {
  if (rest.length === 0) fail('the image name after "docker:" is empty');
  if (rest.startsWith("//")) {
    fail(
      "drop the URL scheme: docker:NAME reads the local engine, a registry image is written without a scheme"
    );
  }
  if (rest.startsWith("sha256:")) {
    if (!SHA256_DIGEST.test(rest)) {
      fail('an image ID must be "sha256:" followed by 64 lowercase hex characters');
    }
    return { kind: "docker", engineReference: rest, imageId: rest };
  }
  if (rest.includes("@")) {
    fail(
      "a docker: reference names the image by NAME[:TAG] or by its image ID; give the digest to bind to as the digest input"
    );
  }
  const parsed = parseRegistryReference(rest, fail);
  return {
    kind: "docker",
    engineReference: rest,
    name: `${parsed.registry}/${parsed.repository}`,
    ...parsed.tag === void 0 ? {} : { tag: parsed.tag }
  };
}
function splitDigest(input, at, fail) {
  if (at === -1) return [input, void 0];
  const digest = input.slice(at + 1);
  if (!SHA256_DIGEST.test(digest)) {
    if (ANY_DIGEST.test(digest) && !digest.startsWith("sha256:")) fail("only sha256 digests are supported");
    fail(`the digest must be "sha256:" followed by 64 lowercase hex characters`);
  }
  return [input.slice(0, at), digest];
}
function splitTag(input, fail) {
  const colon = input.lastIndexOf(":");
  if (colon === -1 || colon < input.lastIndexOf("/")) return { name: input };
  const tag = input.slice(colon + 1);
  if (!TAG.test(tag)) {
    fail(
      `the tag ${JSON.stringify(tag)} must be 1-128 letters, digits, "_", "." or "-", not starting with "." or "-"`
    );
  }
  return { name: input.slice(0, colon), tag };
}
function validateRegistryHost(registry, fail) {
  const hostAndPort = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(registry);
  const host = hostAndPort?.[1] ?? "";
  const port = hostAndPort?.[2];
  const hostIsValid = IPV6_HOST.test(host) || host.split(".").every((part) => DOMAIN_COMPONENT.test(part));
  if (!hostIsValid) fail(`the registry host ${JSON.stringify(registry)} is not a valid host name`);
  if (port !== void 0 && (!PORT.test(port) || Number(port) > 65535)) {
    fail(`the registry port in ${JSON.stringify(registry)} must be a number up to 65535`);
  }
}
function validateRepository(repository, fail) {
  for (const component of repository.split("/")) {
    if (PATH_COMPONENT.test(component)) continue;
    if (component.length === 0) fail("the repository has an empty path component");
    if (PATH_COMPONENT.test(component.toLowerCase())) fail("repository names must be lowercase");
    fail(
      `the repository component ${JSON.stringify(component)} must be lowercase letters and digits, separated by ".", "_", "__" or dashes`
    );
  }
}
function stripPort(host) {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(host);
  if (bracketed) return bracketed[1];
  const colons = host.split(":").length - 1;
  if (colons !== 1) return host;
  const [name = "", port = ""] = host.split(":");
  return /^\d+$/.test(port) ? name : void 0;
}
function quoteInput(input) {
  return JSON.stringify(input.length > MAX_QUOTED_INPUT ? `${input.slice(0, MAX_QUOTED_INPUT)}\u2026` : input);
}

export {
  DOCKER_HUB_REGISTRY,
  parseImageReference,
  formatImageName,
  isLoopbackHost
};
