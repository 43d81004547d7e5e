import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  parseRemotePolicy,
  resolvePolicy
} from "./chunk-TU7674Z4.js";
import "./chunk-FDQJXEON.js";
import "./chunk-C7GGHOTH.js";
import "./chunk-Y3TMLN4E.js";
import "./chunk-APMHI6PW.js";
import "./chunk-S3VIENSH.js";
import "./chunk-WLVSEBNM.js";
import "./chunk-TIAON23U.js";
import "./chunk-QJW7XG3M.js";
import "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";
export {
  parseRemotePolicy,
  resolvePolicy
};
