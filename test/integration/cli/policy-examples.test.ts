/**
 * The shipped policies' tests: `examples/policies/policies.test.yml` passes against evidence
 * snapshots the real engine made of the demo image. The snapshots are regenerated here from the
 * demo and compared with the committed ones, so they stay what the engine writes
 * (`UPDATE_EXAMPLE_EVIDENCE=1` rewrites them after a deliberate change).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCaptured } from '../../support/cli.js';
import { REPO_ROOT } from '../../support/fixtures.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const DEMO = join(REPO_ROOT, 'examples/demo');
const EVIDENCE = join(REPO_ROOT, 'examples/policies/evidence');

/** Each committed snapshot and the check that makes it. */
const SNAPSHOTS: Array<{ file: string; args: string[] }> = [
  {
    file: 'demo.json',
    args: ['--image', 'oci:app-oci:1.0', '--policy', 'policy.yml', '--scan', 'trivy.json'],
  },
  { file: 'demo-unscanned.json', args: ['--image', 'oci:app-oci:1.0', '--policy', 'policy.yml'] },
];

/** What differs between machines and releases: where the checkout is, and the tool's version. */
function normalize(text: string): string {
  const snapshot = JSON.parse(text.split(REPO_ROOT).join('')) as { tool: { version: string } };
  snapshot.tool.version = 'examples';
  return `${JSON.stringify(snapshot, null, 1)}\n`;
}

describe('shipped policy tests', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scg-policy-examples-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(SNAPSHOTS)(
    'the committed snapshot $file is what check --evidence-out writes',
    async ({ file, args }) => {
      const out = join(dir, file);
      const run = await runCliCaptured(['check', ...args, '--evidence-out', out, '--quiet'], {
        cwd: DEMO,
        now: () => NOW,
      });
      expect(run.code).toBe(1);
      const made = normalize(await readFile(out, 'utf8'));
      if (process.env.UPDATE_EXAMPLE_EVIDENCE === '1') await writeFile(join(EVIDENCE, file), made);
      expect(made).toBe(await readFile(join(EVIDENCE, file), 'utf8'));
    },
  );

  it('every case of examples/policies/policies.test.yml holds', async () => {
    const run = await runCliCaptured(['policy', 'test', 'examples/policies/policies.test.yml'], {
      cwd: REPO_ROOT,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(/FAIL|ERROR/);
    expect(run.code).toBe(0);
  });
});
