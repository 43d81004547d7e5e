/**
 * Real bundles published by GitHub, sigstore and SLSA tooling: each verifies with the identity its
 * producer states, and fails with a wrong identity, another artifact, or another instance's root.
 */
import { readFileSync } from 'node:fs';
import type { SignerIdentity } from '../../../src/model/evidence.js';
import { matchIdentity, type IdentityRequirement } from '../../../src/sigstore/identity-policy.js';
import { parseDigest, type ArtifactInput } from '../../../src/sigstore/in-toto.js';
import type { TrustStore } from '../../../src/sigstore/trusted-root.js';
import { verifyBundle, type BundleVerification } from '../../../src/sigstore/verify-bundle.js';
import { fixturePath, readFixture } from '../../support/fixtures.js';
import { bundleFixture, embeddedTrust, trustFromFixture } from '../../support/sigstore-fixtures.js';

const GITHUB_ACTIONS = 'https://token.actions.githubusercontent.com';

function digest(text: string): ArtifactInput {
  const parsed = parseDigest(text.trim());
  if (!parsed) throw new Error(`not a digest: ${text}`);
  return { digest: parsed };
}

function verify(
  bundle: string,
  artifact: ArtifactInput,
  trust: TrustStore = embeddedTrust(),
  transparencyLog: 'required' | 'optional' | 'instance' = 'instance',
): BundleVerification {
  return verifyBundle({ bundle: bundleFixture(bundle), artifact, trust, keys: [], transparencyLog });
}

function signerOf(result: BundleVerification): Extract<SignerIdentity, { kind: 'certificate' }> {
  if (result.status !== 'verified') throw new Error(`not verified: ${result.check}: ${result.message}`);
  if (result.signer.kind !== 'certificate') throw new Error('signed by a key');
  return result.signer;
}

