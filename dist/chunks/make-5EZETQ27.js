import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  makeProvenance
} from "./chunk-XJ7G6TAM.js";
import "./chunk-3TL2VHFJ.js";
import "./chunk-GVIC2IGB.js";
import "./chunk-Y3TMLN4E.js";
import "./chunk-QGY5ZTS4.js";
import "./chunk-QOS5LJET.js";
import "./chunk-X5KWVBVD.js";
import "./chunk-TIDU6746.js";
import "./chunk-PP2KF6RY.js";
import "./chunk-JO6HNBME.js";
import "./chunk-AJCAIOG3.js";
import "./chunk-3TJM3MKJ.js";
import "./chunk-GRWDUSGG.js";
import "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";
export {
  makeProvenance
};
