/**
 * Properties of the policy evaluator over generated policies and findings: it never throws, it is
 * deterministic (the same inputs, in any order of findings, give the same decision), and an allow
 * entry or an exception, expired or not, matching or not, never turns a pass into a fail.
 */
import fc from 'fast-check';
import type { Evidence, Finding, ScanReport, Severity } from '../../src/model/evidence.js';
import { evaluatePolicy } from '../../src/policy/evaluate.js';
import { parsePolicy } from '../../src/policy/document/load.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const DIGEST = `sha256:${'ab'.repeat(32)}`;
const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'unknown'];
const IDS = ['CVE-2024-0001', 'CVE-2024-0002', 'CVE-2024-0003', 'GHSA-aaaa-bbbb-cccc', 'CVE-2023-9999'];
const PACKAGES = ['openssl', 'musl', 'zlib', 'busybox'];
const RULES = [
  'vulnerabilities.fail-on',
  'vulnerabilities.max-cvss',
  'vulnerabilities.require-scan',
  'image.non-root',
  'image.secrets',
  'image.*',
  'vulnerabilities.*',
];
const RUNS = { numRuns: 150, seed: 20261128 } as const;

const finding: fc.Arbitrary<Finding> = fc
  .record({
    id: fc.constantFrom(...IDS),
    packageName: fc.constantFrom(...PACKAGES),
    installedVersion: fc.constantFrom('1.0', '2.1', '3.0.1'),
    severity: fc.constantFrom(...SEVERITIES),
    cvss: fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: undefined }),
    fixed: fc.boolean(),
  })
  .map(({ cvss, fixed, ...rest }) => ({
    ...rest,
    aliases: [],
    sourceSeverity: rest.severity.toUpperCase(),
    ...(cvss === undefined ? {} : { cvssScore: Math.round(cvss * 10) / 10 }),
    ...(fixed ? { fixedVersion: '9.9', fixState: 'fixed' as const } : { fixState: 'unfixed' as const }),
  }));

const date = fc.constantFrom('2025-01-31', '2026-11-27', '2026-11-28', '2026-11-29', '2030-12-31');
const allowEntry = fc.record(
  {
    id: fc.constantFrom(...IDS),
    package: fc.constantFrom(...PACKAGES),
    reason: fc.constant('accepted for the test'),
    expires: date,
  },
  { requiredKeys: ['id', 'reason'] },
);
const exceptionEntry = fc.record(
  {
    rule: fc.constantFrom(...RULES),
    id: fc.constantFrom(...IDS),
    package: fc.constantFrom(...PACKAGES),
    reason: fc.constant('accepted for the test'),
    expires: date,
  },
  { requiredKeys: ['rule', 'reason'] },
);

interface PolicyParts {
  failOn: Severity[];
  maxCvss?: number;
  ignoreUnfixed: boolean;
  requireScan: boolean;
  nonRoot: boolean;
  allow: Array<Record<string, string>>;
  exceptions: Array<Record<string, string>>;
}

const policyParts: fc.Arbitrary<PolicyParts> = fc.record({
  failOn: fc.subarray(SEVERITIES),
  maxCvss: fc.option(fc.constantFrom(4, 7, 9.5), { nil: undefined }),
  ignoreUnfixed: fc.boolean(),
  requireScan: fc.boolean(),
  nonRoot: fc.boolean(),
  allow: fc.array(allowEntry, { maxLength: 3 }),
  exceptions: fc.array(exceptionEntry, { maxLength: 2 }),
});

/** The policy as a user would write it, so the evaluator sees what the loader makes of YAML. */
function policyText(parts: PolicyParts): string {
  const list = (entries: Array<Record<string, string>>, indent: string) =>
    entries
      .map((entry) =>
        Object.entries(entry)
          .map(([key, value], i) => `${indent}${i === 0 ? '- ' : '  '}${key}: ${JSON.stringify(value)}`)
          .join('\n'),
      )
      .join('\n');
  return [
    'version: 1',
    'image:',
    `  non-root: ${parts.nonRoot}`,
    'vulnerabilities:',
    `  fail-on: [${parts.failOn.join(', ')}]`,
    `  require-scan: ${parts.requireScan}`,
    `  ignore-unfixed: ${parts.ignoreUnfixed}`,
    ...(parts.maxCvss === undefined ? [] : [`  max-cvss: ${parts.maxCvss}`]),
    ...(parts.allow.length > 0 ? ['  allow:', list(parts.allow, '    ')] : []),
    ...(parts.exceptions.length > 0 ? ['exceptions:', list(parts.exceptions, '  ')] : []),
    '',
  ].join('\n');
}

