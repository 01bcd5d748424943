//! The recognition report as HTML, for the import screen: what the page said in every cell of
//! the official tables, what was converted or not read, and the rows left out.
//!
//! It is read-only, so it is built here as markup (every text escaped) rather than as many
//! small reactive views, which keeps the app's download small.

use super::page::{CellStatus, Recognition};
use crate::report::markup::escape;
use crate::report::message::{Lang, Message};
use crate::report::rules::{self};
use crate::report::template::CellKey;
use crate::report::Severity;
use std::fmt::Write;

fn pick<'a>(lang: Lang, zh: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The class of a cell in the report: read, converted (or read as 0), unreadable, missing.
pub fn status_class(status: &CellStatus) -> &'static str {
    match status {
        CellStatus::Read => "nb-cell-read",
        CellStatus::ZeroMark | CellStatus::Converted(_) | CellStatus::CloseLabel(_) => {
            "nb-cell-converted"
        }
        CellStatus::Unreadable(_) => "nb-cell-unreadable",
        CellStatus::NotFound => "nb-cell-missing",
    }
}

/// How many rows not read the report lists at once; the rest come a page at a time
/// ([`unplaced_pages`]), so a file of 100,000 unplaced rows never draws 100,000 list items.
pub const UNPLACED_PAGE: usize = 100;

/// The errors of the draft read from the page, worked out once for both languages.
pub fn page_errors(r: &Recognition) -> Vec<Message> {
    rules::check(&r.draft)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.message)
        .collect()
}

/// The report's body (everything but the heading and the buttons) in `lang`.
pub fn report_html(r: &Recognition, lang: Lang) -> String {
    report_html_with(r, lang, &page_errors(r))
}

/// The rows not read after the first [`UNPLACED_PAGE`], as list items, a page to a string.
pub fn unplaced_pages(r: &Recognition, lang: Lang) -> Vec<String> {
    r.unplaced
        .iter()
        .skip(UNPLACED_PAGE)
        .collect::<Vec<_>>()
        .chunks(UNPLACED_PAGE)
        .map(|page| page.iter().map(|u| unplaced_item(u, lang)).collect())
        .collect()
}

fn unplaced_item(u: &super::page::Unplaced, lang: Lang) -> String {
    format!(
        "<li><span lang=\"zh-CN\">{}</span>：{}</li>",
        escape(&u.text),
        escape(u.reason.get(lang))
    )
}

/// The report's body in `lang`, with the page's errors already worked out.
pub fn report_html_with(r: &Recognition, lang: Lang, errors: &[Message]) -> String {
    let mut h = String::new();
    let msg = |m: &Message| escape(m.get(lang));
    let _ = write!(h, "<p>{}</p>", msg(&r.format));
    h.push_str("<dl class=\"nb-summary-dl\">");
    for f in &r.fields {
        let value = f
            .value
            .clone()
            .unwrap_or_else(|| pick(lang, "（未找到）", "(not found)").into());
        let note = f
            .note
            .as_ref()
            .map(|n| format!("（{}）", msg(n)))
            .unwrap_or_default();
        let _ = write!(h, "<dt>{}</dt><dd>{}{note}</dd>", f.label, escape(&value));
    }
    h.push_str("</dl><ul class=\"nb-sections-found\">");
    for super::page::SectionRead { heading, found, .. } in &r.sections {
        let mark = if *found {
            pick(lang, "已找到", "found")
        } else {
            pick(lang, "未找到", "not found")
        };
        let _ = write!(h, "<li>{heading}：{mark}</li>");
    }
    h.push_str("</ul>");
    let super::page::Tally {
        read,
        zero,
        converted,
        close_label: close,
        unreadable,
        missing,
    } = r.tally();
    let _ = write!(
        h,
        "<p id=\"nb-recognition-tally\">{}</p>",
        match lang {
            Lang::Zh => format!("表格：读取{read}个数字，{zero}个空白或“-”“/”“无”按0计，{converted}个经单位或文字换算，{close}个所在行的标签与官方略有不同，{unreadable}个无法读取，{missing}个页面上没有。"),
            Lang::En => format!("Tables: {read} numbers read, {zero} blanks or marks read as 0, {converted} converted from units or words, {close} in rows whose label differs slightly, {unreadable} unreadable, {missing} not on the page."),
        }
    );
    let _ = write!(
        h,
        "<p class=\"nb-hint\">{}</p>",
        pick(
            lang,
            "下表中“—”为页面上没有的单元格（保持空白，不会猜测）；带*的单元格经过换算、按0计或无法读取（黄色、红色），把鼠标移到单元格上可看到原文和说明。",
            "“—” marks cells not on the page (left blank, never guessed); cells marked * were converted, read as 0 or could not be read (yellow, red); hover a cell to see the printed text and why.",
        )
    );
    tables(&mut h, r, lang);
    let explained: Vec<String> = r
        .cells
        .iter()
        .filter(|c| !matches!(c.status, CellStatus::ZeroMark))
        .filter_map(|c| {
            c.explain()
                .map(|m| format!("<li>{}：{}</li>", escape(&c.name), msg(&m)))
        })
        .collect();
    if !explained.is_empty() {
        let n = explained.len();
        let _ = write!(
            h,
            "<details><summary>{}</summary><ul>{}</ul></details>",
            match lang {
                Lang::Zh => format!("{n}个单元格经过换算、标签有出入或无法读取"),
                Lang::En => format!("{n} cells converted, with near labels or unreadable"),
            },
            explained.concat()
        );
    }
    if !r.notes.is_empty() {
        h.push_str("<ul>");
        for n in r.notes.iter().take(UNPLACED_PAGE) {
            let _ = write!(h, "<li>{}</li>", msg(n));
        }
        if r.notes.len() > UNPLACED_PAGE {
            let more = r.notes.len() - UNPLACED_PAGE;
            let _ = write!(
                h,
                "<li>{}</li>",
                match lang {
                    Lang::Zh => format!("另有{more}条说明未列出。"),
                    Lang::En => format!("{more} more notes not listed."),
                }
            );
        }
        h.push_str("</ul>");
    }
    if !errors.is_empty() {
        let n = errors.len();
        let _ = write!(
            h,
            "<div class=\"nb-banner nb-banner-error\"><p><strong>{}</strong></p><ul>",
            match lang {
                Lang::Zh => format!("页面上的表格本身有{n}处不一致，导入后会在草稿中标出："),
                Lang::En =>
                    format!("The page's own tables break {n} rules; the draft will show them:"),
            }
        );
        for m in errors.iter().take(5) {
            let _ = write!(h, "<li>{}</li>", msg(m));
        }
        h.push_str("</ul></div>");
    }
    // Last, so that the screen can add the further pages right under it.
    if !r.unplaced.is_empty() {
        let n = r.unplaced.len();
        let _ = write!(
            h,
            "<h4>{}</h4>",
            match (lang, n > UNPLACED_PAGE) {
                (Lang::Zh, true) => format!("未读取的行（共{n}行，先列出前{UNPLACED_PAGE}行）"),
                (Lang::En, true) =>
                    format!("Rows not read ({n}; the first {UNPLACED_PAGE} listed)"),
                (Lang::Zh, false) => "未读取的行".to_string(),
                (Lang::En, false) => "Rows not read".to_string(),
            }
        );
        h.push_str("<ul class=\"nb-unplaced\">");
        for u in r.unplaced.iter().take(UNPLACED_PAGE) {
            h.push_str(&unplaced_item(u, lang));
        }
        h.push_str("</ul>");
    }
    h
}

