/**
 * Where the policy comes from: the base commit on pull requests (so a PR cannot weaken its own
 * gate), and an organization policy the repository may only tighten, both read through the GitHub
 * API stand-in; CEL rules and exceptions end to end through the CLI.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitHubClient } from '../../../src/adapters/github/create-client.js';
import { createMemoryLogger } from '../../../src/adapters/log/logger.js';
import { openImageStore } from '../../../src/adapters/oci/open-image-store.js';
import type { RunInputs } from '../../../src/inputs.js';
import { run } from '../../../src/main.js';
import { runCliCaptured } from '../../support/cli.js';
import { REPO_ROOT } from '../../support/fixtures.js';
import { startGitHubApi, type GitHubApiStandIn } from '../../support/github-api.js';

const BASE_SHA = '0123456789abcdef0123456789abcdef01234567';
const NOW = new Date('2026-11-28T12:00:00Z');
const STRICT = 'version: 1\nvulnerabilities:\n  fail-on: [critical]\n';
const WEAKENED = 'version: 1\nmode: audit\nvulnerabilities:\n  fail-on: []\n';

describe('policy source', () => {
  let github: GitHubApiStandIn;
  let workspace: string;

  beforeAll(async () => {
    github = await startGitHubApi();
    workspace = await mkdtemp(join(tmpdir(), 'scg-policy-'));
    await cp(join(REPO_ROOT, 'examples/demo'), workspace, { recursive: true });
    await cp(join(REPO_ROOT, 'examples/demo/policy.yml'), join(workspace, '.github/supply-chain-gate.yml'));
    github.setContent('acme', 'app', '.github/supply-chain-gate.yml', BASE_SHA, STRICT);
    github.setContent(
      'acme',
      '.github',
      'policies/gate.yml',
      'main',
      'version: 1\nvulnerabilities:\n  fail-on: [critical, high]\n  mode: enforce\n',
    );
  });
  afterAll(async () => {
    await github.stop();
    await rm(workspace, { recursive: true, force: true });
  });

  const gate = (overrides: Partial<RunInputs>) =>
    run(
      {
        image: 'oci:app-oci:1.0',
        scanPaths: ['trivy.json'],
        checkName: 'supply-chain-gate',
        workspace,
        ...overrides,
      },
      {
        now: () => NOW,
        log: createMemoryLogger(),
        toolVersion: 'test',
        openImageStore: (reference) => openImageStore(reference),
        github: createGitHubClient({ apiUrl: github.url, token: github.token }),
      },
    );

  it('uses the base commit policy on a pull request, not the weakened copy in the checkout, and says so', async () => {
    await writeFile(join(workspace, '.github/supply-chain-gate.yml'), WEAKENED);
    const result = await gate({
      policyBase: { owner: 'acme', repo: 'app', ref: BASE_SHA, event: 'pull_request event' },
    });
    expect(result.decision.mode).toBe('enforce');
    expect(result.decision.verdict).toBe('fail');
    expect(result.decision.policyOrigin).toBe(`.github/supply-chain-gate.yml@${BASE_SHA.slice(0, 12)}`);
    expect(result.decision.notes).toEqual([
      `Policy read from the base commit ${BASE_SHA.slice(0, 12)}, so this change cannot weaken its own gate.`,
      `This change edits .github/supply-chain-gate.yml; the gate used the version at the base commit ${BASE_SHA.slice(0, 12)}, and the edit applies once it is merged.`,
    ]);
    expect(
      github.requests.some(
        (r) => r.operation === 'GET /repos/{owner}/{repo}/contents/{path}' && r.query.ref === BASE_SHA,
      ),
    ).toBe(true);
    expect(github.violations).toEqual([]);
  });

  it('uses the checkout policy on a push, where there is no base to trust instead', async () => {
    await writeFile(join(workspace, '.github/supply-chain-gate.yml'), WEAKENED);
    const result = await gate({});
    expect(result.decision.mode).toBe('audit');
  });

  it('falls back to the built-in policy when the base commit has no policy file, and says so', async () => {
    const result = await gate({
      policyBase: { owner: 'acme', repo: 'other', ref: BASE_SHA, event: 'pull_request event' },
    });
    expect(result.decision.policyOrigin).toBe('built-in defaults');
    expect(result.decision.notes?.[0]).toContain('the built-in default policy applies');
  });

  it('merges an organization policy the repository cannot loosen', async () => {
    await writeFile(
      join(workspace, '.github/supply-chain-gate.yml'),
      'version: 1\nvulnerabilities:\n  mode: warn\n  fail-on: []\n',
    );
    const result = await gate({ policyPath: 'acme/.github/policies/gate.yml@main' });
    expect(result.decision.policyOrigin).toBe(
      'acme/.github/policies/gate.yml@main (organization) + .github/supply-chain-gate.yml',
    );
    const failOn = result.decision.results.find((r) => r.ruleId === 'vulnerabilities.fail-on')!;
    expect(failOn.status).toBe('fail');
    expect(failOn.position?.file).toBe('acme/.github/policies/gate.yml@main');
  });

  it('says clearly when the organization policy cannot be read', async () => {
    const result = await gate({ policyPath: 'acme/.github/policies/missing.yml@main' });
    expect(result.exitCode).toBe(2);
    expect(result.decision.errors[0]).toMatch(/organization policy not found .*contents: read/);
  });
});

describe('custom rules and exceptions through the CLI', () => {
  it('evaluates CEL rules and honours an exception until it expires', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scg-cel-'));
    try {
      await cp(join(REPO_ROOT, 'examples/demo'), dir, { recursive: true });
      await writeFile(
        join(dir, 'policy.yml'),
        `version: 1
vulnerabilities:
  fail-on: [critical]
image:
  non-root: false
rules:
  - id: non-root
    expression: image.user != "" && image.user != "root"
    message: the image runs as root
  - id: has-source
    expression: '"org.opencontainers.image.source" in image.labels'
    message: label the image with its source repository
exceptions:
  - rule: rules.non-root
    reason: the demo image predates the non-root rule
    expires: 2026-12-01
  - rule: vulnerabilities.fail-on
    id: CVE-2019-14697
    reason: musl is patched in the next release
    expires: 2026-11-30
`,
      );
      const args = [
        'check',
        '--image',
        'oci:app-oci:1.0',
        '--policy',
        'policy.yml',
        '--scan',
        'trivy.json',
        '--json',
        'r.json',
        '-q',
      ];
      const before = await runCliCaptured(args, { cwd: dir, now: () => new Date('2026-11-28T00:00:00Z') });
      expect(before.code).toBe(0);
      expect(before.stdout).toContain('rules.has-source');
      const after = await runCliCaptured(args, { cwd: dir, now: () => new Date('2026-12-02T00:00:00Z') });
      expect(after.code).toBe(1);
      expect(after.stdout).toContain('the image runs as root');
      expect(after.stdout).toContain('expired on 2026-12-01');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
