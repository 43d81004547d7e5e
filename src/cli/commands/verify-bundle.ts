/**
 * `supply-chain-gate verify-bundle`: one bundle, one artifact, one identity or key, in the argument
 * order of the sigstore-conformance client protocol, so that suite can score the engine directly.
 * Exit 0 verified, 1 not verified (the reason on stderr), 2 bad input.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadTrustStore } from '../../adapters/sigstore/trusted-root.js';
import { ConfigurationError, type ConfigurationCode } from '../../errors.js';
import { escapeLogLine } from '../../report/escape.js';
import {
  anchoredRegExp,
  describeSigner,
  matchIdentity,
  type IdentityRequirement,
} from '../../sigstore/identity-policy.js';
import { parseDigest, type ArtifactInput } from '../../sigstore/in-toto.js';
import { JsonStreamParser } from '../../evidence/scans/json-stream.js';
import { parsePublicKey } from '../../sigstore/public-keys.js';
import { verifyBundle, type TrustedKey } from '../../sigstore/verify-bundle.js';

export interface VerifyBundleIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd: string;
}

export const VERIFY_BUNDLE_USAGE = `supply-chain-gate verify-bundle --bundle FILE
        (--certificate-identity ID | --certificate-identity-regexp RE) --certificate-oidc-issuer URL
        | --key PEM_FILE
        [--trusted-root FILE] FILE_OR_DIGEST`;

export async function verifyBundleCommand(args: string[], io: VerifyBundleIo): Promise<number> {
  const options = parseOptions(args);
  const bundleText = await readUserFile(options.bundlePath, io.cwd, 'bundle');
  const artifact = await readArtifact(options.artifact, io.cwd);
  const keys: TrustedKey[] = options.keyPath
    ? [parsePublicKey(await readUserFile(options.keyPath, io.cwd, 'key'), options.keyPath)]
    : [];
  const trust = await loadTrustStore({ trustedRootPath: options.trustedRootPath, workspace: io.cwd });

  // A file that is not JSON is bad input (exit 2), named by its line and column: its bytes are
  // never quoted, since a wrong file can be a secret.
  const parser = new JsonStreamParser(options.bundlePath);
  parser.write(Buffer.from(bundleText, 'utf8'));
  const bundle: unknown = parser.end();
  const result = verifyBundle({ bundle, artifact, trust, keys, transparencyLog: 'instance' });
  if (result.status === 'invalid') return reject(io, result.check, result.message);

  const signer = result.signer;
  if (options.identity) {
    if (signer.kind !== 'certificate') {
      return reject(
        io,
        'identity',
        'the bundle is signed with a key, but a certificate identity was required',
      );
    }
    const match = matchIdentity(signer, options.identity);
    if (!match.matched) {
      return reject(
        io,
        'identity',
        `signed by ${describeSigner(signer)}, not the required identity: ${match.reason}`,
      );
    }
  } else if (signer.kind !== 'public-key') {
    return reject(
      io,
      'identity',
      `signed by the certificate of ${describeSigner(signer)}, not by the given key`,
    );
  }
  io.stdout.write(`${escapeLogLine(`verified: ${result.content} signed by ${describeSigner(signer)}`)}\n`);
  return 0;
}

interface VerifyBundleOptions {
  bundlePath: string;
  artifact: string;
  identity?: IdentityRequirement;
  keyPath?: string;
  trustedRootPath?: string;
}

function parseOptions(args: string[]): VerifyBundleOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        bundle: { type: 'string' },
        'certificate-identity': { type: 'string' },
        'certificate-identity-regexp': { type: 'string' },
        'certificate-oidc-issuer': { type: 'string' },
        key: { type: 'string' },
        'trusted-root': { type: 'string' },
        staging: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.staging) {
    throw new ConfigurationError(
      'unsupported-staging',
      '--staging: no staging trusted root is embedded; pass the staging trusted_root.json with --trusted-root',
    );
  }
  if (!values.bundle) throw usageError('--bundle FILE is required');
  if (positionals.length !== 1) throw usageError('give exactly one FILE_OR_DIGEST to verify');
  const subject = values['certificate-identity'];
  const subjectRegExp = values['certificate-identity-regexp'];
  const issuer = values['certificate-oidc-issuer'];
  if (values.key !== undefined) {
    if (subject !== undefined || subjectRegExp !== undefined || issuer !== undefined) {
      throw usageError('--key excludes the certificate identity options');
    }
    return {
      bundlePath: values.bundle,
      artifact: positionals[0]!,
      keyPath: values.key,
      trustedRootPath: values['trusted-root'],
    };
  }
  if ((subject === undefined) === (subjectRegExp === undefined) || issuer === undefined) {
    throw usageError(
      'give --key, or --certificate-oidc-issuer with exactly one of --certificate-identity and --certificate-identity-regexp',
    );
  }
  if (subjectRegExp !== undefined) {
    try {
      anchoredRegExp(subjectRegExp);
    } catch (error) {
      throw usageError(
        `--certificate-identity-regexp is not a valid regular expression (${(error as Error).message})`,
      );
    }
  }
  return {
    bundlePath: values.bundle,
    artifact: positionals[0]!,
    identity: subject !== undefined ? { issuer, subject } : { issuer, subjectRegExp },
    trustedRootPath: values['trusted-root'],
  };
}

/** A `sha256:<hex>` that is not an existing file is a digest; anything else is a file to read. */
async function readArtifact(text: string, cwd: string): Promise<ArtifactInput> {
  const digest = parseDigest(text);
  if (digest && !existsSync(resolve(cwd, text))) return { digest };
  const bytes = await readFile(resolve(cwd, text)).catch((error: NodeJS.ErrnoException) => {
    throw new ConfigurationError(
      'artifact-not-found',
      `${text}: cannot read the artifact (${error.code === 'ENOENT' ? 'no such file' : (error.code ?? 'unreadable')}); a digest is written sha256:<64 hex digits>`,
    );
  });
  return { bytes };
}

/** The files `verify-bundle` reads, each with the code it is reported under when it cannot be read. */
const NOT_FOUND = { bundle: 'bundle-not-found', key: 'key-not-found' } as const satisfies Record<
  string,
  ConfigurationCode
>;

async function readUserFile(path: string, cwd: string, what: keyof typeof NOT_FOUND): Promise<string> {
  try {
    return await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigurationError(
      NOT_FOUND[what],
      `${path}: cannot read the ${what} (${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')})`,
    );
  }
}

function reject(io: VerifyBundleIo, check: string, message: string): number {
  io.stderr.write(`${escapeLogLine(`not verified (${check}): ${message}`)}\n`);
  return 1;
}

function usageError(message: string): ConfigurationError {
  return new ConfigurationError(
    'invalid-arguments',
    `verify-bundle: ${message}\nusage: ${VERIFY_BUNDLE_USAGE}`,
  );
}
