//! The native tests of the report core and of `nianbao-cli`, as one test binary (as ripgrep
//! keeps its integration tests): one link instead of one per file, which costs minutes on two
//! cores. `tests/web.rs` runs in Chromium (wasm-bindgen-test) and stays apart.

#![cfg(not(target_arch = "wasm32"))]

mod common;

mod architecture;
mod area;

mod bindings;
mod cli;
mod draft_file;
mod export;
mod grid;
mod import;
mod next_year;
mod ntext;
mod number;
mod progress;
mod properties;
mod real;
mod round_trip;
mod rules;
mod storage;
mod templates;
