/**
 * What BuildKit attaches inside the image index it pushes (Docker's "attestation storage"): for
 * each platform image, an attestation manifest (platform `unknown/unknown`, annotations
 * `vnd.docker.reference.type: attestation-manifest` and `vnd.docker.reference.digest: <image>`)
 * whose layers are in-toto statements (`application/vnd.in-toto+json`, annotation
 * `in-toto.io/predicate-type`): SLSA provenance (v0.2 or v1, mode=min or max) and SBOMs (SPDX,
 * CycloneDX).
 *
 * A statement is evidence for a platform image only when the manifest's annotation and one of the
 * statement's subjects both name that image; anything else is left out with the reason, in the
 * lookups. Nothing here is trusted: the index's signature is what can vouch for it (rules decide).
 */
import { VerificationError } from '../errors.js';
import type { ImageStore, ManifestDocument } from '../adapters/oci/image-store.js';
import { MAX_ATTACHED_LAYER_BYTES } from './attached-artifacts.js';
import { isSbomPredicateType, MAX_SBOM_BYTES, SbomReader } from './sbom/read-sbom.js';
import type {
  BuildKitAttestation,
  DiscoveryLookup,
  ImageEvidence,
  InTotoStatementFacts,
  PlatformImage,
  SbomDocument,
} from '../model/evidence.js';

export const IN_TOTO_LAYER_MEDIA_TYPE = 'application/vnd.in-toto+json';
const PREDICATE_TYPE_ANNOTATION = 'in-toto.io/predicate-type';
const SLSA_PROVENANCE = /^https:\/\/slsa\.dev\/provenance\/v(0\.2|1)$/;
/** Statements are handed to the SBOM reader in pieces of this size, as a file would be. */
const FEED_BYTES = 1024 * 1024;

export interface BuildKitEvidence {
  attestations: BuildKitAttestation[];
  sboms: SbomDocument[];
  lookups: DiscoveryLookup[];
}

type Skipped = DiscoveryLookup['skipped'][number];

export async function readBuildKitAttestations(
  store: ImageStore,
  image: ImageEvidence,
): Promise<BuildKitEvidence> {
  const descriptors = image.attestationManifests ?? [];
  const gated = new Map(image.platforms.map((platform) => [platform.digest, platform]));
  const indexSkipped: Skipped[] = [];
  const perPlatform = new Map<string, string[]>();
  for (const descriptor of descriptors) {
    const reference = descriptor.referenceDigest;
    if (reference === undefined) {
      indexSkipped.push({
        digest: descriptor.digest,
        reason:
          'an attestation manifest without a vnd.docker.reference.digest annotation: it says of no image what it is about',
      });
    } else if (!gated.has(reference)) {
      indexSkipped.push({
        digest: descriptor.digest,
        reason: `its vnd.docker.reference.digest names ${reference}, which is not a gated image of this index`,
      });
    } else {
      perPlatform.set(reference, [...(perPlatform.get(reference) ?? []), descriptor.digest]);
    }
  }
  const results = await Promise.all(
    image.platforms.map((platform) =>
      readForPlatform(store, platform, perPlatform.get(platform.digest) ?? []),
    ),
  );
  const lookups = results.map((result) => result.lookup);
  if (indexSkipped.length > 0) {
    lookups.push({
      subjectDigest: image.digest,
      place: 'buildkit-attestations',
      uri: store.manifestUri(image.digest),
      outcome: 'none',
      found: 0,
      skipped: indexSkipped,
    });
  }
  return {
    attestations: results.flatMap((result) => result.attestations),
    sboms: results.flatMap((result) => result.sboms),
    lookups,
  };
}

async function readForPlatform(
  store: ImageStore,
  platform: PlatformImage,
  manifestDigests: string[],
): Promise<{ attestations: BuildKitAttestation[]; sboms: SbomDocument[]; lookup: DiscoveryLookup }> {
  const attestations: BuildKitAttestation[] = [];
  const sboms: SbomDocument[] = [];
  const skipped: Skipped[] = [];
  for (const digest of manifestDigests) {
    const manifest = await store.getManifest(digest);
    for (const layer of layersOf(manifest)) {
      if (layer.mediaType !== IN_TOTO_LAYER_MEDIA_TYPE) {
        skipped.push({
          digest: layer.digest,
          reason: `layer of ${layer.mediaType}, not an in-toto statement`,
        });
        continue;
      }
      const read = await readStatementLayer(store, platform, manifest, layer);
      if ('skipped' in read) skipped.push({ digest: layer.digest, reason: read.skipped });
      else {
        attestations.push(read.attestation);
        if (read.sbom) sboms.push(read.sbom);
      }
    }
  }
  return {
    attestations,
    sboms,
    lookup: {
      subjectDigest: platform.digest,
      ...(platform.platform ? { platform: platform.platform } : {}),
      place: 'buildkit-attestations',
      uri: store.manifestUri(manifestDigests[0] ?? platform.digest),
      outcome: attestations.length > 0 ? 'found' : 'none',
      found: attestations.length,
      skipped,
    },
  };
}

interface Layer {
  digest: string;
  mediaType: string;
  predicateType?: string;
}

