import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);

// src/adapters/files/regular-file.ts
import { constants } from "node:fs";
import { open } from "node:fs/promises";
var OPEN_INPUT_FILE = constants.O_RDONLY | constants.O_NONBLOCK;
async function readRegularFile(path, maxBytes) {
  let handle;
  try {
    handle = await open(path, OPEN_INPUT_FILE);
  } catch (error) {
    const code = error.code ?? "unreadable";
    return code === "ENOENT" ? { ok: false, problem: "missing" } : { ok: false, problem: "unreadable", code };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, problem: "not-a-file" };
    if (info.size > maxBytes) return { ok: false, problem: "too-large", size: info.size };
    const chunks = [];
    let length = 0;
    for (; ; ) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - length));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > maxBytes) return { ok: false, problem: "too-large", size: length };
    }
    return { ok: true, bytes: Buffer.concat(chunks, length) };
  } catch (error) {
    return { ok: false, problem: "unreadable", code: error.code ?? "unreadable" };
  } finally {
    await handle.close();
  }
}

export {
  OPEN_INPUT_FILE,
  readRegularFile
};
