//! What the first screen does not need, as wasm modules of their own fetched after it (issue #5):
//! the draft screens (task list, steps, review, export), the start screen's other ways in
//! (the example, a draft file, a published page, the drafts list), and the tools of the office
//! that collects an area's reports (汇总, 检查), fetched only when opened.
//!
//! With the `split` feature, which the Trunk build turns on, each `*_view` function below is a
//! split point: `scripts/split-wasm.sh` moves it, and all code only it reaches, into a module
//! the browser fetches the first time it is called (and ahead of time, once the start screen is
//! up). Without the feature (tests, `cargo check`) they are ordinary calls.

use super::draft_screen::DraftScreen;
use super::editing::focus_id;
use super::i18n::{tr, tr_msg};
use super::start::OtherWaysIn;
use crate::report::{Draft, Message};
use leptos::prelude::*;
use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};

/// A module could not be fetched: the network, or a server that lost the file.
#[derive(Clone, Copy, Debug)]
pub struct LoadFailed;

/// Calls a split point: awaited in the split build, where it is `async`; a plain call otherwise.
macro_rules! call_split {
    ($call:expr) => {{
        #[cfg(feature = "split")]
        let result = $call.await;
        #[cfg(not(feature = "split"))]
        let result = $call;
        result
    }};
}

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

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        draft_screens,
        wasm_split_path = ::leptos::wasm_split,
        fallible
    )
)]
fn store_and_open_now(draft: Draft) -> Result<(), LoadFailed> {
    super::import::store_and_open(draft);
    Ok(())
}

/// Stores a new report and opens it, once the editor's module is here: storing it is the
/// editor's work, so the first download carries neither it nor the draft file's writer. If
/// `still_wanted` says no by then (the clerk went elsewhere meanwhile), nothing is stored and
/// nothing opens. `Err`: the module could not be fetched, and nothing was stored.
pub async fn store_and_open(
    draft: Draft,
    still_wanted: impl FnOnce() -> bool,
) -> Result<(), LoadFailed> {
    #[cfg(feature = "split")]
    preload_draft_screens().await?;
    if still_wanted() {
        call_split!(store_and_open_now(draft))
    } else {
        Ok(())
    }
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        other_ways_in,
        wasm_split_path = ::leptos::wasm_split,
        fallible
    )
)]
fn other_ways_in_view() -> Result<AnyView, LoadFailed> {
    Ok(view! { <OtherWaysIn /> }.into_any())
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        area_tools,
        wasm_split_path = ::leptos::wasm_split,
        fallible
    )
)]
fn area_view(tool: AreaTool) -> Result<AnyView, LoadFailed> {
    Ok(match tool {
        AreaTool::Sum => view! { <super::sum_screen::SumScreen /> }.into_any(),
        AreaTool::Audit => view! { <super::audit_screen::AuditScreen /> }.into_any(),
    })
}

/// Starts fetching the editor's module while the clerk is still on the start screen, so that
/// opening a draft does not wait for the network. A failure here is retried on first use.
pub fn prefetch_draft_screens() {
    #[cfg(feature = "split")]
    after_paint(|| {
        leptos::task::spawn_local(async {
            let _ = preload_draft_screens().await;
        })
    });
}

/// Runs `then` once the browser has painted what is on screen now (a timer set from an animation
/// frame fires after that frame's paint), so nothing fetched by it delays the first screen.
fn after_paint(then: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(then, std::time::Duration::ZERO));
}

/// How a deferred part is fetched and built.
type Loader = std::sync::Arc<
    dyn Fn() -> std::pin::Pin<Box<dyn Future<Output = Result<AnyView, LoadFailed>> + Send>>
        + Send
        + Sync,
>;

/// A loader from a function that fetches and builds a part.
fn loader<F: Future<Output = Result<AnyView, LoadFailed>> + Send + 'static>(
    load: impl Fn() -> F + Send + Sync + 'static,
) -> Loader {
    std::sync::Arc::new(move || Box::pin(load()))
}

