/**
 * Discovery: every signature and attestation kept for the gated digests, from every place they are
 * kept, found by digest and read without being trusted (verification comes later). For each digest,
 * in parallel: cosign's `sha256-<hex>.sig` and `.att` tags, the OCI 1.1 referrers API and its
 * fallback tag `sha256-<hex>` (both: a registry may have gained the API after referrers were
 * pushed under the tag), and the GitHub attestations API for each scope asked. Then every manifest
 * found, in parallel, then every blob, in parallel: four round trips after the digest is known.
 */
import { createHash } from 'node:crypto';
import { GateError, VerificationError } from '../errors.js';
import type { GitHubClient } from '../adapters/github/create-client.js';
import type { AttestationScope } from '../inputs.js';
import {
  assertSha256Digest,
  isIndexMediaType,
  type ImageStore,
  type ManifestDocument,
} from '../adapters/oci/image-store.js';
import { readAttachedManifest, type AttachmentContents } from './attached-artifacts.js';
import type { GatedDigest } from './image.js';
import type { DiscoveredArtifact, DiscoveryLookup } from '../model/evidence.js';

export type AttestationsApi = Pick<GitHubClient, 'listAttestations'>;

export interface DiscoverySources {
  /** Where cosign's tags and referrers are looked for; none for an image that is in no registry. */
  store?: ImageStore;
  github?: { api: AttestationsApi; scopes: AttestationScope[] };
}

export interface DiscoveryResult {
  discovered: DiscoveredArtifact[];
  lookups: DiscoveryLookup[];
}

export interface Discovery {
  /** Starts looking for what is attached to `gated`; each digest is looked up once. */
  add(gated: GatedDigest): void;
  /** Everything found for the digests added, in the order they were added; rejects on the first failure. */
  finish(): Promise<DiscoveryResult>;
}

/** The most referrers read for one digest; more is refused rather than read in part. */
export const MAX_REFERRERS_PER_DIGEST = 1000;

interface Found {
  lookups: DiscoveryLookup[];
  artifacts: DiscoveredArtifact[];
}

export function startDiscovery(sources: DiscoverySources): Discovery {
  const started = new Map<string, Promise<DiscoveryResult>>();
  return {
    add(gated) {
      if (started.has(gated.digest)) return;
      const work = discoverFor(gated, sources);
      // The failure is reported by finish(); if the run fails first, nobody waits for it.
      work.catch(() => undefined);
      started.set(gated.digest, work);
    },
    async finish() {
      const results = await Promise.all(started.values());
      return {
        discovered: results.flatMap((result) => result.discovered),
        lookups: results.flatMap((result) => result.lookups),
      };
    },
  };
}

async function discoverFor(gated: GatedDigest, sources: DiscoverySources): Promise<DiscoveryResult> {
  assertSha256Digest(gated.digest, 'a digest to look up signatures for');
  const { store, github } = sources;
  const tagBase = gated.digest.replace(':', '-');
  const gitHubLookups = github
    ? github.scopes.map((scope) => lookUpGitHubAttestations(github.api, scope, gated))
    : [];
  const storeLookups = store
    ? [
        lookUpCosignTag(store, gated, `${tagBase}.sig`, 'cosign-signature-tag'),
        lookUpCosignTag(store, gated, `${tagBase}.att`, 'cosign-attestation-tag'),
        lookUpReferrers(store, gated, tagBase),
      ]
    : [];
  const [fromStore, fromGitHub] = await Promise.all([Promise.all(storeLookups), Promise.all(gitHubLookups)]);
  const found = [...fromStore, ...dropRepeatedBundles(fromGitHub)];
  return {
    discovered: found.flatMap((part) => part.artifacts),
    lookups: found.flatMap((part) => part.lookups),
  };
}

/** cosign's tag scheme: `sha256-<hex>.sig` / `.att` hold one manifest with a layer per signature. */
async function lookUpCosignTag(
  store: ImageStore,
  gated: GatedDigest,
  tag: string,
  place: 'cosign-signature-tag' | 'cosign-attestation-tag',
): Promise<Found> {
  const uri = store.manifestUri(tag);
  const manifest = await store.findTag(tag);
  const contents = manifest
    ? await readAttachedManifest(manifest, gated, store, false)
    : { artifacts: [], skipped: [] };
  return {
    lookups: [lookup(gated, place, uri, 'supported', contents)],
    artifacts: contents.artifacts,
  };
}

/**
 * The referrers API and the referrers tag, read together; a manifest both list is read once. The
 * descriptors they give are claims: each manifest is read for its own subject and layer types.
 */
