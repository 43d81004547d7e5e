/**
 * Gathers the evidence for one run: the image by digest, every signature and attestation attached
 * to the gated digests (found while the image's manifests load), and every scan report named.
 */
import { resolve } from 'node:path';
import { ConfigurationError } from '../errors.js';
import type { ImageReference } from '../model/image-reference.js';
import { parseImageReference } from '../model/image-reference.js';
import type { ImageStore } from '../adapters/oci/image-store.js';
import type { RequestLog } from '../adapters/http/request-log.js';
import type { RunInputs } from '../inputs.js';
import { startDiscovery, type AttestationsApi, type DiscoverySources } from './discover.js';
import { effectivePolicy } from '../policy/evaluate.js';
import type { Policy } from '../policy/schema.js';
import type { TrustStore } from '../sigstore/trusted-root.js';
import { collectImageEvidence } from './image.js';
import { collectLocalImageEvidence } from './local-image.js';
import { readBundleFiles, verifySignatures } from './signatures.js';
import { DEFAULT_LAYER_SCAN_LIMITS, scanLayersForSecrets } from './secrets/layer-scan.js';
import { readScanFile, readVex, type VexOrigin } from './scan-files.js';
import { readBuildKitAttestations, type BuildKitEvidence } from './buildkit-attestations.js';
import { sbomsOfVerifications } from './sbom/attested-sboms.js';
import { readSbomFile } from './sbom/sbom-files.js';
import { inventoryFilesystem } from './final-filesystem.js';
import { scanImageConfigs } from './secrets/config-secrets.js';
import { loadSecretDetector, type SecretDetector } from './secrets/secrets.js';
import type { DiscoveredArtifact, Evidence, GeneratedProvenance, LayerScan } from '../model/evidence.js';

export interface EvidenceDeps {
  openImageStore(reference: ImageReference): ImageStore;
  /** Records the requests sent, for the report's `stats`: pass its fetch to the clients. */
  requestLog?: RequestLog;
  /** Sigstore trust (the action refreshes over TUF); default: --trusted-root, else the embedded roots. */
  loadTrust?(): Promise<TrustStore>;
}

/**
 * `deps.github`, the run's GitHub client when there is a token, lists attestations for
 * `inputs.attestationScopes`; `policy` tells what is worth reading beyond the defaults (layers,
 * when the policy scans them).
 */
export async function collectEvidence(
  inputs: RunInputs,
  deps: EvidenceDeps & { github?: AttestationsApi & VexOrigin['github'] },
  policy?: Policy,
  made?: { generated: GeneratedProvenance; artifact?: DiscoveredArtifact },
): Promise<Evidence> {
  return (await collectEvidenceForPolicy(inputs, deps, policy, made)).evidence;
}

/**
 * The evidence, and the policy's effective settings for the image (chosen once its name is
 * known): the caller evaluates with that same object, so collection and evaluation agree.
 */
export async function collectEvidenceForPolicy(
  inputs: RunInputs,
  deps: EvidenceDeps & { github?: AttestationsApi & VexOrigin['github'] },
  policy?: Policy,
  made?: { generated: GeneratedProvenance; artifact?: DiscoveredArtifact },
): Promise<{ evidence: Evidence; effective?: Policy }> {
  const parsed = anchorLayoutPath(parseImageReference(inputs.image), inputs.workspace);
  const store = deps.openImageStore(parsed);
  try {
    return await collectFromStore(inputs, deps, policy, parsed, store, made);
  } finally {
    // A saved or unpacked image is removed even when reading it failed.
    await store.close?.();
  }
}

