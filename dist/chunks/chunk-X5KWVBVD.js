import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  VerificationError
} from "./chunk-QCJNFU7Y.js";

// src/sigstore/check-error.ts
var CheckFailure = class extends VerificationError {
  get check() {
    return this.code;
  }
};

export {
  CheckFailure
};
