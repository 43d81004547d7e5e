/**
 * The memory of watch mode lives in each image's issue: a hidden marker that finds the issue again,
 * and a hidden record of what the last run saw (digest, verdict, failing rules, findings), so the
 * next run can tell a material change from the same news again. Pure.
 */
import { createHash } from 'node:crypto';
import { findingKey } from '../evidence/findings.js';
import type { Decision } from '../policy/decision.js';

export interface IssueState {
  key: string;
  digest?: string;
  verdict: Decision['verdict'];
  /** When the image started to have this verdict (ISO 8601). */
  since: string;
  /** Rule ids that failed. */
  failing: string[];
  /** Short hashes of the failing findings' keys (id, package, version). */
  findings: string[];
  /**
   * A hash of what the issue says (verdict, digest, failing and warning rules, findings, errors,
   * notes), without what changes on every run (a fresh scan's time): equal means nothing to edit.
   */
  fingerprint?: string;
}

/** Enough to notice every new finding of a large report, and still far under the body limit. */
const MAX_REMEMBERED_FINDINGS = 2_000;
const STATE_PREFIX = '<!-- supply-chain-gate:watch-state ';

/** The line that names the image's issue: the id is a hash of the image key, a single search word. */
export function issueMarker(keyId: string): string {
  return `<!-- supply-chain-gate:watch scgw${keyId} -->`;
}

/** What a search for every watch issue looks for: the text every marker starts with. */
export const MARKER_PHRASE = 'supply-chain-gate:watch';

/** Ours only when a bot wrote it and its body starts with the marker: a person quoting it is ignored. */
export function isIssueFor(keyId: string, issue: { body: string; authorType: string }): boolean {
  return issue.authorType === 'Bot' && issue.body.startsWith(issueMarker(keyId));
}

/** base64 JSON, so nothing in it (a `-->`, a tag name) can end the comment or render. */
export function encodeState(state: IssueState): string {
  return `${STATE_PREFIX}${Buffer.from(JSON.stringify(state)).toString('base64')} -->`;
}

/** The state in an issue body, or undefined when it is missing or was edited into nonsense. */
export function decodeState(body: string): IssueState | undefined {
  const start = body.indexOf(STATE_PREFIX);
  if (start === -1) return undefined;
  const end = body.indexOf(' -->', start + STATE_PREFIX.length);
  if (end === -1) return undefined;
  try {
    const value = JSON.parse(
      Buffer.from(body.slice(start + STATE_PREFIX.length, end), 'base64').toString('utf8'),
    ) as unknown;
    if (!isState(value)) return undefined;
    return value;
  } catch {
    return undefined;
  }
}

function isState(value: unknown): value is IssueState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Record<string, unknown>;
  const strings = (list: unknown) => Array.isArray(list) && list.every((entry) => typeof entry === 'string');
  return (
    typeof state.key === 'string' &&
    (state.digest === undefined || typeof state.digest === 'string') &&
    (state.verdict === 'pass' || state.verdict === 'fail' || state.verdict === 'error') &&
    typeof state.since === 'string' &&
    strings(state.failing) &&
    strings(state.findings) &&
    (state.fingerprint === undefined || typeof state.fingerprint === 'string')
  );
}

export function findingHash(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

/** What this run saw, as the next run will compare it. */
export function stateOf(
  key: string,
  decision: Decision,
  digest: string | undefined,
  previous: IssueState | undefined,
  now: Date,
  notes: readonly string[] = [],
): IssueState {
  const failing = decision.results.filter((result) => result.status === 'fail');
  const findings = [
    ...new Set(failing.flatMap((result) => (result.findings ?? []).map((f) => findingHash(findingKey(f))))),
  ]
    .sort()
    .slice(0, MAX_REMEMBERED_FINDINGS);
  return {
    key,
    ...(digest === undefined ? {} : { digest }),
    verdict: decision.verdict,
    since: previous && previous.verdict === decision.verdict ? previous.since : now.toISOString(),
    failing: [...new Set(failing.map((result) => result.ruleId))].sort(),
    findings,
    fingerprint: createHash('sha256')
      .update(
        JSON.stringify([
          decision.verdict,
          digest,
          decision.results
            .filter((result) => result.status === 'fail' || result.status === 'warn')
            .map((result) => [result.ruleId, result.status, result.title, result.message]),
          findings,
          decision.errors,
          notes,
        ]),
      )
      .digest('hex')
      .slice(0, 24),
  };
}

export interface MaterialChange {
  newDigest?: { from: string; to: string };
  verdictChanged?: { from: Decision['verdict']; to: Decision['verdict'] };
  newlyFailing: string[];
  /** The hashes of findings not seen last time. */
  newFindings: string[];
}

/** A new finding, a new digest, a rule newly failing, or a change of verdict: worth a comment. */
export function materialChange(
  previous: IssueState | undefined,
  current: IssueState,
): MaterialChange | undefined {
  if (!previous) return undefined;
  const change: MaterialChange = {
    newlyFailing: current.failing.filter((rule) => !previous.failing.includes(rule)),
    newFindings: current.findings.filter((hash) => !previous.findings.includes(hash)),
  };
  if (previous.digest && current.digest && previous.digest !== current.digest) {
    change.newDigest = { from: previous.digest, to: current.digest };
  }
  if (previous.verdict !== current.verdict)
    change.verdictChanged = { from: previous.verdict, to: current.verdict };
  const material =
    change.newDigest !== undefined ||
    change.verdictChanged !== undefined ||
    change.newlyFailing.length > 0 ||
    change.newFindings.length > 0;
  return material ? change : undefined;
}
