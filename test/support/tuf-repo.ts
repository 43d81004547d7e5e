/**
 * A minimal TUF repository served on 127.0.0.1: one ed25519 key signs root, timestamp, snapshot
 * and targets, and the one target is a Sigstore trusted_root.json. Enough for @sigstore/tuf's
 * client to refresh against, with real signatures.
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TufRepo {
  url: string;
  /** The root.json a client must start from. */
  root: unknown;
  close(): Promise<void>;
}

/** Sorted keys, no whitespace: canonical JSON for the ASCII documents built here. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export async function startTufRepo(trustedRoot: unknown): Promise<TufRepo> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicHex = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
  const key = { keytype: 'ed25519', scheme: 'ed25519', keyval: { public: publicHex } };
  const keyid = createHash('sha256').update(canonical(key)).digest('hex');
  const expires = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  const common = { spec_version: '1.0.31', version: 1, expires };
  const signed = (body: Record<string, unknown>) => ({
    signatures: [{ keyid, sig: sign(null, Buffer.from(canonical(body)), privateKey).toString('hex') }],
    signed: body,
  });
  const role = { keyids: [keyid], threshold: 1 };
  const target = Buffer.from(JSON.stringify(trustedRoot));
  const targets = signed({
    _type: 'targets',
    ...common,
    targets: {
      'trusted_root.json': {
        length: target.length,
        hashes: { sha256: createHash('sha256').update(target).digest('hex') },
      },
    },
  });
  const targetsBytes = Buffer.from(JSON.stringify(targets));
  const snapshot = signed({ _type: 'snapshot', ...common, meta: { 'targets.json': { version: 1 } } });
  const timestamp = signed({ _type: 'timestamp', ...common, meta: { 'snapshot.json': { version: 1 } } });
  const root = signed({
    _type: 'root',
    ...common,
    consistent_snapshot: false,
    keys: { [keyid]: key },
    roles: { root: role, timestamp: role, snapshot: role, targets: role },
  });
  const files: Record<string, Buffer> = {
    '/1.root.json': Buffer.from(JSON.stringify(root)),
    '/timestamp.json': Buffer.from(JSON.stringify(timestamp)),
    '/snapshot.json': Buffer.from(JSON.stringify(snapshot)),
    '/targets.json': targetsBytes,
    '/targets/trusted_root.json': target,
  };
  const server: Server = createServer((request, response) => {
    const body = files[request.url ?? ''];
    response.writeHead(body ? 200 : 404).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    root,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
