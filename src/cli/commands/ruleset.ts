/**
 * `supply-chain-gate ruleset`: prints the ruleset that requires the gate's check, as JSON an admin
 * imports in the settings UI or sends with `gh api` (docs/rulesets.md).
 */
import { parseArgs } from 'node:util';
import type { CliIo } from '../io.js';
import { ConfigurationError } from '../../errors.js';
import { DEFAULT_CHECK_NAME } from '../../inputs.js';
import { buildRuleset, parseEnforcement, parseIntegrationId } from '../../ruleset.js';

export function rulesetCommand(args: string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        'check-name': { type: 'string', multiple: true },
        org: { type: 'boolean' },
        enforcement: { type: 'string' },
        'integration-id': { type: 'string' },
      },
      allowPositionals: false,
      strict: true,
    });
  } catch (error) {
    throw new ConfigurationError('invalid-arguments', `${(error as Error).message}: see --help`);
  }
  const { values } = parsed;
  const checkNames = values['check-name'] ?? [DEFAULT_CHECK_NAME];
  if (checkNames.some((name) => name.trim() === '')) {
    throw new ConfigurationError(
      'invalid-arguments',
      '--check-name takes the name of the check run (the check-name input), not an empty string',
    );
  }
  const ruleset = buildRuleset({
    checkNames,
    scope: values.org ? 'organization' : 'repository',
    enforcement: parseEnforcement(values.enforcement),
    integrationId: parseIntegrationId(values['integration-id']),
  });
  io.stdout.write(`${JSON.stringify(ruleset, null, 2)}\n`);
  return 0;
}
