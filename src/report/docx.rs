//! The report as a Word file (.docx) for internal approval: the same content as the page, in
//! the usual official-document style (A4 with the GB/T 9704 margins, 黑体 / 楷体 / 仿宋 for the
//! heading levels and the body), the tables in the official layout with merged header cells.
//! The OOXML is written by the `docx-rs` crate.

use super::compute::Sheet;
use super::draft::Draft;
use super::export::{cell_text, text_parts};
use super::layout::{layout, BlockLayout};
use super::template::{Corner, SectionBody, Template};
use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, HeightRule, LineSpacing, LineSpacingType, PageMargin,
    PageNum, Paragraph, Run, RunFonts, SpecialIndentType, Table, TableCell, TableLayoutType,
    TableRow, VAlignType, VMergeType, WidthType,
};

/// Font sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt.
const TITLE: usize = 44;
const BODY: usize = 32;
const META: usize = 28;
const TABLE: usize = 21;
/// 小五 9 pt, for a table too wide for 五号.
const TABLE_SMALL: usize = 18;

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman")
        .hint("eastAsia")
}

/// A run of text; line breaks become breaks (docx-rs drops `\n`), and the control characters
/// XML 1.0 forbids (pasted from PDFs) are left out, as in the HTML export.
fn run(text: &str, font: &str, size: usize) -> Run {
    let mut r = Run::new().fonts(fonts(font)).size(size);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        let clean: String = super::markup::xml_text(line)
            .chars()
            .filter(|c| *c != '\r')
            .collect();
        r = r.add_text(clean);
    }
    r
}

/// A body paragraph: 仿宋 三号, first line indented two characters, fixed 28 pt lines.
fn body(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, "仿宋", BODY))
        .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None)
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Exact)
                .line(560),
        )
}

fn heading(text: &str, font: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, font, BODY))
        .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None)
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Exact)
                .line(560),
        )
        .keep_next(true)
}

/// Paragraphs from blank-line-separated text (single line breaks kept as breaks).
fn paragraphs(text: &str) -> Vec<Paragraph> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| body(&p.lines().map(str::trim).collect::<Vec<_>>().join("\n")))
        .collect()
}

/// One cell of the printed grid before placement.
struct Cell {
    text: String,
    rowspan: usize,
    colspan: usize,
    header: bool,
    /// A number (typed or computed): aligned right, whatever its weight.
    number: bool,
}

/// A cell placed on the grid.
struct Placed {
    row: usize,
    col: usize,
    cell: Cell,
}

/// Places cells row by row as HTML tables do: each goes to the next column not covered by a
/// cell spanning down from above.
fn place(rows: Vec<Vec<Cell>>, width: usize) -> Vec<Placed> {
    let mut covered = vec![vec![false; width]; rows.len()];
    let mut out = Vec::new();
    for (r, cells) in rows.into_iter().enumerate() {
        let mut c = 0;
        for cell in cells {
            while c < width && covered[r][c] {
                c += 1;
            }
            let end = (c + cell.colspan).min(width);
            for row in covered.iter_mut().skip(r).take(cell.rowspan) {
                if let Some(span) = row.get_mut(c..end) {
                    span.iter_mut().for_each(|x| *x = true);
                }
            }
            let colspan = cell.colspan;
            out.push(Placed {
                row: r,
                col: c,
                cell,
            });
            c += colspan;
        }
    }
    out
}

fn table_cell(cell: &Cell, font: usize, width: usize) -> TableCell {
    let mut r = run(&cell.text, if cell.header { "黑体" } else { "仿宋" }, font);
    if cell.header {
        r = r.bold();
    }
    let align = if cell.number {
        AlignmentType::Right
    } else {
        AlignmentType::Left
    };
    TableCell::new()
        .add_paragraph(Paragraph::new().add_run(r).align(align))
        .vertical_align(VAlignType::Center)
        .width(width, WidthType::Dxa)
}

