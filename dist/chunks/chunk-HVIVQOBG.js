import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  DOCKER_MANIFEST_MEDIA_TYPE,
  MAX_MANIFEST_BYTES,
  assertSha256Digest,
  blobTooLarge,
  isIndexMediaType,
  manifestTooLarge,
  parseJsonObject,
  parseManifestDocument,
  readBounded,
  verifyDigest
} from "./chunk-HYJ74MIN.js";
import {
  OPEN_INPUT_FILE
} from "./chunk-2FUSLBNA.js";
import {
  ConfigurationError,
  VerificationError
} from "./chunk-QCJNFU7Y.js";

// src/adapters/oci/layout.ts
import { constants } from "node:fs";
import { open, realpath } from "node:fs/promises";
import { join, resolve, sep } from "node:path";
var REF_NAME_ANNOTATION = "org.opencontainers.image.ref.name";
var LAYOUT_VERSION = "1.0.0";
var COSIGN_KIND_ANNOTATION = "kind";
var COSIGN_IMAGE_KINDS = /* @__PURE__ */ new Set(["dev.cosignproject.cosign/image", "dev.cosignproject.cosign/imageIndex"]);
var COSIGN_ATTACHMENT_KINDS = {
  ".sig": "dev.cosignproject.cosign/sigs",
  ".att": "dev.cosignproject.cosign/atts"
};
var ATTACHMENT_TAG = /^sha256-[a-f0-9]{64}(?:\.[a-z]+)?$/;
var COSIGN_TAG = /^(sha256)-([a-f0-9]{64})(\.sig|\.att)$/;
var OciLayoutStore = class {
  kind = "oci-layout";
  location;
  root;
  realRoot;
  entries;
  subjects;
  constructor(path4) {
    this.root = resolve(path4);
    this.location = `oci:${this.root}`;
  }
  async resolve(reference) {
    const entries = await this.indexEntries();
    const { digest } = reference;
    if (digest !== void 0) {
      assertSha256Digest(digest, `the reference to ${this.location}`);
      const listed = entries.find((entry2) => entry2.digest === digest);
      return this.readManifest(digest, listed?.mediaType, "named by the user");
    }
    const entry = await this.pickEntry(entries, reference.tag);
    return this.readManifest(entry.digest, entry.mediaType, "named by the user");
  }
  async findTag(tag) {
    const entries = await this.indexEntries();
    const tagged = entries.filter((entry2) => entry2.tag === tag);
    if (tagged.length > 1) {
      throw new VerificationError(
        "ambiguous-tag",
        `tag ${JSON.stringify(tag)} names ${tagged.length} manifests in ${join(this.root, "index.json")}; the layout is inconsistent`
      );
    }
    const entry = tagged[0] ?? this.cosignSavedAttachment(entries, tag);
    return entry && this.readManifest(entry.digest, entry.mediaType, "referenced by other content");
  }
  /** The manifests in index.json whose `subject` is `digest`: what a registry's referrers API would list. */
  async listReferrers(digest) {
    const subjects = await this.subjectsOfEntries();
    return {
      supported: true,
      uri: join(this.root, "index.json"),
      digests: subjects.filter((entry) => entry.subject === digest).map((entry) => entry.digest)
    };
  }
  manifestUri(digestOrTag) {
    return `${this.location}${digestOrTag.startsWith("sha256:") ? "@" : ":"}${digestOrTag}`;
  }
  /** `cosign save` keeps the image's signatures and attestations untagged, marked by kind. */
  cosignSavedAttachment(entries, tag) {
    const match = COSIGN_TAG.exec(tag);
    if (!match) return void 0;
    const [, algorithm, hex, suffix = ""] = match;
    const images = entries.filter((entry) => entry.kind !== void 0 && COSIGN_IMAGE_KINDS.has(entry.kind));
    if (images.length !== 1 || images[0]?.digest !== `${algorithm}:${hex}`) return void 0;
    return entries.find((entry) => entry.kind === COSIGN_ATTACHMENT_KINDS[suffix]);
  }
  subjectsOfEntries() {
    this.subjects ??= this.indexEntries().then(
      (entries) => Promise.all(
        entries.map(async (entry) => {
          const manifest = await this.readManifest(
            entry.digest,
            entry.mediaType,
            "referenced by other content"
          );
          const { subject } = manifest.json;
          const subjectDigest = typeof subject === "object" && subject !== null ? subject.digest : void 0;
          return typeof subjectDigest === "string" ? { digest: entry.digest, subject: subjectDigest } : { digest: entry.digest };
        })
      )
    );
    return this.subjects;
  }
  async getManifest(digest) {
    assertSha256Digest(digest, `a manifest requested from ${this.location}`);
    const listed = (await this.indexEntries()).find((entry) => entry.digest === digest);
    return this.readManifest(digest, listed?.mediaType, "referenced by other content");
  }
  async getBlob(digest, maxBytes) {
    assertSha256Digest(digest, `a blob requested from ${this.location}`);
    const path4 = this.blobPath(digest);
    const bytes = await this.readContained(
      path4,
      maxBytes,
      () => blobTooLarge(`blob ${path4}`, maxBytes),
      () => {
        throw new VerificationError(
          "blob-not-found",
          `blob ${path4} is missing: the OCI layout ${this.root} is incomplete; write it again`
        );
      }
    );
    verifyDigest(bytes, digest, `blob ${path4}`);
    return bytes;
  }
  async pickEntry(entries, tag) {
    const tags = entries.flatMap((entry) => entry.tag === void 0 ? [] : [JSON.stringify(entry.tag)]);
    const available = tags.length > 0 ? `available tags: ${tags.join(", ")}` : "it has no tagged manifests";
    if (tag === void 0) {
      const images = await this.imageEntries(entries);
      const [only, ...others2] = images;
      if (only && others2.length === 0) return only;
      throw new ConfigurationError(
        only ? "ambiguous-image-reference" : "manifest-not-found",
        only ? `the OCI layout ${this.root} holds ${images.length} images; name one as oci:PATH:TAG (${available})` : `the OCI layout ${this.root} holds no images`
      );
    }
    const matches = entries.filter((entry) => entry.tag === tag);
    const [match, ...others] = matches;
    if (!match) {
      throw new ConfigurationError(
        "manifest-not-found",
        `tag ${JSON.stringify(tag)} is not in the OCI layout ${this.root} (${available})`
      );
    }
    if (others.length > 0) {
      throw new ConfigurationError(
        "ambiguous-image-reference",
        `tag ${JSON.stringify(tag)} names ${matches.length} manifests in ${join(this.root, "index.json")}; name one by digest as oci:PATH@sha256:\u2026`
      );
    }
    return match;
  }
  /** Entries that can be the image: not a signature, attestation or referrer attached to one. */
  async imageEntries(entries) {
    const candidates = entries.filter(
      (entry) => !Object.values(COSIGN_ATTACHMENT_KINDS).includes(entry.kind ?? "") && !(entry.tag !== void 0 && ATTACHMENT_TAG.test(entry.tag))
    );
    if (candidates.length <= 1) return candidates;
    const referrers = new Set(
      (await this.subjectsOfEntries()).flatMap(
        (entry) => entry.subject === void 0 ? [] : [entry.digest]
      )
    );
    return candidates.filter((entry) => !referrers.has(entry.digest));
  }
  async readManifest(digest, declaredMediaType, origin) {
    const path4 = this.blobPath(digest);
    const what = `manifest ${path4}`;
    const bytes = await this.readContained(
      path4,
      MAX_MANIFEST_BYTES,
      () => manifestTooLarge(what),
      () => {
        const message = `${what} is missing from the OCI layout ${this.root}`;
        throw origin === "named by the user" ? new ConfigurationError("manifest-not-found", `${message}: check the digest`) : new VerificationError(
          "manifest-not-found",
          `${message}: the layout is incomplete; write it again`
        );
      }
    );
    return parseManifestDocument(bytes, {
      what,
      expectedDigest: digest,
      ...declaredMediaType === void 0 ? {} : { declaredMediaType }
    });
  }
  /** index.json read once: the layout is the user's input, so its problems are configuration errors. */
  indexEntries() {
    this.entries ??= this.readIndexEntries();
    return this.entries;
  }
  async readIndexEntries() {
    const markerPath = join(this.root, "oci-layout");
    const marker = await this.readLayoutJson(markerPath, () => {
      throw new ConfigurationError(
        "oci-layout-not-found",
        `no OCI image layout at ${this.root} (${markerPath} is missing); point oci:PATH at a directory written by skopeo, umoci, buildx --output type=oci or similar`
      );
    });
    if (marker.imageLayoutVersion !== LAYOUT_VERSION) {
      throw new ConfigurationError(
        "invalid-oci-layout",
        `${markerPath} declares imageLayoutVersion ${JSON.stringify(marker.imageLayoutVersion)}; the gate reads version ${LAYOUT_VERSION} layouts`
      );
    }
    const indexPath = join(this.root, "index.json");
    const index = await this.readLayoutJson(indexPath, () => {
      throw new ConfigurationError(
        "invalid-oci-layout",
        `${indexPath} is missing; the OCI layout ${this.root} is incomplete`
      );
    });
    if (!Array.isArray(index.manifests)) {
      throw new ConfigurationError("invalid-oci-layout", `${indexPath} has no "manifests" array`);
    }
    return index.manifests.map((descriptor, position) => {
      const entry = descriptor;
      if (typeof entry !== "object" || entry === null || typeof entry.digest !== "string") {
        throw new ConfigurationError(
          "invalid-oci-layout",
          `${indexPath}: manifests[${position}] has no digest`
        );
      }
      assertSha256Digest(entry.digest, `${indexPath}: manifests[${position}]`);
      const tag = entry.annotations?.[REF_NAME_ANNOTATION];
      const kind = entry.annotations?.[COSIGN_KIND_ANNOTATION];
      return {
        digest: entry.digest,
        ...typeof entry.mediaType === "string" ? { mediaType: entry.mediaType } : {},
        ...typeof tag === "string" ? { tag } : {},
        ...typeof kind === "string" ? { kind } : {}
      };
    });
  }
  async readLayoutJson(path4, missing) {
    const bytes = await this.readContained(path4, MAX_MANIFEST_BYTES, () => manifestTooLarge(path4), missing);
    try {
      return parseJsonObject(bytes, path4);
    } catch (error) {
      throw new ConfigurationError("invalid-oci-layout", error.message);
    }
  }
  blobPath(digest) {
    return join(this.root, "blobs", "sha256", digest.slice("sha256:".length));
  }
  /**
   * Reads a regular file whose real path (symlinks resolved) is inside the layout's real root, and
   * stops once it passes `maxBytes`. `missing` throws the caller's error for an absent file.
   */
  async readContained(path4, maxBytes, tooLarge, missing) {
    const root = await this.rootRealPath();
    let real;
    try {
      real = await realpath(path4);
    } catch (error) {
      if (isNotFound(error)) missing();
      throw unreadable(path4, error);
    }
    if (!real.startsWith(root + sep)) {
      throw new VerificationError(
        "oci-layout-escape",
        `${path4} resolves to ${real}, outside the OCI layout ${root}; refusing to read through a symlink that leaves the layout`
      );
    }
    let handle;
    try {
      handle = await open(real, OPEN_INPUT_FILE | constants.O_NOFOLLOW);
    } catch (error) {
      if (isNotFound(error)) missing();
      throw unreadable(path4, error);
    }
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) {
        throw new VerificationError("invalid-oci-layout", `${path4} is not a regular file`);
      }
      if (stats.size > maxBytes) throw tooLarge();
      return await readBounded(handle.createReadStream({ autoClose: false }), maxBytes, tooLarge);
    } finally {
      await handle.close();
    }
  }
  rootRealPath() {
    this.realRoot ??= realpath(this.root).catch((error) => {
      if (!isNotFound(error)) throw unreadable(this.root, error);
      throw new ConfigurationError(
        "oci-layout-not-found",
        `no OCI image layout at ${this.root}: the directory does not exist; check the oci:PATH reference`
      );
    });
    return this.realRoot;
  }
};
function unreadable(path4, error) {
  return new VerificationError(
    "oci-layout-unreadable",
    `cannot read ${path4} (${errorCode(error) ?? "unknown error"})`,
    {
      cause: error
    }
  );
}
function isNotFound(error) {
  return errorCode(error) === "ENOENT";
}
function errorCode(error) {
  const code = typeof error === "object" && error !== null ? error.code : void 0;
  return typeof code === "string" ? code : void 0;
}

