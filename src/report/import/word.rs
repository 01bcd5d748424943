//! A Word file (.docx) read as lines of cells, like a saved page: each paragraph a line, each
//! table row a line of its cells, so that the rest of the importer reads it as it reads a page.
//! The zip is opened by the `zip` crate and `word/document.xml` read by `quick-xml`; only the
//! elements that carry text and table structure are looked at, so the markup of other editors
//! (WPS, content controls, tracked changes, smart tags) passes through.
//!
//! As in a page: a cell continuing a vertical merge (`vMerge`) is not a cell of its row (HTML
//! has no cell under a `rowspan`); a number split over several runs is one text; deleted text
//! and field codes are not text; a text box's paragraphs are lines of their own.

use super::html::{Line, PageLines};
use crate::report::message::Message;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::Read;

/// The largest `word/document.xml` read, uncompressed (a report's is well under 2 MB).
const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

/// Why a Word file could not be read.
fn unreadable(zh: &str, en: &str) -> Message {
    Message::new(
        format!("无法读取这个Word文件（{zh}）：请在Word或WPS中打开后另存为.docx再试"),
        format!("This Word file cannot be read ({en}): open it in Word or WPS, save it as .docx and try again"),
    )
}

/// The lines of a .docx file.
pub fn docx_lines(bytes: &[u8]) -> Result<PageLines, Message> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|_| unreadable("不是有效的.docx压缩包", "not a valid .docx archive"))?;
    let mut part = zip
        .by_name("word/document.xml")
        .map_err(|_| unreadable("缺少正文 word/document.xml", "no word/document.xml"))?;
    // Past the limit is said, never cut silently (a zip bomb unpacks to gigabytes).
    let mut xml = String::new();
    part.by_ref()
        .take(MAX_DOCUMENT_BYTES + 1)
        .read_to_string(&mut xml)
        .map_err(|_| unreadable("正文不是UTF-8编码的XML", "the body is not UTF-8 XML"))?;
    if xml.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(Message::new(
            format!(
                "这个Word文件的正文解压后超过{} MB，不是一份年报的大小，没有读取",
                MAX_DOCUMENT_BYTES / (1024 * 1024)
            ),
            format!(
                "This Word file's body unpacks to more than {} MB, far beyond a report's; not read",
                MAX_DOCUMENT_BYTES / (1024 * 1024)
            ),
        ));
    }
    read_document(&xml).map_err(|e| unreadable(&e, &e))
}

/// One open table: the row being read, the cell being read (`None` inside a cell that
/// continues a vertical merge), and where its lines start.
struct OpenTable {
    row: Option<Line>,
    cell: Option<String>,
    skip_cell: bool,
    start: usize,
}

#[derive(Default)]
struct Scan {
    lines: Vec<Line>,
    tables: Vec<std::ops::Range<usize>>,
    open: Vec<OpenTable>,
    /// Paragraphs being read, innermost last (a text box's paragraphs sit inside another's).
    paragraphs: Vec<String>,
    /// Inside `w:t`: its text is the document's.
    in_text: bool,
    /// Inside an element whose content is not the document's text (a fallback copy, a field
    /// code, deleted text).
    skipping: usize,
}

impl Scan {
    fn push_text(&mut self, text: &str) {
        if let Some(p) = self.paragraphs.last_mut() {
            p.push_str(text);
        }
    }

    fn start(&mut self, e: &BytesStart, empty: bool) {
        let name = e.local_name();
        match name.as_ref() {
            b"p" if !empty => self.paragraphs.push(String::new()),
            b"t" => self.in_text = !empty,
            b"tab" => self.push_text(" "),
            b"br" | b"cr" => {
                let page = attr(e, b"type").is_some_and(|t| t == "page");
                if !page {
                    self.push_text("\n");
                }
            }
            b"tbl" => {
                // A table inside a cell: the cell's text so far is lines of its own.
                if let Some(t) = self.open.last_mut() {
                    if let Some(text) = t.cell.take() {
                        push_lines(&mut self.lines, &text);
                    }
                    t.cell = Some(String::new());
                }
                self.open.push(OpenTable {
                    row: None,
                    cell: None,
                    skip_cell: false,
                    start: self.lines.len(),
                });
            }
            b"tr" => {
                if let Some(t) = self.open.last_mut() {
                    t.row = Some(Vec::new());
                }
            }
            b"tc" => {
                if let Some(t) = self.open.last_mut() {
                    t.cell = Some(String::new());
                    t.skip_cell = false;
                }
            }
            b"vMerge" => {
                // No value, or `continue`: the cell belongs to the one above.
                let continues = attr(e, b"val").is_none_or(|v| v == "continue");
                if let Some(t) = self.open.last_mut() {
                    t.skip_cell = continues;
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        match name {
            b"t" => self.in_text = false,
            b"p" => {
                let Some(text) = self.paragraphs.pop() else {
                    return;
                };
                if !self.paragraphs.is_empty() {
                    // A text box inside a paragraph: its own line, before the paragraph's.
                    push_lines(&mut self.lines, &text);
                    return;
                }
                match self.open.last_mut().and_then(|t| t.cell.as_mut()) {
                    Some(cell) => {
                        if !cell.is_empty() {
                            cell.push('\n');
                        }
                        cell.push_str(&text);
                    }
                    None => push_lines(&mut self.lines, &text),
                }
            }
            b"tc" => {
                if let Some(t) = self.open.last_mut() {
                    let text = t.cell.take().unwrap_or_default();
                    if !t.skip_cell {
                        let text = text
                            .split('\n')
                            .map(clean)
                            .filter(|p| !p.is_empty())
                            .collect::<Vec<_>>()
                            .join("\n");
                        if let Some(row) = t.row.as_mut() {
                            row.push(text);
                        }
                    }
                    t.skip_cell = false;
                }
            }
            b"tr" => {
                if let Some(row) = self.open.last_mut().and_then(|t| t.row.take()) {
                    if !row.is_empty() {
                        self.lines.push(row);
                    }
                }
            }
            b"tbl" => {
                if let Some(t) = self.open.pop() {
                    self.tables.push(t.start..self.lines.len());
                }
            }
            _ => {}
        }
    }
}

/// Pushes each line of `text` that holds something.
fn push_lines(lines: &mut Vec<Line>, text: &str) {
    for part in text.split('\n') {
        let part = clean(part);
        if !part.is_empty() {
            lines.push(vec![part]);
        }
    }
}

/// White space as a browser shows it: runs of it become one space, none at the ends.
fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn attr(e: &BytesStart, local: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local)
            .then(|| String::from_utf8_lossy(&a.value).into_owned())
    })
}

