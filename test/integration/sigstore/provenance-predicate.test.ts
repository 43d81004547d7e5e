/**
 * Our predicate is GitHub's: for the same OIDC claims, src/provenance/predicate.ts builds exactly
 * what @actions/attest's buildSLSAProvenancePredicate builds (the token comes from the testbed's
 * token service, verified by @actions/attest against the testbed's JWKS as it verifies GitHub's).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fetchIdToken, idTokenSource } from '../../../src/adapters/sigstore/oidc.js';
import { claimsFromEnvironment, claimsFromToken } from '../../../src/provenance/claims.js';
import { buildProvenancePredicate, SLSA_PROVENANCE_V1 } from '../../../src/provenance/predicate.js';
import { startSigstoreTestbed, type SigstoreTestbed } from '../../support/sigstore-testbed.js';
import { workflowClaims, workflowEnv } from '../../support/actions/workflow-run.js';

let testbed: SigstoreTestbed;
beforeAll(async () => {
  testbed = await startSigstoreTestbed();
});
afterAll(() => testbed.stop());

function actionsAttestPredicate(serverUrl: string): Promise<{ type: string; params: unknown }> {
  const script = fileURLToPath(new URL('../../support/actions-attest-predicate.mjs', import.meta.url));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [script, testbed.issuer],
      {
        env: { PATH: process.env.PATH, GITHUB_SERVER_URL: serverUrl, ...testbed.idTokenEnv },
        timeout: 30_000,
      },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`@actions/attest failed: ${stderr || error.message}`));
        // @actions/core writes ::debug:: lines to stdout too; the predicate is the last line.
        try {
          resolve(JSON.parse(stdout.trim().split('\n').pop() ?? ''));
        } catch (parseError) {
          reject(parseError as Error);
        }
      },
    );
  });
}

const cases: Array<[string, Record<string, string>, string]> = [
  ['a push to main on github.com', {}, 'https://github.com'],
  [
    'a pull request built by a reusable workflow of another repository, on a self-hosted runner',
    {
      ref: 'refs/pull/42/merge',
      event_name: 'pull_request',
      job_workflow_ref: 'acme/workflows/.github/workflows/build.yml@refs/tags/v3',
      runner_environment: 'self-hosted',
      run_attempt: '1',
    },
    'https://github.com',
  ],
  ['a tag on a GHE.com tenant', { ref: 'refs/tags/v1.2.0', event_name: 'release' }, 'https://acme.ghe.com'],
];

test.each(cases)('the predicate equals @actions/attest’s for %s', async (_name, overrides, serverUrl) => {
  testbed.setClaims({ ...workflowClaims(overrides), iss: testbed.issuer });
  const expected = await actionsAttestPredicate(serverUrl);
  const token = await fetchIdToken(idTokenSource(testbed.idTokenEnv)!);
  const ours = buildProvenancePredicate(claimsFromToken(token.claims, serverUrl));
  expect(expected.type).toBe(SLSA_PROVENANCE_V1);
  expect(ours).toEqual(expected.params);
  // Same keys in the same order: the signed bytes are JSON, and verifiers may compare them.
  expect(JSON.stringify(ours)).toBe(JSON.stringify(expected.params));
});

test('without a token, the environment gives the same predicate for a job in its own workflow', async () => {
  testbed.setClaims({ ...workflowClaims(), iss: testbed.issuer });
  const expected = await actionsAttestPredicate('https://github.com');
  expect(buildProvenancePredicate(claimsFromEnvironment(workflowEnv()))).toEqual(expected.params);
});
