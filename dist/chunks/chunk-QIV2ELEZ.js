import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  proxyAwareFetch
} from "./chunk-3TJM3MKJ.js";

// src/adapters/http/request-log.ts
var RequestLog = class {
  constructor(inner = proxyAwareFetch(), clock = () => performance.now()) {
    this.inner = inner;
    this.clock = clock;
  }
  inner;
  clock;
  exchanges = [];
  /** A fetch that records each request: pass it to the registry and GitHub clients. */
  fetch = async (input, init) => {
    const exchange = { host: hostOf(input), startedAt: this.clock() };
    this.exchanges.push(exchange);
    try {
      const response = await this.inner(input, init);
      const rateLimit = readRateLimit(exchange.host, response.headers);
      if (rateLimit) exchange.rateLimit = rateLimit;
      return response;
    } finally {
      exchange.answeredAt = this.clock();
    }
  };
  /** A position in the log: `statsSince(mark)` leaves out what was sent before it. */
  mark() {
    return this.exchanges.length;
  }
  /**
   * Round trips are the longest chain of requests in which each was sent after the one before it
   * had been answered: requests sent together count once, a request that needed another's answer
   * counts again. Measured, not declared, so a lost chance to run in parallel shows up here.
   */
  statsSince(mark = 0) {
    const exchanges = this.exchanges.slice(mark).sort((a, b) => a.startedAt - b.startedAt);
    const depth = [];
    exchanges.forEach((exchange, position) => {
      let before = 0;
      for (let earlier = 0; earlier < position; earlier++) {
        const answeredAt = exchanges[earlier]?.answeredAt;
        if (answeredAt !== void 0 && answeredAt <= exchange.startedAt) {
          before = Math.max(before, depth[earlier] ?? 0);
        }
      }
      depth.push(before + 1);
    });
    const byHost = {};
    for (const { host } of exchanges) byHost[host] = (byHost[host] ?? 0) + 1;
    const first = exchanges[0]?.startedAt;
    const last = Math.max(...exchanges.map((exchange) => exchange.answeredAt ?? exchange.startedAt));
    const lowest = /* @__PURE__ */ new Map();
    for (const { rateLimit } of exchanges) {
      const known = rateLimit && lowest.get(rateLimit.host);
      if (rateLimit && (!known || rateLimit.remaining < known.remaining))
        lowest.set(rateLimit.host, rateLimit);
    }
    return {
      requests: exchanges.length,
      roundTrips: Math.max(0, ...depth),
      byHost,
      elapsedMs: first === void 0 ? 0 : Math.round(last - first),
      ...lowest.size > 0 ? { rateLimits: [...lowest.values()] } : {}
    };
  }
};
function readRateLimit(host, headers) {
  const remaining = leadingCount(headers.get("ratelimit-remaining"));
  if (remaining === void 0) return void 0;
  const limitHeader = headers.get("ratelimit-limit");
  const limit = leadingCount(limitHeader);
  const window = /(?:^|;)\s*w=(\d+)/.exec(limitHeader ?? headers.get("ratelimit-remaining") ?? "")?.[1];
  return {
    host,
    remaining,
    ...limit === void 0 ? {} : { limit },
    ...window === void 0 ? {} : { windowSeconds: Number(window) }
  };
}
function leadingCount(value) {
  const match = /^\s*(\d{1,12})\b/.exec(value ?? "");
  return match ? Number(match[1]) : void 0;
}
function hostOf(input) {
  const url = typeof input === "string" ? input : "href" in input ? input.href : input.url;
  try {
    return new URL(url).host;
  } catch {
    return "unknown";
  }
}

export {
  RequestLog
};
