import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  makeProvenance
} from "./chunk-V5FJL44T.js";
import "./chunk-GHI3U6FR.js";
import "./chunk-GLKH4LBI.js";
import "./chunk-Y3TMLN4E.js";
import "./chunk-NGSMWMCF.js";
import "./chunk-WVMH47QC.js";
import "./chunk-JSTD6EEF.js";
import "./chunk-YLEJ7X7X.js";
import "./chunk-VNN65AUY.js";
import "./chunk-ONPWZNHG.js";
import "./chunk-WFTUDDPJ.js";
import "./chunk-FZT7OACS.js";
import "./chunk-SB4G7AKF.js";
import "./chunk-GVUJSAVW.js";
export {
  makeProvenance
};
