/** Commit statuses, the API older than check runs: one state per context on a commit. */
import { nodeId, simpleUser, timestamp, type Site } from './objects.js';
import { validationFailed, type Handler } from './reply.js';

export interface CommitStatusRecord {
  id: number;
  owner: string;
  repo: string;
  sha: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  target_url: string | null;
  description: string | null;
  context: string;
  created_at: string;
}

export function createStatusStore(site: Site) {
  const statuses: CommitStatusRecord[] = [];

  const create: Handler = (request) => {
    const sha = String(request.path.sha);
    // As for check runs: GitHub wants a commit of the repository, the stand-in checks the shape.
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha)) return validationFailed('Status', 'sha', 'invalid');
    const body = request.body as Partial<CommitStatusRecord> & { state: CommitStatusRecord['state'] };
    const status: CommitStatusRecord = {
      id: 35_000_000_001 + statuses.length,
      owner: String(request.path.owner),
      repo: String(request.path.repo),
      sha,
      state: body.state,
      target_url: body.target_url ?? null,
      description: body.description ?? null,
      context: body.context ?? 'default',
      created_at: timestamp(),
    };
    statuses.push(status);
    const creator = simpleUser(site, request.caller.bot);
    return {
      status: 201,
      body: {
        url: `${site.apiUrl}/repos/${status.owner}/${status.repo}/statuses/${sha}`,
        avatar_url: creator.avatar_url,
        id: status.id,
        node_id: nodeId('SC', status.id),
        state: status.state,
        description: status.description,
        target_url: status.target_url,
        context: status.context,
        created_at: status.created_at,
        updated_at: status.created_at,
        creator,
      },
    };
  };

  return {
    handlers: { 'POST /repos/{owner}/{repo}/statuses/{sha}': create } satisfies Record<string, Handler>,
    statuses: (): CommitStatusRecord[] => structuredClone(statuses),
  };
}
