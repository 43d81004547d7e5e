import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);

// src/model/check-run.ts
var MAX_ANNOTATIONS_PER_REQUEST = 50;
var MAX_ATTESTATIONS = 1e3;

export {
  MAX_ANNOTATIONS_PER_REQUEST,
  MAX_ATTESTATIONS
};
