import { DockerEngineStore } from '../docker/engine.js';
import type { ImageReference } from '../../model/image-reference.js';
import type { ImageStore } from './image-store.js';
import { OciArchiveStore } from './archive.js';
import { OciLayoutStore } from './layout.js';
import { RegistryStore, type RegistryOptions } from '../registry/store.js';

/**
 * The store an image reference points at: a registry, an OCI layout on disk or in a tar file, or
 * the local Docker engine (whose CLI runs with `options.env`).
 */
export function openImageStore(reference: ImageReference, options: RegistryOptions = {}): ImageStore {
  switch (reference.kind) {
    case 'registry':
      return new RegistryStore(reference.registry, reference.repository, options);
    case 'oci-layout':
      return new OciLayoutStore(reference.path);
    case 'oci-archive':
      return new OciArchiveStore(reference.path);
    case 'docker':
      return new DockerEngineStore(reference, options.env === undefined ? {} : { env: options.env });
  }
}
