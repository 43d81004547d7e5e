/**
 * Prints the SLSA predicate @actions/attest builds for the current job, as JSON on stdout. Run by
 * Node itself (@actions/attest is ESM-only with ESM-only dependencies jest cannot load): the job's
 * environment (GITHUB_SERVER_URL, ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN) comes from the caller, and
 * the OIDC issuer whose JWKS verifies the token is the first argument.
 */
import { buildSLSAProvenancePredicate } from '@actions/attest';

try {
  const predicate = await buildSLSAProvenancePredicate(process.argv[2]);
  process.stdout.write(`\n${JSON.stringify(predicate)}\n`);
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
