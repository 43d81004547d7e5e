/**
 * A second corpus beside sigstore-conformance: bundles from other sigstore clients' own test suites
 * (sigstore-go, sigstore-rs, cosign, gh's attestation tests, a Rekor v2 bundle the conformance suite
 * has since retired), each with the outcome its project expects, run through `verify-bundle` as the
 * conformance suite runs it: once with the artifact's path when the artifact is there, and once with
 * its digest. A rejection must name the check; where the check is known, it is the one named.
 */
import { constants, createHash, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCaptured } from '../../support/cli.js';
import { fixturePath } from '../../support/fixtures.js';

const GITHUB_ACTIONS = 'https://token.actions.githubusercontent.com';
const GITHUB_OAUTH = 'https://github.com/login/oauth';
const SIGSTORE_JS_RELEASE =
  'https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main';
const PUBLIC_GOOD_OLD = 'sigstore-go/examples/trusted-root-public-good.json';

interface Case {
  name: string;
  /** Where the case comes from and what its project expects. */
  origin: string;
  bundle: string;
  /** A file under third-party/, or bytes written to a temp file (upstream keeps none). */
  artifact?: string | { bytes: string };
  /** The artifact's digest when its bytes are not kept. */
  digest?: string;
  identity?: [san: string, issuer: string];
  key?: string;
  trustedRoot?: string;
  /** `verified`, or the check that must reject it (`any` when the project names no reason we share). */
  expect: 'verified' | 'any' | string;
}

