/**
 * One issue per image that fails or cannot be judged: found again by its hidden marker and a bot
 * author, edited in place, commented on only when something material changed, closed when the
 * image passes, reopened when it fails again.
 *
 * Never two issues for one image, even when jobs judge the same image at the same moment: every
 * job lists the labeled issues once (the REST listing is read from the database, unlike search);
 * a job that creates an issue lists again the issues updated since its first listing, and when an
 * older open issue of the same image is there, closes its own as a duplicate of it. The job that
 * created the younger issue created it after the older one existed, so its second listing always
 * sees the older one: exactly one issue stays open, whatever the interleaving.
 */
import { describeError } from '../errors.js';
import type { Logger } from '../adapters/log/logger.js';
import {
  renderChangeComment,
  renderCloseComment,
  renderDuplicateComment,
  renderIssueBody,
  renderIssueTitle,
  renderReopenComment,
  type IssueRenderOptions,
} from '../report/watch-issue.js';
import {
  decodeState,
  isIssueFor,
  MARKER_PHRASE,
  materialChange,
  stateOf,
  type IssueState,
} from './issue-state.js';
import type { IssueTracker, TrackedIssue } from './issue-tracker.js';
import { watchKeyId } from './targets.js';
import type { WatchImageResult } from './types.js';

export const DEFAULT_LABEL = 'supply-chain-gate';
const LABEL_DESCRIPTION = 'An image supply-chain-gate watch judged failing';
/** Slack for clocks and GitHub's whole-second timestamps when asking for recently updated issues. */
const SINCE_MARGIN_MS = 120_000;

export interface IssueBook {
  tracker: IssueTracker;
  label: string;
  /** The issues with the label at the start of the run (anyone's: only a bot's marked ones are used). */
  issues: TrackedIssue[];
  /** When (this process's clock, ms) the listing was read. */
  listedAt: number;
  clock(): number;
  ensureLabel(): Promise<void>;
  /** The watch issues without the label (searched once, when first needed). */
  unlabeled(): Promise<TrackedIssue[]>;
  log: Logger;
}

/** Lists the labeled issues once for the whole run. */
export async function openIssueBook(
  tracker: IssueTracker,
  label: string,
  deps: { clock(): number; log: Logger },
): Promise<IssueBook> {
  const listedAt = deps.clock();
  const issues = await tracker.listLabeledIssues(label);
  let labelReady: Promise<void> | undefined;
  let unlabeled: Promise<TrackedIssue[]> | undefined;
  return {
    tracker,
    label,
    issues,
    listedAt,
    clock: deps.clock,
    log: deps.log,
    ensureLabel: () => {
      labelReady ??= tracker.ensureLabel(label, LABEL_DESCRIPTION).catch((error: unknown) => {
        labelReady = undefined;
        throw error;
      });
      return labelReady;
    },
    unlabeled: () => {
      unlabeled ??= tracker.searchIssues(MARKER_PHRASE, label).catch((error: unknown) => {
        unlabeled = undefined;
        throw error;
      });
      return unlabeled;
    },
  };
}

/** The image keys that open issues of the book speak for (read from their hidden state). */
export function openIssueKeys(book: IssueBook): string[] {
  const keys: string[] = [];
  for (const issue of book.issues) {
    if (issue.state !== 'open') continue;
    const state = decodeState(issue.body);
    // The state must belong to the marker: an edited body cannot point the run at another image.
    if (state && isIssueFor(watchKeyId(state.key), issue)) keys.push(state.key);
  }
  return keys;
}

/** The issue that speaks for the image: the oldest open one, else the oldest closed one. */
function pickIssue(issues: readonly TrackedIssue[]): TrackedIssue | undefined {
  const byAge = [...issues].sort((a, b) => a.number - b.number);
  return byAge.find((issue) => issue.state === 'open') ?? byAge[0];
}

/**
 * Brings the image's issue in line with this run's decision and fills in what the issue
 * remembers: since when the verdict holds, the digest the tag named before.
 */
