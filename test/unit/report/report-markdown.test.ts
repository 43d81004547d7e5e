/**
 * The summary as GitHub renders it: parsed with a GFM renderer (marked), so "valid markdown"
 * means tables that parse as tables, cells that hold what they should, and no HTML but ours.
 */
import { marked, type Token, type Tokens } from 'marked';
import type { ArtifactVerification, DiscoveredArtifact } from '../../../src/model/evidence.js';
import { JOB_SUMMARY_BUDGET, renderMarkdown } from '../../../src/report/markdown.js';
import { DIGEST, decision, failOnResult, finding, HOSTILE_TITLE } from './report-decision.js';

const bytes = (text: string) => new TextEncoder().encode(text).length;

function tokensOf(markdown: string): Token[] {
  const all: Token[] = [];
  marked.walkTokens(marked.lexer(markdown, { gfm: true }), (token) => {
    all.push(token);
  });
  return all;
}

const tables = (markdown: string) => tokensOf(markdown).filter((t): t is Tokens.Table => t.type === 'table');
const htmlTags = (markdown: string) =>
  tokensOf(markdown)
    .filter((t) => t.type === 'html')
    .map((t) => (t as Tokens.HTML).text.trim());

/** The HTML elements a rendered document contains, by name. */
function elements(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)[\s>/]/g)].map((match) => match[1]!.toLowerCase());
}

