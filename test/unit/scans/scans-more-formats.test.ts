import {
  parseScanReport,
  parseVexDocument,
  readAttestedDocument,
} from '../../../src/evidence/scans/parse.js';
import type { ScanReport, Severity } from '../../../src/model/evidence.js';
import { readFixture } from '../../support/fixtures.js';

const source = (uri: string) => ({ kind: 'file' as const, uri });
const parse = (path: string) => parseScanReport(readFixture(`third-party/${path}`), source(path));
const raw = (path: string) => JSON.parse(readFixture(`third-party/${path}`)) as unknown;

function countsOf(report: ScanReport): Partial<Record<Severity, number>> {
  const counts: Partial<Record<Severity, number>> = {};
  for (const finding of report.findings) counts[finding.severity] = (counts[finding.severity] ?? 0) + 1;
  return counts;
}

interface SnykVuln {
  id: string;
  name: string;
  version: string;
  severity: string;
  language: string;
}
interface SnykProject {
  vulnerabilities: SnykVuln[];
  applications?: SnykProject[];
}

/** Counted from the raw JSON: one per vulnerability, package (binary for OS packages) and version. */
function snykReference(projects: SnykProject[]): Partial<Record<Severity, number>> {
  const counts: Partial<Record<Severity, number>> = {};
  const all = projects.flatMap((p) => [p, ...(p.applications ?? [])]);
  for (const project of all) {
    const seen = new Set<string>();
    for (const v of project.vulnerabilities) {
      const name = v.language === 'linux' ? v.name.split('/').pop() : v.name;
      const key = `${v.id} ${name} ${v.version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      counts[v.severity as Severity] = (counts[v.severity as Severity] ?? 0) + 1;
    }
  }
  return counts;
}

describe('Snyk JSON', () => {
  it('reads `snyk container test --json` with its applications, one finding per package version', () => {
    const path = 'snyk-cli/container-app-vulns.resultJsonDataNonGrouped.json';
    const report = parse(path);
    expect(report.format).toBe('snyk-json');
    expect(countsOf(report)).toEqual(snykReference([raw(path) as SnykProject]));
    // `busybox/busybox` and `busybox/ssl_client`: the binaries the image installed.
    expect(report.findings.slice(0, 2).map((f) => [f.id, f.packageName, f.aliases, f.fixedVersion])).toEqual([
      ['SNYK-ALPINE312-BUSYBOX-1089799', 'busybox', ['CVE-2021-28831'], '1.32.1-r4'],
      ['SNYK-ALPINE312-BUSYBOX-1089799', 'ssl_client', ['CVE-2021-28831'], '1.32.1-r4'],
    ]);
    expect(report.findings.at(-1)).toMatchObject({ packageName: 'qs', target: '/package.json' });
  });

  it('reads the --all-projects array', () => {
    const path = 'snyk-cli/all-projects.multiProjectResultJsonDataNonGrouped.json';
    const report = parse(path);
    expect(countsOf(report)).toEqual(snykReference(raw(path) as SnykProject[]));
    expect(new Set(report.findings.map((f) => f.target))).toEqual(
      new Set(['app-1/package-lock.json', 'app-2/package-lock.json']),
    );
  });

  it('lists what the Snyk policy ignored as suppressed, with the reason', () => {
    const report = parse('snyk-cli/ruby-app-policy.test-result-cloud-ignore.json');
    expect(report.findings).toHaveLength(4);
    expect(report.suppressed?.map((s) => [s.finding.id, s.reason])).toEqual([
      [
        'SNYK-RUBY-LYNX-20160',
        'ignored by the Snyk policy (cli) until 2100-01-01T00:00:00.000Z: will check again in 2100',
      ],
      ['SNYK-RUBY-SANITIZE-22024', 'ignored by the Snyk policy (api): who needs sanitization anyway'],
    ]);
  });
});

describe('OSV-Scanner JSON', () => {
  it.each([
    'osv-scanner/test-vuln-results-a.json',
    'osv-scanner/filter-some-want.json',
    'osv-scanner/multiple-packages-with-vulns.json',
  ])('gives one finding per group in %s', (path) => {
    const document = raw(path) as { results: Array<{ packages: Array<{ groups: unknown[] }> }> };
    const groups = document.results.flatMap((r) => r.packages).flatMap((p) => p.groups);
    const report = parse(path);
    expect(report.format).toBe('osv-scanner-json');
    expect(report.findings).toHaveLength(groups.length);
  });

  it('names the finding by its CVE, with fix and severity from the records', () => {
    const report = parse('osv-scanner/multiple-packages-with-vulns.json');
    expect(report.findings.map((f) => [f.id, f.packageName, f.installedVersion, f.severity])).toEqual([
      ['CVE-2022-23639', 'crossbeam-utils', '0.6.6', 'high'],
      ['GHSA-wfg4-322g-9vqv', 'memoffset', '0.5.6', 'medium'],
      ['CVE-2021-25900', 'smallvec', '1.6.0', 'critical'],
    ]);
    expect(report.findings[0]).toMatchObject({
      aliases: ['GHSA-qc84-gqf4-9926', 'RUSTSEC-2022-0041'],
      fixedVersion: '0.8.7',
      fixState: 'fixed',
      target: '/path/to/Cargo.lock',
    });
  });
});

describe('CycloneDX XML', () => {
  it.each(['1.4', '1.5', '1.6'])('reads the specification example of %s like its JSON twin', (version) => {
    const report = parse(`cyclonedx-specification/valid-vulnerability-${version}.xml`);
    expect(report.format).toBe('cyclonedx');
    expect(report.findings).toEqual([]);
    expect(report.suppressed?.map((s) => [s.finding.id, s.finding.packageName, s.finding.severity])).toEqual([
      ['SNYK-JAVA-COMFASTERXMLJACKSONCORE-32111', 'jackson-databind', 'critical'],
    ]);
    expect(report.suppressed?.[0]?.finding.aliases).toEqual(['CVE-2018-7489']);
  });

  it('reads an XML VEX document as VEX and an XML SBOM as what it is', () => {
    const vex = parseVexDocument(readFixture('third-party/guac/cyclonedx-vex.xml'), source('vex.xml'));
    expect(vex.statements.map((s) => [s.vulnerability, s.status, s.justification])).toEqual([
      ['CVE-2018-7489', 'not_affected', 'code_not_reachable'],
    ]);
    expect(() => parse('guac/laravel-cyclonedx.xml')).toThrow(/a CycloneDX SBOM with no "vulnerabilities"/);
  });

  it('refuses a DOCTYPE, XML that is not CycloneDX, and broken XML without echoing it', () => {
    const attempt = (text: string) => () => parseScanReport(text, source('x.xml'));
    expect(attempt('<!DOCTYPE bom [<!ENTITY a "b">]><bom/>')).toThrow(
      /x\.xml: XML with a DOCTYPE is refused/,
    );
    expect(attempt('<report xmlns="urn:other"/>')).toThrow(
      /x\.xml: an XML document that is not a CycloneDX BOM/,
    );
    expect(attempt('\n<bom xmlns="http://cyclonedx.org/schema/bom/1.5"><secret-tag>')).toThrow(
      /^x\.xml:\d+:\d+: invalid XML \([A-Za-z]+\)$/,
    );
  });
});

describe('in-toto vulns predicate', () => {
  it.each(['guac/certify-vuln.json', 'guac/certify-vuln-v02.json'])('reads %s as a file', (path) => {
    const report = parse(path);
    expect(report.format).toBe('in-toto-vulns');
    expect(report.scanner).toEqual({ name: 'osv.dev', version: '0.0.14' });
    expect(report.createdAt).toBe('2022-11-21T17:45:50.52Z');
    expect(report.findings).toHaveLength(8);
    // The only severity given is a CVSS v3.1 vector: its base score is 9.0.
    expect(report.findings.find((f) => f.id === 'GHSA-7rjr-3q55-vv33')).toMatchObject({
      packageName: 'log4j-core',
      installedVersion: '2.8.1',
      severity: 'critical',
      cvssScore: 9,
    });
    expect(report.findings.filter((f) => f.severity === 'unknown')).toHaveLength(7);
  });

  it('reads it from a verified attestation, bound to the subject digest', () => {
    const statement = raw('guac/certify-vuln.json') as { predicateType: string; predicate: unknown };
    const digest = 'a'.repeat(64);
    const parsed = readAttestedDocument(
      {
        predicateType: statement.predicateType,
        subjects: [{ name: 'img', digest: { sha256: digest } }],
        predicate: statement.predicate,
      },
      { kind: 'registry', uri: 'registry/attestation' },
    );
    expect(parsed?.kind).toBe('scan');
    const report = (parsed as { report: ScanReport }).report;
    expect(report.artifact.digests).toEqual([`sha256:${digest}`]);
    expect(report.findings).toHaveLength(8);
  });
});

describe('Trivy JSON before 0.20 (a top-level array)', () => {
  it.each(['trivy-legacy/alpine-310.json.golden', 'trivy-legacy/debian-stretch.json.golden'])(
    'reads %s with the counts of the raw report',
    (path) => {
      const results = raw(path) as Array<{ Vulnerabilities?: Array<{ Severity: string }> }>;
      const counts: Partial<Record<Severity, number>> = {};
      for (const v of results.flatMap((r) => r.Vulnerabilities ?? [])) {
        const severity = v.Severity.toLowerCase() as Severity;
        counts[severity] = (counts[severity] ?? 0) + 1;
      }
      const report = parse(path);
      expect(report.format).toBe('trivy-json');
      expect(countsOf(report)).toEqual(counts);
    },
  );
});

it('lists every format it reads when a document is none of them', () => {
  expect(() => parseScanReport('{"vulnerabilities": [], "scanner": "x"}', source('x.json'))).toThrow(
    /Snyk JSON, OSV-Scanner JSON, .*in-toto vulns predicate$/,
  );
});

describe('CVSS base scores from vectors', () => {
  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10],
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H', 9],
    ['CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L', 5.3],
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:L', 3.7],
    ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:N', 0],
    ['AV:N/AC:L/Au:N/C:P/I:N/A:N', 5],
    ['AV:N/AC:L/Au:N/C:C/I:C/A:C', 10],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', undefined],
    ['CVSS:3.1/AV:X/AC:L', undefined],
  ])('%s is %s', async (vector, score) => {
    const { cvssBaseScore } = await import('../../../src/evidence/scans/scoring/cvss.js');
    expect(cvssBaseScore(vector)).toBe(score);
  });
});

describe('what the new formats must not swallow', () => {
  it('refuses Snyk --all-projects output in which a project could not be tested', () => {
    const projects = raw('snyk-cli/all-projects.multiProjectResultJsonDataNonGrouped.json') as unknown[];
    const text = JSON.stringify([
      ...projects,
      { ok: false, error: 'Could not detect supported target files', path: '/x' },
    ]);
    expect(() => parseScanReport(text, source('snyk.json'))).toThrow(
      /^snyk\.json: Snyk could not test project 2 of 3 \(its "error" says why\)/,
    );
  });

  it('does not read a bare cosign vuln predicate holding a CycloneDX BOM as the in-toto vulns predicate', () => {
    const bom = raw('guac/cyclonedx-vex-no-analysis.json');
    const text = JSON.stringify({ scanner: { uri: 'pkg:github/aquasecurity/trivy', result: bom } });
    expect(() => parseScanReport(text, source('predicate.json'))).toThrow(/unrecognized scan report/);
  });
});
