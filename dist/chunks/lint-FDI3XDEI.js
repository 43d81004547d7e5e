import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  formatPosition
} from "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";

// src/policy/authoring/lint.ts
function lintPolicy(policy) {
  const warnings = [];
  const warn = (path, text) => warnings.push({ path, text });
  if (policy.mode === "audit") warn("mode", "mode: audit reports failures but never blocks a merge");
  walk(policy, [], (path, key, value, parent) => {
    const dotted = path.join(".");
    if (key.endsWith("regexp") && typeof value === "string" && !(value.startsWith("^") && value.endsWith("$"))) {
      warn(
        dotted,
        `${key} ${JSON.stringify(value)} has no ^\u2026$ anchors: it is matched as ^(?:${value})$, write them to make that visible`
      );
    }
    if (/^issuer(-regexp)?$/.test(key) && typeof value === "string" && /\*|\.\+|\.\*/.test(value)) {
      warn(
        dotted,
        `${key} ${JSON.stringify(value)} is a wildcard: any OIDC issuer that matches can vouch for a signer`
      );
    }
    if (key === "reason" && parent.expires === void 0) {
      warn(
        path.slice(0, -1).join("."),
        'this exception has no "expires" date: it will never be reviewed again'
      );
    }
  });
  for (const [family, section] of Object.entries(policy)) {
    if (section && typeof section === "object" && !Array.isArray(section)) {
      const settings = section;
      if (Array.isArray(settings["fail-on"]) && settings["fail-on"].length === 0) {
        warn(`${family}.fail-on`, "fail-on is empty: no vulnerability can fail the gate");
      }
      if (settings["require-scan"] === false)
        warn(`${family}.require-scan`, "require-scan: false passes an image nobody scanned");
    }
  }
  if (policy.sbom["accept-unsigned"]) {
    warn(
      "sbom.accept-unsigned",
      "accept-unsigned: true lets SBOMs anyone with push access could have written judge the image; sign the index instead"
    );
  }
  return warnings.map(({ path, text }) => `${formatPosition(positionOf(policy, path))}: warning: ${text}`);
}
function walk(node, path, visit) {
  for (const [key, value] of Object.entries(node)) {
    if (key === "positions" || key === "organization" || key === "notes") continue;
    const childPath = [...path, key];
    visit(childPath, key, value, node);
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (item && typeof item === "object")
          walk(item, [...childPath, String(index)], visit);
      });
    } else if (value && typeof value === "object") {
      walk(value, childPath, visit);
    }
  }
}
function positionOf(policy, path) {
  const parts = path.split(".");
  for (let length = parts.length; length > 0; length--) {
    const position = policy.positions[parts.slice(0, length).join(".")];
    if (position) return position;
  }
  return { file: policy.origin, line: 1, column: 1 };
}
export {
  lintPolicy
};
