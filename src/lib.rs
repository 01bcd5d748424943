//! nianbao (年报): an in-browser builder for the 政府信息公开工作年度报告.
//!
//! `report` is the pure domain, compiled and tested natively; `ui` is the Leptos shell that only
//! displays and edits it, built for the browser alone.

pub mod report;

pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
