/**
 * Repository and organization rulesets: created, listed, and applied to a branch the way GitHub's
 * "rules for a branch" endpoint applies them (active rulesets whose conditions match the branch
 * and, for an organization's, the repository).
 */
import { errorBody, nodeId, repositoryId, timestamp, WEB_URL, type Site } from './objects.js';
import { pageOf, validationFailed, type ApiRequest, type Handler, type Reply } from './reply.js';

interface Patterns {
  include?: string[];
  exclude?: string[];
}

interface Conditions {
  ref_name?: Patterns;
  repository_name?: Patterns;
  repository_id?: { repository_ids?: number[] };
  repository_property?: unknown;
}

/** The request body fields, as GitHub's schema has checked them. */
interface RulesetBody {
  name: string;
  target?: 'branch' | 'tag' | 'push' | 'repository';
  enforcement: 'disabled' | 'active' | 'evaluate';
  bypass_actors?: unknown[];
  conditions?: Conditions;
  rules?: Array<{ type: string; parameters?: unknown }>;
}

type Source = { type: 'Repository'; owner: string; repo: string } | { type: 'Organization'; org: string };

interface RulesetRecord extends Required<Omit<RulesetBody, 'conditions'>> {
  id: number;
  source: Source;
  conditions: Conditions | null;
  created_at: string;
}

const DEFAULT_BRANCH = 'main';

