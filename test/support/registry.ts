/**
 * The local testbed: a real registry (distribution's `docker-registry`, no Docker needed) on a random
 * loopback port, images built with umoci and pushed with skopeo. Every test that needs a registry
 * starts its own and stops it.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { access, constants, mkdir, mkdtemp, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import type { Platform } from '../../src/model/evidence.js';

export interface TestRegistry {
  /** `127.0.0.1:PORT`, as it appears in image references. */
  host: string;
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** Set when started with `auth: true`. */
  username?: string;
  password?: string;
  stop(): Promise<void>;
}

const TESTBED_TOOLS: Record<string, string> = {
  'docker-registry': 'docker-registry',
  skopeo: 'skopeo',
  umoci: 'umoci',
  htpasswd: 'apache2-utils',
};
const PORT_ATTEMPTS = 5;
const STARTUP_TIMEOUT_MS = 10_000;

/** Fails with the Debian packages to install when a testbed binary is not on PATH. */
export async function requireTestbedTools(): Promise<void> {
  const missing: string[] = [];
  for (const [binary, pkg] of Object.entries(TESTBED_TOOLS)) {
    if (!(await isOnPath(binary))) missing.push(`${binary} (package ${pkg})`);
  }
  if (missing.length > 0) {
    throw new Error(
      `the integration tests need ${missing.join(', ')}; install them with: apt-get install -y docker-registry skopeo umoci apache2-utils`,
    );
  }
}

export async function startRegistry(options: { auth?: boolean } = {}): Promise<TestRegistry> {
  const dir = await mkdtemp(join(tmpdir(), 'scg-registry-'));
  try {
    const credentials = options.auth
      ? { username: 'tester', password: `pw-${randomBytes(12).toString('hex')}` }
      : undefined;
    if (credentials) {
      const { stdout } = await run('htpasswd', ['-Bbn', credentials.username, credentials.password]);
      await writeFile(join(dir, 'htpasswd'), stdout.trim() + '\n');
    }
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const started = await tryStartRegistry(dir, port, credentials !== undefined);
      if (started.ok) {
        const { child } = started;
        return {
          host: `127.0.0.1:${port}`,
          url: `http://127.0.0.1:${port}`,
          ...credentials,
          stop: async () => {
            await stopProcess(child);
            await rm(dir, { recursive: true, force: true });
          },
        };
      }
      // Another process took the port between our probe and the registry's bind: pick another.
      if (!started.portTaken || attempt === PORT_ATTEMPTS) throw new Error(started.reason);
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Builds a small OCI layout with umoci: one layer holding `files` (path → content) when given,
 * and the user, env and labels set in the config. The caller removes `layoutDir`.
 */
export async function buildImage(
  options: {
    user?: string;
    env?: string[];
    labels?: Record<string, string>;
    files?: Record<string, string>;
    tag?: string;
  } = {},
): Promise<{ layoutDir: string; tag: string }> {
  const tag = options.tag ?? 'test';
  return inNewLayout(async (layoutDir) => {
    const image = `${layoutDir}:${tag}`;
    await run('umoci', ['new', '--image', image]);

    if (options.files && Object.keys(options.files).length > 0) {
      const rootfs = await mkdtemp(join(tmpdir(), 'scg-rootfs-'));
      try {
        for (const [path, content] of Object.entries(options.files)) {
          const target = join(rootfs, path);
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, content);
        }
        await run('umoci', ['insert', '--image', image, rootfs, '/']);
      } finally {
        await rm(rootfs, { recursive: true, force: true });
      }
    }

    const configFlags = [
      ...(options.user === undefined ? [] : [`--config.user=${options.user}`]),
      ...(options.env ?? []).map((entry) => `--config.env=${entry}`),
      ...Object.entries(options.labels ?? {}).map(([key, value]) => `--config.label=${key}=${value}`),
    ];
    if (configFlags.length > 0) await run('umoci', ['config', '--image', image, ...configFlags]);
    return { layoutDir, tag };
  });
}

/**
 * A layout whose `tag` names an OCI index with one small image per platform, as buildx writes a
 * multi-platform build. Each image carries the label `platform=os/arch[/variant]` so a test can
 * tell which one was read. umoci cannot write indexes, so the index is written here by hand.
 */
export async function buildMultiPlatformImage(
  platforms: Platform[],
  tag = 'multi',
): Promise<{ layoutDir: string; tag: string; indexDigest: string }> {
  return inNewLayout(async (layoutDir) => {
    const manifests: Array<Record<string, unknown>> = [];
    for (const [position, platform] of platforms.entries()) {
      const image = `${layoutDir}:platform-${position}`;
      const name = [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
      await run('umoci', ['new', '--image', image]);
      await run('umoci', [
        'config',
        '--image',
        image,
        '--os',
        platform.os,
        '--architecture',
        platform.architecture,
        `--config.label=platform=${name}`,
      ]);
      const [descriptor] = await readIndexManifests(layoutDir, `platform-${position}`);
      if (!descriptor) throw new Error(`umoci wrote no manifest for platform-${position} in ${layoutDir}`);
      const { mediaType, digest, size } = descriptor;
      manifests.push({ mediaType, digest, size, platform });
    }
    const index = Buffer.from(
      JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests }),
    );
    const indexDigest = await writeBlob(layoutDir, index);
    await writeFile(
      join(layoutDir, 'index.json'),
      JSON.stringify({
        schemaVersion: 2,
        manifests: [
          {
            mediaType: 'application/vnd.oci.image.index.v1+json',
            digest: indexDigest,
            size: index.byteLength,
            annotations: { 'org.opencontainers.image.ref.name': tag },
          },
        ],
      }),
    );
    return { layoutDir, tag, indexDigest };
  });
}

