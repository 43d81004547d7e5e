import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  MAX_POLICY_BYTES,
  PolicyError,
  loadPolicyFile,
  parsePolicy,
  readPolicyText
} from "./chunk-LSKASVLT.js";
import "./chunk-NPIOFKOR.js";
import "./chunk-WLVSEBNM.js";
import "./chunk-TIAON23U.js";
import "./chunk-QJW7XG3M.js";
import "./chunk-SB4G7AKF.js";
import "./chunk-GVUJSAVW.js";
export {
  MAX_POLICY_BYTES,
  PolicyError,
  loadPolicyFile,
  parsePolicy,
  readPolicyText
};
