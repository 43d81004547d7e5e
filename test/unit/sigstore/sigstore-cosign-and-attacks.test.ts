/**
 * Legacy cosign `.sig`/`.att` layers verified through the same engine, and attacks on real data:
 * tampered signatures, payloads and log entries, keys posing as certificates, bundles of unknown
 * versions, identities that only partly match.
 */
import { readFileSync } from 'node:fs';
import type { DiscoveredArtifact } from '../../../src/model/evidence.js';
import { COSIGN_ANNOTATIONS, type CosignLayer } from '../../../src/sigstore/cosign-layer.js';
import { matchIdentity } from '../../../src/sigstore/identity-policy.js';
import { parseDigest } from '../../../src/sigstore/in-toto.js';
import { parsePublicKey } from '../../../src/sigstore/public-keys.js';
import { verifyBundle } from '../../../src/sigstore/verify-bundle.js';
import { verifyDiscovered } from '../../../src/sigstore/verify-discovered.js';
import type { TrustedKey } from '../../../src/sigstore/verify-bundle.js';
import { fixturePath, readFixture } from '../../support/fixtures.js';
import {
  bundleFixture,
  containersImageSignature,
  embeddedTrust,
  sha256Of,
} from '../../support/sigstore-fixtures.js';

const COSIGN = 'third-party/containers-image-cosign';
const trust = embeddedTrust();

function key(file: string): TrustedKey {
  return parsePublicKey(readFixture(`${COSIGN}/${file}`), file, file);
}

function manifestDigest(dir: string): string {
  return sha256Of(readFileSync(fixturePath(`${COSIGN}/${dir}/manifest.json`)));
}

function cosignArtifact(layer: CosignLayer, subjectDigest: string): DiscoveredArtifact {
  return {
    kind: layer.mediaType.includes('dsse') ? 'cosign-attestation' : 'cosign-signature',
    subjectDigest,
    source: { kind: 'registry', uri: 'test' },
    cosignLayer: layer,
  };
}

function verifyLayer(layer: CosignLayer, subjectDigest: string, keys: TrustedKey[] = []) {
  const [result] = verifyDiscovered([cosignArtifact(layer, subjectDigest)], { trust, keys });
  return result!;
}

