import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  BUNDLE_MEDIA_TYPES,
  parseBundle
} from "./chunk-LLFXFTR6.js";
import "./chunk-E5VL4JDA.js";
import "./chunk-OBVAS5ZZ.js";
import "./chunk-F37ZYHBP.js";
import "./chunk-YLEJ7X7X.js";
import "./chunk-SB4G7AKF.js";
import "./chunk-GVUJSAVW.js";
export {
  BUNDLE_MEDIA_TYPES,
  parseBundle
};
