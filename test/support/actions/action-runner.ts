/**
 * Runs a bundled action (dist/index.js, or a fresh bundle of the working tree) the way the runner
 * does: inputs as INPUT_* variables, the workflow's GITHUB_* variables, and the outputs and job
 * summary written to files, which are read back.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../fixtures.js';

const execFileAsync = promisify(execFile);

/** Bundles the working tree into `dir/dist` (never the committed dist/) and returns its index.js. */
export async function buildFreshBundle(dir: string): Promise<string> {
  await execFileAsync(
    process.execPath,
    [join(REPO_ROOT, 'scripts/bundle.mjs'), '--outdir', join(dir, 'dist')],
    {
      cwd: REPO_ROOT,
    },
  );
  return join(dir, 'dist/index.js');
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Parsed from GITHUB_OUTPUT. */
  outputs: Record<string, string>;
  /** The raw GITHUB_OUTPUT file. */
  outputFile: string;
  summary: string;
}

export interface ActionRunOptions {
  bundle: string;
  /** Where the output and summary files go; `name` keeps runs apart. */
  dir: string;
  name: string;
  /** GITHUB_* and other variables; PATH is passed through. */
  env: NodeJS.ProcessEnv;
  /** Action inputs by their action.yml names. */
  inputs: Record<string, string | undefined>;
}

export async function runBundledAction(options: ActionRunOptions): Promise<ActionRun> {
  const outputFile = join(options.dir, `output-${options.name}`);
  const summaryFile = join(options.dir, `summary-${options.name}`);
  await Promise.all([writeFile(outputFile, ''), writeFile(summaryFile, '')]);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    ...options.env,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
  };
  for (const [name, value] of Object.entries(options.inputs)) {
    if (value !== undefined) env[`INPUT_${name.toUpperCase()}`] = value;
  }
  let code = 0;
  let stdout = '';
  let stderr = '';
  try {
    ({ stdout, stderr } = await execFileAsync(process.execPath, [options.bundle], { env }));
  } catch (error) {
    ({ code, stdout, stderr } = error as { code: number; stdout: string; stderr: string });
  }
  const output = await readFile(outputFile, 'utf8');
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(output),
    outputFile: output,
    summary: await readFile(summaryFile, 'utf8'),
  };
}

/** The runner's GITHUB_OUTPUT file format: `name<<DELIMITER\nvalue\nDELIMITER`. */
function parseOutputs(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm)].map((m) => [m[1], m[3]]));
}
