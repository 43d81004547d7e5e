import { readdirSync } from 'node:fs';
import { ConfigurationError } from '../../../src/errors.js';
import {
  parseScanReport,
  parseVexDocument,
  readAttestedDocument,
} from '../../../src/evidence/scans/parse.js';
import type { ScanReport, Severity } from '../../../src/model/evidence.js';
import { fixturePath, readFixture } from '../../support/fixtures.js';

const source = (uri: string) => ({ kind: 'file' as const, uri });
const parse = (path: string) => parseScanReport(readFixture(`third-party/${path}`), source(path));
const NGINX = 'sha256:13d22ec63300e16014d4a42aed735207a8b33c223cff19627dd3042e5a10a3a0';

function countsOf(report: ScanReport): Partial<Record<Severity, number>> {
  const counts: Partial<Record<Severity, number>> = {};
  for (const finding of report.findings) counts[finding.severity] = (counts[finding.severity] ?? 0) + 1;
  return counts;
}

/** Counted straight from the raw JSON, without our parser: the reference the parser must meet. */
function rawCounts(words: string[]): Partial<Record<Severity, number>> {
  const counts: Partial<Record<Severity, number>> = {};
  for (const word of words) {
    const lower = word.toLowerCase();
    const severity = (lower === 'negligible' ? 'low' : lower) as Severity;
    counts[severity] = (counts[severity] ?? 0) + 1;
  }
  return counts;
}

function fixtureFiles(folder: string, pattern: RegExp): string[] {
  return readdirSync(fixturePath(`third-party/${folder}`))
    .filter((name) => pattern.test(name))
    .map((name) => `${folder}/${name}`);
}

describe('counts by severity equal those computed from the raw reports', () => {
  const trivyReports = [
    ...fixtureFiles('trivy', /\.json\.golden$/),
    ...fixtureFiles('trivy-action', /\.json$/),
  ].filter((path) => 'SchemaVersion' in JSON.parse(readFixture(`third-party/${path}`)));
  const grypeReports = fixtureFiles('grype', /(\.json|Json.*\.golden)$/);

  it('has the real reports to compare', () => {
    expect(trivyReports.length).toBeGreaterThanOrEqual(13);
    expect(grypeReports).toHaveLength(4);
  });

  it.each(trivyReports)('Trivy %s', (path) => {
    const raw = JSON.parse(readFixture(`third-party/${path}`)) as {
      Results?: Array<{ Vulnerabilities?: Array<{ Severity: string }> }>;
    };
    const words = (raw.Results ?? []).flatMap((result) =>
      (result.Vulnerabilities ?? []).map((v) => v.Severity),
    );
    const report = parse(path);
    expect(report.format).toBe('trivy-json');
    expect(countsOf(report)).toEqual(rawCounts(words));
  });

  it.each(grypeReports)('Grype %s', (path) => {
    const raw = JSON.parse(readFixture(`third-party/${path}`)) as {
      matches: Array<{ vulnerability: { severity: string } }>;
    };
    const report = parse(path);
    expect(report.format).toBe('grype-json');
    expect(countsOf(report)).toEqual(rawCounts(raw.matches.map((m) => m.vulnerability.severity)));
  });
});

describe('Grype JSON', () => {
  it('reads package, purl, fix, CVSS and the digests the report was made for', () => {
    const report = parse('grype/ghsa-test.json');
    expect(report.scanner).toEqual({ name: 'grype', version: '0.65.1' });
    expect(report.artifact.digests).toEqual([
      'sha256:10008791acbc5866de04108746a02a0c4029ce3a4400a9b3dad45d7f2245f9da',
      'sha256:1212e7636ec0b1a7b90eb354e761e67163c2256de127036f086876e190631b43',
    ]);
    expect(report.createdAt).toBe('2023-08-31T15:13:32.377177-04:00');
    expect(report.findings[0]).toMatchObject({
      id: 'GHSA-cfh5-3ghh-wfjx',
      aliases: ['CVE-2014-3577'],
      packageName: 'httpclient',
      installedVersion: '4.1.1',
      fixedVersion: '4.3.5',
      fixState: 'fixed',
      purl: 'pkg:maven/org.apache.httpcomponents/httpclient@4.1.1',
      severity: 'medium',
      sourceSeverity: 'Medium',
      location: '/TwilioNotifier.hpi',
      sources: [{ scanner: 'grype', format: 'grype-json', uri: 'grype/ghsa-test.json' }],
    });
  });

  it("says a won't-fix finding has no fix", () => {
    expect(parse('grype/keycloak-test.json').findings.every((f) => f.fixState === 'unfixed')).toBe(true);
  });
});

