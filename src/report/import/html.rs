//! A published page (HTML saved from a website, or its text pasted) as lines of cells.
//!
//! Government CMS pages are rarely valid HTML, so this is a forgiving scan rather than a
//! parser: table rows become lines of cells, paragraphs and line breaks end lines, scripts and
//! styles are dropped. Spans are not expanded: the importer reads a row as label cells then
//! value cells, which holds whether or not the spans survived.

/// One line of the page: a table row's cells, or a single cell for a line of text.
pub type Line = Vec<String>;

/// Whether `input` looks like HTML rather than text.
pub fn is_html(input: &str) -> bool {
    let head: String = input
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "<html",
        "<!doctype",
        "<body",
        "<table",
        "<p>",
        "<p ",
        "<div",
        "<br",
    ]
    .iter()
    .any(|t| head.contains(t))
}

/// A page as lines of cells.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageLines {
    /// Every line, in order.
    pub lines: Vec<Line>,
    /// The page's `<title>` (empty for text).
    pub title: String,
    /// The lines of each table (innermost first).
    pub tables: Vec<std::ops::Range<usize>>,
    /// The publication date a `<meta>` gives (`PubDate`, as 国办发〔2017〕47号 names it and the
    /// app writes it), as printed; empty when there is none.
    pub pub_date: String,
}

/// The lines of an HTML page, its `<title>`, and the lines of each table.
pub fn html_lines(html: &str) -> PageLines {
    let mut scan = Scan::default();
    let mut pub_date = String::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        scan.text(&rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            scan.text(rest);
            rest = "";
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let (name, closing) = tag_name(tag);
        if !closing && matches!(name.as_str(), "script" | "style" | "title" | "textarea") {
            // An unclosed <title> or <textarea> ends at the next tag, not at the end of the page.
            let close = find_close(rest, &name);
            let end = close.unwrap_or_else(|| match name.as_str() {
                "title" | "textarea" => rest.find('<').unwrap_or(rest.len()),
                _ => rest.len(),
            });
            if name == "title" {
                scan.title = decode(&rest[..end]).trim().to_string();
            }
            rest = &rest[end..];
            if close.is_some() {
                rest = rest.find('>').map_or("", |gt| &rest[gt + 1..]);
            }
            continue;
        }
        if name == "meta" && pub_date.is_empty() {
            let named = attribute(tag, "name").to_ascii_lowercase();
            if ["pubdate", "publishdate", "firstpublishedtime", "pubtime"].contains(&named.as_str())
            {
                pub_date = decode(&attribute(tag, "content")).trim().to_string();
            }
        }
        scan.tag(&name, closing);
    }
    scan.text(rest);
    scan.end_line();
    PageLines {
        lines: scan.lines,
        title: scan.title,
        tables: scan.tables,
        pub_date,
    }
}

/// The value of attribute `name` in a tag's text (quoted or not); empty when absent.
fn attribute(tag: &str, name: &str) -> String {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find(name).map(|i| i + from) {
        from = at + name.len();
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = lower[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value_at = tag.len() - rest.len() + 1;
        let value = tag[value_at..].trim_start();
        return match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or("").to_string(),
            _ => value
                .split(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
                .next()
                .unwrap_or("")
                .to_string(),
        };
    }
    String::new()
}

/// The lines of pasted text: cells split at tabs, or at `|` for text copied from a flattened
/// table; otherwise the line is one cell (the importer splits it further if it needs to).
pub fn text_lines(text: &str) -> Vec<Line> {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            if line.contains('\t') {
                line.split('\t').map(clean).collect()
            } else if line.contains('|') {
                let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
                inner.split('|').map(clean).collect()
            } else {
                vec![clean(line)]
            }
        })
        .filter(|l: &Line| l.iter().any(|c| !c.is_empty()))
        .collect()
}

#[derive(Default)]
struct Scan {
    lines: Vec<Line>,
    title: String,
    /// Open tables, innermost last: the row being read in each.
    rows: Vec<Option<Line>>,
    /// The text being gathered (a cell's, or a line of text outside tables).
    buffer: String,
    in_cell: bool,
    /// Where each open table's lines start.
    table_starts: Vec<usize>,
    /// The lines of each closed table, in the order they closed (inner tables first).
    tables: Vec<std::ops::Range<usize>>,
}

impl Scan {
    fn text(&mut self, raw: &str) {
        let text = decode(raw);
        for c in text.chars() {
            let c = if c.is_whitespace() { ' ' } else { c };
            if c == ' ' && (self.buffer.is_empty() || self.buffer.ends_with([' ', '\n'])) {
                continue;
            }
            self.buffer.push(c);
        }
    }

    fn tag(&mut self, name: &str, closing: bool) {
        match (name, closing) {
            ("table", false) => {
                // A table inside a cell (a CMS layout table around the article): the text
                // before it is lines of its own, in page order, not a cell of the outer row
                // (which would be emitted only after every line of the inner table).
                self.flush_lines();
                self.in_cell = false;
                self.rows.push(None);
                self.table_starts.push(self.lines.len());
                self.in_cell = false;
            }
            ("table", true) => {
                self.end_cell();
                self.end_row();
                self.rows.pop();
                if let Some(start) = self.table_starts.pop() {
                    self.tables.push(start..self.lines.len());
                }
                // Back in the enclosing table's cell, if any: its text goes on as a line.
                self.in_cell = false;
            }
            ("tr", false) => {
                self.end_cell();
                self.end_row();
                if let Some(row) = self.rows.last_mut() {
                    *row = Some(Vec::new());
                }
            }
            ("tr", true) => {
                self.end_cell();
                self.end_row();
            }
            ("td" | "th", false) => {
                self.end_cell();
                if let Some(slot) = self.rows.last_mut() {
                    if slot.is_none() {
                        *slot = Some(Vec::new());
                    }
                }
                self.in_cell = !self.rows.is_empty();
            }
            ("td" | "th", true) => self.end_cell(),
            ("br", _) => self.buffer.push('\n'),
            (
                "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "section"
                | "article" | "header" | "footer" | "blockquote" | "pre" | "ul" | "ol" | "dd"
                | "dt" | "caption" | "body",
                _,
            ) => {
                if self.in_cell {
                    self.buffer.push('\n');
                } else {
                    self.end_text();
                }
            }
            _ => {}
        }
    }

