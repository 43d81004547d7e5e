/**
 * Counts the HTTP requests evidence collection sends and how many of them had to wait for one
 * another: the number the report's `stats` shows, and the one to keep at its floor (resolve →
 * referrers and tags → manifests → blobs). Wrap the fetch every adapter uses with `fetch`.
 */
import type { RequestStats } from '../../model/evidence.js';
import { proxyAwareFetch } from './proxy-fetch.js';

interface Exchange {
  host: string;
  startedAt: number;
  /** When the answer (or the failure) arrived; undefined while it is in flight. */
  answeredAt?: number;
}

export class RequestLog {
  private readonly exchanges: Exchange[] = [];

  constructor(
    private readonly inner: typeof fetch = proxyAwareFetch(),
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** A fetch that records each request: pass it to the registry and GitHub clients. */
  readonly fetch: typeof fetch = async (input, init) => {
    const exchange: Exchange = { host: hostOf(input), startedAt: this.clock() };
    this.exchanges.push(exchange);
    try {
      return await this.inner(input, init);
    } finally {
      exchange.answeredAt = this.clock();
    }
  };

  /** A position in the log: `statsSince(mark)` leaves out what was sent before it. */
  mark(): number {
    return this.exchanges.length;
  }

  /**
   * Round trips are the longest chain of requests in which each was sent after the one before it
   * had been answered: requests sent together count once, a request that needed another's answer
   * counts again. Measured, not declared, so a lost chance to run in parallel shows up here.
   */
  statsSince(mark = 0): RequestStats {
    const exchanges = this.exchanges.slice(mark).sort((a, b) => a.startedAt - b.startedAt);
    const depth: number[] = [];
    exchanges.forEach((exchange, position) => {
      let before = 0;
      for (let earlier = 0; earlier < position; earlier++) {
        const answeredAt = exchanges[earlier]?.answeredAt;
        if (answeredAt !== undefined && answeredAt <= exchange.startedAt) {
          before = Math.max(before, depth[earlier] ?? 0);
        }
      }
      depth.push(before + 1);
    });
    const byHost: Record<string, number> = {};
    for (const { host } of exchanges) byHost[host] = (byHost[host] ?? 0) + 1;
    const first = exchanges[0]?.startedAt;
    const last = Math.max(...exchanges.map((exchange) => exchange.answeredAt ?? exchange.startedAt));
    return {
      requests: exchanges.length,
      roundTrips: Math.max(0, ...depth),
      byHost,
      elapsedMs: first === undefined ? 0 : Math.round(last - first),
    };
  }
}

function hostOf(input: Parameters<typeof fetch>[0]): string {
  const url = typeof input === 'string' ? input : 'href' in input ? input.href : input.url;
  try {
    return new URL(url).host;
  } catch {
    return 'unknown';
  }
}
