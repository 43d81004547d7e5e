import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);

// src/evidence/types.ts
var SEVERITIES = ["critical", "high", "medium", "low", "unknown"];

export {
  SEVERITIES
};
