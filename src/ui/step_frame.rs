//! The frame around every step: the way back, the heading that takes focus, the error summary,
//! the step's content, and the way on.

use super::editing::{focus_id, use_announcer, use_editing};
use super::error_summary::ErrorSummary;
use super::i18n::{pick, tr, use_lang};
use super::route::{go, Route};
use super::status::step_title;
use crate::report::progress::{errors_in, Step};
use crate::report::template::SectionBody;
use leptos::prelude::*;

/// Wraps a step's content.
#[component]
pub fn StepFrame(step: Step, children: Children) -> impl IntoView {
    let e = use_editing();
    let lang = use_lang();
    let announcer = use_announcer();
    let id = e.id();
    let steps = Step::all(e.template);
    let at = steps.iter().position(|s| *s == step).unwrap_or(0);
    let previous = at.checked_sub(1).map(|i| steps[i]);
    let next = steps.get(at + 1).copied();
    let errors = Memo::new(move |_| e.findings.with(|f| errors_in(f, step)));

    // Announce changes in this step's error count, not the count on arrival.
    Effect::new(move |before: Option<usize>| {
        let now = errors.get();
        if before.is_some_and(|b| b != now) {
            announcer.say(match (now, lang.get_untracked()) {
                (0, l) => pick(l, "本节已没有错误", "No errors left in this step").to_string(),
                (n, l) => pick(
                    l,
                    format!("本节现有{n}个错误"),
                    format!(
                        "{} in this step now",
                        super::i18n::count_en(n, "error", "errors")
                    ),
                ),
            });
        }
        now
    });

    let tasks = Route::Tasks(id.clone()).href();
    let check_and_continue = {
        let id = id.clone();
        move |_| {
            if errors.get_untracked() > 0 {
                focus_id("nb-error-summary");
            } else {
                // Going on from a table with no error confirms its blanks as 0.
                if let Step::Section(key) = step {
                    if matches!(e.template.section(key).body, SectionBody::Table(_))
                        && e.draft.with_untracked(|d| !d.confirmed.contains(&key))
                    {
                        e.draft.update(|d| d.confirm_blanks(key));
                    }
                }
                go(&match next {
                    Some(s) => Route::Step(id.clone(), s),
                    None => Route::Tasks(id.clone()),
                });
            }
        }
    };
    view! {
        <p class="nb-back"><a href=tasks.clone()>{tr("← 任务列表", "← Task list")}</a></p>
        <p class="nb-caption">{move || e.draft.with(|d| d.meta.title())}</p>
        <h1 id="nb-step-heading" tabindex="-1" lang="zh-CN">{move || step_title(e.template, step, lang.get())}</h1>
        <ErrorSummary step=step />
        {children()}
        <nav class="nb-step-nav" aria-label=move || pick(lang.get(), "步骤导航", "Step navigation")>
            {previous.map(|p| {
                let href = Route::Step(id.clone(), p).href();
                view! { <a class="nb-button nb-button-secondary" href=href>{tr("上一步", "Previous")}</a> }
            })}
            {(step != Step::Review).then(|| view! {
                <button type="button" class="nb-button" on:click=check_and_continue.clone()>
                    {tr("检查并继续", "Check and continue")}
                </button>
            })}
            <a href=tasks>{tr("返回任务列表", "Back to the task list")}</a>
        </nav>
    }
}
