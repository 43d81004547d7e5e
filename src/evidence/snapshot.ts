/**
 * Evidence snapshots: the evidence a decision was made from, as versioned JSON, so the same
 * policy × evidence × clock can be evaluated again offline (`policy test`, a reviewer's replay).
 *
 * The encoding is generic over `Evidence`: any field another part of the gate adds round-trips
 * without code here, as long as it is data. JSON cannot say "bytes", "date", "map" or "set", so
 * those are written as one-key objects (`{"$bytes": base64}`, `{"$date": iso}`, `{"$map": [[k, v]…]}`,
 * `{"$set": […]}`, `{"$bigint": "…"}`); an object of the evidence's own whose keys start with `$`
 * (an attestation predicate may hold anything) is wrapped as `{"$object": {…}}` so it is never
 * mistaken for one of those. Every env value, label, annotation and history step in which the
 * secret detector found a credential is replaced by a placeholder. `image.secrets` judges the
 * config's secret scan (`configSecrets`: redacted findings only), which the snapshot keeps, so a
 * replay fails it as the image did; a custom CEL rule that reads such a value sees the placeholder.
 */
import { readRegularFile } from '../adapters/files/regular-file.js';
import { ConfigurationError, InternalError } from '../errors.js';
import type { Decision } from '../policy/decision.js';
import { JsonStreamParser } from './scans/json-stream.js';
import { scanImageConfigs } from './secrets/config-secrets.js';
import { loadSecretDetector } from './secrets/secrets.js';
import type { ConfigSecretScan, Evidence, ImageConfigFacts } from '../model/evidence.js';

export const EVIDENCE_SCHEMA = 'supply-chain-gate/evidence';
export const EVIDENCE_SNAPSHOT_VERSION = 1;
/** Snapshots carry bundles and predicates; a whole release's worth is far below this. */
export const MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;

export interface SnapshotRedaction {
  /** Where the credential was: `platforms[0] Env API_TOKEN`, `annotations org.example.key`. */
  where: string;
  /** Always true since the snapshot keeps the redacted scan the rule reads; kept for version 1 readers. */
  exact: boolean;
}

/** What replaces a value that holds a credential. */
export const REDACTED_PLACEHOLDER = '[credential removed by supply-chain-gate]';

/**
 * The evidence with a secret scan of every platform's config, so the snapshot knows which values
 * to leave out even when the policy did not ask for `image.secrets` (the scan's rule set loads
 * only then).
 */
export async function withConfigSecretScan(evidence: Evidence): Promise<Evidence> {
  const scanned = new Set((evidence.configSecrets ?? []).map((scan) => scan.manifestDigest));
  if (evidence.image.platforms.every((platform) => scanned.has(platform.digest))) return evidence;
  const detector = await loadSecretDetector();
  return { ...evidence, configSecrets: await scanImageConfigs(evidence.image, detector) };
}

/** What the run that wrote the snapshot decided, for a reader (a replay does not read it). */
export interface SnapshotDecision {
  policy: string;
  evaluatedAt: string;
  verdict: Decision['verdict'];
  results: Array<{ ruleId: string; status: string; platform?: string }>;
}

export interface EvidenceSnapshot {
  schema: typeof EVIDENCE_SCHEMA;
  version: typeof EVIDENCE_SNAPSHOT_VERSION;
  tool: { name: 'supply-chain-gate'; version: string };
  /** When the snapshot was written. */
  createdAt: string;
  redactions: SnapshotRedaction[];
  decision?: SnapshotDecision;
  evidence: Evidence;
}

/** Pure: the snapshot's text. */
export function renderEvidenceSnapshot(
  evidence: Evidence,
  context: { toolVersion: string; createdAt: Date; decision?: Decision },
): string {
  const redactions: SnapshotRedaction[] = [];
  const snapshot: EvidenceSnapshot = {
    schema: EVIDENCE_SCHEMA,
    version: EVIDENCE_SNAPSHOT_VERSION,
    tool: { name: 'supply-chain-gate', version: context.toolVersion },
    createdAt: context.createdAt.toISOString(),
    redactions,
    ...(context.decision ? { decision: summarizeDecision(context.decision) } : {}),
    evidence: withoutCredentials(evidence, redactions),
  };
  return `${JSON.stringify(snapshot, encodingReplacer(), 1)}\n`;
}

