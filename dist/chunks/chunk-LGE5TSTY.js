import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  ConfigurationError
} from "./chunk-QCJNFU7Y.js";

// src/sigstore/public-keys.ts
import { createHash, createPublicKey } from "node:crypto";
var PUBLIC_KEY_PEM = /^-----BEGIN PUBLIC KEY-----\r?\n[\s\S]*?\r?\n-----END PUBLIC KEY-----\s*$/;
function parsePublicKey(pem, where, name) {
  if (!PUBLIC_KEY_PEM.test(pem.trim())) {
    throw new ConfigurationError(
      "invalid-public-key",
      `${where}: expected one PEM "PUBLIC KEY" block (-----BEGIN PUBLIC KEY----- \u2026 -----END PUBLIC KEY-----)`
    );
  }
  try {
    const key = createPublicKey(pem);
    const spki = key.export({ type: "spki", format: "der" });
    return { id: name ?? `sha256:${createHash("sha256").update(spki).digest("hex")}`, key };
  } catch (error) {
    throw new ConfigurationError(
      "invalid-public-key",
      `${where}: not a usable public key (${error.message})`
    );
  }
}

export {
  parsePublicKey
};
