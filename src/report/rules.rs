//! The consistency rules of the official format, run over a draft.
//!
//! Each [`Finding`] names its rule, how serious it is, exactly where it is and, in both
//! languages, the numbers involved, so that a clerk can fix it without doing sums by hand.

use super::calendar::{is_date, is_time};
use super::compute::{CellValue, Sheet};
use super::draft::{Draft, Meta};
pub use super::finding::{CellLocation, Field, Finding, Location, Severity};
use super::message::Message;
use super::number::{self, ValueKind};
use super::template::{CellAt, CellKey, ColumnKind, RowKind, Rule, SectionBody, Template};

/// Runs every rule of the draft's format; an unknown format yields no findings.
pub fn check(draft: &Draft) -> Vec<Finding> {
    match draft.template() {
        Some(template) => {
            check_reusing_text(template, draft, &Sheet::compute(template, draft), None)
        }
        None => Vec::new(),
    }
}

/// Runs every rule with a sheet already computed; rule N-text's findings are given when the
/// caller has them already (an editor defers N-text over long texts while the clerk types: it
/// reads every sentence), else found here.
pub fn check_reusing_text(
    template: &Template,
    draft: &Draft,
    sheet: &Sheet,
    text: Option<&[Finding]>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    range(template, draft, sheet, &mut out);
    stated_totals(template, draft, sheet, &mut out);
    balances(template, draft, sheet, &mut out);
    required(template, draft, &mut out);
    unread(template, draft, &mut out);
    scale(template, sheet, &mut out);
    match text {
        Some(found) => out.extend_from_slice(found),
        None => super::ntext::check(template, draft, sheet, &mut out),
    }
    super::cross_year::check(template, draft, sheet, &mut out);
    stale(template, draft, &mut out);
    out
}

/// `range`: input cells hold values of their kind; stated totals and the fee are numbers; the
/// year and the publication date are well formed.
fn range(template: &Template, draft: &Draft, sheet: &Sheet, out: &mut Vec<Finding>) {
    for cell in template.cells() {
        let key = cell.key();
        let typed = draft.cell(key);
        let error = match cell.value_kind() {
            Some(_) => match sheet.get(key) {
                CellValue::Invalid(e) => Some(e),
                _ => None,
            },
            None if typed.is_empty() => None,
            None => number::parse(typed, ValueKind::Count).err(),
        };
        if let Some(e) = error {
            let name = cell.name();
            let why = e.message();
            out.push(Finding {
                rule: Rule::Range,
                severity: Severity::Error,
                location: Location::Cells {
                    cells: vec![cell.location(template)],
                },
                message: Message::new(
                    format!("{name}：“{typed}”{}", why.zh),
                    format!("{name}: “{typed}” {}", why.en),
                ),
            });
        }
    }
    for section in template.sections {
        if let SectionBody::Text(spec) = &section.body {
            if let Some(fee) = &spec.fee {
                let typed = draft.text(section.key).fee;
                if let Err(e) = number::parse(&typed, ValueKind::Decimal { unit: fee.unit }) {
                    let why = e.message();
                    out.push(Finding {
                        rule: Rule::Range,
                        severity: Severity::Error,
                        location: Location::Fee {
                            section: section.key,
                        },
                        message: Message::new(
                            format!("{}金额：“{typed}”{}", fee.label, why.zh),
                            format!("Amount of {}: “{typed}” {}", fee.label, why.en),
                        ),
                    });
                }
            }
        }
    }
    let meta = &draft.meta;
    if !Meta::YEARS.contains(&meta.year) {
        out.push(field_error(
            Field::Year,
            format!("年度“{}”不在1990至2100之间", meta.year),
            format!("Year “{}” is not between 1990 and 2100", meta.year),
        ));
    }
    if !meta.pub_date.trim().is_empty() && !is_date(meta.pub_date.trim()) {
        out.push(field_error(
            Field::PubDate,
            format!(
                "公开日期“{}”应写作 YYYY-MM-DD，例如 2026-01-20",
                meta.pub_date
            ),
            format!(
                "Publication date “{}” must read YYYY-MM-DD, e.g. 2026-01-20",
                meta.pub_date
            ),
        ));
    }
    if let Some(w) = pub_date_warning(meta) {
        out.push(w);
    }
    if !meta.pub_time.trim().is_empty() && !is_time(meta.pub_time.trim()) {
        out.push(field_error(
            Field::PubTime,
            format!(
                "公开时间“{}”应写作 HH:MM（24小时制），例如 15:15",
                meta.pub_time
            ),
            format!(
                "Publication time “{}” must read HH:MM (24-hour), e.g. 15:15",
                meta.pub_time
            ),
        ));
    }
}