describe('SARIF from three container scanners of one nginx image', () => {
  const results = (path: string) =>
    (JSON.parse(readFixture(`third-party/${path}`)) as { runs: Array<{ results: unknown[] }> }).runs.flatMap(
      (run) => run.results,
    ).length;

  it.each([
    ['openvex-vexctl/sarif/nginx-grype.sarif.json', 'grype', 99],
    ['openvex-vexctl/sarif/nginx-trivy.sarif.json', 'trivy', 99],
    ['openvex-vexctl/sarif/nginx-snyk.sarif.json', 'snyk container', 65],
  ])('%s: one finding per result, bound to the nginx digest', (path, scanner, count) => {
    const report = parse(path);
    expect(report.format).toBe('sarif');
    expect(report.findings).toHaveLength(results(path));
    expect(report.findings).toHaveLength(count);
    expect(report.scanner.name).toBe(scanner);
    expect(report.artifact.digests).toEqual([NGINX]);
    expect(report.findings.every((f) => f.packageName !== '' && f.installedVersion)).toBe(true);
  });

  it('reads Trivy: package from the message, severity word from the rule, security-severity for the scale', () => {
    const finding = parse('openvex-vexctl/sarif/nginx-trivy.sarif.json').findings[0]!;
    expect(finding).toMatchObject({
      id: 'CVE-2011-3374',
      packageName: 'apt',
      installedVersion: '2.6.1',
      fixState: 'unfixed',
      severity: 'low',
      sourceSeverity: 'LOW',
    });
  });

  it('reads Grype: the vulnerability id out of the rule id, the package from the rule help', () => {
    const finding = parse('openvex-vexctl/sarif/nginx-grype.sarif.json').findings[0]!;
    // Grype's own word is "low"; its security-severity 10.0 (the NVD score) sets the scale, as GitHub does.
    expect(finding).toMatchObject({
      id: 'CVE-2005-2541',
      packageName: 'tar',
      installedVersion: '1.34+dfsg-1.2',
      severity: 'critical',
      sourceSeverity: 'low',
      location: '/usr/share/doc/tar/copyright',
    });
  });

  it('reads Snyk: the CVE alias and binary package from the rule description, the level for severity', () => {
    const finding = parse('openvex-vexctl/sarif/nginx-snyk.sarif.json').findings[0]!;
    expect(finding).toMatchObject({
      id: 'SNYK-DEBIAN12-APT-1541449',
      aliases: ['CVE-2011-3374'],
      packageName: 'libapt-pkg6.0',
      installedVersion: '2.6.1',
      fixState: 'unfixed',
      severity: 'low',
      sourceSeverity: 'Low',
    });
  });

  it('reads Trivy SARIF with CVSS properties and run properties', () => {
    const report = parse('trivy/alpine-310.sarif.golden');
    expect(report.artifact.imageId).toBe(
      'sha256:961769676411f082461f9ef46626dd7a2d1e2b2a38e6a44364bcbecf51e66dd4',
    );
    expect(report.findings.map((f) => `${f.id} ${f.packageName} ${f.fixedVersion} ${f.cvssScore}`)).toEqual([
      'CVE-2019-1549 libcrypto1.1 1.1.1d-r0 5.3',
      'CVE-2019-1551 libcrypto1.1 1.1.1d-r2 5.3',
      'CVE-2019-1549 libssl1.1 1.1.1d-r0 5.3',
      'CVE-2019-1551 libssl1.1 1.1.1d-r2 5.3',
    ]);
  });

  it("reads Grype's purls property when the rule has one", () => {
    const report = parse('grype/TestSarifPresenter_image.golden');
    expect(report.findings[1]).toMatchObject({ id: 'CVE-1999-0002', purl: 'pkg:deb/package-2@2.2.2' });
  });
});

