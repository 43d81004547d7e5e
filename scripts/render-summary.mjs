// Renders the gate's summary the way a reviewer sees it and screenshots it: the demo's markdown
// (from `node dist/cli.js demo`, or a file) → HTML with a GFM renderer and GitHub-like styles →
// a PNG taken by headless Chromium (Debian: `apt-get install -y chromium`).
//
//   node scripts/render-summary.mjs [--markdown FILE] [--cli dist/cli.js] [--out docs/summary.png]
//                                   [--width 1200] [--height 1600]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { marked } from 'marked';

const { values } = parseArgs({
  options: {
    markdown: { type: 'string' },
    cli: { type: 'string', default: 'dist/cli.js' },
    out: { type: 'string', default: 'docs/summary.png' },
    width: { type: 'string', default: '1200' },
    height: { type: 'string', default: '1600' },
  },
});

const markdown = values.markdown
  ? readFileSync(values.markdown, 'utf8')
  : execFileSync(process.execPath, [values.cli, 'demo'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });

// The markdown escapes everything that came from outside, so its HTML is ours: rendering it
// unsanitized shows exactly what GitHub's renderer would.
const body = marked.parse(markdown, { gfm: true, async: false });
const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>supply-chain-gate summary</title>
<style>
  body { margin: 0; background: #ffffff; color: #1f2328;
    font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Noto Color Emoji"; }
  .check { max-width: 1012px; margin: 24px auto; border: 1px solid #d1d9e0; border-radius: 6px; }
  .check header { padding: 12px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0;
    font-weight: 600; }
  .markdown-body { padding: 16px 32px 24px; }
  h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0b3; padding-bottom: .3em; margin: 16px 0; font-weight: 600; }
  h3 { font-size: 1.25em; margin: 24px 0 16px; font-weight: 600; }
  p, ul, table, details { margin: 0 0 16px; }
  code { font: 85% ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
    background: #818b981f; padding: .2em .4em; border-radius: 6px; }
  table { border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; }
  th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
  th { font-weight: 600; }
  tr:nth-child(2n) { background: #f6f8fa; }
  details summary { cursor: pointer; }
  blockquote { margin: 0 0 16px; padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
  hr { border: 0; height: .25em; background: #d1d9e0; margin: 24px 0; }
  ul { padding-left: 2em; }
</style></head>
<body><div class="check"><header>supply-chain-gate — check run summary</header>
<div class="markdown-body">${body}</div></div></body></html>`;

const work = mkdtempSync(join(tmpdir(), 'scg-summary-'));
try {
  const page = join(work, 'summary.html');
  writeFileSync(page, html);
  execFileSync(
    process.env.CHROMIUM ?? 'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
      `--user-data-dir=${join(work, 'profile')}`,
      `--screenshot=${resolve(values.out)}`,
      `--window-size=${values.width},${values.height}`,
      `file://${page}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  console.log(`wrote ${values.out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
