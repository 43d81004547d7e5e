import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  makeProvenance
} from "./chunk-4CTD5TGN.js";
import "./chunk-MKJL3NIR.js";
import "./chunk-QLG7OL2Z.js";
import "./chunk-Y3TMLN4E.js";
import "./chunk-WEC47CZG.js";
import "./chunk-QOS5LJET.js";
import "./chunk-X5KWVBVD.js";
import "./chunk-PWUTPHJS.js";
import "./chunk-HYJ74MIN.js";
import "./chunk-TIDU6746.js";
import "./chunk-AJCAIOG3.js";
import "./chunk-V6QQ6HQ7.js";
import "./chunk-3TJM3MKJ.js";
import "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";
export {
  makeProvenance
};
