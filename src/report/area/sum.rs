//! 汇总: the units' reports summed into one report for the government that collects them.
//!
//! Every input cell is summed across the units (blank is 0; amounts in one unit), the totals
//! are computed as in any draft, and the new draft records which units it was built from. A
//! unit in another format or year than the target, unreadable, or the same unit twice is
//! refused with the reason; a unit whose own tables break a rule is summed only when the
//! person says so. Nothing is dropped silently: every unit has a verdict.

use super::workbook::{Cell, Grid};
use super::{body_key, UnitRead};
use crate::report::draft::{Draft, UnitSource};
use crate::report::finding::Severity;
use crate::report::message::Message;
use crate::report::number::{self, MoneyUnit, Number, ValueKind, MAX_MAGNITUDE};
use crate::report::template::{CellAt, SectionBody, Template};
use crate::report::templates;
use std::collections::BTreeMap;

const MICROS: i128 = 1_000_000;
const WAN: i128 = 10_000;

/// The report the units are summed into: its format and year.
#[derive(Clone, Copy, Debug)]
pub struct Target {
    /// The format every unit must be in.
    pub template: &'static Template,
    /// The year every unit must be on.
    pub year: i32,
}

impl Target {
    /// The format and year most readable units are in (the later year on a tie): the report
    /// they are most likely meant to be summed into.
    pub fn most_common(units: &[UnitRead]) -> Option<Target> {
        Target::most_common_of(
            units
                .iter()
                .filter(|u| u.refused.is_none())
                .map(|u| (u.year, u.template.as_str())),
        )
    }

    /// The same from each readable unit's year and format id.
    pub fn most_common_of<'a>(units: impl IntoIterator<Item = (i32, &'a str)>) -> Option<Target> {
        let mut counts: BTreeMap<(i32, &str), usize> = BTreeMap::new();
        for key in units {
            *counts.entry(key).or_default() += 1;
        }
        let ((year, id), _) = counts
            .into_iter()
            .max_by_key(|((year, _), n)| (*n, *year))?;
        Some(Target {
            template: templates::by_id(id)?,
            year,
        })
    }
}

/// What is done with a unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Summed.
    Ready,
    /// Its own tables break a rule (this many errors): summed only when the person says so.
    HasErrors(usize),
    /// This many of its cells could not be read from its page: summed only when the person,
    /// knowing which cells are missing, says so (they then count as 0). A unit that also
    /// breaks a rule is [`Verdict::HasErrors`], which asks first.
    Unread(usize),
    /// Its figures, not all zero, are exactly another unit's (by index) under another name:
    /// the same report twice is likelier than chance, so it is summed only when the person
    /// says so; never refused.
    SameFigures(usize),
    /// Not summed, and why.
    Refused(Message),
}

/// The verdict on each unit, in order, for summing into `target` (`drafts`: each unit's draft,
/// read once by [`super::drafts`]).
pub fn assess(units: &[UnitRead], drafts: &[Option<Draft>], target: &Target) -> Vec<Verdict> {
    let mut out = Vec::with_capacity(units.len());
    for (i, u) in units.iter().enumerate() {
        let verdict = match (&u.refused, drafts.get(i).and_then(Option::as_ref)) {
            (Some(why), _) => Verdict::Refused(why.clone()),
            (None, None) => Verdict::Refused(Message::fixed(
                "读出的草稿无法打开。",
                "The draft read from it cannot be opened.",
            )),
            (None, Some(d)) => judge(i, u, d, units, drafts, &out, target),
        };
        out.push(verdict);
    }
    out
}

