/**
 * The I/O around signature verification: local bundle files become discovered artifacts, the
 * policy's key files are read, the trust material is loaded once, then the pure engine runs.
 * The engine (@sigstore/*, the trusted roots) loads only when there is something to verify.
 */
import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { OPEN_INPUT_FILE } from '../adapters/files/regular-file.js';
import { ConfigurationError } from '../errors.js';
import type { SignaturesPolicy } from '../policy/sections/signatures.js';
import { CheckFailure } from '../sigstore/check-error.js';
import { parsePublicKey } from '../sigstore/public-keys.js';
import type { TrustStore } from '../sigstore/trusted-root.js';
import type { TrustedKey } from '../sigstore/verify-bundle.js';
import type { ArtifactVerification, DiscoveredArtifact } from '../model/evidence.js';

const MAX_BUNDLE_FILE_BYTES = 16 * 1024 * 1024;

/**
 * A bundle file the user passed is about the gated image: one bundle per file, or JSON Lines of
 * several (what `gh attestation download` writes).
 */
export async function readBundleFiles(
  paths: readonly string[],
  workspace: string,
  subjectDigest: string,
): Promise<DiscoveredArtifact[]> {
  if (paths.length === 0) return [];
  const { parseBundle } = await import('../sigstore/bundle-json.js');
  const perFile = await Promise.all(
    paths.map(async (path) => {
      const absolute = resolve(workspace, path);
      const shown = shownPath(absolute, workspace);
      const bytes = await readBounded(absolute, shown);
      const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
      return parseBundleDocuments(bytes.toString('utf8'), shown, parseBundle).map(
        (bundle): DiscoveredArtifact => ({
          kind: 'sigstore-bundle',
          subjectDigest,
          source: { kind: 'file', uri: shown, digest },
          bundle,
        }),
      );
    }),
  );
  return perFile.flat();
}

export interface SignatureVerificationDeps {
  policy?: SignaturesPolicy;
  workspace: string;
  /** Loaded only when there is something to verify. */
  loadTrust(): Promise<TrustStore>;
}

export async function verifySignatures(
  discovered: readonly DiscoveredArtifact[],
  deps: SignatureVerificationDeps,
): Promise<ArtifactVerification[]> {
  if (discovered.length === 0) return [];
  // Before the trust store, which may load modules of its own: one import at a time.
  const { verifyDiscovered } = await import('../sigstore/verify-discovered.js');
  const [trust, keys] = await Promise.all([deps.loadTrust(), readPolicyKeys(deps.policy, deps.workspace)]);
  return verifyDiscovered(discovered, { trust, keys });
}

async function readPolicyKeys(
  policy: SignaturesPolicy | undefined,
  workspace: string,
): Promise<TrustedKey[]> {
  return Promise.all(
    (policy?.keys ?? []).map(async (entry, index) => {
      const where = entry.path ?? `signatures.keys[${index}]`;
      if (entry.pem !== undefined) return parsePublicKey(entry.pem, where, entry.name);
      const pem = await readFile(resolve(workspace, entry.path!), 'utf8').catch(
        (error: NodeJS.ErrnoException) => {
          throw new ConfigurationError(
            'key-not-found',
            `${entry.path}: cannot read the public key named in signatures.keys[${index}] (${error.code === 'ENOENT' ? 'no such file' : (error.code ?? 'unreadable')})`,
          );
        },
      );
      return parsePublicKey(pem, where, entry.name);
    }),
  );
}

function parseBundleDocuments(
  text: string,
  shown: string,
  parseBundle: typeof import('../sigstore/bundle-json.js').parseBundle,
): unknown[] {
  const trimmed = text.trim();
  const lines = trimmed.split('\n');
  // A pretty-printed bundle spans lines too: JSON Lines only when every line is a document.
  const documents =
    lines.length > 1 && lines.every((line) => line.trim().startsWith('{') && line.trim().endsWith('}'))
      ? lines.map((line, index) => ({ text: line, where: `${shown}:${index + 1}` }))
      : [{ text: trimmed, where: shown }];
  return documents.map(({ text: document, where }) => {
    let json: unknown;
    try {
      json = JSON.parse(document) as unknown;
    } catch (error) {
      throw new ConfigurationError(
        'invalid-bundle-file',
        `${where}: not a JSON sigstore bundle (${(error as Error).message})`,
      );
    }
    // A file the user names must be a bundle: one that is not cannot be judged a bad signature
    // of the image, only a wrong input. Signatures in it are checked later, with the others.
    try {
      parseBundle(json);
    } catch (error) {
      if (
        error instanceof CheckFailure &&
        (error.check === 'bundle-format' || error.check === 'bundle-version')
      ) {
        throw new ConfigurationError(
          'invalid-bundle-file',
          `${where}: not a sigstore bundle: ${error.message}`,
        );
      }
      throw error;
    }
    return json;
  });
}

async function readBounded(path: string, shown: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, OPEN_INPUT_FILE);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigurationError(
      'bundle-not-found',
      `${shown}: cannot read bundle (${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')})`,
    );
  }
  try {
    const info = await handle.stat();
    if (!info.isFile())
      throw new ConfigurationError('bundle-not-a-file', `${shown}: bundle is not a regular file`);
    if (info.size > MAX_BUNDLE_FILE_BYTES) {
      throw new ConfigurationError(
        'bundle-too-large',
        `${shown}: bundle file is ${info.size} bytes; the limit is 16 MiB`,
      );
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

function shownPath(absolute: string, workspace: string): string {
  const rel = relative(workspace, absolute);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
}
