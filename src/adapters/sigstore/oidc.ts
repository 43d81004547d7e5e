/**
 * The workflow's OIDC token, asked of the runner's token service (ACTIONS_ID_TOKEN_REQUEST_URL and
 * _TOKEN, present only with `permissions: id-token: write`). Sigstore's Fulcio exchanges it for a
 * signing certificate. The token is a credential: it never reaches an error message or the log.
 */
import { ConfigurationError, VerificationError } from '../../errors.js';
import { isLoopbackHost } from '../../model/image-reference.js';
import { proxyAwareFetch } from '../http/proxy-fetch.js';

export const SIGSTORE_AUDIENCE = 'sigstore';
const TIMEOUT_MS = 30_000;
const MAX_TOKEN_BYTES = 64 * 1024;

export interface IdTokenSource {
  requestUrl: string;
  requestToken: string;
}

export interface IdToken {
  /** The JWT itself, to hand to Fulcio. */
  token: string;
  /** Its payload, decoded but not verified: Fulcio verifies the signature. */
  claims: Record<string, unknown>;
}

/** Where to ask for a token, or undefined when the job was not given `id-token: write`. */
export function idTokenSource(env: Readonly<Record<string, string | undefined>>): IdTokenSource | undefined {
  const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  return requestUrl && requestToken ? { requestUrl, requestToken } : undefined;
}

export async function fetchIdToken(
  source: IdTokenSource,
  options: { audience?: string; fetch?: typeof fetch } = {},
): Promise<IdToken> {
  let url: URL;
  try {
    url = new URL(source.requestUrl);
  } catch {
    throw new ConfigurationError('invalid-oidc-url', 'ACTIONS_ID_TOKEN_REQUEST_URL is not a URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.host))) {
    throw new ConfigurationError(
      'invalid-oidc-url',
      `ACTIONS_ID_TOKEN_REQUEST_URL points at ${url.protocol}//${url.host}: the token is requested over https only (plain http for loopback hosts)`,
    );
  }
  url.searchParams.set('audience', options.audience ?? SIGSTORE_AUDIENCE);
  let response: Response;
  try {
    response = await (options.fetch ?? proxyAwareFetch())(url, {
      headers: { authorization: `Bearer ${source.requestToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new VerificationError(
      'oidc-unreachable',
      `cannot reach the runner's OIDC token service at ${url.host}; the OIDC token for signing could not be requested`,
      { cause: error },
    );
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    throw new VerificationError(
      'oidc-refused',
      `the runner's OIDC token service answered ${response.status} ${response.statusText}`.trim() +
        '; check that the job has "permissions: id-token: write"',
    );
  }
  const token = text.length <= MAX_TOKEN_BYTES ? tokenValue(text) : undefined;
  const claims = token === undefined ? undefined : decodePayload(token);
  if (token === undefined || claims === undefined) {
    throw new VerificationError(
      'oidc-unexpected-response',
      'the runner\'s OIDC token service did not answer with a JWT in {"value": …}',
    );
  }
  return { token, claims };
}

function tokenValue(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text);
    const value = (body as { value?: unknown } | null)?.value;
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

function decodePayload(jwt: string): Record<string, unknown> | undefined {
  const parts = jwt.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
