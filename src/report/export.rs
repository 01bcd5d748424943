//! The published page: a standalone HTML5 document, or the fragment a site's editor keeps.
//!
//! The page is self-contained (inline CSS, no script, no external request, a CSP that says so),
//! carries the page metadata of 国办发〔2017〕47号, and lays the tables out as the printed form
//! does. The fragment (复制, 下载片段) is the same report in the form CMS editors keep: see
//! [`Form::Cms`] and `docs/cms.md`. Every string from the draft goes through [`escape`];
//! nothing from the user is markup.

use super::compute::{CellValue, Sheet};
use super::draft::Draft;
use super::layout::layout;
use super::markup::escape;
use super::number::{self, ValueKind};
use super::template::{
    Block, CellAt, Corner, FeeSpec, Section, SectionBody, Table, Template, TextSpec,
};
use std::fmt::Write;

/// The page's CSS; every selector is scoped to the wrapper class, so the fragment can share it.
pub const CSS: &str = include_str!("export.css");

/// The class of the element that wraps the report in the page and the fragment.
pub const WRAPPER_CLASS: &str = "nianbao-report";

/// `ColumnType` of 国办发〔2017〕47号 for annual reports.
pub const COLUMN_TYPE: &str = "信息公开年报";

/// The Content-Security-Policy of the page: nothing but its own inline styles.
pub const CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/// The rule a site adds to its style sheet when its editor drops the tables' borders
/// (wangEditor 5; CKEditor 5 without its content CSS): one line, for the administrator.
pub const SITE_CSS: &str = "table { border-collapse: collapse; } table th, table td { border: 1px solid #4d4d4d; padding: 4px 6px; }";

/// The two forms of the report's markup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// The standalone page: a scoped style sheet, `<article>` and `<section>`s, the catalogue as
    /// a `<dl>`, captions (visually hidden where the heading says the same).
    Page,
    /// What survives a site's editor (KindEditor, wangEditor, TinyMCE, CKEditor), pasted or set
    /// in its source view: no `<style>` (editors drop it or show it as text), styles inline and
    /// borders as table attributes; no wrapper elements (wangEditor 5 collapses a report inside
    /// one); the catalogue as `<p>索引号：…</p>` lines (editors flatten a `<dl>`); each block title
    /// of 二 as a first row spanning its table (editors lose or move captions); no hidden caption
    /// (editors drop what hides it); no chart (editors drop SVG).
    Cms,
}

/// The inline styles of the CMS form, mirroring `export.css`: what a site without our style
/// sheet shows.
mod cms_style {
    pub const TABLE: &str = " border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\" style=\"border-collapse: collapse; width: 100%; font-size: 14px; line-height: 1.5; margin: 12px 0;\"";
    pub const HEAD: &str = " style=\"border: 1px solid #4d4d4d; padding: 4px 6px; background: #eeeeee; text-align: center; font-weight: bold;\"";
    pub const LABEL: &str = " style=\"border: 1px solid #4d4d4d; padding: 4px 6px; text-align: left; font-weight: normal;\"";
    pub const TOTAL_LABEL: &str = " style=\"border: 1px solid #4d4d4d; padding: 4px 6px; text-align: left; font-weight: bold;\"";
    pub const VALUE: &str = " style=\"border: 1px solid #4d4d4d; padding: 4px 6px; text-align: right; white-space: nowrap;\"";
    pub const TOTAL: &str = " style=\"border: 1px solid #4d4d4d; padding: 4px 6px; text-align: right; white-space: nowrap; font-weight: bold;\"";
    pub const NOTE: &str = " style=\"border: 1px solid #4d4d4d; padding: 4px 6px; text-align: left; font-size: 13px;\"";
    pub const TITLE: &str = " style=\"border: 1px solid #4d4d4d; padding: 4px 6px; text-align: left; font-weight: bold;\"";
    pub const H1: &str = " style=\"text-align: center;\"";
    pub const P: &str = " style=\"text-indent: 2em;\"";
}

