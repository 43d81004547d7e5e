/**
 * Where sigstore trust comes from: a user's trusted_root.json (it replaces everything else), a TUF
 * refresh of the public-good and GitHub roots (cached; each root falls back to its embedded copy
 * with a warning when the refresh fails), or the embedded roots alone.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { ConfigurationError } from '../../errors.js';
import { CheckFailure } from '../../sigstore/check-error.js';
import { parseTrustedRoot, type TrustInstance, type TrustStore } from '../../sigstore/trusted-root.js';
import { EMBEDDED_ROOTS, type EmbeddedRoot } from '../../trust/embedded.js';
import type { Logger } from '../log/logger.js';
import { readRegularFile } from '../files/regular-file.js';

export interface TrustSourceOptions {
  /** A trusted_root.json, or JSON Lines of several (`gh attestation trusted-root` output). */
  trustedRootPath?: string;
  workspace: string;
  /** Refresh the embedded roots over TUF, caching metadata here. Absent: offline, embedded roots. */
  tuf?: {
    cacheDir: string;
    /** Per-request timeout in milliseconds. */
    timeoutMs?: number;
    /** Another mirror and its TUF root, per trusted root (tests serve a TUF repository on loopback). */
    mirrors?: Partial<Record<EmbeddedRoot['name'], { url: string; seedRoot: unknown }>>;
    /** Where the fallback warning goes. */
    log: Logger;
  };
}

const MAX_TRUSTED_ROOT_BYTES = 4 * 1024 * 1024;

export async function loadTrustStore(options: TrustSourceOptions): Promise<TrustStore> {
  if (options.trustedRootPath) {
    const absolute = resolve(options.workspace, options.trustedRootPath);
    const shown = options.trustedRootPath;
    return { instances: await readTrustedRootFile(absolute, shown), origin: shown };
  }
  if (!options.tuf) {
    return {
      instances: EMBEDDED_ROOTS.map((root) => parseTrustedRoot(root.trustedRoot, root.name)),
      origin: 'embedded',
    };
  }
  const tuf = options.tuf;
  const instances = await Promise.all(EMBEDDED_ROOTS.map((root) => refreshedOrEmbedded(root, tuf)));
  return { instances, origin: 'tuf' };
}

/** Fresh from the mirror; else the last refresh cached in `cacheDir`; else the embedded copy. */
async function refreshedOrEmbedded(
  root: EmbeddedRoot,
  tuf: NonNullable<TrustSourceOptions['tuf']>,
): Promise<TrustInstance> {
  const mirror = tuf.mirrors?.[root.name] ?? { url: root.tuf.mirrorUrl, seedRoot: root.tuf.seedRoot };
  let rootPath: string | undefined;
  const fetchRoot = async (forceCache: boolean) => {
    if (mirror.seedRoot !== undefined && rootPath === undefined) {
      await mkdir(tuf.cacheDir, { recursive: true });
      rootPath = join(tuf.cacheDir, `${root.name}-tuf-seed-root.json`);
      await writeFile(rootPath, JSON.stringify(mirror.seedRoot));
    }
    // The TUF client and its HTTP stack load only here: most CLI runs, and runs with nothing to
    // verify, never refresh.
    const { getTrustedRoot } = await import('@sigstore/tuf');
    const refreshed = await getTrustedRoot({
      mirrorURL: mirror.url,
      cachePath: tuf.cacheDir,
      rootPath,
      forceCache,
      retry: false,
      timeout: tuf.timeoutMs ?? 10_000,
    });
    return parseTrustedRoot(TrustedRoot.toJSON(refreshed), root.name);
  };
  let refreshError: unknown;
  try {
    return await fetchRoot(false);
  } catch (error) {
    refreshError = error;
  }
  const why = (refreshError as Error).message;
  try {
    const cached = await fetchRoot(true);
    tuf.log.warning(
      `could not refresh the ${root.name} Sigstore trusted root over TUF (${why}); using the copy cached by an earlier refresh`,
    );
    return cached;
  } catch {
    tuf.log.warning(
      `could not refresh the ${root.name} Sigstore trusted root over TUF (${why}); using the embedded copy, which may lack keys rotated since this release`,
    );
    return parseTrustedRoot(root.trustedRoot, root.name);
  }
}

async function readTrustedRootFile(path: string, shown: string): Promise<TrustInstance[]> {
  const read = await readRegularFile(path, MAX_TRUSTED_ROOT_BYTES);
  if (!read.ok) {
    if (read.problem === 'too-large') {
      throw new ConfigurationError('trusted-root-too-large', `${shown}: trusted root is larger than 4 MiB`);
    }
    const reason =
      read.problem === 'unreadable'
        ? read.code
        : read.problem === 'missing'
          ? 'no such file'
          : 'not a regular file';
    throw new ConfigurationError('trusted-root-not-found', `${shown}: cannot read trusted root (${reason})`);
  }
  const text = read.bytes.toString('utf8');
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  // One JSON document, or JSON Lines (one root per line).
  const documents =
    lines.length > 1 && lines.every((line) => line.trim().startsWith('{')) && !isJson(text)
      ? lines.map((line, index) => ({ text: line, name: `${shown}:${index + 1}` }))
      : [{ text, name: shown }];
  return documents.map(({ text: document, name }) => {
    let json: unknown;
    try {
      json = JSON.parse(document);
    } catch (error) {
      throw new ConfigurationError(
        'invalid-trusted-root',
        `${name}: not valid JSON (${(error as Error).message})`,
      );
    }
    try {
      return parseTrustedRoot(json, name);
    } catch (error) {
      if (error instanceof CheckFailure) throw new ConfigurationError('invalid-trusted-root', error.message);
      throw error;
    }
  });
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
