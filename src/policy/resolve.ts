/** Which policy applies to this run: the file named, else the default path, else built-in defaults. */
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Logger } from '../adapters/logger.js';
import { displayPath } from '../evidence/collect.js';
import type { RunInputs } from '../inputs.js';
import { loadPolicyFile } from './load.js';
import { DEFAULT_POLICY_PATH, defaultPolicy, type Policy } from './schema.js';

export async function resolvePolicy(
  inputs: Pick<RunInputs, 'policyPath' | 'workspace'>,
  log: Logger,
): Promise<Policy> {
  if (inputs.policyPath) {
    const path = resolve(inputs.workspace, inputs.policyPath);
    return loadPolicyFile(path, displayPath(path, inputs.workspace));
  }
  const path = resolve(inputs.workspace, DEFAULT_POLICY_PATH);
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  if (exists) return loadPolicyFile(path, DEFAULT_POLICY_PATH);
  log.info(`No ${DEFAULT_POLICY_PATH} found: using the built-in default policy.`);
  return defaultPolicy();
}
