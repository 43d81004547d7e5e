/**
 * The GitHub attestations API path of discovery, against the stand-in that holds every request and
 * response to GitHub's OpenAPI schema. The attestations are real actions/attest-build-provenance
 * bundles, stored through the API as actions/attest stores them.
 */
import { readFileSync } from 'node:fs';
import { createGitHubClient, type GitHubClient } from '../../../src/adapters/github/create-client.js';
import { OciLayoutStore } from '../../../src/adapters/oci/layout.js';
import { GateError } from '../../../src/errors.js';
import { collectEvidence } from '../../../src/evidence/collect.js';
import { startDiscovery } from '../../../src/evidence/discover.js';
import { fixturePath } from '../../support/fixtures.js';
import { startGitHubApi, type GitHubApiStandIn } from '../../support/github-api.js';

const readBundle = (id: string) =>
  JSON.parse(
    readFileSync(
      fixturePath(
        `third-party/automata-slsa-sigstore-verifier/actions-attest-build-provenance-attestation-${id}.sigstore.json`,
      ),
      'utf8',
    ),
  ) as Record<string, unknown>;

/** The subject each bundle's in-toto statement names (see the fixtures' NOTICE). */
const PROVENANCE = {
  bundle: readBundle('13531551'),
  digest: 'sha256:b03d18ed0a16864ef2d2e559c660159a2170b9d086a1f42f570b1679326b90e6',
};
const OTHER = {
  bundle: readBundle('13581567'),
  digest: 'sha256:658913cfebe8a49165264e2b5e54ad99b3bdbfbc8cd281b3cfaa949a21588f18',
};
/** A layout with nothing attached to the digests asked about: only the API can find them. */
const EMPTY_LAYOUT = fixturePath('third-party/slsa-verifier/container_workflow_dispatch');
const REPO_LIST = 'GET /repos/{owner}/{repo}/attestations/{subject_digest}';

let github: GitHubApiStandIn;
let client: GitHubClient;

