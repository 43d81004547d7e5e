/** What evaluation produces: one RuleResult per rule, and the verdict they add up to. */
import type { FilePosition } from '../errors.js';
import type { Evidence, Finding, Severity, SuppressedFinding } from '../model/evidence.js';
import type { Policy } from './schema.js';

export type RuleStatus = 'pass' | 'fail' | 'warn' | 'skip';

export interface RuleResult {
  /** Stable id, `family.rule`: what users search for and what SARIF/annotations key on. */
  ruleId: string;
  family: string;
  status: RuleStatus;
  /** One line a reviewer reads first. */
  title: string;
  /** What was found and why it passes or fails. */
  message: string;
  /** What to change to make it pass (failing and warning rules). */
  remediation?: string;
  /** Where in the policy file the rule is configured. */
  position?: FilePosition;
  /** For a multi-platform image, the platform this result is about (`linux/arm64`). */
  platform?: string;
  /** The findings this result is about, for tables. */
  findings?: Finding[];
  /** Findings counted by severity (after dedupe and suppression), for the summary's counts. */
  counts?: Record<Severity, number>;
  /** Findings that did not count, each with what suppressed it and why. */
  suppressed?: SuppressedFinding[];
}

export type Verdict = 'pass' | 'fail' | 'error';

export interface Decision {
  verdict: Verdict;
  mode: 'enforce' | 'audit';
  results: RuleResult[];
  /** Why the gate could not decide (verdict `error`): a failure to read or verify evidence. */
  errors: string[];
  /** Context a reviewer should see: where the policy came from, which image overrides applied. */
  notes?: string[];
  evaluatedAt: string;
  policyOrigin: string;
  evidence?: Evidence;
}

/** The gate could not decide: no rule passed or failed, and the reason is the whole story. */
export function undecided(
  reasons: string[],
  mode: Decision['mode'],
  now: Date,
  policyOrigin: string,
  evidence?: Evidence,
): Decision {
  return {
    verdict: 'error',
    mode,
    results: [],
    errors: reasons,
    evaluatedAt: now.toISOString(),
    policyOrigin,
    evidence,
  };
}

/** A family of rules: adding one is adding a module to `rules/index.ts` and its title to `rules/titles.ts`. */
export interface RuleFamily {
  id: string;
  title: string;
  evaluate(policy: Policy, evidence: Evidence, now: Date): RuleResult[];
}
