/**
 * The `signatures` rule family over real verification results: the three ways an image can fail
 * (nothing signed it; an identity the policy does not allow signed it; the signature is invalid)
 * are told apart, and the identity found is always named.
 */
import type { DiscoveredArtifact, Evidence, ImageEvidence } from '../../../src/model/evidence.js';
import { evaluatePolicy } from '../../../src/policy/evaluate.js';
import { parsePolicy } from '../../../src/policy/document/load.js';
import { verifyDiscovered } from '../../../src/sigstore/verify-discovered.js';
import { bundleFixture, embeddedTrust } from '../../support/sigstore-fixtures.js';

const NOW = new Date('2026-11-28T12:00:00Z');
// The kubewarden-controller v1.34.0 image, signed by its release workflow with cosign v3.
const DIGEST = 'sha256:c811d58de79c92f03214e63aa339484e488d694ae8a6283b5f3f17a9faf50172';
const SAN =
  'https://github.com/kubewarden/kubewarden-controller/.github/workflows/release.yml@refs/tags/v1.34.0';
const ISSUER = 'https://token.actions.githubusercontent.com';

const image: ImageEvidence = {
  reference: `ghcr.io/kubewarden/kubewarden-controller@${DIGEST}`,
  name: 'ghcr.io/kubewarden/kubewarden-controller',
  digest: DIGEST,
  mediaType: 'application/vnd.oci.image.index.v1+json',
  annotations: {},
  platforms: [],
  layers: [],
  source: { kind: 'registry', uri: 'https://ghcr.io/v2/kubewarden/kubewarden-controller', digest: DIGEST },
};

function bundleArtifact(bundle: unknown, subjectDigest = DIGEST): DiscoveredArtifact {
  return {
    kind: 'sigstore-bundle',
    subjectDigest,
    source: { kind: 'registry', uri: 'referrers of ghcr.io/kubewarden/kubewarden-controller' },
    bundle,
  };
}

const signature = () =>
  bundleFixture('third-party/sigstore-rs/kubewarden-controller-v1.34.0.cosign-sign-v1.sigstore.json');

function evaluate(policyText: string, discovered: DiscoveredArtifact[]) {
  const evidence: Evidence = {
    image,
    scans: [],
    discovered,
    verifications: verifyDiscovered(discovered, { trust: embeddedTrust(), keys: [] }),
  };
  const decision = evaluatePolicy(parsePolicy(policyText, 'policy.yml'), evidence, NOW);
  return { decision, signed: decision.results.find((r) => r.ruleId === 'signatures.signed') };
}

const policy = (identity: string, extra = '') =>
  `version: 1\nvulnerabilities:\n  require-scan: false\nsignatures:\n  required: true\n${extra}  identities:\n${identity}`;

