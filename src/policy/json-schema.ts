/** The policy's JSON Schema, generated from the zod schema so editors check what the gate checks. */
import { z } from 'zod';
import { policySchema } from './schema.js';

export function policyJsonSchema(): string {
  const schema = z.toJSONSchema(policySchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'supply-chain-gate policy', $id: 'supply-chain-gate/policy.schema.json' }, null, 2)}\n`;
}
