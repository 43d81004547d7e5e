/**
 * `docker:` images end to end: a Dockerfile build in a real Docker-compatible engine (podman serving
 * the Docker API), read through the machine's Docker CLI, gated with a scan bound to it, then pushed
 * to the testbed registry. The digest the gate reports before the push is the engine's own manifest
 * digest; after it, the registry digest, which the registry agrees with. A missing CLI, an engine
 * that is not running and an unknown image each exit 2 and say what to do.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runCliCaptured } from '../../support/cli.js';
import {
  buildLocalImage,
  requireDockerEngineTools,
  startDockerEngine,
  type TestDockerEngine,
} from '../../support/docker-engine.js';
import { buildImage, requireTestbedTools, startRegistry, type TestRegistry } from '../../support/registry.js';
import { fakeCredentials } from '../../support/images/fake-credentials.js';

let engine: TestDockerEngine;
let registry: TestRegistry;
let dir: string;
let appId: string;
let pushedId: string;

const DOCKERFILE = [
  'FROM scratch',
  'COPY app.txt /app/app.txt',
  'USER 1000',
  'LABEL org.opencontainers.image.source=https://github.com/acme/app',
  '',
].join('\n');

beforeAll(async () => {
  await Promise.all([requireTestbedTools(), requireDockerEngineTools()]);
  [engine, registry] = await Promise.all([startDockerEngine(), startRegistry()]);
  dir = await mkdtemp(join(tmpdir(), 'scg-docker-engine-'));
  // Two images, so pushing one does not change what the engine knows of the other.
  appId = await buildLocalImage(engine, {
    tag: 'localhost/app:pr',
    dockerfile: DOCKERFILE,
    files: { 'app.txt': 'the pull request build\n' },
  });
  pushedId = await buildLocalImage(engine, {
    tag: 'localhost/pushed:pr',
    dockerfile: DOCKERFILE,
    files: { 'app.txt': 'the build that gets pushed\n' },
  });
}, 60_000);

afterAll(async () => {
  await Promise.all([engine?.stop(), registry?.stop()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function check(args: string[], env: Record<string, string> = engine.env) {
  const json = join(dir, `report-${Math.random().toString(36).slice(2)}.json`);
  const run = await runCliCaptured(['check', ...args, '--json', json, '--quiet'], { cwd: dir, env });
  const report = await readFile(json, 'utf8').then(
    (text) => JSON.parse(text) as Record<string, any>, // eslint-disable-line @typescript-eslint/no-explicit-any
    () => undefined,
  );
  return { ...run, report };
}

async function writePolicy(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

/** A report as `trivy image --format json localhost/app:pr` writes it for a local image: ID, no registry digest. */
async function writeTrivyReport(name: string, metadata: { ImageID: string; RepoDigests?: string[] }) {
  const path = join(dir, name);
  await writeFile(
    path,
    JSON.stringify({
      SchemaVersion: 2,
      CreatedAt: new Date().toISOString(),
      ArtifactName: 'localhost/app:pr',
      ArtifactType: 'container_image',
      Metadata: { RepoTags: ['localhost/app:pr'], RepoDigests: [], ...metadata },
      Results: [
        {
          Target: 'app',
          Vulnerabilities: [
            {
              VulnerabilityID: 'CVE-2024-0001',
              PkgName: 'libexample',
              InstalledVersion: '1.0.0',
              FixedVersion: '1.0.1',
              Severity: 'LOW',
              Title: 'A low finding the policy lets through',
            },
          ],
        },
      ],
    }),
  );
  return path;
}

async function repoDigests(reference: string): Promise<string[]> {
  const { stdout } = await engine.docker([
    'image',
    'inspect',
    '--format',
    '{{json .RepoDigests}}',
    reference,
  ]);
  return JSON.parse(stdout) as string[];
}

async function registryDigest(repository: string, tag: string): Promise<string | null> {
  const response = await fetch(`${registry.url}/v2/${repository}/manifests/${tag}`, {
    method: 'HEAD',
    headers: { accept: 'application/vnd.docker.distribution.manifest.v2+json' },
  });
  return response.headers.get('docker-content-digest');
}

