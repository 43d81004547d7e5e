/** Decision → the check run's conclusion and output, as GitHub's checks API takes them. Pure. */
import type { CheckRunAnnotation } from '../adapters/github/create-client.js';
import type { ConfigurationProblem } from '../errors.js';
import type { Decision } from '../policy/decision.js';
import { stripControl, truncate } from './escape.js';
import { renderAnnotations } from './annotations.js';
import { renderMarkdown, type FullReportLink } from './markdown.js';
import { previewVerdictLabel } from './preview.js';

export type CheckConclusion = 'success' | 'failure' | 'neutral';

export interface CheckRunCompletion {
  conclusion: CheckConclusion;
  output: { title: string; summary: string; text?: string; annotations: CheckRunAnnotation[] };
}

export interface CheckRunOptions {
  checkName: string;
  fullReport?: FullReportLink;
  /** True when a path is a file of the repository, so an annotation on it can be shown. */
  isRepoFile(path: string): boolean;
  maxAnnotations?: number;
}

/** Audit mode never blocks a merge, whatever was found: `neutral` is how a check says that. */
export function checkConclusion(decision: Decision): CheckConclusion {
  if (decision.mode === 'audit') return 'neutral';
  return decision.verdict === 'pass' ? 'success' : 'failure';
}

export function renderCheckRun(decision: Decision, options: CheckRunOptions): CheckRunCompletion {
  const failing = decision.results.filter((r) => r.status === 'fail').length;
  const title = decision.misconfiguration
    ? misconfiguredTitle(decision.misconfiguration)
    : decision.verdict === 'error'
      ? 'Could not decide: evidence unreadable'
      : decision.verdict === 'fail'
        ? `${failing} rule(s) failed`
        : `All ${decision.results.length} rule(s) passed`;
  const { annotations, omitted, unplaced } = renderAnnotations(decision, {
    isRepoFile: options.isRepoFile,
    max: options.maxAnnotations,
  });
  return {
    conclusion: checkConclusion(decision),
    output: {
      title: `${title}${decision.mode === 'audit' ? ' (audit)' : ''}${decision.preview ? ` · ${previewVerdictLabel(decision.preview)}` : ''}`,
      summary: renderMarkdown(decision, { checkName: options.checkName, fullReport: options.fullReport }),
      text: annotationNote(annotations.length, omitted, unplaced),
      annotations,
    },
  };
}

/** What the annotations leave out, and why; undefined when they show everything. */
function annotationNote(shown: number, omitted: number, unplaced: number): string | undefined {
  const notes = [
    ...(omitted > 0
      ? [
          `${shown} annotations are shown on the files; ${omitted} more were left out. Every finding is in the full report and the SARIF file.`,
        ]
      : []),
    ...(unplaced > 0
      ? [
          `${unplaced} failing or warning rule(s) are not annotated on the policy: the gate read the policy at the base commit, and this change's copy of the file no longer has their settings.`,
        ]
      : []),
  ];
  return notes.length > 0 ? notes.join('\n\n') : undefined;
}

/** "Misconfigured: …": the one problem, or how many there are and in which file. */
function misconfiguredTitle(problems: ConfigurationProblem[]): string {
  if (problems.length === 1) return `Misconfigured: ${truncate(stripControl(problems[0]!.message), 200)}`;
  const files = [...new Set(problems.map((p) => p.position?.file))];
  const where = files.length === 1 && files[0] ? ` in ${truncate(stripControl(files[0]), 150)}` : '';
  return `Misconfigured: ${problems.length} problems${where}`;
}

/** The process exit code of the CLI contract: 0 pass, 1 policy failed, 2 could not decide. */
export function exitCodeFor(decision: Decision): 0 | 1 | 2 {
  switch (decision.verdict) {
    case 'pass':
      return 0;
    case 'fail':
      return 1;
    case 'error':
      return 2;
  }
}