async function storeAttestation(owner: string, repo: string, bundle: Record<string, unknown>) {
  const response = await fetch(`${github.url}/repos/${owner}/${repo}/attestations`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${github.token}`,
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'content-type': 'application/json',
    },
    body: JSON.stringify({ bundle }),
  });
  if (response.status !== 201) throw new Error(`storing an attestation: ${response.status}`);
}

beforeAll(async () => {
  github = await startGitHubApi();
  client = createGitHubClient({ apiUrl: github.url, token: github.token, retry: { retries: 0 } });
  // More than one page (GitHub's pages hold at most 100), and one attestation of another digest.
  for (let count = 0; count < 101; count++) await storeAttestation('acme', 'app', PROVENANCE.bundle);
  await storeAttestation('acme', 'app', OTHER.bundle);
  await storeAttestation('acme', 'tools', PROVENANCE.bundle);
});

afterAll(async () => {
  await github.stop();
});

afterEach(() => {
  expect(github.violations).toEqual([]);
});

describe('listing attestations', () => {
  it('follows every page of a repository listing, and lists only that digest', async () => {
    const before = github.requests.length;
    const listing = await client.listAttestations({
      owner: 'acme',
      repo: 'app',
      subjectDigest: PROVENANCE.digest,
    });
    expect(listing).toMatchObject({
      url: `${github.url}/repos/acme/app/attestations/${PROVENANCE.digest}`,
      exists: true,
    });
    expect(listing.attestations).toHaveLength(101);
    expect(
      listing.attestations.every(
        (entry) => JSON.stringify(entry.bundle) === JSON.stringify(PROVENANCE.bundle),
      ),
    ).toBe(true);
    const pages = github.requests.slice(before);
    expect(
      pages.map((request) => [request.operation, request.query.per_page, request.query.after !== undefined]),
    ).toEqual([
      [REPO_LIST, '100', false],
      [REPO_LIST, '100', true],
    ]);
  });

  it("lists an organization's attestations across its repositories", async () => {
    const listing = await client.listAttestations({ owner: 'acme', subjectDigest: PROVENANCE.digest });
    expect(listing.url).toBe(`${github.url}/orgs/acme/attestations/${PROVENANCE.digest}`);
    expect(listing.attestations).toHaveLength(102);
  });

  it('says when GitHub knows no such repository, instead of failing', async () => {
    github.failNext(REPO_LIST, 404);
    const listing = await client.listAttestations({
      owner: 'acme',
      repo: 'gone',
      subjectDigest: OTHER.digest,
    });
    expect(listing).toEqual({
      url: `${github.url}/repos/acme/gone/attestations/${OTHER.digest}`,
      exists: false,
      attestations: [],
    });
  });

  it('names the permission to add when GitHub refuses the token', async () => {
    github.failNext(REPO_LIST, 403);
    const error = await client
      .listAttestations({ owner: 'acme', repo: 'app', subjectDigest: OTHER.digest })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GateError);
    expect(error).toMatchObject({ code: 'github-forbidden' });
    expect((error as GateError).message).toContain('"attestations: read"');
  });
});

describe('discovering attestations through the API', () => {
  const discover = (scopes: Array<{ owner: string; repo: string } | { org: string }>, digest: string) => {
    const discovery = startDiscovery({
      store: new OciLayoutStore(EMPTY_LAYOUT),
      github: { api: client, scopes },
    });
    discovery.add({ digest });
    return discovery.finish();
  };

  it('turns each bundle into evidence with the API URL as its source, once', async () => {
    const { discovered, lookups } = await discover(
      [{ owner: 'acme', repo: 'app' }, { org: 'acme' }],
      PROVENANCE.digest,
    );
    const repoUrl = `${github.url}/repos/acme/app/attestations/${PROVENANCE.digest}`;
    expect(discovered).toEqual([
      {
        kind: 'sigstore-bundle',
        subjectDigest: PROVENANCE.digest,
        source: { kind: 'github', uri: repoUrl, digest: expect.stringMatching(/^sha256:[a-f0-9]{64}$/) },
        bundle: PROVENANCE.bundle,
      },
    ]);
    const fromGitHub = lookups.filter((entry) => entry.place === 'github-attestations');
    expect(fromGitHub).toEqual([
      expect.objectContaining({
        uri: repoUrl,
        outcome: 'found',
        found: 1,
        skipped: [
          {
            digest: discovered[0]?.source.digest,
            reason: `repeats a bundle listed by ${repoUrl} (100 times)`,
          },
        ],
      }),
      expect.objectContaining({
        uri: `${github.url}/orgs/acme/attestations/${PROVENANCE.digest}`,
        outcome: 'none',
        found: 0,
        skipped: [
          {
            digest: discovered[0]?.source.digest,
            reason: `repeats a bundle listed by ${repoUrl} (102 times)`,
          },
        ],
      }),
    ]);
    // The layout has nothing for this digest, and says so.
    expect(
      lookups.filter((entry) => entry.place !== 'github-attestations').map((entry) => entry.outcome),
    ).toEqual(['none', 'none', 'none', 'none']);
  });

  it('reads the 404 GitHub gives a digest with no attestations as none found, not as a missing repository', async () => {
    // The stand-in answers as GitHub does: 404 when it holds no attestation for the digest.
    const unattested = `sha256:${'ab'.repeat(32)}`;
    const { discovered, lookups } = await discover([{ owner: 'acme', repo: 'app' }], unattested);
    expect(discovered).toEqual([]);
    expect(github.requests.filter((r) => r.operation === REPO_LIST).map((r) => r.status)).toContain(404);
    expect(lookups.find((entry) => entry.place === 'github-attestations')).toMatchObject({
      outcome: 'none',
      found: 0,
      skipped: [],
    });
  });

  it('fails, rather than skip it, on an attestation that carries no bundle', async () => {
    github.failNext(REPO_LIST, 200, {
      attestations: [{ repository_id: 1, bundle_url: 'https://storage.example/attestation.json' }],
    });
    const error = await discover([{ owner: 'acme', repo: 'app' }], OTHER.digest).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'github-attestation-without-bundle' });
  });

  it('needs a GitHub client to read the API when asked to', async () => {
    const error = await collectEvidence(
      {
        image: `oci:${EMPTY_LAYOUT}`,
        attestationScopes: [{ owner: 'acme', repo: 'app' }],
        scanPaths: [],
        checkName: 'supply-chain-gate',
        workspace: '/nonexistent',
      },
      { openImageStore: () => new OciLayoutStore(EMPTY_LAYOUT) },
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'missing-token', kind: 'configuration' });
  });
});
