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
            Location::Section { section } | Location::Fee { section } => Step::Section(*section),
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

/// How far along `step` is.
pub fn status(template: &Template, draft: &Draft, findings: &[Finding], step: Step) -> Status {
    let errors = errors_in(findings, step);
    if errors > 0 {
        return Status::Errors(errors);
    }
    let (started, complete) = match step {
        Step::Meta => {
            let m = &draft.meta;
            let fields = [&m.body, &m.index_no, &m.pub_date];
            (
                fields.iter().any(|f| !f.trim().is_empty()),
                // Last year's opening, unedited, is not this year's yet.
                fields.iter().all(|f| !f.trim().is_empty()) && !draft.is_stale(None, None),
            )
        }
        Step::Section(key) => match &template.section(key).body {
            SectionBody::Text(spec) => {
                let t = draft.text(key);
                let text = t.has_text(spec);
                let fee = spec.fee.is_none() || !t.fee.trim().is_empty();
                // Text carried from last year and not yet looked at (待更新) is not done.
                let fresh = !draft.stale_in(key);
                (text || !t.fee.trim().is_empty(), text && fee && fresh)
            }
            SectionBody::Table(table) => {
                let (filled, total) = filled_cells(table, draft);
                (filled > 0, filled == total)
            }
        },
        Step::Review => {
            let others = Step::all(template)
                .into_iter()
                .filter(|s| *s != Step::Review)
                .map(|s| status(template, draft, findings, s))
                .collect::<Vec<_>>();
            (
                others.iter().any(|s| *s != Status::NotStarted),
                others.iter().all(|s| *s == Status::Done),
            )
        }
    };
    match (started, complete) {
        (_, true) => Status::Done,
        (true, false) => Status::InProgress,
        (false, false) => Status::NotStarted,
    }
}

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
            Message::new(
                format!("{}；发布机构：{body}；公开日期：{date}", m.title()),
                format!("{}; issued by {body}; published {date}", m.title()),
            )
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
                let mut zh = format!("共{chars}字");
                let mut en = format!("{chars} characters");
                if !spec.aspects.is_empty() {
                    zh.push_str(&format!("，{parts}个小标题"));
                    en.push_str(&format!(", {parts} sub-parts"));
                }
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
