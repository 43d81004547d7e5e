/** Loaders for the committed third-party sigstore data (bundles, cosign layers, trusted roots). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseTrustedRoot, type TrustStore } from '../../src/sigstore/trusted-root.js';
import type { CosignLayer } from '../../src/sigstore/cosign-layer.js';
import { EMBEDDED_ROOTS } from '../../src/trust/embedded.js';
import { fixturePath, readFixture } from './fixtures.js';

export function embeddedTrust(only?: Array<'public-good' | 'github'>): TrustStore {
  return {
    instances: EMBEDDED_ROOTS.filter((root) => !only || only.includes(root.name)).map((root) =>
      parseTrustedRoot(root.trustedRoot, root.name),
    ),
    origin: 'embedded',
  };
}

export function trustFromFixture(relative: string): TrustStore {
  return { instances: [parseTrustedRoot(JSON.parse(readFixture(relative)), relative)], origin: relative };
}

/** A bundle file: JSON, or the first line of JSON Lines. */
export function bundleFixture(relative: string): unknown {
  const text = readFixture(relative);
  return JSON.parse(relative.endsWith('.jsonl') ? text.split('\n')[0]! : text);
}

export function sha256Of(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/**
 * containers/image stores a cosign `.sig` layer as "\0sigstore-json\n" + JSON {mimeType, payload,
 * annotations}: exactly the layer's media type, blob and annotations.
 */
export function containersImageSignature(relative: string): CosignLayer {
  const bytes = readFileSync(fixturePath(relative));
  const prefix = Buffer.from('\0sigstore-json\n');
  if (!bytes.subarray(0, prefix.length).equals(prefix))
    throw new Error(`${relative}: not a sigstore-json signature`);
  const parsed = JSON.parse(bytes.subarray(prefix.length).toString('utf8')) as {
    mimeType: string;
    payload: string;
    annotations: Record<string, string>;
  };
  return {
    mediaType: parsed.mimeType,
    payload: Buffer.from(parsed.payload, 'base64'),
    annotations: parsed.annotations,
  };
}
