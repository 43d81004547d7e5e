/**
 * A loopback reverse proxy that puts faults between a client and a real server (the test registry,
 * the GitHub stand-in): it delays, drops, resets, answers 429/5xx with or without `Retry-After`,
 * cuts bodies short, or serves the answer for another path (another digest's manifest). It also
 * plays the quirks of real registries: a HEAD answered 405 or 404, headers left out
 * (`Docker-Content-Digest`) or added (Docker Hub's `ratelimit-*`), and, with `bearer`, a
 * registry that demands a token from a separate token service as Docker Hub does. Each fault
 * applies to the requests its matcher picks, a given number of times; everything else is
 * forwarded untouched, so the server behind it stays the one that decides what is true.
 */
import { request as httpRequest, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  /** Wait, then forward as usual. */
  | { kind: 'delay'; ms: number }
  /**
   * A barrier: forward at once, then hold the answer until `count` requests matched by this same
   * fault have had theirs from the server; release them all together. Every one of them has then
   * been read by the server before any client saw an answer, whatever the scheduling: a race made
   * certain rather than likely.
   */
  | { kind: 'hold'; count: number }
  /** Accept the request and never answer: the client's own timeout must end it. */
  | { kind: 'stall' }
  /** Close the connection without answering. */
  | { kind: 'drop' }
  /** Abort the connection with a TCP reset. */
  | { kind: 'reset' }
  /** Answer with this status (and `Retry-After` when given) instead of forwarding. */
  | { kind: 'status'; status: 404 | 405 | 429 | 500 | 502 | 503 | 504; retryAfter?: string }
  /** Forward, then leave these headers (lower case) out of the answer. */
  | { kind: 'strip-headers'; names: readonly string[] }
  /** Forward, then add these headers to the answer. */
  | { kind: 'add-headers'; headers: Record<string, string> }
  /** Forward, then send the upstream's headers and only `keepBytes` of its body before closing. */
  | { kind: 'truncate'; keepBytes?: number }
  /** Forward the same request to `path` instead, and answer with that. */
  | { kind: 'substitute'; path: string };

export interface FaultRule {
  /** Any method when not given. */
  method?: string;
  /** Matched against the path and query, e.g. `/v2/acme/app/manifests/sha256:…`. */
  path: RegExp;
  fault: Fault;
  /** How many matching requests it applies to; every one when not given. */
  times?: number;
}

export interface ProxiedRequest {
  method: string;
  path: string;
  /** The fault applied, `challenged` (no bearer token), or `forwarded`. */
  outcome: Fault['kind'] | 'challenged' | 'forwarded';
}

export interface FaultProxy {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `127.0.0.1:PORT`, for image references. */
  host: string;
  /** Adds a rule; rules are tried in the order they were added, and the first that matches applies. */
  inject(rule: FaultRule): void;
  /** Removes every rule. */
  clear(): void;
  /** Every request seen, in order. */
  requests: readonly ProxiedRequest[];
  stop(): Promise<void>;
}

interface ActiveRule extends FaultRule {
  remaining: number;
}

export interface FaultProxyOptions {
  /**
   * Refuse every request without `Authorization: Bearer TOKEN` with a 401 and this challenge, as
   * Docker Hub and GHCR do; the token is checked here and not passed on to the upstream.
   */
  bearer?: { realm: string; service: string; token: string };
}

export async function startFaultProxy(
  upstream: string,
  options: FaultProxyOptions = {},
): Promise<FaultProxy> {
  const target = new URL(upstream);
  const rules: ActiveRule[] = [];
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  /** Per `hold` fault: the answers held so far, each released by calling it. */
  const barriers = new WeakMap<Fault, Array<() => void>>();

  /** Resolves when `count` requests of this `hold` fault have reached this point. */
  function barrier(fault: Extract<Fault, { kind: 'hold' }>): Promise<void> {
    const waiting = barriers.get(fault) ?? [];
    barriers.set(fault, waiting);
    const released = new Promise<void>((resolve) => waiting.push(resolve));
    if (waiting.length >= fault.count) for (const release of waiting.splice(0)) release();
    return released;
  }

  function take(method: string, path: string): Fault | undefined {
    const rule = rules.find(
      (candidate) =>
        candidate.remaining > 0 &&
        (candidate.method === undefined || candidate.method === method) &&
        candidate.path.test(path),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    return rule.fault;
  }

  /** The upstream's answer to the same request at `path`, whole. */
  function forward(
    incoming: IncomingMessage,
    body: Buffer,
    path: string,
  ): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: incoming.method,
          path,
          // The Host header stays the proxy's, so the registry's Location headers point back here.
          headers: incoming.headers,
        },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () =>
            resolve({
              status: answer.statusCode ?? 502,
              headers: answer.headers,
              body: Buffer.concat(chunks),
            }),
          );
          answer.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  async function serve(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const method = incoming.method ?? 'GET';
    const path = incoming.url ?? '/';
    if (options.bearer) {
      const { realm, service, token } = options.bearer;
      if (incoming.headers.authorization !== `Bearer ${token}`) {
        requests.push({ method, path, outcome: 'challenged' });
        outgoing.writeHead(401, {
          'content-type': 'application/json',
          'www-authenticate': `Bearer realm="${realm}",service="${service}"`,
        });
        outgoing.end(
          JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }),
        );
        return;
      }
      delete incoming.headers.authorization;
    }
    let fault = take(method, path);
    const seen: ProxiedRequest = { method, path, outcome: fault?.kind ?? 'forwarded' };
    requests.push(seen);
    if (fault?.kind === 'delay') {
      const { ms } = fault;
      await new Promise((resolve) => setTimeout(resolve, ms));
      fault = undefined;
    }
    switch (fault?.kind) {
      case 'drop':
        incoming.socket.destroy();
        return;
      case 'reset':
        incoming.socket.resetAndDestroy();
        return;
      case 'stall':
        // The socket stays open until the client gives up or stop() closes it.
        return;
      case 'status': {
        const text = JSON.stringify({ errors: [{ code: 'UNAVAILABLE', message: 'injected fault' }] });
        outgoing.writeHead(fault.status, {
          'content-type': 'application/json',
          ...(fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter }),
        });
        outgoing.end(text);
        return;
      }
      default:
        break;
    }
    const answer = await forward(incoming, body, fault?.kind === 'substitute' ? fault.path : path);
    if (fault?.kind === 'hold') await barrier(fault);
    const headers = { ...answer.headers };
    if (fault?.kind === 'strip-headers') for (const name of fault.names) delete headers[name];
    if (fault?.kind === 'add-headers') Object.assign(headers, fault.headers);
    if (fault?.kind === 'truncate') {
      // The length of the whole body is announced, then the connection closes part way through.
      headers['content-length'] = String(answer.body.length);
      delete headers['transfer-encoding'];
      outgoing.writeHead(answer.status, headers);
      outgoing.write(answer.body.subarray(0, fault.keepBytes ?? Math.floor(answer.body.length / 2)), () =>
        incoming.socket.destroy(),
      );
      return;
    }
    outgoing.writeHead(answer.status, headers);
    outgoing.end(answer.body);
  }

  const server = createServer((incoming, outgoing) => {
    serve(incoming, outgoing).catch(() => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    inject(rule) {
      rules.push({ ...rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
    },
    clear() {
      rules.length = 0;
    },
    requests,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
