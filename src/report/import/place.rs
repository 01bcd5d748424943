//! Placing a page's table rows into the official tables: which format they are in, which row
//! each is, and which cell each value goes to.

use super::html::Line;
use super::label::{best, core, Matched};
use super::value::{self, Read};
use crate::report::message::Message;
use crate::report::number::{MoneyUnit, ValueKind};
use crate::report::template::{Block, CellAt, CellKey, RowAt, RowKind, Template};
use crate::report::templates;
use std::collections::{BTreeMap, BTreeSet};

/// A row of the page split into its label and its values.
pub struct PageRow {
    /// The label cells, joined (may be empty).
    pub label: String,
    /// The last label cell alone (the row's own label when groups are printed beside it).
    pub last_label: String,
    /// The value cells, in order.
    pub values: Vec<String>,
    /// The whole line as printed, for messages.
    pub text: String,
    /// Whether the line was a table row (several cells) rather than a line of text.
    pub tabular: bool,
}

/// Splits a line into label and values: the values are the cells after the last cell that is
/// not a value. A line of text with no cell structure is split at white space the same way.
pub fn split_row(line: &Line) -> Option<PageRow> {
    let tabular = line.len() > 1;
    let cells: Vec<String> = if tabular {
        line.clone()
    } else {
        line.first()?
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    let first_value = cells
        .iter()
        .rposition(|c| !value::is_value(c))
        .map_or(0, |i| i + 1);
    let values: Vec<String> = cells[first_value..].to_vec();
    if values.is_empty() || values.iter().all(|v| v.trim().is_empty()) && !tabular {
        return None;
    }
    let labels: Vec<&String> = cells[..first_value]
        .iter()
        .filter(|c| !c.trim().is_empty())
        .collect();
    Some(PageRow {
        label: labels
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(""),
        last_label: labels.last().map(|s| s.to_string()).unwrap_or_default(),
        values,
        text: line.join(" | "),
        tabular,
    })
}

/// The format the page's tables are in, and the labels that say so; `None` when no label is
/// particular to one format.
pub fn detect(lines: &[(usize, &Line)]) -> Option<(&'static Template, Vec<String>)> {
    let labels = |t: &'static Template| -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for table in t.tables() {
            for block in table.blocks {
                for row in block.data_rows() {
                    out.insert(core(row.row.label));
                    // A group in one format may be a data row in the other (（六）其他处理).
                    out.extend(row.ancestors.iter().map(|g| core(g.label)));
                }
                for col in block.value_columns() {
                    out.insert(core(col.column.label));
                }
            }
        }
        out
    };
    let all: Vec<(&'static Template, BTreeSet<String>)> =
        templates::ALL.iter().map(|t| (*t, labels(t))).collect();
    let mut scores: Vec<(&'static Template, Vec<String>)> = Vec::new();
    for (t, own) in &all {
        let others: BTreeSet<String> = all
            .iter()
            .filter(|(o, _)| o.id != t.id)
            .flat_map(|(_, l)| l.iter().cloned())
            .collect();
        let particular: BTreeSet<&String> = own.difference(&others).collect();
        let mut found: Vec<String> = Vec::new();
        for (_, line) in lines {
            for cell in line.iter() {
                let c = core(cell);
                if particular.contains(&c) && !found.contains(&c) {
                    found.push(c);
                }
            }
            // A row printed as one line of text: its label is everything before the numbers.
            if line.len() == 1 {
                if let Some(row) = split_row(line) {
                    let c = core(&row.label);
                    if particular.contains(&c) && !found.contains(&c) {
                        found.push(c);
                    }
                }
            }
        }
        scores.push((t, found));
    }
    scores.sort_by_key(|(_, f)| std::cmp::Reverse(f.len()));
    match scores.as_slice() {
        [(t, f), (_, g), ..] if f.len() > g.len() => Some((t, f.clone())),
        [(t, f)] if !f.is_empty() => Some((t, f.clone())),
        _ => None,
    }
}

/// What became of one cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    /// The text printed in the cell.
    pub raw: String,
    /// What it was read as.
    pub read: Read,
    /// Whether the row's label only nearly matched.
    pub close_label: Option<String>,
}

/// A row of the page that was not placed, and why.
pub struct Rejected {
    /// The index of the line in the page.
    pub line: usize,
    /// The line as printed.
    pub text: String,
    /// Why it was left out.
    pub reason: Message,
}

/// Everything placed, by cell key, and what was left out.
#[derive(Default)]
pub struct Placement {
    /// Cells read from the page.
    pub cells: BTreeMap<CellKey, Placed>,
    /// Rows left out.
    pub rejected: Vec<Rejected>,
    /// Rows found, by table and row id.
    pub rows_found: BTreeSet<(&'static str, &'static str)>,
    /// The page lines that were placed.
    pub lines_placed: BTreeSet<usize>,
    /// The unit a header printed for an amount whose unit the user picks (采购总金额（万元）).
    pub amount_unit: Option<MoneyUnit>,
    /// Labels read as another format's wording of an official row: (printed, official).
    pub variants: Vec<(&'static str, &'static str)>,
}

