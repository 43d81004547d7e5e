/**
 * The `sbom` family: every gated platform has an SBOM the gate may use (`sbom.required`), its
 * packages' licenses are allowed (`sbom.licenses`, SPDX expressions judged with spdx-satisfies)
 * and none of its packages is denied (`sbom.deny-packages`, package URLs). Which SBOMs count is
 * attestation-trust.ts's call; results name each package with its version, license and the SBOM
 * it came from. Pure.
 */
import parseSpdx from 'spdx-expression-parse';
import spdxSatisfies from 'spdx-satisfies';
import { parsePurl, type PurlParts } from '../../evidence/scans/purl.js';
import type { Evidence, SbomPackage } from '../../model/evidence.js';
import { gatedPlatforms, judgeSboms, sbomSourceLabel, type JudgedSbom } from '../attestation-trust.js';
import type { PackageResult, RuleFamily } from '../decision.js';
import type { SbomPolicy } from '../sections/sbom.js';
import { familyResults, type FamilyCheck } from './rule-mode.js';
import { FAMILY_TITLES } from './titles.js';

const FAMILY = 'sbom';
/** Packages named in a message; the JSON report's `packages` has them all. */
const LISTED = 25;

type Check = FamilyCheck;

export const sbomRules: RuleFamily = {
  id: FAMILY,
  title: FAMILY_TITLES.sbom,
  evaluate(policy, evidence) {
    const config = policy.sbom;
    const judged = judgeSboms(policy, evidence);
    const checks = [
      required(config, evidence, judged),
      config.licenses ? licenses(config.licenses, judged) : undefined,
      config['deny-packages'].length > 0 ? deniedPackages(config['deny-packages'], judged) : undefined,
    ].filter((check): check is Check => check !== undefined);
    return familyResults(FAMILY, policy, config.mode, checks);
  },
};

/** A package as the rules see it: once per purl (or name and version), with every SBOM that lists it. */
export interface ListedPackage extends SbomPackage {
  sources: string[];
}

/** The packages of the usable SBOMs covering `platformDigest` (all usable SBOMs when not given). */
export function usablePackages(judged: JudgedSbom[], platformDigest?: string): ListedPackage[] {
  const byKey = new Map<string, ListedPackage>();
  for (const entry of judged) {
    if (!entry.usable) continue;
    if (platformDigest !== undefined && !entry.covers.includes(platformDigest)) continue;
    const label = sbomSourceLabel(entry.sbom);
    for (const pkg of entry.sbom.packages) {
      const key = pkg.purl ?? `${pkg.name}@${pkg.version ?? ''}`;
      const known = byKey.get(key);
      if (known) {
        if (!known.sources.includes(label)) known.sources.push(label);
        if (known.license === undefined && pkg.license !== undefined) known.license = pkg.license;
      } else {
        byKey.set(key, { ...pkg, sources: [label] });
      }
    }
  }
  return [...byKey.values()];
}

function required(config: SbomPolicy, evidence: Evidence, judged: JudgedSbom[]): Check | undefined {
  const ruleId = `${FAMILY}.required`;
  const platforms = gatedPlatforms(evidence);
  const multi = platforms.length > 1;
  const missing = platforms.filter(
    (platform) => !judged.some((entry) => entry.usable && entry.covers.includes(platform.digest)),
  );
  const unusable = judged.filter((entry) => !entry.usable);
  if (missing.length === 0) {
    if (judged.length === 0) return undefined;
    const used = judged.filter((entry) => entry.usable);
    return {
      ruleId,
      status: 'pass',
      title: `SBOM for ${multi ? `all ${platforms.length} platforms` : 'the image'}`,
      message: `${used.map((entry) => `${sbomSourceLabel(entry.sbom)} (${entry.sbom.packages.length} packages): ${entry.trust}`).join('; ')}.${unusableNote(unusable)}`,
    };
  }
  if (!config.required && judged.length === 0) return undefined;
  const names = missing.map((platform) =>
    multi ? `${platformName(platform)} (${platform.digest})` : platform.digest,
  );
  return {
    ruleId,
    status: config.required ? 'fail' : 'warn',
    title: judged.length === 0 ? 'No SBOM' : 'No SBOM the policy trusts',
    message: `No SBOM the gate may use covers ${names.join(', ')}. Looked in: ${whereLooked(
      evidence,
      missing.map((p) => p.digest),
    )}.${unusableNote(unusable)}`,
    remediation:
      'Build with `docker buildx build --sbom=true` (build-push-action: `sbom: true`) and sign the index by digest, or attest an SBOM with actions/attest-sbom, or pass the SBOM file your workflow makes with the "sbom" input.',
  };
}

