#!/usr/bin/env bash
# Builds the release app and measures it against the SurveyJS peer page (bench/), printing one
# table. Installs what is missing first, like the test command.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
if [ -f bench/node_modules/.nianbao-lock ] && cmp -s bench/package-lock.json bench/node_modules/.nianbao-lock; then
  echo "    ok: bench/node_modules matches bench/package-lock.json"
else
  (cd bench && npm ci --no-audit --no-fund --ignore-scripts && cp package-lock.json node_modules/.nianbao-lock)
fi
scripts/trunk-build.sh dist
cargo build --release --bin nianbao-cli
mkdir -p test-output
node bench/run.mjs
node bench/keystroke.mjs
node bench/area.mjs
