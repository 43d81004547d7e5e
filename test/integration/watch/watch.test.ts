/**
 * watch end to end on the testbed: images in a real registry (distribution), scan reports written
 * as Trivy writes them, and the GitHub stand-in holding the issues, labels and code scanning
 * uploads, every request checked against GitHub's OpenAPI description.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked } from 'marked';
import { openWatchGitHub } from '../../../src/adapters/github/watch.js';
import { createMemoryLogger } from '../../../src/adapters/log/logger.js';
import { openImageStore } from '../../../src/adapters/oci/open-image-store.js';
import { watch, type WatchInputs } from '../../../src/watch/engine.js';
import { runCliCaptured } from '../../support/cli.js';
import { startGitHubApi, type GitHubApiStandIn } from '../../support/github-api.js';
import { requireTestbedTools, startRegistry, type TestRegistry } from '../../support/registry.js';
import { deleteManifest, OCI_MANIFEST, pushBlob, pushManifest } from '../../support/registry-push.js';

const OWNER = 'acme';
const REPO = 'shipping';
/** Markup, a link, a mention and workflow commands after CR and LF and inside a line. */
const HOSTILE =
  '<img src=x onerror=alert(1)> [x](https://evil.example) @acme/owners |\r\n::set-output name=verdict::pass\n##[error]forged ##[group]mid-line';

let registry: TestRegistry;
let github: GitHubApiStandIn;
let dir: string;

beforeAll(async () => {
  await requireTestbedTools();
  [registry, github] = await Promise.all([startRegistry(), startGitHubApi()]);
  dir = await mkdtemp(join(tmpdir(), 'scg-watch-'));
  await writeFile(join(dir, 'policy.yml'), 'version: 1\nvulnerabilities:\n  fail-on: [critical, high]\n');
}, 60_000);