/// Places the page's rows into `template`'s tables.
pub fn place(template: &'static Template, lines: &[(usize, &Line)]) -> Placement {
    let mut out = Placement::default();
    // Every data row and group row of the labelled tables, with its block.
    // `Some(i)`: the data row `rows[i]`; `None`: a group heading, which has no numbers.
    let mut candidates: Vec<(Option<usize>, &'static str)> = Vec::new();
    let mut rows: Vec<(&'static Block, &'static str, RowAt)> = Vec::new();
    let mut groups: Vec<&'static str> = Vec::new();
    let mut unlabelled: Option<(&'static str, &'static Block)> = None;
    for table in template.tables() {
        for block in table.blocks {
            if block.label_depth() == 0 {
                unlabelled = Some((table.id, block));
                continue;
            }
            for row in block.data_rows() {
                for g in &row.ancestors {
                    if !groups.contains(&g.label) {
                        groups.push(g.label);
                        candidates.push((None, g.label));
                    }
                }
                candidates.push((Some(rows.len()), row.row.label));
                rows.push((block, table.id, row));
            }
        }
    }
    let mut header_seen = false;
    let amount_labels: Vec<String> = template
        .cells()
        .filter(|c| c.value_kind() == Some(ValueKind::Amount))
        .map(|c| core(c.column.column.label))
        .collect();
    for (index, line) in lines {
        // A header that prints the amount's unit: 采购总金额（万元）.
        for cell in line.iter() {
            let c = core(cell);
            if let Some(label) = amount_labels.iter().find(|l| c.starts_with(l.as_str())) {
                // Only a header cell: the label, then at most its unit in brackets.
                let rest = &c[label.len()..];
                out.amount_unit = match rest {
                    "（万元）" | "(万元)" | "万元" => Some(MoneyUnit::WanYuan),
                    "（元）" | "(元)" | "元" => Some(MoneyUnit::Yuan),
                    _ => None,
                };
            }
        }
        let (rejected, found) = (out.rejected.len(), out.rows_found.len());
        'line: {
            let Some(row) = split_row(line) else {
                if line.iter().any(|c| core(c).contains("行政复议")) {
                    header_seen = true;
                } else if line.len() > 1
                    && line.iter().any(|c| c.chars().any(|ch| ch.is_ascii_digit()))
                {
                    // A table row whose figures are not counts (percentages, dates): another table.
                    out.rejected.push(Rejected {
                    line: 0,
                        text: line.join(" | "),
                        reason: Message::new(
                            "不是官方表格的行（数字不是件数），未读取",
                            "not a row of the official tables (its figures are not counts); not read",
                        ),
                    });
                }
                break 'line;
            };
            // Another format's wording for an official row (the format's data says so).
            let variant = |out: &mut Placement| {
                let v = template.label_variants.iter().find(|v| {
                    let printed = core(v.printed);
                    printed == core(&row.last_label) || printed == core(&row.label)
                })?;
                let i = rows
                    .iter()
                    .position(|(_, t, at)| *t == v.table && at.row.id == v.row)?;
                if !out.variants.iter().any(|(p, _)| *p == v.printed) {
                    out.variants.push((v.printed, rows[i].2.row.label));
                }
                Some((Some(i), Matched::Close))
            };
            let matched = best(&row.last_label, &candidates)
                .or_else(|| {
                    (row.label != row.last_label)
                        .then(|| best(&row.label, &candidates))
                        .flatten()
                })
                .or_else(|| variant(&mut out))
                .map(|m| match m {
                    // A group printed as one row with figures (some provinces print （六）其他
                    // 处理 so): the format's data may name the row it stands for.
                    (None, _) if row.values.iter().any(|v| !value::is_blank_or_zero(v)) => {
                        variant(&mut out).unwrap_or(m)
                    }
                    m => m,
                });
            let numbers = row.values.iter().filter(|v| !v.trim().is_empty()).count();
            match matched {
                Some((None, _)) => {
                    if row.values.iter().any(|v| !value::is_blank_or_zero(v)) {
                        out.rejected.push(Rejected {
                    line: 0,
                            text: row.text.clone(),
                            reason: Message::new(
                                "分组标题行带有数字，官方表格中该行没有数字，未读取",
                                "a group heading row with numbers; the official row has none, not read",
                            ),
                        });
                    }
                }
                Some((Some(i), how)) => {
                    let (block, table, at) = &rows[i];
                    place_row(template, table, block, at, &row, how, &mut out);
                }
                None => {
                    let disputes = unlabelled.filter(|_| {
                        row.values.len() >= 12
                            && numbers > 0
                            && (row.label.trim().is_empty() || header_seen)
                    });
                    if let Some((table, block)) = disputes {
                        place_disputes(template, table, block, &row, &mut out);
                    } else if row.tabular && numbers > 0 || numbers >= 2 {
                        out.rejected.push(Rejected {
                    line: 0,
                            text: row.text.clone(),
                            reason: Message::new(
                                "没有对应的官方表格行（可能是本地增加的行或其他表格），未读取",
                                "matches no row of the official tables (a locally added row or another table); not read",
                            ),
                        });
                    }
                }
            }
        }
        for r in &mut out.rejected[rejected..] {
            r.line = *index;
        }
        if out.rows_found.len() > found {
            out.lines_placed.insert(*index);
        }
    }
    out
}