/// A deferred part: what it is called while it loads and when it cannot be fetched, and
/// whether its module is already here (then it shows at once, with no loading line).
struct Part {
    loading: Message,
    failed: Message,
    why: Message,
    loaded: AtomicBool,
    /// A small part of a screen whose module another part also brings: no loading line, and
    /// nothing when it cannot be fetched (the other part's notice says so and retries).
    quiet: bool,
}

/// Shows what `load` builds once its module is here. While it comes, a status line; when it
/// cannot be fetched, a notice that says nothing is lost and offers to try again. `page`: the
/// part is the whole screen, so it loads at once and its notice carries the screen's heading;
/// otherwise, the first time, it loads after the screen around it is painted.
///
/// The loader is boxed: one copy of this component's code serves every part, instead of one
/// per loader type in the first download.
#[component]
fn Deferred(load: Loader, part: &'static Part, page: bool) -> impl IntoView {
    // Copyable, for every showing of the part (the `Show` may build it again).
    let load = StoredValue::new(load);
    let attempt = RwSignal::new(0u32);
    let painted = RwSignal::new(page || part.loaded.load(Ordering::Relaxed));
    if !painted.get_untracked() {
        after_paint(move || {
            let _ = painted.try_set(true);
        });
    }
    let loading = move || {
        (!part.quiet)
            .then(|| view! { <p class="nb-lead" role="status">{tr_msg(&part.loading)}</p> })
    };
    let shown = move || {
        attempt.track();
        let built = load.with_value(|load| load());
        Suspend::new(async move {
            match built.await {
                Ok(view) => {
                    part.loaded.store(true, Ordering::Relaxed);
                    if page {
                        // The heading took focus when the route changed; if the screen was still
                        // loading then, focus went nowhere: give it to the screen's heading.
                        request_animation_frame(|| {
                            if focus_lost() {
                                focus_id("nb-step-heading");
                            }
                        });
                    }
                    view
                }
                Err(LoadFailed) if part.quiet => ().into_any(),
                Err(LoadFailed) => {
                    if attempt.get_untracked() > 0 {
                        // 重试 was pressed and is gone with the old notice: focus the new one's.
                        request_animation_frame(move || {
                            if focus_lost() {
                                focus_id(retry_id(page));
                            }
                        });
                    }
                    view! { <LoadFailedNotice part page attempt /> }.into_any()
                }
            }
        })
    };
    view! {
        <Show when=move || painted.get() fallback=loading>
            <Suspense fallback=loading>{shown}</Suspense>
        </Show>
    }
}

/// Whether nothing has focus: the element that had it was replaced.
fn focus_lost() -> bool {
    let doc = document();
    match (doc.active_element(), doc.body()) {
        (Some(active), Some(body)) => active.is_same_node(Some(body.as_ref())),
        _ => true,
    }
}

fn retry_id(page: bool) -> &'static str {
    if page {
        "nb-retry-editor"
    } else {
        "nb-retry-other-ways-in"
    }
}

#[component]
fn LoadFailedNotice(part: &'static Part, page: bool, attempt: RwSignal<u32>) -> impl IntoView {
    let heading = tr_msg(&part.failed);
    view! {
        <div class="nb-banner nb-banner-error" role="alert">
            {if page {
                view! { <h1 id="nb-step-heading" tabindex="-1">{heading}</h1> }.into_any()
            } else {
                view! { <h2>{heading}</h2> }.into_any()
            }}
            <p>{tr_msg(&part.why)}</p>
            <div class="nb-actions">
                <button type="button" class="nb-button" id=retry_id(page) on:click=move |_| attempt.update(|a| *a += 1)>
                    {tr("重试", "Try again")}
                </button>
                // A page left open across an update asks for the old build's files, which are gone.
                <button type="button" class="nb-button nb-button-secondary" on:click=|_| {
                    let _ = window().location().reload();
                }>
                    {tr("刷新页面", "Reload the page")}
                </button>
            </div>
        </div>
    }
}

