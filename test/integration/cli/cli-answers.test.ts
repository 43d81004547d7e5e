/**
 * The CLI's answers on bad input and sparse reports: a bundle that is not JSON is bad input (exit 2)
 * and none of its bytes are quoted; a YAML construct left open is reported where it opens; a
 * finding without a title is named by the first sentence of its description.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCaptured } from '../../support/cli.js';
import { REPO_ROOT } from '../../support/fixtures.js';

describe('the CLI answers', () => {
  let dir: string;
  const cli = (...args: string[]) => runCliCaptured(args, { cwd: dir });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scg-cli-answers-'));
    await cp(join(REPO_ROOT, 'examples/demo/app-oci'), join(dir, 'app-oci'), { recursive: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('verify-bundle: a file that is not JSON is bad input, and its bytes are not echoed', async () => {
    await writeFile(join(dir, 'secret.txt'), 'ghp_NotAJsonFileButATokenOfSomeone1234\nsecond line\n');
    const run = await cli(
      'verify-bundle',
      '--bundle',
      'secret.txt',
      '--certificate-identity',
      'x',
      '--certificate-oidc-issuer',
      'https://token.actions.githubusercontent.com',
      `sha256:${'0'.repeat(64)}`,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: secret\.txt:1:1: invalid JSON: /m);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/ghp_|NotAJson|second line/);
  });

  it.each([
    [
      'a flow sequence',
      'version: 1\nvulnerabilities:\n  fail-on: [critical, high\nimage:\n  non-root: true\n',
      '3:12',
      '[',
    ],
    [
      'a double-quoted string',
      'version: 1\nvulnerabilities:\n  allow:\n    - id: CVE-1\n      reason: "never closed\n      expires: 2027-01-01\n',
      '5:15',
      '"',
    ],
    ['a flow mapping', 'version: 1\nrules:\n  - {id: a, expression: "true"\n', '3:5', '{'],
  ])('a YAML error in %s that is never closed points at where it opens', async (_what, text, at, mark) => {
    await writeFile(join(dir, 'unclosed.yml'), text);
    for (const args of [
      // policy lint reads files as given, from the process's own directory.
      ['policy', 'lint', join(dir, 'unclosed.yml')],
      ['check', '--image', 'oci:app-oci:1.0', '--policy', 'unclosed.yml'],
    ]) {
      const run = await cli(...args);
      expect(run.code).toBe(2);
      expect(`${run.stdout}\n${run.stderr}`).toContain(
        `unclosed.yml:${at}: invalid YAML: this ${mark} is never closed`,
      );
    }
  });

  it('names a finding without a title by the first sentence of its description', async () => {
    const report = JSON.parse(await readFile(join(REPO_ROOT, 'examples/demo/trivy.json'), 'utf8'));
    for (const vulnerability of report.Results[0].Vulnerabilities) {
      delete vulnerability.Title;
      vulnerability.Description = `Heap overflow in ${vulnerability.PkgName} 1.2.3 when parsing input. An attacker can crash it.\nMore.`;
    }
    await writeFile(join(dir, 'untitled.json'), JSON.stringify(report));
    await writeFile(
      join(dir, 'strict.yml'),
      'version: 1\nimage:\n  non-root: false\nvulnerabilities:\n  fail-on: [critical]\n',
    );
    const run = await cli(
      'check',
      '--image',
      'oci:app-oci:1.0',
      '--policy',
      'strict.yml',
      '--scan',
      'untitled.json',
      '--json',
      'out.json',
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('| Heap overflow in musl 1.2.3 when parsing input. |');
    expect(run.stdout).not.toContain('An attacker can crash it');
    const json = JSON.parse(await readFile(join(dir, 'out.json'), 'utf8'));
    const titles = json.results.flatMap((r: { findings?: Array<{ title?: string }> }) =>
      (r.findings ?? []).map((f) => f.title),
    );
    expect(titles.length).toBeGreaterThan(0);
    expect(
      titles.every((t: string | undefined) => typeof t === 'string' && t.endsWith('when parsing input.')),
    ).toBe(true);
  });
});
