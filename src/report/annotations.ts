/**
 * Decision → check run annotations: each failing or warning rule on the policy line that
 * configures it, and each of its findings on the repository file a scan points at. Pure: which
 * paths are files of the repository is answered by the caller.
 */
import type { CheckRunAnnotation } from '../adapters/github/create-client.js';
import type { Finding } from '../model/evidence.js';
import type { Decision, RuleResult } from '../policy/decision.js';
import { stripControl, truncate } from './escape.js';

/** 20 requests of 50: past this, more annotations only bury the ones that matter. */
export const MAX_ANNOTATIONS = 1_000;
// GitHub's limits per annotation.
const MAX_TITLE = 255;
const MAX_MESSAGE = 4_000;

export interface AnnotationOptions {
  /** True when `path` (relative, `/`-separated) is a file of the repository being checked. */
  isRepoFile(path: string): boolean;
  max?: number;
}

export interface AnnotationPlan {
  annotations: CheckRunAnnotation[];
  /** Annotations left out by the cap; the full report still lists every finding. */
  omitted: number;
}

export function renderAnnotations(decision: Decision, options: AnnotationOptions): AnnotationPlan {
  const max = options.max ?? MAX_ANNOTATIONS;
  const reported = decision.results.filter((r) => r.status === 'fail' || r.status === 'warn');
  // Failures before warnings, and each rule before the findings that explain it, so the cap
  // drops the least important first.
  const ordered = [
    ...reported.filter((r) => r.status === 'fail'),
    ...reported.filter((r) => r.status === 'warn'),
  ];
  const all = [
    ...ordered.flatMap((result) => ruleAnnotation(result, options)),
    ...ordered.flatMap((result) => findingAnnotations(result, options)),
  ];
  return { annotations: all.slice(0, max), omitted: Math.max(all.length - max, 0) };
}

/** Candidate repository paths a decision points at, for the caller to check on disk. */
export function annotationPaths(decision: Decision): string[] {
  const paths = new Set<string>();
  for (const result of decision.results) {
    if (result.position) {
      const path = repoPathOf(result.position.file);
      if (path) paths.add(path);
    }
    for (const finding of result.findings ?? []) {
      for (const place of findingPlaces(finding)) paths.add(place.path);
    }
  }
  return [...paths];
}

/**
 * A position's file as a repository path: relative, no `..`, and without the `@ref` a policy
 * read from the base commit is shown with. Undefined when it cannot be one (an absolute path,
 * an image name with a space, the built-in policy).
 */
export function repoPathOf(file: string): string | undefined {
  const path = file.replace(/@[0-9A-Za-z_./-]+$/, '').replace(/^\.\//, '');
  if (path === '' || path.startsWith('/') || /^[A-Za-z]:/.test(path) || /[\s:]/.test(path)) return undefined;
  if (path.split('/').some((part) => part === '..' || part === '')) return undefined;
  return path;
}

function ruleAnnotation(result: RuleResult, options: AnnotationOptions): CheckRunAnnotation[] {
  const path = result.position ? repoPathOf(result.position.file) : undefined;
  if (!result.position || !path || !options.isRepoFile(path)) return [];
  const fix = result.remediation ? `\n\nHow to fix: ${result.remediation}` : '';
  return [
    {
      path,
      start_line: result.position.line,
      end_line: result.position.line,
      annotation_level: level(result),
      title: plain(`${result.ruleId}: ${result.title}`, MAX_TITLE),
      message: plain(`${result.message}${fix}`, MAX_MESSAGE),
    },
  ];
}

export interface FilePlace {
  path: string;
  line: number;
  column?: number;
}

/**
 * Where in the repository a finding points, most precise first: its `file:line[:column]`
 * location (code scanners), then its target (a lock file, which scanners name without a line).
 */
export function findingPlaces(finding: Finding): FilePlace[] {
  const places: FilePlace[] = [];
  const at = finding.location === undefined ? null : /^(.+?):(\d+)(?::(\d+))?$/.exec(finding.location);
  const atPath = at ? repoPathOf(at[1]!) : undefined;
  if (at && atPath && Number(at[2]) > 0) {
    places.push({ path: atPath, line: Number(at[2]), ...(at[3] ? { column: Number(at[3]) } : {}) });
  }
  const targetPath = finding.target === undefined ? undefined : repoPathOf(finding.target);
  if (targetPath) places.push({ path: targetPath, line: 1 });
  return places;
}

/** The first place a finding points that is a file of the repository. */
export function findingPlace(finding: Finding, isRepoFile: (path: string) => boolean): FilePlace | undefined {
  return findingPlaces(finding).find((place) => isRepoFile(place.path));
}

function findingAnnotations(result: RuleResult, options: AnnotationOptions): CheckRunAnnotation[] {
  return (result.findings ?? []).flatMap((finding) => {
    const place = findingPlace(finding, options.isRepoFile);
    if (!place) return [];
    return [
      {
        path: place.path,
        start_line: place.line,
        end_line: place.line,
        annotation_level: level(result),
        title: plain(`${finding.id} in ${finding.packageName}`, MAX_TITLE),
        message: plain(describeFinding(finding, result), MAX_MESSAGE),
      },
    ];
  });
}

function describeFinding(finding: Finding, result: RuleResult): string {
  const version = finding.installedVersion ? ` ${finding.installedVersion}` : '';
  const fix = finding.fixedVersion ? `fixed in ${finding.fixedVersion}` : 'no fix published yet';
  const title = finding.title ? `: ${finding.title}` : '';
  return `${finding.severity} ${finding.id} in ${finding.packageName}${version} (${fix})${title}. ${result.ruleId}: ${result.title}.`;
}

function level(result: RuleResult): CheckRunAnnotation['annotation_level'] {
  return result.status === 'fail' ? 'failure' : 'warning';
}

/** Annotations show as plain text: control characters and bidi overrides go, length is capped. */
function plain(text: string, max: number): string {
  return truncate(
    stripControl(text)
      .replace(/[ \t]+/g, ' ')
      .trim(),
    max,
  );
}
