import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  loadTrustStore
} from "./chunk-27LJBVPZ.js";
import "./chunk-YXEV47BZ.js";
import "./chunk-ZKL6BKDN.js";
import "./chunk-E5VL4JDA.js";
import "./chunk-X5KWVBVD.js";
import "./chunk-QJW7XG3M.js";
import "./chunk-QCJNFU7Y.js";
import "./chunk-F37ZYHBP.js";
import "./chunk-GVUJSAVW.js";
export {
  loadTrustStore
};
