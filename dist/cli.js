#!/usr/bin/env node
import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  parseOptions
} from "./chunks/chunk-FKGBOIVP.js";
import {
  RequestLog
} from "./chunks/chunk-QIV2ELEZ.js";
import {
  verificationSummaryRequest
} from "./chunks/chunk-4COZDX4O.js";
import {
  createConsoleLogger
} from "./chunks/chunk-HL7HQ6DO.js";
import "./chunks/chunk-WEC47CZG.js";
import "./chunks/chunk-QOS5LJET.js";
import "./chunks/chunk-X5KWVBVD.js";
import {
  appPermissions,
  mintInstallationToken,
  readAppCredentials
} from "./chunks/chunk-AAN6PVVS.js";
import {
  DEFAULT_CHECK_NAME,
  parsePlatformList
} from "./chunks/chunk-3CFMVEZX.js";
import {
  splitRepository
} from "./chunks/chunk-TIDU6746.js";
import {
  escapeLogLine,
  escapeLogText
} from "./chunks/chunk-AJCAIOG3.js";
import {
  VERSION
} from "./chunks/chunk-22SWJURS.js";
import "./chunks/chunk-3TJM3MKJ.js";
import {
  ConfigurationError,
  describeError
} from "./chunks/chunk-QCJNFU7Y.js";
import "./chunks/chunk-GVUJSAVW.js";

