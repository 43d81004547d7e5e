/**
 * The example workflows and the workflow snippets of the README and the rulesets guide are what
 * users copy: each must pass GitHub's own workflow parser, give the gate only inputs action.yml
 * declares, and grant the permissions the features it turns on need.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parse } from 'yaml';
import { REPO_ROOT } from '../support/fixtures.js';

type Permissions = Record<string, string> | string | undefined;

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}

interface Job {
  permissions?: Permissions;
  steps?: Step[];
}

interface Workflow {
  permissions?: Permissions;
  jobs: Record<string, Job>;
}

interface Source {
  name: string;
  content: string;
}

const EXAMPLES_DIR = join(REPO_ROOT, 'examples/workflows');
const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { required?: boolean }>;
};
const INPUTS = Object.keys(action.inputs);
const REQUIRED_INPUTS = INPUTS.filter((name) => action.inputs[name]?.required);
const watchAction = parse(readFileSync(join(REPO_ROOT, 'watch/action.yml'), 'utf8')) as {
  inputs: Record<string, { required?: boolean }>;
};
const WATCH_INPUTS = Object.keys(watchAction.inputs);

const examples: Source[] = readdirSync(EXAMPLES_DIR)
  .filter((file) => /\.ya?ml$/.test(file))
  .sort()
  .map((file) => ({
    name: `examples/workflows/${file}`,
    content: readFileSync(join(EXAMPLES_DIR, file), 'utf8'),
  }));

/** The ```yaml blocks of a markdown file (list items indent theirs) that are whole workflows. */
function workflowSnippets(file: string): Source[] {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8');
  return [...text.matchAll(/^( *)```ya?ml\n([\s\S]*?)^\1```$/gm)]
    .map((match, index) => {
      const indent = match[1] ?? '';
      const lines = (match[2] ?? '').split('\n').map((line) => line.slice(indent.length));
      return { name: `${file} snippet ${index + 1}`, content: lines.join('\n') };
    })
    .filter((snippet) => /^jobs:/m.test(snippet.content));
}

const snippets = [...workflowSnippets('README.md'), ...workflowSnippets('docs/rulesets.md')];
const sources = [...examples, ...snippets];

function parserErrors(source: Source): string[] {
  const result = parseWorkflow(source, new NoOperationTraceWriter());
  return result.context.errors.getErrors().map((error) => error.message);
}

function isGateStep(step: Step): boolean {
  return /^[^/]+\/supply-chain-gate@/.test(step.uses ?? '');
}

/** The watch action, `OWNER/supply-chain-gate/watch@REF`. */
function isWatchStep(step: Step): boolean {
  return /^[^/]+\/supply-chain-gate\/watch@/.test(step.uses ?? '');
}

/** The permission a job's GITHUB_TOKEN has for `scope`: the job's block replaces the workflow's. */
function granted(workflow: Workflow, job: Job, scope: string): string {
  const permissions = job.permissions ?? workflow.permissions;
  if (permissions === 'write-all') return 'write';
  if (permissions === 'read-all') return 'read';
  return typeof permissions === 'object' ? (permissions[scope] ?? 'none') : 'undeclared';
}

const isOff = (value: unknown) => value === false || value === 'false' || value === undefined;

/** What a job that runs the gate needs of its token, given the inputs it sets and its other steps. */
function requiredPermissions(job: Job): Record<string, 'read' | 'write'> {
  const needs: Record<string, 'read' | 'write'> = {};
  for (const step of job.steps ?? []) {
    if (/^actions\/attest(-build-provenance)?@/.test(step.uses ?? '')) {
      needs['id-token'] = 'write';
      needs.attestations = 'write';
    }
    if (/^sigstore\/cosign-installer@/.test(step.uses ?? '')) needs['id-token'] = 'write';
    if (isWatchStep(step)) {
      const inputs = step.with ?? {};
      // Status mode (reports) reads files only; watch mode reads the policy and keeps the issues.
      if (inputs.images === undefined) continue;
      needs.contents ??= 'read';
      if (isOff(inputs['dry-run'])) needs.issues = 'write';
      if (!isOff(inputs['upload-sarif']) && isOff(inputs['dry-run'])) needs['security-events'] = 'write';
      continue;
    }
    if (!isGateStep(step)) continue;
    const inputs = step.with ?? {};
    // The policy is read from the base commit through the API on pull requests.
    needs.contents ??= 'read';
    if (inputs['post-check-run'] !== false && inputs['post-check-run'] !== 'false') needs.checks = 'write';
    if (!isOff(inputs.comment)) needs['pull-requests'] = 'write';
    // By default the gate reads the attestations actions/attest stored for the workflow's repository.
    if (inputs['attestations-repository'] !== 'none') needs.attestations ??= 'read';
  }
  return needs;
}

