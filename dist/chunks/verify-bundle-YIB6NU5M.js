import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  verifyBundle
} from "./chunk-XLC6RVTM.js";
import {
  loadTrustStore
} from "./chunk-2LYEHNZG.js";
import "./chunk-RJ4RMKR5.js";
import {
  parsePublicKey
} from "./chunk-LGE5TSTY.js";
import "./chunk-PFHF7Z6V.js";
import {
  parseDigest
} from "./chunk-QOS5LJET.js";
import "./chunk-X5KWVBVD.js";
import {
  JsonStreamParser
} from "./chunk-FHHVMNRQ.js";
import {
  anchoredRegExp,
  describeSigner,
  matchIdentity
} from "./chunk-BDIAHNI5.js";
import "./chunk-2FUSLBNA.js";
import {
  escapeLogLine
} from "./chunk-AJCAIOG3.js";
import {
  ConfigurationError
} from "./chunk-QCJNFU7Y.js";
import "./chunk-ZKL6BKDN.js";
import "./chunk-E5VL4JDA.js";
import "./chunk-OBVAS5ZZ.js";
import "./chunk-F37ZYHBP.js";
import "./chunk-GVUJSAVW.js";

// src/cli/commands/verify-bundle.ts
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
var VERIFY_BUNDLE_USAGE = `supply-chain-gate verify-bundle --bundle FILE
        (--certificate-identity ID | --certificate-identity-regexp RE) --certificate-oidc-issuer URL
        | --key PEM_FILE
        [--trusted-root FILE] FILE_OR_DIGEST`;
async function verifyBundleCommand(args, io) {
  const options = parseOptions(args);
  const bundleText = await readUserFile(options.bundlePath, io.cwd, "bundle");
  const artifact = await readArtifact(options.artifact, io.cwd);
  const keys = options.keyPath ? [parsePublicKey(await readUserFile(options.keyPath, io.cwd, "key"), options.keyPath)] : [];
  const trust = await loadTrustStore({ trustedRootPath: options.trustedRootPath, workspace: io.cwd });
  const parser = new JsonStreamParser(options.bundlePath);
  parser.write(Buffer.from(bundleText, "utf8"));
  const bundle = parser.end();
  const result = verifyBundle({ bundle, artifact, trust, keys, transparencyLog: "instance" });
  if (result.status === "invalid") return reject(io, result.check, result.message);
  const signer = result.signer;
  if (options.identity) {
    if (signer.kind !== "certificate") {
      return reject(
        io,
        "identity",
        "the bundle is signed with a key, but a certificate identity was required"
      );
    }
    const match = matchIdentity(signer, options.identity);
    if (!match.matched) {
      return reject(
        io,
        "identity",
        `signed by ${describeSigner(signer)}, not the required identity: ${match.reason}`
      );
    }
  } else if (signer.kind !== "public-key") {
    return reject(
      io,
      "identity",
      `signed by the certificate of ${describeSigner(signer)}, not by the given key`
    );
  }
  io.stdout.write(`${escapeLogLine(`verified: ${result.content} signed by ${describeSigner(signer)}`)}
`);
  return 0;
}
function parseOptions(args) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        bundle: { type: "string" },
        "certificate-identity": { type: "string" },
        "certificate-identity-regexp": { type: "string" },
        "certificate-oidc-issuer": { type: "string" },
        key: { type: "string" },
        "trusted-root": { type: "string" },
        staging: { type: "boolean" }
      }
    });
  } catch (error) {
    throw usageError(error.message);
  }
  const { values, positionals } = parsed;
  if (values.staging) {
    throw new ConfigurationError(
      "unsupported-staging",
      "--staging: no staging trusted root is embedded; pass the staging trusted_root.json with --trusted-root"
    );
  }
  if (!values.bundle) throw usageError("--bundle FILE is required");
  if (positionals.length !== 1) throw usageError("give exactly one FILE_OR_DIGEST to verify");
  const subject = values["certificate-identity"];
  const subjectRegExp = values["certificate-identity-regexp"];
  const issuer = values["certificate-oidc-issuer"];
  if (values.key !== void 0) {
    if (subject !== void 0 || subjectRegExp !== void 0 || issuer !== void 0) {
      throw usageError("--key excludes the certificate identity options");
    }
    return {
      bundlePath: values.bundle,
      artifact: positionals[0],
      keyPath: values.key,
      trustedRootPath: values["trusted-root"]
    };
  }
  if (subject === void 0 === (subjectRegExp === void 0) || issuer === void 0) {
    throw usageError(
      "give --key, or --certificate-oidc-issuer with exactly one of --certificate-identity and --certificate-identity-regexp"
    );
  }
  if (subjectRegExp !== void 0) {
    try {
      anchoredRegExp(subjectRegExp);
    } catch (error) {
      throw usageError(
        `--certificate-identity-regexp is not a valid regular expression (${error.message})`
      );
    }
  }
  return {
    bundlePath: values.bundle,
    artifact: positionals[0],
    identity: subject !== void 0 ? { issuer, subject } : { issuer, subjectRegExp },
    trustedRootPath: values["trusted-root"]
  };
}
async function readArtifact(text, cwd) {
  const digest = parseDigest(text);
  if (digest && !existsSync(resolve(cwd, text))) return { digest };
  const bytes = await readFile(resolve(cwd, text)).catch((error) => {
    throw new ConfigurationError(
      "artifact-not-found",
      `${text}: cannot read the artifact (${error.code === "ENOENT" ? "no such file" : error.code ?? "unreadable"}); a digest is written sha256:<64 hex digits>`
    );
  });
  return { bytes };
}
var NOT_FOUND = { bundle: "bundle-not-found", key: "key-not-found" };
async function readUserFile(path, cwd, what) {
  try {
    return await readFile(resolve(cwd, path), "utf8");
  } catch (error) {
    const code = error.code;
    throw new ConfigurationError(
      NOT_FOUND[what],
      `${path}: cannot read the ${what} (${code === "ENOENT" ? "no such file" : code ?? "unreadable"})`
    );
  }
}
function reject(io, check, message) {
  io.stderr.write(`${escapeLogLine(`not verified (${check}): ${message}`)}
`);
  return 1;
}
function usageError(message) {
  return new ConfigurationError(
    "invalid-arguments",
    `verify-bundle: ${message}
usage: ${VERIFY_BUNDLE_USAGE}`
  );
}
export {
  VERIFY_BUNDLE_USAGE,
  verifyBundleCommand
};
