//! Where last year's report is: a file of any kind a clerk has — a page saved from the site
//! (`.html`, or `.mht`/`.mhtml` as one file), the Word file it was drafted in (`.docx`), text
//! copied from a PDF — told apart by its name and its first bytes, and read into the same
//! recognition report. The CLI and the app's worker both read files through [`read_file`].

use super::decode::decode;
use super::page::{read_lines, read_published, Recognition};
use super::{mhtml, word};
use crate::report::message::Message;

/// What kind of file it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A saved page or its text (HTML or plain text).
    Page,
    /// A single-file saved page (MIME).
    SingleFilePage,
    /// A Word file (.docx).
    Word,
    /// An old binary Word file (.doc), which is not read.
    OldWord,
    /// A PDF, which is not read: its text is pasted instead.
    Pdf,
}

/// The kind of a file from its name and first bytes (the bytes win when they are clear).
pub fn kind(name: &str, bytes: &[u8]) -> Kind {
    let name = name.to_lowercase();
    if bytes.starts_with(b"PK\x03\x04") {
        return Kind::Word;
    }
    if bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]) || name.ends_with(".doc") {
        return Kind::OldWord;
    }
    if bytes.starts_with(b"%PDF") || name.ends_with(".pdf") {
        return Kind::Pdf;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_lowercase();
    let mime = head.contains("mime-version:") && head.contains("content-type: multipart/");
    if mime || name.ends_with(".mht") || name.ends_with(".mhtml") {
        return Kind::SingleFilePage;
    }
    if name.ends_with(".docx") {
        return Kind::Word;
    }
    Kind::Page
}

/// Whether a file name is one of the kinds [`read_file`] takes (a draft file is not).
pub fn is_report_file(name: &str) -> bool {
    let name = name.to_lowercase();
    [
        ".html", ".htm", ".shtml", ".txt", ".mht", ".mhtml", ".docx", ".doc", ".pdf",
    ]
    .iter()
    .any(|ext| name.ends_with(ext))
}

/// The file extensions a picker offers for [`read_file`].
pub const ACCEPT: &str = ".html,.htm,.shtml,.txt,.mht,.mhtml,.docx,.doc,.pdf,text/html,text/plain,multipart/related,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Reads a file holding last year's report into a recognition report with a draft of id `id`;
/// a file that cannot be a report (an old .doc, a PDF, damage) is a message saying what to do.
pub fn read_file(name: &str, bytes: &[u8], id: &str) -> Result<Recognition, Message> {
    if bytes.len() > super::MAX_PAGE_BYTES {
        return Err(super::page_too_large(bytes.len()));
    }
    match kind(name, bytes) {
        Kind::OldWord => Err(Message::new(
            "这是旧版Word文件（.doc），无法直接读取：请在Word或WPS中打开，选择“另存为”，保存类型选“Word文档（*.docx）”，再导入保存的.docx文件。",
            "This is an old Word file (.doc), which cannot be read: open it in Word or WPS, choose Save As, pick “Word Document (*.docx)”, and import the .docx file.",
        )),
        Kind::Pdf => Err(Message::new(
            "PDF文件无法直接读取：请在PDF阅读器中打开，全选（Ctrl+A）并复制文字，粘贴到“或粘贴网页文字”框中识别。",
            "A PDF cannot be read as a file: open it in a PDF reader, select all (Ctrl+A), copy the text and paste it into the text box to be recognised.",
        )),
        Kind::Word => Ok(read_lines(word::docx_lines(bytes)?, id)),
        Kind::SingleFilePage => {
            let page = mhtml::page(bytes)?;
            Ok(with_replaced(read_published(&page.text, id), page.replaced))
        }
        Kind::Page => {
            let page = decode(bytes, None);
            Ok(with_replaced(read_published(&page.text, id), page.replaced))
        }
    }
}

/// The report says how many bytes could not be decoded.
fn with_replaced(mut r: Recognition, replaced: usize) -> Recognition {
    if replaced > 0 {
        r.notes.push(Message::new(
            format!("页面中有{replaced}处无法按其编码识别的字节，已像浏览器一样显示为“\u{fffd}”；附近的文字请核对。"),
            format!("{replaced} byte sequences could not be decoded and show as “\u{fffd}”, as in a browser; check the text near them."),
        ));
    }
    r
}
