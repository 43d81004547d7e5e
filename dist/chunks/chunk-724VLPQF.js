import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);

// src/policy/rules/titles.ts
var FAMILY_TITLES = {
  signatures: "Signatures",
  provenance: "Provenance",
  vulnerabilities: "Vulnerabilities",
  image: "Image hygiene",
  sbom: "Software bill of materials",
  rules: "Custom rules"
};
function familyTitle(id) {
  return Object.hasOwn(FAMILY_TITLES, id) ? FAMILY_TITLES[id] : id;
}

export {
  FAMILY_TITLES,
  familyTitle
};
