// Time and peak memory of reading and judging a generated 50 MB SPDX 2.3 SBOM (packages with
// licenses and package URLs, plus the files and relationships arrays Syft writes) with
// `supply-chain-gate check --sbom FILE` and a policy with sbom.required, sbom.licenses and
// sbom.deny-packages, against a Node script that JSON.parses the whole file and judges the same
// licenses and packages naively, in the same run. Results go in docs/performance.md (## SBOMs).
// Usage: node bench/sbom.mjs [--mb N] [--rounds N]   (needs /usr/bin/time)
import {
  cpSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
  openSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ROOT,
  buildDist,
  checkLimits,
  median,
  option,
  requireGnuTime,
  spread,
  timeCommand,
} from './support/measure.mjs';

const TARGET_MB = option('--mb', 50);
const ROUNDS = option('--rounds', 3);
/**
 * Limits: peak memory within 1.25× JSON.parse's at 50 MB (the gate loads its whole CLI and keeps
 * every package, but never the document: JSON.parse's figure grows with the file, the gate's with
 * the packages), and time within 2.5× of JSON.parse, which only parses and
 * counts (the gate also validates every package, canonicalizes purls, judges SPDX expressions
 * with spdx-satisfies and writes its reports).
 */
const LIMITS = { memoryVsJsonParse: 1.25, timeVsJsonParse: 2.5 };
const LICENSES = [
  'MIT',
  'Apache-2.0',
  'BSD-3-Clause',
  'ISC',
  'MIT OR Apache-2.0',
  'GPL-2.0-only',
  'NOASSERTION',
  'LGPL-2.1-or-later',
];
const TYPES = ['npm', 'pypi', 'golang', 'deb', 'maven'];

const PARSE_ONLY = `
import { readFileSync } from 'node:fs';
const document = JSON.parse(readFileSync(process.argv[2], 'utf8'));
console.log(document.packages.length);
`;

const BASELINE = `
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(join(ROOT, 'package.json'))});
const satisfies = require('spdx-satisfies');
const document = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const allow = ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'ISC'];
let denied = 0, unknown = 0, hits = 0;
for (const p of document.packages) {
  const license = p.licenseConcluded;
  if (!license || license === 'NOASSERTION') unknown++;
  else { try { if (!satisfies(license, allow)) denied++; } catch { unknown++; } }
  const purl = (p.externalRefs || []).find((r) => r.referenceType === 'purl');
  if (purl && (purl.referenceLocator === 'pkg:npm/event-stream@3.3.6' || purl.referenceLocator.startsWith('pkg:deb/debian/xz-utils@5.6.'))) hits++;
}
console.log(JSON.stringify({ packages: document.packages.length, denied, unknown, hits }));
`;

