/**
 * `policy test`: a file of cases, each a policy, an evidence snapshot, a fixed clock and what the
 * decision must be. Parsing and judging are pure; the command (policy-test-cli.ts) reads the files.
 * Every problem in a test file is gathered with its `file:line:column`, as for a policy.
 */
import { z } from 'zod';
import type { FilePosition } from '../../errors.js';
import type { Evidence } from '../../model/evidence.js';
import type { Decision, RuleStatus } from '../decision.js';
import { evaluatePolicy } from '../evaluate.js';
import { nearestPosition, PolicyError } from '../document/load.js';
import type { Policy } from '../schema.js';
import { parseYamlWithPositions } from '../document/yaml-positions.js';

/** What a rule may be expected to do; `absent`: the policy does not run it for this evidence. */
export const EXPECTED_STATUSES = ['pass', 'fail', 'warn', 'skip', 'absent'] as const;
export type ExpectedStatus = (typeof EXPECTED_STATUSES)[number];

const RULE_ID = /^[a-z0-9-]+\.[a-z0-9-]+$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const testCase = z
  .object({
    name: z.string().min(1).describe('What the case shows, named in every failure'),
    policy: z.string().min(1).describe('The policy file, relative to the test file'),
    evidence: z
      .string()
      .min(1)
      .describe('An evidence snapshot (check --evidence-out), relative to the test file'),
    now: z
      .string()
      .refine(
        (text) => DATE_TIME.test(text) && !Number.isNaN(Date.parse(text)),
        'expected a date and time such as 2026-12-01T00:00:00Z',
      )
      .describe('The clock the policy is evaluated at (expiry dates, scan age)'),
    expect: z
      .object({
        verdict: z.enum(['pass', 'fail']).optional().describe('The decision'),
        results: z
          .record(
            z.string().regex(RULE_ID, 'expected a rule id such as vulnerabilities.fail-on'),
            z.enum(EXPECTED_STATUSES),
          )
          .default({})
          .describe('Rule id → pass, fail, warn, skip or absent'),
      })
      .strict()
      .refine((value) => value.verdict !== undefined || Object.keys(value.results).length > 0, {
        message: 'expect at least a verdict or one rule result',
      }),
  })
  .strict();

const testFile = z.object({ tests: z.array(testCase).min(1, 'expected at least one test case') }).strict();

export type PolicyTestCase = z.output<typeof testCase> & {
  /** Where the case and each expectation were written. */
  at: FilePosition;
  expectationAt: (ruleId: string | 'verdict') => FilePosition;
};

/** Pure: the test file's text → its cases, or a PolicyError listing every problem with its position. */
export function parsePolicyTests(text: string, file: string): PolicyTestCase[] {
  const { value, positions } = parseYamlWithPositions(text, file);
  if (value === null || value === undefined) {
    throw new PolicyError([
      { position: { file, line: 1, column: 1 }, message: 'the test file is empty: start it with "tests:"' },
    ]);
  }
  const result = testFile.safeParse(value);
  if (!result.success) {
    throw new PolicyError(
      result.error.issues.flatMap((issue) => {
        const path = issue.path.map(String);
        if (issue.code === 'unrecognized_keys') {
          return issue.keys.map((key) => ({
            position: positions[[...path, key].join('.')] ?? nearestPosition(path, file, positions),
            message: `unknown key ${JSON.stringify(key)}`,
          }));
        }
        const where = nearestPosition(path, file, positions);
        const label = path.length > 0 ? `${path.join('.')}: ` : '';
        const message =
          issue.code === 'invalid_key'
            ? 'expected a rule id such as vulnerabilities.fail-on'
            : issue.code === 'invalid_value'
              ? `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
              : issue.code === 'invalid_type' && /received undefined$/.test(issue.message)
                ? `required (${issue.expected})`
                : issue.message.replace(/^Invalid input: /, '');
        return [{ position: where, message: `${label}${message}` }];
      }),
    );
  }
  return result.data.tests.map((entry, index) => ({
    ...entry,
    at: nearestPosition(['tests', String(index)], file, positions),
    expectationAt: (key) =>
      nearestPosition(
        key === 'verdict'
          ? ['tests', String(index), 'expect', 'verdict']
          : ['tests', String(index), 'expect', 'results', key],
        file,
        positions,
      ),
  }));
}

export interface ExpectationMiss {
  /** `verdict` or a rule id. */
  what: string;
  expected: string;
  actual: string;
  at: FilePosition;
  /** The rule's own message(s), to see why (untrusted text: escape before printing). */
  detail?: string;
}

export interface CaseOutcome {
  name: string;
  at: FilePosition;
  decision: Decision;
  misses: ExpectationMiss[];
}

/** Pure: one case judged against its policy and evidence. */
export function runPolicyTestCase(entry: PolicyTestCase, policy: Policy, evidence: Evidence): CaseOutcome {
  const decision = evaluatePolicy(policy, evidence, new Date(entry.now));
  const misses: ExpectationMiss[] = [];
  const { verdict, results } = entry.expect;
  if (verdict !== undefined && decision.verdict !== verdict) {
    misses.push({
      what: 'verdict',
      expected: verdict,
      actual: decision.verdict,
      at: entry.expectationAt('verdict'),
    });
  }
  for (const [ruleId, expected] of Object.entries(results)) {
    const matching = decision.results.filter((result) => result.ruleId === ruleId);
    const actual = combinedStatus(matching.map((result) => result.status));
    if (actual !== expected) {
      misses.push({
        what: ruleId,
        expected,
        actual,
        at: entry.expectationAt(ruleId),
        detail: matching.map((result) => `${result.title}: ${result.message}`).join(' / ') || undefined,
      });
    }
  }
  return { name: entry.name, at: entry.at, decision, misses };
}

/**
 * A rule that ran once per platform has one status per platform: the case sees the worst, as the
 * verdict does (a failure on one platform fails the image).
 */
export function combinedStatus(statuses: RuleStatus[]): ExpectedStatus {
  if (statuses.length === 0) return 'absent';
  for (const status of ['fail', 'warn', 'pass'] as const) if (statuses.includes(status)) return status;
  return 'skip';
}
