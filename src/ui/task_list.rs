//! The task list: every step with its status, reachable in any order (GOV.UK task list).

use super::download::download_draft;
use super::editing::use_editing;
use super::i18n::{tr, use_lang};
use super::route::Route;
use super::status::{status_class, status_label, step_title};
use super::year_link::{CarryNotesBanner, YearLink};
use crate::report::progress::{missing, status, Status, Step};
use leptos::prelude::*;

/// The overview of a draft's steps.
#[component]
pub fn TaskList() -> impl IntoView {
    let e = use_editing();
    let lang = use_lang();
    let id = e.id();
    let title = move || e.draft.with(|d| d.meta.title());
    let save_file = move |_| e.draft.with_untracked(download_draft);
    view! {
        <p class="nb-back"><a href=Route::Start.href()>{tr("← 首页", "← Start")}</a></p>
        <h1 id="nb-step-heading" tabindex="-1">{title}</h1>
        <CarryNotesBanner />
        <p class="nb-hint">
            {e.template.id} " · " {move || e.draft.with(|d| d.meta.year)} " · "
            {tr("草稿自动保存在本浏览器中。", "The draft is saved in this browser as you type.")}
        </p>
        <h2 class="nb-visually-hidden">{tr("步骤", "Steps")}</h2>
        <ol class="nb-task-list">
            {Step::all(e.template)
                .into_iter()
                .map(|step| {
                    let href = Route::Step(id.clone(), step).href();
                    let st = Memo::new(move |_| {
                        e.draft.with(|d| e.findings.with(|f| status(e.template, d, f, step)))
                    });
                    // Why a step in progress is not done yet, and how to finish it.
                    let why = Memo::new(move |_| {
                        (st.get() == Status::InProgress)
                            .then(|| e.draft.with(|d| e.findings.with(|f| missing(e.template, d, f, step))))
                            .flatten()
                    });
                    let name = move || step_title(e.template, step, lang.get());
                    let tag_id = format!("nb-status-{}", step.slug());
                    view! {
                        <li class="nb-task">
                            <a href=href aria-describedby=tag_id.clone()>{name}</a>
                            <div id=tag_id class="nb-task-status">
                                <strong class=move || status_class(st.get())>
                                    {move || status_label(st.get(), lang.get())}
                                </strong>
                                {move || why.get().map(|m| view! { <span class="nb-task-why">{m.get(lang.get()).to_string()}</span> })}
                            </div>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <div class="nb-actions">
            <button type="button" class="nb-button nb-button-secondary" on:click=save_file>
                {tr("下载草稿文件", "Download draft file")}
            </button>
        </div>
        <YearLink />
    }
}
