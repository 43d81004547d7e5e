/**
 * The bad input corpus, run through the CLI in-process so what is tested is what a user sees:
 * malformed and hostile policy files, scan reports, sigstore bundles, image configs and OCI
 * layouts. Each one the gate cannot use ends in exit 2 with one `error:` line that names the file
 * and the problem, no stack trace, within a time limit and, for the big ones, a bound on memory
 * growth. Hostile content that is still valid is judged like any other (exit 1 or 0) and its text
 * is escaped wherever it shows. Small files live beside this test; big ones are generated here.
 */
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, open, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, fixturePath } from '../support/fixtures.js';
import { runCliCaptured, type CliRun } from '../support/cli.js';
import { readRunnerLog } from '../support/actions/runner-log.js';

const CORPUS = join(REPO_ROOT, 'test/corpus');
const NO_STACK = /^\s+at .+:\d+:\d+\)?$/m;
/** A policy every well-formed input passes: the scan is read, nothing in the demo's fails it. */
const LENIENT_POLICY = 'version: 1\nimage:\n  non-root: false\nvulnerabilities:\n  fail-on: []\n';
const MiB = 1024 * 1024;

/** Read as the Actions runner reads a step's output, neither stream runs or resembles a command. */
function expectInertLog(run: CliRun): void {
  for (const stream of [run.stdout, run.stderr]) {
    const log = readRunnerLog(stream);
    expect(log.commands).toEqual([]);
    expect(log.lookalikes).toEqual([]);
  }
}

type Expectation =
  | {
      exit: 2;
      error: RegExp;
      /** `error:` lines: a misconfigured policy shows every mistake. */ problems?: number;
    }
  | { exit: 0 | 1; check?: (run: CliRun, workspace: string) => Promise<void> | void };

interface HostileCase {
  name: string;
  /** Writes what the case needs into the workspace; returns the CLI's arguments. */
  prepare(workspace: string): Promise<string[]>;
  expect: Expectation;
  /** Growth of the resident set the run may cause, for the inputs that are big. */
  maxRssGrowthMiB?: number;
  timeoutMs?: number;
}

const check = (...extra: string[]) => [
  'check',
  '--image',
  'oci:app-oci:1.0',
  '--policy',
  'lenient.yml',
  ...extra,
];
const corpusFile = async (workspace: string, relative: string) => {
  const target = join(workspace, relative);
  await mkdir(join(target, '..'), { recursive: true });
  await cp(join(CORPUS, relative), target);
  return relative;
};

// ---------------------------------------------------------------------------------------------
// Policies