// src/adapters/docker/engine.ts
import { mkdir as mkdir3, mkdtemp, rm as rm2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join6 } from "node:path";

// src/adapters/docker/cli.ts
import { constants as constants3 } from "node:fs";
import { access } from "node:fs/promises";
import { delimiter as delimiter2, join as join4 } from "node:path";

// node_modules/@actions/exec/lib/toolrunner.js
import * as os from "os";
import * as events from "events";
import * as child from "child_process";
import * as path3 from "path";

// node_modules/@actions/io/lib/io.js
import * as path2 from "path";

// node_modules/@actions/io/lib/io-util.js
import * as fs from "fs";
import * as path from "path";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve3) {
      resolve3(value);
    });
  }
  return new (P || (P = Promise))(function(resolve3, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve3(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { chmod, copyFile, lstat, mkdir, open: open2, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs.constants.O_RDONLY;
function exists(fsPath) {
  return __awaiter(this, void 0, void 0, function* () {
    try {
      yield stat(fsPath);
    } catch (err) {
      if (err.code === "ENOENT") {
        return false;
      }
      throw err;
    }
    return true;
  });
}
function isRooted(p) {
  p = normalizeSeparators(p);
  if (!p) {
    throw new Error('isRooted() parameter "p" cannot be empty');
  }
  if (IS_WINDOWS) {
    return p.startsWith("\\") || /^[A-Z]:/i.test(p);
  }
  return p.startsWith("/");
}
function tryGetExecutablePath(filePath, extensions) {
  return __awaiter(this, void 0, void 0, function* () {
    let stats = void 0;
    try {
      stats = yield stat(filePath);
    } catch (err) {
      if (err.code !== "ENOENT") {
        console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
      }
    }
    if (stats && stats.isFile()) {
      if (IS_WINDOWS) {
        const upperExt = path.extname(filePath).toUpperCase();
        if (extensions.some((validExt) => validExt.toUpperCase() === upperExt)) {
          return filePath;
        }
      } else {
        if (isUnixExecutable(stats)) {
          return filePath;
        }
      }
    }
    const originalFilePath = filePath;
    for (const extension of extensions) {
      filePath = originalFilePath + extension;
      stats = void 0;
      try {
        stats = yield stat(filePath);
      } catch (err) {
        if (err.code !== "ENOENT") {
          console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
        }
      }
      if (stats && stats.isFile()) {
        if (IS_WINDOWS) {
          try {
            const directory = path.dirname(filePath);
            const upperName = path.basename(filePath).toUpperCase();
            for (const actualName of yield readdir(directory)) {
              if (upperName === actualName.toUpperCase()) {
                filePath = path.join(directory, actualName);
                break;
              }
            }
          } catch (err) {
            console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
          }
          return filePath;
        } else {
          if (isUnixExecutable(stats)) {
            return filePath;
          }
        }
      }
    }
    return "";
  });
}
function normalizeSeparators(p) {
  p = p || "";
  if (IS_WINDOWS) {
    p = p.replace(/\//g, "\\");
    return p.replace(/\\\\+/g, "\\");
  }
  return p.replace(/\/\/+/g, "/");
}
function isUnixExecutable(stats) {
  return (stats.mode & 1) > 0 || (stats.mode & 8) > 0 && process.getgid !== void 0 && stats.gid === process.getgid() || (stats.mode & 64) > 0 && process.getuid !== void 0 && stats.uid === process.getuid();
}

// node_modules/@actions/io/lib/io.js
var __awaiter2 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve3) {
      resolve3(value);
    });
  }
  return new (P || (P = Promise))(function(resolve3, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve3(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
function which(tool, check) {
  return __awaiter2(this, void 0, void 0, function* () {
    if (!tool) {
      throw new Error("parameter 'tool' is required");
    }
    if (check) {
      const result = yield which(tool, false);
      if (!result) {
        if (IS_WINDOWS) {
          throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
        } else {
          throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
        }
      }
      return result;
    }
    const matches = yield findInPath(tool);
    if (matches && matches.length > 0) {
      return matches[0];
    }
    return "";
  });
}
function findInPath(tool) {
  return __awaiter2(this, void 0, void 0, function* () {
    if (!tool) {
      throw new Error("parameter 'tool' is required");
    }
    const extensions = [];
    if (IS_WINDOWS && process.env["PATHEXT"]) {
      for (const extension of process.env["PATHEXT"].split(path2.delimiter)) {
        if (extension) {
          extensions.push(extension);
        }
      }
    }
    if (isRooted(tool)) {
      const filePath = yield tryGetExecutablePath(tool, extensions);
      if (filePath) {
        return [filePath];
      }
      return [];
    }
    if (tool.includes(path2.sep)) {
      return [];
    }
    const directories = [];
    if (process.env.PATH) {
      for (const p of process.env.PATH.split(path2.delimiter)) {
        if (p) {
          directories.push(p);
        }
      }
    }
    const matches = [];
    for (const directory of directories) {
      const filePath = yield tryGetExecutablePath(path2.join(directory, tool), extensions);
      if (filePath) {
        matches.push(filePath);
      }
    }
    return matches;
  });
}

// node_modules/@actions/exec/lib/toolrunner.js
import { setTimeout } from "timers";
var __awaiter3 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve3) {
      resolve3(value);
    });
  }
  return new (P || (P = Promise))(function(resolve3, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve3(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var IS_WINDOWS2 = process.platform === "win32";
var ToolRunner = class extends events.EventEmitter {
  constructor(toolPath, args, options) {
    super();
    if (!toolPath) {
      throw new Error("Parameter 'toolPath' cannot be null or empty.");
    }
    this.toolPath = toolPath;
    this.args = args || [];
    this.options = options || {};
  }
  _debug(message) {
    if (this.options.listeners && this.options.listeners.debug) {
      this.options.listeners.debug(message);
    }
  }
  _getCommandString(options, noPrefix) {
    const toolPath = this._getSpawnFileName();
    const args = this._getSpawnArgs(options);
    let cmd = noPrefix ? "" : "[command]";
    if (IS_WINDOWS2) {
      if (this._isCmdFile()) {
        cmd += toolPath;
        for (const a of args) {
          cmd += ` ${a}`;
        }
      } else if (options.windowsVerbatimArguments) {
        cmd += `"${toolPath}"`;
        for (const a of args) {
          cmd += ` ${a}`;
        }
      } else {
        cmd += this._windowsQuoteCmdArg(toolPath);
        for (const a of args) {
          cmd += ` ${this._windowsQuoteCmdArg(a)}`;
        }
      }
    } else {
      cmd += toolPath;
      for (const a of args) {
        cmd += ` ${a}`;
      }
    }
    return cmd;
  }
  _processLineBuffer(data, strBuffer, onLine) {
    try {
      let s = strBuffer + data.toString();
      let n = s.indexOf(os.EOL);
      while (n > -1) {
        const line = s.substring(0, n);
        onLine(line);
        s = s.substring(n + os.EOL.length);
        n = s.indexOf(os.EOL);
      }
      return s;
    } catch (err) {
      this._debug(`error processing line. Failed with error ${err}`);
      return "";
    }
  }
  _getSpawnFileName() {
    if (IS_WINDOWS2) {
      if (this._isCmdFile()) {
        return process.env["COMSPEC"] || "cmd.exe";
      }
    }
    return this.toolPath;
  }
  _getSpawnArgs(options) {
    if (IS_WINDOWS2) {
      if (this._isCmdFile()) {
        let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
        for (const a of this.args) {
          argline += " ";
          argline += options.windowsVerbatimArguments ? a : this._windowsQuoteCmdArg(a);
        }
        argline += '"';
        return [argline];
      }
    }
    return this.args;
  }
  _endsWith(str, end) {
    return str.endsWith(end);
  }
  _isCmdFile() {
    const upperToolPath = this.toolPath.toUpperCase();
    return this._endsWith(upperToolPath, ".CMD") || this._endsWith(upperToolPath, ".BAT");
  }
  _windowsQuoteCmdArg(arg) {
    if (!this._isCmdFile()) {
      return this._uvQuoteCmdArg(arg);
    }
    if (!arg) {
      return '""';
    }
    const cmdSpecialChars = [
      " ",
      "	",
      "&",
      "(",
      ")",
      "[",
      "]",
      "{",
      "}",
      "^",
      "=",
      ";",
      "!",
      "'",
      "+",
      ",",
      "`",
      "~",
      "|",
      "<",
      ">",
      '"'
    ];
    let needsQuotes = false;
    for (const char of arg) {
      if (cmdSpecialChars.some((x) => x === char)) {
        needsQuotes = true;
        break;
      }
    }
    if (!needsQuotes) {
      return arg;
    }
    let reverse = '"';
    let quoteHit = true;
    for (let i = arg.length; i > 0; i--) {
      reverse += arg[i - 1];
      if (quoteHit && arg[i - 1] === "\\") {
        reverse += "\\";
      } else if (arg[i - 1] === '"') {
        quoteHit = true;
        reverse += '"';
      } else {
        quoteHit = false;
      }
    }
    reverse += '"';
    return reverse.split("").reverse().join("");
  }
  _uvQuoteCmdArg(arg) {
    if (!arg) {
      return '""';
    }
    if (!arg.includes(" ") && !arg.includes("	") && !arg.includes('"')) {
      return arg;
    }
    if (!arg.includes('"') && !arg.includes("\\")) {
      return `"${arg}"`;
    }
    let reverse = '"';
    let quoteHit = true;
    for (let i = arg.length; i > 0; i--) {
      reverse += arg[i - 1];
      if (quoteHit && arg[i - 1] === "\\") {
        reverse += "\\";
      } else if (arg[i - 1] === '"') {
        quoteHit = true;
        reverse += "\\";
      } else {
        quoteHit = false;
      }
    }
    reverse += '"';
    return reverse.split("").reverse().join("");
  }
  _cloneExecOptions(options) {
    options = options || {};
    const result = {
      cwd: options.cwd || process.cwd(),
      env: options.env || process.env,
      silent: options.silent || false,
      windowsVerbatimArguments: options.windowsVerbatimArguments || false,
      failOnStdErr: options.failOnStdErr || false,
      ignoreReturnCode: options.ignoreReturnCode || false,
      delay: options.delay || 1e4
    };
    result.outStream = options.outStream || process.stdout;
    result.errStream = options.errStream || process.stderr;
    return result;
  }
  _getSpawnOptions(options, toolPath) {
    options = options || {};
    const result = {};
    result.cwd = options.cwd;
    result.env = options.env;
    result["windowsVerbatimArguments"] = options.windowsVerbatimArguments || this._isCmdFile();
    if (options.windowsVerbatimArguments) {
      result.argv0 = `"${toolPath}"`;
    }
    return result;
  }
  /**
   * Exec a tool.
   * Output will be streamed to the live console.
   * Returns promise with return code
   *
   * @param     tool     path to tool to exec
   * @param     options  optional exec options.  See ExecOptions
   * @returns   number
   */
  exec() {
    return __awaiter3(this, void 0, void 0, function* () {
      if (!isRooted(this.toolPath) && (this.toolPath.includes("/") || IS_WINDOWS2 && this.toolPath.includes("\\"))) {
        this.toolPath = path3.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
      }
      this.toolPath = yield which(this.toolPath, true);
      return new Promise((resolve3, reject) => __awaiter3(this, void 0, void 0, function* () {
        this._debug(`exec tool: ${this.toolPath}`);
        this._debug("arguments:");
        for (const arg of this.args) {
          this._debug(`   ${arg}`);
        }
        const optionsNonNull = this._cloneExecOptions(this.options);
        if (!optionsNonNull.silent && optionsNonNull.outStream) {
          optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os.EOL);
        }
        const state = new ExecState(optionsNonNull, this.toolPath);
        state.on("debug", (message) => {
          this._debug(message);
        });
        if (this.options.cwd && !(yield exists(this.options.cwd))) {
          return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
        }
        const fileName = this._getSpawnFileName();
        const cp = child.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
        let stdbuffer = "";
        if (cp.stdout) {
          cp.stdout.on("data", (data) => {
            if (this.options.listeners && this.options.listeners.stdout) {
              this.options.listeners.stdout(data);
            }
            if (!optionsNonNull.silent && optionsNonNull.outStream) {
              optionsNonNull.outStream.write(data);
            }
            stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
              if (this.options.listeners && this.options.listeners.stdline) {
                this.options.listeners.stdline(line);
              }
            });
          });
        }
        let errbuffer = "";
        if (cp.stderr) {
          cp.stderr.on("data", (data) => {
            state.processStderr = true;
            if (this.options.listeners && this.options.listeners.stderr) {
              this.options.listeners.stderr(data);
            }
            if (!optionsNonNull.silent && optionsNonNull.errStream && optionsNonNull.outStream) {
              const s = optionsNonNull.failOnStdErr ? optionsNonNull.errStream : optionsNonNull.outStream;
              s.write(data);
            }
            errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
              if (this.options.listeners && this.options.listeners.errline) {
                this.options.listeners.errline(line);
              }
            });
          });
        }
        cp.on("error", (err) => {
          state.processError = err.message;
          state.processExited = true;
          state.processClosed = true;
          state.CheckComplete();
        });
        cp.on("exit", (code) => {
          state.processExitCode = code;
          state.processExited = true;
          this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
          state.CheckComplete();
        });
        cp.on("close", (code) => {
          state.processExitCode = code;
          state.processExited = true;
          state.processClosed = true;
          this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
          state.CheckComplete();
        });
        state.on("done", (error, exitCode) => {
          if (stdbuffer.length > 0) {
            this.emit("stdline", stdbuffer);
          }
          if (errbuffer.length > 0) {
            this.emit("errline", errbuffer);
          }
          cp.removeAllListeners();
          if (error) {
            reject(error);
          } else {
            resolve3(exitCode);
          }
        });
        if (this.options.input) {
          if (!cp.stdin) {
            throw new Error("child process missing stdin");
          }
          cp.stdin.end(this.options.input);
        }
      }));
    });
  }
};
function argStringToArray(argString) {
  const args = [];
  let inQuotes = false;
  let escaped = false;
  let arg = "";
  function append(c) {
    if (escaped && c !== '"') {
      arg += "\\";
    }
    arg += c;
    escaped = false;
  }
  for (let i = 0; i < argString.length; i++) {
    const c = argString.charAt(i);
    if (c === '"') {
      if (!escaped) {
        inQuotes = !inQuotes;
      } else {
        append(c);
      }
      continue;
    }
    if (c === "\\" && escaped) {
      append(c);
      continue;
    }
    if (c === "\\" && inQuotes) {
      escaped = true;
      continue;
    }
    if (c === " " && !inQuotes) {
      if (arg.length > 0) {
        args.push(arg);
        arg = "";
      }
      continue;
    }
    append(c);
  }
  if (arg.length > 0) {
    args.push(arg.trim());
  }
  return args;
}
var ExecState = class _ExecState extends events.EventEmitter {
  constructor(options, toolPath) {
    super();
    this.processClosed = false;
    this.processError = "";
    this.processExitCode = 0;
    this.processExited = false;
    this.processStderr = false;
    this.delay = 1e4;
    this.done = false;
    this.timeout = null;
    if (!toolPath) {
      throw new Error("toolPath must not be empty");
    }
    this.options = options;
    this.toolPath = toolPath;
    if (options.delay) {
      this.delay = options.delay;
    }
  }
  CheckComplete() {
    if (this.done) {
      return;
    }
    if (this.processClosed) {
      this._setResult();
    } else if (this.processExited) {
      this.timeout = setTimeout(_ExecState.HandleTimeout, this.delay, this);
    }
  }
  _debug(message) {
    this.emit("debug", message);
  }
  _setResult() {
    let error;
    if (this.processExited) {
      if (this.processError) {
        error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
      } else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
        error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
      } else if (this.processStderr && this.options.failOnStdErr) {
        error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
      }
    }
    if (this.timeout) {
      clearTimeout(this.timeout);
      this.timeout = null;
    }
    this.done = true;
    this.emit("done", error, this.processExitCode);
  }
  static HandleTimeout(state) {
    if (state.done) {
      return;
    }
    if (!state.processClosed && state.processExited) {
      const message = `The STDIO streams did not close within ${state.delay / 1e3} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
      state._debug(message);
    }
    state._setResult();
  }
};

// node_modules/@actions/exec/lib/exec.js
var __awaiter4 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve3) {
      resolve3(value);
    });
  }
  return new (P || (P = Promise))(function(resolve3, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve3(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
function exec(commandLine, args, options) {
  return __awaiter4(this, void 0, void 0, function* () {
    const commandArgs = argStringToArray(commandLine);
    if (commandArgs.length === 0) {
      throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
    }
    const toolPath = commandArgs[0];
    args = commandArgs.slice(1).concat(args || []);
    const runner = new ToolRunner(toolPath, args, options);
    return runner.exec();
  });
}

// src/adapters/docker/cli.ts
var MAX_INSPECT_BYTES = 16 * 1024 * 1024;
var MAX_STDERR_CHARS = 8 * 1024;
var MAX_QUOTED_CHARS = 300;
var DAEMON_UNREACHABLE = /Cannot connect to the Docker daemon|Is the docker daemon running|error during connect|permission denied while trying to connect/i;
var NO_SUCH_IMAGE = /No such image|image not known|reference does not exist/i;
var DockerCli = class {
  env;
  executable;
  constructor(options = {}) {
    this.env = options.env ?? process.env;
  }
  async inspectImage(reference) {
    const { stdout } = await this.run(["image", "inspect", reference], reference, MAX_INSPECT_BYTES);
    return parseInspectOutput(stdout, reference);
  }
  /** Writes the image as `docker save` does into `tarPath`; the CLI writes the file itself. */
  async saveImage(reference, tarPath) {
    await this.run(["save", "--output", tarPath, reference], reference, 0);
  }
  async run(args, reference, maxStdout) {
    const executable = await this.findExecutable();
    const stdout = [];
    let stdoutBytes = 0;
    let stderr = "";
    const exitCode = await exec(quoteCommand(executable), args, {
      env: definedOnly(this.env),
      silent: true,
      ignoreReturnCode: true,
      listeners: {
        stdout: (data) => {
          stdoutBytes += data.byteLength;
          if (stdoutBytes <= maxStdout) stdout.push(data);
        },
        stderr: (data) => {
          stderr = (stderr + data.toString("utf8")).slice(-MAX_STDERR_CHARS);
        }
      }
    });
    if (exitCode !== 0) throw commandError(args, reference, exitCode, stderr);
    if (stdoutBytes > maxStdout) {
      throw new VerificationError(
        "docker-output-too-large",
        `docker ${args.slice(0, 2).join(" ")} wrote more than ${maxStdout} bytes; refusing to read it`
      );
    }
    return { stdout: Buffer.concat(stdout).toString("utf8") };
  }
  findExecutable() {
    this.executable ??= locateOnPath(this.env).then((found) => {
      if (found !== void 0) return found;
      throw new ConfigurationError(
        "docker-cli-not-found",
        "the docker CLI is not on PATH: a docker: image is read from the local engine through it; install Docker (GitHub-hosted Linux runners have it), or gate the image by its registry reference or as oci-archive:PATH"
      );
    });
    return this.executable;
  }
};
function commandError(args, reference, exitCode, stderr) {
  if (DAEMON_UNREACHABLE.test(stderr)) {
    return new ConfigurationError(
      "docker-daemon-unavailable",
      `the docker CLI cannot reach a Docker engine (${quotedLine(stderr, DAEMON_UNREACHABLE)}): start Docker or point DOCKER_HOST at its socket, and build the image into it first (docker/build-push-action with load: true)`
    );
  }
  if (NO_SUCH_IMAGE.test(stderr)) {
    const hint = reference.includes("/") ? "" : `; for Docker Hub's "docker" image itself, write docker.io/library/docker:${reference}`;
    return new ConfigurationError(
      "docker-image-not-found",
      `the Docker engine has no image ${JSON.stringify(reference.slice(0, MAX_QUOTED_CHARS))}: build or load it first (docker build -t NAME, or docker/build-push-action with load: true) and check the name and tag${hint}`
    );
  }
  return new VerificationError(
    "docker-command-failed",
    `docker ${args.slice(0, 2).join(" ")} failed with exit code ${exitCode}: ${quotedLine(stderr)}`
  );
}
function parseInspectOutput(stdout, reference) {
  const invalid = (reason) => new VerificationError("invalid-docker-inspect", `docker image inspect ${reference}: ${reason}`);
  let parsed;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    throw invalid("the output is not JSON");
  }
  const [image, ...others] = Array.isArray(parsed) ? parsed : [];
  if (typeof image !== "object" || image === null || others.length > 0) {
    throw invalid("the output is not a list of one image");
  }
  const { Id: id, RepoDigests: repoDigests } = image;
  if (typeof id !== "string" || !/^sha256:[a-f0-9]{64}$/.test(id)) {
    throw invalid(`the image ID ${JSON.stringify(String(id).slice(0, 100))} is not sha256:<64 hex>`);
  }
  const digests = repoDigests ?? [];
  if (!Array.isArray(digests) || !digests.every((entry) => typeof entry === "string")) {
    throw invalid("RepoDigests is not a list of strings");
  }
  return { id, repoDigests: digests };
}
async function locateOnPath(env) {
  const names = process.platform === "win32" ? ["docker.exe", "docker"] : ["docker"];
  for (const dir of (env.PATH ?? env.Path ?? "").split(delimiter2)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = join4(dir, name);
      try {
        await access(candidate, constants3.X_OK);
        return candidate;
      } catch {
      }
    }
  }
  return void 0;
}
function quoteCommand(path4) {
  return `"${path4.replaceAll('"', '\\"')}"`;
}
function definedOnly(env) {
  return Object.fromEntries(
    Object.entries(env).filter((entry) => entry[1] !== void 0)
  );
}
function quotedLine(text, pattern) {
  const lines = text.split("\n").map((part) => part.trim()).filter((part) => part.length > 0);
  const line = lines.find((part) => pattern?.test(part)) ?? lines[0];
  return line === void 0 ? "it printed nothing" : line.slice(0, MAX_QUOTED_CHARS);
}

