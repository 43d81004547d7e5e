/**
 * Whether a scan report is evidence about this image, now: it must not name another image (its
 * digests, or an image ID that is not the gated config) and, when the policy sets a maximum age,
 * it must say when it was made, and not too long ago.
 */
import type { ImageEvidence, ScanReport } from '../../model/evidence.js';

export interface RejectedScan {
  scan: ScanReport;
  /** One line: what the report names and why that does not do. */
  reason: string;
}

/** A report dated this far ahead of the gate's clock is treated as wrong, not as fresh. */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface Binding {
  /** Reports that name another image: not evidence. */
  foreign: RejectedScan[];
  /** Reports that name nothing the gate can compare: kept, with a warning. */
  unbound: ScanReport[];
}

/**
 * A platform manifest's digest pins its config, so a report naming one the gate judges is bound.
 * A report naming the index (or nothing comparable) says which platform it scanned by its image ID.
 */
export function judgeBinding(scans: ScanReport[], image: ImageEvidence): Binding {
  const platforms = new Set(image.platforms.map((platform) => platform.digest));
  const manifests = new Set([image.digest, ...platforms]);
  const configs = new Set(image.platforms.map((platform) => platform.configDigest).filter(Boolean));
  const binding: Binding = { foreign: [], unbound: [] };
  for (const scan of scans) {
    const named = scan.artifact.digests;
    const imageId = scan.artifact.imageId;
    const idComparable = imageId !== undefined && /^sha256:[a-f0-9]{64}$/.test(imageId) && configs.size > 0;
    if (named.some((digest) => platforms.has(digest))) continue;
    if (idComparable && !configs.has(imageId)) {
      binding.foreign.push({
        scan,
        reason: `it names image ID ${imageId}, but the gated image's config is ${[...configs].join(', ')}: it scanned another image or platform.`,
      });
    } else if (idComparable || named.some((digest) => manifests.has(digest))) {
      continue;
    } else if (named.length > 0) {
      binding.foreign.push({
        scan,
        reason: `it scanned ${named.join(', ')}, not ${image.digest}${manifests.size > 1 ? ' or its platform images' : ''}.`,
      });
    } else {
      binding.unbound.push(scan);
    }
  }
  return binding;
}

export function judgeFreshness(scans: ScanReport[], maxAgeMs: number, now: Date): RejectedScan[] {
  const rejected: RejectedScan[] = [];
  for (const scan of scans) {
    const created = scan.createdAt === undefined ? NaN : Date.parse(scan.createdAt);
    if (Number.isNaN(created)) {
      rejected.push({
        scan,
        reason:
          scan.createdAt === undefined
            ? 'it does not say when it was made, so its age cannot be checked.'
            : `its creation time ${JSON.stringify(scan.createdAt.slice(0, 60))} is not a date.`,
      });
    } else if (created - now.getTime() > CLOCK_SKEW_MS) {
      rejected.push({ scan, reason: `it says it was made at ${scan.createdAt}, in the future.` });
    } else if (now.getTime() - created > maxAgeMs) {
      rejected.push({
        scan,
        reason: `it was made at ${scan.createdAt}, ${describeAge(now.getTime() - created)} ago.`,
      });
    }
  }
  return rejected;
}

function describeAge(ms: number): string {
  const hours = ms / 3_600_000;
  return hours >= 48
    ? `${Math.floor(hours / 24)} days`
    : hours >= 1
      ? `${Math.floor(hours)} hours`
      : `${Math.floor(ms / 60_000)} minutes`;
}
