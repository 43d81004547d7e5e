/**
 * in-toto v1 statements about an image: one subject per digest (the gated digest, and each
 * platform manifest when asked), named by the image's repository as actions/attest names them.
 * Pure.
 */
export const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';

export interface InTotoStatement<Predicate = unknown> {
  _type: typeof IN_TOTO_STATEMENT_V1;
  subject: Array<{ name: string; digest: { sha256: string } }>;
  predicateType: string;
  predicate: Predicate;
}

/** `digests` are `sha256:<hex>`; repeats are dropped, order kept. */
export function buildStatement<Predicate>(
  imageName: string,
  digests: readonly string[],
  predicateType: string,
  predicate: Predicate,
): InTotoStatement<Predicate> {
  const unique = [...new Set(digests)];
  if (unique.length === 0) throw new RangeError('a statement needs at least one subject digest');
  return {
    _type: IN_TOTO_STATEMENT_V1,
    subject: unique.map((digest) => {
      const hex = /^sha256:([0-9a-f]{64})$/.exec(digest)?.[1];
      if (!hex) throw new RangeError(`${JSON.stringify(digest)} is not a sha256 digest`);
      return { name: imageName, digest: { sha256: hex } };
    }),
    predicateType,
    predicate,
  };
}

/** The bytes that are signed: the statement as JSON, as @actions/attest serializes it. */
export function statementBytes(statement: InTotoStatement): Buffer {
  return Buffer.from(JSON.stringify(statement), 'utf8');
}
