#!/usr/bin/env bash
# Rebuilds examples/demo: a small OCI image layout (umoci) and a Trivy report bound to its digest,
# derived from Trivy's own alpine-39 golden output (Apache-2.0, see test/fixtures/third-party/trivy).
# The image digest changes on every rebuild (timestamps), which is why the outputs are committed.
set -euo pipefail
cd "$(dirname "$0")/.."
demo=examples/demo
layout=$demo/app-oci
rm -rf "$layout"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

umoci init --layout "$layout"
umoci new --image "$layout:1.0"
mkdir -p "$work/rootfs/app"
printf '#!/bin/sh\necho "hello from the supply-chain-gate demo"\n' > "$work/rootfs/app/hello.sh"
chmod 0755 "$work/rootfs/app/hello.sh"
umoci insert --image "$layout:1.0" "$work/rootfs/app" /app
umoci config --image "$layout:1.0" \
  --config.entrypoint /app/hello.sh \
  --config.env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --config.label org.opencontainers.image.source=https://github.com/acme/demo-app \
  --config.label org.opencontainers.image.title=demo-app \
  --history.created_by 'COPY app/ /app # supply-chain-gate demo'
umoci gc --layout "$layout"

digest=$(node -e '
  const index = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const m = index.manifests.find((d) => d.annotations?.["org.opencontainers.image.ref.name"] === "1.0");
  process.stdout.write(m.digest);' "$layout/index.json")

node -e '
  const fs = require("fs");
  const [golden, digest, out] = process.argv.slice(1);
  const report = JSON.parse(fs.readFileSync(golden, "utf8"));
  report.ArtifactName = "demo-app:1.0";
  report.Metadata.RepoTags = ["demo-app:1.0"];
  report.Metadata.RepoDigests = [`demo-app@${digest}`];
  fs.writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
' test/fixtures/third-party/trivy/alpine-39.json.golden "$digest" "$demo/trivy.json"
echo "demo image: oci:$layout:1.0 @ $digest"
