/**
 * The purl canonicalizer canonicalizes `pkg:type/namespace/name` once and appends a plain version;
 * for every purl it must give what packageurl-js gives for the whole text.
 */
import { PackageURL } from 'packageurl-js';
import { createPurlCanonicalizer } from '../../src/evidence/scans/purl.js';

function reference(text: string): string | undefined {
  try {
    return text.startsWith('pkg:') ? PackageURL.fromString(text).toString() : undefined;
  } catch {
    return undefined;
  }
}

const TYPES = [
  'npm',
  'NPM',
  'pypi',
  'PyPI',
  'golang',
  'maven',
  'huggingface',
  'luarocks',
  'deb',
  'apk',
  'gem',
  'cargo',
  'nuget',
  'generic',
  'oci',
  'docker',
  'swift',
  'composer',
];
const NAMESPACES = [
  '',
  '@scope',
  'github.com/acme',
  'org.apache.logging',
  'Debian',
  'alpine',
  'a%20b',
  'UPPER',
];
const NAMES = ['left-pad', 'Django', 'log4j-core', 'openssl', 'My_Package', 'name%40x', 'bert-base', 'x'];
const VERSIONS = [
  '1.2.3',
  '0',
  '1.2.3-r4',
  '2:1.1.1n-0+deb11u3',
  'v1.2.3',
  'V2',
  '1.0.0~rc1',
  'abc123DEF',
  '1.0%2B1',
  '1.0+build.5',
  'sha256:abc',
  'a.b.c',
  '10.0.0.RELEASE',
];
const TAILS = ['', '?arch=amd64&distro=debian-11', '?b=2&a=1', '#sub/path', '?repository_url=x#p'];

describe('the purl canonicalizer', () => {
  it('gives what packageurl-js gives for the whole purl, version shortcut or not', () => {
    const canonicalize = createPurlCanonicalizer();
    const mismatches: string[] = [];
    for (const type of TYPES) {
      for (const namespace of NAMESPACES) {
        for (const name of NAMES) {
          for (const version of VERSIONS) {
            for (const tail of TAILS) {
              const text = `pkg:${type}/${namespace ? `${namespace}/` : ''}${name}@${version}${tail}`;
              if (canonicalize(text) !== reference(text)) mismatches.push(text);
            }
          }
        }
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it('refuses what packageurl-js refuses', () => {
    const canonicalize = createPurlCanonicalizer();
    for (const text of ['pkg:', 'pkg:npm', 'pkg://npm/x@1', 'npm/x@1', 'pkg:npm/@1', 'pkg:/x@1']) {
      expect(canonicalize(text)).toBe(reference(text));
    }
  });
});
