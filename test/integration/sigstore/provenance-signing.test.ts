/**
 * Keyless signing end to end on loopback: the workflow's OIDC token from the runner's token
 * service, a Fulcio certificate, then Rekor (public-good shape) or a TSA (GitHub's shape); the
 * bundle is then verified by our own engine with the testbed's trusted roots.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchIdToken, idTokenSource } from '../../../src/adapters/sigstore/oidc.js';
import { signStatement } from '../../../src/adapters/sigstore/sign.js';
import { loadTrustStore } from '../../../src/adapters/sigstore/trusted-root.js';
import { claimsFromToken } from '../../../src/provenance/claims.js';
import { buildProvenancePredicate, SLSA_PROVENANCE_V1 } from '../../../src/provenance/predicate.js';
import { buildStatement, statementBytes } from '../../../src/provenance/statement.js';
import { verifyBundle } from '../../../src/sigstore/verify-bundle.js';
import type { TrustStore } from '../../../src/sigstore/trusted-root.js';
import { startSigstoreTestbed, type SigstoreTestbed } from '../../support/sigstore-testbed.js';
import { workflowClaims } from '../../support/actions/workflow-run.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
let testbed: SigstoreTestbed;
let dir: string;
let trust: TrustStore;

beforeAll(async () => {
  testbed = await startSigstoreTestbed();
  dir = await mkdtemp(join(tmpdir(), 'scg-signing-'));
  await writeFile(join(dir, 'trusted_root.jsonl'), testbed.trustedRootJsonl());
  trust = await loadTrustStore({ trustedRootPath: 'trusted_root.jsonl', workspace: dir });
});

afterAll(async () => {
  await testbed.stop();
  await rm(dir, { recursive: true, force: true });
});

async function signedProvenance(endpoints: SigstoreTestbed['publicGood']) {
  testbed.setClaims(workflowClaims());
  const token = await fetchIdToken(idTokenSource(testbed.idTokenEnv)!);
  const claims = claimsFromToken(token.claims, 'https://github.com');
  const statement = buildStatement(
    'ghcr.io/acme/app',
    [DIGEST],
    SLSA_PROVENANCE_V1,
    buildProvenancePredicate(claims),
  );
  return { bundle: await signStatement(statementBytes(statement), token.token, endpoints), statement };
}

test('a statement signed with the public-good shape verifies, with a Rekor entry and the workflow identity', async () => {
  const { bundle, statement } = await signedProvenance(testbed.publicGood);
  const result = verifyBundle({
    bundle,
    artifact: { digest: { algorithm: 'sha256', hex: DIGEST.slice(7) } },
    trust,
    keys: [],
    transparencyLog: 'required',
  });
  expect(result).toMatchObject({
    status: 'verified',
    content: 'dsse',
    signer: {
      kind: 'certificate',
      san: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
      issuer: 'https://token.actions.githubusercontent.com',
      claims: { sourceRepositoryUri: 'https://github.com/acme/app', runnerEnvironment: 'github-hosted' },
    },
  });
  if (result.status !== 'verified') throw new Error('unreachable');
  expect(result.transparencyLog).toHaveLength(1);
  expect(result.statement?.predicate).toEqual(statement.predicate);
});

test("a statement signed with GitHub's shape verifies by its TSA timestamp, without a log entry", async () => {
  const { bundle } = await signedProvenance(testbed.github);
  const result = verifyBundle({
    bundle,
    artifact: { digest: { algorithm: 'sha256', hex: DIGEST.slice(7) } },
    trust,
    keys: [],
    transparencyLog: 'optional',
  });
  // The whole result on failure: its `check` and `message` say which verification step refused.
  expect(result).toMatchObject({ status: 'verified' });
  if (result.status !== 'verified') throw new Error('unreachable');
  expect(result.transparencyLog).toHaveLength(0);
  expect(result.timestamps.map((t) => t.source)).toEqual(['timestamp-authority']);
});

test('a bundle for one digest does not verify for another', async () => {
  const { bundle } = await signedProvenance(testbed.publicGood);
  const result = verifyBundle({
    bundle,
    artifact: { digest: { algorithm: 'sha256', hex: 'cd'.repeat(32) } },
    trust,
    keys: [],
    transparencyLog: 'optional',
  });
  expect(result).toMatchObject({ status: 'invalid', check: 'subject-binding' });
});