/// The complete HTML5 page for a draft.
pub fn page(template: &Template, draft: &Draft) -> String {
    let meta = &draft.meta;
    let title = meta.title();
    let mut out = String::with_capacity(48 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        out,
        "<meta name=\"generator\" content=\"{}\">",
        escape(&super::version::generator())
    );
    let _ = writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
    );
    let _ = writeln!(out, "<title>{}</title>", escape(&title));
    out.push_str("<link rel=\"icon\" href=\"data:,\">\n");
    let mut tags: Vec<(&str, String)> = vec![("ArticleTitle", title.clone())];
    if let Some(date) = meta.pub_date_time().filter(|_| meta.pub_date_valid()) {
        tags.push(("PubDate", date));
    }
    tags.push(("ContentSource", meta.body.trim().to_string()));
    tags.push(("ColumnType", COLUMN_TYPE.to_string()));
    for (name, value) in [
        ("SiteName", &meta.site.name),
        ("SiteDomain", &meta.site.domain),
        ("SiteIDCode", &meta.site.id_code),
        ("ColumnName", &meta.site.column),
    ] {
        tags.push((name, value.trim().to_string()));
    }
    for (name, value) in tags.iter().filter(|(_, v)| !v.is_empty()) {
        let _ = writeln!(out, "<meta name=\"{name}\" content=\"{}\">", escape(value));
    }
    let _ = writeln!(out, "<style>\n{CSS}</style>\n</head>\n<body>\n<main>");
    article(template, draft, Form::Page, &mut out);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The report for a site's editor (复制, 下载片段): [`Form::Cms`], no `<html>` or `<head>`.
pub fn fragment(template: &Template, draft: &Draft) -> String {
    let mut out = String::with_capacity(64 * 1024);
    article(template, draft, Form::Cms, &mut out);
    out
}

fn article(template: &Template, draft: &Draft, form: Form, out: &mut String) {
    let sheet = Sheet::compute(template, draft);
    let p = if form == Form::Cms { cms_style::P } else { "" };
    if form == Form::Page {
        let _ = writeln!(out, "<article class=\"{WRAPPER_CLASS}\">");
        catalogue(draft, out);
        let _ = writeln!(out, "<h1>{}</h1>", escape(&draft.meta.title()));
    } else {
        catalogue_lines(draft, out);
        let _ = writeln!(
            out,
            "<h1{}>{}</h1>",
            cms_style::H1,
            escape(&draft.meta.title())
        );
    }
    paragraphs_with(&draft.opening(), p, out);
    for (i, section) in template.sections.iter().enumerate() {
        if form == Form::Page {
            let _ = writeln!(
                out,
                "<section aria-labelledby=\"nb-s{n}\">\n<h2 id=\"nb-s{n}\">{}</h2>",
                escape(section.heading),
                n = i + 1
            );
        } else {
            let _ = writeln!(out, "<h2>{}</h2>", escape(section.heading));
        }
        match &section.body {
            SectionBody::Text(spec) => text_section(template, section, spec, draft, &sheet, p, out),
            SectionBody::Table(table) => {
                table_section(table, draft, &sheet, form, out);
                if draft.charts && form == Form::Page {
                    for (n, chart) in template.charts.iter().enumerate() {
                        if chart.section == section.key {
                            out.push_str(&super::chart::figure(chart, &sheet, n + 1));
                        }
                    }
                    year_over_year(template, draft, &sheet, section.key, out);
                }
            }
        }
        if form == Form::Page {
            out.push_str("</section>\n");
        }
    }
    if form == Form::Page {
        out.push_str("</article>\n");
    }
}

fn catalogue(draft: &Draft, out: &mut String) {
    let meta = &draft.meta;
    out.push_str("<dl class=\"nb-catalogue\">\n");
    for (label, value) in meta.catalogue() {
        let value = match label {
            _ if value.is_empty() => "—".to_string(),
            "公开日期" if meta.pub_date_valid() => {
                format!("<time datetime=\"{0}\">{0}</time>", escape(&value))
            }
            _ => escape(&value),
        };
        let _ = writeln!(out, "<div><dt>{label}</dt><dd>{value}</dd></div>");
    }
    out.push_str("</dl>\n");
}

/// The catalogue as the lines sites print it (`索引号：…`), which every editor keeps.
fn catalogue_lines(draft: &Draft, out: &mut String) {
    for (label, value) in draft.meta.catalogue() {
        let value = if value.is_empty() {
            "—".to_string()
        } else {
            escape(&value)
        };
        let _ = writeln!(out, "<p>{label}：{value}</p>");
    }
}

/// Chinese numerals for sub-headings （一） to （十）.
const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/// A text section as printed: the fee sentence (if the format asks for one and it is filled),
/// the main text, then the filled sub-parts with their numbered headings.
pub(crate) struct TextParts {
    pub(crate) fee: Option<String>,
    pub(crate) text: String,
    pub(crate) sub_parts: Vec<(String, String)>,
}

