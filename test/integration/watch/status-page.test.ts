/**
 * `status` over the reports of a watch run writes one HTML page; a real headless Chromium
 * (Debian's chromium) opens it from file://, and what it rendered is read back: every image's
 * row, no element made from a report's text, and a screenshot. With SCG_UPDATE_SCREENSHOT=1 the
 * screenshot replaces docs/watch-status.png.
 */
import { execFile } from 'node:child_process';
import { access, copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { renderWatchReport } from '../../../src/report/watch-json.js';
import { watchKeyId } from '../../../src/watch/targets.js';
import type { WatchImageResult } from '../../../src/watch/types.js';
import { runCliCaptured } from '../../support/cli.js';
import { REPO_ROOT } from '../../support/fixtures.js';
import { decision, failOnResult, finding } from '../../unit/report/report-decision.js';

const run = promisify(execFile);
const CHROMIUM = '/usr/bin/chromium';
const HOSTILE = '<img src=x onerror=alert(1)><script>document.title="owned"</script> ##[error]x ::warning::y';

let dir: string;

beforeAll(async () => {
  await access(CHROMIUM).catch(() => {
    throw new Error(`the status page test needs Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  });
  dir = await mkdtemp(join(tmpdir(), 'scg-status-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function result(key: string, overrides: Partial<WatchImageResult>): WatchImageResult {
  return {
    key,
    keyId: watchKeyId(key),
    input: key,
    name: key.replace(/:[^:/]+$/, ''),
    tag: key.slice(key.lastIndexOf(':') + 1),
    digest: `sha256:${watchKeyId(key).repeat(3).slice(0, 64)}`,
    decision: decision({ verdict: 'pass', results: [] }),
    notes: [],
    reportErrors: [],
    ...overrides,
  };
}

async function writeReport(name: string, results: WatchImageResult[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(
    path,
    renderWatchReport(results, {
      checkName: 'supply-chain-gate',
      toolVersion: '0.1.0',
      policy: '.github/supply-chain-gate.yml',
      startedAt: '2026-12-07T06:00:00.000Z',
      finishedAt: '2026-12-07T06:04:00.000Z',
      runUrl: 'https://github.com/acme/shipping/actions/runs/4242',
      errors: [],
    }),
  );
  return path;
}

/** Chromium as the brief for this machine runs it: headless, as root, no network of its own. */
async function chromium(args: string[]): Promise<string> {
  const profile = await mkdtemp(join(dir, 'profile-'));
  const { stdout } = await run(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      ...args,
    ],
    { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
  );
  return stdout;
}

describe('the status page in a real browser', () => {
  let page: string;

  beforeAll(async () => {
    const failing = result('ghcr.io/acme/app:prod', {
      decision: decision({
        results: [
          failOnResult([
            finding(1, { id: 'CVE-2026-24680', packageName: 'openssl', title: HOSTILE }),
            finding(2, { id: 'CVE-2026-11200', packageName: `zlib ${HOSTILE}`, severity: 'high' }),
          ]),
        ],
      }),
      since: '2026-12-02T06:00:00.000Z',
      previousDigest: `sha256:${'9'.repeat(64)}`,
      notes: [`The tag prod now names a new digest. ${HOSTILE}`],
      issue: {
        number: 41,
        url: 'https://github.com/acme/shipping/issues/41',
        state: 'open',
        action: 'commented',
      },
    });
    const undecidable = result('ghcr.io/acme/worker:v1.4', {
      digest: undefined,
      decision: decision({
        verdict: 'error',
        results: [],
        errors: ['the tag v1.4 no longer exists in ghcr.io/acme/worker: it was deleted or retagged'],
      }),
      since: '2026-12-07T06:00:00.000Z',
      issue: {
        number: 43,
        url: 'https://github.com/acme/shipping/issues/43',
        state: 'open',
        action: 'opened',
      },
    });
    const passing = [
      result('ghcr.io/acme/api:prod', {
        since: '2026-11-20T06:00:00.000Z',
        issue: {
          number: 12,
          url: 'https://github.com/acme/shipping/issues/12',
          state: 'closed',
          action: 'unchanged',
        },
      }),
      result('ghcr.io/acme/web:prod', {}),
    ];
    // Two matrix jobs, two reports: status puts them in one table.
    const reports = [
      await writeReport('shard-1.json', [failing, passing[0]!]),
      await writeReport('shard-2.json', [undecidable, passing[1]!]),
    ];
    page = join(dir, 'status.html');
    const cli = await runCliCaptured(
      ['status', ...reports, '--html', page, '--markdown', join(dir, 'status.md')],
      {
        cwd: dir,
        now: () => new Date('2026-12-07T06:05:00.000Z'),
      },
    );
    expect(cli.code).toBe(0);
  });

  it('renders every image as a row, those that cannot be judged or fail first, with the issue linked', async () => {
    const dom = await chromium(['--dump-dom', pathToFileURL(page).href]);
    const rows = [...dom.matchAll(/<tr class="row-(fail|error|pass)">/g)].map((match) => match[1]);
    expect(rows).toEqual(['error', 'fail', 'pass', 'pass']);
    expect(dom).toContain('<a href="https://github.com/acme/shipping/issues/41" rel="noreferrer">#41</a>');
    expect(dom).toContain('CVE-2026-24680 (critical) in openssl');
    expect(dom).toContain('no longer exists');
  });

  it('makes no element, and runs nothing, from a report’s text', async () => {
    const dom = await chromium(['--dump-dom', pathToFileURL(page).href]);
    expect(dom).not.toMatch(/<img|<script/i);
    expect(dom).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // The injected script would have renamed the page.
    expect(dom).toMatch(/<title>supply-chain-gate watch status<\/title>/);
  });

  it('takes a screenshot of the page', async () => {
    const shot = join(dir, 'status.png');
    await chromium([
      `--screenshot=${shot}`,
      '--window-size=1280,720',
      '--hide-scrollbars',
      pathToFileURL(page).href,
    ]);
    const png = await readFile(shot);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect((await stat(shot)).size).toBeGreaterThan(20_000);
    if (process.env.SCG_UPDATE_SCREENSHOT === '1')
      await copyFile(shot, join(REPO_ROOT, 'docs/watch-status.png'));
  });
});
