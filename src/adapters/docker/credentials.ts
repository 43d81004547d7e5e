/**
 * Docker credential helpers: the programs `docker login` hands credentials to when the docker
 * config names one in `credHelpers` (per registry: `docker-credential-ecr-login`, `-gcloud`,
 * `-acr-env`) or `credsStore` (for every registry: `-desktop`, `-osxkeychain`, `-pass`). They
 * speak one protocol (https://github.com/docker/docker-credential-helpers): `docker-credential-NAME
 * get` reads the server URL on stdin and writes `{"ServerURL","Username","Secret"}` on stdout; a
 * Username of `<token>` means Secret is an identity token (an OAuth2 refresh token), not a password.
 *
 * The helper runs from the PATH with a time limit (one waiting on a keychain prompt would hold the
 * job otherwise), its secret is masked before anything else happens, and neither its stdout nor
 * the secret ever reaches an error: a failure names the helper, its exit status and the first line
 * of what it printed on stderr.
 */
import { spawn } from 'node:child_process';
import { ConfigurationError, VerificationError } from '../../errors.js';
import { stripControl } from '../../report/escape.js';

/** What a helper returned for a registry. */
export type HelperCredentials =
  | { kind: 'password'; username: string; password: string }
  | { kind: 'identity-token'; identityToken: string };

/** The helper the docker config names for a registry, and where it named it (for messages). */
export interface ConfiguredHelper {
  /** The suffix of `docker-credential-NAME`. */
  name: string;
  /** `credHelpers` for a per-registry entry, `credsStore` for the default store. */
  setting: 'credHelpers' | 'credsStore';
  /** The docker config file. */
  configPath: string;
}

export interface CredentialHelperOptions {
  /** The helper's environment: PATH to find it, HOME and the cloud SDK's variables it reads. */
  env: Readonly<Record<string, string | undefined>>;
  /** How long the helper may take; default 30 s. */
  timeoutMs?: number;
  /** Called with the secret before it is used, so the Actions log masks it (core.setSecret). */
  maskSecret?(secret: string): void;
}

