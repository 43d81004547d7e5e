/**
 * A keyless-signing testbed on 127.0.0.1: two Sigstore instances built from @sigstore/mock's
 * handlers, served over HTTP, and the runner's OIDC token service.
 *
 * - `public-good`: a Fulcio whose certificates carry an SCT from a CT log, and a Rekor log;
 * - `github`: a Fulcio without CT log and a timestamp authority, no transparency log (GitHub's
 *   own instance is shaped so);
 * - the token service answers ACTIONS_ID_TOKEN_REQUEST_URL with an RS256 JWT of the claims the
 *   test sets, and publishes its JWKS under /.well-known/openid-configuration, so @actions/attest
 *   can verify the token as it verifies GitHub's.
 *
 * `trustedRootJsonl()` gives both instances' roots as JSON Lines, what `--trusted-root` reads.
 */
import { createHash, createSign, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  fulcioHandler,
  initializeCA,
  initializeCTLog,
  initializeTLog,
  initializeTSA,
  rekorHandler,
  tsaHandler,
  type HandlerFn,
} from '@sigstore/mock';
import type { SigningEndpoints } from '../../src/adapters/sigstore/sign.js';

/** What GitHub's token carries (see https://docs.github.com/actions/reference/openid-connect-reference). */
export type OidcClaims = Record<string, string>;

export interface SigstoreTestbed {
  url: string;
  /** Endpoints of the public-good-shaped instance (Rekor entries written as `intoto`: see DESIGN.md). */
  publicGood: SigningEndpoints;
  /** Endpoints of the GitHub-shaped instance (Fulcio + TSA). */
  github: SigningEndpoints;
  /** The env a job with `id-token: write` has. */
  idTokenEnv: { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string };
  /** The issuer URL whose JWKS verifies the tokens (for @actions/attest's `issuer`). */
  issuer: string;
  /** The claims of the next tokens (merged over `iss`, `aud`, `sub` set here). */
  setClaims(claims: OidcClaims): void;
  /** How many tokens the token service handed out. */
  tokensIssued(): number;
  /** Both trusted roots, one JSON document per line. */
  trustedRootJsonl(): string;
  stop(): Promise<void>;
}

const ROOT_MEDIA_TYPE = 'application/vnd.dev.sigstore.trustedroot+json;version=0.1';
export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

