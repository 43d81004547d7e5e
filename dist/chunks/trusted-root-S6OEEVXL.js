import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  loadTrustStore
} from "./chunk-7A6E4KLG.js";
import "./chunk-AEBMEBWZ.js";
import "./chunk-QJW7XG3M.js";
import "./chunk-ZKL6BKDN.js";
import "./chunk-E5VL4JDA.js";
import "./chunk-F37ZYHBP.js";
import "./chunk-YLEJ7X7X.js";
import "./chunk-SB4G7AKF.js";
import "./chunk-GVUJSAVW.js";
export {
  loadTrustStore
};
