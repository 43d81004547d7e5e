import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  escapeLogLine
} from "./chunk-AJCAIOG3.js";

// src/adapters/log/logger.ts
function logBlock(log, lines) {
  if (log.block) log.block(lines);
  else for (const line of lines) log.info(line);
}
function createConsoleLogger(stream = process.stderr, quiet = false) {
  const write = (prefix, message) => stream.write(`${prefix}${escapeLogLine(message)}
`);
  return {
    info: (message) => {
      if (!quiet) write("", message);
    },
    warning: (message) => write("warning: ", message),
    error: (message) => write("error: ", message)
  };
}

export {
  logBlock,
  createConsoleLogger
};
