import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  effectivePolicy,
  evaluatePolicy
} from "./chunk-5P2UIYNN.js";
import "./chunk-NMLYYGCO.js";
import "./chunk-YN4PRNXC.js";
import "./chunk-FHHVMNRQ.js";
import "./chunk-BXIEOWQC.js";
import "./chunk-BDIAHNI5.js";
import "./chunk-APMHI6PW.js";
import "./chunk-S3VIENSH.js";
import "./chunk-WLVSEBNM.js";
import "./chunk-724VLPQF.js";
import "./chunk-TIAON23U.js";
import "./chunk-GRWDUSGG.js";
import "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";
export {
  effectivePolicy,
  evaluatePolicy
};
