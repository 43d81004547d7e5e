// Bundles the action (dist/index.js) and the CLI (dist/cli.js) as ESM with code splitting: what
// both entries share, and every module a run loads only when it needs it (`await import()`: each
// CLI command, the verification engine, Sigstore signing, TUF, the attestation stages…), goes into
// dist/chunks/, so a run parses and evaluates only what it uses (docs/performance.md). The
// createRequire banner, in every file, lets the CJS packages inside (@sigstore/*, some of
// @actions/*) call require().
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { build } from 'esbuild';

// `--outdir DIR` builds elsewhere, so a test can compare a fresh build with the committed dist/.
const outIndex = process.argv.indexOf('--outdir');
const outdir = resolve(outIndex === -1 ? 'dist' : process.argv[outIndex + 1]);
const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const CHUNKS = 'chunks';

// @actions/core imports its OIDC client, and with it @actions/http-client and undici (about 0.8 MB),
// for core.getIDToken, which the gate does not call (src/adapters/sigstore/oidc.ts fetches tokens itself).
// Importing these packages only defines things: saying so lets esbuild leave them out when unused.
const SIDE_EFFECT_FREE = /^(@actions\/http-client|undici|tunnel)(\/|$)/;
const sideEffectFree = {
  name: 'side-effect-free',
  setup(build) {
    build.onResolve({ filter: SIDE_EFFECT_FREE }, async (args) => {
      if (args.pluginData?.resolving) return undefined;
      const { path, external, errors } = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { resolving: true },
      });
      return errors.length > 0 ? { errors } : { path, external, sideEffects: false };
    });
  },
};

const result = await build({
  entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts' },
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: `${CHUNKS}/[name]-[hash]`,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
  plugins: [sideEffectFree],
  define: { __SUPPLY_CHAIN_GATE_VERSION__: JSON.stringify(pkg.version) },
  banner: {
    js: "import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);",
  },
});

// Chunks are named by their content: old ones would linger beside the new ones, so the folder is
// rebuilt whole. Only what this script writes is removed.
await rm(join(outdir, CHUNKS), { recursive: true, force: true });
for (const file of result.outputFiles) {
  const name = relative(outdir, file.path);
  // The CLI is run directly (`bin`), so its entry starts with the interpreter line.
  const text = name === 'cli.js' ? `#!/usr/bin/env node\n${file.text}` : file.text;
  await mkdir(dirname(file.path), { recursive: true });
  await writeFile(file.path, text);
}

// Node reads dist/*.js as ESM wherever dist/ is copied (a test's temp dir, a vendored action), not
// by first trying CommonJS, which costs a second parse of every file.
await writeFile(join(outdir, 'package.json'), '{ "type": "module" }\n');

// The committed JSON Schema comes from the same build, so editors check what the gate checks.
if (outdir === resolve('dist')) {
  const { execFileSync } = await import('node:child_process');
  const schema = execFileSync(process.execPath, ['dist/cli.js', 'policy', 'schema'], { encoding: 'utf8' });
  await writeFile('schema/policy.schema.json', schema);
}
