/** The dependency submission API: snapshots kept as sent, the latest per job correlator and detector. */
import { timestamp } from './objects.js';
import { validationFailed, type Handler } from './reply.js';

export interface DependencySnapshotRecord {
  id: number;
  owner: string;
  repo: string;
  /** The request body, as GitHub's schema checked it. */
  snapshot: {
    sha: string;
    ref: string;
    job: { id: string; correlator: string };
    detector: { name: string; version: string; url: string };
    manifests?: Record<string, { name: string; resolved?: Record<string, { package_url?: string }> }>;
  };
  created_at: string;
}

export function createDependencyGraphStore() {
  const snapshots: DependencySnapshotRecord[] = [];

  const create: Handler = (request) => {
    const snapshot = request.body as DependencySnapshotRecord['snapshot'];
    // GitHub accepts only a commit of the repository; the stand-in checks the shape.
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(snapshot.sha))
      return validationFailed('Snapshot', 'sha', 'invalid');
    const record: DependencySnapshotRecord = {
      id: 7_000_001 + snapshots.length,
      owner: String(request.path.owner),
      repo: String(request.path.repo),
      snapshot: structuredClone(snapshot),
      created_at: timestamp(),
    };
    snapshots.push(record);
    return {
      status: 201,
      body: {
        id: record.id,
        created_at: record.created_at,
        result: 'SUCCESS',
        message: 'Dependency results for the repo have been successfully updated.',
      },
    };
  };

  return {
    handlers: { 'POST /repos/{owner}/{repo}/dependency-graph/snapshots': create } satisfies Record<
      string,
      Handler
    >,
    snapshots: (): DependencySnapshotRecord[] => structuredClone(snapshots),
  };
}