function evidence(findings: Finding[], user: string | undefined): Evidence {
  const scan: ScanReport = {
    format: 'trivy-json',
    scanner: { name: 'trivy' },
    artifact: { digests: [DIGEST] },
    findings: findings.map((f) => ({
      ...f,
      sources: [{ scanner: 'trivy', format: 'trivy-json', uri: 'scan.json' }],
    })),
    source: { kind: 'file', uri: 'scan.json' },
  };
  const config = { ...(user === undefined ? {} : { user }), env: [], labels: {}, history: [] };
  const platform = {
    digest: DIGEST,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    configDigest: `sha256:${'cd'.repeat(32)}`,
    annotations: {},
    config,
    layers: [],
    compressedSize: 0,
    source: { kind: 'registry' as const, uri: `https://registry.test/v2/app/manifests/${DIGEST}` },
  };
  return {
    image: {
      reference: `registry.test/app@${DIGEST}`,
      name: 'registry.test/app',
      digest: DIGEST,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      annotations: {},
      platforms: [platform],
      config,
      layers: [],
      source: { kind: 'registry', uri: 'https://registry.test/v2/app', digest: DIGEST },
    },
    scans: [scan],
    discovered: [],
    lookups: [],
    verifications: [],
  };
}

const scenario = fc.record({
  parts: policyParts,
  findings: fc.array(finding, { maxLength: 12 }),
  user: fc.constantFrom(undefined, '0', 'root', '1000', '10001:10001'),
});

function decide(parts: PolicyParts, findings: Finding[], user: string | undefined) {
  return evaluatePolicy(parsePolicy(policyText(parts), 'policy.yml'), evidence(findings, user), NOW);
}

const summary = (decision: ReturnType<typeof decide>) =>
  decision.results.map((result) => `${result.ruleId}:${result.status}`).sort();

describe('the policy evaluator, on generated policies and findings', () => {
  it('never throws and always decides pass or fail', () => {
    fc.assert(
      fc.property(scenario, ({ parts, findings, user }) => {
        expect(['pass', 'fail']).toContain(decide(parts, findings, user).verdict);
      }),
      RUNS,
    );
  });

  it('is deterministic: the same inputs, and the same findings in another order, give the same decision', () => {
    fc.assert(
      fc.property(
        scenario.chain((s) =>
          fc
            .shuffledSubarray(s.findings, { minLength: s.findings.length })
            .map((shuffled) => ({ ...s, shuffled })),
        ),
        ({ parts, findings, user, shuffled }) => {
          const first = decide(parts, findings, user);
          expect(JSON.stringify(decide(parts, findings, user))).toBe(JSON.stringify(first));
          const reordered = decide(parts, shuffled, user);
          expect(reordered.verdict).toBe(first.verdict);
          expect(summary(reordered)).toEqual(summary(first));
        },
      ),
      RUNS,
    );
  });

  it('never turns a pass into a fail when an allow entry is added', () => {
    fc.assert(
      fc.property(scenario, allowEntry, ({ parts, findings, user }, extra) => {
        fc.pre(decide(parts, findings, user).verdict === 'pass');
        const widened = { ...parts, allow: [...parts.allow, extra] };
        expect(decide(widened, findings, user).verdict).toBe('pass');
      }),
      RUNS,
    );
  });

  it('never turns a pass into a fail when an exception is added', () => {
    fc.assert(
      fc.property(scenario, exceptionEntry, ({ parts, findings, user }, extra) => {
        fc.pre(decide(parts, findings, user).verdict === 'pass');
        const widened = { ...parts, exceptions: [...parts.exceptions, extra] };
        expect(decide(widened, findings, user).verdict).toBe('pass');
      }),
      RUNS,
    );
  });

  it('never turns a fail into a pass when a finding is added (more evidence of a problem cannot help)', () => {
    fc.assert(
      fc.property(scenario, finding, ({ parts, findings, user }, extra) => {
        fc.pre(decide(parts, findings, user).verdict === 'fail');
        expect(decide(parts, [...findings, extra], user).verdict).toBe('fail');
      }),
      RUNS,
    );
  });
});
