import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  policySchema
} from "./chunk-CPWHA4RJ.js";
import {
  external_exports
} from "./chunk-WLVSEBNM.js";
import "./chunk-QTVN7HLV.js";
import "./chunk-S3VIENSH.js";
import "./chunk-2GTHPEXP.js";
import "./chunk-GVUJSAVW.js";

// src/policy/json-schema.ts
function policyJsonSchema() {
  const schema = external_exports.toJSONSchema(policySchema, { io: "input", unrepresentable: "any" });
  return `${JSON.stringify({ ...schema, title: "supply-chain-gate policy", $id: "supply-chain-gate/policy.schema.json" }, null, 2)}
`;
}
export {
  policyJsonSchema
};
