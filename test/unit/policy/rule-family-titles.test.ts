/** Reports name rule families from rules/titles.ts, without loading the rules: the two must agree. */
import { RULE_FAMILIES } from '../../../src/policy/rules/index.js';
import { FAMILY_TITLES, familyTitle } from '../../../src/policy/rules/titles.js';

describe('rule family titles', () => {
  it('has one title per family, the one the family itself carries', () => {
    expect(Object.keys(FAMILY_TITLES).sort()).toEqual(RULE_FAMILIES.map((family) => family.id).sort());
    for (const family of RULE_FAMILIES) expect(familyTitle(family.id)).toBe(family.title);
  });

  it('shows an id no family has as it is, including names an object inherits', () => {
    expect(familyTitle('experimental')).toBe('experimental');
    expect(familyTitle('constructor')).toBe('constructor');
    expect(familyTitle('__proto__')).toBe('__proto__');
  });
});
