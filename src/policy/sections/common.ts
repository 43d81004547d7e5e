/** Schema pieces every policy section shares. */
import { z } from 'zod';

export const ruleMode = z
  .enum(['enforce', 'warn'])
  .describe('enforce: a failure fails the gate; warn: reported only');
export type RuleMode = z.output<typeof ruleMode>;

/**
 * A calendar date written `2027-01-31`. YAML 1.2 (what the loader speaks) hands it over as a string;
 * a string keeps the JSON Schema honest too.
 */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD')
  .refine((text) => {
    const parsed = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(text);
  }, 'expected a real calendar date written YYYY-MM-DD');

/** The fields every exception carries: why, who, and until when. */
export const exceptionFields = {
  reason: z.string().min(1).describe('Why this is accepted; shown in every report'),
  expires: isoDate
    .optional()
    .describe('Last day the exception applies (YYYY-MM-DD, UTC); after it, it is reported'),
  owner: z.string().min(1).optional().describe('Who answers for this exception'),
};
