/**
 * Properties of the parsers of untrusted input, on generated and mutated documents: each either
 * returns or throws a GateError (a typed, one-line, user-facing error), never a TypeError from
 * deep inside; the streaming JSON reader reads any document, cut into any chunks, as JSON.parse
 * does.
 */
import fc from 'fast-check';
import { parseImageReference } from '../../src/model/image-reference.js';
import { GateError } from '../../src/errors.js';
import { JsonStreamParser } from '../../src/evidence/scans/json-stream.js';
import { parseScanReport, parseVexDocument } from '../../src/evidence/scans/parse.js';
import { parsePolicy } from '../../src/policy/document/load.js';
import { parseBundle } from '../../src/sigstore/bundle-json.js';
import { REPO_ROOT, readFixture } from '../support/fixtures.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const RUNS = { numRuns: 200, seed: 20261128 } as const;
const SOURCE = { kind: 'file' as const, uri: 'generated.json' };

/** Returns normally or throws a GateError: anything else fails the property. */
function onlyGateErrors(parse: () => unknown): void {
  try {
    parse();
  } catch (error) {
    if (error instanceof GateError) {
      expect(error.message).not.toMatch(/\n/);
      return;
    }
    throw new Error(`an untyped error escaped: ${String(error)}`, { cause: error });
  }
}

/** The document with the value at one path replaced, or removed when `replacement` is undefined. */
function mutateAt(document: unknown, choice: number, replacement: unknown): unknown {
  const paths: Array<Array<string | number>> = [];
  const walk = (node: unknown, path: Array<string | number>) => {
    paths.push(path);
    if (Array.isArray(node)) node.forEach((item, index) => walk(item, [...path, index]));
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) walk(value, [...path, key]);
    }
  };
  walk(document, []);
  const path = paths[choice % paths.length]!;
  if (path.length === 0) return replacement ?? null;
  const copy = structuredClone(document) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  if (replacement === undefined) delete node[path.at(-1)!];
  else node[path.at(-1)!] = replacement;
  return copy;
}

const TRIVY = JSON.parse(readFileSync(join(REPO_ROOT, 'examples/demo/trivy.json'), 'utf8')) as unknown;
const REPORTS: unknown[] = [
  TRIVY,
  JSON.parse(readFixture('third-party/grype/chainguard-ruby-test.json')),
  JSON.parse(readFixture('third-party/cyclonedx-bom-examples/bom.json')),
  JSON.parse(readFixture('third-party/openvex-vexctl/sarif/nginx-trivy.sarif.json')),
];
const VEX = JSON.parse(readFixture('third-party/openvex-vexctl/sarif/sample-2vulns.openvex.json')) as unknown;
const CYCLONEDX_VEX = JSON.parse(readFixture('third-party/cyclonedx-bom-examples/vex.json')) as unknown;
const BUNDLE = JSON.parse(
  readFixture('third-party/gh-cli-attestation/sigstore-js-2.1.0-bundle.json'),
) as unknown;

const replacement = fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined, freq: 3 });

describe('the parsers of untrusted input, on generated and mutated documents', () => {
  it('the streaming JSON reader reads any document, in any chunks, as JSON.parse does', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.constantFrom(undefined, 1, 2),
        fc.array(fc.nat(), { maxLength: 8 }),
        (value, indent, cuts) => {
          const bytes = Buffer.from(JSON.stringify(value, null, indent) ?? 'null', 'utf8');
          const parser = new JsonStreamParser('generated.json');
          const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
          let start = 0;
          for (const point of [...points, bytes.length]) {
            parser.write(bytes.subarray(start, point));
            start = point;
          }
          expect(parser.end()).toEqual(JSON.parse(bytes.toString('utf8')));
        },
      ),
      RUNS,
    );
  });

  it('scan reports: any bytes, any JSON value, and real reports with one value replaced or removed', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) =>
        onlyGateErrors(() => parseScanReport(bytes, SOURCE)),
      ),
      RUNS,
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) =>
        onlyGateErrors(() => parseScanReport(JSON.stringify(value), SOURCE)),
      ),
      RUNS,
    );
    fc.assert(
      fc.property(fc.constantFrom(...REPORTS), fc.nat(), replacement, (report, choice, value) =>
        onlyGateErrors(() => parseScanReport(JSON.stringify(mutateAt(report, choice, value)), SOURCE)),
      ),
      RUNS,
    );
  });

  it('VEX documents: real OpenVEX and CycloneDX documents with one value replaced or removed', () => {
    fc.assert(
      fc.property(fc.constantFrom(VEX, CYCLONEDX_VEX), fc.nat(), replacement, (vex, choice, value) =>
        onlyGateErrors(() => parseVexDocument(JSON.stringify(mutateAt(vex, choice, value)), SOURCE)),
      ),
      RUNS,
    );
  });

  it('sigstore bundles: a real bundle with one value replaced or removed', () => {
    fc.assert(
      fc.property(fc.nat(), replacement, (choice, value) =>
        onlyGateErrors(() => parseBundle(mutateAt(BUNDLE, choice, value))),
      ),
      RUNS,
    );
  });

  it('policies: any text, and YAML of any shape under the policy’s own keys', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) =>
        onlyGateErrors(() => parsePolicy(text, 'policy.yml')),
      ),
      RUNS,
    );
    const keys = fc.constantFrom(
      'version',
      'mode',
      'vulnerabilities',
      'fail-on',
      'allow',
      'image',
      'non-root',
      'signatures',
      'identities',
      'exceptions',
      'rules',
      'images',
      'expression',
    );
    const yamlish: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 0 }),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(keys, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(keys, yamlish, { maxKeys: 5 }), (document) =>
        onlyGateErrors(() => parsePolicy(toYamlFlow(document), 'policy.yml')),
      ),
      RUNS,
    );
  });

  it('image references: any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => onlyGateErrors(() => parseImageReference(text))),
      RUNS,
    );
  });
});

/** A mapping written as YAML flow entries at the top level, one per line. */
function toYamlFlow(document: Record<string, unknown>): string {
  return Object.entries(document)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}\n`)
    .join('');
}
