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
import { createHash as createHash2 } from "node:crypto";
import { realpath } from "node:fs/promises";
import { resolve, sep } from "node:path";

// src/adapters/files/streamed-file.ts
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { isAbsolute, relative } from "node:path";
var CHUNK_BYTES = 1024 * 1024;
async function streamInputFile(absolute, options, onChunk) {
  const { errors, limit } = options;
  let handle;
  try {
    handle = await open(absolute, OPEN_INPUT_FILE);
  } catch (error) {
    const code = error.code;
    throw errors.missing(code === "ENOENT" ? "no such file" : code ?? "unreadable");
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw errors.notAFile();
    if (limit && info.size > limit.bytes) throw limit.error(info.size, false);
    const hash = createHash("sha256");
    let total = 0;
    for await (const chunk of handle.createReadStream({ highWaterMark: CHUNK_BYTES, autoClose: false })) {
      const bytes = chunk;
      total += bytes.length;
      if (limit && total > limit.bytes) throw limit.error(total, true);
      hash.update(bytes);
      onChunk(bytes);
    }
    return `sha256:${hash.digest("hex")}`;
  } finally {
    await handle.close();
  }
}
function pathInside(absolute, root) {
  const rel = relative(root, absolute);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : void 0;
}

// src/evidence/scan-files.ts
async function readScanFile(path, workspace) {
  const parsed = await readDocumentFile(path, workspace, "scan");
  return parsed.report;
}
function readVex(path, origin) {
  return origin.base ? readVexAtBase(path, origin, origin.base) : readVexFile(path, origin.workspace);
}
async function readVexAtBase(path, origin, base) {
  const repoPath = pathInside(resolve(origin.workspace, path), resolve(origin.workspace));
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
  const digest = `sha256:${createHash2("sha256").update(bytes).digest("hex")}`;
  return parseVexDocument(bytes, { kind: "github", uri: `${slashed}@${shortRef}`, digest });
}
async function readVexFile(path, workspace) {
  const absolute = resolve(workspace, path);
  const [real, root] = await Promise.all([
    realpath(absolute).catch(() => absolute),
    realpath(workspace).catch(() => workspace)
  ]);
  if (pathInside(real, root) === void 0) {
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
  const shown = pathInside(absolute, workspace) ?? absolute;
  const what = role === "scan" ? "scan report" : "VEX document";
  const source = { kind: "file", uri: shown };
  const reader = new ScanDocumentReader(source, role);
  source.digest = await streamInputFile(
    absolute,
    {
      errors: {
        missing: (reason) => new ConfigurationError(NOT_FOUND[role], `${shown}: cannot read ${what} (${reason})`),
        notAFile: () => new ConfigurationError(NOT_A_FILE[role], `${shown}: ${what} is not a regular file`)
      }
    },
    (bytes) => reader.write(bytes)
  );
  return reader.end();
}

export {
  streamInputFile,
  pathInside,
  readScanFile,
  readVex,
  readVexDocumentFile
};