describe('SARIF edge cases (CodeQL)', () => {
  it('reads a code finding: the file as its package, file:line:column as its location', () => {
    const report = parse('codeql-action-sarif/valid-sarif.sarif');
    expect(report.findings[0]).toMatchObject({
      id: 'js/unused-local-variable',
      packageName: 'main.js',
      location: 'main.js:2:7',
      severity: 'low',
      sourceSeverity: 'level note',
    });
  });

  it('reads an empty log as no findings', () => {
    expect(parse('codeql-action-sarif/empty-sarif.sarif').findings).toEqual([]);
  });

  it('reads runs without results and a tool without a name', () => {
    const report = parse('codeql-action-sarif/tool-names.sarif');
    expect(report.findings).toEqual([]);
    expect(report.scanner.name).toBe('codeql command-line toolchain, eslint, unknown');
  });

  it('keeps a location that is not a valid URI as text', () => {
    expect(parse('codeql-action-sarif/with-invalid-uri.sarif').findings[0]!.location).toBe(
      'not a valid URI:2:7',
    );
  });

  it('rejects "results": 42 with the JSON path', () => {
    expect(() => parse('codeql-action-sarif/invalid-sarif.sarif')).toThrow(
      'codeql-action-sarif/invalid-sarif.sarif: not a valid SARIF log: at $.runs[0].results: expected array, received number',
    );
  });

  it('finds a rule in a tool extension (CodeQL query packs) and reads its security-severity', () => {
    const log = {
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: { name: 'CodeQL', rules: [] },
            extensions: [
              {
                name: 'codeql/javascript-queries',
                rules: [{ id: 'js/xss', properties: { 'security-severity': '6.1' } }],
              },
            ],
          },
          results: [
            {
              rule: { id: 'js/xss', index: 0, toolComponent: { index: 0 } },
              message: { text: 'Cross-site scripting' },
              locations: [
                { physicalLocation: { artifactLocation: { uri: 'src/a.js' }, region: { startLine: 9 } } },
              ],
            },
          ],
        },
      ],
    };
    expect(parseScanReport(JSON.stringify(log), source('codeql.sarif')).findings).toEqual([
      expect.objectContaining({
        id: 'js/xss',
        packageName: 'src/a.js',
        location: 'src/a.js:9',
        severity: 'medium',
        sourceSeverity: 'security-severity 6.1',
        sources: [{ scanner: 'codeql', format: 'sarif', uri: 'codeql.sarif' }],
      }),
    ]);
  });

  it('skips results that are not failures, and keeps accepted suppressions apart with their justification', () => {
    const log = {
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: { name: 'scanner', rules: [{ id: 'R1', properties: { 'security-severity': '9.1' } }] },
          },
          results: [
            { ruleId: 'R1', message: { text: 'Package: a\nInstalled Version: 1' } },
            { ruleId: 'R1', kind: 'pass', message: { text: 'Package: b\nInstalled Version: 1' } },
            {
              ruleId: 'R1',
              message: { text: 'Package: c\nInstalled Version: 1' },
              suppressions: [{ kind: 'external', justification: 'reviewed' }],
            },
            {
              ruleId: 'R1',
              message: { text: 'Package: d\nInstalled Version: 1' },
              suppressions: [{ kind: 'external', status: 'rejected' }],
            },
          ],
        },
      ],
    };
    const report = parseScanReport(JSON.stringify(log), source('s.sarif'));
    expect(report.findings.map((f) => `${f.packageName} ${f.severity}`)).toEqual([
      'a critical',
      'd critical',
    ]);
    expect(report.suppressed?.map((s) => [s.finding.packageName, s.by, s.reason])).toEqual([
      ['c', 'report', 'suppressed in the SARIF report (external): reviewed'],
    ]);
  });
});

