/**
 * BuildKit's attestations and SBOMs end to end through `check`: OCI layouts laid out as BuildKit
 * writes them (test/support/buildkit-layout.ts), carrying real SBOMs (spdx-examples, Trivy's), a
 * signature over the index made with the policy's key, and SBOM files given with --sbom.
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addBuildKitAttestations, type StatementSpec } from '../../support/images/buildkit-layout.js';
import { runCliCaptured } from '../../support/cli.js';
import { fixturePath } from '../../support/fixtures.js';
import { startGitHubApi } from '../../support/github-api.js';
import { buildMultiPlatformImage, requireTestbedTools } from '../../support/registry.js';

const SPDX = 'https://spdx.dev/Document';
const k8sSbom = JSON.parse(
  readFileSync(fixturePath('third-party/spdx-examples/example11-k8s-bom-sbom.spdx.json'), 'utf8'),
);
const centosSbom = JSON.parse(readFileSync(fixturePath('third-party/trivy/sbom/centos-7-spdx.json'), 'utf8'));

/** SLSA v0.2 as BuildKit writes it with mode=max: the frontend and the stages' images as materials. */
function provenanceV02(platform: string): StatementSpec {
  return {
    predicateType: 'https://slsa.dev/provenance/v0.2',
    predicate: {
      builder: { id: '' },
      buildType: 'https://mobyproject.org/buildkit@v1',
      materials: [
        { uri: 'pkg:docker/docker/dockerfile@1', digest: { sha256: 'a'.repeat(64) } },
        {
          uri: `pkg:docker/alpine@3.20?platform=${encodeURIComponent(platform)}`,
          digest: { sha256: 'b'.repeat(64) },
        },
      ],
      invocation: { configSource: { entryPoint: 'Dockerfile' }, parameters: { frontend: 'dockerfile.v0' } },
      metadata: {
        buildInvocationID: 'build-1',
        completeness: { parameters: true, environment: true, materials: false },
      },
    },
  };
}

/** SLSA v1 as BuildKit writes it with version=v1. */
function provenanceV1(platform: string): StatementSpec {
  return {
    predicateType: 'https://slsa.dev/provenance/v1',
    statementType: 'https://in-toto.io/Statement/v1',
    predicate: {
      buildDefinition: {
        buildType: 'https://github.com/moby/buildkit/blob/master/docs/attestations/slsa-definitions.md',
        externalParameters: { configSource: { path: 'Dockerfile' }, request: { frontend: 'dockerfile.v0' } },
        resolvedDependencies: [
          {
            uri: `pkg:docker/alpine@3.20?platform=${encodeURIComponent(platform)}`,
            digest: { sha256: 'c'.repeat(64) },
          },
        ],
      },
      runDetails: { builder: { id: '' }, metadata: { invocationID: 'build-2' } },
    },
  };
}

interface Report {
  results: Array<{
    ruleId: string;
    status: string;
    title: string;
    message: string;
    packages?: Array<Record<string, unknown>>;
  }>;
  lookups?: Array<{ place: string; subjectDigest: string; skipped: Array<{ reason: string }> }>;
  buildkitAttestations?: Array<{ platformDigest: string; predicateType: string }>;
  sboms?: Array<{ format: string; packageCount: number; origin: { kind: string } }>;
  errors: string[];
}

