/** Repository files, served the way GitHub's contents API serves a file: base64 in 60-column lines. */
import { createHash } from 'node:crypto';
import { WEB_URL, type Site } from './objects.js';
import { notFound, type Handler } from './reply.js';

/** The branch a request without `ref` reads, as GitHub reads the repository's default branch. */
const DEFAULT_BRANCH = 'main';

export function createContentStore(site: Site) {
  const files = new Map<string, string>();
  const keyOf = (owner: string, repo: string, path: string, ref: string) => `${owner}/${repo}@${ref}:${path}`;

  const get: Handler = (request) => {
    const owner = String(request.path.owner);
    const repo = String(request.path.repo);
    const path = String(request.path.path).replace(/^\/+/, '');
    const ref = request.query.ref === undefined ? DEFAULT_BRANCH : String(request.query.ref);
    const text = files.get(keyOf(owner, repo, path, ref));
    if (text === undefined) return notFound();
    const bytes = Buffer.from(text, 'utf8');
    // Git's blob id, which GitHub reports as the file's sha.
    const sha = createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
    const url = `${site.apiUrl}/repos/${owner}/${repo}/contents/${path}?ref=${encodeURIComponent(ref)}`;
    const gitUrl = `${site.apiUrl}/repos/${owner}/${repo}/git/blobs/${sha}`;
    const htmlUrl = `${WEB_URL}/${owner}/${repo}/blob/${ref}/${path}`;
    return {
      status: 200,
      body: {
        type: 'file',
        encoding: 'base64',
        size: bytes.length,
        name: path.split('/').pop(),
        path,
        content: `${(bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n')}\n`,
        sha,
        url,
        git_url: gitUrl,
        html_url: htmlUrl,
        download_url: `https://raw.githubusercontent.com/${owner}/${repo}/${ref}/${path}`,
        _links: { self: url, git: gitUrl, html: htmlUrl },
      },
    };
  };

  return {
    handlers: { 'GET /repos/{owner}/{repo}/contents/{path}': get } satisfies Record<string, Handler>,
    setContent(owner: string, repo: string, path: string, ref: string, text: string): void {
      files.set(keyOf(owner, repo, path, ref), text);
    },
  };
}
