/**
 * Artifact attestations: GitHub stores a Sigstore bundle and finds it again by the digests of the
 * in-toto statement's subjects, so the stand-in reads those digests out of the DSSE payload too.
 */
import { repositoryId } from './objects.js';
import { notFound, validationFailed, type ApiRequest, type Handler, type Reply } from './reply.js';

export interface AttestationRecord {
  id: number;
  owner: string;
  repo: string;
  /** `sha256:<hex>` for every subject of the statement. */
  subjectDigests: string[];
  predicateType: string;
  bundle: Record<string, unknown>;
}

interface Statement {
  subject?: Array<{ digest?: Record<string, string> }>;
  predicateType?: string;
}

function readStatement(bundle: Record<string, unknown>): Statement | undefined {
  const payload = (bundle.dsseEnvelope as { payload?: unknown } | undefined)?.payload;
  if (typeof payload !== 'string') return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as Statement;
  } catch {
    return undefined;
  }
}

// Opaque to clients, like GitHub's cursors; here simply the attestation id.
const cursorOf = (id: number) => Buffer.from(String(id)).toString('base64url');
const idOfCursor = (cursor: unknown) => Number(Buffer.from(String(cursor), 'base64url').toString('utf8'));

export function createAttestationStore() {
  const attestations: AttestationRecord[] = [];

  const create: Handler = (request) => {
    const bundle = (request.body as { bundle: Record<string, unknown> }).bundle;
    const statement = readStatement(bundle);
    const subjectDigests = (statement?.subject ?? []).flatMap((subject) =>
      Object.entries(subject.digest ?? {}).map(([algorithm, hex]) => `${algorithm}:${hex}`),
    );
    if (subjectDigests.length === 0 || typeof statement?.predicateType !== 'string') {
      return validationFailed('Attestation', 'bundle.dsseEnvelope.payload', 'invalid');
    }
    const record: AttestationRecord = {
      id: 7_000_001 + attestations.length,
      owner: String(request.path.owner),
      repo: String(request.path.repo),
      subjectDigests,
      predicateType: statement.predicateType,
      bundle,
    };
    attestations.push(record);
    return { status: 201, body: { id: record.id } };
  };

  /** Cursor pagination: `after`/`before` cursors in the Link header, as GitHub pages this list. */
  function list(request: ApiRequest, inScope: (record: AttestationRecord) => boolean): Reply {
    const { subject_digest: digest } = request.path;
    const { per_page: perPage, after, before, predicate_type: predicateType } = request.query;
    const matching = attestations.filter(
      (record) =>
        inScope(record) &&
        record.subjectDigests.includes(String(digest)) &&
        (predicateType === undefined || record.predicateType === predicateType),
    );
    // GitHub answers a digest it holds no attestation for with 404, not with an empty list.
    if (matching.length === 0) return notFound();
    const afterId = after === undefined ? -Infinity : idOfCursor(after);
    const beforeId = before === undefined ? Infinity : idOfCursor(before);
    const window = matching.filter((record) => record.id > afterId && record.id < beforeId);
    const size = Math.min(Number(perPage), 100);
    const page = before === undefined ? window.slice(0, size) : window.slice(-size);
    const first = page[0];
    const last = page[page.length - 1];
    const links: string[] = [];
    const linkTo = (name: 'after' | 'before', id: number, rel: string) => {
      const url = new URL(request.url);
      url.searchParams.delete('after');
      url.searchParams.delete('before');
      url.searchParams.set(name, cursorOf(id));
      links.push(`<${url.href}>; rel="${rel}"`);
    };
    if (last && matching.some((record) => record.id > last.id)) linkTo('after', last.id, 'next');
    if (first && matching.some((record) => record.id < first.id)) linkTo('before', first.id, 'prev');
    return {
      status: 200,
      body: {
        attestations: page.map((record) => ({
          bundle: record.bundle,
          repository_id: repositoryId(record.owner, record.repo),
        })),
      },
      ...(links.length > 0 ? { headers: { link: links.join(', ') } } : {}),
    };
  }

  return {
    handlers: {
      'POST /repos/{owner}/{repo}/attestations': create,
      'GET /repos/{owner}/{repo}/attestations/{subject_digest}': (request) =>
        list(request, (record) => record.owner === request.path.owner && record.repo === request.path.repo),
      'GET /orgs/{org}/attestations/{subject_digest}': (request) =>
        list(request, (record) => record.owner === request.path.org),
    } satisfies Record<string, Handler>,
    attestations: (): AttestationRecord[] => structuredClone(attestations),
  };
}