export interface LayoutDescriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
}

/** Stores `bytes` as a blob of the layout and returns its digest. */
export async function writeBlob(layoutDir: string, bytes: Uint8Array): Promise<string> {
  const hex = createHash('sha256').update(bytes).digest('hex');
  await writeFile(join(layoutDir, 'blobs', 'sha256', hex), bytes);
  return `sha256:${hex}`;
}

/** The descriptors in the layout's index.json, optionally only those carrying `tag`. */
export async function readIndexManifests(layoutDir: string, tag?: string): Promise<LayoutDescriptor[]> {
  const index = JSON.parse(await readFile(join(layoutDir, 'index.json'), 'utf8')) as {
    manifests: LayoutDescriptor[];
  };
  return index.manifests.filter(
    (entry) => tag === undefined || entry.annotations?.['org.opencontainers.image.ref.name'] === tag,
  );
}

/** Pushes `layoutDir:tag` (all platforms, if it is an index) and returns the manifest digest skopeo wrote. */
export async function pushImage(
  layoutDir: string,
  tag: string,
  registry: TestRegistry,
  repository: string,
  destTag: string,
): Promise<string> {
  const digestDir = await mkdtemp(join(tmpdir(), 'scg-digest-'));
  try {
    const digestFile = join(digestDir, 'digest');
    const creds =
      registry.username === undefined
        ? []
        : ['--dest-creds', `${registry.username}:${registry.password ?? ''}`];
    await run('skopeo', [
      // Machines without /etc/containers/policy.json would otherwise refuse every copy.
      '--insecure-policy',
      'copy',
      '--all',
      '--dest-tls-verify=false',
      ...creds,
      '--digestfile',
      digestFile,
      `oci:${layoutDir}:${tag}`,
      `docker://${registry.host}/${repository}:${destTag}`,
    ]);
    return (await readFile(digestFile, 'utf8')).trim();
  } finally {
    await rm(digestDir, { recursive: true, force: true });
  }
}

/** Runs `build` on a new empty layout in a fresh temp path, removing it if the build fails. */
async function inNewLayout<T>(build: (layoutDir: string) => Promise<T>): Promise<T> {
  const layoutDir = await mkdtemp(join(tmpdir(), 'scg-layout-'));
  // umoci init refuses a directory that exists; the unique name is ours either way.
  await rmdir(layoutDir);
  try {
    await run('umoci', ['init', '--layout', layoutDir]);
    return await build(layoutDir);
  } catch (error) {
    await rm(layoutDir, { recursive: true, force: true });
    throw error;
  }
}

type StartResult = { ok: true; child: ChildProcess } | { ok: false; portTaken: boolean; reason: string };

async function tryStartRegistry(dir: string, port: number, auth: boolean): Promise<StartResult> {
  const configPath = join(dir, `config-${port}.yml`);
  await writeFile(configPath, registryConfig(dir, port, auth));
  const child = spawn('docker-registry', ['serve', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited = false;
  child.once('exit', () => (exited = true));

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited || child.exitCode !== null) {
      return {
        ok: false,
        portTaken: /address already in use/i.test(output),
        reason: `docker-registry exited while starting: ${output.trim()}`,
      };
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/v2/`, { signal: AbortSignal.timeout(1000) });
      await response.body?.cancel();
      if (response.status === 200 || response.status === 401) return { ok: true, child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await stopProcess(child);
  return {
    ok: false,
    portTaken: false,
    reason: `docker-registry did not answer on port ${port}: ${output.trim()}`,
  };
}

function registryConfig(dir: string, port: number, auth: boolean): string {
  const lines = [
    'version: 0.1',
    'log:',
    '  level: error',
    '  accesslog:',
    '    disabled: true',
    'http:',
    `  addr: 127.0.0.1:${port}`,
    `  secret: ${randomBytes(16).toString('hex')}`,
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${join(dir, 'storage')}`,
    '  delete:',
    '    enabled: true',
    '  maintenance:',
    '    uploadpurging:',
    '      enabled: false',
  ];
  if (auth) {
    lines.push('auth:', '  htpasswd:', '    realm: testbed', `    path: ${join(dir, 'htpasswd')}`);
  }
  return lines.join('\n') + '\n';
}

/** A port that was free a moment ago; the caller retries if it is taken before it binds. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

function run(command: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
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