describe('legacy cosign signatures', () => {
  it('verifies a keyless signature with its Rekor SET, bound to the signed manifest', () => {
    const layer = containersImageSignature(`${COSIGN}/dir-img-cosign-fulcio-rekor-valid/signature-1`);
    const result = verifyLayer(layer, manifestDigest('dir-img-cosign-fulcio-rekor-valid'));
    expect(result).toMatchObject({
      status: 'verified',
      content: 'message-signature',
      signer: { kind: 'certificate', san: 'mitr@redhat.com', issuer: 'https://github.com/login/oauth' },
      transparencyLog: [
        { entryKind: 'hashedrekord 0.0.1', proof: 'inclusion-promise', logIndex: '11605770' },
      ],
    });
  });

  it('verifies a key signature with a Rekor SET only with the key that made it', () => {
    const layer = containersImageSignature(`${COSIGN}/dir-img-cosign-key-rekor-valid/signature-1`);
    const digest = manifestDigest('dir-img-cosign-key-rekor-valid');
    expect(verifyLayer(layer, digest, [key('cosign2.pub')])).toMatchObject({
      status: 'verified',
      signer: { kind: 'public-key', keyId: 'cosign2.pub' },
    });
    expect(verifyLayer(layer, digest, [key('cosign.pub')])).toMatchObject({
      status: 'invalid',
      check: 'public-key',
    });
    expect(verifyLayer(layer, digest)).toMatchObject({ status: 'invalid', check: 'public-key' });
  });

  it('verifies a key signature without a log entry, and records that it has none', () => {
    const layer = containersImageSignature(`${COSIGN}/dir-img-cosign-valid/signature-1`);
    expect(verifyLayer(layer, manifestDigest('dir-img-cosign-valid'), [key('cosign.pub')])).toMatchObject({
      status: 'verified',
      transparencyLog: [],
    });
  });

  it('rejects a valid signature over another manifest digest', () => {
    const layer = containersImageSignature(`${COSIGN}/dir-img-cosign-modified-manifest/signature-1`);
    const result = verifyLayer(layer, manifestDigest('dir-img-cosign-modified-manifest'), [
      key('cosign.pub'),
    ]);
    expect(result).toMatchObject({ status: 'invalid', check: 'subject-binding' });
    expect(result.status === 'invalid' && result.message).toMatch(/^the signature is for sha256:634a8f35/);
  });

  it('rejects a signature by a key the policy does not list', () => {
    const layer = containersImageSignature(`${COSIGN}/unknown-cosign-key.signature`);
    const result = verifyLayer(layer, manifestDigest('dir-img-cosign-valid'), [
      key('cosign.pub'),
      key('cosign2.pub'),
    ]);
    expect(result).toMatchObject({ status: 'invalid', check: 'public-key' });
  });

  it('never accepts a public key in the certificate annotation as a certificate', () => {
    const layer = containersImageSignature(`${COSIGN}/dir-img-cosign-key-rekor-valid/signature-1`);
    const posing = {
      ...layer,
      annotations: {
        ...layer.annotations,
        [COSIGN_ANNOTATIONS.certificate]: readFixture(`${COSIGN}/cosign2.pub`),
      },
    };
    const result = verifyLayer(posing, manifestDigest('dir-img-cosign-key-rekor-valid'), [
      key('cosign2.pub'),
    ]);
    expect(result).toMatchObject({ status: 'invalid', check: 'certificate' });
    expect(result.status === 'invalid' && result.message).toMatch(/PUBLIC KEY.*not a certificate/);
  });

  it('ignores a chain annotation: trust comes only from the trusted root', () => {
    const layer = containersImageSignature(`${COSIGN}/dir-img-cosign-fulcio-rekor-valid/signature-1`);
    const chained = {
      ...layer,
      annotations: { ...layer.annotations, [COSIGN_ANNOTATIONS.chain]: readFixture(`${COSIGN}/cosign.pub`) },
    };
    expect(verifyLayer(chained, manifestDigest('dir-img-cosign-fulcio-rekor-valid')).status).toBe('verified');
  });

  it('rejects a keyless signature whose Rekor SET was removed unless a log is optional, and then lacks a time', () => {
    const layer = containersImageSignature(`${COSIGN}/dir-img-cosign-fulcio-rekor-valid/signature-1`);
    const annotations = { ...layer.annotations };
    delete annotations[COSIGN_ANNOTATIONS.bundle];
    const result = verifyLayer(
      { ...layer, annotations },
      manifestDigest('dir-img-cosign-fulcio-rekor-valid'),
    );
    expect(result).toMatchObject({ status: 'invalid', check: 'timestamp' });
  });

  it('verifies a cosign attestation layer (slsa-github-generator, cosign save layout) against the image digest', () => {
    const layout = 'third-party/slsa-verifier/container_workflow_dispatch/blobs/sha256';
    const manifest = JSON.parse(
      readFixture(`${layout}/21454caf3a160dfbe6359f0501aa8401c6c0f2c7a8b71380ea21f8c4b48b64fe`),
    ) as {
      layers: Array<{ mediaType: string; digest: string; annotations: Record<string, string> }>;
    };
    const entry = manifest.layers[0]!;
    const layer: CosignLayer = {
      mediaType: entry.mediaType,
      payload: readFileSync(fixturePath(`${layout}/${entry.digest.slice('sha256:'.length)}`)),
      annotations: entry.annotations,
    };
    const image = readFixture('third-party/slsa-verifier/container_workflow_dispatch.digest').trim();
    const result = verifyLayer(layer, image);
    expect(result).toMatchObject({
      status: 'verified',
      content: 'dsse',
      statement: { predicateType: 'https://slsa.dev/provenance/v0.2' },
      signer: {
        san: 'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_container_slsa3.yml@refs/tags/v2.1.0',
        claims: { sourceRepositoryUri: 'https://github.com/slsa-framework/example-package' },
      },
    });
    expect(verifyLayer(layer, `sha256:${'1'.repeat(64)}`)).toMatchObject({
      status: 'invalid',
      check: 'subject-binding',
    });
  });
});

