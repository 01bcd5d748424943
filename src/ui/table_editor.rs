//! The table editor: a block laid out exactly as the printed form (shared layout with the
//! exporter), inputs named by row and column, totals computed on every keystroke, broken rules
//! marked on the exact cells, arrow keys and Enter to move, rows pasted from a spreadsheet.

use super::editing::{cell_dom_id, focus_id, use_announcer, use_editing};
use super::i18n::{pick, use_lang};
use crate::report::export;
use crate::report::grid::{self, Direction};
use crate::report::layout::layout;
use crate::report::number::{MoneyUnit, ValueKind};
use crate::report::rules::Location;
use crate::report::template::{Block, CellAt, CellKey, Corner, Table};
use crate::report::Severity;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One block of a table, editable.
#[component]
pub fn BlockEditor(
    /// The table the block is in.
    table: &'static Table,
    /// The block to lay out and edit.
    block: &'static Block,
) -> impl IntoView {
    let grid = layout(table, block);
    let caption = block.caption.unwrap_or(table.caption);
    let depth = grid.header_depth;
    let labels = grid.label_columns;
    let span = |n: usize| (n > 1).then_some(n);
    let header = grid
        .header_rows
        .iter()
        .enumerate()
        .map(|(level, cells)| {
            let corner = (level == 0).then(|| match grid.corner {
                Corner::NoRowLabels => None,
                Corner::Heading(h) => Some(view! { <th scope="col" rowspan=span(depth) colspan=span(labels)>{h}</th> }.into_any()),
                Corner::Note(n) => Some(view! { <td class="nb-note" rowspan=span(depth) colspan=span(labels)>{n}</td> }.into_any()),
            });
            let heads = cells
                .iter()
                .map(|h| {
                    let scope = if h.is_group() { "colgroup" } else { "col" };
                    let class = if h.is_total() { "nb-computed-head" } else { "" };
                    view! { <th scope=scope class=class colspan=span(h.colspan) rowspan=span(h.rowspan)>{h.column.label}</th> }
                })
                .collect_view();
            view! { <tr>{corner.flatten()}{heads}</tr> }
        })
        .collect_view();
    // A table taller than a screen keeps its column headers in view while the clerk types in
    // its lower rows (三: 商业企业 and 科研机构 told apart on row 二十).
    let wrap_class = if grid.rows.len() > 8 {
        "nb-table-wrap nb-table-tall"
    } else {
        "nb-table-wrap"
    };
    let body = grid
        .rows
        .into_iter()
        .map(|row| {
            let groups = row
                .groups
                .iter()
                .map(|g| view! { <th class="nb-group" rowspan=span(g.rowspan)>{g.row.label}</th> })
                .collect_view();
            let label = row
                .label
                .map(|(r, colspan)| view! { <th scope="row" colspan=span(colspan)>{r.label}</th> });
            let cells = row
                .cells
                .into_iter()
                .map(|cell| {
                    if cell.is_input() {
                        view! { <CellInput cell=cell /> }.into_any()
                    } else {
                        view! { <CellTotal cell=cell /> }.into_any()
                    }
                })
                .collect_view();
            view! { <tr>{groups}{label}{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class=wrap_class lang="zh-CN">
            <table class="nb-grid">
                <caption>{caption}</caption>
                <thead>{header}</thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// The messages of the errors that name this cell, in the current language.
fn cell_errors(key: CellKey) -> Memo<Vec<crate::report::Message>> {
    let e = use_editing();
    // Red marks wait until the clerk asks for the check (see `editing::Asked`).
    let shown = super::editing::step_of_cell(e.template, key)
        .map(|step| super::editing::errors_shown(e.template, step));
    Memo::new(move |_| {
        if shown.is_some_and(|shown| !shown()) {
            return Vec::new();
        }
        e.findings.with(|fs| {
            fs.iter()
                .filter(|f| {
                    f.severity == Severity::Error
                        && matches!(&f.location, Location::Cells { cells } if cells.iter().any(|c| c.key == key))
                })
                .map(|f| f.message.clone())
                .collect()
        })
    })
}

/// An input cell.
#[component]
fn CellInput(cell: CellAt) -> impl IntoView {
    let e = use_editing();
    let lang = use_lang();
    let announcer = use_announcer();
    let key = cell.key();
    let name = cell.name();
    let dom_id = cell_dom_id(key);
    let error_id = format!("{dom_id}-error");
    let kind = cell.value_kind().unwrap_or(ValueKind::Count);
    let errors = cell_errors(key);
    let inputmode = match kind {
        ValueKind::Count => "numeric",
        ValueKind::Decimal { .. } | ValueKind::Amount => "decimal",
        // Touch keyboards' numeric pads often lack a minus sign.
        ValueKind::SignedCount => "text",
    };
    let template = e.template;
    // A memo per cell: a keystroke elsewhere re-reads this cell's text but writes the DOM only
    // when it changed.
    let value = { Memo::new(move |_| e.draft.with(|d| d.cell(key).to_string())) };
    let last_paste = use_context::<super::table_step::LastPaste>();
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        // An amount typed with its unit: the number goes in, the unit is picked (or the value
        // converted to the column's), and the screen says so.
        if let Some(typed) = grid::typed_amount(&text, kind) {
            e.draft.update(|d| {
                d.set_cell(key, &typed.text);
                if let Some(u) = typed.unit {
                    d.set_unit(key, u);
                }
            });
            if let Some(input) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                input.set_value(&typed.text);
            }
            announcer.say(typed.said.get(lang.get_untracked()).to_string());
            if let Some(p) = last_paste {
                p.0.set(Some(typed.said));
            }
            return;
        }
        e.draft.update(|d| d.set_cell(key, &text));
    };
    let on_keydown = {
        move |ev: leptos::ev::KeyboardEvent| {
            let input: Option<web_sys::HtmlInputElement> =
                ev.target().and_then(|t| t.dyn_into().ok());
            let (at_start, at_end) = input
                .map(|i| {
                    let len = i.value().encode_utf16().count() as u32;
                    let start = i.selection_start().ok().flatten().unwrap_or(0);
                    let end = i.selection_end().ok().flatten().unwrap_or(len);
                    (start == 0 && end == 0, start == len && end == len)
                })
                .unwrap_or((true, true));
            // Ctrl+Z right after a paste or fill undoes all of it, not one cell's text (after
            // anything else, the browser's own undo of the cell's text).
            if (ev.ctrl_key() || ev.meta_key())
                && ev.key().eq_ignore_ascii_case("z")
                && !ev.shift_key()
                && last_paste.is_some_and(|p| p.pending(e))
            {
                ev.prevent_default();
                if last_paste.and_then(|p| p.undo(e)).is_some() {
                    announcer.say(pick(lang.get_untracked(), "已撤销", "Undone").to_string());
                }
                return;
            }
            if ev.key() == "Enter" {
                // Never stay put: the next number typed would join this one.
                ev.prevent_default();
                if let Some(next) = grid::next_input(template, key, !ev.shift_key()) {
                    focus_id(&cell_dom_id(next));
                }
                return;
            }
            let direction = match ev.key().as_str() {
                "ArrowUp" => Some(Direction::Up),
                "ArrowDown" => Some(Direction::Down),
                "ArrowLeft" if at_start => Some(Direction::Left),
                "ArrowRight" if at_end => Some(Direction::Right),
                _ => None,
            };
            if let Some(d) = direction {
                if let Some(next) = grid::neighbor(template, key, d) {
                    ev.prevent_default();
                    focus_id(&cell_dom_id(next));
                }
            }
        }
    };
    let on_paste = {
        move |ev: leptos::ev::ClipboardEvent| {
            let Some(data) = ev.clipboard_data() else {
                return;
            };
            let text = data.get_data("text/plain").unwrap_or_default();
            let html = data.get_data("text/html").ok().filter(|h| !h.is_empty());
            let rows = grid::clipboard_rows(&text, html.as_deref());
            if grid::pastes_as_typed(&text, &rows, kind) {
                return;
            }
            ev.prevent_default();
            let plan = grid::plan_rows(template, key, rows);
            let before = e.draft.get_untracked();
            e.draft.update(|d| {
                for (k, v) in &plan.fills {
                    d.set_cell(*k, v);
                }
                for (k, u) in &plan.units {
                    d.set_unit(*k, *u);
                }
            });
            let summary = plan.summary();
            announcer.say(summary.get(lang.get_untracked()).to_string());
            if let Some(p) = last_paste {
                p.done(e, before);
                p.0.set(Some(summary));
            }
        }
    };
    let invalid = move || errors.with(|m| !m.is_empty());
    // The reason in words for pointer users too; screen readers get it through aria-describedby.
    let reason = move || {
        errors.with(|m| {
            (!m.is_empty()).then(|| {
                m.iter()
                    .map(|x| x.get(lang.get()).to_string())
                    .collect::<Vec<_>>()
                    .join("；")
            })
        })
    };
    let unit =
        (kind == ValueKind::Amount).then(|| view! { <UnitPicker key=key name=name.clone() /> });
    view! {
        <td class=move || if invalid() { "nb-cell nb-cell-error" } else { "nb-cell" } title=reason>
            <span class="nb-cell-flag" aria-hidden="true" hidden=move || !invalid()>"!"</span>
            <input
                id=dom_id
                class="nb-cell-input"
                type="text"
                inputmode=inputmode
                autocomplete="off"
                maxlength=crate::report::file::MAX_CELL_CHARS
                aria-label=name
                aria-invalid=move || invalid().then_some("true")
                aria-describedby=move || invalid().then(|| error_id.clone())
                prop:value=value
                on:input=on_input
                on:keydown=on_keydown
                on:paste=on_paste
            />
            {unit}
            {move || invalid().then(|| view! {
                <span class="nb-visually-hidden" id=format!("{}-error", cell_dom_id(key))>
                    {errors.with(|m| m.iter().map(|x| x.get(lang.get()).to_string()).collect::<Vec<_>>().join("；"))}
                </span>
            })}
        </td>
    }
}

/// The 元/万元 choice of an amount cell (2019 采购总金额).
#[component]
fn UnitPicker(key: CellKey, name: String) -> impl IntoView {
    let e = use_editing();
    let current = move || e.draft.with(|d| d.unit(key));
    view! {
        <select
            class="nb-unit"
            aria-label=format!("{name} 单位")
            on:change=move |ev| {
                let unit = if event_target_value(&ev) == "万元" { MoneyUnit::WanYuan } else { MoneyUnit::Yuan };
                e.draft.update(|d| d.set_unit(key, unit));
            }
        >
            {[MoneyUnit::Yuan, MoneyUnit::WanYuan]
                .into_iter()
                .map(|u| {
                    view! { <option value=u.label() selected=move || current() == u>{u.label()}</option> }
                })
                .collect_view()}
        </select>
    }
}

/// A computed cell: read-only, updated on every keystroke, named like an input.
#[component]
fn CellTotal(cell: CellAt) -> impl IntoView {
    let e = use_editing();
    let key = cell.key();
    let errors = cell_errors(key);
    let dom_id = cell_dom_id(key);
    let name = cell.name();
    let value = move || {
        e.draft
            .with(|d| e.sheet.with(|s| export::cell_text(&cell, d, s)))
    };
    view! {
        <td class=move || if errors.with(Vec::is_empty) { "nb-cell nb-computed" } else { "nb-cell nb-computed nb-cell-error" }>
            <output id=dom_id aria-live="off" aria-label=name tabindex="-1">{value}</output>
        </td>
    }
}
