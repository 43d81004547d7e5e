import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  parseRemotePolicy,
  resolvePolicy
} from "./chunk-KMPVQMPR.js";
import "./chunk-YE7TNSRY.js";
import "./chunk-C7GGHOTH.js";
import "./chunk-6FP4TBHE.js";
import "./chunk-WLVSEBNM.js";
import "./chunk-TIAON23U.js";
import "./chunk-QJW7XG3M.js";
import "./chunk-Y3TMLN4E.js";
import "./chunk-SB4G7AKF.js";
import "./chunk-GVUJSAVW.js";
export {
  parseRemotePolicy,
  resolvePolicy
};