fn judge(
    i: usize,
    u: &UnitRead,
    draft: &Draft,
    units: &[UnitRead],
    drafts: &[Option<Draft>],
    earlier: &[Verdict],
    target: &Target,
) -> Verdict {
    if u.year != target.year {
        return Verdict::Refused(Message::new(
            format!(
                "年度不同：本单位的报告是{}年度的，汇总的是{}年度。",
                u.year, target.year
            ),
            format!(
                "Another year: this unit's report is on {}, the sum is for {}.",
                u.year, target.year
            ),
        ));
    }
    if u.template != target.template.id {
        let name =
            |id: &str| templates::by_id(id).map_or(id.to_string(), |t| t.issued_with.to_string());
        return Verdict::Refused(Message::new(
            format!(
                "格式不同：本单位用的是{}的格式，汇总按{}的格式进行。请让该单位按{}的格式重新填报。",
                name(&u.template),
                target.template.issued_with,
                target.template.issued_with
            ),
            format!(
                "Another format: this unit used the format of {}, the sum is in the format of {}. Ask the unit for a report in that format.",
                name(&u.template),
                target.template.issued_with
            ),
        ));
    }
    // The same unit twice: the same body and year. The same figures under another body are
    // worth a look, never a refusal: many small units report nothing at all.
    let mut same_figures = None;
    // Computed once, not per earlier unit.
    let any_figure = draft.cells.values().any(|v| {
        number::parse(v, ValueKind::Decimal { unit: "" })
            .ok()
            .flatten()
            .is_some_and(|n| n != Number::Whole(0) && n != Number::Micros(0))
    });
    for (j, other) in units.iter().enumerate().take(i) {
        if matches!(earlier[j], Verdict::Refused(_)) {
            continue;
        }
        let Some(other_draft) = &drafts[j] else {
            continue;
        };
        let same_body = !u.body.trim().is_empty()
            && body_key(&u.body) == body_key(&other.body)
            && u.year == other.year;
        if same_body {
            return Verdict::Refused(Message::new(
                format!(
                    "与第{}个（{}）重复：同一发布机构、同一年度。只汇总一次。",
                    j + 1,
                    other.file
                ),
                format!(
                    "A duplicate of no. {} ({}): the same body and year. It is summed once.",
                    j + 1,
                    other.file
                ),
            ));
        }
        if same_figures.is_none() && any_figure && draft.cells == other_draft.cells {
            same_figures = Some(j);
        }
    }
    let unread = draft.unread.len();
    match (u.count(Severity::Error), unread, same_figures) {
        (0, 0, None) => Verdict::Ready,
        (0, 0, Some(j)) => Verdict::SameFigures(j),
        (0, n, _) => Verdict::Unread(n),
        (n, _, _) => Verdict::HasErrors(n),
    }
}

impl Verdict {
    /// What the person is asked before a unit is summed (the checkbox's words), when it is.
    pub fn question(&self) -> Option<Message> {
        Some(match self {
            Verdict::HasErrors(n) => Message::new(
                format!("有{n}个错误，仍然纳入"),
                format!("{n} error{}: sum it anyway", if *n == 1 { "" } else { "s" }),
            ),
            Verdict::Unread(n) => Message::new(
                format!("有{n}个单元格未能读取（见提示），仍然纳入，这些单元格按0计"),
                format!("{n} cell{} not read (see the warnings): sum it anyway, with those cells as 0", if *n == 1 { "" } else { "s" }),
            ),
            Verdict::SameFigures(j) => Message::new(
                format!("数字与第{}个单位完全相同，可能是同一份报告；核对后仍然纳入", j + 1),
                format!("The same figures as unit no. {}, perhaps the same report: sum it anyway, once checked", j + 1),
            ),
            Verdict::Ready | Verdict::Refused(_) => return None,
        })
    }

    /// Whether the unit is summed: ready, alike another, or with the person's consent.
    pub fn summed(&self, consent: bool) -> bool {
        match self {
            Verdict::Ready => true,
            Verdict::HasErrors(_) | Verdict::Unread(_) | Verdict::SameFigures(_) => consent,
            Verdict::Refused(_) => false,
        }
    }
}

/// The new draft, and what went into it.
#[derive(Clone, Debug, PartialEq)]
pub struct Summed {
    /// The government's report, its tables the units' sums.
    pub draft: Draft,
    /// The units summed, by index.
    pub included: Vec<usize>,
    /// What the person should know (a cell that was not a number and counted as 0).
    pub notes: Vec<Message>,
}

