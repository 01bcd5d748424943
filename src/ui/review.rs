//! 审阅与导出: check your answers, every finding, the exported page itself as the preview, and
//! the ways out (page, clipboard, fragment, print). Exporting with errors asks first.

use super::clipboard::copy_rich;
use super::download::{download, download_bytes};
use super::editing::{use_announcer, use_editing};
use super::error_summary::ErrorSummary;
use super::i18n::{pick, tr, use_lang};
use super::route::Route;
use super::status::step_title;
use crate::report::export;
use crate::report::progress::{errors_in, summary, Step};
use crate::report::Severity;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the user asked to do with the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    DownloadPage,
    DownloadWord,
    Copy,
    DownloadFragment,
    Print,
}

/// The review step.
#[component]
pub fn ReviewStep() -> impl IntoView {
    let e = use_editing();
    let lang = use_lang();
    let announcer = use_announcer();
    let id = e.id();
    let page = Memo::new(move |_| e.draft.with(|d| export::page(e.template, d)));
    let errors = Memo::new(move |_| e.findings.with(|f| errors_in(f, Step::Review)));
    let pending = RwSignal::new(None::<Action>);
    let copied = RwSignal::new(None::<Result<(), String>>);
    let word_failed = RwSignal::new(None::<String>);

    let run = move |action: Action| {
        pending.set(None);
        let (template, draft) = (e.template, e.draft.get_untracked());
        match action {
            Action::DownloadPage => {
                download(
                    &export::file_name(&draft, ".html"),
                    "text/html",
                    &page.get_untracked(),
                );
            }
            Action::DownloadWord => {
                leptos::task::spawn_local(async move {
                    match super::word::document(&draft).await {
                        Ok(bytes) => {
                            download_bytes(
                                &export::file_name(&draft, ".docx"),
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                &bytes,
                            );
                        }
                        Err(why) => word_failed.set(Some(why)),
                    }
                });
            }
            Action::DownloadFragment => {
                download(
                    &export::file_name(&draft, "-片段.html"),
                    "text/html",
                    &export::fragment(template, &draft),
                );
            }
            Action::Copy => {
                let html = export::fragment(template, &draft);
                let plain = export::plain_text(template, &draft);
                leptos::task::spawn_local(async move {
                    let result = copy_rich(&html, &plain).await;
                    announcer.say(match (&result, lang.get_untracked()) {
                        (Ok(()), l) => pick(l, "已复制到剪贴板", "Copied to the clipboard").into(),
                        (Err(_), l) => pick(l, "复制失败", "Copying failed").into(),
                    });
                    copied.set(Some(result));
                });
            }
            Action::Print => {
                let frame = document()
                    .get_element_by_id("nb-preview-frame")
                    .and_then(|f| f.dyn_into::<web_sys::HtmlIFrameElement>().ok())
                    .and_then(|f| f.content_window());
                if let Some(w) = frame {
                    let _ = w.print();
                }
            }
        }
    };
    let ask = move |action: Action| {
        if errors.get_untracked() > 0 {
            pending.set(Some(action));
            request_animation_frame(|| super::editing::focus_id("nb-confirm"));
        } else {
            run(action);
        }
    };

    view! {
        <p class="nb-back"><a href=Route::Tasks(id.clone()).href()>{tr("← 任务列表", "← Task list")}</a></p>
        <p class="nb-caption">{move || e.draft.with(|d| d.meta.title())}</p>
        <h1 id="nb-step-heading" tabindex="-1">{tr("审阅与导出", "Review and export")}</h1>
        <ErrorSummary step=Step::Review />

        <h2>{tr("导出", "Export")}</h2>
        <div class="nb-check">
            <input
                type="checkbox"
                id="nb-charts"
                prop:checked=move || e.draft.with(|d| d.charts)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    e.draft.update(|d| d.charts = on);
                }
            />
            <label for="nb-charts">{tr("在网页中加入统计图（根据表格自动生成，表格仍是依据）", "Add charts to the page (drawn from the tables, which stay the record)")}</label>
        </div>
        {move || pending.get().map(|action| view! { <ExportConfirm on_go=move || run(action) on_cancel=move || pending.set(None) /> })}
        <div class="nb-actions">
            <button type="button" class="nb-button" on:click=move |_| ask(Action::DownloadPage)>{tr("下载网页", "Download page")}</button>
            <button type="button" class="nb-button nb-button-secondary" on:click=move |_| ask(Action::DownloadWord)>{tr("下载 Word", "Download Word")}</button>
            <button type="button" class="nb-button nb-button-secondary" on:click=move |_| ask(Action::Copy)>{tr("复制", "Copy")}</button>
            <button type="button" class="nb-button nb-button-secondary" on:click=move |_| ask(Action::DownloadFragment)>{tr("下载片段", "Download fragment")}</button>
            <button type="button" class="nb-button nb-button-secondary" on:click=move |_| ask(Action::Print)>{tr("打印", "Print")}</button>
        </div>
        <p class="nb-hint">{tr(
            "“下载网页”得到可直接发布的完整网页；“下载 Word”得到报领导审批用的Word文件；“复制”把带表格的内容放到剪贴板，可粘贴到网站后台编辑器；“下载片段”得到供编辑器源代码模式用的HTML片段。",
            "“Download page” gives a complete page ready to publish; “Download Word” a .docx for approval; “Copy” puts the content with its tables on the clipboard for a site's editor; “Download fragment” gives HTML for the editor's source view.",
        )}</p>
        {move || word_failed.get().map(|why| view! {
            <p class="nb-banner nb-banner-error" role="alert">{tr("未能生成Word文件，请改用“下载网页”后用Word打开。", "The Word file could not be made; download the page and open it in Word instead.")} " (" {why} ")"</p>
        })}
        {move || copied.get().map(|r| match r {
            Ok(()) => view! { <p class="nb-banner nb-banner-ok" role="status">{tr("已复制到剪贴板。", "Copied to the clipboard.")}</p> }.into_any(),
            Err(why) => view! { <p class="nb-banner nb-banner-error" role="alert">{tr("浏览器拒绝了复制，请改用“下载片段”。", "The browser refused to copy; use “Download fragment” instead.")} " (" {why} ")"</p> }.into_any(),
        })}

        // The report first: the page as it will be published, at its full height (no box that
        // scrolls inside the page), right under the ways out; then what was written, step by step.
        <Preview page />
        <AnswersList id=id.clone() />
        <super::publish_guide::PublishGuide />
    }
}

