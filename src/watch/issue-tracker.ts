/**
 * What watch mode needs of GitHub's issues, labels and code scanning, as plain data. The engine
 * talks to this interface; `adapters/github-watch.ts` implements it on the GitHub client, so the
 * engine's logic is tested against the stand-in without knowing how requests are sent.
 */

export interface TrackedIssue {
  number: number;
  state: 'open' | 'closed';
  title: string;
  body: string;
  /** `Bot` for github-actions[bot] and Apps' bots; only a bot's issue is ever taken for ours. */
  authorType: string;
  htmlUrl: string;
  /** Label names. */
  labels: string[];
  createdAt: string;
  closedAt?: string;
}

export interface IssueTracker {
  /** Creates the label when the repository has none by that name; another job creating it too is fine. */
  ensureLabel(name: string, description: string): Promise<void>;
  /**
   * Every issue (open and closed, no pull requests) with the label, updated at or after `since`
   * when given. The REST listing is read from the database, so an issue just created is in it.
   */
  listLabeledIssues(label: string, since?: string): Promise<TrackedIssue[]>;
  /**
   * Issues whose body holds `phrase` and that lack the label `withoutLabel`: issues someone took
   * the label off. One search per run, paged; the search index lags, so it is only a fallback.
   */
  searchIssues(phrase: string, withoutLabel: string): Promise<TrackedIssue[]>;
  createIssue(request: { title: string; body: string; labels: string[] }): Promise<TrackedIssue>;
  updateIssue(
    number: number,
    change: {
      title?: string;
      body?: string;
      state?: 'open' | 'closed';
      stateReason?: 'completed' | 'not_planned' | 'duplicate' | 'reopened';
      labels?: string[];
    },
  ): Promise<void>;
  addComment(number: number, body: string): Promise<{ htmlUrl: string }>;
}

export interface SarifUploader {
  /** Uploads one SARIF log (uncompressed JSON text, its category in each run's automationDetails). */
  uploadSarif(request: { sarif: string; commitSha: string; ref: string }): Promise<{
    id: string;
  }>;
}
