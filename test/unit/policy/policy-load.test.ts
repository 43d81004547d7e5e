import { parsePolicy, PolicyError } from '../../../src/policy/document/load.js';
import { defaultPolicy } from '../../../src/policy/schema.js';

function problemsOf(text: string): string[] {
  try {
    parsePolicy(text, 'policy.yml');
  } catch (error) {
    if (error instanceof PolicyError) return error.lines;
    if (error instanceof Error) return [error.message];
  }
  throw new Error('expected the policy to be rejected');
}

describe('parsePolicy', () => {
  it('fills every default from the schema', () => {
    const policy = parsePolicy('version: 1\n', 'policy.yml');
    expect(policy.mode).toBe('enforce');
    expect(policy.vulnerabilities['fail-on']).toEqual(['critical', 'high']);
    expect(policy.vulnerabilities['require-scan']).toBe(true);
    expect(policy.vulnerabilities.allow).toEqual([]);
    expect(policy.origin).toBe('policy.yml');
  });

  it('keeps the line and column of every key', () => {
    const policy = parsePolicy(
      'version: 1\nvulnerabilities:\n  fail-on: [critical]\n  allow:\n    - id: CVE-1\n      reason: r\n',
      'p.yml',
    );
    expect(policy.positions['vulnerabilities.fail-on']).toEqual({ file: 'p.yml', line: 3, column: 3 });
    expect(policy.positions['vulnerabilities.allow.0']).toEqual({ file: 'p.yml', line: 5, column: 7 });
  });

  it('names the file, line and column of an unknown key and suggests the closest one', () => {
    expect(problemsOf('version: 1\nvulnerabilities:\n  fail_on: [high]\n')).toEqual([
      'policy.yml:3:3: unknown key "fail_on"; did you mean "fail-on"?',
    ]);
  });

  it('reports every problem in one pass', () => {
    const problems = problemsOf(
      'version: 1\nmode: strict\nvulnerabilities:\n  fail-on: [severe]\n  allow:\n    - id: CVE-1\n',
    );
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^policy\.yml:2:1: mode: expected one of "enforce", "audit"$/);
    expect(problems.join('\n')).toMatch(
      /policy\.yml:4:13: vulnerabilities\.fail-on\.0: expected one of "critical"/,
    );
    expect(problems.join('\n')).toMatch(
      /policy\.yml:6:7: vulnerabilities\.allow\.0\.reason: required \(string\)/,
    );
  });

  it('rejects an expiry that is not a calendar date', () => {
    expect(
      problemsOf(
        'version: 1\nvulnerabilities:\n  allow:\n    - {id: CVE-1, reason: r, expires: 2027-02-30x}\n',
      )[0],
    ).toMatch(/expires: expected a date written YYYY-MM-DD/);
  });

  it('asks for the version line when it is missing', () => {
    expect(problemsOf('mode: audit\n')[0]).toBe(
      'policy.yml:1:1: version: expected "version: 1" at the top of the file',
    );
  });

  it('gives the position of a YAML syntax error', () => {
    expect(problemsOf('version: 1\nvulnerabilities:\n  fail-on: [high\n')[0]).toMatch(
      /^policy\.yml:\d+:\d+: invalid YAML: /,
    );
  });

  it('rejects duplicate keys instead of letting the last one win', () => {
    expect(problemsOf('version: 1\nmode: audit\nmode: enforce\n')[0]).toMatch(
      /^policy\.yml:3:1: invalid YAML: .*unique/i,
    );
  });

  it('refuses an alias bomb without expanding it', () => {
    const bomb = ['version: 1', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 9; level++) {
      bomb.push(
        `${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + level)}`)
          .join(', ')}]`,
      );
    }
    expect(problemsOf(bomb.join('\n'))[0]).toMatch(/^policy\.yml:1:1: invalid YAML: .*alias/i);
  });

  it('says an empty file needs a version', () => {
    expect(problemsOf('')[0]).toBe('policy.yml:1:1: the policy file is empty: start it with "version: 1"');
  });

  it('keeps hostile key names on one line', () => {
    const [problem] = problemsOf('version: 1\n"evil\\n::error::x": 1\n');
    expect(problem).not.toContain('\n');
    expect(problem).toContain('unknown key "evil\\n::error::x"');
  });
});

describe('defaultPolicy', () => {
  it('is what an empty versioned file gives', () => {
    const { origin: _origin, positions: _positions, ...fromDefaults } = defaultPolicy();
    const { origin: _o, positions: _p, ...fromFile } = parsePolicy('version: 1', 'x.yml');
    expect(fromDefaults).toEqual(fromFile);
  });
});