afterAll(async () => {
  await Promise.all([registry?.stop(), github?.stop()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

afterEach(() => {
  expect(github.violations).toEqual([]);
});

/** A small image (no layers; its config runs as user 1000) under `tag`; `variant` changes its digest. */
async function pushImage(repository: string, tag: string, variant = tag): Promise<string> {
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { User: '1000', Labels: { variant } },
      rootfs: { type: 'layers', diff_ids: [] },
    }),
  );
  const configDescriptor = await pushBlob(
    registry,
    repository,
    config,
    'application/vnd.oci.image.config.v1+json',
  );
  const manifest = { schemaVersion: 2, mediaType: OCI_MANIFEST, config: configDescriptor, layers: [] };
  return (await pushManifest(registry, repository, manifest, tag)).digest;
}

interface Vulnerability {
  id: string;
  severity: 'CRITICAL' | 'HIGH' | 'LOW';
  title?: string;
}

/** A Trivy JSON report of `image@digest`, made now (or `createdAt`). */
async function trivyReport(
  file: string,
  image: string,
  digest: string,
  vulnerabilities: Vulnerability[],
  createdAt = new Date().toISOString(),
): Promise<string> {
  const report = {
    SchemaVersion: 2,
    CreatedAt: createdAt,
    ArtifactName: image,
    ArtifactType: 'container_image',
    Metadata: { RepoDigests: [`${image.replace(/:[^:/]+$/, '')}@${digest}`] },
    Results: [
      {
        Target: 'app (alpine 3.20.3)',
        Class: 'os-pkgs',
        Type: 'alpine',
        Vulnerabilities: vulnerabilities.map((v, index) => ({
          VulnerabilityID: v.id,
          PkgName: `pkg-${index}`,
          InstalledVersion: '1.0.0',
          FixedVersion: '1.0.1',
          Severity: v.severity,
          Title: v.title ?? `${v.id} in pkg-${index}`,
        })),
      },
    ],
  };
  const path = join(dir, file);
  await writeFile(path, JSON.stringify(report));
  return path;
}

function watchInputs(overrides: Partial<WatchInputs>): WatchInputs {
  return {
    images: [],
    scans: [],
    policyPath: 'policy.yml',
    workspace: dir,
    maxImages: 100,
    concurrency: 4,
    checkName: 'supply-chain-gate',
    label: 'supply-chain-gate',
    dryRun: false,
    ...overrides,
  };
}

/** The engine as the CLI wires it, with writes not spaced (the spacing has its own test). */
async function runWatch(inputs: Partial<WatchInputs>, repo = REPO, tagsPageSize?: number) {
  const log = createMemoryLogger();
  const clients = await openWatchGitHub({
    apiUrl: github.url,
    token: github.token,
    owner: OWNER,
    repo,
    writeGapMs: 0,
  });
  return watch(watchInputs(inputs), {
    now: () => new Date(),
    log,
    toolVersion: 'test',
    openImageStore: (reference) => openImageStore(reference, tagsPageSize ? { tagsPageSize } : {}),
    github: clients.client,
    tracker: clients.tracker,
    sarif: clients.tracker,
  }).then((run) => ({ run, log }));
}

const openIssues = (repo = REPO) => github.issues(OWNER, repo).filter((issue) => issue.state === 'open');

describe('one issue per failing image', () => {
  const repo = 'lifecycle';
  let app: string;
  let api: string;
  let appDigest: string;
  let apiDigest: string;

  beforeAll(async () => {
    app = `${registry.host}/acme/app:prod`;
    api = `${registry.host}/acme/api:prod`;
    [appDigest, apiDigest] = await Promise.all([
      pushImage('acme/app', 'prod'),
      pushImage('acme/api', 'prod'),
    ]);
  });

  async function cli(appVulnerabilities: Vulnerability[], extra: string[] = []) {
    const [appScan, apiScan] = await Promise.all([
      trivyReport('app.json', app, appDigest, appVulnerabilities),
      trivyReport('api.json', api, apiDigest, []),
    ]);
    const json = join(dir, 'watch-report.json');
    const run = await runCliCaptured(
      [
        'watch',
        '--image',
        app,
        '--image',
        api,
        '--scan',
        `${app}=${appScan}`,
        '--scan',
        `${api}=${apiScan}`,
        '--policy',
        'policy.yml',
        '--github-api',
        github.url,
        '--repository',
        `${OWNER}/${repo}`,
        '--json',
        json,
        ...extra,
      ],
      { cwd: dir, env: { GITHUB_TOKEN: github.token } },
    );
    return { ...run, report: JSON.parse(await readFile(json, 'utf8')) };
  }

  const appEntry = (run: { report: { images: Array<Record<string, unknown>> } }) =>
    run.report.images.find((entry) => entry.key === app)!;

  it('opens one issue, labeled (the label created), for the failing image only; the log stays inert', async () => {
    const run = await cli([{ id: 'CVE-2026-1000', severity: 'CRITICAL', title: HOSTILE }]);
    expect(run.code).toBe(1);
    const issues = github.issues(OWNER, repo);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ state: 'open', labels: ['supply-chain-gate'] });
    expect(issues[0]!.title).toBe(`${app} fails the supply-chain gate`);
    expect(issues[0]!.body).toContain(appDigest);
    expect(issues[0]!.body).toContain('CVE-2026-1000');
    const rendered = marked.parse(issues[0]!.body, { async: false });
    expect(rendered).not.toMatch(/<img|<a /);
    expect(github.labels(OWNER, repo).map((label) => label.name)).toEqual(['supply-chain-gate']);
    for (const line of `${run.stdout}\n${run.stderr}`.split(/\r\n|\r|\n/)) {
      expect(line).not.toMatch(/^\s*(::|##\[)/);
    }
    const entries = run.report.images as Array<{ key: string; verdict: string; issue?: { number: number } }>;
    expect(entries.map((entry) => [entry.key, entry.verdict])).toEqual([
      [api, 'pass'],
      [app, 'fail'],
    ]);
    expect(entries[1]!.issue?.number).toBe(issues[0]!.number);
  });

  it('the same run again opens no second issue, writes nothing and comments nothing', async () => {
    const before = github.requests.length;
    const run = await cli([{ id: 'CVE-2026-1000', severity: 'CRITICAL', title: HOSTILE }]);
    expect(run.code).toBe(1);
    expect(github.issues(OWNER, repo)).toHaveLength(1);
    const writes = github.requests.slice(before).filter((request) => request.method !== 'GET');
    expect(writes.map((request) => request.operation)).toEqual([]);
    expect(appEntry(run).issue).toMatchObject({ action: 'unchanged', state: 'open' });
  });

  it('comments once when a new finding appears, and when the tag moves to a new digest', async () => {
    const issueNumber = github.issues(OWNER, repo)[0]!.number;
    await cli([
      { id: 'CVE-2026-1000', severity: 'CRITICAL', title: HOSTILE },
      { id: 'CVE-2026-2000', severity: 'HIGH' },
    ]);
    let comments = github.issueComments(OWNER, repo, issueNumber);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('1 new finding(s)');
    expect(comments[0]!.body).toContain('CVE-2026-2000');

    const previousDigest = appDigest;
    appDigest = await pushImage('acme/app', 'prod', 'rebuilt');
    const run = await cli([
      { id: 'CVE-2026-1000', severity: 'CRITICAL', title: HOSTILE },
      { id: 'CVE-2026-2000', severity: 'HIGH' },
    ]);
    comments = github.issueComments(OWNER, repo, issueNumber);
    expect(comments).toHaveLength(2);
    expect(comments[1]!.body).toContain('New digest under the tag');
    expect(comments[1]!.body).toContain(previousDigest);
    expect(appEntry(run)).toMatchObject({ digest: appDigest, previousDigest });
    expect(github.issues(OWNER, repo)).toHaveLength(1);
  });

  it('closes the issue with a comment when the scan is clean again', async () => {
    const run = await cli([]);
    expect(run.code).toBe(0);
    const [issue] = github.issues(OWNER, repo);
    expect(issue).toMatchObject({ state: 'closed', state_reason: 'completed' });
    const comments = github.issueComments(OWNER, repo, issue!.number);
    expect(comments.at(-1)!.body).toContain('passes the gate again');
    expect(appEntry(run).issue).toMatchObject({ action: 'closed', state: 'closed' });
  });

  it('reopens the same issue when the image fails again', async () => {
    await cli([{ id: 'CVE-2026-3000', severity: 'CRITICAL' }]);
    const issues = github.issues(OWNER, repo);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ state: 'open', state_reason: 'reopened' });
  });

  it('uploads each image’s SARIF to code scanning under a category of its own', async () => {
    const sha = 'a'.repeat(40);
    const run = await cli(
      [{ id: 'CVE-2026-3000', severity: 'CRITICAL' }],
      ['--sarif-upload', '--sha', sha, '--ref', 'refs/heads/main'],
    );
    expect(run.code).toBe(1);
    const uploads = github.sarifUploads().filter((upload) => upload.repo === repo);
    expect(uploads.map((upload) => upload.sarif.runs?.[0]?.automationDetails?.id).sort()).toEqual([
      `supply-chain-gate-watch/${api}/`,
      `supply-chain-gate-watch/${app}/`,
    ]);
    expect(uploads.every((upload) => upload.commit_sha === sha && upload.ref === 'refs/heads/main')).toBe(
      true,
    );
  });
});

