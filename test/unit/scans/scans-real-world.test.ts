import { ConfigurationError } from '../../../src/errors.js';
import { mergeFindings } from '../../../src/evidence/findings.js';
import { parseScanReport } from '../../../src/evidence/scans/parse.js';
import type { Finding } from '../../../src/model/evidence.js';
import { readFixture } from '../../support/fixtures.js';

const source = (uri: string) => ({ kind: 'file' as const, uri });
const parse = (path: string) => parseScanReport(readFixture(`third-party/${path}`), source(path));
const brief = (f: Finding) => ({
  id: f.id,
  packageName: f.packageName,
  installedVersion: f.installedVersion,
  fixedVersion: f.fixedVersion,
  severity: f.severity,
});

describe('SARIF whose rule ids carry more than the vulnerability (JFrog Xray)', () => {
  const report = parse('jfrog-cli-security/docker_sarif.json');
  const vulnerabilities = report.findings.filter((f) => f.id.startsWith('CVE-'));

  it('takes each package from the report, not from the shared layer location', () => {
    expect(vulnerabilities.map(brief)).toEqual([
      {
        id: 'CVE-2024-6119',
        packageName: 'libssl3',
        installedVersion: '3.0.13-1~deb12u1',
        fixedVersion: undefined,
        severity: 'unknown',
      },
      {
        id: 'CVE-2024-38428',
        packageName: 'openssl',
        installedVersion: '3.0.13-1~deb12u1',
        fixedVersion: '3.0.14-1~deb12u2',
        severity: 'critical',
      },
      {
        id: 'CVE-2024-38428',
        packageName: 'libssl3',
        installedVersion: '3.0.13-1~deb12u1',
        fixedVersion: undefined,
        severity: 'critical',
      },
      // The policy enforcer's run names the package only in its rule id.
      {
        id: 'CVE-2024-6119',
        packageName: 'libssl3',
        installedVersion: '3.0.13-1~deb12u1',
        fixedVersion: undefined,
        severity: 'unknown',
      },
    ]);
  });

  it('keeps both criticals of one CVE apart when findings are merged', () => {
    const merged = mergeFindings(vulnerabilities);
    expect(merged.filter((f) => f.severity === 'critical').map((f) => f.packageName)).toEqual([
      'openssl',
      'libssl3',
    ]);
    expect(merged).toHaveLength(3);
  });

  it('reads security-severity "0.0" as no score and falls through to the level', () => {
    const unscored = vulnerabilities.find((f) => f.id === 'CVE-2024-6119')!;
    expect(unscored.severity).not.toBe('low');
    expect(unscored.sourceSeverity).toBe('level none');
  });

  it('reads "No fix available" as no fix', () => {
    expect(vulnerabilities[2]!.fixState).toBe('unfixed');
    expect(vulnerabilities[1]!.fixState).toBe('fixed');
  });
});

describe('CycloneDX ratings with a score and a method but no severity word', () => {
  // DERIVED from guac's real Log4Shell document: the same rating with its word taken out.
  const original = JSON.parse(readFixture('third-party/guac/cyclonedx-vex-no-analysis.json')) as {
    vulnerabilities: Array<{ ratings: Array<Record<string, unknown>> }>;
  };

  it('reads the word when there is one', () => {
    expect(parse('guac/cyclonedx-vex-no-analysis.json').findings[0]).toMatchObject({
      id: 'CVE-2021-44228',
      severity: 'critical',
    });
  });

  it.each([
    ['CVSSv31', 10, 'critical'],
    ['CVSSv3', 7.5, 'high'],
    ['CVSSv4', 9.3, 'critical'],
    ['CVSSv2', 10, 'high'],
    ['CVSSv2', 5, 'medium'],
    ['OWASP', 6.5, 'high'],
    ['OWASP', 2, 'low'],
  ])('derives the severity from the %s scale (%d → %s)', (method, score, severity) => {
    const copy = structuredClone(original);
    copy.vulnerabilities[0]!.ratings = [{ score, method }];
    const report = parseScanReport(JSON.stringify(copy), source('derived.json'));
    expect(report.findings[0]).toMatchObject({ severity, sourceSeverity: `${method} ${score}` });
  });

  it('leaves a score without a scale, or of 0.0, unknown', () => {
    for (const rating of [{ score: 9.8, method: 'other' }, { score: 0, method: 'CVSSv31' }, { score: 9.8 }]) {
      const copy = structuredClone(original);
      copy.vulnerabilities[0]!.ratings = [rating];
      expect(parseScanReport(JSON.stringify(copy), source('derived.json')).findings[0]!.severity).toBe(
        'unknown',
      );
    }
  });
});

describe('Trivy ExperimentalModifiedFindings', () => {
  it('lists each as suppressed with its status, source and statement', () => {
    const report = parse('trivy/npm-with-suppressed.json.golden');
    expect(report.findings.map((f) => f.id)).toEqual(['CVE-2017-20165']);
    expect(report.suppressed).toEqual([
      expect.objectContaining({
        by: 'report',
        reason: 'not_affected by ./vex.json (Trivy): vulnerable_code_not_in_execute_path',
        finding: expect.objectContaining({
          id: 'CVE-2017-16137',
          packageName: 'debug',
          severity: 'low',
          target: 'package-lock.json',
        }),
      }),
    ]);
  });
});

describe('format detection names what a document is', () => {
  const rejects = (text: string) => {
    try {
      parseScanReport(text, source('input.json'));
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      return (error as Error).message;
    }
    throw new Error('accepted');
  };

  it('does not call a JSON with a vulnerabilities array that is no CycloneDX an invalid CycloneDX', () => {
    const message = rejects('{"vulnerabilities": [{"name": "x", "cve": 1}], "scanner": "other"}');
    expect(message).not.toMatch(/CycloneDX document/);
    expect(message).toMatch(/^input\.json: unrecognized scan report: expected Trivy JSON/);
  });

  it('still reports an invalid element of a CycloneDX document as CycloneDX', () => {
    expect(rejects('{"bomFormat": "CycloneDX", "vulnerabilities": [{"id": 7}]}')).toMatch(
      /^input\.json:1:48: not a valid CycloneDX document: at \$\.vulnerabilities\[0\]\.id/,
    );
  });

  it.each([
    ['{"spdxVersion": "SPDX-2.3", "packages": []}', /an SPDX SBOM/],
    ['{"document": {"category": "csaf_vex", "csaf_version": "2.0"}}', /a CSAF csaf_vex document/],
    ['{"auditReportVersion": 2, "vulnerabilities": {}}', /an npm audit report/],
    ['[1, 2]', /a JSON array of 2 elements that is no format the gate reads/],
  ])('names %s', (text, pattern) => {
    expect(rejects(text)).toMatch(pattern);
  });
});