describe('a Dockerfile-built image in the local engine', () => {
  it('is gated end to end: its digest, image rules, a scan bound by image ID, and the summary', async () => {
    const policy = await writePolicy(
      'policy.yml',
      'version: 1\nvulnerabilities:\n  fail-on: [critical, high]\n',
    );
    const scan = await writeTrivyReport('trivy.json', { ImageID: appId });
    const { code, stdout, stderr, report } = await check([
      '--image',
      'docker:localhost/app:pr',
      '--policy',
      policy,
      '--scan',
      scan,
    ]);
    expect(stderr).not.toContain('error');
    expect(code).toBe(0);
    // podman keeps a Docker-format build's manifest and lists it under the image's name; the gate,
    // which only saw what docker save wrote, describes the same bytes.
    const [engineManifest] = await repoDigests('localhost/app:pr');
    const savedDigest = engineManifest!.split('@')[1];
    expect(report?.image).toMatchObject({
      name: 'localhost/app',
      digest: savedDigest,
      resolvedFromTag: 'pr',
      source: { kind: 'docker', uri: 'docker:localhost/app:pr', digest: savedDigest },
      local: { engine: 'docker', imageId: appId, savedDigest, savedManifest: 'described' },
    });
    expect(report?.image.platforms).toEqual([
      expect.objectContaining({
        digest: savedDigest,
        platform: { os: 'linux', architecture: expect.any(String) },
        user: '1000',
        layerCount: 1,
      }),
    ]);
    // No registry was asked about an image that is in none.
    expect(report?.lookups).toEqual([]);
    const results = new Map(
      report?.results.map((result: { ruleId: string; status: string }) => [result.ruleId, result.status]),
    );
    expect(results.get('vulnerabilities.scan-binding')).toBe('pass');
    expect(results.get('image.non-root')).toBe('pass');
    expect(stdout).toContain('docker:localhost/app:pr was read from the local Docker engine');
    expect(stdout).toContain(`the subject is ${savedDigest}`);
    expect(stdout).toContain('no registry signature or attestation can exist for it yet');
    expect(stdout).toContain('signatures.required is off');
  });

  it('rejects a scan of another image by its image ID', async () => {
    const scan = await writeTrivyReport('other.json', { ImageID: pushedId });
    const { code, report } = await check(['--image', 'docker:localhost/app:pr', '--scan', scan]);
    expect(code).toBe(1);
    expect(report?.results).toContainEqual(
      expect.objectContaining({
        ruleId: 'vulnerabilities.scan-binding',
        status: 'fail',
        message: expect.stringContaining(`it names image ID ${pushedId}`),
      }),
    );
  });

  it('fails signatures.signed when the policy requires signatures, and the summary says why', async () => {
    const policy = await writePolicy('signed.yml', 'version: 1\nsignatures:\n  required: true\n');
    const scan = await writeTrivyReport('trivy-signed.json', { ImageID: appId });
    const { code, stdout, report } = await check([
      '--image',
      'docker:localhost/app:pr',
      '--policy',
      policy,
      '--scan',
      scan,
    ]);
    expect(code).toBe(1);
    expect(report?.results).toContainEqual(
      expect.objectContaining({ ruleId: 'signatures.signed', status: 'fail' }),
    );
    expect(stdout).toContain(
      `signatures.required is on, so signatures.signed fails: pass a sigstore bundle for ${report?.image.digest}`,
    );
  });

  it('has its layers scanned for credential files like a pushed image', async () => {
    await buildLocalImage(engine, {
      tag: 'localhost/leaky:pr',
      dockerfile: 'FROM scratch\nCOPY credentials /root/.aws/credentials\nUSER 1000\n',
      // A key id in AWS's shape, random: the documented example key (…EXAMPLE) is not reported.
      files: { credentials: `[default]\naws_access_key_id = ${fakeCredentials()['aws-key-id']!.secret}\n` },
    });
    const policy = await writePolicy('layers.yml', 'version: 1\nimage:\n  scan-layers: true\n');
    const { code, report } = await check(['--image', 'docker:localhost/leaky:pr', '--policy', policy]);
    expect(code).toBe(1);
    expect(report?.results).toContainEqual(
      expect.objectContaining({
        ruleId: 'image.secret-files',
        status: 'fail',
        message: expect.stringContaining('root/.aws/credentials:2 in layer'),
      }),
    );
  });

  it('is the same image named by its image ID', async () => {
    const byName = await check(['--image', 'docker:localhost/app:pr']);
    const byId = await check(['--image', `docker:${appId}`]);
    expect(byId.report?.image).toMatchObject({
      name: `docker:${appId}`,
      digest: byName.report?.image.digest,
      local: { imageId: appId },
    });
  });
});

