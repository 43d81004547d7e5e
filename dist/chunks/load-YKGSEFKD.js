import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  MAX_POLICY_BYTES,
  PolicyError,
  loadPolicyFile,
  nearestPosition,
  parsePolicy,
  readPolicyText
} from "./chunk-FDQJXEON.js";
import "./chunk-C7GGHOTH.js";
import "./chunk-APMHI6PW.js";
import "./chunk-S3VIENSH.js";
import "./chunk-WLVSEBNM.js";
import "./chunk-TIAON23U.js";
import "./chunk-QJW7XG3M.js";
import "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";
export {
  MAX_POLICY_BYTES,
  PolicyError,
  loadPolicyFile,
  nearestPosition,
  parsePolicy,
  readPolicyText
};
