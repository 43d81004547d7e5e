import { parseScanReport, parseVexDocument } from '../../../src/evidence/scans/parse.js';
import type {
  ArtifactVerification,
  Evidence,
  ImageEvidence,
  ScanReport,
  SignerIdentity,
  VexDocument,
} from '../../../src/model/evidence.js';
import type { RuleResult } from '../../../src/policy/decision.js';
import { parsePolicy } from '../../../src/policy/document/load.js';
import { vulnerabilityRules } from '../../../src/policy/rules/vulnerabilities.js';
import { readFixture } from '../../support/fixtures.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const ALPINE = 'sha256:451eee8bedcb2f029756dc3e9d73bab0e7943c1ac55cff3a4861c52a0fdd3e98';
const ALPINE_CONFIG = 'sha256:e7b300aee9f9bf3433d32bc9305bfdd22183beb59d933b48d77ab56ba53a197a';
const NGINX = 'sha256:13d22ec63300e16014d4a42aed735207a8b33c223cff19627dd3042e5a10a3a0';
const OTHER = `sha256:${'0'.repeat(64)}`;

function image(
  digest: string,
  platforms: Array<{ digest: string; configDigest?: string }> = [],
): ImageEvidence {
  return {
    reference: `registry.test/app@${digest}`,
    name: 'registry.test/app',
    digest,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    annotations: {},
    platforms: platforms.map((platform) => ({
      ...platform,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      annotations: {},
      layers: [],
      compressedSize: 0,
      source: { kind: 'registry', uri: `https://registry.test/v2/app/manifests/${platform.digest}` },
    })),
    layers: [],
    source: { kind: 'registry', uri: 'https://registry.test/v2/app', digest },
  };
}

const scan = (path: string, uri = path.slice(path.lastIndexOf('/') + 1)): ScanReport =>
  parseScanReport(readFixture(`third-party/${path}`), { kind: 'file', uri });
const vex = (path: string): VexDocument =>
  parseVexDocument(readFixture(`third-party/${path}`), {
    kind: 'file',
    uri: path.slice(path.lastIndexOf('/') + 1),
  });
const alpine = () => scan('trivy-action/alpine-3.10.with-trivy-yaml-cfg.json', 'trivy.json');

function judge(policyText: string, evidence: Partial<Evidence> & { image: ImageEvidence }) {
  const policy = parsePolicy(`version: 1\nvulnerabilities:\n  mode: enforce\n${policyText}`, 'policy.yml');
  const results = vulnerabilityRules.evaluate(policy, { scans: [], discovered: [], ...evidence }, NOW);
  const byId = (ruleId: string) => results.find((r) => r.ruleId === ruleId);
  return { results, byId, status: (ruleId: string) => byId(ruleId)?.status };
}

