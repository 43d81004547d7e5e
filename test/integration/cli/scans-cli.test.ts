import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCaptured } from '../../support/cli.js';
import { fixturePath, readFixture, REPO_ROOT } from '../../support/fixtures.js';

const NOW = () => new Date('2026-11-28T12:00:00Z');
const SARIF = ['nginx-grype.sarif.json', 'nginx-trivy.sarif.json', 'nginx-snyk.sarif.json'].map((name) =>
  fixturePath(`third-party/openvex-vexctl/sarif/${name}`),
);

interface ScansJson {
  findings: Array<{
    id: string;
    packageName: string;
    installedVersion?: string;
    severity: string;
    sources: unknown[];
  }>;
  counts: Record<string, number>;
  suppressed: Array<{ finding: { id: string }; by: string; reason: string; origin?: string }>;
}

describe('supply-chain-gate scans', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scg-scans-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints the findings of three scanners merged, the counts and what VEX suppressed, as JSON', async () => {
    const vex = fixturePath('third-party/openvex-vexctl/sarif/sample-2vulns.openvex.json');
    await cp(vex, join(dir, 'two.openvex.json'));
    const { code, stdout, stderr } = await runCliCaptured(['scans', ...SARIF, 'two.openvex.json', '--json'], {
      cwd: dir,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as ScansJson;
    expect(Object.keys(result)).toEqual(['findings', 'counts', 'suppressed']);
    expect(Object.keys(result.counts)).toEqual(['critical', 'high', 'medium', 'low', 'unknown']);
    const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(result.findings.length);
    // Each (id, package, version) appears once, whichever scanners reported it.
    const keys = result.findings.map((f) => `${f.id}|${f.packageName}|${f.installedVersion}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(result.findings.length).toBeLessThan(99 + 99 + 65);
    expect(result.findings.some((f) => f.sources.length > 1)).toBe(true);
    const suppressedIds = new Set(result.suppressed.map((s) => s.finding.id));
    expect([...suppressedIds].sort()).toEqual(['CVE-2007-5686', 'CVE-2023-27103']);
    expect(result.suppressed.every((s) => s.by === 'vex' && s.origin === 'two.openvex.json')).toBe(true);
  });

  it('prints a readable summary without --json', async () => {
    const { code, stdout } = await runCliCaptured(['scans', SARIF[1]!], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('sarif from trivy 0.42.1, 99 finding(s), about sha256:13d22ec6');
    expect(stdout).toContain(
      '99 finding(s) after dedupe: 0 critical, 3 high, 21 medium, 75 low, 0 unknown; 0 suppressed',
    );
    expect(stdout).toMatch(/^high {5}CVE-\S+ \S+ \S+/m);
  });

  it('reads a large generated report in a stream, with counts equal to a count of the raw file', async () => {
    const golden = JSON.parse(readFixture('third-party/trivy/alpine-39.json.golden'));
    const template = golden.Results[0].Vulnerabilities as Array<Record<string, unknown>>;
    const vulnerabilities: Array<Record<string, unknown>> = Array.from({ length: 30_000 }, (_, i) => ({
      ...template[i % template.length],
      VulnerabilityID: `CVE-2026-${100000 + i}`,
      PkgName: `pkg-${i % 700}`,
      PkgIdentifier: { PURL: `pkg:apk/alpine/pkg-${i % 700}@1.${i % 40}.0` },
      InstalledVersion: `1.${i % 40}.0`,
    }));
    golden.Results = [{ Target: 'big (alpine 3.9.4)', Vulnerabilities: vulnerabilities }];
    const text = JSON.stringify(golden, null, 2);
    expect(text.length).toBeGreaterThan(20_000_000);
    await writeFile(join(dir, 'big.json'), text);

    const rawCounts: Record<string, number> = { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 };
    for (const vuln of vulnerabilities) rawCounts[String(vuln.Severity).toLowerCase()]!++;
    const { code, stdout } = await runCliCaptured(['scans', 'big.json', '--json'], { cwd: dir });
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as ScansJson;
    expect(result.counts).toEqual(rawCounts);
    expect(result.findings).toHaveLength(30_000);
  });

  it('exits 2 with one line naming the file and position of a truncated report', async () => {
    const text = readFixture('third-party/grype/keycloak-test.json');
    await writeFile(join(dir, 'cut.json'), text.slice(0, 20_000));
    const { code, stdout, stderr } = await runCliCaptured(['scans', 'cut.json'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^error: cut\.json:\d+:\d+: invalid JSON: (unterminated string|unexpected end of input)\n$/,
    );
  });

  it('exits 2 for a missing file, a directory and no file at all', async () => {
    expect((await runCliCaptured(['scans', 'nope.json'], { cwd: dir })).stderr).toBe(
      'error: nope.json: cannot read scan report (no such file)\n',
    );
    expect((await runCliCaptured(['scans', '.'], { cwd: dir })).stderr).toMatch(/is not a regular file\n$/);
    expect(await runCliCaptured(['scans'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: 'error: scans needs at least one FILE\n',
    });
  });
});

describe('supply-chain-gate check with VEX', () => {
  let workspace: string;
  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'scg-vex-'));
    await cp(join(REPO_ROOT, 'examples/demo'), workspace, { recursive: true });
  });
  afterAll(() => rm(workspace, { recursive: true, force: true }));

  const demoDigest = 'sha256:b147d176511eebef0f8e759505db656520af794ebaccdc4a741974ce60e23ca2';

  it('suppresses a finding a repository VEX file says does not affect the image, and reports why', async () => {
    await writeFile(
      join(workspace, 'musl.openvex.json'),
      JSON.stringify({
        '@context': 'https://openvex.dev/ns/v0.2.0',
        '@id': 'https://example.test/vex/1',
        author: 'platform team',
        timestamp: '2026-11-01T00:00:00Z',
        version: 1,
        statements: [
          {
            vulnerability: { name: 'CVE-2019-14697' },
            products: [{ '@id': `pkg:oci/app-oci@${encodeURIComponent(demoDigest)}` }],
            status: 'not_affected',
            justification: 'vulnerable_code_not_in_execute_path',
            impact_statement: 'the app never calls the affected function',
          },
        ],
      }),
    );
    const report = join(workspace, 'report.json');
    await runCliCaptured(
      [
        'check',
        '--image',
        'oci:app-oci:1.0',
        '--policy',
        'policy.yml',
        '--scan',
        'trivy.json',
        '--vex',
        'musl.openvex.json',
        '--json',
        report,
        '--quiet',
      ],
      { cwd: workspace, now: NOW },
    );
    const results = JSON.parse(await readFile(report, 'utf8')).results as Array<{
      ruleId: string;
      status: string;
      suppressed?: Array<{ finding: { id: string; packageName: string }; by: string; reason: string }>;
    }>;
    const byId = (id: string) => results.find((r) => r.ruleId === id);
    expect(byId('vulnerabilities.fail-on')?.status).toBe('pass');
    expect(byId('vulnerabilities.vex')?.status).toBe('pass');
    const suppressed = byId('vulnerabilities.findings')?.suppressed ?? [];
    expect(suppressed.map((s) => `${s.by} ${s.finding.id} ${s.finding.packageName}`).sort()).toEqual([
      // The statement is about the whole image: it covers both packages, before the allow entry does.
      'vex CVE-2019-14697 musl',
      'vex CVE-2019-14697 musl-utils',
    ]);
    expect(suppressed.find((s) => s.by === 'vex')?.reason).toBe(
      'VEX not_affected (vulnerable_code_not_in_execute_path): the app never calls the affected function',
    );
  });

  it('refuses a VEX file outside the repository', async () => {
    const outside = join(tmpdir(), `scg-outside-${process.pid}.openvex.json`);
    await writeFile(outside, readFixture('third-party/openvex-vexctl/sarif/sample-1statement.openvex.json'));
    try {
      const { code, stdout } = await runCliCaptured(
        [
          'check',
          '--image',
          'oci:app-oci:1.0',
          '--policy',
          'policy.yml',
          '--scan',
          'trivy.json',
          '--vex',
          outside,
        ],
        { cwd: workspace, now: NOW },
      );
      expect(code).toBe(2);
      expect(stdout).toContain('VEX documents are read only from files in the repository');
    } finally {
      await rm(outside, { force: true });
    }
  });
});
