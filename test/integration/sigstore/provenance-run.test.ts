/**
 * A simulated workflow run (the runner's environment and event payload, a job with id-token: write)
 * through run(): the gate makes SLSA provenance for the image it is given, signs it on the loopback
 * Sigstore testbed, pushes it to the testbed registry as a referrer and to the GitHub stand-in as
 * an attestation, then finds and verifies it with everything else and judges it by the policy.
 * After the decision it signs a verification summary, pushed the same way, which our own engine
 * finds again and verifies, policy digest included. Without id-token: write, the unsigned statement
 * is written and the summary says which permission to add.
 */
import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitHubClient } from '../../../src/adapters/github/create-client.js';
import { createMemoryLogger } from '../../../src/adapters/log/logger.js';
import { openImageStore } from '../../../src/adapters/oci/open-image-store.js';
import { loadTrustStore } from '../../../src/adapters/sigstore/trusted-root.js';
import { collectEvidence } from '../../../src/evidence/collect.js';
import type { RunInputs } from '../../../src/inputs.js';
import { run, type RunDeps } from '../../../src/main.js';
import { parsePolicy } from '../../../src/policy/document/load.js';
import { provenanceRequest, verificationSummaryRequest } from '../../../src/provenance/requests.js';
import { readSigningContext } from '../../../src/provenance/signing-context.js';
import { policyDigest, VSA_PREDICATE_TYPE } from '../../../src/verification-summary/predicate.js';
import { startGitHubApi, type GitHubApiStandIn } from '../../support/github-api.js';
import {
  buildImage,
  pushImage,
  requireTestbedTools,
  startRegistry,
  type TestRegistry,
} from '../../support/registry.js';
import { startSigstoreTestbed, type SigstoreTestbed } from '../../support/sigstore-testbed.js';
import { RUN, workflowClaims, workflowEnv } from '../../support/actions/workflow-run.js';

const SIGNER = `https://github.com/${RUN.repository}/${RUN.workflow}@${RUN.ref}`;
const POLICY = `version: 1
vulnerabilities:
  require-scan: false
image:
  non-root: false
provenance:
  required: true
  builders: [${SIGNER}]
  source-repositories: [${RUN.repository}]
  source-refs: [refs/heads/main]
  hosted-runners: true
  signers:
    - issuer: https://token.actions.githubusercontent.com
      subject: ${SIGNER}
`;

let registry: TestRegistry;
let github: GitHubApiStandIn;
let sigstore: SigstoreTestbed;
let workspace: string;
let digest: string;
const cleanup: string[] = [];

beforeAll(async () => {
  await requireTestbedTools();
  [registry, github, sigstore] = await Promise.all([
    startRegistry({ auth: true }),
    startGitHubApi(),
    startSigstoreTestbed(),
  ]);
  const image = await buildImage({ labels: { name: 'app' }, tag: 'v1' });
  cleanup.push(image.layoutDir);
  digest = await pushImage(image.layoutDir, image.tag, registry, 'acme/app', 'v1');
  workspace = await mkdtemp(join(tmpdir(), 'scg-provenance-run-'));
  cleanup.push(workspace);
  await writeFile(join(workspace, 'trusted_root.jsonl'), sigstore.trustedRootJsonl());
  await writeFile(join(workspace, 'policy.yml'), POLICY);
  sigstore.setClaims(workflowClaims());
});

afterAll(async () => {
  await Promise.all([registry?.stop(), github?.stop(), sigstore?.stop()]);
  await Promise.all(cleanup.map((dir) => rm(dir, { recursive: true, force: true })));
});

function inputs(overrides: Partial<RunInputs> = {}): RunInputs {
  return {
    image: `${registry.host}/acme/app@${digest}`,
    digest,
    policyPath: 'policy.yml',
    scanPaths: [],
    trustedRootPath: 'trusted_root.jsonl',
    attestationScopes: [{ owner: 'acme', repo: 'app' }],
    checkName: 'supply-chain-gate',
    workspace,
    registryCredentials: { username: registry.username!, password: registry.password! },
    provenance: provenanceRequest({ push: 'registry,github' }, { push: 'push', sigstore: 'sigstore' }),
    ...overrides,
  };
}