/** Pure: bytes → a validated snapshot, or a ConfigurationError naming the file and what is wrong. */
export function parseEvidenceSnapshot(bytes: Uint8Array, file: string): EvidenceSnapshot {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  let decoded: unknown;
  try {
    decoded = JSON.parse(text, reviveTagged);
  } catch (error) {
    if (error instanceof MalformedTag) {
      // Read again without decoding, to say where each malformed value is.
      const problems = validateEnvelope(JSON.parse(text), file);
      throw new SnapshotError(problems.length > 0 ? problems : [`${file}: malformed ${error.tag} value`]);
    }
    // Not JSON: the streaming parser says where, and never echoes the input as JSON.parse would.
    const parser = new JsonStreamParser(file);
    parser.write(bytes);
    parser.end();
    throw new SnapshotError([`${file}: invalid JSON`]);
  }
  const problems = validateEnvelope(decoded, file, false);
  if (problems.length > 0) throw new SnapshotError(problems);
  const snapshot = decoded as EvidenceSnapshot;
  const evidenceProblems = validateEvidence(snapshot.evidence, `${file}: evidence`);
  if (evidenceProblems.length > 0) throw new SnapshotError(evidenceProblems);
  return snapshot;
}

export async function loadEvidenceSnapshot(path: string, displayName = path): Promise<EvidenceSnapshot> {
  const read = await readRegularFile(path, MAX_SNAPSHOT_BYTES);
  if (!read.ok) {
    const why = ((): string => {
      switch (read.problem) {
        case 'missing':
          return 'no such file';
        case 'not-a-file':
          return 'not a regular file';
        case 'too-large':
          return `larger than ${MAX_SNAPSHOT_BYTES} bytes`;
        case 'unreadable':
          return `unreadable (${read.code})`;
      }
    })();
    throw new ConfigurationError(
      'evidence-unreadable',
      `${displayName}: cannot read the evidence snapshot: ${why}`,
    );
  }
  return parseEvidenceSnapshot(read.bytes, displayName);
}

export class SnapshotError extends ConfigurationError<'invalid-evidence'> {
  /** Each problem as `file: where: what is wrong`. */
  readonly lines: string[];

  constructor(lines: string[]) {
    const more = lines.length > 1 ? ` (and ${lines.length - 1} more problem(s))` : '';
    super('invalid-evidence', `${lines[0]}${more}`, { problems: lines.map((message) => ({ message })) });
    this.lines = lines;
  }
}

function summarizeDecision(decision: Decision): SnapshotDecision {
  return {
    policy: decision.policyOrigin,
    evaluatedAt: decision.evaluatedAt,
    verdict: decision.verdict,
    results: decision.results.map((result) => ({
      ruleId: result.ruleId,
      status: result.status,
      ...(result.platform ? { platform: result.platform } : {}),
    })),
  };
}

// ---- credentials --------------------------------------------------------------------------

/**
 * The evidence with every value the config's secret scan flagged replaced by a placeholder. Layer
 * scans, scan reports and signatures hold none: layer and config scans keep only redacted forms.
 */
function withoutCredentials(evidence: Evidence, redactions: SnapshotRedaction[]): Evidence {
  const image = evidence.image;
  const flagged = flaggedPlaces(evidence.configSecrets ?? []);
  const anyLabel = new Set([...flagged.values()].flatMap((places) => [...places]));
  const first = image.platforms[0]?.digest;
  return {
    ...evidence,
    image: {
      ...image,
      annotations: cleanRecord(image.annotations, anyLabel, 'annotations', redactions),
      ...(image.config
        ? { config: cleanConfig(image.config, flagged.get(first ?? '') ?? new Set(), 'config', redactions) }
        : {}),
      platforms: image.platforms.map((platform, index) => {
        const places = flagged.get(platform.digest) ?? new Set<string>();
        return {
          ...platform,
          annotations: cleanRecord(
            platform.annotations,
            places,
            `platforms[${index}] annotations`,
            redactions,
          ),
          ...(platform.config
            ? { config: cleanConfig(platform.config, places, `platforms[${index}]`, redactions) }
            : {}),
        };
      }),
    },
  };
}

/** Per platform digest, the places (`Env NAME`, `Label NAME`, `History step N`) that hold a credential. */
function flaggedPlaces(scans: ConfigSecretScan[]): Map<string, Set<string>> {
  const flagged = new Map<string, Set<string>>();
  for (const scan of scans) {
    if (scan.findings.length === 0) continue;
    flagged.set(scan.manifestDigest, new Set(scan.findings.map((finding) => finding.where)));
  }
  return flagged;
}

function cleanConfig(
  config: ImageConfigFacts,
  places: Set<string>,
  where: string,
  redactions: SnapshotRedaction[],
): ImageConfigFacts {
  return {
    ...config,
    env: config.env.map((entry) => {
      const at = entry.indexOf('=');
      const name = at === -1 ? entry : entry.slice(0, at);
      if (at === -1 || !places.has(`Env ${name}`)) return entry;
      redactions.push({ where: `${where} Env ${name}`, exact: true });
      return `${name}=${REDACTED_PLACEHOLDER}`;
    }),
    labels: cleanRecord(config.labels, places, `${where} Label`, redactions),
    history: config.history.map((step, index) => {
      if (step.createdBy === undefined || !places.has(`History step ${index + 1}`)) return step;
      redactions.push({ where: `${where} History step ${index + 1}`, exact: true });
      return { ...step, createdBy: REDACTED_PLACEHOLDER };
    }),
  };
}

