import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  readSigningContext
} from "./chunk-47DUGT5D.js";
import "./chunk-MYYQCX6T.js";
import "./chunk-WLVSEBNM.js";
import {
  createGitHubClient,
  provenanceRequest
} from "./chunk-JRAIDMMJ.js";
import {
  openImageStore
} from "./chunk-2I2UHS7Y.js";
import "./chunk-IBXNLPK7.js";
import "./chunk-QJW7XG3M.js";
import {
  makeProvenance
} from "./chunk-V5FJL44T.js";
import "./chunk-GHI3U6FR.js";
import "./chunk-GLKH4LBI.js";
import "./chunk-Y3TMLN4E.js";
import "./chunk-NGSMWMCF.js";
import "./chunk-WVMH47QC.js";
import "./chunk-JSTD6EEF.js";
import "./chunk-YLEJ7X7X.js";
import "./chunk-VNN65AUY.js";
import "./chunk-ONPWZNHG.js";
import "./chunk-WFTUDDPJ.js";
import "./chunk-FZT7OACS.js";
import {
  ConfigurationError
} from "./chunk-SB4G7AKF.js";
import "./chunk-GVUJSAVW.js";

// src/provenance-cli.ts
import { parseArgs } from "node:util";
async function provenanceCommand(args, io) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        image: { type: "string" },
        digest: { type: "string" },
        sign: { type: "boolean" },
        push: { type: "string" },
        sigstore: { type: "string" },
        out: { type: "string" },
        context: { type: "string" },
        platforms: { type: "boolean" },
        "github-api": { type: "string" }
      },
      strict: true
    });
  } catch (error) {
    throw new ConfigurationError("invalid-arguments", `${error.message}: see --help`);
  }
  const { values } = parsed;
  if (!values.image)
    throw new ConfigurationError("missing-image", "provenance needs --image REF: see --help");
  const request = provenanceRequest(
    {
      sign: values.sign ?? false,
      push: values.push,
      sigstore: values.sigstore,
      path: values.out,
      platformSubjects: values.platforms
    },
    { push: "--push", sigstore: "--sigstore" }
  );
  if (request.push.length > 0 && !request.sign) {
    throw new ConfigurationError("invalid-arguments", "--push publishes a signed bundle: add --sign");
  }
  const signing = await readSigningContext({ env: io.env, workspace: io.cwd, contextPath: values.context });
  if (request.sign && !signing.idToken) {
    throw new ConfigurationError("cannot-sign", `--sign: ${signing.cannotSign}`);
  }
  const token = io.env.GITHUB_TOKEN;
  const apiUrl = values["github-api"] ?? io.env.GITHUB_API_URL;
  const credentials = io.env.REGISTRY_USERNAME && io.env.REGISTRY_PASSWORD ? { username: io.env.REGISTRY_USERNAME, password: io.env.REGISTRY_PASSWORD } : void 0;
  const registry = { credentials, githubToken: token, env: io.env };
  const made = await makeProvenance({ reference: values.image, digest: values.digest }, request, {
    signing,
    registry,
    github: token && apiUrl ? createGitHubClient({ apiUrl, token }) : void 0,
    now: io.now ?? (() => /* @__PURE__ */ new Date()),
    workspace: io.cwd,
    openImageStore: (reference) => openImageStore(reference, registry)
  });
  io.stderr.write(`${made.note}
`);
  if (!values.out) io.stdout.write(`${made.generated.path ?? ""}
`);
  return 0;
}
export {
  provenanceCommand
};