// src/adapters/docker/save.ts
import { readFile } from "node:fs/promises";

// src/archive/tar-unpack.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir as mkdir2, open as open3 } from "node:fs/promises";
import { join as join5, posix } from "node:path";
var MAX_ENTRIES = 1e5;
var MAX_LINK_HOPS = 16;
var NAME_COMPONENT = /^[A-Za-z0-9._+=@,-]+$/;
async function unpackTar(tarPath, root, what) {
  const invalid = (reason) => new VerificationError("invalid-archive", `${what} is not a readable tar archive: ${reason}`);
  const archive = { root, files: /* @__PURE__ */ new Map(), links: /* @__PURE__ */ new Map() };
  const { readTarEntries, TarFormatError } = await import("./tar-entries-CBUJJD2F.js");
  const source = createReadStream(tarPath, { highWaterMark: 1024 * 1024 });
  try {
    await readTarEntries(
      source,
      async (header, body) => {
        const name = archivePath(header.name);
        if (name === void 0) {
          throw invalid(
            `the entry ${JSON.stringify(header.name.slice(0, 200))} has a name outside the archive or with unexpected characters`
          );
        }
        if (name === "") return;
        if (header.type === "file") {
          if (archive.files.has(name) || archive.links.has(name)) throw invalid(`${name} appears twice`);
          const path4 = join5(root, ...name.split("/"));
          await mkdir2(join5(path4, ".."), { recursive: true });
          const handle = await open3(path4, "wx");
          const hash = createHash("sha256");
          let size = 0;
          try {
            for await (const piece of body) {
              hash.update(piece);
              size += piece.length;
              await writeAll(handle, piece);
            }
          } finally {
            await handle.close();
          }
          if (size !== header.size) throw invalid("it ends in the middle of an entry");
          archive.files.set(name, { path: path4, size, digest: `sha256:${hash.digest("hex")}` });
        } else if (header.type === "directory") {
          await mkdir2(join5(root, ...name.split("/")), { recursive: true });
        } else if (header.type === "link" || header.type === "symlink") {
          const rawLink = header.linkname ?? "";
          const target = header.type === "link" ? archivePath(rawLink) : archivePath(posix.join(posix.dirname(name), rawLink));
          if (target !== void 0 && target !== "") archive.links.set(name, target);
        }
      },
      { maxEntries: MAX_ENTRIES }
    );
  } catch (error) {
    source.destroy();
    if (error instanceof VerificationError) throw error;
    if (error instanceof TarFormatError) {
      throw invalid(
        /ends inside a file/.test(error.message) ? "it ends in the middle of an entry" : error.message
      );
    }
    throw new VerificationError("invalid-archive", `cannot unpack ${what}: ${error.message}`, {
      cause: error
    });
  }
  return archive;
}
async function writeAll(handle, bytes) {
  for (let written = 0; written < bytes.length; ) {
    written += (await handle.write(bytes, written, bytes.length - written)).bytesWritten;
  }
}
function findFile(archive, path4) {
  let current = archivePath(path4);
  for (let hop = 0; current !== void 0 && hop <= MAX_LINK_HOPS; hop++) {
    const file = archive.files.get(current);
    if (file) return file;
    current = archive.links.get(current);
  }
  return void 0;
}
function archivePath(raw) {
  if (raw.startsWith("/")) return void 0;
  const parts = [];
  for (const part of raw.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." || !NAME_COMPONENT.test(part)) return void 0;
    parts.push(part);
  }
  return parts.join("/");
}

