import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  NO_ID_TOKEN,
  readSigningContext
} from "./chunk-HET2RWKW.js";
import "./chunk-QGY5ZTS4.js";
import "./chunk-QOS5LJET.js";
import "./chunk-X5KWVBVD.js";
import "./chunk-FHHVMNRQ.js";
import "./chunk-WLVSEBNM.js";
import "./chunk-3TJM3MKJ.js";
import "./chunk-GRWDUSGG.js";
import "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";
export {
  NO_ID_TOKEN,
  readSigningContext
};
