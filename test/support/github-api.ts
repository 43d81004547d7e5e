/**
 * A GitHub REST API stand-in on 127.0.0.1 for integration tests. Every request is checked against
 * GitHub's own OpenAPI description (test/fixtures/third-party/github-openapi), so a client that
 * passes here sends what GitHub accepts; every response is checked too, so the stand-in cannot
 * quietly answer in a shape GitHub never would.
 */
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErrorObject } from 'ajv';
import {
  createAppStore,
  type AppInstallationSeed,
  type Credential,
  type InstallationTokenRecord,
} from './github-api/apps.js';
import { createAttestationStore, type AttestationRecord } from './github-api/attestations.js';
import {
  createCheckRunStore,
  type CheckRunAnnotationRecord,
  type CheckRunRecord,
} from './github-api/check-runs.js';
import { createContentStore } from './github-api/contents.js';
import { createCodeScanningStore, type SarifUploadRecord } from './github-api/code-scanning.js';
import { createIssueCommentStore, type IssueCommentRecord } from './github-api/issue-comments.js';
import { createIssueStore, type IssueRecord, type LabelRecord } from './github-api/issues.js';
import { errorBody, GITHUB_ACTIONS_APP, type Site } from './github-api/objects.js';
import {
  findOperation,
  isOperationKey,
  validateParameters,
  validateRequestBody,
  validateResponseBody,
  type Operation,
} from './github-api/openapi.js';
import { createPullRequestStore, type PullRequestSeed } from './github-api/pull-requests.js';
import type { Handler, Reply } from './github-api/reply.js';
import { createRulesetStore } from './github-api/rulesets.js';
import { createDependencyGraphStore, type DependencySnapshotRecord } from './github-api/dependency-graph.js';
import { createStatusStore, type CommitStatusRecord } from './github-api/statuses.js';

export type { AttestationRecord, CheckRunAnnotationRecord, CheckRunRecord, CommitStatusRecord };
export type { AppInstallationSeed, InstallationTokenRecord, IssueCommentRecord, PullRequestSeed };
export type { IssueRecord, LabelRecord, SarifUploadRecord };

export interface RecordedRequest {
  method: string;
  /** The URL path as sent, without the query. */
  path: string;
  /** The matched operation, `METHOD /path/{template}`; undefined when no operation matched. */
  operation: string | undefined;
  query: Record<string, string>;
  /** The parsed JSON body; undefined when there was none. */
  body: unknown;
  /** Lower-case names; `authorization` is left out so no test output can show a token. */
  headers: Record<string, string>;
  /** The status the stand-in answered with. */
  status: number;
}

/** A request GitHub would have refused as malformed: the client, not the test, is wrong. */
export interface Violation {
  request: RecordedRequest;
  /** What GitHub says: `Not Found`, `Validation Failed`, `Problems parsing JSON`. */
  message: string;
  /** ajv's errors against GitHub's schemas; empty for rules the schemas cannot express. */
  errors: ErrorObject[];
}

export interface GitHubApiStandIn {
  /** The base URL to pass as the client's API URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** The token the stand-in accepts, as `Bearer` or `token`: GITHUB_TOKEN, acting as GitHub Actions. */
  token: string;
  requests: readonly RecordedRequest[];
  violations: readonly Violation[];
  /**
   * Answers the next valid request for `operation` (a key like `POST /repos/{owner}/{repo}/check-runs`)
   * with `status` and `body` (GitHub's error body by default) instead of handling it. Queued per call.
   */
  failNext(operation: string, status: number, body?: unknown): void;
  /**
   * The next `count` valid requests for `operation` wait for each other: none is answered before
   * all have arrived, then they are handled in arrival order. Makes a race certain, not likely.
   */
  holdUntilConcurrent(operation: string, count: number): void;
  /** A file's text at `ref`; a request without `ref` reads the default branch, `main`. */
  setContent(owner: string, repo: string, path: string, ref: string, text: string): void;
  setPullRequest(owner: string, repo: string, pullRequest: PullRequestSeed): void;
  /**
   * Installs a GitHub App: its JWTs (verified with `publicKey`) may then look up the installation
   * and mint installation tokens, which the stand-in accepts within their repositories and permissions.
   */
  installApp(seed: AppInstallationSeed): { installationId: number };
  /** The installation tokens minted so far, without the tokens. */
  installationTokens(): InstallationTokenRecord[];
  /** Copies: changing them does not change the stand-in. */
  checkRuns(): CheckRunRecord[];
  attestations(): AttestationRecord[];
  issueComments(owner: string, repo: string, issueNumber: number): IssueCommentRecord[];
  statuses(): CommitStatusRecord[];
  issues(owner: string, repo: string): IssueRecord[];
  labels(owner: string, repo: string): LabelRecord[];
  /** What a person does in the web UI: take a label off an issue, close it, edit its body. */
  editIssue(
    owner: string,
    repo: string,
    number: number,
    change: Partial<Pick<IssueRecord, 'labels' | 'state' | 'body'>>,
  ): void;
  sarifUploads(): SarifUploadRecord[];
  dependencySnapshots(): DependencySnapshotRecord[];
  /** Stops listening; rejects if the stand-in itself failed (a bug here, not in the client). */
  stop(): Promise<void>;
}

