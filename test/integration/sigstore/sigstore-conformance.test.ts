/**
 * The sigstore-conformance bundle-verification suite, driven the way the suite drives a client:
 * `verify-bundle` with its arguments in protocol order, once with the artifact's path and once with
 * `sha256:<digest>`. A case whose name ends in `fail` must exit non-zero, every other must exit 0.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fixturePath } from '../../support/fixtures.js';
import { runCliCaptured } from '../../support/cli.js';

const SUITE = fixturePath('third-party/sigstore-conformance/bundle-verify');
const DEFAULT_IDENTITY =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
const DEFAULT_ISSUER = 'https://token.actions.githubusercontent.com';

const cases = readdirSync(SUITE)
  .filter((name) => statSync(join(SUITE, name)).isDirectory())
  .sort();

function caseArguments(name: string, mode: 'PATH' | 'DIGEST'): string[] {
  const dir = join(SUITE, name);
  const optional = (file: string) => (existsSync(join(dir, file)) ? join(dir, file) : undefined);
  const read = (file: string) => readFileSync(join(dir, file), 'utf8').trim();
  const artifact = optional('artifact') ?? join(SUITE, 'a.txt');
  const args = ['verify-bundle', '--bundle', join(dir, 'bundle.sigstore.json')];
  const key = optional('key.pub');
  if (key) {
    args.push('--key', key);
  } else {
    args.push('--certificate-identity', optional('identity') ? read('identity') : DEFAULT_IDENTITY);
    args.push('--certificate-oidc-issuer', optional('issuer') ? read('issuer') : DEFAULT_ISSUER);
  }
  const root = optional('trusted_root.json');
  if (root) args.push('--trusted-root', root);
  args.push(
    mode === 'PATH'
      ? artifact
      : `sha256:${createHash('sha256').update(readFileSync(artifact)).digest('hex')}`,
  );
  return args;
}

describe('sigstore-conformance bundle-verify cases through verify-bundle', () => {
  it('has all 70 cases of the suite', () => {
    expect(cases).toHaveLength(70);
    expect(cases.filter((name) => name.endsWith('fail'))).toHaveLength(49);
  });

  describe.each(['PATH', 'DIGEST'] as const)('artifact given as %s', (mode) => {
    it.each(cases)('%s', async (name) => {
      const run = await runCliCaptured(caseArguments(name, mode), { cwd: SUITE });
      if (name.endsWith('fail')) {
        expect(run.code).not.toBe(0);
        // Rejected for a stated reason, not by a crash.
        expect(run.stderr).toMatch(/^(not verified \([a-z-]+\)|error): \S/);
        expect(run.stderr).not.toMatch(/internal error/);
      } else {
        expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
        expect(run.stdout).toMatch(/^verified: /);
      }
    });
  });
});
