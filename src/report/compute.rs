//! Every computed cell, computed in one place.
//!
//! The editor, the rules and the exporter all read totals from a [`Sheet`]; nothing else adds
//! numbers up. Blank cells count as 0; a cell whose text is not a number is left out of totals
//! (the `range` rule reports it).

use super::draft::Draft;
use super::number::{self, Number, NumberError};
use super::template::{CellAt, CellKey, ColumnKind, RowKind, Template};
use std::collections::{HashMap, HashSet};

/// The value of one cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellValue {
    /// An input cell left empty; it counts and prints as 0.
    Blank,
    /// A number typed in, or a computed total.
    Number(Number),
    /// Input text that is not a value of the cell's kind.
    Invalid(NumberError),
}

impl CellValue {
    /// An input cell's value from its text.
    pub fn read(text: &str, kind: number::ValueKind) -> CellValue {
        match number::parse(text, kind) {
            Ok(None) => CellValue::Blank,
            Ok(Some(n)) => CellValue::Number(n),
            Err(e) => CellValue::Invalid(e),
        }
    }

    /// The value as a whole number for adding up (blank and invalid count as 0).
    pub fn whole_or_zero(self) -> i64 {
        match self {
            CellValue::Number(n) => n.whole().unwrap_or(0),
            CellValue::Blank | CellValue::Invalid(_) => 0,
        }
    }
}

/// Every cell of a draft's tables with its value, typed or computed.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    values: HashMap<CellKey, CellValue>,
    /// Cells whose value is not known: input cells a reader could not read
    /// ([`Draft::unread`]) and every total that adds one up.
    unknown: HashSet<CellKey>,
}

impl Sheet {
    /// Reads every input cell of `draft` and computes every total of `template`.
    pub fn compute(template: &Template, draft: &Draft) -> Sheet {
        let mut values = HashMap::new();
        let cells: Vec<CellAt> = template.cells().collect();
        for cell in &cells {
            if let Some(kind) = cell.value_kind() {
                values.insert(cell.key(), CellValue::read(draft.cell(cell.key()), kind));
            }
        }
        // Row totals of input rows first, then column totals of total rows (which may read the
        // row totals just computed): each phase reads only what an earlier phase wrote.
        for pass in [Pass::InputRows, Pass::TotalRows] {
            for cell in &cells {
                if cell.is_input() || pass.skips(cell) {
                    continue;
                }
                let total = sum(cell, &values);
                values.insert(cell.key(), total);
            }
        }
        let mut unknown = HashSet::new();
        if !draft.unread.is_empty() {
            for cell in &cells {
                if cell.is_input() && draft.is_unread(cell.key()) {
                    unknown.insert(cell.key());
                }
            }
            for pass in [Pass::InputRows, Pass::TotalRows] {
                for cell in cells.iter().filter(|c| !c.is_input() && !pass.skips(c)) {
                    if parts(cell).iter().any(|k| unknown.contains(k)) {
                        unknown.insert(cell.key());
                    }
                }
            }
        }
        Sheet { values, unknown }
    }

    /// Whether the cell's value is known: every figure it is or adds up was read.
    pub fn known(&self, key: CellKey) -> bool {
        self.unknown.is_empty() || !self.unknown.contains(&key)
    }

    /// Whether some cell's value is not known (a page read only in part).
    pub fn has_unknown(&self) -> bool {
        !self.unknown.is_empty()
    }

    /// The value of the cell with this key (blank for an unknown key).
    pub fn get(&self, key: CellKey) -> CellValue {
        self.values.get(&key).copied().unwrap_or(CellValue::Blank)
    }

    /// The whole-number value of a cell for arithmetic (blank and invalid are 0).
    pub fn whole(&self, key: CellKey) -> i64 {
        self.get(key).whole_or_zero()
    }
}

#[derive(Clone, Copy)]
enum Pass {
    InputRows,
    TotalRows,
}

impl Pass {
    /// Whether this pass skips the cell.
    fn skips(self, cell: &CellAt) -> bool {
        let total_row = matches!(cell.row.row.kind, RowKind::Total(_));
        match self {
            Pass::InputRows => total_row,
            Pass::TotalRows => !total_row,
        }
    }
}

/// The cells a computed cell adds up.
fn parts(cell: &CellAt) -> Vec<CellKey> {
    let key = cell.key();
    match (&cell.row.row.kind, &cell.column.column.kind) {
        (RowKind::Total(s), _) => s.of.iter().map(|r| CellKey { row: r, ..key }).collect(),
        (_, ColumnKind::Total(s)) => s.of.iter().map(|c| CellKey { column: c, ..key }).collect(),
        _ => Vec::new(),
    }
}

/// The total a computed cell stands for, with checked addition.
fn sum(cell: &CellAt, values: &HashMap<CellKey, CellValue>) -> CellValue {
    parts(cell)
        .iter()
        .try_fold(0_i64, |acc, k| {
            acc.checked_add(
                values
                    .get(k)
                    .copied()
                    .unwrap_or(CellValue::Blank)
                    .whole_or_zero(),
            )
        })
        .map_or(CellValue::Invalid(NumberError::TooLarge), |n| {
            CellValue::Number(Number::Whole(n))
        })
}
