/**
 * The ruleset an admin imports to require the gate's check: the request body of GitHub's
 * `POST /repos/{owner}/{repo}/rulesets` or `POST /orgs/{org}/rulesets`, which is also what the
 * ruleset import of the settings UI reads. Pure: no I/O.
 */
import { ConfigurationError } from './errors.js';

/** The app every check run created with GITHUB_TOKEN belongs to. */
export const GITHUB_ACTIONS_APP_ID = 15368;

export type RulesetScope = 'repository' | 'organization';
/** `evaluate` reports what the rule would block without blocking (GitHub Enterprise only). */
export type RulesetEnforcement = 'active' | 'evaluate';

export interface RulesetOptions {
  /** One check per gated image: a matrix job posts one check run per name. */
  checkNames: string[];
  scope: RulesetScope;
  enforcement: RulesetEnforcement;
  /** The app the check must come from: GitHub Actions for GITHUB_TOKEN, or a dedicated App. */
  integrationId: number;
}

export interface StatusCheckRule {
  type: 'required_status_checks';
  parameters: {
    required_status_checks: Array<{ context: string; integration_id: number }>;
    strict_required_status_checks_policy: boolean;
    do_not_enforce_on_create: boolean;
  };
}

export interface RulesetRequest {
  name: string;
  target: 'branch';
  enforcement: RulesetEnforcement;
  bypass_actors: [];
  conditions: {
    ref_name: { include: string[]; exclude: string[] };
    repository_name?: { include: string[]; exclude: string[] };
  };
  rules: [StatusCheckRule];
}

export function buildRuleset(options: RulesetOptions): RulesetRequest {
  const quoted = options.checkNames.map((name) => JSON.stringify(name)).join(', ');
  return {
    name: `Require ${options.checkNames.length === 1 ? 'check' : 'checks'} ${quoted}`,
    target: 'branch',
    enforcement: options.enforcement,
    // Nobody bypasses by default: an admin who wants a break-glass actor adds one after importing.
    bypass_actors: [],
    conditions: {
      ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] },
      // An organization ruleset must say which repositories it covers; rolling out, narrow this.
      ...(options.scope === 'organization' ? { repository_name: { include: ['~ALL'], exclude: [] } } : {}),
    },
    rules: [
      {
        type: 'required_status_checks',
        parameters: {
          required_status_checks: options.checkNames.map((context) => ({
            context,
            integration_id: options.integrationId,
          })),
          // Requiring branches to be up to date re-runs the gate on every base change; the gate
          // already judges the image the pull request builds, so leave that choice to the admin.
          strict_required_status_checks_policy: false,
          // A new repository's first push has no check yet: without this, an organization ruleset
          // would block every repository's creation.
          do_not_enforce_on_create: true,
        },
      },
    ],
  };
}

/** `--enforcement`'s value, or a message that says which values there are. */
export function parseEnforcement(text: string | undefined): RulesetEnforcement {
  if (text === undefined || text === 'active') return 'active';
  if (text === 'evaluate') return 'evaluate';
  throw new ConfigurationError(
    'invalid-enforcement',
    `--enforcement takes active or evaluate (a dry run, GitHub Enterprise only), got ${JSON.stringify(text)}`,
  );
}

/** `--integration-id`'s value: a GitHub App's numeric id (its settings page shows it as "App ID"). */
export function parseIntegrationId(text: string | undefined): number {
  if (text === undefined) return GITHUB_ACTIONS_APP_ID;
  if (/^[1-9][0-9]{0,15}$/.test(text) && Number.isSafeInteger(Number(text))) return Number(text);
  throw new ConfigurationError(
    'invalid-integration-id',
    `--integration-id takes the numeric App ID of the GitHub App that posts the check (GitHub Actions is ${GITHUB_ACTIONS_APP_ID}), got ${JSON.stringify(text)}`,
  );
}