/// The sentence that states a fee amount on the page (六 under `ogi-2021`); the importer
/// knows it again, so the amount it states goes back into the fee field, not the text.
pub fn fee_sentence(year: i32, fee: &FeeSpec, typed: &str) -> String {
    let amount = shown(typed, ValueKind::Decimal { unit: fee.unit });
    format!("{year}年度，本机关收取{}{amount}{}。", fee.label, fee.unit)
}

pub(crate) fn text_parts(
    template: &Template,
    section: &Section,
    spec: &TextSpec,
    draft: &Draft,
    sheet: &Sheet,
) -> TextParts {
    let text = draft.text(section.key);
    let fill = |t: &str| super::bindings::fill(template, sheet, t);
    let fee = spec.fee.as_ref().and_then(|fee| {
        let typed = text.fee.trim();
        (!typed.is_empty()).then(|| fee_sentence(draft.meta.year, fee, typed))
    });
    let sub_parts = spec
        .aspects
        .iter()
        .filter_map(|a| {
            text.aspects
                .get(a.id)
                .filter(|t| !t.trim().is_empty())
                .map(|t| (a, t))
        })
        .enumerate()
        .map(|(i, (aspect, body))| {
            let numeral = NUMERALS.get(i).copied().unwrap_or("");
            (format!("（{numeral}）{}", aspect.label), fill(body))
        })
        .collect();
    TextParts {
        fee,
        text: fill(&text.text),
        sub_parts,
    }
}

fn text_section(
    template: &Template,
    section: &Section,
    spec: &TextSpec,
    draft: &Draft,
    sheet: &Sheet,
    p: &str,
    out: &mut String,
) {
    let parts = text_parts(template, section, spec, draft, sheet);
    if let Some(fee) = parts.fee {
        let _ = writeln!(out, "<p{p}>{}</p>", escape(&fee));
    }
    paragraphs_with(&parts.text, p, out);
    for (heading, body) in parts.sub_parts {
        let _ = writeln!(out, "<h3>{}</h3>", escape(&heading));
        paragraphs_with(&body, p, out);
    }
}

/// A value as printed: the number read from the text, 0 for blank, or the text itself when it
/// is not a number (the `range` rule reports those).
fn shown(typed: &str, kind: ValueKind) -> String {
    match number::parse(typed, kind) {
        Ok(Some(n)) => n.to_string(),
        Ok(None) => "0".to_string(),
        Err(_) => typed.trim().to_string(),
    }
}

fn table_section(
    table: &'static Table,
    draft: &Draft,
    sheet: &Sheet,
    form: Form,
    out: &mut String,
) {
    let many = table.blocks.len() > 1;
    for (i, block) in table.blocks.iter().enumerate() {
        let prefix = if many {
            format!("nb-{}-{}", table.id, i + 1)
        } else {
            format!("nb-{}", table.id)
        };
        let title = block.caption.filter(|_| many);
        match form {
            Form::Page => {
                let caption = match title {
                    Some(c) => format!("<caption>{}</caption>", escape(c)),
                    None => format!(
                        "<caption class=\"nb-visually-hidden\">{}</caption>",
                        escape(table.caption)
                    ),
                };
                let _ = writeln!(out, "<div class=\"nb-table-wrap\">\n<table>\n{caption}");
                block_table(table, block, &prefix, draft, sheet, form, None, out);
                out.push_str("</table>\n</div>\n");
            }
            Form::Cms => {
                let _ = writeln!(out, "<table{}>", cms_style::TABLE);
                block_table(table, block, &prefix, draft, sheet, form, title, out);
                out.push_str("</table>\n");
            }
        }
    }
}

/// Whether cells need explicit `headers`: more than one level of column or row headings.
fn needs_headers(block: &Block) -> bool {
    block.header_depth() > 1 || block.label_depth() > 1
}

