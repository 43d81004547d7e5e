/** The one error the verification engine raises: it names the check that failed. */
import type { VerificationCheck } from '../error-codes.js';
import { VerificationError } from '../errors.js';

export type { VerificationCheck } from '../error-codes.js';

export class CheckFailure extends VerificationError<VerificationCheck> {
  get check(): VerificationCheck {
    return this.code;
  }
}