/** Every OIDC token the run fetched, as the action hands them to core.setSecret. */
const masked: string[] = [];

function deps(env: Record<string, string>, payload: unknown = { repository: { visibility: 'public' } }) {
  const log = createMemoryLogger();
  const credentials = { username: registry.username!, password: registry.password! };
  const runDeps: RunDeps = {
    now: () => new Date(),
    log,
    toolVersion: 'test',
    github: createGitHubClient({ apiUrl: github.url, token: github.token }),
    openImageStore: (reference) => openImageStore(reference, { credentials }),
    attestation: {
      signingContext: () =>
        readSigningContext({
          env,
          payload,
          workspace,
          endpoints: { 'public-good': sigstore.publicGood, github: sigstore.github },
          maskSecret: (secret) => masked.push(secret),
        }),
      registry: { credentials },
    },
  };
  return { runDeps, log };
}

describe('a run with id-token: write', () => {
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    const { runDeps } = deps({ ...workflowEnv(), ...sigstore.idTokenEnv });
    result = await run(
      inputs({
        verificationSummary: verificationSummaryRequest(
          { push: 'registry' },
          { push: 'push', sigstore: 'sigstore' },
        ),
      }),
      runDeps,
    );
  });

  it('passes on the provenance it made, signed by the workflow, found in the registry and on GitHub', () => {
    expect(result.decision.errors).toEqual([]);
    expect(result.decision.verdict).toBe('pass');
    const rule = result.decision.results.find((r) => r.ruleId === 'provenance.verified');
    expect(rule).toMatchObject({ status: 'pass', title: `Provenance from ${SIGNER}` });
    const evidence = result.decision.evidence!;
    const madeDigest = evidence.generatedProvenance?.bundleDigest;
    expect(madeDigest).toMatch(/^sha256:/);
    // The same bundle, once from each place it was published; never added a second time as made.
    const copies = evidence.verifications!.filter((v) => v.artifact.source.digest === madeDigest);
    expect(copies.map((v) => [v.status, v.artifact.source.kind]).sort()).toEqual([
      ['verified', 'github'],
      ['verified', 'registry'],
    ]);
    expect(result.decision.notes?.join('\n')).toContain('signed with the public-good Sigstore instance');
  });

  it('handed every OIDC token it fetched to the mask before using it', () => {
    expect(masked.length).toBeGreaterThan(0);
    for (const token of masked) expect(token.split('.')).toHaveLength(3);
  });

  it('uploaded a schema-valid attestation to GitHub', () => {
    expect(github.violations).toEqual([]);
    const uploaded = github
      .attestations()
      .filter((a) => a.predicateType === 'https://slsa.dev/provenance/v1');
    expect(uploaded).toHaveLength(1);
    expect(uploaded[0]).toMatchObject({ owner: 'acme', repo: 'app', subjectDigests: [digest] });
  });

  it('wrote the bundle to the provenance path', async () => {
    const written = JSON.parse(await readFile(join(workspace, 'supply-chain-gate-provenance.json'), 'utf8'));
    expect(written.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
  });

  it('pushed a verification summary that our engine finds and verifies, with the policy digest', async () => {
    expect(result.decision.notes?.join('\n')).toMatch(
      /Verification summary \(PASSED, SLSA_BUILD_LEVEL_2, policy sha256:[0-9a-f]{64}\)/,
    );
    const policy = parsePolicy(POLICY, 'policy.yml');
    const evidence = await collectEvidence(inputs({ provenance: undefined, attestationScopes: [] }), {
      openImageStore: (reference) =>
        openImageStore(reference, {
          credentials: { username: registry.username!, password: registry.password! },
        }),
      loadTrust: () => loadTrustStore({ trustedRootPath: 'trusted_root.jsonl', workspace }),
    });
    const summaries = evidence.verifications!.filter(
      (v) => v.status === 'verified' && v.statement?.predicateType === VSA_PREDICATE_TYPE,
    );
    expect(summaries).toHaveLength(1);
    const summary = summaries[0]!;
    if (summary.status !== 'verified') throw new Error('unreachable');
    expect(summary.signer).toMatchObject({ kind: 'certificate', san: SIGNER });
    expect(summary.statement!.predicate).toMatchObject({
      verifier: { id: SIGNER },
      resourceUri: `${registry.host}/acme/app@${digest}`,
      policy: { uri: 'policy.yml', digest: { sha256: policyDigest(policy) } },
      verificationResult: 'PASSED',
      verifiedLevels: ['SLSA_BUILD_LEVEL_2'],
      slsaVersion: '1.0',
    });
    const inputsRead = (
      summary.statement!.predicate as { inputAttestations: Array<{ digest: { sha256: string } }> }
    ).inputAttestations;
    expect(inputsRead.map((entry) => `sha256:${entry.digest.sha256}`)).toContain(
      result.decision.evidence!.generatedProvenance!.bundleDigest,
    );
  });
});

