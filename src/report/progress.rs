//! The wizard's steps and how far along each one is, from the draft and its findings.

use super::draft::{char_count, Draft};
use super::finding::{Finding, Location, Severity};
use super::message::Message;
use super::template::{SectionBody, SectionKey, Table, Template};

/// A step of the wizard: the metadata, one of the six sections, or the review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// 基本信息: catalogue header, contacts, opening paragraph.
    Meta,
    /// One of the six sections.
    Section(SectionKey),
    /// 审阅与导出.
    Review,
}

/// How far along a step is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Nothing entered yet.
    NotStarted,
    /// Something entered, something still missing.
    InProgress,
    /// Complete, with no error.
    Done,
    /// This many errors.
    Errors(usize),
}

impl Step {
    /// Every step of `template`, in order.
    pub fn all(template: &Template) -> Vec<Step> {
        let mut steps = vec![Step::Meta];
        steps.extend(template.sections.iter().map(|s| Step::Section(s.key)));
        steps.push(Step::Review);
        steps
    }

    /// The step's name in a URL.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Meta => "meta",
            Step::Review => "review",
            Step::Section(key) => key.slug(),
        }
    }

    /// The step named `slug` in a URL.
    pub fn from_slug(slug: &str) -> Option<Step> {
        match slug {
            "meta" => Some(Step::Meta),
            "review" => Some(Step::Review),
            _ => SectionKey::from_slug(slug).map(Step::Section),
        }
    }

    /// The step a finding belongs to.
    pub fn of(finding: &Finding) -> Step {
        match &finding.location {
            Location::Field { .. } => Step::Meta,
            Location::Section { section }
            | Location::Fee { section }
            | Location::Text { section, .. } => Step::Section(*section),
            Location::Cells { cells } => cells
                .first()
                .map(|c| Step::Section(c.section))
                .unwrap_or(Step::Review),
        }
    }
}

/// Counts the errors among `findings` that belong to `step` (every error for the review).
pub fn errors_in(findings: &[Finding], step: Step) -> usize {
    findings
        .iter()
        .filter(|f| f.severity == Severity::Error && (step == Step::Review || Step::of(f) == step))
        .count()
}

/// How far a whole draft is: the drafts list's 完成度 and 错误 columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Completion {
    /// Steps done, out of `steps` (the review is not counted).
    pub done: usize,
    /// Steps that can be done: every step but the review.
    pub steps: usize,
    /// Errors in the whole draft.
    pub errors: usize,
}

/// Checks `draft` once and says how far along it is.
pub fn completion(template: &Template, draft: &Draft) -> Completion {
    let findings = crate::report::rules::check(draft);
    let steps: Vec<Step> = Step::all(template)
        .into_iter()
        .filter(|s| *s != Step::Review)
        .collect();
    let done = steps
        .iter()
        .filter(|s| status(template, draft, &findings, **s) == Status::Done)
        .count();
    Completion {
        done,
        steps: steps.len(),
        errors: errors_in(&findings, Step::Review),
    }
}

/// How far along `step` is. 已完成 means nothing is left to do there:
/// - 基本信息: the issuing body and the 公开日期 are given and the opening is not last year's
///   unedited (a page cannot be published without its date; 索引号 and 文号 never hold it back);
/// - a text section: it has text, states the fee where the format asks, and none of it is
///   last year's unedited;
/// - a table section: every input is filled, or the clerk went on from the step with no error
///   (检查并继续), which confirms the blanks as 0;
/// - 审阅与导出: every other step is done.
pub fn status(template: &Template, draft: &Draft, findings: &[Finding], step: Step) -> Status {
    let errors = errors_in(findings, step);
    if errors > 0 {
        return Status::Errors(errors);
    }
    match (
        started(template, draft, findings, step),
        missing(template, draft, findings, step),
    ) {
        (_, None) => Status::Done,
        (true, Some(_)) => Status::InProgress,
        (false, Some(_)) => Status::NotStarted,
    }
}

