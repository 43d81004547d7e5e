/**
 * watch: the gate's engine, run over the images that are shipped. Each run resolves every tag to
 * its digest again (tag globs through the registry's tags list), judges each image by the default
 * branch's policy with fresh scans, and keeps one issue per failing image. Images are judged with
 * bounded concurrency; one image that cannot be read is that image's `error`, never the run's.
 */
import type { GitHubClient } from '../adapters/github/create-client.js';
import type { ImageReference } from '../model/image-reference.js';
import type { ImageStore } from '../adapters/oci/image-store.js';
import type { Logger } from '../adapters/log/logger.js';
import { ConfigurationError, describeError, GateError } from '../errors.js';
import type { RegistryCredentials, RunInputs } from '../inputs.js';
import { undecided, type Decision } from '../policy/decision.js';
import type { Policy } from '../policy/schema.js';
import { renderSarif } from '../report/sarif.js';
import type { TrustStore } from '../sigstore/trusted-root.js';
import { evaluateForWatch } from './judge.js';
import { openIssueBook, openIssueKeys, syncIssue, type IssueBook } from './issues.js';
import type { IssueTracker, SarifUploader } from './issue-tracker.js';
import {
  parseWatchTarget,
  type ScanAssignment,
  watchedImageOf,
  watchedTagOf,
  watchKeyId,
  type WatchedImage,
  type WatchTarget,
} from './targets.js';
import type { WatchImageResult } from './types.js';

export const DEFAULT_MAX_IMAGES = 1000;
export const DEFAULT_CONCURRENCY = 8;
/** Tags read from one repository's list before the gate refuses to go on. */
const MAX_TAGS_LISTED = 100_000;

export interface WatchInputs {
  images: string[];
  scans: ScanAssignment[];
  /** The repository's policy file, or `owner/repo/path@ref`; default `.github/supply-chain-gate.yml`. */
  policyPath?: string;
  /** Read the policy at this commit through the API (the default branch, when the run is on another ref). */
  policyBase?: RunInputs['policyBase'];
  workspace: string;
  trustedRootPath?: string;
  maxImages: number;
  concurrency: number;
  checkName: string;
  /** The issues' label. */
  label: string;
  /** Judge and report, but write nothing to GitHub. */
  dryRun: boolean;
  registryCredentials?: RegistryCredentials;
  githubToken?: string;
  repositoryUrl?: string;
  /** The workflow run, linked from issues and the page. */
  runUrl?: string;
  /** Upload each image's SARIF to code scanning for this commit and ref. */
  sarifUpload?: { commitSha: string; ref: string };
}

export interface WatchDeps {
  now(): Date;
  log: Logger;
  openImageStore(reference: ImageReference): ImageStore;
  loadTrust?(): Promise<TrustStore>;
  /** Reads the policy through the API when `policyBase` is set. */
  github?: GitHubClient;
  /** Issues: absent in a dry run or without a repository. */
  tracker?: IssueTracker;
  sarif?: SarifUploader;
  toolVersion: string;
  clock?(): number;
}

export interface WatchRun {
  results: WatchImageResult[];
  /** Problems of the run as a whole (a policy that cannot be read, too many images). */
  errors: string[];
  policyOrigin: string;
  startedAt: string;
}

export async function watch(inputs: WatchInputs, deps: WatchDeps): Promise<WatchRun> {
  const startedAt = deps.now().toISOString();
  const errors: string[] = [];
  const targets = inputs.images.map(parseWatchTarget);
  checkScanAssignments(inputs.scans, targets);
  const stores = storeCache(deps.openImageStore);
  const { resolvePolicy } = await import('../policy/document/resolve.js');
  const policy = await resolvePolicy(
    { ...baseRunInputs(inputs), image: inputs.images[0] ?? '' },
    { log: deps.log, github: deps.github },
  );
  deps.log.info(`Policy: ${policy.origin}`);

  const clock = deps.clock ?? Date.now;
  let book: IssueBook | undefined;
  if (deps.tracker && !inputs.dryRun) {
    try {
      book = await openIssueBook(deps.tracker, inputs.label, { clock, log: deps.log });
    } catch (error) {
      errors.push(`listing the watch issues failed, so none was written: ${describeError(error)}`);
    }
  }
  const remembered = book ? openIssueKeys(book) : [];
  const expanded = await expandTargets(targets, stores, inputs.maxImages, remembered, deps.log);
  errors.push(...expanded.errors);
  const images = expanded.images;
  deps.log.info(`Watching ${images.length} image(s), ${inputs.concurrency} at a time`);

  const trust = once(
    deps.loadTrust ??
      (async () =>
        (await import('../adapters/sigstore/trusted-root.js')).loadTrustStore({
          trustedRootPath: inputs.trustedRootPath,
          workspace: inputs.workspace,
        })),
  );
  const results = await mapWithConcurrency(images, inputs.concurrency, async (image) => {
    const result = await judgeImage(image, inputs, policy, {
      ...deps,
      openImageStore: stores,
      loadTrust: trust,
    });
    await report(result, inputs, deps, book);
    const verdict = result.decision.verdict;
    (verdict === 'pass' ? deps.log.info : deps.log.warning)(
      `${result.key}: ${verdict}${result.digest ? ` (${result.digest})` : ''}${result.issue ? `, issue #${result.issue.number} ${result.issue.action}` : ''}`,
    );
    return result;
  });
  return { results, errors, policyOrigin: policy.origin, startedAt };
}

