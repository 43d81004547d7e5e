import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  reportUnreadableInputs,
  run
} from "./chunk-A5UBWNR4.js";
import "./chunk-Y3TMLN4E.js";
import "./chunk-TJS6QRBA.js";
import "./chunk-6SDKIO3T.js";
import "./chunk-724VLPQF.js";
import "./chunk-TIAON23U.js";
import "./chunk-AJCAIOG3.js";
import "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";
export {
  reportUnreadableInputs,
  run
};
