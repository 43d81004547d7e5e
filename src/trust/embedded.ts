/**
 * The trusted roots shipped inside the gate, so verification works offline and on runners that
 * cannot reach TUF. See NOTICE for where each file comes from.
 */
import github from './github.json' with { type: 'json' };
import githubTufRoot from './github-tuf-root.json' with { type: 'json' };
import publicGood from './public-good.json' with { type: 'json' };

export interface EmbeddedRoot {
  name: 'public-good' | 'github';
  trustedRoot: unknown;
  /** Where a TUF refresh of this root reads from, and the TUF root that seeds it (absent: the client's own seed). */
  tuf: { mirrorUrl: string; seedRoot?: unknown };
}

export const EMBEDDED_ROOTS: readonly EmbeddedRoot[] = [
  { name: 'public-good', trustedRoot: publicGood, tuf: { mirrorUrl: 'https://tuf-repo-cdn.sigstore.dev' } },
  {
    name: 'github',
    trustedRoot: github,
    tuf: { mirrorUrl: 'https://tuf-repo.github.com', seedRoot: githubTufRoot },
  },
];
