import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  effectivePolicy,
  evaluatePolicy
} from "./chunk-XSO73AQS.js";
import "./chunk-R3UACXCZ.js";
import "./chunk-P7UTPI45.js";
import "./chunk-MYYQCX6T.js";
import "./chunk-6FP4TBHE.js";
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