// src/adapters/docker/save.ts
var DOCKER_CONFIG_MEDIA_TYPE = "application/vnd.docker.container.image.v1+json";
var DOCKER_UNCOMPRESSED_LAYER_MEDIA_TYPE = "application/vnd.docker.image.rootfs.diff.tar";
var MAX_CONFIG_BYTES = 8 * 1024 * 1024;
async function openSavedImage(archive, imageId, what) {
  assertSha256Digest(imageId, `the image ID of ${what}`);
  const fromLayout = archive.files.has("oci-layout") && archive.files.has("index.json") ? await readFromLayout(archive, imageId, what) : void 0;
  return fromLayout ?? readFromManifestJson(archive, imageId, what);
}
async function readFromLayout(archive, imageId, what) {
  const store = new OciLayoutStore(archive.root);
  const index = parseJsonObject(
    await readSmallFile(findFile(archive, "index.json"), MAX_MANIFEST_BYTES, what),
    `index.json of ${what}`
  );
  const digests = Array.isArray(index.manifests) ? [...new Set(index.manifests.map((entry) => entry?.digest))] : [];
  for (const digest of digests) {
    if (typeof digest !== "string") continue;
    const manifest = await store.getManifest(digest);
    const isImage = digest === imageId || !isIndexMediaType(manifest.mediaType) && configDigest(manifest) === imageId;
    if (!isImage) continue;
    if (!isIndexMediaType(manifest.mediaType)) await checkLayerCount(manifest, store, what);
    return {
      manifest,
      origin: "engine",
      getManifest: (wanted) => store.getManifest(wanted),
      getBlob: (wanted, maxBytes) => store.getBlob(wanted, maxBytes)
    };
  }
  return void 0;
}
async function readFromManifestJson(archive, imageId, what) {
  const invalid = (reason) => new VerificationError("invalid-docker-archive", `${what}: ${reason}`);
  const listing = findFile(archive, "manifest.json");
  if (!listing) throw invalid("it has neither an index.json entry for the image nor a manifest.json");
  let entries;
  try {
    entries = JSON.parse((await readSmallFile(listing, MAX_MANIFEST_BYTES, what)).toString());
  } catch {
    throw invalid("manifest.json is not valid JSON");
  }
  if (!Array.isArray(entries)) throw invalid("manifest.json is not a list");
  const entry = entries.find((candidate) => {
    const config2 = candidate?.Config;
    return typeof config2 === "string" && findFile(archive, config2)?.digest === imageId;
  });
  if (!entry) {
    throw invalid(
      `manifest.json lists no image whose config is ${imageId}, the image the engine inspected (if its tag moved meanwhile, run the gate again)`
    );
  }
  const config = findFile(archive, entry.Config);
  const configJson = parseJsonObject(
    await readSmallFile(config, MAX_CONFIG_BYTES, what),
    `the config of ${what}`
  );
  const diffIds = configJson.rootfs?.diff_ids;
  const layerPaths = entry.Layers;
  if (!Array.isArray(diffIds) || !Array.isArray(layerPaths) || diffIds.length !== layerPaths.length) {
    throw invalid("manifest.json and the config do not list the same number of layers");
  }
  const blobs = /* @__PURE__ */ new Map([[imageId, config]]);
  const layers = layerPaths.map((path4, position) => {
    const file = typeof path4 === "string" ? findFile(archive, path4) : void 0;
    if (!file)
      throw invalid(`layer ${position + 1} (${JSON.stringify(String(path4).slice(0, 200))}) is missing`);
    if (file.digest !== diffIds[position]) {
      throw invalid(
        `layer ${position + 1} hashes to ${file.digest}, not to ${JSON.stringify(String(diffIds[position]).slice(0, 100))}, the diff ID its config lists`
      );
    }
    blobs.set(file.digest, file);
    return { mediaType: DOCKER_UNCOMPRESSED_LAYER_MEDIA_TYPE, size: file.size, digest: file.digest };
  });
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: DOCKER_MANIFEST_MEDIA_TYPE,
      config: { mediaType: DOCKER_CONFIG_MEDIA_TYPE, size: config.size, digest: imageId },
      layers
    })
  );
  const manifest = parseManifestDocument(bytes, { what: `the manifest describing ${what}` });
  return {
    manifest,
    origin: "described",
    getManifest: async (digest) => {
      if (digest === manifest.digest) return manifest;
      throw new VerificationError("manifest-not-found", `${what} holds no manifest ${digest}`);
    },
    getBlob: async (digest, maxBytes) => {
      const file = blobs.get(digest);
      if (!file) throw new VerificationError("blob-not-found", `${what} holds no blob ${digest}`);
      return readSmallFile(file, maxBytes, what, digest);
    }
  };
}
async function checkLayerCount(manifest, store, what) {
  const config = configDigest(manifest);
  if (config === void 0) return;
  const configJson = parseJsonObject(
    await store.getBlob(config, MAX_CONFIG_BYTES),
    `config ${config} of ${what}`
  );
  const diffIds = configJson.rootfs?.diff_ids;
  const layers = manifest.json.layers;
  if (Array.isArray(diffIds) && Array.isArray(layers) && diffIds.length !== layers.length) {
    throw new VerificationError(
      "invalid-docker-archive",
      `${what}: manifest ${manifest.digest} lists ${layers.length} layers but its config has ${diffIds.length}; the engine saved the image incompletely (update Docker)`
    );
  }
}
function configDigest(manifest) {
  const digest = manifest.json.config?.digest;
  return typeof digest === "string" ? digest : void 0;
}
async function readSmallFile(file, maxBytes, what, expectedDigest) {
  if (file.size > maxBytes) throw blobTooLarge(`${file.path} in ${what}`, maxBytes);
  const bytes = await readFile(file.path);
  if (expectedDigest !== void 0) verifyDigest(bytes, expectedDigest, `${file.path} in ${what}`);
  return bytes;
}