/// One block as a table's head and body; `title` (the CMS form's block title) becomes a first
/// row spanning the table.
#[allow(clippy::too_many_arguments)]
fn block_table(
    table: &'static Table,
    block: &'static Block,
    prefix: &str,
    draft: &Draft,
    sheet: &Sheet,
    form: Form,
    title: Option<&str>,
    out: &mut String,
) {
    let grid = layout(table, block);
    let depth = grid.header_depth;
    let labels = grid.label_columns;
    let cms = form == Form::Cms;
    let style = |inline: &'static str| if cms { inline } else { "" };
    out.push_str("<thead>\n");
    if let Some(title) = title {
        let width = labels + grid.rows.first().map_or(0, |r| r.cells.len());
        let _ = writeln!(
            out,
            "<tr><th scope=\"colgroup\"{}{}>{}</th></tr>",
            span("colspan", width),
            cms_style::TITLE,
            escape(title)
        );
    }
    for (level, cells) in grid.header_rows.iter().enumerate() {
        out.push_str("<tr>");
        if level == 0 {
            match grid.corner {
                Corner::NoRowLabels => {}
                Corner::Heading(h) => {
                    let _ = write!(
                        out,
                        "<th scope=\"col\"{}{} id=\"{prefix}-corner\"{}>{}</th>",
                        span("rowspan", depth),
                        span("colspan", labels),
                        style(cms_style::HEAD),
                        escape(h)
                    );
                }
                Corner::Note(n) => {
                    let _ = write!(
                        out,
                        "<td class=\"nb-note\"{}{}{}>{}</td>",
                        span("rowspan", depth),
                        span("colspan", labels),
                        style(cms_style::NOTE),
                        escape(n)
                    );
                }
            }
        }
        for head in cells {
            let scope = if head.is_group() { "colgroup" } else { "col" };
            let class = if head.is_total() {
                " class=\"nb-total\""
            } else {
                ""
            };
            let _ = write!(
                out,
                "<th scope=\"{scope}\" id=\"{prefix}-c-{}\"{class}{}{}{}>{}</th>",
                head.column.id,
                span("colspan", head.colspan),
                span("rowspan", head.rowspan),
                style(cms_style::HEAD),
                escape(head.column.label)
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</thead>\n<tbody>\n");
    let explicit = needs_headers(block);
    for row in &grid.rows {
        out.push_str("<tr>");
        for group in &row.groups {
            let _ = write!(
                out,
                "<th id=\"{prefix}-r-{}\"{}{}>{}</th>",
                group.row.id,
                span("rowspan", group.rowspan),
                style(cms_style::LABEL),
                escape(group.row.label)
            );
        }
        if let Some((label, colspan)) = row.label {
            let class = if row.is_total() {
                " class=\"nb-total\""
            } else {
                ""
            };
            let inline = if row.is_total() {
                cms_style::TOTAL_LABEL
            } else {
                cms_style::LABEL
            };
            let _ = write!(
                out,
                "<th scope=\"row\" id=\"{prefix}-r-{}\"{class}{}{}>{}</th>",
                label.id,
                span("colspan", colspan),
                style(inline),
                escape(label.label)
            );
        }
        for cell in &row.cells {
            let headers = if explicit {
                let mut ids: Vec<String> = cell
                    .row
                    .ancestors
                    .iter()
                    .map(|r| r.id)
                    .chain((labels > 0).then_some(cell.row.row.id))
                    .map(|id| format!("{prefix}-r-{id}"))
                    .collect();
                ids.extend(
                    cell.column
                        .ancestors
                        .iter()
                        .map(|c| c.id)
                        .chain([cell.column.column.id])
                        .map(|id| format!("{prefix}-c-{id}")),
                );
                if let Corner::Heading(_) = block.corner {
                    ids.push(format!("{prefix}-corner"));
                }
                format!(" headers=\"{}\"", ids.join(" "))
            } else {
                String::new()
            };
            let (class, inline) = if cell.is_input() {
                ("", cms_style::VALUE)
            } else {
                (" class=\"nb-total\"", cms_style::TOTAL)
            };
            let text = cell_text(cell, draft, sheet);
            let _ = write!(
                out,
                "<td{class}{headers}{}>{}</td>",
                style(inline),
                escape(&text)
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n");
}

/// A cell as printed: typed values read as numbers (with their unit where the user picks one),
/// computed values from the sheet.
pub fn cell_text(cell: &CellAt, draft: &Draft, sheet: &Sheet) -> String {
    let key = cell.key();
    match cell.value_kind() {
        Some(kind) => {
            let mut v = shown(draft.cell(key), kind);
            if kind == ValueKind::Amount {
                v.push_str(draft.unit(key).label());
            }
            v
        }
        // A total over a figure nobody read is not known: printed blank, never a part sum.
        None if !sheet.known(key) => String::new(),
        None => match sheet.get(key) {
            CellValue::Number(n) => n.to_string(),
            _ => "0".to_string(),
        },
    }
}

fn span(name: &str, n: usize) -> String {
    if n > 1 {
        format!(" {name}=\"{n}\"")
    } else {
        String::new()
    }
}

/// Writes `text` as paragraphs: blank lines separate paragraphs, a single line break stays one.
pub fn paragraphs(text: &str, out: &mut String) {
    paragraphs_with(text, "", out);
}

/// The same, each `<p>` with `attributes` (the CMS form's inline style).
fn paragraphs_with(text: &str, attributes: &str, out: &mut String) {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut para: Vec<&str> = Vec::new();
    let flush = |para: &mut Vec<&str>, out: &mut String| {
        if !para.is_empty() {
            let lines: Vec<String> = para.iter().map(|l| escape(l.trim())).collect();
            let _ = writeln!(out, "<p{attributes}>{}</p>", lines.join("<br>"));
            para.clear();
        }
    };
    for line in text.lines() {
        if line.trim().is_empty() {
            flush(&mut para, out);
        } else {
            para.push(line);
        }
    }
    flush(&mut para, out);
}

/// The report as plain text, for the clipboard beside the rich text: the catalogue, headings,
/// paragraphs, and each table as tab-separated rows that paste into a spreadsheet.
pub fn plain_text(template: &Template, draft: &Draft) -> String {
    let sheet = Sheet::compute(template, draft);
    let meta = &draft.meta;
    let mut out = String::new();
    let _ = writeln!(out, "{}\n", meta.title());
    for (label, value) in meta.catalogue() {
        let _ = writeln!(out, "{label}：{value}");
    }
    let _ = writeln!(out, "\n{}", draft.opening().trim());
    for section in template.sections {
        let _ = writeln!(out, "\n{}", section.heading);
        match &section.body {
            SectionBody::Text(spec) => {
                let parts = text_parts(template, section, spec, draft, &sheet);
                if let Some(fee) = parts.fee {
                    let _ = writeln!(out, "{fee}");
                }
                if !parts.text.trim().is_empty() {
                    let _ = writeln!(out, "{}", parts.text.trim());
                }
                for (heading, body) in parts.sub_parts {
                    let _ = writeln!(out, "{heading}\n{}", body.trim());
                }
            }
            SectionBody::Table(table) => {
                for block in table.blocks {
                    if let Some(caption) = block.caption {
                        let _ = writeln!(out, "{caption}");
                    }
                    let columns = block.value_columns();
                    let heads: Vec<String> = columns
                        .iter()
                        .map(|c| {
                            c.ancestors
                                .iter()
                                .map(|a| a.label)
                                .chain([c.column.label])
                                .collect::<Vec<_>>()
                                .join(" ")
                        })
                        .collect();
                    let _ = writeln!(out, "\t{}", heads.join("\t"));
                    for row in layout(table, block).rows {
                        let name = row.cells.first().map(CellAt::row_name).unwrap_or_default();
                        let values: Vec<String> = row
                            .cells
                            .iter()
                            .map(|c| cell_text(c, draft, &sheet))
                            .collect();
                        let _ = writeln!(out, "{name}\t{}", values.join("\t"));
                    }
                }
            }
        }
    }
    out
}

/// A file name for the exported page: the title plus `suffix`.
pub fn file_name(draft: &Draft, suffix: &str) -> String {
    let title = super::file::file_safe(&draft.meta.title(), 80);
    format!("{}{suffix}", if title.is_empty() { "年报" } else { &title })
}

/// The this-year-against-last chart, after its section's table, when last year is linked.
fn year_over_year(
    template: &Template,
    draft: &Draft,
    sheet: &Sheet,
    section: super::template::SectionKey,
    out: &mut String,
) {
    let (Some(chart), Some(previous)) = (&template.year_over_year, &draft.previous) else {
        return;
    };
    let Some(last_template) = super::templates::by_id(&previous.template) else {
        return;
    };
    if chart.section != section {
        return;
    }
    let last = Sheet::compute(last_template, &previous.as_draft());
    let n = template.charts.len() + 1;
    out.push_str(&super::chart::comparison(
        chart,
        (sheet, draft.meta.year),
        (&last, previous.year),
        n,
    ));
}