const policyCases: HostileCase[] = [
  ...(
    [
      ['alias-bomb.yml', /^policies\/alias-bomb\.yml:1:1: invalid YAML: Excessive alias count/],
      ['merge-key-bomb.yml', /^policies\/merge-key-bomb\.yml:1:1: invalid YAML: Excessive alias count/],
      ['duplicate-keys.yml', /^policies\/duplicate-keys\.yml:4:1: invalid YAML: Map keys must be unique/],
      [
        'wrong-types.yml',
        /^policies\/wrong-types\.yml:4:3: vulnerabilities\.require-scan: expected boolean, received string$/,
        5,
      ],
      ['not-a-mapping.yml', /^policies\/not-a-mapping\.yml:1:1: expected object, received array$/],
      ['tabs.yml', /^policies\/tabs\.yml:3:1: invalid YAML: Tabs are not allowed as indentation/],
      ['custom-tags.yml', /^policies\/custom-tags\.yml:3:\d+: vulnerabilities\.fail-on: expected array/],
      [
        'two-documents.yml',
        /^policies\/two-documents\.yml:2:1: invalid YAML: Source contains multiple documents/,
      ],
      [
        'unknown-keys.yml',
        /^policies\/unknown-keys\.yml:2:1: unknown key "vulnerabilites"; did you mean "vulnerabilities"\?/,
      ],
      [
        'wrong-version.yml',
        /^policies\/wrong-version\.yml:1:1: version: expected "version: 1" at the top of the file$/,
      ],
      [
        'impossible-date.yml',
        /^policies\/impossible-date\.yml:6:7: vulnerabilities\.allow\.0\.expires: expected a real calendar date written YYYY-MM-DD$/,
      ],
      ['cel-deep.yml', /^policies\/cel-deep\.yml:5:5: rules\.0\.expression: /, 3],
      ['cel-wrong.yml', /^policies\/cel-wrong\.yml:5:5: rules\.0\.expression: /, 3],
      ['regex-bad.yml', /^policies\/regex-bad\.yml:5:7: signatures\.identities\.0\.subject-regexp: /],
    ] as Array<[string, RegExp, number?]>
  ).map(([file, error, problems]): HostileCase => ({
    name: `policy ${file}`,
    prepare: async (workspace) => check('--policy', await corpusFile(workspace, `policies/${file}`)),
    expect: { exit: 2, error, problems },
  })),
  {
    name: 'policy nested 100,000 levels deep in flow style',
    prepare: async (workspace) => {
      await writeFile(
        join(workspace, 'deep-flow.yml'),
        `version: 1\nx: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
      );
      return check('--policy', 'deep-flow.yml');
    },
    expect: { exit: 2, error: /^deep-flow\.yml:\d+:\d+: nesting deeper than 64 levels is not a policy$/ },
  },
  {
    name: 'policy nested 200 levels deep in block style',
    prepare: async (workspace) => {
      const lines = Array.from({ length: 200 }, (_, depth) => `${'  '.repeat(depth)}k${depth}:`);
      await writeFile(join(workspace, 'deep-block.yml'), `version: 1\n${lines.join('\n')} end\n`);
      return check('--policy', 'deep-block.yml');
    },
    expect: { exit: 2, error: /^deep-block\.yml:\d+:\d+: nesting deeper than 64 levels is not a policy$/ },
  },
  {
    name: 'policy with a 900 KB string',
    prepare: async (workspace) => {
      await writeFile(
        join(workspace, 'huge-string.yml'),
        `${LENIENT_POLICY}  allow:\n    - id: CVE-2019-14697\n      reason: ${'x'.repeat(900_000)}\n      expires: 2027-01-01\n`,
      );
      return check('--policy', 'huge-string.yml', '--scan', 'trivy.json');
    },
    // Allowed: the reason is the policy author's. The summary still keeps to GitHub's size limit.
    expect: { exit: 0, check: (run) => expect(Buffer.byteLength(run.stdout)).toBeLessThan(65_536) },
  },
  {
    name: 'policy over the 1 MiB limit',
    prepare: async (workspace) => {
      await writeFile(join(workspace, 'oversized.yml'), `version: 1\n# ${'x'.repeat(2 * MiB)}\n`);
      return check('--policy', 'oversized.yml');
    },
    expect: { exit: 2, error: /^oversized\.yml: policy file is 2097166 bytes; the limit is 1048576$/ },
  },
  {
    name: 'policy that is not UTF-8 text',
    prepare: async (workspace) => {
      await writeFile(
        join(workspace, 'binary.yml'),
        Buffer.from([0x76, 0x65, 0x72, 0x00, 0xff, 0xfe, 0x3a, 0x0a]),
      );
      return check('--policy', 'binary.yml');
    },
    expect: {
      exit: 2,
      error: /^binary\.yml:1:1: version: expected "version: 1" at the top of the file/,
      problems: 2,
    },
  },
  {
    name: 'policy that is a directory',
    prepare: async (workspace) => {
      await mkdir(join(workspace, 'policy-dir.yml'));
      return check('--policy', 'policy-dir.yml');
    },
    expect: { exit: 2, error: /^policy-dir\.yml: policy file is not a regular file/ },
  },
  {
    name: 'policy that is an endless device',
    prepare: async () => check('--policy', '/dev/zero'),
    expect: { exit: 2, error: /^\/dev\/zero: policy file is not a regular file/ },
  },
];

// ---------------------------------------------------------------------------------------------
// Scan reports

const scanCases: HostileCase[] = [
  ...(
    [
      ['truncated.json', /^scans\/truncated\.json:\d+:\d+: .*(end|truncated|unexpected)/i],
      [
        'results-not-a-list.json',
        /^scans\/results-not-a-list\.json: not a valid Trivy JSON report: at \$\.Results: expected array, received string$/,
      ],
      ['finding-wrong-types.json', /^scans\/finding-wrong-types\.json:\d+:\d+: .*Severity/],
      ['raw-control-character.json', /^scans\/raw-control-character\.json:\d+:\d+: .*control character/i],
      ['not-json.json', /^scans\/not-json\.json:1:1: /],
      ['empty.json', /^scans\/empty\.json:1:1: /],
      ['null.json', /^scans\/null\.json: expected a JSON object \(.*\), found null$/],
      [
        'array.json',
        /^scans\/array\.json: a JSON array of 1 element that is no format the gate reads; expected .*$/,
      ],
      ['unknown-format.json', /^scans\/unknown-format\.json: unrecognized scan report/],
      ['openvex-as-scan.json', /^scans\/openvex-as-scan\.json: a VEX document, not a scan report/],
      [
        'duplicate-results.json',
        /^scans\/duplicate-results\.json:\d+:3: invalid JSON: the same key twice in one object$/,
      ],
      ['number-overflow.json', /^scans\/number-overflow\.json:\d+:\d+: .*(V3Score|number)/],
    ] as const
  ).map(([file, error]): HostileCase => ({
    name: `scan ${file}`,
    prepare: async (workspace) => check('--scan', await corpusFile(workspace, `scans/${file}`)),
    expect: { exit: 2, error },
  })),
  {
    name: 'scan with hostile text in titles, descriptions and targets: judged, and escaped everywhere',
    prepare: async (workspace) => {
      await writeFile(
        join(workspace, 'strict.yml'),
        'version: 1\nimage:\n  non-root: false\nvulnerabilities:\n  fail-on: [critical]\n',
      );
      const scan = await corpusFile(workspace, 'scans/hostile-text.json');
      return [
        'check',
        '--image',
        'oci:app-oci:1.0',
        '--policy',
        'strict.yml',
        '--scan',
        scan,
        '--markdown',
        'out.md',
      ];
    },
    expect: {
      exit: 1,
      check: async (run, workspace) => {
        const markdown = await readFile(join(workspace, 'out.md'), 'utf8');
        expectInertLog(run);
        for (const text of [run.stdout, run.stderr, markdown]) {
          expect(text).not.toMatch(/^\s*(::|##\[)/m);
          // eslint-disable-next-line no-control-regex
          expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e]/);
        }
        expect(markdown).not.toMatch(/(^|[^\\])<img|@acme/m);
        expect(markdown).toContain('\\<img src=x onerror=alert(1)\\> \\| @\u2060acme/security-team');
      },
    },
  },
  {
    name: 'scan with legacy ##[commands] anywhere in targets, titles, package names and versions: inert',
    prepare: async (workspace) => {
      await writeFile(
        join(workspace, 'strict.yml'),
        'version: 1\nimage:\n  non-root: false\nvulnerabilities:\n  fail-on: [critical, high, medium]\n',
      );
      const scan = await corpusFile(workspace, 'scans/legacy-commands.json');
      return ['check', '--image', 'oci:app-oci:1.0', '--policy', 'strict.yml', '--scan', scan];
    },
    expect: {
      exit: 1,
      check: (run) => {
        expectInertLog(run);
        // Still shown, only defused: the reader sees what the scanner said.
        expect(run.stdout).toMatch(/musl.*stop-commands.*pwned/);
      },
    },
  },
  ...(['', '--json'] as const).map((format): HostileCase => ({
    name: `scans ${format || 'text'} listing of legacy ##[commands]: inert`,
    prepare: async (workspace) => [
      'scans',
      await corpusFile(workspace, 'scans/legacy-commands.json'),
      ...(format ? [format] : []),
    ],
    expect: {
      exit: 0,
      check: (run) => {
        expectInertLog(run);
        if (format) {
          const listed = JSON.parse(run.stdout) as { findings: Array<{ packageName: string }> };
          expect(listed.findings.map((f) => f.packageName)).toContain('musl##[stop-commands]pwned');
        }
      },
    },
  })),
  {
    name: 'SARIF whose locations climb out of the repository: no annotation or SARIF result points outside it',
    prepare: async (workspace) => {
      await writeFile(
        join(workspace, 'strict.yml'),
        'version: 1\nimage:\n  non-root: false\nvulnerabilities:\n  fail-on: [critical]\n',
      );
      const scan = await corpusFile(workspace, 'scans/path-traversal.sarif.json');
      return [
        'check',
        '--image',
        'oci:app-oci:1.0',
        '--policy',
        'strict.yml',
        '--scan',
        scan,
        '--sarif',
        'out.sarif',
        '--json',
        'out.json',
      ];
    },
    expect: {
      exit: 1,
      check: async (_run, workspace) => {
        const sarif = JSON.parse(await readFile(join(workspace, 'out.sarif'), 'utf8')) as {
          runs: Array<{
            results: Array<{
              locations?: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
            }>;
          }>;
        };
        const uris = sarif.runs.flatMap((run) =>
          run.results.flatMap((result) =>
            (result.locations ?? []).map((l) => l.physicalLocation.artifactLocation.uri),
          ),
        );
        for (const uri of uris) {
          expect(uri).not.toMatch(/\.\.|^\/|^[a-z]+:|%2F|\\/i);
        }
      },
    },
  },
  {
    name: 'scan nested a million arrays deep',
    prepare: async (workspace) => {
      await writeFile(
        join(workspace, 'deep.json'),
        `{"Results": ${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`,
      );
      return check('--scan', 'deep.json');
    },
    expect: { exit: 2, error: /^deep\.json:1:\d+: .*(deep|nesting)/i },
    maxRssGrowthMiB: 200,
  },
  {
    name: 'scan with a 50 MB title',
    prepare: async (workspace) => {
      const report = JSON.parse(await readFile(join(REPO_ROOT, 'examples/demo/trivy.json'), 'utf8'));
      report.Results[0].Vulnerabilities[0].Title = 'A'.repeat(50_000_000);
      await writeFile(join(workspace, 'long-title.json'), JSON.stringify(report));
      return check('--scan', 'long-title.json', '--json', 'long-title-report.json');
    },
    expect: { exit: 2, error: /^long-title\.json:1:\d+: invalid JSON: string longer than 16777216 bytes$/ },
    maxRssGrowthMiB: 300,
  },
  {
    name: 'scan with a million results',
    prepare: async (workspace) => {
      await writeTrivyReport(join(workspace, 'million.json'), 1_000_000);
      return check('--scan', 'million.json');
    },
    expect: {
      exit: 0,
      check: (run) => expect(run.stdout).toContain('1000000 finding(s) — 250000 critical, 250000 high'),
    },
    maxRssGrowthMiB: 1200,
    timeoutMs: 90_000,
  },
  {
    name: 'scan that is an endless device',
    prepare: async () => check('--scan', '/dev/zero'),
    expect: { exit: 2, error: /^\/dev\/zero: scan report is not a regular file$/ },
  },
  {
    name: 'scan that is a named pipe nobody writes to',
    prepare: async (workspace) => {
      await promisify(execFile)('mkfifo', [join(workspace, 'pipe.json')]);
      return check('--scan', 'pipe.json');
    },
    expect: { exit: 2, error: /^pipe\.json: scan report is not a regular file$/ },
  },
];

/** A Trivy report of `count` distinct findings, written in pieces so the test never holds it whole. */
async function writeTrivyReport(path: string, count: number): Promise<void> {
  const digest = 'sha256:b147d176511eebef0f8e759505db656520af794ebaccdc4a741974ce60e23ca2';
  const file = await open(path, 'w');
  try {
    await file.write(
      `{"SchemaVersion":2,"ArtifactName":"demo-app@${digest}","ArtifactType":"container_image","Metadata":{"RepoDigests":["demo-app@${digest}"]},"Results":[{"Target":"demo","Class":"os-pkgs","Type":"alpine","Vulnerabilities":[`,
    );
    const batch = 10_000;
    for (let start = 0; start < count; start += batch) {
      const entries: string[] = [];
      for (let i = start; i < Math.min(start + batch, count); i++) {
        entries.push(
          `{"VulnerabilityID":"CVE-2099-${String(i).padStart(7, '0')}","PkgName":"pkg${i % 5000}","InstalledVersion":"1.${i % 97}","Severity":"${['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'][i % 4]}"}`,
        );
      }
      await file.write(`${start === 0 ? '' : ','}${entries.join(',')}`);
    }
    await file.write(']}]}');
  } finally {
    await file.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Sigstore bundles

/** Every field of a real bundle, removed and replaced by a value of the wrong type, one at a time. */
function bundleMutants(bundle: Record<string, unknown>): Array<{ name: string; value: unknown }> {
  const mutants: Array<{ name: string; value: unknown }> = [];
  const walk = (node: unknown, path: Array<string | number>) => {
    if (path.length > 0) {
      const where = path.join('.');
      mutants.push({ name: `without ${where}`, value: mutate(bundle, path, undefined) });
      mutants.push({ name: `${where} of the wrong type`, value: mutate(bundle, path, wrongType(node)) });
    }
    if (Array.isArray(node)) node.slice(0, 1).forEach((item, index) => walk(item, [...path, index]));
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) walk(value, [...path, key]);
    }
  };
  walk(bundle, []);
  return mutants;
}

function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number' || typeof value === 'boolean') return 'not a number';
  if (Array.isArray(value)) return { not: 'a list' };
  return ['not', 'an', 'object'];
}

