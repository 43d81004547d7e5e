/** One log line on what discovery found and what it cost, e.g. for the Actions log. */
import type { Evidence } from '../model/evidence.js';

export function describeDiscovery(evidence: Evidence): string {
  const { discovered, image, stats } = evidence;
  const digests = 1 + image.platforms.filter((entry) => entry.digest !== image.digest).length;
  const bySource = new Map<string, number>();
  for (const artifact of discovered) {
    bySource.set(artifact.source.kind, (bySource.get(artifact.source.kind) ?? 0) + 1);
  }
  const sources = [...bySource].map(([kind, count]) => `${count} from ${kind}`).join(', ');
  const cost = stats ? `; ${stats.requests} requests in ${stats.roundTrips} round trips` : '';
  return `Signatures and attestations: ${discovered.length} found for ${digests} digest${digests === 1 ? '' : 's'}${sources ? ` (${sources})` : ''}${cost}`;
}
