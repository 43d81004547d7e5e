/** Schema pieces every policy section shares. */
import { z } from 'zod';

export const ruleMode = z.enum(['enforce', 'warn']);
export type RuleMode = z.output<typeof ruleMode>;

/** A date written `2027-01-31` (YAML may hand it over as a Date or a string). */
export const isoDate = z.union([z.date(), z.string()]).transform((value, ctx) => {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    ctx.addIssue({ code: 'custom', message: 'expected a date written YYYY-MM-DD' });
    return z.NEVER;
  }
  return text;
});
