/** `verify-bundle` beyond the conformance suite: identities, regexps, instances, usage errors. */
import { fixturePath } from '../../support/fixtures.js';
import { runCliCaptured } from '../../support/cli.js';

const ISSUER = 'https://token.actions.githubusercontent.com';
const SIGSTORE_JS = fixturePath('third-party/gh-cli-attestation/sigstore-js-2.1.0-bundle.json');
const SIGSTORE_JS_SAN =
  'https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main';
const SIGSTORE_JS_SHA512 =
  'sha512:90f223f992e4c88dd068cd2a5fc57f9d2b30798343dd6e38f29c240e04ba090ef831f84490847c4e82b9232c78e8a258463b1e55c0f7469f730265008fa6633f';
const GITHUB_INSTANCE = fixturePath(
  'third-party/gh-cli-attestation/github_provenance_demo-0.0.12-py3-none-any-bundle.jsonl',
);
const cwd = fixturePath('third-party');

const verifyBundle = (...args: string[]) => runCliCaptured(['verify-bundle', ...args], { cwd });

describe('verify-bundle', () => {
  it('verifies a real attestation by its sha512 subject digest', async () => {
    const run = await verifyBundle(
      '--bundle',
      SIGSTORE_JS,
      '--certificate-identity',
      SIGSTORE_JS_SAN,
      '--certificate-oidc-issuer',
      ISSUER,
      SIGSTORE_JS_SHA512,
    );
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout: `verified: dsse signed by ${SIGSTORE_JS_SAN} (issuer ${ISSUER}, runner github-hosted)\n`,
    });
  });

  it('refuses another identity and shows the identity found', async () => {
    const run = await verifyBundle(
      '--bundle',
      SIGSTORE_JS,
      '--certificate-identity',
      'https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/mai',
      '--certificate-oidc-issuer',
      ISSUER,
      SIGSTORE_JS_SHA512,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `not verified (identity): signed by ${SIGSTORE_JS_SAN} (issuer ${ISSUER}, runner github-hosted), not the required identity: subject: expected "https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/mai", found "${SIGSTORE_JS_SAN}"\n`,
    );
  });

  it('anchors an identity regexp at both ends', async () => {
    const args = (regexp: string) => [
      '--bundle',
      SIGSTORE_JS,
      '--certificate-identity-regexp',
      regexp,
      '--certificate-oidc-issuer',
      ISSUER,
      SIGSTORE_JS_SHA512,
    ];
    expect((await verifyBundle(...args('https://github\\.com/sigstore/sigstore-js/.*'))).code).toBe(0);
    expect((await verifyBundle(...args('https://github\\.com/sigstore/'))).code).toBe(1);
    expect((await verifyBundle(...args('sigstore-js'))).code).toBe(1);
  });

  it('verifies a GitHub-instance bundle with the embedded roots, and rejects it under the public-good root alone', async () => {
    const args = [
      '--bundle',
      GITHUB_INSTANCE,
      '--certificate-identity',
      'https://github.com/actions/attest-demo/.github/workflows/build-python.yml@refs/heads/main',
      '--certificate-oidc-issuer',
      ISSUER,
    ];
    const digest = 'sha256:ae57936def59bc4c75edd3a837d89bcefc6d3a5e31d55a6fa7a71624f92c3c3b';
    expect((await verifyBundle(...args, digest)).code).toBe(0);
    const publicGoodOnly = await verifyBundle(
      ...args,
      '--trusted-root',
      fixturePath('third-party/cosign/trusted_root_pgi.json'),
      digest,
    );
    expect(publicGoodOnly.code).toBe(1);
    expect(publicGoodOnly.stderr).toMatch(/^not verified \(certificate-chain\): .*another Sigstore instance/);
  });

  it('refuses a certificate-signed bundle when a key was given', async () => {
    const run = await verifyBundle(
      '--bundle',
      SIGSTORE_JS,
      '--key',
      fixturePath('third-party/containers-image-cosign/cosign.pub'),
      SIGSTORE_JS_SHA512,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^not verified \(identity\): signed by the certificate of /);
  });

  it.each([
    [['--bundle', SIGSTORE_JS, SIGSTORE_JS_SHA512], /give --key, or --certificate-oidc-issuer/],
    [
      ['--bundle', SIGSTORE_JS, '--certificate-identity', 'x', SIGSTORE_JS_SHA512],
      /give --key, or --certificate-oidc-issuer/,
    ],
    [
      [
        '--bundle',
        SIGSTORE_JS,
        '--certificate-identity-regexp',
        '([',
        '--certificate-oidc-issuer',
        ISSUER,
        SIGSTORE_JS_SHA512,
      ],
      /not a valid regular expression/,
    ],
    [['--staging', '--bundle', SIGSTORE_JS, '--key', 'k', 'a'], /--staging: no staging trusted root/],
    [
      ['--bundle', 'missing.json', '--key', 'k', 'a'],
      /missing\.json: cannot read the bundle \(no such file\)/,
    ],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const run = await verifyBundle(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
