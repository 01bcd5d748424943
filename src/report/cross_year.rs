//! The soft cross-year checks (X-carry, X-valid) against the copy of last year's report a
//! draft keeps ([`super::draft::Previous`]).
//!
//! They are warnings: a clerk may have corrected last year's figures since, but the published
//! numbers should agree, and a message names both years' numbers so the clerk can decide.

use super::compute::{CellValue, Sheet};
use super::draft::Draft;
use super::finding::{CellLocation, Field, Finding, Location, Severity};
use super::message::Message;
use super::next_year::row_label;
use super::template::{CellAt, Rule, Template, YearLink};
use super::templates;

/// Adds the cross-year findings of `draft` (none when no previous report is linked).
pub fn check(template: &Template, draft: &Draft, sheet: &Sheet, out: &mut Vec<Finding>) {
    let Some(previous) = &draft.previous else {
        return;
    };
    let Some(last_template) = templates::by_id(&previous.template) else {
        return;
    };
    // The links read input cells only, so last year's are read one by one from its text: no
    // sheet of last year is computed, and no cell searched for, on every keystroke.
    let last = |cell: &CellAt| match cell.value_kind() {
        // A figure last year's page printed but nobody read is not compared.
        _ if previous.unread.contains(&cell.key().to_string()) => {
            CellValue::Invalid(super::number::NumberError::Invalid)
        }
        Some(kind) => CellValue::read(
            previous
                .cells
                .get(&cell.key().to_string())
                .map_or("", String::as_str),
            kind,
        ),
        None => CellValue::Invalid(super::number::NumberError::Invalid),
    };
    let (year, last_year) = (draft.meta.year, previous.year);
    if last_year.checked_add(1) != Some(year) {
        out.push(Finding {
            rule: Rule::XCarry,
            severity: Severity::Warning,
            location: Location::Field { field: Field::Year },
            message: Message::new(
                format!("关联的上一年度报告是{last_year}年的，本报告是{year}年：跨年度核对按它进行。"),
                format!("The linked previous report is for {last_year} and this one for {year}; the cross-year checks use it anyway."),
            ),
        });
    }
    for link in template.links {
        match link {
            YearLink::Carry {
                rule,
                table,
                from,
                to,
            } => {
                let from_label = row_label(last_template, table, from);
                for (cell, then_cell) in template.carry_pairs(last_template, table, from, to) {
                    let Some(then_cell) = then_cell else {
                        continue;
                    };
                    let key = cell.key();
                    if !sheet.known(key) {
                        continue;
                    }
                    // A value that is not a number, this year or last, is the range rule's to
                    // report; a warning would name a 0 nobody printed.
                    let (now, then) = match (sheet.get(key), last(&then_cell)) {
                        (CellValue::Invalid(_), _) | (_, CellValue::Invalid(_)) => continue,
                        (now, then) => (now.whole_or_zero(), then.whole_or_zero()),
                    };
                    if now != then {
                        let column = cell.column_name();
                        let row = cell.row.row.label;
                        out.push(warning(*rule, cell.location(template), Message::new(
                            format!("{row}（{column}）为{now}，但{last_year}年报告的{from_label}为{then}。"),
                            format!("{row} ({column}) is {now}, but the {last_year} report's {from_label} is {then}."),
                        )));
                    }
                }
            }
            YearLink::Stock {
                rule,
                table,
                rows,
                stock,
                added,
                removed,
            } => {
                for row in *rows {
                    let this_row = template.row_cells(table, row);
                    let then_row = last_template.row_cells(table, row);
                    let find = |cells: &[CellAt], column: &str| {
                        cells.iter().find(|c| c.column.column.id == column).cloned()
                    };
                    let (Some(cell), Some(then_cell)) =
                        (find(&this_row, stock), find(&then_row, stock))
                    else {
                        continue;
                    };
                    let key = cell.key();
                    let CellValue::Number(_) = sheet.get(key) else {
                        continue;
                    };
                    let then = match last(&then_cell) {
                        CellValue::Invalid(_) => continue,
                        v => v.whole_or_zero(),
                    };
                    let of = |column: &str| find(&this_row, column);
                    let unknown = |column: &str| of(column).is_some_and(|c| !sheet.known(c.key()));
                    if !sheet.known(key) || unknown(added) || unknown(removed) {
                        continue;
                    }
                    let now = sheet.whole(key);
                    let plus = of(added).map_or(0, |c| sheet.whole(c.key()));
                    let minus = of(removed).map_or(0, |c| sheet.whole(c.key()));
                    let label = |column: &str| of(column).map_or("", |c| c.column.column.label);
                    let (added_label, removed_label) = (label(added), label(removed));
                    let expected = then.saturating_add(plus).saturating_sub(minus);
                    if now != expected {
                        let name = cell.name();
                        out.push(warning(*rule, cell.location(template), Message::new(
                            format!("{name}为{now}，按{last_year}年的{then}加{added_label}{plus}减{removed_label}{minus}应为{expected}。"),
                            format!("{name} is {now}; {last_year}'s {then} + {added_label} {plus} − {removed_label} {minus} gives {expected}."),
                        )));
                    }
                }
            }
        }
    }
}

/// A cross-year warning on one of this year's cells.
fn warning(rule: Rule, cell: CellLocation, message: Message) -> Finding {
    Finding {
        rule,
        severity: Severity::Warning,
        location: Location::Cells { cells: vec![cell] },
        message,
    }
}