function mutate(root: unknown, path: Array<string | number>, replacement: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (replacement === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else {
    node[last] = replacement;
  }
  return copy;
}

const REAL_BUNDLE = 'third-party/gh-cli-attestation/sigstore-js-2.1.0-bundle.json';
// ---------------------------------------------------------------------------------------------
// SBOMs

const sbomCases: HostileCase[] = [
  {
    name: 'sbom cut off inside a package name',
    prepare: async (workspace) => {
      await writeFile(
        join(workspace, 'cut.spdx.json'),
        '{"spdxVersion": "SPDX-2.3", "packages": [{"name": "\u001b]0;evil',
      );
      return check('--sbom', 'cut.spdx.json');
    },
    expect: { exit: 2, error: /^cut\.spdx\.json:1:\d+: invalid JSON: / },
  },
  {
    name: 'sbom package without a name',
    prepare: async (workspace) => {
      await writeFile(
        join(workspace, 'nameless.cdx.json'),
        '{"bomFormat": "CycloneDX", "specVersion": "1.5",\n "components": [{"version": "1"}]}',
      );
      return check('--sbom', 'nameless.cdx.json');
    },
    expect: { exit: 2, error: /^nameless\.cdx\.json:2:17: CycloneDX components\[0\] has no "name"/ },
  },
  {
    name: 'sbom that is a scan report',
    prepare: async (workspace) => {
      await writeFile(join(workspace, 'trivy-as-sbom.json'), '{"SchemaVersion": 2, "Results": []}');
      return check('--sbom', 'trivy-as-sbom.json');
    },
    expect: { exit: 2, error: /: not an SPDX 2\.2\/2\.3 or CycloneDX 1\.4–1\.6 JSON SBOM/ },
  },
];

const bundleCases: HostileCase[] = [
  ...(
    [
      [
        'wrong-media-type.json',
        /^bundles\/wrong-media-type\.json: not a sigstore bundle: unsupported bundle media type/,
      ],
      ['not-base64.json', /^bundles\/not-base64\.json: not a sigstore bundle: invalid bundle: .*base64/],
      [
        'negative-log-index.json',
        /^bundles\/negative-log-index\.json: not a sigstore bundle: invalid bundle: .*logIndex/,
      ],
    ] as const
  ).map(([file, error]): HostileCase => ({
    name: `bundle ${file}`,
    prepare: async (workspace) => check('--bundle', await corpusFile(workspace, `bundles/${file}`)),
    expect: { exit: 2, error },
  })),
  {
    name: 'bundle over the 16 MiB limit',
    prepare: async (workspace) => {
      await writeFile(join(workspace, 'huge.sigstore.json'), `{"mediaType": "${'x'.repeat(17 * MiB)}"}`);
      return check('--bundle', 'huge.sigstore.json');
    },
    expect: { exit: 2, error: /^huge\.sigstore\.json: bundle file is \d+ bytes; the limit is 16 MiB$/ },
  },
  {
    name: 'bundle JSON Lines with one line that is not a bundle',
    prepare: async (workspace) => {
      const real = JSON.stringify(JSON.parse(await readFile(fixturePath(REAL_BUNDLE), 'utf8')));
      await writeFile(join(workspace, 'lines.jsonl'), `${real}\n{"mediaType": 7}\n`);
      return check('--bundle', 'lines.jsonl');
    },
    expect: { exit: 2, error: /^lines\.jsonl:2: not a sigstore bundle: unsupported bundle media type 7/ },
  },
];

// ---------------------------------------------------------------------------------------------
// Image configs and OCI layouts, written by hand so every byte is the test's choice

interface LayoutParts {
  config?: unknown;
  configBytes?: Buffer;
}

/** An OCI layout holding one image tagged `x`; returns the blob paths for cases to tamper with. */
async function writeLayout(dir: string, parts: LayoutParts = {}) {
  await mkdir(join(dir, 'blobs/sha256'), { recursive: true });
  const put = async (bytes: Buffer) => {
    const hex = createHash('sha256').update(bytes).digest('hex');
    await writeFile(join(dir, 'blobs/sha256', hex), bytes);
    return { digest: `sha256:${hex}`, size: bytes.length, path: join(dir, 'blobs/sha256', hex) };
  };
  const configBytes =
    parts.configBytes ??
    Buffer.from(
      JSON.stringify(
        parts.config ?? {
          architecture: 'amd64',
          os: 'linux',
          config: { User: '1000' },
          rootfs: { type: 'layers', diff_ids: [] },
        },
      ),
    );
  const config = await put(configBytes);
  const manifestBytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: config.digest,
        size: config.size,
      },
      layers: [],
    }),
  );
  const manifest = await put(manifestBytes);
  await writeFile(join(dir, 'oci-layout'), '{"imageLayoutVersion": "1.0.0"}');
  await writeFile(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: manifest.digest,
          size: manifest.size,
          annotations: { 'org.opencontainers.image.ref.name': 'x' },
        },
      ],
    }),
  );
  return { config, manifest };
}

