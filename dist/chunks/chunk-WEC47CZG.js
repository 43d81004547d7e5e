import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  IN_TOTO_PAYLOAD_TYPE
} from "./chunk-QOS5LJET.js";
import {
  ConfigurationError,
  VerificationError
} from "./chunk-QCJNFU7Y.js";

// src/adapters/sigstore/sign.ts
var TIMEOUT_MS = 1e4;
var RETRIES = 3;
var PUBLIC_GOOD_FULCIO_URL = "https://fulcio.sigstore.dev";
var PUBLIC_GOOD_REKOR_URL = "https://rekor.sigstore.dev";
function signingEndpoints(instance, serverUrl) {
  if (instance === "public-good") {
    return { instance, fulcioUrl: PUBLIC_GOOD_FULCIO_URL, rekorUrl: PUBLIC_GOOD_REKOR_URL };
  }
  let host = new URL(serverUrl).hostname;
  if (host === "github.com") host = "githubapp.com";
  return { instance, fulcioUrl: `https://fulcio.${host}`, tsaUrl: `https://timestamp.${host}` };
}
function chooseInstance(choice, repositoryVisibility) {
  if (choice !== "auto") return choice;
  return repositoryVisibility === "public" ? "public-good" : "github";
}
function parseSigstoreChoice(text, what) {
  if (text === "public-good" || text === "github" || text === "auto") return text;
  throw new ConfigurationError(
    "invalid-sigstore",
    `${what} takes public-good, github or auto, got ${JSON.stringify(text.slice(0, 80))}`
  );
}
async function signStatement(statement, idToken, endpoints) {
  const { DSSEBundleBuilder, FulcioSigner, RekorWitness, TSAWitness } = await import("./dist-LAD4UDZV.js");
  const { bundleToJSON } = await import("./dist-KJMK2P32.js");
  const signer = new FulcioSigner({
    identityProvider: { getToken: () => Promise.resolve(idToken) },
    fulcioBaseURL: endpoints.fulcioUrl,
    timeout: TIMEOUT_MS,
    retry: RETRIES
  });
  const witnesses = [];
  if (endpoints.rekorUrl) {
    witnesses.push(
      new RekorWitness({
        rekorBaseURL: endpoints.rekorUrl,
        entryType: endpoints.rekorEntryType ?? "dsse",
        fetchOnConflict: true,
        timeout: TIMEOUT_MS,
        retry: RETRIES
      })
    );
  }
  if (endpoints.tsaUrl) {
    witnesses.push(new TSAWitness({ tsaBaseURL: endpoints.tsaUrl, timeout: TIMEOUT_MS, retry: RETRIES }));
  }
  if (witnesses.length === 0) {
    throw new ConfigurationError(
      "invalid-signing-endpoints",
      "signing needs a transparency log or a timestamp authority to witness the signature"
    );
  }
  try {
    const bundle = await new DSSEBundleBuilder({ signer, witnesses }).create({
      data: statement,
      type: IN_TOTO_PAYLOAD_TYPE
    });
    return bundleToJSON(bundle);
  } catch (error) {
    throw new VerificationError(
      "signing-failed",
      `signing with the ${endpoints.instance} Sigstore instance failed (${signingFailure(error)})`,
      { cause: error }
    );
  }
}
function signingFailure(error) {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${message}${cause}`.replace(/\s+/g, " ").slice(0, 300);
}

export {
  signingEndpoints,
  chooseInstance,
  parseSigstoreChoice,
  signStatement
};
