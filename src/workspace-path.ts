import { isAbsolute, relative } from 'node:path';

/** How reports name a file: relative to the workspace when it is inside it, else its absolute path. */
export function displayPath(absolute: string, workspace: string): string {
  const rel = relative(workspace, absolute);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
}
