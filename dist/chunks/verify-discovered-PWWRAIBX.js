import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  verifyBundle
} from "./chunk-XLC6RVTM.js";
import "./chunk-RJ4RMKR5.js";
import "./chunk-PFHF7Z6V.js";
import {
  parseDigest
} from "./chunk-QOS5LJET.js";
import {
  CheckFailure
} from "./chunk-X5KWVBVD.js";
import "./chunk-QCJNFU7Y.js";
import "./chunk-ZKL6BKDN.js";
import "./chunk-E5VL4JDA.js";
import {
  require_dist
} from "./chunk-OBVAS5ZZ.js";
import "./chunk-F37ZYHBP.js";
import {
  __toESM
} from "./chunk-GVUJSAVW.js";

// src/sigstore/cosign-layer.ts
var import_bundle = __toESM(require_dist(), 1);
import { createHash, X509Certificate as NodeX509Certificate } from "node:crypto";
var SIMPLE_SIGNING_MEDIA_TYPE = "application/vnd.dev.cosign.simplesigning.v1+json";
var DSSE_LAYER_MEDIA_TYPE = "application/vnd.dsse.envelope.v1+json";
var COSIGN_ANNOTATIONS = {
  signature: "dev.cosignproject.cosign/signature",
  certificate: "dev.sigstore.cosign/certificate",
  chain: "dev.sigstore.cosign/chain",
  bundle: "dev.sigstore.cosign/bundle"
};
function cosignLayerToBundle(layer) {
  const annotations = layer.annotations;
  const certificatePem = annotations[COSIGN_ANNOTATIONS.certificate];
  const rekorBundle = annotations[COSIGN_ANNOTATIONS.bundle];
  const verificationMaterial = {
    ...certificatePem ? { x509CertificateChain: { certificates: [{ rawBytes: certificateDer(certificatePem) }] } } : { publicKey: { hint: "" } },
    tlogEntries: rekorBundle ? [rekorBundleEntry(rekorBundle)] : []
  };
  return { mediaType: import_bundle.BUNDLE_V01_MEDIA_TYPE, verificationMaterial, ...content(layer) };
}
function bindSimpleSigningPayload(payload, imageDigest) {
  let document;
  try {
    document = JSON.parse(Buffer.from(payload).toString("utf8"));
  } catch {
    throw new CheckFailure(
      "subject-binding",
      "the signed payload is not JSON (not a cosign simple-signing payload)"
    );
  }
  const critical = document?.critical;
  const image = critical?.image;
  const signed = image?.["docker-manifest-digest"];
  if (critical?.type !== "cosign container image signature" || typeof signed !== "string") {
    throw new CheckFailure(
      "subject-binding",
      "the signed payload is not a cosign container image signature (no critical.image.docker-manifest-digest)"
    );
  }
  if (signed !== imageDigest) {
    throw new CheckFailure("subject-binding", `the signature is for ${signed}, not ${imageDigest}`);
  }
}
function content(layer) {
  const payload = Buffer.from(layer.payload);
  if (layer.mediaType === SIMPLE_SIGNING_MEDIA_TYPE) {
    const signature = layer.annotations[COSIGN_ANNOTATIONS.signature];
    if (!signature) {
      throw new CheckFailure("signature", `the layer has no ${COSIGN_ANNOTATIONS.signature} annotation`);
    }
    return {
      messageSignature: {
        messageDigest: {
          algorithm: "SHA2_256",
          digest: createHash("sha256").update(payload).digest("base64")
        },
        signature
      }
    };
  }
  if (layer.mediaType === DSSE_LAYER_MEDIA_TYPE) {
    let envelope;
    try {
      envelope = JSON.parse(payload.toString("utf8"));
    } catch {
      throw new CheckFailure("bundle-format", "the attestation layer is not a JSON DSSE envelope");
    }
    const signatures = Array.isArray(envelope.signatures) ? envelope.signatures : [];
    return {
      dsseEnvelope: {
        payloadType: envelope.payloadType,
        payload: envelope.payload,
        signatures: signatures.map((sig) => ({
          sig: sig?.sig,
          keyid: sig?.keyid ?? ""
        }))
      }
    };
  }
  throw new CheckFailure(
    "bundle-format",
    `a cosign layer of media type ${JSON.stringify(layer.mediaType)} is not a signature`
  );
}
function certificateDer(pem) {
  const blocks = [...pem.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----/g)].map((match) => match[1]);
  if (blocks[0] !== "CERTIFICATE") {
    throw new CheckFailure(
      "certificate",
      `the ${COSIGN_ANNOTATIONS.certificate} annotation holds ${blocks[0] ? `a PEM "${blocks[0]}"` : "no PEM block"}, not a certificate; a public key is trusted only when the policy lists it`
    );
  }
  try {
    return new NodeX509Certificate(pem).raw.toString("base64");
  } catch (error) {
    throw new CheckFailure(
      "certificate",
      `the ${COSIGN_ANNOTATIONS.certificate} annotation is not a valid certificate (${error.message})`
    );
  }
}
function rekorBundleEntry(text) {
  const fail = (why) => new CheckFailure(
    "transparency-log",
    `the ${COSIGN_ANNOTATIONS.bundle} annotation is not a Rekor bundle: ${why}`
  );
  let rekor;
  try {
    rekor = JSON.parse(text);
  } catch {
    throw fail("not JSON");
  }
  const payload = rekor.Payload;
  if (typeof rekor.SignedEntryTimestamp !== "string" || !payload || typeof payload.body !== "string") {
    throw fail("SignedEntryTimestamp or Payload.body is missing");
  }
  if (typeof payload.logID !== "string" || !/^[0-9a-f]{64}$/.test(payload.logID))
    throw fail("Payload.logID is not a hex log id");
  let body;
  try {
    body = JSON.parse(Buffer.from(payload.body, "base64").toString("utf8"));
  } catch {
    throw fail("Payload.body is not a base64 JSON log entry");
  }
  return {
    logIndex: String(payload.logIndex),
    logId: { keyId: Buffer.from(payload.logID, "hex").toString("base64") },
    kindVersion: { kind: String(body.kind), version: String(body.apiVersion) },
    integratedTime: String(payload.integratedTime),
    inclusionPromise: { signedEntryTimestamp: rekor.SignedEntryTimestamp },
    canonicalizedBody: payload.body
  };
}

