#!/usr/bin/env bash
# Builds the app once (release, with wasm-opt) into a folder of its own and serves it on
# 127.0.0.1 with no live reload and no rebuilding: it can be left running while
# scripts/test.sh runs in the same checkout (the tests build and use dist/, never this folder).
# Prints the address. PORT=9000 scripts/serve.sh picks another port (PORT=0: any free one).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
port=${PORT:-8080}
out=target/serve-dist
printf '\n==> Building nianbao (release) into %s\n' "$out"
scripts/trunk-build.sh "$out"
exec node scripts/static-server.mjs "$out" "$port"
