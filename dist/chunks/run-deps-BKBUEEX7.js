import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  createRunDeps,
  openGitHub
} from "./chunk-Y3TKSWBE.js";
import "./chunk-MV4VUAK6.js";
import "./chunk-HVIVQOBG.js";
import "./chunk-PWUTPHJS.js";
import "./chunk-HYJ74MIN.js";
import "./chunk-2FUSLBNA.js";
import "./chunk-AAN6PVVS.js";
import "./chunk-AJCAIOG3.js";
import "./chunk-JGGR3ZSW.js";
import "./chunk-V6QQ6HQ7.js";
import "./chunk-22SWJURS.js";
import "./chunk-3TJM3MKJ.js";
import "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";
export {
  createRunDeps,
  openGitHub
};
