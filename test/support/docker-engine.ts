/**
 * A Docker-compatible engine for tests: Debian's podman serving the Docker API on a unix socket in
 * a temp dir (`podman system service`), with vfs storage, run and tmp dirs of its own, and plain
 * HTTP allowed to registries on 127.0.0.1. The machine's Docker CLI talks to it through
 * DOCKER_HOST, so `docker build`, `image inspect`, `save`, `push` and `pull` are the real ones.
 * Every test file that needs an engine starts its own and stops it.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { access, constants, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

export interface TestDockerEngine {
  /** The Docker CLI's environment, for the tests' own commands and for the gate: PATH, DOCKER_HOST, DOCKER_CONFIG. */
  env: Record<string, string>;
  /** A scratch directory removed with the engine. */
  dir: string;
  docker(args: string[]): Promise<{ stdout: string; stderr: string }>;
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 20_000;

/** Fails with what to install when podman or Docker's CLI is not on PATH. */
export async function requireDockerEngineTools(): Promise<void> {
  const missing: string[] = [];
  if (!(await isOnPath('podman'))) missing.push('podman (apt-get install -y podman)');
  if (!(await isOnPath('docker'))) {
    missing.push("Docker's CLI, docker (Docker's docker-ce-cli package, or Debian's docker.io)");
  }
  if (missing.length > 0) {
    throw new Error(
      `the local engine tests need ${missing.join(' and ')}; scripts/test-all.sh installs podman when run as root`,
    );
  }
}

export async function startDockerEngine(): Promise<TestDockerEngine> {
  const dir = await mkdtemp(join(tmpdir(), 'scg-engine-'));
  try {
    const socket = join(dir, 'podman.sock');
    const configs = await writePodmanConfigs(dir);
    const child = spawn('podman', ['system', 'service', '--time=0', `unix://${socket}`], {
      env: { PATH: process.env.PATH ?? '', HOME: dir, TMPDIR: join(dir, 'tmp'), ...configs },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-4000));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    await waitForPing(socket, child, () => output);

    const env = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      DOCKER_HOST: `unix://${socket}`,
      // No contexts, credentials or plugins of this machine's user.
      DOCKER_CONFIG: join(dir, 'docker-config'),
      // podman serves the classic build API; BuildKit (buildx) would need its own builder.
      DOCKER_BUILDKIT: '0',
    };
    await mkdir(env.DOCKER_CONFIG);
    return {
      env,
      dir,
      docker: (args) => run('docker', args, env),
      stop: async () => {
        await stopProcess(child);
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * `docker build -t TAG` of a context holding `files` and the Dockerfile, through the engine.
 * Returns the image ID the engine gives it.
 */
export async function buildLocalImage(
  engine: TestDockerEngine,
  options: { tag: string; dockerfile: string; files: Record<string, string> },
): Promise<string> {
  const context = await mkdtemp(join(engine.dir, 'context-'));
  try {
    await writeFile(join(context, 'Dockerfile'), options.dockerfile);
    for (const [path, content] of Object.entries(options.files)) {
      await mkdir(dirname(join(context, path)), { recursive: true });
      await writeFile(join(context, path), content);
    }
    await engine.docker(['build', '--tag', options.tag, context]);
    const { stdout } = await engine.docker(['image', 'inspect', '--format', '{{.Id}}', options.tag]);
    return stdout.trim();
  } finally {
    await rm(context, { recursive: true, force: true });
  }
}

/** storage.conf (vfs), registries.conf and containers.conf in `dir`, as the environment that names them. */
async function writePodmanConfigs(dir: string): Promise<Record<string, string>> {
  await mkdir(join(dir, 'tmp'));
  const storage = join(dir, 'storage.conf');
  const registries = join(dir, 'registries.conf');
  const containers = join(dir, 'containers.conf');
  await writeFile(
    storage,
    [
      '[storage]',
      'driver = "vfs"',
      `runroot = "${join(dir, 'run')}"`,
      `graphroot = "${join(dir, 'graph')}"`,
      '',
    ].join('\n'),
  );
  // No search registries: nothing may reach out for a short name. Loopback registries speak HTTP.
  await writeFile(
    registries,
    [
      'unqualified-search-registries = []',
      '',
      '[[registry]]',
      'location = "127.0.0.1"',
      'insecure = true',
      '',
    ].join('\n'),
  );
  await writeFile(
    containers,
    ['[engine]', `tmp_dir = "${join(dir, 'libpod-tmp')}"`, 'events_logger = "file"', ''].join('\n'),
  );
  return {
    CONTAINERS_STORAGE_CONF: storage,
    CONTAINERS_REGISTRIES_CONF: registries,
    CONTAINERS_CONF: containers,
  };
}

async function waitForPing(socket: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`podman system service exited while starting: ${output().trim()}`);
    }
    if (await ping(socket)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await stopProcess(child);
  throw new Error(`podman system service did not answer on ${socket}: ${output().trim()}`);
}

function ping(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath: socket, path: '/_ping', timeout: 1000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function run(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { encoding: 'utf8', env, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${stderr.trim() || error.message}`));
      else resolve({ stdout, stderr });
    });
  });
}

async function isOnPath(binary: string): Promise<boolean> {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      await access(join(dir, binary), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}
