//! The error summary at the top of a step: every error and warning of the step, each a link
//! that moves focus to its cell or field (GOV.UK error summary).

use super::editing::{cell_dom_id, focus_id, use_editing};
use super::i18n::{pick, use_lang};
use crate::report::progress::Step;
use crate::report::rules::{Field, Location};
use crate::report::template::SectionBody;
use crate::report::{Finding, Severity, Template};
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
            SectionBody::Text(_) => format!("nb-text-{}", Step::Section(*section).slug()),
        },
        Location::Fee { .. } => "nb-fee".into(),
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
    let of_step = Memo::new(move |_| {
        e.findings.with(|fs| {
            fs.iter()
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
                    format!("{count} errors to fix"),
                ),
                (Severity::Warning, l) => pick(
                    l,
                    format!("{count}条提示"),
                    format!("{count} things to check"),
                ),
            };
            view! {
                <h2 class="nb-summary-title">{heading}</h2>
                <ul class="nb-summary-list">
                    {items
                        .into_iter()
                        .map(|f| {
                            let target = target_id(e.template, &f);
                            let href = format!("#{target}");
                            let text = f.message.get(lang.get()).to_string();
                            view! {
                                <li>
                                    <a href=href on:click=move |ev| {
                                        ev.prevent_default();
                                        focus_id(&target);
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
