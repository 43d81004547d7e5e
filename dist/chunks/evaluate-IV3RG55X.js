import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  effectivePolicy,
  evaluatePolicy
} from "./chunk-H776GRBR.js";
import "./chunk-74X36MG6.js";
import "./chunk-DKY2ZES5.js";
import "./chunk-63E2CWL3.js";
import "./chunk-FHHVMNRQ.js";
import "./chunk-B2CLC4I4.js";
import "./chunk-FIW5J6G3.js";
import "./chunk-BDIAHNI5.js";
import "./chunk-CPWHA4RJ.js";
import "./chunk-WLVSEBNM.js";
import "./chunk-QTVN7HLV.js";
import "./chunk-S3VIENSH.js";
import "./chunk-724VLPQF.js";
import "./chunk-2GTHPEXP.js";
import "./chunk-V6QQ6HQ7.js";
import "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";
export {
  effectivePolicy,
  evaluatePolicy
};
