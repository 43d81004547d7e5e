/**
 * The policy that applies to one image: the top-level settings, replaced section by section by the
 * first `images:` entry whose patterns match. Positions follow, so results point at the override.
 */
import { imageMatches } from './image-patterns.js';
import { FAMILY_KEYS, type Policy } from './schema.js';

export function policyForImage(policy: Policy, imageName: string): Policy {
  const index = policy.images.findIndex((entry) => imageMatches(entry.match, imageName));
  if (index === -1) return policy;
  const override = policy.images[index]!;
  const selected: Policy = { ...policy, positions: { ...policy.positions } };
  if (override.mode !== undefined) {
    selected.mode = override.mode;
    remap(selected, `images.${index}.mode`, 'mode');
  }
  for (const key of FAMILY_KEYS) {
    const section = override[key];
    if (section === undefined) continue;
    (selected as unknown as Record<string, unknown>)[key] = section;
    const prefix = `images.${index}.${key}`;
    for (const path of Object.keys(policy.positions)) {
      if (path === prefix || path.startsWith(`${prefix}.`))
        remap(selected, path, path.slice(`images.${index}.`.length));
    }
  }
  const patterns = Array.isArray(override.match) ? override.match.join(', ') : override.match;
  selected.notes = [
    ...(policy.notes ?? []),
    `Settings from images[${index}] (${patterns}) apply to ${imageName}.`,
  ];
  return selected;
}

function remap(policy: Policy, from: string, to: string): void {
  const position = policy.positions[from];
  if (position) policy.positions[to] = position;
}
