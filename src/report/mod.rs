//! The report domain, pure Rust with no web dependency: the official formats as data, the draft
//! and its file format, number parsing, computed cells, the consistency rules and the export.
//! Everything here compiles and is tested natively; the browser shell only displays and edits it.

pub mod area;
pub mod bindings;
pub mod calendar;
pub mod chart;
pub mod compute;
pub mod cross_year;
pub mod docx;
pub mod draft;
pub mod export;
pub mod fee;
pub mod file;
pub mod finding;
pub mod grid;
pub mod hant;
pub mod import;
pub mod kind;
pub mod layout;
pub mod markup;
pub mod message;
pub mod next_year;
pub mod ntext;
pub mod number;
pub mod progress;
pub mod rules;
pub mod sample;
pub mod template;
pub mod templates;
pub mod version;

pub use compute::{CellValue, Sheet};
pub use draft::{Draft, Meta, SectionText, Site};
pub use finding::{Finding, Location, Severity};
pub use message::{Lang, Message};
pub use rules::check;
pub use template::Rule;
pub use template::{SectionKey, Template};