describe('attacks on real bundles', () => {
  const HAPPY = 'third-party/sigstore-conformance/bundle-verify/happy-path-v0.3/bundle.sigstore.json';
  const artifact = {
    bytes: readFileSync(fixturePath('third-party/sigstore-conformance/bundle-verify/a.txt')),
  };
  const happy = () => structuredClone(bundleFixture(HAPPY)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const run = (bundle: unknown) =>
    verifyBundle({ bundle, artifact, trust, keys: [], transparencyLog: 'instance' });

  it('accepts the untouched bundle', () => {
    expect(run(happy()).status).toBe('verified');
  });

  it('rejects a tampered signature', () => {
    const bundle = happy();
    const signature = Buffer.from(bundle.messageSignature.signature, 'base64');
    const last = signature.length - 1;
    signature.writeUInt8(signature.readUInt8(last) ^ 1, last);
    bundle.messageSignature.signature = signature.toString('base64');
    expect(run(bundle)).toMatchObject({ status: 'invalid' });
  });

  it('rejects a tampered log entry body', () => {
    const bundle = happy();
    const entry = bundle.verificationMaterial.tlogEntries[0];
    const body = JSON.parse(Buffer.from(entry.canonicalizedBody, 'base64').toString('utf8'));
    body.spec.data.hash.value = 'f'.repeat(64);
    entry.canonicalizedBody = Buffer.from(JSON.stringify(body)).toString('base64');
    expect(run(bundle)).toMatchObject({ status: 'invalid', check: 'transparency-log' });
  });

  it('rejects a log entry moved to another index', () => {
    const bundle = happy();
    const entry = bundle.verificationMaterial.tlogEntries[0];
    entry.logIndex = String(Number(entry.logIndex) + 1);
    expect(run(bundle)).toMatchObject({ status: 'invalid', check: 'transparency-log' });
  });

  it('rejects a tampered DSSE payload (a cosign v3 image signature made to name another image)', () => {
    const bundle = structuredClone(
      bundleFixture('third-party/sigstore-rs/kubewarden-controller-v1.34.0.cosign-sign-v1.sigstore.json'),
    ) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8'));
    statement.subject[0].digest.sha256 = 'ab'.repeat(32);
    bundle.dsseEnvelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
    const result = verifyBundle({
      bundle,
      artifact: { digest: parseDigest(`sha256:${'ab'.repeat(32)}`)! },
      trust,
      keys: [],
      transparencyLog: 'instance',
    });
    expect(result).toMatchObject({ status: 'invalid' });
  });

  it.each([
    'application/vnd.dev.sigstore.bundle+json;version=0.4',
    'application/vnd.dev.sigstore.bundle.v0.4+json',
    'application/vnd.dev.sigstore.bundle.v0.3+json; charset=utf-8',
    'application/vnd.dev.sigstore.bundle+json;version=0.3x',
  ])('rejects the unknown bundle media type %s', (mediaType) => {
    expect(run({ ...happy(), mediaType })).toMatchObject({ status: 'invalid', check: 'bundle-version' });
  });

  it('accepts both spellings of the v0.3 media type', () => {
    for (const mediaType of [
      'application/vnd.dev.sigstore.bundle+json;version=0.3',
      'application/vnd.dev.sigstore.bundle.v0.3+json',
    ]) {
      expect(run({ ...happy(), mediaType }).status).toBe('verified');
    }
  });

  it('matches identities whole: no prefix, suffix or substring of the subject or issuer', () => {
    const result = run(happy());
    if (result.status !== 'verified' || result.signer.kind !== 'certificate') throw new Error('not verified');
    const san = result.signer.san!;
    const issuer = result.signer.issuer!;
    expect(matchIdentity(result.signer, { issuer, subject: san })).toEqual({ matched: true });
    expect(
      matchIdentity(result.signer, { issuer, subjectRegExp: 'https://github\\.com/sigstore-conformance/.*' }),
    ).toEqual({ matched: true });
    for (const wrong of [
      { issuer, subject: san.slice(0, 30) },
      { issuer, subject: `${san}/extra` },
      { issuer, subjectRegExp: 'extremely-dangerous' },
      { issuer, subjectRegExp: 'https://github\\.com/sigstore-conformance' },
      { issuer, subjectRegExp: 'a|https://github\\.com/sigstore-conformance' },
      { issuer: issuer.slice(0, -1), subject: san },
      { issuer: `${issuer}.evil.example`, subject: san },
      { issuer: issuer.toUpperCase(), subject: san },
    ]) {
      expect(matchIdentity(result.signer, wrong)).toMatchObject({ matched: false });
    }
  });
});
