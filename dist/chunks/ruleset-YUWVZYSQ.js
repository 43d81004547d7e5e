import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  DEFAULT_CHECK_NAME
} from "./chunk-3CFMVEZX.js";
import {
  escapeJsonForLog
} from "./chunk-AJCAIOG3.js";
import {
  ConfigurationError
} from "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";

// src/cli/commands/ruleset.ts
import { parseArgs } from "node:util";

// src/ruleset.ts
var GITHUB_ACTIONS_APP_ID = 15368;
function buildRuleset(options) {
  const quoted = options.checkNames.map((name) => JSON.stringify(name)).join(", ");
  return {
    name: `Require ${options.checkNames.length === 1 ? "check" : "checks"} ${quoted}`,
    target: "branch",
    enforcement: options.enforcement,
    // Nobody bypasses by default: an admin who wants a break-glass actor adds one after importing.
    bypass_actors: [],
    conditions: {
      ref_name: { include: ["~DEFAULT_BRANCH"], exclude: [] },
      // An organization ruleset must say which repositories it covers; rolling out, narrow this.
      ...options.scope === "organization" ? { repository_name: { include: ["~ALL"], exclude: [] } } : {}
    },
    rules: [
      {
        type: "required_status_checks",
        parameters: {
          required_status_checks: options.checkNames.map((context) => ({
            context,
            integration_id: options.integrationId
          })),
          // Requiring branches to be up to date re-runs the gate on every base change; the gate
          // already judges the image the pull request builds, so leave that choice to the admin.
          strict_required_status_checks_policy: false,
          // A new repository's first push has no check yet: without this, an organization ruleset
          // would block every repository's creation.
          do_not_enforce_on_create: true
        }
      }
    ]
  };
}
function parseEnforcement(text) {
  if (text === void 0 || text === "active") return "active";
  if (text === "evaluate") return "evaluate";
  throw new ConfigurationError(
    "invalid-enforcement",
    `--enforcement takes active or evaluate (a dry run, GitHub Enterprise only), got ${JSON.stringify(text)}`
  );
}
function parseIntegrationId(text) {
  if (text === void 0) return GITHUB_ACTIONS_APP_ID;
  if (/^[1-9][0-9]{0,15}$/.test(text) && Number.isSafeInteger(Number(text))) return Number(text);
  throw new ConfigurationError(
    "invalid-integration-id",
    `--integration-id takes the numeric App ID of the GitHub App that posts the check (GitHub Actions is ${GITHUB_ACTIONS_APP_ID}), got ${JSON.stringify(text)}`
  );
}

// src/cli/commands/ruleset.ts
function rulesetCommand(args, io) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        "check-name": { type: "string", multiple: true },
        org: { type: "boolean" },
        enforcement: { type: "string" },
        "integration-id": { type: "string" }
      },
      allowPositionals: false,
      strict: true
    });
  } catch (error) {
    throw new ConfigurationError("invalid-arguments", `${error.message}: see --help`);
  }
  const { values } = parsed;
  const checkNames = values["check-name"] ?? [DEFAULT_CHECK_NAME];
  if (checkNames.some((name) => name.trim() === "")) {
    throw new ConfigurationError(
      "invalid-arguments",
      "--check-name takes the name of the check run (the check-name input), not an empty string"
    );
  }
  const ruleset = buildRuleset({
    checkNames,
    scope: values.org ? "organization" : "repository",
    enforcement: parseEnforcement(values.enforcement),
    integrationId: parseIntegrationId(values["integration-id"])
  });
  io.stdout.write(`${escapeJsonForLog(JSON.stringify(ruleset, null, 2))}
`);
  return 0;
}
export {
  rulesetCommand
};