// src/sigstore/verify-discovered.ts
function verifyDiscovered(artifacts, context) {
  return artifacts.map((artifact) => {
    try {
      return verifyOne(artifact, context);
    } catch (error) {
      if (!(error instanceof CheckFailure)) throw error;
      return { status: "invalid", artifact, check: error.check, message: error.message };
    }
  });
}
function verifyOne(artifact, context) {
  const digest = parseDigest(artifact.subjectDigest);
  if (!digest) {
    throw new CheckFailure("artifact-binding", `${JSON.stringify(artifact.subjectDigest)} is not a digest`);
  }
  let bundle;
  let subject = { digest };
  let simpleSigning;
  if (artifact.kind === "sigstore-bundle") {
    if (artifact.bundle === void 0) throw new CheckFailure("bundle-format", "no bundle was read");
    bundle = artifact.bundle;
  } else {
    if (!artifact.cosignLayer) throw new CheckFailure("bundle-format", "no cosign layer was read");
    bundle = cosignLayerToBundle(artifact.cosignLayer);
    if (artifact.cosignLayer.mediaType === SIMPLE_SIGNING_MEDIA_TYPE) {
      simpleSigning = artifact.cosignLayer.payload;
      subject = { bytes: Buffer.from(simpleSigning) };
    }
  }
  const result = verifyBundle({
    bundle,
    artifact: subject,
    trust: context.trust,
    keys: context.keys,
    // Entries present are always verified; whether one is required is the policy's call.
    transparencyLog: "optional"
  });
  if (result.status === "invalid") {
    return { status: "invalid", artifact, check: result.check, message: result.message };
  }
  if (simpleSigning) bindSimpleSigningPayload(simpleSigning, artifact.subjectDigest);
  return {
    status: "verified",
    artifact,
    signer: result.signer,
    content: result.content,
    ...result.statement ? { statement: result.statement } : {},
    transparencyLog: result.transparencyLog,
    timestamps: result.timestamps
  };
}
export {
  verifyDiscovered
};
