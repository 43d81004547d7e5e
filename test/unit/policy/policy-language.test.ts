import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Evidence, ImageEvidence } from '../../../src/model/evidence.js';
import { evaluatePolicy } from '../../../src/policy/evaluate.js';
import { policyJsonSchema } from '../../../src/policy/json-schema.js';
import { lintPolicy } from '../../../src/policy/authoring/lint.js';
import { parsePolicy, PolicyError } from '../../../src/policy/document/load.js';
import { tightenPolicy } from '../../../src/policy/merge.js';
import { REPO_ROOT } from '../../support/fixtures.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const DIGEST = `sha256:${'b'.repeat(64)}`;

const image = (overrides: Partial<ImageEvidence> = {}): ImageEvidence => {
  const base: ImageEvidence = {
    reference: 'ghcr.io/acme/app:1',
    name: 'ghcr.io/acme/app',
    digest: DIGEST,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    annotations: {},
    platforms: [],
    config: {
      user: 'root',
      env: ['PATH=/bin', 'MODE=prod'],
      labels: { 'org.opencontainers.image.source': 'https://github.com/acme/app' },
      history: [],
    },
    layers: [
      {
        digest: `sha256:${'1'.repeat(64)}`,
        size: 1000,
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
      },
      {
        digest: `sha256:${'2'.repeat(64)}`,
        size: 2000,
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
      },
    ],
    source: { kind: 'registry', uri: 'https://ghcr.io/v2/acme/app', digest: DIGEST },
  };
  return { ...base, ...overrides } as ImageEvidence;
};

const critical = {
  id: 'CVE-2024-0001',
  aliases: ['GHSA-xxxx-yyyy-zzzz'],
  packageName: 'openssl',
  installedVersion: '3.0.0',
  fixedVersion: '3.0.1',
  severity: 'critical' as const,
  sourceSeverity: 'CRITICAL',
  cvssScore: 9.8,
};

const evidence = (overrides: Partial<ImageEvidence> = {}): Evidence => ({
  image: image(overrides),
  scans: [
    {
      format: 'trivy-json',
      scanner: { name: 'trivy' },
      artifact: { digests: [DIGEST] },
      findings: [critical],
      source: { kind: 'file', uri: 'trivy.json' },
    },
  ],
  discovered: [],
  // What collection finds in this config: Env and labels hold no credential.
  configSecrets: [{ manifestDigest: DIGEST, findings: [] }],
});

const decide = (text: string, ev = evidence()) => evaluatePolicy(parsePolicy(text, 'policy.yml'), ev, NOW);
const find = (decision: ReturnType<typeof decide>, ruleId: string) =>
  decision.results.find((r) => r.ruleId === ruleId);

function problems(text: string): string[] {
  try {
    parsePolicy(text, 'policy.yml');
  } catch (error) {
    return error instanceof PolicyError ? error.lines : [(error as Error).message];
  }
  throw new Error('expected a policy error');
}