const CASES: Case[] = [
  {
    name: 'sigstore-go npm provenance (bundle v0.1, SLSA v0.2, chain with its root)',
    origin:
      'sigstore-go examples/README verifies it; its chain carries the root, which the conformance suite requires a client to reject (bundle-with-root-cert_fail), and so does the gate',
    bundle: 'sigstore-go/examples/bundle-provenance.json',
    digest:
      'sha512:76176ffa33808b54602c7c35de5c6e9a4deb96066dba6533f50ac234f4f1f4c6b3527515dc17c06fbe2860030f410eee69ea20079bd3a2c6f3dcf3b329b10751',
    identity: [SIGSTORE_JS_RELEASE, GITHUB_ACTIONS],
    trustedRoot: PUBLIC_GOOD_OLD,
    expect: 'certificate-chain',
  },
  {
    name: 'sigstore-go npm publish attestation, signed with the registry key',
    origin: 'sigstore-go examples/README: verifies with publish_key.pub',
    bundle: 'sigstore-go/examples/bundle-publish.json',
    digest:
      'sha512:76176ffa33808b54602c7c35de5c6e9a4deb96066dba6533f50ac234f4f1f4c6b3527515dc17c06fbe2860030f410eee69ea20079bd3a2c6f3dcf3b329b10751',
    key: 'sigstore-go/examples/publish_key.pub',
    trustedRoot: PUBLIC_GOOD_OLD,
    expect: 'verified',
  },
  {
    name: 'sigstore-go sigstore.js@2.0.0 provenance',
    origin: 'sigstore-go pkg/verify tests: verifies with public-good.json',
    bundle: 'sigstore-go/bundles/sigstore.js@2.0.0-provenance.sigstore.json',
    digest:
      'sha512:46d4e2f74c4877316640000a6fdf8a8b59f1e0847667973e9859f774dd31b8f1e0937813b777fb66a2ac67d50540fe34640966eee9fc2ccca387082b4c85cd3c',
    identity: [SIGSTORE_JS_RELEASE, GITHUB_ACTIONS],
    trustedRoot: 'sigstore-go/trusted-roots/public-good.json',
    expect: 'verified',
  },
  {
    name: 'sigstore-go DSSE with a SET only (v0.1, chain with its root)',
    origin:
      'sigstore-go pkg/verify tests verify it; its chain carries the root, rejected as the conformance suite requires (bundle-with-root-cert_fail)',
    bundle: 'sigstore-go/bundles/dsse.sigstore.json',
    digest:
      'sha512:bbfd372fc9beeb777fe35d05bb10c0c70a9733d366a75fed7dd18866c7391de3ee7e88ba74dd47abf3e15c845e547fcf0e5c3da80854c751554224d3a6d4e55f',
    identity: ['brian@dehamer.com', GITHUB_OAUTH],
    trustedRoot: 'sigstore-go/trusted-roots/public-good.json',
    expect: 'certificate-chain',
  },
  {
    name: 'sigstore-go DSSE envelope with two signatures',
    origin: 'sigstore-go pkg/verify tests: rejected (ErrDSSEInvalidSignatureCount)',
    bundle: 'sigstore-go/bundles/dsse-2sigs.sigstore.json',
    digest:
      'sha512:bbfd372fc9beeb777fe35d05bb10c0c70a9733d366a75fed7dd18866c7391de3ee7e88ba74dd47abf3e15c845e547fcf0e5c3da80854c751554224d3a6d4e55f',
    identity: ['brian@dehamer.com', GITHUB_OAUTH],
    trustedRoot: 'sigstore-go/trusted-roots/public-good.json',
    expect: 'any',
  },
  {
    name: 'sigstore-go key-signed message signature with a TSA timestamp',
    origin: 'sigstore-go pkg/verify tests: verifies with a key valid at the signing time',
    bundle: 'sigstore-go/bundles/public-key-validity.sigstore.json',
    artifact: { bytes: 'test content' },
    key: 'sigstore-go/public-keys/public-key-validity.pem',
    trustedRoot: 'sigstore-go/trusted-roots/public-key-validity.json',
    expect: 'verified',
  },
  {
    name: 'sigstore-rs cosign v3 image signature (Rekor v1 and a TSA timestamp)',
    origin: 'sigstore-rs tests/data/bundle_v03.json: verifies with the public-good root',
    bundle: 'sigstore-rs/kubewarden-controller-v1.34.0.cosign-sign-v1.sigstore.json',
    digest: 'sha256:c811d58de79c92f03214e63aa339484e488d694ae8a6283b5f3f17a9faf50172',
    identity: [
      'https://github.com/kubewarden/kubewarden-controller/.github/workflows/release.yml@refs/tags/v1.34.0',
      GITHUB_ACTIONS,
    ],
    expect: 'verified',
  },
  {
    name: 'sigstore-rs bundle with the older public-good root, which lacks the Sigstore TSA',
    origin: 'fixtures README: rejected with sigstore-go examples/trusted-root-public-good.json',
    bundle: 'sigstore-rs/kubewarden-controller-v1.34.0.cosign-sign-v1.sigstore.json',
    digest: 'sha256:c811d58de79c92f03214e63aa339484e488d694ae8a6283b5f3f17a9faf50172',
    identity: [
      'https://github.com/kubewarden/kubewarden-controller/.github/workflows/release.yml@refs/tags/v1.34.0',
      GITHUB_ACTIONS,
    ],
    trustedRoot: PUBLIC_GOOD_OLD,
    expect: 'timestamp',
  },
  {
    name: 'cosign OCI attestation bundle',
    origin: 'cosign pkg/cosign/testdata: verifies with trusted_root_pgi.json',
    bundle: 'cosign/oci-attestation.sigstore.json',
    digest: 'sha256:732112270d7e59418a8c080b134b24cabd67d250d0d0147a97ed95ba5c280aa4',
    identity: ['cody@soyland.com', GITHUB_OAUTH],
    trustedRoot: 'cosign/trusted_root_pgi.json',
    expect: 'verified',
  },
  {
    name: 'gh attestation: sigstore-js 2.1.0 provenance (sha512 subject)',
    origin: 'cli/cli attestation tests: verifies',
    bundle: 'gh-cli-attestation/sigstore-js-2.1.0-bundle.json',
    digest:
      'sha512:90f223f992e4c88dd068cd2a5fc57f9d2b30798343dd6e38f29c240e04ba090ef831f84490847c4e82b9232c78e8a258463b1e55c0f7469f730265008fa6633f',
    identity: [SIGSTORE_JS_RELEASE, GITHUB_ACTIONS],
    expect: 'verified',
  },
  {
    name: 'gh attestation: the same signature as a v0.1 bundle',
    origin: 'cli/cli attestation tests: cryptographically valid (gh refuses v0.1 by policy)',
    bundle: 'gh-cli-attestation/sigstore-js-2.1.0-bundle-v0.1.json',
    digest:
      'sha512:90f223f992e4c88dd068cd2a5fc57f9d2b30798343dd6e38f29c240e04ba090ef831f84490847c4e82b9232c78e8a258463b1e55c0f7469f730265008fa6633f',
    identity: [SIGSTORE_JS_RELEASE, GITHUB_ACTIONS],
    expect: 'verified',
  },
  {
    name: 'gh attestation: custom GitHub Enterprise issuer',
    origin: 'cli/cli attestation tests: verifies only with issuer …/hammer-time',
    bundle: 'gh-cli-attestation/custom-issuer.sigstore.json',
    artifact: 'gh-cli-attestation/custom-issuer-artifact',
    identity: [
      'https://github.com/too-legit/attest/.github/workflows/integration.yml@refs/heads/main',
      `${GITHUB_ACTIONS}/hammer-time`,
    ],
    expect: 'verified',
  },
  {
    name: 'gh attestation: custom issuer checked against the default issuer',
    origin: 'cli/cli attestation tests: rejected',
    bundle: 'gh-cli-attestation/custom-issuer.sigstore.json',
    artifact: 'gh-cli-attestation/custom-issuer-artifact',
    identity: [
      'https://github.com/too-legit/attest/.github/workflows/integration.yml@refs/heads/main',
      GITHUB_ACTIONS,
    ],
    expect: 'identity',
  },
  {
    name: 'gh attestation: reusable workflow',
    origin: 'cli/cli attestation tests: verifies',
    bundle: 'gh-cli-attestation/reusable-workflow-attestation.sigstore.json',
    digest: 'sha256:49a3aa6075e0f49f82843e74b5baa614ad2a588e6675612bf108a0a008c5ac25',
    identity: [
      'https://github.com/github/artifact-attestations-workflows/.github/workflows/attest.yml@09b495c3f12c7881b3cc17209a327792065c1a1d',
      GITHUB_ACTIONS,
    ],
    expect: 'verified',
  },
  {
    name: "gh attestation: GitHub's own instance (no log, a TSA timestamp)",
    origin: 'cli/cli attestation tests: verifies with the GitHub trusted root',
    bundle: 'gh-cli-attestation/github_provenance_demo-0.0.12-py3-none-any-bundle.jsonl',
    digest: 'sha256:ae57936def59bc4c75edd3a837d89bcefc6d3a5e31d55a6fa7a71624f92c3c3b',
    identity: [
      'https://github.com/actions/attest-demo/.github/workflows/build-python.yml@refs/heads/main',
      GITHUB_ACTIONS,
    ],
    trustedRoot: 'automata-slsa-sigstore-verifier/trusted_root.github.json',
    expect: 'verified',
  },
  {
    name: "gh attestation: GitHub's instance against the public-good root only",
    origin: 'cli/cli attestation tests: rejected',
    bundle: 'gh-cli-attestation/github_provenance_demo-0.0.12-py3-none-any-bundle.jsonl',
    digest: 'sha256:ae57936def59bc4c75edd3a837d89bcefc6d3a5e31d55a6fa7a71624f92c3c3b',
    identity: [
      'https://github.com/actions/attest-demo/.github/workflows/build-python.yml@refs/heads/main',
      GITHUB_ACTIONS,
    ],
    trustedRoot: 'automata-slsa-sigstore-verifier/trusted_root.public-good.json',
    expect: 'certificate-chain',
  },
  {
    name: 'gh attestation: bundle with an empty public key instead of a certificate',
    origin: 'cli/cli attestation tests: rejected (invalid bundle)',
    bundle: 'gh-cli-attestation/github_provenance_demo-0.0.12-py3-none-any-bundle-missing-cert.jsonl',
    digest: 'sha256:ae57936def59bc4c75edd3a837d89bcefc6d3a5e31d55a6fa7a71624f92c3c3b',
    identity: [
      'https://github.com/actions/attest-demo/.github/workflows/build-python.yml@refs/heads/main',
      GITHUB_ACTIONS,
    ],
    trustedRoot: 'automata-slsa-sigstore-verifier/trusted_root.github.json',
    expect: 'any',
  },
  {
    name: 'gh attestation: signature that does not match its log entry',
    origin: 'cli/cli attestation tests: rejected',
    bundle: 'gh-cli-attestation/sigstoreBundle-invalid-signature.json',
    artifact: 'sigstore-conformance-history/a.txt',
    identity: ['brian@dehamer.com', GITHUB_OAUTH],
    expect: 'any',
  },
  {
    name: 'Rekor v2 dsse 0.0.2 entry (conformance suite before #374)',
    origin:
      'sigstore-conformance 1a8529b (Aug 2025) expected it to verify; the Rekor v2 client spec (architecture-docs #63) and sigstore-go, -python, -rust, -js since drop the dsse 0.0.2 entry type',
    bundle: 'sigstore-conformance-history/rekor2-dsse-0.0.2-happy-path/bundle.sigstore.json',
    artifact: 'sigstore-conformance-history/a.txt',
    identity: [
      'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main',
      GITHUB_ACTIONS,
    ],
    trustedRoot: 'sigstore-conformance-history/rekor2-dsse-0.0.2-happy-path/trusted_root.json',
    expect: 'transparency-log',
  },
];

