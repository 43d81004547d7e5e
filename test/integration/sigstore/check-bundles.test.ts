/**
 * `check --bundle` end to end: a bundle file about the demo image (an OCI layout) is read,
 * verified with the policy's key, and judged by the `signatures` family; the JSON report carries
 * the verification.
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/fixtures.js';
import { runCliCaptured } from '../../support/cli.js';

const DEMO_DIGEST = 'sha256:b147d176511eebef0f8e759505db656520af794ebaccdc4a741974ce60e23ca2';

/** A v0.3 bundle: an in-toto statement about `digest` in a DSSE envelope, signed with `privateKey`. */
function keySignedBundle(digest: string, privateKey: ReturnType<typeof generateKeyPairSync>['privateKey']) {
  const statement = {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'app', digest: { sha256: digest.slice('sha256:'.length) } }],
    predicateType: 'https://example.test/reviewed/v1',
    predicate: { reviewer: 'ci' },
  };
  const payload = Buffer.from(JSON.stringify(statement));
  const payloadType = 'application/vnd.in-toto+json';
  const pae = Buffer.concat([
    Buffer.from(`DSSEv1 ${payloadType.length} ${payloadType} ${payload.length} `),
    payload,
  ]);
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: { publicKey: { hint: 'ci-key' }, tlogEntries: [] },
    dsseEnvelope: {
      payload: payload.toString('base64'),
      payloadType,
      signatures: [{ sig: sign('sha256', pae, privateKey).toString('base64'), keyid: '' }],
    },
  };
}

describe('check --bundle', () => {
  let workspace: string;
  const signer = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' });

  beforeAll(() => {
    workspace = mkdtempSync(join(tmpdir(), 'scg-bundles-'));
    cpSync(join(REPO_ROOT, 'examples/demo/app-oci'), join(workspace, 'app-oci'), { recursive: true });
    writeFileSync(join(workspace, 'ci.pub'), signer.publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(
      join(workspace, 'policy.yml'),
      [
        'version: 1',
        'vulnerabilities:',
        '  require-scan: false',
        'signatures:',
        '  required: true',
        '  transparency-log: optional',
        '  keys:',
        '    - name: ci-key',
        '      path: ci.pub',
        '',
      ].join('\n'),
    );
  });
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  async function check(bundle: unknown) {
    writeFileSync(join(workspace, 'att.sigstore.json'), JSON.stringify(bundle));
    const run = await runCliCaptured(
      [
        'check',
        '--image',
        'oci:app-oci:1.0',
        '--policy',
        'policy.yml',
        '--bundle',
        'att.sigstore.json',
        '--json',
        'report.json',
        '-q',
      ],
      { cwd: workspace },
    );
    const report = JSON.parse(readFileSync(join(workspace, 'report.json'), 'utf8')) as {
      results: Array<{ ruleId: string; status: string; title: string; message: string }>;
      verifications?: Array<{ status: string; signer?: unknown; check?: string }>;
    };
    return { run, report, signed: report.results.find((result) => result.ruleId === 'signatures.signed') };
  }

  it('passes an attestation about the image signed with the policy key', async () => {
    const { signed, report } = await check(keySignedBundle(DEMO_DIGEST, signer.privateKey));
    expect(signed).toMatchObject({ status: 'pass', title: 'Signed by key ci-key' });
    expect(report.verifications?.[0]).toMatchObject({
      status: 'verified',
      signer: { kind: 'public-key', keyId: 'ci-key' },
    });
  });

  it('fails an attestation signed with another key, saying so', async () => {
    const { signed } = await check(keySignedBundle(DEMO_DIGEST, stranger.privateKey));
    expect(signed).toMatchObject({ status: 'fail', title: 'Signature invalid' });
    expect(signed?.message).toContain(
      'public-key check failed: the signature does not verify with the trusted key ci-key',
    );
  });

  it('fails an attestation about another image', async () => {
    const other = `sha256:${createHash('sha256').update('another image').digest('hex')}`;
    const { signed } = await check(keySignedBundle(other, signer.privateKey));
    expect(signed?.status).toBe('fail');
    expect(signed?.message).toContain(
      `subject-binding check failed: the attestation is about ${other}, not ${DEMO_DIGEST}`,
    );
  });

  it('names the file when a bundle is not JSON', async () => {
    writeFileSync(join(workspace, 'broken.json'), '{"mediaType": ');
    const run = await runCliCaptured(
      ['check', '--image', 'oci:app-oci:1.0', '--policy', 'policy.yml', '--bundle', 'broken.json', '-q'],
      { cwd: workspace },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('broken.json: not a JSON sigstore bundle');
  });
});
