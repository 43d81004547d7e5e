import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  EVIDENCE_SCHEMA,
  EVIDENCE_SNAPSHOT_VERSION,
  MAX_SNAPSHOT_BYTES,
  SnapshotError,
  loadEvidenceSnapshot,
  parseEvidenceSnapshot,
  renderEvidenceSnapshot
} from "./chunk-C243LLVT.js";
import "./chunk-R3UACXCZ.js";
import "./chunk-MYYQCX6T.js";
import "./chunk-QJW7XG3M.js";
import "./chunk-SB4G7AKF.js";
import "./chunk-GVUJSAVW.js";
export {
  EVIDENCE_SCHEMA,
  EVIDENCE_SNAPSHOT_VERSION,
  MAX_SNAPSHOT_BYTES,
  SnapshotError,
  loadEvidenceSnapshot,
  parseEvidenceSnapshot,
  renderEvidenceSnapshot
};
