/** PEM public keys the user trusts → TrustedKeys. A certificate is not a key, and is refused. */
import { createHash, createPublicKey } from 'node:crypto';
import { ConfigurationError } from '../errors.js';
import type { TrustedKey } from './verify-bundle.js';

const PUBLIC_KEY_PEM = /^-----BEGIN PUBLIC KEY-----\r?\n[\s\S]*?\r?\n-----END PUBLIC KEY-----\s*$/;

/** `where` names the key for the error message (a file, or a policy position). */
export function parsePublicKey(pem: string, where: string, name?: string): TrustedKey {
  if (!PUBLIC_KEY_PEM.test(pem.trim())) {
    throw new ConfigurationError(
      'invalid-public-key',
      `${where}: expected one PEM "PUBLIC KEY" block (-----BEGIN PUBLIC KEY----- … -----END PUBLIC KEY-----)`,
    );
  }
  try {
    const key = createPublicKey(pem);
    const spki = key.export({ type: 'spki', format: 'der' });
    return { id: name ?? `sha256:${createHash('sha256').update(spki).digest('hex')}`, key };
  } catch (error) {
    throw new ConfigurationError(
      'invalid-public-key',
      `${where}: not a usable public key (${(error as Error).message})`,
    );
  }
}
