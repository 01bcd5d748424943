//! The browser shell: Leptos components that display and edit the report core. No arithmetic,
//! rules or HTML strings live here; they come from `crate::report`.

mod app;
mod preview;
mod section_list;

pub use app::App;
