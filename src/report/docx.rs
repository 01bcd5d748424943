//! The report as a Word file (.docx) for internal approval: the same content as the page, in
//! the usual official-document style (A4 with the GB/T 9704 margins, 黑体 / 楷体 / 仿宋 for the
//! heading levels and the body), the tables in the official layout with merged header cells.
//! The OOXML is written by the `docx-rs` crate.

use super::compute::Sheet;
use super::draft::Draft;
use super::export::{cell_text, text_parts};
use super::layout::layout;
use super::template::{Corner, SectionBody, Template};
use docx_rs::{
    AlignmentType, BreakType, Docx, LineSpacing, LineSpacingType, PageMargin, Paragraph, Run,
    RunFonts, SpecialIndentType, Table, TableCell, TableRow, VAlignType, VMergeType, WidthType,
};

/// Font sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt.
const TITLE: usize = 44;
const BODY: usize = 32;
const META: usize = 28;
const TABLE: usize = 21;

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
        let clean: String = line
            .chars()
            .filter(|c| *c == '\t' || !c.is_control())
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

fn table_cell(text: &str, header: bool) -> TableCell {
    let mut r = run(text, if header { "黑体" } else { "仿宋" }, TABLE);
    if header {
        r = r.bold();
    }
    let align = if header
        || text
            .chars()
            .any(|c| !c.is_ascii_digit() && c != '.' && c != '-')
    {
        AlignmentType::Left
    } else {
        AlignmentType::Right
    };
    TableCell::new()
        .add_paragraph(Paragraph::new().add_run(r).align(align))
        .vertical_align(VAlignType::Center)
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
                }),
            }
        }
        row.extend(heads.iter().map(|h| Cell {
            text: h.column.label.to_string(),
            rowspan: h.rowspan,
            colspan: h.colspan,
            header: true,
        }));
        rows.push(row);
    }
    for body_row in &grid.rows {
        let mut row: Vec<Cell> = body_row
            .groups
            .iter()
            .map(|g| Cell {
                text: g.row.label.to_string(),
                rowspan: g.rowspan,
                colspan: 1,
                header: true,
            })
            .collect();
        if let Some((label, colspan)) = body_row.label {
            row.push(Cell {
                text: label.label.to_string(),
                rowspan: 1,
                colspan,
                header: false,
            });
        }
        row.extend(body_row.cells.iter().map(|c| Cell {
            text: cell_text(c, draft, sheet),
            rowspan: 1,
            colspan: 1,
            header: !c.is_input(),
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
            if let Some(p) = placed.iter().find(|p| p.row == r && p.col == c) {
                let mut cell = table_cell(&p.cell.text, p.cell.header).grid_span(p.cell.colspan);
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
                        .add_paragraph(Paragraph::new()),
                );
                c += p.cell.colspan;
            } else {
                cells.push(TableCell::new().add_paragraph(Paragraph::new()));
                c += 1;
            }
        }
        docx_rows.push(TableRow::new(cells).cant_split());
    }
    Table::new(docx_rows)
        .set_grid(column_widths(labels, width - labels))
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// The text width of an A4 page with the GB/T 9704 margins, in twentieths of a point.
const TEXT_WIDTH: usize = 11906 - 1587 - 1474;

/// Column widths: label columns share 45% of the text width, the innermost (which holds the
/// longest labels) three times the share of a group column; value columns share the rest.
fn column_widths(labels: usize, values: usize) -> Vec<usize> {
    let label_total = if labels > 0 { TEXT_WIDTH * 9 / 20 } else { 0 };
    let weights: Vec<usize> = (0..labels)
        .map(|i| if i + 1 == labels { 3 } else { 1 })
        .collect();
    let weight_sum: usize = weights.iter().sum::<usize>().max(1);
    let mut widths: Vec<usize> = weights
        .iter()
        .map(|w| label_total * w / weight_sum)
        .collect();
    let value_each = (TEXT_WIDTH - label_total) / values.max(1);
    widths.extend(std::iter::repeat_n(value_each, values));
    widths
}

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
        .default_size(BODY);
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
    Ok(bytes.into_inner())
}
