/** What one watch run found for one image: plain data that the reports and the issue are rendered from. */
import type { Decision } from '../policy/decision.js';

export type IssueAction = 'opened' | 'reopened' | 'updated' | 'commented' | 'closed' | 'unchanged';

export interface WatchImageResult {
  /** `name:tag` or `name@digest`: what identifies the image across runs. */
  key: string;
  /** A hash of the key: the issue marker's id. */
  keyId: string;
  /** The `--image` it came from (a glob, for a tag the glob matched). */
  input: string;
  name: string;
  tag?: string;
  /** The digest judged; undefined when the image could not be read. */
  digest?: string;
  /** The digest the tag named on the run before, when it moved since. */
  previousDigest?: string;
  /** When the image started to have this verdict, as far as its issue records; else unknown. */
  since?: string;
  decision: Decision;
  /** Facts about this run worth saying beside the decision (the tag moved, the tag is gone). */
  notes: string[];
  issue?: { number: number; url: string; state: 'open' | 'closed'; action: IssueAction };
  /** The code scanning upload, when asked for. */
  sarifUpload?: { id: string; category: string };
  /** Problems reporting this image (the issue, the upload): its verdict stands. */
  reportErrors: string[];
}
