/**
 * Evidence for an image in the local Docker engine. The saved image is read like any other (its
 * manifest, config and layers, by digest); what differs is which digest stands for it. When the
 * engine records a registry digest for the image's repository, that digest is the subject, since
 * it is what a registry, a signature or a scan of the pushed image names; otherwise the saved
 * manifest's digest is, which no registry holds yet.
 */
import { ConfigurationError, InternalError, VerificationError } from '../errors.js';
import { DockerEngineStore, type EngineImage } from '../adapters/docker/engine.js';
import { parseImageReference } from '../model/image-reference.js';
import type { ImageStore } from '../adapters/oci/image-store.js';
import { collectImageEvidence, type GatedDigest, type ImageEvidenceInput } from './image.js';
import type { ImageEvidence, LocalImage } from '../model/evidence.js';

const SHA256_DIGEST = /^sha256:[a-f0-9]{64}$/;

export async function collectLocalImageEvidence(
  input: ImageEvidenceInput,
  store: ImageStore,
  onGatedDigest: (gated: GatedDigest) => void = () => undefined,
): Promise<ImageEvidence> {
  if (!(store instanceof DockerEngineStore) || input.parsed.kind !== 'docker') {
    throw new InternalError(
      'store-mismatch',
      `a ${input.parsed.kind} reference was opened as a ${store.kind} store`,
    );
  }
  const { digest: digestInput, ...savedInput } = input;
  const saved = await collectImageEvidence(savedInput, store);
  const engine = await store.engineImage();
  const { subject, registryDigest } = chooseLocalSubject(engine, {
    reference: input.reference,
    name: input.parsed.name,
    digestInput,
  });
  onGatedDigest({ digest: subject });
  const local: LocalImage = {
    engine: 'docker',
    imageId: engine.imageId,
    savedDigest: engine.savedDigest,
    savedManifest: engine.savedManifest,
    ...(registryDigest ? { registryDigest } : {}),
  };
  return { ...saved, digest: subject, local };
}

/**
 * The subject of a local image: the digest input when it names a registry digest the engine
 * recorded; else the one registry digest the engine recorded for the named repository (for an
 * image named by ID, for any repository) other than the saved manifest's; else the saved
 * manifest's digest. Podman and containerd's image store list the local manifest under every
 * name too, which is why a RepoDigest equal to the saved digest proves no push.
 */
export function chooseLocalSubject(
  engine: Pick<EngineImage, 'imageId' | 'repoDigests' | 'savedDigest'>,
  wanted: { reference: string; name?: string; digestInput?: string },
): { subject: string; registryDigest?: { repository: string; digest: string } } {
  const recorded = engine.repoDigests.flatMap((entry) => {
    const parsed = parseRepoDigest(entry);
    return parsed && parsed.digest !== engine.savedDigest ? [parsed] : [];
  });
  const { digestInput } = wanted;
  if (digestInput !== undefined) {
    if (!SHA256_DIGEST.test(digestInput)) {
      throw new ConfigurationError(
        'invalid-digest',
        `the digest input ${JSON.stringify(digestInput.slice(0, 100))} is not sha256:<64 lowercase hex>; pass the digest the build step output`,
      );
    }
    const named = recorded.find((entry) => entry.digest === digestInput);
    if (named) return { subject: digestInput, registryDigest: named };
    if (digestInput !== engine.imageId && digestInput !== engine.savedDigest) {
      const known = [
        `image ID ${engine.imageId}`,
        `saved manifest ${engine.savedDigest}`,
        ...recorded.map((entry) => `${entry.repository}@${entry.digest}`),
      ];
      throw new VerificationError(
        'digest-mismatch',
        `the digest input ${digestInput} is not the local image ${wanted.reference} (${known.join(', ')}): the engine holds another build under that name; pass the digest of this build, or the image ID`,
      );
    }
  }
  const candidates = recorded.filter(
    (entry) => wanted.name === undefined || entry.repository === wanted.name,
  );
  const digests = [...new Set(candidates.map((entry) => entry.digest))];
  if (digests.length > 1) {
    throw new ConfigurationError(
      'ambiguous-registry-digest',
      `the engine records ${digests.length} registry digests for ${wanted.reference} (${candidates.map((entry) => `${entry.repository}@${entry.digest}`).join(', ')}): pass the one to gate as the digest input`,
    );
  }
  const registryDigest = candidates.find((entry) => entry.digest === digests[0]);
  return registryDigest
    ? { subject: registryDigest.digest, registryDigest }
    : { subject: engine.savedDigest };
}

/** `repository@sha256:…` as the engine lists it (Docker Hub's short forms too); undefined when unreadable. */
function parseRepoDigest(entry: string): { repository: string; digest: string } | undefined {
  try {
    const parsed = parseImageReference(entry);
    if (parsed.kind !== 'registry' || parsed.digest === undefined || parsed.tag !== undefined)
      return undefined;
    return { repository: `${parsed.registry}/${parsed.repository}`, digest: parsed.digest };
  } catch {
    return undefined;
  }
}
