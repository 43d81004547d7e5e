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
} from "./chunk-26LUNZPH.js";
import "./chunk-6HTVPHSP.js";
import "./chunk-63E2CWL3.js";
import "./chunk-FHHVMNRQ.js";
import "./chunk-2FUSLBNA.js";
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
