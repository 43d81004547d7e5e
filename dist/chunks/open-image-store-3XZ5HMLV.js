import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  openImageStore
} from "./chunk-BSS5OS6D.js";
import "./chunk-XFSVLDHW.js";
import "./chunk-PP2KF6RY.js";
import "./chunk-JO6HNBME.js";
import "./chunk-QJW7XG3M.js";
import "./chunk-AJCAIOG3.js";
import "./chunk-3TJM3MKJ.js";
import "./chunk-GRWDUSGG.js";
import "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";
export {
  openImageStore
};