function whereLooked(evidence: Evidence, digests: string[]): string {
  const files = (evidence.sboms ?? []).filter((sbom) => sbom.origin.kind === 'file');
  const places = [
    files.length > 0
      ? `SBOM files ${files.map((f) => f.source.uri).join(', ')}`
      : 'SBOM files (none given: the "sbom" input, --sbom)',
  ];
  const wanted = new Set([...digests, evidence.image.digest]);
  const lookups = (evidence.lookups ?? []).filter((lookup) => wanted.has(lookup.subjectDigest));
  const buildkit = lookups.filter((lookup) => lookup.place === 'buildkit-attestations');
  places.push(
    buildkit.length > 0
      ? `BuildKit attestation manifests ${buildkit.map((l) => `${l.uri}${l.skipped.length > 0 ? ` (left out: ${l.skipped.map((s) => s.reason).join('; ')})` : ''}`).join(', ')}`
      : `BuildKit attestation manifests in ${evidence.image.digest} (none there)`,
  );
  const attached = lookups.filter((lookup) => lookup.place !== 'buildkit-attestations');
  if (attached.length > 0)
    places.push(`attestations at ${[...new Set(attached.map((l) => l.uri))].join(', ')}`);
  return places.join('; ');
}

function unusableNote(unusable: JudgedSbom[]): string {
  if (unusable.length === 0) return '';
  return ` Not used: ${unusable.map((entry) => `${sbomSourceLabel(entry.sbom)}: ${entry.trust}`).join('; ')}.`;
}

type LicenseVerdict = { ok: true } | { ok: false; unknown: boolean; why: string };

function licenses(config: NonNullable<SbomPolicy['licenses']>, judged: JudgedSbom[]): Check {
  const ruleId = `${FAMILY}.licenses`;
  const packages = usablePackages(judged);
  if (!judged.some((entry) => entry.usable)) {
    return {
      ruleId,
      status: 'warn',
      title: 'Licenses not checked: no SBOM the policy trusts',
      message: `No SBOM the gate may use was found, so no license was checked.${unusableNote(judged)}`,
      remediation: 'See sbom.required for where the gate looks for SBOMs.',
    };
  }
  const denied: PackageResult[] = [];
  const unknown: PackageResult[] = [];
  // An SBOM repeats a few dozen expressions across thousands of packages: each is judged once.
  const verdicts = new Map<string | undefined, LicenseVerdict>();
  for (const pkg of packages) {
    let verdict = verdicts.get(pkg.license);
    if (verdict === undefined) {
      verdict = judgeLicense(pkg.license, config);
      verdicts.set(pkg.license, verdict);
    }
    if (verdict.ok) continue;
    (verdict.unknown ? unknown : denied).push(packageResult(pkg, verdict.why));
  }
  const counted = config.unknown === 'ignore' ? [] : unknown;
  const policyText = config.allow
    ? `allowed: ${config.allow.join(', ')}`
    : `denied: ${config.deny!.join(', ')}`;
  if (denied.length === 0 && counted.length === 0) {
    return {
      ruleId,
      status: 'pass',
      title: 'Every license allowed',
      message: `${packages.length} package(s) checked (${policyText})${unknown.length > 0 ? `; ${unknown.length} without a usable license, ignored` : ''}.`,
    };
  }
  const status = denied.length > 0 || config.unknown === 'fail' ? 'fail' : 'warn';
  const parts = [
    denied.length > 0
      ? `${denied.length} package(s) with a license the policy does not allow (${policyText}): ${listPackages(denied)}.`
      : '',
    counted.length > 0
      ? `${counted.length} package(s) without a license the gate can judge: ${listPackages(counted)}.`
      : '',
  ].filter(Boolean);
  return {
    ruleId,
    status,
    title:
      denied.length > 0
        ? `${denied.length} package license(s) not allowed`
        : `${counted.length} package(s) with an unknown license`,
    message: parts.join(' '),
    remediation:
      'Replace the packages, or accept one with an exception naming the package (exceptions: rule sbom.licenses, package NAME, reason); set sbom.licenses.unknown to ignore packages whose SBOM gives no license.',
    packages: [...denied, ...counted],
  };
}

