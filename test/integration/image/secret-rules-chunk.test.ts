/**
 * The secret rule set (secretlint) is bundled into a chunk of its own that nothing loads at
 * start-up: neither entry, nor any chunk they import statically, imports it; only a dynamic
 * `import()` does, which runs when a scan starts.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { buildFreshBundle } from '../../support/actions/action-runner.js';

describe('the bundled secret rule set', () => {
  let dir: string;
  let dist: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scg-secret-chunk-'));
    dist = dirname(await buildFreshBundle(dir));
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** Files an ES module imports statically (`import … from "./x.js"`, `import "./x.js"`). */
  async function staticImports(file: string): Promise<string[]> {
    const text = await readFile(file, 'utf8');
    const found: string[] = [];
    for (const match of text.matchAll(
      /(?:^|[;\n}])\s*import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.[^"']+)["']/g,
    ))
      found.push(normalize(join(dirname(file), match[1]!)));
    return found;
  }

  it('is its own chunk, reached only through import()', async () => {
    const chunks = await readdir(join(dist, 'chunks'));
    const library = chunks.filter((name) => name.startsWith('secret-library-'));
    expect(library).toHaveLength(1);
    const libraryPath = join(dist, 'chunks', library[0]!);
    expect(await readFile(libraryPath, 'utf8')).toContain('secretlint-rule-preset-recommend');

    const loadedAtStart = new Set<string>();
    const pending = [join(dist, 'index.js'), join(dist, 'cli.js')];
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (loadedAtStart.has(file)) continue;
      loadedAtStart.add(file);
      pending.push(...(await staticImports(file)));
    }
    expect(loadedAtStart.size).toBeGreaterThan(2);
    expect([...loadedAtStart].filter((file) => file === libraryPath)).toEqual([]);
    for (const file of loadedAtStart)
      expect([file, (await readFile(file, 'utf8')).includes('secretlint-rule-preset-recommend')]).toEqual([
        file,
        false,
      ]);
    // Someone does import it, dynamically.
    const importers = [];
    for (const name of chunks)
      if ((await readFile(join(dist, 'chunks', name), 'utf8')).includes(`import("./${library[0]}")`))
        importers.push(name);
    expect(importers.length).toBeGreaterThan(0);
  });
});