const imageCheck = (layout: string) => ['check', '--image', `oci:${layout}:x`, '--policy', 'image-only.yml'];
const IMAGE_ONLY_POLICY = 'version: 1\nvulnerabilities:\n  require-scan: false\n';
const runtimeConfig = (config: Record<string, unknown>) => ({
  architecture: 'amd64',
  os: 'linux',
  config,
  rootfs: { type: 'layers', diff_ids: [] },
});

const imageCases: HostileCase[] = [
  ...(
    [
      ['root', 1],
      ['0:0', 1],
      ['', 1],
      ['+0', 1],
      ['-0', 1],
      ['000', 1],
      [' 0 ', 1],
      ['1000:0', 0],
      ['65534', 0],
      ['nobody', 0],
      ['4294967296', 0],
      ['app\n::error::forged', 0],
    ] as const
  ).map(([user, exit], index): HostileCase => ({
    name: `image config with User ${JSON.stringify(user)}`,
    prepare: async (workspace) => {
      await writeLayout(join(workspace, `user-${index}`), { config: runtimeConfig({ User: user }) });
      return imageCheck(`user-${index}`);
    },
    expect: {
      exit,
      check: (run) => expect(run.stderr).not.toMatch(/^\s*::/m),
    },
  })),
  {
    name: 'image config with legacy ##[commands] in labels and history: inert',
    prepare: async (workspace) => {
      await writeLayout(join(workspace, 'legacy-labels'), {
        config: {
          ...runtimeConfig({
            User: '1000',
            Labels: {
              'org.opencontainers.image.base.name': 'docker.io/library/alpine##[add-mask]supply-chain-gate',
              'org.opencontainers.image.source': 'https://example.test/x ##[error]forged',
              '##[warning]label': '::error::forged',
            },
          }),
          history: [{ created_by: 'RUN echo ##[stop-commands]pwned \n::error::forged' }],
        },
      });
      await writeFile(
        join(workspace, 'labels.yml'),
        `${IMAGE_ONLY_POLICY}image:\n  base-images:\n    allow: [docker.io/library/debian:*]\n  required-labels:\n    org.opencontainers.image.source: https://github.com/acme/*\n`,
      );
      return ['check', '--image', 'oci:legacy-labels:x', '--policy', 'labels.yml'];
    },
    expect: { exit: 1, check: expectInertLog },
  },
  {
    name: 'image config with 200,000 environment variables',
    prepare: async (workspace) => {
      const env = Array.from({ length: 200_000 }, (_, i) => `VAR_${i}=value-${i}`);
      await writeLayout(join(workspace, 'huge-env'), { config: runtimeConfig({ User: '1000', Env: env }) });
      return imageCheck('huge-env');
    },
    expect: { exit: 0 },
    maxRssGrowthMiB: 300,
  },
  {
    name: 'image config with one 6 MB environment value',
    prepare: async (workspace) => {
      await writeLayout(join(workspace, 'long-env'), {
        config: runtimeConfig({ User: '1000', Env: [`BLOB=${'y'.repeat(6_000_000)}`] }),
      });
      return imageCheck('long-env');
    },
    expect: { exit: 0 },
    maxRssGrowthMiB: 300,
  },
  {
    name: 'image config over the 8 MiB limit',
    prepare: async (workspace) => {
      await writeLayout(join(workspace, 'big-config'), {
        config: runtimeConfig({ User: '1000', Env: [`BLOB=${'y'.repeat(9 * MiB)}`] }),
      });
      return imageCheck('big-config');
    },
    expect: {
      exit: 2,
      error: /^blob .*big-config\/blobs\/sha256\/[a-f0-9]{64} is larger than the 8388608-byte limit for it/,
    },
  },
  ...(
    [
      ['Env that is a string', { User: '1000', Env: 'PATH=/bin' }, /config\.Env is not a list of strings/],
      ['User that is a number', { User: 0 }, /config\.User is not a string/],
      ['Labels that are a list', { User: '1000', Labels: ['a=b'] }, /config\.Labels is not a map of strings/],
    ] as const
  ).map(([what, config, error], index): HostileCase => ({
    name: `image config with ${what}`,
    prepare: async (workspace) => {
      await writeLayout(join(workspace, `typed-${index}`), { config: runtimeConfig(config) });
      return imageCheck(`typed-${index}`);
    },
    expect: { exit: 2, error: new RegExp(`^image config sha256:[a-f0-9]{64}: ${error.source}$`) },
  })),
  {
    name: 'image config that is not JSON',
    prepare: async (workspace) => {
      await writeLayout(join(workspace, 'config-not-json'), { configBytes: Buffer.from('{"config": ') });
      return imageCheck('config-not-json');
    },
    expect: { exit: 2, error: /^image config sha256:[a-f0-9]{64} is not valid UTF-8 JSON$/ },
  },
  {
    name: 'OCI layout whose config blob is missing',
    prepare: async (workspace) => {
      const { config } = await writeLayout(join(workspace, 'missing-blob'));
      await rm(config.path);
      return imageCheck('missing-blob');
    },
    expect: {
      exit: 2,
      error: /^blob .*missing-blob\/blobs\/sha256\/[a-f0-9]{64} is missing: the OCI layout .* is incomplete/,
    },
  },
  {
    name: 'OCI layout whose blob does not hash to its name',
    prepare: async (workspace) => {
      const { config } = await writeLayout(join(workspace, 'tampered'));
      await writeFile(config.path, '{"config": {"User": "0"}}');
      return imageCheck('tampered');
    },
    expect: {
      exit: 2,
      error:
        /^blob .*tampered\/blobs\/sha256\/([a-f0-9]{64}) was requested as sha256:\1 but its bytes hash to/,
    },
  },
  {
    name: 'OCI layout whose config blob is a symlink out of the layout',
    prepare: async (workspace) => {
      const { config } = await writeLayout(join(workspace, 'escape'));
      const outside = join(workspace, 'outside-config.json');
      await cp(config.path, outside);
      await rm(config.path);
      await symlink(outside, config.path);
      return imageCheck('escape');
    },
    expect: {
      exit: 2,
      error:
        /^.*escape\/blobs\/sha256\/[a-f0-9]{64} resolves to .*outside-config\.json, outside the OCI layout/,
    },
  },
  {
    name: 'OCI layout whose index.json is a symlink to /etc/passwd',
    prepare: async (workspace) => {
      await writeLayout(join(workspace, 'index-escape'));
      await rm(join(workspace, 'index-escape/index.json'));
      await symlink('/etc/passwd', join(workspace, 'index-escape/index.json'));
      return imageCheck('index-escape');
    },
    expect: { exit: 2, error: /index-escape\/index\.json resolves to \/etc\/passwd, outside the OCI layout/ },
  },
  {
    name: 'OCI layout with a symlink loop for a blob',
    prepare: async (workspace) => {
      const { config } = await writeLayout(join(workspace, 'loop'));
      await rm(config.path);
      await symlink(config.path, config.path);
      return imageCheck('loop');
    },
    expect: { exit: 2, error: /^cannot read .*loop\/blobs\/sha256\/[a-f0-9]{64} \(ELOOP\)$/ },
  },
  {
    name: 'OCI layout whose config blob is a named pipe nobody writes to',
    prepare: async (workspace) => {
      const { config } = await writeLayout(join(workspace, 'fifo'));
      await rm(config.path);
      await promisify(execFile)('mkfifo', [config.path]);
      return imageCheck('fifo');
    },
    expect: { exit: 2, error: /fifo\/blobs\/sha256\/[a-f0-9]{64} is not a regular file$/ },
  },
  {
    name: 'OCI layout without its oci-layout marker',
    prepare: async (workspace) => {
      await writeLayout(join(workspace, 'no-marker'));
      await rm(join(workspace, 'no-marker/oci-layout'));
      return imageCheck('no-marker');
    },
    expect: { exit: 2, error: /^no OCI image layout at .*no-marker \(.*oci-layout is missing\)/ },
  },
  {
    name: 'OCI layout whose index.json is not JSON',
    prepare: async (workspace) => {
      await writeLayout(join(workspace, 'bad-index'));
      await writeFile(join(workspace, 'bad-index/index.json'), '{"manifests": [');
      return imageCheck('bad-index');
    },
    expect: { exit: 2, error: /bad-index\/index\.json is not valid UTF-8 JSON$/ },
  },
];