async function lookUpReferrers(store: ImageStore, gated: GatedDigest, fallbackTag: string): Promise<Found> {
  const [listing, tagged] = await Promise.all([
    store.listReferrers(gated.digest),
    store.findTag(fallbackTag),
  ]);
  const tagUri = store.manifestUri(fallbackTag);
  const apiDigests = listing.supported ? listing.digests : [];
  const tagSkipped: AttachmentContents['skipped'] = [];
  let tagDigests: string[] = [];
  if (tagged && !isIndexMediaType(tagged.mediaType)) {
    tagSkipped.push({
      digest: tagged.digest,
      reason: `the tag holds a ${tagged.mediaType}, not the image index of the referrers tag scheme`,
    });
  } else if (tagged) {
    tagDigests = referrersIndexDigests(tagged);
  }
  const unique = [...new Set([...apiDigests, ...tagDigests])];
  if (unique.length > MAX_REFERRERS_PER_DIGEST) {
    throw new VerificationError(
      'too-many-referrers',
      `${gated.digest} has ${unique.length} referrers in ${store.location}, more than the ${MAX_REFERRERS_PER_DIGEST} the gate reads; remove stale ones`,
    );
  }
  const read = new Map(
    await Promise.all(
      unique.map(async (digest) => [digest, await readReferrer(store, digest, gated)] as const),
    ),
  );
  const contentsOf = (digests: string[], extraSkipped: AttachmentContents['skipped'] = []) => {
    const parts = digests.map((digest) => read.get(digest) ?? { artifacts: [], skipped: [] });
    return {
      artifacts: parts.flatMap((part) => part.artifacts),
      skipped: [...extraSkipped, ...parts.flatMap((part) => part.skipped)],
    };
  };
  return {
    lookups: [
      lookup(
        gated,
        'referrers-api',
        listing.uri,
        listing.supported ? 'supported' : 'unsupported',
        contentsOf(apiDigests),
      ),
      lookup(gated, 'referrers-tag', tagUri, 'supported', contentsOf(tagDigests, tagSkipped)),
    ],
    artifacts: unique.flatMap((digest) => read.get(digest)?.artifacts ?? []),
  };
}

/** A referrer listed but gone (deleted without updating the referrers tag) is not evidence, and not an error. */
async function readReferrer(
  store: ImageStore,
  digest: string,
  gated: GatedDigest,
): Promise<AttachmentContents> {
  let manifest: ManifestDocument;
  try {
    manifest = await store.getManifest(digest);
  } catch (error) {
    if (error instanceof GateError && error.code === 'manifest-not-found') {
      return {
        artifacts: [],
        skipped: [{ digest, reason: 'listed as a referrer, but the manifest is not there' }],
      };
    }
    throw error;
  }
  return readAttachedManifest(manifest, gated, store, true);
}

function referrersIndexDigests(index: ManifestDocument): string[] {
  const { manifests } = index.json;
  if (!Array.isArray(manifests)) {
    throw new VerificationError(
      'invalid-manifest',
      `referrers index ${index.digest} has no "manifests" array`,
    );
  }
  return manifests.map((descriptor: unknown, position) => {
    const digest = isRecord(descriptor) ? descriptor.digest : undefined;
    if (typeof digest !== 'string') {
      throw new VerificationError(
        'invalid-manifest',
        `referrers index ${index.digest}: manifests[${position}] is not a descriptor with a digest`,
      );
    }
    return digest;
  });
}

async function lookUpGitHubAttestations(
  api: AttestationsApi,
  scope: AttestationScope,
  gated: GatedDigest,
): Promise<Found> {
  const listing = await api.listAttestations(
    'org' in scope
      ? { owner: scope.org, subjectDigest: gated.digest }
      : { owner: scope.owner, repo: scope.repo, subjectDigest: gated.digest },
  );
  const artifacts = listing.attestations.map(({ bundle }, position): DiscoveredArtifact => {
    if (!isRecord(bundle)) {
      throw new VerificationError(
        'github-attestation-without-bundle',
        `${listing.url}: attestation ${position + 1} carries no bundle; the gate reads the bundle GitHub returns inline`,
      );
    }
    return {
      kind: 'sigstore-bundle',
      subjectDigest: gated.digest,
      // The API gives no id; the bundle's own hash names it, and tells repeats apart.
      source: { kind: 'github', uri: listing.url, digest: bundleDigest(bundle) },
      bundle,
      ...(gated.platform ? { platform: gated.platform } : {}),
    };
  });
  const skipped = listing.exists
    ? []
    : [{ reason: 'GitHub answered 404: no such repository or organization, or the token may not read it' }];
  return {
    lookups: [lookup(gated, 'github-attestations', listing.url, 'supported', { artifacts, skipped })],
    artifacts,
  };
}

/**
 * An organization's listing repeats the repository's, and a listing may repeat a bundle: each
 * bundle is kept once, where it was first seen, and the repeats are counted.
 */
function dropRepeatedBundles(found: Found[]): Found[] {
  const firstSeenAt = new Map<string, string>();
  return found.map(({ lookups, artifacts }) => {
    const kept: DiscoveredArtifact[] = [];
    const repeats = new Map<string, number>();
    for (const artifact of artifacts) {
      const digest = artifact.source.digest ?? '';
      if (firstSeenAt.has(digest)) {
        repeats.set(digest, (repeats.get(digest) ?? 0) + 1);
      } else {
        firstSeenAt.set(digest, artifact.source.uri);
        kept.push(artifact);
      }
    }
    const skipped = [...repeats].map(([digest, count]) => ({
      digest,
      reason: `repeats a bundle listed by ${firstSeenAt.get(digest)}${count > 1 ? ` (${count} times)` : ''}`,
    }));
    return {
      lookups: lookups.map((entry) => ({
        ...entry,
        outcome: kept.length > 0 ? 'found' : 'none',
        found: kept.length,
        skipped: [...entry.skipped, ...skipped],
      })),
      artifacts: kept,
    };
  });
}

function lookup(
  gated: GatedDigest,
  place: DiscoveryLookup['place'],
  uri: string,
  support: 'supported' | 'unsupported',
  contents: AttachmentContents,
): DiscoveryLookup {
  const found = contents.artifacts.length;
  return {
    subjectDigest: gated.digest,
    ...(gated.platform ? { platform: gated.platform } : {}),
    place,
    uri,
    outcome: support === 'unsupported' ? 'unsupported' : found > 0 ? 'found' : 'none',
    found,
    skipped: contents.skipped,
  };
}

function bundleDigest(bundle: Record<string, unknown>): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(bundle)).digest('hex')}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