export async function startSigstoreTestbed(): Promise<SigstoreTestbed> {
  const routes = new Map<string, HandlerFn>();
  const server = createServer((request, response) => {
    void handle(request).then(
      ({ status, body, type }) => {
        response.writeHead(status, { 'content-type': type });
        response.end(body);
      },
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(String(error));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const validFrom = new Date(Date.now() - 60_000).toISOString();

  const [publicGood, github] = await Promise.all([
    startInstance(url, '/public-good', { ctLog: true, tlog: true }),
    startInstance(url, '/github', { tsa: true }),
  ]);
  for (const instance of [publicGood, github]) {
    for (const [path, fn] of instance.routes) routes.set(path, fn);
  }

  const jwtKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const requestToken = `runtime-${randomBytes(16).toString('hex')}`;
  let claims: OidcClaims = {};
  let issued = 0;

  async function handle(
    request: IncomingMessage,
  ): Promise<{ status: number; body: string | Buffer; type: string }> {
    const requestUrl = new URL(request.url ?? '/', url);
    const body = await readBody(request);
    if (request.method === 'GET' && requestUrl.pathname === '/oidc/token') {
      if (request.headers.authorization !== `Bearer ${requestToken}`) {
        return { status: 401, body: '{"message":"bad runtime token"}', type: 'application/json' };
      }
      issued += 1;
      const audience = requestUrl.searchParams.get('audience') ?? 'nobody';
      const token = signJwt(jwtKeys.privateKey, kid, {
        iss: GITHUB_ACTIONS_ISSUER,
        sub: 'repo:unset',
        ...claims,
        aud: audience,
        iat: Math.floor(Date.now() / 1000),
        exp: Math.floor(Date.now() / 1000) + 300,
      });
      return { status: 200, body: JSON.stringify({ value: token }), type: 'application/json' };
    }
    if (request.method === 'GET' && requestUrl.pathname === '/oidc/.well-known/openid-configuration') {
      return {
        status: 200,
        body: JSON.stringify({ issuer: `${url}/oidc`, jwks_uri: `${url}/oidc/jwks` }),
        type: 'application/json',
      };
    }
    if (request.method === 'GET' && requestUrl.pathname === '/oidc/jwks') {
      const jwk = jwtKeys.publicKey.export({ format: 'jwk' });
      return {
        status: 200,
        body: JSON.stringify({ keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] }),
        type: 'application/json',
      };
    }
    const route = request.method === 'POST' ? routes.get(requestUrl.pathname) : undefined;
    if (!route) return { status: 404, body: 'not found', type: 'text/plain' };
    const answer = await route(body.toString('utf8'));
    const bytes =
      typeof answer.response === 'string'
        ? answer.response
        : Buffer.from(answer.response.buffer, answer.response.byteOffset, answer.response.byteLength);
    return { status: answer.statusCode, body: bytes, type: answer.contentType ?? 'text/plain' };
  }

  return {
    url,
    publicGood: {
      instance: 'public-good',
      fulcioUrl: `${url}/public-good`,
      rekorUrl: `${url}/public-good`,
      rekorEntryType: 'intoto',
    },
    // A TSA URL with a path is taken whole by @sigstore/sign (as a signing config's URL is).
    github: { instance: 'github', fulcioUrl: `${url}/github`, tsaUrl: `${url}/github/api/v1/timestamp` },
    idTokenEnv: {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/oidc/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
    },
    issuer: `${url}/oidc`,
    setClaims(next) {
      claims = { ...next };
    },
    tokensIssued: () => issued,
    trustedRootJsonl: () =>
      [publicGood.trustedRoot(validFrom), github.trustedRoot(validFrom)]
        .map((root) => JSON.stringify(root))
        .join('\n') + '\n',
    stop: () => close(server),
  };
}

interface Instance {
  routes: Map<string, HandlerFn>;
  trustedRoot(validFrom: string): Record<string, unknown>;
}

async function startInstance(
  origin: string,
  prefix: string,
  parts: { ctLog?: boolean; tlog?: boolean; tsa?: boolean },
): Promise<Instance> {
  const base = `${origin}${prefix}`;
  const ctLog = parts.ctLog ? await initializeCTLog(ecKeys()) : undefined;
  const ca = await initializeCA(ecKeys(), ctLog);
  const tlog = parts.tlog ? await initializeTLog(base, ecKeys()) : undefined;
  const tsa = parts.tsa ? await initializeTSA(ecKeys()) : undefined;
  // DER drops a time's trailing fraction zeros (12.5Z for 12.500), and @sigstore/core only reads a
  // three-digit fraction, so a TSA time on a multiple of 10 ms fails verification about one time in
  // ten. Whole seconds keep the testbed deterministic (docs/architecture.md records the gap).
  if (tsa) {
    (tsa as unknown as { getCurrentTime: () => Date }).getCurrentTime = () =>
      new Date(Math.floor(Date.now() / 1000) * 1000);
  }
  const routes = new Map<string, HandlerFn>();
  const mount = (handler: { path: string; fn: HandlerFn }) =>
    routes.set(`${prefix}${handler.path}`, handler.fn);
  mount(fulcioHandler(ca));
  if (tlog) mount(rekorHandler(tlog));
  if (tsa) mount(tsaHandler(tsa));

  return {
    routes,
    trustedRoot(validFrom) {
      const key = (bytes: Uint8Array) => ({
        rawBytes: base64(bytes),
        keyDetails: 'PKIX_ECDSA_P256_SHA_256',
        validFor: { start: validFrom },
      });
      return {
        mediaType: ROOT_MEDIA_TYPE,
        tlogs: tlog
          ? [
              {
                baseUrl: base,
                hashAlgorithm: 'SHA2_256',
                publicKey: key(tlog.publicKey),
                logId: { keyId: createHash('sha256').update(tlog.publicKey).digest('base64') },
              },
            ]
          : [],
        certificateAuthorities: [
          {
            subject: { organization: 'sigstore-testbed', commonName: `testbed${prefix}` },
            uri: base,
            certChain: { certificates: [{ rawBytes: base64(ca.rootCertificate) }] },
            validFor: { start: validFrom },
          },
        ],
        ctlogs: ctLog
          ? [
              {
                baseUrl: base,
                hashAlgorithm: 'SHA2_256',
                publicKey: key(new Uint8Array(ctLog.publicKey)),
                logId: { keyId: base64(ctLog.logID) },
              },
            ]
          : [],
        timestampAuthorities: tsa
          ? [
              {
                subject: { organization: 'sigstore-testbed', commonName: `testbed${prefix} tsa` },
                uri: base,
                certChain: {
                  certificates: [
                    { rawBytes: base64(tsa.intCertificate) },
                    { rawBytes: base64(tsa.rootCertificate) },
                  ],
                },
                validFor: { start: validFrom },
              },
            ]
          : [],
      };
    },
  };
}

function ecKeys(): { publicKey: KeyObject; privateKey: KeyObject } {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' });
}

function base64(bytes: ArrayBufferView | ArrayBuffer): string {
  const view =
    bytes instanceof ArrayBuffer
      ? new Uint8Array(bytes)
      : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Buffer.from(view).toString('base64');
}

function signJwt(key: KeyObject, kid: string, payload: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signingInput = `${encode({ alg: 'RS256', typ: 'JWT', kid })}.${encode(payload)}`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(key).toString('base64url');
  return `${signingInput}.${signature}`;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