describe('images that cannot be judged', () => {
  it('marks an image whose registry is unreachable as error, with its issue, and still judges the others', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const digest = await pushImage('acme/web', 'prod');
    const web = `${registry.host}/acme/web:prod`;
    const gone = `127.0.0.1:${closedPort}/acme/gone:prod`;
    const scan = await trivyReport('web.json', web, digest, []);
    const { run } = await runWatch(
      { images: [gone, web], scans: [{ image: web, path: scan }] },
      'unreachable',
    );
    const byKey = Object.fromEntries(run.results.map((result) => [result.key, result]));
    expect(byKey[web]!.decision.verdict).toBe('pass');
    expect(byKey[gone]!.decision.verdict).toBe('error');
    expect(byKey[gone]!.decision.errors.join(' ')).toMatch(/cannot reach 127\.0\.0\.1:\d+/);
    const issues = github.issues(OWNER, 'unreachable');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.title).toBe(`${gone} cannot be judged`);
    expect(issues[0]!.body).toMatch(/cannot reach 127\.0\.0\.1/);
  });

  it('reports a tag that no longer exists, and one a glob matched before that is gone now', async () => {
    const [, v11] = await Promise.all([pushImage('acme/lib', 'v1.0'), pushImage('acme/lib', 'v1.1')]);
    const glob = `${registry.host}/acme/lib:v1.*`;
    const v11Scan = await trivyReport('lib.json', `${registry.host}/acme/lib:v1.1`, v11, [
      { id: 'CVE-2026-4000', severity: 'HIGH' },
    ]);
    // Page size 1: the tags list is read page after page, following the registry's Link header.
    const first = await runWatch(
      { images: [glob], scans: [{ image: `${registry.host}/acme/lib:v1.1`, path: v11Scan }] },
      'vanished',
      1,
    );
    expect(first.run.results.map((result) => [result.key, result.decision.verdict])).toEqual([
      [`${registry.host}/acme/lib:v1.0`, 'fail'],
      [`${registry.host}/acme/lib:v1.1`, 'fail'],
    ]);
    expect(openIssues('vanished')).toHaveLength(2);

    await deleteManifest(registry, 'acme/lib', v11);
    const second = await runWatch({ images: [glob, `${registry.host}/acme/lib:v1.1`] }, 'vanished', 1);
    const vanished = second.run.results.find((result) => result.key === `${registry.host}/acme/lib:v1.1`)!;
    expect(vanished.decision.verdict).toBe('error');
    expect(vanished.decision.errors[0]).toMatch(/^the tag v1\.1 no longer exists in /);
    const issue = github.issues(OWNER, 'vanished').find((i) => i.title.includes('lib:v1.1'))!;
    expect(issue.state).toBe('open');
    expect(issue.body).toContain('no longer exists');
    // The tag is judged once though both the glob and --image name it.
    expect(second.run.results.filter((result) => result.key.endsWith(':v1.1'))).toHaveLength(1);
  });

  it('judges at most --max-images and says the rest were left out', async () => {
    await Promise.all(['a', 'b', 'c'].map((tag) => pushImage('acme/many', tag)));
    const { run } = await runWatch({ images: [`${registry.host}/acme/many:*`], maxImages: 2, dryRun: true });
    expect(run.results.map((result) => result.tag)).toEqual(['a', 'b']);
    expect(run.errors.join(' ')).toMatch(/3 images to watch, more than --max-images 2/);
  });
});

