import { parseScanReport } from '../../../src/evidence/scans/parse.js';
import type { Evidence, ImageEvidence, ScanReport } from '../../../src/model/evidence.js';
import { evaluatePolicy } from '../../../src/policy/evaluate.js';
import { parsePolicy } from '../../../src/policy/document/load.js';
import { readFixture } from '../../support/fixtures.js';

const DIGEST = 'sha256:451eee8bedcb2f029756dc3e9d73bab0e7943c1ac55cff3a4861c52a0fdd3e98';
const NOW = new Date('2026-11-28T12:00:00Z');

const image: ImageEvidence = {
  reference: 'registry.test/alpine:3.10',
  name: 'registry.test/alpine',
  digest: DIGEST,
  resolvedFromTag: '3.10',
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  annotations: {},
  platforms: [],
  config: { user: '10001', env: [], labels: {}, history: [] },
  layers: [],
  source: { kind: 'registry', uri: 'https://registry.test/v2/alpine', digest: DIGEST },
};

const realAlpine = (): ScanReport =>
  parseScanReport(readFixture('third-party/trivy-action/alpine-3.10.with-trivy-yaml-cfg.json'), {
    kind: 'file',
    uri: 'trivy.json',
  });
const golden39 = (): ScanReport =>
  parseScanReport(readFixture('third-party/trivy/alpine-39.json.golden'), {
    kind: 'file',
    uri: 'golden.json',
  });

function evaluate(policyText: string, scans: ScanReport[], digest = DIGEST) {
  const evidence: Evidence = { image: { ...image, digest }, scans, discovered: [] };
  return evaluatePolicy(parsePolicy(policyText, 'policy.yml'), evidence, NOW);
}
const result = (decision: ReturnType<typeof evaluate>, ruleId: string) =>
  decision.results.find((r) => r.ruleId === ruleId);

describe('vulnerabilities family', () => {
  it('fails on the critical apk-tools finding of the real alpine:3.10 scan, naming the fix and the policy line', () => {
    const decision = evaluate('version: 1\nvulnerabilities:\n  fail-on: [critical]\n', [realAlpine()]);
    expect(decision.verdict).toBe('fail');
    const failOn = result(decision, 'vulnerabilities.fail-on')!;
    expect(failOn.status).toBe('fail');
    expect(failOn.title).toBe('1 vulnerability at a failing severity (1 critical)');
    expect(failOn.findings?.map((f) => `${f.id} ${f.packageName} ${f.fixedVersion}`)).toEqual([
      'CVE-2021-36159 apk-tools 2.10.7-r0',
    ]);
    expect(failOn.remediation).toMatch(/Upgrade the packages/);
    expect(failOn.position).toEqual({ file: 'policy.yml', line: 3, column: 3 });
  });

  it('passes when an unexpired allow entry covers the finding, and says so', () => {
    const decision = evaluate(
      'version: 1\nvulnerabilities:\n  allow:\n    - {id: cve-2021-36159, reason: not reachable, expires: 2026-11-28}\n',
      [realAlpine()],
    );
    expect(decision.verdict).toBe('pass');
    expect(result(decision, 'vulnerabilities.fail-on')!.message).toContain(
      'CVE-2021-36159 in apk-tools (not reachable)',
    );
  });

  it('stops honouring an exception the day after it expires, and reports the expiry at its line', () => {
    const decision = evaluate(
      'version: 1\nvulnerabilities:\n  allow:\n    - {id: CVE-2021-36159, reason: later, expires: 2026-11-27}\n',
      [realAlpine()],
    );
    expect(decision.verdict).toBe('fail');
    const expired = result(decision, 'vulnerabilities.allow-expired')!;
    expect(expired.status).toBe('warn');
    expect(expired.position).toEqual({ file: 'policy.yml', line: 4, column: 7 });
  });

  it('scopes an allow entry to its package', () => {
    const decision = evaluate(
      'version: 1\nvulnerabilities:\n  allow:\n    - {id: CVE-2019-14697, package: musl-utils, reason: not shipped}\n',
      [golden39()],
      DIGEST,
    );
    expect(result(decision, 'vulnerabilities.fail-on')!.findings?.map((f) => f.packageName)).toEqual([
      'musl',
    ]);
  });

  it('fails when no scan is given and one is required, and skips when it is not', () => {
    expect(result(evaluate('version: 1\n', []), 'vulnerabilities.require-scan')!.status).toBe('fail');
    const optional = evaluate('version: 1\nvulnerabilities:\n  require-scan: false\n', []);
    expect(optional.verdict).toBe('pass');
    expect(result(optional, 'vulnerabilities.require-scan')!.status).toBe('skip');
  });

  it('fails a scan that names another image digest, even with no findings', () => {
    const decision = evaluate(
      'version: 1\nvulnerabilities:\n  fail-on: []\n',
      [realAlpine()],
      `sha256:${'0'.repeat(64)}`,
    );
    expect(decision.verdict).toBe('fail');
    expect(result(decision, 'vulnerabilities.scan-binding')!.message).toContain(
      `not sha256:${'0'.repeat(64)}`,
    );
  });

  it('warns when a scan names no digest at all', () => {
    expect(result(evaluate('version: 1\n', [golden39()]), 'vulnerabilities.scan-binding')!.status).toBe(
      'warn',
    );
  });

  it('turns failures into warnings for a rule family in warn mode', () => {
    const decision = evaluate('version: 1\nvulnerabilities:\n  mode: warn\n  fail-on: [critical]\n', [
      realAlpine(),
    ]);
    expect(decision.verdict).toBe('pass');
    expect(result(decision, 'vulnerabilities.fail-on')!.status).toBe('warn');
  });

  it('counts the same vulnerability in the same package version once across targets', () => {
    const scan = realAlpine();
    const doubled = {
      ...scan,
      findings: [...scan.findings, { ...scan.findings[0]!, target: 'another target' }],
    };
    expect(result(evaluate('version: 1\n', [doubled]), 'vulnerabilities.fail-on')!.findings).toHaveLength(1);
  });

  it('is deterministic: the same inputs give the same decision', () => {
    const text = 'version: 1\nvulnerabilities:\n  fail-on: [critical, medium]\n';
    expect(evaluate(text, [golden39()])).toEqual(evaluate(text, [golden39()]));
  });
});

describe('the effective policy, chosen once', () => {
  const text =
    'version: 1\nvulnerabilities:\n  fail-on: [critical]\nimages:\n  - match: registry.test/alpine\n    vulnerabilities:\n      fail-on: []\n';
  const evidence = (): Evidence => ({ image, scans: [realAlpine()], discovered: [] });

  it('applies the image override when it chooses the effective policy itself', () => {
    const decision = evaluatePolicy(parsePolicy(text, 'policy.yml'), evidence(), NOW);
    expect(decision.verdict).toBe('pass');
  });

  it('hands the caller’s effective policy to every family instead of choosing again', () => {
    const policy = parsePolicy(text, 'policy.yml');
    const seen: unknown[] = [];
    const families = ['a', 'b'].map((id) => ({
      id,
      title: id,
      evaluate: (effective: typeof policy) => {
        seen.push(effective);
        return [];
      },
    }));
    // The top-level settings, as if collection had chosen no override: evaluation must agree.
    const decision = evaluatePolicy(policy, evidence(), NOW, { effective: policy, families });
    expect(seen).toEqual([policy, policy]);
    expect(seen.every((effective) => effective === policy)).toBe(true);
    expect(evaluatePolicy(policy, evidence(), NOW, { effective: policy }).verdict).toBe('fail');
    expect(decision.policyOrigin).toBe(policy.origin);
  });
});
