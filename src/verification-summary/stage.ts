/**
 * The verification-summary stage of a run, after the decision: signs and publishes the summary
 * when the run asks for one, and adds a note saying where. Publishing is fail-closed: downstream
 * admission would refuse the image without the summary, so an error publishing it makes the
 * verdict `error` (the results are kept). Its code loads only in a run that asks for it.
 */
import { describeError } from '../errors.js';
import type { RunInputs } from '../inputs.js';
import type { Decision } from '../policy/decision.js';
import type { Policy } from '../policy/schema.js';
import type { emitVerificationSummary } from './emit.js';

type EmitDeps = Parameters<typeof emitVerificationSummary>[3];

export async function verificationSummaryStage(
  decision: Decision,
  policy: Policy,
  request: RunInputs['verificationSummary'],
  deps: () => Promise<EmitDeps>,
): Promise<Decision> {
  if (!request || decision.verdict === 'error') return decision;
  try {
    const { emitVerificationSummary } = await import('./emit.js');
    const note = await emitVerificationSummary(decision, policy, request, await deps());
    return note ? { ...decision, notes: [...(decision.notes ?? []), note] } : decision;
  } catch (error) {
    return {
      ...decision,
      verdict: 'error',
      errors: [
        ...decision.errors,
        `the verification summary could not be published: ${describeError(error)}`,
      ],
    };
  }
}
