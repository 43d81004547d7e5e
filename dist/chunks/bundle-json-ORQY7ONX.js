import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  BUNDLE_MEDIA_TYPES,
  checkLogEntries,
  parseBundle
} from "./chunk-PFHF7Z6V.js";
import "./chunk-X5KWVBVD.js";
import "./chunk-QCJNFU7Y.js";
import "./chunk-E5VL4JDA.js";
import "./chunk-OBVAS5ZZ.js";
import "./chunk-F37ZYHBP.js";
import "./chunk-GVUJSAVW.js";
export {
  BUNDLE_MEDIA_TYPES,
  checkLogEntries,
  parseBundle
};
