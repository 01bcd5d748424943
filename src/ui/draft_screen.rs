//! A draft's screens: loads the draft, keeps it saved as it changes (see `saver`), and shows
//! the task list or the step in the URL.

use super::editing::Editing;
use super::i18n::{tr, use_lang};
use super::meta_step::MetaStep;
use super::review::ReviewStep;
use super::route::{use_route, Route};
use super::save_status::SaveState;
use super::saver::{unsaved, Saver};
use super::table_step::TableStep;
use super::task_list::TaskList;
use super::text_step::TextStep;
use crate::report::progress::Step;
use crate::report::template::SectionBody;
use crate::report::Draft;
use crate::storage::local;
use leptos::prelude::*;
use std::cell::RefCell;

/// A draft handed over with the revision and time storage holds it at (`None`: not stored).
type Handed = (Draft, Option<(u64, f64)>);

thread_local! {
    /// A draft just created or imported, handed to the draft screen about to open it, so it
    /// opens even when storage refused it (it then lives in memory until it can be stored).
    static HANDOVER: RefCell<Option<Handed>> = const { RefCell::new(None) };
}

/// Hands a freshly created or imported draft to the draft screen that is about to open it.
pub fn remember(draft: Draft, stored: Option<(u64, f64)>) {
    HANDOVER.with(|h| *h.borrow_mut() = Some((draft, stored)));
}

fn take_remembered(id: &str) -> Option<Handed> {
    HANDOVER.with(|h| {
        let mut slot = h.borrow_mut();
        if slot.as_ref().is_some_and(|(d, _)| d.id == id) {
            slot.take()
        } else {
            None
        }
    })
}

/// The screens of one draft.
#[component]
pub fn DraftScreen(id: String) -> impl IntoView {
    let lang = use_lang();
    let unsaved = unsaved(&id);
    let had_unsaved = unsaved.is_some();
    let loaded = match (take_remembered(&id), unsaved) {
        (Some(handed), _) => Ok(Some(handed)),
        (None, Some((draft, base))) => Ok(Some((draft, Some((base, 0.0))))),
        (None, None) => {
            local::open(&id).map(|e| e.map(|e| (e.draft, Some((e.revision, e.saved_at)))))
        }
    };
    let (draft, stored) = match loaded {
        Ok(Some(found)) => found,
        Ok(None) => {
            return view! {
                <h1 id="nb-step-heading" tabindex="-1">{tr("找不到这份草稿", "This draft was not found")}</h1>
                <p>{tr("本浏览器中没有这份草稿。它可能保存在另一台电脑或另一个浏览器中；如有草稿文件，可在首页打开。", "This browser holds no such draft. It may be kept in another computer or browser; if you have its draft file, open it from the start screen.")}</p>
                <p><a href=Route::Start.href()>{tr("返回首页", "Back to the start")}</a></p>
            }
            .into_any()
        }
        Err(e) => {
            let why = e.message().get(lang.get_untracked()).to_string();
            return view! {
                <h1 id="nb-step-heading" tabindex="-1">{tr("无法打开这份草稿", "This draft cannot be opened")}</h1>
                <p>{why}</p>
                <p>{tr("存储中的内容保持原样，没有删除；可在首页下载它的原始内容。", "What storage holds is left as it is; nothing was deleted. Its raw text can be downloaded from the start screen.")}</p>
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
    provide_context(super::editing::Asked::new());
    provide_context(Saver::start(editing, stored, had_unsaved));

    let route = use_route();
    let step = Memo::new(move |_| match route.get() {
        Route::Step(_, s) => Some(s),
        _ => None,
    });
    // Where the clerk is, for the start screen's 继续编写 (the last opened first, at its step),
    // noted again when the title changes, so the start screen names the draft as it is now.
    let title = Memo::new(move |_| editing.draft.with(|d| d.meta.title()));
    Effect::new(move |_| {
        title.track();
        let (slug, step_title) = match step.get() {
            None => ("tasks", "任务列表".to_string()),
            Some(s) => (
                s.slug(),
                super::status::step_title(template, s, crate::report::Lang::Zh),
            ),
        };
        local::note_opened(crate::storage::opened::Opened {
            id: editing.draft.with_untracked(|d| d.id.clone()),
            at: js_sys::Date::now() as u64,
            step: slug.to_string(),
            step_title,
            title: title.get_untracked(),
        });
    });
    view! {
        <SaveState />
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
