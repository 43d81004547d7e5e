/**
 * The provenance and verification-summary requests as the action's inputs and the CLI's flags
 * give them, with the defaults the two share.
 */
import { parseSigstoreChoice } from '../adapters/sigstore/sign.js';
import { ConfigurationError } from '../errors.js';
import type { ProvenanceRequest } from './make.js';
import type { PublishRequest, PublishTarget } from './publish.js';

export const DEFAULT_PROVENANCE_PATH = 'supply-chain-gate-provenance.json';
export const DEFAULT_VERIFICATION_SUMMARY_PATH = 'supply-chain-gate-verification-summary.json';

export interface RequestTexts {
  sign?: boolean;
  /** `registry`, `github`, both comma-separated, or empty for neither. */
  push?: string;
  sigstore?: string;
  path?: string;
}

/** `what` names the input or flag in errors (`the "push-provenance" input`). */
export function parsePublishTargets(text: string | undefined, what: string): PublishTarget[] {
  const entries = (text ?? '')
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (entry !== 'registry' && entry !== 'github') {
      throw new ConfigurationError(
        'invalid-push-target',
        `${what} takes registry, github or both (comma-separated), got ${JSON.stringify(entry.slice(0, 80))}`,
      );
    }
  }
  return [...new Set(entries as PublishTarget[])];
}

export function provenanceRequest(
  texts: RequestTexts & { platformSubjects?: boolean },
  names: { push: string; sigstore: string },
): ProvenanceRequest {
  return {
    ...publishRequest(texts, names, DEFAULT_PROVENANCE_PATH),
    platformSubjects: texts.platformSubjects ?? false,
  };
}

/** The verification summary is always signed: unsigned, nothing downstream could trust it. */
export function verificationSummaryRequest(
  texts: Omit<RequestTexts, 'sign'>,
  names: { push: string; sigstore: string },
): PublishRequest {
  return publishRequest({ ...texts, sign: true }, names, DEFAULT_VERIFICATION_SUMMARY_PATH);
}

function publishRequest(
  texts: RequestTexts,
  names: { push: string; sigstore: string },
  defaultPath: string,
): PublishRequest {
  return {
    sign: texts.sign ?? true,
    push: parsePublishTargets(texts.push, names.push),
    sigstore: texts.sigstore ? parseSigstoreChoice(texts.sigstore, names.sigstore) : 'auto',
    outPath: texts.path ?? defaultPath,
  };
}
