//! Persistence: what a stored draft looks like (`entry`, pure and tested natively), which drafts
//! were opened last (`opened`), and the browser's local storage (`local`, wasm only).

pub mod entry;
#[cfg(target_arch = "wasm32")]
pub mod local;
pub mod opened;
