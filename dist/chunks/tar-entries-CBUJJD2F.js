import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  TarFormatError,
  normalizeTarPath,
  readTarEntries
} from "./chunk-UU6OLYDA.js";
import "./chunk-GVUJSAVW.js";
export {
  TarFormatError,
  normalizeTarPath,
  readTarEntries
};
