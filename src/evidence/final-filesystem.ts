/**
 * The paths of an image's final filesystem: its layers applied in order as the OCI image spec's
 * changesets say (image-spec layer.md, "Whiteouts"): `.wh.NAME` deletes NAME and everything
 * under it from the layers below, `.wh..wh..opq` hides everything the layers below put in its
 * directory, and an entry replacing a directory replaces what was under it. Only headers are read
 * (createTarReader with no content wanted), so a layer costs its bytes streaming through gunzip.
 *
 * What the `image.no-shell` and `image.no-package-manager` rules judge is found here: shells and
 * package managers in a `bin` or `sbin` directory, and the layer that put each there.
 */
import type { ImageStore } from '../adapters/oci/image-store.js';
import { readLayerArchive } from '../archive/layer-reader.js';
import type { FilesystemInventory, PlatformImage } from '../model/evidence.js';

export interface InventoryLimits {
  maxLayerSize: number;
  maxUnpackedSize: number;
}

/** A layer larger than this is not read (and the rules that needed it fail, saying so). */
export const DEFAULT_INVENTORY_LIMITS: InventoryLimits = {
  maxLayerSize: 512 * 1024 * 1024,
  maxUnpackedSize: 4 * 1024 * 1024 * 1024,
};

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'busybox']);
/** `pip`, `pip3`, `pip3.12`. */
const PIP = /^pip\d*(\.\d+)?$/;
const PACKAGE_MANAGERS = new Set(['apk', 'apt', 'apt-get', 'dpkg', 'rpm', 'dnf', 'yum', 'microdnf', 'npm']);

const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';

export type ToolKind = 'shell' | 'package-manager';

export function toolKind(path: string): ToolKind | undefined {
  const parts = path.split('/');
  const name = parts[parts.length - 1]!;
  const parent = parts[parts.length - 2];
  // Only executables on a PATH count: bash completions and man pages share these names.
  if (parent !== 'bin' && parent !== 'sbin') return undefined;
  if (SHELLS.has(name)) return 'shell';
  if (PACKAGE_MANAGERS.has(name) || PIP.test(name)) return 'package-manager';
  return undefined;
}

interface Node {
  kind: 'file' | 'symlink' | 'hardlink' | 'directory';
  layerDigest: string;
  linkTarget?: string;
}

/** What one layer's archive holds, before it is applied over the layers below. */
interface LayerChanges {
  entries: Array<[string, Node]>;
  whiteouts: string[];
  opaque: string[];
}

export async function inventoryFilesystem(
  store: ImageStore,
  image: PlatformImage,
  limits: InventoryLimits = DEFAULT_INVENTORY_LIMITS,
): Promise<FilesystemInventory> {
  const tree = new Map<string, Node>();
  const skipped: FilesystemInventory['skipped'] = [];
  for (const layer of image.layers) {
    if (layer.size > limits.maxLayerSize) {
      skipped.push({
        layerDigest: layer.digest,
        reason: `${layer.size} bytes compressed, over the ${limits.maxLayerSize}-byte limit`,
      });
      continue;
    }
    const gzip = /gzip$/.test(layer.mediaType);
    if (!gzip && !/tar$/.test(layer.mediaType)) {
      skipped.push({ layerDigest: layer.digest, reason: `media type ${layer.mediaType} is not read` });
      continue;
    }
    const bytes = Buffer.from(await store.getBlob(layer.digest, limits.maxLayerSize));
    const changes = await readLayer(bytes, gzip, layer.digest, limits.maxUnpackedSize);
    if ('skipped' in changes) {
      skipped.push({ layerDigest: layer.digest, reason: changes.skipped });
      continue;
    }
    applyLayer(tree, changes);
  }
  const found: FilesystemInventory['found'] = [];
  for (const [path, node] of tree) {
    if (node.kind === 'directory') continue;
    const kind = toolKind(path);
    if (!kind) continue;
    found.push({
      path: `/${path}`,
      kind,
      layerDigest: node.layerDigest,
      ...(node.linkTarget !== undefined ? { linkTarget: node.linkTarget } : {}),
    });
  }
  found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    manifestDigest: image.digest,
    ...(image.platform ? { platform: image.platform } : {}),
    paths: tree.size,
    found,
    skipped,
  };
}

/** Applies one layer over the tree below it, in the order the image spec gives. */
export function applyLayer(tree: Map<string, Node>, changes: LayerChanges): void {
  for (const directory of changes.opaque) removeBelow(tree, directory);
  for (const path of changes.whiteouts) {
    const removed = tree.get(path);
    tree.delete(path);
    // Most whiteouts delete a file: only a directory (or a path the archives never listed as
    // one, whose children they did) has anything below it to look for.
    if (removed === undefined || removed.kind === 'directory') removeBelow(tree, path);
  }
  for (const [path, node] of changes.entries) {
    const below = tree.get(path);
    if (below?.kind === 'directory' && node.kind !== 'directory') removeBelow(tree, path);
    tree.set(path, node);
  }
}

function removeBelow(tree: Map<string, Node>, directory: string): void {
  const prefix = directory === '' ? '' : `${directory}/`;
  for (const path of tree.keys()) if (path.startsWith(prefix) && path !== directory) tree.delete(path);
}

/** Parses a layer into its changes; a layer that cannot be read is skipped with the reason. */
export async function readLayer(
  bytes: Buffer,
  gzip: boolean,
  layerDigest: string,
  maxUnpacked: number,
): Promise<LayerChanges | { skipped: string }> {
  const changes: LayerChanges = { entries: [], whiteouts: [], opaque: [] };
  const add = (path: string, node: Node) => {
    const slash = path.lastIndexOf('/');
    const dir = slash === -1 ? '' : path.slice(0, slash);
    const name = path.slice(slash + 1);
    if (name === OPAQUE) changes.opaque.push(dir);
    else if (name.startsWith(WHITEOUT))
      changes.whiteouts.push(`${dir ? `${dir}/` : ''}${name.slice(WHITEOUT.length)}`);
    else if (path !== '' && path !== '.') changes.entries.push([path, node]);
  };
  const why = await readLayerArchive(bytes, gzip, maxUnpacked, {
    wantContent: () => 0,
    onEntry: (entry) => add(entry.path, { kind: 'file', layerDigest }),
    onOtherEntry: (entry) =>
      add(entry.path, {
        kind: entry.type,
        layerDigest,
        ...(entry.linkTarget !== undefined ? { linkTarget: entry.linkTarget } : {}),
      }),
  });
  return why === undefined ? changes : { skipped: why };
}
