import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../support/fixtures.js';

const run = promisify(execFile);

describe('dist/', () => {
  let outdir: string;
  beforeAll(async () => {
    outdir = await mkdtemp(join(tmpdir(), 'scg-dist-'));
    await run(process.execPath, ['scripts/bundle.mjs', '--outdir', outdir], { cwd: REPO_ROOT });
  });
  afterAll(() => rm(outdir, { recursive: true, force: true }));

  it.each(['index.js', 'cli.js'])(
    '%s matches a fresh `npm run bundle` (run it and commit dist/)',
    async (file) => {
      const [committed, fresh] = await Promise.all([
        readFile(join(REPO_ROOT, 'dist', file), 'utf8'),
        readFile(join(outdir, file), 'utf8'),
      ]);
      expect(committed === fresh).toBe(true);
    },
  );

  it('runs the bundled CLI on Node 20', async () => {
    const { stdout } = await run(process.execPath, [join(REPO_ROOT, 'dist/cli.js'), '--version']);
    const pkg = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(stdout.trim()).toBe(pkg.version);
  });
});
