import { countBySeverity, mergeFindings } from '../../../src/evidence/findings.js';
import { parseScanReport, parseVexDocument } from '../../../src/evidence/scans/parse.js';
import type { Finding, VexDocument } from '../../../src/model/evidence.js';
import { createVexMatcher, vexSuppression, type VexSubject } from '../../../src/evidence/vex-match.js';
import { readFixture } from '../../support/fixtures.js';

const source = (uri: string) => ({ kind: 'file' as const, uri });
const report = (path: string) => parseScanReport(readFixture(`third-party/${path}`), source(path));
const vexOf = (path: string) => parseVexDocument(readFixture(`third-party/${path}`), source(path));
const NGINX = 'sha256:13d22ec63300e16014d4a42aed735207a8b33c223cff19627dd3042e5a10a3a0';

/** What remains after VEX, as the gate and `vexctl filter` compute it. */
function filter(findings: Finding[], documents: VexDocument[], subject: VexSubject) {
  const matcher = createVexMatcher(documents, subject);
  const kept = findings.filter((finding) => !vexSuppression(matcher, finding));
  return { kept, removed: findings.length - kept.length };
}

function finding(overrides: Partial<Finding>): Finding {
  return {
    id: 'CVE-0000-0001',
    aliases: [],
    packageName: 'p',
    severity: 'high',
    sourceSeverity: 'HIGH',
    ...overrides,
  };
}

describe('VEX filtering of the nginx SARIF reports (openvex/vexctl examples)', () => {
  const sarifResults = (path: string) =>
    (
      JSON.parse(readFixture(`third-party/${path}`)) as {
        runs: Array<{ results: Array<{ ruleId: string }> }>;
      }
    ).runs[0]!.results;
  const reports = {
    grype: 'openvex-vexctl/sarif/nginx-grype.sarif.json',
    trivy: 'openvex-vexctl/sarif/nginx-trivy.sarif.json',
    snyk: 'openvex-vexctl/sarif/nginx-snyk.sarif.json',
  };
  const one = vexOf('openvex-vexctl/sarif/sample-1statement.openvex.json');
  const two = vexOf('openvex-vexctl/sarif/sample-2vulns.openvex.json');
  const history = vexOf('openvex-vexctl/sarif/sample-history.openvex.json');
  const subject = { digests: [NGINX] };

  it('removes exactly one of Grype’s 99 results with the one-statement document, as the README says', () => {
    const findings = mergeFindings(report(reports.grype).findings);
    expect(findings).toHaveLength(99);
    expect(filter(findings, [one], subject).kept).toHaveLength(98);
  });

  it.each(Object.entries(reports))(
    '%s: removes the results naming the filtered CVEs (by id, alias or rule id), no more',
    (_, path) => {
      const results = sarifResults(path);
      const rules = JSON.parse(readFixture(`third-party/${path}`)).runs[0].tool.driver.rules as Array<{
        id: string;
        fullDescription?: { text?: string };
      }>;
      // Counted from the raw SARIF: a result is about a CVE when its rule id or rule text names it.
      const about = (cve: string) =>
        results.filter((result) => {
          const rule = rules.find((r) => r.id === result.ruleId);
          return result.ruleId.startsWith(cve) || (rule?.fullDescription?.text ?? '').includes(`(${cve})`);
        }).length;
      const findings = mergeFindings(report(path).findings);
      expect(findings).toHaveLength(results.length);
      expect(filter(findings, [one], subject).removed).toBe(about('CVE-2023-27103'));
      expect(filter(findings, [two], subject).removed).toBe(about('CVE-2023-27103') + about('CVE-2007-5686'));
      expect(filter(findings, [history], subject).removed).toBe(about('CVE-2023-27103'));
      expect(about('CVE-2023-27103')).toBeGreaterThan(0);
    },
  );

  it('applies nothing to another image: the statements name nginx by digest', () => {
    const findings = report(reports.grype).findings;
    expect(filter(findings, [two], { digests: [`sha256:${'0'.repeat(64)}`] }).removed).toBe(0);
  });
});

