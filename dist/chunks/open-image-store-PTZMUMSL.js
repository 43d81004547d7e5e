import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  openImageStore
} from "./chunk-2I2UHS7Y.js";
import "./chunk-IBXNLPK7.js";
import "./chunk-QJW7XG3M.js";
import "./chunk-VNN65AUY.js";
import "./chunk-ONPWZNHG.js";
import "./chunk-WFTUDDPJ.js";
import "./chunk-FZT7OACS.js";
import "./chunk-SB4G7AKF.js";
import "./chunk-GVUJSAVW.js";
export {
  openImageStore
};
