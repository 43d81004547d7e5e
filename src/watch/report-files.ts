/** Reading the watch reports `status` renders, and writing the files a run produces. */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { readRegularFile, type RegularFileRead } from '../adapters/files/regular-file.js';
import { ConfigurationError } from '../errors.js';
import { escapeLogLine } from '../report/escape.js';
import { parseWatchReport, type WatchReport } from '../report/watch-json.js';

const MAX_REPORT_BYTES = 64 * 1024 * 1024;

/**
 * The reports at `paths`; a directory stands for every `.json` file in it (what
 * actions/download-artifact leaves), sorted by name.
 */
export async function readWatchReports(paths: readonly string[], cwd: string): Promise<WatchReport[]> {
  const files: Array<{ absolute: string; shown: string }> = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const shown = escapeLogLine(path).slice(0, 300);
    const entries = await readdir(absolute, { withFileTypes: true }).catch(() => undefined);
    if (entries === undefined) {
      files.push({ absolute, shown });
      continue;
    }
    const reports = entries
      .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
      .map((e) => e.name);
    if (reports.length === 0) {
      throw new ConfigurationError(
        'invalid-watch-report',
        `${shown}: a directory with no .json report in it`,
      );
    }
    for (const name of reports.sort()) {
      files.push({ absolute: join(absolute, name), shown: `${shown}/${escapeLogLine(name).slice(0, 200)}` });
    }
  }
  const reports: WatchReport[] = [];
  for (const { absolute, shown } of files) {
    const read = await readRegularFile(absolute, MAX_REPORT_BYTES);
    if (!read.ok) throw new ConfigurationError('invalid-watch-report', `${shown}: ${unreadable(read)}`);
    reports.push(parseWatchReport(read.bytes.toString('utf8'), shown));
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
