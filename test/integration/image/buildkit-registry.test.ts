/**
 * A BuildKit-shaped index pushed to a real registry (distribution 2.8 via skopeo, attestation
 * manifests included), with an SBOM attestation attached as an OCI 1.1 referrer the way
 * actions/attest-sbom pushes one (a sigstore bundle layer), signed here with the policy's key.
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addBuildKitAttestations } from '../../support/images/buildkit-layout.js';
import { runCliCaptured } from '../../support/cli.js';
import { fixturePath } from '../../support/fixtures.js';
import { OCI_INDEX, attachCosignManifest, pushManifest, pushReferrer } from '../../support/registry-push.js';
import {
  buildMultiPlatformImage,
  pushImage,
  requireTestbedTools,
  startRegistry,
  type TestRegistry,
} from '../../support/registry.js';

const SPDX = 'https://spdx.dev/Document';
const BUNDLE_V03 = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const read = (path: string) => JSON.parse(readFileSync(fixturePath(`third-party/${path}`), 'utf8'));

describe('BuildKit attestations and SBOM attestations in a registry', () => {
  let registry: TestRegistry;
  let workspace: string;
  let layoutDir: string;
  let indexDigest: string;
  let indexBytes: Buffer;
  const key = generateKeyPairSync('ec', { namedCurve: 'P-256' });

  beforeAll(async () => {
    await requireTestbedTools();
    registry = await startRegistry();
    workspace = mkdtempSync(join(tmpdir(), 'scg-buildkit-registry-'));
    writeFileSync(join(workspace, 'ci.pub'), key.publicKey.export({ type: 'spki', format: 'pem' }));
    const built = await buildMultiPlatformImage(
      [
        { os: 'linux', architecture: 'amd64' },
        { os: 'linux', architecture: 'arm64', variant: 'v8' },
      ],
      'v1',
    );
    layoutDir = built.layoutDir;
    await addBuildKitAttestations(layoutDir, 'v1', [
      {
        platform: 0,
        statements: [
          { predicateType: SPDX, predicate: read('spdx-examples/example11-k8s-bom-sbom.spdx.json') },
        ],
      },
      {
        platform: 1,
        statements: [{ predicateType: SPDX, predicate: read('trivy/sbom/centos-7-spdx.json') }],
      },
    ]);
    indexDigest = await pushImage(layoutDir, 'v1', registry, 'acme/app', 'v1');
    const response = await fetch(`${registry.url}/v2/acme/app/manifests/${indexDigest}`, {
      headers: { accept: 'application/vnd.oci.image.index.v1+json' },
    });
    indexBytes = Buffer.from(await response.arrayBuffer());
  });

  afterAll(async () => {
    await registry?.stop();
    rmSync(workspace, { recursive: true, force: true });
    rmSync(layoutDir, { recursive: true, force: true });
  });

  /** A key-signed v0.3 bundle of an in-toto statement about `digest`. */
  function dsseBundle(digest: string, predicateType: string, predicate: unknown) {
    const payload = Buffer.from(
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v1',
        subject: [{ name: 'acme/app', digest: { sha256: digest.slice('sha256:'.length) } }],
        predicateType,
        predicate,
      }),
    );
    const payloadType = 'application/vnd.in-toto+json';
    const pae = Buffer.concat([
      Buffer.from(`DSSEv1 ${payloadType.length} ${payloadType} ${payload.length} `),
      payload,
    ]);
    return {
      mediaType: BUNDLE_V03,
      verificationMaterial: { publicKey: { hint: 'ci-key' }, tlogEntries: [] },
      dsseEnvelope: {
        payload: payload.toString('base64'),
        payloadType,
        signatures: [{ sig: sign('sha256', pae, key.privateKey).toString('base64'), keyid: '' }],
      },
    };
  }

  async function check(policy: string[], extra: string[] = []) {
    writeFileSync(
      join(workspace, 'policy.yml'),
      [
        'version: 1',
        'vulnerabilities: { require-scan: false }',
        'image: { non-root: false }',
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
        `${registry.host}/acme/app@${indexDigest}`,
        '--policy',
        'policy.yml',
        '--json',
        'report.json',
        '-q',
        ...extra,
      ],
      { cwd: workspace },
    );
    const report = JSON.parse(readFileSync(join(workspace, 'report.json'), 'utf8')) as {
      results: Array<{ ruleId: string; status: string; message: string }>;
      sboms?: Array<{ origin: { kind: string }; packageCount: number }>;
      buildkitAttestations?: unknown[];
      errors: string[];
    };
    return { run, report, rule: (id: string) => report.results.find((r) => r.ruleId === id) };
  }

  it('keeps the attestation manifests when pushed, and trusts them through the signed index', async () => {
    const unsigned = await check(['sbom: { required: true }']);
    expect(unsigned.report.errors).toEqual([]);
    expect(unsigned.report.buildkitAttestations).toHaveLength(2);
    expect(unsigned.rule('sbom.required')).toMatchObject({ status: 'fail' });

    const signature = {
      mediaType: BUNDLE_V03,
      verificationMaterial: { publicKey: { hint: 'ci-key' }, tlogEntries: [] },
      messageSignature: {
        messageDigest: {
          algorithm: 'SHA2_256',
          digest: createHash('sha256').update(indexBytes).digest('base64'),
        },
        signature: sign('sha256', indexBytes, key.privateKey).toString('base64'),
      },
    };
    writeFileSync(join(workspace, 'index.sigstore.json'), JSON.stringify(signature));
    const signed = await check(['sbom: { required: true }'], ['--bundle', 'index.sigstore.json']);
    expect(signed.rule('sbom.required')).toMatchObject({ status: 'pass' });
    expect(signed.rule('sbom.required')?.message).toContain('attested through the signed index (key ci-key)');
  });

  it('reads an SBOM attestation attached as a referrer, and uses it when its signer is allowed', async () => {
    const bundle = dsseBundle(
      indexDigest,
      'https://cyclonedx.org/bom',
      read('trivy/sbom/centos-7-cyclonedx.json'),
    );
    const referrer = await pushReferrer(
      registry,
      'acme/app',
      {
        mediaType: 'application/vnd.oci.image.index.v1+json',
        digest: indexDigest,
        size: indexBytes.byteLength,
      },
      { mediaType: BUNDLE_V03, payload: Buffer.from(JSON.stringify(bundle)) },
    );
    // distribution 2.8 has no referrers API: list it under the referrers tag, as @sigstore/oci does.
    await pushManifest(
      registry,
      'acme/app',
      { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [referrer] },
      indexDigest.replace(':', '-'),
    );
    const { rule, report } = await check([
      'sbom:',
      '  required: true',
      '  deny-packages: ["pkg:rpm/centos/bash@4.2.*"]',
    ]);
    expect(report.sboms?.filter((s) => s.origin.kind === 'attestation')).toEqual([
      expect.objectContaining({ packageCount: 3 }),
    ]);
    expect(rule('sbom.required')).toMatchObject({ status: 'pass' });
    expect(rule('sbom.required')?.message).toContain('signed attestation by key ci-key');
    expect(rule('sbom.deny-packages')).toMatchObject({ status: 'fail' });
    // The attestation signs the index digest, so it also vouches for BuildKit's SBOMs in the index:
    // the package both list is named once, with both sources.
    const message = rule('sbom.deny-packages')?.message;
    expect(message).toContain(
      'bash@4.2.46 (license "GPLv3+"; denied by pkg:rpm/centos/bash@4.2.*) from BuildKit SPDX 2.2 attestation',
    );
    expect(message).toMatch(
      / and CycloneDX 1\.5 attestation http:\/\/127\.0\.0\.1:\d+\/v2\/acme\/app\/manifests\/sha256:/,
    );
  });

  it('reads a cosign attest --type spdxjson attestation on a platform image from its .att tag', async () => {
    const index = JSON.parse(indexBytes.toString('utf8')) as {
      manifests: Array<{ digest: string; platform?: { architecture: string } }>;
    };
    const arm64 = index.manifests.find((m) => m.platform?.architecture === 'arm64')!.digest;
    // cosign attest: a DSSE envelope per layer, its signature also in an annotation, the predicate type in another.
    const { dsseEnvelope } = dsseBundle(
      arm64,
      SPDX,
      read('spdx-examples/example8-examplemaven-0.0.1.spdx.json'),
    );
    await attachCosignManifest(registry, 'acme/app', arm64, '.att', [
      {
        mediaType: 'application/vnd.dsse.envelope.v1+json',
        payload: Buffer.from(JSON.stringify(dsseEnvelope)),
        annotations: { 'dev.cosignproject.cosign/signature': '', predicateType: SPDX },
      },
    ]);
    const { report, rule } = await check([
      'sbom:',
      '  licenses: { allow: [Apache-2.0, MIT], unknown: ignore }',
    ]);
    expect(report.errors).toEqual([]);
    expect(report.sboms?.filter((s) => s.origin.kind === 'attestation').map((s) => s.packageCount)).toContain(
      6,
    );
    // JUnit's CPL-1.0, from the attestation on the arm64 image.
    expect(rule('sbom.licenses')?.status).toBe('fail');
    expect(rule('sbom.licenses')?.message).toMatch(
      /JUnit@3\.8\.1 \(license "CPL-1\.0"; not satisfied by the allowed licenses\) from SPDX 2\.3 attestation http:\/\/127\.0\.0\.1:\d+\/v2\/acme\/app\/manifests\/sha256:[0-9a-f]{64}\.$/,
    );
  });
});
