/**
 * The `supply-chain-gate` command: argv → the same run() the action uses. Markdown goes to
 * stdout, progress and errors to stderr; exit 0 pass, 1 policy failed, 2 could not decide.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openImageStore } from './adapters/open-image-store.js';
import { createGitHubClient } from './adapters/github.js';
import { createConsoleLogger } from './adapters/logger.js';
import { ConfigurationError, describeError } from './errors.js';
import { splitRepository } from './github-context.js';
import { DEFAULT_CHECK_NAME, parsePlatform, type RunInputs } from './inputs.js';
import { run } from './main.js';
import { loadPolicyFile, PolicyError } from './policy/load.js';
import { escapeLogLine } from './report/escape.js';
import { VERSION } from './version.js';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  now?: () => Date;
}

const USAGE = `supply-chain-gate ${VERSION}: gate a container image on its evidence, by digest.

Usage:
  supply-chain-gate check --image REF [--digest sha256:…] [--platform OS/ARCH] [--policy FILE]
        [--scan FILE]… [--json FILE] [--markdown FILE] [--mode enforce|audit] [--check-name NAME]
        [--github-api URL --repository OWNER/NAME --sha SHA]   (token from GITHUB_TOKEN)
  supply-chain-gate policy lint FILE…
  supply-chain-gate demo
  supply-chain-gate --help | --version

Image references: registry/name[:tag][@sha256:…], or oci:PATH[:tag] for a local OCI layout.
Registry credentials: REGISTRY_USERNAME/REGISTRY_PASSWORD, else ~/.docker/config.json.
Exit codes: 0 pass, 1 the policy failed, 2 the gate could not decide (bad input, unreachable registry).`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const say = (stream: NodeJS.WritableStream, text: string) =>
    stream.write(text.endsWith('\n') ? text : `${text}\n`);
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        say(io.stdout, USAGE);
        return 0;
      case '--version':
      case '-v':
        say(io.stdout, VERSION);
        return 0;
      case 'check':
        return await checkCommand(rest, io);
      case 'policy':
        return await policyCommand(rest, io);
      case 'demo':
        return await demoCommand(rest, io);
      default:
        throw new ConfigurationError(
          'unknown-command',
          `unknown command ${JSON.stringify(command)}: see --help`,
        );
    }
  } catch (error) {
    say(io.stderr, `error: ${escapeLogLine(describeError(error))}`);
    return 2;
  }
}

function parse<T extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new ConfigurationError('invalid-arguments', `${(error as Error).message}: see --help`);
  }
}

async function checkCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    image: { type: 'string' },
    digest: { type: 'string' },
    platform: { type: 'string' },
    policy: { type: 'string' },
    scan: { type: 'string', multiple: true },
    json: { type: 'string' },
    markdown: { type: 'string' },
    mode: { type: 'string' },
    'check-name': { type: 'string' },
    'github-api': { type: 'string' },
    repository: { type: 'string' },
    sha: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
  });
  if (positionals.length > 0) {
    throw new ConfigurationError(
      'invalid-arguments',
      `unexpected argument ${JSON.stringify(positionals[0])}: see --help`,
    );
  }
  if (!values.image) throw new ConfigurationError('missing-image', 'check needs --image REF: see --help');
  const inputs: RunInputs = {
    image: values.image,
    digest: values.digest,
    platform: platformOption(values.platform),
    policyPath: values.policy,
    scanPaths: values.scan ?? [],
    mode: modeOption(values.mode),
    checkName: values['check-name'] ?? DEFAULT_CHECK_NAME,
    workspace: io.cwd,
    jsonReportPath: values.json,
    markdownReportPath: values.markdown,
    registryCredentials: registryCredentials(io.env),
    githubToken: io.env.GITHUB_TOKEN,
  };
  const github = githubTarget(values, io.env);
  if (github) inputs.github = github;
  return runAndPrint(inputs, io, values.quiet ?? false);
}

async function runAndPrint(inputs: RunInputs, io: CliIo, quiet: boolean): Promise<number> {
  const result = await run(inputs, {
    now: io.now ?? (() => new Date()),
    log: createConsoleLogger(io.stderr, quiet),
    toolVersion: VERSION,
    openImageStore: (reference) =>
      openImageStore(reference, {
        credentials: inputs.registryCredentials,
        githubToken: inputs.githubToken,
        env: io.env,
      }),
    github: inputs.github
      ? createGitHubClient({ apiUrl: inputs.github.apiUrl, token: inputs.github.token })
      : undefined,
  });
  io.stdout.write(result.markdown);
  return result.exitCode;
}

function githubTarget(
  values: { 'github-api'?: string; repository?: string; sha?: string },
  env: NodeJS.ProcessEnv,
): RunInputs['github'] {
  const given = [values['github-api'], values.repository, values.sha].filter(Boolean).length;
  if (given === 0) return undefined;
  if (given < 3) {
    throw new ConfigurationError(
      'invalid-arguments',
      'posting a check run needs all of --github-api, --repository and --sha',
    );
  }
  const token = env.GITHUB_TOKEN;
  if (!token)
    throw new ConfigurationError('missing-token', 'posting a check run needs a token in GITHUB_TOKEN');
  return {
    apiUrl: values['github-api']!,
    token,
    headSha: values.sha!,
    ...splitRepository(values.repository!),
  };
}

function platformOption(text: string | undefined) {
  if (text === undefined) return undefined;
  const platform = parsePlatform(text);
  if (!platform)
    throw new ConfigurationError(
      'invalid-platform',
      `--platform takes OS/ARCH[/VARIANT], got ${JSON.stringify(text)}`,
    );
  return platform;
}

function modeOption(text: string | undefined): RunInputs['mode'] {
  if (text === undefined || text === 'enforce' || text === 'audit') return text;
  throw new ConfigurationError('invalid-mode', `--mode takes enforce or audit, got ${JSON.stringify(text)}`);
}

function registryCredentials(env: NodeJS.ProcessEnv): RunInputs['registryCredentials'] {
  return env.REGISTRY_USERNAME && env.REGISTRY_PASSWORD
    ? { username: env.REGISTRY_USERNAME, password: env.REGISTRY_PASSWORD }
    : undefined;
}

async function policyCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...files] = args;
  if (sub !== 'lint')
    throw new ConfigurationError('unknown-command', 'usage: supply-chain-gate policy lint FILE…');
  if (files.length === 0)
    throw new ConfigurationError('invalid-arguments', 'policy lint needs at least one FILE');
  let worst = 0;
  for (const file of files) {
    try {
      await loadPolicyFile(file);
      io.stdout.write(`${escapeLogLine(file)}: ok\n`);
    } catch (error) {
      worst = 2;
      const problems = error instanceof PolicyError ? error.problems : [describeError(error)];
      for (const problem of problems) io.stderr.write(`${escapeLogLine(problem)}\n`);
    }
  }
  return worst;
}

/** The embedded example: an image in an OCI layout, its Trivy report and a policy, all offline. */
async function demoCommand(args: string[], io: CliIo): Promise<number> {
  if (args.length > 0) throw new ConfigurationError('invalid-arguments', 'demo takes no arguments');
  const demoDir = fileURLToPath(new URL('../examples/demo/', import.meta.url));
  io.stderr.write(
    'Gating the demo image (examples/demo: an OCI layout, its Trivy report and a policy), offline and without a token.\n\n',
  );
  const exitCode = await runAndPrint(
    {
      image: 'oci:app-oci:1.0',
      policyPath: 'policy.yml',
      scanPaths: ['trivy.json'],
      checkName: DEFAULT_CHECK_NAME,
      workspace: demoDir,
    },
    io,
    false,
  );
  io.stderr.write(
    `\nA real run would exit ${exitCode} (0 pass, 1 policy failed, 2 could not decide) and post this summary as the "${DEFAULT_CHECK_NAME}" check run.\n`,
  );
  return exitCode === 2 ? 2 : 0;
}

function invokedDirectly(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  });
}
