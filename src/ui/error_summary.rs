//! The error summary at the top of a step: every error and warning of the step, each a link
//! that moves focus to its cell or field (GOV.UK error summary).

use super::editing::{cell_dom_id, focus_after_navigation, focus_target, use_editing, FocusTarget};
use super::i18n::{pick, use_lang};
use super::route::{go, Route};
use crate::report::ntext::utf16_offset;
use crate::report::progress::Step;
use crate::report::rules::{Field, Location};
use crate::report::template::{SectionBody, SectionKey};
use crate::report::{Draft, Finding, Severity, Template};
use leptos::prelude::*;

/// The id of the control a finding points at.
pub fn target_id(template: &Template, finding: &Finding) -> String {
    match &finding.location {
        Location::Cells { cells } => cells
            .first()
            .map(|c| cell_dom_id(c.key))
            .unwrap_or_default(),
        Location::Field { field } => field_id(*field).to_string(),
        Location::Section { section } => match &template.section(*section).body {
            SectionBody::Table(table) => table
                .cells()
                .find(|c| c.is_input())
                .map(|c| cell_dom_id(c.key()))
                .unwrap_or_default(),
            SectionBody::Text(_) => text_id(*section, None),
        },
        Location::Fee { .. } => "nb-fee".into(),
        Location::Text {
            section, aspect, ..
        } => text_id(*section, *aspect),
    }
}

/// The id of a text section's text area: its main text, or one of its sub-parts.
pub fn text_id(section: SectionKey, aspect: Option<&str>) -> String {
    let slug = Step::Section(section).slug();
    match aspect {
        Some(a) => format!("nb-text-{slug}-{a}"),
        None => format!("nb-text-{slug}"),
    }
}

/// Where a finding's link takes focus: its control, with a text finding's words selected.
pub fn focus_for(template: &Template, draft: &Draft, finding: &Finding) -> FocusTarget {
    let select = match &finding.location {
        Location::Text {
            section,
            aspect,
            start,
            end,
            ..
        } => {
            let text = draft.text_part(*section, *aspect);
            let at = |n: usize| u32::try_from(utf16_offset(text, n)).unwrap_or(0);
            Some((at(*start), at(*end)))
        }
        _ => None,
    };
    FocusTarget {
        id: target_id(template, finding),
        select,
    }
}

/// The id of a metadata field's input.
pub fn field_id(field: Field) -> &'static str {
    match field {
        Field::Year => "nb-meta-year",
        Field::Body => "nb-meta-body",
        Field::PubDate => "nb-meta-pub-date",
        Field::PubTime => "nb-meta-pub-time",
        Field::Opening => "nb-opening",
    }
}

/// The summary of one step's findings; hidden when there are none.
#[component]
pub fn ErrorSummary(step: Step) -> impl IntoView {
    let e = use_editing();
    let lang = use_lang();
    // A table step's errors wait until the clerk asks (see `editing::Asked`).
    let shown = super::editing::errors_shown(e.template, step);
    let of_step = Memo::new(move |_| {
        // Before the clerk asks, a table's warnings (a figure far out of scale) show as they
        // come; its errors wait.
        let errors_now = shown();
        e.findings.with(|fs| {
            fs.iter()
                .filter(|f| errors_now || f.severity != Severity::Error)
                .filter(|f| Step::of(f) == step || step == Step::Review)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let list = move |severity: Severity| {
        let items = of_step.with(|fs| {
            fs.iter()
                .filter(|f| f.severity == severity)
                .cloned()
                .collect::<Vec<_>>()
        });
        (!items.is_empty()).then(|| {
            let count = items.len();
            let heading = match (severity, lang.get()) {
                (Severity::Error, l) => pick(
                    l,
                    format!("有{count}个错误需要改正"),
                    format!("{} to fix", super::i18n::count_en(count, "error", "errors")),
                ),
                (Severity::Warning, l) => pick(
                    l,
                    format!("{count}条提示"),
                    format!("{} to check", super::i18n::count_en(count, "thing", "things")),
                ),
            };
            view! {
                <h2 class="nb-summary-title">{heading}</h2>
                <ul class="nb-summary-list">
                    {items
                        .into_iter()
                        .map(|f| {
                            let text = f.message.get(lang.get()).to_string();
                            // From the review, a link opens the finding's step first.
                            let there = Step::of(&f);
                            let route = (step != there).then(|| Route::Step(e.id(), there));
                            let href = match &route {
                                Some(r) => r.href(),
                                None => format!("#{}", target_id(e.template, &f)),
                            };
                            view! {
                                <li>
                                    <a href=href on:click=move |ev| {
                                        ev.prevent_default();
                                        let target = e.draft.with_untracked(|d| focus_for(e.template, d, &f));
                                        match &route {
                                            Some(r) => {
                                                focus_after_navigation(target);
                                                go(r);
                                            }
                                            None => focus_target(&target),
                                        }
                                    }>{text}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
        })
    };
    view! {
        <div
            id="nb-error-summary"
            tabindex="-1"
            class=move || {
                let errors = of_step.with(|fs| fs.iter().any(|f| f.severity == Severity::Error));
                if errors { "nb-summary nb-summary-error" } else { "nb-summary" }
            }
            hidden=move || of_step.with(Vec::is_empty)
        >
            {move || list(Severity::Error)}
            {move || list(Severity::Warning)}
        </div>
    }
}
