/**
 * An organization's central policy combined with a repository's own: the repository may tighten
 * what the organization set, never loosen it. A rule the organization enforces stays enforced.
 *
 * Modes always take the stricter value. Per setting the organization wrote: lists of demands
 * (`fail-on`, `forbid-tags`, `platforms`, `deny-packages`) the union, `max-*` limits the lower number, `require-*`
 * switches stay on, `ignore-*` switches stay off, allow lists, custom rules and exceptions from both
 * apply; anything else, lists of what is trusted included, is the organization's.
 * What the organization left unset, the repository decides.
 */
import { FAMILY_KEYS, type Policy } from './schema.js';

const STRICTNESS: Record<string, number> = { audit: 0, warn: 0, enforce: 1 };

/** Lists in which every entry is one more thing that fails the gate. */
const DEMAND_LISTS = new Set(['fail-on', 'forbid-tags', 'platforms', 'deny-packages']);

export function tightenPolicy(organization: Policy, repository: Policy): Policy {
  const merged: Policy = {
    ...repository,
    origin: `${organization.origin} (organization) + ${repository.origin}`,
    positions: { ...repository.positions },
    notes: [...(organization.notes ?? []), ...(repository.notes ?? [])],
    mode: stricterMode(organization.mode, repository.mode),
    rules: [
      ...organization.rules,
      ...repository.rules.filter((rule) => !organization.rules.some((r) => r.id === rule.id)),
    ],
    exceptions: [...organization.exceptions, ...repository.exceptions],
    images: [],
  };
  if (organization.mode === merged.mode && organization.positions.mode)
    merged.positions.mode = organization.positions.mode;
  for (const family of FAMILY_KEYS) {
    const orgSection = organization[family] as Record<string, unknown>;
    const repoSection = repository[family] as Record<string, unknown>;
    const combined: Record<string, unknown> = { ...repoSection };
    for (const key of Object.keys(orgSection)) {
      const path = `${family}.${key}`;
      // Enforcement is never left to the repository, even where the organization kept the default.
      if (key === 'mode') {
        combined.mode = stricterMode(orgSection.mode as string, repoSection.mode as string);
        continue;
      }
      if (!(path in organization.positions)) continue; // the organization left it to the repository
      const value = combine(key, orgSection[key], repoSection[key], path in repository.positions);
      combined[key] = value;
      // Where the organization changed what the repository wrote, results point at its file.
      if (JSON.stringify(value) !== JSON.stringify(repoSection[key]))
        copyPositions(organization, merged, path);
    }
    (merged as unknown as Record<string, unknown>)[family] = combined;
  }
  // Rules and exceptions keep their own file positions, re-indexed after the concatenation.
  reindex(organization, merged, 'rules', 0);
  reindex(repository, merged, 'rules', organization.rules.length);
  reindex(organization, merged, 'exceptions', 0);
  reindex(repository, merged, 'exceptions', organization.exceptions.length);
  return merged;
}

function combine(key: string, org: unknown, repo: unknown, repoSetIt: boolean): unknown {
  if (!repoSetIt) return org;
  if (key.startsWith('max') && typeof org === 'number' && typeof repo === 'number')
    return Math.min(org, repo);
  if (key.startsWith('require') && typeof org === 'boolean') return org || repo === true;
  // Switches that loosen (`ignore-*`, `accept-*`) stay off where the organization turned them off.
  if ((key.startsWith('ignore') || key.startsWith('accept')) && typeof org === 'boolean')
    return org && repo === true;
  if (Array.isArray(org) && Array.isArray(repo)) {
    if (key === 'allow') return [...org, ...repo];
    // Only where each entry adds a demand does a longer list mean stricter; in lists of what is
    // trusted (builders, source repositories, identities, base images) it would mean looser.
    if (DEMAND_LISTS.has(key)) return [...new Set([...org, ...repo])];
  }
  return org;
}

function stricterMode<T extends string>(org: T, repo: T): T {
  return (STRICTNESS[repo] ?? 1) > (STRICTNESS[org] ?? 1) ? repo : org;
}

function copyPositions(from: Policy, to: Policy, prefix: string): void {
  for (const [path, position] of Object.entries(from.positions)) {
    if (path === prefix || path.startsWith(`${prefix}.`)) to.positions[path] = position;
  }
}

function reindex(from: Policy, to: Policy, list: 'rules' | 'exceptions', offset: number): void {
  for (const [path, position] of Object.entries(from.positions)) {
    const match = new RegExp(`^${list}\\.(\\d+)(\\..*)?$`).exec(path);
    if (match) to.positions[`${list}.${Number(match[1]) + offset}${match[2] ?? ''}`] = position;
  }
}
