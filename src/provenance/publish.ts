/**
 * One in-toto statement about an image, signed keylessly when the job may, written to a file, and
 * published where asked: as an OCI referrer of the image, and as a GitHub artifact attestation.
 * Provenance and the verification summary both go out this way.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { SerializedBundle } from '@sigstore/bundle';
import type { GitHubClient } from '../adapters/github/create-client.js';
import type { ImageReference } from '../model/image-reference.js';
import { pushReferrer } from '../adapters/registry/referrer-push.js';
import type { RegistryOptions } from '../adapters/registry/store.js';
import { chooseInstance, signStatement, type SigstoreInstance } from '../adapters/sigstore/sign.js';
import { ConfigurationError } from '../errors.js';
import { SIGSTORE_BUNDLE_V03_MEDIA_TYPE } from '../evidence/attached-artifacts.js';
import { displayPath } from '../workspace-path.js';
import { splitRepository } from '../github-context.js';
import type { SigningContext } from './signing-context.js';
import { statementBytes, type InTotoStatement } from './statement.js';

export type PublishTarget = 'registry' | 'github';
export type SigstoreChoice = SigstoreInstance | 'auto';

export interface PublishRequest {
  sign: boolean;
  push: PublishTarget[];
  sigstore: SigstoreChoice;
  /** Where to write the bundle (or the statement, unsigned), relative to the workspace. */
  outPath?: string;
}

export interface PublishDeps {
  signing: SigningContext;
  /** Credentials to push with (those that read the image). */
  registry: RegistryOptions;
  github?: Pick<GitHubClient, 'createAttestation'>;
  now(): Date;
}

export interface PublishedStatement {
  bundle?: SerializedBundle;
  /** sha256 of the bundle's JSON bytes as written and pushed. */
  bundleDigest?: string;
  instance?: SigstoreInstance;
  unsigned?: string;
  /** Absolute path of the file written. */
  path?: string;
  published: Array<{ where: PublishTarget; uri: string }>;
}

export async function publishStatement(
  statement: InTotoStatement,
  image: { reference: ImageReference; digest: string },
  request: PublishRequest,
  deps: PublishDeps & { workspace: string },
): Promise<PublishedStatement> {
  const { signing } = deps;
  const result: PublishedStatement = { published: [] };
  let bytes: Buffer;
  if (request.sign && signing.idToken) {
    const instance = chooseInstance(request.sigstore, signing.claims.repositoryVisibility);
    const bundle = await signStatement(
      statementBytes(statement),
      await signing.idToken(),
      signing.endpoints(instance),
    );
    bytes = Buffer.from(JSON.stringify(bundle), 'utf8');
    Object.assign(result, {
      bundle,
      instance,
      bundleDigest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
    });
  } else {
    result.unsigned = request.sign ? (signing.cannotSign ?? 'no OIDC token') : 'signing is turned off';
    bytes = Buffer.from(`${JSON.stringify(statement, null, 2)}\n`, 'utf8');
  }
  if (request.outPath) {
    const path = resolve(deps.workspace, request.outPath);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
    result.path = path;
  }
  if (!result.bundle) return result;
  const bundle = result.bundle;
  for (const where of request.push) {
    if (where === 'registry') {
      if (image.reference.kind !== 'registry') {
        throw new ConfigurationError(
          'cannot-push-referrer',
          `only an image in a registry can carry a referrer, not ${image.reference.kind} ${displayPath(image.reference.kind === 'docker' ? image.reference.engineReference : image.reference.path, deps.workspace)}: leave "registry" out of the push list`,
        );
      }
      const pushed = await pushReferrer(
        {
          registry: image.reference.registry,
          repository: image.reference.repository,
          subjectDigest: image.digest,
        },
        {
          bytes,
          mediaType: SIGSTORE_BUNDLE_V03_MEDIA_TYPE,
          annotations: {
            'dev.sigstore.bundle.content': 'dsse-envelope',
            'dev.sigstore.bundle.predicateType': statement.predicateType,
          },
        },
        { ...deps.registry, now: deps.now },
      );
      result.published.push({ where, uri: pushed.manifestUri });
    } else {
      if (!deps.github) {
        throw new ConfigurationError(
          'missing-token',
          'uploading an attestation to GitHub needs a GitHub token (the github-token input; GITHUB_TOKEN and --github-api for the CLI) with "attestations: write"',
        );
      }
      const created = await deps.github.createAttestation({
        ...splitRepository(signing.claims.repository),
        bundle,
      });
      result.published.push({ where, uri: `${created.url} (id ${created.id})` });
    }
  }
  return result;
}

/** One sentence for the summary's notes: what was made, signed how, and where it went. */
export function describePublished(what: string, published: PublishedStatement, workspace: string): string {
  const where = [
    published.path && `written to ${displayPath(published.path, workspace)}`,
    ...published.published.map(
      (entry) => `${entry.where === 'registry' ? 'pushed as referrer' : 'uploaded to GitHub'} ${entry.uri}`,
    ),
  ].filter(Boolean);
  const how = published.bundle
    ? `signed with the ${published.instance} Sigstore instance`
    : `NOT signed (${published.unsigned})`;
  return `${what}: ${how}${where.length > 0 ? `; ${where.join('; ')}` : ''}.`;
}
