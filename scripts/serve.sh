#!/usr/bin/env bash
# Builds the app (release, with wasm-opt) and serves it on 127.0.0.1; prints the address.
# PORT=9000 scripts/serve.sh picks another port.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
port=${PORT:-8080}
printf '\n==> Building and serving nianbao at  http://127.0.0.1:%s/  (Ctrl-C stops)\n' "$port"
exec trunk serve --release --offline --address 127.0.0.1 --port "$port"
