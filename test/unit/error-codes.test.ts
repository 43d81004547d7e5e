/**
 * Each error class takes only the codes of its own closed list (src/error-codes.ts), so a typo in a
 * code fails `npm run build` (tsc checks this file: the `@ts-expect-error` lines fail the build the
 * day a wrong code compiles). At run time: every listed code is still raised somewhere, and every
 * code written at a `new …Error('code'` site is listed under that class.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  CONFIGURATION_CODES,
  INTERNAL_CODES,
  VERIFICATION_CHECKS,
  VERIFICATION_CODES,
} from '../../src/error-codes.js';
import { ConfigurationError, InternalError, VerificationError } from '../../src/errors.js';
import { PolicyError } from '../../src/policy/document/load.js';
import { CheckFailure } from '../../src/sigstore/check-error.js';
import { REPO_ROOT } from '../support/fixtures.js';

const SRC = join(REPO_ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

const sources = sourceFiles(SRC)
  .filter((file) => relative(SRC, file) !== 'error-codes.ts')
  .map((file) => ({ file: relative(REPO_ROOT, file), text: readFileSync(file, 'utf8') }));

/** Which list each class (and each subclass that narrows one) takes its codes from. */
const LIST_OF: Record<string, readonly string[]> = {
  ConfigurationError: CONFIGURATION_CODES,
  PolicyError: CONFIGURATION_CODES,
  SnapshotError: CONFIGURATION_CODES,
  VerificationError: VERIFICATION_CODES,
  TransientRegistryError: VERIFICATION_CODES,
  CheckFailure: VERIFICATION_CHECKS,
  InternalError: INTERNAL_CODES,
};

describe('error codes', () => {
  it('reject a code outside the class’s list at compile time', () => {
    // @ts-expect-error a typo is not a configuration code
    const typo = new ConfigurationError('invalid-argument', 'typo');
    // @ts-expect-error a configuration code is not a verification code
    const wrongClass = new VerificationError('invalid-policy', 'wrong class');
    // @ts-expect-error nor is it an internal one
    const internal = new InternalError('invalid-arguments', 'wrong class');
    // @ts-expect-error a subclass that narrows its code takes only that code
    const narrowed: PolicyError = new ConfigurationError('invalid-yaml', 'not a policy error');
    // @ts-expect-error a Sigstore check is one of the checks, not any verification code
    const check = new CheckFailure('registry-error', 'not a check');
    // The codes still reach run time unchanged: the checks above are types only.
    expect([typo.code, wrongClass.code, internal.code, narrowed.code, check.code]).toEqual([
      'invalid-argument',
      'invalid-policy',
      'invalid-arguments',
      'invalid-yaml',
      'registry-error',
    ]);
  });

  it('accept each class’s own codes', () => {
    expect(new ConfigurationError('invalid-arguments', 'x').kind).toBe('configuration');
    expect(new VerificationError('registry-error', 'x').kind).toBe('verification');
    expect(new InternalError('store-mismatch', 'x').kind).toBe('internal');
    expect(new CheckFailure('signature', 'x').check).toBe('signature');
  });

  it.each([
    ['configuration', CONFIGURATION_CODES],
    ['verification', VERIFICATION_CODES],
    ['internal', INTERNAL_CODES],
  ] as const)('list each %s code once, in kebab case', (_kind, codes: readonly string[]) => {
    expect(codes.filter((code, index) => codes.indexOf(code) !== index)).toEqual([]);
    expect(codes.filter((code) => !/^[a-z]+(-[a-z]+)*$/.test(code))).toEqual([]);
  });

  it('list only codes some source file still raises', () => {
    const listed = new Set<string>([...CONFIGURATION_CODES, ...VERIFICATION_CODES, ...INTERNAL_CODES]);
    const unused = [...listed].filter((code) => !sources.some(({ text }) => text.includes(`'${code}'`)));
    expect(unused).toEqual([]);
  });

  it('list every literal code written where an error is made', () => {
    const site = new RegExp(`new\\s+(${Object.keys(LIST_OF).join('|')})(?:<[^>]*>)?\\(\\s*'([^']*)'`, 'g');
    const unlisted: string[] = [];
    let sites = 0;
    for (const { file, text } of sources) {
      for (const [, cls, code] of text.matchAll(site)) {
        sites += 1;
        if (!LIST_OF[cls!]!.includes(code!)) unlisted.push(`${file}: ${cls}('${code}')`);
      }
    }
    expect(unlisted).toEqual([]);
    // The pattern does find the sites (a pattern that matched nothing would pass any list).
    expect(sites).toBeGreaterThan(200);
  });
});
