import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  reportUnreadableInputs,
  run
} from "./chunk-SLYYHCEH.js";
import "./chunk-Y3TMLN4E.js";
import "./chunk-HL7HQ6DO.js";
import "./chunk-3A7RVSKP.js";
import "./chunk-724VLPQF.js";
import "./chunk-2GTHPEXP.js";
import "./chunk-AJCAIOG3.js";
import "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";
export {
  reportUnreadableInputs,
  run
};