describe('CycloneDX', () => {
  it('reads Trivy CycloneDX vulnerabilities against the components they affect', () => {
    const report = parse('trivy/npm-cyclonedx.json.golden');
    expect(report).toMatchObject({ format: 'cyclonedx', scanner: { name: 'trivy', version: 'dev' } });
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      id: 'CVE-2019-11358',
      packageName: 'jquery',
      installedVersion: '3.3.9',
      purl: 'pkg:npm/jquery@3.3.9',
      severity: 'medium',
      cvssScore: 6.1,
    });
  });

  it('reads Grype CycloneDX and the container digest it names', () => {
    const report = parse('grype/TestCycloneDxPresenterImage.golden');
    expect(report.artifact.digests).toEqual([
      'sha256:ca738abb87a8d58f112d3400ebb079b61ceae7dc290beb34bda735be4b1941d5',
    ]);
    expect(report.findings.map((f) => `${f.id} ${f.packageName} ${f.severity}`)).toEqual([
      'CVE-1999-0001 package-1 low',
      'CVE-1999-0002 package-2 critical',
    ]);
  });

  it('reads CycloneDX VEX, following BOM-Links to the purl of the affected component', () => {
    const vex = parseVexDocument(
      readFixture('third-party/cyclonedx-bom-examples/vex.json'),
      source('vex.json'),
    );
    expect(vex.format).toBe('cyclonedx-vex');
    expect(vex.statements[0]).toMatchObject({
      vulnerability: 'CVE-2020-25649',
      aliases: ['SNYK-JAVA-COMFASTERXMLJACKSONCORE-1048302'],
      status: 'not_affected',
      justification: 'code_not_reachable',
      products: [
        { id: 'pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar', subcomponents: [] },
      ],
    });
  });

  it.each([
    ['cisa-case-1.vex-fixed.json', 'fixed'],
    ['cisa-case-1.vex-not_affected.json', 'not_affected'],
    ['cisa-case-1.vex-affected.json', 'affected'],
  ])('maps the analysis state of %s to %s', (file, status) => {
    const vex = parseVexDocument(readFixture(`third-party/cyclonedx-bom-examples/${file}`), source(file));
    expect(vex.statements.map((s) => s.status)).toEqual([status]);
  });

  it('refuses an SBOM without vulnerabilities as a scan report, and a VEX document as one', () => {
    expect(() =>
      parseScanReport(
        JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', components: [] }),
        source('sbom.json'),
      ),
    ).toThrow('sbom.json: a CycloneDX SBOM with no "vulnerabilities"');
    expect(() => parse('cyclonedx-bom-examples/vex.json')).toThrow(
      'a CycloneDX VEX document, not a scan report',
    );
  });
});

describe('OpenVEX', () => {
  it('reads v0.2.0 objects and v0.0.1 strings alike', () => {
    const v2 = parseVexDocument(
      readFixture('third-party/trivy/vex/integration-gomod.openvex.json'),
      source('g.json'),
    );
    expect(v2.statements[0]).toMatchObject({
      vulnerability: 'CVE-2022-23628',
      status: 'not_affected',
      justification: 'vulnerable_code_not_in_execute_path',
      detail: "The vulnerable code isn't called",
      products: [
        {
          id: 'pkg:golang/github.com/testdata/testdata',
          subcomponents: ['pkg:golang/github.com/open-policy-agent/opa@v0.35.0'],
        },
      ],
    });
    const v1 = parseVexDocument(
      readFixture('third-party/openvex-vexctl/vex/v001-1.vex.json'),
      source('v.json'),
    );
    expect(v1.statements[0]).toMatchObject({
      vulnerability: 'CVE-1234-5678',
      status: 'under_investigation',
      products: [{ id: 'pkg:apk/wolfi/bash@1.0.0', subcomponents: [] }],
      timestamp: '2022-12-22T16:36:43-05:00',
    });
  });

  it('refuses a scan report given as VEX, and VEX given as a scan report', () => {
    expect(() => parseVexDocument(readFixture('third-party/grype/ghsa-test.json'), source('g.json'))).toThrow(
      'g.json: a scan report, not a VEX document',
    );
    expect(() => parse('openvex-vexctl/sarif/sample-1statement.openvex.json')).toThrow(
      'a VEX document, not a scan report: pass it as VEX',
    );
  });

  it('rejects a statement with an unknown status, naming where it is', () => {
    const text =
      '{"@context": "https://openvex.dev/ns/v0.2.0",\n "statements": [\n  {"vulnerability": "CVE-1", "status": "fine"}]}';
    expect(() => parseVexDocument(text, source('bad.vex.json'))).toThrow(
      /^bad\.vex\.json:3:3: not a valid OpenVEX document: at \$\.statements\[0\]\.status: /,
    );
  });
});

