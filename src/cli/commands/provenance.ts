/**
 * `supply-chain-gate provenance`: the provenance stage alone, for a workflow step of its own or a
 * local run. The claims come from the Actions environment (the OIDC token when the job has
 * `id-token: write`), or from `--context FILE`, a JSON of the token's claims.
 */
import { escapeLogLine } from '../../report/escape.js';
import { parseArgs } from 'node:util';
import { createConsoleLogger } from '../../adapters/log/logger.js';
import { ConfigurationError } from '../../errors.js';
import { makeProvenance } from '../../provenance/make.js';
import { provenanceRequest } from '../../provenance/requests.js';
import { createRunDeps, openGitHub } from '../../run-deps.js';

export interface ProvenanceCliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  now?: () => Date;
}

export async function provenanceCommand(args: string[], io: ProvenanceCliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        image: { type: 'string' },
        digest: { type: 'string' },
        sign: { type: 'boolean' },
        push: { type: 'string' },
        sigstore: { type: 'string' },
        out: { type: 'string' },
        context: { type: 'string' },
        platforms: { type: 'boolean' },
        'github-api': { type: 'string' },
      },
      strict: true,
    });
  } catch (error) {
    throw new ConfigurationError('invalid-arguments', `${(error as Error).message}: see --help`);
  }
  const { values } = parsed;
  if (!values.image)
    throw new ConfigurationError('missing-image', 'provenance needs --image REF: see --help');
  const request = provenanceRequest(
    {
      sign: values.sign ?? false,
      push: values.push,
      sigstore: values.sigstore,
      path: values.out,
      platformSubjects: values.platforms,
    },
    { push: '--push', sigstore: '--sigstore' },
  );
  if (request.push.length > 0 && !request.sign) {
    throw new ConfigurationError('invalid-arguments', '--push publishes a signed bundle: add --sign');
  }
  const token = io.env.GITHUB_TOKEN;
  const apiUrl = values['github-api'] ?? io.env.GITHUB_API_URL;
  const log = createConsoleLogger(io.stderr);
  // The same wiring as `check`: stores and the GitHub client warn of their retries on stderr.
  const deps = createRunDeps({
    env: io.env,
    log,
    ...(io.now ? { now: io.now } : {}),
    workspace: io.cwd,
    registryCredentials:
      io.env.REGISTRY_USERNAME && io.env.REGISTRY_PASSWORD
        ? { username: io.env.REGISTRY_USERNAME, password: io.env.REGISTRY_PASSWORD }
        : undefined,
    githubToken: token,
    github: apiUrl ? openGitHub({ apiUrl, token, log }) : undefined,
    signing: { contextPath: values.context },
  });
  const signing = await deps.attestation.signingContext();
  if (request.sign && !signing.idToken) {
    // Asked for on the command line, a signature that cannot be made is an error, not a warning.
    throw new ConfigurationError('cannot-sign', `--sign: ${signing.cannotSign}`);
  }
  const made = await makeProvenance({ reference: values.image, digest: values.digest }, request, {
    signing,
    registry: deps.attestation.registry,
    github: deps.github,
    now: deps.now,
    workspace: io.cwd,
    openImageStore: deps.openImageStore,
  });
  io.stderr.write(`${escapeLogLine(made.note)}\n`);
  if (!values.out) io.stdout.write(`${made.generated.path ?? ''}\n`);
  return 0;
}
