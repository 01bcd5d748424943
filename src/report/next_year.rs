//! 以此为基础新建下一年度: next year's draft from this year's.
//!
//! The clerk keeps who they are and how they write, not this year's numbers: metadata moves
//! on a year, texts are kept but marked 待更新 until edited, the tables start empty except for
//! what the format links across years ([`YearLink`]), and the new draft keeps a copy of this
//! one ([`Previous`]) so the cross-year checks can run against it.

use super::compute::CellValue;
use super::draft::{text_key, Draft, Previous};
use super::message::Message;
use super::template::{SectionBody, Template, YearLink};
use super::templates;

/// Next year's draft and what was done to make it, in words for the clerk.
#[derive(Clone, Debug, PartialEq)]
pub struct NextYear {
    /// The new draft.
    pub draft: Draft,
    /// What was carried, cleared or could not be carried.
    pub notes: Vec<Message>,
}

/// The draft for the year after `last`'s, with id `id`.
pub fn next_year(last: &Draft, id: &str) -> NextYear {
    let year = last.meta.year.saturating_add(1);
    let last_template = last.template();
    let template = match last_template {
        Some(t) if t.is_for_year(year) => t,
        _ => templates::for_year(year),
    };
    let mut draft = Draft::new(id, template, year, &last.meta.body);
    let mut notes = Vec::new();

    let meta = &mut draft.meta;
    let old = &last.meta;
    meta.title = old.title.as_ref().map(|t| next_year_text(t, old.year));
    meta.disclosure = old.disclosure.clone();
    meta.address = old.address.clone();
    meta.postcode = old.postcode.clone();
    meta.phone = old.phone.clone();
    meta.published_at = old.published_at.clone();
    meta.site = old.site.clone();
    notes.push(Message::new(
        format!("年度改为{year}年；索引号、文号和公开日期已清空，请按今年的填写。"),
        format!("The year is now {year}; the index number, document number and publication date are cleared for this year's."),
    ));

    draft.opening = last.opening.as_ref().map(|t| next_year_text(t, old.year));
    if draft.opening.is_some() {
        draft.stale.insert(text_key(None, None));
    }
    carry_texts(last, template, &mut draft);
    if !draft.stale.is_empty() {
        notes.push(Message::new(
            "文字部分保留为起草基础，标为“待更新”，修改后标记消失。",
            "The texts are kept as a starting point and marked “to update” until edited.",
        ));
    }
    draft.units = last
        .units
        .iter()
        .filter(|(k, _)| template.cell_key(k).is_some())
        .map(|(k, v)| (k.clone(), *v))
        .collect();
    draft.charts = last.charts;

    if let Some(last_template) = last_template {
        if last_template.id != template.id {
            notes.push(Message::new(
                format!(
                    "{year}年的报告使用{}格式（{}），上一年为{}格式：表格按新格式重新填写。",
                    template.id, template.issued_with, last_template.id
                ),
                format!(
                    "Reports on {year} use the {} format ({}); last year's was {}: the tables follow the new format.",
                    template.id, template.issued_with, last_template.id
                ),
            ));
        }
        carry_cells(last, last_template, template, &mut draft, &mut notes);
    }
    draft.previous = Some(Previous::of(last));
    NextYear { draft, notes }
}

/// Copies the text sections that both formats have, marking each non-empty text as stale.
fn carry_texts(last: &Draft, template: &Template, draft: &mut Draft) {
    for section in template.sections {
        let SectionBody::Text(spec) = &section.body else {
            continue;
        };
        let Some(old) = last.texts.get(&section.key) else {
            continue;
        };
        let new = draft.texts.entry(section.key).or_default();
        if !old.text.trim().is_empty() {
            new.text = old.text.clone();
            draft.stale.insert(text_key(Some(section.key), None));
        }
        for (aspect, text) in old.parts(spec) {
            if !text.trim().is_empty() {
                new.aspects.insert(aspect.id.to_string(), text.to_string());
                draft
                    .stale
                    .insert(text_key(Some(section.key), Some(aspect.id)));
            }
        }
    }
}

