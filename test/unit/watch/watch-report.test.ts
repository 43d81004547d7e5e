/**
 * What watch writes where people read it (the issue, its comments, the status page, the job
 * summary) is rendered from untrusted text: scanner titles, package names, error messages. Every
 * such word must stay text, whatever markup or workflow command it carries.
 */
import { marked } from 'marked';
import {
  decodeState,
  encodeState,
  findingHash,
  isIssueFor,
  issueMarker,
  materialChange,
  stateOf,
} from '../../../src/watch/issue-state.js';
import {
  renderChangeComment,
  renderCloseComment,
  renderIssueBody,
  renderIssueTitle,
} from '../../../src/report/watch-issue.js';
import {
  combineReports,
  renderStatusHtml,
  renderStatusMarkdown,
  safeLink,
} from '../../../src/report/status.js';
import { parseWatchReport, renderWatchReport, watchReportImage } from '../../../src/report/watch-json.js';
import { findingKey } from '../../../src/evidence/findings.js';
import { watchKeyId } from '../../../src/watch/targets.js';
import type { WatchImageResult } from '../../../src/watch/types.js';
import { decision, DIGEST, failOnResult, finding } from '../report/report-decision.js';

/** Markup, a markdown link, a mention, workflow commands after CR, LF and inside a line, a table break. */
const HOSTILE =
  '</td></tr><img src=x onerror=alert(1)> <script>alert(2)</script> [x](https://evil.example) @acme/owners |\r\n::set-output name=verdict::pass\n##[group]forged ##[error]mid-line\r::add-mask::x';

function hostileResult(overrides: Partial<WatchImageResult> = {}): WatchImageResult {
  const key = '127.0.0.1:5000/acme/app:prod';
  const findings = [
    finding(1, { title: HOSTILE, packageName: `left-pad ${HOSTILE}`, fixedVersion: HOSTILE }),
    finding(2, { severity: 'high' }),
  ];
  return {
    key,
    keyId: watchKeyId(key),
    input: key,
    name: '127.0.0.1:5000/acme/app',
    tag: 'prod',
    digest: DIGEST,
    decision: decision({
      results: [failOnResult(findings, { title: `2 vulnerabilities ${HOSTILE}`, message: HOSTILE })],
      errors: [HOSTILE],
    }),
    notes: [HOSTILE],
    reportErrors: [],
    ...overrides,
  };
}

/** The HTML markdown turns into, as GitHub would render it before sanitizing: no element from the input. */
function renderedTags(markdown: string): string[] {
  const html = marked.parse(markdown, { async: false });
  return [...html.matchAll(/<([a-z]+)[\s>]/gi)].map((match) => match[1]!.toLowerCase());
}

