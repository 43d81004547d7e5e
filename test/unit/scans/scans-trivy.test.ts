import { ConfigurationError } from '../../../src/errors.js';
import { parseScanReport } from '../../../src/evidence/scans/parse.js';
import { readFixture } from '../../support/fixtures.js';

const source = (uri: string) => ({ kind: 'file' as const, uri });

describe('Trivy JSON reports', () => {
  it('reads the real-DB alpine:3.10 report: one critical in apk-tools, bound to its repo digest', () => {
    const report = parseScanReport(
      readFixture('third-party/trivy-action/alpine-3.10.with-trivy-yaml-cfg.json'),
      source('r.json'),
    );
    expect(report.scanner).toEqual({ name: 'trivy', version: '0.72.0' });
    expect(report.artifact.digests).toEqual([
      'sha256:451eee8bedcb2f029756dc3e9d73bab0e7943c1ac55cff3a4861c52a0fdd3e98',
    ]);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      id: 'CVE-2021-36159',
      packageName: 'apk-tools',
      installedVersion: '2.10.6-r0',
      fixedVersion: '2.10.7-r0',
      severity: 'critical',
      sourceSeverity: 'CRITICAL',
      purl: 'pkg:apk/alpine/apk-tools@2.10.6-r0?arch=x86_64&distro=3.10.9',
    });
  });

  it("takes the CVSS score from the severity's own source, else NVD", () => {
    const report = parseScanReport(readFixture('third-party/trivy/alpine-39.json.golden'), source('g.json'));
    expect(report.findings.map((f) => f.severity).sort()).toEqual([
      'critical',
      'critical',
      'medium',
      'medium',
      'medium',
      'medium',
    ]);
    const musl = report.findings.find((f) => f.packageName === 'musl');
    expect(musl).toMatchObject({
      cvssScore: 9.8,
      cvssVector: 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    });
    expect(report.artifact.digests).toEqual([]);
  });

  it('names the file, line and column of a JSON syntax error', () => {
    expect(() => parseScanReport('{\n  "SchemaVersion": 2,\n  "Results": [}\n', source('scan.json'))).toThrow(
      'scan.json:3:15: invalid JSON: unexpected "}"',
    );
  });

  it('reports a truncated report as ending early', () => {
    const text = readFixture('third-party/trivy/alpine-39.json.golden').slice(0, 500);
    expect(() => parseScanReport(text, source('cut.json'))).toThrow(
      /^cut\.json:\d+:\d+: invalid JSON: (unterminated string|unexpected end of input)/,
    );
  });

  it('names the JSON path of a wrongly typed field', () => {
    const text = JSON.stringify({
      SchemaVersion: 2,
      Results: [{ Vulnerabilities: [{ VulnerabilityID: 7 }] }],
    });
    expect(() => parseScanReport(text, source('typed.json'))).toThrow(
      'typed.json:1:51: not a valid Trivy JSON report: at $.Results[0].Vulnerabilities[0].VulnerabilityID: expected string, received number',
    );
  });

  it('rejects a report it does not recognize with a ConfigurationError', () => {
    expect(() => parseScanReport('{"runs": []}', source('x.sarif'))).toThrow(ConfigurationError);
  });

  it('does not echo hostile input into the error', () => {
    const hostile = `{"a": \u0007::set-output name=x::y}`;
    let message = '';
    try {
      parseScanReport(hostile, source('h.json'));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('h.json:1:7: invalid JSON: unexpected character U+0007');
  });
});
