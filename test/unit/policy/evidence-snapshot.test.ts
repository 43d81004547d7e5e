import {
  EVIDENCE_SCHEMA,
  parseEvidenceSnapshot,
  REDACTED_PLACEHOLDER,
  renderEvidenceSnapshot,
  SnapshotError,
  withConfigSecretScan,
} from '../../../src/evidence/snapshot.js';
import type { Evidence } from '../../../src/model/evidence.js';
import { evaluatePolicy } from '../../../src/policy/evaluate.js';
import { parsePolicy } from '../../../src/policy/document/load.js';

// Built at run time so no scanner flags this file: none of these are real credentials.
const GITHUB = `ghp_${'A1b2C3d4E5'.repeat(3)}abcdef`;
const AWS = `AKIA${'QWERTYUIOPASDFGH'}`;
const SLACK = `xoxb-${'1234567890'}-${'abcdefghij'}`;
const NPM = `npm_${'Zx9Yw8Vu7T'.repeat(3)}abcdef`;
const DIGEST = `sha256:${'1'.repeat(64)}`;
const NOW = new Date('2026-12-01T00:00:00Z');

function evidenceWith(env: string[], history: string[] = []): Evidence {
  const config = {
    user: 'root',
    env,
    labels: { 'org.example.token': SLACK, 'org.opencontainers.image.source': 'https://github.com/acme/app' },
    history: history.map((createdBy) => ({ createdBy })),
  };
  const source = { kind: 'registry' as const, uri: 'http://127.0.0.1:5000/v2/acme/app' };
  const platform = {
    digest: DIGEST,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    annotations: { 'org.example.note': 'plain' },
    config,
    layers: [{ digest: DIGEST, size: 10, mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip' }],
    compressedSize: 10,
    source,
  };
  return {
    image: {
      reference: '127.0.0.1:5000/acme/app:1',
      name: '127.0.0.1:5000/acme/app',
      digest: DIGEST,
      mediaType: platform.mediaType,
      annotations: {},
      platforms: [platform],
      config,
      layers: platform.layers,
      source,
    },
    scans: [],
    discovered: [
      {
        kind: 'cosign-signature',
        subjectDigest: DIGEST,
        source: { kind: 'registry', uri: 'x', digest: DIGEST },
        cosignLayer: { mediaType: 'm', payload: new Uint8Array([0, 1, 2, 250]), annotations: {} },
      },
    ],
    verifications: [
      {
        status: 'invalid',
        artifact: {
          kind: 'cosign-signature',
          subjectDigest: DIGEST,
          source: { kind: 'registry', uri: 'x', digest: DIGEST },
        },
        check: 'signature',
        message: 'no',
      },
    ],
  };
}

describe('evidence snapshots', () => {
  const policy = parsePolicy('version: 1\nvulnerabilities:\n  require-scan: false\n', 'policy.yml');

  it('round-trips evidence with bytes and "$" keys, without the credentials, to the same decision', async () => {
    const evidence = await withConfigSecretScan(
      evidenceWith(
        [`GITHUB_TOKEN=${GITHUB}`, 'PATH=/usr/bin', `AWS_KEY=${AWS}`],
        [`/bin/sh -c #(nop) ENV NPM=${NPM}`],
      ),
    );
    (evidence.verifications![0] as { message: string }).message = 'no';
    const statement = { predicate: { $bytes: 'not ours', nested: { $date: 'x' } } };
    (evidence as unknown as { extra: unknown }).extra = {
      statement,
      when: new Date('2026-01-02T03:04:05Z'),
      map: new Map([['a', 1]]),
    };
    const before = evaluatePolicy(policy, evidence, NOW);
    const text = renderEvidenceSnapshot(evidence, { toolVersion: 't', createdAt: NOW, decision: before });
    for (const secret of [GITHUB, AWS, NPM, SLACK]) expect(text).not.toContain(secret.slice(4));
    expect(text).toContain(REDACTED_PLACEHOLDER);
    expect(text).toContain('PATH=/usr/bin');
    const snapshot = parseEvidenceSnapshot(Buffer.from(text), 'evidence.json');
    expect(snapshot.schema).toBe(EVIDENCE_SCHEMA);
    expect(snapshot.redactions.every((entry) => entry.exact)).toBe(true);
    expect(snapshot.redactions.map((entry) => entry.where)).toEqual(
      expect.arrayContaining([
        'config Env GITHUB_TOKEN',
        'platforms[0] Env AWS_KEY',
        'config Label org.example.token',
      ]),
    );
    const replayed = snapshot.evidence;
    expect(replayed.discovered[0]!.cosignLayer!.payload).toEqual(new Uint8Array([0, 1, 2, 250]));
    expect((replayed as unknown as { extra: unknown }).extra).toEqual({
      statement,
      when: new Date('2026-01-02T03:04:05Z'),
      map: new Map([['a', 1]]),
    });
    const after = evaluatePolicy(policy, replayed, NOW);
    const strip = (d: typeof before) =>
      d.results.map(({ ruleId, status, message, title }) => ({ ruleId, status, message, title }));
    expect(strip(after)).toEqual(strip(before));
    expect(after.results.find((r) => r.ruleId === 'image.secrets')!.status).toBe('fail');
    expect(snapshot.decision!.results).toEqual(
      before.results.map(({ ruleId, status }) => ({ ruleId, status })),
    );
  });

  it('refuses what is not a snapshot, one it cannot read, and a malformed one, naming the file', () => {
    const text = renderEvidenceSnapshot(evidenceWith([]), { toolVersion: 't', createdAt: NOW });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const problems = (edit: (raw: Record<string, any>) => void): string[] => {
      const raw = JSON.parse(text);
      edit(raw);
      try {
        parseEvidenceSnapshot(Buffer.from(JSON.stringify(raw)), 'e.json');
        return [];
      } catch (error) {
        return (error as SnapshotError).lines;
      }
    };
    expect(problems((raw) => (raw.schema = 'other'))[0]).toMatch(/^e\.json: not an evidence snapshot/);
    expect(problems((raw) => (raw.version = 2))[0]).toMatch(
      /version 2 was written by a newer supply-chain-gate/,
    );
    expect(problems((raw) => (raw.evidence.image.digest = 'sha256:zz'))).toEqual([
      'e.json: evidence.image.digest: expected sha256:<64 hex>',
    ]);
    expect(problems((raw) => (raw.evidence.discovered[0].cosignLayer.payload = { $bytes: '@@' }))).toEqual([
      'e.json: evidence.discovered[0].cosignLayer.payload: malformed $bytes value',
    ]);
    expect(problems((raw) => delete raw.evidence.scans)).toEqual([
      'e.json: evidence.scans: expected an array',
    ]);
    expect(() => parseEvidenceSnapshot(Buffer.from('{\n "schema": secret-text}'), 'e.json')).toThrow(
      /^e\.json:2:12: invalid JSON/,
    );
    try {
      parseEvidenceSnapshot(Buffer.from('{\n "schema": secret-text}'), 'e.json');
    } catch (error) {
      expect((error as Error).message).not.toContain('secret');
    }
  });
});
