/**
 * `supply-chain-gate watch` and `supply-chain-gate status`: argv → the watch engine and the status
 * renderers. The run's table goes to stdout, progress to stderr.
 * Exit codes: 0 every image passes, 1 an image fails, 2 an image or the run could not be judged.
 */
import { resolve } from 'node:path';
import { createConsoleLogger } from '../../adapters/log/logger.js';
import { createRunDeps } from '../../run-deps.js';
import { ConfigurationError } from '../../errors.js';
import { splitRepository } from '../../github-context.js';
import { DEFAULT_CHECK_NAME } from '../../inputs.js';
import { escapeLogLine } from '../../report/escape.js';
import { combineReports, renderStatusHtml, renderStatusMarkdown } from '../../report/status.js';
import { parseWatchReport, renderWatchReport } from '../../report/watch-json.js';
import { readWatchReports, writeTextFile } from '../../watch/report-files.js';
import { VERSION } from '../../version.js';
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_IMAGES, watch, watchExitCode } from '../../watch/engine.js';
import { parseScanOption } from '../../watch/targets.js';
import { DEFAULT_LABEL } from '../../watch/issues.js';
import { openWatchGitHub } from '../../adapters/github/watch.js';
import type { CliIo } from '../io.js';
import { parseOptions } from '../parse-options.js';

function positiveInteger(text: string | undefined, option: string, fallback: number): number {
  if (text === undefined) return fallback;
  if (/^[1-9][0-9]{0,6}$/.test(text)) return Number(text);
  throw new ConfigurationError(
    'invalid-arguments',
    `${option} takes a positive whole number, got ${JSON.stringify(text.slice(0, 40))}`,
  );
}

function nonNegativeInteger(text: string, option: string): number {
  if (/^[0-9]{1,6}$/.test(text)) return Number(text);
  throw new ConfigurationError(
    'invalid-arguments',
    `${option} takes milliseconds as a whole number, got ${JSON.stringify(text.slice(0, 40))}`,
  );
}