describe('custom CEL rules', () => {
  it('passes and fails on the evidence, with the message and the line of the rule', () => {
    const decision = decide(`version: 1
vulnerabilities: {fail-on: []}
rules:
  - id: small
    expression: image.size < 10000 && image.layers <= 5
    message: keep the image small
  - id: non-root
    expression: image.user != "root" && image.user != ""
    message: run as a non-root user
    remediation: add USER 10001 to the Dockerfile
`);
    expect(find(decision, 'rules.small')!.status).toBe('pass');
    const nonRoot = find(decision, 'rules.non-root')!;
    expect(nonRoot).toMatchObject({
      status: 'fail',
      title: 'run as a non-root user',
      remediation: 'add USER 10001 to the Dockerfile',
    });
    expect(nonRoot.position).toEqual({ file: 'policy.yml', line: 7, column: 5 });
    expect(decision.verdict).toBe('fail');
  });

  it('sees findings, counts, labels and env', () => {
    const decision = decide(`version: 1
vulnerabilities: {fail-on: []}
rules:
  - {id: no-fixable-critical, expression: '!findings.exists(f, f.severity == "critical" && f.fixable)', message: fix criticals}
  - {id: counts, expression: 'counts.critical == 1 && counts.high == 0', message: counts}
  - {id: source, expression: 'image.labels["org.opencontainers.image.source"].startsWith("https://github.com/acme/")', message: source}
  - {id: env, expression: 'image.env["MODE"] == "prod"', message: env}
`);
    expect(
      decision.results.filter((r) => r.family === 'rules').map((r) => `${r.ruleId}:${r.status}`),
    ).toEqual(['rules.no-fixable-critical:fail', 'rules.counts:pass', 'rules.source:pass', 'rules.env:pass']);
  });

  it('fails closed when an expression cannot be evaluated', () => {
    const result = find(
      decide('version: 1\nrules:\n  - {id: x, expression: \'image.labels["missing"] == "y"\', message: m}\n'),
      'rules.x',
    )!;
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/Could not evaluate/);
  });

  it('rejects a syntax error, an unknown variable and a non-boolean at load time with the line', () => {
    expect(problems('version: 1\nrules:\n  - {id: a, expression: "image.size <", message: m}\n')[0]).toMatch(
      /^policy\.yml:3:\d+: rules\.0\.expression: invalid CEL expression: .*at character/,
    );
    expect(
      problems('version: 1\nrules:\n  - {id: a, expression: "imgae.size < 1", message: m}\n')[0],
    ).toMatch(/imgae/);
    expect(
      problems(
        'version: 1\nrules:\n  - {id: a, expression: "1", message: m}\n  - {id: a, expression: "true", message: m}\n',
      ),
    ).toEqual([
      'policy.yml:3:13: rules.0.expression: the expression gives int, not true or false',
      'policy.yml:4:6: rules.1.id: duplicate rule id "a"',
    ]);
  });

  it('reports a warn-mode custom rule without failing the gate', () => {
    const decision = decide(
      'version: 1\nvulnerabilities: {fail-on: []}\nimage: {non-root: false}\nrules:\n  - {id: a, expression: "false", message: m, mode: warn}\n',
    );
    expect(find(decision, 'rules.a')!.status).toBe('warn');
    expect(decision.verdict).toBe('pass');
  });
});

describe('exceptions', () => {
  it('accepts a failing rule for matching images only, with its reason', () => {
    const text = `version: 1
rules:
  - {id: non-root, expression: 'image.user != "root"', message: run as non-root}
exceptions:
  - {rule: rules.non-root, images: 'ghcr.io/acme/legacy-*', reason: legacy base, expires: 2027-01-01}
  - {rule: vulnerabilities.fail-on, id: GHSA-xxxx-yyyy-zzzz, reason: not reachable, owner: '@acme/sec', expires: 2026-12-31}
`;
    const app = decide(text);
    expect(find(app, 'rules.non-root')!.status).toBe('fail');
    expect(find(app, 'vulnerabilities.fail-on')).toMatchObject({
      status: 'pass',
      message: expect.stringContaining('not reachable'),
    });
    const legacy = decide(text, evidence({ name: 'ghcr.io/acme/legacy-api' }));
    expect(find(legacy, 'rules.non-root')).toMatchObject({
      status: 'pass',
      message: expect.stringContaining('legacy base'),
    });
  });

  it('stops applying after its expiry day and reports itself at its line', () => {
    const decision = decide(
      'version: 1\nexceptions:\n  - {rule: "vulnerabilities.*", reason: later, expires: 2026-11-27}\n',
    );
    expect(find(decision, 'vulnerabilities.fail-on')!.status).toBe('fail');
    expect(find(decision, 'exceptions.expired')).toMatchObject({
      status: 'warn',
      position: { line: 3, column: 5 },
    });
  });

  it('rejects an exception without a reason or with an impossible date', () => {
    expect(problems('version: 1\nexceptions:\n  - {rule: rules.x, expires: 2027-02-30}\n')).toEqual([
      'policy.yml:3:5: exceptions.0.reason: required (string)',
      'policy.yml:3:21: exceptions.0.expires: expected a real calendar date written YYYY-MM-DD',
    ]);
  });
});

describe('images: overrides', () => {
  const text = `version: 1
vulnerabilities:
  fail-on: [critical]
images:
  - match: ['ghcr.io/acme/tools/**']
    vulnerabilities:
      fail-on: []
      require-scan: false
`;
  it('applies the first matching entry to that image, pointing results at the override', () => {
    const tools = decide(text, evidence({ name: 'ghcr.io/acme/tools/ci/runner' }));
    expect(find(tools, 'vulnerabilities.fail-on')!.status).toBe('pass');
    expect(find(tools, 'vulnerabilities.fail-on')!.position).toEqual({
      file: 'policy.yml',
      line: 7,
      column: 7,
    });
    expect(tools.notes?.[0]).toContain('images[0]');
    expect(decide(text).verdict).toBe('fail');
  });

  it('matches * within one path segment only', () => {
    const one = 'version: 1\nimages:\n  - {match: "ghcr.io/acme/*", mode: audit}\n';
    expect(decide(one, evidence({ name: 'ghcr.io/acme/app' })).mode).toBe('audit');
    expect(decide(one, evidence({ name: 'ghcr.io/acme/team/app' })).mode).toBe('enforce');
  });
});

