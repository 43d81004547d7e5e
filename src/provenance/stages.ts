/**
 * The two attestation stages of a run, around the gate's own: provenance before evidence is
 * collected (so the gate verifies what it made), the verification summary after the decision (it
 * records the result). They share one signing context, read when the first of them needs it.
 * Their code loads only in a run that asks for them.
 */
import type { GitHubClient } from '../adapters/github/create-client.js';
import type { ImageReference } from '../model/image-reference.js';
import type { ImageStore } from '../adapters/oci/image-store.js';
import type { RegistryOptions } from '../adapters/registry/store.js';
import { ConfigurationError } from '../errors.js';
import type { RunInputs } from '../inputs.js';
import type { Decision } from '../policy/decision.js';
import type { Policy } from '../policy/schema.js';
import type { MadeProvenance } from './make.js';
import type { SigningContext } from './signing-context.js';

export interface AttestationDeps {
  /** The workflow's claims and OIDC tokens (the action: env and token service; the CLI: --context). */
  signingContext(): Promise<SigningContext>;
  /** Credentials to push referrers with. */
  registry: RegistryOptions;
}

export interface AttestationStages {
  provenance(): Promise<MadeProvenance | undefined>;
  /** The decision, with a note on the summary published; an error publishing it makes the verdict `error`. */
  verificationSummary(decision: Decision, policy: Policy): Promise<Decision>;
}

export function attestationStages(
  inputs: RunInputs,
  deps: {
    attestation?: AttestationDeps;
    github?: GitHubClient;
    now(): Date;
    toolVersion: string;
    openImageStore(reference: ImageReference): ImageStore;
  },
): AttestationStages {
  let context: Promise<SigningContext> | undefined;
  const publishDeps = async () => {
    if (!deps.attestation) {
      throw new ConfigurationError(
        'attestations-unavailable',
        'this entry point cannot sign or publish attestations',
      );
    }
    context ??= deps.attestation.signingContext();
    return {
      signing: await context,
      registry: deps.attestation.registry,
      github: deps.github,
      now: deps.now,
      workspace: inputs.workspace,
    };
  };
  return {
    async provenance() {
      if (!inputs.provenance) return undefined;
      const { makeProvenance } = await import('./make.js');
      return makeProvenance({ reference: inputs.image, digest: inputs.digest }, inputs.provenance, {
        ...(await publishDeps()),
        openImageStore: deps.openImageStore,
      });
    },
    async verificationSummary(decision, policy) {
      // The stage is the verification summary's own (src/verification-summary/stage.ts); it
      // shares only the signing context with provenance. Nothing is loaded for a run without one.
      if (!inputs.verificationSummary || decision.verdict === 'error') return decision;
      const { verificationSummaryStage } = await import('../verification-summary/stage.js');
      return verificationSummaryStage(decision, policy, inputs.verificationSummary, async () => ({
        ...(await publishDeps()),
        toolVersion: deps.toolVersion,
      }));
    },
  };
}
