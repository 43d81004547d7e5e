/**
 * After the decision: the verification summary, signed like provenance and published where asked.
 * A decision the gate could not reach (`error`) gets none: there is no result to vouch for.
 */
import { parseImageReference } from '../model/image-reference.js';
import type { Evidence } from '../model/evidence.js';
import type { Decision } from '../policy/decision.js';
import type { Policy } from '../policy/schema.js';
import {
  describePublished,
  publishStatement,
  type PublishDeps,
  type PublishRequest,
} from '../provenance/publish.js';
import { buildStatement } from '../provenance/statement.js';
import { buildVerificationSummary, VSA_PREDICATE_TYPE } from './predicate.js';

export async function emitVerificationSummary(
  decision: Decision,
  policy: Policy,
  request: PublishRequest,
  deps: PublishDeps & { workspace: string; toolVersion: string },
): Promise<string | undefined> {
  if (decision.verdict === 'error' || !decision.evidence) return undefined;
  const evidence: Evidence = decision.evidence;
  const claims = deps.signing.claims;
  const summary = buildVerificationSummary({ ...decision, verdict: decision.verdict, evidence }, policy, {
    verifierId: `${claims.serverUrl}/${claims.jobWorkflowRef}`,
    toolVersion: deps.toolVersion,
  });
  const statement = buildStatement(evidence.image.name, [evidence.image.digest], VSA_PREDICATE_TYPE, summary);
  const published = await publishStatement(
    statement,
    { reference: parseImageReference(evidence.image.reference), digest: evidence.image.digest },
    request,
    deps,
  );
  return describePublished(
    `Verification summary (${summary.verificationResult}, ${summary.verifiedLevels.join(', ')}, policy sha256:${summary.policy.digest.sha256})`,
    published,
    deps.workspace,
  );
}
