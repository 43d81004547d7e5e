// Start-up of the bundle against bare Node, in the same run: `node -e 0`, the CLI's `--version`,
// and the action's entry run cold with no inputs (it loads, reads its inputs and reports the
// missing image: everything before a real run's first request); with the bytes each one loads
// and the size of dist/. The bundle is a fresh build of this tree (dist/ is left alone).
// Usage: node bench/startup.mjs [--rounds N]   (results go in docs/performance.md)
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDist, checkLimits, median, option, spread, timeCommand } from './support/measure.mjs';

const ROUNDS = option('--rounds', 21);
/** Documented in docs/performance.md: the issue's goal, start-up within 100 ms of bare Node. */
const STARTUP_LIMIT_MS = 100;

const build = buildDist();
try {
  // The action's environment with no inputs: nothing from this shell leaks in.
  const actionEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(INPUT_|GITHUB_|RUNNER_|ACTIONS_)/.test(name)),
  );
  const commands = [
    { name: 'node -e 0 (baseline)', args: ['-e', '0'] },
    { name: 'cli.js --version', args: [join(build.dist, 'cli.js'), '--version'] },
    {
      name: 'index.js, no inputs',
      args: [join(build.dist, 'index.js')],
      env: actionEnv,
      // The action fails the step: no image was given.
      expectStatus: 1,
    },
  ];
  for (const command of commands) command.samples = [];
  // Interleaved, so a burst of load on the shared machine hits every command alike.
  for (let round = 0; round < ROUNDS + 2; round++) {
    for (const command of commands) {
      // In the temp dir: the action writes its JSON report into the workspace (the cwd).
      const { wallMs } = timeCommand(process.execPath, command.args, {
        cwd: build.dir,
        env: command.env,
        expectStatus: command.expectStatus,
      });
      if (round >= 2) command.samples.push(wallMs);
    }
  }
  for (const command of commands) {
    command.ms = median(command.samples);
    command.loaded = loadedBytes(command, build);
  }
  const [bare, version, action] = commands;

  const files = listFiles(build.dist);
  const total = files.reduce((sum, file) => sum + file.bytes, 0);
  const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
  console.log(
    `start-up, median of ${ROUNDS} interleaved runs, node ${process.version}, ${process.arch} (spread is min–max)\n`,
  );
  console.log('| command | wall time | spread | over bare node | JavaScript loaded |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const command of commands) {
    console.log(
      `| ${command.name} | ${command.ms.toFixed(0)} ms | ${spread(command.samples)} ms | ${command === bare ? '' : `+${(command.ms - bare.ms).toFixed(0)} ms`} | ${command === bare ? '' : kb(command.loaded)} |`,
    );
  }
  console.log(
    `\ndist/: ${files.length} files, ${kb(total)}; index.js ${kb(sizeOf(files, 'index.js'))}, cli.js ${kb(sizeOf(files, 'cli.js'))}, largest chunk ${kb(Math.max(...files.filter((file) => file.name.startsWith('chunks/')).map((file) => file.bytes)))}`,
  );

  checkLimits('start-up', [
    {
      figure: 'cli.js --version, over bare node',
      measured: Math.round(version.ms - bare.ms),
      limit: STARTUP_LIMIT_MS,
      format: (ms) => `${ms} ms`,
    },
    {
      figure: 'index.js with no inputs, over bare node',
      measured: Math.round(action.ms - bare.ms),
      limit: STARTUP_LIMIT_MS,
      format: (ms) => `${ms} ms`,
    },
  ]);
} finally {
  build.remove();
}

function listFiles(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory()
      ? listFiles(path, base)
      : [{ name: relative(base, path), bytes: statSync(path).size }];
  });
}

function sizeOf(files, name) {
  return files.find((file) => file.name === name)?.bytes ?? 0;
}

/**
 * The bundle files a command loads, statically or by `import()`, recorded by a module hook in a
 * separate run (the hook itself costs time).
 */
function loadedBytes(command, { dir, dist }) {
  if (command.args[0] === '-e') return 0;
  const log = join(dir, 'loaded.txt');
  writeFileSync(log, '');
  const hooks = join(dir, 'record-loads.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(${JSON.stringify(log)}, url + '\\n');
  return next(url, context);
}
`,
  );
  const register = `data:text/javascript,import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hooks).href)});`;
  try {
    execFileSync(process.execPath, ['--import', register, ...command.args], {
      cwd: dir,
      env: command.env ?? process.env,
      stdio: 'ignore',
    });
  } catch (error) {
    if (error.status !== (command.expectStatus ?? 0)) throw error;
  }
  const distUrl = pathToFileURL(dist).href;
  const urls = new Set(
    readFileSync(log, 'utf8')
      .split('\n')
      .filter((url) => url.startsWith(distUrl)),
  );
  return [...urls].reduce((sum, url) => sum + statSync(new URL(url)).size, 0);
}