/// A 公开日期 that cannot be right for the report's year: before the year is over, or after the
/// deadline of whoever's report it is (a government's 31 March when the title does not tell).
fn pub_date_warning(meta: &Meta) -> Option<Finding> {
    use super::calendar::day_number;
    use super::kind::Kind;
    let date = meta.pub_date.trim();
    let published = day_number(date)?;
    let year = meta.year;
    let year_end = day_number(&format!("{year}-12-31"))?;
    let (zh, en) = if published <= year_end {
        (
            format!("公开日期{date}在{year}年度结束之前：年度报告在次年公开，请核对日期或年度"),
            format!("Publication date {date} is before {year} is over: a report is published the year after; check the date or the year"),
        )
    } else {
        let kind = Kind::of_report(&meta.title(), &meta.body).unwrap_or(Kind::Government);
        let deadline = kind.deadline(year);
        if published <= day_number(&deadline)? {
            return None;
        }
        let whose = kind.label();
        (
            format!("公开日期{date}晚于{}报告的截止日期{deadline}", whose.zh),
            format!(
                "Publication date {date} is after the deadline of a {}'s report, {deadline}",
                whose.en
            ),
        )
    };
    Some(Finding {
        rule: Rule::Range,
        severity: Severity::Warning,
        location: Location::Field {
            field: Field::PubDate,
        },
        message: Message::new(zh, en),
    })
}

fn field_error(field: Field, zh: String, en: String) -> Finding {
    Finding {
        rule: Rule::Range,
        severity: Severity::Error,
        location: Location::Field { field },
        message: Message::new(zh, en),
    }
}

/// `T3-total`, `T3-sum`, `T4-total`: a total stated in the draft equals what its parts add up to.
fn stated_totals(template: &Template, draft: &Draft, sheet: &Sheet, out: &mut Vec<Finding>) {
    for cell in template.cells().filter(|c| !c.is_input()) {
        let key = cell.key();
        let Ok(Some(stated)) = number::parse(draft.cell(key), ValueKind::Count) else {
            continue;
        };
        // A total over a figure the reader could not read cannot be checked.
        if !sheet.known(key) {
            continue;
        }
        let stated = stated.whole().unwrap_or(0);
        let computed = sheet.whole(key);
        if stated == computed {
            continue;
        }
        let (sum, parts) = match (&cell.row.row.kind, &cell.column.column.kind) {
            (RowKind::Total(s), _) => (s, parts_of(&cell, s.of, true)),
            (_, ColumnKind::Total(s)) => (s, parts_of(&cell, s.of, false)),
            _ => continue,
        };
        let terms: Vec<String> = parts
            .iter()
            .map(|p| sheet.whole(p.key()).to_string())
            .collect();
        let mut cells = vec![cell.location(template)];
        cells.extend(parts.iter().map(|p| p.location(template)));
        let name = cell.name();
        let (zh_parts, en_parts) = if cell_is_row_total(&cell) {
            ("各分项行", "the rows it totals")
        } else {
            ("各列", "the columns it totals")
        };
        out.push(Finding {
            rule: sum.rule,
            severity: Severity::Error,
            location: Location::Cells { cells },
            message: Message::new(
                format!(
                    "{name}填写为{stated}，但{zh_parts}相加为{computed}（{}），相差{}",
                    terms.join("+"),
                    (stated - computed).abs()
                ),
                format!(
                    "{name} is stated as {stated}, but {en_parts} add up to {computed} ({}), a difference of {}",
                    terms.join(" + "),
                    (stated - computed).abs()
                ),
            ),
        });
    }
}

fn cell_is_row_total(cell: &CellAt) -> bool {
    matches!(cell.row.row.kind, RowKind::Total(_))
}

/// The cells a total adds up: other rows of its column, or other columns of its row.
fn parts_of(cell: &CellAt, of: &[&str], rows: bool) -> Vec<CellAt> {
    cell.table
        .cells()
        .filter(|c| {
            if rows {
                c.column.column.id == cell.column.column.id && of.contains(&c.row.row.id)
            } else {
                c.row.row.id == cell.row.row.id && of.contains(&c.column.column.id)
            }
        })
        .collect()
}

