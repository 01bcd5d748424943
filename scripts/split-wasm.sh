#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml): splits the app's wasm into parts, so that the first
# download carries the start screen and the rest follows as modules of their own (issue #5,
# src/ui/deferred.rs). Trunk 0.21 cannot split, so this redoes its last steps on the wasm cargo
# built (linked with --emit-relocs, see build.rs):
#   1. wasm-split-cli cuts it at the `#[wasm_split]` points: a main module, one module per split
#      point, a module for what they share, and a small JS loader;
#   2. wasm-bindgen turns the main module into the same two files Trunk wrote (same names, so
#      index.html needs no change), keeping the exports the split module imports;
#   3. wasm-opt -Oz on every module in a release build, as Trunk does.
# Every file carries the build's hash in its name, so a browser never mixes a cached module of
# one build with another build's main module.
set -euo pipefail

staging=${TRUNK_STAGING_DIR:?"run by Trunk as a post_build hook (see Trunk.toml)"}
source_dir=${TRUNK_SOURCE_DIR:-$PWD}
profile=${TRUNK_PROFILE:-debug}
die() { echo "split-wasm: $*" >&2; exit 1; }
command -v python3 >/dev/null || die "python3 is missing (it reads cargo metadata)"
# Where cargo put the wasm, as Trunk finds it (CARGO_TARGET_DIR, build.target-dir, …).
target_dir=$(cd "$source_dir" && cargo metadata --no-deps --format-version 1 --offline |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])') ||
  die "cargo metadata failed"
input="$target_dir/wasm32-unknown-unknown/$profile/nianbao.wasm"
[ -f "$input" ] || die "no $input: did Trunk build the nianbao binary?"
# The files below are rewritten after Trunk hashed them: an integrity attribute would not match.
if grep -q 'integrity=[^>]*nianbao-[0-9a-f]*[._]' "$staging/index.html" 2>/dev/null ||
   grep -q 'nianbao-[0-9a-f]*[._][^>]*integrity=' "$staging/index.html" 2>/dev/null; then
  die "index.html has an integrity attribute on the app's files: keep data-integrity=\"none\""
fi
command -v wasm-split-cli >/dev/null || die "wasm-split-cli is missing: run scripts/setup.sh build"

shopt -s nullglob
glue=("$staging"/nianbao-[0-9a-f]*[0-9a-f].js)
[ ${#glue[@]} -eq 1 ] || die "expected one nianbao-<hash>.js in $staging, found ${#glue[@]}"
stem=$(basename "${glue[0]}" .js)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

wasm-split-cli "$input" "$work" --target web --out-name "$stem" >/dev/null
[ -f "$work/__wasm_split.js" ] || die "wasm-split-cli found no split point (is the split feature on?)"

wasm-bindgen --target web --no-typescript --keep-lld-exports --no-demangle \
  --out-dir "$work/bindgen" --out-name "$stem" "$work/$stem.wasm"

# The loader and the split modules get the build's name; the JS that fetches them is rewritten
# to match (only where a file is fetched or imported: the wasm's import names stay), and a
# rewrite that finds nothing stops the build.
rename_ref() { # file lines old new
  grep -q -E "$2.*\"$3\"" "$1" || die "no reference to $3 in $(basename "$1")"
  sed -i -E "/$2/s|\"$3\"|\"$4\"|" "$1"
}
rename_ref "$work/bindgen/$stem.js" "^import " "./__wasm_split.js" "./${stem}_split.js"
mv "$work/__wasm_split.js" "$work/${stem}_split.js"
modules=()
for wasm in "$work"/*.wasm; do
  name=$(basename "$wasm")
  [ "$name" = "$stem.wasm" ] && continue
  rename_ref "$work/${stem}_split.js" "fetch\\(new URL" "./$name" "./${stem}_$name"
  mv "$wasm" "$work/${stem}_$name"
  modules+=("${stem}_$name")
done
[ ${#modules[@]} -ge 1 ] || die "wasm-split-cli wrote no split module"

# The loader compiles each part with instantiateStreaming, which needs the server to send .wasm
# as application/wasm; many intranet servers do not. Like wasm-bindgen's own loader for the
# main module, fall back to compiling the bytes when the type is the only problem.
loader="$work/${stem}_split.js"
grep -q 'WebAssembly.instantiateStreaming(src, imports)' "$loader" ||
  die "the loader no longer calls instantiateStreaming(src, imports): check the fallback"
sed -i 's/WebAssembly.instantiateStreaming(src, imports)/nianbaoInstantiate(src, imports)/' "$loader"
! grep -q 'instantiateStreaming' "$loader" ||
  die "the loader calls instantiateStreaming in a form this script does not rewrite"
cat >> "$loader" <<'JS'
async function nianbaoInstantiate(src, imports) {
    const response = await src;
    if (!response.ok) throw new Error(`${response.status} ${response.url}`);
    try {
        return await WebAssembly.instantiateStreaming(response, imports);
    } catch (e) {
        if (response.bodyUsed || response.headers.get("Content-Type") === "application/wasm") throw e;
        return WebAssembly.instantiate(await response.arrayBuffer(), imports);
    }
}
JS

optimise() { # in out
  if [ "$profile" = release ]; then
    wasm-opt -Oz "$1" -o "$2"
  else
    cp "$1" "$2"
  fi
}
optimise "$work/bindgen/${stem}_bg.wasm" "$staging/${stem}_bg.wasm"
cp "$work/bindgen/$stem.js" "$staging/$stem.js"
cp "$work/${stem}_split.js" "$staging/"
for m in "${modules[@]}"; do
  optimise "$work/$m" "$staging/$m"
done
echo "split-wasm: ${stem}_bg.wasm + ${modules[*]} ($profile)"