async function readStatementLayer(
  store: ImageStore,
  platform: PlatformImage,
  manifest: ManifestDocument,
  layer: Layer,
): Promise<{ attestation: BuildKitAttestation; sbom?: SbomDocument } | { skipped: string }> {
  const announced = layer.predicateType;
  const source = { kind: store.kind, uri: store.manifestUri(manifest.digest), digest: layer.digest };
  const common = {
    platformDigest: platform.digest,
    ...(platform.platform ? { platform: platform.platform } : {}),
    manifestDigest: manifest.digest,
    layerDigest: layer.digest,
    source,
  };
  const where = `in-toto statement ${layer.digest} in attestation manifest ${store.manifestUri(manifest.digest)}`;
  const sbomReader = () =>
    new SbomReader(
      { ...source, uri: `${source.uri} (layer ${layer.digest})` },
      {
        kind: 'buildkit',
        platformDigest: platform.digest,
        ...(platform.platform ? { platform: platform.platform } : {}),
        manifestDigest: manifest.digest,
      },
    );
  if (announced !== undefined && isSbomPredicateType(announced)) {
    // An SBOM can be tens of megabytes: its packages are read as they stream.
    const bytes = await store.getBlob(layer.digest, MAX_SBOM_BYTES);
    const reader = sbomReader();
    for (let offset = 0; offset < bytes.length; offset += FEED_BYTES) {
      reader.write(bytes.subarray(offset, offset + FEED_BYTES));
    }
    const sbom = reader.end();
    const statement = reader.statement;
    if (!statement) {
      return { skipped: `announced as ${announced}, but it is a bare SBOM, not an in-toto statement` };
    }
    const problem = bindingProblem(statement.subject, statement.predicateType, announced, platform.digest);
    if (problem) return { skipped: problem };
    return { attestation: { ...common, predicateType: statement.predicateType, sbom: true }, sbom };
  }
  const bytes = await store.getBlob(layer.digest, MAX_ATTACHED_LAYER_BYTES);
  const { statement, json } = parseStatement(bytes, where);
  const problem = bindingProblem(statement.subjects, statement.predicateType, announced, platform.digest);
  if (problem) return { skipped: problem };
  if (isSbomPredicateType(statement.predicateType)) {
    // Not announced by its annotation (other writers than BuildKit): read from memory.
    const sbom = sbomReader().readValue(json);
    return { attestation: { ...common, predicateType: statement.predicateType, sbom: true }, sbom };
  }
  if (!SLSA_PROVENANCE.test(statement.predicateType)) {
    return { skipped: `predicate type ${statement.predicateType} is not one the gate reads` };
  }
  return { attestation: { ...common, predicateType: statement.predicateType, statement } };
}

/** The annotation and a subject must name the platform image; the annotation and the statement must agree on the type. */
function bindingProblem(
  subject: unknown,
  predicateType: string,
  announced: string | undefined,
  platformDigest: string,
): string | undefined {
  if (announced !== undefined && announced !== predicateType) {
    return `its layer annotation says ${announced}, but the statement's predicate type is ${predicateType}`;
  }
  const digests = subjectDigests(subject);
  if (digests.includes(platformDigest)) return undefined;
  return digests.length === 0
    ? `the statement names no subject digest, so it is about no image (its manifest annotation names ${platformDigest})`
    : `the statement is about ${digests.join(', ')}, not ${platformDigest}, the image its manifest annotation names: subject mismatch`;
}

function subjectDigests(subject: unknown): string[] {
  if (!Array.isArray(subject)) return [];
  return subject.flatMap((entry) => {
    const sha256 = isRecord(entry) && isRecord(entry.digest) ? entry.digest.sha256 : undefined;
    return typeof sha256 === 'string' && /^[a-f0-9]{64}$/.test(sha256) ? [`sha256:${sha256}`] : [];
  });
}

function parseStatement(
  bytes: Uint8Array,
  where: string,
): { statement: InTotoStatementFacts; json: Record<string, unknown> } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new VerificationError('invalid-attestation', `${where} is not UTF-8 JSON`);
  }
  if (!isRecord(json) || typeof json.predicateType !== 'string') {
    throw new VerificationError(
      'invalid-attestation',
      `${where} is not an in-toto statement (no predicateType)`,
    );
  }
  const subjects = Array.isArray(json.subject)
    ? json.subject.filter(isRecord).map((entry) => ({
        ...(typeof entry.name === 'string' ? { name: entry.name } : {}),
        digest: isRecord(entry.digest)
          ? (Object.fromEntries(
              Object.entries(entry.digest).filter(([, v]) => typeof v === 'string'),
            ) as Record<string, string>)
          : {},
      }))
    : [];
  return { statement: { predicateType: json.predicateType, subjects, predicate: json.predicate }, json };
}

function layersOf(manifest: ManifestDocument): Layer[] {
  const { layers } = manifest.json;
  if (!Array.isArray(layers)) {
    throw new VerificationError(
      'invalid-manifest',
      `attestation manifest ${manifest.digest} has no "layers" array`,
    );
  }
  return layers.map((value: unknown, position) => {
    if (!isRecord(value) || typeof value.digest !== 'string' || typeof value.mediaType !== 'string') {
      throw new VerificationError(
        'invalid-manifest',
        `attestation manifest ${manifest.digest} has layers[${position}] without a digest or media type`,
      );
    }
    const annotations = isRecord(value.annotations) ? value.annotations : {};
    const predicateType = annotations[PREDICATE_TYPE_ANNOTATION];
    return {
      digest: value.digest,
      mediaType: value.mediaType,
      ...(typeof predicateType === 'string' ? { predicateType } : {}),
    };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
