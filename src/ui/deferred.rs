//! The draft screens (task list, steps, review, export) as a second wasm module, fetched when a
//! draft first opens, so the first download carries only the start screen (issue #5).
//!
//! With the `split` feature, which the Trunk build turns on, `draft_screen_view` is a split
//! point: `scripts/split-wasm.sh` moves it, and all code only it reaches, into a chunk that
//! the browser fetches the first time it is called (and ahead of time, once the start screen
//! is up). Without the feature (tests, `cargo check`) it is an ordinary call.

use super::draft_screen::DraftScreen;
use super::i18n::tr;
use leptos::prelude::*;

/// The editor's module could not be fetched: the network, or a server that lost the file.
#[derive(Clone, Copy, Debug)]
pub struct LoadFailed;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for LoadFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        LoadFailed
    }
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        draft_screens,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_draft_screens)
    )
)]
fn draft_screen_view(id: String) -> Result<AnyView, LoadFailed> {
    Ok(view! { <DraftScreen id=id /> }.into_any())
}

/// Starts fetching the editor's module while the clerk is still on the start screen, so that
/// opening a draft does not wait for the network. A failure here is retried on first use.
pub fn prefetch() {
    #[cfg(feature = "split")]
    leptos::task::spawn_local(async {
        let _ = preload_draft_screens().await;
    });
}

async fn draft_screen(id: String) -> Result<AnyView, LoadFailed> {
    #[cfg(feature = "split")]
    let view = draft_screen_view(id).await;
    #[cfg(not(feature = "split"))]
    let view = draft_screen_view(id);
    view
}

/// A draft's screens, shown once their module is here; a failed fetch says so and offers to
/// try again (the draft itself is in local storage and never at risk).
#[component]
pub fn DeferredDraftScreen(id: String) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    let loading = move || {
        view! {
            <p class="nb-lead" role="status">
                {tr("正在载入编辑器……", "Loading the editor…")}
            </p>
        }
    };
    view! {
        <Suspense fallback=loading>
            {move || {
                attempt.track();
                let id = id.clone();
                Suspend::new(async move {
                    match draft_screen(id).await {
                        Ok(view) => view,
                        Err(LoadFailed) => view! { <LoadFailedNotice attempt /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn LoadFailedNotice(attempt: RwSignal<u32>) -> impl IntoView {
    view! {
        <div class="nb-banner nb-banner-error" role="alert">
            <h1 id="nb-step-heading" tabindex="-1">
                {tr("编辑器没有载入", "The editor did not load")}
            </h1>
            <p>
                {tr(
                    "编辑器的程序文件没有下载成功，可能是网络中断了。草稿保存在本机浏览器中，没有丢失。",
                    "The editor's program file did not download; the network may be down. Your drafts are kept in this browser and nothing is lost.",
                )}
            </p>
            <button type="button" class="nb-button" on:click=move |_| attempt.update(|a| *a += 1)>
                {tr("重试", "Try again")}
            </button>
        </div>
    }
}
