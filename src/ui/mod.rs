//! The browser shell: Leptos components that display and edit the report core. No arithmetic,
//! rules or HTML strings live here; they come from `crate::report`.

mod app;
mod audit_screen;
mod clipboard;
mod deferred;
mod download;
mod draft_screen;
mod drafts_list;
pub mod editing;
mod error_summary;
mod field;
mod i18n;
mod import;
mod import_published;
mod meta_step;
mod more_rows;
mod publish_guide;
mod review;
mod route;
mod save_status;
mod saver;
mod start;
mod status;
mod step_frame;
mod sum_screen;
pub mod table_editor;
mod table_step;
mod task_list;
mod text_step;
mod trusted;
#[doc(hidden)]
pub use trusted::{allowed, compiled_in};
mod units;
mod word;
mod worker;
mod year_link;

pub use app::App;
