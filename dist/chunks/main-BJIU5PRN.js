import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  reportUnreadableInputs,
  run
} from "./chunk-UTILQKSS.js";
import "./chunk-TIAON23U.js";
import "./chunk-Z5XY7CN4.js";
import "./chunk-WTUUJLTT.js";
import "./chunk-Y3TMLN4E.js";
import "./chunk-SB4G7AKF.js";
import "./chunk-GVUJSAVW.js";
export {
  reportUnreadableInputs,
  run
};
