// Reading a `docker:` image: the gate's inspect + docker save + streaming unpack (hashing every
// file as it is written) + reading the manifest and config, next to two baselines measured in the
// same run on the same image: `docker save` alone (what any reader of a local image must pay), and
// `docker save` followed by GNU tar unpacking the archive (the obvious way to do it by hand).
// The engine is the testbed's podman serving the Docker API; the image is built FROM scratch with
// incompressible layers. Needs podman and Docker's CLI (see test/support/docker-engine.ts).
// Usage: node bench/local-image.mjs [--rounds N] [--megabytes M]   (results go in docs/performance.md)
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const ROUNDS = option('--rounds', 3);
const MEGABYTES = option('--megabytes', 256);
const root = new URL('../', import.meta.url);

mkdirSync(new URL('node_modules/.cache/', root), { recursive: true });
const outdir = mkdtempSync(new URL('node_modules/.cache/scg-bench-', root).pathname);
await build({
  entryPoints: {
    local: new URL('src/evidence/local-image.ts', root).pathname,
    stores: new URL('src/adapters/oci/open-image-store.ts', root).pathname,
    references: new URL('src/model/image-reference.ts', root).pathname,
    engine: new URL('test/support/docker-engine.ts', root).pathname,
  },
  outdir,
  bundle: true,
  // One copy of each module across the entries: the store class must be the same one.
  splitting: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
const load = (name) => import(pathToFileURL(join(outdir, `${name}.mjs`)).href);
const { collectLocalImageEvidence } = await load('local');
const { openImageStore } = await load('stores');
const { parseImageReference } = await load('references');
const testbed = await load('engine');

await testbed.requireDockerEngineTools();
const engine = await testbed.startDockerEngine();
const work = mkdtempSync(join(engine.dir, 'bench-'));
const run = promisify(execFile);
const time = async (action) => {
  const started = process.hrtime.bigint();
  await action();
  return Number(process.hrtime.bigint() - started) / 1e6;
};
try {
  // Two layers, three quarters and a quarter of the size: random bytes, as compressed as they get.
  const context = join(work, 'context');
  mkdirSync(context);
  const big = Math.round((MEGABYTES * 3) / 4);
  for (const [name, megabytes] of [
    ['big.bin', big],
    ['small.bin', MEGABYTES - big],
  ]) {
    const chunks = Array.from({ length: megabytes }, () => randomBytes(1024 * 1024));
    writeFileSync(join(context, name), Buffer.concat(chunks));
  }
  writeFileSync(
    join(context, 'Dockerfile'),
    'FROM scratch\nCOPY big.bin /big.bin\nCOPY small.bin /small.bin\n',
  );
  await engine.docker(['build', '--tag', 'localhost/bench:1', context]);
  rmSync(context, { recursive: true, force: true });

  const reference = parseImageReference('docker:localhost/bench:1');
  const rows = { gate: [], save: [], saveAndTar: [] };
  for (let round = 0; round < ROUNDS; round++) {
    rows.save.push(
      await time(() => engine.docker(['save', '--output', join(work, 'save.tar'), 'localhost/bench:1'])),
    );
    rmSync(join(work, 'save.tar'));
    rows.saveAndTar.push(
      await time(async () => {
        await engine.docker(['save', '--output', join(work, 'save.tar'), 'localhost/bench:1']);
        mkdirSync(join(work, 'unpacked'));
        await run('tar', ['-xf', join(work, 'save.tar'), '-C', join(work, 'unpacked')]);
      }),
    );
    rmSync(join(work, 'save.tar'));
    rmSync(join(work, 'unpacked'), { recursive: true, force: true });
    let layers = 0;
    rows.gate.push(
      await time(async () => {
        const store = openImageStore(reference, { env: engine.env });
        try {
          const image = await collectLocalImageEvidence(
            { reference: 'docker:localhost/bench:1', parsed: reference },
            store,
          );
          layers = image.layers.length;
        } finally {
          await store.close();
        }
      }),
    );
    if (layers !== 2) throw new Error(`the gate read ${layers} layers, not 2`);
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const save = median(rows.save);
  console.log(`docker: image of ${MEGABYTES} MB in 2 layers, median of ${ROUNDS} rounds`);
  console.log('| reader | median | vs docker save |');
  console.log('| --- | ---: | ---: |');
  for (const [name, label] of [
    ['save', 'docker save (baseline)'],
    ['saveAndTar', 'docker save + tar -xf'],
    ['gate', 'gate: inspect + save + unpack + hash + read'],
  ]) {
    const value = median(rows[name]);
    console.log(`| ${label} | ${(value / 1000).toFixed(2)} s | ${(value / save).toFixed(2)}× |`);
  }
} finally {
  await engine.stop();
  rmSync(outdir, { recursive: true, force: true });
}