/** Labels and annotations are scanned together under `Label KEY`: a flagged key is left out of both. */
function cleanRecord(
  record: Record<string, string>,
  places: Set<string>,
  where: string,
  redactions: SnapshotRedaction[],
): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(record ?? {})) {
    const secret = places.has(`Label ${key}`);
    if (secret) redactions.push({ where: `${where} ${key}`, exact: true });
    clean[key] = secret ? REDACTED_PLACEHOLDER : value;
  }
  return clean;
}

// ---- encoding ------------------------------------------------------------------------------

const TAGS = ['$bytes', '$date', '$map', '$set', '$bigint', '$object'] as const;

/**
 * JSON.stringify's replacer sees each value after `toJSON` (a Date is already a string, a Buffer
 * `{type, data}`), so it reads the raw value from its holder. No copy of the evidence is made.
 */
function encodingReplacer(): (this: unknown, key: string, value: unknown) => unknown {
  const wrapped = new WeakSet<object>();
  return function (this: unknown, key: string, value: unknown): unknown {
    const raw = (this as Record<string, unknown>)[key];
    if (raw instanceof Uint8Array) {
      return { $bytes: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') };
    }
    if (raw instanceof Date) return { $date: raw.toISOString() };
    if (raw instanceof Map) return { $map: [...raw] };
    if (raw instanceof Set) return { $set: [...raw] };
    if (typeof raw === 'bigint') return { $bigint: raw.toString() };
    if (typeof raw === 'function' || typeof raw === 'symbol') {
      // Evidence is data; a function or symbol in it is a bug of the gate, not the user's input.
      throw new InternalError(
        'evidence-not-data',
        `${key}: a ${typeof raw} cannot be written to an evidence snapshot`,
      );
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && !wrapped.has(value)) {
      for (const name in value) {
        if (name.startsWith('$')) {
          wrapped.add(value);
          return { $object: value };
        }
      }
    }
    return value;
  };
}

class MalformedTag extends Error {
  constructor(readonly tag: string) {
    super(`malformed ${tag} value`);
  }
}

/**
 * JSON.parse's reviver runs from the leaves up: a tagged object becomes its value; what a
 * `$object` wraps is kept as it is (its members were revived already).
 */
function reviveTagged(this: unknown, key: string, value: unknown): unknown {
  if (key === '$object' || value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  let tag: string | undefined;
  for (const name in value) {
    if (tag !== undefined) return value;
    tag = name;
  }
  if (tag === undefined || !tag.startsWith('$')) return value;
  const inner = (value as Record<string, unknown>)[tag];
  switch (tag) {
    case '$bytes':
      if (typeof inner !== 'string' || inner.length % 4 !== 0 || !BASE64.test(inner))
        throw new MalformedTag(tag);
      return new Uint8Array(Buffer.from(inner, 'base64'));
    case '$date':
      if (typeof inner !== 'string' || Number.isNaN(Date.parse(inner))) throw new MalformedTag(tag);
      return new Date(inner);
    case '$map':
      if (!Array.isArray(inner) || !inner.every((pair) => Array.isArray(pair) && pair.length === 2)) {
        throw new MalformedTag(tag);
      }
      return new Map(inner as Array<[unknown, unknown]>);
    case '$set':
      if (!Array.isArray(inner)) throw new MalformedTag(tag);
      return new Set(inner);
    case '$bigint':
      if (typeof inner !== 'string' || !/^-?\d+$/.test(inner)) throw new MalformedTag(tag);
      return BigInt(inner);
    case '$object':
      if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) throw new MalformedTag(tag);
      return inner;
    default:
      return value;
  }
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

// ---- validation ----------------------------------------------------------------------------

/** The envelope and the tags, before decoding: a wrong tag is named, never decoded into garbage. */
function validateEnvelope(raw: unknown, file: string, tags = true): string[] {
  if (!isObject(raw)) return [`${file}: not an evidence snapshot (expected a JSON object)`];
  if (raw.schema !== EVIDENCE_SCHEMA) {
    return [
      `${file}: not an evidence snapshot (expected "schema": "${EVIDENCE_SCHEMA}"; write one with check --evidence-out)`,
    ];
  }
  if (typeof raw.version !== 'number' || !Number.isInteger(raw.version)) {
    return [`${file}: version: expected the snapshot format version, an integer`];
  }
  if (raw.version > EVIDENCE_SNAPSHOT_VERSION) {
    return [
      `${file}: version ${raw.version} was written by a newer supply-chain-gate (this one reads ${EVIDENCE_SNAPSHOT_VERSION}): upgrade to replay it`,
    ];
  }
  if (raw.version < 1) return [`${file}: version: expected ${EVIDENCE_SNAPSHOT_VERSION}`];
  const problems: string[] = [];
  if (!isObject(raw.evidence)) problems.push(`${file}: evidence: expected an object`);
  if (tags) checkTags(raw, '', problems, file);
  return problems;
}

function checkTags(value: unknown, path: string, problems: string[], file: string): void {
  if (problems.length >= 20) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkTags(item, `${path}[${index}]`, problems, file));
    return;
  }
  if (!isObject(value)) return;
  const keys = Object.keys(value);
  if (keys.length === 1 && (TAGS as readonly string[]).includes(keys[0]!)) {
    const tag = keys[0]!;
    const inner = value[tag];
    const ok =
      tag === '$bytes'
        ? typeof inner === 'string' && BASE64.test(inner) && inner.length % 4 === 0
        : tag === '$date'
          ? typeof inner === 'string' && !Number.isNaN(Date.parse(inner))
          : tag === '$map'
            ? Array.isArray(inner) && inner.every((pair) => Array.isArray(pair) && pair.length === 2)
            : tag === '$set'
              ? Array.isArray(inner)
              : tag === '$bigint'
                ? typeof inner === 'string' && /^-?\d+$/.test(inner)
                : isObject(inner);
    if (!ok) problems.push(`${file}: ${path}: malformed ${tag} value`);
    if (tag === '$object' && isObject(inner)) {
      for (const [key, item] of Object.entries(inner))
        checkTags(item, path ? `${path}.${key}` : key, problems, file);
    } else if (Array.isArray(inner)) {
      checkTags(inner, path, problems, file);
    }
    return;
  }
  for (const [key, item] of Object.entries(value))
    checkTags(item, path ? `${path}.${key}` : key, problems, file);
}