describe('signatures family', () => {
  it('passes a verified signature by an allowed identity, naming the signer', () => {
    const { decision, signed } = evaluate(
      policy(`    - issuer: ${ISSUER}\n      subject: ${SAN}\n      runner-environment: github-hosted\n`),
      [bundleArtifact(signature())],
    );
    expect(signed).toMatchObject({
      status: 'pass',
      title: `Signed by ${SAN} (issuer ${ISSUER}, runner github-hosted)`,
    });
    expect(decision.results.filter((r) => r.family === 'signatures').map((r) => r.status)).toEqual(['pass']);
  });

  it('any one of the identities suffices', () => {
    const { signed } = evaluate(
      policy(
        `    - issuer: ${ISSUER}\n      subject: https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main\n` +
          `    - issuer: ${ISSUER}\n      subject-regexp: 'https://github\\.com/kubewarden/kubewarden-controller/\\.github/workflows/release\\.yml@refs/tags/v.*'\n`,
      ),
      [bundleArtifact(signature())],
    );
    expect(signed?.status).toBe('pass');
  });

  it('fails "no signature at all" when nothing was found and signatures are required', () => {
    const { signed, decision } = evaluate(policy(`    - issuer: ${ISSUER}\n      subject: ${SAN}\n`), []);
    expect(signed).toMatchObject({ status: 'fail', title: 'No signature at all' });
    expect(signed?.position).toMatchObject({ file: 'policy.yml' });
    expect(decision.verdict).toBe('fail');
  });

  it('says nothing about unsigned images when signatures are not required', () => {
    const { signed } = evaluate('version: 1\n', []);
    expect(signed).toBeUndefined();
  });

  it('fails a signature by another identity and shows the identity found', () => {
    const { signed } = evaluate(
      policy(
        `    - issuer: ${ISSUER}\n      subject: https://github.com/kubewarden/kubewarden-controller/.github/workflows/release.yml@refs/tags/v1.34\n`,
      ),
      [bundleArtifact(signature())],
    );
    expect(signed).toMatchObject({
      status: 'fail',
      title: 'Signed, but not by an identity the policy allows',
    });
    expect(signed?.message).toContain(`signed by ${SAN} (issuer ${ISSUER}`);
    expect(signed?.message).toContain('subject: expected');
  });

  it('fails a signature whose workflow claims do not match, naming the claim', () => {
    const { signed } = evaluate(
      policy(`    - issuer: ${ISSUER}\n      subject: ${SAN}\n      ref: refs/heads/main\n`),
      [bundleArtifact(signature())],
    );
    expect(signed?.status).toBe('fail');
    expect(signed?.message).toContain('ref: expected "refs/heads/main", found "refs/tags/v1.34.0"');
  });

  it('fails an invalid signature and names the check that failed', () => {
    const tampered = structuredClone(signature()) as { dsseEnvelope: { signatures: Array<{ sig: string }> } };
    const sig = Buffer.from(tampered.dsseEnvelope.signatures[0]!.sig, 'base64');
    sig.writeUInt8(sig.readUInt8(10) ^ 1, 10);
    tampered.dsseEnvelope.signatures[0]!.sig = sig.toString('base64');
    const { signed } = evaluate(policy(`    - issuer: ${ISSUER}\n      subject: ${SAN}\n`), [
      bundleArtifact(tampered),
    ]);
    expect(signed).toMatchObject({ status: 'fail', title: 'Signature invalid' });
    expect(signed?.message).toMatch(/: (timestamp|transparency-log|signature) check failed: /);
  });

  it('fails a signature made for another image, even if it is attached to this one', () => {
    const { signed } = evaluate(policy(`    - issuer: ${ISSUER}\n      subject: ${SAN}\n`), [
      bundleArtifact(
        bundleFixture('third-party/gh-cli-attestation/reusable-workflow-attestation.sigstore.json'),
      ),
    ]);
    expect(signed).toMatchObject({ status: 'fail', title: 'Signature invalid' });
    expect(signed?.message).toContain('subject-binding check failed');
  });

  it('refuses a GitHub-instance attestation when the policy requires a transparency log', () => {
    const digest = 'sha256:ae57936def59bc4c75edd3a837d89bcefc6d3a5e31d55a6fa7a71624f92c3c3b';
    const bundle = bundleFixture(
      'third-party/gh-cli-attestation/github_provenance_demo-0.0.12-py3-none-any-bundle.jsonl',
    );
    const san = 'https://github.com/actions/attest-demo/.github/workflows/build-python.yml@refs/heads/main';
    const run = (extra: string) => {
      const evidence: Evidence = {
        image: { ...image, digest },
        scans: [],
        discovered: [bundleArtifact(bundle, digest)],
        verifications: verifyDiscovered([bundleArtifact(bundle, digest)], {
          trust: embeddedTrust(),
          keys: [],
        }),
      };
      return evaluatePolicy(
        parsePolicy(policy(`    - issuer: ${ISSUER}\n      subject: ${san}\n`, extra), 'p.yml'),
        evidence,
        NOW,
      ).results.find((r) => r.ruleId === 'signatures.signed');
    };
    expect(run('')).toMatchObject({ status: 'fail' });
    expect(run('')?.message).toContain('no transparency-log entry');
    expect(run('  transparency-log: optional\n')).toMatchObject({ status: 'pass' });
  });

  it('warns about an invalid signature next to a valid one', () => {
    const { decision } = evaluate(policy(`    - issuer: ${ISSUER}\n      subject: ${SAN}\n`), [
      bundleArtifact(signature()),
      bundleArtifact({ mediaType: 'application/vnd.dev.sigstore.bundle.v0.9+json' }),
    ]);
    expect(decision.results.find((r) => r.ruleId === 'signatures.signed')?.status).toBe('pass');
    expect(decision.results.find((r) => r.ruleId === 'signatures.invalid')).toMatchObject({ status: 'warn' });
  });

  it('rejects policies that would match loosely', () => {
    expect(() =>
      parsePolicy(`version: 1\nsignatures:\n  identities:\n    - issuer: ${ISSUER}\n`, 'p.yml'),
    ).toThrow(/exactly one of "subject" and "subject-regexp"/);
    expect(() =>
      parsePolicy(
        `version: 1\nsignatures:\n  identities:\n    - issuer: ${ISSUER}\n      subject-regexp: '(['\n`,
        'p.yml',
      ),
    ).toThrow(/not a valid regular expression/);
  });
});
