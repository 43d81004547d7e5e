import type { ConfigurationCode, InternalCode, VerificationCode } from './error-codes.js';

export type { ConfigurationCode, InternalCode, VerificationCode } from './error-codes.js';

/**
 * Every error the gate raises on purpose carries a string-literal code, so callers and tests can
 * switch on it, and a message written for the person who has to act on it.
 */
export type ErrorKind = 'configuration' | 'verification' | 'internal';

/** Any code any GateError carries; each class narrows it to its own list (src/error-codes.ts). */
export type GateCode = ConfigurationCode | VerificationCode | InternalCode;

export abstract class GateError<Code extends GateCode = GateCode> extends Error {
  abstract readonly kind: ErrorKind;
  readonly code: Code;

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** One mistake in the gate's configuration: what is wrong and what to change, and where. */
export interface ConfigurationProblem {
  message: string;
  /** The line of a file (the policy) the mistake is on, when it is in one. */
  position?: FilePosition;
}

/** The user's input is wrong: the message says what to change. */
export class ConfigurationError<Code extends ConfigurationCode = ConfigurationCode> extends GateError<Code> {
  readonly kind = 'configuration';
  /** Every mistake found, each on its own (a policy file can hold several). */
  readonly problems: ConfigurationProblem[];

  constructor(
    code: Code,
    message: string,
    options?: { cause?: unknown; position?: FilePosition; problems?: ConfigurationProblem[] },
  ) {
    super(code, message, options);
    this.problems = options?.problems ?? [
      { message, ...(options?.position ? { position: options.position } : {}) },
    ];
  }
}

/** Evidence could not be read or verified: the gate cannot decide, and fails closed. */
export class VerificationError<Code extends VerificationCode = VerificationCode> extends GateError<Code> {
  readonly kind = 'verification';
}

/** A bug or an environment failure we did not anticipate. */
export class InternalError<Code extends InternalCode = InternalCode> extends GateError<Code> {
  readonly kind = 'internal';
}

/** Where in a user's file a problem is: shown as `file:line:column`. */
export interface FilePosition {
  file: string;
  line: number;
  column: number;
  /**
   * For a file read at another commit than the one checked out (a pull request's policy, read at
   * its base): where the same setting is in the checked-out copy, which is where an annotation can
   * point; null when that copy does not have it. Absent when both copies are the same file.
   */
  inCheckout?: { line: number; column: number } | null;
}

export function formatPosition(position: FilePosition): string {
  return `${position.file}:${position.line}:${position.column}`;
}

/** One line, no stack: what the CLI and the action log print for an error. */
export function describeError(error: unknown): string {
  if (error instanceof GateError) return error.message.replace(/\s*\n\s*/g, ' ');
  if (error instanceof Error) return `internal error: ${error.message.replace(/\s*\n\s*/g, ' ')}`;
  return `internal error: ${String(error)}`;
}
