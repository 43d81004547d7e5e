import type { Decision } from '../../src/policy/decision.js';
import { checkConclusion, exitCodeFor, renderCheckRun } from '../../src/report/check-run.js';
import { escapeCode, escapeLogLine, escapeMarkdown } from '../../src/report/escape.js';
import { renderJsonReport } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { Finding } from '../../src/evidence/types.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;

function finding(index: number, title = `title ${index}`): Finding {
  return {
    id: `CVE-2024-${String(index).padStart(5, '0')}`,
    aliases: [],
    packageName: `pkg-${index}`,
    installedVersion: '1.0.0',
    fixedVersion: '1.0.1',
    severity: 'critical',
    sourceSeverity: 'CRITICAL',
    title,
  };
}

function decision(overrides: Partial<Decision> = {}): Decision {
  return {
    verdict: 'fail',
    mode: 'enforce',
    errors: [],
    evaluatedAt: '2026-11-28T12:00:00.000Z',
    policyOrigin: '.github/supply-chain-gate.yml',
    results: [
      {
        ruleId: 'vulnerabilities.fail-on',
        family: 'vulnerabilities',
        status: 'fail',
        title: '1 vulnerability at a failing severity (1 critical)',
        message: 'The policy fails on critical, high.',
        remediation: 'Upgrade.',
        position: { file: '.github/supply-chain-gate.yml', line: 4, column: 3 },
        findings: [finding(1, '<img src=x onerror=alert(1)> | [click](https://evil.example) @acme/admins')],
      },
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
        layers: [],
        source: { kind: 'registry', uri: 'https://ghcr.io/v2/acme/app', digest: DIGEST },
      },
      scans: [],
      discovered: [],
    },
    ...overrides,
  };
}

describe('escaping untrusted text', () => {
  it('leaves no live HTML, link, table pipe or mention in markdown', () => {
    const text = escapeMarkdown('<b>x</b> | [a](https://e.example) @org/team `code`');
    expect(text).not.toMatch(/(^|[^\\])[<|[`]/);
    expect(text).not.toContain('@org');
    expect(text).toContain('\\<b\\>');
  });

  it('flattens newlines and drops control and bidi characters', () => {
    expect(escapeMarkdown('a\nb\r\n# heading\u202e\u0007')).toBe('a b \\# heading');
  });

  it('keeps a code span closed', () => {
    expect(escapeCode('a`b')).toBe("`a'b`");
  });

  it('defuses workflow commands at the start of any line of a log message', () => {
    const line = escapeLogLine('ok\n::set-output name=verdict::pass\n  ::add-mask::x\n##[group]y');
    for (const part of line.split('\n').slice(1)) expect(part.trimStart().startsWith('::')).toBe(false);
    expect(line.split('\n')[3]!.startsWith('##[')).toBe(false);
  });
});

describe('renderMarkdown', () => {
  it('shows the verdict, the image by digest, the family table, and the failing rule with its fix and line', () => {
    const markdown = renderMarkdown(decision(), { checkName: 'supply-chain-gate' });
    expect(markdown).toContain('## ❌ supply-chain-gate failed');
    expect(markdown).toContain(`\`ghcr.io/acme/app@${DIGEST}\` (resolved from tag \`pr-1\`)`);
    expect(markdown).toContain('| Vulnerabilities | 1 | 0 | 1 | 0 |');
    expect(markdown).toContain('**How to fix:** Upgrade.');
    expect(markdown).toContain('Configured at `.github/supply-chain-gate.yml:4:3`');
    expect(markdown).toContain('| critical | CVE-2024-00001 | pkg-1 | 1.0.0 | 1.0.1 |');
    expect(markdown).not.toMatch(/(^|[^\\])<img/);
    expect(markdown).toContain('\\<img');
    expect(markdown).toContain('<details><summary>Passing and skipped rules (1)</summary>');
  });

  it('explains a decision the gate could not make', () => {
    const markdown = renderMarkdown(
      decision({ verdict: 'error', results: [], errors: ['registry 127.0.0.1:1 unreachable'] }),
      {
        checkName: 'gate',
      },
    );
    expect(markdown).toContain('could not decide');
    expect(markdown).toContain('fails closed');
    expect(markdown).toContain('registry 127.0.0.1:1 unreachable');
  });

  it('stays within the byte budget by leaving out whole sections, never half a table', () => {
    const many = decision();
    many.results = Array.from({ length: 40 }, (_, index) => ({
      ...many.results[0]!,
      ruleId: `vulnerabilities.rule-${index}`,
      findings: Array.from({ length: 60 }, (_, i) => finding(i, 'ü'.repeat(100))),
    }));
    const markdown = renderMarkdown(many, { checkName: 'gate', fullReportHint: 'See report.json.' });
    expect(new TextEncoder().encode(markdown).length).toBeLessThanOrEqual(65_535);
    expect(markdown).toContain('Some sections were left out');
    const tableLines = markdown.split('\n').filter((line) => line.startsWith('|'));
    for (const line of tableLines) expect(line.endsWith('|')).toBe(true);
    expect(markdown).toContain('…and 10 more in the full report.');
  });
});

describe('check run and exit code', () => {
  it('maps verdicts to conclusions, with audit always neutral', () => {
    expect(checkConclusion(decision({ verdict: 'pass' }))).toBe('success');
    expect(checkConclusion(decision({ verdict: 'fail' }))).toBe('failure');
    expect(checkConclusion(decision({ verdict: 'error' }))).toBe('failure');
    expect(checkConclusion(decision({ verdict: 'fail', mode: 'audit' }))).toBe('neutral');
  });

  it('follows the CLI contract: 0 pass, 1 failed, 2 undecided', () => {
    expect([
      exitCodeFor(decision({ verdict: 'pass' })),
      exitCodeFor(decision()),
      exitCodeFor(decision({ verdict: 'error' })),
    ]).toEqual([0, 1, 2]);
  });

  it('titles the check run with what failed', () => {
    expect(renderCheckRun(decision(), 'gate').output.title).toBe('1 rule(s) failed');
  });

  it('writes a JSON report with the verdict, conclusion and the image digest', () => {
    const report = JSON.parse(renderJsonReport(decision(), { checkName: 'gate', toolVersion: '1.2.3' }));
    expect(report).toMatchObject({
      reportVersion: 1,
      verdict: 'fail',
      conclusion: 'failure',
      image: { digest: DIGEST },
    });
  });
});