// ---------------------------------------------------------------------------------------------

describe('the bad input corpus through the CLI', () => {
  let workspace: string;

  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'scg-corpus-'));
    await cp(join(REPO_ROOT, 'examples/demo/app-oci'), join(workspace, 'app-oci'), { recursive: true });
    await cp(join(REPO_ROOT, 'examples/demo/trivy.json'), join(workspace, 'trivy.json'));
    await writeFile(join(workspace, 'lenient.yml'), LENIENT_POLICY);
    await writeFile(join(workspace, 'image-only.yml'), IMAGE_ONLY_POLICY);
  });
  afterAll(async () => {
    await rm(workspace, { recursive: true, force: true });
  });

  it('passes the well-formed inputs every case starts from (the control)', async () => {
    const result = await runCliCaptured(check('--scan', 'trivy.json'), { cwd: workspace });
    expect(result.stderr).not.toMatch(/^error:/m);
    expect(result.code).toBe(0);
    await writeLayout(join(workspace, 'control-layout'));
    expect((await runCliCaptured(imageCheck('control-layout'), { cwd: workspace })).code).toBe(0);
  });

  it.each(
    [...policyCases, ...scanCases, ...sbomCases, ...bundleCases, ...imageCases].map(
      (c) => [c.name, c] as const,
    ),
  )(
    '%s',
    async (_name, hostile) => {
      const argv = await hostile.prepare(workspace);
      const { run, rssGrowthMiB } = await measured(
        () => runCliCaptured(argv, { cwd: workspace }),
        hostile.timeoutMs ?? 15_000,
      );
      const output = `${run.stdout}\n${run.stderr}`;
      expect(output).not.toMatch(NO_STACK);
      expect(output).not.toContain('internal error');
      if (hostile.expect.exit === 2) {
        const errors = run.stderr.split('\n').filter((line) => line.startsWith('error: '));
        expect(errors).toHaveLength(hostile.expect.problems ?? 1);
        // One line per problem, in the order of the file: the expected one is among them.
        expect(errors.map((line) => line.slice('error: '.length))).toContainEqual(
          expect.stringMatching(hostile.expect.error),
        );
      } else {
        expect(run.stderr).not.toMatch(/^error:/m);
        await hostile.expect.check?.(run, workspace);
      }
      expect(run.code).toBe(hostile.expect.exit);
      if (hostile.maxRssGrowthMiB !== undefined) {
        if (process.env.CORPUS_RSS) console.log(hostile.name, Math.round(rssGrowthMiB));
        expect(rssGrowthMiB).toBeLessThan(hostile.maxRssGrowthMiB);
      }
    },
    120_000,
  );
});

