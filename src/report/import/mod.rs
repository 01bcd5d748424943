//! 导入已发布的年报: a published report page (saved HTML, or its text pasted) read back into a
//! draft, with a report of what was recognised, cell by cell.
//!
//! Nothing is guessed: a row whose label matches no official row, or whose count of values
//! does not fit, is reported and left out; a cell not found stays blank. Only what the format
//! spec says about real pages is assumed: blank, 0, `/`, `-` and `无` in a found row mean 0.

pub mod hant;
pub mod html;
mod imported;
pub mod label;
mod page;
mod place;
mod report;
pub mod value;

pub use imported::Imported;
pub use page::{
    read_published, CellRead, CellStatus, FieldRead, Recognition, SectionRead, Tally, Unplaced,
};
pub use report::{report_html, status_class};

/// The largest page read: saved pages carry scripts and styles, so more than a draft file.
pub const MAX_PAGE_BYTES: usize = 4 * crate::report::file::MAX_FILE_BYTES;

/// Why a page of `bytes` is not read: it is over [`MAX_PAGE_BYTES`].
pub fn page_too_large(bytes: usize) -> crate::report::Message {
    use crate::report::file::size;
    crate::report::Message::new(
        format!(
            "文件过大（{}），网页文件不超过{}",
            size(bytes),
            size(MAX_PAGE_BYTES)
        ),
        format!(
            "The file is too large ({}); a saved page is at most {}",
            size(bytes),
            size(MAX_PAGE_BYTES)
        ),
    )
}

/// The encoding to decode a page that is not UTF-8 with: the one its `<meta>` declares, else
/// GBK (government sites serve GBK pages, often without saying so). Both shells decode with it.
pub fn page_charset(bytes: &[u8]) -> String {
    declared_charset(bytes).unwrap_or_else(|| "gbk".into())
}

/// The character encoding a page declares in its `<meta>` (e.g. `gbk`), lower-cased.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head: String = bytes
        .iter()
        .take(4096)
        .map(|&b| {
            if b.is_ascii() {
                b.to_ascii_lowercase() as char
            } else {
                ' '
            }
        })
        .collect();
    let at = head.find("charset=")? + "charset=".len();
    let name: String = head[at..]
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    (!name.is_empty()).then_some(name)
}
