import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);

// src/model/evidence.ts
var SEVERITIES = ["critical", "high", "medium", "low", "unknown"];

export {
  SEVERITIES
};
