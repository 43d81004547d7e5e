/**
 * `supply-chain-gate scans FILE… [--json]`: reads scan reports (and VEX documents) of any supported
 * format and prints the normalized findings after dedupe, the counts by severity, and what was
 * suppressed and why. No policy and no image: the same reading the gate does, to see what it sees.
 */
import { parseArgs } from 'node:util';
import type { CliIo } from '../io.js';
import { ConfigurationError, GateError } from '../../errors.js';
import { bySeverityThenId, countBySeverity, findingKey, mergeFindings } from '../../evidence/findings.js';
import { readScanFile, readVexDocumentFile } from '../../evidence/scan-files.js';
import {
  SEVERITIES,
  type Finding,
  type ScanReport,
  type SuppressedFinding,
  type VexDocument,
} from '../../model/evidence.js';
import { createVexMatcher, vexSuppression } from '../../evidence/vex-match.js';
import { escapeLogLine } from '../../report/escape.js';

export async function scansCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new ConfigurationError('invalid-arguments', `${(error as Error).message}: see --help`);
  }
  const files = parsed.positionals;
  if (files.length === 0) throw new ConfigurationError('invalid-arguments', 'scans needs at least one FILE');

  const scans: ScanReport[] = [];
  const vex: VexDocument[] = [];
  for (const file of files) {
    try {
      scans.push(await readScanFile(file, io.cwd));
    } catch (error) {
      // A VEX document among the files applies to the reports, as `vexctl filter` would.
      if (!(error instanceof GateError) || error.code !== 'not-a-scan-report') throw error;
      vex.push(await readVexDocumentFile(file, io.cwd));
    }
  }
  const result = summarize(scans, vex);
  if (parsed.values.json) await writeJson(io.stdout, result);
  else await writeText(io.stdout, scans, vex, result);
  return 0;
}

interface Summary {
  findings: Finding[];
  counts: Record<string, number>;
  suppressed: SuppressedFinding[];
}

function summarize(scans: ScanReport[], vex: VexDocument[]): Summary {
  const merged = mergeFindings(scans.flatMap((scan) => scan.findings));
  const activeKeys = new Set(merged.map(findingKey));
  const suppressed = scans
    .flatMap((scan) => scan.suppressed ?? [])
    .filter((entry) => !activeKeys.has(findingKey(entry.finding)));
  // Without an image, an image product is this one when a report names its digest.
  const matcher = createVexMatcher(vex, { digests: scans.flatMap((scan) => scan.artifact.digests) });
  const findings: Finding[] = [];
  for (const finding of merged) {
    const byVex = vexSuppression(matcher, finding);
    if (byVex) suppressed.push(byVex);
    else findings.push(finding);
  }
  findings.sort(bySeverityThenId);
  return { findings, counts: countBySeverity(findings), suppressed };
}

/** Written finding by finding, so a report of 250,000 findings never becomes one string. */
async function writeJson(out: NodeJS.WritableStream, summary: Summary): Promise<void> {
  const writer = bufferedWriter(out);
  await writer.write('{"findings":[');
  for (let i = 0; i < summary.findings.length; i++) {
    const full = writer.write(`${i === 0 ? '\n' : ',\n'}${JSON.stringify(summary.findings[i])}`);
    if (full) await full;
  }
  await writer.write(`\n],"counts":${JSON.stringify(summary.counts)},"suppressed":[`);
  for (let i = 0; i < summary.suppressed.length; i++) {
    const full = writer.write(`${i === 0 ? '\n' : ',\n'}${JSON.stringify(summary.suppressed[i])}`);
    if (full) await full;
  }
  await writer.write('\n]}\n');
  await writer.flush();
}

async function writeText(
  out: NodeJS.WritableStream,
  scans: ScanReport[],
  vex: VexDocument[],
  summary: Summary,
): Promise<void> {
  const writer = bufferedWriter(out);
  const line = (text: string) => writer.write(`${escapeLogLine(text)}\n`);
  for (const scan of scans) {
    const scanner = `${scan.scanner.name}${scan.scanner.version ? ` ${scan.scanner.version}` : ''}`;
    const about = scan.artifact.digests.length > 0 ? `, about ${scan.artifact.digests.join(', ')}` : '';
    await line(
      `${scan.source.uri}: ${scan.format} from ${scanner}, ${scan.findings.length} finding(s)${about}`,
    );
  }
  for (const document of vex) {
    await line(`${document.source.uri}: ${document.format}, ${document.statements.length} statement(s)`);
  }
  await line(
    `${summary.findings.length} finding(s) after dedupe: ${SEVERITIES.map((s) => `${summary.counts[s]} ${s}`).join(', ')}; ${summary.suppressed.length} suppressed`,
  );
  for (const finding of summary.findings) {
    const fix = finding.fixedVersion
      ? ` → ${finding.fixedVersion}`
      : finding.fixState === 'unfixed'
        ? ' (no fix)'
        : '';
    const score = finding.cvssScore !== undefined ? ` CVSS ${finding.cvssScore}` : '';
    const from = (finding.sources ?? []).map((source) => source.scanner).join('+');
    await line(
      `${finding.severity.padEnd(8)} ${finding.id} ${finding.packageName} ${finding.installedVersion ?? ''}${fix}${score} [${from}]`,
    );
  }
  for (const entry of summary.suppressed) {
    await line(`suppressed ${entry.finding.id} ${entry.finding.packageName}: ${entry.reason}`);
  }
  await writer.flush();
}

/** Collects small writes into ~64 KiB pieces and waits for the stream to drain between them. */
function bufferedWriter(out: NodeJS.WritableStream) {
  let pending: string[] = [];
  let size = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    size = 0;
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  return {
    /**
     * A promise only when a piece was handed to the stream: awaiting every small write would cost
     * a turn of the event loop's microtask queue per finding.
     */
    write(text: string): Promise<void> | undefined {
      pending.push(text);
      size += text.length;
      return size >= 65_536 ? flush() : undefined;
    },
    flush,
  };
}
