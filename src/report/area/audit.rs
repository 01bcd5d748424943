//! 检查: the published reports of an area checked at once, as an office or an assessment body
//! does each spring: on time, in format, every rule (勾稽关系, S-required, text against tables),
//! the cross-year checks where the same body's previous year is in the set, and the cells
//! that could not be read. A row per report ([`Row`]), as a table to sort, filter and file.

use super::workbook::{Cell, Grid};
use super::{body_key, finding_row, FindingRow, UnitRead};
use crate::report::calendar::day_number;
use crate::report::compute::Sheet;
use crate::report::cross_year;
use crate::report::draft::Previous;
use crate::report::finding::Severity;
pub use crate::report::kind::Kind;
use crate::report::message::{Lang, Message};
use crate::report::templates;
use serde::{Deserialize, Serialize};

/// Whether two bodies' names are the same body's: equal, or one the other with a region
/// before it (淮安市洪泽区人民政府 / 洪泽区人民政府) or its office after it (平潭综合实验区 /
/// 平潭综合实验区管委会办公室). Returns `Some(true)` when equal, `Some(false)` when only alike.
pub fn same_body(a: &str, b: &str) -> Option<bool> {
    let (a, b) = (body_key(a), body_key(b));
    if a.is_empty() || b.is_empty() {
        return None;
    }
    if a == b {
        return Some(true);
    }
    let (a, b) = (body_core(&a), body_core(&b));
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    if short.chars().count() < 2 {
        return None;
    }
    if short == long {
        return Some(false);
    }
    let prefix = long.strip_suffix(short.as_str())?;
    const REGION_ENDS: &[char] = &['省', '市', '区', '县', '州', '盟', '旗'];
    prefix
        .chars()
        .last()
        .filter(|c| REGION_ENDS.contains(c))
        .map(|_| false)
}

/// A body's name without what a government's office or its own name adds at the end.
fn body_core(key: &str) -> String {
    let mut k = key.to_string();
    loop {
        let before = k.len();
        for end in ["办公室", "办公厅", "管委会", "管理委员会", "人民政府"] {
            if let Some(rest) = k.strip_suffix(end) {
                // A government's 办公室 publishes reports of its own too: 淮安市人民政府办公室
                // is not 淮安市人民政府.
                let own_office = matches!(end, "办公室" | "办公厅") && rest.ends_with("人民政府");
                if rest.chars().count() >= 2 && !own_office {
                    k = rest.to_string();
                }
            }
        }
        if k.len() == before {
            return k;
        }
    }
}

/// Whether a report was published on time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "state")]
pub enum Timeliness {
    /// Published by the deadline.
    OnTime,
    /// Published this many days after it.
    Late {
        /// Days after the deadline.
        days: i64,
    },
    /// Not known, and why.
    Unknown {
        /// What is missing.
        why: Message,
    },
}

/// Whether a report on `year` published on `pub_date` by a body of `kind` was on time.
pub fn timeliness(pub_date: &str, year: i32, kind: Option<Kind>) -> Timeliness {
    let Some(kind) = kind else {
        return Timeliness::Unknown {
            why: Message::fixed(
                "不知道是部门还是本级政府的报告：请选择",
                "Not known whether a department's or a government's report: choose",
            ),
        };
    };
    match (
        day_number(pub_date.trim()),
        day_number(&kind.deadline(year)),
    ) {
        (Some(published), Some(due)) if published > due => Timeliness::Late {
            days: published - due,
        },
        (Some(_), Some(_)) => Timeliness::OnTime,
        _ => Timeliness::Unknown {
            why: Message::fixed("页面没有公开日期", "The page gives no publication date"),
        },
    }
}

impl Timeliness {
    /// How the table says it.
    pub fn label(&self) -> Message {
        match self {
            Timeliness::OnTime => Message::fixed("按时", "on time"),
            Timeliness::Late { days } => {
                Message::new(format!("逾期{days}天"), format!("{days} days late"))
            }
            Timeliness::Unknown { why } => Message::new(
                format!("未知（{}）", why.zh),
                format!("unknown ({})", why.en),
            ),
        }
    }
}

