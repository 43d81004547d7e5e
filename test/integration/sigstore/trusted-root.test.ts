/**
 * Where trust comes from: a TUF refresh from a repository served on loopback, the cache of an
 * earlier refresh when the mirror is down, the embedded roots as the last resort (with a warning),
 * and a user's trusted_root.json (JSON or JSON Lines) replacing all of them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger } from '../../../src/adapters/log/logger.js';
import { loadTrustStore } from '../../../src/adapters/sigstore/trusted-root.js';
import { fixturePath, readFixture } from '../../support/fixtures.js';
import { startTufRepo, type TufRepo } from '../../support/tuf-repo.js';

// An older public-good root (one Rekor log, no TSA) tells a refreshed root from the embedded one.
const OLDER_ROOT = JSON.parse(readFixture('third-party/cosign/trusted_root_pgi.json')) as unknown;
const GITHUB_ROOT = JSON.parse(readFixture('../../src/trust/github.json')) as unknown;

describe('trusted roots', () => {
  let dir: string;
  let publicGood: TufRepo;
  let github: TufRepo;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scg-tuf-'));
    publicGood = await startTufRepo(OLDER_ROOT);
    github = await startTufRepo(GITHUB_ROOT);
  });
  afterEach(async () => {
    await Promise.all([publicGood.close(), github.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const load = (log = createMemoryLogger()) =>
    loadTrustStore({
      workspace: dir,
      tuf: {
        cacheDir: join(dir, 'cache'),
        timeoutMs: 2000,
        log,
        mirrors: {
          'public-good': { url: publicGood.url, seedRoot: publicGood.root },
          github: { url: github.url, seedRoot: github.root },
        },
      },
    });

  it('refreshes each root over TUF', async () => {
    const log = createMemoryLogger();
    const store = await load(log);
    expect(store.origin).toBe('tuf');
    expect(store.instances.map((instance) => instance.name)).toEqual(['public-good', 'github']);
    // The served root has no timestamp authority; the embedded public-good root has one.
    expect(store.instances[0]!.material.timestampAuthorities).toHaveLength(0);
    expect(log.lines).toEqual([]);
  });

  it('falls back to the cache of an earlier refresh when the mirror is down', async () => {
    await load();
    await publicGood.close();
    const log = createMemoryLogger();
    const store = await load(log);
    expect(store.instances[0]!.material.timestampAuthorities).toHaveLength(0);
    expect(log.lines).toEqual([
      expect.stringMatching(
        /^warning: could not refresh the public-good Sigstore trusted root over TUF .*using the copy cached by an earlier refresh$/,
      ),
    ]);
    publicGood = await startTufRepo(OLDER_ROOT);
  });

  it('falls back to the embedded root, with a warning, when nothing can be fetched', async () => {
    await publicGood.close();
    const log = createMemoryLogger();
    const store = await load(log);
    expect(store.instances[0]!.material.timestampAuthorities).toHaveLength(1);
    expect(log.lines).toEqual([
      expect.stringMatching(
        /^warning: could not refresh the public-good Sigstore trusted root over TUF .*using the embedded copy/,
      ),
    ]);
    publicGood = await startTufRepo(OLDER_ROOT);
  });

  it('refuses a TUF repository whose metadata is signed by a key the client does not trust', async () => {
    const impostor = await startTufRepo(OLDER_ROOT);
    const log = createMemoryLogger();
    const store = await loadTrustStore({
      workspace: dir,
      tuf: {
        cacheDir: join(dir, 'cache2'),
        timeoutMs: 2000,
        log,
        mirrors: {
          'public-good': { url: impostor.url, seedRoot: publicGood.root },
          github: { url: github.url, seedRoot: github.root },
        },
      },
    });
    await impostor.close();
    expect(store.instances[0]!.material.timestampAuthorities).toHaveLength(1);
    expect(log.lines[0]).toMatch(/using the embedded copy/);
  });

  it("uses a user's trusted root instead of every other, and reads JSON Lines of several", async () => {
    const single = await loadTrustStore({
      workspace: dir,
      trustedRootPath: fixturePath('third-party/cosign/trusted_root_pgi.json'),
    });
    expect(single.instances).toHaveLength(1);
    writeFileSync(
      join(dir, 'roots.jsonl'),
      `${JSON.stringify(OLDER_ROOT)}\n${JSON.stringify(GITHUB_ROOT)}\n`,
    );
    const lines = await loadTrustStore({ workspace: dir, trustedRootPath: 'roots.jsonl' });
    expect(lines.instances.map((instance) => instance.name)).toEqual(['roots.jsonl:1', 'roots.jsonl:2']);
  });

  it('names the file and the missing bound of an invalid trusted root', async () => {
    await expect(
      loadTrustStore({
        workspace: dir,
        trustedRootPath: fixturePath(
          'third-party/sigstore-conformance/bundle-verify/trust-root-tlog-missing-validity-start_fail/trusted_root.json',
        ),
      }),
    ).rejects.toThrow(/trusted_root\.json is invalid: tlogs\[1\]\.publicKey\.validFor\.start is missing/);
  });
});
