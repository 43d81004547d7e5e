/**
 * Each rule family's title, as reports name it. Kept apart from the families themselves so a
 * report can be rendered (even for a run that never evaluated a rule) without loading every rule.
 */
export const FAMILY_TITLES = {
  signatures: 'Signatures',
  provenance: 'Provenance',
  vulnerabilities: 'Vulnerabilities',
  image: 'Image hygiene',
  sbom: 'Software bill of materials',
  rules: 'Custom rules',
} as const;

/** The title of a family id; an id no family has is shown as it is. */
export function familyTitle(id: string): string {
  return Object.hasOwn(FAMILY_TITLES, id) ? FAMILY_TITLES[id as keyof typeof FAMILY_TITLES] : id;
}
