/** The Actions log; kept apart from logger.ts so the CLI bundle does not carry @actions/core. */
import * as core from '@actions/core';
import { escapeLogLine } from '../../report/escape.js';
import type { Logger } from './logger.js';

export function createActionsLogger(): Logger {
  return {
    info: (message) => core.info(escapeLogLine(message)),
    warning: (message) => core.warning(escapeLogLine(message)),
    error: (message) => core.error(escapeLogLine(message)),
  };
}
