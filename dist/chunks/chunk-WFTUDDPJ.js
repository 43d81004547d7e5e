import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);

// src/adapters/retry-after.ts
function retryAfterMs(response) {
  const value = response.headers.get("retry-after")?.trim();
  if (!value) return void 0;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(seconds, 0) * 1e3;
  const date = Date.parse(value);
  return Number.isNaN(date) ? void 0 : Math.max(date - Date.now(), 0);
}
function formatWait(ms) {
  return ms < 1e3 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

export {
  retryAfterMs,
  formatWait
};
