/**
 * A registry that is about to refuse pulls (Docker Hub's pull limit, counted per manifest read)
 * fails the next job with "could not decide": the summary says so while there is still time to
 * log in or mirror the image. Pure: it reads the request statistics of the evidence.
 */
import type { Evidence, RateLimitReading } from '../model/evidence.js';

/** Low means a fifth of the limit or less; ten or fewer when the limit was not announced. */
const LOW_SHARE = 0.2;
const LOW_COUNT_WITHOUT_LIMIT = 10;

export function rateLimitNotes(evidence: Evidence): string[] {
  return (evidence.stats?.rateLimits ?? []).filter(isLow).map(describe);
}

function isLow({ remaining, limit }: RateLimitReading): boolean {
  return limit === undefined ? remaining <= LOW_COUNT_WITHOUT_LIMIT : remaining <= limit * LOW_SHARE;
}

function describe({ host, remaining, limit, windowSeconds }: RateLimitReading): string {
  const left = limit === undefined ? `${remaining}` : `${remaining} of ${limit}`;
  const window = windowSeconds === undefined ? '' : ` in its ${formatWindow(windowSeconds)} window`;
  return `${host} is close to its rate limit: ${left} requests left${window}. When it runs out, pulls are refused (429) and the gate cannot decide; log in to the registry (a registry-username/password or docker login raises Docker Hub's limit) or pull from a mirror.`;
}

function formatWindow(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