const cases: Array<{
  name: string;
  bundle: string;
  artifact: ArtifactInput;
  trust?: () => TrustStore;
  identity: IdentityRequirement;
  instance: string;
}> = [
  {
    name: 'sigstore-js 2.1.0 npm provenance (public good, sha512 subject)',
    bundle: 'third-party/gh-cli-attestation/sigstore-js-2.1.0-bundle.json',
    artifact: digest(
      'sha512:90f223f992e4c88dd068cd2a5fc57f9d2b30798343dd6e38f29c240e04ba090ef831f84490847c4e82b9232c78e8a258463b1e55c0f7469f730265008fa6633f',
    ),
    identity: {
      issuer: GITHUB_ACTIONS,
      subject: 'https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main',
      repository: 'sigstore/sigstore-js',
    },
    instance: 'public-good',
  },
  {
    name: 'GitHub Enterprise custom issuer',
    bundle: 'third-party/gh-cli-attestation/custom-issuer.sigstore.json',
    artifact: { bytes: readFileSync(fixturePath('third-party/gh-cli-attestation/custom-issuer-artifact')) },
    identity: {
      issuer: 'https://token.actions.githubusercontent.com/hammer-time',
      subject: 'https://github.com/too-legit/attest/.github/workflows/integration.yml@refs/heads/main',
    },
    instance: 'public-good',
  },
  {
    name: 'reusable workflow attestation',
    bundle: 'third-party/gh-cli-attestation/reusable-workflow-attestation.sigstore.json',
    artifact: digest('sha256:49a3aa6075e0f49f82843e74b5baa614ad2a588e6675612bf108a0a008c5ac25'),
    identity: {
      issuer: GITHUB_ACTIONS,
      subject:
        'https://github.com/github/artifact-attestations-workflows/.github/workflows/attest.yml@09b495c3f12c7881b3cc17209a327792065c1a1d',
      repository: 'malancas/attest-demo',
    },
    instance: 'public-good',
  },
  {
    name: "GitHub's instance (TSA timestamp, no Rekor entry)",
    bundle: 'third-party/gh-cli-attestation/github_provenance_demo-0.0.12-py3-none-any-bundle.jsonl',
    artifact: digest('sha256:ae57936def59bc4c75edd3a837d89bcefc6d3a5e31d55a6fa7a71624f92c3c3b'),
    identity: {
      issuer: GITHUB_ACTIONS,
      subject: 'https://github.com/actions/attest-demo/.github/workflows/build-python.yml@refs/heads/main',
      repository: 'actions/attest-demo',
      ref: 'refs/heads/main',
      workflow: '.github/workflows/build-python.yml',
    },
    instance: 'github',
  },
  ...(
    [
      ['13531551', 'b03d18ed0a16864ef2d2e559c660159a2170b9d086a1f42f570b1679326b90e6', 'github'],
      ['13532655', 'bb030cb9e028ff6d4051f2103b3b08f7e3928aa80a7d3626cef6e2553dc714b8', 'public-good'],
      ['13581567', '658913cfebe8a49165264e2b5e54ad99b3bdbfbc8cd281b3cfaa949a21588f18', 'github'],
      ['13739985', 'f4a0d47c6bdbf3bdbe3478a043b7030fcef5fdf34be90d841891803c2efe9fc5', 'github'],
    ] as const
  ).map(([id, hex, instance]) => ({
    name: `actions/attest-build-provenance prober ${id} (${instance})`,
    bundle: `third-party/automata-slsa-sigstore-verifier/actions-attest-build-provenance-attestation-${id}.sigstore.json`,
    artifact: digest(`sha256:${hex}`),
    identity: {
      issuer: GITHUB_ACTIONS,
      subject:
        'https://github.com/actions/attest-build-provenance/.github/workflows/prober.yml@refs/heads/main',
      runnerEnvironment: 'github-hosted',
    },
    instance,
  })),
  {
    name: 'cosign v3 container image signature (kubewarden, Rekor + TSA)',
    bundle: 'third-party/sigstore-rs/kubewarden-controller-v1.34.0.cosign-sign-v1.sigstore.json',
    artifact: digest('sha256:c811d58de79c92f03214e63aa339484e488d694ae8a6283b5f3f17a9faf50172'),
    identity: {
      issuer: GITHUB_ACTIONS,
      subject:
        'https://github.com/kubewarden/kubewarden-controller/.github/workflows/release.yml@refs/tags/v1.34.0',
      ref: 'refs/tags/v1.34.0',
    },
    instance: 'public-good',
  },
  {
    name: 'cosign OCI attestation with its own trusted root',
    bundle: 'third-party/cosign/oci-attestation.sigstore.json',
    artifact: digest('sha256:732112270d7e59418a8c080b134b24cabd67d250d0d0147a97ed95ba5c280aa4'),
    trust: () => trustFromFixture('third-party/cosign/trusted_root_pgi.json'),
    identity: { issuer: 'https://github.com/login/oauth', subject: 'cody@soyland.com' },
    instance: 'third-party/cosign/trusted_root_pgi.json',
  },
  {
    name: 'slsa-github-generator generic provenance (v0.3, Rekor dsse)',
    bundle: 'third-party/slsa-verifier/gha_generic/binary-linux-amd64-workflow_dispatch.intoto.jsonl',
    artifact: digest(
      readFixture('third-party/slsa-verifier/gha_generic/binary-linux-amd64-workflow_dispatch.sha256'),
    ),
    identity: {
      issuer: GITHUB_ACTIONS,
      subjectRegExp:
        'https://github\\.com/slsa-framework/slsa-github-generator/\\.github/workflows/generator_generic_slsa3\\.yml@refs/tags/v2\\.1\\.0',
      repository: 'slsa-framework/example-package',
    },
    instance: 'public-good',
  },
  {
    name: 'slsa-github-generator container-based provenance (v0.2, Rekor intoto)',
    bundle:
      'third-party/slsa-verifier/gha_container-based/binary-linux-amd64-workflow_dispatch.intoto.build.slsa',
    artifact: { bytes: Buffer.alloc(0) },
    identity: {
      issuer: GITHUB_ACTIONS,
      subject:
        'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/builder_container-based_slsa3.yml@refs/tags/v2.1.0',
    },
    instance: 'public-good',
  },
];