describe('example workflows and workflow snippets', () => {
  it('finds the examples and the snippets', () => {
    const names = examples.map((example) => example.name);
    for (const expected of [
      'push-main.yml',
      'pull-request.yml',
      'merge-queue.yml',
      'fork-pr-build.yml',
      'fork-pr-gate.yml',
      'matrix.yml',
      'org-required.yml',
      'watch.yml',
    ]) {
      expect(names).toContain(`examples/workflows/${expected}`);
    }
    expect(snippets.filter((snippet) => snippet.name.startsWith('README.md')).length).toBeGreaterThan(0);
    expect(snippets.filter((snippet) => snippet.name.startsWith('docs/')).length).toBeGreaterThan(0);
  });

  it.each(sources.map((source) => [source.name, source] as const))(
    "%s passes GitHub's workflow parser",
    (_name, source) => {
      expect(parserErrors(source)).toEqual([]);
    },
  );

  it('the parser catches a broken workflow (the check above can fail)', () => {
    const broken = {
      name: 'broken.yml',
      content: 'on: push\npermissions:\n  checks: writ\njobs:\n  gate:\n    runs-on: ubuntu-latest\n',
    };
    expect(parserErrors(broken).length).toBeGreaterThan(0);
  });

  it.each(sources.map((source) => [source.name, source] as const))(
    '%s gives the gate only inputs action.yml declares, and the required ones',
    (_name, source) => {
      const workflow = parse(source.content) as Workflow;
      const gateSteps = Object.values(workflow.jobs).flatMap((job) => (job.steps ?? []).filter(isGateStep));
      for (const step of gateSteps) {
        const keys = Object.keys(step.with ?? {});
        expect(keys.filter((key) => !INPUTS.includes(key))).toEqual([]);
        expect(REQUIRED_INPUTS.filter((name) => !keys.includes(name))).toEqual([]);
      }
      const watchSteps = Object.values(workflow.jobs).flatMap((job) => (job.steps ?? []).filter(isWatchStep));
      for (const step of watchSteps) {
        const keys = Object.keys(step.with ?? {});
        expect(keys.filter((key) => !WATCH_INPUTS.includes(key))).toEqual([]);
        // Watch mode or status mode: one of them.
        expect(keys.filter((key) => key === 'images' || key === 'reports')).toHaveLength(1);
      }
    },
  );

  it.each(sources.map((source) => [source.name, source] as const))(
    '%s grants each job the permissions its steps need',
    (_name, source) => {
      const workflow = parse(source.content) as Workflow;
      for (const [jobName, job] of Object.entries(workflow.jobs)) {
        const missing = Object.entries(requiredPermissions(job))
          .filter(([scope, access]) => {
            const has = granted(workflow, job, scope);
            return !(has === 'write' || (has === 'read' && access === 'read'));
          })
          .map(([scope, access]) => `${jobName}: ${scope}: ${access}`);
        expect(missing).toEqual([]);
      }
    },
  );

  it('the permission check notices a watch job that cannot write issues or upload SARIF', () => {
    const workflow = parse(
      'on: schedule\npermissions:\n  contents: read\njobs:\n  watch:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: acme/supply-chain-gate/watch@v1\n        with:\n          images: ghcr.io/acme/app:prod\n          upload-sarif: true\n',
    ) as Workflow;
    const job = workflow.jobs.watch!;
    expect(requiredPermissions(job)).toEqual({
      contents: 'read',
      issues: 'write',
      'security-events': 'write',
    });
    expect(granted(workflow, job, 'issues')).toBe('none');
  });

  it('the permission check notices a job without checks: write', () => {
    const workflow = parse(
      'on: push\npermissions:\n  contents: read\njobs:\n  gate:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: acme/supply-chain-gate@v1\n        with:\n          image: oci:image\n          attestations-repository: none\n',
    ) as Workflow;
    const job = workflow.jobs.gate!;
    expect(requiredPermissions(job)).toEqual({ contents: 'read', checks: 'write' });
    expect(granted(workflow, job, 'checks')).toBe('none');
  });
});
