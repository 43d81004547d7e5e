import { checkConclusion, exitCodeFor, renderCheckRun } from '../../../src/report/check-run.js';
import { findStickyComment, renderComment, stickyCommentMarker } from '../../../src/report/comment.js';
import { escapeCode, escapeLogLine, escapeMarkdown } from '../../../src/report/escape.js';
import { renderJsonReport } from '../../../src/report/json.js';
import { renderLogLines } from '../../../src/report/log-lines.js';
import { DIGEST, decision, failOnResult, finding, HOSTILE_TITLE } from './report-decision.js';

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

  it('keeps a log message on one line, so no part of it starts a line of its own', () => {
    const line = escapeLogLine('ok\n::set-output name=verdict::pass\n  ::add-mask::x\n##[group]y');
    expect(line).toBe('ok ⏎ ::set-output name=verdict::pass ⏎   ::add-mask::x ⏎ ##\\[group]y');
  });
});

describe('check run and exit code', () => {
  const onDisk = () => true;

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

  it('titles the check run with what failed and carries its annotations', () => {
    const completion = renderCheckRun(decision(), { checkName: 'gate', isRepoFile: onDisk });
    expect(completion.output.title).toBe('1 rule(s) failed');
    expect(completion.output.annotations.map((a) => a.path)).toEqual([
      '.github/supply-chain-gate.yml',
      'package-lock.json',
    ]);
    expect(completion.output.text).toBeUndefined();
  });

  it('says in the check run text when annotations were capped', () => {
    const many = Array.from({ length: 30 }, (_, index) => finding(index));
    const completion = renderCheckRun(decision({ results: [failOnResult(many)] }), {
      checkName: 'gate',
      isRepoFile: onDisk,
      maxAnnotations: 10,
    });
    expect(completion.output.annotations).toHaveLength(10);
    expect(completion.output.text).toContain('21 more were left out');
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

describe('sticky pull request comment', () => {
  it('starts with a hidden marker named after the check, which a check name cannot close', () => {
    expect(stickyCommentMarker('supply-chain-gate')).toBe('<!-- supply-chain-gate:supply-chain-gate -->');
    expect(stickyCommentMarker('x --> <img src=x>')).toBe('<!-- supply-chain-gate:x --_ _img src_x_ -->');
    const body = renderComment(decision(), {
      checkName: 'gate',
      checkRunUrl: 'https://github.com/acme/app/runs/7',
    });
    expect(body.startsWith('<!-- supply-chain-gate:gate -->\n## ❌ gate failed')).toBe(true);
    expect(body).toContain('[Open the check run](https://github.com/acme/app/runs/7)');
  });

  it("finds the gate's own latest comment, never a person's comment quoting the marker", () => {
    const marker = stickyCommentMarker('gate');
    const comment = (id: number, body: string, authorType = 'Bot') => ({ id, body, authorType, htmlUrl: '' });
    const found = findStickyComment(
      [
        comment(1, `${marker}\nold`),
        comment(2, `${marker}\nfrom a person`, 'User'),
        comment(3, 'unrelated bot comment'),
        comment(4, `${stickyCommentMarker('other-gate')}\nanother gate`),
        comment(5, `${marker}\nnewest`),
      ],
      'gate',
    );
    expect(found?.id).toBe(5);
    expect(findStickyComment([comment(2, `${marker}\nx`, 'User')], 'gate')).toBeUndefined();
  });
});

describe('log lines', () => {
  it('lists failing rules and their findings, one line each, whatever the title holds', () => {
    const lines = renderLogLines(
      decision({ results: [failOnResult([finding(1, { title: `a\n${HOSTILE_TITLE}` })])] }),
      'gate',
    );
    expect(lines[0]).toBe('FAIL vulnerabilities.fail-on: 1 vulnerabilities at a failing severity');
    expect(lines[1]).toMatch(/^ {2}critical CVE-2024-00001 in pkg-1 1\.0\.0: a <\/details>/);
    expect(lines.at(-1)).toBe('gate failed');
    expect(lines.every((line) => !line.includes('\n'))).toBe(true);
  });
});

describe('code spans in remediation text', () => {
  it('keeps `code` as code and escapes everything around and inside it', async () => {
    const { escapeMarkdownWithCode } = await import('../../../src/report/escape.js');
    expect(escapeMarkdownWithCode('Add `USER 10001` to the <Dockerfile>')).toBe(
      'Add `USER 10001` to the \\<Dockerfile\\>',
    );
    expect(escapeMarkdownWithCode('`a\nb` then `x')).toBe('`a b` then \\`x');
  });
});
