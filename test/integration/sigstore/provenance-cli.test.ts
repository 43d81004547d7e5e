/**
 * `supply-chain-gate provenance` outside GitHub Actions: the claims from a --context file, the
 * statement written locally; mistakes get one line naming the file, the flag or the permission.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProvenancePredicate } from '../../../src/provenance/predicate.js';
import { claimsFromToken } from '../../../src/provenance/claims.js';
import { runCliCaptured } from '../../support/cli.js';
import { workflowClaims, workflowEnv } from '../../support/actions/workflow-run.js';

const DIGEST = `sha256:${'a1'.repeat(32)}`;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scg-provenance-cli-'));
  await writeFile(join(dir, 'context.json'), JSON.stringify(workflowClaims(), null, 2));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('writes the statement for image@digest from a --context file of the token claims', async () => {
  const run = await runCliCaptured(
    [
      'provenance',
      '--image',
      'ghcr.io/acme/app',
      '--digest',
      DIGEST,
      '--context',
      'context.json',
      '--out',
      'out/prov.json',
    ],
    { cwd: dir },
  );
  expect(run).toMatchObject({ code: 0 });
  expect(run.stderr).toContain('NOT signed (signing is turned off)');
  const statement = JSON.parse(await readFile(join(dir, 'out/prov.json'), 'utf8'));
  expect(statement).toEqual({
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'ghcr.io/acme/app', digest: { sha256: DIGEST.slice(7) } }],
    predicateType: 'https://slsa.dev/provenance/v1',
    predicate: buildProvenancePredicate(claimsFromToken(workflowClaims(), 'https://github.com')),
  });
});

it('reads the claims from the Actions environment without --context', async () => {
  const run = await runCliCaptured(['provenance', '--image', `ghcr.io/acme/app@${DIGEST}`], {
    cwd: dir,
    env: workflowEnv(),
  });
  expect(run.code).toBe(0);
  expect(run.stdout.trim()).toBe('supply-chain-gate-provenance.json');
});

it('refuses --sign without an OIDC token, naming the permission', async () => {
  const run = await runCliCaptured(['provenance', '--image', `ghcr.io/acme/app@${DIGEST}`, '--sign'], {
    cwd: dir,
    env: workflowEnv(),
  });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('id-token: write');
});

it('names the file, line and column of a broken --context file', async () => {
  await writeFile(join(dir, 'broken.json'), '{\n  "repository": "acme/app",\n  oops\n}');
  const run = await runCliCaptured(
    ['provenance', '--image', `ghcr.io/acme/app@${DIGEST}`, '--context', 'broken.json'],
    { cwd: dir },
  );
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/broken\.json:3:3/);
});

it('names the missing claims of an incomplete --context file', async () => {
  await writeFile(join(dir, 'partial.json'), JSON.stringify({ repository: 'acme/app' }));
  const run = await runCliCaptured(
    ['provenance', '--image', `ghcr.io/acme/app@${DIGEST}`, '--context', 'partial.json'],
    { cwd: dir },
  );
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('partial.json: repository_id:');
});

it('needs a digest', async () => {
  const run = await runCliCaptured(
    ['provenance', '--image', 'ghcr.io/acme/app:v1', '--context', 'context.json'],
    {
      cwd: dir,
    },
  );
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('provenance is made for a digest');
});
