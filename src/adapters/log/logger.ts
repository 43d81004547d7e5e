/**
 * Where the gate's progress lines go. Every line passes through escapeLogLine, because lines quote
 * untrusted text and the Actions runner executes workflow commands it finds in its output.
 */
import { escapeLogLine } from '../../report/escape.js';

/** Where an error is in a repository file, for the Actions log to show it there as an annotation. */
export interface LogAnnotation {
  file: string;
  line: number;
  column: number;
  title?: string;
}

export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  error(message: string, at?: LogAnnotation): void;
  /**
   * Lines that quote untrusted text at length (scanner titles, package names), written together;
   * the Actions log fences them so no command runs inside. Without it, each is logged as info.
   */
  block?(lines: string[]): void;
}

/** Writes `lines` as one block when the logger can, else line by line. */
export function logBlock(log: Logger, lines: string[]): void {
  if (log.block) log.block(lines);
  else for (const line of lines) log.info(line);
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
