/** Code scanning SARIF uploads: accepted (gzip + base64, checked to be a SARIF log) and kept for tests. */
import { gunzipSync } from 'node:zlib';
import { errorBody, type Site } from './objects.js';
import type { Handler } from './reply.js';

export interface SarifUploadRecord {
  id: string;
  owner: string;
  repo: string;
  commit_sha: string;
  ref: string;
  /** The decoded SARIF log. */
  sarif: { runs?: Array<{ automationDetails?: { id?: string } }> } & Record<string, unknown>;
}

export function createCodeScanningStore(site: Site) {
  const uploads: SarifUploadRecord[] = [];

  const upload: Handler = (request) => {
    const body = request.body as { commit_sha: string; ref: string; sarif: string };
    let sarif: SarifUploadRecord['sarif'];
    try {
      sarif = JSON.parse(gunzipSync(Buffer.from(body.sarif, 'base64')).toString('utf8'));
    } catch {
      // What GitHub answers for a body that is not gzip-compressed, base64-encoded SARIF.
      return {
        status: 400,
        body: errorBody(400, 'Invalid SARIF: the upload is not a gzip-compressed SARIF file'),
      };
    }
    if (sarif.version !== '2.1.0' || !Array.isArray(sarif.runs)) {
      return { status: 400, body: errorBody(400, 'Invalid SARIF: not a SARIF 2.1.0 log') };
    }
    const id = `00000000-0000-4000-8000-${String(uploads.length + 1).padStart(12, '0')}`;
    uploads.push({
      id,
      owner: String(request.path.owner),
      repo: String(request.path.repo),
      commit_sha: body.commit_sha,
      ref: body.ref,
      sarif,
    });
    return {
      status: 202,
      body: {
        id,
        url: `${site.apiUrl}/repos/${request.path.owner}/${request.path.repo}/code-scanning/sarifs/${id}`,
      },
    };
  };

  return {
    handlers: {
      'POST /repos/{owner}/{repo}/code-scanning/sarifs': upload,
    } satisfies Record<string, Handler>,
    sarifUploads: (): SarifUploadRecord[] => structuredClone(uploads),
  };
}
