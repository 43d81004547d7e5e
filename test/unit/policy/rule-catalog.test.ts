/**
 * The rule catalog is the one source of `policy explain` and of docs/policy.md's rule reference:
 * the docs hold exactly what it renders, every setting it names is in the policy schema, and
 * every rule id the engine reports has an entry (and every entry is a rule the engine reports).
 * `UPDATE_RULE_REFERENCE=1` rewrites the docs section after a deliberate change to the catalog.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEvidenceSnapshot } from '../../../src/evidence/snapshot.js';
import type { ArtifactVerification, Evidence } from '../../../src/model/evidence.js';
import { describeSetting, explainRule, renderRuleReference } from '../../../src/policy/authoring/explain.js';
import { evaluatePolicy } from '../../../src/policy/evaluate.js';
import { parsePolicy } from '../../../src/policy/document/load.js';
import { describeRule, RULE_CATALOG } from '../../../src/policy/rules/catalog.js';
import { RULE_FAMILIES } from '../../../src/policy/rules/index.js';
import { REPO_ROOT } from '../../support/fixtures.js';

const DOCS = join(REPO_ROOT, 'docs/policy.md');
const START = '<!-- rule-reference:start (generated from src/policy/rules/catalog.ts) -->';
const END = '<!-- rule-reference:end -->';

const snapshot = (name: string): Evidence =>
  parseEvidenceSnapshot(readFileSync(join(REPO_ROOT, 'examples/policies/evidence', name)), name).evidence;

/** Every setting on, so every rule that can report does. */
const EVERYTHING = parsePolicy(
  `version: 1
vulnerabilities:
  fail-on: [critical]
  max-counts: {medium: 1}
  max-cvss: 9
  scan-max-age: 1d
  allow:
    - {id: CVE-2019-1549, reason: old, expires: 2020-01-01}
signatures:
  required: true
provenance:
  required: true
image:
  scan-layers: true
  base-images: {allow: ["docker.io/library/alpine:*"]}
  max-size: 1MB
  max-layers: 1
  required-labels: {org.opencontainers.image.source: "*"}
  forbid-tags: [latest]
  platforms: [linux/amd64]
  no-shell: true
  no-package-manager: true
  max-packages: 10
sbom:
  required: true
  licenses: {allow: [MIT]}
  deny-packages: ["pkg:npm/event-stream@3.3.6"]
rules:
  - {id: small, expression: image.size < 10, message: too big}
exceptions:
  - {rule: image.non-root, reason: old, expires: 2020-01-01}
`,
  'everything.yml',
);

function withSignatures(evidence: Evidence): Evidence {
  const artifact = evidence.discovered[0] ?? {
    kind: 'sigstore-bundle' as const,
    subjectDigest: evidence.image.digest,
    source: { kind: 'file' as const, uri: 'bundle.json' },
  };
  const verified: ArtifactVerification = {
    status: 'verified',
    artifact,
    signer: { kind: 'public-key', keyId: 'k' },
    content: 'message-signature',
    transparencyLog: [],
    timestamps: [],
  };
  const invalid: ArtifactVerification = { status: 'invalid', artifact, check: 'signature', message: 'bad' };
  return {
    ...evidence,
    discovered: [artifact, artifact],
    verifications: [verified, invalid],
    vex: [{ format: 'openvex', statements: [], source: { kind: 'file', uri: 'vex.json' } }],
    generatedProvenance: {
      predicateType: 'https://slsa.dev/provenance/v1',
      unsigned: 'no id-token',
      published: [],
    },
  };
}

describe('the rule catalog', () => {
  it('is what docs/policy.md shows as the rule reference', () => {
    const docs = readFileSync(DOCS, 'utf8');
    const start = docs.indexOf(START);
    const end = docs.indexOf(END);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const generated = `${START}\n\n${renderRuleReference()}\n\n${END}`;
    if (process.env.UPDATE_RULE_REFERENCE === '1') {
      writeFileSync(DOCS, `${docs.slice(0, start)}${generated}${docs.slice(end + END.length)}`);
    }
    expect(docs.slice(start, end + END.length)).toBe(generated);
  });

  it('has rules of every rule family (a new family adds its rules here and to the docs)', () => {
    const described = new Set(RULE_CATALOG.map((rule) => rule.id.split('.')[0]));
    expect(RULE_FAMILIES.map((family) => family.id).filter((id) => !described.has(id))).toEqual([]);
  });

  it('names only settings the policy schema has', () => {
    const unknown = RULE_CATALOG.flatMap((rule) => rule.settings).filter((key) => !describeSetting(key));
    expect(unknown).toEqual([]);
  });

  it('describes every rule the engine reports, and reports every rule it describes', () => {
    const reported = new Set<string>();
    for (const evidence of [snapshot('demo.json'), snapshot('demo-unscanned.json')]) {
      for (const variant of [evidence, withSignatures(evidence)]) {
        for (const policy of [EVERYTHING, parsePolicy('version: 1\n', 'default.yml')]) {
          const decision = evaluatePolicy(policy, variant, new Date('2026-12-01T00:00:00Z'));
          for (const result of decision.results) reported.add(result.ruleId);
        }
      }
    }
    const undescribed = [...reported].filter((ruleId) => !describeRule(ruleId));
    expect(undescribed).toEqual([]);
    const neverReported = RULE_CATALOG.map((rule) => rule.id).filter(
      (id) => ![...reported].some((ruleId) => describeRule(ruleId)?.id === id),
    );
    expect(neverReported).toEqual([]);
  });

  it('explains a rule with its settings, their defaults, and the evidence it reads', () => {
    const text = explainRule('image.non-root');
    expect(text).toContain('image.non-root (Image hygiene)');
    expect(text).toContain('  image.mode  (default: enforce; takes enforce | warn)');
    expect(text).toContain('  image.non-root  (default: true; takes boolean)');
    expect(text).toContain('- image.platforms[].config.user');
    expect(explainRule('rules.small')).toContain('rules.* (Custom rules)');
    expect(() => explainRule('image.non-rot')).toThrow(
      /no rule "image\.non-rot"; did you mean image\.non-root\?/,
    );
  });
});
