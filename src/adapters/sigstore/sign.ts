/**
 * Keyless signing of an in-toto statement, as actions/attest signs: an ephemeral key, a Fulcio
 * certificate for the workflow's OIDC identity, then a witness: Rekor for the public-good instance,
 * GitHub's timestamp authority for GitHub's own (private repositories: nothing is published).
 * The result is a v0.3 sigstore bundle, as JSON.
 */
import type { SerializedBundle } from '@sigstore/bundle';
import type { Witness } from '@sigstore/sign';
import { ConfigurationError, VerificationError } from '../../errors.js';
import { IN_TOTO_PAYLOAD_TYPE } from '../../sigstore/in-toto.js';

export type SigstoreInstance = 'public-good' | 'github';

export interface SigningEndpoints {
  instance: SigstoreInstance;
  fulcioUrl: string;
  rekorUrl?: string;
  tsaUrl?: string;
  /** Rekor's entry kind for a DSSE envelope: `dsse` by default, as actions/attest writes. */
  rekorEntryType?: 'dsse' | 'intoto';
}

const TIMEOUT_MS = 10_000;
const RETRIES = 3;

// @sigstore/sign (and the HTTP stack under it) is loaded only by a run that signs, so the public
// instance's endpoints are spelt here; their types are the library's, so a change there is a type error.
const PUBLIC_GOOD_FULCIO_URL: typeof import('@sigstore/sign').DEFAULT_FULCIO_URL =
  'https://fulcio.sigstore.dev';
const PUBLIC_GOOD_REKOR_URL: typeof import('@sigstore/sign').DEFAULT_REKOR_URL = 'https://rekor.sigstore.dev';

/** The instance's endpoints; GitHub's are derived from the server URL as actions/attest does. */
export function signingEndpoints(instance: SigstoreInstance, serverUrl: string): SigningEndpoints {
  if (instance === 'public-good') {
    return { instance, fulcioUrl: PUBLIC_GOOD_FULCIO_URL, rekorUrl: PUBLIC_GOOD_REKOR_URL };
  }
  let host = new URL(serverUrl).hostname;
  if (host === 'github.com') host = 'githubapp.com';
  return { instance, fulcioUrl: `https://fulcio.${host}`, tsaUrl: `https://timestamp.${host}` };
}

/**
 * `public-good` for a public repository, else GitHub's instance, which keeps a private
 * repository's names out of a public log. An unknown visibility is treated as private.
 */
export function chooseInstance(
  choice: 'public-good' | 'github' | 'auto',
  repositoryVisibility: string | undefined,
): SigstoreInstance {
  if (choice !== 'auto') return choice;
  return repositoryVisibility === 'public' ? 'public-good' : 'github';
}

export function parseSigstoreChoice(text: string, what: string): 'public-good' | 'github' | 'auto' {
  if (text === 'public-good' || text === 'github' || text === 'auto') return text;
  throw new ConfigurationError(
    'invalid-sigstore',
    `${what} takes public-good, github or auto, got ${JSON.stringify(text.slice(0, 80))}`,
  );
}

/** Signs `statement` (the exact bytes) as a DSSE envelope of `application/vnd.in-toto+json`. */
export async function signStatement(
  statement: Buffer,
  idToken: string,
  endpoints: SigningEndpoints,
): Promise<SerializedBundle> {
  const { DSSEBundleBuilder, FulcioSigner, RekorWitness, TSAWitness } = await import('@sigstore/sign');
  const { bundleToJSON } = await import('@sigstore/bundle');
  const signer = new FulcioSigner({
    identityProvider: { getToken: () => Promise.resolve(idToken) },
    fulcioBaseURL: endpoints.fulcioUrl,
    timeout: TIMEOUT_MS,
    retry: RETRIES,
  });
  const witnesses: Witness[] = [];
  if (endpoints.rekorUrl) {
    witnesses.push(
      new RekorWitness({
        rekorBaseURL: endpoints.rekorUrl,
        entryType: endpoints.rekorEntryType ?? 'dsse',
        fetchOnConflict: true,
        timeout: TIMEOUT_MS,
        retry: RETRIES,
      }),
    );
  }
  if (endpoints.tsaUrl) {
    witnesses.push(new TSAWitness({ tsaBaseURL: endpoints.tsaUrl, timeout: TIMEOUT_MS, retry: RETRIES }));
  }
  if (witnesses.length === 0) {
    throw new ConfigurationError(
      'invalid-signing-endpoints',
      'signing needs a transparency log or a timestamp authority to witness the signature',
    );
  }
  try {
    const bundle = await new DSSEBundleBuilder({ signer, witnesses }).create({
      data: statement,
      type: IN_TOTO_PAYLOAD_TYPE,
    });
    return bundleToJSON(bundle);
  } catch (error) {
    throw new VerificationError(
      'signing-failed',
      `signing with the ${endpoints.instance} Sigstore instance failed (${signingFailure(error)})`,
      { cause: error },
    );
  }
}

/** @sigstore/sign's message, on one line; it names the service and status, never the token. */
function signingFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${message}${cause}`.replace(/\s+/g, ' ').slice(0, 300);
}
