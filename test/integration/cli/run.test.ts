/**
 * run() end to end on the local testbed: a real OCI registry (docker-registry, image pushed with
 * skopeo) and the GitHub API stand-in that checks every request against GitHub's OpenAPI schema.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitHubClient } from '../../../src/adapters/github/create-client.js';
import { openImageStore } from '../../../src/adapters/oci/open-image-store.js';
import { createMemoryLogger } from '../../../src/adapters/log/logger.js';
import type { RunInputs } from '../../../src/inputs.js';
import { run, type RunDeps } from '../../../src/main.js';
import { readFixture } from '../../support/fixtures.js';
import { startGitHubApi, type GitHubApiStandIn } from '../../support/github-api.js';
import {
  buildImage,
  pushImage,
  requireTestbedTools,
  startRegistry,
  type TestRegistry,
} from '../../support/registry.js';

const HEAD_SHA = 'c0ffee0000000000000000000000000000000042';
const NOW = new Date('2026-11-28T12:00:00Z');

describe('run() against a real registry and the GitHub stand-in', () => {
  let registry: TestRegistry;
  let github: GitHubApiStandIn;
  let workspace: string;
  let layoutDir: string;
  let digest: string;

  beforeAll(async () => {
    await requireTestbedTools();
    [registry, github] = await Promise.all([startRegistry(), startGitHubApi()]);
    workspace = await mkdtemp(join(tmpdir(), 'scg-run-'));
    ({ layoutDir } = await buildImage({
      user: '1000',
      labels: { 'org.opencontainers.image.source': 'https://github.com/acme/app' },
      files: { 'app/run.sh': 'echo hi\n' },
    }));
    digest = await pushImage(layoutDir, 'test', registry, 'acme/app', 'pr-42');
    // The real alpine:3.10 Trivy report (one critical in apk-tools), re-pointed at the pushed digest
    // the way `trivy image REGISTRY/acme/app@DIGEST` would record it.
    const report = JSON.parse(readFixture('third-party/trivy-action/alpine-3.10.with-trivy-yaml-cfg.json'));
    report.Metadata.RepoDigests = [`${registry.host}/acme/app@${digest}`];
    await writeFile(join(workspace, 'trivy.json'), JSON.stringify(report));
    await mkdir(join(workspace, '.github'));
  });

  afterAll(async () => {
    await Promise.all([registry?.stop(), github?.stop()]);
    await rm(workspace, { recursive: true, force: true });
    if (layoutDir) await rm(layoutDir, { recursive: true, force: true });
  });

  const inputs = (overrides: Partial<RunInputs> = {}): RunInputs => ({
    image: `${registry.host}/acme/app:pr-42`,
    digest,
    scanPaths: ['trivy.json'],
    checkName: 'supply-chain-gate',
    workspace,
    jsonReportPath: 'out/report.json',
    github: { apiUrl: github.url, token: github.token, owner: 'acme', repo: 'app', headSha: HEAD_SHA },
    ...overrides,
  });
  const deps = (overrides: Partial<Omit<RunDeps, 'log'>> = {}) => {
    const dependencies: RunDeps & { log: ReturnType<typeof createMemoryLogger> } = {
      now: () => NOW,
      log: createMemoryLogger(),
      toolVersion: 'test',
      openImageStore: (reference) => openImageStore(reference, {}),
      github: createGitHubClient({ apiUrl: github.url, token: github.token }),
      ...overrides,
    };
    return dependencies;
  };
  const policy = (text: string) => writeFile(join(workspace, '.github/supply-chain-gate.yml'), text);
  const newCheckRuns = (before: number) => github.checkRuns().slice(before);

  it('resolves the tag to the pushed digest, fails on the critical finding, and completes a schema-valid check run on the head SHA', async () => {
    await policy('version: 1\nvulnerabilities:\n  fail-on: [critical, high]\n');
    const before = github.checkRuns().length;
    const requestsBefore = github.requests.length;
    const result = await run(inputs(), deps());

    expect(result.decision.evidence?.image).toMatchObject({
      digest,
      resolvedFromTag: 'pr-42',
      config: { user: '1000' },
    });
    expect(result.decision.verdict).toBe('fail');
    expect(result.exitCode).toBe(1);

    const [checkRun] = newCheckRuns(before);
    expect(checkRun).toMatchObject({
      name: 'supply-chain-gate',
      head_sha: HEAD_SHA,
      status: 'completed',
      conclusion: 'failure',
    });
    expect(checkRun!.output.summary).toContain('CVE-2021-36159');
    expect(checkRun!.output.summary).toContain(digest);
    expect(checkRun!.output.summary).toContain('configured at `.github/supply-chain-gate.yml:3:3`');
    expect(result.checkRunId).toBe(checkRun!.id);
    // Created in progress first, so the PR shows the gate running, then completed.
    expect(
      github.requests
        .slice(requestsBefore)
        .map((r) => `${r.operation} ${(r.body as { status?: string } | undefined)?.status}`),
    ).toEqual([
      // A check left in progress by an earlier attempt on this commit would be taken over.
      'GET /repos/{owner}/{repo}/commits/{ref}/check-runs undefined',
      'POST /repos/{owner}/{repo}/check-runs in_progress',
      'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id} completed',
    ]);
    expect(github.violations).toEqual([]);

    const report = JSON.parse(await readFile(join(workspace, 'out/report.json'), 'utf8'));
    expect(report).toMatchObject({ verdict: 'fail', conclusion: 'failure', image: { digest } });
  });

  it('passes when the finding is allowed, and the check concludes success', async () => {
    await policy(
      'version: 1\nvulnerabilities:\n  allow:\n    - {id: CVE-2021-36159, reason: apk is not used at runtime, expires: 2027-01-31}\n',
    );
    const before = github.checkRuns().length;
    const result = await run(inputs(), deps());
    expect(result.exitCode).toBe(0);
    expect(newCheckRuns(before)[0]).toMatchObject({ conclusion: 'success', head_sha: HEAD_SHA });
    expect(github.violations).toEqual([]);
  });

  it('fails closed when the tag no longer points at the digest the workflow built', async () => {
    await policy('version: 1\n');
    const before = github.checkRuns().length;
    const result = await run(inputs({ digest: `sha256:${'1'.repeat(64)}` }), deps());
    expect(result.decision.verdict).toBe('error');
    expect(result.exitCode).toBe(2);
    expect(newCheckRuns(before)[0]).toMatchObject({ conclusion: 'failure' });
    expect(newCheckRuns(before)[0]!.output.summary).toContain('could not decide');
  });

  it('completes the check run as a failure when the registry is down', async () => {
    const before = github.checkRuns().length;
    const result = await run(inputs({ image: '127.0.0.1:9/acme/app:pr-42' }), deps());
    expect(result.exitCode).toBe(2);
    const [checkRun] = newCheckRuns(before);
    expect(checkRun).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(checkRun!.output.summary).toMatch(/127\.0\.0\.1:9/);
  });

  it('concludes neutral in audit mode and exits 0, still listing the failure', async () => {
    await policy('version: 1\nmode: audit\n');
    const before = github.checkRuns().length;
    const result = await run(inputs(), deps());
    expect(result.exitCode).toBe(0);
    expect(newCheckRuns(before)[0]).toMatchObject({ conclusion: 'neutral' });
    expect(newCheckRuns(before)[0]!.output.summary).toContain('audit mode');
  });

  it('still writes the report and exits 2 when the token may not create check runs', async () => {
    await policy('version: 1\n');
    github.failNext('POST /repos/{owner}/{repo}/check-runs', 403);
    github.failNext('POST /repos/{owner}/{repo}/check-runs', 403);
    const dependencies = deps();
    const result = await run(inputs({ jsonReportPath: 'out/forbidden.json' }), dependencies);
    expect(result.exitCode).toBe(2);
    expect(result.reportErrors.join('\n')).toContain('checks: write');
    expect(JSON.parse(await readFile(join(workspace, 'out/forbidden.json'), 'utf8')).verdict).toBe('fail');
    expect(dependencies.log.lines.join('\n')).not.toContain(github.token);
  });
});
