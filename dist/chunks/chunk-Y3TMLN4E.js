import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);

// src/workspace-path.ts
import { isAbsolute, relative } from "node:path";
function displayPath(absolute, workspace) {
  const rel = relative(workspace, absolute);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : absolute;
}

export {
  displayPath
};