describe('bundles with each field missing or of the wrong type', () => {
  let workspace: string;
  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'scg-corpus-bundles-'));
    await cp(join(REPO_ROOT, 'examples/demo/app-oci'), join(workspace, 'app-oci'), { recursive: true });
    await writeFile(join(workspace, 'lenient.yml'), IMAGE_ONLY_POLICY + 'image:\n  non-root: false\n');
  });
  afterAll(async () => {
    await rm(workspace, { recursive: true, force: true });
  });

  it('never crashes: a bundle that is no longer one is exit 2 naming the file, any other fails the signature rule', async () => {
    const bundle = JSON.parse(await readFile(fixturePath(REAL_BUNDLE), 'utf8')) as Record<string, unknown>;
    const mutants = bundleMutants(bundle);
    expect(mutants.length).toBeGreaterThan(30);
    const outcomes = { rejected: 0, judged: 0 };
    for (const [index, mutant] of mutants.entries()) {
      const file = `mutant-${index}.json`;
      await writeFile(join(workspace, file), JSON.stringify(mutant.value));
      const run = await runCliCaptured(check('--bundle', file), { cwd: workspace });
      const context = `${mutant.name}: exit ${run.code}\n${run.stderr}`;
      expect({ context, stack: NO_STACK.test(run.stdout + run.stderr) }).toEqual({ context, stack: false });
      expect({ context, internal: run.stderr.includes('internal error') }).toEqual({
        context,
        internal: false,
      });
      if (run.code === 2) {
        outcomes.rejected += 1;
        const errors = run.stderr.split('\n').filter((line) => line.startsWith('error: '));
        expect({ context, errors }).toEqual({
          context,
          errors: [expect.stringMatching(new RegExp(`^error: ${file}: not a sigstore bundle: `))],
        });
      } else {
        // Still a bundle, but not a valid signature of this image: never a pass.
        outcomes.judged += 1;
        expect({ context, code: run.code }).toEqual({ context, code: 1 });
        expect(run.stdout).toMatch(/signatures/i);
      }
    }
    expect(outcomes.rejected).toBeGreaterThan(10);
  }, 120_000);
});

/** Runs `action` within `timeoutMs`, sampling the resident set to find its peak growth. */
async function measured(
  action: () => Promise<CliRun>,
  timeoutMs: number,
): Promise<{ run: CliRun; rssGrowthMiB: number }> {
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  let timer: NodeJS.Timeout | undefined;
  try {
    const run = await Promise.race([
      action(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${timeoutMs} ms: the gate hangs`)),
          timeoutMs,
        );
      }),
    ]);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { run, rssGrowthMiB: (peak - baseline) / MiB };
  } finally {
    clearInterval(sampler);
    clearTimeout(timer);
  }
}
