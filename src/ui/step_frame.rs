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
    let asked = use_context::<super::editing::Asked>();
    let shown = super::editing::errors_shown(e.template, step);
    // Leaving a step is asking for its check: coming back, its errors show at once.
    on_cleanup(move || {
        if let Some(a) = asked {
            let _ = a.0.try_update(|s| {
                s.insert(step);
            });
        }
    });

    // Announce changes in this step's error count, not the count on arrival (and, on a table
    // not yet checked, not while the clerk is still filling it in).
    Effect::new(move |before: Option<usize>| {
        let now = if shown() { errors.get() } else { 0 };
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
            if let Some(a) = asked {
                a.ask(step);
            }
            if errors.get_untracked() > 0 {
                // The summary shows now that the clerk asked: focus it once it is drawn.
                request_animation_frame(|| focus_id("nb-error-summary"));
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
        <RunningNote step=step />
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

/// While a table is being filled in and not yet checked: a neutral note of what does not
/// balance yet, in the findings' own words, instead of red marks (see `editing::Asked`).
#[component]
fn RunningNote(step: Step) -> impl IntoView {
    let e = use_editing();
    let lang = use_lang();
    let shown = super::editing::errors_shown(e.template, step);
    let pending = Memo::new(move |_| {
        if shown() {
            return Vec::new();
        }
        e.findings.with(|fs| {
            fs.iter()
                .filter(|f| Step::of(f) == step && f.severity == crate::report::Severity::Error)
                .map(|f| f.message.clone())
                .collect::<Vec<_>>()
        })
    });
    move || {
        let notes = pending.get();
        (!notes.is_empty()).then(|| {
            let count = notes.len();
            view! {
                <div class="nb-running-note" role="status">
                    <p>
                        <strong>{pick(lang.get(), format!("尚未平衡（{count}处）", ), format!("Not balanced yet ({count})"))}</strong>
                        " "
                        {tr("填完后按“检查并继续”，会逐一标出并链接到单元格。", "When you have filled it in, press “Check and continue”: each is then marked and linked to its cells.")}
                    </p>
                    <ul>
                        {notes.into_iter().take(3).map(|m| view! { <li>{m.get(lang.get()).to_string()}</li> }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}
