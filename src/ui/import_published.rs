//! 导入已发布的年报: a page saved from a government website (or its text pasted) read into a
//! draft. What was recognised is shown cell by cell before any draft is created.

use super::i18n::{pick, tr, use_lang};
use super::import::store_and_open;
use crate::report::file::MAX_FILE_BYTES;
use crate::report::import::{declared_charset, read_published, CellStatus, Recognition};
use crate::report::{rules, Message, Severity};
use crate::storage::local;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The largest page read: saved pages carry scripts and styles, so more than a draft file.
const MAX_PAGE_BYTES: usize = 4 * MAX_FILE_BYTES;

/// Whether a file looks like a saved page rather than a draft file.
pub fn is_page(file: &web_sys::File) -> bool {
    let name = file.name().to_lowercase();
    [".html", ".htm", ".shtml", ".txt"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// Reads a page file: UTF-8, or the encoding its `<meta>` declares (GBK by default).
async fn read_page(file: web_sys::File) -> Result<String, Message> {
    let size = file.size();
    if size > MAX_PAGE_BYTES as f64 {
        return Err(Message::new(
            format!("文件过大（{:.1} MB），网页文件不应超过20 MB", size / 1_048_576.0),
            format!("The file is too large ({:.1} MB); a saved page is under 20 MB", size / 1_048_576.0),
        ));
    }
    let cannot = || Message::new("无法读取这个文件", "The file cannot be read");
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| cannot())?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    if let Ok(text) = std::str::from_utf8(&bytes) {
        return Ok(text.to_string());
    }
    let label = declared_charset(&bytes).unwrap_or_else(|| "gbk".into());
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    web_sys::TextDecoder::new_with_label_and_options(&label, &options)
        .and_then(|d| d.decode_with_u8_array(&bytes))
        .map_err(|_| {
            Message::new(
                format!("这个文件既不是UTF-8也不是{label}编码的文本"),
                format!("The file is neither UTF-8 nor {label} text"),
            )
        })
}

/// The start screen's card for reading a published report.
#[component]
pub fn PublishedImport(
    /// A page dropped on the app, handed over by the start screen.
    dropped: RwSignal<Option<web_sys::File>, LocalStorage>,
) -> impl IntoView {
    let lang = use_lang();
    let pasted = RwSignal::new(String::new());
    let result = RwSignal::new(None::<Recognition>);
    let problem = RwSignal::new(None::<Message>);
    let recognise = move |text: String| {
        problem.set(None);
        result.set(Some(read_published(&text, &local::new_id())));
    };
    let open = move |f: web_sys::File| {
        leptos::task::spawn_local(async move {
            match read_page(f).await {
                Ok(text) => recognise(text),
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
    let pick_file = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(f) = input.as_ref().and_then(|i| i.files()).and_then(|f| f.get(0)) {
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
                "在政府网站上打开往年的年报，用浏览器“另存为”保存网页（.html），在这里选择；也可以全选复制网页上的文字粘贴到下面。识别结果会逐格列出，确认后才新建草稿。",
                "Open an earlier report on the government website, save the page (.html) and choose it here, or select all of its text and paste it below. What was recognised is listed cell by cell before a draft is created.",
            )}</p>
            <label for="nb-published-file" class="nb-file-label">{tr("选择保存的网页", "Choose a saved page")}</label>
            <input id="nb-published-file" class="nb-file" type="file"
                accept=".html,.htm,.shtml,.txt,text/html,text/plain" on:change=pick_file />
            <div class="nb-field">
                <label for="nb-published-text">{tr("或粘贴网页文字", "Or paste the page's text")}</label>
                <textarea id="nb-published-text" class="nb-textarea" rows=4
                    prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                <button type="button" class="nb-button nb-button-secondary"
                    on:click=move |_| recognise(pasted.get_untracked())>
                    {tr("识别粘贴的文字", "Recognise the pasted text")}
                </button>
            </div>
            {move || problem.get().map(|p| view! {
                <p class="nb-banner nb-banner-error" role="alert">{p.get(lang.get()).to_string()}</p>
            })}
            {move || result.get().map(|r| view! { <RecognitionReport r=r on_cancel=move || result.set(None) /> })}
        </section>
    }
}

/// What was read from a page, before the draft is created.
#[component]
fn RecognitionReport(r: Recognition, on_cancel: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let lang = use_lang();
    let l = move || lang.get();
    if !r.anything() {
        return view! {
            <div class="nb-banner nb-banner-error" role="alert">
                <p><strong>{tr("没有读到任何年报内容。", "Nothing of an annual report could be read.")}</strong></p>
                <p>{tr("请确认选择的是年报正文所在的网页；本浏览器中的草稿没有任何改变。", "Check that this is the page holding the report; nothing in this browser was changed.")}</p>
            </div>
        }
        .into_any();
    }
    let findings = rules::check(&r.draft);
    let errors: Vec<Message> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.message.clone())
        .collect();
    let [read, zero, converted, close, unreadable, missing] = r.tally();
    let template = r.draft.template();
    let draft = r.draft.clone();
    let tables = template.map(|t| {
        t.tables()
            .flat_map(|table| table.blocks.iter().map(move |b| (table, b)))
            .map(|(table, block)| {
                let columns = block.value_columns();
                let rows = block.data_rows();
                let name = format!("{}{}", table.caption, block.caption.map(|c| format!(" {c}")).unwrap_or_default());
                view! {
                    // Wide tables scroll; the region takes focus so keyboard users can scroll it.
                    <div class="nb-table-wrap" tabindex="0" role="region" aria-label=name>
                        <table class="nb-recognised">
                            <caption>{table.caption}{block.caption.map(|c| format!(" {c}"))}</caption>
                            <thead><tr>
                                <th scope="col">{tr("行", "Row")}</th>
                                {columns.iter().map(|c| view! { <th scope="col">{c.column.label}</th> }).collect_view()}
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|row| {
                                    let cells = columns.iter().map(|c| {
                                        let key = format!("{}/{}/{}", table.id, row.row.id, c.column.id);
                                        let read = r.cell(&key).cloned();
                                        let (class, text, why) = match &read {
                                            Some(c) => (status_class(&c.status), c.value.clone().unwrap_or_else(|| "—".into()), c.explain()),
                                            None => ("nb-cell-missing", "—".into(), None),
                                        };
                                        let title = why.map(|m| m.get(lang.get_untracked()).to_string());
                                        view! { <td class=class title=title>{text}</td> }
                                    }).collect_view();
                                    let label = if row.row.label.is_empty() { "数量" } else { row.row.label };
                                    view! { <tr><th scope="row">{label}</th>{cells}</tr> }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            })
            .collect_view()
    });
    let explained: Vec<(String, Message)> = r
        .cells
        .iter()
        .filter(|c| !matches!(c.status, CellStatus::ZeroMark))
        .filter_map(|c| c.explain().map(|m| (c.name.clone(), m)))
        .collect();
    let (n_explained, n_errors) = (explained.len(), errors.len());
    view! {
        <div class="nb-recognition" role="region" aria-labelledby="nb-recognition-heading">
            <h3 id="nb-recognition-heading" tabindex="-1">{tr("识别结果", "What was recognised")}</h3>
            <p>{move || r.format.get(l()).to_string()}</p>
            <dl class="nb-summary-dl">
                {r.fields.iter().map(|f| {
                    let value = f.value.clone();
                    view! {
                        <dt>{f.label}</dt>
                        <dd>{move || value.clone().unwrap_or_else(|| pick(l(), "（未找到）", "(not found)").into())}</dd>
                    }
                }).collect_view()}
            </dl>
            <ul class="nb-sections-found">
                {r.sections.iter().map(|(_, heading, found)| {
                    let found = *found;
                    view! { <li>{*heading} "：" {move || if found { pick(l(), "已找到", "found") } else { pick(l(), "未找到", "not found") }}</li> }
                }).collect_view()}
            </ul>
            <p id="nb-recognition-tally">{move || pick(
                l(),
                format!("表格：读取{read}个数字，{zero}个空白或“-”“/”“无”按0计，{converted}个经单位或文字换算，{close}个所在行的标签与官方略有不同，{unreadable}个无法读取，{missing}个页面上没有。"),
                format!("Tables: {read} numbers read, {zero} blanks or marks read as 0, {converted} converted from units or words, {close} in rows whose label differs slightly, {unreadable} unreadable, {missing} not on the page."),
            )}</p>
            <p class="nb-hint">{tr("下表中灰色为页面上没有的单元格（保持空白，不会猜测），黄色为经换算或按0计的单元格；把鼠标移到单元格上可看到原文。", "Grey cells are not on the page (left blank, never guessed); yellow ones were converted or read as 0; hover a cell to see the printed text.")}</p>
            {tables}
            {(!explained.is_empty()).then(|| view! {
                <details>
                    <summary>{move || pick(l(), format!("{n_explained}个单元格经过换算或无法读取"), format!("{n_explained} cells converted or unreadable"))}</summary>
                    <ul>{explained.iter().map(|(name, m)| {
                        let (name, m) = (name.clone(), m.clone());
                        view! { <li>{name} "：" {move || m.get(l()).to_string()}</li> }
                    }).collect_view()}</ul>
                </details>
            })}
            {(!r.unplaced.is_empty()).then(|| view! {
                <h4>{tr("未读取的行", "Rows not read")}</h4>
                <ul class="nb-unplaced">{r.unplaced.iter().map(|u| {
                    let u = u.clone();
                    view! { <li><span lang="zh-CN">{u.text.clone()}</span> "：" {move || u.reason.get(l()).to_string()}</li> }
                }).collect_view()}</ul>
            })}
            {(!r.notes.is_empty()).then(|| view! {
                <ul>{r.notes.iter().map(|n| { let n = n.clone(); view! { <li>{move || n.get(l()).to_string()}</li> } }).collect_view()}</ul>
            })}
            {(!errors.is_empty()).then(|| view! {
                <div class="nb-banner nb-banner-error">
                    <p><strong>{move || pick(l(), format!("页面上的表格本身有{n_errors}处不一致，导入后会在草稿中标出："), format!("The page's own tables break {n_errors} rules; the draft will show them:"))}</strong></p>
                    <ul>{errors.iter().take(5).map(|m| { let m = m.clone(); view! { <li>{move || m.get(l()).to_string()}</li> } }).collect_view()}</ul>
                </div>
            })}
            <div class="nb-actions">
                <button type="button" class="nb-button" on:click=move |_| store_and_open(draft.clone())>
                    {tr("用识别结果新建草稿", "Create a draft from this")}
                </button>
                <button type="button" class="nb-button nb-button-secondary" on:click=move |_| on_cancel()>
                    {tr("取消", "Cancel")}
                </button>
            </div>
        </div>
    }
    .into_any()
}

fn status_class(status: &CellStatus) -> &'static str {
    match status {
        CellStatus::Read => "nb-cell-read",
        CellStatus::ZeroMark | CellStatus::Converted(_) | CellStatus::CloseLabel(_) => "nb-cell-converted",
        CellStatus::Unreadable(_) => "nb-cell-unreadable",
        CellStatus::NotFound => "nb-cell-missing",
    }
}