describe('BuildKit attestations and SBOMs', () => {
  let workspace: string;
  let layouts: string[] = [];
  const key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  /** The index built with an attestation manifest per platform, and its bytes. */
  let signedLayout: { dir: string; indexBytes: Buffer; platformDigests: string[] };

  beforeAll(async () => {
    await requireTestbedTools();
    workspace = mkdtempSync(join(tmpdir(), 'scg-buildkit-'));
    writeFileSync(join(workspace, 'ci.pub'), key.publicKey.export({ type: 'spki', format: 'pem' }));
    const built = await buildMultiPlatformImage(
      [
        { os: 'linux', architecture: 'amd64' },
        { os: 'linux', architecture: 'arm64', variant: 'v8' },
      ],
      'v1',
    );
    layouts.push(built.layoutDir);
    const added = await addBuildKitAttestations(built.layoutDir, 'v1', [
      {
        platform: 0,
        statements: [{ predicateType: SPDX, predicate: k8sSbom }, provenanceV02('linux/amd64')],
      },
      {
        platform: 1,
        statements: [{ predicateType: SPDX, predicate: centosSbom }, provenanceV1('linux/arm64/v8')],
      },
    ]);
    cpSync(built.layoutDir, join(workspace, 'app'), { recursive: true });
    signedLayout = { dir: 'app', indexBytes: added.indexBytes, platformDigests: added.platformDigests };
  });

  afterAll(() => {
    rmSync(workspace, { recursive: true, force: true });
    for (const dir of layouts) rmSync(dir, { recursive: true, force: true });
    layouts = [];
  });

  /** A key-signed v0.3 bundle over `bytes` (a message signature, as `cosign sign --key` makes for a digest). */
  function indexSignature(bytes: Buffer): unknown {
    return {
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      verificationMaterial: { publicKey: { hint: 'ci-key' }, tlogEntries: [] },
      messageSignature: {
        messageDigest: { algorithm: 'SHA2_256', digest: createHash('sha256').update(bytes).digest('base64') },
        signature: sign('sha256', bytes, key.privateKey).toString('base64'),
      },
    };
  }

  async function check(
    policy: string[],
    extra: string[] = [],
    image = 'oci:app:v1',
    env: NodeJS.ProcessEnv = {},
  ) {
    writeFileSync(
      join(workspace, 'policy.yml'),
      [
        'version: 1',
        'vulnerabilities: { require-scan: false }',
        ...(policy.some((line) => line.startsWith('image:')) ? [] : ['image: { non-root: false }']),
        'signatures:',
        '  transparency-log: optional',
        '  keys: [{ name: ci-key, path: ci.pub }]',
        ...policy,
        '',
      ].join('\n'),
    );
    const run = await runCliCaptured(
      [
        'check',
        '--image',
        image,
        '--policy',
        'policy.yml',
        '--json',
        'report.json',
        '--markdown',
        'summary.md',
        '-q',
        ...extra,
      ],
      { cwd: workspace, env },
    );
    const report = JSON.parse(readFileSync(join(workspace, 'report.json'), 'utf8')) as Report;
    const markdown = readFileSync(join(workspace, 'summary.md'), 'utf8');
    const rule = (id: string) => report.results.find((result) => result.ruleId === id);
    return { run, report, markdown, rule };
  }

  function signIndex(): string[] {
    writeFileSync(
      join(workspace, 'index.sigstore.json'),
      JSON.stringify(indexSignature(signedLayout.indexBytes)),
    );
    return ['--bundle', 'index.sigstore.json'];
  }

  it('binds one attestation manifest per platform to its image', async () => {
    const { report, markdown } = await check([]);
    // The summary's evidence names each statement and SBOM, and where it came from.
    expect(markdown).toContain('- BuildKit SBOM `https://spdx.dev/Document` for `linux/arm64/v8`');
    expect(markdown).toMatch(
      /- SBOM `.+ \(layer sha256:[0-9a-f]{64}\)` \(SPDX 2\.2, by trivy-dev, buildkit\): 4 package\(s\)/,
    );
    const bound = report.buildkitAttestations ?? [];
    expect(bound).toHaveLength(4);
    for (const digest of signedLayout.platformDigests) {
      expect(
        bound
          .filter((a) => a.platformDigest === digest)
          .map((a) => a.predicateType)
          .sort(),
      ).toEqual(expect.arrayContaining([SPDX]));
    }
    expect(bound.map((a) => a.predicateType).sort()).toEqual([
      'https://slsa.dev/provenance/v0.2',
      'https://slsa.dev/provenance/v1',
      SPDX,
      SPDX,
    ]);
    expect(report.sboms?.map((s) => [s.format, s.packageCount, s.origin.kind])).toEqual([
      ['spdx', 4, 'buildkit'],
      ['spdx', 4, 'buildkit'],
    ]);
  });

  it('trusts SBOMs and provenance through the signed index', async () => {
    const { rule } = await check(
      [
        'sbom: { required: true }',
        'provenance:',
        '  required: true',
        '  predicate-types: [https://slsa.dev/provenance/v0.2, https://slsa.dev/provenance/v1]',
      ],
      signIndex(),
    );
    expect(rule('sbom.required')).toMatchObject({ status: 'pass' });
    expect(rule('sbom.required')?.message).toContain('attested through the signed index (key ci-key)');
    expect(rule('provenance.verified')).toMatchObject({ status: 'pass' });
    expect(rule('provenance.verified')?.message).toContain('linux/amd64, linux/arm64/v8');
    expect(rule('provenance.verified')?.message).toContain('attested through the signed index (key ci-key)');
  });

  it('does not trust them from an unsigned index unless the policy accepts unsigned SBOMs', async () => {
    const strict = await check([
      'sbom: { required: true }',
      'provenance: { required: true, predicate-types: [https://slsa.dev/provenance/v0.2] }',
    ]);
    expect(strict.rule('sbom.required')).toMatchObject({
      status: 'fail',
      title: 'No SBOM the policy trusts',
    });
    expect(strict.rule('sbom.required')?.message).toContain('unsigned registry content');
    expect(strict.rule('provenance.verified')).toMatchObject({
      status: 'fail',
      title: 'Only unsigned BuildKit provenance',
    });

    const lenient = await check([
      'sbom: { required: true, accept-unsigned: true }',
      'provenance: { required: true, predicate-types: [https://slsa.dev/provenance/v0.2] }',
    ]);
    expect(lenient.rule('sbom.required')).toMatchObject({ status: 'pass' });
    expect(lenient.rule('sbom.required')?.message).toContain('accepted by sbom.accept-unsigned');
    // Unsigned provenance is never enough.
    expect(lenient.rule('provenance.verified')).toMatchObject({ status: 'fail' });
  });

  it('reads base images from BuildKit provenance materials only under the same trust', async () => {
    const policy = [
      'image:',
      '  non-root: false',
      '  base-images: { allow: ["docker.io/library/alpine:*"], unknown: fail }',
    ];
    const unsigned = await check(policy.slice(0));
    const [amd] = unsigned.report.results.filter((r) => r.ruleId === 'image.base-images');
    expect(amd).toMatchObject({ status: 'fail', title: 'Base image unknown (linux/amd64)' });
    expect(amd?.message).toContain('unsigned registry content');

    const signed = await check(policy, signIndex());
    const bases = signed.report.results.filter((r) => r.ruleId === 'image.base-images');
    expect(bases).toHaveLength(2);
    for (const base of bases) {
      expect(base.status).toBe('pass');
      // The Dockerfile frontend is not a base image.
      expect(base.message).toContain('Built on docker.io/library/alpine:3.20 (BuildKit provenance');
    }
  });

  it('fails sbom.licenses and sbom.deny-packages naming the packages, their versions, licenses and SBOM', async () => {
    const { rule } = await check(
      [
        'sbom:',
        '  licenses: { allow: [MIT, Apache-2.0, BSD-3-Clause], unknown: warn }',
        '  deny-packages: ["pkg:cargo/tokio@1.19.*", "pkg:npm/event-stream@3.3.6"]',
      ],
      signIndex(),
    );
    const licenses = rule('sbom.licenses')!;
    expect(licenses.status).toBe('fail');
    expect(licenses.message).toContain(
      'openssl-libs@1:1.0.2k-19.el7 (license "OpenSSL"; not satisfied by the allowed licenses) from BuildKit SPDX 2.2 attestation',
    );
    expect(licenses.message).toContain('bash@4.2.46 (license "GPLv3+"; not an SPDX license expression)');
    expect(licenses.packages?.map((p) => p.name)).toEqual(expect.arrayContaining(['openssl-libs', 'bash']));
    // MIT OR Apache-2.0 is satisfied by the allowed licenses.
    expect(licenses.message).not.toContain('pretty_env_logger');

    const denied = rule('sbom.deny-packages')!;
    expect(denied.status).toBe('fail');
    expect(denied.message).toContain(
      'tokio@1.19.2 (license "MIT"; denied by pkg:cargo/tokio@1.19.*) from BuildKit SPDX 2.3 attestation',
    );
  });

  it('applies exceptions naming a package', async () => {
    const { rule } = await check(
      [
        'sbom:',
        '  deny-packages: ["pkg:cargo/tokio@1.19.*"]',
        'exceptions:',
        '  - { rule: sbom.deny-packages, package: tokio, reason: "replaced next sprint" }',
      ],
      signIndex(),
    );
    expect(rule('sbom.deny-packages')).toMatchObject({ status: 'pass' });
    expect(rule('sbom.deny-packages')?.message).toContain('accepted by exception');
  });

  it('ignores a statement about another image, with the reason in the lookups', async () => {
    const built = await buildMultiPlatformImage([{ os: 'linux', architecture: 'amd64' }], 'mismatch');
    layouts.push(built.layoutDir);
    const other = `sha256:${createHash('sha256').update('another image').digest('hex')}`;
    await addBuildKitAttestations(built.layoutDir, 'mismatch', [
      { platform: 0, statements: [{ predicateType: SPDX, predicate: k8sSbom, subjectDigest: other }] },
    ]);
    cpSync(built.layoutDir, join(workspace, 'mismatch'), { recursive: true });
    const { report, rule } = await check(
      ['sbom: { required: true, accept-unsigned: true }'],
      [],
      'oci:mismatch:mismatch',
    );
    expect(report.buildkitAttestations ?? []).toHaveLength(0);
    const lookup = report.lookups?.find((l) => l.place === 'buildkit-attestations');
    expect(lookup?.skipped[0]?.reason).toContain(`the statement is about ${other}`);
    expect(lookup?.skipped[0]?.reason).toContain('subject mismatch');
    expect(rule('sbom.required')).toMatchObject({ status: 'fail', title: 'No SBOM' });
    expect(rule('sbom.required')?.message).toContain('subject mismatch');
  });

  it('fails sbom.required when there is no SBOM, saying where it looked', async () => {
    const built = await buildMultiPlatformImage([{ os: 'linux', architecture: 'amd64' }], 'bare');
    layouts.push(built.layoutDir);
    cpSync(built.layoutDir, join(workspace, 'bare'), { recursive: true });
    const { rule } = await check(['sbom: { required: true }'], [], 'oci:bare:bare');
    expect(rule('sbom.required')).toMatchObject({ status: 'fail', title: 'No SBOM' });
    expect(rule('sbom.required')?.message).toContain('SBOM files (none given');
    expect(rule('sbom.required')?.message).toContain('BuildKit attestation manifests in sha256:');
  });

  it('reads SBOM files given with --sbom for every platform', async () => {
    cpSync(
      fixturePath('third-party/cyclonedx-bom-examples/laravel-7.12.0.bom.1.4.json'),
      join(workspace, 'bom.json'),
    );
    const { rule } = await check(
      ['sbom:', '  required: true', '  licenses: { deny: [MIT] }'],
      ['--sbom', 'bom.json'],
      'oci:bare:bare',
    );
    expect(rule('sbom.required')).toMatchObject({ status: 'pass' });
    expect(rule('sbom.required')?.message).toContain(
      'CycloneDX 1.4 file bom.json (62 packages): given as a file by the workflow',
    );
    expect(rule('sbom.licenses')?.status).toBe('fail');
    expect(rule('sbom.licenses')?.message).toContain(
      'asm89/stack-cors@1.3.0 (license "MIT"; cannot be met without a denied license) from CycloneDX 1.4 file bom.json',
    );
  });

  it('gives a one-line error naming the file and position of a malformed SBOM', async () => {
    writeFileSync(
      join(workspace, 'broken.spdx.json'),
      '{"spdxVersion": "SPDX-2.3",\n "packages": [{"name": "a"}, {"name": 7}]}',
    );
    writeFileSync(join(workspace, 'policy.yml'), 'version: 1\n');
    const run = await runCliCaptured(
      ['check', '--image', 'oci:bare:bare', '--policy', 'policy.yml', '--sbom', 'broken.spdx.json', '-q'],
      { cwd: workspace },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('broken.spdx.json:2:30: SPDX packages[1] has no "name"');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);

    writeFileSync(
      join(workspace, 'cut.json'),
      '{"bomFormat": "CycloneDX", "components": [{"name": "<script>',
    );
    const cut = await runCliCaptured(
      ['check', '--image', 'oci:bare:bare', '--policy', 'policy.yml', '--sbom', 'cut.json', '-q'],
      { cwd: workspace },
    );
    expect(cut.code).toBe(2);
    expect(cut.stderr).toContain('cut.json:1:');
    expect(cut.stderr).not.toContain('<script>');
  });

  it('escapes hostile package names and license strings in every report', async () => {
    const hostile = {
      spdxVersion: 'SPDX-2.3',
      packages: [
        {
          name: '<img src=x onerror=alert(1)> **bold** @octocat',
          versionInfo: '1.0`; rm -rf /',
          licenseConcluded: 'GPL-3.0-only | <b>x</b>',
          externalRefs: [
            {
              referenceCategory: 'PACKAGE-MANAGER',
              referenceType: 'purl',
              referenceLocator: 'pkg:npm/evil@1.0.0',
            },
          ],
        },
      ],
    };
    writeFileSync(join(workspace, 'hostile.spdx.json'), JSON.stringify(hostile));
    const { markdown, rule } = await check(
      ['sbom:', '  licenses: { allow: [MIT] }', '  deny-packages: ["pkg:npm/evil@*"]'],
      ['--sbom', 'hostile.spdx.json'],
      'oci:bare:bare',
    );
    expect(rule('sbom.licenses')?.status).toBe('warn');
    expect(rule('sbom.deny-packages')?.status).toBe('fail');
    expect(markdown).not.toMatch(/(?<!\\)<img/);
    expect(markdown).not.toMatch(/(?<!\\)<b>/);
    expect(markdown).not.toContain(' **bold**');
    expect(markdown).not.toMatch(/@octocat/);
    expect(markdown).toContain('\\<img src=x onerror=alert(1)\\>');
  });

  it('submits the language packages of the trusted SBOMs to the dependency graph', async () => {
    const github = await startGitHubApi();
    try {
      const sha = 'a'.repeat(40);
      const { run, rule } = await check(
        ['sbom: { required: true }'],
        [
          ...signIndex(),
          '--github-api',
          github.url,
          '--repository',
          'acme/app',
          '--sha',
          sha,
          '--submit-dependencies',
          'refs/heads/main',
        ],
        'oci:app:v1',
        { GITHUB_TOKEN: github.token },
      );
      expect(rule('sbom.required')?.status).toBe('pass');
      expect(run.stdout).toContain(
        'Submitted 3 language package(s) of the SBOM to the dependency graph of acme/app',
      );
      expect(github.violations).toEqual([]);
      const [snapshot] = github.dependencySnapshots();
      expect(snapshot).toMatchObject({
        owner: 'acme',
        repo: 'app',
        snapshot: { sha, ref: 'refs/heads/main' },
      });
      const manifests = Object.values(snapshot!.snapshot.manifests ?? {});
      // The cargo crates of the amd64 SBOM; the deb and rpm packages have no advisories there.
      expect(Object.keys(manifests[0]!.resolved ?? {}).sort()).toEqual([
        'pkg:cargo/hyper@0.14',
        'pkg:cargo/pretty_env_logger@0.4.0',
        'pkg:cargo/tokio@1.19.2',
      ]);
    } finally {
      await github.stop();
    }
  });

  it('reads an SBOM attestation from the GitHub attestations API (actions/attest-sbom)', async () => {
    const github = await startGitHubApi();
    try {
      // attest-sbom's statement: the SPDX document as the predicate, about the image's digest.
      const indexDigest = `sha256:${createHash('sha256').update(signedLayout.indexBytes).digest('hex')}`;
      const payload = Buffer.from(
        JSON.stringify({
          _type: 'https://in-toto.io/Statement/v1',
          subject: [{ name: 'example.test/app', digest: { sha256: indexDigest.slice(7) } }],
          predicateType: 'https://spdx.dev/Document/v2.3',
          predicate: k8sSbom,
        }),
      );
      const payloadType = 'application/vnd.in-toto+json';
      const pae = Buffer.concat([
        Buffer.from(`DSSEv1 ${payloadType.length} ${payloadType} ${payload.length} `),
        payload,
      ]);
      const bundle = {
        mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        verificationMaterial: { publicKey: { hint: 'ci-key' }, tlogEntries: [] },
        dsseEnvelope: {
          payload: payload.toString('base64'),
          payloadType,
          signatures: [{ sig: sign('sha256', pae, key.privateKey).toString('base64'), keyid: '' }],
        },
      };
      const created = await fetch(`${github.url}/repos/acme/app/attestations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${github.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ bundle }),
      });
      expect(created.status).toBe(201);
      const { report, rule } = await check(
        ['sbom: { required: true }'],
        ['--github-api', github.url, '--attestations-repository', 'acme/app'],
        'oci:app:v1',
        { GITHUB_TOKEN: github.token },
      );
      expect(report.sboms?.map((s) => s.origin.kind).sort()).toEqual(['attestation', 'buildkit', 'buildkit']);
      expect(rule('sbom.required')).toMatchObject({ status: 'pass' });
      expect(rule('sbom.required')?.message).toContain('SPDX 2.3 attestation');
      expect(rule('sbom.required')?.message).toContain('signed attestation by key ci-key');
      expect(github.violations).toEqual([]);
    } finally {
      await github.stop();
    }
  });
});