describe('a local image that was pushed', () => {
  it('is gated by the registry digest the engine recorded, which the registry agrees with', async () => {
    const remote = `${registry.host}/acme/pushed:pr`;
    await engine.docker(['tag', 'localhost/pushed:pr', remote]);
    // The push compresses the layers, so the registry manifest is not the one the engine kept.
    await engine.docker(['push', remote]);
    // Docker records the pushed digest in RepoDigests; podman does so once it pulls it back.
    await engine.docker(['pull', remote]);
    const pushed = await registryDigest('acme/pushed', 'pr');
    expect(pushed).toMatch(/^sha256:[a-f0-9]{64}$/);

    const scan = await writeTrivyReport('pushed.json', {
      ImageID: pushedId,
      RepoDigests: [`${registry.host}/acme/pushed@${pushed}`],
    });
    const local = await check(['--image', `docker:${remote}`, '--scan', scan]);
    expect(local.code).toBe(0);
    expect(local.report?.image).toMatchObject({
      name: `${registry.host}/acme/pushed`,
      digest: pushed,
      local: {
        imageId: pushedId,
        registryDigest: { repository: `${registry.host}/acme/pushed`, digest: pushed },
      },
    });
    expect(local.report?.image.local.savedDigest).not.toBe(pushed);
    expect(local.stdout).toContain(`records it in ${registry.host}/acme/pushed as ${pushed} (RepoDigests)`);

    // The same image read from the registry: same digest, same config (the image ID).
    const fromRegistry = await check(['--image', remote, '--scan', scan]);
    expect(fromRegistry.report?.image.digest).toBe(pushed);
    expect(fromRegistry.report?.results).toContainEqual(
      expect.objectContaining({ ruleId: 'vulnerabilities.scan-binding', status: 'pass' }),
    );

    // The digest the build step would output can be given as the digest input.
    const withDigest = await check(['--image', `docker:${remote}`, '--digest', pushed!]);
    expect(withDigest.report?.image.digest).toBe(pushed);
    const wrong = await check(['--image', `docker:${remote}`, '--digest', `sha256:${'0'.repeat(64)}`]);
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toContain('is not the local image');
  });
});

describe('an OCI archive', () => {
  it('is read like the layout it packs', async () => {
    const image = await buildImage({ user: '1000', tag: 'v1', files: { 'etc/app.conf': 'x=1\n' } });
    try {
      const archive = join(dir, 'image.oci.tar');
      await promisify(execFile)('tar', ['-cf', archive, '-C', image.layoutDir, '.']);
      const fromArchive = await check(['--image', `oci-archive:${archive}:v1`]);
      const fromLayout = await check(['--image', `oci:${image.layoutDir}:v1`]);
      expect(fromArchive.code).toBe(fromLayout.code);
      expect(fromArchive.report?.image).toMatchObject({
        name: `oci-archive:${archive}`,
        digest: fromLayout.report?.image.digest,
        source: { kind: 'oci-layout', uri: `oci-archive:${archive}` },
      });
    } finally {
      await rm(image.layoutDir, { recursive: true, force: true });
    }
  });

  it('says what to do with a docker save archive that is not one', async () => {
    const archive = join(dir, 'docker-save.tar');
    await engine.docker(['save', '--output', archive, 'localhost/app:pr']);
    const { code, stdout } = await check(['--image', `oci-archive:${archive}`]);
    expect(code).toBe(2);
    expect(stdout).toContain('holds no oci-layout file, so it is not an OCI archive');
    expect(stdout).toContain('load it into the engine and gate it as docker:NAME');
  });
});

describe('local engine trouble exits 2 and says what to do', () => {
  it('names the missing docker CLI', async () => {
    const { code, stdout } = await check(['--image', 'docker:localhost/app:pr'], {
      ...engine.env,
      PATH: join(dir, 'no-such-dir'),
    });
    expect(code).toBe(2);
    expect(stdout).toContain('the docker CLI is not on PATH');
    expect(stdout).toContain('install Docker');
  });

  it('says the engine is not running and how to point at one', async () => {
    const { code, stdout } = await check(['--image', 'docker:localhost/app:pr'], {
      ...engine.env,
      DOCKER_HOST: `unix://${join(dir, 'no-engine.sock')}`,
    });
    expect(code).toBe(2);
    expect(stdout).toContain(
      'the docker CLI cannot reach a Docker engine (Cannot connect to the Docker daemon',
    );
    expect(stdout).toContain('start Docker or point DOCKER\\_HOST at its socket');
  });

  it('names the unknown image and how to build it into the engine', async () => {
    const { code, stdout } = await check(['--image', 'docker:localhost/app:missing']);
    expect(code).toBe(2);
    expect(stdout).toContain('the Docker engine has no image "localhost/app:missing"');
    expect(stdout).toContain('load: true');
  });
});