export const DEFAULT_CREDENTIAL_HELPER_TIMEOUT_MS = 30_000;
/** Docker's own username for "Secret is an identity token". */
const IDENTITY_TOKEN_USERNAME = '<token>';
/** What docker-credential-helpers print (on stdout, exit 1) for a server they hold nothing for. */
const CREDENTIALS_NOT_FOUND = /credentials not found in native keychain/i;
/** A helper's answer is a few hundred bytes; more is not read. */
const MAX_OUTPUT_BYTES = 64 * 1024;
const MAX_QUOTED_CHARS = 200;
/** Docker refuses nothing here, but the name becomes a program name: no paths, no options. */
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * `credHelpers[registry]` first, then `credsStore`, as the docker CLI chooses. `keyMatches` says
 * whether a config key (`host`, `https://host`, Docker Hub's legacy URL) names the registry.
 */
export function configuredHelper(
  config: Record<string, unknown>,
  registry: string,
  configPath: string,
  keyMatches: (key: string, registry: string) => boolean,
): ConfiguredHelper | undefined {
  const perRegistry = isRecord(config.credHelpers)
    ? Object.entries(config.credHelpers).find(([key]) => keyMatches(key, registry))?.[1]
    : undefined;
  const [setting, name] =
    typeof perRegistry === 'string' && perRegistry
      ? (['credHelpers', perRegistry] as const)
      : typeof config.credsStore === 'string' && config.credsStore
        ? (['credsStore', config.credsStore] as const)
        : [undefined, undefined];
  if (setting === undefined) return undefined;
  if (!HELPER_NAME.test(name)) {
    throw new ConfigurationError(
      'invalid-docker-config',
      `the docker config ${configPath} names the credential helper ${JSON.stringify(name.slice(0, 60))} in ${setting}, which is not a helper name (letters, digits, ".", "_", "-"); fix the entry`,
    );
  }
  return { name, setting, configPath };
}

export function helperProgram(helper: ConfiguredHelper): string {
  return `docker-credential-${helper.name}`;
}

/** How an error or the report names the helper without showing anything it returned. */
export function describeHelper(helper: ConfiguredHelper): string {
  return `the docker credential helper ${helperProgram(helper)} (${helper.setting} in ${helper.configPath})`;
}

/**
 * What each helper answered for each server in this process: a run reads one registry through
 * several clients (the image, provenance subjects, referrer pushes), and helpers such as gcloud's
 * or ECR's take a second or more. Failures are not kept, so a later read asks again.
 */
const answers = new Map<string, Promise<HelperCredentials | undefined>>();

/**
 * Runs `docker-credential-NAME get` for `serverUrl`, once per process. Undefined when the helper
 * holds nothing for it; an error naming the helper when it is missing, fails, stalls or answers
 * outside the protocol.
 */
export function getHelperCredentials(
  helper: ConfiguredHelper,
  serverUrl: string,
  options: CredentialHelperOptions,
): Promise<HelperCredentials | undefined> {
  const key = JSON.stringify([helper.name, helper.configPath, serverUrl, options.env.PATH ?? '']);
  let answer = answers.get(key);
  if (answer === undefined) {
    answer = askHelper(helper, serverUrl, options);
    answers.set(key, answer);
    answer.catch(() => answers.delete(key));
  }
  // Masked for every caller, before any of them can use it.
  return answer.then((found) => {
    if (found) options.maskSecret?.(found.kind === 'password' ? found.password : found.identityToken);
    return found;
  });
}

async function askHelper(
  helper: ConfiguredHelper,
  serverUrl: string,
  options: CredentialHelperOptions,
): Promise<HelperCredentials | undefined> {
  const program = helperProgram(helper);
  const timeoutMs = options.timeoutMs ?? DEFAULT_CREDENTIAL_HELPER_TIMEOUT_MS;
  const outcome = await runHelper(program, serverUrl, options.env, timeoutMs);
  const where = `${helper.setting} in ${helper.configPath}`;
  switch (outcome.kind) {
    case 'missing':
      throw new ConfigurationError(
        'credential-helper-not-found',
        `the docker credential helper ${program} (${where}) is not on PATH: install it on the runner (or log in with "docker login" without a helper), or remove the entry`,
      );
    case 'timed-out':
      throw new VerificationError(
        'credential-helper-failed',
        `the docker credential helper ${program} (${where}) gave no answer within ${timeoutMs / 1000} s and was stopped; it may be waiting for a prompt nobody can answer on a runner`,
      );
    case 'too-much-output':
      throw new VerificationError(
        'credential-helper-failed',
        `the docker credential helper ${program} (${where}) wrote more than ${MAX_OUTPUT_BYTES} bytes; that is not a credential`,
      );
    case 'spawn-failed':
      throw new VerificationError(
        'credential-helper-failed',
        `the docker credential helper ${program} (${where}) could not be started (${outcome.code})`,
      );
    case 'exited':
      break;
  }
  const { status, stdout, stderr } = outcome;
  if (status !== 0) {
    // The helpers of docker-credential-helpers print their errors on stdout; a non-zero exit
    // means stdout holds a message, not a credential.
    if (CREDENTIALS_NOT_FOUND.test(stdout) || CREDENTIALS_NOT_FOUND.test(stderr)) return undefined;
    const said = firstLine(stderr) ?? firstLine(stdout);
    throw new VerificationError(
      'credential-helper-failed',
      `the docker credential helper ${program} (${where}) failed for ${serverUrl} with ${status === null ? 'no exit status' : `exit status ${status}`}${said ? `: ${said}` : ''}`,
    );
  }
  const answer = parseAnswer(stdout);
  if (answer === undefined) {
    // Never quoted: what it printed may be a secret in a shape we do not know.
    throw new VerificationError(
      'credential-helper-failed',
      `the docker credential helper ${program} (${where}) answered ${serverUrl} with something that is not the credential helper protocol's JSON ({"Username","Secret"})`,
    );
  }
  if (answer.secret === '') return undefined;
  if (answer.username === IDENTITY_TOKEN_USERNAME) {
    return { kind: 'identity-token', identityToken: answer.secret };
  }
  return { kind: 'password', username: answer.username, password: answer.secret };
}

type RunOutcome =
  | { kind: 'exited'; status: number | null; stdout: string; stderr: string }
  | { kind: 'missing' }
  | { kind: 'timed-out' }
  | { kind: 'too-much-output' }
  | { kind: 'spawn-failed'; code: string };

/**
 * node:child_process, not @actions/exec: a helper that stalls must be stopped at the time limit,
 * and @actions/exec neither has one nor gives the process to stop.
 */
function runHelper(
  program: string,
  serverUrl: string,
  env: Readonly<Record<string, string | undefined>>,
  timeoutMs: number,
): Promise<RunOutcome> {
  return new Promise((resolve) => {
    // Its own process group on POSIX, so a stalled helper is stopped with whatever it started
    // (a shell script's `gcloud`), not just the script.
    const ownGroup = process.platform !== 'win32';
    const child = spawn(program, ['get'], {
      env: definedOnly(env),
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
      detached: ownGroup,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const finish = (outcome: RunOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (outcome.kind !== 'exited') stop();
      resolve(outcome);
    };
    const stop = () => {
      try {
        if (ownGroup && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // It exited meanwhile.
      }
      // A grandchild that outlives the kill must not hold this process open through the pipes.
      for (const stream of [child.stdin, child.stdout, child.stderr]) stream.destroy();
    };
    const timer = setTimeout(() => finish({ kind: 'timed-out' }), timeoutMs);
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      bytes += chunk.byteLength;
      if (bytes > MAX_OUTPUT_BYTES) finish({ kind: 'too-much-output' });
      else into.push(chunk);
    };
    child.stdout.on('data', collect(stdout));
    child.stderr.on('data', collect(stderr));
    child.once('error', (error: NodeJS.ErrnoException) =>
      finish(
        error.code === 'ENOENT'
          ? { kind: 'missing' }
          : { kind: 'spawn-failed', code: error.code ?? 'unknown' },
      ),
    );
    // 'close', not 'exit': the streams are complete only then.
    child.once('close', (status) =>
      finish({
        kind: 'exited',
        status,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
    // A helper that exits without reading stdin makes this write fail with EPIPE: its exit says more.
    child.stdin.once('error', () => undefined);
    child.stdin.end(serverUrl);
  });
}

function parseAnswer(stdout: string): { username: string; secret: string } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(stdout);
  } catch {
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  const { Username: username, Secret: secret } = value;
  if (typeof secret !== 'string' || (username !== undefined && typeof username !== 'string'))
    return undefined;
  return { username: username ?? '', secret };
}

/** The first non-empty line, cleaned for one line of a message; never one that looks like JSON. */
function firstLine(text: string): string | undefined {
  const line = text
    .split('\n')
    .map((part) => stripControl(part).trim())
    .find((part) => part.length > 0);
  if (line === undefined || line.startsWith('{')) return undefined;
  return line.length > MAX_QUOTED_CHARS ? `${line.slice(0, MAX_QUOTED_CHARS)}…` : line;
}

function definedOnly(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
