/**
 * Evidence snapshots end to end: `check --evidence-out` on an image in the testbed registry, in an
 * OCI layout and in a local engine (podman serving the Docker API), then the snapshot replayed
 * with no registry, engine or network (the evaluation is pure, and the registry and engine are
 * stopped first) to the same decision, rule by rule, and through `policy test`. The images carry a
 * credential in their env and a secret file in a layer: the decision finds both, the snapshot
 * holds neither, and neither does it hold the token the run had.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEvidenceSnapshot } from '../../../src/evidence/snapshot.js';
import type { RuleResult } from '../../../src/policy/decision.js';
import { evaluatePolicy } from '../../../src/policy/evaluate.js';
import { loadPolicyFile } from '../../../src/policy/document/load.js';
import { runCliCaptured } from '../../support/cli.js';
import {
  buildLocalImage,
  requireDockerEngineTools,
  startDockerEngine,
  type TestDockerEngine,
} from '../../support/docker-engine.js';
import { REPO_ROOT } from '../../support/fixtures.js';
import {
  buildImage,
  pushImage,
  requireTestbedTools,
  startRegistry,
  type TestRegistry,
} from '../../support/registry.js';

const NOW = new Date('2026-12-01T00:00:00Z');
// Built at run time so no scanner flags this file: not real credentials.
const ENV_SECRET = `ghp_${'Q7w8E9r0T1'.repeat(3)}zyxwvu`;
const FILE_SECRET = `AKIA${'ZXCVBNMASDFGHJKL'}`;
const RUN_TOKEN = `ghs_${'RunToken12'.repeat(4)}`;
const POLICY = `version: 1
vulnerabilities:
  require-scan: false
image:
  scan-layers: true
  max-layers: 5
  required-labels:
    org.opencontainers.image.source: "https://github.com/acme/*"
signatures:
  mode: warn
  required: true
`;

let registry: TestRegistry;
let engine: TestDockerEngine;
let dir: string;
let registryImage: string;
const localImage = 'docker:localhost/replay:pr';

beforeAll(async () => {
  await Promise.all([requireTestbedTools(), requireDockerEngineTools()]);
  [registry, engine] = await Promise.all([startRegistry(), startDockerEngine()]);
  dir = await mkdtemp(join(tmpdir(), 'scg-replay-'));
  await writeFile(join(dir, 'policy.yml'), POLICY);
  await cp(join(REPO_ROOT, 'examples/demo'), join(dir, 'demo'), { recursive: true });
  const built = await buildImage({
    user: '1000',
    env: [`GITHUB_TOKEN=${ENV_SECRET}`],
    labels: { 'org.opencontainers.image.source': 'https://github.com/acme/app' },
    files: { 'app/.aws/credentials': `[default]\naws_access_key_id = ${FILE_SECRET}\n` },
  });
  try {
    const digest = await pushImage(built.layoutDir, built.tag, registry, 'acme/replay', 'v1');
    registryImage = `${registry.host}/acme/replay@${digest}`;
  } finally {
    await rm(built.layoutDir, { recursive: true, force: true });
  }
  await buildLocalImage(engine, {
    tag: 'localhost/replay:pr',
    dockerfile: [
      'FROM scratch',
      'COPY credentials /root/.aws/credentials',
      `ENV API_TOKEN=${ENV_SECRET}`,
      '',
    ].join('\n'),
    files: { credentials: `[default]\naws_access_key_id = ${FILE_SECRET}\n` },
  });
}, 90_000);

afterAll(async () => {
  await Promise.all([engine?.stop(), registry?.stop()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

type Made = {
  name: string;
  code: number;
  report: { verdict: string; results: RuleResult[] };
  snapshot: string;
};
const made: Made[] = [];

async function checkWithSnapshot(
  name: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<Made> {
  const json = join(dir, `${name}.report.json`);
  const snapshot = join(dir, `${name}.evidence.json`);
  const run = await runCliCaptured(
    ['check', ...args, '--json', json, '--evidence-out', snapshot, '--quiet'],
    { cwd: dir, env: { ...env, GITHUB_TOKEN: RUN_TOKEN }, now: () => NOW },
  );
  const result = { name, code: run.code, report: JSON.parse(await readFile(json, 'utf8')), snapshot };
  made.push(result);
  return result;
}

const essentials = (results: RuleResult[]) =>
  results.map(({ ruleId, status, title, message, platform, remediation }) => ({
    ruleId,
    status,
    title,
    message,
    platform,
    remediation,
  }));

describe('evidence snapshots replayed offline', () => {
  it('are written for a registry image, an OCI layout and a local docker: image', async () => {
    const registryRun = await checkWithSnapshot('registry', [
      '--image',
      registryImage,
      '--policy',
      'policy.yml',
    ]);
    const layoutRun = await checkWithSnapshot('layout', [
      '--image',
      'oci:demo/app-oci:1.0',
      '--policy',
      'demo/policy.yml',
      '--scan',
      'demo/trivy.json',
    ]);
    const localRun = await checkWithSnapshot(
      'docker',
      ['--image', localImage, '--policy', 'policy.yml'],
      engine.env,
    );
    for (const run of [registryRun, layoutRun, localRun]) expect(run.code).toBe(1);
    const statusOf = (run: Made, ruleId: string) =>
      run.report.results.find((r) => r.ruleId === ruleId)?.status;
    for (const run of [registryRun, localRun]) {
      expect(statusOf(run, 'image.secrets')).toBe('fail');
      expect(statusOf(run, 'image.secret-files')).toBe('fail');
      expect(statusOf(run, 'signatures.signed')).toBe('warn');
    }
    expect(statusOf(localRun, 'image.non-root')).toBe('fail');
    expect(statusOf(registryRun, 'image.required-labels')).toBe('pass');
    expect(statusOf(layoutRun, 'vulnerabilities.fail-on')).toBe('fail');
  }, 120_000);

  it('hold no credential of the image and no token of the run', async () => {
    expect(made).toHaveLength(3);
    for (const run of made) {
      const text = await readFile(run.snapshot, 'utf8');
      for (const secret of [ENV_SECRET, FILE_SECRET, RUN_TOKEN]) expect(text).not.toContain(secret.slice(4));
    }
  });

  it('replay to the same decision with no registry or engine running', async () => {
    await Promise.all([engine.stop(), registry.stop()]);
    for (const run of made) {
      const snapshot = await loadEvidenceSnapshot(run.snapshot);
      const policyFile = run.name === 'layout' ? 'demo/policy.yml' : 'policy.yml';
      const policy = await loadPolicyFile(join(dir, policyFile), policyFile);
      const replayed = evaluatePolicy(policy, snapshot.evidence, NOW);
      expect(replayed.verdict).toBe(run.report.verdict);
      expect(essentials(replayed.results)).toEqual(essentials(run.report.results));
    }
  });

  it('replay through policy test, each rule expected as the run decided it', async () => {
    const cases = made.map((run) => {
      const results: Record<string, string> = {};
      for (const result of run.report.results) {
        const worst = results[result.ruleId];
        if (worst !== 'fail' && (result.status === 'fail' || worst !== 'warn'))
          results[result.ruleId] = result.status;
      }
      return [
        `  - name: ${run.name} image, as the run decided`,
        `    policy: ${run.name === 'layout' ? 'demo/policy.yml' : 'policy.yml'}`,
        `    evidence: ${run.name}.evidence.json`,
        `    now: ${NOW.toISOString()}`,
        '    expect:',
        `      verdict: ${run.report.verdict}`,
        '      results:',
        ...Object.entries(results).map(([ruleId, status]) => `        ${ruleId}: ${status}`),
      ].join('\n');
    });
    await writeFile(join(dir, 'replay.test.yml'), `tests:\n${cases.join('\n')}\n`);
    const run = await runCliCaptured(['policy', 'test', 'replay.test.yml'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('3 case(s): 3 passed, 0 failed');
    expect(run.code).toBe(0);
  });
});
