import { annotationPaths, renderAnnotations, repoPathOf } from '../../../src/report/annotations.js';
import { decision, failOnResult, finding, HOSTILE_TITLE, POLICY_FILE } from './report-decision.js';

const inRepo = (...paths: string[]) => ({ isRepoFile: (path: string) => paths.includes(path) });

describe('renderAnnotations', () => {
  it('annotates a failing rule on the policy line that configures it, and its findings on the scanned file', () => {
    const { annotations, omitted } = renderAnnotations(decision(), inRepo(POLICY_FILE, 'package-lock.json'));

    expect(omitted).toBe(0);
    expect(annotations).toEqual([
      {
        path: POLICY_FILE,
        start_line: 4,
        end_line: 4,
        annotation_level: 'failure',
        title: 'vulnerabilities.fail-on: 1 vulnerabilities at a failing severity',
        message:
          'The policy fails on critical, high.\n\nHow to fix: Upgrade the packages to the fixed versions listed.',
      },
      expect.objectContaining({
        path: 'package-lock.json',
        start_line: 1,
        annotation_level: 'failure',
        title: 'CVE-2024-00001 in pkg-1',
      }),
    ]);
    expect(annotations[1]!.message).toContain(HOSTILE_TITLE);
  });

  it("puts a code scanner's finding on its file and line, before the file it names as target", () => {
    const coded = finding(1, { location: 'src/server.js:42:7', target: 'package-lock.json' });
    const { annotations } = renderAnnotations(
      decision({ results: [failOnResult([coded])] }),
      inRepo(POLICY_FILE, 'package-lock.json', 'src/server.js'),
    );
    expect(annotations[1]).toMatchObject({ path: 'src/server.js', start_line: 42, end_line: 42 });
    expect(annotationPaths(decision({ results: [failOnResult([coded])] }))).toEqual([
      POLICY_FILE,
      'src/server.js',
      'package-lock.json',
    ]);
  });

  it('annotates warnings as warnings, and nothing for passing rules', () => {
    const warned = failOnResult([finding(1)], { status: 'warn' });
    const { annotations } = renderAnnotations(
      decision({ results: [warned, { ...warned, status: 'pass' }] }),
      inRepo(POLICY_FILE, 'package-lock.json'),
    );
    expect(annotations.map((a) => a.annotation_level)).toEqual(['warning', 'warning']);
  });

  it('leaves out what is not a file of the repository: image targets, the built-in policy, other repositories', () => {
    const result = failOnResult([finding(1, { target: 'alpine:3.10 (alpine 3.10.9)' })], {
      position: { file: 'acme/policies/gate.yml@main', line: 2, column: 1 },
    });
    expect(renderAnnotations(decision({ results: [result] }), inRepo()).annotations).toEqual([]);
  });

  it('puts rules first and caps the rest, counting what it left out', () => {
    const findings = Array.from({ length: 2_500 }, (_, index) => finding(index));
    const { annotations, omitted } = renderAnnotations(
      decision({ results: [failOnResult(findings)] }),
      inRepo(POLICY_FILE, 'package-lock.json'),
    );
    expect(annotations).toHaveLength(1_000);
    expect(annotations[0]!.path).toBe(POLICY_FILE);
    expect(omitted).toBe(1_501);
  });
});

describe('repository paths', () => {
  it('takes the path of a policy read at a base commit, and refuses anything outside the repository', () => {
    expect(repoPathOf('.github/supply-chain-gate.yml@3f786850e387')).toBe('.github/supply-chain-gate.yml');
    expect(repoPathOf('./Dockerfile')).toBe('Dockerfile');
    for (const outside of [
      '/etc/passwd',
      '../x.yml',
      'a/../../b',
      'C:/x',
      'alpine:3.10 (alpine 3.10.9)',
      '',
    ]) {
      expect(repoPathOf(outside)).toBeUndefined();
    }
  });

  it('lists the candidate paths once each', () => {
    expect(annotationPaths(decision())).toEqual([POLICY_FILE, 'package-lock.json']);
  });
});