describe('binding to the gated digest', () => {
  it('accepts a Trivy report whose RepoDigests name the digest, and rejects one naming another', () => {
    expect(
      judge('  fail-on: []\n', { image: image(ALPINE), scans: [alpine()] }).status(
        'vulnerabilities.scan-binding',
      ),
    ).toBe('pass');
    const { byId } = judge('  fail-on: []\n', { image: image(OTHER), scans: [alpine()] });
    expect(byId('vulnerabilities.scan-binding')).toMatchObject({
      status: 'fail',
      title: 'A scan report is about a different image',
      message: `trivy.json: it scanned ${ALPINE}, not ${OTHER}. Their findings were not used.`,
    });
    expect(byId('vulnerabilities.require-scan')?.status).toBe('fail');
    expect(byId('vulnerabilities.require-scan')?.title).toBe('No usable scan results for this image');
  });

  it('rejects a report of the index whose ImageID is another platform’s config', () => {
    // The gate judges linux/arm64 of the index the report names; Trivy scanned linux/amd64 of it.
    const arm64 = `sha256:${'2'.repeat(64)}`;
    const report = { ...alpine(), artifact: { ...alpine().artifact, digests: [OTHER] } };
    const { byId } = judge('', {
      image: image(OTHER, [{ digest: arm64, configDigest: `sha256:${'3'.repeat(64)}` }]),
      scans: [report],
    });
    expect(byId('vulnerabilities.scan-binding')?.message).toBe(
      `trivy.json: it names image ID ${ALPINE_CONFIG}, but the gated image's config is sha256:${'3'.repeat(64)}: it scanned another image or platform. Their findings were not used.`,
    );
    expect(byId('vulnerabilities.fail-on')?.status).toBe('pass');
  });

  it('trusts a named platform manifest over the image ID it pins', () => {
    const { status } = judge('', {
      image: image(ALPINE, [{ digest: ALPINE, configDigest: OTHER }]),
      scans: [alpine()],
    });
    expect(status('vulnerabilities.scan-binding')).toBe('pass');
  });

  it('binds by ImageID when the report names the index and the gate judges one of its platforms', () => {
    const platform = `sha256:${'1'.repeat(64)}`;
    const { status } = judge('', {
      image: image(platform, [{ digest: platform, configDigest: ALPINE_CONFIG }]),
      scans: [alpine()],
    });
    expect(status('vulnerabilities.scan-binding')).toBe('pass');
    expect(status('vulnerabilities.fail-on')).toBe('fail');
  });

  it('reads Grype’s source.target: the manifest digest and image ID', () => {
    const grype = scan('grype/ghsa-test.json');
    const manifest = 'sha256:1212e7636ec0b1a7b90eb354e761e67163c2256de127036f086876e190631b43';
    const config = 'sha256:e1a0913e5e6eb346f15791e9627842ae80b14564f9c7a4f2e0910a9433673d8b';
    expect(
      judge('', {
        image: image(manifest, [{ digest: manifest, configDigest: config }]),
        scans: [grype],
      }).status('vulnerabilities.scan-binding'),
    ).toBe('pass');
    expect(
      judge('', { image: image(OTHER), scans: [grype] }).byId('vulnerabilities.scan-binding')?.message,
    ).toMatch(/^ghsa-test\.json: it scanned sha256:10008791.*, sha256:1212e763.*, not sha256:0{64}\./);
  });

  it('reads SARIF run properties', () => {
    const trivy = scan('openvex-vexctl/sarif/nginx-trivy.sarif.json');
    expect(judge('', { image: image(NGINX), scans: [trivy] }).status('vulnerabilities.scan-binding')).toBe(
      'pass',
    );
    expect(judge('', { image: image(OTHER), scans: [trivy] }).status('vulnerabilities.scan-binding')).toBe(
      'fail',
    );
  });

  it('warns about a report that names no digest, and still judges its findings', () => {
    const { byId, status } = judge('', { image: image(ALPINE), scans: [scan('trivy/gomod.json.golden')] });
    expect(byId('vulnerabilities.scan-binding')).toMatchObject({
      status: 'warn',
      message: `gomod.json.golden names no image digest, so it cannot be confirmed to be about ${ALPINE}.`,
    });
    expect(status('vulnerabilities.findings')).toBe('pass');
  });
});

describe('scan-max-age', () => {
  const dated = (createdAt: string) => ({ ...alpine(), createdAt });

  it('passes a report made within the limit', () => {
    expect(
      judge('  scan-max-age: 24h\n', { image: image(ALPINE), scans: [dated('2026-11-28T10:00:00Z')] }).status(
        'vulnerabilities.scan-max-age',
      ),
    ).toBe('pass');
  });

  it('rejects stale, undated and future reports, and does not use their findings', () => {
    const cases: Array<[ScanReport, string]> = [
      [dated('2026-11-20T12:00:00Z'), 'it was made at 2026-11-20T12:00:00Z, 8 days ago.'],
      [alpine(), 'it does not say when it was made, so its age cannot be checked.'],
      [dated('2026-11-29T12:00:00Z'), 'it says it was made at 2026-11-29T12:00:00Z, in the future.'],
      [dated('yesterday'), 'its creation time "yesterday" is not a date.'],
    ];
    for (const [report, reason] of cases) {
      const { byId } = judge('  scan-max-age: 7d\n', { image: image(ALPINE), scans: [report] });
      expect(byId('vulnerabilities.scan-max-age')).toMatchObject({
        status: 'fail',
        message: `trivy.json: ${reason} Their findings were not used.`,
      });
      expect(byId('vulnerabilities.fail-on')?.status).toBe('pass');
      expect(byId('vulnerabilities.require-scan')?.status).toBe('fail');
    }
  });

  it('is not judged when the policy sets no maximum age', () => {
    expect(
      judge('', { image: image(ALPINE), scans: [alpine()] }).byId('vulnerabilities.scan-max-age'),
    ).toBeUndefined();
  });

  it('rejects a duration it cannot read, at load time', () => {
    expect(() => parsePolicy('version: 1\nvulnerabilities:\n  scan-max-age: 3 days\n', 'policy.yml')).toThrow(
      /expected a duration such as 24h, 7d or 2w/,
    );
  });
});

