/**
 * `policy test` through the CLI: a file whose expectations hold exits 0; one whose expectations
 * do not exits 1 naming each case, rule, expected and actual status at the expectation's line; a
 * malformed test file, policy or snapshot exits 2 with `file:line:column` and every problem.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCaptured } from '../../support/cli.js';
import { REPO_ROOT } from '../../support/fixtures.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scg-policy-test-'));
  await mkdir(join(dir, 'policies'));
  await mkdir(join(dir, 'snapshots'));
  await cp(join(REPO_ROOT, 'examples/policies/evidence/demo.json'), join(dir, 'snapshots/demo.json'));
  await cp(join(REPO_ROOT, 'examples/demo/policy.yml'), join(dir, 'policies/demo.yml'));
  await writeFile(
    join(dir, 'policies/loose.yml'),
    'version: 1\nvulnerabilities:\n  fail-on: []\nimage:\n  non-root: false\n',
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const policyTest = (...files: string[]) => runCliCaptured(['policy', 'test', ...files], { cwd: dir });

describe('policy test', () => {
  it('exits 0 when every expectation holds, paths relative to the test file', async () => {
    await writeFile(
      join(dir, 'policies/passing.test.yml'),
      `tests:
  - name: the demo fails on its critical and its root user
    policy: demo.yml
    evidence: ../snapshots/demo.json
    now: 2026-12-01T00:00:00Z
    expect:
      verdict: fail
      results: {vulnerabilities.fail-on: fail, image.non-root: fail}
  - name: a loosened policy lets the demo through
    policy: loose.yml
    evidence: ../snapshots/demo.json
    now: 2026-12-01T00:00:00Z
    expect:
      verdict: pass
      results: {vulnerabilities.fail-on: pass, image.non-root: absent}
`,
    );
    const run = await policyTest('policies/passing.test.yml');
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        'policies/passing.test.yml',
        '  ok    the demo fails on its critical and its root user',
        '  ok    a loosened policy lets the demo through',
        '2 case(s): 2 passed, 0 failed',
        '',
      ].join('\n'),
    );
    expect(run.code).toBe(0);
  });

  it('exits 1 naming each case, rule, expected and actual status at the line of the expectation', async () => {
    await writeFile(
      join(dir, 'failing.test.yml'),
      `tests:
  - name: holds
    policy: policies/demo.yml
    evidence: snapshots/demo.json
    now: 2026-12-01T00:00:00Z
    expect:
      verdict: fail
  - name: wrong about the demo
    policy: policies/demo.yml
    evidence: snapshots/demo.json
    now: 2026-12-01T00:00:00Z
    expect:
      verdict: pass
      results:
        image.non-root: pass
        vulnerabilities.allow-expired: absent
        signatures.signed: fail
`,
    );
    const run = await policyTest('failing.test.yml');
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines).toContain('  ok    holds');
    expect(lines).toContain('  FAIL  wrong about the demo');
    for (const line of [
      'failing.test.yml:13:7: case "wrong about the demo": verdict: expected pass, got fail',
      'failing.test.yml:15:9: case "wrong about the demo": image.non-root: expected pass, got fail',
      'failing.test.yml:16:9: case "wrong about the demo": vulnerabilities.allow-expired: expected absent, got warn',
      'failing.test.yml:17:9: case "wrong about the demo": signatures.signed: expected fail, got absent',
    ]) {
      expect(lines).toContain(`        ${line}`);
    }
    // Why the rule did what it did, under the miss.
    expect(run.stdout).toContain('          Runs as root: The config names no User');
    expect(run.stdout).toContain('2 case(s): 1 passed, 1 failed');
  });

  it('exits 2 for a malformed test file, with every problem and its file:line:column', async () => {
    await writeFile(
      join(dir, 'malformed.test.yml'),
      `tests:
  - name: typo and bad values
    polcy: policies/demo.yml
    evidence: snapshots/demo.json
    now: next tuesday
    expect:
      verdict: maybe
      results: {image.non-root: failed, NotARule: pass}
`,
    );
    const run = await policyTest('malformed.test.yml');
    expect(run.code).toBe(2);
    const problems = run.stderr.trim().split('\n');
    expect(problems).toEqual(
      expect.arrayContaining([
        'malformed.test.yml:3:5: unknown key "polcy"',
        'malformed.test.yml:2:5: tests.0.policy: required (string)',
        'malformed.test.yml:5:5: tests.0.now: expected a date and time such as 2026-12-01T00:00:00Z',
        'malformed.test.yml:7:7: tests.0.expect.verdict: expected one of "pass", "fail"',
      ]),
    );
    expect(
      problems.some((p) => p.startsWith('malformed.test.yml:8:17: tests.0.expect.results.image.non-root')),
    ).toBe(true);
    expect(
      problems.some(
        (p) =>
          p ===
          'malformed.test.yml:8:41: tests.0.expect.results.NotARule: expected a rule id such as vulnerabilities.fail-on',
      ),
    ).toBe(true);
    expect(run.stdout).toBe('0 case(s): 0 passed, 0 failed\n');
  });

  it('exits 2 for YAML that does not parse, without echoing it', async () => {
    await writeFile(join(dir, 'broken.test.yml'), 'tests:\n  - name: "unterminated secret-value\n');
    const run = await policyTest('broken.test.yml');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^broken\.test\.yml:\d+:\d+: invalid YAML/);
    expect(run.stderr).not.toContain('secret-value');
  });

  it('exits 2 naming the case when its policy or snapshot cannot be read', async () => {
    await writeFile(
      join(dir, 'policies/broken.yml'),
      'version: 1\nvulnerabilities:\n  fail-onn: [critical]\n',
    );
    await writeFile(join(dir, 'snapshots/not-a-snapshot.json'), '{"schema": "something else"}');
    await writeFile(
      join(dir, 'unreadable.test.yml'),
      `tests:
  - name: broken policy
    policy: policies/broken.yml
    evidence: snapshots/demo.json
    now: 2026-12-01T00:00:00Z
    expect: {verdict: fail}
  - name: not a snapshot
    policy: policies/demo.yml
    evidence: snapshots/not-a-snapshot.json
    now: 2026-12-01T00:00:00Z
    expect: {verdict: fail}
`,
    );
    const run = await policyTest('unreadable.test.yml');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'unreadable.test.yml:2:5: case "broken policy": policies/broken.yml:3:3: unknown key "fail-onn"; did you mean "fail-on"?',
    );
    expect(run.stderr).toContain(
      'unreadable.test.yml:7:5: case "not a snapshot": snapshots/not-a-snapshot.json: not an evidence snapshot',
    );
    expect(run.stdout).toContain('2 case(s): 0 passed, 0 failed, 2 could not run');
  });
});