describe('renderMarkdown', () => {
  it('shows the verdict, the image by digest, the family table, and the failing rule with what, why and how to fix', () => {
    const markdown = renderMarkdown(decision(), { checkName: 'supply-chain-gate' });

    expect(markdown).toContain('## ❌ supply-chain-gate failed');
    expect(markdown).toContain(`\`ghcr.io/acme/app@${DIGEST}\` (resolved from tag \`pr-1\`)`);
    expect(markdown).toContain('configured at `.github/supply-chain-gate.yml:4:3`');
    expect(markdown).toContain('**Why it fails:** The policy fails on critical, high.');
    expect(markdown).toContain('**How to fix:** Upgrade the packages');
    const [families, findings] = tables(markdown);
    expect(families!.header.map((cell) => cell.text)).toEqual([
      'Rule family',
      'Pass',
      'Warn',
      'Fail',
      'Skip',
    ]);
    expect(families!.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['Vulnerabilities', '1', '0', '1', '0'],
    ]);
    expect(findings!.rows[0]!.slice(0, 5).map((cell) => cell.text)).toEqual([
      'critical (9.8)',
      'CVE-2024-00001',
      'pkg-1',
      '1.0.0',
      '1.0.1',
    ]);
    expect(htmlTags(markdown)).toEqual([
      '<details><summary>Passing and skipped rules (1)</summary>',
      '</details>',
    ]);
  });

  it('renders a hostile finding title as inert text in one table cell', () => {
    const markdown = renderMarkdown(decision(), { checkName: 'supply-chain-gate' });
    const html = marked.parse(markdown, { gfm: true, async: false });

    const [, findings] = tables(markdown);
    expect(findings!.rows).toHaveLength(1);
    // The whole title stays in the last cell: the pipe did not open a seventh column.
    const cell = findings!.rows[0]![5]!;
    const text = marked
      .parseInline(cell.text, { async: false })
      .replace(
        /&[a-z#0-9]+;/g,
        (e) => ({ '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' })[e] ?? e,
      );
    expect(text.replace(/\u2060/g, '')).toBe(HOSTILE_TITLE);
    // No element came from the title: only the ones the report writes itself.
    expect(new Set(elements(html))).toEqual(
      new Set([
        'h2',
        'p',
        'br',
        'code',
        'strong',
        'h3',
        'table',
        'thead',
        'tr',
        'th',
        'tbody',
        'td',
        'details',
        'summary',
        'ul',
        'li',
      ]),
    );
    expect(html.match(/<details>/g)).toHaveLength(1);
    expect(html.match(/<\/details>/g)).toHaveLength(1);
    expect(html).not.toContain('<a ');
    // A word joiner after @ keeps GitHub from notifying the team.
    expect(markdown).not.toMatch(/@org/);
  });

  it('keeps a summary built from 10,000 findings within 65,535 bytes, every table whole', () => {
    const many = Array.from({ length: 10_000 }, (_, index) =>
      finding(index, { title: `${'ü'.repeat(60)} ${HOSTILE_TITLE}` }),
    );
    const big = decision({
      results: [
        failOnResult(many),
        ...Array.from({ length: 30 }, (_, index) =>
          failOnResult(many.slice(index * 100, index * 100 + 100), {
            ruleId: `vulnerabilities.rule-${index}`,
            status: index % 2 === 0 ? 'fail' : 'warn',
          }),
        ),
      ],
    });

    const markdown = renderMarkdown(big, {
      checkName: 'supply-chain-gate',
      fullReport: {
        path: 'supply-chain-gate-report.json',
        runUrl: 'https://github.com/acme/app/actions/runs/9',
      },
    });

    expect(bytes(markdown)).toBeLessThanOrEqual(65_535);
    expect(markdown).toContain('Some sections were shortened or left out');
    expect(markdown).toContain('[workflow run](https://github.com/acme/app/actions/runs/9)');
    // Every failing and warning rule is still there, at least by name.
    const ruleHeadings = tokensOf(markdown).filter(
      (t) =>
        t.type === 'heading' &&
        (t as Tokens.Heading).depth === 3 &&
        /^(❌|⚠️) /.test((t as Tokens.Heading).text),
    );
    expect(ruleHeadings).toHaveLength(31);
    for (const table of tables(markdown).slice(1)) {
      expect(table.header).toHaveLength(6);
      // The title's pipe stayed inside its cell.
      for (const row of table.rows) expect(row[5]!.text).toContain('| \\<img src=x');
    }
    const html = marked.parse(markdown, { gfm: true, async: false });
    expect(html).not.toMatch(/<img/);
    expect(html.match(/<table>/g)?.length).toBe(html.match(/<\/table>/g)?.length);
    expect(html.match(/<details>/g)?.length ?? 0).toBe(html.match(/<\/details>/g)?.length ?? 0);
  });

  it('gives the job summary its own 1 MiB budget and longer tables', () => {
    const many = Array.from({ length: 10_000 }, (_, index) => finding(index));
    const markdown = renderMarkdown(decision({ results: [failOnResult(many)] }), {
      checkName: 'gate',
      budgetBytes: JOB_SUMMARY_BUDGET,
      maxFindingRows: 1_000,
    });

    expect(bytes(markdown)).toBeLessThanOrEqual(JOB_SUMMARY_BUDGET);
    expect(tables(markdown)[1]!.rows).toHaveLength(1_000);
    expect(markdown).toContain('…and 9000 more in the full report.');
  });

  it('shortens the findings table before it drops a rule', () => {
    const many = Array.from({ length: 50 }, (_, index) => finding(index));
    const full = renderMarkdown(decision({ results: [failOnResult(many)] }), { checkName: 'gate' });
    const tight = renderMarkdown(decision({ results: [failOnResult(many)] }), {
      checkName: 'gate',
      budgetBytes: bytes(full) - 100,
    });

    expect(tables(full)[1]!.rows).toHaveLength(50);
    expect(tables(tight)[1]!.rows).toHaveLength(10);
    expect(tight).toContain('…and 40 more in the full report.');
    expect(bytes(tight)).toBeLessThanOrEqual(bytes(full) - 100);
  });

  it('says which scanner reported each finding once several were read', () => {
    const from = (scanner: string) => ({ scanner, format: 'trivy-json' as const, uri: `${scanner}.json` });
    const markdown = renderMarkdown(
      decision({
        results: [
          failOnResult([
            finding(1, { sources: [from('trivy'), from('grype')] }),
            finding(2, { sources: [from('grype')] }),
          ]),
        ],
      }),
      { checkName: 'gate' },
    );
    const findings = tables(markdown)[1]!;
    expect(findings.header.at(-1)!.text).toBe('Reported by');
    expect(findings.rows.map((row) => row.at(-1)!.text)).toEqual(['trivy, grype', 'grype']);
  });

  it('explains a decision the gate could not make', () => {
    const markdown = renderMarkdown(
      decision({ verdict: 'error', results: [], errors: ['registry 127.0.0.1:1 unreachable'] }),
      { checkName: 'gate' },
    );
    expect(markdown).toContain('## ⚠️ gate could not decide');
    expect(markdown).toContain('fails closed');
    expect(markdown).toContain('registry 127.0.0.1:1 unreachable');
  });

  it('puts notices first, such as a check run that could not be written', () => {
    const markdown = renderMarkdown(decision(), {
      checkName: 'gate',
      notices: ['The check run could not be written.'],
    });
    expect(markdown.startsWith('> [!WARNING]\n> The check run could not be written.')).toBe(true);
  });

  it('lists verified signatures with their signer, rejected ones with the reason, and where discovery looked', () => {
    const artifact = (kind: DiscoveredArtifact['kind'], uri: string): DiscoveredArtifact => ({
      kind,
      subjectDigest: DIGEST,
      source: { kind: 'registry', uri, digest: `sha256:${'b'.repeat(64)}` },
    });
    const verifications: ArtifactVerification[] = [
      {
        status: 'verified',
        artifact: artifact('sigstore-bundle', 'https://ghcr.io/v2/acme/app/referrers'),
        signer: {
          kind: 'certificate',
          san: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
          issuer: 'https://token.actions.githubusercontent.com',
          claims: { sourceRepositoryRef: 'refs/heads/main', runnerEnvironment: 'github-hosted' },
          instance: 'public-good',
        },
        content: 'dsse',
        statement: { predicateType: 'https://slsa.dev/provenance/v1', subjects: [], predicate: {} },
        transparencyLog: [
          { logId: 'c0d2', logIndex: '123456', entryKind: 'dsse 0.0.1', proof: 'inclusion-proof' },
        ],
        timestamps: [{ source: 'transparency-log', time: '2026-11-28T11:59:00Z' }],
      },
      {
        status: 'invalid',
        artifact: artifact('cosign-signature', 'https://ghcr.io/v2/acme/app/manifests/sha256-aaaa.sig'),
        check: 'certificate-chain',
        message: 'not issued by a trusted CA <script>',
      },
    ];
    const base = decision();
    const markdown = renderMarkdown(
      decision({
        evidence: {
          ...base.evidence!,
          discovered: verifications.map((v) => v.artifact),
          verifications,
          lookups: [
            {
              subjectDigest: DIGEST,
              place: 'referrers-api',
              uri: 'https://ghcr.io/v2/acme/app/referrers/sha256:aaaa',
              outcome: 'found',
              found: 1,
              skipped: [{ reason: 'an SBOM, not a signature' }],
            },
          ],
          stats: { requests: 4, roundTrips: 2, byHost: { 'ghcr.io': 4 }, elapsedMs: 120 },
        },
      }),
      { checkName: 'gate' },
    );

    expect(markdown).toContain(
      '- ✅ Attestation `https://slsa.dev/provenance/v1` by `https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main`, issuer `https://token.actions.githubusercontent.com`, ref `refs/heads/main`, github-hosted runner, transparency log entry `123456`',
    );
    expect(markdown).toContain('- ❌ Cosign signature for');
    expect(markdown).toContain(
      'rejected by the certificate-chain check: not issued by a trusted CA \\<script\\>',
    );
    expect(markdown).toContain('(1 place(s), 4 request(s) in 2 round trip(s), 120 ms)');
    const lookups = tables(markdown).at(-1)!;
    expect(lookups.rows[0]!.map((cell) => cell.text).slice(3)).toEqual([
      'found',
      '1',
      'an SBOM, not a signature',
    ]);
  });
});
