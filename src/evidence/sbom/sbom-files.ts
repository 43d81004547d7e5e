/**
 * SBOM files the workflow names (`sbom` input, `--sbom FILE`), read in a stream: hashed and parsed
 * chunk by chunk, never held whole. A file the workflow hands over counts for every gated platform,
 * as scan reports do: the workflow that built the image made it.
 */
import { resolve } from 'node:path';
import { pathInside, streamInputFile } from '../../adapters/files/streamed-file.js';
import { ConfigurationError } from '../../errors.js';
import type { EvidenceSource, SbomDocument } from '../../model/evidence.js';
import { MAX_SBOM_BYTES, SbomReader } from './read-sbom.js';

export async function readSbomFile(path: string, workspace: string): Promise<SbomDocument> {
  const absolute = resolve(workspace, path);
  const shown = pathInside(absolute, workspace) ?? absolute;
  // The digest is filled in once the last byte is read: the document names exactly what was judged.
  const source: EvidenceSource = { kind: 'file', uri: shown };
  const reader = new SbomReader(source, { kind: 'file' });
  source.digest = await streamInputFile(
    absolute,
    {
      errors: {
        missing: (reason) =>
          new ConfigurationError('sbom-not-found', `${shown}: cannot read the SBOM (${reason})`),
        notAFile: () => new ConfigurationError('sbom-not-a-file', `${shown}: the SBOM is not a regular file`),
      },
      limit: {
        bytes: MAX_SBOM_BYTES,
        error: (bytes, whileReading) =>
          new ConfigurationError(
            'sbom-too-large',
            whileReading
              ? `${shown}: the SBOM grew past ${MAX_SBOM_BYTES} bytes while being read`
              : `${shown}: the SBOM is ${bytes} bytes; the limit is ${MAX_SBOM_BYTES}`,
          ),
      },
    },
    (bytes) => reader.write(bytes),
  );
  return reader.end();
}
