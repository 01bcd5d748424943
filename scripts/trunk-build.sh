#!/usr/bin/env bash
# The release build with wasm-opt into DIR (default dist/), one at a time per checkout: the test
# command, the server and the bench may run together, and Trunk's wasm-bindgen output under
# target/ is shared by every build of the checkout, so each waits for the other's build to end.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
mkdir -p target
exec 9>target/.trunk-build.lock
if ! flock -n 9; then
  echo "    waiting for another build of this checkout to finish…"
  flock 9
fi
rm -rf "$dist"
# The day this build was made, which the app shows beside its version (report/version.rs).
export NIANBAO_BUILD_DATE="${NIANBAO_BUILD_DATE:-$(date -u +%F)}"
trunk build --release --offline --dist "$dist"