/// The pairs of reports of the same body in consecutive years (this, the year before), by
/// index: their cross-year checks can run.
pub fn year_pairs(units: &[UnitRead]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, u) in units.iter().enumerate() {
        if u.refused.is_some() || u.body.trim().is_empty() {
            continue;
        }
        let earlier: Vec<(usize, bool)> = units
            .iter()
            .enumerate()
            .filter(|(_, p)| p.refused.is_none() && p.year.checked_add(1) == Some(u.year))
            .filter_map(|(j, p)| same_body(&u.body, &p.body).map(|exact| (j, exact)))
            .collect();
        // The same name wins; a name alike pairs only when it is the one alike.
        let exact: Vec<usize> = earlier
            .iter()
            .filter(|(_, e)| *e)
            .map(|(j, _)| *j)
            .collect();
        match (exact.as_slice(), earlier.as_slice()) {
            ([j], _) => out.push((i, *j)),
            ([], [(j, _)]) => out.push((i, *j)),
            _ => {}
        }
    }
    out
}

/// The reports `this` may be paired with by hand (the person knows two names are one body):
/// every readable report of the year before, those whose name is alike first.
pub fn earlier_candidates(units: &[UnitRead], this: usize) -> Vec<usize> {
    let Some(u) = units.get(this).filter(|u| u.refused.is_none()) else {
        return Vec::new();
    };
    let mut found: Vec<(bool, usize)> = units
        .iter()
        .enumerate()
        .filter(|(j, p)| *j != this && p.refused.is_none() && p.year.checked_add(1) == Some(u.year))
        .map(|(j, p)| (same_body(&u.body, &p.body).is_none(), j))
        .collect();
    found.sort();
    found.into_iter().map(|(_, j)| j).collect()
}

/// A report of the set named by its place, body and year (第3份：某局（2024年）): not by its
/// file name, which its own row carries, so that a row found by its file's name is that row.
pub fn named(units: &[UnitRead], j: usize) -> Message {
    match units.get(j) {
        Some(u) => Message::new(
            format!("第{}份：{}（{}年）", j + 1, u.body, u.year),
            format!("No. {}: {} ({})", j + 1, u.body, u.year),
        ),
        None => Message::fixed("—", "—"),
    }
}

/// The cross-year findings (X-carry, X-valid) of `this` against `before`, the same body's
/// report of the year before.
pub fn cross_year(this: &UnitRead, before: &UnitRead) -> Vec<FindingRow> {
    let (Some(mut draft), Some(last)) = (this.draft(), before.draft()) else {
        return Vec::new();
    };
    let Some(template) = templates::by_id(&draft.template) else {
        return Vec::new();
    };
    let mut previous = Previous::of(&last);
    previous.from_file = true;
    draft.previous = Some(previous);
    let sheet = Sheet::compute(template, &draft);
    let mut found = Vec::new();
    cross_year::check(template, &draft, &sheet, &mut found);
    found.iter().map(|f| finding_row(&draft, f)).collect()
}

/// A report in a format that is not the one for its year: the format the audit checks.
fn format_finding(unit: &UnitRead) -> Option<FindingRow> {
    let template = templates::by_id(&unit.template)?;
    if unit.refused.is_some() || template.is_for_year(unit.year) {
        return None;
    }
    let right = templates::for_year(unit.year);
    Some(FindingRow {
        rule: "format".into(),
        severity: Severity::Error,
        place: String::new(),
        message: Message::new(
            format!(
                "格式不对：{}年度的报告应使用{}的格式，本报告用的是{}的格式。",
                unit.year, right.issued_with, template.issued_with
            ),
            format!(
                "Wrong format: a report on {} uses the format of {}; this one uses that of {}.",
                unit.year, right.issued_with, template.issued_with
            ),
        ),
    })
}

/// One report's row of the table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// The file it was read from.
    pub file: String,
    /// Why it could not be read at all.
    pub refused: Option<Message>,
    /// Its 发布机构.
    pub body: String,
    /// The year it is on.
    pub year: i32,
    /// Its format's id.
    pub format: String,
    /// Its 公开日期.
    pub pub_date: String,
    /// Whose report it is, as set or guessed.
    pub kind: Option<Kind>,
    /// The day it was due.
    pub deadline: String,
    /// Whether it was on time.
    pub timeliness: Timeliness,
    /// Every finding: the rules', then the cross-year checks'.
    pub findings: Vec<FindingRow>,
    /// The cells whose text could not be read.
    pub unread: Vec<String>,
    /// How many input cells were not on the page.
    pub missing: usize,
    /// The file of the same body's report of the year before, when it is in the set (the
    /// cross-year checks ran against it); `None`: no earlier year was found.
    pub previous: Option<String>,
}