describe('jobs judging the same image at the same moment', () => {
  it('leave exactly one open issue: the younger one is closed as its duplicate', async () => {
    const repo = 'race';
    const digest = await pushImage('acme/race', 'prod');
    const image = `${registry.host}/acme/race:prod`;
    const scan = await trivyReport('race.json', image, digest, [
      { id: 'CVE-2026-5000', severity: 'CRITICAL' },
    ]);
    // Both jobs have listed the issues and found none before either creates the label or the
    // issue: the interleaving that duplicates issues, made certain.
    github.holdUntilConcurrent('POST /repos/{owner}/{repo}/labels', 2);
    github.holdUntilConcurrent('POST /repos/{owner}/{repo}/issues', 2);
    const inputs = { images: [image], scans: [{ path: scan }] };
    const [a, b] = await Promise.all([runWatch(inputs, repo), runWatch(inputs, repo)]);

    const issues = github.issues(OWNER, repo);
    expect(issues).toHaveLength(2);
    const [older, younger] = issues.sort((x, y) => x.number - y.number);
    expect(older!.state).toBe('open');
    expect(younger).toMatchObject({ state: 'closed', state_reason: 'duplicate' });
    expect(github.issueComments(OWNER, repo, younger!.number)[0]!.body).toContain(
      `Duplicate of #${older!.number}`,
    );
    expect(github.labels(OWNER, repo)).toHaveLength(1);
    for (const { run } of [a, b]) {
      expect(run.results[0]!.issue?.number).toBe(older!.number);
      expect(run.results[0]!.reportErrors).toEqual([]);
    }

    // The next run finds the one open issue and leaves the closed duplicate alone.
    await runWatch(inputs, repo);
    expect(github.issues(OWNER, repo).filter((issue) => issue.state === 'open')).toHaveLength(1);
  });

  it('finds its issue by the marker when someone took the label off', async () => {
    const repo = 'unlabeled';
    const digest = await pushImage('acme/unlabeled', 'prod');
    const image = `${registry.host}/acme/unlabeled:prod`;
    const scan = await trivyReport('unlabeled.json', image, digest, [
      { id: 'CVE-2026-6000', severity: 'HIGH' },
    ]);
    const inputs = { images: [image], scans: [{ path: scan }] };
    await runWatch(inputs, repo);
    const [issue] = github.issues(OWNER, repo);
    github.editIssue(OWNER, repo, issue!.number, { labels: ['triaged'] });
    await runWatch(inputs, repo);
    const issues = github.issues(OWNER, repo);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.labels.sort()).toEqual(['supply-chain-gate', 'triaged']);
  });
});
