/**
 * What a reviewer must know when the gated image came from the local Docker engine: which digest
 * stands for it and why, that no registry was searched for its signatures and attestations, and
 * what that did to the signature rules under this policy. Pure: it reads the evidence and results.
 */
import type { Evidence } from '../model/evidence.js';
import type { RuleResult } from './decision.js';
import type { Policy } from './schema.js';

const SIGNED_RULE = 'signatures.signed';

export function localImageNotes(policy: Policy, evidence: Evidence, results: RuleResult[]): string[] {
  const { image } = evidence;
  const local = image.local;
  if (!local) return [];
  const origin = `${image.reference} was read from the local Docker engine (image ID ${local.imageId})`;
  const notes = [
    local.registryDigest
      ? `${origin}, which records it in ${local.registryDigest.repository} as ${local.registryDigest.digest} (RepoDigests): that registry digest is the subject. The registry itself was not read, so signatures and attestations attached there were not looked for; gate ${local.registryDigest.repository}@${local.registryDigest.digest} to check them.`
      : `${origin} and has no registry digest: the subject is ${local.savedDigest}, the digest of ${local.savedManifest === 'engine' ? 'the manifest docker save wrote for it' : 'the schema 2 manifest of the config and layers docker save wrote (it wrote no manifest)'}. A push usually compresses the layers and so gives the image another digest; no registry signature or attestation can exist for it yet, and no registry was searched.`,
    signatureConsequence(policy, results, image.digest),
  ];
  const uncompressed = image.layers.some((layer) => !/gzip|zstd/.test(layer.mediaType));
  if (policy.image['max-size'] !== undefined && uncompressed) {
    notes.push(
      'Its layer sizes are those of the uncompressed layers docker save wrote, so image.max-size judges more bytes than a registry would show for the pushed image.',
    );
  }
  return notes;
}

function signatureConsequence(policy: Policy, results: RuleResult[], subject: string): string {
  if (!policy.signatures.required) {
    return 'signatures.required is off, so a local image without signatures is not held against this policy.';
  }
  const status = results.find((result) => result.ruleId === SIGNED_RULE)?.status;
  const outcome =
    status === 'pass'
      ? 'passes on a bundle given for this digest'
      : status === 'warn'
        ? 'only warns (its mode or an exception says so)'
        : status === 'skip'
          ? 'is skipped by an exception'
          : 'fails';
  return `signatures.required is on, so ${SIGNED_RULE} ${outcome}: pass a sigstore bundle for ${subject} with "bundles", or gate the image after it is pushed and signed.`;
}
