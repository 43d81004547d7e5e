/**
 * Where the gate's progress lines go. Every line passes through escapeLogLine, because lines quote
 * untrusted text and the Actions runner executes `::commands` it finds at the start of a line.
 */
import { escapeLogLine } from '../../report/escape.js';

export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
}

export function createConsoleLogger(stream: NodeJS.WritableStream = process.stderr, quiet = false): Logger {
  const write = (prefix: string, message: string) => stream.write(`${prefix}${escapeLogLine(message)}\n`);
  return {
    info: (message) => {
      if (!quiet) write('', message);
    },
    warning: (message) => write('warning: ', message),
    error: (message) => write('error: ', message),
  };
}

/** For tests and for callers that want only the result. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info: ${escapeLogLine(message)}`),
    warning: (message) => lines.push(`warning: ${escapeLogLine(message)}`),
    error: (message) => lines.push(`error: ${escapeLogLine(message)}`),
  };
}