/// `T3-balance`: for every value column, the rows on the left add up to the rows on the right.
fn balances(template: &Template, draft: &Draft, sheet: &Sheet, out: &mut Vec<Finding>) {
    // A total the report printed is what its balance is read with: a total that does not
    // add up is `T3-sum`'s to say, not a second finding here.
    let whole = |c: &CellAt| -> i64 {
        if !c.is_input() {
            if let Ok(Some(n)) = number::parse(draft.cell(c.key()), ValueKind::Count) {
                return n.whole().unwrap_or(0);
            }
        }
        sheet.whole(c.key())
    };
    for table in template.tables() {
        for block in table.blocks {
            for balance in block.balances {
                for column in block.value_columns() {
                    if !matches!(column.column.kind, ColumnKind::Value(_)) {
                        continue;
                    }
                    let side = |rows: &[&'static str]| -> Vec<CellAt> {
                        rows.iter()
                            .filter_map(|r| {
                                template.cell(CellKey::new(table.id, r, column.column.id))
                            })
                            .collect()
                    };
                    let (left, right) = (side(balance.left), side(balance.right));
                    if left.iter().chain(&right).any(|c| !sheet.known(c.key())) {
                        continue;
                    }
                    let total = |cells: &[CellAt]| -> i64 { cells.iter().map(&whole).sum() };
                    let (l, r) = (total(&left), total(&right));
                    if l == r {
                        continue;
                    }
                    let terms = |cells: &[CellAt], zh: bool| -> String {
                        cells
                            .iter()
                            .map(|c| {
                                let label = c.row.row.label;
                                let v = whole(c);
                                if zh {
                                    format!("{label}（{v}）")
                                } else {
                                    format!("{label} ({v})")
                                }
                            })
                            .collect::<Vec<_>>()
                            .join(" + ")
                    };
                    let col = column.column.label;
                    out.push(Finding {
                        rule: balance.rule,
                        severity: Severity::Error,
                        location: Location::Cells {
                            cells: left.iter().chain(&right).map(|c| c.location(template)).collect(),
                        },
                        message: Message::new(
                            format!(
                                "“{col}”列：{} = {l}，而 {} = {r}，两者应相等（相差{}）",
                                terms(&left, true),
                                terms(&right, true),
                                (l - r).abs()
                            ),
                            format!(
                                "Column “{col}”: {} = {l}, but {} = {r}; they must be equal (difference {})",
                                terms(&left, false),
                                terms(&right, false),
                                (l - r).abs()
                            ),
                        ),
                    });
                }
            }
        }
    }
}

/// `S-stale`: a text carried over from last year that nobody has looked at since (待更新).
fn stale(template: &Template, draft: &Draft, out: &mut Vec<Finding>) {
    // Every keystroke runs the rules, and almost no draft has a stale text: name none then.
    if draft.stale.is_empty() {
        return;
    }
    if draft.is_stale(None, None) {
        out.push(Finding {
            rule: Rule::SStale,
            severity: Severity::Warning,
            location: Location::Field {
                field: Field::Opening,
            },
            message: Message::new(
                "开头段落沿用上一年度的文字，待更新",
                "The opening paragraph is last year's, to update",
            ),
        });
    }
    for section in template.sections {
        let SectionBody::Text(spec) = &section.body else {
            continue;
        };
        let heading = section.heading;
        let parts = std::iter::once((None, None))
            .chain(spec.aspects.iter().map(|a| (Some(a.id), Some(a.label))));
        for (aspect, label) in parts {
            if draft.is_stale(Some(section.key), aspect) {
                let name = match label {
                    Some(label) => format!("{heading}（{label}）"),
                    None => heading.to_string(),
                };
                out.push(Finding {
                    rule: Rule::SStale,
                    severity: Severity::Warning,
                    location: Location::Section {
                        section: section.key,
                    },
                    message: Message::new(
                        format!("“{name}”沿用上一年度的文字，待更新"),
                        format!("“{name}” is last year's text, to update"),
                    ),
                });
            }
        }
    }
}

/// `S-scale`: a count beyond what its table plausibly holds for one body (`Table::scale`): the
/// warning says what it compares, and the usual cause (figures typed together).
fn scale(template: &Template, sheet: &Sheet, out: &mut Vec<Finding>) {
    for table in template.tables() {
        for cell in table.cells().filter(|c| c.is_input()) {
            if !matches!(cell.value_kind(), Some(ValueKind::Count)) {
                continue;
            }
            let value = sheet.whole(cell.key());
            if value <= table.scale {
                continue;
            }
            let name = cell.name();
            let limit = table.scale;
            out.push(Finding {
                rule: Rule::SScale,
                severity: Severity::Warning,
                location: Location::Cells {
                    cells: vec![cell.location(template)],
                },
                message: Message::new(
                    format!("{name}为{value}，超过这张表一个机关常见的最大规模（{limit}）：请核对，是否把几个数连在一起输入了"),
                    format!("{name} is {value}, beyond the largest figure this table plausibly holds for one body ({limit}): check it; were several figures typed together?"),
                ),
            });
        }
    }
}

