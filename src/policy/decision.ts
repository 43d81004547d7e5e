/** What evaluation produces: one RuleResult per rule, and the verdict they add up to. */
import type { ConfigurationProblem, FilePosition } from '../errors.js';
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
  /** The packages this result is about (the `sbom` rules): each with what is wrong and which SBOMs list it. */
  packages?: PackageResult[];
}

/** A package an SBOM rule names. Every string but `problem` is untrusted text from the SBOM. */
export interface PackageResult {
  name: string;
  version?: string;
  purl?: string;
  license?: string;
  /** Why it is named: `not satisfied by the allowed licenses`, `denied by pkg:…`. */
  problem: string;
  /** The SBOMs that list it: `BuildKit SPDX 2.3 attestation …`, `CycloneDX 1.5 file sbom.json`. */
  sources: string[];
}

export type Verdict = 'pass' | 'fail' | 'error';

export interface Decision {
  verdict: Verdict;
  mode: 'enforce' | 'audit';
  results: RuleResult[];
  /** Why the gate could not decide (verdict `error`): a failure to read or verify evidence. */
  errors: string[];
  /**
   * Set when the gate could not decide because it is misconfigured (an input, the policy file, the
   * token's permissions), not because evidence was unreadable: every mistake, each with its place.
   */
  misconfiguration?: ConfigurationProblem[];
  /** Context a reviewer should see: where the policy came from, which image overrides applied. */
  notes?: string[];
  evaluatedAt: string;
  policyOrigin: string;
  evidence?: Evidence;
  /** On a pull request that changes the policy or its VEX files: the same evidence under the proposed version. */
  preview?: PolicyPreview;
}

/** One rule whose outcome the proposed policy changes (`absent`: the rule does not run there). */
export interface RuleChange {
  ruleId: string;
  platform?: string;
  title: string;
  base: RuleStatus | 'absent';
  proposed: RuleStatus | 'absent';
}

/**
 * What the pull request's own version of the policy would decide. It never decides the check:
 * the base commit's policy does, so a change cannot weaken its own gate.
 */
export interface PolicyPreview {
  /** The proposed policy, e.g. `.github/supply-chain-gate.yml@0123456789ab`. */
  policy: string;
  /** The commit it was read at (the pull request's head). */
  ref: string;
  /** `error`: the proposed policy (or a VEX file it names) cannot be read; `problems` says why. */
  verdict: Verdict;
  mode?: 'enforce' | 'audit';
  /** What the change touches: the policy file, the VEX documents, or both. */
  changes: Array<'policy' | 'vex'>;
  changed: RuleChange[];
  /** Every problem of a proposed policy that does not parse, each with its line. */
  problems?: string[];
  /** Where the preview's evidence differs from what the proposed policy would gather once merged. */
  notes?: string[];
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

/** The gate is misconfigured: `errors` lists each problem as a line, `misconfiguration` with places. */
export function misconfigured(
  problems: ConfigurationProblem[],
  mode: Decision['mode'],
  now: Date,
  policyOrigin: string,
  evidence?: Evidence,
): Decision {
  const lines = problems.map((p) =>
    p.position ? `${p.position.file}:${p.position.line}:${p.position.column}: ${p.message}` : p.message,
  );
  return { ...undecided(lines, mode, now, policyOrigin, evidence), misconfiguration: problems };
}

/** A family of rules: adding one is adding a module to `rules/index.ts` and its title to `rules/titles.ts`. */
export interface RuleFamily {
  id: string;
  title: string;
  evaluate(policy: Policy, evidence: Evidence, now: Date): RuleResult[];
}
