/**
 * The dependencies of a gate run (`RunDeps`), wired the same way for every entry: the action, the
 * CLI's `check` and, for what it shares, watch mode. The entries only read their inputs and say
 * what differs (where trust is cached, how secrets are masked, where signing claims come from);
 * the clients, the stores, the request log and the retry warnings are connected here once.
 */
import { createGitHubClient, type GitHubClient } from './adapters/github/create-client.js';
import { reportAsApp, type InstallationToken } from './adapters/github/app.js';
import type { RequestLog } from './adapters/http/request-log.js';
import type { Logger } from './adapters/log/logger.js';
import { openImageStore } from './adapters/oci/open-image-store.js';
import type { RegistryOptions } from './adapters/registry/store.js';
import type { RunInputs } from './inputs.js';
import type { RunDeps } from './main.js';
import { VERSION } from './version.js';

export interface RunDepsOptions extends Partial<
  Pick<RunInputs, 'registryCredentials' | 'githubToken' | 'trustedRootPath'>
> {
  /** Where relative paths (trusted root, signing context) are read from. */
  workspace: string;
  /** The environment: docker config, proxies, the runner's OIDC token service. */
  env: NodeJS.ProcessEnv;
  log: Logger;
  now?: () => Date;
  /** Counts the registry and GitHub requests for the report's `stats`; absent, nothing is counted. */
  requestLog?: RequestLog;
  /** From `openGitHub`, or watch mode's own client. */
  github?: GitHubClient;
  /** Told every secret a credential helper or the OIDC token service hands out (core.setSecret). */
  maskSecret?: (secret: string) => void;
  /** Refresh the Sigstore roots over TUF, caching here (on a runner); absent: the embedded roots. */
  tufCacheDir?: string;
  /** Where signing claims come from: the event payload (action) or a `--context` file (CLI). */
  signing?: { payload?: unknown; contextPath?: string };
  /** The job summary writer, in the action. */
  writeSummary?(markdown: string): Promise<void>;
}

export function createRunDeps(options: RunDepsOptions): RunDeps & Required<Pick<RunDeps, 'attestation'>> {
  const { env, log, requestLog, maskSecret, workspace, trustedRootPath } = options;
  const registry: RegistryOptions = {
    credentials: options.registryCredentials,
    githubToken: options.githubToken,
    env,
    ...(maskSecret ? { maskSecret } : {}),
  };
  return {
    now: options.now ?? (() => new Date()),
    log,
    toolVersion: VERSION,
    ...(requestLog ? { requestLog } : {}),
    ...(options.github ? { github: options.github } : {}),
    ...(options.writeSummary ? { writeSummary: options.writeSummary } : {}),
    openImageStore: (reference) =>
      openImageStore(reference, {
        ...registry,
        ...(requestLog ? { fetch: requestLog.fetch } : {}),
        onRetry: (message) => log.warning(message),
      }),
    loadTrust: async () =>
      (await import('./adapters/sigstore/trusted-root.js')).loadTrustStore({
        trustedRootPath,
        workspace,
        ...(options.tufCacheDir ? { tuf: { cacheDir: options.tufCacheDir, log } } : {}),
      }),
    attestation: {
      signingContext: async () =>
        (await import('./provenance/signing-context.js')).readSigningContext({
          env,
          workspace,
          ...(options.signing?.payload !== undefined ? { payload: options.signing.payload } : {}),
          ...(options.signing?.contextPath ? { contextPath: options.signing.contextPath } : {}),
          ...(maskSecret ? { maskSecret } : {}),
        }),
      registry,
    },
  };
}

/**
 * The run's GitHub client: the token reads the evidence; with a GitHub App's installation token,
 * the App writes the verdict (check run, comment). Undefined without either.
 */
export function openGitHub(options: {
  apiUrl: string;
  token?: string;
  app?: InstallationToken;
  requestLog?: RequestLog;
  log: Logger;
}): GitHubClient | undefined {
  const clientFor = (token: string) =>
    createGitHubClient({
      apiUrl: options.apiUrl,
      token,
      ...(options.requestLog ? { fetch: options.requestLog.fetch } : {}),
      onRetry: (message) => options.log.warning(message),
    });
  const reads = options.token ? clientFor(options.token) : undefined;
  const writes = options.app ? clientFor(options.app.token) : undefined;
  return writes && options.app ? reportAsApp(reads ?? writes, writes, options.app.appId) : reads;
}