requireGnuTime();
const work = mkdtempSync(join(tmpdir(), 'scg-bench-sbom-'));
const built = buildDist();
try {
  const sbomPath = join(work, 'sbom.spdx.json');
  const packages = writeSpdx(sbomPath, TARGET_MB * 1e6);
  const bytes = statSync(sbomPath).size;
  console.log(`SBOM: ${packages} packages, ${(bytes / 1e6).toFixed(1)} MB`);
  cpSync(join(ROOT, 'examples/demo/app-oci'), join(work, 'app-oci'), { recursive: true });
  writeFileSync(
    join(work, 'policy.yml'),
    [
      'version: 1',
      'vulnerabilities: { require-scan: false }',
      'image: { non-root: false }',
      'sbom:',
      '  required: true',
      '  licenses: { allow: [MIT, Apache-2.0, BSD-3-Clause, ISC], unknown: warn }',
      '  deny-packages: ["pkg:npm/event-stream@3.3.6", "pkg:deb/debian/xz-utils@5.6.*"]',
      '',
    ].join('\n'),
  );
  writeFileSync(join(work, 'baseline.mjs'), BASELINE);
  writeFileSync(join(work, 'parse-only.mjs'), PARSE_ONLY);

  const ours = [];
  const baseline = [];
  const parseOnly = [];
  for (let round = 0; round < ROUNDS; round++) {
    ours.push(
      timeCommand(
        process.execPath,
        [
          join(built.dist, 'cli.js'),
          'check',
          '--image',
          'oci:app-oci:1.0',
          '--policy',
          'policy.yml',
          '--sbom',
          'sbom.spdx.json',
          '--json',
          'report.json',
          '-q',
        ],
        { cwd: work, expectStatus: 1 },
      ),
    );
    baseline.push(timeCommand(process.execPath, ['baseline.mjs', sbomPath], { cwd: work }));
    parseOnly.push(timeCommand(process.execPath, ['parse-only.mjs', sbomPath], { cwd: work }));
  }
  const row = (name, runs) => ({
    name,
    wall: median(runs.map((r) => r.wallMs)),
    peak: median(runs.map((r) => r.peakMb)),
    spreadWall: spread(
      runs.map((r) => r.wallMs / 1000),
      2,
    ),
  });
  const a = row('supply-chain-gate check --sbom (read and judge)', ours);
  const b = row('JSON.parse in Node (parse, count packages)', parseOnly);
  const c = row('JSON.parse in Node, then spdx-satisfies per package', baseline);
  console.log(
    `\nMeasured ${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ${ROUNDS} rounds (medians):\n`,
  );
  console.log('| reader | wall time | spread | peak RSS | time vs JSON.parse | memory vs JSON.parse |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of [a, b, c]) {
    console.log(
      `| ${r.name} | ${(r.wall / 1000).toFixed(2)} s | ${r.spreadWall} s | ${r.peak.toFixed(0)} MB | ${(r.wall / b.wall).toFixed(2)}× | ${(r.peak / b.peak).toFixed(2)}× |`,
    );
  }
  checkLimits('bench/sbom', [
    {
      figure: 'peak RSS / JSON.parse',
      measured: a.peak / b.peak,
      limit: LIMITS.memoryVsJsonParse,
      format: (v) => `${v.toFixed(2)}×`,
    },
    {
      figure: 'time / JSON.parse baseline',
      measured: a.wall / b.wall,
      limit: LIMITS.timeVsJsonParse,
      format: (v) => `${v.toFixed(2)}×`,
    },
  ]);
} finally {
  built.remove();
  rmSync(work, { recursive: true, force: true });
}

/** Writes an SPDX 2.3 document of about `targetBytes`, shaped like Syft's: packages, files, relationships. */
function writeSpdx(path, targetBytes) {
  const fd = openSync(path, 'w');
  let written = 0;
  const write = (text) => {
    writeSync(fd, text);
    written += Buffer.byteLength(text);
  };
  write(
    `{"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT","name":"bench","documentNamespace":"https://example.test/bench","creationInfo":{"created":"2026-12-01T00:00:00Z","creators":["Tool: bench"]},"packages":[`,
  );
  let count = 0;
  // Packages take about 60% of the document, files and relationships the rest (as in Syft's output).
  while (written < targetBytes * 0.6) {
    const type = TYPES[count % TYPES.length];
    const name = `package-${count}`;
    const version = `${count % 17}.${count % 5}.${count % 3}`;
    const license = LICENSES[count % LICENSES.length];
    const namespace = type === 'deb' ? 'debian/' : type === 'maven' ? 'org.example/' : '';
    write(
      `${count === 0 ? '' : ','}{"name":"${name}","SPDXID":"SPDXRef-Package-${count}","versionInfo":"${version}","supplier":"NOASSERTION","downloadLocation":"NOASSERTION","filesAnalyzed":false,"licenseConcluded":"${license}","licenseDeclared":"${license}","copyrightText":"NOASSERTION","externalRefs":[{"referenceCategory":"SECURITY","referenceType":"cpe23Type","referenceLocator":"cpe:2.3:a:${name}:${name}:${version}:*:*:*:*:*:*:*"},{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":"pkg:${type}/${namespace}${name}@${version}"}]}`,
    );
    count++;
  }
  write('],"files":[');
  let file = 0;
  while (written < targetBytes * 0.8) {
    write(
      `${file === 0 ? '' : ','}{"fileName":"/usr/lib/pkg/file-${file}.so","SPDXID":"SPDXRef-File-${file}","checksums":[{"algorithm":"SHA256","checksumValue":"${'0'.repeat(64)}"}],"licenseConcluded":"NOASSERTION","copyrightText":""}`,
    );
    file++;
  }
  write('],"relationships":[');
  let relation = 0;
  while (written < targetBytes) {
    write(
      `${relation === 0 ? '' : ','}{"spdxElementId":"SPDXRef-Package-${relation % count}","relatedSpdxElement":"SPDXRef-File-${relation % file}","relationshipType":"CONTAINS"}`,
    );
    relation++;
  }
  write(']}');
  closeSync(fd);
  return count;
}
