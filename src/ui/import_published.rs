//! 导入已发布的年报: a page saved from a government website (or its text pasted) read into a
//! draft. What was recognised is shown cell by cell before any draft is created.

use super::i18n::{tr, use_lang};
use super::import::store_and_open;
use crate::report::file;
use crate::report::import::{page_too_large, source, Imported, MAX_PAGE_BYTES};
use crate::report::Message;
use crate::storage::local;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// Whether a file is last year's report (a page, a Word file …) rather than a draft file.
pub fn is_page(file: &web_sys::File) -> bool {
    source::is_report_file(&file.name())
}

/// A file's bytes, refusing an oversized one before reading it (the import and 汇总/检查).
pub(super) async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, Message> {
    let size = file.size();
    if size > MAX_PAGE_BYTES as f64 {
        return Err(page_too_large(size as usize));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| Message::new("无法读取这个文件", "The file cannot be read"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The start screen's card for reading a published report.
#[component]
pub fn PublishedImport(
    /// A page dropped on the app, handed over by the start screen.
    dropped: RwSignal<Option<web_sys::File>, LocalStorage>,
    /// Text of last year's PDF, handed over by the start form (从去年的年报开始).
    pasted: RwSignal<Option<String>>,
    /// Whether what is read is last year's report, to start next year's draft from.
    next_year: RwSignal<bool>,
) -> impl IntoView {
    let lang = use_lang();
    let typed = RwSignal::new(String::new());
    let result = RwSignal::new(None::<Imported>);
    let problem = RwSignal::new(None::<Message>);
    let reading = RwSignal::new(false);
    // Only the latest request's answer is shown: a page chosen while another is being read
    // replaces it.
    let latest = StoredValue::new(0u32);
    // The page is read in the worker, with the reading code that the first screen never loads:
    // pasted text as text, a file as its bytes (the worker tells its kind and decodes it).
    let recognise = move |request: JsValue| {
        problem.set(None);
        result.set(None);
        reading.set(true);
        let ticket = latest.get_value().wrapping_add(1);
        latest.set_value(ticket);
        leptos::task::spawn_local(async move {
            let answer = super::worker::ask(request).await;
            if latest.get_value() != ticket {
                return;
            }
            reading.set(false);
            match answer
                .ok()
                .and_then(|a| a.as_string())
                .and_then(|j| Imported::from_json(&j))
            {
                Some(Imported {
                    refused: Some(why), ..
                }) => problem.set(Some(why)),
                Some(imported) => result.set(Some(imported)),
                None => problem.set(Some(Message::new(
                    "读取网页时出错，请重试；本浏览器中的草稿没有任何改变。",
                    "Reading the page failed; try again. Nothing in this browser was changed.",
                ))),
            }
        });
    };
    let recognise_text = move |text: String| {
        recognise(JsValue::from_str(&format!(
            "import\n{}\n{text}",
            local::new_id()
        )))
    };
    let open = move |f: web_sys::File| {
        leptos::task::spawn_local(async move {
            match read_bytes(&f).await {
                Ok(bytes) => {
                    let request = js_sys::Array::of4(
                        &JsValue::from_str("file"),
                        &JsValue::from_str(&f.name()),
                        &JsValue::from_str(&local::new_id()),
                        &js_sys::Uint8Array::from(bytes.as_slice()),
                    );
                    recognise(request.into());
                }
                Err(why) => {
                    result.set(None);
                    problem.set(Some(why));
                }
            }
        });
    };
    Effect::new(move |_| {
        if let Some(f) = dropped.get() {
            dropped.set(None);
            open(f);
        }
    });
    Effect::new(move |_| {
        if let Some(text) = pasted.get() {
            pasted.set(None);
            recognise_text(text);
        }
    });
    let pick_file = move |ev: leptos::ev::Event| {
        next_year.set(false);
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(f) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        {
            open(f);
        }
        if let Some(i) = input {
            i.set_value("");
        }
    };
    view! {
        <section class="nb-card" aria-labelledby="nb-published-heading">
            <h2 id="nb-published-heading">{tr("导入已发布的年报", "Import a published report")}</h2>
            <p>{tr(
                "选择往年年报的文件：从政府网站“另存为”保存的网页（.html，或单个文件.mht），或起草时的Word文件（.docx）；也可以把文件拖到本页面上。只有PDF的，请在PDF阅读器中全选并复制文字，粘贴到下面。识别结果会逐格列出，确认后才新建草稿。",
                "Choose a file of an earlier report: the page saved from the government website (.html, or one file .mht), or the Word file it was drafted in (.docx); or drop the file onto this page. If there is only a PDF, select all of its text in a PDF reader, copy it and paste it below. What was recognised is listed cell by cell before a draft is created.",
            )}</p>
            <label for="nb-published-file" class="nb-file-label">{tr("选择保存的网页或Word文件", "Choose a saved page or Word file")}</label>
            <input id="nb-published-file" class="nb-file" type="file"
                accept=source::ACCEPT on:change=pick_file />
            <div class="nb-field">
                <label for="nb-published-text">{tr("或粘贴网页文字", "Or paste the page's text")}</label>
                <textarea id="nb-published-text" class="nb-textarea" rows=4
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))></textarea>
                <button type="button" class="nb-button nb-button-secondary"
                    on:click=move |_| {
                        next_year.set(false);
                        recognise_text(typed.get_untracked());
                    }>
                    {tr("识别粘贴的文字", "Recognise the pasted text")}
                </button>
            </div>
            {move || reading.get().then(|| view! { <p role="status">{tr("正在识别……", "Reading the page…")}</p> })}
            {move || problem.get().map(|p| view! {
                <p class="nb-banner nb-banner-error" role="alert">{p.get(lang.get()).to_string()}</p>
            })}
            {move || result.get().map(|r| view! { <RecognitionReport r=r next_year=next_year.get() on_cancel=move || result.set(None) /> })}
        </section>
    }
}

/// What was read from a page, before the draft is created: the report is markup built by the
/// core (read-only); the buttons are here.
#[component]
fn RecognitionReport(
    r: Imported,
    /// Make next year's draft from it (从去年的年报开始) rather than a draft of it.
    next_year: bool,
    on_cancel: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let notes = super::year_link::use_carry_notes();
    if !r.anything {
        return view! {
            <div class="nb-banner nb-banner-error" role="alert">
                <p><strong>{tr("没有读到任何年报内容。", "Nothing of an annual report could be read.")}</strong></p>
                <p>{tr("请确认选择的是年报正文所在的网页；本浏览器中的草稿没有任何改变。", "Check that this is the page holding the report; nothing in this browser was changed.")}</p>
            </div>
        }
        .into_any();
    }
    let draft = r.draft.clone();
    let failed = RwSignal::new(None::<Message>);
    let year = file::from_file(&draft).map(|d| d.meta.year).unwrap_or(0);
    // Asked for from 从去年的年报开始, further up the screen: the clerk is taken to it.
    if next_year {
        request_animation_frame(|| super::editing::focus_id("nb-recognition-heading"));
    }
    let create = move |_| match file::from_file(&draft) {
        Ok(d) if next_year => super::import::open_next_year(d, notes),
        Ok(d) => store_and_open(d),
        Err(e) => failed.set(Some(e.message())),
    };
    let create_label = move || match (next_year, lang.get()) {
        (true, l) => super::i18n::pick(
            l,
            format!("以此新建{}年度报告", year.saturating_add(1)),
            format!("Start the {} report from this", year.saturating_add(1)),
        ),
        (false, l) => {
            super::i18n::pick(l, "用识别结果新建草稿", "Create a draft from this").to_string()
        }
    };
    // The report is markup the core built and escaped; it reaches the DOM only through the
    // app's Trusted Types policy.
    let body = NodeRef::<leptos::html::Div>::new();
    // Rows not read beyond the report's first hundred: a hundred more on each press, never
    // all of a hostile file's at once.
    let pages = r.more_zh.len();
    let shown = RwSignal::new(0usize);
    let more = NodeRef::<leptos::html::Ul>::new();
    let r_more = r.clone();
    Effect::new(move || {
        let markup = r.report(lang.get()).to_string();
        if let Some(el) = body.get() {
            super::trusted::set_markup(&el, &markup);
        }
    });
    Effect::new(move || {
        let n = shown.get();
        let markup = r_more
            .more(lang.get())
            .iter()
            .take(n)
            .cloned()
            .collect::<String>();
        if let Some(el) = more.get() {
            super::trusted::set_markup(&el, &markup);
        }
    });
    view! {
        <div class="nb-recognition" role="region" aria-labelledby="nb-recognition-heading">
            <h3 id="nb-recognition-heading" tabindex="-1">{tr("识别结果", "What was recognised")}</h3>
            <div node_ref=body></div>
            {(pages > 0).then(|| view! {
                <ul class="nb-unplaced" node_ref=more></ul>
                <Show when=move || { shown.get() < pages }>
                    <button type="button" class="nb-button nb-button-secondary" on:click=move |_| shown.update(|n| *n += 1)>
                        {move || super::i18n::pick(
                            lang.get(),
                            format!("再列出{}行未读取的行（还有{}批）", crate::report::import::UNPLACED_PAGE, pages - shown.get()),
                            format!("List {} more rows not read ({} batches left)", crate::report::import::UNPLACED_PAGE, pages - shown.get()),
                        )}
                    </button>
                </Show>
            })}
            {move || failed.get().map(|m| view! {
                <p class="nb-banner nb-banner-error" role="alert">{m.get(lang.get()).to_string()}</p>
            })}
            <div class="nb-actions">
                <button type="button" class="nb-button" on:click=create>{create_label}</button>
                <button type="button" class="nb-button nb-button-secondary" on:click=move |_| on_cancel()>
                    {tr("取消", "Cancel")}
                </button>
            </div>
        </div>
    }
    .into_any()
}