describe('thresholds', () => {
  it('max-cvss fails on a score above it, highest first', () => {
    const failing = judge('  fail-on: []\n  max-cvss: 9.0\n', {
      image: image(ALPINE),
      scans: [alpine()],
    }).byId('vulnerabilities.max-cvss')!;
    expect(failing).toMatchObject({ status: 'fail', title: '1 finding above CVSS 9 (highest 9.1)' });
    expect(failing.findings?.map((f) => f.id)).toEqual(['CVE-2021-36159']);
    expect(
      judge('  fail-on: []\n  max-cvss: 9.5\n', { image: image(ALPINE), scans: [alpine()] }).status(
        'vulnerabilities.max-cvss',
      ),
    ).toBe('pass');
  });

  it('max-counts judges a severity by its count, in place of fail-on', () => {
    const golden = scan('trivy/alpine-39.json.golden');
    const over = judge('  fail-on: [critical, medium]\n  max-counts: {medium: 3}\n', {
      image: image(ALPINE),
      scans: [golden],
    });
    expect(over.byId('vulnerabilities.max-counts')).toMatchObject({
      status: 'fail',
      title: 'Too many findings: 4 medium (at most 3)',
    });
    expect(over.byId('vulnerabilities.max-counts')?.findings).toHaveLength(4);
    expect(over.byId('vulnerabilities.fail-on')?.findings?.map((f) => f.severity)).toEqual([
      'critical',
      'critical',
    ]);
    const within = judge('  fail-on: [medium]\n  max-counts: {medium: 4}\n', {
      image: image(ALPINE),
      scans: [golden],
    });
    expect(within.status('vulnerabilities.max-counts')).toBe('pass');
    expect(within.status('vulnerabilities.fail-on')).toBe('pass');
  });

  it('ignore-unfixed takes out findings the report says have no fix, and lists them', () => {
    const keycloak = scan('grype/keycloak-test.json');
    const keycloakDigest = 'sha256:347a0d748d05a050dc64b92de2246d2240db6eb38afbc17c3c08d0acb0db1b50';
    expect(
      judge('  fail-on: [low]\n', { image: image(keycloakDigest), scans: [keycloak] }).status(
        'vulnerabilities.fail-on',
      ),
    ).toBe('fail');
    const { byId } = judge('  fail-on: [low]\n  ignore-unfixed: true\n', {
      image: image(keycloakDigest),
      scans: [keycloak],
    });
    expect(byId('vulnerabilities.fail-on')?.status).toBe('pass');
    const findings = byId('vulnerabilities.findings')!;
    expect(findings.suppressed?.map((s) => s.by)).toEqual(Array(6).fill('ignore-unfixed'));
    expect(findings.title).toBe('0 findings after merging 1 report');
  });
});

describe('allow entries', () => {
  it('covers a finding by an alias, scoped to its package, and lists it with its reason and line', () => {
    // Grype lists CVE-2014-3577 in httpclient twice (as itself and as GHSA-cfh5-3ghh-wfjx): one finding.
    const grype = scan('grype/ghsa-test.json');
    const digest = 'sha256:1212e7636ec0b1a7b90eb354e761e67163c2256de127036f086876e190631b43';
    const { byId } = judge(
      '  fail-on: [medium]\n  allow:\n    - id: ghsa-cfh5-3ghh-wfjx\n      package: httpclient\n      reason: behind the proxy\n      expires: 2027-01-31\n',
      { image: image(digest), scans: [grype] },
    );
    expect(byId('vulnerabilities.fail-on')?.status).toBe('pass');
    const allowed = byId('vulnerabilities.findings')!.suppressed!;
    expect(allowed).toEqual([
      expect.objectContaining({ by: 'allow', reason: 'behind the proxy', origin: 'policy.yml:6:7' }),
    ]);
    expect(allowed[0]!.finding).toMatchObject({ id: 'CVE-2014-3577', aliases: ['GHSA-cfh5-3ghh-wfjx'] });

    const otherPackage = judge(
      '  fail-on: [medium]\n  allow:\n    - {id: CVE-2014-3577, package: httpcore, reason: not this one}\n',
      { image: image(digest), scans: [grype] },
    );
    expect(otherPackage.byId('vulnerabilities.fail-on')?.findings?.map((f) => f.id)).toEqual([
      'CVE-2014-3577',
    ]);
  });

  it('stops applying after its expiry day, and says so at its line', () => {
    const { byId } = judge('  allow:\n    - {id: CVE-2021-36159, reason: old, expires: 2026-11-27}\n', {
      image: image(ALPINE),
      scans: [alpine()],
    });
    expect(byId('vulnerabilities.fail-on')?.status).toBe('fail');
    expect(byId('vulnerabilities.allow-expired')).toMatchObject({
      status: 'warn',
      position: { file: 'policy.yml', line: 5, column: 7 },
    });
  });
});