/** A bundle's JSON, two levels deep: what the derived cases edit. */
type BundleJson = Record<string, Record<string, unknown>>;

const CONFORMANCE = 'sigstore-conformance/bundle-verify';
const BEACON: [string, string] = [
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main',
  GITHUB_ACTIONS,
];

/** DERIVED from conformance bundles: the real bundle with one field changed, as the defects need. */
const DERIVED: Array<Case & { edit: (bundle: BundleJson) => void }> = [
  {
    name: 'v0.3 message signature without messageDigest (optional in the protobuf specs)',
    origin: 'DERIVED from happy-path-v0.3: messageSignature.messageDigest removed',
    bundle: `${CONFORMANCE}/happy-path-v0.3/bundle.sigstore.json`,
    artifact: `${CONFORMANCE}/a.txt`,
    identity: BEACON,
    edit: (bundle) => delete bundle.messageSignature!.messageDigest,
    expect: 'verified',
  },
  {
    name: 'v0.3 bundle carrying its certificate as a chain (allowed only in v0.1 and v0.2)',
    origin: 'DERIVED from happy-path-v0.3: certificate moved into x509CertificateChain',
    bundle: `${CONFORMANCE}/happy-path-v0.3/bundle.sigstore.json`,
    artifact: `${CONFORMANCE}/a.txt`,
    identity: BEACON,
    edit: (bundle) => {
      const material = bundle.verificationMaterial!;
      material.x509CertificateChain = { certificates: [material.certificate] };
      delete material.certificate;
    },
    expect: 'bundle-version',
  },
  {
    name: 'v0.1 bundle whose inclusion proof has no checkpoint',
    origin: 'DERIVED from bundle-with-root-cert_fail (v0.1, proof without checkpoint): chain cut to its leaf',
    bundle: `${CONFORMANCE}/bundle-with-root-cert_fail/bundle.sigstore.json`,
    artifact: `${CONFORMANCE}/bundle-with-root-cert_fail/artifact`,
    identity: BEACON,
    edit: (bundle) => {
      const chain = bundle.verificationMaterial!.x509CertificateChain as { certificates: unknown[] };
      chain.certificates = chain.certificates.slice(0, 1);
    },
    expect: 'transparency-log',
  },
];