impl Row {
    /// The row of `unit`, of `kind` (guessed from its body when `None`), with the cross-year
    /// findings found for it.
    pub fn new(unit: &UnitRead, kind: Option<Kind>, cross: Vec<FindingRow>) -> Row {
        let kind = kind.or_else(|| Kind::of_report(&unit.title, &unit.body));
        let mut findings: Vec<FindingRow> = format_finding(unit).into_iter().collect();
        findings.extend(unit.findings.iter().cloned());
        findings.extend(cross);
        Row {
            file: unit.file.clone(),
            refused: unit.refused.clone(),
            body: unit.body.clone(),
            year: unit.year,
            format: unit.template.clone(),
            pub_date: unit.pub_date.clone(),
            kind,
            deadline: kind.map(|k| k.deadline(unit.year)).unwrap_or_default(),
            timeliness: if unit.refused.is_some() {
                Timeliness::Unknown {
                    why: Message::fixed("文件无法读取", "The file cannot be read"),
                }
            } else {
                timeliness(&unit.pub_date, unit.year, kind)
            },
            findings,
            unread: unit.unread.clone(),
            missing: unit.missing,
            previous: None,
        }
    }

    /// How many of its findings have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// The worst thing about it: an error, a warning, or nothing (`None`). A file that cannot
    /// be read, or a late report, counts as an error.
    pub fn worst(&self) -> Option<Severity> {
        if self.refused.is_some()
            || self.count(Severity::Error) > 0
            || matches!(self.timeliness, Timeliness::Late { .. })
        {
            Some(Severity::Error)
        } else if self.count(Severity::Warning) > 0 || !self.unread.is_empty() {
            Some(Severity::Warning)
        } else {
            None
        }
    }
}

/// How a checked set stands, counted once for the app's summary line and the CLI's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Every report given.
    pub reports: usize,
    /// Readable reports with at least one error of the rules.
    pub errors: usize,
    /// Reports published after their deadline.
    pub late: usize,
    /// Files that could not be read as a report.
    pub unreadable: usize,
    /// Reports whose worst is an error: rules, lateness or unreadable.
    pub flagged: usize,
}

impl Tally {
    /// Counts `rows`.
    pub fn of(rows: &[Row]) -> Tally {
        let mut t = Tally {
            reports: rows.len(),
            ..Tally::default()
        };
        for r in rows {
            t.errors += usize::from(r.refused.is_none() && r.count(Severity::Error) > 0);
            t.late += usize::from(matches!(r.timeliness, Timeliness::Late { .. }));
            t.unreadable += usize::from(r.refused.is_some());
            t.flagged += usize::from(r.worst() == Some(Severity::Error));
        }
        t
    }

    /// The app's summary line: 共N份：…份有错误，…份逾期，…份无法读取。
    pub fn sentence(&self) -> Message {
        let Tally {
            reports: n,
            errors,
            late,
            unreadable,
            ..
        } = *self;
        Message::new(
            format!("共{n}份：{errors}份有错误，{late}份逾期，{unreadable}份无法读取。"),
            format!("{n} reports: {errors} with errors, {late} late, {unreadable} unreadable."),
        )
    }
}

/// Every row of a set of units: kinds set by the person where given, guessed otherwise, and
/// the cross-year checks of each body's consecutive years.
pub fn rows(units: &[UnitRead], kinds: &[Option<Kind>]) -> Vec<Row> {
    rows_with(units, kinds, &[])
}

/// Every row, with the pairs the person chose by hand (`(this, Some(before))`, or
/// `(this, None)`: not paired) in place of those found by name.
pub fn rows_with(
    units: &[UnitRead],
    kinds: &[Option<Kind>],
    chosen: &[(usize, Option<usize>)],
) -> Vec<Row> {
    let mut pairs: std::collections::BTreeMap<usize, usize> =
        year_pairs(units).into_iter().collect();
    for &(this, before) in chosen {
        match before.filter(|b| *b < units.len() && *b != this) {
            Some(b) => pairs.insert(this, b),
            None => pairs.remove(&this),
        };
    }
    let mut cross: Vec<Vec<FindingRow>> = vec![Vec::new(); units.len()];
    let mut previous: Vec<Option<String>> = vec![None; units.len()];
    for (this, before) in pairs.into_iter().filter(|(t, _)| *t < units.len()) {
        cross[this] = cross_year(&units[this], &units[before]);
        previous[this] = Some(units[before].file.clone());
    }
    units
        .iter()
        .zip(cross)
        .zip(previous)
        .enumerate()
        .map(|(i, ((u, c), p))| Row {
            previous: p,
            ..Row::new(u, kinds.get(i).copied().flatten(), c)
        })
        .collect()
}