// src/adapters/docker/engine.ts
var DockerEngineStore = class {
  constructor(reference, options = {}) {
    this.reference = reference;
    this.cli = new DockerCli(options);
    this.tempDir = options.tempDir ?? tmpdir();
    this.location = `docker:${reference.engineReference}`;
  }
  reference;
  kind = "docker";
  location;
  cli;
  tempDir;
  loaded;
  workDir;
  /** The image the reference names, as saved: inspected and saved once, whatever is asked first. */
  async resolve() {
    return (await this.load()).saved.manifest;
  }
  async getManifest(digest) {
    return (await this.load()).saved.getManifest(digest);
  }
  async getBlob(digest, maxBytes) {
    return (await this.load()).saved.getBlob(digest, maxBytes);
  }
  /** A local image has no registry tags, so nothing is attached to it under cosign's tags. */
  async findTag() {
    return void 0;
  }
  async listReferrers() {
    return { supported: false, uri: this.location };
  }
  manifestUri(digestOrTag) {
    return `${this.location}@${digestOrTag}`;
  }
  async engineImage() {
    return (await this.load()).engine;
  }
  async close() {
    await this.loaded?.catch(() => void 0);
    if (this.workDir) await rm2(this.workDir, { recursive: true, force: true });
  }
  load() {
    this.loaded ??= this.inspectAndSave();
    return this.loaded;
  }
  async inspectAndSave() {
    const { engineReference } = this.reference;
    const inspected = await this.cli.inspectImage(engineReference);
    this.workDir = await mkdtemp(join6(this.tempDir, "supply-chain-gate-docker-"));
    const tarPath = join6(this.workDir, "image.tar");
    const unpacked = join6(this.workDir, "image");
    await this.cli.saveImage(this.reference.imageId === void 0 ? engineReference : inspected.id, tarPath);
    const what = `the image docker save wrote for ${engineReference}`;
    await mkdir3(unpacked);
    const archive = await unpackTar(tarPath, unpacked, what);
    await rm2(tarPath, { force: true });
    const saved = await openSavedImage(archive, inspected.id, what);
    return {
      saved,
      engine: {
        imageId: inspected.id,
        repoDigests: inspected.repoDigests,
        savedDigest: saved.manifest.digest,
        savedManifest: saved.origin
      }
    };
  }
};

export {
  OciLayoutStore,
  unpackTar,
  DockerEngineStore
};
