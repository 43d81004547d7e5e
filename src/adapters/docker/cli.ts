/**
 * The Docker CLI, run through @actions/exec: `docker image inspect` and `docker save`. The CLI talks
 * to whichever engine DOCKER_HOST or the current context names, which is where a workflow's
 * `load: true` build is. Its failures become errors that say what to do: no CLI, no engine, no
 * such image.
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { exec } from '@actions/exec';
import { ConfigurationError, VerificationError } from '../../errors.js';

export interface DockerCliOptions {
  /** The CLI's environment: PATH to find it, DOCKER_HOST, DOCKER_CONTEXT, DOCKER_CONFIG. Default: this process's. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** What `docker image inspect` says of an image, for binding it to what `docker save` writes. */
export interface InspectedImage {
  /** `sha256:…`: the config digest, or the manifest digest with containerd's image store. */
  id: string;
  /** `repository@sha256:…` for each manifest digest the engine knows for the image. */
  repoDigests: string[];
}

/** More than any real `docker image inspect` output; a bound on what is buffered. */
const MAX_INSPECT_BYTES = 16 * 1024 * 1024;
const MAX_STDERR_CHARS = 8 * 1024;
const MAX_QUOTED_CHARS = 300;
const DAEMON_UNREACHABLE =
  /Cannot connect to the Docker daemon|Is the docker daemon running|error during connect|permission denied while trying to connect/i;
const NO_SUCH_IMAGE = /No such image|image not known|reference does not exist/i;

export class DockerCli {
  private readonly env: Readonly<Record<string, string | undefined>>;
  private executable?: Promise<string>;

  constructor(options: DockerCliOptions = {}) {
    this.env = options.env ?? process.env;
  }

  async inspectImage(reference: string): Promise<InspectedImage> {
    const { stdout } = await this.run(['image', 'inspect', reference], reference, MAX_INSPECT_BYTES);
    return parseInspectOutput(stdout, reference);
  }

  /** Writes the image as `docker save` does into `tarPath`; the CLI writes the file itself. */
  async saveImage(reference: string, tarPath: string): Promise<void> {
    await this.run(['save', '--output', tarPath, reference], reference, 0);
  }

  private async run(args: string[], reference: string, maxStdout: number): Promise<{ stdout: string }> {
    const executable = await this.findExecutable();
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    const exitCode = await exec(quoteCommand(executable), args, {
      env: definedOnly(this.env),
      silent: true,
      ignoreReturnCode: true,
      listeners: {
        stdout: (data: Buffer) => {
          stdoutBytes += data.byteLength;
          if (stdoutBytes <= maxStdout) stdout.push(data);
        },
        stderr: (data: Buffer) => {
          stderr = (stderr + data.toString('utf8')).slice(-MAX_STDERR_CHARS);
        },
      },
    });
    if (exitCode !== 0) throw commandError(args, reference, exitCode, stderr);
    if (stdoutBytes > maxStdout) {
      throw new VerificationError(
        'docker-output-too-large',
        `docker ${args.slice(0, 2).join(' ')} wrote more than ${maxStdout} bytes; refusing to read it`,
      );
    }
    return { stdout: Buffer.concat(stdout).toString('utf8') };
  }

  private findExecutable(): Promise<string> {
    this.executable ??= locateOnPath(this.env).then((found) => {
      if (found !== undefined) return found;
      throw new ConfigurationError(
        'docker-cli-not-found',
        'the docker CLI is not on PATH: a docker: image is read from the local engine through it; install Docker (GitHub-hosted Linux runners have it), or gate the image by its registry reference or as oci-archive:PATH',
      );
    });
    return this.executable;
  }
}

function commandError(
  args: string[],
  reference: string,
  exitCode: number,
  stderr: string,
): ConfigurationError | VerificationError {
  if (DAEMON_UNREACHABLE.test(stderr)) {
    return new ConfigurationError(
      'docker-daemon-unavailable',
      `the docker CLI cannot reach a Docker engine (${quotedLine(stderr, DAEMON_UNREACHABLE)}): start Docker or point DOCKER_HOST at its socket, and build the image into it first (docker/build-push-action with load: true)`,
    );
  }
  if (NO_SUCH_IMAGE.test(stderr)) {
    // `docker:27-dind` reads like Docker Hub's own `docker` image, but names a local one.
    const hint = reference.includes('/')
      ? ''
      : `; for Docker Hub's "docker" image itself, write docker.io/library/docker:${reference}`;
    return new ConfigurationError(
      'docker-image-not-found',
      `the Docker engine has no image ${JSON.stringify(reference.slice(0, MAX_QUOTED_CHARS))}: build or load it first (docker build -t NAME, or docker/build-push-action with load: true) and check the name and tag${hint}`,
    );
  }
  return new VerificationError(
    'docker-command-failed',
    `docker ${args.slice(0, 2).join(' ')} failed with exit code ${exitCode}: ${quotedLine(stderr)}`,
  );
}

function parseInspectOutput(stdout: string, reference: string): InspectedImage {
  const invalid = (reason: string) =>
    new VerificationError('invalid-docker-inspect', `docker image inspect ${reference}: ${reason}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    throw invalid('the output is not JSON');
  }
  const [image, ...others] = Array.isArray(parsed) ? (parsed as unknown[]) : [];
  if (typeof image !== 'object' || image === null || others.length > 0) {
    throw invalid('the output is not a list of one image');
  }
  const { Id: id, RepoDigests: repoDigests } = image as { Id?: unknown; RepoDigests?: unknown };
  if (typeof id !== 'string' || !/^sha256:[a-f0-9]{64}$/.test(id)) {
    throw invalid(`the image ID ${JSON.stringify(String(id).slice(0, 100))} is not sha256:<64 hex>`);
  }
  const digests = repoDigests ?? [];
  if (!Array.isArray(digests) || !digests.every((entry) => typeof entry === 'string')) {
    throw invalid('RepoDigests is not a list of strings');
  }
  return { id, repoDigests: digests as string[] };
}

/** The docker executable on the PATH of `env` (with `.exe` on Windows), as the CLI's caller would find it. */
async function locateOnPath(env: Readonly<Record<string, string | undefined>>): Promise<string | undefined> {
  const names = process.platform === 'win32' ? ['docker.exe', 'docker'] : ['docker'];
  for (const dir of (env.PATH ?? env.Path ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = join(dir, name);
      try {
        await access(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** @actions/exec splits its command line on spaces outside double quotes. */
function quoteCommand(path: string): string {
  return `"${path.replaceAll('"', '\\"')}"`;
}

function definedOnly(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** The line of the CLI's error output that explains it: the one matching `pattern`, else the first. */
function quotedLine(text: string, pattern?: RegExp): string {
  const lines = text
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  const line = lines.find((part) => pattern?.test(part)) ?? lines[0];
  return line === undefined ? 'it printed nothing' : line.slice(0, MAX_QUOTED_CHARS);
}