/** 0 every image passes, 1 an image fails, 2 an image or the run could not be judged or reported. */
export function watchExitCode(run: WatchRun): 0 | 1 | 2 {
  const enforced = run.results.filter((result) => result.decision.mode === 'enforce');
  if (run.errors.length > 0 || run.results.some((result) => result.reportErrors.length > 0)) return 2;
  if (enforced.some((result) => result.decision.verdict === 'error')) return 2;
  if (enforced.some((result) => result.decision.verdict === 'fail')) return 1;
  return 0;
}

function baseRunInputs(inputs: WatchInputs): Omit<RunInputs, 'image'> {
  return {
    policyPath: inputs.policyPath,
    policyBase: inputs.policyBase,
    scanPaths: [],
    trustedRootPath: inputs.trustedRootPath,
    checkName: inputs.checkName,
    workspace: inputs.workspace,
    registryCredentials: inputs.registryCredentials,
    githubToken: inputs.githubToken,
    repositoryUrl: inputs.repositoryUrl,
  };
}

/** A `REF=FILE` naming no watched image is a mistake to say, not a scan to drop silently. */
function checkScanAssignments(scans: ScanAssignment[], targets: WatchTarget[]): void {
  for (const scan of scans) {
    if (scan.image === undefined) continue;
    const matches = targets.some((target) => {
      if (target.input === scan.image) return true;
      if (target.kind === 'image') return watchedImageOf(target).key === scan.image;
      const colon = scan.image!.lastIndexOf(':');
      return scan.image!.slice(0, colon) === target.name && target.matcher.test(scan.image!.slice(colon + 1));
    });
    if (!matches) {
      throw new ConfigurationError(
        'invalid-arguments',
        `--scan ${JSON.stringify(`${scan.image}=${scan.path}`.slice(0, 300))} names an image that is not watched: give one of the --image values or NAME:TAG of an image a glob matches`,
      );
    }
  }
}

function scansFor(image: WatchedImage, scans: ScanAssignment[]): string[] {
  return scans
    .filter((scan) => scan.image === undefined || scan.image === image.input || scan.image === image.key)
    .map((scan) => scan.path);
}

/** Registry stores by repository, so a token and a retry budget serve every tag of it. */
function storeCache(
  open: (reference: ImageReference) => ImageStore,
): (reference: ImageReference) => ImageStore {
  const stores = new Map<string, ImageStore>();
  return (reference) => {
    if (reference.kind !== 'registry') return open(reference);
    const id = `${reference.registry}/${reference.repository}`;
    let store = stores.get(id);
    if (!store) {
      store = open(reference);
      stores.set(id, store);
    }
    return store;
  };
}

interface Expansion {
  images: WatchedImage[];
  errors: string[];
}

/**
 * Every target as the images it names now, sorted and deduplicated, at most `maxImages`. A tag a
 * glob matched before and an open issue remembers is judged too when the registry no longer lists
 * it, so its disappearance is reported on its issue rather than passing unnoticed.
 */