describe('VEX products and subcomponents', () => {
  it('drops exactly the finding Trivy’s own VEX run drops (gomod → gomod-vex golden)', () => {
    const documents = [vexOf('trivy/vex/integration-gomod.openvex.json')];
    const { kept } = filter(report('trivy/gomod.json.golden').findings, documents, { digests: [] });
    const expected = report('trivy/gomod-vex.json.golden').findings;
    const describe = (f: Finding) => `${f.id} ${f.packageName} ${f.target}`;
    expect(kept.map(describe)).toEqual(expected.map(describe));
  });

  it('matches an image by pkg:oci repository_url, and only its listed subcomponents', () => {
    const documents = [vexOf('trivy/vex/trivy-project-oci.openvex.json')];
    const busybox = finding({
      id: 'CVE-2023-42363',
      packageName: 'busybox',
      purl: 'pkg:apk/alpine/busybox@1.36.1-r29?arch=x86_64&distro=3.20.3',
    });
    const matcher = (name: string) => createVexMatcher(documents, { digests: [], name });
    expect(vexSuppression(matcher('ghcr.io/aquasecurity/trivy'), busybox)?.reason).toBe(
      'VEX not_affected (vulnerable_code_cannot_be_controlled_by_adversary): awk is not used',
    );
    expect(vexSuppression(matcher('docker.io/aquasec/trivy'), busybox)).toBeDefined();
    expect(vexSuppression(matcher('ghcr.io/acme/app'), busybox)).toBeUndefined();
    const other = { ...busybox, packageName: 'musl', purl: 'pkg:apk/alpine/musl@1.2.5-r0' };
    expect(vexSuppression(matcher('ghcr.io/aquasecurity/trivy'), other)).toBeUndefined();
  });

  it('matches a CycloneDX statement through its BOM-Link to the package purl and version', () => {
    const matcher = createVexMatcher([vexOf('cyclonedx-bom-examples/vex.json')], { digests: [] });
    const jackson = finding({
      id: 'CVE-2020-25649',
      packageName: 'jackson-databind',
      installedVersion: '2.10.0',
      purl: 'pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar',
    });
    expect(vexSuppression(matcher, jackson)?.reason).toBe(
      'VEX not_affected (code_not_reachable): Automated dataflow analysis and manual code review indicates that the vulnerable code is not reachable, either directly or indirectly.',
    );
    const newer = {
      ...jackson,
      purl: 'pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.11.0?type=jar',
    };
    expect(vexSuppression(matcher, newer)).toBeUndefined();
  });

  it('never applies a statement about a product it cannot tie to this image', () => {
    const matcher = createVexMatcher([vexOf('cyclonedx-bom-examples/cisa-case-1.vex-not_affected.json')], {
      digests: [NGINX],
      name: 'docker.io/library/nginx',
    });
    expect(
      vexSuppression(matcher, finding({ id: 'CVE-2021-44228', packageName: 'log4j-core' })),
    ).toBeUndefined();
  });

  it('lets the latest statement about a finding win, so "affected" after "not_affected" counts again', () => {
    const doc = (status: string, timestamp: string): VexDocument =>
      parseVexDocument(
        JSON.stringify({
          '@context': 'https://openvex.dev/ns/v0.2.0',
          timestamp,
          statements: [
            {
              vulnerability: { name: 'CVE-0000-0001' },
              products: [{ '@id': `pkg:oci/app@${encodeURIComponent(NGINX)}` }],
              status,
              ...(status === 'not_affected' ? { justification: 'component_not_present' } : {}),
            },
          ],
        }),
        source(`${status}.json`),
      );
    const early = doc('not_affected', '2026-01-01T00:00:00Z');
    const late = doc('affected', '2026-02-01T00:00:00Z');
    const subject = { digests: [NGINX] };
    expect(vexSuppression(createVexMatcher([early, late], subject), finding({}))).toBeUndefined();
    expect(vexSuppression(createVexMatcher([late, early], subject), finding({}))).toBeUndefined();
    const lateFix = doc('fixed', '2026-03-01T00:00:00Z');
    expect(vexSuppression(createVexMatcher([early, late, lateFix], subject), finding({}))?.reason).toBe(
      'VEX fixed',
    );
  });

  it('does not evaluate version ranges: such a statement suppresses nothing (fail closed)', () => {
    const vex = parseVexDocument(
      JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion: '1.5',
        vulnerabilities: [
          {
            id: 'CVE-2020-25649',
            analysis: { state: 'not_affected', justification: 'code_not_reachable' },
            affects: [
              { ref: 'pkg:maven/a/b', versions: [{ range: 'vers:maven/>=2.0|<3.0', status: 'unaffected' }] },
            ],
          },
        ],
      }),
      source('ranges.json'),
    );
    const matcher = createVexMatcher([vex], { digests: [] });
    expect(
      vexSuppression(matcher, finding({ id: 'CVE-2020-25649', packageName: 'b', purl: 'pkg:maven/a/b@2.5' })),
    ).toBeUndefined();
  });
});