async function collectFromStore(
  inputs: RunInputs,
  deps: EvidenceDeps & { github?: AttestationsApi & VexOrigin['github'] },
  policy: Policy | undefined,
  parsed: ImageReference,
  store: ImageStore,
  made: { generated: GeneratedProvenance; artifact?: DiscoveredArtifact } | undefined,
): Promise<{ evidence: Evidence; effective?: Policy }> {
  const mark = deps.requestLog?.mark();
  // An image in the local engine is in no registry: only GitHub's attestations API can know it.
  const local = parsed.kind === 'docker';
  const discovery = startDiscovery({ ...(local ? {} : { store }), ...attestationSources(inputs, deps) });
  // VEX, like the policy, comes from the base commit on pull request events.
  const vexOrigin: VexOrigin = { workspace: inputs.workspace, base: inputs.policyBase, github: deps.github };
  // Scans and VEX documents are files: read them while the registry answers.
  const [image, scans, inputVex, fileSboms] = await Promise.all([
    (local ? collectLocalImageEvidence : collectImageEvidence)(
      { reference: inputs.image, parsed, digest: inputs.digest, platforms: inputs.platforms },
      store,
      discovery.add,
    ),
    Promise.all(inputs.scanPaths.map((path) => readScanFile(path, inputs.workspace))),
    Promise.all((inputs.vexPaths ?? []).map((path) => readVex(path, vexOrigin))),
    Promise.all((inputs.sbomPaths ?? []).map((path) => readSbomFile(path, inputs.workspace))),
  ]);
  // Overrides are per image, so the effective policy is chosen once the image's name is known.
  const effective = policy && effectivePolicy(policy, image.name);
  // The policy's own VEX files.
  const policyVexPaths = effective ? effective.vulnerabilities.vex : [];
  const vex = [...inputVex, ...(await Promise.all(policyVexPaths.map((path) => readVex(path, vexOrigin))))];
  // BuildKit's attestation manifests are in the index itself: read while discovery answers.
  const [found, buildkit] = await Promise.all([
    discovery.finish(),
    image.attestationManifests ? readBuildKitAttestations(store, image) : undefined,
  ]);
  const lookups = [...found.lookups, ...(buildkit?.lookups ?? [])];
  // The provenance this run made counts once: as found where it was pushed, else as made.
  const madeArtifact =
    made?.artifact &&
    !found.discovered.some((artifact) => artifact.source.digest === made.artifact?.source.digest)
      ? [made.artifact]
      : [];
  const discovered = [
    ...found.discovered,
    ...madeArtifact,
    ...(await readBundleFiles(inputs.bundlePaths ?? [], inputs.workspace, image.digest)),
  ];
  const verifications = await verifySignatures(discovered, {
    policy: effective?.signatures,
    workspace: inputs.workspace,
    loadTrust:
      deps.loadTrust ??
      (async () =>
        (await import('../adapters/sigstore/trusted-root.js')).loadTrustStore({
          trustedRootPath: inputs.trustedRootPath,
          workspace: inputs.workspace,
        })),
  });
  const imagePolicy = effective?.image;
  const layerScan = imagePolicy?.['scan-layers'];
  // The rule set loads only when something is scanned for secrets.
  const detector = imagePolicy?.secrets || layerScan ? await loadSecretDetector() : undefined;
  const configSecrets =
    detector && imagePolicy?.secrets ? await scanImageConfigs(image, detector) : undefined;
  const layerScans =
    detector && layerScan ? await scanImageLayers(store, image, layerScan, detector) : undefined;
  const filesystems =
    imagePolicy && (imagePolicy['no-shell'] || imagePolicy['no-package-manager'])
      ? await Promise.all(image.platforms.map((platform) => inventoryFilesystem(store, platform)))
      : undefined;
  const stats = deps.requestLog?.statsSince(mark);
  const sboms = [...fileSboms, ...(buildkit?.sboms ?? []), ...sbomsOfVerifications(verifications)];
  const evidence: Evidence = {
    image,
    scans,
    ...(vex.length > 0 ? { vex } : {}),
    discovered,
    lookups,
    verifications,
    ...(stats ? { stats } : {}),
    ...(layerScans ? { layerScans } : {}),
    ...(filesystems ? { filesystems } : {}),
    ...(configSecrets ? { configSecrets } : {}),
    repositoryUrl: inputs.repositoryUrl,
    ...(made ? { generatedProvenance: made.generated } : {}),
    ...buildkitFields(buildkit),
    ...(sboms.length > 0 ? { sboms } : {}),
  };
  return { evidence, ...(effective ? { effective } : {}) };
}

function buildkitFields(buildkit: BuildKitEvidence | undefined): Pick<Evidence, 'buildkitAttestations'> {
  return buildkit && buildkit.attestations.length > 0 ? { buildkitAttestations: buildkit.attestations } : {};
}

async function scanImageLayers(
  store: ImageStore,
  image: Evidence['image'],
  setting: true | { 'max-layer-size': number; 'max-unpacked-size': number; 'max-file-size': number },
  detector: SecretDetector,
): Promise<LayerScan[]> {
  const limits =
    setting === true
      ? DEFAULT_LAYER_SCAN_LIMITS
      : {
          maxLayerSize: setting['max-layer-size'],
          maxUnpackedSize: setting['max-unpacked-size'],
          maxFileSize: setting['max-file-size'],
        };
  // One platform at a time: each holds a layer in memory while it is read.
  const scans: LayerScan[] = [];
  for (const platform of image.platforms)
    scans.push(await scanLayersForSecrets(store, platform, limits, detector));
  return scans;
}

function attestationSources(
  inputs: RunInputs,
  deps: { github?: AttestationsApi },
): Pick<DiscoverySources, 'github'> {
  const scopes = inputs.attestationScopes ?? [];
  if (scopes.length === 0) return {};
  if (!deps.github) {
    throw new ConfigurationError(
      'missing-token',
      'listing GitHub attestations needs a GitHub token and API URL (the github-token input; GITHUB_TOKEN and --github-api for the CLI), or turn the lookup off',
    );
  }
  return { github: { api: deps.github, scopes } };
}

/** A relative `oci:PATH` or `oci-archive:PATH` is relative to the workspace, like every other path the user gives. */
function anchorLayoutPath(reference: ImageReference, workspace: string): ImageReference {
  return reference.kind === 'oci-layout' || reference.kind === 'oci-archive'
    ? { ...reference, path: resolve(workspace, reference.path) }
    : reference;
}
