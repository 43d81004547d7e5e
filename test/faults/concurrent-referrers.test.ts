/**
 * Jobs that push provenance for the same digest at the same time (src/adapters/referrer-push.ts)
 * against a registry without the referrers API (distribution 2.8): each must end up in the
 * fallback index `sha256-<hex>`, which they all rewrite. The fault proxy holds the answers to the
 * jobs' first reads of the index until every job's read has reached the registry (a barrier), so
 * every job reads it before any writes it: the lost update happens for sure, whatever the
 * scheduling, and the push must notice it and write again.
 */
import { rm } from 'node:fs/promises';
import { pushReferrer, type PushedReferrer } from '../../src/adapters/registry/referrer-push.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import {
  buildImage,
  pushImage,
  requireTestbedTools,
  startRegistry,
  type TestRegistry,
} from '../support/registry.js';

const BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';

describe('concurrent provenance pushes for one digest', () => {
  let registry: TestRegistry;
  let proxy: FaultProxy;
  let layoutDir: string;
  let subject: string;

  beforeAll(async () => {
    await requireTestbedTools();
    registry = await startRegistry();
    proxy = await startFaultProxy(registry.url);
    const built = await buildImage({ user: '1000' });
    layoutDir = built.layoutDir;
    subject = await pushImage(layoutDir, built.tag, registry, 'acme/app', 'v1');
  });
  afterAll(async () => {
    await proxy?.stop();
    await registry?.stop();
    if (layoutDir) await rm(layoutDir, { recursive: true, force: true });
  });
  afterEach(() => proxy.clear());

  const push = (job: number) =>
    pushReferrer(
      { registry: proxy.host, repository: 'acme/app', subjectDigest: subject },
      {
        bytes: Buffer.from(JSON.stringify({ job, mediaType: BUNDLE_MEDIA_TYPE })),
        mediaType: BUNDLE_MEDIA_TYPE,
        annotations: { 'dev.sigstore.bundle.predicateType': 'https://slsa.dev/provenance/v1' },
      },
      { env: {}, homeDir: '/nonexistent', now: () => new Date(Date.UTC(2026, 10, 28, 12, 0, job)) },
    );

  async function fallbackIndex(): Promise<string[]> {
    const response = await fetch(`${registry.url}/v2/acme/app/manifests/${subject.replace(':', '-')}`, {
      headers: { accept: 'application/vnd.oci.image.index.v1+json' },
    });
    expect(response.status).toBe(200);
    const index = (await response.json()) as { manifests: Array<{ digest: string }> };
    return index.manifests.map((entry) => entry.digest);
  }

  const indexTag = () => new RegExp(`/manifests/${subject.replace(':', '-')}$`);

  it('keeps both of two jobs that read the index before either wrote it', async () => {
    proxy.inject({ method: 'GET', path: indexTag(), fault: { kind: 'hold', count: 2 }, times: 2 });

    const pushed: PushedReferrer[] = await Promise.all([push(1), push(2)]);

    const listed = await fallbackIndex();
    for (const referrer of pushed) expect(listed).toContain(referrer.manifestDigest);
    expect(pushed.every((referrer) => referrer.indexedBy === 'referrers-tag')).toBe(true);
    // The lost update did happen: one of the jobs had to write the index again.
    expect(Math.max(...pushed.map((referrer) => referrer.indexWrites))).toBeGreaterThan(1);
  });

  it('keeps all of six jobs racing, and the entries already there', async () => {
    const before = await fallbackIndex();
    proxy.inject({ method: 'GET', path: indexTag(), fault: { kind: 'hold', count: 6 }, times: 6 });

    const pushed = await Promise.all([3, 4, 5, 6, 7, 8].map(push));

    const listed = await fallbackIndex();
    expect(listed).toEqual(
      expect.arrayContaining([...before, ...pushed.map((referrer) => referrer.manifestDigest)]),
    );
    expect(new Set(listed).size).toBe(listed.length);
    expect(Math.max(...pushed.map((referrer) => referrer.indexWrites))).toBeGreaterThan(1);
  });
});