const SHA256 = /^sha256:[0-9a-f]{64}$/;

/** What the rules rely on without checking: the shape of Evidence's required parts. */
function validateEvidence(evidence: Evidence, at: string): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, path: string, what: string) => {
    if (!ok) problems.push(`${at}.${path}: expected ${what}`);
  };
  const image = evidence.image as unknown;
  need(isObject(image), 'image', 'an object');
  if (isObject(image)) {
    need(typeof image.name === 'string', 'image.name', 'a string');
    need(typeof image.reference === 'string', 'image.reference', 'a string');
    need(typeof image.digest === 'string' && SHA256.test(image.digest), 'image.digest', 'sha256:<64 hex>');
    need(typeof image.mediaType === 'string', 'image.mediaType', 'a string');
    need(isStringRecord(image.annotations), 'image.annotations', 'an object of strings');
    need(Array.isArray(image.layers), 'image.layers', 'an array');
    need(isObject(image.source), 'image.source', 'an object');
    need(Array.isArray(image.platforms), 'image.platforms', 'an array');
    if (Array.isArray(image.platforms)) {
      image.platforms.forEach((platform: unknown, index: number) => {
        const path = `image.platforms[${index}]`;
        need(isObject(platform), path, 'an object');
        if (!isObject(platform)) return;
        need(
          typeof platform.digest === 'string' && SHA256.test(platform.digest),
          `${path}.digest`,
          'sha256:<64 hex>',
        );
        need(isStringRecord(platform.annotations), `${path}.annotations`, 'an object of strings');
        need(Array.isArray(platform.layers), `${path}.layers`, 'an array');
        need(typeof platform.compressedSize === 'number', `${path}.compressedSize`, 'a number');
      });
    }
  }
  need(Array.isArray(evidence.scans), 'scans', 'an array');
  if (Array.isArray(evidence.scans)) {
    evidence.scans.forEach((scan: unknown, index) => {
      need(
        isObject(scan) && Array.isArray(scan.findings) && isObject(scan.artifact),
        `scans[${index}]`,
        'a scan report with findings and artifact',
      );
    });
  }
  need(Array.isArray(evidence.discovered), 'discovered', 'an array');
  for (const key of ['lookups', 'verifications', 'vex', 'layerScans'] as const) {
    need(evidence[key] === undefined || Array.isArray(evidence[key]), key, 'an array');
  }
  if (Array.isArray(evidence.verifications) && Array.isArray(evidence.discovered)) {
    need(
      evidence.verifications.length === evidence.discovered.length,
      'verifications',
      'one verification per discovered artifact',
    );
  }
  return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringRecord(value: unknown): boolean {
  return isObject(value) && Object.values(value).every((item) => typeof item === 'string');
}
