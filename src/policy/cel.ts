/**
 * CEL (the expression language Kubernetes and Kyverno use) for custom rules. Expressions are
 * compiled once when the policy loads, so a typo is a policy error with a line, not a failed run.
 */
import { Environment } from '@marcbachmann/cel-js';

/** The variables an expression may name; docs/policy.md documents each one's fields. */
export const CEL_VARIABLES = {
  image: 'map',
  platforms: 'list',
  findings: 'list',
  counts: 'map',
  scans: 'list',
  signatures: 'list',
  attestations: 'list',
} as const;

// Bounds keep a hostile policy from making the parser or evaluator the slow part of a run.
const environment = Object.entries(CEL_VARIABLES).reduce(
  (env, [name, type]) => env.registerVariable(name, type),
  new Environment({ limits: { maxAstNodes: 2000, maxDepth: 40, maxListElements: 500, maxMapEntries: 200 } }),
);

export type CompiledExpression = (context: Record<string, unknown>) => unknown;

export function compileExpression(expression: string): { program?: CompiledExpression; error?: string } {
  let program: CompiledExpression;
  try {
    program = environment.parse(expression) as unknown as CompiledExpression;
  } catch (error) {
    return { error: `invalid CEL expression: ${describeCelError(error, expression)}` };
  }
  // Type-checking catches a misspelt variable or a rule that is not a yes/no question at load time.
  const checked = environment.check(expression) as { valid: boolean; type?: string; error?: unknown };
  if (!checked.valid)
    return { error: `invalid CEL expression: ${describeCelError(checked.error, expression)}` };
  if (checked.type !== 'bool' && checked.type !== 'dyn') {
    return { error: `the expression gives ${checked.type ?? 'no value'}, not true or false` };
  }
  return { program };
}

export function evaluateExpression(
  program: CompiledExpression,
  context: Record<string, unknown>,
): { value: boolean } | { error: string } {
  try {
    const value = program(context);
    if (typeof value !== 'boolean')
      return { error: `the expression gave ${typeOf(value)}, not true or false` };
    return { value };
  } catch (error) {
    return { error: describeCelError(error) };
  }
}

function describeCelError(error: unknown, expression?: string): string {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
  const position =
    (error as { node?: { pos?: number }; pos?: number }).node?.pos ?? (error as { pos?: number }).pos;
  return expression !== undefined && typeof position === 'number'
    ? `${message} (at character ${position + 1} of the expression)`
    : message;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'bigint') return 'an int';
  return `a ${typeof value}`;
}
