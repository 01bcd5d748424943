//! Units' files for 汇总 and 检查: chosen or dropped many at a time, read one after another in
//! one worker (so the page stays responsive), with a progress bar and a cancel button.

use super::editing::use_announcer;
use super::i18n::{pick, tr, use_lang};
use super::import_published::read_bytes;
use super::worker::Session;
use crate::report::area::UnitRead;
use crate::report::import::source;
use crate::report::Message;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

/// Where a run of reading is.
#[derive(Clone, Copy)]
pub struct Progress {
    /// Files read so far.
    pub done: RwSignal<usize>,
    /// Files in the run.
    pub total: RwSignal<usize>,
    /// Whether a run is going on.
    pub running: RwSignal<bool>,
    cancelled: RwSignal<bool>,
    session: StoredValue<Option<Rc<Session>>, LocalStorage>,
}

impl Progress {
    fn new(running: RwSignal<bool>) -> Progress {
        Progress {
            done: RwSignal::new(0),
            total: RwSignal::new(0),
            running,
            cancelled: RwSignal::new(false),
            session: StoredValue::new_local(None),
        }
    }

    fn cancel(&self) {
        self.cancelled.set(true);
        if let Some(s) = self.session.get_value() {
            s.end();
        }
    }
}

/// Reads `files` in one worker, handing each unit to `on_read` as it comes; then `on_done`.
fn read_all(
    files: Vec<web_sys::File>,
    progress: Progress,
    on_read: impl Fn(UnitRead) + 'static,
    on_done: impl Fn(bool) + 'static,
) {
    progress.total.update(|t| *t += files.len());
    progress.running.set(true);
    progress.cancelled.set(false);
    leptos::task::spawn_local(async move {
        let session = match Session::start().await {
            Ok(s) => Rc::new(s),
            Err(why) => {
                for f in &files {
                    on_read(refused(
                        &f.name(),
                        Message::new(
                            format!("读取程序没有启动（{why}），请刷新页面后重试。"),
                            format!(
                                "The reader did not start ({why}); reload the page and try again."
                            ),
                        ),
                    ));
                }
                progress.running.set(false);
                on_done(false);
                return;
            }
        };
        progress.session.set_value(Some(session.clone()));
        for f in files {
            if progress.cancelled.get_untracked() {
                break;
            }
            let unit = match read_bytes(&f).await {
                Err(why) => refused(&f.name(), why),
                Ok(bytes) => {
                    let request = js_sys::Array::of3(
                        &JsValue::from_str("unit"),
                        &JsValue::from_str(&f.name()),
                        &js_sys::Uint8Array::from(bytes.as_slice()),
                    );
                    match session.ask(request).await {
                        Ok(answer) => answer
                            .as_string()
                            .and_then(|j| UnitRead::from_json(&j))
                            .unwrap_or_else(|| {
                                refused(&f.name(), Message::fixed("读取时出错", "Reading failed"))
                            }),
                        Err(_) if progress.cancelled.get_untracked() => break,
                        Err(why) => refused(
                            &f.name(),
                            Message::new(
                                format!("读取时出错：{why}"),
                                format!("Reading failed: {why}"),
                            ),
                        ),
                    }
                }
            };
            on_read(unit);
            progress.done.update(|d| *d += 1);
        }
        session.end();
        progress.session.set_value(None);
        progress.running.set(false);
        on_done(!progress.cancelled.get_untracked());
    });
}

fn refused(file: &str, why: Message) -> UnitRead {
    UnitRead {
        file: file.to_string(),
        refused: Some(why),
        ..UnitRead::default()
    }
}

/// The files of a `FileList` (from a picker or a drop).
fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The picker, the drop zone and the progress of reading units' files.
#[component]
pub fn UnitFiles(
    /// The input's id.
    id: &'static str,
    /// The picker's label.
    label: Message,
    /// Called with each unit as it is read.
    on_read: impl Fn(UnitRead) + Copy + 'static,
    /// Called when a run ends: `true` when every file was read, `false` when cancelled.
    on_done: impl Fn(bool) + Copy + 'static,
    /// Set while files are being read: what depends on all of them waits for the run's end.
    running: RwSignal<bool>,
) -> impl IntoView {
    let lang = use_lang();
    let announcer = use_announcer();
    let progress = Progress::new(running);
    let start = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        read_all(files, progress, on_read, move |complete| {
            let (done, total) = (
                progress.done.get_untracked(),
                progress.total.get_untracked(),
            );
            announcer.say(if complete {
                pick(
                    lang.get_untracked(),
                    format!("已读取{done}个文件"),
                    format!("{done} files read"),
                )
                .to_string()
            } else {
                pick(
                    lang.get_untracked(),
                    format!("已取消：读取了{done}个文件，其余{}个没有读取", total - done),
                    format!("Cancelled: {done} files read, {} not read", total - done),
                )
                .to_string()
            });
            on_done(complete);
        });
    };
    let pick_files = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        start(files_of(input.as_ref().and_then(|i| i.files())));
        if let Some(i) = input {
            i.set_value("");
        }
    };
    // Files dropped anywhere on the screen are added (the app leaves drops here to us).
    let listener = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        start(files_of(ev.data_transfer().and_then(|d| d.files())));
    });
    on_cleanup(move || listener.remove());
    let accept = format!(".json,application/json,{}", source::ACCEPT);
    let percent = move || {
        (progress.done.get() * 100)
            .checked_div(progress.total.get())
            .unwrap_or(0)
    };
    view! {
        <div class="nb-drop">
            <label for=id class="nb-file-label">{move || label.get(lang.get()).to_string()}</label>
            <p class="nb-hint" id=format!("{id}-hint")>{tr(
                "可一次选择或拖入多个文件：草稿文件（.json）、保存的网页（.html、.mht）或Word文件（.docx）。文件在本机读取，不会上传。",
                "Choose or drop many files at once: draft files (.json), saved pages (.html, .mht) or Word files (.docx). They are read on this computer and never uploaded.",
            )}</p>
            <input id=id class="nb-file" type="file" multiple accept=accept
                aria-describedby=format!("{id}-hint") on:change=pick_files />
        </div>
        <div class="nb-progress" hidden=move || progress.total.get() == 0>
            <label for=format!("{id}-progress")>
                {move || pick(lang.get(), format!("已读取 {} / {} 个文件", progress.done.get(), progress.total.get()), format!("{} of {} files read", progress.done.get(), progress.total.get()))}
            </label>
            <progress id=format!("{id}-progress") max="100" value=percent>{percent}"%"</progress>
            <Show when=move || progress.running.get()>
                <button type="button" class="nb-button nb-button-secondary" on:click=move |_| progress.cancel()>
                    {tr("取消读取", "Cancel reading")}
                </button>
            </Show>
        </div>
    }
}
