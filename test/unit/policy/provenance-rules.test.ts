/**
 * The `provenance` rule family over real SLSA provenance, verified with the embedded Sigstore roots:
 * actions/attest-build-provenance's prober (public-good and GitHub's instance), sigstore-js's npm
 * provenance (the older GitHub build type), and slsa-github-generator's container-based (v1) and
 * generic (v0.2) builds. Each passes with its true builder and source and fails with any other.
 */
import type { DiscoveredArtifact, Evidence } from '../../../src/model/evidence.js';
import { evaluatePolicy } from '../../../src/policy/evaluate.js';
import { parsePolicy } from '../../../src/policy/document/load.js';
import { verifyDiscovered } from '../../../src/sigstore/verify-discovered.js';
import { bundleFixture, embeddedTrust } from '../../support/sigstore-fixtures.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const ISSUER = 'https://token.actions.githubusercontent.com';

interface Provenance {
  bundle: string;
  digest: string;
  builder: string;
  repository: string;
  ref: string;
  signer: string;
}

const PROBER =
  'https://github.com/actions/attest-build-provenance/.github/workflows/prober.yml@refs/heads/main';
const FIXTURES: Record<string, Provenance> = {
  'actions/attest-build-provenance on public-good': {
    bundle:
      'third-party/automata-slsa-sigstore-verifier/actions-attest-build-provenance-attestation-13532655.sigstore.json',
    digest: 'sha256:bb030cb9e028ff6d4051f2103b3b08f7e3928aa80a7d3626cef6e2553dc714b8',
    builder: PROBER,
    repository: 'actions/attest-build-provenance',
    ref: 'refs/heads/main',
    signer: PROBER,
  },
  "actions/attest-build-provenance on GitHub's instance": {
    bundle:
      'third-party/automata-slsa-sigstore-verifier/actions-attest-build-provenance-attestation-13531551.sigstore.json',
    digest: 'sha256:b03d18ed0a16864ef2d2e559c660159a2170b9d086a1f42f570b1679326b90e6',
    builder: PROBER,
    repository: 'actions/attest-build-provenance',
    ref: 'refs/heads/main',
    signer: PROBER,
  },
  'sigstore-js npm provenance (older GitHub build type)': {
    bundle: 'third-party/gh-cli-attestation/sigstore-js-2.1.0-bundle.json',
    digest:
      'sha512:90f223f992e4c88dd068cd2a5fc57f9d2b30798343dd6e38f29c240e04ba090ef831f84490847c4e82b9232c78e8a258463b1e55c0f7469f730265008fa6633f',
    builder: 'https://github.com/actions/runner/github-hosted',
    repository: 'sigstore/sigstore-js',
    ref: 'refs/heads/main',
    signer: 'https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main',
  },
  'slsa-github-generator container-based build': {
    bundle:
      'third-party/slsa-verifier/gha_container-based/binary-linux-amd64-workflow_dispatch.intoto.build.slsa',
    digest: 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    builder:
      'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/builder_container-based_slsa3.yml@refs/tags/v2.1.0',
    repository: 'slsa-framework/example-package',
    ref: 'refs/heads/main',
    signer:
      'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/builder_container-based_slsa3.yml@refs/tags/v2.1.0',
  },
};

function evidenceFor(bundle: unknown, digest: string): Evidence {
  const discovered: DiscoveredArtifact[] = [
    {
      kind: 'sigstore-bundle',
      subjectDigest: digest,
      source: { kind: 'file', uri: 'provenance.json' },
      bundle,
    },
  ];
  return {
    image: {
      reference: `ghcr.io/acme/app@${digest}`,
      name: 'ghcr.io/acme/app',
      digest,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      annotations: {},
      platforms: [],
      layers: [],
      source: { kind: 'registry', uri: 'https://ghcr.io/v2/acme/app', digest },
    },
    scans: [],
    discovered,
    verifications: verifyDiscovered(discovered, { trust: embeddedTrust(), keys: [] }),
  };
}

function provenancePolicy(settings: Record<string, unknown>, signer: string): string {
  const lines = Object.entries(settings).map(([key, value]) => `  ${key}: ${JSON.stringify(value)}`);
  return [
    'version: 1',
    'vulnerabilities:',
    '  require-scan: false',
    'provenance:',
    '  required: true',
    ...lines,
    '  signers:',
    `    - issuer: ${ISSUER}`,
    `      subject: ${signer}`,
    '',
  ].join('\n');
}

function judge(fixture: Provenance, settings: Record<string, unknown>, signer = fixture.signer) {
  const evidence = evidenceFor(bundleFixture(fixture.bundle), fixture.digest);
  expect(evidence.verifications?.[0]?.status).toBe('verified');
  const decision = evaluatePolicy(
    parsePolicy(provenancePolicy(settings, signer), 'policy.yml'),
    evidence,
    NOW,
  );
  return decision.results.find((result) => result.ruleId === 'provenance.verified')!;
}

