/** Which files in a layer can hold credentials, and what in them is one. Pure. */
import { findSecrets, type SecretMatch } from './secrets.js';

/** Bytes of a candidate file that are read: credentials sit at the top of the files we look at. */
export const SECRET_FILE_READ_BYTES = 64 * 1024;

const CANDIDATES: Array<{ test: (path: string, base: string) => boolean; kind: string }> = [
  {
    test: (_, base) => /^\.env(\..+)?$/.test(base) && !/\.(example|sample|template|dist)$/.test(base),
    kind: 'dotenv file',
  },
  { test: (_, base) => /^id_(rsa|dsa|ecdsa|ed25519)$/.test(base), kind: 'SSH private key' },
  { test: (_, base) => /\.(pem|key|p8)$/.test(base), kind: 'private key file' },
  { test: (_, base) => base === '.npmrc', kind: 'npm credentials' },
  { test: (_, base) => base === '.git-credentials', kind: 'git credentials' },
  { test: (path) => /(^|\/)\.aws\/credentials$/.test(path), kind: 'AWS credentials' },
  { test: (path) => /(^|\/)\.docker\/config\.json$/.test(path), kind: 'registry credentials' },
];

export function secretFileKind(path: string): string | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return CANDIDATES.find((candidate) => candidate.test(path, base))?.kind;
}

export function secretsInFile(path: string, content: Buffer): SecretMatch[] {
  const kind = secretFileKind(path);
  if (!kind) return [];
  const text = content.toString('utf8');
  const matches = findSecrets(text);
  if (kind === 'registry credentials' && /"auth"\s*:\s*"[A-Za-z0-9+/=]{8,}"/.test(text)) {
    matches.push({ kind, redacted: '"auth": …(redacted)' });
  }
  if (kind === 'git credentials' && /^https?:\/\/[^:\s]+:[^@\s]{6,}@/m.test(text)) {
    matches.push({ kind, redacted: 'https://…:…(redacted)@…' });
  }
  if (
    kind === 'npm credentials' &&
    /_authToken\s*=\s*(?!\$\{)\S{8,}/.test(text) &&
    !matches.some((m) => m.kind === 'npm token')
  ) {
    matches.push({ kind, key: '_authToken', redacted: '…(redacted)' });
  }
  return matches;
}
