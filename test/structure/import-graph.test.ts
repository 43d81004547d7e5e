/**
 * The module graph of src/ has no circle: every import (static, type-only or `await import()`)
 * counts, read with the TypeScript compiler's own pre-processor, and relative specifiers are
 * resolved as NodeNext resolves them (`./x.js` → `./x.ts`, or `./x/index.ts`).
 */
import { readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { REPO_ROOT } from '../support/fixtures.js';

const SRC = join(REPO_ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    graph.set(
      file,
      info.importedFiles
        .map((imported) => resolveImport(file, imported.fileName))
        .filter((target): target is string => target !== undefined),
    );
  }
  return graph;
}

/** Every circle, each once, as a list of files relative to src/. */
function circles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'visiting');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'visiting') {
        found.push(stack.slice(stack.indexOf(next)).map((path) => relative(SRC, path)));
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe('the module graph of src/', () => {
  it('reads every import, dynamic ones included', () => {
    const graph = importGraph();
    const cli = graph.get(join(SRC, 'cli.ts')) ?? [];
    expect(cli.length).toBeGreaterThan(5);
    // The CLI loads its commands with await import(): those edges count too.
    expect(cli.some((target) => /ruleset-cli|commands/.test(target))).toBe(true);
  });

  it('has no import circle', () => {
    expect(circles(importGraph())).toEqual([]);
  });

  it('keeps the shared model low: it imports nothing but itself and errors.ts', () => {
    const above = [...importGraph()]
      .filter(([file]) => file.startsWith(join(SRC, 'model')))
      .flatMap(([file, targets]) =>
        targets
          .filter((target) => !target.startsWith(join(SRC, 'model')) && target !== join(SRC, 'errors.ts'))
          .map((target) => `${relative(SRC, file)} → ${relative(SRC, target)}`),
      );
    expect(above).toEqual([]);
  });

  it('has no folder of code or tests with more than 15 files directly', () => {
    // Data is not code: fixtures and the hostile-input corpus hold files, not modules.
    const DATA = new Set([join(REPO_ROOT, 'test', 'fixtures'), join(REPO_ROOT, 'test', 'corpus')]);
    const crowded = (dir: string): string[] => {
      if (DATA.has(dir)) return [];
      const entries = readdirSync(dir).map((name) => join(dir, name));
      const fileCount = entries.filter((path) => statSync(path).isFile()).length;
      return [
        ...(fileCount > 15 ? [`${relative(REPO_ROOT, dir)}: ${fileCount}`] : []),
        ...entries.filter((path) => statSync(path).isDirectory()).flatMap(crowded),
      ];
    };
    expect([...crowded(SRC), ...crowded(join(REPO_ROOT, 'test'))]).toEqual([]);
  });
});