const SUPPORTED_API_VERSIONS = new Set(['2022-11-28']);

const DEFAULT_FAILURE_MESSAGES: Record<number, string> = {
  401: 'Bad credentials',
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  422: 'Validation Failed',
};

class StandInBug extends Error {}

/** What the stand-in decided about one request. */
interface Outcome {
  reply: Reply;
  operation?: Operation;
  /** Set when GitHub would refuse the request as malformed; ajv's errors, if a schema caught it. */
  violation?: ErrorObject[];
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function headersWithoutAuthorization(request: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(request.headers)
      .filter(([name]) => name !== 'authorization')
      .map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)]),
  );
}

function presentedToken(request: IncomingMessage): string | undefined {
  return /^(?:bearer|token) (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
}

/** ajv's errors in the shape of the `errors` items of GitHub's Validation Failed body. */
function toGitHubErrors(errors: ErrorObject[]): Array<Record<string, string>> {
  return errors.map((error) => ({
    resource: 'Request',
    field: [error.instancePath, error.params.missingProperty ?? error.params.additionalProperty ?? '']
      .join('/')
      .split('/')
      .filter(Boolean)
      .join('.'),
    code: error.keyword === 'required' ? 'missing_field' : 'invalid',
    message: `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}`,
  }));
}

function failure(status: number, message: string): Reply {
  return { status, body: errorBody(status, message) };
}

export async function startGitHubApi(options: { token?: string } = {}): Promise<GitHubApiStandIn> {
  const token = options.token ?? 'ghs_standInToken0123456789abcdefghijklmnop';
  const site: Site = { apiUrl: '' };
  const checkRuns = createCheckRunStore(site);
  const contents = createContentStore(site);
  const attestations = createAttestationStore();
  const issueComments = createIssueCommentStore(site);
  const pullRequests = createPullRequestStore(site);
  const statuses = createStatusStore(site);
  const apps = createAppStore(site);
  const rulesets = createRulesetStore(site);
  const issues = createIssueStore(site);
  const codeScanning = createCodeScanningStore(site);
  const dependencyGraph = createDependencyGraphStore();
  const handlers: Record<string, Handler> = {
    ...checkRuns.handlers,
    ...contents.handlers,
    ...attestations.handlers,
    ...issueComments.handlers,
    ...pullRequests.handlers,
    ...statuses.handlers,
    ...apps.handlers,
    ...rulesets.handlers,
    ...issues.handlers,
    ...codeScanning.handlers,
    ...dependencyGraph.handlers,
  };

  const requests: RecordedRequest[] = [];
  const violations: Violation[] = [];
  const standInFailures: string[] = [];
  const injectedFailures = new Map<string, Reply[]>();
  const barriers = new Map<string, { remaining: number; arrived: Array<() => void> }>();

  /** Waits at the operation's barrier, if one is up, until the last expected request arrives. */
  async function barrierFor(method: string, path: string): Promise<void> {
    const key = findOperation(method, path)?.operation.key;
    const barrier = key === undefined ? undefined : barriers.get(key);
    if (!barrier || key === undefined) return;
    barrier.remaining -= 1;
    if (barrier.remaining === 0) {
      barriers.delete(key);
      for (const release of barrier.arrived) release();
      return;
    }
    await new Promise<void>((release) => barrier.arrived.push(release));
  }

  // In GitHub's order: credentials first, then the route, then the request's contents.
  function decide(incoming: IncomingMessage, recorded: RecordedRequest, unparsableBody: boolean): Outcome {
    const presented = presentedToken(incoming);
    if (presented === undefined) return { reply: failure(401, 'Requires authentication') };
    const credential: Credential | undefined =
      presented === token ? { kind: 'token', app: GITHUB_ACTIONS_APP } : apps.authenticate(presented);
    if (credential === undefined) return { reply: failure(401, 'Bad credentials') };
    if (unparsableBody) return { reply: failure(400, 'Problems parsing JSON'), violation: [] };
    const version = incoming.headers['x-github-api-version'];
    if (version !== undefined && !SUPPORTED_API_VERSIONS.has(String(version))) {
      return {
        reply: failure(400, `Unsupported 'X-GitHub-Api-Version' header: ${String(version)}`),
        violation: [],
      };
    }
    const match = findOperation(recorded.method, recorded.path);
    if (!match) return { reply: failure(404, 'Not Found'), violation: [] };
    const { operation } = match;
    recorded.operation = operation.key;
    // Which kind of credential a route takes is part of the credentials check.
    const authorized = apps.authorize(credential, operation.key, match.pathParameters);
    if ('refused' in authorized) return { reply: authorized.refused, operation };

    const path = validateParameters(operation, 'path', match.pathParameters);
    const query = validateParameters(operation, 'query', recorded.query);
    const body = validateRequestBody(operation, recorded.body);
    const errors = [...path.errors, ...query.errors, ...body.errors];
    if (errors.length > 0) {
      const reply = { status: 422, body: errorBody(422, 'Validation Failed', toGitHubErrors(errors)) };
      return { reply, operation, violation: errors };
    }

    const injected = injectedFailures.get(operation.key)?.shift();
    if (injected) return { reply: injected, operation };

    const handler = handlers[operation.key];
    if (!handler) throw new StandInBug(`it does not implement ${operation.key} yet`);
    const url = new URL(incoming.url ?? '/', site.apiUrl);
    const reply = handler({
      path: path.value,
      query: query.value,
      body: body.value,
      url,
      caller: authorized.caller,
    });
    // Handlers answer 422 only for GitHub's rules that its schemas cannot express.
    return { reply, operation, ...(reply.status === 422 && !reply.wellFormed ? { violation: [] } : {}) };
  }

  /** A response that breaks GitHub's schema is the stand-in's bug: fail the test that provoked it. */
  function checkResponse(operation: Operation, reply: Reply): void {
    const errors = validateResponseBody(operation, reply.status, reply.body);
    if (errors.length > 0) {
      const details = errors.map((error) => `${error.instancePath || '(root)'} ${error.message}`).join('; ');
      throw new StandInBug(
        `its ${reply.status} response to ${operation.key} breaks GitHub's schema: ${details}`,
      );
    }
  }

  async function serve(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const url = new URL(incoming.url ?? '/', site.apiUrl);
    const text = await readBody(incoming);
    let body: unknown;
    let unparsableBody = false;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      unparsableBody = true;
      body = text;
    }
    const recorded: RecordedRequest = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      operation: undefined,
      query: Object.fromEntries(url.searchParams),
      body,
      headers: headersWithoutAuthorization(incoming),
      status: 0,
    };
    requests.push(recorded);
    await barrierFor(recorded.method, recorded.path);

    let outcome: Outcome;
    try {
      outcome = decide(incoming, recorded, unparsableBody);
      if (outcome.operation) checkResponse(outcome.operation, outcome.reply);
    } catch (error) {
      const message = error instanceof StandInBug ? error.message : `it threw ${String(error)}`;
      standInFailures.push(`${recorded.method} ${recorded.path}: ${message}`);
      outcome = { reply: failure(500, `GitHub API stand-in failure: ${message}`) };
    }
    const { reply, violation } = outcome;
    recorded.status = reply.status;
    if (violation) {
      violations.push({
        request: recorded,
        message: String((reply.body as { message: unknown }).message),
        errors: violation,
      });
    }
    outgoing.writeHead(reply.status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      ...reply.headers,
    });
    outgoing.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
  }

  const server = createServer((incoming, outgoing) => {
    serve(incoming, outgoing).catch((error: unknown) => {
      standInFailures.push(`${incoming.method} ${incoming.url}: it threw ${String(error)}`);
      outgoing.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  site.apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: site.apiUrl,
    token,
    requests,
    violations,
    failNext(operation, status, body) {
      if (!isOperationKey(operation)) throw new Error(`no GitHub operation ${operation} in operations.json`);
      const reply: Reply = {
        status,
        body: body ?? errorBody(status, DEFAULT_FAILURE_MESSAGES[status] ?? STATUS_CODES[status] ?? 'Error'),
      };
      injectedFailures.set(operation, [...(injectedFailures.get(operation) ?? []), reply]);
    },
    holdUntilConcurrent(operation, count) {
      if (!isOperationKey(operation)) throw new Error(`no GitHub operation ${operation} in operations.json`);
      barriers.set(operation, { remaining: count, arrived: [] });
    },
    setContent: contents.setContent,
    setPullRequest: pullRequests.setPullRequest,
    installApp: apps.installApp,
    installationTokens: apps.issuedTokens,
    checkRuns: checkRuns.checkRuns,
    attestations: attestations.attestations,
    issueComments: issueComments.issueComments,
    statuses: statuses.statuses,
    issues: issues.issues,
    labels: issues.labels,
    editIssue: issues.editIssue,
    sarifUploads: codeScanning.sarifUploads,
    dependencySnapshots: dependencyGraph.snapshots,
    async stop() {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      if (standInFailures.length > 0) {
        throw new Error(`the GitHub API stand-in failed:\n${standInFailures.join('\n')}`);
      }
    },
  };
}