const work = mkdtempSync(join(tmpdir(), 'scg-clients-corpus-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function materialize(entry: Case & { edit?: (bundle: BundleJson) => void }, index: number) {
  let bundle = fixturePath(`third-party/${entry.bundle}`);
  if (entry.edit) {
    const json = JSON.parse(readFileSync(bundle, 'utf8')) as BundleJson;
    entry.edit(json);
    bundle = join(work, `derived-${index}.json`);
    writeFileSync(bundle, JSON.stringify(json));
  }
  let artifact: string | undefined;
  if (typeof entry.artifact === 'string') artifact = fixturePath(`third-party/${entry.artifact}`);
  else if (entry.artifact) {
    artifact = join(work, `artifact-${index}`);
    writeFileSync(artifact, entry.artifact.bytes);
  }
  const digest =
    entry.digest ??
    (artifact && `sha256:${createHash('sha256').update(readFileSync(artifact)).digest('hex')}`);
  return { bundle, artifact, digest: digest! };
}

function argumentsFor(entry: Case, bundle: string, target: string): string[] {
  const args = ['verify-bundle', '--bundle', bundle];
  if (entry.key) args.push('--key', fixturePath(`third-party/${entry.key}`));
  else
    args.push('--certificate-identity', entry.identity![0], '--certificate-oidc-issuer', entry.identity![1]);
  if (entry.trustedRoot) args.push('--trusted-root', fixturePath(`third-party/${entry.trustedRoot}`));
  args.push(target);
  return args;
}

const all = [...CASES, ...DERIVED];
const runs = all.flatMap((entry, index) => {
  const modes: Array<'PATH' | 'DIGEST'> = entry.artifact ? ['PATH', 'DIGEST'] : ['DIGEST'];
  return modes.map((mode) => [`${entry.name} [${mode}]`, entry, index, mode] as const);
});

describe('other sigstore clients’ bundles through verify-bundle, with their projects’ expected outcomes', () => {
  it('holds every case of the corpus', () => {
    expect(CASES).toHaveLength(19);
    expect(runs.length).toBeGreaterThanOrEqual(all.length);
  });

  it.each(runs)('%s', async (_label, entry, index, mode) => {
    const { bundle, artifact, digest } = materialize(entry, index);
    const run = await runCliCaptured(argumentsFor(entry, bundle, mode === 'PATH' ? artifact! : digest), {
      cwd: work,
    });
    if (entry.expect === 'verified') {
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^verified: /);
      return;
    }
    expect(run.code).not.toBe(0);
    expect(run.stderr).not.toMatch(/internal error|TypeError|Cannot read properties/);
    expect(run.stderr).toMatch(
      entry.expect === 'any'
        ? /^not verified \([a-z-]+\): \S/
        : new RegExp(`^not verified \\(${entry.expect}\\): \\S`),
    );
  });
});

