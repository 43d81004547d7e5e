/**
 * Reads scan reports and VEX documents from files, streaming: a report of any size is hashed and
 * parsed chunk by chunk, never held whole, so memory follows the findings, not the file. VEX files must be inside the workspace (the
 * repository): a statement that suppresses findings has to be reviewed like code. On pull request
 * and merge group events they are read at the base commit through the API, like the policy, so a
 * change cannot bring the statements that clear its own findings.
 */
import { createHash } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { GitHubClient } from '../adapters/github/create-client.js';
import { pathInside, streamInputFile } from '../adapters/files/streamed-file.js';
import { ConfigurationError, type ConfigurationCode } from '../errors.js';
import type { RunInputs } from '../inputs.js';
import type { DocumentRole, ParsedDocument } from './scans/document-format.js';
import { parseVexDocument, ScanDocumentReader } from './scans/parse.js';
import type { EvidenceSource, ScanReport, VexDocument } from '../model/evidence.js';

export async function readScanFile(path: string, workspace: string): Promise<ScanReport> {
  const parsed = await readDocumentFile(path, workspace, 'scan');
  return (parsed as Extract<ParsedDocument, { kind: 'scan' }>).report;
}

/** Where VEX files are read from: the base commit on pull request and merge group events, else the checkout. */
export interface VexOrigin {
  workspace: string;
  base?: RunInputs['policyBase'];
  github?: Pick<GitHubClient, 'getFileContent'>;
}

export function readVex(path: string, origin: VexOrigin): Promise<VexDocument> {
  return origin.base ? readVexAtBase(path, origin, origin.base) : readVexFile(path, origin.workspace);
}

async function readVexAtBase(
  path: string,
  origin: VexOrigin,
  base: NonNullable<RunInputs['policyBase']>,
): Promise<VexDocument> {
  const repoPath = pathInside(resolve(origin.workspace, path), resolve(origin.workspace));
  if (repoPath === undefined) {
    throw new ConfigurationError(
      'vex-outside-repository',
      `${path}: VEX documents are read only from files in the repository; name the VEX file relative to the repository`,
    );
  }
  const shortRef = /^[0-9a-f]{40}$/.test(base.ref) ? base.ref.slice(0, 12) : base.ref;
  if (!origin.github) {
    throw new ConfigurationError(
      'vex-base-unreadable',
      `${repoPath}: VEX documents must be read at ${shortRef} through the GitHub API (${base.event}), and no GitHub token was given: set the "github-token" input`,
    );
  }
  const slashed = repoPath.split(sep).join('/');
  const text = await origin.github.getFileContent({
    owner: base.owner,
    repo: base.repo,
    path: slashed,
    ref: base.ref,
  });
  if (text === undefined) {
    throw new ConfigurationError(
      'vex-not-found',
      `${slashed}@${shortRef}: VEX document not found at the base commit (${base.event}); a VEX file added by this change applies once it is merged`,
    );
  }
  const bytes = Buffer.from(text, 'utf8');
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  return parseVexDocument(bytes, { kind: 'github', uri: `${slashed}@${shortRef}`, digest });
}

export async function readVexFile(path: string, workspace: string): Promise<VexDocument> {
  const absolute = resolve(workspace, path);
  const [real, root] = await Promise.all([
    realpath(absolute).catch(() => absolute),
    realpath(workspace).catch(() => workspace),
  ]);
  if (pathInside(real, root) === undefined) {
    throw new ConfigurationError(
      'vex-outside-repository',
      `${path}: VEX documents are read only from files in the repository (${workspace}); commit the VEX file and name it relative to the repository`,
    );
  }
  return readVexDocumentFile(path, workspace);
}

/** Any VEX file, wherever it is: for looking at documents (`scans`), not for gating. */
export async function readVexDocumentFile(path: string, workspace: string): Promise<VexDocument> {
  const parsed = await readDocumentFile(path, workspace, 'vex');
  return (parsed as Extract<ParsedDocument, { kind: 'vex' }>).vex;
}

const NOT_FOUND = { scan: 'scan-not-found', vex: 'vex-not-found' } as const satisfies Record<
  DocumentRole,
  ConfigurationCode
>;
const NOT_A_FILE = { scan: 'scan-not-a-file', vex: 'vex-not-a-file' } as const satisfies Record<
  DocumentRole,
  ConfigurationCode
>;

async function readDocumentFile(
  path: string,
  workspace: string,
  role: DocumentRole,
): Promise<ParsedDocument> {
  const absolute = resolve(workspace, path);
  const shown = pathInside(absolute, workspace) ?? absolute;
  const what = role === 'scan' ? 'scan report' : 'VEX document';
  // The digest is of the bytes parsed, so a report names exactly what was judged; it is known
  // once the last byte is read, and filled into the source the parsed document already holds.
  const source: EvidenceSource = { kind: 'file', uri: shown };
  const reader = new ScanDocumentReader(source, role);
  // No size limit: the reader holds findings, not the file (XML, read whole, has its own limit).
  source.digest = await streamInputFile(
    absolute,
    {
      errors: {
        missing: (reason) =>
          new ConfigurationError(NOT_FOUND[role], `${shown}: cannot read ${what} (${reason})`),
        notAFile: () => new ConfigurationError(NOT_A_FILE[role], `${shown}: ${what} is not a regular file`),
      },
    },
    (bytes) => reader.write(bytes),
  );
  return reader.end();
}
