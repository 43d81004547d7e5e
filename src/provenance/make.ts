/**
 * The provenance stage of a run: the SLSA v1 statement for `image@digest` (and each platform
 * manifest when asked), signed, written and published as the inputs say. It runs before evidence
 * is collected, so the gate then finds and verifies what it just made like anything else.
 */
import { formatImageName, parseImageReference, type ImageReference } from '../model/image-reference.js';
import { isIndexMediaType, type ImageStore } from '../adapters/oci/image-store.js';
import { ConfigurationError } from '../errors.js';
import { displayPath } from '../workspace-path.js';
import type { DiscoveredArtifact, GeneratedProvenance } from '../model/evidence.js';
import { buildProvenancePredicate, SLSA_PROVENANCE_V1 } from './predicate.js';
import { describePublished, publishStatement, type PublishDeps, type PublishRequest } from './publish.js';
import { buildStatement } from './statement.js';

export interface ProvenanceRequest extends PublishRequest {
  /** Also one subject per platform manifest of a multi-platform image. */
  platformSubjects?: boolean;
}

export interface MadeProvenance {
  generated: GeneratedProvenance;
  /** The signed bundle, as evidence: verified with everything discovery finds. */
  artifact?: DiscoveredArtifact;
  /** One line for the summary's notes. */
  note: string;
}

export async function makeProvenance(
  image: { reference: string; digest?: string },
  request: ProvenanceRequest,
  deps: PublishDeps & { workspace: string; openImageStore?(reference: ImageReference): ImageStore },
): Promise<MadeProvenance> {
  const reference = parseImageReference(image.reference);
  const digest = image.digest ?? reference.digest;
  if (!digest) {
    throw new ConfigurationError(
      'missing-digest',
      'provenance is made for a digest: set the "digest" input (e.g. steps.build.outputs.digest) or name the image by digest',
    );
  }
  const digests = [digest];
  if (request.platformSubjects && deps.openImageStore) {
    digests.push(...(await platformDigests(deps.openImageStore(reference), digest)));
  }
  // The name subjects carry: `registry/repository`, as actions/attest-build-provenance is given it.
  const name = formatImageName(reference);
  const statement = buildStatement(
    name,
    digests,
    SLSA_PROVENANCE_V1,
    buildProvenancePredicate(deps.signing.claims),
  );
  const published = await publishStatement(statement, { reference, digest }, request, deps);
  const path = published.path ? displayPath(published.path, deps.workspace) : undefined;
  const generated: GeneratedProvenance = {
    predicateType: SLSA_PROVENANCE_V1,
    ...(published.bundleDigest ? { bundleDigest: published.bundleDigest } : {}),
    ...(published.unsigned ? { unsigned: published.unsigned } : {}),
    ...(path ? { path } : {}),
    published: published.published,
  };
  const artifact: DiscoveredArtifact | undefined = published.bundle && {
    kind: 'sigstore-bundle',
    subjectDigest: digest,
    source: { kind: 'generated', uri: path ?? 'provenance made by this run', digest: published.bundleDigest },
    bundle: published.bundle,
  };
  return {
    generated,
    ...(artifact ? { artifact } : {}),
    note: describePublished(`SLSA provenance for ${name}@${digest}`, published, deps.workspace),
  };
}

async function platformDigests(store: ImageStore, digest: string): Promise<string[]> {
  const manifest = await store.getManifest(digest);
  if (!isIndexMediaType(manifest.mediaType)) return [];
  const manifests = Array.isArray(manifest.json.manifests) ? (manifest.json.manifests as unknown[]) : [];
  return manifests.flatMap((entry) => {
    const child = (entry as { digest?: unknown; platform?: unknown } | null) ?? {};
    // Attestation manifests buildx puts in an index have no platform of their own.
    return typeof child.digest === 'string' && child.platform !== undefined ? [child.digest] : [];
  });
}