describe('dedupe across scanners', () => {
  it('merges the same CVE in the same package version from Trivy and Snyk, listing both', () => {
    const merged = mergeFindings([
      ...report('openvex-vexctl/sarif/nginx-trivy.sarif.json').findings,
      ...report('openvex-vexctl/sarif/nginx-snyk.sarif.json').findings,
    ]);
    const apt = merged.filter((f) => f.id === 'CVE-2011-3374');
    expect(apt.map((f) => `${f.packageName} ${f.sources?.map((s) => s.scanner).join('+')}`).sort()).toEqual([
      'apt trivy',
      'libapt-pkg6.0 trivy+snyk container',
    ]);
    expect(apt.find((f) => f.packageName === 'libapt-pkg6.0')!.aliases).toEqual([
      'SNYK-DEBIAN12-APT-1541449',
    ]);
  });

  it('keeps the more severe reading and the higher score when scanners disagree', () => {
    const a = finding({
      severity: 'low',
      sourceSeverity: 'low',
      cvssScore: 5,
      installedVersion: '1',
      sources: [],
    });
    const b = finding({
      id: 'GHSA-aaaa-bbbb-cccc',
      aliases: ['CVE-0000-0001'],
      severity: 'critical',
      sourceSeverity: 'Critical',
      cvssScore: 9.8,
      installedVersion: '1',
      fixedVersion: '2',
      fixState: 'fixed',
    });
    const [merged] = mergeFindings([a, b]);
    expect(merged).toMatchObject({
      id: 'CVE-0000-0001',
      aliases: ['GHSA-aaaa-bbbb-cccc'],
      severity: 'critical',
      sourceSeverity: 'Critical',
      cvssScore: 9.8,
      fixedVersion: '2',
      fixState: 'fixed',
    });
    expect(countBySeverity(mergeFindings([a, b]))).toEqual({
      critical: 1,
      high: 0,
      medium: 0,
      low: 0,
      unknown: 0,
    });
  });

  it('counts a vulnerability reported for several targets once (Trivy gomod: 5 results, 3 findings)', () => {
    expect(mergeFindings(report('trivy/gomod.json.golden').findings).map((f) => f.id)).toEqual([
      'GMS-2022-20',
      'CVE-2022-23628',
      'CVE-2021-38561',
    ]);
  });

  it('keeps code findings in different places apart', () => {
    const code = (line: number) =>
      finding({ id: 'js/xss', packageName: 'src/a.js', location: `src/a.js:${line}:1` });
    expect(mergeFindings([code(1), code(2), code(1)])).toHaveLength(2);
  });
});