// src/cli.ts
import { realpathSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
var USAGE = `supply-chain-gate ${VERSION}: gate a container image on its evidence, by digest.

Usage:
  supply-chain-gate check --image REF [--digest sha256:\u2026] [--platform OS/ARCH[,\u2026]]\u2026 [--policy FILE]
        [--scan FILE]\u2026 [--vex FILE]\u2026 [--json FILE] [--markdown FILE] [--sarif FILE] [--mode enforce|audit]
        [--evidence-out FILE]   (write the evidence the decision was made from, to replay with policy test)
        [--check-name NAME] [--pull-request NUMBER]
        [--github-api URL --repository OWNER/NAME [--sha SHA] [--policy-ref REF [--preview-ref REF]]]
        (token from GITHUB_TOKEN; --policy-ref reads the policy and the VEX files at REF, as the action does
         on pull requests; --preview-ref also evaluates the policy and VEX files at that commit, the
         change's head, and shows "Under the proposed policy" when they differ; it never decides)
        [--app-id ID]   (post the check as this GitHub App; its PEM key in GITHUB_APP_PRIVATE_KEY)
        [--repository-url URL]   (this repository, for image.required-labels; default https://github.com/OWNER/NAME)
        [--attestations-repository OWNER/NAME] [--attestations-org ORG]   (GitHub attestations; need --github-api)
        [--bundle FILE]\u2026 [--trusted-root FILE]   (sigstore bundles of the image; replace the embedded roots)
        [--sbom FILE]\u2026   (SBOMs of the image your workflow made: SPDX 2.2/2.3 or CycloneDX 1.4\u20131.6 JSON)
        [--submit-dependencies REF]   (send the trusted SBOMs' language packages to the dependency graph of
         --repository at --sha on REF, e.g. refs/heads/main; needs --github-api and contents: write)
        [--verification-summary [--push-verification-summary registry,github] [--sigstore public-good|github|auto]
         [--verification-summary-path FILE] [--context FILE]]   (sign a SLSA verification summary of the result;
         needs the OIDC token of a job with id-token: write)
  supply-chain-gate provenance --image REF --digest sha256:\u2026 [--sign] [--push registry,github] [--out FILE]
        [--sigstore public-good|github|auto] [--platforms] [--context FILE] [--github-api URL]
        write the SLSA v1 provenance statement of the image (signed keylessly with --sign, in GitHub Actions
        with id-token: write), push it as an OCI referrer and/or a GitHub attestation (token from GITHUB_TOKEN);
        claims from the Actions environment, or --context, a JSON of the OIDC token's claims, to run it locally
  supply-chain-gate policy lint FILE\u2026      validate policy files; warn about risky settings
  supply-chain-gate policy schema          print the policy's JSON Schema (for editors)
  supply-chain-gate policy explain [RULE_ID]   what a rule checks, its settings with their defaults and the
        evidence it reads (without RULE_ID: every rule)
  supply-chain-gate policy test FILE\u2026      run policy test cases offline: each names a policy, an evidence
        snapshot (check --evidence-out), a fixed now and the expected verdict and rule results (paths
        relative to the test file); exit 0 all hold, 1 a case failed (each named), 2 a file is malformed
  supply-chain-gate verify-bundle --bundle FILE [--trusted-root FILE] FILE_OR_DIGEST
        ((--certificate-identity ID | --certificate-identity-regexp RE) --certificate-oidc-issuer URL | --key PEM_FILE)
        verify one sigstore bundle (sigstore-conformance protocol); FILE_OR_DIGEST may be sha256:HEX
  supply-chain-gate scans FILE\u2026 [--json]   the findings the gate reads from scan reports (Trivy/Grype/Snyk/
        OSV-Scanner JSON, SARIF, CycloneDX JSON or XML, cosign vuln and in-toto vulns attestations), merged, with counts by severity; VEX files among them apply
  supply-chain-gate ruleset [--check-name NAME]\u2026 [--org] [--enforcement active|evaluate] [--integration-id N]
        print a ruleset (JSON) that requires the check(s) on the default branch, to import in the repository's
        (--org: the organization's) settings or with \`gh api\`; N is the App the check comes from (default
        15368, GitHub Actions; with the app-id input, your App's ID). See docs/rulesets.md
  supply-chain-gate watch --image REF... [--scan FILE | --scan REF=FILE]... [--policy FILE]
        [--github-api URL --repository OWNER/NAME] [--json FILE] [--label NAME] [--dry-run]   (token from GITHUB_TOKEN)
        [--max-images N] [--concurrency N] [--markdown FILE] [--policy-ref REF] [--run-url URL]
        [--sarif-upload --sha SHA --ref REF] [--trusted-root FILE] [--check-name NAME] [--write-interval MS]
        judge shipped images again: each tag resolved to its digest now (REF:GLOB, e.g. app:v1.*, expands through
        the registry's tags list, at most --max-images, default 1000), scans older than scan-max-age (24h by
        default) not counted, exceptions expiring within 14 days warned about; keeps one issue (label
        supply-chain-gate) per failing image, updated in place, commented on a material change, closed when it
        passes; issue writes go 1000 ms apart (GitHub's secondary limits; --write-interval for a server without
        them); --json writes the report status reads. Exit 0 all pass, 1 some fail, 2 some could not be judged
  supply-chain-gate status REPORT.json... [--html FILE] [--markdown FILE]
        the watch reports of a run (one per matrix job) as one table (stdout, --markdown) and one
        self-contained HTML page (--html)
  supply-chain-gate demo
  supply-chain-gate --help | --version

Image references: registry/name[:tag][@sha256:\u2026]; oci:PATH[:tag] for a local OCI layout, oci-archive:PATH[:tag]
for one in a tar file; docker:NAME[:TAG] or docker:sha256:<image id> for an image in the local Docker engine
(a push: false build; read with the docker CLI, which uses DOCKER_HOST; no registry is searched for it).
Registry credentials: REGISTRY_USERNAME/REGISTRY_PASSWORD, else ~/.docker/config.json ($DOCKER_CONFIG)
with its credHelpers/credsStore helpers (docker-credential-NAME on PATH).
Exit codes: 0 pass, 1 the policy failed, 2 the gate could not decide (bad input, unreachable registry).`;
async function runCli(argv, io) {
  const say = (stream, text) => stream.write(text.endsWith("\n") ? text : `${text}
`);
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case void 0:
      case "--help":
      case "-h":
      case "help":
        say(io.stdout, USAGE);
        return 0;
      case "--version":
      case "-v":
        say(io.stdout, VERSION);
        return 0;
      case "check":
        return await checkCommand(rest, io);
      case "policy":
        return await policyCommand(rest, io);
      case "demo":
        return await demoCommand(rest, io);
      case "verify-bundle":
        return await (await import("./chunks/verify-bundle-YIB6NU5M.js")).verifyBundleCommand(rest, io);
      case "scans":
        return await (await import("./chunks/scans-NQX4JXIY.js")).scansCommand(rest, io);
      case "provenance":
        return await (await import("./chunks/provenance-UEO7G42D.js")).provenanceCommand(rest, io);
      case "ruleset":
        return (await import("./chunks/ruleset-YUWVZYSQ.js")).rulesetCommand(rest, io);
      case "watch":
        return await (await import("./chunks/watch-FG3ID2NP.js")).watchCommand(rest, io);
      case "status":
        return await (await import("./chunks/watch-FG3ID2NP.js")).statusCommand(rest, io);
      default:
        throw new ConfigurationError(
          "unknown-command",
          `unknown command ${JSON.stringify(command)}: see --help`
        );
    }
  } catch (error) {
    say(io.stderr, `error: ${escapeLogLine(describeError(error))}`);
    return 2;
  }
}
async function checkCommand(args, io) {
  const { values, positionals } = parseOptions(args, {
    image: { type: "string" },
    digest: { type: "string" },
    platform: { type: "string", multiple: true },
    "attestations-repository": { type: "string" },
    "attestations-org": { type: "string" },
    policy: { type: "string" },
    "policy-ref": { type: "string" },
    "preview-ref": { type: "string" },
    scan: { type: "string", multiple: true },
    vex: { type: "string", multiple: true },
    bundle: { type: "string", multiple: true },
    sbom: { type: "string", multiple: true },
    "submit-dependencies": { type: "string" },
    "trusted-root": { type: "string" },
    json: { type: "string" },
    markdown: { type: "string" },
    sarif: { type: "string" },
    "evidence-out": { type: "string" },
    "pull-request": { type: "string" },
    mode: { type: "string" },
    "check-name": { type: "string" },
    "github-api": { type: "string" },
    repository: { type: "string" },
    "repository-url": { type: "string" },
    sha: { type: "string" },
    "app-id": { type: "string" },
    "verification-summary": { type: "boolean" },
    "push-verification-summary": { type: "string" },
    "verification-summary-path": { type: "string" },
    sigstore: { type: "string" },
    context: { type: "string" },
    quiet: { type: "boolean", short: "q" }
  });
  if (positionals.length > 0) {
    throw new ConfigurationError(
      "invalid-arguments",
      `unexpected argument ${JSON.stringify(positionals[0])}: see --help`
    );
  }
  if (!values.image) throw new ConfigurationError("missing-image", "check needs --image REF: see --help");
  const inputs = {
    image: values.image,
    digest: values.digest,
    platforms: parsePlatformList(values.platform ?? [], "--platform"),
    attestationScopes: attestationScopesOption(values),
    policyPath: values.policy,
    scanPaths: values.scan ?? [],
    vexPaths: values.vex ?? [],
    bundlePaths: values.bundle ?? [],
    sbomPaths: values.sbom ?? [],
    trustedRootPath: values["trusted-root"],
    mode: modeOption(values.mode),
    checkName: values["check-name"] ?? DEFAULT_CHECK_NAME,
    workspace: io.cwd,
    jsonReportPath: values.json,
    markdownReportPath: values.markdown,
    sarifPath: values.sarif,
    evidenceOutPath: values["evidence-out"],
    registryCredentials: registryCredentials(io.env),
    githubToken: io.env.GITHUB_TOKEN
  };
  const app = await appToken(values, io);
  const github = githubTarget(values, app?.token ?? io.env.GITHUB_TOKEN);
  if (github) inputs.github = github;
  if (values["pull-request"] !== void 0) {
    if (!github) {
      throw new ConfigurationError(
        "invalid-arguments",
        "--pull-request posts the summary as a comment: it needs --github-api, --repository and --sha"
      );
    }
    github.pullRequestNumber = pullRequestOption(values["pull-request"]);
    inputs.comment = true;
  }
  inputs.repositoryUrl = values["repository-url"] ?? (values.repository ? `https://github.com/${values.repository}` : void 0);
  if (values["policy-ref"]) inputs.policyBase = policyBaseOption(values["policy-ref"], values, io.env);
  if (values["preview-ref"]) {
    if (!inputs.policyBase) {
      throw new ConfigurationError(
        "invalid-arguments",
        "--preview-ref previews a change of the policy read with --policy-ref: give --policy-ref too"
      );
    }
    inputs.policyBase.head = values["preview-ref"];
  }
  if (values["submit-dependencies"] !== void 0) {
    if (!github) {
      throw new ConfigurationError(
        "invalid-arguments",
        "--submit-dependencies sends a snapshot for a commit: it needs --github-api, --repository and --sha"
      );
    }
    const ref = values["submit-dependencies"];
    if (!ref.startsWith("refs/")) {
      throw new ConfigurationError(
        "invalid-arguments",
        `--submit-dependencies takes the ref the commit is on (refs/heads/main), got ${JSON.stringify(ref.slice(0, 100))}`
      );
    }
    inputs.dependencySubmission = {
      owner: github.owner,
      repo: github.repo,
      sha: github.headSha,
      ref,
      job: {
        id: `cli-${Date.now()}`,
        correlator: `supply-chain-gate-cli_${values.image.replace(/[@:].*$/, "")}`
      }
    };
  }
  if (values["verification-summary"]) {
    inputs.verificationSummary = verificationSummaryRequest(
      {
        push: values["push-verification-summary"],
        sigstore: values.sigstore,
        path: values["verification-summary-path"]
      },
      { push: "--push-verification-summary", sigstore: "--sigstore" }
    );
  }
  return runAndPrint(inputs, io, values.quiet ?? false, values["github-api"], app, values.context);
}
async function appToken(values, io) {
  const credentials = readAppCredentials(values["app-id"], io.env.GITHUB_APP_PRIVATE_KEY, {
    appId: "--app-id",
    privateKey: "GITHUB_APP_PRIVATE_KEY"
  });
  if (!credentials) return void 0;
  if (!values["github-api"] || !values.repository || !values.sha) {
    throw new ConfigurationError(
      "invalid-arguments",
      "--app-id posts the check run as the GitHub App: it needs --github-api, --repository and --sha"
    );
  }
  const minted = await mintInstallationToken(credentials, {
    apiUrl: values["github-api"],
    ...splitRepository(values.repository),
    permissions: appPermissions({ comment: values["pull-request"] !== void 0 })
  });
  io.stderr.write(
    `Posting the check run as the GitHub App ${escapeLogLine(minted.appSlug)} (integration_id ${minted.appId}).
`
  );
  return minted;
}
async function runAndPrint(inputs, io, quiet, githubApi, app, contextPath) {
  const { run } = await import("./chunks/main-32KFFDEV.js");
  const { createRunDeps, openGitHub } = await import("./chunks/run-deps-BKBUEEX7.js");
  const requestLog = new RequestLog();
  const log = createConsoleLogger(io.stderr, quiet);
  const result = await run(
    inputs,
    createRunDeps({
      env: io.env,
      log,
      ...io.now ? { now: io.now } : {},
      requestLog,
      // With an App, it writes the verdict; GITHUB_TOKEN, when there is one, reads the evidence.
      github: githubApi ? openGitHub({ apiUrl: githubApi, token: inputs.githubToken, app, requestLog, log }) : void 0,
      workspace: inputs.workspace,
      registryCredentials: inputs.registryCredentials,
      githubToken: inputs.githubToken,
      trustedRootPath: inputs.trustedRootPath,
      signing: { contextPath }
    })
  );
  io.stdout.write(escapeLogText(result.markdown));
  return result.exitCode;
}
function githubTarget(values, token) {
  if (!values.sha) return void 0;
  if (!values["github-api"] || !values.repository) {
    throw new ConfigurationError(
      "invalid-arguments",
      "posting a check run needs all of --github-api, --repository and --sha"
    );
  }
  if (!token) {
    throw new ConfigurationError(
      "missing-token",
      "posting a check run needs a token in GITHUB_TOKEN, or --app-id with the App key in GITHUB_APP_PRIVATE_KEY"
    );
  }
  return {
    apiUrl: values["github-api"],
    token,
    headSha: values.sha,
    ...splitRepository(values.repository)
  };
}
function policyBaseOption(ref, values, env) {
  if (!values["github-api"] || !values.repository || !env.GITHUB_TOKEN) {
    throw new ConfigurationError(
      "invalid-arguments",
      "--policy-ref reads the policy through the API: it needs --github-api, --repository and a token in GITHUB_TOKEN"
    );
  }
  return { ...splitRepository(values.repository), ref, event: "the --policy-ref option" };
}
function pullRequestOption(text) {
  if (/^[1-9][0-9]{0,9}$/.test(text)) return Number(text);
  throw new ConfigurationError(
    "invalid-arguments",
    `--pull-request takes a pull request number, got ${JSON.stringify(text)}`
  );
}
function attestationScopesOption(values) {
  const repository = values["attestations-repository"];
  const org = values["attestations-org"];
  return [...repository ? [splitRepository(repository)] : [], ...org ? [{ org }] : []];
}
function modeOption(text) {
  if (text === void 0 || text === "enforce" || text === "audit") return text;
  throw new ConfigurationError("invalid-mode", `--mode takes enforce or audit, got ${JSON.stringify(text)}`);
}
function registryCredentials(env) {
  return env.REGISTRY_USERNAME && env.REGISTRY_PASSWORD ? { username: env.REGISTRY_USERNAME, password: env.REGISTRY_PASSWORD } : void 0;
}
async function policyCommand(args, io) {
  const [sub, ...rest] = args;
  if (sub === "schema") {
    if (rest.length > 0)
      throw new ConfigurationError("invalid-arguments", "policy schema takes no arguments");
    io.stdout.write((await import("./chunks/json-schema-6WZU4TH5.js")).policyJsonSchema());
    return 0;
  }
  if (sub === "test") return (await import("./chunks/policy-test-DFMAW5JP.js")).policyTestCommand(rest, io);
  if (sub === "explain") {
    if (rest.length > 1)
      throw new ConfigurationError("invalid-arguments", "policy explain takes one RULE_ID");
    const { explainRule, listRules } = await import("./chunks/explain-UOJTCDR6.js");
    io.stdout.write(rest[0] === void 0 ? listRules() : explainRule(rest[0]));
    return 0;
  }
  if (sub !== "lint") {
    throw new ConfigurationError(
      "unknown-command",
      "usage: supply-chain-gate policy lint FILE\u2026 | policy test FILE\u2026 | policy explain [RULE_ID] | policy schema"
    );
  }
  if (rest.length === 0)
    throw new ConfigurationError("invalid-arguments", "policy lint needs at least one FILE");
  const { lintPolicy } = await import("./chunks/lint-FDI3XDEI.js");
  const { loadPolicyFile, PolicyError } = await import("./chunks/load-D4COQBT2.js");
  let worst = 0;
  for (const file of rest) {
    try {
      const warnings = lintPolicy(await loadPolicyFile(file));
      for (const warning of warnings) io.stderr.write(`${escapeLogLine(warning)}
`);
      io.stdout.write(
        `${escapeLogLine(file)}: ok${warnings.length > 0 ? ` (${warnings.length} warning(s))` : ""}
`
      );
    } catch (error) {
      worst = 2;
      const problems = error instanceof PolicyError ? error.lines : [describeError(error)];
      for (const problem of problems) io.stderr.write(`${escapeLogLine(problem)}
`);
    }
  }
  return worst;
}
async function demoCommand(args, io) {
  if (args.length > 0) throw new ConfigurationError("invalid-arguments", "demo takes no arguments");
  const demoDir = fileURLToPath(new URL("../examples/demo/", import.meta.url));
  io.stderr.write(
    "Gating the demo image (examples/demo: an OCI layout, its Trivy report and a policy), offline and without a token.\n\n"
  );
  const exitCode = await runAndPrint(
    {
      image: "oci:app-oci:1.0",
      policyPath: "policy.yml",
      scanPaths: ["trivy.json"],
      checkName: DEFAULT_CHECK_NAME,
      workspace: demoDir
    },
    io,
    false
  );
  io.stderr.write(
    `
A real run would exit ${exitCode} (0 pass, 1 policy failed, 2 could not decide) and post this summary as the "${DEFAULT_CHECK_NAME}" check run.
`
  );
  return exitCode === 2 ? 2 : 0;
}
function invokedDirectly() {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}
if (invokedDirectly()) {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd()
  });
}
export {
  runCli
};
