/** The `rules:` list: custom rules written as CEL expressions over the evidence. */
import { z } from 'zod';
import { compileExpression } from '../cel.js';
import { ruleMode } from './common.js';

export const customRule = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected lowercase letters, digits and dashes, e.g. "small-image"')
      .describe('Reported as rules.<id>'),
    description: z.string().min(1).optional(),
    expression: z
      .string()
      .min(1)
      .max(4000)
      .superRefine((expression, ctx) => {
        const problem = compileExpression(expression).error;
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .describe('A CEL expression that is true when the image complies'),
    message: z.string().min(1).describe('Shown when the expression is false'),
    remediation: z.string().min(1).optional().describe('How to fix it'),
    mode: ruleMode.default('enforce'),
  })
  .strict();

export type CustomRule = z.output<typeof customRule>;