/** GitHub's fnmatch patterns: `*` stays within a path segment, `**` crosses them. */
function globMatches(pattern: string, text: string): boolean {
  const source = pattern
    .split(/(\*\*|\*|\?)/)
    .map((part) =>
      part === '**'
        ? '.*'
        : part === '*'
          ? '[^/]*'
          : part === '?'
            ? '[^/]'
            : part.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`).test(text);
}

function matchesPatterns(patterns: Patterns | undefined, value: string, special: Record<string, boolean>) {
  const matches = (pattern: string) => special[pattern] ?? globMatches(pattern, value);
  return (patterns?.include ?? []).some(matches) && !(patterns?.exclude ?? []).some(matches);
}

export function createRulesetStore(site: Site) {
  const rulesets: RulesetRecord[] = [];

  function sourceName(source: Source): string {
    return source.type === 'Repository' ? `${source.owner}/${source.repo}` : source.org;
  }

  function links(ruleset: RulesetRecord) {
    const { source, id } = ruleset;
    return source.type === 'Repository'
      ? {
          self: { href: `${site.apiUrl}/repos/${source.owner}/${source.repo}/rulesets/${id}` },
          html: { href: `${WEB_URL}/${source.owner}/${source.repo}/rules/${id}` },
        }
      : {
          self: { href: `${site.apiUrl}/orgs/${source.org}/rulesets/${id}` },
          html: { href: `${WEB_URL}/organizations/${source.org}/settings/rules/${id}` },
        };
  }

  /** The list endpoint leaves out conditions and rules; the create endpoint returns everything. */
  function toResponse(ruleset: RulesetRecord, full: boolean): Record<string, unknown> {
    return {
      id: ruleset.id,
      name: ruleset.name,
      target: ruleset.target,
      source_type: ruleset.source.type,
      source: sourceName(ruleset.source),
      enforcement: ruleset.enforcement,
      node_id: nodeId('RRS', ruleset.id),
      _links: links(ruleset),
      created_at: ruleset.created_at,
      updated_at: ruleset.created_at,
      ...(full
        ? {
            bypass_actors: ruleset.bypass_actors,
            current_user_can_bypass: 'never',
            conditions: ruleset.conditions,
            rules: ruleset.rules,
          }
        : {}),
    };
  }

  function appliesToRepository(ruleset: RulesetRecord, owner: string, repo: string): boolean {
    const { source } = ruleset;
    if (source.type === 'Repository') return source.owner === owner && source.repo === repo;
    if (source.org !== owner) return false;
    const conditions = ruleset.conditions ?? {};
    if (conditions.repository_id) {
      return (conditions.repository_id.repository_ids ?? []).includes(repositoryId(owner, repo));
    }
    // The stand-in's repositories have no custom properties, so no property condition matches.
    if (conditions.repository_property) return false;
    return matchesPatterns(conditions.repository_name, repo, { '~ALL': true });
  }

  function appliesToBranch(ruleset: RulesetRecord, branch: string): boolean {
    if (ruleset.target !== 'branch') return false;
    return matchesPatterns(ruleset.conditions?.ref_name, `refs/heads/${branch}`, {
      '~ALL': true,
      '~DEFAULT_BRANCH': branch === DEFAULT_BRANCH,
    });
  }

  function create(request: ApiRequest, source: Source): Reply {
    const body = request.body as RulesetBody;
    const target = body.target ?? 'branch';
    if (
      rulesets.some((other) => sourceName(other.source) === sourceName(source) && other.name === body.name)
    ) {
      const error = {
        resource: 'Ruleset',
        field: 'name',
        code: 'already_exists',
        message: 'Name must be unique',
      };
      return { status: 422, body: errorBody(422, 'Validation Failed', [error]) };
    }
    // GitHub's description requires ref_name of branch and tag rulesets; its schema cannot say so.
    if ((target === 'branch' || target === 'tag') && !body.conditions?.ref_name) {
      return validationFailed('Ruleset', 'conditions.ref_name', 'missing_field');
    }
    const ruleset: RulesetRecord = {
      id: 4_000_001 + rulesets.length,
      source,
      name: body.name,
      target,
      enforcement: body.enforcement,
      bypass_actors: body.bypass_actors ?? [],
      conditions: body.conditions ?? null,
      rules: body.rules ?? [],
      created_at: timestamp(),
    };
    rulesets.push(ruleset);
    return { status: 201, body: toResponse(ruleset, true) };
  }

  const createForRepository: Handler = (request) =>
    create(request, {
      type: 'Repository',
      owner: String(request.path.owner),
      repo: String(request.path.repo),
    });

  const createForOrganization: Handler = (request) =>
    create(request, { type: 'Organization', org: String(request.path.org) });

  const listForRepository: Handler = (request) => {
    const owner = String(request.path.owner);
    const repo = String(request.path.repo);
    const targets =
      request.query.targets === undefined ? undefined : String(request.query.targets).split(',');
    const matching = rulesets.filter(
      (ruleset) =>
        appliesToRepository(ruleset, owner, repo) &&
        (ruleset.source.type === 'Repository' || request.query.includes_parents !== false) &&
        (targets === undefined || targets.includes(ruleset.target)),
    );
    const page = pageOf(matching, request);
    return {
      status: 200,
      body: page.items.map((ruleset) => toResponse(ruleset, false)),
      headers: page.headers,
    };
  };

  /** Only active rulesets: `evaluate` ones report in Rule Insights and block nothing. */
  const rulesForBranch: Handler = (request) => {
    const owner = String(request.path.owner);
    const repo = String(request.path.repo);
    const branch = String(request.path.branch);
    const rules = rulesets
      .filter(
        (ruleset) =>
          ruleset.enforcement === 'active' &&
          appliesToRepository(ruleset, owner, repo) &&
          appliesToBranch(ruleset, branch),
      )
      .flatMap((ruleset) =>
        ruleset.rules.map((rule) => ({
          ...rule,
          ruleset_source_type: ruleset.source.type,
          ruleset_source: sourceName(ruleset.source),
          ruleset_id: ruleset.id,
        })),
      );
    const page = pageOf(rules, request);
    return { status: 200, body: page.items, headers: page.headers };
  };

  return {
    handlers: {
      'POST /repos/{owner}/{repo}/rulesets': createForRepository,
      'POST /orgs/{org}/rulesets': createForOrganization,
      'GET /repos/{owner}/{repo}/rulesets': listForRepository,
      'GET /repos/{owner}/{repo}/rules/branches/{branch}': rulesForBranch,
    } satisfies Record<string, Handler>,
  };
}
