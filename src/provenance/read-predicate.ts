/**
 * What a SLSA provenance predicate says about a build, read the same way whoever wrote it: GitHub's
 * workflow build type (actions/attest), the older GitHub Actions build type, slsa-github-generator's
 * container-based builds (v1) and its v0.2 predicates. Pure; every value is untrusted text until a
 * rule compares it with the policy.
 */

export const SLSA_PROVENANCE_PREFIX = 'https://slsa.dev/provenance/';
/** The builder id of the older GitHub Actions build type: a job on a GitHub-hosted runner. */
export const GITHUB_HOSTED_BUILDER = 'https://github.com/actions/runner/github-hosted';

export interface ProvenanceFacts {
  predicateType: string;
  buildType?: string;
  builderId?: string;
  /** The source repository's URL, e.g. `https://github.com/acme/app`. */
  sourceRepository?: string;
  /** e.g. `refs/heads/main`. */
  sourceRef?: string;
  sourceCommit?: string;
  /** `github-hosted` or `self-hosted`, as the predicate states it. */
  runnerEnvironment?: string;
}

export function isSlsaProvenance(predicateType: string): boolean {
  return predicateType.startsWith(SLSA_PROVENANCE_PREFIX);
}

export function readProvenanceFacts(predicateType: string, predicate: unknown): ProvenanceFacts {
  const facts: ProvenanceFacts = { predicateType };
  const root = record(predicate);
  const definition = record(root.buildDefinition);
  if (Object.keys(definition).length > 0) {
    // SLSA v1
    facts.buildType = text(definition.buildType);
    facts.builderId = text(record(record(root.runDetails).builder).id);
    const external = record(definition.externalParameters);
    const workflow = record(external.workflow);
    const dependency = gitUri(text(record(list(definition.resolvedDependencies)[0]).uri));
    const source = gitUri(text(record(external.source).uri));
    facts.sourceRepository = text(workflow.repository) ?? dependency?.repository ?? source?.repository;
    facts.sourceRef = text(workflow.ref) ?? dependency?.ref ?? source?.ref;
    const digest = record(record(list(definition.resolvedDependencies)[0]).digest);
    facts.sourceCommit = text(digest.gitCommit) ?? text(digest.sha1);
    const github = record(record(definition.internalParameters).github);
    facts.runnerEnvironment = text(github.runner_environment);
  } else {
    // SLSA v0.2
    facts.buildType = text(root.buildType);
    facts.builderId = text(record(root.builder).id);
    const configSource = record(record(root.invocation).configSource);
    const source = gitUri(text(configSource.uri));
    facts.sourceRepository = source?.repository;
    facts.sourceRef = source?.ref;
    facts.sourceCommit = text(record(configSource.digest).sha1);
  }
  if (facts.runnerEnvironment === undefined && facts.builderId === GITHUB_HOSTED_BUILDER) {
    facts.runnerEnvironment = 'github-hosted';
  }
  return Object.fromEntries(
    Object.entries(facts).filter(([, value]) => value !== undefined),
  ) as ProvenanceFacts;
}

/** `OWNER/NAME` or a full URL, compared with a repository URL. */
export function sameRepository(url: string | undefined, expected: string): boolean {
  if (url === undefined) return false;
  if (expected.includes('://')) return url.replace(/\/+$/, '') === expected.replace(/\/+$/, '');
  try {
    return new URL(url).pathname.replace(/\/+$/, '') === `/${expected}`;
  } catch {
    return false;
  }
}

/** `git+https://github.com/acme/app@refs/heads/main` → repository URL and ref. */
function gitUri(uri: string | undefined): { repository: string; ref?: string } | undefined {
  if (!uri?.startsWith('git+')) return undefined;
  const rest = uri.slice('git+'.length);
  const at = rest.lastIndexOf('@');
  // An `@` inside the authority (user@host) is not a ref separator.
  if (at === -1 || rest.indexOf('/', rest.indexOf('://') + 3) > at) return { repository: rest };
  return { repository: rest.slice(0, at), ref: rest.slice(at + 1) };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
