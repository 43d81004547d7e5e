import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../../support/fixtures.js';

const run = promisify(execFile);
const REBUNDLE = 'run `npm run bundle` and commit dist/, chunks included';

/** Every file under `dir`, as paths relative to it, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

describe('dist/', () => {
  let outdir: string;
  let fresh: string[];
  beforeAll(async () => {
    outdir = await mkdtemp(join(tmpdir(), 'scg-dist-'));
    await run(process.execPath, ['scripts/bundle.mjs', '--outdir', outdir], { cwd: REPO_ROOT });
    fresh = await filesUnder(outdir);
  });
  afterAll(() => rm(outdir, { recursive: true, force: true }));

  it(`holds exactly the files of a fresh build, no stale chunk and none missing (${REBUNDLE})`, async () => {
    expect(fresh).toEqual(expect.arrayContaining(['index.js', 'cli.js']));
    expect(fresh.some((file) => file.startsWith('chunks/'))).toBe(true);
    expect(await filesUnder(join(REPO_ROOT, 'dist'))).toEqual(fresh);
  });

  it(`matches a fresh build byte for byte (${REBUNDLE})`, async () => {
    const differing: string[] = [];
    for (const file of fresh) {
      const [committed, built] = await Promise.all([
        readFile(join(REPO_ROOT, 'dist', file)).catch(() => undefined),
        readFile(join(outdir, file)),
      ]);
      if (!committed?.equals(built)) differing.push(file);
    }
    expect(differing).toEqual([]);
  });

  it('runs the bundled CLI on Node 20', async () => {
    const { stdout } = await run(process.execPath, [join(REPO_ROOT, 'dist/cli.js'), '--version']);
    const pkg = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(stdout.trim()).toBe(pkg.version);
  });

  it('starts the CLI with its interpreter line, and every file with the require() it may need', async () => {
    const cli = await readFile(join(outdir, 'cli.js'), 'utf8');
    expect(cli.startsWith('#!/usr/bin/env node\n')).toBe(true);
    for (const file of fresh.filter((name) => name.endsWith('.js'))) {
      const text = await readFile(join(outdir, file), 'utf8');
      expect(text).toContain('const require = __scgCreateRequire(import.meta.url);');
    }
  });
});
