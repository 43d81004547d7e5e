/** Decisions for the report tests: built as evaluation builds them, with real-looking findings. */
import type { Finding } from '../../../src/model/evidence.js';
import type { Decision, RuleResult } from '../../../src/policy/decision.js';

export const DIGEST = `sha256:${'a'.repeat(64)}`;
export const POLICY_FILE = '.github/supply-chain-gate.yml';

/** Everything a scanner could put in a title to break out of a table, a tag, or the log. */
export const HOSTILE_TITLE =
  '</details> | <img src=x onerror=alert(1)> [click](https://evil.example) @org/team ::set-output name=verdict::pass';

export function finding(index: number, overrides: Partial<Finding> = {}): Finding {
  return {
    id: `CVE-2024-${String(index).padStart(5, '0')}`,
    aliases: [],
    packageName: `pkg-${index}`,
    installedVersion: '1.0.0',
    fixedVersion: '1.0.1',
    severity: 'critical',
    sourceSeverity: 'CRITICAL',
    cvssScore: 9.8,
    title: `title ${index}`,
    target: 'package-lock.json',
    ...overrides,
  };
}

export function failOnResult(findings: Finding[], overrides: Partial<RuleResult> = {}): RuleResult {
  return {
    ruleId: 'vulnerabilities.fail-on',
    family: 'vulnerabilities',
    status: 'fail',
    title: `${findings.length} vulnerabilities at a failing severity`,
    message: 'The policy fails on critical, high.',
    remediation: 'Upgrade the packages to the fixed versions listed.',
    position: { file: POLICY_FILE, line: 4, column: 3 },
    findings,
    ...overrides,
  };
}

export function decision(overrides: Partial<Decision> = {}): Decision {
  return {
    verdict: 'fail',
    mode: 'enforce',
    errors: [],
    evaluatedAt: '2026-11-28T12:00:00.000Z',
    policyOrigin: POLICY_FILE,
    results: [
      failOnResult([finding(1, { title: HOSTILE_TITLE })]),
      {
        ruleId: 'vulnerabilities.require-scan',
        family: 'vulnerabilities',
        status: 'pass',
        title: 'Scan results present',
        message: 'Read trivy.json.',
      },
    ],
    evidence: {
      image: {
        reference: 'ghcr.io/acme/app:pr-1',
        name: 'ghcr.io/acme/app',
        digest: DIGEST,
        resolvedFromTag: 'pr-1',
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        annotations: {},
        platforms: [],
        layers: [],
        source: { kind: 'registry', uri: 'https://ghcr.io/v2/acme/app', digest: DIGEST },
      },
      scans: [],
      discovered: [],
    },
    ...overrides,
  };
}