/// Elements whose content is not the document's text: Word's fallback copy of a drawing
/// (the text box is read from the choice), field codes, deleted text, the section's
/// properties.
fn skipped(local: &[u8]) -> bool {
    matches!(
        local,
        b"Fallback"
            | b"instrText"
            | b"delText"
            | b"del"
            | b"moveFrom"
            | b"sectPr"
            | b"rPr"
            | b"pPr"
    )
}

/// Reads `word/document.xml`.
fn read_document(xml: &str) -> Result<PageLines, String> {
    let mut reader = Reader::from_str(xml);
    let mut scan = Scan::default();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("XML @{}: {e}", reader.buffer_position()))?;
        match event {
            Event::Start(e) => {
                let local = e.local_name();
                if scan.skipping > 0 || skipped(local.as_ref()) {
                    // vMerge sits in tcPr, which is not skipped; properties of runs and
                    // paragraphs hold no text.
                    scan.skipping += 1;
                    continue;
                }
                scan.start(&e, false);
            }
            Event::Empty(e) if scan.skipping == 0 => scan.start(&e, true),
            Event::End(e) => {
                if scan.skipping > 0 {
                    scan.skipping -= 1;
                    continue;
                }
                scan.end(e.local_name().as_ref());
            }
            Event::Text(t) if scan.in_text && scan.skipping == 0 => {
                let text = t.xml10_content().map_err(|e| e.to_string())?;
                scan.push_text(&text);
            }
            Event::CData(t) if scan.in_text && scan.skipping == 0 => {
                scan.push_text(&String::from_utf8_lossy(&t));
            }
            Event::GeneralRef(r) if scan.in_text && scan.skipping == 0 => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    scan.push_text(&c.to_string());
                } else if let Ok(name) = r.decode() {
                    if let Some(s) = quick_xml::escape::resolve_predefined_entity(&name) {
                        scan.push_text(s);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(PageLines {
        lines: scan.lines,
        title: String::new(),
        tables: scan.tables,
        pub_date: String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        )
    }

    #[test]
    fn paragraphs_runs_and_breaks() {
        let lines = read_document(&doc(
            "<w:p><w:r><w:t>一、</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>总体</w:t></w:r><w:r><w:t xml:space=\"preserve\">情况</w:t></w:r></w:p>\
             <w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行 &amp; 3&#x4E00;</w:t></w:r></w:p>\
             <w:p><w:del><w:r><w:delText>删去</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText><w:t>留下</w:t></w:r></w:p>",
        ))
        .unwrap();
        assert_eq!(
            lines.lines,
            vec![
                vec!["一、总体情况".to_string()],
                vec!["第一行".to_string()],
                vec!["第二行 & 3一".to_string()],
                vec!["留下".to_string()],
            ]
        );
    }

    #[test]
    fn tables_with_merged_cells_and_split_numbers() {
        let cell = |t: &str| format!("<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
        let merged_top = "<w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>（三）不予公开</w:t></w:r></w:p></w:tc>";
        let merged_below = "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>";
        let split = "<w:tc><w:p><w:r><w:t>1</w:t></w:r><w:r><w:t>2</w:t></w:r></w:p></w:tc>";
        let lines = read_document(&doc(&format!(
            "<w:tbl><w:tr>{merged_top}{}{split}</w:tr><w:tr>{merged_below}{}{}</w:tr></w:tbl>",
            cell("1.属于国家秘密"),
            cell("2.其他法律行政法规禁止公开"),
            cell("")
        )))
        .unwrap();
        assert_eq!(
            lines.lines,
            vec![
                vec![
                    "（三）不予公开".to_string(),
                    "1.属于国家秘密".into(),
                    "12".into()
                ],
                vec!["2.其他法律行政法规禁止公开".to_string(), String::new()],
            ]
        );
        assert_eq!(lines.tables, vec![0..2]);
    }

    #[test]
    fn a_label_over_two_paragraphs_of_a_cell_stays_one_cell() {
        let lines = read_document(&doc(
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>（二）部分公开</w:t></w:r></w:p><w:p><w:r><w:t>（区分处理的）</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>8</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        ))
        .unwrap();
        assert_eq!(
            lines.lines,
            vec![vec![
                "（二）部分公开\n（区分处理的）".to_string(),
                "8".into()
            ]]
        );
    }

    #[test]
    fn not_a_docx_is_a_message() {
        assert!(docx_lines(b"not a zip").is_err());
        assert!(read_document("<w:document><w:p>").is_ok() || read_document("<").is_err());
    }
}