/// The table as the office files it: a row per report, then a sheet with a row per finding.
pub fn grids(rows: &[Row], lang: Lang) -> [Grid; 2] {
    let t = |m: &Message| m.get(lang).to_string();
    let header = [
        ("文件", "File"),
        ("发布机构", "Body"),
        ("年度", "Year"),
        ("格式", "Format"),
        ("公开日期", "Published"),
        ("类型", "Kind"),
        ("截止日期", "Due"),
        ("是否按时", "On time"),
        ("错误", "Errors"),
        ("提示", "Warnings"),
        ("未能读取的单元格", "Cells not read"),
        ("上一年度的报告", "Previous year's report"),
        ("问题", "Findings"),
        ("规则", "Rules"),
    ];
    let pick = |(zh, en): (&str, &str)| if lang == Lang::Zh { zh } else { en }.to_string();
    let mut table = Grid {
        sheet: pick(("检查结果", "Reports")),
        header: header.iter().copied().map(pick).collect(),
        rows: Vec::new(),
    };
    let mut details = Grid {
        sheet: pick(("问题明细", "Findings")),
        header: [
            ("文件", "File"),
            ("发布机构", "Body"),
            ("年度", "Year"),
            ("级别", "Severity"),
            ("规则", "Rule"),
            ("位置", "Place"),
            ("说明", "What is wrong"),
        ]
        .iter()
        .copied()
        .map(pick)
        .collect(),
        rows: Vec::new(),
    };
    let severity = |s: Severity| match (s, lang) {
        (Severity::Error, Lang::Zh) => "错误",
        (Severity::Warning, Lang::Zh) => "提示",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
    };
    for r in rows {
        let mut unread: Vec<String> = r.unread.clone();
        if r.missing > 0 {
            unread.push(pick((
                &format!("{}个单元格未能读取", r.missing),
                &format!("{} cells not read", r.missing),
            )));
        }
        let problems: Vec<String> = match &r.refused {
            Some(why) => vec![t(why)],
            None => r.findings.iter().map(|f| t(&f.message)).collect(),
        };
        table.rows.push(vec![
            Cell::Text(r.file.clone()),
            Cell::Text(r.body.clone()),
            if r.refused.is_some() {
                Cell::Text(String::new())
            } else {
                Cell::Number(r.year.to_string())
            },
            Cell::Text(
                templates::by_id(&r.format).map_or(String::new(), |f| f.issued_with.to_string()),
            ),
            Cell::Text(r.pub_date.clone()),
            Cell::Text(r.kind.map(|k| t(&k.label())).unwrap_or_default()),
            Cell::Text(r.deadline.clone()),
            Cell::Text(t(&r.timeliness.label())),
            Cell::Number(r.count(Severity::Error).to_string()),
            Cell::Number(r.count(Severity::Warning).to_string()),
            Cell::Text(unread.join("；")),
            Cell::Text(match &r.previous {
                Some(file) => file.clone(),
                None if r.refused.is_some() => String::new(),
                None => pick((
                    "未找到（未做跨年度核对）",
                    "not found (no cross-year checks)",
                )),
            }),
            Cell::Text(problems.join("\n")),
            Cell::Text(
                r.findings
                    .iter()
                    .map(|f| f.rule.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        ]);
        for f in &r.findings {
            details.rows.push(vec![
                Cell::Text(r.file.clone()),
                Cell::Text(r.body.clone()),
                Cell::Number(r.year.to_string()),
                Cell::Text(severity(f.severity).into()),
                Cell::Text(f.rule.clone()),
                Cell::Text(f.place.clone()),
                Cell::Text(t(&f.message)),
            ]);
        }
    }
    [table, details]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_told_by_the_body_and_set_the_deadline() {
        assert_eq!(Kind::guess("青禾市临江区人民政府"), Some(Kind::Government));
        assert_eq!(
            Kind::guess("青禾市临江区人民政府办公室"),
            Some(Kind::Department)
        );
        assert_eq!(Kind::guess("临江区教育局"), Some(Kind::Department));
        assert_eq!(Kind::guess(""), None);
        assert_eq!(Kind::Department.deadline(2025), "2026-01-31");
        assert_eq!(Kind::Government.deadline(2025), "2026-03-31");
        assert_eq!(
            timeliness("2026-02-03", 2025, Some(Kind::Department)),
            Timeliness::Late { days: 3 }
        );
        assert_eq!(
            timeliness("2026-02-03", 2025, Some(Kind::Government)),
            Timeliness::OnTime
        );
        assert!(matches!(
            timeliness("", 2025, Some(Kind::Government)),
            Timeliness::Unknown { .. }
        ));
    }
}
