/** One severity scale for every scanner: words, CVSS scores and SARIF levels map onto it. */
import { SEVERITIES, type Severity } from '../../model/evidence.js';

export function normalizeSeverity(word: string): Severity {
  switch (word.trim().toLowerCase()) {
    case 'critical':
      return 'critical';
    case 'high':
    case 'important':
      return 'high';
    case 'medium':
    case 'moderate':
      return 'medium';
    case 'low':
    case 'negligible':
    case 'info':
    case 'informational':
    case 'none':
      return 'low';
    default:
      return 'unknown';
  }
}

/** CVSS v3 qualitative ratings, the thresholds GitHub applies to SARIF `security-severity`. */
export function severityFromScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  return 'low';
}

/** A SARIF result level; SARIF's own default, when nothing says, is `warning`. */
export function severityFromLevel(level: string): Severity {
  switch (level) {
    case 'error':
      return 'high';
    case 'warning':
      return 'medium';
    case 'note':
      return 'low';
    default:
      return 'unknown';
  }
}

/** Negative when `a` is more severe than `b`: sorts worst first. */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b);
}

export function isSeverityWord(word: string): boolean {
  return ['critical', 'high', 'medium', 'low', 'unknown', 'negligible', 'moderate', 'important'].includes(
    word.trim().toLowerCase(),
  );
}

export function parseScore(value: unknown): number | undefined {
  const score = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(score) && score >= 0 && score <= 10 ? score : undefined;
}