/// Why a step is not done yet (and how to finish it), or `None` when it is done. Errors are
/// counted by [`status`] and named by the step's error summary, not here.
pub fn missing(
    template: &Template,
    draft: &Draft,
    findings: &[Finding],
    step: Step,
) -> Option<Message> {
    match step {
        Step::Meta => {
            if draft.meta.body.trim().is_empty() {
                Some(Message::new(
                    "尚未填写发布机构",
                    "The issuing body is not filled in",
                ))
            } else if draft.meta.pub_date.trim().is_empty() {
                Some(Message::new(
                    "尚未填写公开日期（发布当天的日期）",
                    "The publication date is not filled in (the day it is published)",
                ))
            } else if draft.is_stale(None, None) {
                Some(Message::new(
                    "开头段落沿用上一年度，请看过或修改",
                    "The opening is last year's: read it or change it",
                ))
            } else {
                None
            }
        }
        Step::Section(key) => match &template.section(key).body {
            SectionBody::Text(spec) => {
                let t = draft.text(key);
                if !t.has_text(spec) {
                    Some(Message::new(
                        "尚无内容；没有要报告的，可写“无。”",
                        "No text yet; write “无。” if there is nothing to report",
                    ))
                } else if let Some(fee) = spec.fee.as_ref().filter(|_| t.fee.trim().is_empty()) {
                    Some(Message::new(
                        format!("尚未填写{}金额（没有收取时填0）", fee.label),
                        format!("The amount of {} is not filled in (0 if none)", fee.label),
                    ))
                } else if draft.stale_in(key) {
                    Some(Message::new(
                        "有文字沿用上一年度，请看过或修改",
                        "Some text is last year's: read it or change it",
                    ))
                } else {
                    None
                }
            }
            SectionBody::Table(table) => {
                let (filled, total) = filled_cells(table, draft);
                if filled == total || draft.confirmed.contains(&key) {
                    None
                } else {
                    let blank = total - filled;
                    Some(Message::new(
                        format!("还有{blank}个空白单元格（空白按0计）：核对后按“检查并继续”确认"),
                        format!("{blank} cells are blank (blanks count as 0): check them, then press “Check and continue”"),
                    ))
                }
            }
        },
        Step::Review => {
            let open: Vec<&str> = Step::all(template)
                .into_iter()
                .filter(|s| *s != Step::Review)
                .filter(|s| status(template, draft, findings, *s) != Status::Done)
                .map(|s| match s {
                    Step::Section(key) => template.section(key).heading,
                    _ => "基本信息",
                })
                .collect();
            (!open.is_empty()).then(|| {
                Message::new(
                    format!("尚未完成：{}", open.join("、")),
                    format!("Not done yet: {}", open.join(", ")),
                )
            })
        }
    }
}

/// Whether anything of a step has been entered.
fn started(template: &Template, draft: &Draft, findings: &[Finding], step: Step) -> bool {
    match step {
        Step::Meta => {
            let m = &draft.meta;
            [&m.body, &m.index_no, &m.pub_date]
                .iter()
                .any(|f| !f.trim().is_empty())
        }
        Step::Section(key) => match &template.section(key).body {
            SectionBody::Text(spec) => {
                let t = draft.text(key);
                t.has_text(spec) || !t.fee.trim().is_empty()
            }
            SectionBody::Table(table) => {
                filled_cells(table, draft).0 > 0 || draft.confirmed.contains(&key)
            }
        },
        Step::Review => Step::all(template)
            .into_iter()
            .filter(|s| *s != Step::Review)
            .any(|s| status(template, draft, findings, s) != Status::NotStarted),
    }
}

/// How many characters of a text the check-your-answers list shows.
const SHOWN_CHARS: usize = 60;

