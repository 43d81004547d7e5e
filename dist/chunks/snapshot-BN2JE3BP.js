import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  EVIDENCE_SCHEMA,
  EVIDENCE_SNAPSHOT_VERSION,
  MAX_SNAPSHOT_BYTES,
  REDACTED_PLACEHOLDER,
  SnapshotError,
  loadEvidenceSnapshot,
  parseEvidenceSnapshot,
  renderEvidenceSnapshot,
  withConfigSecretScan
} from "./chunk-FUJJQODN.js";
import "./chunk-ITIXM27U.js";
import "./chunk-YN4PRNXC.js";
import "./chunk-FHHVMNRQ.js";
import "./chunk-QJW7XG3M.js";
import "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";
export {
  EVIDENCE_SCHEMA,
  EVIDENCE_SNAPSHOT_VERSION,
  MAX_SNAPSHOT_BYTES,
  REDACTED_PLACEHOLDER,
  SnapshotError,
  loadEvidenceSnapshot,
  parseEvidenceSnapshot,
  renderEvidenceSnapshot,
  withConfigSecretScan
};
