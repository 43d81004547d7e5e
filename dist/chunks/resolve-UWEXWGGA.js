import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  parseRemotePolicy,
  resolvePolicy
} from "./chunk-KJV6WCIV.js";
import "./chunk-G6PKUTQE.js";
import "./chunk-BLF23LCM.js";
import "./chunk-Y3TMLN4E.js";
import "./chunk-CPWHA4RJ.js";
import "./chunk-WLVSEBNM.js";
import "./chunk-QTVN7HLV.js";
import "./chunk-S3VIENSH.js";
import "./chunk-2FUSLBNA.js";
import "./chunk-2GTHPEXP.js";
import "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";
export {
  parseRemotePolicy,
  resolvePolicy
};
