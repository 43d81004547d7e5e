/**
 * `status`: the watch reports of a run (one per matrix job) as one table, for the job summary
 * (markdown) and as a single self-contained HTML page (inline styles only, no script, and a
 * Content-Security-Policy that forbids loading anything, so it works from file:// and on Pages).
 * Pure. Every word from a report is escaped: the reports are artifacts, not trusted input.
 */
import { SEVERITIES } from '../model/evidence.js';
import { escapeCode, escapeHtml, escapeMarkdown } from './escape.js';
import type { WatchReport, WatchReportImage } from './watch-json.js';

export interface StatusOverview {
  images: WatchReportImage[];
  /** Problems of the runs as a whole, per report. */
  errors: string[];
  generatedAt: string;
  runUrl?: string;
  checkName: string;
}

const VERDICT_ORDER: Record<WatchReportImage['verdict'], number> = { error: 0, fail: 1, pass: 2 };
const VERDICT_ICON: Record<WatchReportImage['verdict'], string> = { error: '⚠️', fail: '❌', pass: '✅' };
/** The page's marks are plain text symbols: it loads no font, and emoji fonts are not everywhere. */
const VERDICT_MARK: Record<WatchReportImage['verdict'], string> = { error: '⚠', fail: '✗', pass: '✓' };
const VERDICT_WORD: Record<WatchReportImage['verdict'], string> = {
  error: 'cannot be judged',
  fail: 'fails',
  pass: 'passes',
};