static DRAFT_SCREENS: Part = Part {
    loading: Message::fixed(
        "正在载入编辑器……",
        "Loading the editor…",
    ),
    failed: Message::fixed(
        "编辑器没有载入",
        "The editor did not load",
    ),
    why: Message::fixed(
        "编辑器的程序文件没有下载成功，可能是网络中断了。草稿保存在本机浏览器中，没有丢失。如果重试仍不成功，可能是本工具刚刚更新过，请刷新页面。",
        "The editor's program file did not download; the network may be down. Your drafts are kept in this browser and nothing is lost. If trying again does not help, the tool may just have been updated: reload the page.",
    ),
    loaded: AtomicBool::new(false),
    quiet: false,
};

static AREA_TOOLS: Part = Part {
    loading: Message::fixed("正在载入汇总与检查……", "Loading 汇总 and 检查…"),
    failed: Message::fixed("汇总与检查没有载入", "汇总 and 检查 did not load"),
    why: Message::fixed(
        "这部分的程序文件没有下载成功，可能是网络中断了。草稿保存在本机浏览器中，没有丢失。如果重试仍不成功，可能是本工具刚刚更新过，请刷新页面。",
        "Their program file did not download; the network may be down. Your drafts are kept in this browser and nothing is lost. If trying again does not help, the tool may just have been updated: reload the page.",
    ),
    loaded: AtomicBool::new(false),
    quiet: false,
};

static OTHER_WAYS_IN: Part = Part {
    loading: Message::fixed(
        "正在载入示例、草稿文件和草稿列表……",
        "Loading the example, draft files and the drafts list…",
    ),
    failed: Message::fixed(
        "示例、草稿文件和草稿列表没有载入",
        "The example, draft files and the drafts list did not load",
    ),
    why: Message::fixed(
        "这部分的程序文件没有下载成功，可能是网络中断了。仍可在上面新建报告；草稿保存在本机浏览器中，没有丢失。如果重试仍不成功，可能是本工具刚刚更新过，请刷新页面。",
        "Their program file did not download; the network may be down. You can still create a report above; your drafts are kept in this browser and nothing is lost. If trying again does not help, the tool may just have been updated: reload the page.",
    ),
    loaded: AtomicBool::new(false),
    quiet: false,
};

/// A draft's screens, once their module is here.
#[component]
pub fn DeferredDraftScreen(id: String) -> impl IntoView {
    let load = move || {
        let id = id.clone();
        async move { call_split!(draft_screen_view(id)) }
    };
    view! { <Deferred load=loader(load) part=&DRAFT_SCREENS page=true /> }
}

/// The start screen's smaller parts that live in the other ways in's module, so that the first
/// download stays small: 继续编写 and 从去年的年报开始, above the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartPart {
    /// 继续编写.
    Continue,
    /// 从去年的年报开始, the first choice, above the form.
    FromLastYear,
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        other_ways_in,
        wasm_split_path = ::leptos::wasm_split,
        fallible
    )
)]
fn start_part_view(part: StartPart) -> Result<AnyView, LoadFailed> {
    Ok(match part {
        StartPart::Continue => view! { <super::start::ContinueWriting /> }.into_any(),
        StartPart::FromLastYear => view! { <super::start::FromLastYearCard /> }.into_any(),
    })
}

static START_PARTS: Part = Part {
    loading: Message::fixed("", ""),
    failed: Message::fixed("", ""),
    why: Message::fixed("", ""),
    loaded: AtomicBool::new(false),
    quiet: true,
};

/// A small part of the start screen, once its module is here.
#[component]
pub fn DeferredStartPart(part: StartPart) -> impl IntoView {
    let load = move || async move { call_split!(start_part_view(part)) };
    view! { <Deferred load=loader(load) part=&START_PARTS page=false /> }
}

/// The start screen's other ways in, once their module is here.
#[component]
pub fn DeferredOtherWaysIn() -> impl IntoView {
    let load = || async { call_split!(other_ways_in_view()) };
    view! { <Deferred load=loader(load) part=&OTHER_WAYS_IN page=false /> }
}

/// The tools of the office that collects an area's reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AreaTool {
    /// 汇总.
    Sum,
    /// 检查.
    Audit,
}

/// 汇总 or 检查, once their module is here.
#[component]
pub fn DeferredArea(tool: AreaTool) -> impl IntoView {
    let load = move || async move { call_split!(area_view(tool)) };
    view! { <Deferred load=loader(load) part=&AREA_TOOLS page=true /> }
}
