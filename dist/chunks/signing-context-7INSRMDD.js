import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  NO_ID_TOKEN,
  readSigningContext
} from "./chunk-47DUGT5D.js";
import "./chunk-MYYQCX6T.js";
import "./chunk-WLVSEBNM.js";
import "./chunk-WVMH47QC.js";
import "./chunk-JSTD6EEF.js";
import "./chunk-YLEJ7X7X.js";
import "./chunk-FZT7OACS.js";
import "./chunk-SB4G7AKF.js";
import "./chunk-GVUJSAVW.js";
export {
  NO_ID_TOKEN,
  readSigningContext
};