describe('cosign vuln attestations', () => {
  const trivyReport = JSON.parse(
    readFixture('third-party/trivy-action/alpine-3.10.with-trivy-yaml-cfg.json'),
  );
  const statement = {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'ghcr.io/acme/app', digest: { sha256: 'b'.repeat(64) } }],
    predicateType: 'https://cosign.sigstore.dev/attestation/vuln/v1',
    predicate: {
      scanner: { uri: 'pkg:github/aquasecurity/trivy@v0.72.0', version: '0.72.0', result: trivyReport },
      metadata: { scanStartedOn: '2026-11-27T10:00:00Z', scanFinishedOn: '2026-11-27T10:01:00Z' },
    },
  };

  it('reads the scanner result inside, bound to the subject and dated by scanFinishedOn', () => {
    const report = parseScanReport(JSON.stringify(statement), source('vuln.intoto.json'));
    expect(report).toMatchObject({
      format: 'cosign-vuln',
      scanner: { name: 'trivy', version: '0.72.0' },
      artifact: { name: 'ghcr.io/acme/app', digests: [`sha256:${'b'.repeat(64)}`] },
      createdAt: '2026-11-27T10:01:00Z',
    });
    expect(report.findings.map((f) => f.id)).toEqual(['CVE-2021-36159']);
  });

  it('reads the same statement in a DSSE envelope, and from a verified attestation', () => {
    const envelope = {
      payloadType: 'application/vnd.in-toto+json',
      payload: Buffer.from(JSON.stringify(statement)).toString('base64'),
      signatures: [],
    };
    expect(parseScanReport(JSON.stringify(envelope), source('vuln.dsse.json')).findings).toHaveLength(1);
    const attested = readAttestedDocument(
      { predicateType: statement.predicateType, subjects: statement.subject, predicate: statement.predicate },
      { kind: 'registry', uri: 'https://registry.test/v2/acme/app/manifests/sha256:att' },
    );
    expect(attested?.kind === 'scan' && attested.report.findings.map((f) => f.packageName)).toEqual([
      'apk-tools',
    ]);
  });

  it("refuses cosign's test attestation, whose scanner result is null", () => {
    expect(() => parse('cosign/vuln-attestation.dsse.valid.json')).toThrow(
      'cosign/vuln-attestation.dsse.valid.json: the cosign vulnerability attestation carries no scan result (predicate.scanner.result is null)',
    );
  });

  it('ignores attestations that are neither scans nor VEX', () => {
    expect(
      readAttestedDocument(
        { predicateType: 'https://slsa.dev/provenance/v1', subjects: [], predicate: {} },
        source('x'),
      ),
    ).toBeUndefined();
  });
});

describe('bad input', () => {
  const errorOf = (text: string | Buffer, file = 'bad.json') => {
    try {
      parseScanReport(text, source(file));
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      return (error as Error).message;
    }
    throw new Error('expected an error');
  };

  it('names the file and position of truncated JSON, for every format', () => {
    for (const path of [
      'grype/keycloak-test.json',
      'openvex-vexctl/sarif/nginx-snyk.sarif.json',
      'trivy/npm-cyclonedx.json.golden',
    ]) {
      const text = readFixture(`third-party/${path}`);
      expect(errorOf(text.slice(0, Math.floor(text.length / 2)), path)).toMatch(
        new RegExp(
          `^${path.replace(/[./]/g, '\\$&')}:\\d+:\\d+: invalid JSON: (unterminated string|unexpected end of input)$`,
        ),
      );
    }
  });

  it('names the element and field of a wrong type', () => {
    const grype = JSON.parse(readFixture('third-party/grype/ghsa-test.json'));
    grype.matches[1].artifact.name = ['not', 'a', 'string'];
    expect(errorOf(JSON.stringify(grype, null, 1), 'g.json')).toMatch(
      /^g\.json:\d+:\d+: not a valid Grype JSON report: at \$\.matches\[1\]\.artifact\.name: expected string, received array$/,
    );
  });

  it('refuses a huge string without building it, naming where it starts', () => {
    const huge = `{"SchemaVersion": 2, "ArtifactName": "${'A'.repeat(17 * 1024 * 1024)}"}`;
    expect(errorOf(huge)).toBe('bad.json:1:38: invalid JSON: string longer than 16777216 bytes');
  });

  it('refuses control characters without echoing them', () => {
    const message = errorOf('{"SchemaVersion": 2, "Results": [{"Target": "a\u001b]8;;evil\u0007"}]}');
    expect(message).toBe('bad.json:1:47: invalid JSON: control character inside a string');
  });

  it('says what it expected for JSON that is not a report', () => {
    expect(errorOf('[1, 2]')).toMatch(
      /^bad\.json: a JSON array of 2 elements that is no format the gate reads; expected Trivy JSON \(any version\), Grype JSON, SARIF 2\.1\.0, /,
    );
    expect(errorOf('{"hello": "world"}')).toMatch(
      /^bad\.json: unrecognized scan report: expected Trivy JSON/,
    );
  });
});
