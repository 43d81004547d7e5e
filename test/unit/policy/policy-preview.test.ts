import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEvidenceSnapshot } from '../../../src/evidence/snapshot.js';
import { policyHeadRef, readWorkflowContext } from '../../../src/github-context.js';
import type { Decision, RuleResult } from '../../../src/policy/decision.js';
import { evaluatePolicy } from '../../../src/policy/evaluate.js';
import { parsePolicy } from '../../../src/policy/document/load.js';
import { changedRules, previewPolicy } from '../../../src/policy/authoring/preview.js';
import { renderJsonReport } from '../../../src/report/json.js';
import { renderMarkdown } from '../../../src/report/markdown.js';
import { renderPolicyPreview } from '../../../src/report/preview.js';
import { REPO_ROOT } from '../../support/fixtures.js';
import { HOSTILE_TITLE } from '../report/report-decision.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const HEAD = 'c'.repeat(40);
const evidence = parseEvidenceSnapshot(
  readFileSync(join(REPO_ROOT, 'examples/policies/evidence/demo.json')),
  'demo.json',
).evidence;

const result = (ruleId: string, status: RuleResult['status'], platform?: string): RuleResult => ({
  ruleId,
  family: ruleId.split('.')[0]!,
  status,
  title: `${ruleId} ${status}`,
  message: '',
  ...(platform ? { platform } : {}),
});

describe('changedRules', () => {
  it('lists each rule and platform whose status differs, and rules only one side runs', () => {
    const base = [
      result('image.non-root', 'fail', 'linux/amd64'),
      result('image.non-root', 'pass', 'linux/arm64'),
      result('vulnerabilities.fail-on', 'fail'),
      result('image.secrets', 'pass'),
    ];
    const proposed = [
      result('image.non-root', 'fail', 'linux/amd64'),
      result('image.non-root', 'fail', 'linux/arm64'),
      result('vulnerabilities.fail-on', 'warn'),
      result('image.max-layers', 'pass'),
    ];
    expect(changedRules(base, proposed)).toEqual([
      {
        ruleId: 'image.non-root',
        platform: 'linux/arm64',
        title: 'image.non-root fail',
        base: 'pass',
        proposed: 'fail',
      },
      {
        ruleId: 'vulnerabilities.fail-on',
        title: 'vulnerabilities.fail-on warn',
        base: 'fail',
        proposed: 'warn',
      },
      { ruleId: 'image.max-layers', title: 'image.max-layers pass', base: 'absent', proposed: 'pass' },
      { ruleId: 'image.secrets', title: 'image.secrets pass', base: 'pass', proposed: 'absent' },
    ]);
  });
});

describe('previewPolicy', () => {
  const base = parsePolicy('version: 1\n', 'policy.yml');
  const decision = evaluatePolicy(base, evidence, NOW);

  it('evaluates the proposed policy on the same evidence and says where that evidence is the base policy’s', () => {
    const proposed = parsePolicy(
      'version: 1\nmode: audit\nimage:\n  scan-layers: true\n  non-root: false\nsignatures:\n  keys: [{pem: "x"}]\n',
      'policy.yml@cccccccccccc',
    );
    const preview = previewPolicy(proposed, evidence, { policy: base, decision }, NOW, {
      ref: HEAD,
      changes: ['policy'],
    });
    expect(preview).toMatchObject({
      policy: 'policy.yml@cccccccccccc',
      ref: HEAD,
      verdict: 'fail',
      mode: 'audit',
    });
    expect(preview.changed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ruleId: 'image.non-root', base: 'fail', proposed: 'absent' }),
        expect.objectContaining({ ruleId: 'image.secret-files', base: 'absent', proposed: 'fail' }),
      ]),
    );
    expect(preview.notes).toEqual([
      expect.stringContaining("signatures were verified with the base policy's keys"),
      expect.stringContaining('this run did not, so image.secret-files shows what it would find only once'),
    ]);
  });
});

describe('rendering a preview', () => {
  const decision = evaluatePolicy(parsePolicy('version: 1\n', 'policy.yml'), evidence, NOW);

  it('escapes what the proposed policy says: its origin, its problems, rule titles', () => {
    const hostile: Decision = {
      ...decision,
      preview: {
        policy: `policy.yml@x ${HOSTILE_TITLE}`,
        ref: HEAD,
        verdict: 'error',
        changes: ['policy'],
        changed: [],
        problems: [`policy.yml:1:1: unknown key "${HOSTILE_TITLE}"`],
      },
    };
    expect(renderMarkdown(hostile, { checkName: 'gate' })).toContain(
      '### ⚠️ Under the proposed policy: it cannot be evaluated',
    );
    const markdown = renderPolicyPreview(hostile)[0]!;
    // Code spans show text as it is; outside them nothing may open a tag, a link or a mention.
    const outsideCode = markdown.replace(/`[^`\n]*`/g, '');
    expect(outsideCode).not.toMatch(/(^|[^\\])<\/?(details|img)/);
    expect(outsideCode).not.toContain('](https://');
    expect(outsideCode).not.toMatch(/(^|\s)@org\/team/);
    const changed: Decision = {
      ...decision,
      preview: {
        policy: 'policy.yml@cccccccccccc',
        ref: HEAD,
        verdict: 'pass',
        changes: ['vex'],
        changed: [{ ruleId: 'rules.x', title: HOSTILE_TITLE, base: 'fail', proposed: 'pass' }],
      },
    };
    const table = renderMarkdown(changed, { checkName: 'gate' });
    expect(table).toContain('### ✅ Under the proposed policy: pass');
    expect(table).toContain('This change edits the VEX files.');
    expect(renderPolicyPreview(changed)[0]!.replace(/`[^`\n]*`/g, '')).not.toMatch(/(^|[^\\])<img/);
    expect(JSON.parse(renderJsonReport(changed, { checkName: 'gate', toolVersion: 't' })).preview).toEqual(
      changed.preview,
    );
  });

  it('keeps the headline when the budget is small, folding the table into a count', () => {
    const many: Decision = {
      ...decision,
      preview: {
        policy: 'policy.yml@cccccccccccc',
        ref: HEAD,
        verdict: 'fail',
        changes: ['policy'],
        changed: Array.from({ length: 500 }, (_, index) => ({
          ruleId: `rules.rule-${index}`,
          title: 'x'.repeat(100),
          base: 'pass' as const,
          proposed: 'fail' as const,
        })),
      },
    };
    const markdown = renderMarkdown(many, { checkName: 'gate', budgetBytes: 6_000 });
    expect(markdown).toContain('### ❌ Under the proposed policy: fail');
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(6_000);
  });
});

describe('policyHeadRef', () => {
  const context = (eventName: string) => readWorkflowContext({ GITHUB_EVENT_NAME: eventName });
  it('is the pull request head, or the merge group head, and nothing for other events', () => {
    const sha = 'd'.repeat(40);
    expect(policyHeadRef(context('pull_request'), { pull_request: { head: { sha } } })).toBe(sha);
    expect(policyHeadRef(context('pull_request_target'), { pull_request: { head: { sha } } })).toBe(sha);
    expect(policyHeadRef(context('merge_group'), { merge_group: { head_sha: sha } })).toBe(sha);
    expect(policyHeadRef(context('push'), { pull_request: { head: { sha } } })).toBeUndefined();
    expect(
      policyHeadRef(context('pull_request'), { pull_request: { head: { sha: 'main' } } }),
    ).toBeUndefined();
  });
});
