/**
 * What watch mode adds to the gate's judgment, and how it reads what to watch: fresh scans
 * (24 hours unless the policy says otherwise, overrides included), exceptions announced two
 * weeks before they expire, tag globs, and `--scan REF=FILE`.
 */
import type { Evidence, ScanReport } from '../../../src/model/evidence.js';
import { parsePolicy } from '../../../src/policy/document/load.js';
import { evaluateForWatch, expiringExceptions } from '../../../src/watch/judge.js';
import {
  parseScanOption,
  parseWatchTarget,
  tagGlobToRegExp,
  watchedImageOf,
  watchKeyId,
} from '../../../src/watch/targets.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const NOW = new Date('2026-12-07T06:00:00Z');

function evidence(scanCreatedAt: string | undefined, name = 'ghcr.io/acme/app'): Evidence {
  const scan: ScanReport = {
    format: 'trivy-json',
    scanner: { name: 'trivy' },
    artifact: { digests: [DIGEST] },
    ...(scanCreatedAt ? { createdAt: scanCreatedAt } : {}),
    findings: [],
    source: { kind: 'file', uri: 'trivy.json' },
  };
  return {
    image: {
      reference: `${name}@${DIGEST}`,
      name,
      digest: DIGEST,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      annotations: {},
      platforms: [],
      layers: [],
      source: { kind: 'registry', uri: `https://ghcr.io/v2/acme/app`, digest: DIGEST },
    },
    scans: [scan],
    discovered: [],
  };
}

const policy = (text: string) =>
  parsePolicy(`version: 1\nimage:\n  non-root: false\n  secrets: false\n${text}`, 'policy.yml');
const status = (text: string, scanAt: string | undefined, ruleId: string, name?: string) =>
  evaluateForWatch(policy(text), evidence(scanAt, name), NOW).results.find((r) => r.ruleId === ruleId)
    ?.status;

describe('scan freshness in watch mode', () => {
  it('does not count a report older than 24 hours when the policy sets no scan-max-age', () => {
    expect(status('', '2026-12-06T07:00:00Z', 'vulnerabilities.scan-max-age')).toBe('pass');
    expect(status('', '2026-12-06T05:00:00Z', 'vulnerabilities.scan-max-age')).toBe('fail');
    expect(status('', '2026-12-06T05:00:00Z', 'vulnerabilities.require-scan')).toBe('fail');
    expect(status('', undefined, 'vulnerabilities.scan-max-age')).toBe('fail');
  });

  it('uses the policy’s scan-max-age, also when an image override replaces the section', () => {
    expect(
      status(
        'vulnerabilities:\n  scan-max-age: 7d\n',
        '2026-12-02T06:00:00Z',
        'vulnerabilities.scan-max-age',
      ),
    ).toBe('pass');
    const override =
      'images:\n  - match: ghcr.io/acme/app\n    vulnerabilities:\n      fail-on: [critical]\n';
    expect(status(override, '2026-12-05T06:00:00Z', 'vulnerabilities.scan-max-age')).toBe('fail');
    expect(status(override, '2026-12-07T05:00:00Z', 'vulnerabilities.scan-max-age')).toBe('pass');
  });

  it('says in the notes that the watch default applied', () => {
    const decision = evaluateForWatch(policy(''), evidence('2026-12-07T05:00:00Z'), NOW);
    expect(decision.notes?.join('\n')).toMatch(/older than 24h do not count/);
  });
});

