/**
 * `supply-chain-gate policy test FILE…`: runs each file's cases offline (policy × evidence
 * snapshot × fixed clock). Exit 0 when every expectation holds, 1 naming each case, rule,
 * expected and actual status, 2 when a file, policy or snapshot cannot be read.
 */
import { dirname, relative, resolve } from 'node:path';
import { ConfigurationError, describeError, formatPosition } from '../../errors.js';
import { loadEvidenceSnapshot, SnapshotError, type EvidenceSnapshot } from '../../evidence/snapshot.js';
import { loadPolicyFile, MAX_POLICY_BYTES, PolicyError, readPolicyText } from '../../policy/document/load.js';
import {
  parsePolicyTests,
  runPolicyTestCase,
  type PolicyTestCase,
} from '../../policy/authoring/policy-test.js';
import type { Policy } from '../../policy/schema.js';
import { escapeLogLine } from '../../report/escape.js';

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd: string;
}

export async function policyTestCommand(files: string[], io: Io): Promise<number> {
  if (files.length === 0)
    throw new ConfigurationError('invalid-arguments', 'policy test needs at least one FILE');
  const shown = (absolute: string) => relative(io.cwd, absolute) || absolute;
  // Cases share policies and snapshots: each is read and parsed once.
  const policies = new Map<string, Promise<Policy>>();
  const snapshots = new Map<string, Promise<EvidenceSnapshot>>();
  let passed = 0;
  let failed = 0;
  let unreadable = false;
  let errored = 0;
  for (const file of files) {
    const absolute = resolve(io.cwd, file);
    let cases: PolicyTestCase[];
    try {
      const text = await readPolicyText(absolute, shown(absolute));
      if (text === undefined) {
        throw new ConfigurationError('policy-test-not-found', `${shown(absolute)}: test file not found`);
      }
      if (Buffer.byteLength(text) > MAX_POLICY_BYTES) {
        throw new ConfigurationError('policy-test-too-large', `${shown(absolute)}: test file is too large`);
      }
      cases = parsePolicyTests(text, shown(absolute));
    } catch (error) {
      unreadable = true;
      printProblems(io, error);
      continue;
    }
    io.stdout.write(`${escapeLogLine(shown(absolute))}\n`);
    for (const entry of cases) {
      const policyPath = resolve(dirname(absolute), entry.policy);
      const evidencePath = resolve(dirname(absolute), entry.evidence);
      let policy: Policy;
      let snapshot: EvidenceSnapshot;
      try {
        policy = await cached(policies, policyPath, () => loadPolicyFile(policyPath, shown(policyPath)));
        snapshot = await cached(snapshots, evidencePath, () =>
          loadEvidenceSnapshot(evidencePath, shown(evidencePath)),
        );
      } catch (error) {
        unreadable = true;
        errored++;
        io.stdout.write(`  ERROR ${escapeLogLine(entry.name)}\n`);
        printProblems(io, error, `${formatPosition(entry.at)}: case ${JSON.stringify(entry.name)}: `);
        continue;
      }
      const outcome = runPolicyTestCase(entry, policy, snapshot.evidence);
      if (outcome.misses.length === 0) {
        passed++;
        io.stdout.write(`  ok    ${escapeLogLine(entry.name)}\n`);
        continue;
      }
      failed++;
      io.stdout.write(`  FAIL  ${escapeLogLine(entry.name)}\n`);
      for (const miss of outcome.misses) {
        const line = `${formatPosition(miss.at)}: case ${JSON.stringify(entry.name)}: ${miss.what}: expected ${miss.expected}, got ${miss.actual}`;
        io.stdout.write(`        ${escapeLogLine(line)}\n`);
        if (miss.detail) io.stdout.write(`          ${escapeLogLine(miss.detail.slice(0, 500))}\n`);
      }
    }
  }
  const notRun = errored > 0 ? `, ${errored} could not run` : '';
  io.stdout.write(`${passed + failed + errored} case(s): ${passed} passed, ${failed} failed${notRun}\n`);
  return unreadable ? 2 : failed > 0 ? 1 : 0;
}

function cached<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let entry = cache.get(key);
  if (!entry) {
    entry = load();
    cache.set(key, entry);
  }
  return entry;
}

function printProblems(io: Io, error: unknown, prefix = ''): void {
  const problems =
    error instanceof PolicyError || error instanceof SnapshotError ? error.lines : [describeError(error)];
  for (const problem of problems) io.stderr.write(`${escapeLogLine(`${prefix}${problem}`)}\n`);
}
