//! The tables of 汇总 and 检查 as the office files them: `.csv` (UTF-8 with a byte-order mark,
//! which Excel and WPS need to read Chinese) and `.xlsx` (a sheet per table, numbers as
//! numbers, the header row bold and frozen).

use crate::report::markup::xml_text;
use crate::report::message::Message;
use rust_xlsxwriter::{Format, Workbook};
use serde::{Deserialize, Serialize};

/// A value of a table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cell {
    /// Words.
    Text(String),
    /// A number as printed (`12`, `2.35`), written to `.xlsx` as a number.
    Number(String),
}

impl Cell {
    /// The value as text.
    pub fn text(&self) -> &str {
        match self {
            Cell::Text(t) | Cell::Number(t) => t,
        }
    }
}

/// One table: a sheet of the workbook.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grid {
    /// The sheet's name.
    pub sheet: String,
    /// The column headings.
    pub header: Vec<String>,
    /// The rows, each as long as the header.
    pub rows: Vec<Vec<Cell>>,
}

/// The first table as CSV.
pub fn csv(grid: &Grid) -> Result<Vec<u8>, Message> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut w = ::csv::Writer::from_writer(&mut out);
        let failed = |e: ::csv::Error| {
            Message::new(
                format!("无法写出CSV：{e}"),
                format!("The CSV could not be written: {e}"),
            )
        };
        w.write_record(grid.header.iter().map(|h| csv_text(h)))
            .map_err(failed)?;
        for row in &grid.rows {
            w.write_record(row.iter().map(|c| match c {
                Cell::Text(t) => csv_text(t),
                Cell::Number(t) => t.clone(),
            }))
            .map_err(failed)?;
        }
        w.flush().map_err(|e| failed(e.into()))?;
    }
    Ok(out)
}

/// A text cell of the CSV as text that stays text: a spreadsheet runs a cell that starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return as a formula (a unit named
/// `=HYPERLINK(…)`), so such a cell starts with the usual apostrophe.
fn csv_text(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// Every table as a sheet of one `.xlsx` workbook.
pub fn xlsx(grids: &[Grid]) -> Result<Vec<u8>, Message> {
    let failed = |e: rust_xlsxwriter::XlsxError| {
        Message::new(
            format!("无法写出Excel文件：{e}"),
            format!("The Excel file could not be written: {e}"),
        )
    };
    let mut book = Workbook::new();
    let bold = Format::new().set_bold().set_text_wrap();
    for grid in grids {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(&grid.sheet)).map_err(failed)?;
        for (c, heading) in grid.header.iter().enumerate() {
            let col = column(c)?;
            sheet
                .write_string_with_format(0, col, xml_text(heading), &bold)
                .map_err(failed)?;
            // Wide enough for a short label; long official labels wrap in the header row.
            let width = heading.chars().count().clamp(8, 24) as f64 * 1.6;
            sheet.set_column_width(col, width).map_err(failed)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(failed)?;
        for (r, row) in grid.rows.iter().enumerate() {
            let line = u32::try_from(r + 1).map_err(|_| too_big())?;
            for (c, cell) in row.iter().enumerate() {
                let col = column(c)?;
                match cell {
                    Cell::Number(t) => match t.parse::<f64>() {
                        Ok(n) => sheet.write_number(line, col, n).map(|_| ()),
                        Err(_) => sheet.write_string(line, col, xml_text(t)).map(|_| ()),
                    },
                    // A string cell: never a formula, whatever it starts with.
                    Cell::Text(t) => sheet.write_string(line, col, xml_text(t)).map(|_| ()),
                }
                .map_err(failed)?;
            }
        }
    }
    book.save_to_buffer().map_err(failed)
}

fn column(c: usize) -> Result<u16, Message> {
    u16::try_from(c).map_err(|_| too_big())
}

fn too_big() -> Message {
    Message::fixed(
        "表格太大，超出了Excel的行数或列数。",
        "The table is larger than Excel's rows or columns.",
    )
}

/// A sheet name Excel takes: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    let clean: String = xml_text(name)
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    if clean.is_empty() {
        "Sheet1".into()
    } else {
        clean
    }
}