async function expandTargets(
  targets: WatchTarget[],
  openStore: (reference: ImageReference) => ImageStore,
  maxImages: number,
  remembered: readonly string[],
  log: Logger,
): Promise<Expansion> {
  const errors: string[] = [];
  const images = new Map<string, WatchedImage>();
  const globFailures: WatchedImage[] = [];
  for (const target of targets) {
    if (target.kind === 'image') {
      const image = watchedImageOf(target);
      images.set(image.key, image);
      continue;
    }
    const store = openStore(target.reference);
    try {
      if (!store.listTags)
        throw new ConfigurationError('invalid-image-reference', `${target.input}: not a registry`);
      const tags = (await store.listTags(MAX_TAGS_LISTED)).filter((tag) => target.matcher.test(tag)).sort();
      log.info(`${target.input}: ${tags.length} matching tag(s)`);
      if (tags.length === 0)
        errors.push(`${target.input}: no tag of ${target.name} matches ${target.pattern}`);
      const gone = remembered
        .filter((key) => key.startsWith(`${target.name}:`))
        .map((key) => key.slice(target.name.length + 1))
        .filter((tag) => target.matcher.test(tag) && !tags.includes(tag));
      for (const tag of [...tags, ...gone]) {
        const image = watchedTagOf(target, tag);
        images.set(image.key, image);
      }
    } catch (error) {
      // The glob's repository cannot be listed: its line on the page says why.
      const failure = `the tags of ${target.name} could not be listed: ${describeError(error)}`;
      globFailures.push({
        key: target.input,
        input: target.input,
        reference: target.reference,
        name: target.name,
        failure,
      });
    }
  }
  const sorted = [...images.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (sorted.length > maxImages) {
    errors.push(
      `${sorted.length} images to watch, more than --max-images ${maxImages}: the first ${maxImages} (by name) were judged; raise the limit or split the images across matrix jobs`,
    );
  }
  return { images: [...sorted.slice(0, maxImages), ...globFailures], errors };
}

async function judgeImage(
  image: WatchedImage,
  inputs: WatchInputs,
  policy: Policy,
  deps: WatchDeps,
): Promise<WatchImageResult> {
  const result: WatchImageResult = {
    key: image.key,
    keyId: watchKeyId(image.key),
    input: image.input,
    name: image.name,
    ...(image.tag === undefined ? {} : { tag: image.tag }),
    decision: undefined as unknown as Decision,
    notes: [],
    reportErrors: [],
  };
  const now = deps.now();
  const reference = image.pinnedDigest ? `${image.name}@${image.pinnedDigest}` : image.key;
  if (image.failure !== undefined) {
    result.decision = undecided([image.failure], policy.mode, now, policy.origin);
    return result;
  }
  let evidence;
  try {
    const { collectEvidenceForPolicy } = await import('../evidence/collect.js');
    const collected = await collectEvidenceForPolicy(
      { ...baseRunInputs(inputs), image: reference, scanPaths: scansFor(image, inputs.scans) },
      { openImageStore: deps.openImageStore, loadTrust: deps.loadTrust },
      policy,
    );
    evidence = collected.evidence;
    result.digest = evidence.image.digest;
    result.decision = evaluateForWatch(policy, evidence, now, collected.effective);
  } catch (error) {
    const reason =
      error instanceof GateError &&
      error.code === 'manifest-not-found' &&
      image.tag !== undefined &&
      !image.pinnedDigest
        ? `the tag ${image.tag} no longer exists in ${image.name}: an image that was shipped under it is gone or was retagged (${describeError(error)})`
        : describeError(error);
    result.decision = undecided([reason], policy.mode, now, policy.origin, evidence);
  }
  return result;
}

/** The issue and the code scanning upload: their failures are the image's report errors. */
async function report(
  result: WatchImageResult,
  inputs: WatchInputs,
  deps: WatchDeps,
  book: IssueBook | undefined,
): Promise<void> {
  if (book) {
    try {
      await syncIssue(result, book, deps.now(), { checkName: inputs.checkName, runUrl: inputs.runUrl });
    } catch (error) {
      result.reportErrors.push(`updating the issue failed: ${describeError(error)}`);
    }
  }
  if (deps.sarif && inputs.sarifUpload && !inputs.dryRun && result.decision.evidence) {
    const category = `supply-chain-gate-watch/${result.key}`;
    try {
      const sarif = renderSarif(result.decision, {
        checkName: inputs.checkName,
        toolVersion: deps.toolVersion,
        isRepoFile: () => false,
      });
      const uploaded = await deps.sarif.uploadSarif({
        sarif: withCategory(sarif, category),
        ...inputs.sarifUpload,
      });
      result.sarifUpload = { id: uploaded.id, category };
    } catch (error) {
      result.reportErrors.push(`uploading SARIF to code scanning failed: ${describeError(error)}`);
    }
  }
  for (const problem of result.reportErrors) deps.log.error(`${result.key}: ${problem}`);
}

/**
 * Code scanning keeps the alerts of each category apart, and closes a category's alerts that a
 * new upload no longer has: one category per image, so one image's upload never closes another's.
 * The category is the run's `automationDetails.id` up to its last `/`, as codeql-action writes it.
 */
export function withCategory(sarif: string, category: string): string {
  const log = JSON.parse(sarif) as { runs?: Array<Record<string, unknown>> };
  for (const run of log.runs ?? []) run.automationDetails = { id: `${category}/` };
  return JSON.stringify(log);
}

/** Runs `work` over `items`, at most `limit` at a time, keeping the order of `items`. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

function once<T>(load: (() => Promise<T>) | undefined): (() => Promise<T>) | undefined {
  if (!load) return undefined;
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}