fn place_row(
    template: &'static Template,
    table: &'static str,
    block: &'static Block,
    at: &RowAt,
    row: &PageRow,
    how: Matched,
    out: &mut Placement,
) {
    if !out.rows_found.insert((table, at.row.id)) {
        out.rejected.push(Rejected {
            line: 0,
            text: row.text.clone(),
            reason: Message::new(
                format!("“{}”出现了不止一次，只读取了第一次", at.row.label),
                format!(
                    "“{}” appears more than once; only the first was read",
                    at.row.label
                ),
            ),
        });
        return;
    }
    let columns = block.value_columns();
    let inputs = columns
        .iter()
        .filter(|c| matches!(c.column.kind, crate::report::template::ColumnKind::Value(_)))
        .count();
    let mut values = row.values.clone();
    while values.len() > columns.len() && values.last().is_some_and(|v| v.trim().is_empty()) {
        values.pop();
    }
    // Without the computed 总计 column (inputs come first in every official row).
    let fits = values.len() == columns.len() || values.len() == inputs;
    if !fits {
        out.rejected.push(Rejected {
            line: 0,
            text: row.text.clone(),
            reason: Message::new(
                format!(
                    "“{}”有{}个数值，官方表格该行有{}列，无法确定对应关系，未读取",
                    at.row.label,
                    values.len(),
                    columns.len()
                ),
                format!(
                    "“{}” has {} values but the official row has {} columns; not read",
                    at.row.label,
                    values.len(),
                    columns.len()
                ),
            ),
        });
        return;
    }
    let close = (how == Matched::Close).then(|| row.last_label.clone());
    for (column, raw) in columns.iter().zip(values) {
        let Some(cell) = template.cell(CellKey::new(table, at.row.id, column.column.id)) else {
            continue;
        };
        put(&cell, raw, close.clone(), out);
    }
}

fn place_disputes(
    template: &'static Template,
    table: &'static str,
    block: &'static Block,
    row: &PageRow,
    out: &mut Placement,
) {
    let Some(at) = block.data_rows().into_iter().next() else {
        return;
    };
    let row_key = (table, at.row.id);
    if out.rows_found.contains(&row_key) {
        return;
    }
    let columns = block.value_columns();
    let mut values = row.values.clone();
    while values.len() > columns.len() && values.last().is_some_and(|v| v.trim().is_empty()) {
        values.pop();
    }
    let targets: Vec<_> = if values.len() == columns.len() {
        columns.iter().collect()
    } else {
        let inputs: Vec<_> = columns
            .iter()
            .filter(|c| matches!(c.column.kind, crate::report::template::ColumnKind::Value(_)))
            .collect();
        if values.len() != inputs.len() {
            out.rejected.push(Rejected {
                line: 0,
                text: row.text.clone(),
                reason: Message::new(
                    format!(
                        "行政复议、行政诉讼表有{}个数值，应为{}个（或不含总计的{}个），未读取",
                        values.len(),
                        columns.len(),
                        inputs.len()
                    ),
                    format!(
                        "the reviews and suits row has {} values, not {} (or {} without totals); not read",
                        values.len(),
                        columns.len(),
                        inputs.len()
                    ),
                ),
            });
            return;
        }
        inputs
    };
    out.rows_found.insert(row_key);
    for (column, raw) in targets.into_iter().zip(values) {
        if let Some(cell) = template.cell(CellKey::new(table, at.row.id, column.column.id)) {
            put(&cell, raw, None, out);
        }
    }
}

fn put(cell: &CellAt, raw: String, close_label: Option<String>, out: &mut Placement) {
    let computed = !cell.is_input() || matches!(cell.row.row.kind, RowKind::Total(_));
    let kind = cell.value_kind().unwrap_or(ValueKind::Count);
    let mut read = value::read(&raw, kind);
    if computed && read == Read::Blank {
        return;
    }
    if kind == ValueKind::Amount {
        // The header's unit serves the row under it once, never a later table's.
        if let (Read::Value { unit, note, .. }, Some(header)) = (&mut read, out.amount_unit.take())
        {
            if unit.is_none() {
                *unit = Some(header);
                let said = Message::new(
                    format!("单位“{}”取自表头", header.label()),
                    format!("unit {} taken from the header", header.label()),
                );
                *note = Some(match note.take() {
                    Some(n) => Message::new(
                        format!("{}；{}", n.zh, said.zh),
                        format!("{}; {}", n.en, said.en),
                    ),
                    None => said,
                });
            }
        }
    }
    out.cells.insert(
        cell.key(),
        Placed {
            raw,
            read,
            close_label,
        },
    );
}