/// Fills this year's cells that the format links to last year's ([`YearLink::Carry`]).
fn carry_cells(
    last: &Draft,
    last_template: &'static Template,
    template: &'static Template,
    draft: &mut Draft,
    notes: &mut Vec<Message>,
) {
    for link in template.links {
        match link {
            YearLink::Carry {
                table, from, to, ..
            } => {
                let mut carried = 0;
                let mut missing = Vec::new();
                for (cell, then) in template.carry_pairs(last_template, table, from, to) {
                    // A figure last year's page printed but nobody read is not a 0: it stays
                    // unknown this year too, until the clerk types it.
                    if then.as_ref().is_some_and(|t| last.is_unread(t.key())) {
                        draft.unread.insert(cell.key().to_string());
                        missing.push(cell.column_name());
                        continue;
                    }
                    let then = then
                        .and_then(|t| Some(CellValue::read(last.cell(t.key()), t.value_kind()?)));
                    // A blank cell printed as 0 last year, so 0 is what was carried over.
                    let value = match then {
                        Some(CellValue::Number(n)) => Some(n.to_string()),
                        Some(CellValue::Blank) => Some("0".to_string()),
                        Some(CellValue::Invalid(_)) | None => None,
                    };
                    match value {
                        Some(v) => {
                            draft.set_cell(cell.key(), &v);
                            carried += 1;
                        }
                        None => missing.push(cell.column_name()),
                    }
                }
                let (to_label, from_label) = (
                    row_label(template, table, to),
                    row_label(last_template, table, from),
                );
                if carried > 0 {
                    notes.push(Message::new(
                        format!("已结转{carried}个单元格：{to_label} ← 上一年的{from_label}。"),
                        format!("Carried {carried} cells: {to_label} ← last year's {from_label}."),
                    ));
                }
                if !missing.is_empty() {
                    notes.push(Message::new(
                        format!(
                            "上一年的{from_label}不是数字，未结转：{}。",
                            missing.join("、")
                        ),
                        format!(
                            "Last year's {from_label} is not a number, not carried: {}.",
                            missing.join(", ")
                        ),
                    ));
                }
            }
            YearLink::Stock { table, stock, .. } => {
                let has_stock = last_template
                    .cells()
                    .any(|c| c.table.id == *table && c.column.column.id == *stock);
                let label = template
                    .cells()
                    .find(|c| c.table.id == *table && c.column.column.id == *stock)
                    .map(|c| c.column.column.label)
                    .unwrap_or(stock);
                notes.push(if has_stock {
                    Message::new(
                        format!("上一年的{label}作为今年核对的基数（X-valid）。"),
                        format!(
                            "Last year's {label} is the baseline for this year's check (X-valid)."
                        ),
                    )
                } else {
                    Message::new(
                        format!(
                            "上一年的{}格式没有“{label}”，无法作为今年的基数。",
                            last_template.id
                        ),
                        format!(
                            "Last year's {} format has no “{label}”; there is no baseline for it.",
                            last_template.id
                        ),
                    )
                });
            }
        }
    }
}

/// The official label of row `row` in `table` (the id when the format has no such row).
pub fn row_label(template: &Template, table: &str, row: &str) -> &'static str {
    template
        .table(table)
        .into_iter()
        .flat_map(|t| t.blocks.iter())
        .flat_map(|b| b.data_rows())
        .find(|r| r.row.id == row)
        .map(|r| r.row.label)
        .unwrap_or("")
}

/// `text` with the report year moved on: each `{year}年` becomes `{year + 1}年`.
fn next_year_text(text: &str, year: i32) -> String {
    text.replace(
        &format!("{year}年"),
        &format!("{}年", year.saturating_add(1)),
    )
}