export async function watchCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    image: { type: 'string', multiple: true },
    scan: { type: 'string', multiple: true },
    policy: { type: 'string' },
    'policy-ref': { type: 'string' },
    'github-api': { type: 'string' },
    repository: { type: 'string' },
    json: { type: 'string' },
    markdown: { type: 'string' },
    label: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'max-images': { type: 'string' },
    concurrency: { type: 'string' },
    'trusted-root': { type: 'string' },
    'check-name': { type: 'string' },
    'sarif-upload': { type: 'boolean' },
    sha: { type: 'string' },
    ref: { type: 'string' },
    'run-url': { type: 'string' },
    'write-interval': { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
  });
  if (positionals.length > 0) {
    throw new ConfigurationError(
      'invalid-arguments',
      `unexpected argument ${JSON.stringify(positionals[0])}: see --help`,
    );
  }
  const images = values.image ?? [];
  if (images.length === 0)
    throw new ConfigurationError('missing-image', 'watch needs at least one --image REF: see --help');
  const githubApi = values['github-api'];
  const repository = values.repository ? splitRepository(values.repository) : undefined;
  if ((githubApi === undefined) !== (repository === undefined)) {
    throw new ConfigurationError(
      'invalid-arguments',
      'watch writes issues with both --github-api URL and --repository OWNER/NAME (or neither)',
    );
  }
  const token = io.env.GITHUB_TOKEN;
  if (githubApi && !token) {
    throw new ConfigurationError(
      'missing-token',
      'watch needs a token in GITHUB_TOKEN to write issues (issues: write), or --dry-run',
    );
  }
  if (values['sarif-upload'] && !(githubApi && values.sha && values.ref)) {
    throw new ConfigurationError(
      'invalid-arguments',
      '--sarif-upload needs --github-api, --repository, --sha and --ref (the commit and ref the analysis is for)',
    );
  }
  if (values['policy-ref'] && !(githubApi && repository)) {
    throw new ConfigurationError(
      'invalid-arguments',
      '--policy-ref reads the policy through the API: it needs --github-api and --repository',
    );
  }
  const log = createConsoleLogger(io.stderr, values.quiet ?? false);
  const github =
    githubApi && repository && token
      ? await openWatchGitHub({
          apiUrl: githubApi,
          token,
          ...repository,
          onRetry: (message) => io.stderr.write(`warning: ${escapeLogLine(message)}\n`),
          ...(values['write-interval'] === undefined
            ? {}
            : { writeGapMs: nonNegativeInteger(values['write-interval'], '--write-interval') }),
        })
      : undefined;
  const checkName = values['check-name'] ?? DEFAULT_CHECK_NAME;
  const now = io.now ?? (() => new Date());
  const registryCredentials =
    io.env.REGISTRY_USERNAME && io.env.REGISTRY_PASSWORD
      ? { username: io.env.REGISTRY_USERNAME, password: io.env.REGISTRY_PASSWORD }
      : undefined;
  const run = await watch(
    {
      images,
      scans: (values.scan ?? []).map(parseScanOption),
      policyPath: values.policy,
      ...(values['policy-ref'] && repository
        ? { policyBase: { ...repository, ref: values['policy-ref'], event: 'the --policy-ref option' } }
        : {}),
      workspace: io.cwd,
      trustedRootPath: values['trusted-root'],
      maxImages: positiveInteger(values['max-images'], '--max-images', DEFAULT_MAX_IMAGES),
      concurrency: positiveInteger(values.concurrency, '--concurrency', DEFAULT_CONCURRENCY),
      checkName,
      label: values.label ?? DEFAULT_LABEL,
      dryRun: values['dry-run'] ?? false,
      registryCredentials,
      githubToken: token,
      repositoryUrl: values.repository ? `https://github.com/${values.repository}` : undefined,
      runUrl: values['run-url'],
      ...(values['sarif-upload'] && values.sha && values.ref
        ? { sarifUpload: { commitSha: values.sha, ref: values.ref } }
        : {}),
    },
    {
      ...createRunDeps({
        env: io.env,
        log,
        now,
        workspace: io.cwd,
        registryCredentials,
        githubToken: token,
        trustedRootPath: values['trusted-root'],
        github: github?.client,
      }),
      ...(github ? { tracker: github.tracker, sarif: github.tracker } : {}),
    },
  );
  const reportText = renderWatchReport(run.results, {
    checkName,
    toolVersion: VERSION,
    policy: run.policyOrigin,
    startedAt: run.startedAt,
    finishedAt: now().toISOString(),
    ...(values['run-url'] ? { runUrl: values['run-url'] } : {}),
    errors: run.errors,
  });
  const report = parseWatchReport(reportText, 'the report of this run');
  const markdown = renderStatusMarkdown(combineReports([report], now().toISOString()));
  if (values.json) await writeTextFile(resolve(io.cwd, values.json), reportText);
  if (values.markdown) await writeTextFile(resolve(io.cwd, values.markdown), markdown);
  for (const error of run.errors) log.error(error);
  io.stdout.write(markdown);
  return watchExitCode(run);
}

export async function statusCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    html: { type: 'string' },
    markdown: { type: 'string' },
  });
  if (positionals.length === 0) {
    throw new ConfigurationError(
      'invalid-arguments',
      'status needs at least one REPORT.json that watch --json wrote: see --help',
    );
  }
  const reports = await readWatchReports(positionals, io.cwd);
  const overview = combineReports(reports, (io.now ?? (() => new Date()))().toISOString());
  const markdown = renderStatusMarkdown(overview);
  if (values.html) await writeTextFile(resolve(io.cwd, values.html), renderStatusHtml(overview));
  if (values.markdown) await writeTextFile(resolve(io.cwd, values.markdown), markdown);
  io.stdout.write(markdown);
  return 0;
}
