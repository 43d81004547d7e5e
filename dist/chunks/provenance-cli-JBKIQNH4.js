import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  readSigningContext
} from "./chunk-HET2RWKW.js";
import {
  makeProvenance
} from "./chunk-XJ7G6TAM.js";
import "./chunk-3TL2VHFJ.js";
import "./chunk-GVIC2IGB.js";
import "./chunk-Y3TMLN4E.js";
import {
  provenanceRequest
} from "./chunk-5PEXMQO6.js";
import "./chunk-QGY5ZTS4.js";
import "./chunk-QOS5LJET.js";
import "./chunk-X5KWVBVD.js";
import "./chunk-FHHVMNRQ.js";
import "./chunk-WLVSEBNM.js";
import {
  createGitHubClient
} from "./chunk-5ABXXDJS.js";
import "./chunk-TIDU6746.js";
import "./chunk-OPWM5QSE.js";
import "./chunk-3PJRF6H5.js";
import {
  openImageStore
} from "./chunk-BSS5OS6D.js";
import "./chunk-XFSVLDHW.js";
import "./chunk-PP2KF6RY.js";
import "./chunk-JO6HNBME.js";
import "./chunk-QJW7XG3M.js";
import {
  escapeLogLine
} from "./chunk-AJCAIOG3.js";
import "./chunk-3TJM3MKJ.js";
import "./chunk-GRWDUSGG.js";
import {
  ConfigurationError
} from "./chunk-QCJNFU7Y.js";
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
  io.stderr.write(`${escapeLogLine(made.note)}
`);
  if (!values.out) io.stdout.write(`${made.generated.path ?? ""}
`);
  return 0;
}
export {
  provenanceCommand
};