/// `S-unread`: per table, the cells a reader could not read from the page, and the checks
/// that were therefore not run on them.
fn unread(template: &Template, draft: &Draft, out: &mut Vec<Finding>) {
    if draft.unread.is_empty() {
        return;
    }
    for section in template.sections {
        let SectionBody::Table(table) = &section.body else {
            continue;
        };
        let cells: Vec<CellAt> = table
            .cells()
            .filter(|c| c.is_input() && draft.is_unread(c.key()))
            .collect();
        if cells.is_empty() {
            continue;
        }
        let inputs = table.cells().filter(|c| c.is_input()).count();
        let mut skipped: Vec<Rule> = Vec::new();
        let sums = table
            .cells()
            .filter_map(|c| match (&c.row.row.kind, &c.column.column.kind) {
                (RowKind::Total(s), _) | (_, ColumnKind::Total(s)) => Some(s.rule),
                _ => None,
            });
        let balances = table
            .blocks
            .iter()
            .flat_map(|b| b.balances.iter().map(|b| b.rule));
        for rule in sums.chain(balances) {
            if !skipped.contains(&rule) {
                skipped.push(rule);
            }
        }
        let checks_zh: Vec<&str> = skipped.iter().map(|r| r.words().0).collect();
        let checks_en: Vec<&str> = skipped.iter().map(|r| r.words().1).collect();
        let heading = section.heading;
        let (zh_rest, en_rest) = if checks_zh.is_empty() {
            (String::new(), String::new())
        } else {
            (
                format!("；涉及这些单元格的{}未检查", checks_zh.join("、")),
                format!(
                    "; the {} involving them were not checked",
                    checks_en.join(", ")
                ),
            )
        };
        let n = cells.len();
        let message = if n == inputs {
            Message::new(
                format!("“{heading}”的表格未能从页面读取（页面上没有这张表，或读取时无法对应到表格的行和列；不等于单位没有填写）{zh_rest}。请对照原文核对"),
                format!("The table of “{heading}” could not be read from the page (it is not there, or its rows and columns could not be placed; not the same as left blank){en_rest}. Check it against the original"),
            )
        } else {
            Message::new(
                format!("“{heading}”有{n}个单元格未能从页面读取（不等于空白）{zh_rest}。请对照原文核对"),
                format!("{n} cell{} of “{heading}” could not be read from the page (not the same as blank){en_rest}. Check against the original", if n == 1 { "" } else { "s" }),
            )
        };
        out.push(Finding {
            rule: Rule::SUnread,
            severity: Severity::Warning,
            location: Location::Cells {
                cells: cells.iter().map(|c| c.location(template)).collect(),
            },
            message,
        });
    }
}

/// `S-required`: every section has content, 六 states the fee where the format asks, and the
/// issuing body is named.
fn required(template: &Template, draft: &Draft, out: &mut Vec<Finding>) {
    if draft.meta.body.trim().is_empty() {
        out.push(Finding {
            rule: Rule::SRequired,
            severity: Severity::Warning,
            location: Location::Field { field: Field::Body },
            message: Message::new(
                "尚未填写发布机构",
                "The issuing body (发布机构) is not filled in",
            ),
        });
    }
    for section in template.sections {
        let heading = section.heading;
        let empty = match &section.body {
            SectionBody::Text(spec) => !draft.text(section.key).has_text(spec),
            // A table the reader could not read is not the unit's blank: `S-unread` says so.
            SectionBody::Table(table) => table.cells().all(|c| {
                !c.is_input()
                    || (draft.cell(c.key()).trim().is_empty() && !draft.is_unread(c.key()))
            }),
        };
        if empty {
            let (zh, en) = match section.body {
                SectionBody::Text(_) => (
                    format!("“{heading}”没有内容（无事项可报告时，应写明“无”）"),
                    format!(
                        "“{heading}” has no content (with nothing to report, a report states “无”)"
                    ),
                ),
                SectionBody::Table(_) => (
                    format!("“{heading}”的表格一个数字也没有填写（空白按0计）"),
                    format!("No number is filled in the table of “{heading}” (blanks count as 0)"),
                ),
            };
            out.push(Finding {
                rule: Rule::SRequired,
                severity: Severity::Warning,
                location: Location::Section {
                    section: section.key,
                },
                message: Message::new(zh, en),
            });
        }
        if let SectionBody::Text(spec) = &section.body {
            if let Some(fee) = &spec.fee {
                let text = draft.text(section.key);
                // A text that states the fee in its own words states it.
                let in_words = || {
                    super::fee::stated(&text.text).is_some()
                        || text
                            .aspects
                            .values()
                            .any(|t| super::fee::stated(t).is_some())
                };
                if text.fee.trim().is_empty() && !in_words() {
                    out.push(Finding {
                        rule: Rule::SRequired,
                        severity: Severity::Warning,
                        location: Location::Fee {
                            section: section.key,
                        },
                        message: Message::new(
                            format!("“{heading}”没有写明收取{}的金额（没有收取的，应写明为0）", fee.label),
                            format!(
                                "“{heading}” does not state the amount of {} collected (none collected is stated as 0)",
                                fee.label
                            ),
                        ),
                    });
                }
            }
        }
    }
}
