/**
 * The watch action (watch/action.yml → dist/watch.js; `npm run bundle` first) run the way the
 * runner runs it: a scheduled run judges the images and opens the issue; a run dispatched on
 * another branch still judges by the default branch's policy; a final job renders the status.
 */
import { access, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runBundledAction } from '../../support/actions/action-runner.js';
import { REPO_ROOT } from '../../support/fixtures.js';
import { startGitHubApi, type GitHubApiStandIn } from '../../support/github-api.js';
import { requireTestbedTools, startRegistry, type TestRegistry } from '../../support/registry.js';
import { OCI_MANIFEST, pushBlob, pushManifest } from '../../support/registry-push.js';

const BUNDLE = join(REPO_ROOT, 'dist/watch.js');

let registry: TestRegistry;
let github: GitHubApiStandIn;
let dir: string;
let image: string;

beforeAll(async () => {
  await access(BUNDLE).catch(() => {
    throw new Error('dist/watch.js is missing: run `npm run bundle` first');
  });
  await requireTestbedTools();
  [registry, github] = await Promise.all([startRegistry(), startGitHubApi()]);
  dir = await mkdtemp(join(tmpdir(), 'scg-watch-action-'));
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { User: '1000' },
      rootfs: { type: 'layers', diff_ids: [] },
    }),
  );
  const configDescriptor = await pushBlob(
    registry,
    'acme/app',
    config,
    'application/vnd.oci.image.config.v1+json',
  );
  const { digest } = await pushManifest(
    registry,
    'acme/app',
    { schemaVersion: 2, mediaType: OCI_MANIFEST, config: configDescriptor, layers: [] },
    'prod',
  );
  image = `${registry.host}/acme/app:prod`;
  await writeFile(
    join(dir, 'trivy.json'),
    JSON.stringify({
      SchemaVersion: 2,
      CreatedAt: new Date().toISOString(),
      ArtifactName: image,
      ArtifactType: 'container_image',
      Metadata: { RepoDigests: [`${registry.host}/acme/app@${digest}`] },
      Results: [
        {
          Target: 'app',
          Class: 'os-pkgs',
          Type: 'alpine',
          Vulnerabilities: [
            {
              VulnerabilityID: 'CVE-2026-7000',
              PkgName: 'openssl',
              InstalledVersion: '3.0.0',
              Severity: 'CRITICAL',
            },
          ],
        },
      ],
    }),
  );
  await writeFile(join(dir, 'policy.yml'), 'version: 1\nvulnerabilities:\n  fail-on: [critical]\n');
  await writeFile(join(dir, 'event.json'), JSON.stringify({ repository: { default_branch: 'main' } }));
  // The default branch's policy, as the API serves it: it fails on nothing.
  github.setContent('acme', 'app', 'policy.yml', 'main', 'version: 1\nvulnerabilities:\n  fail-on: []\n');
}, 60_000);

afterAll(async () => {
  await Promise.all([registry?.stop(), github?.stop()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

afterEach(() => {
  expect(github.violations).toEqual([]);
});

let runs = 0;
const runAction = (inputs: Record<string, string>, ref = 'refs/heads/main') =>
  runBundledAction({
    bundle: BUNDLE,
    dir,
    name: String((runs += 1)),
    env: {
      GITHUB_WORKSPACE: dir,
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_EVENT_PATH: join(dir, 'event.json'),
      GITHUB_REF: ref,
      GITHUB_SHA: 'c0ffee0000000000000000000000000000000001',
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '77',
    },
    inputs: { 'github-token': github.token, ...inputs },
  });

describe('the watch action (dist/watch.js)', () => {
  it('declares only inputs it reads, and runs dist/watch.js', async () => {
    const action = parse(await readFile(join(REPO_ROOT, 'watch/action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
      runs: { using: string; main: string };
    };
    expect(action.runs).toEqual({ using: 'node24', main: '../dist/watch.js' });
    const source = await readFile(join(REPO_ROOT, 'src/watch-action.ts'), 'utf8');
    for (const name of Object.keys(action.inputs)) {
      expect(source).toMatch(new RegExp(`(optional|booleanInput|countInput|getMultilineInput)\\('${name}'`));
    }
  });

  it('judges the images on a schedule, opens the issue, writes the report and the job summary', async () => {
    const result = await runAction({
      images: image,
      'scan-results': 'trivy.json',
      policy: 'policy.yml',
      'report-path': 'watch.json',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error::Some images fail the supply-chain policy');
    expect(result.outputs).toMatchObject({
      failing: '1',
      errors: '0',
      'report-path': join(dir, 'watch.json'),
    });
    expect(result.summary).toContain('| Image | Digest | Verdict | Since | Worst findings | Issue |');
    const [issue] = github.issues('acme', 'app');
    expect(issue).toMatchObject({ state: 'open', labels: ['supply-chain-gate'] });
    expect(issue!.body).toContain('https://github.com/acme/app/actions/runs/77');
    const report = JSON.parse(await readFile(join(dir, 'watch.json'), 'utf8'));
    expect(report.images[0]).toMatchObject({ key: image, verdict: 'fail', issue: { number: issue!.number } });
  });

  it('judges by the default branch’s policy when dispatched on another branch', async () => {
    const result = await runAction(
      { images: image, 'scan-results': 'trivy.json', policy: 'policy.yml', 'report-path': 'branch.json' },
      'refs/heads/loosen-the-gate',
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(await readFile(join(dir, 'branch.json'), 'utf8'));
    expect(report.policy).toMatch(/main/);
    expect(report.images[0].verdict).toBe('pass');
    // Passing again, the issue is closed.
    expect(github.issues('acme', 'app')[0]!.state).toBe('closed');
  });

  it('renders the status page and the summary from the reports of the run', async () => {
    // As actions/download-artifact leaves them: a directory of the matrix jobs' reports.
    await mkdir(join(dir, 'reports'));
    await copyFile(join(dir, 'watch.json'), join(dir, 'reports/watch-0.json'));
    await copyFile(join(dir, 'branch.json'), join(dir, 'reports/watch-1.json'));
    const result = await runAction({ reports: 'reports', 'status-html': 'site/index.html' });
    expect(result.code).toBe(0);
    expect(result.outputs['status-html']).toBe(join(dir, 'site/index.html'));
    const html = await readFile(join(dir, 'site/index.html'), 'utf8');
    expect(html).toContain('<table>');
    expect(result.summary).toContain(image);
  });

  it('refuses images and reports together, naming both inputs', async () => {
    const result = await runAction({ images: image, reports: 'watch.json' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('give either "images" (watch the images) or "reports"');
  });
});
