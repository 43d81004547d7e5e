/**
 * The repository's own workflows (.github/workflows): each passes GitHub's workflow parser, every
 * action from another repository is pinned to a full commit SHA with its version in a comment
 * (what Dependabot updates), the same version always has the same SHA, and the steps that run this
 * action (`uses: ./`, `./watch`) give it only inputs its action.yml declares.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parse } from 'yaml';
import { REPO_ROOT } from '../support/fixtures.js';

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}

interface Workflow {
  on: unknown;
  permissions?: unknown;
  jobs: Record<string, { uses?: string; steps?: Step[]; permissions?: unknown }>;
}

const WORKFLOWS_DIR = join(REPO_ROOT, '.github/workflows');
const workflows = readdirSync(WORKFLOWS_DIR)
  .filter((file) => /\.ya?ml$/.test(file))
  .sort()
  .map((file) => ({ name: file, content: readFileSync(join(WORKFLOWS_DIR, file), 'utf8') }));

interface UsesLine {
  file: string;
  line: number;
  target: string;
  comment?: string;
}

/** Every `uses:` as written, with the comment after it (the YAML parser drops comments). */
function usesLines(file: string, content: string): UsesLine[] {
  return content.split('\n').flatMap((text, index) => {
    const match = /^\s*(?:-\s+)?uses:\s*(['"]?)([^\s'"#]+)\1\s*(?:#\s*(.*))?$/.exec(text);
    if (!match) return [];
    return [{ file, line: index + 1, target: match[2]!, ...(match[3] ? { comment: match[3].trim() } : {}) }];
  });
}

/** Problems with one `uses:`: local actions are fine, others need `@<40 hex> # vX.Y.Z`. */
function pinningProblems(uses: UsesLine): string[] {
  const where = `${uses.file}:${uses.line}`;
  if (uses.target.startsWith('./')) return [];
  if (uses.target.startsWith('docker://')) {
    return /@sha256:[a-f0-9]{64}$/.test(uses.target)
      ? []
      : [`${where}: ${uses.target} is not pinned by digest`];
  }
  const problems: string[] = [];
  const [, ref] = uses.target.split('@');
  if (ref === undefined || !/^[a-f0-9]{40}$/.test(ref)) {
    problems.push(`${where}: ${uses.target} is not pinned to a full commit SHA`);
  }
  if (uses.comment === undefined || !/^v\d+(\.\d+){0,2}\b/.test(uses.comment)) {
    problems.push(`${where}: ${uses.target} has no "# vX.Y.Z" comment naming the pinned version`);
  }
  return problems;
}

function parserErrors(source: { name: string; content: string }): string[] {
  const result = parseWorkflow(source, new NoOperationTraceWriter());
  return result.context.errors.getErrors().map((error) => error.message);
}

function actionInputs(path: string): string[] {
  const action = parse(readFileSync(join(REPO_ROOT, path), 'utf8')) as { inputs?: Record<string, unknown> };
  return Object.keys(action.inputs ?? {});
}

describe("the repository's workflows", () => {
  it('has CI, check-dist, the self-test, CodeQL and the release workflow', () => {
    expect(workflows.map((workflow) => workflow.name)).toEqual(
      expect.arrayContaining(['ci.yml', 'check-dist.yml', 'self-test.yml', 'codeql.yml', 'release.yml']),
    );
  });

  it.each(workflows.map((workflow) => [workflow.name, workflow] as const))(
    "%s passes GitHub's workflow parser",
    (_name, workflow) => {
      expect(parserErrors(workflow)).toEqual([]);
    },
  );

  it.each(workflows.map((workflow) => [workflow.name, workflow] as const))(
    '%s pins every action of another repository to a commit SHA with its version in a comment',
    (_name, workflow) => {
      const lines = usesLines(workflow.name, workflow.content);
      // Every uses: the parser sees is one the line scan read, so none escapes the check.
      const parsed = parse(workflow.content) as Workflow;
      const declared = Object.values(parsed.jobs).flatMap((job) => [
        ...(job.uses ? [job.uses] : []),
        ...(job.steps ?? []).flatMap((step) => (step.uses ? [step.uses] : [])),
      ]);
      expect(lines.map((uses) => uses.target)).toEqual(declared);
      expect(lines.flatMap(pinningProblems)).toEqual([]);
    },
  );

  it('pins one version of an action to one SHA everywhere', () => {
    const shas = new Map<string, Set<string>>();
    for (const workflow of workflows) {
      for (const uses of usesLines(workflow.name, workflow.content)) {
        if (uses.target.startsWith('./')) continue;
        const [action, ref] = uses.target.split('@');
        const repository = action!.split('/').slice(0, 2).join('/');
        const key = `${repository} ${uses.comment ?? ''}`;
        shas.set(key, (shas.get(key) ?? new Set()).add(ref ?? ''));
      }
    }
    const conflicting = [...shas].filter(([, refs]) => refs.size > 1).map(([key]) => key);
    expect(conflicting).toEqual([]);
  });

  it('the pin check refuses tags, short SHAs and missing version comments', () => {
    const check = (text: string) => usesLines('x.yml', text).flatMap(pinningProblems);
    expect(check('      - uses: actions/checkout@v5')).toHaveLength(2);
    expect(check('      - uses: actions/checkout@3d3c42e # v7.0.1')).toHaveLength(1);
    expect(check('      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1')).toHaveLength(1);
    expect(check('      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1')).toEqual(
      [],
    );
    expect(check('      - uses: ./')).toEqual([]);
    expect(check('      - uses: docker://alpine:3')).toHaveLength(1);
  });

  it('gives this action and the watch action only the inputs their action.yml declares', () => {
    const declared: Record<string, string[]> = { './': actionInputs('action.yml') };
    // Watch mode is built separately; its step runs only once watch/action.yml exists.
    if (existsSync(join(REPO_ROOT, 'watch/action.yml')))
      declared['./watch'] = actionInputs('watch/action.yml');
    const unknown: string[] = [];
    for (const workflow of workflows) {
      const parsed = parse(workflow.content) as Workflow;
      for (const [jobName, job] of Object.entries(parsed.jobs)) {
        for (const step of job.steps ?? []) {
          const inputs = step.uses ? declared[step.uses] : undefined;
          if (!inputs) continue;
          for (const key of Object.keys(step.with ?? {})) {
            if (!inputs.includes(key))
              unknown.push(`${workflow.name} ${jobName}: ${step.uses} has no input ${key}`);
          }
        }
      }
    }
    expect(unknown).toEqual([]);
  });

  it('grants no workflow write access by default', () => {
    for (const workflow of workflows) {
      const parsed = parse(workflow.content) as Workflow;
      expect([workflow.name, parsed.permissions]).toEqual([workflow.name, { contents: 'read' }]);
    }
  });

  it('the self-test gates with this commit and runs watch mode only once it exists', () => {
    const parsed = parse(
      workflows.find((workflow) => workflow.name === 'self-test.yml')!.content,
    ) as Workflow;
    const steps = Object.values(parsed.jobs).flatMap((job) => job.steps ?? []) as Array<
      Step & { if?: string }
    >;
    expect(steps.filter((step) => step.uses === './').length).toBeGreaterThanOrEqual(1);
    expect(steps.find((step) => step.uses === './watch')?.if).toBe("hashFiles('watch/action.yml') != ''");
  });
});

describe('dependabot.yml', () => {
  it('updates the npm dependencies and the pinned actions', () => {
    const config = parse(readFileSync(join(REPO_ROOT, '.github/dependabot.yml'), 'utf8')) as {
      version: number;
      updates: Array<{ 'package-ecosystem': string; directory: string }>;
    };
    expect(config.version).toBe(2);
    expect(config.updates.map((update) => [update['package-ecosystem'], update.directory])).toEqual(
      expect.arrayContaining([
        ['npm', '/'],
        ['github-actions', '/'],
      ]),
    );
  });
});
