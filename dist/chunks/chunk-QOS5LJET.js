import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  CheckFailure
} from "./chunk-X5KWVBVD.js";

// src/sigstore/in-toto.ts
import { createHash } from "node:crypto";
var IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
var STATEMENT_TYPES = ["https://in-toto.io/Statement/v0.1", "https://in-toto.io/Statement/v1"];
var DIGEST_ALGORITHMS = ["sha256", "sha384", "sha512"];
function describeDigest(digest) {
  return `${digest.algorithm}:${digest.hex}`;
}
function parseDigest(text) {
  const match = /^(sha256|sha384|sha512):([0-9a-fA-F]+)$/.exec(text);
  if (!match) return void 0;
  const algorithm = match[1];
  const hex = match[2].toLowerCase();
  const expected = { sha256: 64, sha384: 96, sha512: 128 }[algorithm];
  return hex.length === expected ? { algorithm, hex } : void 0;
}
function digestOf(artifact, algorithm) {
  if ("bytes" in artifact) {
    return { algorithm, hex: createHash(algorithm).update(artifact.bytes).digest("hex") };
  }
  return artifact.digest.algorithm === algorithm ? artifact.digest : void 0;
}
function parseStatement(payloadType, payload) {
  if (payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new CheckFailure(
      "subject-binding",
      `the DSSE payload type is ${JSON.stringify(payloadType)}, not an in-toto statement, so it names no subject to bind to`
    );
  }
  let json;
  try {
    json = JSON.parse(payload.toString("utf8"));
  } catch {
    throw new CheckFailure("subject-binding", "the DSSE payload is not valid JSON");
  }
  const statement = json;
  if (typeof json !== "object" || json === null || !STATEMENT_TYPES.includes(statement._type)) {
    throw new CheckFailure("subject-binding", "the DSSE payload is not an in-toto statement (unknown _type)");
  }
  if (typeof statement.predicateType !== "string" || !Array.isArray(statement.subject)) {
    throw new CheckFailure("subject-binding", "the in-toto statement has no predicateType or subject list");
  }
  const subjects = statement.subject.map((subject, index) => {
    const entry = subject;
    const digest = entry?.digest;
    if (typeof digest !== "object" || digest === null || Array.isArray(digest)) {
      throw new CheckFailure("subject-binding", `in-toto subject ${index} has no digest`);
    }
    const digests = {};
    for (const [algorithm, value] of Object.entries(digest)) {
      if (typeof value === "string") digests[algorithm] = value;
    }
    return typeof entry?.name === "string" ? { name: entry.name, digest: digests } : { digest: digests };
  });
  return { predicateType: statement.predicateType, subjects, predicate: statement.predicate };
}
function bindSubject(statement, artifact) {
  for (const algorithm of DIGEST_ALGORITHMS) {
    const named = statement.subjects.filter((subject) => subject.digest[algorithm] !== void 0);
    if (named.length === 0) continue;
    const digest = digestOf(artifact, algorithm);
    if (!digest) continue;
    if (named.some((subject) => subject.digest[algorithm].toLowerCase() === digest.hex)) return;
  }
  const subjects = statement.subjects.map((subject) => Object.entries(subject.digest).map(([algorithm, hex]) => `${algorithm}:${hex}`)).flat();
  const artifactText = "bytes" in artifact ? `sha256:${digestOf(artifact, "sha256").hex}` : describeDigest(artifact.digest);
  throw new CheckFailure(
    "subject-binding",
    `the attestation is about ${subjects.slice(0, 3).join(", ") || "no digest"}${subjects.length > 3 ? ` and ${subjects.length - 3} more` : ""}, not ${artifactText}`
  );
}

export {
  IN_TOTO_PAYLOAD_TYPE,
  describeDigest,
  parseDigest,
  digestOf,
  parseStatement,
  bindSubject
};