/** One line per image across the reports: where two judged the same image, the later judgment. */
export function combineReports(reports: readonly WatchReport[], generatedAt: string): StatusOverview {
  const byKey = new Map<string, WatchReportImage>();
  for (const report of reports) {
    for (const image of report.images) {
      const known = byKey.get(image.key);
      if (!known || known.evaluatedAt < image.evaluatedAt) byKey.set(image.key, image);
    }
  }
  const images = [...byKey.values()].sort(
    (a, b) =>
      VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const runUrls = [...new Set(reports.map((report) => report.runUrl).filter((url) => url !== undefined))];
  return {
    images,
    errors: reports.flatMap((report) => report.errors),
    generatedAt,
    ...(runUrls.length === 1 ? { runUrl: runUrls[0] } : {}),
    checkName: reports[0]?.checkName ?? 'supply-chain-gate',
  };
}

function tally(images: readonly WatchReportImage[]): string {
  const count = (verdict: WatchReportImage['verdict']) => images.filter((i) => i.verdict === verdict).length;
  return `${images.length} image(s): ${count('fail')} failing, ${count('error')} cannot be judged, ${count('pass')} passing`;
}

/** Only plain https links are followed; anything else in a report is shown as text, or not at all. */
export function safeLink(url: string | undefined): string | undefined {
  return url !== undefined && /^https:\/\/[^\s"'<>()[\]`\\]+$/.test(url) ? url : undefined;
}

function shortDigest(digest: string | undefined): string {
  return digest ? `${digest.slice(0, 19)}…` : '—';
}

function sinceText(image: WatchReportImage): string {
  return image.since ? image.since.slice(0, 10) : '—';
}

function findingText(finding: WatchReportImage['worstFindings'][number]): string {
  return `${finding.id} (${finding.severity}) in ${finding.packageName}${finding.installedVersion ? ` ${finding.installedVersion}` : ''}`;
}

/** What an image's worst problems are, one line each: findings, else failing rules, else errors. */
function worstLines(image: WatchReportImage, limit = 3): string[] {
  if (image.worstFindings.length > 0) return image.worstFindings.slice(0, limit).map(findingText);
  if (image.failing.length > 0) return image.failing.slice(0, limit).map((rule) => rule.title);
  return image.errors.slice(0, limit);
}

export function renderStatusMarkdown(overview: StatusOverview): string {
  const lines = [
    `## ${escapeMarkdown(overview.checkName, 100)} watch: ${tally(overview.images)}`,
    '',
    ...overview.errors.map((error) => `> ⚠️ ${escapeMarkdown(error, 1000)}`),
    ...(overview.errors.length > 0 ? [''] : []),
    '| Image | Digest | Verdict | Since | Worst findings | Issue |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const image of overview.images) {
    const issueUrl = safeLink(image.issue?.url);
    const issue = image.issue
      ? issueUrl
        ? `[#${image.issue.number}](${issueUrl}) ${image.issue.state}`
        : `#${image.issue.number} ${image.issue.state}`
      : '—';
    const worst = worstLines(image)
      .map((line) => escapeMarkdown(line, 160))
      .join('<br>');
    lines.push(
      `| ${escapeCode(image.key, 200)} | ${image.digest ? escapeCode(shortDigest(image.digest)) : '—'} | ${VERDICT_ICON[image.verdict]} ${VERDICT_WORD[image.verdict]} | ${sinceText(image)} | ${worst || '—'} | ${issue} |`,
    );
  }
  lines.push('', `_Generated ${escapeMarkdown(overview.generatedAt)}._`);
  return `${lines.join('\n')}\n`;
}

const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --line: #d1d9e0;
  --fail: #d1242f; --error: #9a6700; --pass: #1a7f37; --chip: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --fg: #f0f6fc; --bg: #0d1117; --muted: #9198a1;
  --line: #3d444d; --fail: #ff7b72; --error: #d29922; --pass: #3fb950; --chip: #151b23; } }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: var(--fg); background: var(--bg); }
h1 { font-size: 20px; margin: 0 0 4px; }
p.meta { color: var(--muted); margin: 0 0 16px; }
.tally { display: flex; gap: 12px; margin: 0 0 16px; flex-wrap: wrap; }
.tally span { padding: 4px 10px; border: 1px solid var(--line); border-radius: 999px; background: var(--chip); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 8px 10px; border-bottom: 1px solid var(--line); }
td:first-child { min-width: 240px; }
th { font-weight: 600; color: var(--muted); }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; overflow-wrap: anywhere; }
.verdict, .since, .digest { white-space: nowrap; }
.verdict { font-weight: 600; }
.v-fail { color: var(--fail); } .v-error { color: var(--error); } .v-pass { color: var(--pass); }
tr.row-fail td:first-child { box-shadow: inset 3px 0 var(--fail); }
tr.row-error td:first-child { box-shadow: inset 3px 0 var(--error); }
small { color: var(--muted); }
ul { margin: 0; padding-left: 18px; }
.errors { border-left: 4px solid var(--error); padding: 8px 12px; background: var(--chip); margin: 0 0 16px; }
details summary { cursor: pointer; color: var(--muted); }
a { color: inherit; }
`;

export function renderStatusHtml(overview: StatusOverview): string {
  const rows = overview.images.map((image) => {
    const issueUrl = safeLink(image.issue?.url);
    const issue = image.issue
      ? issueUrl
        ? `<a href="${escapeHtml(issueUrl)}" rel="noreferrer">#${image.issue.number}</a> ${image.issue.state}`
        : `#${image.issue.number} ${image.issue.state}`
      : '—';
    const worst = worstLines(image, 5);
    const details = [
      ...image.notes,
      ...image.reportErrors,
      ...(image.worstFindings.length > 0 ? image.errors : []),
    ];
    const counts = SEVERITIES.filter((s) => (image.findingCounts[s] ?? 0) > 0)
      .map((s) => `${image.findingCounts[s]} ${s}`)
      .join(', ');
    return `<tr class="row-${image.verdict}">
<td><code>${escapeHtml(image.key, 400)}</code>${image.previousDigest ? `<br><small>digest changed from <code>${escapeHtml(shortDigest(image.previousDigest))}</code></small>` : ''}</td>
<td class="digest">${image.digest ? `<code title="${escapeHtml(image.digest)}">${escapeHtml(shortDigest(image.digest))}</code>` : '—'}</td>
<td class="verdict v-${image.verdict}">${VERDICT_MARK[image.verdict]} ${VERDICT_WORD[image.verdict]}</td>
<td class="since">${escapeHtml(sinceText(image))}</td>
<td>${worst.length > 0 ? `<ul>${worst.map((line) => `<li>${escapeHtml(line, 300)}</li>`).join('')}</ul>` : '—'}${counts ? `<small>${escapeHtml(counts)}</small>` : ''}${details.length > 0 ? `<details><summary>notes</summary><ul>${details.map((line) => `<li>${escapeHtml(line, 1000)}</li>`).join('')}</ul></details>` : ''}</td>
<td>${issue}</td>
</tr>`;
  });
  const count = (verdict: WatchReportImage['verdict']) =>
    overview.images.filter((i) => i.verdict === verdict).length;
  const runLink = safeLink(overview.runUrl);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(overview.checkName, 100)} watch status</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(overview.checkName, 100)}: what is shipped, judged again</h1>
<p class="meta">Generated ${escapeHtml(overview.generatedAt)}${runLink ? ` by <a href="${escapeHtml(runLink)}" rel="noreferrer">this workflow run</a>` : ''}.</p>
<div class="tally"><span class="v-fail">${VERDICT_MARK.fail} ${count('fail')} failing</span><span class="v-error">${VERDICT_MARK.error} ${count('error')} cannot be judged</span><span class="v-pass">${VERDICT_MARK.pass} ${count('pass')} passing</span></div>
${overview.errors.length > 0 ? `<div class="errors"><ul>${overview.errors.map((error) => `<li>${escapeHtml(error, 1000)}</li>`).join('')}</ul></div>` : ''}
<table>
<thead><tr><th>Image</th><th>Digest</th><th>Verdict</th><th>Since</th><th>Worst findings</th><th>Issue</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</body>
</html>
`;
}