    fn end_cell(&mut self) {
        if !self.in_cell {
            self.end_text();
            return;
        }
        // Paragraphs inside a cell (CMS layout tables) stay separate lines of the cell.
        let text = self
            .buffer
            .split('\n')
            .map(clean)
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        self.buffer.clear();
        self.in_cell = false;
        if let Some(Some(row)) = self.rows.last_mut() {
            row.push(text);
        }
    }

    fn end_row(&mut self) {
        if let Some(slot) = self.rows.last_mut() {
            // An all-blank row is kept: in a pasted block it holds a row's place.
            if let Some(row) = slot.take().filter(|r| !r.is_empty()) {
                self.lines.push(row);
            }
        }
    }

    fn end_text(&mut self) {
        if self.in_cell {
            return;
        }
        self.flush_lines();
    }

    fn flush_lines(&mut self) {
        for part in self.buffer.split('\n') {
            let text = clean(part);
            if !text.is_empty() {
                self.lines.push(vec![text]);
            }
        }
        self.buffer.clear();
    }

    fn end_line(&mut self) {
        self.in_cell = false;
        self.end_text();
    }
}

/// Where `</name` starts in `rest`, any case (without lower-casing the rest of the page for
/// every script, which made hostile pages quadratic).
fn find_close(rest: &str, name: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    rest.match_indices("</").map(|(i, _)| i).find(|&i| {
        bytes
            .get(i + 2..i + 2 + name.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(name.as_bytes()))
    })
}

/// The lower-case name of a tag and whether it closes.
fn tag_name(tag: &str) -> (String, bool) {
    let tag = tag.trim();
    let (closing, tag) = match tag.strip_prefix('/') {
        Some(t) => (true, t.trim_start()),
        None => (false, tag),
    };
    let name: String = tag
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    (name, closing)
}

/// A cell's or line's text with white space collapsed (line breaks inside cells become spaces).
fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` with HTML character references replaced.
pub fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|i| i + 1);
        let (name, consumed) = match end {
            Some(e) if rest[e..].starts_with(';') => (&rest[1..e], e + 1),
            Some(e) => (&rest[1..e], e),
            None => (&rest[1..], rest.len()),
        };
        match entity(name) {
            Some(c) => {
                out.push(c);
                rest = &rest[consumed..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "mdash" => '—',
        "ndash" => '–',
        "middot" => '·',
        "hellip" => '…',
        "times" => '×',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_cells_and_text_lines() {
        let PageLines {
            lines,
            title,
            tables,
            ..
        } = html_lines(
            "<html><head><title>T&amp;T</title><style>td{}</style></head><body>\
             <p>一、总体情况</p><p>正文<br>第二行</p>\
             <table><tr><th colspan=2>信息内容</th></tr>\
             <tr><td>规章</td><td> 1&nbsp;</td><td></td></tr></table>\
             <script>var x='<td>';</script><!-- <td>no</td> -->末尾</body></html>",
        );
        assert_eq!(title, "T&T");
        assert_eq!(tables, vec![3..5]);
        assert_eq!(
            lines,
            vec![
                vec!["一、总体情况".to_string()],
                vec!["正文".to_string()],
                vec!["第二行".to_string()],
                vec!["信息内容".to_string()],
                vec!["规章".to_string(), "1".to_string(), String::new()],
                vec!["末尾".to_string()],
            ]
        );
    }

    #[test]
    fn text_splits_at_tabs_and_bars() {
        assert_eq!(
            text_lines("| 文號: | 公開日期: | 2020 |\r\na\tb\t\n\nplain line"),
            vec![
                vec!["文號:".to_string(), "公開日期:".into(), "2020".into()],
                vec!["a".to_string(), "b".into(), String::new()],
                vec!["plain line".to_string()],
            ]
        );
    }

    #[test]
    fn a_layout_table_keeps_page_order() {
        let PageLines { lines, .. } = html_lines(
            "<table><tr><td><p>一、总体情况</p><p>二、主动</p>\
             <table><tr><td>规章</td><td>1</td></tr><tr><td></td><td></td></tr></table>\
             <p>五、存在</p><SCRIPT>x</Script ><p>六</p></td></tr></table>",
        );
        let text: Vec<String> = lines.iter().map(|l| l.join("|")).collect();
        assert_eq!(
            text,
            ["一、总体情况", "二、主动", "规章|1", "|", "五、存在", "六"]
        );
    }

    #[test]
    fn an_unclosed_title_does_not_swallow_the_page() {
        let PageLines { lines, title, .. } =
            html_lines("<title>标题<p>一、总体情况</p><p>正文</p>");
        assert_eq!(title, "标题");
        assert_eq!(
            lines,
            vec![vec!["一、总体情况".to_string()], vec!["正文".to_string()]]
        );
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode("&#27861;&#x5F8B;&ldquo;a&rdquo; & b &zz;"),
            "法律“a” & b &zz;"
        );
    }
}