describe('exceptions near their end', () => {
  const text = [
    'exceptions:',
    '  - rule: image.non-root',
    '    reason: base image fix pending',
    '    expires: 2026-12-20',
    '  - rule: image.secrets',
    '    reason: far away',
    '    expires: 2027-06-01',
    '  - rule: image.secrets',
    '    reason: already over',
    '    expires: 2026-12-06',
    '  - rule: image.non-root',
    '    reason: another image',
    '    images: ghcr.io/acme/other',
    '    expires: 2026-12-08',
    'vulnerabilities:',
    '  allow:',
    '    - id: CVE-2026-0001',
    '      reason: not reachable',
    '      expires: 2026-12-07',
    '',
  ].join('\n');

  it('warns about those that end within 14 days, today included, for this image only', () => {
    const warnings = expiringExceptions(policy(text), 'ghcr.io/acme/app', NOW);
    expect(warnings.map((w) => [w.ruleId, w.status, w.title])).toEqual([
      ['exceptions.expiring', 'warn', 'Exception for image.non-root expires in 13 days (2026-12-20)'],
      ['vulnerabilities.allow-expiring', 'warn', 'Exception for CVE-2026-0001 expires today (2026-12-07)'],
    ]);
    expect(warnings[0]!.position).toMatchObject({ file: 'policy.yml' });
  });

  it('judges them against today: the same policy a day after the allow entry ended warns no more', () => {
    const later = expiringExceptions(policy(text), 'ghcr.io/acme/app', new Date('2026-12-08T00:00:00Z'));
    expect(later.map((w) => w.ruleId)).toEqual(['exceptions.expiring']);
  });
});

describe('what to watch', () => {
  it('reads tags, pinned digests and tag globs', () => {
    const tagged = parseWatchTarget('ghcr.io/acme/app:prod');
    expect(tagged.kind === 'image' && watchedImageOf(tagged).key).toBe('ghcr.io/acme/app:prod');
    const bare = parseWatchTarget('ghcr.io/acme/app');
    expect(bare.kind === 'image' && watchedImageOf(bare).key).toBe('ghcr.io/acme/app:latest');
    const pinned = parseWatchTarget(`ghcr.io/acme/app:prod@${DIGEST}`);
    expect(pinned.kind === 'image' && watchedImageOf(pinned)).toMatchObject({
      key: `ghcr.io/acme/app@${DIGEST}`,
      pinnedDigest: DIGEST,
    });
    expect(parseWatchTarget('127.0.0.1:5000/acme/app:v1.*')).toMatchObject({
      kind: 'tag-glob',
      name: '127.0.0.1:5000/acme/app',
      pattern: 'v1.*',
    });
  });

  it('matches globs on whole tags: * any run of tag characters, ? one, . only a dot', () => {
    const glob = tagGlobToRegExp('v1.*');
    expect(['v1.0', 'v1.2.3', 'v1.'].every((tag) => glob.test(tag))).toBe(true);
    expect(['v10', 'xv1.0', 'v2.0'].some((tag) => glob.test(tag))).toBe(false);
    expect(tagGlobToRegExp('prod-?').test('prod-a')).toBe(true);
    expect(tagGlobToRegExp('prod-?').test('prod-ab')).toBe(false);
  });

  it('refuses what it cannot watch, saying why', () => {
    expect(() => parseWatchTarget('docker:app:prod')).toThrow(/name the image in its registry/);
    expect(() => parseWatchTarget('oci:layout:v*')).toThrow(/tag globs are read from a registry/);
    expect(() => parseWatchTarget('ghcr.io/acme/app:v[1]*')).toThrow(/invalid tag glob/);
  });

  it('gives each image a marker id that depends on its key only', () => {
    expect(watchKeyId('ghcr.io/acme/app:prod')).toMatch(/^[0-9a-f]{24}$/);
    expect(watchKeyId('ghcr.io/acme/app:prod')).not.toBe(watchKeyId('ghcr.io/acme/app:prod2'));
  });

  it('reads --scan FILE and --scan REF=FILE, leaving a path with = in it whole', () => {
    expect(parseScanOption('trivy.json')).toEqual({ path: 'trivy.json' });
    expect(parseScanOption('ghcr.io/acme/app:prod=scans/app.json')).toEqual({
      image: 'ghcr.io/acme/app:prod',
      path: 'scans/app.json',
    });
    expect(parseScanOption('./out/a=b.json')).toEqual({ path: './out/a=b.json' });
  });
});