describe.each(Object.entries(FIXTURES))('%s', (_name, fixture) => {
  const truth = {
    builders: [fixture.builder],
    'source-repositories': [fixture.repository],
    'source-refs': [fixture.ref],
    'hosted-runners': true,
  };

  it('passes with its true builder, source repository, ref and signer', () => {
    const result = judge(fixture, truth);
    expect(result).toMatchObject({ status: 'pass', title: `Provenance from ${fixture.builder}` });
    expect(result.message).toContain(`source https://github.com/${fixture.repository}@${fixture.ref}`);
  });

  it('fails with another builder, naming the one found', () => {
    const result = judge(fixture, {
      ...truth,
      builders: ['https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main'],
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain(`builder ${fixture.builder} is not one of`);
  });

  it('fails with another source repository', () => {
    const result = judge(fixture, { ...truth, 'source-repositories': ['acme/app'] });
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      `source repository https://github.com/${fixture.repository} is not one of acme/app`,
    );
  });

  it('fails with refs it was not built from', () => {
    const result = judge(fixture, { ...truth, 'source-refs': ['refs/tags/v*'] });
    expect(result.status).toBe('fail');
    expect(result.message).toContain(`source ref ${fixture.ref} is not one of refs/tags/v*`);
  });

  it('fails when the signer is not one the policy allows', () => {
    const result = judge(
      fixture,
      truth,
      'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain(`signed by ${fixture.signer}`);
  });
});

describe('slsa-github-generator generic build (SLSA v0.2 predicate)', () => {
  const fixture: Provenance = {
    bundle: 'third-party/slsa-verifier/gha_generic/binary-linux-amd64-workflow_dispatch.intoto.jsonl',
    digest: 'sha256:376e7e01348585b6e6643bc6663146b9d525d9b41228bf180eaeb4d4a3706caa',
    builder:
      'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@refs/tags/v2.1.0',
    repository: 'slsa-framework/example-package',
    ref: 'refs/heads/main',
    signer:
      'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@refs/tags/v2.1.0',
  };
  const truth = {
    builders: [fixture.builder],
    'source-repositories': [fixture.repository],
    'source-refs': ['refs/heads/*'],
  };

  it('fails under the default predicate types, which accept SLSA v1 only', () => {
    const result = judge(fixture, truth);
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      'predicate type https://slsa.dev/provenance/v0.2 is not one of https://slsa.dev/provenance/v1',
    );
  });

  it('passes when the policy accepts v0.2, reading its builder and config source', () => {
    const result = judge(fixture, {
      ...truth,
      'predicate-types': ['https://slsa.dev/provenance/v1', 'https://slsa.dev/provenance/v0.2'],
    });
    expect(result.status).toBe('pass');
    expect(result.message).toContain(
      'source https://github.com/slsa-framework/example-package@refs/heads/main',
    );
  });
});

describe('what the certificate says outranks the predicate', () => {
  it('refuses a predicate that names another source than its certificate', () => {
    const fixture = FIXTURES['actions/attest-build-provenance on public-good']!;
    const evidence = evidenceFor(bundleFixture(fixture.bundle), fixture.digest);
    const verified = evidence.verifications![0]!;
    if (verified.status !== 'verified' || !verified.statement) throw new Error('fixture did not verify');
    // As a workflow that wrote someone else's repository into its own predicate would.
    const predicate = structuredClone(verified.statement.predicate) as {
      buildDefinition: { externalParameters: { workflow: { repository: string } } };
    };
    predicate.buildDefinition.externalParameters.workflow.repository = 'https://github.com/acme/app';
    verified.statement = { ...verified.statement, predicate };
    const policy = parsePolicy(
      provenancePolicy({ 'source-repositories': ['acme/app'] }, fixture.signer),
      'policy.yml',
    );
    const result = evaluatePolicy(policy, evidence, NOW).results.find(
      (r) => r.ruleId === 'provenance.verified',
    )!;
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      'the predicate names source https://github.com/acme/app, but its certificate was issued for https://github.com/actions/attest-build-provenance',
    );
  });
});

describe('when provenance is not required', () => {
  it('says nothing about an image without provenance', () => {
    const evidence = evidenceFor(
      undefined,
      FIXTURES['actions/attest-build-provenance on public-good']!.digest,
    );
    evidence.discovered = [];
    evidence.verifications = [];
    const results = evaluatePolicy(
      parsePolicy('version: 1\nvulnerabilities:\n  require-scan: false\n', 'p.yml'),
      evidence,
      NOW,
    ).results;
    expect(results.filter((r) => r.family === 'provenance')).toEqual([]);
  });

  it('warns that this run’s provenance is unsigned, naming the permission to add', () => {
    const evidence = evidenceFor(
      undefined,
      FIXTURES['actions/attest-build-provenance on public-good']!.digest,
    );
    evidence.discovered = [];
    evidence.verifications = [];
    evidence.generatedProvenance = {
      predicateType: 'https://slsa.dev/provenance/v1',
      unsigned: 'the job has no "id-token: write" permission',
      path: 'supply-chain-gate-provenance.json',
      published: [],
    };
    const results = evaluatePolicy(
      parsePolicy('version: 1\nvulnerabilities:\n  require-scan: false\n', 'p.yml'),
      evidence,
      NOW,
    ).results;
    expect(results.find((r) => r.ruleId === 'provenance.signed-here')).toMatchObject({
      status: 'warn',
      message: expect.stringContaining('written to supply-chain-gate-provenance.json'),
      remediation: expect.stringContaining('id-token: write'),
    });
  });
});
