import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  createOctokit,
  githubCall,
  isRequestError,
  networkReason,
  toGateError
} from "./chunk-RGUC64RM.js";
import "./chunk-JGGR3ZSW.js";
import "./chunk-V6QQ6HQ7.js";
import "./chunk-22SWJURS.js";
import "./chunk-3TJM3MKJ.js";
import "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";
export {
  createOctokit,
  githubCall,
  isRequestError,
  networkReason,
  toGateError
};
