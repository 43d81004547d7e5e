import { GateError } from '../../../src/errors.js';
import { isSbomPredicateType, SbomReader } from '../../../src/evidence/sbom/read-sbom.js';
import { judgeLicense, purlPatternMatches } from '../../../src/policy/rules/sbom.js';
import { parsePurl } from '../../../src/evidence/scans/purl.js';
import { readFixture } from '../../support/fixtures.js';

const source = { kind: 'file' as const, uri: 'sbom.json' };

/** Reads `text` in chunks of `size` bytes, as a file stream would hand it over. */
function read(text: string, size = 7) {
  const reader = new SbomReader(source, { kind: 'file' });
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length; offset += size)
    reader.write(bytes.subarray(offset, offset + size));
  return reader.end();
}

function errorOf(run: () => unknown): GateError {
  try {
    run();
  } catch (error) {
    if (error instanceof GateError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('reading SBOMs', () => {
  it('reads SPDX 2.3 packages with licenses and package URLs (sigs.k8s.io/bom output)', () => {
    const sbom = read(readFixture('third-party/spdx-examples/example11-k8s-bom-sbom.spdx.json'), 4096);
    expect(sbom).toMatchObject({ format: 'spdx', specVersion: 'SPDX-2.3' });
    expect(sbom.packages).toContainEqual({
      name: 'pretty_env_logger',
      version: '0.4.0',
      purl: 'pkg:cargo/pretty_env_logger@0.4.0',
      license: 'MIT OR Apache-2.0',
    });
  });

  it('takes licenseDeclared when the concluded license is NOASSERTION (SPDX Maven plugin output)', () => {
    const sbom = read(readFixture('third-party/spdx-examples/example8-examplemaven-0.0.1.spdx.json'), 512);
    expect(sbom.packages.find((p) => p.name === 'JUnit')).toEqual({
      name: 'JUnit',
      version: '3.8.1',
      license: 'CPL-1.0',
    });
    expect(sbom.packages.find((p) => p.name === 'SLF4J API Module')?.license).toBeUndefined();
  });

  it('reads CycloneDX 1.5 (Trivy) and 1.4 (cyclonedx-php-composer) components, with groups and license names', () => {
    const trivy = read(readFixture('third-party/trivy/sbom/centos-7-cyclonedx.json'), 300);
    expect(trivy).toMatchObject({ format: 'cyclonedx', specVersion: '1.5' });
    expect(trivy.packages.find((p) => p.name === 'bash')?.license).toBe('GPLv3+');
    const laravel = read(readFixture('third-party/cyclonedx-bom-examples/laravel-7.12.0.bom.1.4.json'), 8192);
    expect(laravel.packages).toHaveLength(62);
    expect(laravel.packages[0]).toEqual({
      name: 'asm89/stack-cors',
      version: '1.3.0',
      purl: 'pkg:composer/asm89/stack-cors@1.3.0',
      license: 'MIT',
    });
  });

  it('reads nested CycloneDX components and the predicate of an in-toto statement', () => {
    const statement = {
      _type: 'https://in-toto.io/Statement/v1',
      predicateType: 'https://cyclonedx.org/bom',
      subject: [{ name: 'x', digest: { sha256: 'a'.repeat(64) } }],
      predicate: {
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        components: [
          {
            name: 'outer',
            version: '1',
            licenses: [{ license: { id: 'MIT' } }, { license: { name: 'Custom License' } }],
            components: [{ name: 'inner', version: '2', licenses: [{ expression: 'Apache-2.0 OR MIT' }] }],
          },
        ],
      },
    };
    const reader = new SbomReader(source, { kind: 'file' });
    reader.write(Buffer.from(JSON.stringify(statement)));
    const sbom = reader.end();
    expect(sbom.packages).toEqual([
      { name: 'outer', version: '1', license: 'MIT AND (Custom License)' },
      { name: 'inner', version: '2', license: 'Apache-2.0 OR MIT' },
    ]);
    expect(reader.statement?.predicateType).toBe('https://cyclonedx.org/bom');
  });

  it('refuses documents it does not read, and malformed packages, naming the file and position', () => {
    expect(errorOf(() => read('{"spdxVersion": "SPDX-2.1", "packages": []}')).message).toContain(
      'sbom.json: spdxVersion "SPDX-2.1" is not one the gate reads',
    );
    expect(errorOf(() => read('{"bomFormat": "CycloneDX", "specVersion": "1.0"}')).message).toContain(
      'CycloneDX specVersion "1.0"',
    );
    expect(errorOf(() => read('{"Results": []}')).message).toContain(
      'sbom.json: not an SPDX 2.2/2.3 or CycloneDX',
    );
    expect(
      errorOf(() =>
        read('{"spdxVersion": "SPDX-2.3",\n  "packages": [\n    {"name": "a", "versionInfo": 3}]}'),
      ).message,
    ).toContain('sbom.json:3:5: SPDX packages[0].versionInfo is not a string');
    const broken = errorOf(() =>
      read('{"spdxVersion": "SPDX-2.3", "packages": [{"name": "\u0001evil'),
    ).message;
    expect(broken).toMatch(/^sbom\.json:1:\d+: invalid JSON/);
    expect(broken).not.toContain('evil');
  });

  it('knows the SBOM predicate types BuildKit, cosign and actions/attest-sbom write', () => {
    for (const type of [
      'https://spdx.dev/Document',
      'https://spdx.dev/Document/v2.3',
      'https://cyclonedx.org/bom',
      'https://cyclonedx.org/bom/v1.5',
    ])
      expect(isSbomPredicateType(type)).toBe(true);
    expect(isSbomPredicateType('https://slsa.dev/provenance/v1')).toBe(false);
  });
});

describe('judging SBOM packages', () => {
  const allow = { allow: ['MIT', 'Apache-2.0'], unknown: 'warn' as const };
  const deny = { deny: ['GPL-3.0-only'], unknown: 'warn' as const };

  it('judges SPDX expressions with allow and deny lists', () => {
    expect(judgeLicense('MIT OR GPL-3.0-only', allow)).toEqual({ ok: true });
    expect(judgeLicense('MIT AND GPL-3.0-only', allow)).toMatchObject({ ok: false, unknown: false });
    expect(judgeLicense('MIT OR GPL-3.0-only', deny)).toEqual({ ok: true });
    expect(judgeLicense('GPL-3.0-only', deny)).toMatchObject({ ok: false, unknown: false });
    expect(judgeLicense('MIT AND GPL-3.0-only', deny)).toMatchObject({ ok: false, unknown: false });
    expect(judgeLicense('GPLv3+', allow)).toMatchObject({ ok: false, unknown: true });
    expect(judgeLicense(undefined, allow)).toMatchObject({ ok: false, unknown: true, why: 'no license' });
  });

  it('matches package URL patterns with * in the version', () => {
    const pattern = parsePurl('pkg:deb/debian/xz-utils@5.6.*')!;
    expect(purlPatternMatches(pattern, parsePurl('pkg:deb/debian/xz-utils@5.6.1-1?arch=amd64')!)).toBe(true);
    expect(purlPatternMatches(pattern, parsePurl('pkg:deb/debian/xz-utils@5.4.1')!)).toBe(false);
    expect(purlPatternMatches(pattern, parsePurl('pkg:deb/ubuntu/xz-utils@5.6.1')!)).toBe(false);
    expect(
      purlPatternMatches(parsePurl('pkg:npm/event-stream')!, parsePurl('pkg:npm/event-stream@3.3.6')!),
    ).toBe(true);
  });
});