/// How wide a text prints, in half characters of the table font (a CJK character is two, a
/// digit or Latin letter one).
fn half_chars(text: &str) -> usize {
    text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// A label's numbering (（三）, 三、, 1.) and the words after it.
fn numbering(label: &str) -> (&str, &str) {
    let end = if label.starts_with('（') {
        label
            .find('）')
            .filter(|at| *at <= 12)
            .map(|at| at + '）'.len_utf8())
    } else {
        label
            .char_indices()
            .take(4)
            .find(|(_, c)| matches!(c, '、' | '.'))
            .map(|(at, c)| at + c.len_utf8())
    };
    label.split_at(end.unwrap_or(0))
}

/// The cell margins Word and LibreOffice put inside a cell, left and right, in twentieths of a
/// point.
const CELL_MARGINS: usize = 240;

/// The table font (half-points) and the width of each column (twentieths of a point) of a
/// block: each group label column as wide as its labels' numbering, or four characters of the
/// name, so that （三）不予公开 prints 「（三）」「不予公开」 and never 「（三」「）不」; each value
/// column as wide as its heading's words or its widest number; the innermost label column the
/// rest. A block too wide for 五号 gets 小五.
fn sizes(grid: &BlockLayout, numbers: &[usize]) -> (usize, Vec<usize>) {
    let labels = grid.label_columns;
    let mut need = vec![0usize; labels];
    for row in &grid.rows {
        let depth = row.cells.first().map_or(0, |c| c.row.ancestors.len());
        for (i, group) in row.groups.iter().enumerate() {
            let column = depth + i - row.groups.len();
            let (prefix, rest) = numbering(group.row.label);
            let words = half_chars(rest).min(8);
            if let Some(n) = need.get_mut(column) {
                *n = (*n).max(half_chars(prefix).max(words));
            }
        }
    }
    let longest_label = grid
        .rows
        .iter()
        .filter_map(|r| r.label.map(|(row, _)| half_chars(row.label)))
        .max()
        .unwrap_or(0);
    if let Some(inner) = need.last_mut() {
        *inner = (*inner).max(16);
    }
    // A value column's heading wraps between its two-character words (商业/企业,
    // 社会/公益/组织); a three-character one (自然人) stays whole.
    let heading_need = |label: &str| -> usize {
        let n = label.chars().count();
        match n {
            0..=3 => 2 * n,
            _ if n.is_multiple_of(2) => 4,
            _ => 6,
        }
    };
    let headings: Vec<usize> = grid
        .rows
        .first()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| heading_need(c.column.column.label))
                .collect()
        })
        .unwrap_or_default();
    let values: Vec<usize> = numbers
        .iter()
        .enumerate()
        .map(|(i, n)| (*n).max(headings.get(i).copied().unwrap_or(4)).max(3))
        .collect();
    let twips = |font: usize, half: usize| half * font * 5 + CELL_MARGINS;
    let total =
        |font: usize| -> usize { need.iter().chain(&values).map(|h| twips(font, *h)).sum() };
    let font = if total(TABLE) <= TEXT_WIDTH {
        TABLE
    } else {
        TABLE_SMALL
    };
    let mut widths: Vec<usize> = need
        .iter()
        .chain(&values)
        .map(|h| twips(font, *h))
        .collect();
    let mut left = TEXT_WIDTH.saturating_sub(widths.iter().sum());
    // The innermost labels first, up to their longest; what is left is shared by the values.
    if labels > 0 {
        let want = twips(font, longest_label).saturating_sub(widths[labels - 1]);
        let give = want.min(left);
        widths[labels - 1] += give;
        left -= give;
    }
    let each = left / values.len().max(1);
    for w in widths.iter_mut().skip(labels) {
        *w += each;
    }
    (font, widths)
}

/// A group label on two lines, numbering then name, when it is wider than its column.
fn group_label(label: &str, width: usize, font: usize) -> String {
    let (prefix, rest) = numbering(label);
    if prefix.is_empty() || half_chars(label) * font * 5 + CELL_MARGINS <= width {
        label.to_string()
    } else {
        format!("{prefix}\n{rest}")
    }
}