/// Sums the units whose verdict is [`Verdict::Ready`], and those with errors whose `consent`
/// is given, into a new draft `id` of `body`. `Err` when no unit can be summed.
pub fn sum(
    units: &[UnitRead],
    drafts: &[Option<Draft>],
    verdicts: &[Verdict],
    consent: &[bool],
    target: &Target,
    body: &str,
    id: &str,
) -> Result<Summed, Message> {
    let included: Vec<(usize, &Draft)> = drafts
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            verdicts
                .get(*i)
                .is_some_and(|v| v.summed(consent.get(*i).copied().unwrap_or(false)))
        })
        .filter_map(|(i, d)| d.as_ref().map(|d| (i, d)))
        .collect();
    if included.is_empty() {
        return Err(Message::fixed(
            "没有可以汇总的单位报告：每个文件都被拒绝了（原因见列表），或有错误的单位没有选择纳入。",
            "No unit's report can be summed: every file was refused (see the list for why), or the units with errors were not chosen.",
        ));
    }
    let mut draft = Draft::new(id, target.template, target.year, body);
    let mut notes = Vec::new();
    for cell in target.template.input_cells() {
        let Some(kind) = cell.value_kind() else {
            continue;
        };
        let key = cell.key();
        let mut total: i128 = 0;
        let (mut all_wan, mut any) = (true, false);
        for (i, d) in &included {
            let text = d.cell(key);
            match number::parse(text, kind) {
                Ok(None) => {}
                Ok(Some(n)) => {
                    let unit = d.unit(key);
                    all_wan &= unit == MoneyUnit::WanYuan;
                    any = true;
                    total += micros_in_yuan(n, kind, unit);
                }
                Err(e) => notes.push(Message::new(
                    format!(
                        "{}的“{}”填的是“{text}”（{}），按0计入汇总。",
                        units[*i].body_or_file(),
                        cell.name(),
                        e.message().zh
                    ),
                    format!(
                        "{}'s “{}” holds “{text}” ({}); it counts as 0 in the sum.",
                        units[*i].body_or_file(),
                        cell.name(),
                        e.message().en
                    ),
                )),
            }
        }
        // Amounts stay in 万元 when every unit gave them so; otherwise they are summed in 元.
        if kind == ValueKind::Amount && all_wan && any {
            draft.set_unit(key, MoneyUnit::WanYuan);
            total /= WAN;
        }
        let text = match kind {
            ValueKind::Count | ValueKind::SignedCount => (total / MICROS).to_string(),
            _ => micros_text(total),
        };
        if total.abs() / MICROS > i128::from(MAX_MAGNITUDE) {
            notes.push(Message::new(
                format!("“{}”的合计{text}超出了单元格能填的范围。", cell.name()),
                format!(
                    "The sum of “{}”, {text}, is more than a cell can hold.",
                    cell.name()
                ),
            ));
        }
        draft.set_cell(key, &text);
    }
    for section in target.template.sections {
        match &section.body {
            SectionBody::Table(_) => draft.confirm_blanks(section.key),
            // 六's fee is the area's too: the units' amounts added up.
            SectionBody::Text(spec) => {
                let Some(fee) = &spec.fee else { continue };
                let kind = ValueKind::Decimal { unit: fee.unit };
                let mut total: i128 = 0;
                let mut silent = Vec::new();
                for (i, d) in &included {
                    match number::parse(&d.text(section.key).fee, kind) {
                        Ok(Some(n)) => total += micros_in_yuan(n, kind, MoneyUnit::default()),
                        _ => silent.push(units[*i].body_or_file().to_string()),
                    }
                }
                // A sum with a unit's fee missing would understate it: left to the person.
                if silent.is_empty() {
                    draft.texts.entry(section.key).or_default().fee = micros_text(total);
                } else {
                    notes.push(Message::new(
                        format!("{}没有写明{}，汇总的金额没有填写，请核对后填入。", silent.join("、"), fee.label),
                        format!("{} state no {}: the sum's amount is left blank; fill it in once checked.", silent.join(", "), fee.label),
                    ));
                }
            }
        }
    }
    draft.sources = included
        .iter()
        .map(|(i, d)| UnitSource {
            body: d.meta.body.clone(),
            year: d.meta.year,
            file: units[*i].file.clone(),
        })
        .collect();
    Ok(Summed {
        draft,
        included: included.iter().map(|(i, _)| *i).collect(),
        notes,
    })
}

/// A value in millionths of its cell's base unit (元 for amounts).
fn micros_in_yuan(n: Number, kind: ValueKind, unit: MoneyUnit) -> i128 {
    let micros = match n {
        Number::Whole(w) => i128::from(w) * MICROS,
        Number::Micros(m) => i128::from(m),
    };
    match (kind, unit) {
        (ValueKind::Amount, MoneyUnit::WanYuan) => micros * WAN,
        _ => micros,
    }
}

