/**
 * `oci-archive:PATH`: an OCI image layout packed in a tar file (`docker buildx build --output
 * type=oci`, `podman save --format oci-archive`, `skopeo copy … oci-archive:`, and `docker save` from
 * Docker 25 on). It is unpacked into a temporary directory once and read there as an OCI layout,
 * with everything that means: tags, cosign's tags and referrers kept in the layout.
 */
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigurationError } from '../../errors.js';
import type { ImageReference } from '../../model/image-reference.js';
import type { ImageStore, ManifestDocument, ReferrerListing } from './image-store.js';
import { OciLayoutStore } from './layout.js';
import { unpackTar } from '../../archive/tar-unpack.js';

export class OciArchiveStore implements ImageStore {
  readonly kind = 'oci-layout';
  readonly location: string;
  private readonly path: string;
  private readonly tempDir: string;
  private layout?: Promise<{ store: OciLayoutStore; root: string }>;
  private workDir?: string;

  constructor(path: string, options: { tempDir?: string } = {}) {
    this.path = resolve(path);
    this.location = `oci-archive:${this.path}`;
    this.tempDir = options.tempDir ?? tmpdir();
  }

  async resolve(reference: ImageReference): Promise<ManifestDocument> {
    const { store, root } = await this.unpacked();
    return store.resolve({
      kind: 'oci-layout',
      path: root,
      ...(reference.tag === undefined ? {} : { tag: reference.tag }),
      ...(reference.digest === undefined ? {} : { digest: reference.digest }),
    });
  }

  async getManifest(digest: string): Promise<ManifestDocument> {
    return (await this.unpacked()).store.getManifest(digest);
  }

  async getBlob(digest: string, maxBytes: number): Promise<Uint8Array> {
    return (await this.unpacked()).store.getBlob(digest, maxBytes);
  }

  async findTag(tag: string): Promise<ManifestDocument | undefined> {
    return (await this.unpacked()).store.findTag(tag);
  }

  async listReferrers(digest: string): Promise<ReferrerListing> {
    const listing = await (await this.unpacked()).store.listReferrers(digest);
    return { ...listing, uri: this.location };
  }

  manifestUri(digestOrTag: string): string {
    return `${this.location}${digestOrTag.startsWith('sha256:') ? '@' : ':'}${digestOrTag}`;
  }

  async close(): Promise<void> {
    await this.layout?.catch(() => undefined);
    if (this.workDir) await rm(this.workDir, { recursive: true, force: true });
  }

  private unpacked(): Promise<{ store: OciLayoutStore; root: string }> {
    this.layout ??= this.unpack();
    return this.layout;
  }

  private async unpack(): Promise<{ store: OciLayoutStore; root: string }> {
    const info = await stat(this.path).catch(() => undefined);
    if (!info?.isFile()) {
      throw new ConfigurationError(
        'oci-archive-not-found',
        `no file at ${this.path}: check the oci-archive:PATH reference (oci:PATH reads a layout directory)`,
      );
    }
    this.workDir = await mkdtemp(join(this.tempDir, 'supply-chain-gate-archive-'));
    const root = join(this.workDir, 'layout');
    await mkdir(root);
    const archive = await unpackTar(this.path, root, `the OCI archive ${this.path}`);
    if (!archive.files.has('oci-layout')) {
      throw new ConfigurationError(
        'invalid-oci-archive',
        `${this.path} holds no oci-layout file, so it is not an OCI archive; a docker save from before Docker 25 or from podman is not one: load it into the engine and gate it as docker:NAME`,
      );
    }
    return { store: new OciLayoutStore(root), root };
  }
}
