import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);

// src/errors.ts
var GateError = class extends Error {
  code;
  constructor(code, message, options) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
};
var ConfigurationError = class extends GateError {
  kind = "configuration";
  /** Every mistake found, each on its own (a policy file can hold several). */
  problems;
  constructor(code, message, options) {
    super(code, message, options);
    this.problems = options?.problems ?? [
      { message, ...options?.position ? { position: options.position } : {} }
    ];
  }
};
var VerificationError = class extends GateError {
  kind = "verification";
};
var InternalError = class extends GateError {
  kind = "internal";
};
function formatPosition(position) {
  return `${position.file}:${position.line}:${position.column}`;
}
function describeError(error) {
  if (error instanceof GateError) return error.message.replace(/\s*\n\s*/g, " ");
  if (error instanceof Error) return `internal error: ${error.message.replace(/\s*\n\s*/g, " ")}`;
  return `internal error: ${String(error)}`;
}

export {
  GateError,
  ConfigurationError,
  VerificationError,
  InternalError,
  formatPosition,
  describeError
};
