import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  ScanDocumentReader,
  parseVexDocument
} from "./chunk-74X36MG6.js";
import {
  OPEN_INPUT_FILE
} from "./chunk-2FUSLBNA.js";
import {
  ConfigurationError
} from "./chunk-QCJNFU7Y.js";

// src/evidence/scan-files.ts
import { createHash } from "node:crypto";
import { open, realpath } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
var CHUNK_BYTES = 1024 * 1024;
async function readScanFile(path, workspace) {
  const parsed = await readDocumentFile(path, workspace, "scan");
  return parsed.report;
}
function readVex(path, origin) {
  return origin.base ? readVexAtBase(path, origin, origin.base) : readVexFile(path, origin.workspace);
}
async function readVexAtBase(path, origin, base) {
  const repoPath = insideOf(resolve(origin.workspace, path), resolve(origin.workspace));
  if (repoPath === void 0) {
    throw new ConfigurationError(
      "vex-outside-repository",
      `${path}: VEX documents are read only from files in the repository; name the VEX file relative to the repository`
    );
  }
  const shortRef = /^[0-9a-f]{40}$/.test(base.ref) ? base.ref.slice(0, 12) : base.ref;
  if (!origin.github) {
    throw new ConfigurationError(
      "vex-base-unreadable",
      `${repoPath}: VEX documents must be read at ${shortRef} through the GitHub API (${base.event}), and no GitHub token was given: set the "github-token" input`
    );
  }
  const slashed = repoPath.split(sep).join("/");
  const text = await origin.github.getFileContent({
    owner: base.owner,
    repo: base.repo,
    path: slashed,
    ref: base.ref
  });
  if (text === void 0) {
    throw new ConfigurationError(
      "vex-not-found",
      `${slashed}@${shortRef}: VEX document not found at the base commit (${base.event}); a VEX file added by this change applies once it is merged`
    );
  }
  const bytes = Buffer.from(text, "utf8");
  const digest = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
  return parseVexDocument(bytes, { kind: "github", uri: `${slashed}@${shortRef}`, digest });
}
async function readVexFile(path, workspace) {
  const absolute = resolve(workspace, path);
  const [real, root] = await Promise.all([
    realpath(absolute).catch(() => absolute),
    realpath(workspace).catch(() => workspace)
  ]);
  if (insideOf(real, root) === void 0) {
    throw new ConfigurationError(
      "vex-outside-repository",
      `${path}: VEX documents are read only from files in the repository (${workspace}); commit the VEX file and name it relative to the repository`
    );
  }
  return readVexDocumentFile(path, workspace);
}
async function readVexDocumentFile(path, workspace) {
  const parsed = await readDocumentFile(path, workspace, "vex");
  return parsed.vex;
}
var NOT_FOUND = { scan: "scan-not-found", vex: "vex-not-found" };
var NOT_A_FILE = { scan: "scan-not-a-file", vex: "vex-not-a-file" };
async function readDocumentFile(path, workspace, role) {
  const absolute = resolve(workspace, path);
  const shown = insideOf(absolute, workspace) ?? absolute;
  const what = role === "scan" ? "scan report" : "VEX document";
  let handle;
  try {
    handle = await open(absolute, OPEN_INPUT_FILE);
  } catch (error) {
    const code = error.code;
    throw new ConfigurationError(
      NOT_FOUND[role],
      `${shown}: cannot read ${what} (${code === "ENOENT" ? "no such file" : code ?? "unreadable"})`
    );
  }
  try {
    const info = await handle.stat();
    if (!info.isFile())
      throw new ConfigurationError(NOT_A_FILE[role], `${shown}: ${what} is not a regular file`);
    const source = { kind: "file", uri: shown };
    const reader = new ScanDocumentReader(source, role);
    const hash = createHash("sha256");
    for await (const chunk of handle.createReadStream({ highWaterMark: CHUNK_BYTES, autoClose: false })) {
      const bytes = chunk;
      hash.update(bytes);
      reader.write(bytes);
    }
    const parsed = reader.end();
    source.digest = `sha256:${hash.digest("hex")}`;
    return parsed;
  } finally {
    await handle.close();
  }
}
function insideOf(absolute, root) {
  const rel = relative(root, absolute);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : void 0;
}

export {
  readScanFile,
  readVex,
  readVexDocumentFile
};
