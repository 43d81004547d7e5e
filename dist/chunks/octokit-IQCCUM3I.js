import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  createOctokit,
  githubCall,
  isRequestError,
  networkReason,
  toGateError
} from "./chunk-Z7PV4RXC.js";
import "./chunk-E2WHQDIN.js";
import "./chunk-22SWJURS.js";
import "./chunk-3PJRF6H5.js";
import "./chunk-3TJM3MKJ.js";
import "./chunk-GRWDUSGG.js";
import "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";
export {
  createOctokit,
  githubCall,
  isRequestError,
  networkReason,
  toGateError
};
