/**
 * The in-toto statement inside a DSSE envelope, and its binding to the artifact: a statement is
 * evidence about an artifact only when the artifact's digest is one of its subjects.
 */
import { createHash } from 'node:crypto';
import type { InTotoStatementFacts } from '../model/evidence.js';
import { CheckFailure } from './check-error.js';

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
const STATEMENT_TYPES = ['https://in-toto.io/Statement/v0.1', 'https://in-toto.io/Statement/v1'];

export const DIGEST_ALGORITHMS = ['sha256', 'sha384', 'sha512'] as const;
export type DigestAlgorithm = (typeof DIGEST_ALGORITHMS)[number];

export interface ArtifactDigest {
  algorithm: DigestAlgorithm;
  /** Lowercase hex. */
  hex: string;
}

/** The artifact a signature must be about: its bytes, or only its digest. */
export type ArtifactInput = { bytes: Buffer } | { digest: ArtifactDigest };

export function describeDigest(digest: ArtifactDigest): string {
  return `${digest.algorithm}:${digest.hex}`;
}

/** `sha256:<64 hex>` (or sha384/sha512) → ArtifactDigest; undefined when it is not one. */
export function parseDigest(text: string): ArtifactDigest | undefined {
  const match = /^(sha256|sha384|sha512):([0-9a-fA-F]+)$/.exec(text);
  if (!match) return undefined;
  const algorithm = match[1] as DigestAlgorithm;
  const hex = match[2]!.toLowerCase();
  const expected = { sha256: 64, sha384: 96, sha512: 128 }[algorithm];
  return hex.length === expected ? { algorithm, hex } : undefined;
}

export function digestOf(artifact: ArtifactInput, algorithm: DigestAlgorithm): ArtifactDigest | undefined {
  if ('bytes' in artifact) {
    return { algorithm, hex: createHash(algorithm).update(artifact.bytes).digest('hex') };
  }
  return artifact.digest.algorithm === algorithm ? artifact.digest : undefined;
}

export function parseStatement(payloadType: string, payload: Buffer): InTotoStatementFacts {
  if (payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new CheckFailure(
      'subject-binding',
      `the DSSE payload type is ${JSON.stringify(payloadType)}, not an in-toto statement, so it names no subject to bind to`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(payload.toString('utf8'));
  } catch {
    throw new CheckFailure('subject-binding', 'the DSSE payload is not valid JSON');
  }
  const statement = json as Record<string, unknown>;
  if (typeof json !== 'object' || json === null || !STATEMENT_TYPES.includes(statement._type as string)) {
    throw new CheckFailure('subject-binding', 'the DSSE payload is not an in-toto statement (unknown _type)');
  }
  if (typeof statement.predicateType !== 'string' || !Array.isArray(statement.subject)) {
    throw new CheckFailure('subject-binding', 'the in-toto statement has no predicateType or subject list');
  }
  const subjects = statement.subject.map((subject: unknown, index: number) => {
    const entry = subject as Record<string, unknown> | null;
    const digest = entry?.digest;
    if (typeof digest !== 'object' || digest === null || Array.isArray(digest)) {
      throw new CheckFailure('subject-binding', `in-toto subject ${index} has no digest`);
    }
    const digests: Record<string, string> = {};
    for (const [algorithm, value] of Object.entries(digest)) {
      if (typeof value === 'string') digests[algorithm] = value;
    }
    return typeof entry?.name === 'string' ? { name: entry.name, digest: digests } : { digest: digests };
  });
  return { predicateType: statement.predicateType, subjects, predicate: statement.predicate };
}

/** Throws unless the artifact is one of the statement's subjects (by any digest both sides have). */
export function bindSubject(statement: InTotoStatementFacts, artifact: ArtifactInput): void {
  for (const algorithm of DIGEST_ALGORITHMS) {
    const named = statement.subjects.filter((subject) => subject.digest[algorithm] !== undefined);
    if (named.length === 0) continue;
    const digest = digestOf(artifact, algorithm);
    if (!digest) continue;
    if (named.some((subject) => subject.digest[algorithm]!.toLowerCase() === digest.hex)) return;
  }
  const subjects = statement.subjects
    .map((subject) => Object.entries(subject.digest).map(([algorithm, hex]) => `${algorithm}:${hex}`))
    .flat();
  const artifactText =
    'bytes' in artifact ? `sha256:${digestOf(artifact, 'sha256')!.hex}` : describeDigest(artifact.digest);
  throw new CheckFailure(
    'subject-binding',
    `the attestation is about ${subjects.slice(0, 3).join(', ') || 'no digest'}${subjects.length > 3 ? ` and ${subjects.length - 3} more` : ''}, not ${artifactText}`,
  );
}
