/**
 * Policy file → Policy. Every problem in the file is gathered before anything is thrown, so one
 * run shows the user every mistake, each with its line and column.
 */
import type { z } from 'zod';
import { readRegularFile } from '../../adapters/files/regular-file.js';
import { ConfigurationError, formatPosition, type FilePosition } from '../../errors.js';
import { closestMatch } from './did-you-mean.js';
import { policySchema, type Policy } from '../schema.js';
import { parseYamlWithPositions } from './yaml-positions.js';

export const MAX_POLICY_BYTES = 1024 * 1024;

export class PolicyError extends ConfigurationError<'invalid-policy'> {
  readonly problems: string[];

  constructor(problems: string[]) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : '';
    super('invalid-policy', `${problems[0]}${more}`);
    this.problems = problems;
  }
}

/** Pure: text in, Policy out, or a PolicyError listing every problem. */
export function parsePolicy(text: string, file: string): Policy {
  const { value, positions } = parseYamlWithPositions(text, file);
  if (value === null || value === undefined) {
    throw new PolicyError([`${file}:1:1: the policy file is empty: start it with "version: 1"`]);
  }
  const result = policySchema.safeParse(value);
  if (!result.success) {
    throw new PolicyError(result.error.issues.flatMap((issue) => describeIssue(issue, file, positions)));
  }
  return { ...result.data, origin: file, positions };
}

export async function loadPolicyFile(path: string, displayName = path): Promise<Policy> {
  const text = await readPolicyText(path, displayName);
  if (text === undefined) {
    throw new ConfigurationError(
      'policy-not-found',
      `${displayName}: policy file not found: create it or point the "policy" input at it`,
    );
  }
  return parsePolicy(text, displayName);
}

/**
 * A policy file's text, or undefined when there is none. Only a regular file is read, and only up
 * to the limit: a checkout may hold a FIFO or a symlink to a device under the policy's name.
 */
export async function readPolicyText(path: string, displayName: string): Promise<string | undefined> {
  const read = await readRegularFile(path, MAX_POLICY_BYTES);
  if (read.ok) return read.bytes.toString('utf8');
  switch (read.problem) {
    case 'missing':
      return undefined;
    case 'not-a-file':
      throw new ConfigurationError(
        'policy-not-a-file',
        `${displayName}: policy file is not a regular file: point the "policy" input at a file`,
      );
    case 'too-large':
      throw new ConfigurationError(
        'policy-too-large',
        `${displayName}: policy file is ${read.size} bytes; the limit is ${MAX_POLICY_BYTES}`,
      );
    case 'unreadable':
      throw new ConfigurationError(
        'policy-unreadable',
        `${displayName}: cannot read the policy file (${read.code})`,
      );
  }
}

function describeIssue(
  issue: z.core.$ZodIssue,
  file: string,
  positions: Record<string, FilePosition>,
): string[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(path);
    return issue.keys.map((key) => {
      const where = positions[[...path, key].join('.')] ?? nearestPosition(path, file, positions);
      const suggestion = closestMatch(key, known);
      const hint = suggestion ? `; did you mean "${suggestion}"?` : `; allowed here: ${known.join(', ')}`;
      return `${formatPosition(where)}: unknown key ${JSON.stringify(key)}${hint}`;
    });
  }
  const where = nearestPosition(path, file, positions);
  const label = path.length > 0 ? `${path.join('.')}: ` : '';
  return [`${formatPosition(where)}: ${label}${describeMessage(issue)}`];
}

function describeMessage(issue: z.core.$ZodIssue): string {
  if (issue.path.length === 1 && issue.path[0] === 'version') {
    return 'expected "version: 1" at the top of the file';
  }
  if (issue.code === 'invalid_value') {
    return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
  }
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    return `required (${issue.expected})`;
  }
  return issue.message.replace(/^Invalid input: /, '');
}

/** Walks back up the path until a key that was written in the file, so defaults still get a line. */
function nearestPosition(
  path: string[],
  file: string,
  positions: Record<string, FilePosition>,
): FilePosition {
  for (let length = path.length; length > 0; length--) {
    const position = positions[path.slice(0, length).join('.')];
    if (position) return position;
  }
  return { file, line: 1, column: 1 };
}

/** The keys the schema allows at a path, for "did you mean". */
function knownKeysAt(path: string[]): string[] {
  let schema: z.core.$ZodType | undefined = policySchema;
  for (const segment of path) {
    schema = schema && childSchema(unwrap(schema), segment);
  }
  const target = schema && unwrap(schema);
  if (target && target._zod.def.type === 'object') {
    return Object.keys((target._zod.def as z.core.$ZodObjectDef).shape);
  }
  return [];
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType };
    if ((def.type === 'default' || def.type === 'optional' || def.type === 'prefault') && def.innerType) {
      current = def.innerType;
    } else if (def.type === 'pipe' && def.in) {
      current = def.in;
    } else {
      return current;
    }
  }
}

function childSchema(schema: z.core.$ZodType, segment: string): z.core.$ZodType | undefined {
  const def = schema._zod.def;
  if (def.type === 'object') return (def as z.core.$ZodObjectDef).shape[segment];
  if (def.type === 'array') return (def as z.core.$ZodArrayDef).element;
  return undefined;
}
