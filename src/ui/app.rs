//! The root: language, route and live region for everyone, then the start screen or a draft.

use super::deferred::{AreaTool, DeferredArea, DeferredDraftScreen};
use super::editing::{focus_id, Announcer};
use super::i18n::tr;
use super::route::{self, Route};
use super::start::{Dropped, StartScreen};
use crate::report::Lang;
use crate::storage::local as storage;
use leptos::prelude::*;

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    // First, so that no other code can claim the policy's name.
    super::trusted::install();
    let lang = RwSignal::new(storage::lang().unwrap_or_default());
    provide_context(lang);
    let route = RwSignal::new(route::current());
    provide_context(route);
    let announcer = Announcer(RwSignal::new(String::new()));
    provide_context(announcer);
    let dropped = Dropped(RwSignal::new_local(None));
    provide_context(dropped);
    provide_context(super::year_link::CarryNotes(RwSignal::new(None)));

    // A draft file dropped anywhere opens through the start screen's import, instead of the
    // browser leaving the app to show the file.
    let _ = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let _ = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        // 汇总 and 检查 take dropped files themselves (`units::UnitFiles`).
        if matches!(route.get_untracked(), Route::Sum | Route::Audit) {
            return;
        }
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            dropped.0.set(Some(file));
            route::go(&Route::Start);
        }
    });

    // The app lives as long as the page, and so does this listener.
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(route::current());
    });

    Effect::new(move |_| {
        let l = lang.get();
        storage::set_lang(l);
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", if l == Lang::En { "en" } else { "zh-CN" });
        }
    });
    // Every screen change puts focus on the new screen's heading, as a page load would.
    Effect::new(move |previous: Option<Route>| {
        let now = route.get();
        if previous.is_some_and(|p| p != now) {
            request_animation_frame(super::editing::focus_after_screen_change);
        }
        now
    });

    let draft_id = Memo::new(move |_| route.with(|r| r.draft_id().map(str::to_string)));
    let tool = Memo::new(move |_| {
        route.with(|r| match r {
            Route::Sum => Some(AreaTool::Sum),
            Route::Audit => Some(AreaTool::Audit),
            _ => None,
        })
    });
    let switch_label = move || match lang.get() {
        Lang::Zh => "English",
        Lang::En => "中文",
    };

    view! {
        <a
            class="nb-skip"
            href="#nb-main"
            on:click=move |ev| {
                ev.prevent_default();
                focus_id("nb-main");
            }
        >
            {tr("跳到正文", "Skip to main content")}
        </a>
        <header class="nb-app-header">
            <a class="nb-brand" href=Route::Start.href()>
                <span lang="zh-CN">"年报"</span>
                " "
                <span lang="en">"nianbao"</span>
            </a>
            <span class="nb-tagline">{tr("政府信息公开工作年度报告编写工具", "Annual open-government-information report builder")}</span>
            <button
                type="button"
                class="nb-lang"
                lang=move || if lang.get() == Lang::Zh { "en" } else { "zh-CN" }
                on:click=move |_| lang.update(|l| *l = if *l == Lang::Zh { Lang::En } else { Lang::Zh })
            >
                {switch_label}
            </button>
        </header>
        <main id="nb-main" class="nb-main" tabindex="-1">
            {move || match (draft_id.get(), tool.get()) {
                (Some(id), _) => view! { <DeferredDraftScreen id=id /> }.into_any(),
                (None, Some(tool)) => view! { <DeferredArea tool=tool /> }.into_any(),
                (None, None) => view! { <StartScreen /> }.into_any(),
            }}
        </main>
        <div class="nb-visually-hidden" aria-live="polite" aria-atomic="true">
            {move || announcer.0.get()}
        </div>
    }
}