describe('an RSA key-signed message signature (PKCS#1 v1.5), verified from its digest alone', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const artifact = Buffer.from('an artifact signed with an RSA key\n');
  const digest = createHash('sha256').update(artifact).digest();
  const bundleFor = (signature: Buffer) => ({
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: { publicKey: { hint: 'rsa-test' }, tlogEntries: [] },
    messageSignature: {
      messageDigest: { algorithm: 'SHA2_256', digest: digest.toString('base64') },
      signature: signature.toString('base64'),
    },
  });
  // A root with no transparency log (sigstore-go's TSA-only root): only the signature is judged.
  const root = fixturePath('third-party/sigstore-go/trusted-roots/public-key-validity.json');

  it.each([
    ['PKCS#1 v1.5', sign('sha256', artifact, privateKey), 0, /^verified: /],
    ['PSS', sign('sha256', artifact, { key: privateKey, padding: constants.RSA_PKCS1_PSS_PADDING }), 1, /^$/],
  ] as const)('%s', async (_name, signature, code, stdout) => {
    const bundlePath = join(work, `rsa-${code}.json`);
    const keyPath = join(work, 'rsa.pub');
    writeFileSync(bundlePath, JSON.stringify(bundleFor(signature)));
    writeFileSync(keyPath, publicKey.export({ type: 'spki', format: 'pem' }));
    const run = await runCliCaptured(
      [
        'verify-bundle',
        '--bundle',
        bundlePath,
        '--key',
        keyPath,
        '--trusted-root',
        root,
        `sha256:${digest.toString('hex')}`,
      ],
      { cwd: work },
    );
    expect(run.code).toBe(code);
    expect(run.stdout).toMatch(stdout);
    if (code !== 0) expect(run.stderr).toMatch(/^not verified \(public-key\): /);
  });
});
