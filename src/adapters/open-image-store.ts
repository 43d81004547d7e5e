import type { ImageReference } from './image-reference.js';
import type { ImageStore } from './image-store.js';
import { OciLayoutStore } from './oci-layout.js';
import { RegistryStore, type RegistryOptions } from './registry.js';

/** The store an image reference points at: a registry, or an OCI layout on disk. */
export function openImageStore(reference: ImageReference, options: RegistryOptions = {}): ImageStore {
  return reference.kind === 'registry'
    ? new RegistryStore(reference.registry, reference.repository, options)
    : new OciLayoutStore(reference.path);
}
