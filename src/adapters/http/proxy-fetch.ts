/**
 * fetch that honours the proxy variables every HTTP tool on a runner honours: `HTTPS_PROXY` and
 * `HTTP_PROXY` (or their lower-case forms) name the proxy, `NO_PROXY` the hosts that bypass it
 * (a list of host names, domain suffixes and `*`). The GitHub client and the registry transport
 * both take their fetch from here, so every request the gate sends goes the same way.
 *
 * Without proxy variables it is Node's own fetch and nothing more is loaded; with them, undici's
 * `EnvHttpProxyAgent` (the agent Node's fetch is built on) is loaded on the first request. Plain
 * http targets go through the proxy as forwarded requests, https ones through a CONNECT tunnel,
 * so the proxy never sees a credential sent over TLS.
 */

type Env = Readonly<Record<string, string | undefined>>;

/** The proxy settings of `env`: undefined when no proxy is set. */
export function proxySettings(
  env: Env = process.env,
): { httpProxy?: string; httpsProxy?: string; noProxy: string } | undefined {
  const pick = (name: string) => (env[name.toLowerCase()] ?? env[name.toUpperCase()])?.trim() || undefined;
  const httpProxy = pick('http_proxy');
  const httpsProxy = pick('https_proxy');
  if (httpProxy === undefined && httpsProxy === undefined) return undefined;
  return { httpProxy, httpsProxy, noProxy: pick('no_proxy') ?? '' };
}

const cache = new Map<string, typeof fetch>();

/**
 * The fetch for the environment `env` (the process's by default). One agent per distinct setting,
 * so every client of a run shares its connections to the proxy.
 */
export function proxyAwareFetch(env: Env = process.env): typeof fetch {
  const settings = proxySettings(env);
  if (settings === undefined) return globalThis.fetch;
  const key = JSON.stringify(settings);
  const known = cache.get(key);
  if (known) return known;
  let loaded: Promise<typeof fetch> | undefined;
  const load = async (): Promise<typeof fetch> => {
    const undici = await import('undici');
    // Every setting is passed, never left to the agent's own reading of process.env, so `env` is
    // the whole truth. https targets fall back to HTTP_PROXY, as Node's own fetch does with
    // NODE_USE_ENV_PROXY; HTTPS_PROXY alone leaves plain http direct.
    const dispatcher = new undici.EnvHttpProxyAgent({
      httpProxy: settings.httpProxy ?? '',
      httpsProxy: settings.httpsProxy ?? settings.httpProxy ?? '',
      noProxy: settings.noProxy,
      // Plain http through the proxy as a forwarded request, as curl and every proxy expect.
      proxyTunnel: false,
    });
    return ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
      undici.fetch(input as never, { ...(init as object), dispatcher } as never)) as unknown as typeof fetch;
  };
  const proxied: typeof fetch = async (input, init) => {
    loaded ??= load();
    return (await loaded)(input, init);
  };
  cache.set(key, proxied);
  return proxied;
}