describe('real-world bundles', () => {
  it.each(cases)('$name verifies with the identity its producer states', (c) => {
    const result = verify(c.bundle, c.artifact, c.trust?.());
    const signer = signerOf(result);
    expect(signer.instance).toBe(c.instance);
    expect(matchIdentity(signer, c.identity)).toEqual({ matched: true });
  });

  it.each(cases)('$name is refused for a wrong subject, issuer or repository', (c) => {
    const signer = signerOf(verify(c.bundle, c.artifact, c.trust?.()));
    const wrongs: IdentityRequirement[] = [
      { ...c.identity, issuer: `${c.identity.issuer}/` },
      { issuer: c.identity.issuer, subject: `${signer.san}x` },
      { issuer: c.identity.issuer, subject: signer.san!.slice(0, -1) },
      { issuer: c.identity.issuer, subjectRegExp: 'https://github\\.com/' },
      { ...c.identity, repository: 'fakeowner/fakerepo' },
    ];
    for (const wrong of wrongs) expect(matchIdentity(signer, wrong)).toMatchObject({ matched: false });
  });

  it.each(cases)('$name is rejected for another artifact', (c) => {
    const other = digest(`sha256:${'ab'.repeat(32)}`);
    const result = verify(c.bundle, other, c.trust?.());
    expect(result).toMatchObject({ status: 'invalid' });
    expect(['subject-binding', 'artifact-binding']).toContain((result as { check: string }).check);
  });

  it('decodes the GitHub workflow claims of a Fulcio certificate', () => {
    const signer = signerOf(verify(cases[3]!.bundle, cases[3]!.artifact));
    expect(signer.claims).toMatchObject({
      sourceRepositoryUri: 'https://github.com/actions/attest-demo',
      sourceRepositoryRef: 'refs/heads/main',
      buildConfigUri:
        'https://github.com/actions/attest-demo/.github/workflows/build-python.yml@refs/heads/main',
      runnerEnvironment: 'github-hosted',
      buildTrigger: expect.any(String) as unknown,
      sourceRepositoryDigest: expect.stringMatching(/^[0-9a-f]{40}$/) as unknown,
    });
  });

  it("rejects a GitHub-instance bundle when only the public-good root is trusted (another instance's bundle)", () => {
    const c = cases[3]!;
    expect(verify(c.bundle, c.artifact, embeddedTrust(['public-good']))).toMatchObject({
      status: 'invalid',
      check: 'certificate-chain',
    });
  });

  it('rejects a GitHub-instance bundle when a transparency log entry is required', () => {
    const c = cases[3]!;
    expect(verify(c.bundle, c.artifact, embeddedTrust(), 'required')).toMatchObject({
      status: 'invalid',
      check: 'transparency-log',
    });
  });

  it('rejects a public-good bundle under an older root that lacks the key that signed it', () => {
    // The kubewarden bundle's TSA timestamp comes from the Sigstore TSA, absent from this root.
    const result = verify(
      'third-party/sigstore-rs/kubewarden-controller-v1.34.0.cosign-sign-v1.sigstore.json',
      digest('sha256:c811d58de79c92f03214e63aa339484e488d694ae8a6283b5f3f17a9faf50172'),
      trustFromFixture('third-party/cosign/trusted_root_pgi.json'),
    );
    expect(result).toMatchObject({ status: 'invalid', check: 'timestamp' });
  });

  it.each([
    [
      'a bundle whose certificate was replaced by an empty public key',
      'github_provenance_demo-0.0.12-py3-none-any-bundle-missing-cert.jsonl',
    ],
    ['a bundle whose signature does not match its log entry', 'sigstoreBundle-invalid-signature.json'],
  ])('rejects %s', (_, file) => {
    const result = verify(`third-party/gh-cli-attestation/${file}`, digest(`sha256:${'00'.repeat(32)}`));
    expect(result.status).toBe('invalid');
  });
});
