// What the benches share: a fresh build of this tree outside dist/, timing child processes
// (wall, CPU, peak memory), medians, and the table of limits that makes `npm run bench` fail.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GNU_TIME = '/usr/bin/time';

export const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};

/** The bundle as `npm run bundle` makes it, built into a temp dir (dist/ is the lead's). */
export function buildDist() {
  const dir = mkdtempSync(join(tmpdir(), 'scg-bench-dist-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts/bundle.mjs'), '--outdir', join(dir, 'dist')], {
    cwd: ROOT,
  });
  return { dir, dist: join(dir, 'dist'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The spread of the samples, for the tables: `min–max`. */
export function spread(values, digits = 0) {
  return `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
}

/**
 * Runs a command under GNU time: wall time (ms, measured here), CPU time (user + system, ms) and
 * peak resident memory (MB) of the child. `expectStatus` guards against timing a failure.
 */
export function timeCommand(command, args, { cwd = ROOT, env = process.env, expectStatus = 0 } = {}) {
  const report = join(tmpdir(), `scg-bench-time-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const started = process.hrtime.bigint();
  const child = spawnSync(GNU_TIME, ['-o', report, '-f', '%U %S %M', command, ...args], {
    cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const lines = readFileSync(report, 'utf8').trim().split('\n');
  rmSync(report, { force: true });
  if (child.status !== expectStatus) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${child.status} (expected ${expectStatus}): ${child.stderr.slice(-2000)}`,
    );
  }
  const [user, system, peakKb] = lines.at(-1).split(' ').map(Number);
  return { wallMs, cpuMs: (user + system) * 1000, peakMb: peakKb / 1024, stdout: child.stdout };
}

export function requireGnuTime() {
  if (!existsSync(GNU_TIME)) {
    console.error('needs GNU time at /usr/bin/time for CPU time and peak memory (apt-get install -y time)');
    process.exit(1);
  }
}

/**
 * Prints each figure against its documented limit (docs/performance.md says why each limit is
 * where it is) and makes the process exit non-zero when one is crossed.
 */
export function checkLimits(title, rows) {
  console.log(`\n${title}: limits\n`);
  console.log('| figure | measured | limit | |');
  console.log('| --- | ---: | ---: | --- |');
  let crossed = 0;
  for (const row of rows) {
    const ok = row.measured <= row.limit;
    if (!ok) crossed += 1;
    const format = row.format ?? ((value) => String(value));
    console.log(
      `| ${row.figure} | ${format(row.measured)} | ≤ ${format(row.limit)} | ${ok ? 'ok' : 'CROSSED'} |`,
    );
  }
  if (crossed > 0) {
    console.error(`${title}: ${crossed} figure(s) crossed their limit`);
    process.exitCode = 1;
  }
}
