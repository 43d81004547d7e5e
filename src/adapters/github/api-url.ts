/** Where the GitHub API is, checked before any credential is sent there. */
import { ConfigurationError } from '../../errors.js';
import { isLoopbackHost } from '../../model/image-reference.js';

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';

/** The API URL, refused when it would carry a credential in clear text to another host. */
export function parseApiUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigurationError(
      'invalid-github-api-url',
      `the GitHub API URL ${JSON.stringify(text)} is not a URL`,
    );
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.host))) return url;
  throw new ConfigurationError(
    'invalid-github-api-url',
    `the GitHub API URL ${url.origin} would carry the token in clear text: use https (plain http only for loopback hosts)`,
  );
}
