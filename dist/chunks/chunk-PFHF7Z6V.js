import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  CheckFailure
} from "./chunk-X5KWVBVD.js";
import {
  require_dist
} from "./chunk-E5VL4JDA.js";
import {
  require_dist as require_dist2
} from "./chunk-OBVAS5ZZ.js";
import {
  __toESM
} from "./chunk-GVUJSAVW.js";

// src/sigstore/bundle-json.ts
var import_bundle = __toESM(require_dist2(), 1);
var import_core = __toESM(require_dist(), 1);
var BUNDLE_MEDIA_TYPES = [
  import_bundle.BUNDLE_V01_MEDIA_TYPE,
  import_bundle.BUNDLE_V02_MEDIA_TYPE,
  import_bundle.BUNDLE_V03_LEGACY_MEDIA_TYPE,
  import_bundle.BUNDLE_V03_MEDIA_TYPE
];
var BASE64 = /^(?:[A-Za-z0-9+/]*={0,2}|[A-Za-z0-9_-]*={0,2})$/;
var UNSIGNED_INTEGER = /^(?:0|[1-9][0-9]*)$/;
function parseBundle(json) {
  if (!isObject(json)) throw new CheckFailure("bundle-format", "the bundle is not a JSON object");
  const mediaType = json.mediaType;
  if (typeof mediaType !== "string" || !BUNDLE_MEDIA_TYPES.includes(mediaType)) {
    throw new CheckFailure(
      "bundle-version",
      `unsupported bundle media type ${JSON.stringify(mediaType ?? null)}: supported are sigstore bundle v0.1, v0.2 and v0.3`
    );
  }
  const problems = [...badBytes(json), ...badIntegers(json)];
  if (problems.length > 0) throw new CheckFailure("bundle-format", `invalid bundle: ${problems.join("; ")}`);
  checkMaterialForVersion(json, mediaType);
  let bundle;
  try {
    bundle = (0, import_bundle.bundleFromJSON)(json);
  } catch (error) {
    if (error instanceof import_bundle.ValidationError) {
      throw new CheckFailure(
        "bundle-format",
        `invalid bundle: missing or empty ${(error.fields ?? []).join(", ") || "fields"}`
      );
    }
    throw new CheckFailure("bundle-format", `invalid bundle: ${error.message}`);
  }
  rejectRootInChain(bundle);
  return bundle;
}
function rejectRootInChain(bundle) {
  const content = bundle.verificationMaterial.content;
  if (content.$case !== "x509CertificateChain") return;
  content.x509CertificateChain.certificates.slice(1).forEach((raw, index) => {
    let cert;
    try {
      cert = import_core.X509Certificate.parse(Buffer.from(raw.rawBytes));
    } catch (error) {
      throw new CheckFailure(
        "certificate",
        `certificate ${index + 1} of the bundle's chain is not a valid X.509 certificate (${error.message})`
      );
    }
    if (cert.subject.equals(cert.issuer) && cert.verify()) {
      throw new CheckFailure(
        "certificate-chain",
        "the bundle certificate chain contains a root certificate; roots come only from the trusted root"
      );
    }
  });
}
var MATERIAL_CASES = ["certificate", "x509CertificateChain", "publicKey"];
function checkMaterialForVersion(json, mediaType) {
  const material = json.verificationMaterial;
  if (!isObject(material)) return;
  const present = MATERIAL_CASES.filter((name) => material[name] !== void 0 && material[name] !== null);
  const v03 = mediaType === import_bundle.BUNDLE_V03_MEDIA_TYPE || mediaType === import_bundle.BUNDLE_V03_LEGACY_MEDIA_TYPE;
  const version = v03 ? "v0.3" : mediaType === import_bundle.BUNDLE_V02_MEDIA_TYPE ? "v0.2" : "v0.1";
  if (present.length > 1) {
    throw new CheckFailure(
      "bundle-format",
      `invalid bundle: verificationMaterial holds ${present.join(" and ")}; a bundle carries exactly one`
    );
  }
  const allowed = v03 ? ["certificate", "publicKey"] : ["x509CertificateChain", "publicKey"];
  const found = present[0];
  if (found !== void 0 && !allowed.includes(found)) {
    throw new CheckFailure(
      "bundle-version",
      `a ${version} bundle may not carry verificationMaterial.${found}: ${v03 ? "v0.3 carries the signing certificate alone as verificationMaterial.certificate" : `${version} carries the signing certificate as verificationMaterial.x509CertificateChain`} (or a publicKey)`
    );
  }
}
function checkLogEntries(json) {
  if (!isObject(json)) return;
  items(child(json.verificationMaterial, "tlogEntries")).forEach((entry, i) => {
    const at = `verificationMaterial.tlogEntries[${i}]`;
    const kind = child(entry, "kindVersion");
    if (child(kind, "kind") === "dsse" && child(kind, "version") === "0.0.2") {
      throw new CheckFailure(
        "transparency-log",
        `${at} is a Rekor v2 dsse 0.0.2 entry, which sigstore clients no longer verify: Rekor v2 logs a DSSE envelope as a hashedrekord 0.0.2 entry over the envelope's PAE; sign it again with a current client`
      );
    }
    const proof = child(entry, "inclusionProof");
    if (proof === void 0 || proof === null) return;
    const envelope = child(child(proof, "checkpoint"), "envelope");
    if (typeof envelope !== "string" || envelope.trim() === "") {
      throw new CheckFailure(
        "transparency-log",
        `${at}.inclusionProof has no checkpoint, so the proof's root hash is signed by no log: the inclusion proof cannot be verified`
      );
    }
  });
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function child(value, key) {
  return isObject(value) ? value[key] : void 0;
}
function items(value) {
  return Array.isArray(value) ? value : [];
}
function byteFields(bundle) {
  const fields = [];
  const message = bundle.messageSignature;
  fields.push(["messageSignature.signature", child(message, "signature")]);
  fields.push(["messageSignature.messageDigest.digest", child(child(message, "messageDigest"), "digest")]);
  const envelope = bundle.dsseEnvelope;
  fields.push(["dsseEnvelope.payload", child(envelope, "payload")]);
  items(child(envelope, "signatures")).forEach(
    (sig, i) => fields.push([`dsseEnvelope.signatures[${i}].sig`, child(sig, "sig")])
  );
  const material = bundle.verificationMaterial;
  fields.push([
    "verificationMaterial.certificate.rawBytes",
    child(child(material, "certificate"), "rawBytes")
  ]);
  items(child(child(material, "x509CertificateChain"), "certificates")).forEach(
    (cert, i) => fields.push([
      `verificationMaterial.x509CertificateChain.certificates[${i}].rawBytes`,
      child(cert, "rawBytes")
    ])
  );
  items(child(material, "tlogEntries")).forEach((entry, i) => {
    const at = `verificationMaterial.tlogEntries[${i}]`;
    fields.push([`${at}.logId.keyId`, child(child(entry, "logId"), "keyId")]);
    fields.push([`${at}.canonicalizedBody`, child(entry, "canonicalizedBody")]);
    fields.push([
      `${at}.inclusionPromise.signedEntryTimestamp`,
      child(child(entry, "inclusionPromise"), "signedEntryTimestamp")
    ]);
    const proof = child(entry, "inclusionProof");
    fields.push([`${at}.inclusionProof.rootHash`, child(proof, "rootHash")]);
    items(child(proof, "hashes")).forEach(
      (hash, j) => fields.push([`${at}.inclusionProof.hashes[${j}]`, hash])
    );
  });
  items(child(child(material, "timestampVerificationData"), "rfc3161Timestamps")).forEach(
    (stamp, i) => fields.push([
      `verificationMaterial.timestampVerificationData.rfc3161Timestamps[${i}].signedTimestamp`,
      child(stamp, "signedTimestamp")
    ])
  );
  return fields;
}
function badBytes(bundle) {
  return byteFields(bundle).filter(([, value]) => value !== void 0).filter(([, value]) => {
    if (typeof value !== "string") return true;
    const text = value.replace(/[\r\n]/g, "");
    return !BASE64.test(text) || text.length % 4 === 1;
  }).map(([path]) => `${path} is not valid base64`);
}
function badIntegers(bundle) {
  const problems = [];
  items(child(bundle.verificationMaterial, "tlogEntries")).forEach((entry, i) => {
    const at = `verificationMaterial.tlogEntries[${i}]`;
    const proof = child(entry, "inclusionProof");
    const values = [
      [`${at}.logIndex`, child(entry, "logIndex")],
      [`${at}.integratedTime`, child(entry, "integratedTime")],
      [`${at}.inclusionProof.logIndex`, child(proof, "logIndex")],
      [`${at}.inclusionProof.treeSize`, child(proof, "treeSize")]
    ];
    for (const [path, value] of values) {
      if (value === void 0) continue;
      const text = typeof value === "number" && Number.isSafeInteger(value) ? String(value) : value;
      if (typeof text !== "string" || !UNSIGNED_INTEGER.test(text)) {
        problems.push(`${path} must be a non-negative integer, got ${JSON.stringify(value)}`);
      }
    }
  });
  return problems;
}

export {
  BUNDLE_MEDIA_TYPES,
  parseBundle,
  checkLogEntries
};
