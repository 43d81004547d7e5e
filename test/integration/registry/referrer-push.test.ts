/**
 * Pushing referrers to the real testbed registry (distribution 2.8: no referrers API, so the
 * fallback tag index is written; htpasswd auth), and reading them back through discovery.
 */
import { rm } from 'node:fs/promises';
import { openImageStore } from '../../../src/adapters/oci/open-image-store.js';
import { pushReferrer } from '../../../src/adapters/registry/referrer-push.js';
import { parseImageReference } from '../../../src/model/image-reference.js';
import { startDiscovery } from '../../../src/evidence/discover.js';
import {
  buildImage,
  pushImage,
  requireTestbedTools,
  startRegistry,
  type TestRegistry,
} from '../../support/registry.js';
import { readManifest } from '../../support/registry-push.js';

const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
let registry: TestRegistry;
let layoutDir: string;

beforeAll(async () => {
  await requireTestbedTools();
  registry = await startRegistry({ auth: true });
  ({ layoutDir } = await buildImage({ labels: { name: 'app' }, tag: 'v1' }));
});
afterAll(async () => {
  await registry?.stop();
  await rm(layoutDir, { recursive: true, force: true });
});

const credentials = () => ({ username: registry.username!, password: registry.password! });
const artifact = (text: string) => ({
  bytes: Buffer.from(JSON.stringify({ mediaType: BUNDLE, note: text })),
  mediaType: BUNDLE,
  annotations: { 'dev.sigstore.bundle.predicateType': 'https://slsa.dev/provenance/v1' },
});

async function discovered(repository: string, digest: string): Promise<string[]> {
  const store = openImageStore(parseImageReference(`${registry.host}/${repository}@${digest}`), {
    credentials: credentials(),
  });
  const discovery = startDiscovery({ store });
  discovery.add({ digest });
  const found = await discovery.finish();
  return found.discovered.map((entry) => JSON.stringify(entry.bundle)).sort();
}

it('adds the referrer to the fallback tag index, where discovery finds it', async () => {
  const digest = await pushImage(layoutDir, 'v1', registry, 'acme/one', 'v1');
  const target = { registry: registry.host, repository: 'acme/one', subjectDigest: digest };
  const now = () => new Date('2026-11-28T12:00:00Z');
  const pushed = await pushReferrer(target, artifact('first'), { credentials: credentials(), now });
  expect(pushed).toMatchObject({ indexedBy: 'referrers-tag', indexWrites: 1 });
  const { json: index } = await readManifest(registry, 'acme/one', digest.replace(':', '-'));
  expect(index.manifests).toEqual([
    expect.objectContaining({ digest: pushed.manifestDigest, artifactType: BUNDLE }),
  ]);
  expect(await discovered('acme/one', digest)).toEqual([
    JSON.stringify({ mediaType: BUNDLE, note: 'first' }),
  ]);
  // Pushing the same referrer again (same bytes, same time) leaves the index as it is.
  const again = await pushReferrer(target, artifact('first'), { credentials: credentials(), now });
  expect(again).toMatchObject({ manifestDigest: pushed.manifestDigest, indexWrites: 0 });
});

it('keeps both entries when two jobs push referrers for the same digest at once', async () => {
  const digest = await pushImage(layoutDir, 'v1', registry, 'acme/two', 'v1');
  const target = { registry: registry.host, repository: 'acme/two', subjectDigest: digest };
  const [first, second] = await Promise.all([
    pushReferrer(target, artifact('job 1'), { credentials: credentials() }),
    pushReferrer(target, artifact('job 2'), { credentials: credentials() }),
  ]);
  const { json: index } = await readManifest(registry, 'acme/two', digest.replace(':', '-'));
  expect((index.manifests as Array<{ digest: string }>).map((entry) => entry.digest).sort()).toEqual(
    [first.manifestDigest, second.manifestDigest].sort(),
  );
  expect(await discovered('acme/two', digest)).toHaveLength(2);
});

it('refuses to push without credentials that may push, saying what is missing', async () => {
  const digest = await pushImage(layoutDir, 'v1', registry, 'acme/three', 'v1');
  await expect(
    pushReferrer(
      { registry: registry.host, repository: 'acme/three', subjectDigest: digest },
      artifact('x'),
      {
        env: {},
        homeDir: '/nonexistent',
      },
    ),
  ).rejects.toMatchObject({ code: 'registry-push-unauthorized' });
});
