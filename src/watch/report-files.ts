/** Reading the watch reports `status` renders, and writing the files a run produces. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { readRegularFile, type RegularFileRead } from '../adapters/regular-file.js';
import { ConfigurationError } from '../errors.js';
import { escapeLogLine } from '../report/escape.js';
import { parseWatchReport, type WatchReport } from '../report/watch-json.js';

const MAX_REPORT_BYTES = 64 * 1024 * 1024;

export async function readWatchReports(paths: readonly string[], cwd: string): Promise<WatchReport[]> {
  const reports: WatchReport[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const shown = escapeLogLine(path).slice(0, 300);
    const read = await readRegularFile(absolute, MAX_REPORT_BYTES);
    if (!read.ok) throw new ConfigurationError('invalid-watch-report', `${shown}: ${unreadable(read)}`);
    const text = read.bytes.toString('utf8');
    reports.push(parseWatchReport(text, shown));
  }
  return reports;
}

function unreadable(read: Exclude<RegularFileRead, { ok: true }>): string {
  switch (read.problem) {
    case 'missing':
      return 'no such file';
    case 'not-a-file':
      return 'not a regular file';
    case 'too-large':
      return `larger than ${MAX_REPORT_BYTES} bytes, not a watch report`;
    case 'unreadable':
      return `cannot be read (${read.code})`;
  }
}

export async function writeTextFile(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text, 'utf8');
}
