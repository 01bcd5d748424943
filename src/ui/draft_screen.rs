//! A draft's screens: loads the draft, keeps it saved as it changes, and shows the task list or
//! the step in the URL.

use super::editing::Editing;
use super::i18n::{pick, tr, use_lang};
use super::meta_step::MetaStep;
use super::review::ReviewStep;
use super::route::{use_route, Route};
use super::table_step::TableStep;
use super::task_list::TaskList;
use super::text_step::TextStep;
use crate::report::progress::Step;
use crate::report::template::SectionBody;
use crate::report::Draft;
use crate::storage::{self, StorageError};
use leptos::prelude::*;
use std::cell::RefCell;

thread_local! {
    /// A draft just created, handed to the draft screen even if storage refused it.
    static HANDOVER: RefCell<Option<Draft>> = const { RefCell::new(None) };
}

/// Hands a freshly created draft to the draft screen that is about to open it.
pub fn remember(draft: Draft) {
    HANDOVER.with(|h| *h.borrow_mut() = Some(draft));
}

fn take_remembered(id: &str) -> Option<Draft> {
    HANDOVER.with(|h| {
        let mut slot = h.borrow_mut();
        if slot.as_ref().is_some_and(|d| d.id == id) {
            slot.take()
        } else {
            None
        }
    })
}

/// Whether the last save reached storage.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Saved in this browser.
    Saved,
    /// Not saved; the draft lives in this page only.
    Failed(StorageError),
}

/// The screens of one draft.
#[component]
pub fn DraftScreen(id: String) -> impl IntoView {
    let lang = use_lang();
    let loaded = match take_remembered(&id) {
        Some(draft) => Ok(Some(draft)),
        None => storage::load(&id),
    };
    let draft = match loaded {
        Ok(Some(draft)) => draft,
        Ok(None) => {
            return view! {
                <h1 id="nb-step-heading" tabindex="-1">{tr("找不到这份草稿", "This draft was not found")}</h1>
                <p>{tr("本浏览器中没有这份草稿。它可能保存在另一台电脑或另一个浏览器中。", "This browser holds no such draft. It may be kept in another computer or browser.")}</p>
                <p><a href=Route::Start.href()>{tr("返回首页", "Back to the start")}</a></p>
            }
            .into_any()
        }
        Err(e) => {
            let why = match &e {
                StorageError::Unreadable(f) => f.message().get(lang.get_untracked()).to_string(),
                other => format!("{other:?}"),
            };
            return view! {
                <h1 id="nb-step-heading" tabindex="-1">{tr("无法打开这份草稿", "This draft cannot be opened")}</h1>
                <p>{why}</p>
                <p>{tr("存储中的内容保持原样，没有删除。", "What storage holds is left as it is; nothing was deleted.")}</p>
                <p><a href=Route::Start.href()>{tr("返回首页", "Back to the start")}</a></p>
            }
            .into_any();
        }
    };
    let Some(template) = draft.template() else {
        return view! {
            <h1 id="nb-step-heading" tabindex="-1">{tr("不认识这份草稿的报告格式", "Unknown report format")}</h1>
            <p><a href=Route::Start.href()>{tr("返回首页", "Back to the start")}</a></p>
        }
        .into_any();
    };
    let editing = Editing::new(template, draft);
    provide_context(editing);

    let save_state = RwSignal::new(SaveState::Saved);
    provide_context(save_state);
    Effect::new(move |_| {
        let result = editing.draft.with(storage::save);
        save_state.set(match result {
            Ok(()) => SaveState::Saved,
            Err(e) => SaveState::Failed(e),
        });
    });

    let route = use_route();
    let step = Memo::new(move |_| match route.get() {
        Route::Step(_, s) => Some(s),
        _ => None,
    });
    view! {
        {move || match save_state.get() {
            SaveState::Saved => None,
            SaveState::Failed(e) => Some(view! {
                <p class="nb-banner nb-banner-error" role="alert">
                    {move || pick(lang.get(), "本草稿未能保存到浏览器存储，只保存在当前页面中。请在任务列表中“下载草稿”保存一份文件。", "This draft could not be saved to browser storage and lives in this page only. Use “Download draft” on the task list to keep a file.")}
                    " (" {format!("{e:?}")} ")"
                </p>
            }),
        }}
        {move || match step.get() {
            None => view! { <TaskList /> }.into_any(),
            Some(Step::Meta) => view! { <MetaStep /> }.into_any(),
            Some(Step::Review) => view! { <ReviewStep /> }.into_any(),
            Some(Step::Section(key)) => match &template.section(key).body {
                SectionBody::Text(spec) => view! { <TextStep section=key spec=spec /> }.into_any(),
                SectionBody::Table(table) => view! { <TableStep section=key table=table /> }.into_any(),
            },
        }}
    }
    .into_any()
}
