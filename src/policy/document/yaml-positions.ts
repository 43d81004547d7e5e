/**
 * Parses YAML while remembering where every key was written, so a policy error or a failing rule
 * can point at `file:line:column` instead of at a dotted path the user has to look for.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { ConfigurationError, type FilePosition } from '../../errors.js';

export interface PositionedYaml {
  value: unknown;
  positions: Record<string, FilePosition>;
}

/** Aliases let a tiny file expand into gigabytes ("billion laughs"); real policies need few. */
const MAX_ALIAS_COUNT = 50;
const MAX_DEPTH = 64;

export function parseYamlWithPositions(text: string, file: string): PositionedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, version: '1.2' });
  const at = (offset: number): FilePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const firstError = doc.errors[0];
  if (firstError) {
    const where = at(firstError.pos[0]);
    throw new ConfigurationError(
      'invalid-yaml',
      `${where.file}:${where.line}:${where.column}: ${describeYamlFailure(firstError.message)}`,
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ConfigurationError('invalid-yaml', `${file}:1:1: ${describeYamlFailure(message)}`);
  }
  const positions: Record<string, FilePosition> = {};
  collectPositions(doc.contents, [], positions, at, 0, file);
  return { value, positions };
}

function collectPositions(
  node: unknown,
  path: string[],
  positions: Record<string, FilePosition>,
  at: (offset: number) => FilePosition,
  depth: number,
  file: string,
): void {
  if (depth > MAX_DEPTH) {
    const range = (node as Node | null)?.range;
    const where = range ? at(range[0]) : { file, line: 1, column: 1 };
    throw new ConfigurationError(
      'invalid-yaml',
      `${where.file}:${where.line}:${where.column}: nesting deeper than ${MAX_DEPTH} levels is not a policy`,
    );
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const keyPath = [...path, key];
      const range = (pair.key as Node | null)?.range;
      if (range) positions[keyPath.join('.')] = at(range[0]);
      collectPositions(pair.value, keyPath, positions, at, depth + 1, file);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const itemPath = [...path, String(index)];
      const range = (item as Node | null)?.range;
      if (range) positions[itemPath.join('.')] = at(range[0]);
      collectPositions(item, itemPath, positions, at, depth + 1, file);
    });
  }
}

/**
 * The parser recurses per level: a file nested thousands deep exhausts the stack, which is the
 * mistake the depth limit names, not a crash to show.
 */
function describeYamlFailure(message: string): string {
  return /call stack/i.test(message)
    ? `nesting deeper than ${MAX_DEPTH} levels is not a policy`
    : `invalid YAML: ${firstLine(message)}`;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
