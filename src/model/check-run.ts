/**
 * What the gate's GitHub client offers and returns, in GitHub's own field names where they are
 * GitHub's (so report code and GitHub's documentation read the same). No runtime dependencies:
 * report and policy code import these types without loading Octokit.
 */
/** GitHub refuses more annotations than this in one create or update call. */
export const MAX_ANNOTATIONS_PER_REQUEST = 50;

export type CheckRunStatus = 'queued' | 'in_progress' | 'completed';
export type CheckRunConclusion =
  'action_required' | 'cancelled' | 'failure' | 'neutral' | 'success' | 'skipped' | 'timed_out';

/** GitHub's field names, so the report code and GitHub's documentation read the same. */
export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
  /** Any number: they are sent MAX_ANNOTATIONS_PER_REQUEST at a time. */
  annotations?: readonly CheckRunAnnotation[];
}

export interface CreateCheckRunRequest {
  owner: string;
  repo: string;
  name: string;
  headSha: string;
  status: CheckRunStatus;
  startedAt?: string;
  externalId?: string;
  detailsUrl?: string;
  conclusion?: CheckRunConclusion;
  completedAt?: string;
  output?: CheckRunOutput;
}

export interface UpdateCheckRunRequest {
  owner: string;
  repo: string;
  checkRunId: number;
  status?: CheckRunStatus;
  startedAt?: string;
  detailsUrl?: string;
  conclusion?: CheckRunConclusion;
  completedAt?: string;
  output?: CheckRunOutput;
}

export interface GitHubClient {
  createCheckRun(request: CreateCheckRunRequest): Promise<{ id: number; htmlUrl: string }>;
  updateCheckRun(request: UpdateCheckRunRequest): Promise<void>;
  /** The newest check run named `name` on the commit `ref`; with `appId`, only that App's runs. */
  findCheckRun(request: {
    owner: string;
    repo: string;
    ref: string;
    name: string;
    appId?: number;
  }): Promise<{ id: number; status: CheckRunStatus; htmlUrl: string } | undefined>;
  /** Every comment on an issue or pull request, oldest first. */
  listIssueComments(request: { owner: string; repo: string; issueNumber: number }): Promise<IssueComment[]>;
  createIssueComment(request: {
    owner: string;
    repo: string;
    issueNumber: number;
    body: string;
  }): Promise<{ id: number; htmlUrl: string }>;
  updateIssueComment(request: {
    owner: string;
    repo: string;
    commentId: number;
    body: string;
  }): Promise<{ id: number; htmlUrl: string }>;
  /** The file's text at `ref`; undefined when there is no such file. */
  getFileContent(request: {
    owner: string;
    repo: string;
    path: string;
    ref: string;
  }): Promise<string | undefined>;
  /** Every attestation for `subjectDigest` in a repository, or without `repo` in an organization. */
  listAttestations(request: {
    owner: string;
    repo?: string;
    subjectDigest: string;
  }): Promise<AttestationListing>;
  /** Stores a sigstore bundle as an artifact attestation of the repository (what actions/attest does). */
  createAttestation(request: {
    owner: string;
    repo: string;
    bundle: unknown;
  }): Promise<{ id: number; url: string }>;
}

export interface AttestationListing {
  /** The list's URL (first page): where the attestations were found. */
  url: string;
  /** False when GitHub answered 404: no such repository or organization, or the token cannot see it. */
  exists: boolean;
  /** `bundle` as GitHub returned it inline; unchecked. */
  attestations: Array<{ bundle?: unknown }>;
}

/** More attestations than this for one digest are refused rather than read in part. */
export const MAX_ATTESTATIONS = 1000;

export interface IssueComment {
  id: number;
  body: string;
  /** `Bot` for GITHUB_TOKEN's github-actions[bot] and for apps; `User` for people. */
  authorType: string;
  htmlUrl: string;
}
