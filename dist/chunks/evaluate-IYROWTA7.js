import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  effectivePolicy,
  evaluatePolicy
} from "./chunk-2Q4UOY5T.js";
import "./chunk-P7UTPI45.js";
import "./chunk-MYYQCX6T.js";
import "./chunk-NPIOFKOR.js";
import "./chunk-WLVSEBNM.js";
import "./chunk-TIAON23U.js";
import "./chunk-XJ7IR3IO.js";
import "./chunk-BDIAHNI5.js";
import "./chunk-WTUUJLTT.js";
import "./chunk-FZT7OACS.js";
import "./chunk-SB4G7AKF.js";
import "./chunk-GVUJSAVW.js";
export {
  effectivePolicy,
  evaluatePolicy
};
