/** The Actions log; kept apart from logger.ts so the CLI bundle does not carry @actions/core. */
import { randomBytes } from 'node:crypto';
import * as core from '@actions/core';
import { escapeLogLine } from '../../report/escape.js';
import type { Logger } from './logger.js';

export function createActionsLogger(): Logger {
  return {
    info: (message) => core.info(escapeLogLine(message)),
    warning: (message) => core.warning(escapeLogLine(message)),
    // @actions/core escapes the properties (%, CR, LF, `:` and `,`) and the message (%, CR, LF).
    error: (message, at) =>
      core.error(
        escapeLogLine(message),
        at && {
          file: at.file,
          startLine: at.line,
          startColumn: at.column,
          ...(at.title ? { title: escapeLogLine(at.title) } : {}),
        },
      ),
    block: (lines) => {
      // Each line is escaped already; the fence is a second wall: between `stop-commands` and its
      // token the runner runs no command at all, and the token is one nobody can guess.
      const token = `scg-${randomBytes(16).toString('hex')}`;
      core.info(`::stop-commands::${token}`);
      for (const line of lines) core.info(escapeLogLine(line));
      core.info(`::${token}::`);
    },
  };
}