/// Check your answers: each step in a line, with its errors and a 修改 link.
#[component]
fn AnswersList(id: String) -> impl IntoView {
    let e = use_editing();
    let lang = use_lang();
    let rows = Step::all(e.template)
        .into_iter()
        .filter(|s| *s != Step::Review)
        .map(|step| {
            let href = Route::Step(id.clone(), step).href();
            let name = move || step_title(e.template, step, lang.get());
            let text = move || e.draft.with(|d| summary(e.template, d, step).get(lang.get()).to_string());
            let errs = move || e.findings.with(|f| errors_in(f, step));
            view! {
                <div class="nb-summary-row">
                    <dt lang="zh-CN">{name}</dt>
                    <dd>
                        {text}
                        {move || (errs() > 0).then(|| view! {
                            <strong class="nb-tag nb-tag-red">{pick(lang.get(), format!("有错误（{}）", errs()), super::i18n::count_en(errs(), "error", "errors"))}</strong>
                        })}
                    </dd>
                    <dd class="nb-change">
                        <a href=href>{tr("修改", "Change")}<span class="nb-visually-hidden">" " {name}</span></a>
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <h2>{tr("检查填写内容", "Check your answers")}</h2>
        <dl class="nb-summary-list-cya">{rows}</dl>
    }
}

/// Exporting with errors: the question, naming every error, focused when it opens.
#[component]
fn ExportConfirm(
    on_go: impl Fn() + Send + Sync + 'static,
    on_cancel: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let e = use_editing();
    let lang = use_lang();
    let names = e.findings.with_untracked(|fs| {
        fs.iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.message.clone())
            .collect::<Vec<_>>()
    });
    let count = names.len();
    view! {
        <div class="nb-confirm" id="nb-confirm" tabindex="-1" role="alertdialog" aria-labelledby="nb-confirm-title">
            <h3 id="nb-confirm-title">{move || pick(lang.get(), format!("报告还有{count}个错误，仍要导出吗？"), format!("The report still has {}. Export anyway?", super::i18n::count_en(count, "error", "errors")))}</h3>
            <ul>{names.into_iter().map(|n| view! { <li>{move || n.get(lang.get()).to_string()}</li> }).collect_view()}</ul>
            <div class="nb-actions">
                <button type="button" class="nb-button nb-button-warning" on:click=move |_| on_go()>{tr("仍然导出", "Export anyway")}</button>
                <button type="button" class="nb-button nb-button-secondary" on:click=move |_| on_cancel()>{tr("取消，先修改", "Cancel and fix them first")}</button>
            </div>
        </div>
    }
}

/// The preview: the exported page itself, in a sandboxed frame with no script.
#[component]
fn Preview(page: Memo<String>) -> impl IntoView {
    let lang = use_lang();
    // The page is the core's export; it reaches the frame only through the app's Trusted Types
    // policy.
    let frame = NodeRef::<leptos::html::Iframe>::new();
    Effect::new(move || {
        let page = page.get();
        if let Some(frame) = frame.get() {
            super::trusted::show_page(&frame, &page);
        }
    });
    // As tall as the page it shows, so the report reads as part of this screen.
    let fit = move |_| {
        if let Some(frame) = frame.get() {
            let height = frame
                .content_document()
                .and_then(|d| d.document_element())
                .map(|root| root.scroll_height())
                .unwrap_or(0);
            if height > 0 {
                let _ = frame.set_attribute("style", &format!("height: {}px", height + 24));
            }
        }
    };
    view! {
        <h2 id="nb-preview-heading">{tr("预览（即导出的网页）", "Preview (the exported page itself)")}</h2>
        <iframe
            id="nb-preview-frame"
            class="nb-preview"
            title=move || pick(lang.get(), "导出网页的预览", "Preview of the exported page")
            sandbox="allow-same-origin allow-modals"
            node_ref=frame
            on:load=fit
        ></iframe>
    }
}
