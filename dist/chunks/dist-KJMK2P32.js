import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-OBVAS5ZZ.js";
import "./chunk-F37ZYHBP.js";
import "./chunk-GVUJSAVW.js";
export default require_dist();
