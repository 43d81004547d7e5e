/**
 * Jest only: @sigstore/sign fetches through make-fetch-happen, whose proxy agents are ESM-only
 * packages that jest's CommonJS loader cannot require on Node 20 (jest.config.js maps the name
 * here). The bundled action and CLI use the real make-fetch-happen; in tests the same requests go
 * through Node's fetch, with the options @sigstore/sign passes (method, headers, body, timeout)
 * and the one minipass-fetch method it reads beyond the standard Response, `buffer()`.
 */
module.exports = async function makeFetchHappen(url, options = {}) {
  const response = await fetch(url, {
    method: options.method,
    headers: options.headers,
    body: options.body,
    signal: options.timeout ? AbortSignal.timeout(options.timeout) : undefined,
  });
  response.buffer = async () => Buffer.from(await response.arrayBuffer());
  return response;
};
