import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  loadTrustStore
} from "./chunk-2LYEHNZG.js";
import "./chunk-RJ4RMKR5.js";
import "./chunk-X5KWVBVD.js";
import "./chunk-2FUSLBNA.js";
import "./chunk-QCJNFU7Y.js";
import "./chunk-ZKL6BKDN.js";
import "./chunk-E5VL4JDA.js";
import "./chunk-F37ZYHBP.js";
import "./chunk-GVUJSAVW.js";
export {
  loadTrustStore
};