/// A block of a table as a Word table: merged cells where the official form merges them.
fn block_table(
    table: &'static super::template::Table,
    block: &'static super::template::Block,
    draft: &Draft,
    sheet: &Sheet,
) -> Table {
    let grid = layout(table, block);
    let labels = grid.label_columns;
    let width = labels + block.value_columns().len();
    let mut numbers = vec![0; width - labels];
    for row in &grid.rows {
        for (i, c) in row.cells.iter().enumerate() {
            numbers[i] = numbers[i].max(half_chars(&cell_text(c, draft, sheet)));
        }
    }
    let (font, widths) = sizes(&grid, &numbers);
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    for (level, heads) in grid.header_rows.iter().enumerate() {
        let mut row = Vec::new();
        if level == 0 {
            match grid.corner {
                Corner::NoRowLabels => {}
                Corner::Heading(t) | Corner::Note(t) => row.push(Cell {
                    text: t.to_string(),
                    rowspan: grid.header_depth,
                    colspan: labels,
                    header: true,
                    number: false,
                }),
            }
        }
        row.extend(heads.iter().map(|h| Cell {
            text: h.column.label.to_string(),
            rowspan: h.rowspan,
            colspan: h.colspan,
            header: true,
            number: false,
        }));
        rows.push(row);
    }
    for body_row in &grid.rows {
        let depth = body_row.cells.first().map_or(0, |c| c.row.ancestors.len());
        let first_group = depth.saturating_sub(body_row.groups.len());
        let mut row: Vec<Cell> = body_row
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| Cell {
                text: group_label(g.row.label, widths[first_group + i], font),
                rowspan: g.rowspan,
                colspan: 1,
                header: true,
                number: false,
            })
            .collect();
        if let Some((label, colspan)) = body_row.label {
            row.push(Cell {
                text: label.label.to_string(),
                rowspan: 1,
                colspan,
                header: false,
                number: false,
            });
        }
        row.extend(body_row.cells.iter().map(|c| Cell {
            text: cell_text(c, draft, sheet),
            rowspan: 1,
            colspan: 1,
            header: !c.is_input(),
            number: true,
        }));
        rows.push(row);
    }
    let row_count = rows.len();
    let placed = place(rows, width);
    let mut docx_rows = Vec::with_capacity(row_count);
    for r in 0..row_count {
        let mut cells = Vec::new();
        let mut c = 0;
        while c < width {
            let span_width = |p: &Placed| widths[p.col..p.col + p.cell.colspan].iter().sum();
            if let Some(p) = placed.iter().find(|p| p.row == r && p.col == c) {
                let mut cell = table_cell(&p.cell, font, span_width(p)).grid_span(p.cell.colspan);
                if p.cell.rowspan > 1 {
                    cell = cell.vertical_merge(VMergeType::Restart);
                }
                cells.push(cell);
                c += p.cell.colspan;
            } else if let Some(p) = placed
                .iter()
                .find(|p| p.col == c && p.row < r && r < p.row + p.cell.rowspan)
            {
                cells.push(
                    TableCell::new()
                        .grid_span(p.cell.colspan)
                        .vertical_merge(VMergeType::Continue)
                        .width(span_width(p), WidthType::Dxa)
                        .add_paragraph(Paragraph::new()),
                );
                c += p.cell.colspan;
            } else {
                cells.push(TableCell::new().add_paragraph(Paragraph::new()));
                c += 1;
            }
        }
        let row = TableRow::new(cells).cant_split();
        // docx-rs has no w:tblHeader: header rows carry a mark `with_header_rows` swaps for it.
        docx_rows.push(if r < grid.header_rows.len() {
            row.row_height(HEADER_ROW_MARK)
                .height_rule(HeightRule::Auto)
        } else {
            row
        });
    }
    Table::new(docx_rows)
        .set_grid(widths)
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

