/**
 * An image in the local Docker engine (`docker:NAME[:TAG]`, `docker:sha256:<image id>`), such as a
 * pull request's `push: false` / `load: true` build that never reached a registry. It is inspected
 * for its ID and RepoDigests, saved with `docker save` into a temporary directory, and read from
 * there by digest like any other store. Nothing here asks a registry: there are no tags or
 * referrers to look up for an image that exists only on this machine.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerCli, type DockerCliOptions } from './cli.js';
import { openSavedImage, type SavedImage } from './save.js';
import type { ImageReference } from '../../model/image-reference.js';
import type { ImageStore, ManifestDocument, ReferrerListing } from '../oci/image-store.js';
import { unpackTar } from '../../archive/tar-unpack.js';

export type DockerReference = Extract<ImageReference, { kind: 'docker' }>;

export interface DockerEngineOptions extends DockerCliOptions {
  /** Where the saved image is unpacked (removed by close()); default: the system's temp directory. */
  tempDir?: string;
}

/** What the engine knows of the image beyond what `docker save` wrote. */
export interface EngineImage {
  imageId: string;
  /** `repository@sha256:…` as the engine lists them (RepoDigests). */
  repoDigests: string[];
  /** The digest of the saved image's manifest. */
  savedDigest: string;
  savedManifest: SavedImage['origin'];
}

interface Loaded {
  engine: EngineImage;
  saved: SavedImage;
}

export class DockerEngineStore implements ImageStore {
  readonly kind = 'docker';
  readonly location: string;
  private readonly cli: DockerCli;
  private readonly tempDir: string;
  private loaded?: Promise<Loaded>;
  private workDir?: string;

  constructor(
    private readonly reference: DockerReference,
    options: DockerEngineOptions = {},
  ) {
    this.cli = new DockerCli(options);
    this.tempDir = options.tempDir ?? tmpdir();
    this.location = `docker:${reference.engineReference}`;
  }

  /** The image the reference names, as saved: inspected and saved once, whatever is asked first. */
  async resolve(): Promise<ManifestDocument> {
    return (await this.load()).saved.manifest;
  }

  async getManifest(digest: string): Promise<ManifestDocument> {
    return (await this.load()).saved.getManifest(digest);
  }

  async getBlob(digest: string, maxBytes: number): Promise<Uint8Array> {
    return (await this.load()).saved.getBlob(digest, maxBytes);
  }

  /** A local image has no registry tags, so nothing is attached to it under cosign's tags. */
  async findTag(): Promise<undefined> {
    return undefined;
  }

  async listReferrers(): Promise<ReferrerListing> {
    return { supported: false, uri: this.location };
  }

  manifestUri(digestOrTag: string): string {
    return `${this.location}@${digestOrTag}`;
  }

  async engineImage(): Promise<EngineImage> {
    return (await this.load()).engine;
  }

  async close(): Promise<void> {
    await this.loaded?.catch(() => undefined);
    if (this.workDir) await rm(this.workDir, { recursive: true, force: true });
  }

  private load(): Promise<Loaded> {
    this.loaded ??= this.inspectAndSave();
    return this.loaded;
  }

  private async inspectAndSave(): Promise<Loaded> {
    const { engineReference } = this.reference;
    const inspected = await this.cli.inspectImage(engineReference);
    this.workDir = await mkdtemp(join(this.tempDir, 'supply-chain-gate-docker-'));
    const tarPath = join(this.workDir, 'image.tar');
    const unpacked = join(this.workDir, 'image');
    // By name when named, so Docker 25+ writes its manifest for the tag into index.json (saved by
    // ID it lists none); the saved image is then checked to be the one just inspected.
    await this.cli.saveImage(this.reference.imageId === undefined ? engineReference : inspected.id, tarPath);
    const what = `the image docker save wrote for ${engineReference}`;
    await mkdir(unpacked);
    const archive = await unpackTar(tarPath, unpacked, what);
    await rm(tarPath, { force: true });
    const saved = await openSavedImage(archive, inspected.id, what);
    return {
      saved,
      engine: {
        imageId: inspected.id,
        repoDigests: inspected.repoDigests,
        savedDigest: saved.manifest.digest,
        savedManifest: saved.origin,
      },
    };
  }
}