describe('VEX', () => {
  const grype = () => scan('openvex-vexctl/sarif/nginx-grype.sarif.json', 'grype.sarif');
  const one = () => vex('openvex-vexctl/sarif/sample-1statement.openvex.json');

  it('suppresses what a repository VEX file says does not affect this image, naming the file', () => {
    const { byId } = judge('  fail-on: []\n', { image: image(NGINX), scans: [grype()], vex: [one()] });
    const findings = byId('vulnerabilities.findings')!;
    expect(findings.findings).toHaveLength(98);
    expect(
      findings.suppressed?.map((s) => [s.finding.id, s.finding.packageName, s.by, s.reason, s.origin]),
    ).toEqual([
      [
        'CVE-2023-27103',
        'libde265-0',
        'vex',
        'VEX not_affected (component_not_present)',
        'sample-1statement.openvex.json',
      ],
    ]);
    expect(byId('vulnerabilities.vex')).toMatchObject({
      status: 'pass',
      message: '1 statement(s) in sample-1statement.openvex.json suppressed 1 finding(s).',
    });
  });

  const signer = (san: string): SignerIdentity => ({
    kind: 'certificate',
    san,
    issuer: 'https://token.actions.githubusercontent.com',
    claims: { sourceRepositoryUri: 'https://github.com/acme/app' },
    instance: 'public-good',
  });
  const attestation = (
    predicateType: string,
    predicate: unknown,
    who: SignerIdentity,
    subject = NGINX,
  ): ArtifactVerification => ({
    status: 'verified',
    artifact: {
      kind: 'sigstore-bundle',
      subjectDigest: subject,
      source: { kind: 'registry', uri: `https://registry.test/v2/app/referrers/${predicateType.length}` },
    },
    signer: who,
    content: 'dsse',
    statement: {
      predicateType,
      subjects: [{ name: 'registry.test/app', digest: { sha256: subject.slice(7) } }],
      predicate,
    },
    transparencyLog: [],
    timestamps: [],
  });
  const openVexPredicate = () =>
    JSON.parse(readFixture('third-party/openvex-vexctl/sarif/sample-1statement.openvex.json'));
  const trusted =
    '  fail-on: []\n  attestation-signers:\n    - issuer: https://token.actions.githubusercontent.com\n      subject-regexp: https://github\\.com/acme/app/\\.github/workflows/.*\n';

  it('uses VEX from an attestation only when its signer is one the policy names', () => {
    const good = attestation(
      'https://openvex.dev/ns/v0.2.0',
      openVexPredicate(),
      signer('https://github.com/acme/app/.github/workflows/vex.yml@refs/heads/main'),
    );
    const used = judge(trusted, { image: image(NGINX), scans: [grype()], verifications: [good] });
    expect(used.byId('vulnerabilities.findings')?.findings).toHaveLength(98);
    expect(used.status('vulnerabilities.vex')).toBe('pass');

    const stranger = attestation(
      'https://openvex.dev/ns/v0.2.0',
      openVexPredicate(),
      signer('https://github.com/mallory/x/.github/workflows/a.yml@refs/heads/main'),
    );
    const ignored = judge(trusted, { image: image(NGINX), scans: [grype()], verifications: [stranger] });
    expect(ignored.byId('vulnerabilities.findings')?.findings).toHaveLength(99);
    expect(ignored.byId('vulnerabilities.vex')).toMatchObject({
      status: 'warn',
      title: '1 attestation(s) on the image were not used',
    });
    expect(ignored.byId('vulnerabilities.vex')?.message).toContain(
      'is signed by https://github.com/mallory/x/.github/workflows/a.yml@refs/heads/main (issuer https://token.actions.githubusercontent.com), not by an identity in "attestation-signers".',
    );
  });

  it('counts a cosign vuln attestation from a trusted signer as a scan, bound to its subject', () => {
    const predicate = {
      scanner: {
        uri: 'pkg:github/aquasecurity/trivy',
        version: '0.72.0',
        result: JSON.parse(readFixture('third-party/trivy-action/alpine-3.10.with-trivy-yaml-cfg.json')),
      },
      metadata: { scanFinishedOn: '2026-11-28T11:00:00Z' },
    };
    const who = signer('https://github.com/acme/app/.github/workflows/scan.yml@refs/heads/main');
    const bound = judge(`${trusted}  scan-max-age: 24h\n`, {
      image: image(NGINX),
      verifications: [attestation('https://cosign.sigstore.dev/attestation/vuln/v1', predicate, who)],
    });
    expect(bound.status('vulnerabilities.require-scan')).toBe('pass');
    expect(bound.status('vulnerabilities.scan-binding')).toBe('pass');
    expect(bound.status('vulnerabilities.scan-max-age')).toBe('pass');
    expect(bound.byId('vulnerabilities.findings')?.findings?.map((f) => f.id)).toEqual(['CVE-2021-36159']);

    const foreign = judge(trusted, {
      image: image(NGINX),
      verifications: [attestation('https://cosign.sigstore.dev/attestation/vuln/v1', predicate, who, OTHER)],
    });
    expect(foreign.status('vulnerabilities.scan-binding')).toBe('fail');

    const untrusted = judge('  fail-on: []\n', {
      image: image(NGINX),
      verifications: [attestation('https://cosign.sigstore.dev/attestation/vuln/v1', predicate, who)],
    });
    expect(untrusted.status('vulnerabilities.require-scan')).toBe('fail');
  });
});

