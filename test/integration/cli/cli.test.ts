import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCaptured } from '../../support/cli.js';
import { REPO_ROOT } from '../../support/fixtures.js';

const DEMO = join(REPO_ROOT, 'examples/demo');
const NOW = () => new Date('2026-11-28T12:00:00Z');

describe('supply-chain-gate CLI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scg-cli-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints usage with --help and exits 0', async () => {
    const { code, stdout } = await runCliCaptured(['--help'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('supply-chain-gate check --image REF');
  });

  it('exits 2 with one line for an unknown command or option', async () => {
    expect(await runCliCaptured(['frobnicate'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: 'error: unknown command "frobnicate": see --help\n',
    });
    const unknownOption = await runCliCaptured(['check', '--imagee', 'x'], { cwd: dir });
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('runs the demo offline: a failing rule, explained, and the expired exception', async () => {
    const { code, stdout, stderr } = await runCliCaptured(['demo'], { cwd: dir, now: NOW });
    expect(code).toBe(0);
    expect(stdout).toContain('## ❌ supply-chain-gate failed');
    expect(stdout).toContain('CVE-2019-14697');
    expect(stdout).toContain('**How to fix:**');
    expect(stdout).toContain('Exception for CVE-2019-1549 expired on 2025-01-31');
    expect(stdout).toMatch(/[Cc]onfigured at `policy\.yml:\d+:\d+`/);
    expect(stderr).toContain('A real run would exit 1');
  });

  it('gates the demo image with check, exits 1, and writes the JSON and markdown reports', async () => {
    const json = join(dir, 'out/report.json');
    const markdown = join(dir, 'out/summary.md');
    const { code } = await runCliCaptured(
      [
        'check',
        '--image',
        'oci:app-oci:1.0',
        '--policy',
        'policy.yml',
        '--scan',
        'trivy.json',
        '--json',
        json,
        '--markdown',
        markdown,
        '--quiet',
      ],
      { cwd: DEMO, now: NOW },
    );
    expect(code).toBe(1);
    const report = JSON.parse(await readFile(json, 'utf8'));
    expect(report).toMatchObject({
      verdict: 'fail',
      conclusion: 'failure',
      image: { name: expect.stringContaining('app-oci') },
    });
    expect(report.image.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(await readFile(markdown, 'utf8')).toContain('vulnerabilities.fail-on');
  });

  it('reports a failure in audit mode without failing: exit 0 and a neutral conclusion', async () => {
    const json = join(dir, 'audit.json');
    const { code } = await runCliCaptured(
      [
        'check',
        '--image',
        'oci:app-oci:1.0',
        '--policy',
        'policy.yml',
        '--scan',
        'trivy.json',
        '--mode',
        'audit',
        '--json',
        json,
        '-q',
      ],
      { cwd: DEMO, now: NOW },
    );
    expect(code).toBe(0);
    expect(JSON.parse(await readFile(json, 'utf8'))).toMatchObject({
      verdict: 'fail',
      conclusion: 'neutral',
    });
  });

  it('exits 2 with the file and position of a malformed scan report', async () => {
    const bad = join(dir, 'bad-trivy.json');
    await writeFile(bad, '{\n  "SchemaVersion": 2,\n  "Results": [\n    {"Target": "x",}\n  ]\n}\n');
    const { code, stdout } = await runCliCaptured(
      ['check', '--image', 'oci:app-oci:1.0', '--policy', 'policy.yml', '--scan', bad, '-q'],
      { cwd: DEMO, now: NOW },
    );
    expect(code).toBe(2);
    expect(stdout).toContain('could not decide');
    expect(stdout).toContain('bad-trivy.json:4:20: invalid JSON');
  });

  it('exits 2 with the file, line and column of a malformed policy', async () => {
    const policy = join(dir, 'bad-policy.yml');
    await writeFile(policy, 'version: 1\nvulnerabilities:\n  fail-on: critical\n');
    const check = await runCliCaptured(['check', '--image', 'oci:app-oci:1.0', '--policy', policy, '-q'], {
      cwd: DEMO,
      now: NOW,
    });
    expect(check.code).toBe(2);
    expect(check.stdout).toMatch(
      /bad-policy\.yml:3:3`? vulnerabilities\.fail-on: expected array, received string/,
    );
    const lint = await runCliCaptured(['policy', 'lint', policy, join(DEMO, 'policy.yml')], { cwd: dir });
    expect(lint.code).toBe(2);
    expect(lint.stderr).toMatch(
      /^.*bad-policy\.yml:3:3: vulnerabilities\.fail-on: expected array, received string\n$/,
    );
    expect(lint.stdout).toContain('policy.yml: ok');
  });

  it('exits 2 when the image cannot be found, naming it', async () => {
    const { code, stdout } = await runCliCaptured(['check', '--image', 'oci:missing-layout:1.0', '-q'], {
      cwd: dir,
      now: NOW,
    });
    expect(code).toBe(2);
    expect(stdout).toContain('missing-layout');
  });
});
