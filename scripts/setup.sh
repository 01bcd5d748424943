#!/usr/bin/env bash
# Installs what nianbao needs, skipping whatever is already there (safe to run again and again).
#   scripts/setup.sh build   what building the app needs: the wasm32 target, Trunk, the
#                            wasm-bindgen CLI, wasm-opt and wasm-split-cli
#   scripts/setup.sh test    the same, plus Chromium, ChromeDriver, Firefox ESR, a CJK font, a JRE,
#                            LibreOffice Writer and Poppler
# Only the package registries are used (crates.io, npm, Debian); nothing downloads a binary.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-build}
TRUNK_VERSION=0.21.14
WASM_SPLIT_VERSION=0.2.4
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
have() { printf '    ok: %s\n' "$*"; }

# The CLI must equal the wasm-bindgen crate in Cargo.lock, or the built app will not load.
wasm_bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
trunk_pin=$(awk -F'"' '/^wasm_bindgen *=/ { print $2 }' Trunk.toml)
if [ "$wasm_bindgen_version" != "$trunk_pin" ]; then
  echo "Trunk.toml pins wasm_bindgen = \"$trunk_pin\" but Cargo.lock has $wasm_bindgen_version: make them equal." >&2
  exit 1
fi

step "Rust target wasm32-unknown-unknown"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  have "installed"
else
  rustup target add wasm32-unknown-unknown
fi

step "npm tools from package-lock.json (wasm-opt from binaryen, esbuild, playwright-core, puppeteer-core, axe-core, vnu-jar)"
if [ -f node_modules/.nianbao-lock ] && cmp -s package-lock.json node_modules/.nianbao-lock; then
  have "node_modules matches package-lock.json"
else
  # No install scripts: vnu-jar's would fetch a Java runtime, and Java comes from Debian here.
  npm ci --no-audit --no-fund --ignore-scripts
  cp package-lock.json node_modules/.nianbao-lock
fi

step "wasm-bindgen CLI $wasm_bindgen_version (compiles from crates.io: about 5 minutes the first time)"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }')" = "$wasm_bindgen_version" ] &&
   command -v wasm-bindgen-test-runner >/dev/null; then
  have "wasm-bindgen $wasm_bindgen_version"
else
  # Not --locked: its lock file wants a crate version the registry here does not have.
  cargo install wasm-bindgen-cli --version "$wasm_bindgen_version" --force
fi

step "Trunk $TRUNK_VERSION (compiles from crates.io: 11 to 16 minutes the first time)"
if [ "$(trunk --version 2>/dev/null | awk '{ print $2 }')" = "$TRUNK_VERSION" ]; then
  have "trunk $TRUNK_VERSION"
else
  cargo install trunk --locked --version "$TRUNK_VERSION" --force
fi

step "wasm-split-cli $WASM_SPLIT_VERSION (compiles from crates.io: about a minute the first time)"
# Splits the app's wasm after Trunk's build (scripts/split-wasm.sh, the hook in Trunk.toml).
if cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  have "wasm-split-cli $WASM_SPLIT_VERSION"
else
  cargo install wasm_split_cli_support --locked --version "$WASM_SPLIT_VERSION" --features build-binary --force
fi

if [ "$mode" = test ]; then
  step "Chromium, ChromeDriver, Firefox ESR, a CJK font, a JRE, LibreOffice Writer and Calc, and Poppler (Debian packages)"
  need=()
  command -v chromium >/dev/null || need+=(chromium)
  command -v chromedriver >/dev/null || need+=(chromium-driver)
  command -v firefox-esr >/dev/null || need+=(firefox-esr)
  dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need+=(fonts-wqy-microhei)
  command -v java >/dev/null || need+=(default-jre-headless)
  command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
  # Calc opens the .xlsx of 汇总 and 检查 in a test.
  dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
  command -v pdftoppm >/dev/null || need+=(poppler-utils)
  if [ ${#need[@]} -eq 0 ]; then
    have "chromium, chromedriver, firefox-esr, fonts-wqy-microhei, java, soffice (Writer, Calc), pdftoppm"
  else
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${need[@]}"
  fi
fi
step "Tools ready"
