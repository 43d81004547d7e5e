import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  makeProvenance
} from "./chunk-4CTD5TGN.js";
import "./chunk-MKJL3NIR.js";
import "./chunk-QLG7OL2Z.js";
import "./chunk-Y3TMLN4E.js";
import {
  provenanceRequest
} from "./chunk-4COZDX4O.js";
import {
  createConsoleLogger
} from "./chunk-HL7HQ6DO.js";
import "./chunk-WEC47CZG.js";
import "./chunk-QOS5LJET.js";
import "./chunk-X5KWVBVD.js";
import {
  createRunDeps,
  openGitHub
} from "./chunk-Y3TKSWBE.js";
import "./chunk-MV4VUAK6.js";
import "./chunk-HVIVQOBG.js";
import "./chunk-PWUTPHJS.js";
import "./chunk-HYJ74MIN.js";
import "./chunk-2FUSLBNA.js";
import "./chunk-AAN6PVVS.js";
import "./chunk-TIDU6746.js";
import {
  escapeLogLine
} from "./chunk-AJCAIOG3.js";
import "./chunk-JGGR3ZSW.js";
import "./chunk-V6QQ6HQ7.js";
import "./chunk-22SWJURS.js";
import "./chunk-3TJM3MKJ.js";
import {
  ConfigurationError
} from "./chunk-QCJNFU7Y.js";
import "./chunk-GVUJSAVW.js";

// src/cli/commands/provenance.ts
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
  const token = io.env.GITHUB_TOKEN;
  const apiUrl = values["github-api"] ?? io.env.GITHUB_API_URL;
  const log = createConsoleLogger(io.stderr);
  const deps = createRunDeps({
    env: io.env,
    log,
    ...io.now ? { now: io.now } : {},
    workspace: io.cwd,
    registryCredentials: io.env.REGISTRY_USERNAME && io.env.REGISTRY_PASSWORD ? { username: io.env.REGISTRY_USERNAME, password: io.env.REGISTRY_PASSWORD } : void 0,
    githubToken: token,
    github: apiUrl ? openGitHub({ apiUrl, token, log }) : void 0,
    signing: { contextPath: values.context }
  });
  const signing = await deps.attestation.signingContext();
  if (request.sign && !signing.idToken) {
    throw new ConfigurationError("cannot-sign", `--sign: ${signing.cannotSign}`);
  }
  const made = await makeProvenance({ reference: values.image, digest: values.digest }, request, {
    signing,
    registry: deps.attestation.registry,
    github: deps.github,
    now: deps.now,
    workspace: io.cwd,
    openImageStore: deps.openImageStore
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