export async function syncIssue(
  result: WatchImageResult,
  book: IssueBook,
  now: Date,
  render: IssueRenderOptions,
): Promise<void> {
  const failing = result.decision.verdict !== 'pass';
  const listed = book.issues.filter((issue) => isIssueFor(result.keyId, issue));
  let known = listed;
  if (known.length === 0 && failing) {
    // Someone may have taken the label off: one search per run finds every such issue.
    known = (await book.unlabeled()).filter((issue) => isIssueFor(result.keyId, issue));
  }
  let issue = pickIssue(known);
  const previous = issue ? decodeState(issue.body) : undefined;
  remember(result, previous);
  const state = stateOf(result.key, result.decision, result.digest, previous, now, result.notes);

  if (!failing) {
    result.since = previous?.verdict === 'pass' ? previous.since : issue ? now.toISOString() : undefined;
    if (!issue) return;
    if (issue.state === 'closed') {
      result.issue = { number: issue.number, url: issue.htmlUrl, state: 'closed', action: 'unchanged' };
      if (previous?.verdict !== 'pass') result.since = issue.closedAt ?? result.since;
      return;
    }
    const body = renderIssueBody(result, state, render);
    await book.tracker.addComment(issue.number, renderCloseComment(result, render));
    await book.tracker.updateIssue(issue.number, { body, state: 'closed', stateReason: 'completed' });
    result.issue = { number: issue.number, url: issue.htmlUrl, state: 'closed', action: 'closed' };
    book.log.info(`${result.key}: passes again; closed issue #${issue.number}`);
    return;
  }

  result.since = state.since;
  const title = renderIssueTitle(result);
  const body = renderIssueBody(result, state, render);
  if (!issue) {
    await book.ensureLabel();
    const created = await book.tracker.createIssue({ title, body, labels: [book.label] });
    issue = await keepOldest(result, created, book, title, body);
    result.issue = {
      number: issue.number,
      url: issue.htmlUrl,
      state: 'open',
      action: issue.number === created.number ? 'opened' : 'updated',
    };
    book.log.info(`${result.key}: ${result.decision.verdict}; opened issue #${issue.number}`);
    return;
  }

  // Put back a label someone took off, keeping theirs.
  const labels = issue.labels.includes(book.label) ? undefined : [...issue.labels, book.label];
  if (labels) await book.ensureLabel();
  if (issue.state === 'closed') {
    await book.tracker.updateIssue(issue.number, {
      title,
      body,
      state: 'open',
      stateReason: 'reopened',
      ...(labels ? { labels } : {}),
    });
    await book.tracker.addComment(issue.number, renderReopenComment(result, render));
    result.issue = { number: issue.number, url: issue.htmlUrl, state: 'open', action: 'reopened' };
    book.log.info(`${result.key}: ${result.decision.verdict} again; reopened issue #${issue.number}`);
    return;
  }
  await closeYoungerDuplicates(known, issue, book);
  // A fresh scan changes the body's details every run; the issue is edited when what it says changes.
  const changed =
    previous?.fingerprint !== state.fingerprint || issue.title !== title || labels !== undefined;
  if (changed) {
    await book.tracker.updateIssue(issue.number, { title, body, ...(labels ? { labels } : {}) });
  }
  const change = materialChange(previous, state);
  if (change) await book.tracker.addComment(issue.number, renderChangeComment(result, change, render));
  result.issue = {
    number: issue.number,
    url: issue.htmlUrl,
    state: 'open',
    action: change ? 'commented' : changed ? 'updated' : 'unchanged',
  };
}

/** The tag's digest at the last run, when it moved: reported, never silently replaced. */
function remember(result: WatchImageResult, previous: IssueState | undefined): void {
  if (previous?.digest && result.digest && previous.digest !== result.digest && result.tag !== undefined) {
    result.previousDigest = previous.digest;
    result.notes.push(
      `The tag ${result.tag} now names ${result.digest}; at the last check it named ${previous.digest}.`,
    );
  }
}

/**
 * After creating: any older open issue of the image (another job's, created since this job's
 * listing) wins, and ours is closed as its duplicate; the winner gets this run's description.
 */
async function keepOldest(
  result: WatchImageResult,
  created: TrackedIssue,
  book: IssueBook,
  title: string,
  body: string,
): Promise<TrackedIssue> {
  const createdAt = Date.parse(created.createdAt);
  const reference = Number.isNaN(createdAt) ? Date.now() : createdAt;
  const since = new Date(reference - (book.clock() - book.listedAt) - SINCE_MARGIN_MS).toISOString();
  const recent = (await book.tracker.listLabeledIssues(book.label, since)).filter(
    (issue) => issue.state === 'open' && isIssueFor(result.keyId, issue),
  );
  const oldest = [...recent, created].sort((a, b) => a.number - b.number)[0]!;
  if (oldest.number === created.number) return created;
  await book.tracker.addComment(created.number, renderDuplicateComment(oldest.number));
  await book.tracker.updateIssue(created.number, { state: 'closed', stateReason: 'duplicate' });
  book.log.info(
    `${result.key}: issue #${created.number} duplicated #${oldest.number}, opened at the same time; closed it`,
  );
  if (oldest.body !== body || oldest.title !== title) {
    await book.tracker.updateIssue(oldest.number, { title, body });
  }
  return oldest;
}

/** Duplicates left by an earlier run (one that stopped between creating and checking). */
async function closeYoungerDuplicates(
  known: readonly TrackedIssue[],
  kept: TrackedIssue,
  book: IssueBook,
): Promise<void> {
  for (const issue of known) {
    if (issue.state !== 'open' || issue.number <= kept.number) continue;
    try {
      await book.tracker.addComment(issue.number, renderDuplicateComment(kept.number));
      await book.tracker.updateIssue(issue.number, { state: 'closed', stateReason: 'duplicate' });
    } catch (error) {
      book.log.warning(`closing duplicate issue #${issue.number} failed: ${describeError(error)}`);
    }
  }
}