fn micros_text(micros: i128) -> String {
    match i64::try_from(micros) {
        Ok(m) => Number::Micros(m).to_string(),
        // Past i64 millionths: print the whole part, which the range rule then reports.
        Err(_) => (micros / MICROS).to_string(),
    }
}

impl UnitRead {
    /// The unit's body, or its file's name when the report names none.
    pub fn body_or_file(&self) -> &str {
        if self.body.trim().is_empty() {
            &self.file
        } else {
            &self.body
        }
    }
}

/// The sentence 一 may open with in a summed report: how many units' reports it was built from.
pub fn sentence(draft: &Draft) -> Option<String> {
    let n = draft.sources.len();
    if n == 0 {
        return None;
    }
    let named: Vec<&str> = draft
        .sources
        .iter()
        .map(|s| s.body.trim())
        .filter(|b| !b.is_empty())
        .take(3)
        .collect();
    let who = match named.as_slice() {
        [] => String::new(),
        some if n > some.len() => format!("（{}等）", some.join("、")),
        some => format!("（{}）", some.join("、")),
    };
    Some(format!(
        "本报告由{}汇总{n}个单位{who}的{}年度政府信息公开工作年度报告编制而成。",
        if draft.meta.body.trim().is_empty() {
            "本机关"
        } else {
            draft.meta.body.trim()
        },
        draft.meta.year
    ))
}

/// The per-unit breakdown: a row per unit summed, a column per input cell with its official
/// labels, and the sums last.
pub fn breakdown(
    units: &[UnitRead],
    drafts: &[Option<Draft>],
    summed: &Summed,
    target: &Target,
) -> Grid {
    let cells: Vec<CellAt> = target.template.input_cells().collect();
    let mut header = vec![
        "单位（发布机构）".to_string(),
        "年度".to_string(),
        "来源文件".to_string(),
    ];
    header.extend(
        cells
            .iter()
            .map(|c| column_name(target.template, c, &summed.draft)),
    );
    let mut rows = Vec::new();
    for &i in &summed.included {
        let Some(d) = drafts.get(i).and_then(Option::as_ref) else {
            continue;
        };
        let mut row = vec![
            Cell::Text(d.meta.body.clone()),
            Cell::Number(d.meta.year.to_string()),
            Cell::Text(units[i].file.clone()),
        ];
        row.extend(cells.iter().map(|c| value_in(d, c, &summed.draft)));
        rows.push(row);
    }
    let mut total = vec![
        Cell::Text("合计".into()),
        Cell::Number(target.year.to_string()),
        Cell::Text(format!("{}个单位", summed.included.len())),
    ];
    total.extend(cells.iter().map(|c| {
        let text = summed.draft.cell(c.key());
        Cell::Number(if text.is_empty() {
            "0".into()
        } else {
            text.to_string()
        })
    }));
    rows.push(total);
    Grid {
        sheet: "分单位明细".into(),
        header,
        rows,
    }
}

/// A breakdown column's name: the table's numeral and the cell's labels, and the unit of money.
fn column_name(template: &Template, cell: &CellAt, summed: &Draft) -> String {
    let numeral = template
        .section_of_table(cell.table.id)
        .and_then(|s| s.heading.split('、').next())
        .unwrap_or("");
    let unit = match cell.value_kind() {
        Some(ValueKind::Amount) => format!("（{}）", summed.unit(cell.key()).label()),
        _ => String::new(),
    };
    format!("{numeral}：{}{unit}", cell.name())
}

/// A unit's value of a cell as the breakdown prints it: in the summed draft's unit of money.
fn value_in(draft: &Draft, cell: &CellAt, summed: &Draft) -> Cell {
    let key = cell.key();
    let Some(kind) = cell.value_kind() else {
        return Cell::Text(String::new());
    };
    match number::parse(draft.cell(key), kind) {
        Ok(None) => Cell::Number("0".into()),
        Ok(Some(n)) => {
            let yuan = micros_in_yuan(n, kind, draft.unit(key));
            let shown = match (kind, summed.unit(key)) {
                (ValueKind::Amount, MoneyUnit::WanYuan) => yuan / WAN,
                _ => yuan,
            };
            Cell::Number(match kind {
                ValueKind::Count | ValueKind::SignedCount => (shown / MICROS).to_string(),
                _ => micros_text(shown),
            })
        }
        Err(_) => Cell::Text(draft.cell(key).to_string()),
    }
}
