/**
 * Every code a GateError can carry, one closed list per error class, so that a typo in a code is a
 * type error rather than a code no test or doc matches. Codes are part of the gate's contract:
 * tests, docs and callers match on them, so a code is never renamed, only added (or removed with the
 * last place that raised it; test/unit/error-codes.test.ts checks each listed code is still raised).
 */

/** The user's input is wrong (ConfigurationError). */
export const CONFIGURATION_CODES = [
  // Command line and action inputs
  'invalid-arguments',
  'unknown-command',
  'invalid-inputs',
  'invalid-mode',
  'missing-image',
  'missing-token',
  'missing-context',
  'event-not-json',
  'event-unreadable',
  'invalid-platform',
  // Boolean action inputs (src/index.ts): `invalid-<input name>`
  'invalid-comment',
  'invalid-provenance',
  'invalid-sign-provenance',
  'invalid-provenance-platforms',
  'invalid-verification-summary',
  'invalid-submit-dependencies',
  // The watch action's true/false and count inputs (src/watch-action.ts)
  'invalid-dry-run',
  'invalid-upload-sarif',
  'invalid-max-images',
  'invalid-concurrency',
  // The workflow run's GitHub context
  'invalid-repository',
  'invalid-sha',
  'missing-base',
  'missing-sha',
  // Image references and digests
  'invalid-image-reference',
  'ambiguous-image-reference',
  'ambiguous-registry-digest',
  'conflicting-digests',
  'invalid-digest',
  'platform-not-found',
  'manifest-not-found',
  // Local image sources: Docker, OCI layouts and archives
  'docker-cli-not-found',
  'docker-daemon-unavailable',
  'docker-image-not-found',
  'credential-helper-not-found',
  'invalid-docker-config',
  'invalid-oci-archive',
  'oci-archive-not-found',
  'invalid-oci-layout',
  'oci-layout-not-found',
  // Registries
  'registry-unauthorized',
  'registry-push-unauthorized',
  'repository-not-found',
  // GitHub API and GitHub App
  'invalid-github-api-url',
  'github-unauthorized',
  'github-forbidden',
  'github-file-too-large',
  'github-not-a-file',
  'github-app-not-installed',
  'github-app-permissions',
  'github-app-unauthorized',
  'incomplete-github-app',
  'invalid-app-id',
  'invalid-app-private-key',
  'invalid-enforcement',
  'invalid-integration-id',
  // Policy files and policy tests
  'invalid-policy',
  'invalid-yaml',
  'policy-not-found',
  'policy-not-a-file',
  'policy-too-large',
  'policy-unreadable',
  'policy-base-unreadable',
  'policy-remote-unreadable',
  'policy-test-not-found',
  'policy-test-too-large',
  'unknown-rule',
  // Evidence files: scan reports, VEX documents, SBOMs, snapshots
  'scan-not-found',
  'scan-not-a-file',
  'scan-too-large',
  'vex-not-found',
  'vex-not-a-file',
  'vex-too-large',
  'vex-base-unreadable',
  'vex-outside-repository',
  'invalid-json',
  'invalid-scan-report',
  'incomplete-scan-report',
  'empty-scan-attestation',
  'not-a-scan-report',
  'not-a-vex-document',
  'no-vex-statements',
  'unknown-scan-format',
  'invalid-sbom',
  'sbom-not-found',
  'sbom-not-a-file',
  'sbom-too-large',
  'invalid-evidence',
  'evidence-unreadable',
  'invalid-watch-report',
  // Signatures, bundles, keys and trust roots
  'bundle-not-found',
  'bundle-not-a-file',
  'bundle-too-large',
  'invalid-bundle-file',
  'key-not-found',
  'invalid-public-key',
  'artifact-not-found',
  'unsupported-staging',
  'invalid-trusted-root',
  'trusted-root-not-found',
  'trusted-root-too-large',
  // Signing and publishing provenance
  'cannot-sign',
  'cannot-push-referrer',
  'invalid-push-target',
  'invalid-oidc-url',
  'invalid-oidc-token',
  'invalid-signing-endpoints',
  'invalid-sigstore',
  'invalid-provenance-context',
  'missing-workflow-context',
  'missing-digest',
  'provenance-context-not-found',
  'attestations-unavailable',
] as const;

/**
 * Which step of Sigstore verification rejected a signature (CheckFailure). Reports show it next to
 * the reason, so a reader can tell a tampered signature (`signature`) from a stale trust root
 * (`certificate-chain`) or a bundle made for another image (`subject-binding`).
 */
export const VERIFICATION_CHECKS = [
  'bundle-format',
  'bundle-version',
  'trusted-root',
  'certificate',
  'certificate-chain',
  'certificate-transparency',
  'transparency-log',
  'timestamp',
  'public-key',
  'signature',
  'artifact-binding',
  'subject-binding',
] as const;

/** Evidence could not be read or verified (VerificationError): the gate fails closed. */
export const VERIFICATION_CODES = [
  // Registries (registry-error and registry-unreachable are retried: TransientRegistryError)
  'registry-error',
  'registry-unreachable',
  'insecure-registry-transport',
  'manifest-not-found',
  'blob-not-found',
  'manifest-too-large',
  'blob-too-large',
  'digest-mismatch',
  'invalid-digest',
  'invalid-json',
  'invalid-manifest',
  'unsupported-manifest-media-type',
  'empty-index',
  'invalid-image-config',
  'too-many-referrers',
  'too-many-tags',
  'invalid-referrers-index',
  'referrers-index-contended',
  // Local image sources: Docker, OCI layouts and archives
  'docker-command-failed',
  'docker-output-too-large',
  'invalid-docker-inspect',
  'invalid-docker-archive',
  'credential-helper-failed',
  'ambiguous-tag',
  'invalid-oci-layout',
  'oci-layout-escape',
  'oci-layout-unreadable',
  'invalid-archive',
  // GitHub API
  'github-unexpected-response',
  'github-rate-limited',
  'github-request-failed',
  'github-unreachable',
  'too-many-attestations',
  'github-attestation-without-bundle',
  // Attestations attached to the image
  'invalid-attached-bundle',
  'invalid-attestation',
  // Signing (OIDC token and Sigstore services)
  'oidc-refused',
  'oidc-unexpected-response',
  'oidc-unreachable',
  'signing-failed',
  // Sigstore verification: the check that failed
  ...VERIFICATION_CHECKS,
] as const;

/** A bug or an environment failure we did not anticipate (InternalError). */
export const INTERNAL_CODES = ['store-mismatch', 'evidence-not-data'] as const;

export type ConfigurationCode = (typeof CONFIGURATION_CODES)[number];
export type VerificationCheck = (typeof VERIFICATION_CHECKS)[number];
export type VerificationCode = (typeof VERIFICATION_CODES)[number];
export type InternalCode = (typeof INTERNAL_CODES)[number];
