// Evidence snapshots and the policy preview, against baselines in the same run on the same data:
// writing a snapshot (secret stand-ins + generic encoding) next to plain JSON.stringify of the same
// evidence, reading one (validation + decoding) next to plain JSON.parse, and the preview (a
// second evaluation and the rule diff) next to the evaluation every run makes anyway.
// Evidence: one image with a scan of N findings (default 250,000, as the scans bench).
// Usage: node bench/evidence-snapshot.mjs [--findings N] [--rounds R]   (results in docs/performance.md)
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { checkLimits, median, option, ROOT } from './support/measure.mjs';

const FINDINGS = option('--findings', 250_000);
const ROUNDS = option('--rounds', 5);

mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
const outdir = mkdtempSync(join(ROOT, 'node_modules/.cache/scg-bench-snapshot-'));
try {
  await build({
    entryPoints: {
      snapshot: join(ROOT, 'src/evidence/snapshot.ts'),
      evaluate: join(ROOT, 'src/policy/evaluate.ts'),
      load: join(ROOT, 'src/policy/document/load.ts'),
      preview: join(ROOT, 'src/policy/authoring/preview.ts'),
    },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  });
  const load = (name) => import(pathToFileURL(join(outdir, `${name}.mjs`)).href);
  const { renderEvidenceSnapshot, parseEvidenceSnapshot } = await load('snapshot');
  const { evaluatePolicy } = await load('evaluate');
  const { parsePolicy } = await load('load');
  const { previewPolicy } = await load('preview');

  const evidence = makeEvidence(FINDINGS);
  const now = new Date('2026-12-01T00:00:00Z');
  const base = parsePolicy('version: 1\nvulnerabilities:\n  fail-on: [critical]\n', 'policy.yml');
  const proposed = parsePolicy('version: 1\nvulnerabilities:\n  fail-on: []\n', 'policy.yml@head');

  const time = (action) => {
    const samples = [];
    let result;
    for (let round = 0; round < ROUNDS; round++) {
      const started = process.hrtime.bigint();
      result = action();
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return { ms: median(samples), result };
  };

  const plainWrite = time(() => JSON.stringify(evidence, null, 1));
  const write = time(() => renderEvidenceSnapshot(evidence, { toolVersion: 'bench', createdAt: now }));
  const bytes = Buffer.from(write.result);
  const plainRead = time(() => JSON.parse(plainWrite.result));
  const read = time(() => parseEvidenceSnapshot(bytes, 'evidence.json'));
  const evaluation = time(() => evaluatePolicy(base, evidence, now));
  const preview = time(() =>
    previewPolicy(proposed, evidence, { policy: base, decision: evaluation.result }, now, {
      ref: 'head',
      changes: ['policy'],
    }),
  );

  const rows = [
    ['write snapshot', write.ms, 'JSON.stringify', plainWrite.ms],
    ['read snapshot', read.ms, 'JSON.parse', plainRead.ms],
    ['preview', preview.ms, 'evaluation', evaluation.ms],
  ];
  console.log(`${FINDINGS} findings, snapshot ${(bytes.length / 1e6).toFixed(1)} MB, median of ${ROUNDS}`);
  console.log('| step | ms | baseline | baseline ms | ratio |');
  console.log('| --- | ---: | --- | ---: | ---: |');
  for (const [step, ms, baseline, baselineMs] of rows) {
    console.log(
      `| ${step} | ${ms.toFixed(0)} | ${baseline} | ${baselineMs.toFixed(0)} | ${(ms / baselineMs).toFixed(2)} |`,
    );
  }
  const ratio = (value) => `${value.toFixed(2)}×`;
  checkLimits('Evidence snapshots and the preview', [
    {
      figure: 'writing a snapshot, against JSON.stringify',
      measured: write.ms / plainWrite.ms,
      limit: 3,
      format: ratio,
    },
    {
      figure: 'reading a snapshot, against JSON.parse',
      measured: read.ms / plainRead.ms,
      limit: 5,
      format: ratio,
    },
    {
      figure: 'the preview, against the evaluation it repeats',
      measured: preview.ms / evaluation.ms,
      limit: 1.5,
      format: ratio,
    },
  ]);
} finally {
  rmSync(outdir, { recursive: true, force: true });
}

function makeEvidence(count) {
  const digest = `sha256:${'a'.repeat(64)}`;
  const source = { kind: 'oci-layout', uri: 'oci:bench' };
  const config = {
    user: '1000',
    env: ['PATH=/usr/bin', `GITHUB_TOKEN=ghp_${'A1b2C3d4E5'.repeat(3)}abcdef`],
    labels: {},
    history: [],
  };
  const platform = {
    digest,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    annotations: {},
    config,
    layers: [],
    compressedSize: 0,
    source,
  };
  const severities = ['critical', 'high', 'medium', 'low', 'unknown'];
  const findings = Array.from({ length: count }, (_, index) => ({
    id: `CVE-2024-${String(index).padStart(6, '0')}`,
    aliases: [`GHSA-${index.toString(36).padStart(4, 'x')}-aaaa-bbbb`],
    packageName: `pkg-${index % 5000}`,
    installedVersion: '1.0.0',
    fixedVersion: index % 3 === 0 ? undefined : '1.0.1',
    severity: severities[index % 5],
    sourceSeverity: severities[index % 5].toUpperCase(),
    cvssScore: (index % 100) / 10,
    title: `A vulnerability in pkg-${index % 5000}`,
    target: 'app (alpine 3.19)',
    sources: [{ scanner: 'trivy', format: 'trivy-json', uri: 'trivy.json' }],
  }));
  return {
    image: {
      reference: 'oci:bench:1',
      name: 'oci:bench',
      digest,
      mediaType: platform.mediaType,
      annotations: {},
      platforms: [platform],
      config,
      layers: [],
      source,
    },
    scans: [
      {
        format: 'trivy-json',
        scanner: { name: 'trivy', version: '0.58.0' },
        artifact: { digests: [digest] },
        findings,
        source: { kind: 'file', uri: 'trivy.json', digest },
      },
    ],
    discovered: [],
    verifications: [],
  };
}
