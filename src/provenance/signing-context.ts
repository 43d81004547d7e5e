/**
 * Who is signing, and with what: the workflow's claims and a source of OIDC tokens for Fulcio.
 * With `id-token: write` the claims come from the token itself (what Fulcio will certify); without
 * it (a fork's pull request) from the runner's environment, and nothing can be signed; the CLI may
 * read them from a `--context` file instead.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fetchIdToken, idTokenSource } from '../adapters/sigstore/oidc.js';
import { signingEndpoints, type SigningEndpoints, type SigstoreInstance } from '../adapters/sigstore/sign.js';
import { ConfigurationError } from '../errors.js';
import { JsonStreamParser } from '../evidence/scans/json-stream.js';
import {
  claimsFromContextFile,
  claimsFromEnvironment,
  claimsFromToken,
  type WorkflowClaims,
} from './claims.js';

export interface SigningContext {
  claims: WorkflowClaims;
  /** A fresh OIDC token each call (they last minutes); absent when the job cannot get one. */
  idToken?(): Promise<string>;
  /** Why there is no token, said so a reader knows what to change. */
  cannotSign?: string;
  endpoints(instance: SigstoreInstance): SigningEndpoints;
}

export interface SigningContextOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** The event payload: `repository.visibility` picks the Sigstore instance in `auto`. */
  payload?: unknown;
  /** A JSON file of the claims (CLI `--context`), relative to `workspace`. */
  contextPath?: string;
  workspace: string;
  fetch?: typeof fetch;
  /** Another Fulcio/Rekor/TSA per instance (tests serve them on loopback). */
  endpoints?: Partial<Record<SigstoreInstance, SigningEndpoints>>;
  /** Told every OIDC token fetched, so the action can mask it in the log (core.setSecret). */
  maskSecret?: (secret: string) => void;
}

export const NO_ID_TOKEN =
  'the job has no "id-token: write" permission (ACTIONS_ID_TOKEN_REQUEST_URL is not set), so no signing certificate can be requested';

export async function readSigningContext(options: SigningContextOptions): Promise<SigningContext> {
  const source = idTokenSource(options.env);
  const serverUrl = options.env.GITHUB_SERVER_URL || 'https://github.com';
  const endpoints = (instance: SigstoreInstance) =>
    options.endpoints?.[instance] ?? signingEndpoints(instance, serverUrl);
  const fetchMasked = async (from: NonNullable<typeof source>) => {
    const fetched = await fetchIdToken(from, { fetch: options.fetch });
    options.maskSecret?.(fetched.token);
    return fetched;
  };
  const fresh = source ? async () => (await fetchMasked(source)).token : undefined;
  const visibility = repositoryVisibility(options.payload);
  let claims: WorkflowClaims;
  if (options.contextPath) {
    const path = resolve(options.workspace, options.contextPath);
    const text = await readFile(path).catch((error: NodeJS.ErrnoException) => {
      throw new ConfigurationError(
        'provenance-context-not-found',
        `${options.contextPath}: cannot read the provenance context (${error.code === 'ENOENT' ? 'no such file' : (error.code ?? 'unreadable')})`,
      );
    });
    // Its errors say file:line:column without echoing the file.
    const parser = new JsonStreamParser(options.contextPath);
    parser.write(text);
    claims = claimsFromContextFile(parser.end(), options.contextPath);
  } else if (source) {
    const token = await fetchMasked(source);
    claims = claimsFromToken(token.claims, serverUrl);
  } else {
    claims = claimsFromEnvironment(options.env, visibility);
  }
  if (!claims.repositoryVisibility && visibility) claims = { ...claims, repositoryVisibility: visibility };
  return fresh ? { claims, idToken: fresh, endpoints } : { claims, cannotSign: NO_ID_TOKEN, endpoints };
}

function repositoryVisibility(payload: unknown): string | undefined {
  const repository = (payload as { repository?: { visibility?: unknown; private?: unknown } } | undefined)
    ?.repository;
  if (typeof repository?.visibility === 'string') return repository.visibility;
  if (typeof repository?.private === 'boolean') return repository.private ? 'private' : 'public';
  return undefined;
}
