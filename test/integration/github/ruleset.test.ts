/**
 * `supply-chain-gate ruleset`: its JSON must be what GitHub's create-ruleset endpoints accept (their
 * OpenAPI request schemas, compiled the way the stand-in compiles them), and once imported, the
 * rule GitHub applies to the default branch must require the gate's check from the right app.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildRuleset, GITHUB_ACTIONS_APP_ID } from '../../../src/ruleset.js';
import { runCliCaptured } from '../../support/cli.js';
import { REPO_ROOT } from '../../support/fixtures.js';
import { startGitHubApi, type GitHubApiStandIn } from '../../support/github-api.js';
import { findOperation, validateRequestBody } from '../../support/github-api/openapi.js';

const REPO_RULESETS = '/repos/acme/app/rulesets';
const ORG_RULESETS = '/orgs/acme/rulesets';

/** ajv's complaints about `body` as the request body of `POST path`, as `path message` lines. */
function schemaErrors(path: string, body: unknown): string[] {
  const match = findOperation('POST', path);
  if (!match) throw new Error(`no operation for POST ${path}`);
  return validateRequestBody(match.operation, body).errors.map(
    (error) => `${error.instancePath || '(root)'} ${error.message ?? ''}`,
  );
}

async function rulesetOutput(args: string[]): Promise<Record<string, unknown>> {
  const result = await runCliCaptured(['ruleset', ...args], { cwd: REPO_ROOT });
  expect(result).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe("the ruleset JSON against GitHub's schemas", () => {
  it.each([
    ['repository', REPO_RULESETS, [] as string[]],
    [
      'repository, evaluate, own App, two checks',
      REPO_RULESETS,
      [
        '--enforcement',
        'evaluate',
        '--integration-id',
        '987654',
        '--check-name',
        'gate / api',
        '--check-name',
        'gate / web',
      ],
    ],
    ['organization', ORG_RULESETS, ['--org']],
    ['organization, evaluate', ORG_RULESETS, ['--org', '--enforcement', 'evaluate']],
  ])('%s: valid for POST %s', async (_name, path, args) => {
    expect(schemaErrors(path, await rulesetOutput(args))).toEqual([]);
  });

  it('requires the check by name from GitHub Actions unless told the App', async () => {
    const repository = await rulesetOutput([]);
    expect(repository.rules).toEqual([
      {
        type: 'required_status_checks',
        parameters: {
          required_status_checks: [{ context: 'supply-chain-gate', integration_id: 15368 }],
          strict_required_status_checks_policy: false,
          do_not_enforce_on_create: true,
        },
      },
    ]);
    expect(repository).toMatchObject({ target: 'branch', enforcement: 'active', bypass_actors: [] });
    expect(repository.conditions).toEqual({ ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } });
    const app = await rulesetOutput(['--integration-id', '987654', '--check-name', 'gate / api']);
    expect(JSON.stringify(app.rules)).toContain('{"context":"gate / api","integration_id":987654}');
  });

  it('the schemas do catch a broken ruleset (the checks above can fail)', () => {
    const ruleset = buildRuleset({
      checkNames: ['supply-chain-gate'],
      scope: 'repository',
      enforcement: 'active',
      integrationId: GITHUB_ACTIONS_APP_ID,
    });
    const { strict_required_status_checks_policy: _dropped, ...parameters } = ruleset.rules[0].parameters;
    const broken = { ...ruleset, rules: [{ ...ruleset.rules[0], parameters }] };
    expect(schemaErrors(REPO_RULESETS, broken).length).toBeGreaterThan(0);
    // An organization ruleset must say which repositories it covers.
    expect(schemaErrors(ORG_RULESETS, ruleset).length).toBeGreaterThan(0);
  });

  it('the JSON in docs/rulesets.md is valid for the endpoint it is meant for', async () => {
    const guide = await readFile(join(REPO_ROOT, 'docs/rulesets.md'), 'utf8');
    const blocks = [...guide.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((m) => JSON.parse(m[1]!));
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const block of blocks) {
      const path = block.conditions?.repository_name ? ORG_RULESETS : REPO_RULESETS;
      expect(schemaErrors(path, block)).toEqual([]);
    }
    expect(blocks[0]).toEqual(await rulesetOutput([]));
  });

  it('refuses a wrong option with one line that says what to pass', async () => {
    const cases: Array<[string[], string]> = [
      [['--enforcement', 'disabled'], '--enforcement takes active or evaluate'],
      [['--integration-id', 'github-actions'], '--integration-id takes the numeric App ID'],
      [['--check-name', ''], '--check-name takes the name of the check run'],
      [['--frobnicate'], "Unknown option '--frobnicate'"],
    ];
    for (const [args, message] of cases) {
      const result = await runCliCaptured(['ruleset', ...args], { cwd: REPO_ROOT });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('is in the usage text', async () => {
    const { stdout } = await runCliCaptured(['--help'], { cwd: REPO_ROOT });
    expect(stdout).toContain('supply-chain-gate ruleset [--check-name NAME]… [--org]');
  });
});

describe('importing the ruleset into the GitHub API stand-in', () => {
  let github: GitHubApiStandIn;
  beforeEach(async () => {
    github = await startGitHubApi();
  });
  afterEach(() => github.stop());

  /** What `gh api --method METHOD PATH --input FILE` sends. */
  async function api(method: string, path: string, body?: unknown) {
    const response = await fetch(`${github.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${github.token}`,
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  }

  const statusCheckRules = (rules: unknown) =>
    (rules as Array<{ type: string }>).filter((rule) => rule.type === 'required_status_checks');

  it('a repository ruleset requires the check on the default branch, and only there', async () => {
    const created = await api('POST', REPO_RULESETS, await rulesetOutput(['--integration-id', '987654']));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      source_type: 'Repository',
      source: 'acme/app',
      enforcement: 'active',
    });

    const main = await api('GET', '/repos/acme/app/rules/branches/main');
    expect(main.status).toBe(200);
    expect(statusCheckRules(main.body)).toEqual([
      {
        type: 'required_status_checks',
        parameters: {
          required_status_checks: [{ context: 'supply-chain-gate', integration_id: 987654 }],
          strict_required_status_checks_policy: false,
          do_not_enforce_on_create: true,
        },
        ruleset_source_type: 'Repository',
        ruleset_source: 'acme/app',
        ruleset_id: (created.body as { id: number }).id,
      },
    ]);
    expect(statusCheckRules((await api('GET', '/repos/acme/app/rules/branches/feature/x')).body)).toEqual([]);
    expect(statusCheckRules((await api('GET', '/repos/acme/other/rules/branches/main')).body)).toEqual([]);
    // The same name twice is refused, as GitHub refuses it.
    expect((await api('POST', REPO_RULESETS, await rulesetOutput([]))).status).toBe(422);
    expect(github.violations.map((violation) => violation.message)).toEqual(['Validation Failed']);
  });

  it('an evaluate ruleset is listed but blocks nothing', async () => {
    const created = await api('POST', REPO_RULESETS, await rulesetOutput(['--enforcement', 'evaluate']));
    expect(created.status).toBe(201);
    const listed = await api('GET', REPO_RULESETS);
    expect(listed.body).toEqual([
      expect.objectContaining({ id: (created.body as { id: number }).id, enforcement: 'evaluate' }),
    ]);
    expect(statusCheckRules((await api('GET', '/repos/acme/app/rules/branches/main')).body)).toEqual([]);
    expect(github.violations).toEqual([]);
  });

  it('an organization ruleset applies to every repository of the organization', async () => {
    const created = await api('POST', ORG_RULESETS, await rulesetOutput(['--org']));
    expect(created.status).toBe(201);
    for (const repo of ['app', 'api']) {
      const rules = statusCheckRules((await api('GET', `/repos/acme/${repo}/rules/branches/main`)).body);
      expect(rules).toEqual([
        expect.objectContaining({ ruleset_source_type: 'Organization', ruleset_source: 'acme' }),
      ]);
    }
    expect(statusCheckRules((await api('GET', '/repos/other/app/rules/branches/main')).body)).toEqual([]);
    // Listed among the repository's rulesets unless the parents are left out.
    expect((await api('GET', REPO_RULESETS)).body).toHaveLength(1);
    expect((await api('GET', `${REPO_RULESETS}?includes_parents=false`)).body).toEqual([]);
    // The repository-level JSON has no repository condition, which an organization ruleset needs.
    expect((await api('POST', ORG_RULESETS, await rulesetOutput([]))).status).toBe(422);
    expect(github.violations).toHaveLength(1);
  });
});