/// A one-line summary of what a step holds, for the review page's check-your-answers list.
pub fn summary(template: &Template, draft: &Draft, step: Step) -> Message {
    match step {
        Step::Meta => {
            let m = &draft.meta;
            let date = m.pub_date_time().unwrap_or_else(|| "—".into());
            let body = if m.body.trim().is_empty() {
                "—"
            } else {
                m.body.trim()
            };
            // The catalogue fields a published page carries, named when empty.
            let empty: Vec<(&str, &str)> = [
                (m.pub_date.as_str(), ("公开日期", "publication date")),
                (m.index_no.as_str(), ("索引号", "index number")),
            ]
            .into_iter()
            .filter(|(v, _)| v.trim().is_empty())
            .map(|(_, names)| names)
            .collect();
            let (mut zh, mut en) = (
                format!("{}；发布机构：{body}；公开日期：{date}", m.title()),
                format!("{}; issued by {body}; published {date}", m.title()),
            );
            if !empty.is_empty() {
                let (z, e): (Vec<&str>, Vec<&str>) = empty.into_iter().unzip();
                zh.push_str(&format!("；尚未填写：{}", z.join("、")));
                en.push_str(&format!("; not filled in: {}", e.join(", ")));
            }
            Message::new(zh, en)
        }
        Step::Section(key) => match &template.section(key).body {
            SectionBody::Text(spec) => {
                let t = draft.text(key);
                let chars =
                    char_count(&t.text) + t.parts(spec).map(|(_, a)| char_count(a)).sum::<usize>();
                let parts = spec
                    .aspects
                    .iter()
                    .filter(|a| t.aspects.get(a.id).is_some_and(|x| !x.trim().is_empty()))
                    .count();
                // What was written, as it begins, so the clerk recognises it without opening it.
                let opening = std::iter::once(t.text.as_str())
                    .chain(t.parts(spec).map(|(_, a)| a))
                    .map(str::trim)
                    .find(|x| !x.is_empty())
                    .map(|x| {
                        let line: String = x.split_whitespace().collect::<Vec<_>>().join(" ");
                        let shown: String = line.chars().take(SHOWN_CHARS).collect();
                        if line.chars().count() > SHOWN_CHARS {
                            format!("“{shown}…”")
                        } else {
                            format!("“{shown}”")
                        }
                    });
                let (mut zh, mut en) = match &opening {
                    Some(o) => (
                        format!("{o}（共{chars}字"),
                        format!("{o} ({chars} characters"),
                    ),
                    None => (
                        "尚无内容（共0字".to_string(),
                        "Nothing written yet (0 characters".to_string(),
                    ),
                };
                if !spec.aspects.is_empty() {
                    zh.push_str(&format!("，{parts}个小标题"));
                    en.push_str(&format!(", {parts} sub-parts"));
                }
                zh.push('）');
                en.push(')');
                if let Some(fee) = &spec.fee {
                    let amount = t.fee.trim();
                    let amount = if amount.is_empty() { "—" } else { amount };
                    zh.push_str(&format!("；{}：{amount}{}", fee.label, fee.unit));
                    en.push_str(&format!("; {}: {amount} {}", fee.label, fee.unit));
                }
                Message::new(zh, en)
            }
            SectionBody::Table(table) => {
                let (filled, total) = filled_cells(table, draft);
                Message::new(
                    format!("已填写{filled}/{total}个单元格（空白按0计）"),
                    format!("{filled} of {total} cells filled (blanks count as 0)"),
                )
            }
        },
        Step::Review => Message::new("", ""),
    }
}

/// How many input cells of a table are filled, and how many there are.
fn filled_cells(table: &'static Table, draft: &Draft) -> (usize, usize) {
    table
        .cells()
        .filter(|c| c.is_input())
        .fold((0, 0), |(filled, total), c| {
            let has = !draft.cell(c.key()).trim().is_empty();
            (filled + usize::from(has), total + 1)
        })
}
