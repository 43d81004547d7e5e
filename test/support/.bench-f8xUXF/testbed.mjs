// test/support/registry.ts
import { execFile, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { access, constants, mkdir, mkdtemp, readFile, rm, rmdir, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
var TESTBED_TOOLS = {
  "docker-registry": "docker-registry",
  skopeo: "skopeo",
  umoci: "umoci",
  htpasswd: "apache2-utils"
};
var PORT_ATTEMPTS = 5;
var STARTUP_TIMEOUT_MS = 1e4;
async function requireTestbedTools() {
  const missing = [];
  for (const [binary, pkg] of Object.entries(TESTBED_TOOLS)) {
    if (!await isOnPath(binary)) missing.push(`${binary} (package ${pkg})`);
  }
  if (missing.length > 0) {
    throw new Error(
      `the integration tests need ${missing.join(", ")}; install them with: apt-get install -y docker-registry skopeo umoci apache2-utils`
    );
  }
}
async function startRegistry(options = {}) {
  const dir = await mkdtemp(join(tmpdir(), "scg-registry-"));
  try {
    const credentials = options.auth ? { username: "tester", password: `pw-${randomBytes(12).toString("hex")}` } : void 0;
    if (credentials) {
      const { stdout } = await run("htpasswd", ["-Bbn", credentials.username, credentials.password]);
      await writeFile(join(dir, "htpasswd"), stdout.trim() + "\n");
    }
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const started = await tryStartRegistry(dir, port, credentials !== void 0);
      if (started.ok) {
        const { child } = started;
        return {
          host: `127.0.0.1:${port}`,
          url: `http://127.0.0.1:${port}`,
          ...credentials,
          stop: async () => {
            await stopProcess(child);
            await rm(dir, { recursive: true, force: true });
          }
        };
      }
      if (!started.portTaken || attempt === PORT_ATTEMPTS) throw new Error(started.reason);
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
async function buildImage(options = {}) {
  const tag = options.tag ?? "test";
  return inNewLayout(async (layoutDir) => {
    const image = `${layoutDir}:${tag}`;
    await run("umoci", ["new", "--image", image]);
    if (options.files && Object.keys(options.files).length > 0) {
      const rootfs = await mkdtemp(join(tmpdir(), "scg-rootfs-"));
      try {
        for (const [path, content] of Object.entries(options.files)) {
          const target = join(rootfs, path);
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, content);
        }
        await run("umoci", ["insert", "--image", image, rootfs, "/"]);
      } finally {
        await rm(rootfs, { recursive: true, force: true });
      }
    }
    const configFlags = [
      ...options.user === void 0 ? [] : [`--config.user=${options.user}`],
      ...(options.env ?? []).map((entry) => `--config.env=${entry}`),
      ...Object.entries(options.labels ?? {}).map(([key, value]) => `--config.label=${key}=${value}`)
    ];
    if (configFlags.length > 0) await run("umoci", ["config", "--image", image, ...configFlags]);
    return { layoutDir, tag };
  });
}
async function buildMultiPlatformImage(platforms, tag = "multi") {
  return inNewLayout(async (layoutDir) => {
    const manifests = [];
    for (const [position, platform] of platforms.entries()) {
      const image = `${layoutDir}:platform-${position}`;
      const name = [platform.os, platform.architecture, platform.variant].filter(Boolean).join("/");
      await run("umoci", ["new", "--image", image]);
      await run("umoci", [
        "config",
        "--image",
        image,
        "--os",
        platform.os,
        "--architecture",
        platform.architecture,
        `--config.label=platform=${name}`
      ]);
      const [descriptor] = await readIndexManifests(layoutDir, `platform-${position}`);
      if (!descriptor) throw new Error(`umoci wrote no manifest for platform-${position} in ${layoutDir}`);
      const { mediaType, digest, size } = descriptor;
      manifests.push({ mediaType, digest, size, platform });
    }
    const index = Buffer.from(
      JSON.stringify({ schemaVersion: 2, mediaType: "application/vnd.oci.image.index.v1+json", manifests })
    );
    const indexDigest = await writeBlob(layoutDir, index);
    await writeFile(
      join(layoutDir, "index.json"),
      JSON.stringify({
        schemaVersion: 2,
        manifests: [
          {
            mediaType: "application/vnd.oci.image.index.v1+json",
            digest: indexDigest,
            size: index.byteLength,
            annotations: { "org.opencontainers.image.ref.name": tag }
          }
        ]
      })
    );
    return { layoutDir, tag, indexDigest };
  });
}
async function writeBlob(layoutDir, bytes) {
  const hex = createHash("sha256").update(bytes).digest("hex");
  await writeFile(join(layoutDir, "blobs", "sha256", hex), bytes);
  return `sha256:${hex}`;
}
async function readIndexManifests(layoutDir, tag) {
  const index = JSON.parse(await readFile(join(layoutDir, "index.json"), "utf8"));
  return index.manifests.filter(
    (entry) => tag === void 0 || entry.annotations?.["org.opencontainers.image.ref.name"] === tag
  );
}
async function pushImage(layoutDir, tag, registry, repository, destTag) {
  const digestDir = await mkdtemp(join(tmpdir(), "scg-digest-"));
  try {
    const digestFile = join(digestDir, "digest");
    const creds = registry.username === void 0 ? [] : ["--dest-creds", `${registry.username}:${registry.password ?? ""}`];
    await run("skopeo", [
      // Machines without /etc/containers/policy.json would otherwise refuse every copy.
      "--insecure-policy",
      "copy",
      "--all",
      "--dest-tls-verify=false",
      ...creds,
      "--digestfile",
      digestFile,
      `oci:${layoutDir}:${tag}`,
      `docker://${registry.host}/${repository}:${destTag}`
    ]);
    return (await readFile(digestFile, "utf8")).trim();
  } finally {
    await rm(digestDir, { recursive: true, force: true });
  }
}
async function inNewLayout(build) {
  const layoutDir = await mkdtemp(join(tmpdir(), "scg-layout-"));
  await rmdir(layoutDir);
  try {
    await run("umoci", ["init", "--layout", layoutDir]);
    return await build(layoutDir);
  } catch (error) {
    await rm(layoutDir, { recursive: true, force: true });
    throw error;
  }
}
async function tryStartRegistry(dir, port, auth) {
  const configPath = join(dir, `config-${port}.yml`);
  await writeFile(configPath, registryConfig(dir, port, auth));
  const child = spawn("docker-registry", ["serve", configPath], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk) => {
    output = (output + chunk.toString("utf8")).slice(-4e3);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  let exited = false;
  child.once("exit", () => exited = true);
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited || child.exitCode !== null) {
      return {
        ok: false,
        portTaken: /address already in use/i.test(output),
        reason: `docker-registry exited while starting: ${output.trim()}`
      };
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/v2/`, { signal: AbortSignal.timeout(1e3) });
      await response.body?.cancel();
      if (response.status === 200 || response.status === 401) return { ok: true, child };
    } catch {
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await stopProcess(child);
  return {
    ok: false,
    portTaken: false,
    reason: `docker-registry did not answer on port ${port}: ${output.trim()}`
  };
}
function registryConfig(dir, port, auth) {
  const lines = [
    "version: 0.1",
    "log:",
    "  level: error",
    "  accesslog:",
    "    disabled: true",
    "http:",
    `  addr: 127.0.0.1:${port}`,
    `  secret: ${randomBytes(16).toString("hex")}`,
    "storage:",
    "  filesystem:",
    `    rootdirectory: ${join(dir, "storage")}`,
    "  delete:",
    "    enabled: true",
    "  maintenance:",
    "    uploadpurging:",
    "      enabled: false"
  ];
  if (auth) {
    lines.push("auth:", "  htpasswd:", "    realm: testbed", `    path: ${join(dir, "htpasswd")}`);
  }
  return lines.join("\n") + "\n";
}
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 3e3);
  await exited;
  clearTimeout(timer);
}
function run(command, args) {
  return new Promise((resolve, reject) => {
    execFile(command, args, { encoding: "utf8", timeout: 6e4 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(" ")} failed: ${stderr.trim() || error.message}`));
      else resolve({ stdout, stderr });
    });
  });
}
async function isOnPath(binary) {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    try {
      await access(join(dir, binary), constants.X_OK);
      return true;
    } catch {
    }
  }
  return false;
}
export {
  buildImage,
  buildMultiPlatformImage,
  pushImage,
  readIndexManifests,
  requireTestbedTools,
  startRegistry,
  writeBlob
};