export function judgeLicense(
  license: string | undefined,
  config: NonNullable<SbomPolicy['licenses']>,
): LicenseVerdict {
  if (license === undefined) return { ok: false, unknown: true, why: 'no license' };
  let ids: string[];
  try {
    ids = licenseIds(parseSpdx(license));
  } catch {
    return { ok: false, unknown: true, why: 'not an SPDX license expression' };
  }
  try {
    if (config.allow) {
      return spdxSatisfies(license, config.allow)
        ? { ok: true }
        : { ok: false, unknown: false, why: 'not satisfied by the allowed licenses' };
    }
    const deny = new Set(config.deny);
    const rest = ids.filter((id) => !deny.has(id));
    return rest.length > 0 && spdxSatisfies(license, rest)
      ? { ok: true }
      : { ok: false, unknown: false, why: 'cannot be met without a denied license' };
  } catch {
    // spdx-satisfies knows only the SPDX list: a LicenseRef or deprecated id it cannot compare.
    return { ok: false, unknown: true, why: 'a license the SPDX list cannot compare' };
  }
}

type SpdxNode = { license?: string; plus?: boolean; left?: SpdxNode; right?: SpdxNode };

function licenseIds(node: SpdxNode): string[] {
  if (node.license !== undefined) return [node.license];
  return [...(node.left ? licenseIds(node.left) : []), ...(node.right ? licenseIds(node.right) : [])];
}

function deniedPackages(patterns: string[], judged: JudgedSbom[]): Check {
  const ruleId = `${FAMILY}.deny-packages`;
  if (!judged.some((entry) => entry.usable)) {
    return {
      ruleId,
      status: 'warn',
      title: 'Packages not checked: no SBOM the policy trusts',
      message: `No SBOM the gate may use was found, so the denied packages (${patterns.join(', ')}) were not looked for.${unusableNote(judged)}`,
      remediation: 'See sbom.required for where the gate looks for SBOMs.',
    };
  }
  const compiled = patterns.map((pattern) => ({ pattern, parts: parsePurl(pattern)! }));
  const packages = usablePackages(judged);
  const withoutPurl = packages.filter((pkg) => pkg.purl === undefined).length;
  const hits: PackageResult[] = [];
  for (const pkg of packages) {
    const parts = parsePurl(pkg.purl);
    if (!parts) continue;
    const match = compiled.find((entry) => purlPatternMatches(entry.parts, parts));
    if (match) hits.push(packageResult(pkg, `denied by ${match.pattern}`));
  }
  const note =
    withoutPurl > 0 ? ` ${withoutPurl} package(s) have no package URL and could not be compared.` : '';
  if (hits.length === 0) {
    return {
      ruleId,
      status: 'pass',
      title: 'No denied package',
      message: `${packages.length} package(s) compared with ${patterns.length} denied pattern(s).${note}`,
    };
  }
  return {
    ruleId,
    status: 'fail',
    title: `${hits.length} denied package(s) in the image`,
    message: `${listPackages(hits)}.${note}`,
    remediation: 'Remove or upgrade these packages and rebuild the image.',
    packages: hits,
  };
}

/** Type, namespace and name equal; the pattern's version, with `*` for any characters, matches whole. */
export function purlPatternMatches(pattern: PurlParts, candidate: PurlParts): boolean {
  if (pattern.type !== candidate.type || pattern.name !== candidate.name) return false;
  if ((pattern.namespace ?? '') !== (candidate.namespace ?? '')) return false;
  if (pattern.version !== undefined) {
    if (candidate.version === undefined) return false;
    const source = pattern.version
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    if (!new RegExp(`^${source}$`).test(candidate.version)) return false;
  }
  return Object.entries(pattern.qualifiers).every(([key, value]) => candidate.qualifiers[key] === value);
}

function packageResult(pkg: ListedPackage, problem: string): PackageResult {
  return {
    name: pkg.name,
    ...(pkg.version ? { version: pkg.version } : {}),
    ...(pkg.purl ? { purl: pkg.purl } : {}),
    ...(pkg.license ? { license: pkg.license } : {}),
    problem,
    sources: pkg.sources,
  };
}

export function listPackages(packages: PackageResult[]): string {
  const shown = packages.slice(0, LISTED).map(describePackage);
  const more = packages.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? `; and ${more} more (see the JSON report)` : ''}`;
}

function describePackage(pkg: PackageResult): string {
  const license = pkg.license === undefined ? 'no license' : `license ${JSON.stringify(pkg.license)}`;
  return `${pkg.name}${pkg.version ? `@${pkg.version}` : ''} (${license}; ${pkg.problem}) from ${pkg.sources.join(' and ')}`;
}

function platformName(platform: {
  platform?: { os: string; architecture: string; variant?: string };
  digest: string;
}): string {
  const p = platform.platform;
  return p ? [p.os, p.architecture, p.variant].filter(Boolean).join('/') : platform.digest.slice(0, 19);
}
