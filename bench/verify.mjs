// Time per bundle of the gate's verification engine against raw @sigstore/verify on the same
// bundles, in the same run, and against the floor of one node:crypto signature check; then whole
// runs of many bundles that share a certificate chain, where the engine's per-run caches (verified
// CA certificates, parsed leaf certificates) apply and the library has none.
// Usage: node bench/verify.mjs [--rounds N]   (results go in docs/performance.md)
import { Buffer } from 'node:buffer';
import { createPublicKey, verify as cryptoVerify, X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { build } from 'esbuild';
import { checkLimits } from './support/measure.mjs';

const roundsIndex = process.argv.indexOf('--rounds');
const ROUNDS = roundsIndex === -1 ? 60 : Number(process.argv[roundsIndex + 1]);
const root = new URL('../', import.meta.url);
const fixture = (path) => new URL(`test/fixtures/third-party/${path}`, root);
const read = (path) => readFileSync(fixture(path));

// The engine is TypeScript: bundle the modules the bench calls, packages left external (so the
// output sits under node_modules, where those packages resolve).
mkdirSync(new URL('node_modules/.cache/', root), { recursive: true });
const outdir = mkdtempSync(new URL('node_modules/.cache/scg-bench-', root).pathname);
await build({
  entryPoints: {
    engine: new URL('src/sigstore/verify-bundle.ts', root).pathname,
    trust: new URL('src/sigstore/trusted-root.ts', root).pathname,
    identity: new URL('src/sigstore/identity-policy.ts', root).pathname,
    digest: new URL('src/sigstore/in-toto.ts', root).pathname,
  },
  outdir,
  bundle: true,
  // One copy of each module, shared by the entries, as in dist/: the engine's caches recognise
  // their own certificates by class.
  splitting: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
const { verifyBundle } = await import(pathToFileURL(join(outdir, 'engine.mjs')).href);
const { parseTrustedRoot } = await import(pathToFileURL(join(outdir, 'trust.mjs')).href);
const { matchIdentity } = await import(pathToFileURL(join(outdir, 'identity.mjs')).href);
const { parseDigest } = await import(pathToFileURL(join(outdir, 'digest.mjs')).href);
rmSync(outdir, { recursive: true, force: true });

const publicGoodJson = JSON.parse(readFileSync(new URL('src/trust/public-good.json', root), 'utf8'));
const githubJson = JSON.parse(readFileSync(new URL('src/trust/github.json', root), 'utf8'));
// A trust store as one run loads it. Its caches start empty: a fresh one per measured
// verification is the uncached case, one for a whole run is what a run with many bundles gets.
const freshTrust = () => ({
  instances: [parseTrustedRoot(publicGoodJson, 'public-good'), parseTrustedRoot(githubJson, 'github')],
  origin: 'embedded',
});
const raw = {
  'public-good': toTrustMaterial(TrustedRoot.fromJSON(publicGoodJson)),
  github: toTrustMaterial(TrustedRoot.fromJSON(githubJson)),
};

const GHA = 'https://token.actions.githubusercontent.com';
const conformance = 'sigstore-conformance/bundle-verify';
const aTxt = read(`${conformance}/a.txt`);
const BEACON =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
const cases = [
  {
    name: 'v0.1 message signature (SET)',
    file: `${conformance}/happy-path-v0.1/bundle.sigstore.json`,
    bytes: aTxt,
    san: BEACON,
  },
  {
    name: 'v0.3 message signature (proof)',
    file: `${conformance}/happy-path-v0.3/bundle.sigstore.json`,
    bytes: aTxt,
    san: BEACON,
  },
  {
    name: 'v0.3 DSSE in-toto',
    file: `${conformance}/happy-path-intoto-in-dsse-v3/bundle.sigstore.json`,
    bytes: aTxt,
    san: BEACON,
  },
  {
    name: 'GitHub provenance (public good)',
    file: 'automata-slsa-sigstore-verifier/actions-attest-build-provenance-attestation-13532655.sigstore.json',
    digest: 'sha256:bb030cb9e028ff6d4051f2103b3b08f7e3928aa80a7d3626cef6e2553dc714b8',
    san: 'https://github.com/actions/attest-build-provenance/.github/workflows/prober.yml@refs/heads/main',
  },
  {
    name: "GitHub provenance (GitHub's instance, TSA)",
    file: 'automata-slsa-sigstore-verifier/actions-attest-build-provenance-attestation-13531551.sigstore.json',
    digest: 'sha256:b03d18ed0a16864ef2d2e559c660159a2170b9d086a1f42f570b1679326b90e6',
    san: 'https://github.com/actions/attest-build-provenance/.github/workflows/prober.yml@refs/heads/main',
    instance: 'github',
  },
  {
    name: 'cosign v3 image signature (Rekor + TSA)',
    file: 'sigstore-rs/kubewarden-controller-v1.34.0.cosign-sign-v1.sigstore.json',
    digest: 'sha256:c811d58de79c92f03214e63aa339484e488d694ae8a6283b5f3f17a9faf50172',
    san: 'https://github.com/kubewarden/kubewarden-controller/.github/workflows/release.yml@refs/tags/v1.34.0',
  },
];

for (const c of cases) {
  c.json = JSON.parse(read(c.file).toString('utf8'));
  c.artifact = c.bytes ? { bytes: c.bytes } : { digest: parseDigest(c.digest) };
  // Raw @sigstore/verify verifies a DSSE envelope without the artifact; a message signature needs its bytes.
  c.rawArtifact = c.bytes;
}

function ours(c, trust) {
  const result = verifyBundle({
    bundle: c.json,
    artifact: c.artifact,
    trust,
    keys: [],
    transparencyLog: 'instance',
  });
  if (result.status !== 'verified') throw new Error(`${c.name}: ${result.check}: ${result.message}`);
  if (!matchIdentity(result.signer, { issuer: GHA, subject: c.san }).matched)
    throw new Error(`${c.name}: identity`);
}

function sigstoreJs(c) {
  const instance = c.instance ?? 'public-good';
  const thresholds = instance === 'github' ? { tlogThreshold: 0, ctlogThreshold: 0 } : {};
  const entity = toSignedEntity(bundleFromJSON(c.json), c.rawArtifact);
  new Verifier(raw[instance], thresholds).verify(entity, {
    subjectAlternativeName: c.san,
    extensions: { issuer: GHA },
  });
}

// The floor: one signature check with a key already parsed, nothing else.
function floorFor(c) {
  const bundle = c.json;
  const material = bundle.verificationMaterial;
  const der = Buffer.from(
    (material.certificate ?? material.x509CertificateChain.certificates[0]).rawBytes,
    'base64',
  );
  const key = createPublicKey(new X509Certificate(der).publicKey.export({ type: 'spki', format: 'pem' }));
  if (bundle.dsseEnvelope) {
    const { payloadType, payload } = bundle.dsseEnvelope;
    const body = Buffer.from(payload, 'base64');
    const pae = Buffer.concat([
      Buffer.from(`DSSEv1 ${payloadType.length} ${payloadType} ${body.length} `),
      body,
    ]);
    const sig = Buffer.from(bundle.dsseEnvelope.signatures[0].sig, 'base64');
    return () => cryptoVerify('sha256', pae, key, sig);
  }
  const sig = Buffer.from(bundle.messageSignature.signature, 'base64');
  return () => cryptoVerify('sha256', c.bytes, key, sig);
}

/** Median of `rounds` timings of `fn(setup())`; `setup` runs untimed before each. */
function time(fn, rounds, setup = () => undefined) {
  for (let i = 0; i < Math.min(10, rounds); i++) fn(setup());
  const samples = [];
  for (let i = 0; i < rounds; i++) {
    const input = setup();
    const start = process.hrtime.bigint();
    fn(input);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const rows = [];
for (const c of cases) {
  const floor = floorFor(c);
  if (!floor()) throw new Error(`${c.name}: floor signature did not verify`);
  // Interleave so machine noise hits both sides alike.
  const oursMs = [];
  const rawMs = [];
  for (let pass = 0; pass < 3; pass++) {
    oursMs.push(time((trust) => ours(c, trust), ROUNDS, freshTrust));
    rawMs.push(time(() => sigstoreJs(c), ROUNDS));
  }
  const median = (values) => values.sort((a, b) => a - b)[1];
  rows.push({ name: c.name, ours: median(oursMs), raw: median(rawMs), floor: time(floor, ROUNDS * 5) });
}

const fmt = (ms) => `${ms.toFixed(2)} ms`;
console.log(
  `Sigstore verification, median time per bundle (${ROUNDS} rounds × 3 passes, node ${process.version}, ${process.arch})\n`,
);
console.log(
  '| bundle | supply-chain-gate | raw @sigstore/verify | ratio | node:crypto signature floor | engine / floor |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  console.log(
    `| ${row.name} | ${fmt(row.ours)} | ${fmt(row.raw)} | ${(row.ours / row.raw).toFixed(2)}× | ${fmt(row.floor)} | ${(row.ours / row.floor).toFixed(0)}× |`,
  );
}

// Runs of many bundles that share a chain: what a gate meets on a multi-platform image. The
// engine gets one trust store for the run, cold at the start; the library verifies each bundle
// from scratch, as it always does.
const byName = (name) => cases.find((c) => c.name.startsWith(name));
const runs = [
  {
    name: '8 platforms signed with one certificate (cosign v3, Rekor + TSA)',
    bundles: Array.from({ length: 8 }, () => byName('cosign v3')),
  },
  {
    name: "8 attestations from GitHub's instance (TSA)",
    bundles: Array.from({ length: 8 }, () => byName("GitHub provenance (GitHub's")),
  },
  {
    name: '4 certificates from one public-good CA, twice each',
    bundles: ['v0.1', 'v0.3 message', 'v0.3 DSSE', 'GitHub provenance (public'].flatMap((name) => [
      byName(name),
      byName(name),
    ]),
  },
];
const runRows = [];
for (const run of runs) {
  const oursMs = [];
  const rawMs = [];
  const rounds = Math.max(3, Math.round(ROUNDS / 4));
  for (let pass = 0; pass < 3; pass++) {
    oursMs.push(
      time(
        (trust) => {
          for (const c of run.bundles) ours(c, trust);
        },
        rounds,
        freshTrust,
      ),
    );
    rawMs.push(
      time(() => {
        for (const c of run.bundles) sigstoreJs(c);
      }, rounds),
    );
  }
  const median = (values) => values.sort((a, b) => a - b)[1];
  runRows.push({ name: run.name, count: run.bundles.length, ours: median(oursMs), raw: median(rawMs) });
}
console.log('\nWhole runs, one trust store per run (median of 3 passes; time per bundle)\n');
console.log('| run | bundles | supply-chain-gate | raw @sigstore/verify | ratio |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const row of runRows) {
  console.log(
    `| ${row.name} | ${row.count} | ${fmt(row.ours / row.count)} | ${fmt(row.raw / row.count)} | ${(row.ours / row.raw).toFixed(2)}× |`,
  );
}

const sum = (values) => values.reduce((total, value) => total + value, 0);
const ratio = (value) => `${value.toFixed(2)}×`;
checkLimits('verification', [
  {
    figure: 'one bundle, uncached: engine / raw @sigstore/verify (all six bundles together)',
    measured: Number((sum(rows.map((row) => row.ours)) / sum(rows.map((row) => row.raw))).toFixed(2)),
    limit: 1.1,
    format: ratio,
  },
  ...runRows.map((row) => ({
    figure: `${row.name}: engine / raw`,
    measured: Number((row.ours / row.raw).toFixed(2)),
    limit: 1,
    format: ratio,
  })),
]);