describe('organization policy', () => {
  const org = parsePolicy(
    'version: 1\nvulnerabilities:\n  fail-on: [critical]\n  require-scan: true\nrules:\n  - {id: org-rule, expression: "true", message: m}\n',
    'acme/.github/policy.yml@main',
  );

  it('refuses to loosen: a repo cannot switch enforcement off, drop severities or the scan requirement', () => {
    const repo = parsePolicy(
      'version: 1\nmode: audit\nvulnerabilities:\n  mode: warn\n  fail-on: [high]\n  require-scan: false\n',
      'repo.yml',
    );
    const merged = tightenPolicy(org, repo);
    expect(merged.mode).toBe('enforce');
    expect(merged.vulnerabilities.mode).toBe('enforce');
    expect(merged.vulnerabilities['fail-on'].sort()).toEqual(['critical', 'high']);
    expect(merged.vulnerabilities['require-scan']).toBe(true);
    expect(merged.rules.map((r) => r.id)).toEqual(['org-rule']);
    expect(merged.positions['vulnerabilities.require-scan']?.file).toBe('acme/.github/policy.yml@main');
  });

  it('evaluates the merged policy: the org severity fails even when the repo asks only for high', () => {
    const repo = parsePolicy('version: 1\nvulnerabilities:\n  fail-on: [high]\n', 'repo.yml');
    const decision = evaluatePolicy({ ...repo, organization: org }, evidence(), NOW);
    expect(find(decision, 'vulnerabilities.fail-on')!.status).toBe('fail');
  });

  it('lets the repository decide what the organization left unset', () => {
    const repo = parsePolicy(
      'version: 1\nvulnerabilities:\n  allow: [{id: CVE-2024-0001, reason: r, expires: 2027-01-01}]\n',
      'repo.yml',
    );
    expect(tightenPolicy(org, repo).vulnerabilities.allow).toHaveLength(1);
  });
});

describe('policy lint', () => {
  it('warns about risky settings with their lines', () => {
    const policy = parsePolicy(
      'version: 1\nmode: audit\nvulnerabilities:\n  fail-on: []\n  require-scan: false\nexceptions:\n  - {rule: rules.x, reason: because}\n',
      'p.yml',
    );
    expect(lintPolicy(policy)).toEqual([
      'p.yml:2:1: warning: mode: audit reports failures but never blocks a merge',
      'p.yml:7:5: warning: this exception has no "expires" date: it will never be reviewed again',
      'p.yml:4:3: warning: fail-on is empty: no vulnerability can fail the gate',
      'p.yml:5:3: warning: require-scan: false passes an image nobody scanned',
    ]);
  });
});

describe('JSON Schema', () => {
  it('is committed in sync with the zod schema (npm run bundle regenerates it)', async () => {
    expect(await readFile(join(REPO_ROOT, 'schema/policy.schema.json'), 'utf8')).toBe(policyJsonSchema());
  });

  it('describes every family and rejects unknown keys', () => {
    const schema = JSON.parse(policyJsonSchema());
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['version', 'mode', 'vulnerabilities', 'rules', 'exceptions', 'images']),
    );
    expect(schema.additionalProperties).toBe(false);
  });
});

describe('example policies', () => {
  it.each(['starter', 'typical', 'strict'])('%s.yml is valid and lint-clean', async (name) => {
    const file = join(REPO_ROOT, `examples/policies/${name}.yml`);
    expect(lintPolicy(parsePolicy(await readFile(file, 'utf8'), file))).toEqual([]);
  });
});

describe('organization policy: trust lists', () => {
  it('keeps the organization list of trusted builders and base images: a repository cannot add its own', () => {
    const org = parsePolicy(
      'version: 1\nimage:\n  base-images:\n    allow: ["cgr.dev/chainguard/**"]\n  forbid-tags: [latest]\n',
      'org.yml',
    );
    const repo = parsePolicy(
      'version: 1\nimage:\n  base-images:\n    allow: ["docker.io/**"]\n  forbid-tags: [main]\n',
      'repo.yml',
    );
    const merged = tightenPolicy(org, repo);
    expect(merged.image['base-images']?.allow).toEqual(['cgr.dev/chainguard/**']);
    expect(merged.image['forbid-tags']).toEqual(['latest', 'main']);
  });
});
