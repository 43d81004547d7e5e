/** The one error the verification engine raises: it names the check that failed. */
import { VerificationError } from '../errors.js';

/**
 * Which step of verification rejected a signature. Reports show it next to the reason, so a reader
 * can tell a tampered signature (`signature`) from a stale trust root (`certificate-chain`) or a
 * bundle made for another image (`subject-binding`).
 */
export type VerificationCheck =
  | 'bundle-format'
  | 'bundle-version'
  | 'trusted-root'
  | 'certificate'
  | 'certificate-chain'
  | 'certificate-transparency'
  | 'transparency-log'
  | 'timestamp'
  | 'public-key'
  | 'signature'
  | 'artifact-binding'
  | 'subject-binding';

export class CheckFailure extends VerificationError<VerificationCheck> {
  get check(): VerificationCheck {
    return this.code;
  }
}
