/** Decision → the check run's conclusion and output, as GitHub's checks API takes them. Pure. */
import type { CheckRunAnnotation } from '../adapters/github/create-client.js';
import type { Decision } from '../policy/decision.js';
import { renderAnnotations } from './annotations.js';
import { renderMarkdown, type FullReportLink } from './markdown.js';

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
  const title =
    decision.verdict === 'error'
      ? 'Could not decide: evidence unreadable'
      : decision.verdict === 'fail'
        ? `${failing} rule(s) failed`
        : `All ${decision.results.length} rule(s) passed`;
  const { annotations, omitted } = renderAnnotations(decision, {
    isRepoFile: options.isRepoFile,
    max: options.maxAnnotations,
  });
  return {
    conclusion: checkConclusion(decision),
    output: {
      title: `${title}${decision.mode === 'audit' ? ' (audit)' : ''}`,
      summary: renderMarkdown(decision, { checkName: options.checkName, fullReport: options.fullReport }),
      text:
        omitted > 0
          ? `${annotations.length} annotations are shown on the files; ${omitted} more were left out. Every finding is in the full report and the SARIF file.`
          : undefined,
      annotations,
    },
  };
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
