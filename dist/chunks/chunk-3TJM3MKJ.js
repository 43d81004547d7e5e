import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);

// src/adapters/http/proxy-fetch.ts
function proxySettings(env = process.env) {
  const pick = (name) => (env[name.toLowerCase()] ?? env[name.toUpperCase()])?.trim() || void 0;
  const httpProxy = pick("http_proxy");
  const httpsProxy = pick("https_proxy");
  if (httpProxy === void 0 && httpsProxy === void 0) return void 0;
  return { httpProxy, httpsProxy, noProxy: pick("no_proxy") ?? "" };
}
var cache = /* @__PURE__ */ new Map();
function proxyAwareFetch(env = process.env) {
  const settings = proxySettings(env);
  if (settings === void 0) return globalThis.fetch;
  const key = JSON.stringify(settings);
  const known = cache.get(key);
  if (known) return known;
  let loaded;
  const load = async () => {
    const undici = await import("./undici-5FBA56JR.js");
    const dispatcher = new undici.EnvHttpProxyAgent({
      httpProxy: settings.httpProxy ?? "",
      httpsProxy: settings.httpsProxy ?? settings.httpProxy ?? "",
      noProxy: settings.noProxy,
      // Plain http through the proxy as a forwarded request, as curl and every proxy expect.
      proxyTunnel: false
    });
    return ((input, init) => undici.fetch(input, { ...init, dispatcher }));
  };
  const proxied = async (input, init) => {
    loaded ??= load();
    return (await loaded)(input, init);
  };
  cache.set(key, proxied);
  return proxied;
}

export {
  proxyAwareFetch
};