describe('the summary result', () => {
  it('carries every finding that counts, worst first, with counts and what was suppressed', () => {
    const sarif = scan('openvex-vexctl/sarif/nginx-trivy.sarif.json');
    const { byId, results } = judge('  fail-on: []\n', { image: image(NGINX), scans: [sarif] });
    const summary: RuleResult = byId('vulnerabilities.findings')!;
    expect(summary.status).toBe('pass');
    expect(summary.counts).toEqual({ critical: 0, high: 3, medium: 21, low: 75, unknown: 0 });
    expect(summary.findings?.slice(0, 3).every((f) => f.severity === 'high')).toBe(true);
    expect(summary.title).toBe('99 findings after merging 1 report (3 high, 21 medium, 75 low)');
    expect(results.map((r) => r.ruleId)).toEqual([
      'vulnerabilities.require-scan',
      'vulnerabilities.scan-binding',
      'vulnerabilities.findings',
      'vulnerabilities.fail-on',
    ]);
  });

  it('lists what a report itself suppressed, unless another report counts it', () => {
    const grype = JSON.parse(readFixture('third-party/grype/keycloak-test.json'));
    grype.ignoredMatches = [
      { ...grype.matches[0], appliedIgnoreRules: [{ 'vex-status': 'not_affected', reason: 'test' }] },
    ];
    grype.matches = grype.matches.slice(1);
    const report = parseScanReport(JSON.stringify(grype), { kind: 'file', uri: 'grype.json' });
    const digest = 'sha256:347a0d748d05a050dc64b92de2246d2240db6eb38afbc17c3c08d0acb0db1b50';
    const alone = judge('', { image: image(digest), scans: [report] }).byId('vulnerabilities.findings')!;
    expect(alone.suppressed?.map((s) => [s.finding.id, s.finding.packageName, s.reason])).toEqual([
      ['CVE-2020-12413', 'nspr', 'ignored by Grype: VEX not_affected, test'],
    ]);
    expect(alone.findings).toHaveLength(5);
    const withOther = judge('', {
      image: image(digest),
      scans: [report, scan('grype/keycloak-test.json')],
    }).byId('vulnerabilities.findings')!;
    expect(withOther.suppressed).toEqual([]);
    expect(withOther.findings).toHaveLength(6);
  });
});