/// The row height that marks a table's header row until the file is packed (an auto height,
/// which Word ignores, of a value no real row has).
const HEADER_ROW_MARK: f32 = 7.0;
const HEADER_ROW_XML: &str = r#"<w:trHeight w:val="7" w:hRule="auto" />"#;

/// The packed file with every marked header row repeating at the top of each page a table runs
/// onto (`w:tblHeader`), the other parts copied as they are.
fn with_header_rows(packed: Vec<u8>) -> Result<Vec<u8>, String> {
    use std::io::{Read, Write};
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(packed)).map_err(|e| format!("docx: {e}"))?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| format!("docx: {e}"))?;
        let name = part.name().to_string();
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes)
            .map_err(|e| format!("docx: {e}"))?;
        if name == "word/document.xml" {
            let xml = String::from_utf8(bytes).map_err(|e| format!("docx: {e}"))?;
            bytes = xml.replace(HEADER_ROW_XML, "<w:tblHeader />").into_bytes();
        }
        out.start_file(name, options)
            .map_err(|e| format!("docx: {e}"))?;
        out.write_all(&bytes).map_err(|e| format!("docx: {e}"))?;
    }
    Ok(out.finish().map_err(|e| format!("docx: {e}"))?.into_inner())
}

/// The text width of an A4 page with the GB/T 9704 margins, in twentieths of a point.
const TEXT_WIDTH: usize = 11906 - 1587 - 1474;

/// The report as the bytes of a .docx file.
pub fn document(template: &Template, draft: &Draft) -> Result<Vec<u8>, String> {
    let sheet = Sheet::compute(template, draft);
    let meta = &draft.meta;
    let mut doc = Docx::new()
        .page_size(11906, 16838)
        .page_margin(PageMargin {
            top: 2098,
            left: 1587,
            bottom: 1984,
            right: 1474,
            header: 851,
            footer: 992,
            gutter: 0,
        })
        .default_fonts(fonts("仿宋"))
        .default_size(BODY)
        .custom_property("generator", super::version::generator())
        // Pages numbered in the footer, centred, as official documents are.
        .footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .add_page_num(PageNum::new())
                    .align(AlignmentType::Center),
            ),
        );
    for (label, value) in meta.catalogue() {
        let value = if value.is_empty() {
            "—".to_string()
        } else {
            value
        };
        doc = doc.add_paragraph(Paragraph::new().add_run(run(
            &format!("{label}：{value}"),
            "仿宋",
            META,
        )));
    }
    doc = doc.add_paragraph(
        Paragraph::new()
            .add_run(run(&meta.title(), "黑体", TITLE))
            .align(AlignmentType::Center)
            .line_spacing(LineSpacing::new().before(400).after(400)),
    );
    for p in paragraphs(&draft.opening()) {
        doc = doc.add_paragraph(p);
    }
    for section in template.sections {
        doc = doc.add_paragraph(heading(section.heading, "黑体"));
        match &section.body {
            SectionBody::Text(spec) => {
                let parts = text_parts(template, section, spec, draft, &sheet);
                if let Some(fee) = parts.fee {
                    doc = doc.add_paragraph(body(&fee));
                }
                for p in paragraphs(&parts.text) {
                    doc = doc.add_paragraph(p);
                }
                for (title, text) in parts.sub_parts {
                    doc = doc.add_paragraph(heading(&title, "楷体"));
                    for p in paragraphs(&text) {
                        doc = doc.add_paragraph(p);
                    }
                }
            }
            SectionBody::Table(table) => {
                for block in table.blocks {
                    if let Some(caption) = block.caption {
                        doc = doc.add_paragraph(
                            Paragraph::new()
                                .add_run(run(caption, "黑体", TABLE))
                                .keep_next(true),
                        );
                    }
                    doc = doc.add_table(block_table(table, block, draft, &sheet));
                    doc = doc.add_paragraph(Paragraph::new());
                }
            }
        }
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut bytes)
        .map_err(|e| format!("docx: {e}"))?;
    with_header_rows(bytes.into_inner())
}
