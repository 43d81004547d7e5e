// Bundles the action (dist/index.js) and the CLI (dist/cli.js) into one ESM file each. The
// createRequire banner lets the CJS packages inside (@sigstore/*, some of @actions/*) call require().
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

// `--outdir DIR` builds elsewhere, so a test can compare a fresh build with the committed dist/.
const outIndex = process.argv.indexOf('--outdir');
const outdir = outIndex === -1 ? 'dist' : process.argv[outIndex + 1];
const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  define: { __SUPPLY_CHAIN_GATE_VERSION__: JSON.stringify(pkg.version) },
  banner: {
    js: "import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);",
  },
};

await build({ ...common, entryPoints: ['src/index.ts'], outfile: `${outdir}/index.js` });
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: `${outdir}/cli.js`,
  banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
});

// The committed JSON Schema comes from the same build, so editors check what the gate checks.
if (outdir === 'dist') {
  const { execFileSync } = await import('node:child_process');
  const { writeFile } = await import('node:fs/promises');
  const schema = execFileSync(process.execPath, ['dist/cli.js', 'policy', 'schema'], { encoding: 'utf8' });
  await writeFile('schema/policy.schema.json', schema);
}