describe('a run without id-token: write (a fork’s pull request)', () => {
  it('writes the unsigned statement, says which permission to add, and fails the required provenance', async () => {
    const fork = await mkdtemp(join(tmpdir(), 'scg-fork-'));
    cleanup.push(fork);
    await writeFile(join(fork, 'policy.yml'), POLICY);
    await writeFile(join(fork, 'trusted_root.jsonl'), sigstore.trustedRootJsonl());
    // An image of its own: the one above carries the signed provenance of the first run.
    const image = await buildImage({ labels: { name: 'fork' }, tag: 'v1' });
    cleanup.push(image.layoutDir);
    const forkDigest = await pushImage(image.layoutDir, image.tag, registry, 'acme/fork', 'pr-7');
    const { runDeps } = deps(
      workflowEnv({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/7/merge' }),
    );
    const result = await run(
      inputs({
        image: `${registry.host}/acme/fork@${forkDigest}`,
        digest: forkDigest,
        workspace: fork,
        attestationScopes: [],
      }),
      runDeps,
    );
    expect(result.decision.errors).toEqual([]);
    expect(result.decision.results.find((r) => r.ruleId === 'provenance.signed-here')).toMatchObject({
      status: 'warn',
      remediation: expect.stringContaining('id-token: write'),
    });
    expect(result.decision.results.find((r) => r.ruleId === 'provenance.verified')?.status).toBe('fail');
    expect(result.markdown).toContain('id-token: write');
    const statement = JSON.parse(await readFile(join(fork, 'supply-chain-gate-provenance.json'), 'utf8'));
    expect(statement).toMatchObject({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: `${registry.host}/acme/fork`, digest: { sha256: forkDigest.slice(7) } }],
      predicate: { buildDefinition: { externalParameters: { workflow: { ref: 'refs/pull/7/merge' } } } },
    });
  });
});

describe("a private repository's run", () => {
  it("signs with GitHub's instance (Fulcio and a timestamp authority, no public log)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scg-private-'));
    cleanup.push(dir);
    await writeFile(join(dir, 'policy.yml'), POLICY);
    await writeFile(join(dir, 'trusted_root.jsonl'), sigstore.trustedRootJsonl());
    const { runDeps } = deps(
      { ...workflowEnv(), ...sigstore.idTokenEnv },
      { repository: { visibility: 'private' } },
    );
    sigstore.setClaims(workflowClaims({ repository_visibility: 'private' }));
    try {
      const result = await run(
        inputs({
          workspace: dir,
          attestationScopes: [],
          provenance: provenanceRequest({}, { push: 'push', sigstore: 'sigstore' }),
        }),
        runDeps,
      );
      expect(result.decision.verdict).toBe('pass');
      const made = result.decision.evidence!.verifications!.find(
        (v) => v.artifact.source.kind === 'generated',
      );
      expect(made).toMatchObject({
        status: 'verified',
        transparencyLog: [],
        timestamps: [{ source: 'timestamp-authority' }],
      });
      expect(result.decision.notes?.join('\n')).toContain('signed with the github Sigstore instance');
    } finally {
      sigstore.setClaims(workflowClaims());
    }
  });
});
