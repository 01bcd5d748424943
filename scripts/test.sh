#!/usr/bin/env bash
# Runs every test: formatting and lints (native and wasm), the report core natively, the
# components in headless Chromium, the release build with wasm-opt, then the built app, the
# single file and the exported pages in headless Chromium and Firefox ESR (axe-core, the W3C Nu
# Html Checker). Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "Formatting and lints (native and wasm32)"
cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets --features split -- -D warnings

step "API docs, warnings as errors (native and wasm32)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --target wasm32-unknown-unknown --features split

step "Report core, natively"
cargo test
cargo build --bin nianbao-cli

step "Components in headless Chromium (wasm-bindgen-test)"
cargo test --target wasm32-unknown-unknown --test web

step "Release build with wasm-opt (Trunk)"
scripts/trunk-build.sh dist
ls -l dist

step "The app, the single file and the exported pages in headless Chromium and Firefox ESR"
rm -rf test-output
mkdir -p test-output
NIANBAO_CLI="$PWD/target/debug/nianbao-cli" node --test --test-concurrency=1 tests/e2e/
