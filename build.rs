//! Keeps the link relocations in the browser app's wasm when it is built to be split: without
//! them `scripts/split-wasm.sh` cannot move the draft screens into a module of their own. Only
//! the `nianbao` binary gets them, so the worker and the tests link as before.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    // The release's build date (`report::version::build_date`), set by scripts/trunk-build.sh.
    println!("cargo::rerun-if-env-changed=NIANBAO_BUILD_DATE");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo::rustc-link-arg-bin=nianbao=--emit-relocs");
    }
}
