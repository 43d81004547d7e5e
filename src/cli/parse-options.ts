/** A command's flags: node's strict parser, its complaint turned into the user's mistake (exit 2). */
import { parseArgs } from 'node:util';
import { ConfigurationError } from '../errors.js';

export function parseOptions<T extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new ConfigurationError('invalid-arguments', `${(error as Error).message}: see --help`);
  }
}