describe('the watch issue', () => {
  const result = hostileResult();
  const state = stateOf(
    result.key,
    result.decision,
    result.digest,
    undefined,
    new Date('2026-12-07T06:00:00Z'),
  );
  const body = renderIssueBody(result, state, {
    checkName: 'supply-chain-gate',
    runUrl: 'https://github.com/acme/app/actions/runs/1',
  });

  it('starts with the marker and carries the state, which reads back the same', () => {
    expect(body.startsWith(issueMarker(result.keyId))).toBe(true);
    expect(decodeState(body)).toEqual(state);
    expect(isIssueFor(result.keyId, { body, authorType: 'Bot' })).toBe(true);
  });

  it('is never taken for a person’s issue that quotes the marker, nor for another image’s', () => {
    expect(isIssueFor(result.keyId, { body, authorType: 'User' })).toBe(false);
    expect(isIssueFor(watchKeyId('127.0.0.1:5000/acme/app:staging'), { body, authorType: 'Bot' })).toBe(
      false,
    );
  });

  it('renders hostile text as text: no element, link or mention from it, no workflow command at a line start', () => {
    const tags = renderedTags(body);
    expect(tags).not.toContain('img');
    expect(tags).not.toContain('script');
    expect(body).not.toContain('](https://evil.example)');
    expect(body).not.toMatch(/@acme\/owners/);
    for (const line of body.split(/\r\n|\r|\n/)) expect(line).not.toMatch(/^\s*(::|##\[)/);
    expect(body).not.toContain('\r');
  });

  it('keeps a state that a hostile tag name or finding cannot close early', () => {
    const sneaky = { ...state, key: 'a --> <img src=x>' };
    const encoded = encodeState(sneaky);
    expect(encoded.indexOf('-->')).toBe(encoded.length - 3);
    expect(decodeState(encoded)).toEqual(sneaky);
  });

  it('has a plain title and comments that render hostile text as text', () => {
    expect(renderIssueTitle(result)).toBe('127.0.0.1:5000/acme/app:prod fails the supply-chain gate');
    const previous = { ...state, digest: `sha256:${'b'.repeat(64)}`, failing: [], findings: [] };
    const change = materialChange(previous, state)!;
    const comment = renderChangeComment(result, change, { checkName: 'supply-chain-gate' });
    expect(comment).toContain('New digest under the tag');
    expect(comment).toContain('Newly failing');
    expect(comment).toContain('2 new finding(s)');
    for (const text of [
      comment,
      renderCloseComment(result, { checkName: 'x', runUrl: 'javascript:alert(1)' }),
    ]) {
      expect(renderedTags(text)).not.toContain('img');
      expect(text).not.toContain('javascript:');
      for (const line of text.split(/\r\n|\r|\n/)) expect(line).not.toMatch(/^\s*(::|##\[)/);
    }
  });

  it('stays under GitHub’s 65,536-character body limit with thousands of findings', () => {
    const many = Array.from({ length: 5_000 }, (_, index) => finding(index, { title: HOSTILE }));
    const big = hostileResult({ decision: decision({ results: [failOnResult(many)] }) });
    const bigState = stateOf(big.key, big.decision, big.digest, undefined, new Date());
    expect(
      new TextEncoder().encode(renderIssueBody(big, bigState, { checkName: 'x' })).length,
    ).toBeLessThanOrEqual(65_536);
  });
});

describe('material change', () => {
  const now = new Date('2026-12-07T06:00:00Z');
  const base = hostileResult({ decision: decision({ results: [failOnResult([finding(1), finding(2)])] }) });
  const first = stateOf(base.key, base.decision, base.digest, undefined, now);

  it('is nothing when the same findings fail at the same digest, and keeps "since"', () => {
    const again = stateOf(base.key, base.decision, base.digest, first, new Date('2026-12-08T06:00:00Z'));
    expect(again.since).toBe(first.since);
    expect(materialChange(first, again)).toBeUndefined();
  });

  it('is a new finding, a new digest, a newly failing rule or another verdict', () => {
    const extra = finding(3, { severity: 'critical' });
    const withExtra = decision({ results: [failOnResult([finding(1), finding(2), extra])] });
    const next = stateOf(base.key, withExtra, base.digest, first, now);
    expect(materialChange(first, next)?.newFindings).toEqual([findingHash(findingKey(extra))]);
    const moved = stateOf(base.key, base.decision, `sha256:${'c'.repeat(64)}`, first, now);
    expect(materialChange(first, moved)?.newDigest).toEqual({ from: DIGEST, to: `sha256:${'c'.repeat(64)}` });
    const undecided = stateOf(base.key, decision({ verdict: 'error', results: [] }), base.digest, first, now);
    expect(materialChange(first, undecided)?.verdictChanged).toEqual({ from: 'fail', to: 'error' });
  });

  it('is not a finding that went away', () => {
    const fewer = stateOf(
      base.key,
      decision({ results: [failOnResult([finding(1)])] }),
      base.digest,
      first,
      now,
    );
    expect(materialChange(first, fewer)).toBeUndefined();
  });
});

describe('the status page and summary', () => {
  const failing = hostileResult({
    issue: { number: 7, url: 'https://github.com/acme/app/issues/7', state: 'open', action: 'opened' },
    since: '2026-12-01T06:00:00.000Z',
  });
  const passing = hostileResult({
    key: '127.0.0.1:5000/acme/api:prod',
    keyId: watchKeyId('127.0.0.1:5000/acme/api:prod'),
    decision: decision({ verdict: 'pass', results: [] }),
    notes: [],
    issue: { number: 8, url: 'javascript:alert(1)', state: 'closed', action: 'closed' },
  });
  const text = renderWatchReport([passing, failing], {
    checkName: 'supply-chain-gate',
    toolVersion: '0.1.0',
    policy: '.github/supply-chain-gate.yml',
    startedAt: '2026-12-07T06:00:00.000Z',
    finishedAt: '2026-12-07T06:01:00.000Z',
    errors: [HOSTILE],
  });
  const overview = combineReports([parseWatchReport(text, 'report.json')], '2026-12-07T06:02:00.000Z');

  it('lists failing images first, with digest, verdict, since, worst findings and the issue', () => {
    expect(overview.images.map((image) => image.verdict)).toEqual(['fail', 'pass']);
    const markdown = renderStatusMarkdown(overview);
    expect(markdown).toContain('[#7](https://github.com/acme/app/issues/7)');
    expect(markdown).toContain('2026-12-01');
    expect(markdown).toContain('CVE-2024-00001 (critical)');
  });

  it('writes one HTML document that loads nothing: no script, no remote style, font or image', () => {
    const html = renderStatusHtml(overview);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed|base)\b|@import|url\(/i);
    expect(html).toContain('<a href="https://github.com/acme/app/issues/7" rel="noreferrer">#7</a>');
    // The closed issue's link is not https: shown as a number, never linked.
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&#60;img src=x');
  });

  it('renders hostile text inert in the markdown table', () => {
    const markdown = renderStatusMarkdown(overview);
    const tags = renderedTags(markdown);
    expect(tags).not.toContain('img');
    expect(tags).not.toContain('script');
    for (const line of markdown.split(/\r\n|\r|\n/)) expect(line).not.toMatch(/^\s*(::|##\[)/);
    // Each image stays one table row: no pipe or line break from the input splits it.
    expect(markdown.split('\n').filter((line) => line.startsWith('| `127.0.0.1')).length).toBe(2);
  });

  it('keeps the later judgment when two reports judged the same image', () => {
    const later = parseWatchReport(
      text.replaceAll('2026-11-28T12:00:00.000Z', '2026-12-09T00:00:00.000Z'),
      'b.json',
    );
    const earlier = parseWatchReport(text, 'a.json');
    const combined = combineReports([later, earlier], '2026-12-09T01:00:00.000Z');
    expect(combined.images).toHaveLength(2);
    expect(combined.images.every((image) => image.evaluatedAt.startsWith('2026-12-09'))).toBe(true);
  });

  it('links only plain https URLs', () => {
    expect(safeLink('https://github.com/acme/app/issues/1')).toBeDefined();
    for (const url of [
      'javascript:alert(1)',
      'http://github.com/x',
      'https://x.example/a"onmouseover=1',
      'https://x/)[y](z',
    ]) {
      expect(safeLink(url)).toBeUndefined();
    }
  });
});

describe('reading a watch report', () => {
  it('names the file and position of broken JSON without echoing its bytes', () => {
    const secret = 'ghp_secretsecretsecret';
    expect(() => parseWatchReport(`{"kind": ${secret}}`, 'reports/a.json')).toThrow(
      /^reports\/a\.json(:\d+:\d+)?: not valid JSON/,
    );
    try {
      parseWatchReport(`{"kind": ${secret}}`, 'reports/a.json');
    } catch (error) {
      expect((error as Error).message).not.toContain(secret);
    }
  });

  it('names the field that is wrong', () => {
    const report = JSON.parse(
      renderWatchReport([hostileResult()], {
        checkName: 'x',
        toolVersion: '1',
        policy: 'p',
        startedAt: 's',
        finishedAt: 'f',
        errors: [],
      }),
    );
    report.images[0].verdict = 'maybe';
    expect(() => parseWatchReport(JSON.stringify(report), 'r.json')).toThrow(
      /^r\.json: images\.0\.verdict: /,
    );
    expect(() => parseWatchReport('{"kind":"other"}', 'r.json')).toThrow(/^r\.json: kind: /);
  });

  it('gives each image its worst findings first, at most five', () => {
    const many = [
      finding(1, { severity: 'low' }),
      ...Array.from({ length: 8 }, (_, i) => finding(10 + i, { severity: 'critical' })),
    ];
    const entry = watchReportImage(hostileResult({ decision: decision({ results: [failOnResult(many)] }) }));
    expect(entry.worstFindings).toHaveLength(5);
    expect(entry.worstFindings.every((f) => f.severity === 'critical')).toBe(true);
    expect(entry.findingCounts.low).toBe(1);
  });
});
