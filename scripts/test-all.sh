#!/usr/bin/env bash
# The README's test command: installs what the integration tests need when it is missing, then
# type-checks, lints and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=()
command -v docker-registry >/dev/null || packages+=(docker-registry)
command -v skopeo >/dev/null || packages+=(skopeo)
command -v umoci >/dev/null || packages+=(umoci)
command -v htpasswd >/dev/null || packages+=(apache2-utils)
command -v podman >/dev/null || packages+=(podman)
command -v tinyproxy >/dev/null || packages+=(tinyproxy)
command -v chromium >/dev/null || packages+=(chromium)
if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing test tools: ${packages[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  else
    echo "The integration tests need these Debian packages: ${packages[*]}" >&2
    echo "Install them (sudo apt-get install -y ${packages[*]}) and run this again." >&2
    exit 2
  fi
fi

[ -d node_modules ] || npm ci
npm run build
npm run lint
npm test