/// Every block of the format's tables, each cell coloured by how it was read.
fn tables(h: &mut String, r: &Recognition, lang: Lang) {
    let Some(template) = r.draft.template() else {
        return;
    };
    for table in template.tables() {
        for block in table.blocks {
            let name = match block.caption {
                Some(c) => format!("{} {c}", table.caption),
                None => table.caption.to_string(),
            };
            // Wide tables scroll; the region takes focus so keyboard users can scroll it.
            let _ = write!(
                h,
                "<div class=\"nb-table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{name}\"><table class=\"nb-recognised\"><caption>{name}</caption><thead>"
            );
            // The printed form's header tree (四's 行政复议 / 未经复议直接起诉 / 复议后起诉 over
            // their columns), as the editor and the page lay it out.
            let grid = super::super::layout::layout(table, block);
            for (level, cells) in grid.header_rows.iter().enumerate() {
                h.push_str("<tr>");
                if level == 0 {
                    let _ = write!(
                        h,
                        "<th scope=\"col\" rowspan=\"{}\">{}</th>",
                        grid.header_depth.max(1),
                        pick(lang, "行", "Row")
                    );
                }
                for cell in cells {
                    let scope = if cell.is_group() { "colgroup" } else { "col" };
                    let span = |name: &str, n: usize| {
                        if n > 1 {
                            format!(" {name}=\"{n}\"")
                        } else {
                            String::new()
                        }
                    };
                    let _ = write!(
                        h,
                        "<th scope=\"{scope}\"{}{}>{}</th>",
                        span("colspan", cell.colspan),
                        span("rowspan", cell.rowspan),
                        cell.column.label
                    );
                }
                h.push_str("</tr>");
            }
            let columns = block.value_columns();
            h.push_str("</thead><tbody>");
            for row in block.data_rows() {
                let label = if row.row.label.is_empty() {
                    pick(lang, "数量", "Count")
                } else {
                    row.row.label
                };
                let _ = write!(h, "<tr><th scope=\"row\">{label}</th>");
                for c in &columns {
                    let cell = r.cell(CellKey::new(table.id, row.row.id, c.column.id));
                    let class = cell.map_or("nb-cell-missing", |c| status_class(&c.status));
                    let value = cell
                        .and_then(|c| c.value.clone())
                        .unwrap_or_else(|| "—".into());
                    match cell.and_then(|c| c.explain()) {
                        // Not by colour alone: a visible mark, and the reason in words for
                        // screen readers (the title is for the mouse).
                        Some(why) => {
                            let why = escape(why.get(lang));
                            let _ = write!(
                                h,
                                "<td class=\"{class}\" title=\"{why}\">{}<span aria-hidden=\"true\">*</span><span class=\"nb-visually-hidden\">（{why}）</span></td>",
                                escape(&value)
                            );
                        }
                        None => {
                            let _ = write!(h, "<td class=\"{class}\">{}</td>", escape(&value));
                        }
                    }
                }
                h.push_str("</tr>");
            }
            h.push_str("</tbody></table></div>");
        }
    }
}
