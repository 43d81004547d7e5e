/**
 * `image.no-shell`, `image.no-package-manager` and `image.max-packages` on images umoci builds
 * layer by layer: symlinks, whiteouts (`umoci insert --whiteout`) and opaque directories
 * (`--opaque`) as the OCI image spec defines them.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { applyLayer, readLayer, toolKind } from '../../../src/evidence/final-filesystem.js';
import { runCliCaptured } from '../../support/cli.js';
import { fixturePath } from '../../support/fixtures.js';
import { requireTestbedTools } from '../../support/registry.js';
import { tarArchive } from '../../support/images/tar-writer.js';

const run = promisify(execFile);

describe('minimal images', () => {
  let workspace: string;

  /** A rootfs directory with these files (content "x") and symlinks (path → target). */
  function rootfs(files: string[], links: Record<string, string> = {}): string {
    const dir = mkdtempSync(join(tmpdir(), 'scg-rootfs-'));
    for (const file of files) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), 'x');
    }
    for (const [path, target] of Object.entries(links)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      symlinkSync(target, join(dir, path));
    }
    return dir;
  }

  async function umoci(...args: string[]) {
    await run('umoci', args);
  }

  beforeAll(async () => {
    await requireTestbedTools();
    workspace = mkdtempSync(join(tmpdir(), 'scg-minimal-'));
    const layout = join(workspace, 'app');
    await umoci('init', '--layout', layout);
    // Layer 1: a busybox userland with a package manager; bash completions share the tools' names.
    const base = rootfs(
      ['bin/busybox', 'usr/bin/apt-get', 'usr/share/bash-completion/completions/apt', 'app/server'],
      { 'bin/sh': 'busybox' },
    );
    await umoci('new', '--image', `${layout}:fat`);
    await umoci('insert', '--image', `${layout}:fat`, base, '/');
    // Layer 2: apt-get removed by a whiteout.
    await umoci('insert', '--image', `${layout}:fat`, '--whiteout', '/usr/bin/apt-get');
    // The slim image: the same, then /bin replaced by an opaque directory holding only the app's tool.
    await umoci('new', '--image', `${layout}:slim`);
    await umoci('insert', '--image', `${layout}:slim`, base, '/');
    await umoci('insert', '--image', `${layout}:slim`, '--whiteout', '/usr/bin/apt-get');
    const bin = rootfs(['healthcheck']);
    await umoci('insert', '--image', `${layout}:slim`, '--opaque', bin, '/bin');
    rmSync(base, { recursive: true, force: true });
    rmSync(bin, { recursive: true, force: true });
    cpSync(
      fixturePath('third-party/spdx-examples/example11-k8s-bom-sbom.spdx.json'),
      join(workspace, 'sbom.spdx.json'),
    );
  });

  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  async function check(tag: string, image: string[], extra: string[] = []) {
    writeFileSync(
      join(workspace, 'policy.yml'),
      [
        'version: 1',
        'vulnerabilities: { require-scan: false }',
        'image:',
        '  non-root: false',
        ...image,
        '',
      ].join('\n'),
    );
    const result = await runCliCaptured(
      [
        'check',
        '--image',
        `oci:app:${tag}`,
        '--policy',
        'policy.yml',
        '--json',
        'report.json',
        '-q',
        ...extra,
      ],
      { cwd: workspace },
    );
    const report = JSON.parse(readFileSync(join(workspace, 'report.json'), 'utf8')) as {
      results: Array<{ ruleId: string; status: string; title: string; message: string }>;
      errors: string[];
    };
    expect(report.errors).toEqual([]);
    return { result, rule: (id: string) => report.results.find((r) => r.ruleId === id) };
  }

  it('fails image.no-shell on an image with /bin/sh, saying what and where', async () => {
    const { rule } = await check('fat', ['  no-shell: true', '  no-package-manager: true']);
    const shell = rule('image.no-shell')!;
    expect(shell).toMatchObject({ status: 'fail', title: '2 shell(s) in the final filesystem' });
    expect(shell.message).toMatch(
      /^\/bin\/busybox \(layer [0-9a-f]{12}\); \/bin\/sh → busybox \(layer [0-9a-f]{12}\)\.$/,
    );
    // apt-get was whited out; the bash completion named apt is no executable.
    expect(rule('image.no-package-manager')).toMatchObject({ status: 'pass' });
  });

  it('passes when an opaque directory hides the shell of the layers below', async () => {
    const { rule } = await check('slim', ['  no-shell: true']);
    expect(rule('image.no-shell')).toMatchObject({
      status: 'pass',
      title: 'No shell in the final filesystem',
    });
  });

  it('counts packages of the SBOM for image.max-packages', async () => {
    const over = await check('slim', ['  max-packages: 3'], ['--sbom', 'sbom.spdx.json']);
    expect(over.rule('image.max-packages')).toMatchObject({ status: 'fail', title: 'Too many packages' });
    expect(over.rule('image.max-packages')?.message).toContain(
      '4 packages, over the limit of 3, per SPDX 2.3 file sbom.spdx.json',
    );
    const none = await check('slim', ['  max-packages: 3']);
    expect(none.rule('image.max-packages')?.status).toBe('fail');
    expect(none.rule('image.max-packages')?.title).toContain('no SBOM the policy trusts');
  });
});

describe('the final filesystem of a layer stack', () => {
  async function stack(...layers: Parameters<typeof tarArchive>[0][]) {
    const tree = new Map();
    for (const [position, entries] of layers.entries()) {
      const changes = await readLayer(tarArchive(entries), false, `sha256:${position}`, 1 << 20);
      if ('skipped' in changes) throw new Error(changes.skipped);
      applyLayer(tree, changes);
    }
    return [...tree.keys()].sort();
  }

  it('honours whiteouts and opaque directories of the layers below only', async () => {
    expect(
      await stack(
        [
          { name: 'bin/', type: '5' },
          { name: 'bin/sh', type: '2', linkName: 'bash' },
          { name: 'bin/bash' },
          { name: 'etc/x' },
        ],
        [{ name: 'bin/.wh.sh' }, { name: 'etc/.wh..wh..opq' }, { name: 'etc/y' }],
      ),
    ).toEqual(['bin', 'bin/bash', 'etc/y']);
  });

  it('drops what was under a directory that a file replaces', async () => {
    expect(
      await stack(
        [{ name: 'usr/bin/', type: '5' }, { name: 'usr/bin/bash' }],
        [{ name: 'usr/bin', type: '2', linkName: '/bin' }],
      ),
    ).toEqual(['usr/bin']);
  });

  it('names shells and package managers only in bin and sbin directories', () => {
    expect(toolKind('usr/local/bin/pip3.12')).toBe('package-manager');
    expect(toolKind('sbin/apk')).toBe('package-manager');
    expect(toolKind('bin/dash')).toBe('shell');
    expect(toolKind('usr/share/bash-completion/completions/apt')).toBeUndefined();
    expect(toolKind('usr/lib/node_modules/npm')).toBeUndefined();
  });
});
