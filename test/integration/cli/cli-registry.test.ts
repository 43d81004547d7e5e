/**
 * `supply-chain-gate check` end to end on the testbed: a registry with htpasswd auth holding a
 * signed single-platform image and a multi-platform index, and the GitHub stand-in for the
 * attestations API. The JSON report lists every signature and attestation by source, gates each
 * platform, and carries the request statistics; registry trouble exits 2 and says what to do.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCaptured } from '../../support/cli.js';
import { fixturePath } from '../../support/fixtures.js';
import { startGitHubApi, type GitHubApiStandIn } from '../../support/github-api.js';
import {
  buildImage,
  buildMultiPlatformImage,
  pushImage,
  requireTestbedTools,
  startRegistry,
  type TestRegistry,
} from '../../support/registry.js';
import { attachCosignManifest, attachWithSigstoreOci, sha256 } from '../../support/registry-push.js';

let registry: TestRegistry;
let github: GitHubApiStandIn;
let dir: string;
let appDigest: string;
let multiDigest: string;
const cleanup: string[] = [];
const bundle = readFileSync(
  fixturePath('third-party/sigstore-rs/kubewarden-controller-v1.34.0.cosign-sign-v1.sigstore.json'),
);
const signature = readFileSync(
  fixturePath('third-party/containers-image-cosign/dir-img-cosign-fulcio-rekor-valid/signature-1.payload'),
);

beforeAll(async () => {
  await requireTestbedTools();
  [registry, github] = await Promise.all([startRegistry({ auth: true }), startGitHubApi()]);
  dir = await mkdtemp(join(tmpdir(), 'scg-cli-registry-'));
  const [app, multi] = await Promise.all([
    buildImage({ user: '1000', tag: 'v1' }),
    buildMultiPlatformImage([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
    ]),
  ]);
  cleanup.push(app.layoutDir, multi.layoutDir);
  [appDigest, multiDigest] = await Promise.all([
    pushImage(app.layoutDir, app.tag, registry, 'acme/app', 'v1'),
    pushImage(multi.layoutDir, multi.tag, registry, 'acme/multi', 'v1'),
  ]);
  await attachWithSigstoreOci(registry, [
    {
      imageName: `${registry.host}/acme/app`,
      imageDigest: appDigest,
      artifact: bundle,
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    },
  ]);
  await attachCosignManifest(registry, 'acme/app', appDigest, '.sig', [
    { mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json', payload: signature, annotations: {} },
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([registry?.stop(), github?.stop()]);
  await Promise.all([dir, ...cleanup].map((path) => path && rm(path, { recursive: true, force: true })));
});

afterEach(() => {
  expect(github.violations).toEqual([]);
});

/** The CLI as a user runs it, with the registry's credentials and no docker config of this machine. */
async function check(args: string[], env: Record<string, string> = {}) {
  const json = join(dir, `report-${Math.random().toString(36).slice(2)}.json`);
  const run = await runCliCaptured(['check', ...args, '--json', json, '--quiet'], {
    cwd: dir,
    env: {
      DOCKER_CONFIG: join(dir, 'no-docker-config'),
      REGISTRY_USERNAME: registry.username ?? '',
      REGISTRY_PASSWORD: registry.password ?? '',
      ...env,
    },
  });
  const report = await readFile(json, 'utf8').then(
    (text) => JSON.parse(text) as Record<string, any>, // eslint-disable-line @typescript-eslint/no-explicit-any
    () => undefined,
  );
  return { ...run, report };
}

describe('supply-chain-gate check on a registry', () => {
  it('lists every signature and attestation by source, with the request statistics', async () => {
    const { report, stderr } = await check(
      [
        '--image',
        `${registry.host}/acme/app:v1`,
        '--github-api',
        github.url,
        '--attestations-repository',
        'acme/app',
      ],
      { GITHUB_TOKEN: github.token },
    );
    expect(stderr).not.toContain('error:');
    expect(report?.image).toMatchObject({ digest: appDigest, resolvedFromTag: 'v1' });
    expect(report?.image.platforms).toEqual([
      expect.objectContaining({ digest: appDigest, user: '1000', layerCount: 0, compressedSize: 0 }),
    ]);
    const manifests = `http://${registry.host}/v2/acme/app/manifests/`;
    expect(report?.discovered).toEqual([
      {
        kind: 'cosign-signature',
        subjectDigest: appDigest,
        source: { kind: 'registry', uri: expect.stringContaining(manifests), digest: sha256(signature) },
      },
      {
        kind: 'sigstore-bundle',
        subjectDigest: appDigest,
        source: { kind: 'registry', uri: expect.stringContaining(manifests), digest: sha256(bundle) },
      },
    ]);
    expect(
      report?.lookups.map((entry: { place: string; outcome: string }) => [entry.place, entry.outcome]),
    ).toEqual([
      ['cosign-signature-tag', 'found'],
      ['cosign-attestation-tag', 'none'],
      ['referrers-api', 'unsupported'],
      ['referrers-tag', 'found'],
      ['github-attestations', 'none'],
    ]);
    expect(report?.stats).toMatchObject({
      requests: expect.any(Number),
      roundTrips: expect.any(Number),
      byHost: { [registry.host]: expect.any(Number), [new URL(github.url).host]: 1 },
    });
    const last = github.requests.at(-1)!;
    expect(last.operation).toBe('GET /repos/{owner}/{repo}/attestations/{subject_digest}');
    // Octokit percent-encodes the digest's colon; GitHub reads both forms alike.
    expect(decodeURIComponent(last.path)).toBe(`/repos/acme/app/attestations/${appDigest}`);
  });

  it('gates every platform of a multi-platform index and says which platform each is', async () => {
    const { report } = await check(['--image', `${registry.host}/acme/multi:v1`]);
    expect(report?.image.digest).toBe(multiDigest);
    expect(report?.image.platforms.map((entry: { platform: unknown }) => entry.platform)).toEqual([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
    ]);
    // Looked up for the index and for each platform manifest.
    expect(new Set(report?.lookups.map((entry: { subjectDigest: string }) => entry.subjectDigest)).size).toBe(
      3,
    );

    const arm = await check(['--image', `${registry.host}/acme/multi:v1`, '--platform', 'linux/arm64']);
    expect(arm.report?.image.platforms).toHaveLength(1);
  });
});

describe('registry trouble exits 2 and says what to do', () => {
  it('names the missing tag', async () => {
    const { code, stdout } = await check(['--image', `${registry.host}/acme/app:nope`]);
    expect(code).toBe(2);
    expect(stdout).toContain(`manifest ${registry.host}/acme/app:nope was not found: check the tag`);
  });

  it('says the registry refused, which credentials were tried, and how to log in', async () => {
    const { code, stdout } = await check(['--image', `${registry.host}/acme/app:v1`], {
      REGISTRY_USERNAME: '',
      REGISTRY_PASSWORD: '',
    });
    expect(code).toBe(2);
    expect(stdout).toContain(`registry ${registry.host} refused to let us pull acme/app`);
    expect(stdout).toContain('credentials tried: none');
    expect(stdout).toContain(`docker login ${registry.host}`);
  });

  it('names the host it could not reach', async () => {
    const port = await closedPort();
    const { code, stdout } = await check(['--image', `127.0.0.1:${port}/acme/app:v1`]);
    expect(code).toBe(2);
    expect(stdout).toContain(`cannot reach 127.0.0.1:${port} (ECONNREFUSED)`);
    expect(stdout).toContain('check the registry host in the image reference');
  });
});

/** A loopback port nobody listens on. */
function closedPort(): Promise<number> {
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
