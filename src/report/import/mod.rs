//! 导入已发布的年报: a published report page (saved HTML, or its text pasted) read back into a
//! draft, with a report of what was recognised, cell by cell.
//!
//! Nothing is guessed: a row whose label matches no official row, or whose count of values
//! does not fit, is reported and left out; a cell not found stays blank. Only what the format
//! spec says about real pages is assumed: blank, 0, `/`, `-` and `无` in a found row mean 0.

pub mod decode;
mod flat;
mod head;
pub mod html;
mod imported;
pub mod label;
pub mod mhtml;
mod page;
mod place;
mod report;
mod runs;
pub mod source;
mod unwrap;
pub mod value;
pub mod word;

pub use head::FieldRead;
pub use imported::Imported;
pub use page::{
    read_lines, read_published, CellRead, CellStatus, Recognition, SectionRead, Tally, Unplaced,
};
pub use report::{report_html, status_class, unplaced_pages, UNPLACED_PAGE};
pub use source::{read_file, Kind};

/// The largest page read: saved pages carry scripts and styles, so more than a draft file.
pub const MAX_PAGE_BYTES: usize = 4 * crate::report::file::MAX_FILE_BYTES;

/// Why a page of `bytes` is not read: it is over [`MAX_PAGE_BYTES`].
pub fn page_too_large(bytes: usize) -> crate::report::Message {
    let (over, limit) = crate::report::file::sizes_apart(bytes, MAX_PAGE_BYTES);
    crate::report::Message::new(
        format!("文件过大（{over}），网页文件不超过{limit}"),
        format!("The file is too large ({over}); a saved page is at most {limit}"),
    )
}
